import { Connection, FileEvent } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ClientSupport } from './clientSupport';
import { DiskServices } from './closedFiles';

/**
 * What the request handlers outside `startServer` need of the server. The session and the folders
 * are read when used: they change when the folders or the settings do, also while a request waits
 * for disk work.
 */
export interface ServerServices extends DiskServices {
  readonly connection: Connection;
  readonly client: ClientSupport;
  /** Whether the glossary has been read once (before that, no id is known). */
  readonly loaded: boolean;
  readonly folderUris: readonly string[];
  /** The documents open in the editor. */
  openDocuments(): readonly TextDocument[];
  /** Applies changes on disk as the editor's watchers report them (for a file the server wrote itself). */
  applyFileChanges(changes: readonly FileEvent[]): Promise<void>;
}
