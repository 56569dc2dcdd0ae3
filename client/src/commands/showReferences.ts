import * as vscode from 'vscode';

/** VS Code's built-in references view (it can be disabled). */
const referencesViewExtension = 'vscode.references-view';

/**
 * "Glossary: Show Links to This Id": the references of the term or link at the cursor in the references
 * view, or in the peek view where the references view is disabled.
 */
export async function showReferences(): Promise<void> {
  const command = vscode.extensions.getExtension(referencesViewExtension) ? 'references-view.findReferences' : 'editor.action.referenceSearch.trigger';
  await vscode.commands.executeCommand(command);
}
