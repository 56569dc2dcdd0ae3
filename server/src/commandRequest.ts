import * as l10n from '@vscode/l10n';
import { ApplyWorkspaceEditResult, CodeAction, ErrorCodes, ExecuteCommandParams, FileChangeType, MessageType, Range, ResponseError, ShowDocumentResult } from 'vscode-languageserver';
import { refusedAction, resolveCodeAction } from './codeActionRequest';
import { URI } from 'vscode-uri';
import { createEntry } from './features/createEntry';
import { addIgnoredMention, excludeFiles } from './features/settingsLists';
import { CreateEntryParams, CreateEntryResult, ExcludeFilesParams, IgnoreMentionsParams, SettingsEditResult, ServerCommands, ShowFileParams } from './protocol';
import { showMessage } from './requestRunner';
import { literalPath } from './workspace/fileFilter';
import { ServerServices } from './serverServices';

/**
 * Answers `workspace/executeCommand` for the server's commands; what went wrong is also shown to the
 * writer, who ran the command. Another command is refused (InvalidParams).
 */
export async function executeServerCommand(services: ServerServices, params: ExecuteCommandParams): Promise<CreateEntryResult | SettingsEditResult | ApplyWorkspaceEditResult | ShowDocumentResult> {
  const { connection, client, session } = services;
  if (params.command === ServerCommands.createEntry) {
    // Both commands fall back to writing the files themselves where the client takes no edit from the server.
    const creation = { createsFiles: client.appliesEdits && client.edits.createsFiles, showsDocuments: client.showsDocuments, snippetEdits: client.edits.snippets, openDocument: (uri: string) => services.openDocument(uri) };
    const { result, change, notice } = await createEntry(params.arguments?.[0] as CreateEntryParams | undefined, session, connection, creation);
    services.publishChange(change);
    if ('error' in result) {
      showMessage(connection, MessageType.Error, result.error);
    } else if (notice !== undefined) {
      showMessage(connection, MessageType.Info, notice);
    }
    return result;
  }
  const settingsClient = { ...client.edits, settingsEdits: client.appliesEdits && client.settingsEdits };
  if (params.command === ServerCommands.ignoreMentionsOf) {
    const ignored = params.arguments?.[0] as IgnoreMentionsParams | undefined;
    const result = await addIgnoredMention(ignored, session, connection, settingsClient);
    await tellSettingsEdit(services, result, (file) =>
      'listedAlready' in result
        ? l10n.t('{0} lists "{1}" in "{2}" already.', file, ignored!.id, 'ignoreMentionsOf')
        : l10n.t('Links to #{0} are no longer suggested: {1} lists it in "ignoreMentionsOf".', ignored!.id, file),
    );
    return result;
  }
  if (params.command === ServerCommands.excludeFiles) {
    const excluded = params.arguments?.[0] as ExcludeFilesParams | undefined;
    const result = await excludeFiles(excluded, session, connection, settingsClient);
    await tellSettingsEdit(services, result, (file) =>
      'listedAlready' in result
        ? l10n.t('{0} lists {1} in "{2}" already.', file, excluded!.patterns.map(literalPath).join(', '), 'exclude')
        : l10n.t('{0} leaves out of the glossary now, in "{1}": {2}.', file, 'exclude', excluded!.patterns.map(literalPath).join(', ')),
    );
    return result;
  }
  if (params.command === ServerCommands.applyEdit && !client.codeActionLiterals) {
    const action = params.arguments?.[0] as CodeAction | undefined;
    if (typeof action !== 'object' || action === null || typeof action.title !== 'string') {
      throw new ResponseError(ErrorCodes.InvalidParams, `executeCommand: ${ServerCommands.applyEdit} needs the quick fix it was given`);
    }
    // Worked out anew from the request it answered, as the files are now; never an edit the client sends.
    const { edit, command } = await resolveCodeAction(services, client.edits, { ...action, edit: undefined }, () => refusedAction(connection, action));
    if (edit === undefined) {
      return { applied: false };
    }
    const result = await connection.workspace.applyEdit(edit);
    if (!result.applied) {
      showMessage(connection, MessageType.Warning, l10n.t('The quick fix was not applied: {0}', result.failureReason ?? l10n.t('the editor refused it.')));
    } else if (command?.command === ServerCommands.showFile && client.showsDocuments) {
      // What an editor runs after a code action's edit, run here after the fix's.
      await showFile(services, command.arguments?.[0]);
    }
    return result;
  }
  if (params.command === ServerCommands.showFile) {
    return client.showsDocuments ? showFile(services, params.arguments?.[0]) : { success: false };
  }
  throw new ResponseError(ErrorCodes.InvalidParams, `executeCommand: unknown command "${params.command}"`);
}

/**
 * Shows why `.glossary.json` was not edited; or, where the server wrote it or found it listing the
 * items already, reads the settings again (no editor tells of a file the server wrote, or of one
 * changed where none was told) and says so (`told`, given the file's path).
 */
async function tellSettingsEdit(services: ServerServices, result: SettingsEditResult, told: (file: string) => string): Promise<void> {
  if ('error' in result) {
    showMessage(services.connection, MessageType.Error, result.error);
  } else if (result.written || result.listedAlready) {
    await services.afterDiskWork(() => services.applyFileChanges([{ uri: result.uri, type: FileChangeType.Changed }]));
    showMessage(services.connection, MessageType.Info, told(URI.parse(result.uri).fsPath));
  }
}

/** Shows a file of the glossary with a range selected (`ServerCommands.showFile`); refuses anything else (InvalidParams). */
function showFile({ connection, session }: ServerServices, argument: unknown): Promise<ShowDocumentResult> {
  const shown = argument as ShowFileParams | undefined;
  if (typeof shown?.uri !== 'string' || !Range.is(shown.selection) || session.index.document(shown.uri) === undefined) {
    throw new ResponseError(ErrorCodes.InvalidParams, `executeCommand: ${ServerCommands.showFile} needs a file of the glossary and a range`);
  }
  return connection.window.showDocument({ uri: shown.uri, takeFocus: true, selection: shown.selection });
}
