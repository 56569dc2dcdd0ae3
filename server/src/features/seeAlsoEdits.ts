import { TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { indexId } from '../diagnostics/seeAlsoChecks';
import { WorkspaceIndex } from '../index/workspaceIndex';
import { Entry, Link } from '../parse/model';

/** The see-also heading of a glossary that has none yet to copy from. */
const defaultSeeAlsoHeading = 'Verwandte oder andere interessante Themen:';

/** The text the glossary's see-also headings use most (without the attribute block). */
export function seeAlsoHeadingText(index: WorkspaceIndex): string {
  const counts = new Map<string, number>();
  for (const { entry } of index.entries()) {
    const text = entry.seeAlso?.section.heading.text.trim();
    if (text) {
      counts.set(text, (counts.get(text) ?? 0) + 1);
    }
  }
  let best: [string, number] = [defaultSeeAlsoHeading, 0];
  for (const candidate of counts) {
    if (candidate[1] > best[1]) {
      best = candidate;
    }
  }
  return best[0];
}

/** The line break a document uses (its first one), so that inserted lines match it. */
export function lineBreakOf(document: TextDocument): string {
  const text = document.getText();
  const newline = text.indexOf('\n');
  return newline > 0 && text[newline - 1] === '\r' ? '\r\n' : '\n';
}

/**
 * Edits that put an entry's see-also links in order (by label in the collation, `[Index](#Index)`
 * last) and add `[Index](#Index)` when it is missing. Each link's text moves into the place of
 * another, so the separators between links (`|`, line breaks) stay exactly as written. Empty when
 * the list is in order.
 */
export function sortSeeAlsoEdits(entry: Entry, document: TextDocument, collator: Intl.Collator): TextEdit[] {
  const seeAlso = entry.seeAlso;
  if (seeAlso === undefined) {
    return [];
  }
  const links = seeAlso.links;
  const others = links.filter((link) => link.target !== indexId);
  const indexLinks = links.filter((link) => link.target === indexId);
  const ordered = [...others].sort((a, b) => collator.compare(a.label, b.label)).concat(indexLinks);
  const edits: TextEdit[] = [];
  ordered.forEach((link, slot) => {
    const current = links[slot]!;
    if (link !== current) {
      edits.push(TextEdit.replace(current.range, document.getText(link.range)));
    }
  });
  if (indexLinks.length === 0) {
    edits.push(appendIndexLink(links, seeAlso.section.heading.range.end.line, document));
  }
  return edits;
}

/** Inserts `[Index](#Index)` on a line of its own after the last link, with the separator the last link has. */
function appendIndexLink(links: readonly Link[], headingLine: number, document: TextDocument): TextEdit {
  const lineBreak = lineBreakOf(document);
  const last = links[links.length - 1];
  if (last === undefined) {
    const headingEnd = lineEnd(document, headingLine);
    return TextEdit.insert(headingEnd, `${lineBreak}${lineBreak}[Index](#Index) |`);
  }
  const end = lineEnd(document, last.range.end.line);
  const separator = document.getText({ start: last.range.end, end }).trimEnd();
  return TextEdit.insert(end, `${lineBreak}[Index](#Index)${separator ? ` ${separator.trim()}` : ''}`);
}

/**
 * Inserts a see-also section ending with `[Index](#Index)` at the end of an entry: before its
 * closing `----` when it has one.
 */
export function addSeeAlsoEdit(entry: Entry, document: TextDocument, headingText: string): TextEdit {
  const lineBreak = lineBreakOf(document);
  const hashes = '#'.repeat(Math.min(entry.heading.level + 1, 6));
  const section = [`${hashes} ${headingText} {.seealso}`, '', '[Index](#Index) |'];
  if (entry.closingRuleLine !== undefined) {
    // An ATX heading needs a blank line before it.
    const previousLine = entry.closingRuleLine - 1;
    const lead = previousLine >= 0 && lineText(document, previousLine).trim() !== '' ? [''] : [];
    return TextEdit.insert({ line: entry.closingRuleLine, character: 0 }, [...lead, ...section, '', ''].join(lineBreak));
  }
  const end = lineEnd(document, entry.range.end.line);
  return TextEdit.insert(end, ['', '', ...section].join(lineBreak));
}

/** The position at the end of a line's text, before its line break. */
function lineEnd(document: TextDocument, line: number): { line: number; character: number } {
  return { line, character: lineText(document, line).length };
}

/** A line's text without its line break. */
function lineText(document: TextDocument, line: number): string {
  return document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
}
