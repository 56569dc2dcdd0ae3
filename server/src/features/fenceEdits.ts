import { TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeFence } from '../parse/model';
import { parseGlossaryDocument } from '../parse/parser';
import { lineText } from './seeAlsoEdits';

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
  return readsAsTildeFence(document, fence, edits) ? edits : undefined;
}

/** Whether the edited text holds the same code blocks, this one fenced with tildes. */
function readsAsTildeFence(document: TextDocument, fence: CodeFence, edits: TextEdit[]): boolean {
  const before = parseGlossaryDocument(document.getText(), document.uri, document.version).codeFences;
  const after = parseGlossaryDocument(TextDocument.applyEdits(document, edits), document.uri, document.version).codeFences;
  const shift = fence.afterText ? 1 : 0;
  const index = before.findIndex((other) => other.openingRange.start.line === fence.openingRange.start.line);
  const edited = after[index];
  return (
    before.length === after.length &&
    edited !== undefined &&
    edited.fence === '~' &&
    edited.openingRange.start.line === fence.openingRange.start.line + shift &&
    edited.range.end.line === fence.range.end.line + shift
  );
}
