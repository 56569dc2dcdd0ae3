import * as vscode from 'vscode';
import type { EntryLocation } from '../../../server/src/protocol';

/**
 * Opens an entry's file with the cursor on its heading (a title clicked in the Glossary Report),
 * beside the report, which stays open. Returns the editor, or undefined for an argument that is no
 * `EntryLocation`.
 */
export async function openEntry(location?: Partial<EntryLocation>): Promise<vscode.TextEditor | undefined> {
  if (typeof location?.uri !== 'string' || typeof location.line !== 'number') {
    return undefined;
  }
  const heading = new vscode.Position(location.line, 0);
  const editor = await vscode.window.showTextDocument(vscode.Uri.parse(location.uri), {
    viewColumn: vscode.ViewColumn.Beside,
    selection: new vscode.Range(heading, heading),
  });
  editor.revealRange(new vscode.Range(heading, heading), vscode.TextEditorRevealType.AtTop);
  return editor;
}
