import { Connection, Diagnostic } from 'vscode-languageserver';
import { IndexChange } from './index/workspaceIndex';
import { TimeSlices } from './timeSlices';

/** How long diagnostics after an edit wait for the next keystroke, and at most during a long burst. */
const editDelayMs = 75;
const editMaxWaitMs = 500;

/**
 * Sends the diagnostics of the documents an index change affects. Clients that pull diagnostics
 * (`textDocument/diagnostic`) pull those of open documents; the rest are pushed, so that the
 * Problems panel lists the whole glossary, and never both for one document (the editor would show
 * each problem twice). Edits are coalesced: the index follows every keystroke, so requests see the
 * latest text, but a burst of keystrokes publishes once, a moment after the last one.
 */
export class DiagnosticsPublisher {
  /** Documents whose last pushed diagnostics were not empty, so that clearing them is sent. */
  private readonly published = new Set<string>();
  private pulls = false;
  /** The edits not yet published, and when the first of them came. */
  private pending: { affected: Set<string>; edited: Set<string>; since: number | undefined } = { affected: new Set(), edited: new Set(), since: undefined };
  private timer: NodeJS.Timeout | undefined;
  /** After the shutdown request nothing more is sent. */
  private stopped = false;
  /** Closed documents whose diagnostics a change affected and that are not yet published (see `publishChange`). */
  private readonly backlog = new Set<string>();
  private publishingBacklog = false;
  /** Counts the publications of a whole glossary, so that an older one stops when a newer one begins. */
  private generation = 0;

  constructor(
    private readonly connection: Connection,
    private readonly diagnosticsOf: (uri: string) => Diagnostic[],
    /** The version of an open document (whose text its diagnostics are worked out from); undefined for a closed one. */
    private readonly openVersionOf: (uri: string) => number | undefined,
    /** Called after each publication, for what depends on the diagnostics (the status bar). */
    private readonly onPublished: () => void,
  ) {}

  /** Whether the client pulls diagnostics (and can be asked to pull again). */
  useClient(pulls: boolean): void {
    this.pulls = pulls;
  }

  /** Whether the client pulls the diagnostics of this document itself. */
  isPulled(uri: string): boolean {
    return this.pulls && this.isOpen(uri);
  }

  /**
   * Sends the diagnostics of every indexed document anew (after a load), and clears those of
   * documents gone: the open documents first, then the rest in time slices (`TimeSlices`), between
   * which requests and edits are served (a large glossary's diagnostics take seconds to work out).
   * Resolves to true once all are sent, to false once a newer `publishAll` (a reload) or the
   * shutdown took over.
   */
  async publishAll(indexedUris: Iterable<string>): Promise<boolean> {
    const generation = ++this.generation;
    // The editor pulls the open documents' diagnostics now, while the rest are pushed.
    if (this.pulls) {
      void this.connection.languages.diagnostics.refresh();
    }
    const uris = [...new Set([...this.published, ...indexedUris])];
    const openFirst = [...uris.filter((uri) => this.isOpen(uri)), ...uris.filter((uri) => !this.isOpen(uri))];
    const slices = new TimeSlices();
    for (const uri of openFirst) {
      if (slices.due) {
        await slices.pause();
        if (generation !== this.generation || this.stopped) return false;
      }
      this.publish([uri]);
    }
    this.onPublished();
    return true;
  }

  /**
   * Sends the diagnostics an index change affects: those of open documents at once, the rest in
   * time slices, which a change of a few files fits in (one that changes every file's diagnostics,
   * such as the index page's class edited, would otherwise hold a large glossary's server for seconds).
   */
  publishChange(change: IndexChange | undefined, editedUri?: string): void {
    if (change === undefined) {
      return;
    }
    const affected = [...change.affectedUris];
    this.publish(affected.filter((uri) => this.isOpen(uri)));
    for (const uri of affected) {
      if (!this.isOpen(uri)) this.backlog.add(uri);
    }
    // The editor pulls an edited document by itself; other open documents it must be told about.
    if (this.pulls && affected.some((uri) => uri !== editedUri && this.isPulled(uri))) {
      void this.connection.languages.diagnostics.refresh();
    }
    void this.publishBacklog();
  }

  /** Publishes the closed documents changes left to publish, in time slices; one run at a time, which takes what later changes add. */
  private async publishBacklog(): Promise<void> {
    if (this.publishingBacklog) return;
    this.publishingBacklog = true;
    try {
      const slices = new TimeSlices();
      for (const uri of this.backlog) {
        if (slices.due) {
          await slices.pause();
          if (this.stopped) return;
        }
        this.backlog.delete(uri);
        this.publish([uri]);
      }
    } finally {
      this.publishingBacklog = false;
    }
    this.onPublished();
  }

  /** Clears the diagnostics of a file that is gone. */
  forget(uri: string): void {
    this.backlog.delete(uri);
    if (this.published.delete(uri) && !this.stopped) {
      void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    }
    // An editor that pulls shows what it pulled last for a document it still has open, until told to pull again.
    if (this.pulls && !this.stopped && this.isPulled(uri)) {
      void this.connection.languages.diagnostics.refresh();
    }
  }

  /** Sends the diagnostics an edit affects once typing pauses (at least every `editMaxWaitMs`). */
  publishEditSoon(change: IndexChange | undefined, editedUri: string): void {
    if (change === undefined) {
      return;
    }
    const since = (this.pending.since ??= Date.now());
    // Read at once: an index change works out its affected documents from the index as it is now.
    change.affectedUris.forEach((uri) => this.pending.affected.add(uri));
    this.pending.edited.add(editedUri);
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.publishPendingEdits(), Math.max(0, Math.min(editDelayMs, since + editMaxWaitMs - Date.now())));
  }

  private publishPendingEdits(): void {
    this.timer = undefined;
    const { affected, edited } = this.pending;
    this.pending = { affected: new Set(), edited: new Set(), since: undefined };
    this.publishChange({ changedIds: new Set(), affectedUris: affected }, edited.size === 1 ? [...edited][0] : undefined);
  }

  /** Sends nothing more, and drops the edits not yet published. */
  dispose(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private isOpen(uri: string): boolean {
    return this.openVersionOf(uri) !== undefined;
  }

  private publish(uris: Iterable<string>): void {
    if (this.stopped) return;
    for (const uri of uris) {
      const diagnostics = this.isPulled(uri) ? [] : this.diagnosticsOf(uri);
      if (diagnostics.length > 0 || this.published.has(uri)) {
        // The version tells the editor which text they belong to (one that has moved on may drop them).
        const version = this.openVersionOf(uri);
        void this.connection.sendDiagnostics({ uri, diagnostics, ...(version !== undefined ? { version } : {}) });
      }
      if (diagnostics.length > 0) {
        this.published.add(uri);
      } else {
        this.published.delete(uri);
      }
    }
  }
}
