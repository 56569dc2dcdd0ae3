import { NotificationType, Range, RequestType, RequestType0, TextEdit } from 'vscode-languageserver-protocol';
import type { GlossaryReport } from './report/glossaryReport';

/**
 * What the glossary server offers beyond the Language Server Protocol. The VS Code client imports
 * this module; other editors can use the same names (they are plain JSON-RPC).
 */

/** Commands the server runs with `workspace/executeCommand`. */
export const ServerCommands = {
  /** Creates a new entry file from the chapter template and shows it. Argument: `CreateEntryParams`. */
  createEntry: 'glossary.createEntry',
  /** Adds an entry to `ignoreMentionsOf` in `.glossary.json`. Argument: `IgnoreMentionsParams`. */
  ignoreMentionsOf: 'glossary.ignoreMentionsOf',
  /** Adds files to `exclude` in `.glossary.json`. Argument: `ExcludeFilesParams`. */
  excludeFiles: 'glossary.excludeFiles',
  /** Applies a quick fix's edit, for a client that takes commands and no code actions. Argument: the `WorkspaceEdit`. */
  applyEdit: 'glossary.applyEdit',
  /** Shows a file of the glossary that a quick fix wrote, with a range selected (`window/showDocument`). Argument: `ShowFileParams`. */
  showFile: 'glossary.showFile',
} as const;

/** The file to show and what to select in it. */
export interface ShowFileParams {
  readonly uri: string;
  readonly selection: Range;
}

/** The entry whose names are no longer to be suggested as unlinked mentions, and the file that says so. */
export interface IgnoreMentionsParams {
  readonly id: string;
  /** The `.glossary.json` the edit goes to (the client checks that it holds no unsaved changes). */
  readonly configUri: string;
}

/** Files to leave out of the glossary (a project's README beside its entries), and the file that says so. */
export interface ExcludeFilesParams {
  /** Patterns for `exclude`, relative to the folder of `configUri`, each naming one file. */
  readonly patterns: readonly string[];
  /** The `.glossary.json` the edit goes to (the client checks that it holds no unsaved changes). */
  readonly configUri: string;
}

/**
 * The `.glossary.json` edited by `ignoreMentionsOf` or `excludeFiles` (the client saves it),
 * written by the server (`written`: for an editor that cannot create files), or left as it is
 * because it lists what was to be added already (`listedAlready`); or why it was not edited.
 */
export type SettingsEditResult = { readonly uri: string; readonly written?: true; readonly listedAlready?: true } | { readonly error: string };

/** The entry to create: its title as the writer typed it, and optionally an id (proposed from the title otherwise). */
export interface CreateEntryParams {
  readonly title: string;
  readonly id?: string;
}

/** Where the entry was created, or why it was not. */
export type CreateEntryResult = { readonly uri: string } | { readonly error: string };

/** Proposes an id for a new entry and says whether it can be created. */
export const ProposeEntryRequest = new RequestType<{ readonly title: string; readonly id?: string }, ProposedEntry, void>('glossary/proposeEntry');

export interface ProposedEntry {
  /** The id the entry would get: the given one, or the one the title proposes (`newEntryIdFor`). */
  readonly id: string;
  /** The file the entry would be written to. */
  readonly uri: string | undefined;
  /** Why it cannot be created (the id exists, the name is no valid file name), or undefined. */
  readonly problem: string | undefined;
  /** Whether the problem lies with the id, so that choosing another one helps. */
  readonly idProblem: boolean;
  /** How many links point at the id already (none where a heading defines it). */
  readonly linkCount: number;
}

/** Ids that links point at but no heading defines, most referenced first. */
export const MissingEntriesRequest = new RequestType0<readonly MissingEntry[], void>('glossary/missingEntries');

