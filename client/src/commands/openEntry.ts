import * as vscode from 'vscode';
import type { EntryLocation } from '../../../server/src/protocol';

/**
 * Opens an entry's file with the cursor on its heading (a title clicked in the Glossary Report),
 * beside the report, which stays open. The heading is looked for by its id where lines above it
 * came or went since the report was made. Returns the editor, or undefined for an argument that
 * is no `EntryLocation`.
 */
export async function openEntry(location?: Partial<EntryLocation>): Promise<vscode.TextEditor | undefined> {
  const { uri, line, id } = location ?? {};
  if (typeof uri !== 'string' || typeof id !== 'string' || !Number.isInteger(line) || line! < 0) {
    return undefined;
  }
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  const heading = new vscode.Position(headingLine(document, id, line!), 0);
  const editor = await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, selection: new vscode.Range(heading, heading) });
  editor.revealRange(new vscode.Range(heading, heading), vscode.TextEditorRevealType.AtTop);
  return editor;
}

/**
 * The line of the heading that gives `id` in its attribute block (`## Term {#id …}`): the one
 * given if it still does, else the first that does, else the one given (within the document; an
 * entry whose id is automatic is not looked for).
 */
function headingLine(document: vscode.TextDocument, id: string, given: number): number {
  const last = document.lineCount - 1;
  const isHeadingOf = (line: number): boolean => {
    const text = document.lineAt(line).text;
    return text.startsWith('#') && givesId(text, id);
  };
  if (given <= last && isHeadingOf(given)) {
    return given;
  }
  for (let line = 0; line <= last; line++) {
    if (isHeadingOf(line)) {
      return line;
    }
  }
  return Math.min(given, last);
}

function givesId(text: string, id: string): boolean {
  const written = `#${id}`;
  for (let at = text.indexOf(written); at >= 0; at = text.indexOf(written, at + 1)) {
    const before = text[at - 1];
    const after = text[at + written.length];
    if ((before === '{' || before === ' ' || before === '\t') && (after === '}' || after === ' ' || after === '\t')) {
      return true;
    }
  }
  return false;
}
