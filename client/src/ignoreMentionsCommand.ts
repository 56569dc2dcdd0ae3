import * as vscode from 'vscode';
import { ExecuteCommandSignature } from 'vscode-languageclient';
import { IgnoreMentionsParams, IgnoreMentionsResult, ServerCommands } from '../../server/src/protocol';
import { showFailure } from './commandErrors';

/**
 * Runs `glossary.ignoreMentionsOf` (the quick fix "Do not suggest links to #Id"): the server edits
 * `.glossary.json` from its text on disk, so a file with unsaved changes is left alone (the edit
 * would land in the wrong place); afterwards the edited file is saved, which makes the server read
 * the configuration again.
 */
export async function completeIgnoredMentions(args: unknown[], next: ExecuteCommandSignature): Promise<unknown> {
  const params = args[0] as IgnoreMentionsParams | undefined;
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === params?.configUri);
  if (open?.isDirty) {
    // The server may have stopped meanwhile: the retried command then fails, which is said.
    void offerToSaveAndRetry(open, args).catch(showFailure);
    return { error: 'unsaved' };
  }
  const result = (await next(ServerCommands.ignoreMentionsOf, args)) as IgnoreMentionsResult | undefined;
  if (result !== undefined && 'uri' in result) {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(result.uri));
    await document.save();
  }
  return result;
}

/** Tells why the id was not added; "Save and Continue" saves the file and runs the command again. */
async function offerToSaveAndRetry(config: vscode.TextDocument, args: unknown[]): Promise<void> {
  const saveAndContinue = vscode.l10n.t('Save and Continue');
  const message = vscode.l10n.t('Save {0} first: it has changes that are not saved.', vscode.workspace.asRelativePath(config.uri));
  if ((await vscode.window.showWarningMessage(message, saveAndContinue)) === saveAndContinue && (await config.save())) {
    await vscode.commands.executeCommand(ServerCommands.ignoreMentionsOf, ...args);
  }
}
