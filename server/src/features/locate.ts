import { Anchor, GlossaryDocument, Heading, Link, Position, Range } from '../parse/model';
import { comparePositions } from '../parse/positions';

/** What sits at a position of a document: a link (on its label or its id), or a heading. */
export type LocatedItem =
  | { readonly kind: 'link'; readonly link: Link; readonly onId: boolean }
  | { readonly kind: 'heading'; readonly heading: Heading; readonly anchor: Anchor | undefined; readonly onId: boolean };

/** Whether a position lies in a range; the end counts, so that a cursor right after an id still hits it. */
export function rangeContains(range: Range, position: Position): boolean {
  return comparePositions(range.start, position) <= 0 && comparePositions(position, range.end) <= 0;
}

/** The link or heading at a position, read from the model. */
export function locateAt(document: GlossaryDocument, position: Position): LocatedItem | undefined {
  for (const link of document.links) {
    const onId = link.idRange !== undefined && rangeContains(link.idRange, position);
    if (onId || rangeContains(link.range, position)) {
      return { kind: 'link', link, onId };
    }
  }
  for (const heading of document.headings) {
    if (rangeContains(heading.range, position)) {
      const anchor = document.anchors.find((candidate) => candidate.heading === heading);
      const onId = heading.idRange !== undefined && rangeContains(heading.idRange, position);
      return { kind: 'heading', heading, anchor, onId };
    }
  }
  return undefined;
}

/** The id a position refers to: a link's target, or the id of the heading it is on. */
export function idAt(document: GlossaryDocument, position: Position): string | undefined {
  const item = locateAt(document, position);
  if (item === undefined) {
    return undefined;
  }
  return item.kind === 'link' ? item.link.target : item.anchor?.id;
}
