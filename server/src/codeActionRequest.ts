import * as l10n from '@vscode/l10n';
import { CancellationToken, CodeAction, CodeActionKind, CodeActionParams, CodeActionTriggerKind, Command, Connection, CreateFile, MessageType, RenameFile, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver';
import { showMessage } from './requestRunner';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ClientEdits, ClientSupport } from './clientSupport';
import { codeActions, filesEditedByQuickFixes, isKindAskedFor, OtherDocument } from './features/codeActions';
import { DiskServices, readClosedFilesAsIndexed } from './closedFiles';
import { GlossarySession } from './session/glossarySession';
import { CreateEntryParams, ServerCommands } from './protocol';

/**
 * Answers `textDocument/codeAction` (sent on every move of the cursor): the document's diagnostics
 * are worked out once, and other files are read only when a quick fix that edits them (the index
 * page, another entry's see-also list, the links to an id changed to its file's name) is in the
 * range asked about; a closed one that changed on disk is indexed anew first (`readClosedFilesAsIndexed`).
 */
export async function answerCodeActions(services: DiskServices, client: ClientEdits, params: CodeActionParams, token: CancellationToken = CancellationToken.None): Promise<CodeAction[]> {
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
  // Asked automatically (the cursor moved), an editor shows quick fixes in its light bulb, no source actions: those wait until asked for.
  const only = params.context.only ?? (params.context.triggerKind === CodeActionTriggerKind.Automatic ? [CodeActionKind.QuickFix] : undefined);
  const wantsQuickFixes = isKindAskedFor(CodeActionKind.QuickFix, only);
  let diagnostics = session.diagnosticsOf(uri);
  const otherUris = wantsQuickFixes ? filesEditedByQuickFixes(session.index, uri, diagnostics, params.range, params.context.diagnostics) : [];
  let otherDocuments: ReadonlyMap<string, OtherDocument> | undefined;
  let filesLinkedOnDisk: ReadonlySet<string> | undefined;
  if (otherUris.length > 0) {
    const version = document.version;
    const read = await readOtherDocuments(services, otherUris, token);
    const files = [uri, ...otherUris];
    const linked = await Promise.all(files.map((file) => session.isSymlinkOrHardLink(file)));
    filesLinkedOnDisk = new Set(files.filter((_, k) => linked[k]));
    // Cancelled (the cursor moved on), the reads stopped halfway: nobody waits for the answer.
    if (token.isCancellationRequested) {
      return [];
    }
    otherDocuments = read.documents;
    document = indexedDocument();
    // Typed over meanwhile, the range and the diagnostics asked about are of an older text; the
    // folders changed: either way the next request asks the glossary as it is now.
    if (document === undefined || document.version !== version || services.session !== session) {
      return [];
    }
    // Another file indexed anew may change this file's diagnostics.
    if (read.reindexed) {
      diagnostics = session.diagnosticsOf(uri);
    }
  }
  const input = {
    ...{ index: session.index, config: session.config, document, diagnostics, ...client, otherDocuments, filesLinkedOnDisk },
    ...{ newEntryUri: (id: string) => session.newEntryUri(id), newIndexPageUri: session.newIndexPageUri(), configFileUri: session.configFileUri(), patternsFolderUri: session.patternsFolderUri() },
  };
  return withoutFilesOntoPathsOnDisk(session, codeActions(input, params.range, only, params.context.diagnostics));
}

/**
 * The actions but those that would put a file where something the glossary leaves out is on disk
 * (a file it excludes, a folder): renaming a file onto it or creating one there (the index page),
 * which the editor would refuse, or creating an entry there, which the command refuses.
 */
async function withoutFilesOntoPathsOnDisk(session: GlossarySession, actions: CodeAction[]): Promise<CodeAction[]> {
  const blocked = await Promise.all(
    actions.map(async (action) => {
      const changes = action.edit?.documentChanges ?? [];
      const renames = changes.filter((change): change is RenameFile => RenameFile.is(change));
      if ((await Promise.all(renames.map((rename) => session.renameTargetExists(rename.oldUri, rename.newUri)))).includes(true)) return true;
      const creations = changes.filter((change): change is CreateFile => CreateFile.is(change));
      if ((await Promise.all(creations.map((creation) => session.pathExists(creation.uri)))).includes(true)) return true;
      const created = action.command?.command === ServerCommands.createEntry ? (action.command.arguments?.[0] as CreateEntryParams | undefined)?.id : undefined;
      const createdUri = created === undefined ? undefined : session.newEntryUri(created);
      return createdUri !== undefined && (await session.pathExists(createdUri));
    }),
  );
  return actions.filter((_, k) => !blocked[k]);
}

