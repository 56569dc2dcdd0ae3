import { TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeFence, GlossaryDocument, IndentedCode } from '../parse/model';
import { parseGlossaryDocument } from '../parse/parser';
import { lineBreakOf, lineText } from './seeAlsoEdits';

/**
 * The edits that fence a code block of backticks with tildes, as the glossary fences its code:
 * its opening and closing runs of backticks become `~~~` (longer where the code holds a run of as
 * many tildes, which could close it early), its info string kept; right under a line of
 * text, a blank line before it, where pandoc would read a `~~~` fence as text. Undefined for a block
 * never closed (`unclosed-block` tells of it), and where pandoc would not read the same code block.
 */
export function tildeFenceEdits(document: TextDocument, fence: CodeFence): TextEdit[] | undefined {
  const openLine = fence.openingRange.start.line;
  const closeLine = fence.range.end.line;
  const opening = /^`{3,}/.exec(lineText(document, openLine).slice(fence.openingRange.start.character))?.[0];
  const closingText = lineText(document, closeLine);
  const closingStart = closingText.indexOf('`');
  const closing = /^`+(?=[ \t]*$)/.exec(closingText.slice(Math.max(closingStart, 0)))?.[0];
  if (opening === undefined || closeLine === openLine || closingStart < 0 || closing === undefined || closing.length < opening.length) {
    return undefined;
  }
  let longestTildes = 0;
  for (let line = openLine + 1; line < closeLine; line++) {
    for (const run of lineText(document, line).match(/~{3,}/g) ?? []) longestTildes = Math.max(longestTildes, run.length);
  }
  const tildes = '~'.repeat(Math.max(3, longestTildes + 1));
  const edits = [
    TextEdit.replace({ start: fence.openingRange.start, end: { line: openLine, character: fence.openingRange.start.character + opening.length } }, tildes),
    TextEdit.replace({ start: { line: closeLine, character: closingStart }, end: { line: closeLine, character: closingStart + closing.length } }, tildes),
  ];
  if (fence.afterText) {
    // The marks of the quotes the fence stands in go on the blank line, so that the quote goes on past it.
    const marks = lineText(document, openLine).slice(0, fence.openingRange.start.character).replace(/[^>]+$/, '');
    const lineBreak = document.getText({ start: { line: openLine - 1, character: Number.MAX_SAFE_INTEGER }, end: { line: openLine, character: 0 } });
    edits.unshift(TextEdit.insert({ line: openLine, character: 0 }, `${marks}${lineBreak}`));
  }
  // The same code blocks, this one fenced with tildes.
  return readsAs(document, edits, ({ codeFences: before }, { codeFences: after }) => {
    const shift = fence.afterText ? 1 : 0;
    const edited = after[before.findIndex((other) => other.openingRange.start.line === fence.openingRange.start.line)];
    return (
      before.length === after.length &&
      edited !== undefined &&
      edited.fence === '~' &&
      edited.openingRange.start.line === fence.openingRange.start.line + shift &&
      edited.range.end.line === fence.range.end.line + shift
    );
  });
}

/**
 * The edits that fence an indented code block with `~~~`: each line four columns less indented,
 * between fences at the indentation left (a list item's). Undefined where marks stand before the
 * block's lines (a quote's `>`, a list item's marker), and where pandoc would not read the same
 * code block fenced.
 */
export function fencedIndentedCodeEdits(document: TextDocument, block: IndentedCode): TextEdit[] | undefined {
  const lines = blockLines(document, block);
  if (lines === undefined) return undefined;
  const fenceIndentation = withoutColumns(lines[0]!.indentation, 4);
  const longestTildes = Math.max(0, ...lines.flatMap(({ text }) => (text.match(/~{3,}/g) ?? []).map((run) => run.length)));
  const fence = `${fenceIndentation}${'~'.repeat(Math.max(3, longestTildes + 1))}`;
  const lineBreak = lineBreakOf(document);
  const first = block.range.start.line;
  const last = block.range.end.line;
  const edits = [
    TextEdit.insert({ line: first, character: 0 }, `${fence}${lineBreak}`),
    // Blank lines too: pandoc's code keeps what a blank line holds past the four columns.
    ...lines.filter(({ indentation }) => indentation !== '').map(({ line, indentation }) => TextEdit.replace({ start: { line, character: 0 }, end: { line, character: indentation.length } }, withoutColumns(indentation, 4))),
    TextEdit.insert({ line: last, character: lineText(document, last).length }, `${lineBreak}${fence}`),
  ];
  return readsAs(document, edits, (before, after) =>
    after.indentedCode.length === before.indentedCode.length - 1 &&
    after.codeFences.length === before.codeFences.length + 1 &&
    after.codeFences.some((edited) => edited.fence === '~' && edited.range.start.line === first && edited.range.end.line === last + 2),
  );
}

/**
 * The edits that make an indented code block text: each line indented as far as the block's first
 * line is, less four columns (as far as the list item it stands in, or not at all), and a blank
 * line after it where text follows right under it, which would otherwise join its last paragraph.
 * Undefined where marks stand before the block's lines, and where pandoc would still read code there.
 */
export function unindentedCodeEdits(document: TextDocument, block: IndentedCode): TextEdit[] | undefined {
  const lines = blockLines(document, block);
  if (lines === undefined) return undefined;
  const textIndentation = withoutColumns(lines[0]!.indentation, 4);
  const last = block.range.end.line;
  const edits = lines
    .filter(({ text, indentation }) => text.trim() !== '' && indentation !== textIndentation)
    .map(({ line, indentation }) => TextEdit.replace({ start: { line, character: 0 }, end: { line, character: indentation.length } }, textIndentation));
  if (last + 1 < document.lineCount && lineText(document, last + 1).trim() !== '') {
    edits.push(TextEdit.insert({ line: last, character: lineText(document, last).length }, lineBreakOf(document)));
  }
  return readsAs(document, edits, (before, after) => after.indentedCode.length === before.indentedCode.length - 1);
}

/** The lines of an indented code block with the blanks before each, or undefined where anything but blanks stands before one. */
function blockLines(document: TextDocument, block: IndentedCode): { readonly line: number; readonly text: string; readonly indentation: string }[] | undefined {
  const lines = [];
  for (let line = block.range.start.line; line <= block.range.end.line; line++) {
    const text = lineText(document, line);
    const indentation = /^[ \t]*/.exec(text)![0];
    if (line === block.range.start.line && indentation.length !== block.range.start.character) return undefined;
    lines.push({ line, text, indentation });
  }
  return lines;
}

/** Blanks less `columns` columns at their start (a tab reaching to the next multiple of four). */
function withoutColumns(blanks: string, columns: number): string {
  let column = 0;
  let k = 0;
  while (k < blanks.length && column < columns) {
    column = blanks[k] === '\t' ? column + 4 - (column % 4) : column + 1;
    k++;
  }
  return ' '.repeat(Math.max(0, column - columns)) + blanks.slice(k);
}

/** Whether the edited text's model, beside the text's, is as `expected` says. */
function readsAs(document: TextDocument, edits: TextEdit[], expected: (before: GlossaryDocument, after: GlossaryDocument) => boolean): TextEdit[] | undefined {
  const before = parseGlossaryDocument(document.getText(), document.uri, document.version);
  const after = parseGlossaryDocument(TextDocument.applyEdits(document, edits), document.uri, document.version);
  return expected(before, after) ? edits : undefined;
}
