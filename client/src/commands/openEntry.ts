import * as vscode from 'vscode';
import type { EntryLocation } from '../../../server/src/protocol';

/**
 * Opens an entry's file with the cursor on its heading (a title clicked in the Glossary Report),
 * beside the report, which stays open. Where the heading no longer gives its id on the line the
 * report names (lines above it came or went since, or its id is automatic), the language server
 * tells where the entry is now. Returns the editor, or undefined for an argument that is no
 * `EntryLocation`.
 */
export async function openEntry(location?: Partial<EntryLocation>): Promise<vscode.TextEditor | undefined> {
  const { uri, line, id } = location ?? {};
  if (typeof uri !== 'string' || typeof id !== 'string' || !Number.isInteger(line) || line! < 0) {
    return undefined;
  }
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  const heading = new vscode.Position(await headingLine(document, id, line!), 0);
  const editor = await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, selection: new vscode.Range(heading, heading) });
  editor.revealRange(new vscode.Range(heading, heading), vscode.TextEditorRevealType.AtTop);
  return editor;
}

/**
 * The line of the heading of the entry `id` in the document: the one given if it still gives the
 * id (`## Term {#id …}`), else where the glossary's terms (the server's workspace symbols, of the
 * text as it is now) place it, else (the server still starting) the first heading giving the id,
 * else the one given.
 */
async function headingLine(document: vscode.TextDocument, id: string, given: number): Promise<number> {
  const givesIt = (line: number): boolean => givesId(document.lineAt(line).text, id);
  if (given < document.lineCount && givesIt(given)) {
    return given;
  }
  const terms = await vscode.commands.executeCommand<vscode.SymbolInformation[] | undefined>('vscode.executeWorkspaceSymbolProvider', id);
  const term = terms?.find((symbol) => symbol.containerName === `#${id}` && symbol.location.uri.toString() === document.uri.toString());
  if (term !== undefined) {
    return term.location.range.start.line;
  }
  for (let line = 0; line < document.lineCount; line++) {
    if (givesIt(line)) {
      return line;
    }
  }
  return Math.min(given, document.lineCount - 1);
}

/** Whether a line is a heading that gives the id in its attribute block. */
function givesId(text: string, id: string): boolean {
  if (!text.startsWith('#')) {
    return false;
  }
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
