import { GlossaryDocument, Heading, Link, Position } from '../parse/model';
import { comparePositions } from '../parse/positions';

/**
 * The index page: the alphabetical list of every entry, with a letter section (`### A {.index}`)
 * per first letter. It is the file set as `indexFile` in the configuration, or else the first file
 * (by URI) holding headings with the class `.index`.
 */

/** The id of the alphabetical index, which every see-also list ends with. */
export const indexId = 'Index';

/** The name of an index page the glossary is given (see `GlossarySession.newIndexPageUri`): first in a book whose files go in the order of their names. */
export const newIndexPageName = '000-index.txt';

/** The class of the index page's letter sections. */
const indexSectionClass = 'index';

/** A letter section of the index page: its heading, where it ends and its links. */
export interface IndexSection {
  readonly heading: Heading;
  /** The letter as written in the heading (`A`, `3`). */
  readonly letter: string;
  /** The position after the section's last line: the start of the next heading, or the end of the file. */
  readonly end: Position;
  readonly links: readonly Link[];
}

/** Whether a document holds letter sections of an alphabetical index. */
export function hasIndexSections(document: GlossaryDocument | undefined): boolean {
  return document?.headings.some(isIndexSectionHeading) ?? false;
}

/** The letter sections of the index page, in document order. */
export function indexSections(document: GlossaryDocument): readonly IndexSection[] {
  const sections: IndexSection[] = [];
  const headings = document.headings;
  headings.forEach((heading, i) => {
    if (!isIndexSectionHeading(heading)) {
      return;
    }
    const next = headings.slice(i + 1).find((later) => later.level <= heading.level);
    const end = next?.range.start ?? { line: document.lineCount, character: 0 };
    const links = document.links.filter((link) => comparePositions(heading.range.end, link.range.start) <= 0 && comparePositions(link.range.start, end) <= 0);
    sections.push({ heading, letter: heading.plainText.trim(), end, links });
  });
  return sections;
}

/** The heading that names the index page: its first heading, unless that is a letter section. */
export function indexPageHeading(document: GlossaryDocument): Heading | undefined {
  const firstSection = document.headings.find(isIndexSectionHeading);
  const heading = document.headings[0];
  return heading !== undefined && heading !== firstSection ? heading : undefined;
}

function isIndexSectionHeading(heading: Heading): boolean {
  return heading.classes.includes(indexSectionClass);
}
