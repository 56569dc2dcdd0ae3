import * as l10n from '@vscode/l10n';
import { TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { headingUnderlinedByRule, indexLinksOf, seeAlsoList } from '../diagnostics/seeAlsoChecks';
import { WorkspaceIndex } from '../index/workspaceIndex';
import { resolveCharacterReferences } from '../parse/characterReferences';
import { Entry, Heading, Link, Position, Range, SeeAlso } from '../parse/model';
import { indexId } from '../index/indexPage';
import { wrappingMarks } from '../parse/wrappingEmphasis';
import { comparePositions } from '../parse/positions';

/**
 * The text (without the attribute block) of the heading most entries give a kind of section,
 * picked by `headingOf`, when at least `leastUses` entries give it (or the glossary's only entry
 * does, whose wording tells its language at least); else `fallback`. A new entry follows the
 * glossary's own wording and language.
 */
export function commonHeadingText(index: WorkspaceIndex, headingOf: (entry: Entry) => Heading | undefined, fallback: string, leastUses = 1): string {
  const counts = new Map<string, number>();
  let entries = 0;
  for (const { entry } of index.entries()) {
    entries++;
    const text = headingOf(entry)?.text.trim();
    if (text) {
      counts.set(text, (counts.get(text) ?? 0) + 1);
    }
  }
  let best: [string, number] = [fallback, Math.min(leastUses, entries) - 1];
  for (const candidate of counts) {
    if (candidate[1] > best[1]) {
      best = candidate;
    }
  }
  return best[0];
}

/** The text the glossary's see-also headings use most (without the attribute block). */
export function seeAlsoHeadingText(index: WorkspaceIndex): string {
  return commonHeadingText(index, (entry) => entry.seeAlso?.section.heading, l10n.t('Related or other interesting topics:'));
}

/** The line break a text uses (its first one: CR LF, LF or a lone CR), so that inserted lines match it; undefined in a text of one line. */
export function lineBreakIn(text: string): string | undefined {
  return /\r\n|\n|\r/.exec(text)?.[0];
}

/** The line break a document uses (see `lineBreakIn`), LF in a document of one line. */
export function lineBreakOf(document: TextDocument): string {
  return lineBreakIn(document.getText()) ?? '\n';
}

/**
 * Edits that put an entry's see-also links in order (by label in the collation, `[Index](#Index)`
 * last) and add `[Index](#Index)` when it is missing. Each link's text moves into the place of
 * another, so the separators between links (`|`, line breaks) stay exactly as written; a link
 * with a note at the end of its line (a comment, a description after a dash) takes the rest of
 * its line along. A link in a sentence of the section stays where it is. An index link written in
 * another case (`[Index](#index)`, see `indexLinksOf`) goes last, its id written `Index`. Empty when
 * the list is in order.
 */
export function sortSeeAlsoEdits(entry: Entry, document: TextDocument, collator: Intl.Collator, index: Pick<WorkspaceIndex, 'isDefined'>): TextEdit[] {
  const seeAlso = entry.seeAlso;
  if (seeAlso === undefined) {
    return [];
  }
  const indexLinks = indexLinksOf(seeAlso, index);
  const links = seeAlsoList(seeAlso);
  const ordered = links
    .filter((link) => !indexLinks.has(link))
    .sort((a, b) => collator.compare(a.label, b.label))
    .concat(links.filter((link) => indexLinks.has(link)));
  const spans = clearItemRanges(document, links);
  // Items whose marks are unclear are the writer's to order: a sort would move marks between them.
  if (spans === undefined) return [];
  const rests = links.map((_, k) => restOfLine(document, spans, k));
  const edits: TextEdit[] = [];
  // The ids of index links written in another case, where they are written: a reference link's in its definition (once).
  const idEdits = new Map<string, TextEdit>();
  const miscased = (link: Link): boolean => indexLinks.has(link) && link.target !== indexId && link.idRange !== undefined;
  ordered.forEach((link, slot) => {
    const current = links[slot]!;
    const [span, currentSpan] = [spans[links.indexOf(link)]!, spans[slot]!];
    // An inline link that moves takes its id, corrected, along in its text.
    const idMovesAlong = link !== current && link.kind === 'inline';
    if (miscased(link) && !idMovesAlong) idEdits.set(JSON.stringify(link.idRange), TextEdit.replace(link.idRange!, indexId));
    if (link === current) return;
    const linkText = miscased(link) && idMovesAlong ? withIndexId(document, link, span) : document.getText(span);
    const moving = rests[links.indexOf(link)]!;
    const here = rests[slot]!;
    if (moving.note === '' && here.note === '') {
      edits.push(TextEdit.replace(currentSpan, linkText));
    } else if (here.endsLine) {
      // The rest of the line goes with its link; a link from amid a line takes this line's separator.
      edits.push(TextEdit.replace({ start: currentSpan.start, end: here.end }, linkText + (moving.endsLine ? moving.rest : here.separator)));
    } else {
      // Amid a line, which has no note of its own here: the link brings its note before what parts it from the next.
      edits.push(TextEdit.replace(currentSpan, `${linkText}${moving.lead}${moving.note}`));
    }
  });
  edits.push(...idEdits.values());
  // `Zurück zum [Index](#Index).` in a sentence is the index link too: none is added; nor where
  // the list's last line is a heading for now, the closing rule right under it (missing-closing-rule).
  if (indexLinks.size === 0 && headingUnderlinedByRule(entry) === undefined) {
    edits.push(appendIndexLink(links, seeAlso.section.heading.range.end.line, document));
  }
  return edits;
}

/**
 * The range of an item of a see-also list: its link, with the emphasis that wraps the link alone
 * (`*[B](#B)*`, `~~[B](#B)~~`), which moves with it.
 */
function seeAlsoItemRange(document: TextDocument, link: Link): Range {
  const { start, end } = link.range;
  const marks = wrappingMarks(lineText(document, start.line).slice(0, start.character), lineText(document, end.line).slice(end.character));
  return marks === 0 ? link.range : { start: { line: start.line, character: start.character - marks }, end: { line: end.line, character: end.character + marks } };
}

/**
 * The ranges of a list's items (see `seeAlsoItemRange`); undefined where a mark between two links
 * could close the one and open the other (`*[A](#A)*[B](#B)*`), which makes the items unclear.
 */
function clearItemRanges(document: TextDocument, links: readonly Link[]): Range[] | undefined {
  const ranges = links.map((link) => seeAlsoItemRange(document, link));
  return ranges.some((range, k) => k > 0 && comparePositions(range.start, ranges[k - 1]!.end) < 0) ? undefined : ranges;
}

/** The ranges of a list's items, or of its links alone where the items are unclear (see `clearItemRanges`). */
function itemRanges(document: TextDocument, links: readonly Link[]): Range[] {
  return clearItemRanges(document, links) ?? links.map((link) => link.range);
}

/** The text of an inline link's item (`span`, see `seeAlsoItemRange`) with the link's id written `Index`. */
function withIndexId(document: TextDocument, link: Link, span: Range): string {
  const start = document.offsetAt(span.start);
  const text = document.getText(span);
  return text.slice(0, document.offsetAt(link.idRange!.start) - start) + indexId + text.slice(document.offsetAt(link.idRange!.end) - start);
}

/**
 * What follows an item (`items`, the ranges of a list's items, see `seeAlsoItemRange`) to the end
 * of its line when no other item follows on it (its trailing blanks aside): the separator (` |`),
 * then a note the writer wrote after it (`<!-- prüfen -->`, `– das Ende` after a dash, `(neu)`)
 * with the blanks before it. The note is empty where the rest
 * of the line only parts the links, and where it opens a comment that a later line closes, which
 * stays whole where it is.
 */
function restOfLine(
  document: TextDocument,
  items: readonly Range[],
  position: number,
): { endsLine: boolean; rest: string; separator: string; lead: string; note: string; end: Position } {
  const item = items[position]!;
  const line = item.end.line;
  const endsLine = items[position + 1]?.start.line !== line;
  const written = endsLine ? document.getText({ start: item.end, end: lineEnd(document, line) }).trimEnd() : '';
  let noteStart = 0;
  while (noteStart < written.length && isSeparator(written.slice(0, noteStart + 1))) noteStart++;
  if (isSeparator(written)) noteStart = written.length; // a hard break (`\`, `<br>`) parts links too
  const separator = written.slice(0, noteStart).trimEnd();
  const note = written.slice(noteStart);
  const at = (offset: number): Position => ({ line, character: item.end.character + offset });
  if (note.lastIndexOf('<!--') > note.lastIndexOf('-->')) {
    return { endsLine, rest: separator, separator, lead: '', note: '', end: at(separator.length) };
  }
  return { endsLine, rest: written, separator, lead: written.slice(separator.length, noteStart), note, end: at(written.length) };
}

/** Inserts `[Index](#Index)` on a line of its own after the last link (see `appendLinkLine`). */
function appendIndexLink(links: readonly Link[], headingLine: number, document: TextDocument): TextEdit {
  const linkText = '[Index](#Index)';
  return links.length === 0 ? insertParagraph(document, headingLine, `${linkText} |`) : appendLinkLine(document, itemRanges(document, links), linkText);
}

/**
 * Inserts a link on a line of its own after the line of the list's last link, as an item of the
 * same list when the links are list items (`- `), and with the separator that the links have at the
 * end of their lines (` |`); a comment or text after the last link stays where it is.
 */
function appendLinkLine(document: TextDocument, items: readonly Range[], linkText: string): TextEdit {
  const lineBreak = lineBreakOf(document);
  const last = items[items.length - 1]!;
  const end = lineEnd(document, last.end.line);
  const separator = findSeparator(document, items, items.length - 1, lineBreak);
  const trail = separator === undefined ? lineSeparator(document, items) : separator.split(/\r\n|\n|\r/)[0]!.trimEnd();
  return TextEdit.insert(end, `${lineBreak}${itemPrefix(document, last)}${linkText}${trail}`);
}

/**
 * What ends the line of a new link where the list's items have their text (`– die Farbe`,
 * `| (neu)`): the separator of a line that ends with its link; else none for a list item, whose
 * marker parts it, and ` |` for a line of a paragraph.
 */
function lineSeparator(document: TextDocument, items: readonly Range[]): string {
  for (const k of items.keys()) {
    const { endsLine, separator, note } = restOfLine(document, items, k);
    if (endsLine && note === '') return separator;
  }
  return /\S/.test(itemPrefix(document, items[items.length - 1]!)) ? '' : ' |';
}

/**
 * Inserts a paragraph two lines below `line`, with a blank line after it where text follows at
 * once: pandoc reads a heading right after a paragraph as its text.
 */
function insertParagraph(document: TextDocument, line: number, paragraph: string): TextEdit {
  const lineBreak = lineBreakOf(document);
  const textFollows = line + 1 < document.lineCount && lineText(document, line + 1).trim() !== '';
  return TextEdit.insert(lineEnd(document, line), `${lineBreak}${lineBreak}${paragraph}${textFollows ? lineBreak : ''}`);
}

/** The indent and list marker before an item that begins its line (`- `, `  1. `), or ''. */
function itemPrefix(document: TextDocument, item: Range): string {
  return linePrefix(document, item) ?? '';
}

/** The indent and list marker before an item that begins its line (`- `, `  1. `, or nothing); undefined when text stands before it. */
function linePrefix(document: TextDocument, item: Range): string | undefined {
  const before = document.getText({ start: { line: item.start.line, character: 0 }, end: item.start });
  return /^[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?$/.test(before) ? before : undefined;
}

/**
 * The edit that takes a link out of a see-also list (`links`, the list's): amid a line, the link
 * with the separator that parts it from the next link, or from the one before; alone on its line,
 * the line, where the next line is blank or holds the list's next link (a line going on under it
 * would join the item before). Undefined where more than blanks, a list marker and a separator
 * would go with it or be left to another link: a note, a comment, emphasis around the link.
 */
export function removeSeeAlsoLinkEdit(document: TextDocument, links: readonly Link[], link: Link): TextEdit | undefined {
  const k = links.indexOf(link);
  const before = links[k - 1];
  const after = links[k + 1];
  const { start, end } = link.range;
  const tail = lineText(document, end.line).slice(end.character);
  let range: Range;
  if (after !== undefined && after.range.start.line === end.line) {
    range = { start, end: after.range.start };
  } else if (before !== undefined && before.range.end.line === start.line && onlySeparator.test(tail)) {
    range = { start: before.range.end, end };
  } else {
    const next = end.line + 1;
    const nextIsItem = after !== undefined && after.range.start.line === next && linePrefix(document, seeAlsoItemRange(document, after)) !== undefined;
    if (next < document.lineCount && lineText(document, next).trim() !== '' && !nextIsItem) return undefined;
    // The line with its line break; the file's last line with the line break before it.
    range = next < document.lineCount ? { start: { line: start.line, character: 0 }, end: { line: next, character: 0 } } : { start: lineEnd(document, start.line - 1), end: lineEnd(document, end.line) };
  }
  const goingWith = document.getText(range).replace(document.getText(link.range), '').replace(/\r\n|\n|\r/g, '');
  return onlySeparator.test(goingWith) ? TextEdit.del(range) : undefined;
}

/** Blanks, a list marker and a separator between links at most: nothing a reader sees in the book. */
const onlySeparator = /^[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)?(?:\||\\|<br\s*\/?>)?[ \t]*$/;

/**
 * Inserts `[label](#target)` into an entry's see-also list in order: before the first link whose
 * label sorts after it, `[Index](#Index)` staying last (a link to `#Index` itself goes last).
 */
export function insertSeeAlsoLinkEdit(
  entry: Entry,
  document: TextDocument,
  collator: Intl.Collator,
  index: Pick<WorkspaceIndex, 'isDefined'>,
  label: string,
  target: string,
): TextEdit | undefined {
  const seeAlso = entry.seeAlso;
  if (seeAlso === undefined) {
    return undefined;
  }
  const indexLinks = indexLinksOf(seeAlso, index);
  const links = seeAlsoList(seeAlso);
  let slot = target === indexId ? -1 : links.findIndex((link) => indexLinks.has(link) || collator.compare(link.label, label) > 0);
  if (slot < 0) {
    slot = links.length;
  }
  return insertLinkEdit(document, links, slot, titleLink(label, target), seeAlso.section.heading.range.end.line);
}

/** `[label](#target)`, for a label as written in the text: its brackets and backslashes escaped. */
export function markdownLink(label: string, target: string): string {
  return `[${label.replace(/[\\[\]]/g, '\\$&')}](#${target})`;
}

/**
 * `[Title](#target)` for an entry's title as pandoc reads it (plain text): besides brackets and
 * backslashes, what pandoc would read as markup in a label is escaped (emphasis, code, HTML, math,
 * subscripts, superscripts, citations, entities), so that the label reads as the title.
 */
export function titleLink(title: string, target: string): string {
  return `[${labelText(title)}](#${target})`;
}

/** A title as a link's label writes it: what Markdown would read as markup escaped. */
export function labelText(title: string): string {
  return title.replace(/[\\[\]*`<$~^]|(?<![\p{L}\p{N}])[_@]|_(?![\p{L}\p{N}])|&(?=#?[\p{L}\p{N}]+;)/gu, '\\$&');
}

/**
 * Inserts a link into a list of links (in document order) before `links[slot]`, or after the last
 * link when `slot` is the list's length, copying the separator the list uses between two links
 * (` |` and a line break) byte for byte. An empty list gets the link two lines below `emptyListLine`.
 */
export function insertLinkEdit(document: TextDocument, links: readonly Link[], slot: number, linkText: string, emptyListLine: number): TextEdit {
  const lineBreak = lineBreakOf(document);
  if (links.length === 0) {
    return insertParagraph(document, emptyListLine, `${linkText} |`);
  }
  const items = itemRanges(document, links);
  // The one item of a list, bare on its line (`[Index](#Index)`): no pair of items shows how the list parts them, and the template's ` |` does.
  const only = items.length === 1 ? items[0]! : undefined;
  if (only !== undefined && lineText(document, only.start.line).trim() === document.getText(only)) {
    return slot === 0 ? TextEdit.insert(only.start, `${linkText} |${lineBreak}`) : TextEdit.insert(only.end, ` |${lineBreak}${linkText}`);
  }
  const separator = findSeparator(document, items, Math.max(0, slot - 1), lineBreak);
  if (slot < items.length) {
    const next = items[slot]!;
    const prefix = linePrefix(document, next);
    if (separator === undefined && prefix !== undefined) {
      // Each item has its text (`- [Alpha](#Alpha) – der Anfang`): the link gets a line of its own, an item as the others are.
      return TextEdit.insert({ line: next.start.line, character: 0 }, `${prefix}${linkText}${lineSeparator(document, items)}${lineBreak}`);
    }
    return TextEdit.insert(next.start, `${linkText}${separator ?? ` |${lineBreak}`}`);
  }
  const last = items[items.length - 1]!;
  // After a comment or text that follows the last item, the new link begins a line of its own.
  const gap = gapAfter(document, items, items.length - 1, lineBreak);
  if (!isSeparator(gap)) return appendLinkLine(document, items, linkText);
  // A last item without the separator the others have (`[B](#B) |`, `[C](#C)`) gets it: the new link must not run together with it.
  const partsOthers = items.length > 1 ? gapAfter(document, items, items.length - 2, lineBreak) : '';
  const lastLacksSeparator = gap.trim() === '' && isSeparator(partsOthers) && partsOthers.trim() !== '';
  return TextEdit.insert(last.end, `${lastLacksSeparator ? partsOthers : gap}${linkText}`);
}

/**
 * The separator to copy after `links[position]`: the text up to the next link (after the last
 * link, the rest of its line, a line break and the link's list marker) when it only parts the
 * links; else the first such separator of the list; undefined when no gap of the list only parts
 * links. A comment or text that the writer wrote after a link belongs to that link, and is not copied.
 */
function findSeparator(document: TextDocument, items: readonly Range[], position: number, lineBreak: string): string | undefined {
  for (const k of [position, ...items.keys()]) {
    const gap = gapAfter(document, items, k, lineBreak);
    if (isSeparator(gap)) return gap;
  }
  return undefined;
}

/** The text between an item and the next one; after the last item, the rest of its line, a line break and the item's list marker. */
function gapAfter(document: TextDocument, items: readonly Range[], position: number, lineBreak: string): string {
  const item = items[position]!;
  const next = items[position + 1];
  if (next !== undefined) {
    return document.getText({ start: item.end, end: next.start });
  }
  return `${document.getText({ start: item.end, end: lineEnd(document, item.end.line) })}${lineBreak}${itemPrefix(document, item)}`;
}

/**
 * Whether text between links only parts them: white space, line breaks (hard ones too: `\` at a
 * line's end, `<br>`), list markers, and punctuation such as `|`, `·`, `&middot;` or `,`; no words,
 * comments or other markup.
 */
function isSeparator(gap: string): boolean {
  return gap.split(/\r\n|\n|\r/).every((line, k) => {
    const rest = (k === 0 ? line : line.replace(/^[ \t]*(?:(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$))?/, '')).replace(hardBreak, '');
    // `&middot;` parts links as `·` does; `&auml;` is a letter.
    return separatorCharacters.test(resolveCharacterReferences(rest));
  });
}

const hardBreak = /\\$|<br[ \t]*\/?>/gi;
const separatorCharacters = /^[^\p{L}\p{N}<>*_`[\]()!{}\\~^$&@#]*$/u;

/**
 * Inserts a see-also section ending with `[Index](#Index)` at the end of an entry: before its
 * closing `----` when it has one that no section follows, else with that rule after it.
 */
export function addSeeAlsoEdit(entry: Entry, document: TextDocument, headingText: string): TextEdit {
  const lineBreak = lineBreakOf(document);
  const hashes = '#'.repeat(Math.min(entry.heading.level + 1, 6));
  const section = [`${hashes} ${headingText} {.seealso}`, '', '[Index](#Index) |'];
  const closingRuleLine = entry.closingRuleLine;
  // A rule with sections after it parts the entry: the see-also section, its last, goes after them.
  if (closingRuleLine !== undefined && !entry.sections.some((other) => other.heading.range.start.line > closingRuleLine)) {
    // An ATX heading needs a blank line before it.
    const previousLine = closingRuleLine - 1;
    const lead = previousLine >= 0 && lineText(document, previousLine).trim() !== '' ? [''] : [];
    return TextEdit.insert({ line: closingRuleLine, character: 0 }, [...lead, ...section, '', ''].join(lineBreak));
  }
  // After the entry's last text, so that a blank line stays between the section and what follows.
  return TextEdit.insert(lineEnd(document, lastTextLine(entry, document)), ['', '', ...section, '', '----'].join(lineBreak));
}

/**
 * Closes an entry with the rule `----` after its last text, a blank line between (right under text,
 * `----` would underline it as a heading). Where its last line is a rule written right under text,
 * which pandoc reads as that text (or as a heading's underline), the blank line goes before it.
 */
export function closingRuleEdit(entry: Entry, document: TextDocument): TextEdit {
  const lineBreak = lineBreakOf(document);
  if (entry.ruleUnderTextLine !== undefined) {
    return TextEdit.insert({ line: entry.ruleUnderTextLine, character: 0 }, lineBreak);
  }
  return TextEdit.insert(lineEnd(document, lastTextLine(entry, document)), ['', '', '----'].join(lineBreak));
}

/** The entry's last line that is not blank. */
function lastTextLine(entry: Entry, document: TextDocument): number {
  let last = entry.range.end.line;
  while (last > entry.heading.range.end.line && lineText(document, last).trim() === '') last--;
  return last;
}

/** The position at the end of a line's text, before its line break. */
function lineEnd(document: TextDocument, line: number): { line: number; character: number } {
  return { line, character: lineText(document, line).length };
}

/**
 * The separator the other items of a see-also list are followed by (` |` of `[A](#A) |`, the
 * chapter template's where none is), put after `link`, which the next item runs into.
 */
export function separatorAfterEdit(document: TextDocument, seeAlso: SeeAlso, link: Link): TextEdit {
  const uses = new Map<string, number>();
  const items = itemRanges(document, seeAlso.links);
  for (const [k, other] of seeAlso.links.entries()) {
    if (other === link || !other.listed) continue;
    const { end } = items[k]!;
    // Marks of emphasis are none (`*` closing an item whose marks are unclear).
    const separator = /^[ \t]*[^\s\p{L}\p{N}[\]()*_~]{1,2}(?=\s|$)/u.exec(lineText(document, end.line).slice(end.character))?.[0];
    if (separator !== undefined) uses.set(separator, (uses.get(separator) ?? 0) + 1);
  }
  const [mostUsed] = [...uses].sort((a, b) => b[1] - a[1])[0] ?? [' |'];
  return TextEdit.insert(items[seeAlso.links.indexOf(link)]!.end, mostUsed);
}

/** A line's text without its line break. */
export function lineText(document: TextDocument, line: number): string {
  return document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/(?:\r\n|\n|\r)$/, '');
}
