import { Connection } from 'vscode-languageserver';
import { GlossaryStatus, StatusNotification } from './protocol';
import { hasShutDown } from './requestRunner';
import type { GlossarySession } from './session/glossarySession';

/** How long a burst of changes may go on before the counts are sent: counting a large glossary is cheap but not free. */
const statusDelayMs = 250;

/**
 * The glossary's status for the client's status bar (`StatusNotification`): "indexing" while the
 * glossary is read and its diagnostics published whole, then "ready" with the counts, sent once
 * per burst of changes and never twice the same.
 */
export class StatusReporter {
  private timer: NodeJS.Timeout | undefined;
  /** Reloads begun whose diagnostics are not all published yet. */
  private reloadsUnderWay = 0;
  /**
   * Whether a reload's diagnostics were all published while another was under way: "ready" is sent
   * once none is, also when the last to end is an older reload's publication, ended unfinished.
   */
  private readyOwed = false;
  /** The last status sent: the same again is not sent (publications and reloads ask for it often). */
  private lastSent = '';

  constructor(
    private readonly connection: Connection,
    private readonly session: () => GlossarySession,
  ) {}

  /** Sends a status, unless it is the one sent last or the server is shutting down. */
  notify(status: GlossaryStatus): void {
    const text = JSON.stringify(status);
    if (text === this.lastSent || hasShutDown(this.connection)) return;
    this.lastSent = text;
    void this.connection.sendNotification(StatusNotification, status);
  }

  /** Sends the state with the session's counts now. */
  send(state: GlossaryStatus['state']): void {
    const session = this.session();
    this.notify({ state, ...session.counts(), hasConfigFile: session.hasConfigFile(), indexPageUri: session.index.indexPageUri() });
  }

  /** Sends "ready" with the counts after a moment, unless a reload is under way (which says "ready" when it is done). */
  sendSoon(): void {
    if (this.reloadsUnderWay > 0) return;
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.send('ready');
    }, statusDelayMs);
  }

  reloadStarted(): void {
    this.reloadsUnderWay++;
  }

  /** A reload ended, read or not; `published` when all its diagnostics were sent (not ended by a newer reload or the shutdown). */
  reloadEnded(published: boolean): void {
    this.reloadsUnderWay--;
    this.readyOwed ||= published;
    if (this.readyOwed && this.reloadsUnderWay === 0) {
      this.readyOwed = false;
      this.send('ready');
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
  }
}
