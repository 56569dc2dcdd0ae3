import { TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { indexId, indexPageHeading, indexSections, IndexSection } from '../index/indexPage';
import { metadataLinesAtTop } from '../parse/blocks';
import { GlossaryDocument, Heading, Link } from '../parse/model';
import { insertLinkEdit, lineBreakOf, lineText, titleLink } from './seeAlsoEdits';
import { headingAttributeEdit } from './headingEdits';

/** Where an entry goes on the index page: the edit, and the letter section it goes under (undefined on a page without sections). */
export interface IndexInsertion {
  readonly edit: TextEdit;
  readonly letter: string | undefined;
}

/**
 * Adds `[title](#id) |` to the index page in collation order: under the letter section of the
 * title's first letter or digit (created, in order, when missing), or into the page's one list of
 * links when it has no letter sections.
 */
export function addToIndexEdit(page: GlossaryDocument, text: TextDocument, title: string, id: string, collator: Intl.Collator, locale: string): IndexInsertion {
  const linkText = titleLink(title, id);
  const sections = indexSections(page);
  if (sections.length === 0) {
    return { edit: insertInOrder(text, page.links, title, linkText, collator, Math.max(0, page.lineCount - 1)), letter: undefined };
  }
  const letter = indexLetterOf(title, locale);
  const section = sections.find((candidate) => collator.compare(candidate.letter, letter) === 0);
  if (section !== undefined) {
    return { edit: insertInOrder(text, section.links, title, linkText, collator, section.heading.range.end.line), letter: section.letter };
  }
  const sectionLetter = newSectionLetter(letter, collator);
  return { edit: newSectionEdit(text, sections, sectionLetter, linkText, collator), letter: sectionLetter };
}

/** The letter a new section takes, as the collation files it: `Öl` under a new O, where `Oben` goes too. */
function newSectionLetter(letter: string, collator: Intl.Collator): string {
  const baseLetter = letter.normalize('NFD').replace(/\p{M}+/gu, '');
  return baseLetter !== '' && collator.compare(baseLetter, letter) === 0 ? baseLetter : letter;
}

/**
 * The text of a new index page that lists the entries: the heading `## Index {#Index}`, then a
 * letter section (`### A {.index}`) per first letter or digit, one level below, in collation order,
 * each with its links `[Title](#Id) |` in collation order, as `addToIndexEdit` adds them.
 */
export function newIndexPageText(entries: readonly { readonly title: string; readonly id: string }[], collator: Intl.Collator, locale: string): string {
  const sections: { readonly letter: string; readonly entries: { readonly title: string; readonly id: string }[] }[] = [];
  for (const entry of entries) {
    const letter = newSectionLetter(indexLetterOf(entry.title, locale), collator);
    const section = sections.find((candidate) => collator.compare(candidate.letter, letter) === 0);
    if (section === undefined) sections.push({ letter, entries: [entry] });
    else section.entries.push(entry);
  }
  // Titles the collation holds equal (`Apfel`, `Äpfel`) in an order that does not depend on where their files are.
  const inOrder = (a: string, b: string): number => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
  const blocks = sections
    .sort((a, b) => inOrder(a.letter, b.letter))
    .map(({ letter, entries: listed }) => {
      const links = [...listed].sort((a, b) => inOrder(a.title, b.title) || inOrder(a.id, b.id)).map(({ title, id }) => `${titleLink(title, id)} |`);
      return `### ${letter} {.index}\n\n${links.join('\n')}`;
    });
  return [`## Index {#${indexId}}`, ...blocks].join('\n\n') + '\n';
}

/** The letter an entry is listed under: the first letter or digit of its title, upper case. */
function indexLetterOf(title: string, locale: string): string {
  const first = /[\p{L}\p{N}]/u.exec(title)?.[0] ?? title.charAt(0);
  const upper = first.toLocaleUpperCase(locale);
  return upper.length === 1 ? upper : first; // ß stays ß, not SS
}

/**
 * Gives the index page the id `Index`: in its heading's attribute block when the heading has no
 * explicit id, else as a new heading at the top of the page (below the metadata it opens with),
 * one level above the letter sections.
 */
export function indexAnchorEdit(page: GlossaryDocument, text: TextDocument): { readonly edit: TextEdit; readonly newHeading: string | undefined } {
  const heading = indexPageHeading(page);
  if (heading !== undefined && !heading.explicitId) {
    return { edit: headingAttributeEdit(heading, text, `#${indexId}`), newHeading: undefined };
  }
  const sectionLevels = indexSections(page).map((section) => section.heading.level);
  const level = sectionLevels.length > 0 ? Math.max(1, Math.min(...sectionLevels) - 1) : 1;
  const newHeading = `${'#'.repeat(level)} Index {#Index}`;
  const lineBreak = lineBreakOf(text);
  const isBlank = (line: number): boolean => lineText(text, line).trim() === '';
  const last = text.lineCount - 1;
  // Metadata stays first, and a blank line sets it apart: pandoc reads a `% Titel` block only
  // there (a YAML block anywhere, but it opens the page as the writer put it).
  const metadata = metadataLinesAtTop((line) => lineText(text, line), text.lineCount);
  if (metadata > 0 && (metadata > last || (metadata === last && isBlank(last)))) {
    // A page of metadata alone: the heading goes after it.
    const end = { line: last, character: lineText(text, last).length };
    return { edit: TextEdit.insert(end, `${end.character === 0 ? '' : lineBreak}${lineBreak}${newHeading}${lineBreak}`), newHeading };
  }
  const at = metadata > 0 && isBlank(metadata) ? metadata + 1 : metadata;
  const blankAbove = metadata > 0 && at === metadata ? lineBreak : '';
  // A blank line below the place has the blank line the heading needs below it, and the page's end needs none.
  const blankBelow = isBlank(at) && (at < last || lineText(text, at) === '') ? '' : lineBreak;
  return { edit: TextEdit.insert({ line: at, character: 0 }, `${blankAbove}${newHeading}${lineBreak}${blankBelow}`), newHeading };
}

/** Inserts a link before the first link of the list whose label sorts after the title (a link in a sentence is none of the list). */
function insertInOrder(text: TextDocument, allLinks: readonly Link[], title: string, linkText: string, collator: Intl.Collator, emptyListLine: number): TextEdit {
  const links = allLinks.filter((link) => link.listed);
  const slot = links.findIndex((link) => collator.compare(link.label, title) > 0);
  return insertLinkEdit(text, links, slot < 0 ? links.length : slot, linkText, emptyListLine);
}

/**
 * A new letter section holding one link, before the first section whose letter sorts after it, or
 * after the last section's links (not after what ends the page, a closing `----`), with the level,
 * classes and attributes of the others but not their id, which would then be given twice.
 */
function newSectionEdit(text: TextDocument, sections: readonly IndexSection[], letter: string, linkText: string, collator: Intl.Collator): TextEdit {
  const lineBreak = lineBreakOf(text);
  const block = [...sectionHeadingLike(text, sections[0]!.heading, letter), '', `${linkText} |`].join(lineBreak);
  const following = sections.find((section) => collator.compare(section.letter, letter) > 0);
  if (following !== undefined) {
    return TextEdit.insert({ line: following.heading.range.start.line, character: 0 }, `${block}${lineBreak}${lineBreak}`);
  }
  // After the paragraph that holds the last section's last link (or after its heading).
  const last = sections[sections.length - 1]!;
  let line = last.links.length > 0 ? last.links[last.links.length - 1]!.range.end.line : last.heading.range.end.line;
  while (line + 1 < text.lineCount && lineText(text, line + 1).trim() !== '') line++;
  const end = { line, character: lineText(text, line).length };
  const atTheEnd = line + 1 >= text.lineCount;
  return TextEdit.insert(end, `${lineBreak}${lineBreak}${block}${atTheEnd ? lineBreak : ''}`);
}

/**
 * The lines of a letter section's heading written as `model` is (its marks, spacing and setext
 * underline), with another letter and the model's attributes but not its id.
 */
function sectionHeadingLike(text: TextDocument, model: Heading, letter: string): string[] {
  const line = lineText(text, model.textRange.start.line);
  const block = model.attributesRange;
  const onTheLine = block !== undefined && block.start.line === model.textRange.start.line && block.end.line === block.start.line;
  const attributes = [...model.classes.map((name) => `.${name}`), ...model.keyValues.filter(([key]) => key !== 'id').map(([key, value]) => `${key}="${value.replace(/["\\]/g, '\\$&')}"`)];
  const headingLine = onTheLine
    ? line.slice(0, model.textRange.start.character) + letter + line.slice(model.textRange.end.character, block.start.character) + `{${attributes.join(' ')}}` + line.slice(block.end.character)
    : `${'#'.repeat(model.level)} ${letter} {${attributes.join(' ')}}`;
  const setextUnderline = onTheLine && model.range.end.line > model.textRange.start.line ? [lineText(text, model.range.end.line)] : [];
  return [headingLine, ...setextUnderline];
}
