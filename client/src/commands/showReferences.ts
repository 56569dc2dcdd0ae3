import * as vscode from 'vscode';

/**
 * "Glossary: Show References": the references of the term or link at the cursor in the references
 * view, or in the peek view where the references view is not installed.
 */
export async function showReferences(): Promise<void> {
  const commands = await vscode.commands.getCommands(true);
  const command = commands.includes('references-view.findReferences') ? 'references-view.findReferences' : 'editor.action.referenceSearch.trigger';
  await vscode.commands.executeCommand(command);
}
