import { Anchor, GlossaryDocument, Link, Position, Range } from '../parse/model';
import { comparePositions } from '../parse/positions';

/**
 * What sits at a position of a document: a link (on its label or its id), a heading (with its
 * anchor), or the `{#id}` of another element.
 */
export type LocatedItem =
  | { readonly kind: 'link'; readonly link: Link }
  | { readonly kind: 'anchor'; readonly anchor: Anchor };

/** Whether a position lies in a range; the end counts, so that a cursor right after an id still hits it. */
export function rangeContains(range: Range, position: Position): boolean {
  return comparePositions(range.start, position) <= 0 && comparePositions(position, range.end) <= 0;
}

/** The link or anchor at a position, read from the model. */
export function locateAt(document: GlossaryDocument, position: Position): LocatedItem | undefined {
  // An element's `{#id}` first: a link's own id stands inside the link's range.
  for (const anchor of document.anchors) {
    if (anchor.heading === undefined && rangeContains(anchor.idRange, position)) {
      return { kind: 'anchor', anchor };
    }
  }
  for (const link of document.links) {
    // A reference link's id stands in its definition, elsewhere in the file.
    if (rangeContains(link.range, position) || (link.idRange !== undefined && rangeContains(link.idRange, position))) {
      return { kind: 'link', link };
    }
  }
  for (const anchor of document.anchors) {
    const heading = anchor.heading;
    if (heading !== undefined && rangeContains(heading.range, position)) {
      return { kind: 'anchor', anchor };
    }
  }
  return undefined;
}

/** The id a position refers to: a link's target, or the id of the heading or element it is on. */
export function idAt(document: GlossaryDocument, position: Position): string | undefined {
  const item = locateAt(document, position);
  return item?.kind === 'link' ? item.link.target : item?.anchor.id;
}
