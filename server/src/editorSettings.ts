import { Connection } from 'vscode-languageserver';
import { errorMessage } from './errorText';

/** The settings section the editor keeps this server's settings under. */
const settingsSection = 'glossary';

/**
 * The editor's settings of the glossary: asked for (`workspace/configuration`) where the client
 * answers, else as the client last pushed them (`workspace/didChangeConfiguration`) or gave them
 * at the start (`initializationOptions`, shaped as a push: `{ glossary: { … } }`).
 */
export class EditorSettings {
  /** The settings as the client last pushed them, for a client that cannot be asked. */
  private pushed: unknown;
  /** The settings the glossary was last read with, as `settingsKey` gives them. */
  private loadedKey: string | undefined;
  /** The last question to the client, while it is not answered: its answer may come from before a change told meanwhile. */
  private unanswered: Promise<unknown> | undefined;

  constructor(
    private readonly connection: Connection,
    /** Whether the client answers `workspace/configuration` (known once it is initialized). */
    private readonly clientAnswers: () => boolean,
  ) {}

  /**
   * Takes the settings an editor gives in the initialize request, which one that can neither be
   * asked nor pushes before the first load (Neovim 0.7) has no other way to give for that load.
   */
  startWith(initializationOptions: unknown): void {
    this.pushed = withoutEmptyLuaTables((initializationOptions as Record<string, unknown> | null | undefined)?.[settingsSection]);
  }

  /** The settings now; the glossary is read with what `current` returns and `loadedWith` records. */
  async current(): Promise<unknown> {
    if (!this.clientAnswers()) {
      return this.pushed;
    }
    const question = this.connection.workspace.getConfiguration(settingsSection);
    this.unanswered = question;
    try {
      // Neovim 0.8 and later answer from the table `settings` of their configuration.
      return withoutEmptyLuaTables(await question);
    } catch (error) {
      // The glossary is still read, with the settings last pushed (or none): without it the editor would get nothing.
      this.connection.console.warn(`workspace/configuration failed, the editor's settings are not applied: ${errorMessage(error)}`);
      return this.pushed;
    } finally {
      if (this.unanswered === question) this.unanswered = undefined;
    }
  }

  /** Records the settings the glossary is read with, to tell later whether a change matters. */
  loadedWith(settings: unknown): void {
    this.loadedKey = settingsKey(settings);
  }

  /**
   * Takes the settings of a `workspace/didChangeConfiguration` notification, and tells whether the
   * glossary must be read again. VS Code tells of every change under `glossary`,
   * `glossary.trace.server` too, which only the client reads: those change nothing here.
   */
  async changed(notified: unknown): Promise<boolean> {
    // A push without the section says nothing of the glossary (clients that are asked push null;
    // others push the settings of every server they run): what was pushed or given at the start stays.
    if (notified !== null && typeof notified === 'object' && settingsSection in notified) {
      this.pushed = withoutEmptyLuaTables((notified as Record<string, unknown>)[settingsSection]);
    }
    // A glossary being read with settings asked for before this change (the first load, say): once
    // that answer is taken (`loadedWith`), the settings are asked for again and compared.
    if (this.unanswered !== undefined) {
      await this.unanswered.catch(() => undefined);
      await new Promise((resolve) => setImmediate(resolve));
    }
    return this.loadedKey !== undefined && settingsKey(await this.current()) !== this.loadedKey;
  }
}

/**
 * Settings as an editor configured in Lua sends them: Neovim writes an empty table as `[]`, so
 * `init_options = { glossary = {} }` gives `[]` for no settings, and `severity = {}` `[]` for no
 * severities. Where the settings or their severities are such an empty list, they are none.
 */
function withoutEmptyLuaTables(settings: unknown): unknown {
  const empty = (value: unknown): boolean => Array.isArray(value) && value.length === 0;
  if (empty(settings)) return undefined;
  if (settings === null || typeof settings !== 'object' || !empty((settings as Record<string, unknown>).severity)) return settings;
  return { ...(settings as Record<string, unknown>), severity: {} };
}

/** The settings that decide what the server reports, as a string to compare: without `trace`, keys in order. */
function settingsKey(settings: unknown): string {
  const { trace: _trace, ...rest } = settings !== null && typeof settings === 'object' ? (settings as Record<string, unknown>) : { trace: undefined };
  return JSON.stringify(rest, (_key, value: unknown) =>
    value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : value,
  );
}
