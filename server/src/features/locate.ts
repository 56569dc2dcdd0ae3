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

/** Whether two ranges are one. */
export function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** The link or anchor at a position, read from the model. */
export function locateAt(document: GlossaryDocument, position: Position): LocatedItem | undefined {
  // An element's `{#id}` first: a link's own id stands inside the link's range.
  for (const anchor of document.anchors) {
    if (anchor.heading === undefined && rangeContains(anchor.idRange, position)) {
      return { kind: 'anchor', anchor };
    }
  }
  // A reference link's id and label stand in its definition, elsewhere in the file. The end of a
  // link counts as on it, unless another link begins there (`[a](#A)[b](#B)`).
  const linkAt = (contains: (range: Range) => boolean): Link | undefined =>
    document.links.find((link) => {
      const id = idWithHash(link);
      const definitionLabel = link.definitionLabelRange;
      return contains(link.range) || (id !== undefined && contains(id)) || (definitionLabel !== undefined && contains(definitionLabel));
    });
  const link = linkAt((range) => rangeContains(range, position) && comparePositions(position, range.end) < 0) ?? linkAt((range) => rangeContains(range, position));
  if (link !== undefined) {
    return { kind: 'link', link };
  }
  for (const anchor of document.anchors) {
    const heading = anchor.heading;
    if (heading !== undefined && rangeContains(heading.range, position)) {
      return { kind: 'anchor', anchor };
    }
  }
  return undefined;
}

/** The range of a link's id with the `#` before it: in a reference link's definition (`[ref]: #Id`), a cursor on the `#` is on the id too. */
function idWithHash(link: Link): Range | undefined {
  const id = link.idRange;
  return id === undefined ? undefined : { start: { line: id.start.line, character: Math.max(0, id.start.character - 1) }, end: id.end };
}

/** The part of a link a position is on, as a hover covers it: the link, or in its reference definition the label or the `#id`. */
export function linkPartAt(link: Link, position: Position): Range {
  if (rangeContains(link.range, position)) return link.range;
  const definitionLabel = link.definitionLabelRange;
  return definitionLabel !== undefined && rangeContains(definitionLabel, position) ? definitionLabel : idWithHash(link)!;
}

/** The id a position refers to: a link's target, or the id of the heading or element it is on. */
export function idAt(document: GlossaryDocument, position: Position): string | undefined {
  const item = locateAt(document, position);
  return item?.kind === 'link' ? item.link.target : item?.anchor.id;
}
