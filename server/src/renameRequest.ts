import * as l10n from '@vscode/l10n';
import { CancellationToken, Connection, LSPErrorCodes, MessageType, PrepareRenameParams, Range, RenameFile, RenameParams, ResponseError, WorkspaceEdit } from 'vscode-languageserver';
import { editedUris, readClosedFilesAsIndexed } from './closedFiles';
import { fileNameOf } from './workspace/uris';
import { prepareRename, RenameRefused, renameId } from './features/rename';
import { showMessage } from './requestRunner';
import { ServerServices } from './serverServices';

/**
 * Answers `textDocument/prepareRename`: the id at the position, or a refusal the editor shows. In a
 * file the glossary does not hold (excluded, or outside its folders) the editor's own rename may go
 * on: the default behaviour where the client takes it, else null.
 */
export function answerPrepareRename(services: ServerServices, params: PrepareRenameParams): { range: Range; placeholder: string } | { defaultBehavior: boolean } | null {
  return refusalToError(() => {
    if (!holdsFile(services, params.textDocument.uri)) return services.client.renameDefaultBehavior ? { defaultBehavior: true } : null;
    const target = prepareRename(services.session.index, params.textDocument.uri, params.position);
    return { range: target.range, placeholder: target.id };
  });
}

/** A rename's edit, with what the writer should be told of it once it is sent (see `showRenameMessages`). */
export interface RenameAnswer {
  readonly edit: WorkspaceEdit;
  readonly messages: readonly string[];
}

/**
 * Answers `textDocument/rename`: the id's heading and every link to it, in one edit. The closed
 * files it edits are checked against the disk first; when one was indexed anew, or any file changed
 * meanwhile (the writer typed in another, a file changed on disk, the folders changed), it is worked
 * out again.
 */
export async function answerRename(services: ServerServices, params: RenameParams, token: CancellationToken): Promise<RenameAnswer | null> {
  // As prepareRename: a file the glossary does not hold is left to the editor (a client may rename without preparing).
  if (!refusalToError(() => holdsFile(services, params.textDocument.uri))) return null;
  const openVersions = (): string =>
    services
      .openDocuments()
      .map((document) => `${document.uri} ${document.version}`)
      .join('\n');
  let kept: { readonly from: string; readonly inTheWay: string } | undefined;
  const filesOnDisk = new Set<string>();
  const rename = (): WorkspaceEdit =>
    refusalToError(() => {
      kept = undefined;
      return renameId(services.session.index, params.textDocument.uri, params.position, params.newName, {
        isOpen: (uri) => services.openDocument(uri) !== undefined,
        ...services.client.edits,
        filesOnDisk,
        fileKept: (from, inTheWay) => (kept = { from, inTheWay }),
      });
    });
  const [versions, sessionBefore, indexBefore, indexVersion] = [openVersions(), services.session, services.session.index, services.session.index.version];
  const edit = rename();
  const target = prepareRename(indexBefore, params.textDocument.uri, params.position);
  // An id no heading defines may be renamed too: its links only change.
  const headingRenamed = indexBefore.isDefined(target.id);
  const { reindexed } = await readClosedFilesAsIndexed(services, editedUris(edit), token);
  // A file the glossary leaves out may have the new name: the editor would refuse that rename after the ids were changed.
  const fileOnDisk = await renamedOntoFileOnDisk(services, edit);
  if (fileOnDisk !== undefined) filesOnDisk.add(fileOnDisk);
  // Worked out again when anything changed while the disk was read: a file changed on disk meanwhile may link the id too.
  // (A reload makes a new index, whose version counts anew.)
  const index = services.session.index;
  const changed = reindexed || openVersions() !== versions || services.session !== sessionBefore || index !== indexBefore || index.version !== indexVersion;
  const final = changed || fileOnDisk !== undefined ? rename() : edit;
  const messages: string[] = [];
  if (kept !== undefined) {
    messages.push(l10n.t('{0} keeps its name: the file {1} exists already.', fileNameOf(kept.from), fileNameOf(kept.inTheWay)));
  }
  // The new id is free, but links may write it already: they lead to the renamed entry now, which the writer should know.
  // (An id renamed to itself changes nothing, and its links were never broken.)
  const renamed = final.changes !== undefined || final.documentChanges !== undefined;
  const takenOver = renamed ? services.session.index.linksTo(params.newName).length : 0;
  if (takenOver > 0 && headingRenamed) {
    const message = takenOver === 1 ? l10n.t('One link to #{0}, broken till now, leads to the renamed heading.', params.newName) : l10n.t('{0} links to #{1}, broken till now, lead to the renamed heading.', takenOver, params.newName);
    messages.push(message);
  } else if (takenOver > 0) {
    const message = takenOver === 1 ? l10n.t('One link points at #{0} already: no heading defines that id either.', params.newName) : l10n.t('{0} links point at #{1} already: no heading defines that id either.', takenOver, params.newName);
    messages.push(message);
  }
  // One definition of an id given twice, renamed alone: its links stay, and lead to another now.
  const linksKept = renamed && target.alone === true ? indexBefore.linksTo(target.id).length : 0;
  if (linksKept > 0) {
    // Of the definitions left, the book's first takes the links.
    const [first] = indexBefore.anchorsOf(target.id).filter(({ uri, anchor }) => uri !== params.textDocument.uri || anchor.writtenIdRange?.start.line !== target.range.start.line);
    const place = first === undefined ? '' : `${fileNameOf(first.uri)}:${first.anchor.range.start.line + 1}`;
    const message = linksKept === 1 ? l10n.t('The link to #{0} stays as it is: it leads to the one in {1}.', target.id, place) : l10n.t('The {0} links to #{1} stay as they are: they lead to the one in {2}.', linksKept, target.id, place);
    messages.push(message);
  }
  return { edit: final, messages };
}

/** Tells the writer what a rename sent to the editor does beyond its edit. */
export function showRenameMessages(connection: Connection, answer: RenameAnswer): void {
  for (const message of answer.messages) showMessage(connection, MessageType.Info, message);
}

/** Whether the glossary holds the file; refused when the glossary could not be read, when every place would be refused as "no id". */
function holdsFile(services: ServerServices, uri: string): boolean {
  if (!services.loaded) throw new RenameRefused(l10n.t('The glossary could not be read, so no id can be renamed: the log of the glossary server tells why.'));
  return services.session.index.document(uri) !== undefined;
}

/** The file a rename's entry file would be renamed onto, when something on disk has that name already. */
async function renamedOntoFileOnDisk(services: ServerServices, edit: WorkspaceEdit): Promise<string | undefined> {
  const fileRename = edit.documentChanges?.find((change): change is RenameFile => RenameFile.is(change));
  return fileRename !== undefined && (await services.session.renameTargetExists(fileRename.oldUri, fileRename.newUri)) ? fileRename.newUri : undefined;
}

/** A rename is asked for once, by the writer: VS Code would show ContentModified as "No result". */
export function renameOutdatedError(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestFailed, l10n.t('The file changed while the rename was worked out: rename again.'));
}

/** Runs a rename step; a refusal becomes an error whose message the editor shows. */
function refusalToError<R>(step: () => R): R {
  try {
    return step();
  } catch (error) {
    if (error instanceof RenameRefused) {
      throw new ResponseError(LSPErrorCodes.RequestFailed, error.message);
    }
    throw error;
  }
}
