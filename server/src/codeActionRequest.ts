import { CodeAction, CodeActionKind, CodeActionParams } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActions, filesEditedByQuickFixes, OtherDocument } from './features/codeActions';
import { IndexChange } from './index/workspaceIndex';
import { textFingerprint } from './parse/fingerprint';
import { GlossarySession } from './session/glossarySession';

/** What a code-action request reaches in the server. */
export interface CodeActionServices {
  readonly session: GlossarySession;
  /** The editor's text of a document, when it is open. */
  openDocument(uri: string): TextDocument | undefined;
  /** What the client takes in a workspace edit: versioned document changes, created and renamed files. */
  readonly documentChanges: boolean;
  readonly createsFiles: boolean;
  readonly renamesFiles: boolean;
  /** Runs work after the disk work queued before it, so that an older read never lands after a newer one. */
  afterDiskWork(work: () => Promise<void>): Promise<void>;
  /** Publishes the diagnostics that an index change affects. */
  publishChange(change: IndexChange | undefined): void;
}

/**
 * Answers `textDocument/codeAction` (sent on every move of the cursor): the document's diagnostics
 * are worked out once, and other files are read only when a quick fix that edits them (the index
 * page, another entry's see-also list) is in the range asked about. A closed file whose text on
 * disk is not the one its model was parsed from (changed, and the watcher's event not handled yet,
 * or the client has no watchers) is indexed again from disk first and that change published, so
 * that the fix is worked out from a model that fits the text it edits.
 */
export async function answerCodeActions(services: CodeActionServices, params: CodeActionParams): Promise<CodeAction[]> {
  const { session } = services;
  const uri = params.textDocument.uri;
  /** The editor's document, if the index holds the model of its current version. */
  const indexedDocument = (): TextDocument | undefined => {
    const document = services.openDocument(uri);
    return document !== undefined && session.index.document(uri)?.version === document.version ? document : undefined;
  };
  let document = indexedDocument();
  if (document === undefined) {
    return [];
  }
  const only = params.context.only;
  const wantsQuickFixes = only === undefined || only.some((kind) => CodeActionKind.QuickFix === kind || CodeActionKind.QuickFix.startsWith(`${kind}.`));
  let diagnostics = session.diagnosticsOf(uri);
  const otherUris = wantsQuickFixes ? filesEditedByQuickFixes(session.index, uri, diagnostics, params.range) : [];
  let otherDocuments: ReadonlyMap<string, OtherDocument> | undefined;
  if (otherUris.length > 0) {
    const version = document.version;
    const read = await readOtherDocuments(services, otherUris);
    otherDocuments = read.documents;
    document = indexedDocument();
    // The folders changed meanwhile: the next request asks the glossary as it is now.
    if (document === undefined || services.session !== session) {
      return [];
    }
    // Another file indexed anew, or this one edited meanwhile, may change this file's diagnostics.
    if (read.reindexed || document.version !== version) {
      diagnostics = session.diagnosticsOf(uri);
    }
  }
  const input = { index: session.index, config: session.config, document, diagnostics, documentChanges: services.documentChanges, createsFiles: services.createsFiles, renamesFiles: services.renamesFiles, newEntryUri: (id: string) => session.newEntryUri(id), configFileUri: session.configFileUri(), otherDocuments };
  return codeActions(input, params.range, only);
}

/** The texts of other files that quick fixes edit: the editor's when open, else from disk, indexed anew when the disk holds another text. */
async function readOtherDocuments(services: CodeActionServices, uris: readonly string[]): Promise<{ documents: Map<string, OtherDocument>; reindexed: boolean }> {
  const { session } = services;
  const documents = new Map<string, OtherDocument>();
  let reindexed = false;
  for (const uri of uris) {
    const open = services.openDocument(uri);
    if (open !== undefined) {
      documents.set(uri, { document: open, openVersion: open.version });
      continue;
    }
    let text = await session.readText(uri);
    if (text === undefined || textFingerprint(text) !== session.index.document(uri)?.fingerprint) {
      await services.afterDiskWork(async () => {
        if (services.openDocument(uri) === undefined) {
          services.publishChange(await services.session.refreshFromDisk(uri));
        }
        text = await services.session.readText(uri);
      });
      reindexed = true;
    }
    // A text that changed once more since it was indexed is passed on; the fix then refuses it.
    if (text !== undefined) {
      documents.set(uri, { document: TextDocument.create(uri, 'markdown', 0, text), openVersion: null });
    }
  }
  return { documents, reindexed };
}
