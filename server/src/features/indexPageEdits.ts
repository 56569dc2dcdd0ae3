import { TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { indexPageHeading, indexSections, IndexSection } from '../index/indexPage';
import { GlossaryDocument, Link } from '../parse/model';
import { insertLinkEdit, lineBreakOf, lineText, markdownLink } from './seeAlsoEdits';

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
  const linkText = markdownLink(title, id);
  const sections = indexSections(page);
  if (sections.length === 0) {
    return { edit: insertInOrder(text, page.links, title, linkText, collator, Math.max(0, page.lineCount - 1)), letter: undefined };
  }
  const letter = indexLetterOf(title, locale);
  const section = sections.find((candidate) => collator.compare(candidate.letter, letter) === 0);
  if (section !== undefined) {
    return { edit: insertInOrder(text, section.links, title, linkText, collator, section.heading.range.end.line), letter: section.letter };
  }
  return { edit: newSectionEdit(text, sections, letter, linkText, collator), letter };
}

/** The letter an entry is listed under: the first letter or digit of its title, upper case. */
function indexLetterOf(title: string, locale: string): string {
  const first = /[\p{L}\p{N}]/u.exec(title)?.[0] ?? title.charAt(0);
  const upper = first.toLocaleUpperCase(locale);
  return upper.length === 1 ? upper : first; // ß stays ß, not SS
}

/**
 * Gives the index page the id `Index`: in its heading's attribute block when the heading has no
 * explicit id, else as a new heading at the top of the page, one level above the letter sections.
 */
export function indexAnchorEdit(page: GlossaryDocument, text: TextDocument): { readonly edit: TextEdit; readonly newHeading: string | undefined } {
  const heading = indexPageHeading(page);
  if (heading !== undefined && !heading.explicitId) {
    const edit = heading.attributesRange
      ? TextEdit.insert({ line: heading.attributesRange.start.line, character: heading.attributesRange.start.character + 1 }, '#Index ')
      : TextEdit.insert(heading.textRange.end, ' {#Index}');
    return { edit, newHeading: undefined };
  }
  const sectionLevels = indexSections(page).map((section) => section.heading.level);
  const level = sectionLevels.length > 0 ? Math.max(1, Math.min(...sectionLevels) - 1) : 1;
  const newHeading = `${'#'.repeat(level)} Index {#Index}`;
  const lineBreak = lineBreakOf(text);
  return { edit: TextEdit.insert({ line: 0, character: 0 }, `${newHeading}${lineBreak}${lineBreak}`), newHeading };
}

/** Inserts a link before the first link of the list whose label sorts after the title. */
function insertInOrder(text: TextDocument, links: readonly Link[], title: string, linkText: string, collator: Intl.Collator, emptyListLine: number): TextEdit {
  const slot = links.findIndex((link) => collator.compare(link.label, title) > 0);
  return insertLinkEdit(text, links, slot < 0 ? links.length : slot, linkText, emptyListLine);
}

/** A new letter section holding one link, before the first section whose letter sorts after it, written as the others are. */
function newSectionEdit(text: TextDocument, sections: readonly IndexSection[], letter: string, linkText: string, collator: Intl.Collator): TextEdit {
  const lineBreak = lineBreakOf(text);
  const model = sections[0]!.heading;
  const modelLine = lineText(text, model.textRange.start.line);
  const headingLine = modelLine.slice(0, model.textRange.start.character) + letter + modelLine.slice(model.textRange.end.character);
  const block = [headingLine, '', `${linkText} |`].join(lineBreak);
  const following = sections.find((section) => collator.compare(section.letter, letter) > 0);
  if (following !== undefined) {
    return TextEdit.insert({ line: following.heading.range.start.line, character: 0 }, `${block}${lineBreak}${lineBreak}`);
  }
  const lastLine = text.lineCount - 1;
  const end = { line: lastLine, character: lineText(text, lastLine).length };
  const lead = lineText(text, lastLine).trim() === '' ? lineBreak : `${lineBreak}${lineBreak}`;
  return TextEdit.insert(end, `${lead}${block}${lineBreak}`);
}
