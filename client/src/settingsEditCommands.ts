import * as vscode from 'vscode';
import { ExecuteCommandSignature } from 'vscode-languageclient';
import { ExcludeFilesParams, IgnoreMentionsParams, SettingsEditResult, ServerCommands } from '../../server/src/protocol';
import { showFailure } from './commandErrors';

/** The server's commands that edit `.glossary.json`: "Do not suggest links to #Id", "Leave README.md out of the glossary". */
export function editsSettings(command: string): boolean {
  return command === ServerCommands.ignoreMentionsOf || command === ServerCommands.excludeFiles;
}

/**
 * Runs a command that edits `.glossary.json` (see `editsSettings`): the server edits the file from
 * its text on disk, so a file with unsaved changes is left alone (the edit would land in the wrong
 * place); afterwards the edited file is saved, which makes the server read the configuration again.
 */
export async function completeSettingsEdit(command: string, args: unknown[], next: ExecuteCommandSignature): Promise<unknown> {
  const params = args[0] as IgnoreMentionsParams | ExcludeFilesParams | undefined;
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === params?.configUri);
  if (open?.isDirty) {
    // The server may have stopped meanwhile: the retried command then fails, which is said.
    void offerToSaveAndRetry(open, command, args).catch(showFailure);
    return { error: 'unsaved' };
  }
  const result = (await next(command, args)) as SettingsEditResult | undefined;
  if (result !== undefined && 'uri' in result) {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(result.uri));
    await document.save();
  }
  return result;
}

/** Tells why the file was not edited; "Save and Continue" saves it and runs the command again. */
async function offerToSaveAndRetry(config: vscode.TextDocument, command: string, args: unknown[]): Promise<void> {
  const saveAndContinue = vscode.l10n.t('Save and Continue');
  const message = vscode.l10n.t('Save {0} first: it has changes that are not saved.', vscode.workspace.asRelativePath(config.uri));
  if ((await vscode.window.showWarningMessage(message, saveAndContinue)) === saveAndContinue && (await config.save())) {
    await vscode.commands.executeCommand(command, ...args);
  }
}