/** The texts of other files that quick fixes edit: the editor's when open, else from disk, indexed anew when the disk holds another text. */
async function readOtherDocuments(services: DiskServices, uris: readonly string[], token: CancellationToken): Promise<{ documents: Map<string, OtherDocument>; reindexed: boolean }> {
  const closed = await readClosedFilesAsIndexed(services, uris, token);
  const documents = new Map<string, OtherDocument>();
  for (const uri of uris) {
    const open = services.openDocument(uri);
    const text = closed.texts.get(uri);
    if (open !== undefined) {
      documents.set(uri, { document: open, openVersion: open.version, savedText: await services.session.readText(uri) });
    } else if (text !== undefined) {
      // A text that changed once more since it was indexed is passed on; the fix then refuses it.
      documents.set(uri, { document: TextDocument.create(uri, 'markdown', 0, text), openVersion: null });
    }
  }
  return { documents, reindexed: closed.reindexed };
}

/**
 * The actions as the client takes them: without the preference for a client that marks none,
 * their diagnostics without related places for a client that takes none, and without showing the
 * file they wrote to a client that cannot be asked to show one; for a client that takes
 * only commands, each action its command, or one that applies its edit (`ServerCommands.applyEdit`),
 * worked out anew when run, where the client applies the server's edits, else none.
 */
export function actionsForClient(actions: readonly CodeAction[], client: Pick<ClientSupport, 'codeActionLiterals' | 'preferredActions' | 'appliesEdits' | 'diagnostics' | 'showsDocuments'>, params: CodeActionParams): (CodeAction | Command)[] {
  if (!client.codeActionLiterals) {
    return actions.flatMap((action) => {
      if (action.edit === undefined) return action.command ?? [];
      return client.appliesEdits ? [Command.create(action.title, ServerCommands.applyEdit, deferred(action, params))] : [];
    });
  }
  return actions.map(({ isPreferred, diagnostics, command, ...action }) => ({
    ...action,
    ...(command === undefined || (command.command === ServerCommands.showFile && !client.showsDocuments) ? {} : { command }),
    ...(diagnostics === undefined ? {} : { diagnostics: client.diagnostics.relatedInformation ? diagnostics : diagnostics.map(({ relatedInformation: _, ...diagnostic }) => diagnostic) }),
    ...(isPreferred === true && client.preferredActions ? { isPreferred } : {}),
  }));
}

/** Says that a quick fix picked no longer applies: the files changed since it was listed. */
export function refusedAction(connection: Connection, action: Pick<CodeAction, 'title'>): void {
  showMessage(connection, MessageType.Warning, l10n.t('"{0}" no longer applies: the files changed after the quick fixes were listed. Ask for them again.', action.title));
}

/** What an action sent without its edit carries (see `deferEditsOfClosedFiles`): the request it answered. */
interface DeferredEdit {
  readonly answered: Pick<CodeActionParams, 'textDocument' | 'range' | 'context'>;
}

/**
 * For a client that resolves an action's edit when the writer picks it (`codeAction/resolve`): the
 * actions that edit another file not open in the editor (the index page, another entry's see-also
 * list, the links to an id) are sent without their edit, which is worked out when picked. Worked out now, its
 * positions would be those of the file as it is while the light bulb shows, and the editor applies
 * an edit of a closed file to whatever the file holds by then.
 */
export function deferEditsOfClosedFiles(actions: readonly CodeAction[], params: CodeActionParams): CodeAction[] {
  return actions.map((action) => (action.edit !== undefined && editsClosedFile(action.edit, params.textDocument.uri) ? deferred(action, params) : action));
}

/** The action without its edit, which `resolveCodeAction` works out anew from the request it answered. */
function deferred(action: CodeAction, params: CodeActionParams): CodeAction {
  const answered: DeferredEdit['answered'] = { textDocument: params.textDocument, range: params.range, context: params.context };
  return { ...action, edit: undefined, data: { answered } satisfies DeferredEdit };
}

/** Whether an edit changes the text of a file other than `uri` without the version of an open document (which an editor checks). */
function editsClosedFile(edit: WorkspaceEdit, uri: string): boolean {
  return (
    Object.keys(edit.changes ?? {}).some((other) => other !== uri) ||
    (edit.documentChanges ?? []).some((change) => TextDocumentEdit.is(change) && change.textDocument.uri !== uri && change.textDocument.version === null)
  );
}

/**
 * Answers `codeAction/resolve`: the action's edit worked out as the files are now, by asking the
 * same question again; the action as it was (no edit) when it is no longer offered, as the file
 * it was to edit has changed meanwhile: `refused` then says so.
 */
export async function resolveCodeAction(services: DiskServices, client: ClientEdits, action: CodeAction, refused: () => void, token: CancellationToken = CancellationToken.None): Promise<CodeAction> {
  const answered = (action.data as Partial<DeferredEdit> | undefined)?.answered;
  if (action.edit !== undefined || answered?.textDocument?.uri === undefined) {
    return action;
  }
  const actions = await answerCodeActions(services, client, { ...answered, context: answered.context ?? { diagnostics: [] } }, token);
  const resolved = actions.find((candidate) => candidate.title === action.title && candidate.kind === action.kind);
  if (resolved?.edit === undefined) {
    if (!token.isCancellationRequested) refused();
    return action;
  }
  return { ...action, edit: resolved.edit };
}