export interface MissingEntry {
  readonly id: string;
  /** The heading text the entry would get: as the links name it. */
  readonly title: string;
  /** How many links point at the id. */
  readonly referenceCount: number;
  /** How many files hold those links. */
  readonly fileCount: number;
  /** The file that keeps the entry from being made: the file it would be written to, which exists (holding other ids), or one whose name differs in case alone. */
  readonly existingFile?: string;
  /** The id of the entry that file holds, if any (`Computer-Vision.md` giving `#ComputerVision`). */
  readonly existingFileEntryId?: string;
  /** The file whose entry that file holds a copy of (Claude.md holding CNN.md's), which a quick fix there writes the entry over. */
  readonly existingFileCopyOf?: string;
}

/**
 * The links to insert for files of the glossary dropped or pasted into a document of the glossary
 * (`[Title](#Id)`, see `entryLinksEdit`): text at the drop's place, or edits of the see-also list or the index page's lists;
 * null where a file is none of the glossary's or gives no id, or the document is none of the glossary's.
 */
export const EntryLinksRequest = new RequestType<EntryLinksParams, EntryLinksEdit | null, void>('glossary/entryLinks');

/** What a drop of glossary files inserts: text at the drop's place, or edits of a list of links. */
export interface EntryLinksEdit {
  /** Inserted where the files were dropped. */
  readonly text: string;
  /** Edits of the document elsewhere. */
  readonly edits: TextEdit[];
  /** The list the links go into in its order (no edits where it has them all already), if any. */
  readonly list?: 'seeAlso' | 'index';
}

export interface EntryLinksParams {
  readonly textDocument: { readonly uri: string };
  readonly position: Range['start'];
  /** The files, in the order dropped. */
  readonly files: readonly { readonly uri: string }[];
}

/** The Glossary Report of the workspace ("Glossary: Show Report", `glossary report` on the command line). Parameters may be null. */
export const ReportRequest = new RequestType<ReportParams | null, GlossaryReportResult, void>('glossary/report');

export interface ReportParams {
  /** Also the page for VS Code's webview (`webviewHtml`), whose names run the `ReportLinkCommands`. */
  readonly commandLinks?: boolean;
}

export interface GlossaryReportResult {
  /** The numbers, lists and link graph. */
  readonly report: GlossaryReport;
  /** The same as one self-contained HTML page (no scripts, nothing loaded from elsewhere). */
  readonly html: string;
  /**
   * When asked for (`commandLinks`): the page with links that run the `ReportLinkCommands`: an
   * entry's title (in the tables and the graph) opens it, a missing entry's id creates it.
   */
  readonly webviewHtml?: string;
}

/** The client's commands that the report's links run; VS Code's webview allows only these. */
export const ReportLinkCommands = {
  /** Opens an entry's file at its heading. Argument: `EntryLocation`. */
  openEntry: 'glossary.openEntry',
  /** Creates a missing entry, or opens the file in its way, as picking it in Show Missing Entries does. Argument: `{ id }`. */
  createMissingEntry: 'glossary.createMissingEntry',
} as const;

export interface EntryLocation {
  readonly uri: string;
  /** The heading's line, 0-based, when the report was made. */
  readonly line: number;
  /** The entry's id, by which its heading is found when the lines above it have changed since. */
  readonly id: string;
}

/** Sent whenever the index changes: what the status bar shows. */
export const StatusNotification = new NotificationType<GlossaryStatus>('glossary/status');

/**
 * The counts of the workspace. While it is indexed, what is known so far: at the start those of
 * the index before (none at first), then, when the first file with an entry is read, the entries
 * and files read up to it.
 */
export interface GlossaryStatus {
  /** `indexing` while the index of the workspace is built: the first time, and again when the settings, the folders or the index page change. */
  readonly state: 'indexing' | 'ready';
  readonly entryCount: number;
  readonly fileCount: number;
  readonly brokenLinkCount: number;
  /** Whether a `.glossary.json` was read: such a folder is a glossary before its first entry is written. */
  readonly hasConfigFile: boolean;
  /** The glossary's index page, if it has one: the editor offers the id commands on this `.txt` file and no other. */
  readonly indexPageUri?: string;
}
