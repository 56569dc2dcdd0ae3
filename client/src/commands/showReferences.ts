import * as vscode from 'vscode';
import { LanguageClient, ReferencesRequest } from 'vscode-languageclient/node';

/** VS Code's built-in references view (it can be disabled). */
const referencesViewExtension = 'vscode.references-view';

/**
 * "Glossary: Show Links to This Id": the references of the term or link at the cursor in the references
 * view, or in the peek view where the references view is disabled. Off a link and an id, it says so
 * (the view would only say "No results").
 */
export async function showReferences(client: LanguageClient): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (editor !== undefined) {
    const found = await client.sendRequest(ReferencesRequest.type, {
      textDocument: { uri: client.code2ProtocolConverter.asUri(editor.document.uri) },
      position: client.code2ProtocolConverter.asPosition(editor.selection.active),
      context: { includeDeclaration: true },
    });
    if (found === null || found.length === 0) {
      void vscode.window.showInformationMessage(vscode.l10n.t('The cursor is on no link and no id of the glossary: put it on a link, or on the id of a heading.'));
      return;
    }
  }
  const command = vscode.extensions.getExtension(referencesViewExtension) ? 'references-view.findReferences' : 'editor.action.referenceSearch.trigger';
  await vscode.commands.executeCommand(command);
}
