import { TextDocument } from 'vscode-languageserver-textdocument';
import { CancellationToken, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver';
import { readConcurrency } from './index/readGlossaryFiles';
import { IndexChange } from './index/workspaceIndex';
import { textFingerprint } from './parse/fingerprint';
import { GlossarySession } from './session/glossarySession';

/** What reading closed files for an edit needs of the server. */
export interface DiskServices {
  readonly session: GlossarySession;
  /** The editor's text of a document, when it is open. */
  openDocument(uri: string): TextDocument | undefined;
  /** Runs work after the disk work queued before it, so that an older read never lands after a newer one. */
  afterDiskWork(work: () => Promise<void>): Promise<void>;
  /** Publishes the diagnostics that an index change affects. */
  publishChange(change: IndexChange | undefined): void;
}

/**
 * The texts on disk of the closed files among `uris`, which an edit is about to change. A file whose
 * text is not the one its model was parsed from (changed on disk, and the watcher's event not
 * handled yet, or the client has no watchers) is indexed anew from disk first and that change
 * published, so that the edit is worked out from a model that fits the text it edits. `reindexed`
 * tells whether any was. A file missing on disk has no text.
 */
export async function readClosedFilesAsIndexed(
  services: DiskServices,
  uris: Iterable<string>,
  token: CancellationToken = CancellationToken.None,
): Promise<{ texts: Map<string, string>; reindexed: boolean }> {
  const texts = new Map<string, string>();
  let reindexed = false;
  const closed = [...uris].filter((uri) => services.openDocument(uri) === undefined);
  // A rename of a much-linked id edits thousands of files: they are read a batch at a time.
  for (let start = 0; start < closed.length && !token.isCancellationRequested; start += readConcurrency) {
    const batch = closed.slice(start, start + readConcurrency);
    const read = await Promise.all(batch.map((uri) => services.session.readText(uri)));
    for (const [k, uri] of batch.entries()) {
      let text = read[k];
      if (text === undefined || textFingerprint(text) !== services.session.index.document(uri)?.fingerprint) {
        await services.afterDiskWork(async () => {
          if (services.openDocument(uri) === undefined) {
            services.publishChange(await services.session.refreshFromDisk(uri));
          }
          text = await services.session.readText(uri);
        });
        reindexed = true;
      }
      if (text !== undefined) {
        texts.set(uri, text);
      }
    }
  }
  return { texts, reindexed };
}

/** The documents whose text a workspace edit changes. */
export function editedUris(edit: WorkspaceEdit): string[] {
  return edit.documentChanges !== undefined
    ? edit.documentChanges.flatMap((change) => (TextDocumentEdit.is(change) ? [change.textDocument.uri] : []))
    : Object.keys(edit.changes ?? {});
}
