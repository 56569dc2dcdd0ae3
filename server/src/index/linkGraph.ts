import { Entry, GlossaryDocument, Link } from '../parse/model';
import { entryContaining } from '../parse/positions';
import type { LocatedEntry, WorkspaceIndex } from './workspaceIndex';
import { abbreviationStubTarget } from './abbreviationStubs';

/**
 * The link graph of a glossary: which entries link to which. A link counts as an inbound link of
 * the entry it points at unless it stands on the index page (which links every entry) or inside
 * an entry with the same id (a link to itself). Links from pages that are no entry (a preface)
 * count: they lead a reader to the entry.
 */

/**
 * Whether a link of a document counts as an inbound link of the entry with id `entryId`: not on the
 * index page, not inside that entry.
 */
function isInboundLink(document: GlossaryDocument, indexPageUri: string | undefined, link: Link, entryId = link.target): boolean {
  return document.uri !== indexPageUri && entryContaining(document, link.range.start)?.id !== entryId;
}

/** The links to an id that count as inbound links of the entry with id `entryId` (see `isInboundLink`). */
function* inboundLinks(index: WorkspaceIndex, id: string, entryId = id): Generator<Link> {
  const indexPageUri = index.indexPageUri();
  for (const uri of index.documentsLinkingTo(id)) {
    const document = index.document(uri);
    if (document === undefined) continue;
    for (const link of document.links) {
      if (link.target === id && isInboundLink(document, indexPageUri, link, entryId)) yield link;
    }
  }
}

/** Whether anything but the index page and the entry itself links to an id (stops at the first link). */
export function hasInboundLink(index: WorkspaceIndex, id: string): boolean {
  return inboundLinks(index, id).next().done !== true;
}

/**
 * How many links to `id` stand outside the index page and the entry with id `entryId`: the links
 * that would be the entry's if it had that id (the id its file name gives, say).
 */
export function inboundLinkCountAs(index: WorkspaceIndex, id: string, entryId: string): number {
  let count = 0;
  for (const _ of inboundLinks(index, id, entryId)) count++;
  return count;
}

/** The number of inbound links of every entry's id (0 for an orphan), in one pass over all links. */
export function inboundLinkCounts(index: WorkspaceIndex): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { entry } of index.entries()) {
    counts.set(entry.id, 0);
  }
  const indexPageUri = index.indexPageUri();
  for (const document of index.documents()) {
    if (document.uri === indexPageUri) {
      continue;
    }
    for (const link of document.links) {
      const count = counts.get(link.target);
      if (count !== undefined && isInboundLink(document, indexPageUri, link)) {
        counts.set(link.target, count + 1);
      }
    }
  }
  return counts;
}

/** The entries that nothing but the index page and themselves link to, in index order. */
export function orphanEntries(index: WorkspaceIndex): readonly LocatedEntry[] {
  const counts = inboundLinkCounts(index);
  return [...index.entries()].filter(({ uri, entry }) => counts.get(entry.id) === 0 && firstEntryWithItsId(index.document(uri)!.entries, entry));
}

/**
 * Whether no entry before this one in its file has its id: of two versions of an entry kept in one
 * file (GPT-4.5.md), the first stands for both where the id's links are counted.
 */
export function firstEntryWithItsId(entries: readonly Entry[], entry: Entry): boolean {
  return entries.find((each) => each.id === entry.id) === entry;
}

/** The links of an entry to its own id. */
export function selfLinks(entry: Entry): readonly Link[] {
  return [...entry.bodyLinks, ...(entry.seeAlso?.links ?? [])].filter((link) => link.target === entry.id);
}

/**
 * What the link-graph diagnostics of other documents read from a document: per link, the id of the
 * entry it stands in, whether it is a see-also link, and its target (the value).
 */
function linkGraphFacts(document: GlossaryDocument | undefined): Map<string, string> {
  const facts = new Map<string, string>();
  if (document === undefined) {
    return facts;
  }
  const inEntries = new Set<Link>();
  const add = (entryId: string, role: string, link: Link): void => {
    facts.set(JSON.stringify([entryId, role, link.target]), link.target);
    inEntries.add(link);
  };
  for (const entry of document.entries) {
    entry.bodyLinks.forEach((link) => add(entry.id, 'body', link));
    entry.seeAlso?.links.forEach((link) => add(entry.id, 'seealso', link));
  }
  for (const link of document.links) {
    if (!inEntries.has(link)) {
      facts.set(JSON.stringify(['', 'page', link.target]), link.target);
    }
  }
  return facts;
}

/**
 * The ids whose inbound links or see-also mentions changed between two versions of a document:
 * the documents defining them may gain or lose `orphan-entry`, `not-in-index` or
 * `seealso-not-reciprocal`. Empty when only text around the links changed.
 */
export function linkGraphChangedIds(previous: GlossaryDocument | undefined, next: GlossaryDocument | undefined): Set<string> {
  return changedKeys(linkGraphFacts(previous), linkGraphFacts(next));
}

/** The ids that one version of a document links more or fewer times than the other. */
export function linkCountChangedIds(previous: GlossaryDocument | undefined, next: GlossaryDocument | undefined): Set<string> {
  const difference = new Map<string, number>();
  previous?.links.forEach((link) => difference.set(link.target, (difference.get(link.target) ?? 0) + 1));
  next?.links.forEach((link) => difference.set(link.target, (difference.get(link.target) ?? 0) - 1));
  return new Set([...difference].filter(([, count]) => count !== 0).map(([id]) => id));
}

/**
 * The link labels that one version of a document has and the other has not. On the index page
 * these are the titles of entries it lists by name (see `checkListedInIndex`).
 */
export function changedLabels(previous: GlossaryDocument | undefined, next: GlossaryDocument | undefined): Set<string> {
  const before = new Set(previous?.links.map((link) => link.label));
  const after = new Set(next?.links.map((link) => link.label));
  return new Set([...before, ...after].filter((label) => before.has(label) !== after.has(label)));
}

/**
 * The ids of the entries that appeared, disappeared, gained or lost a see-also section, or became
 * or stopped being an abbreviation stub between two versions of a document: the see-also lists
 * naming them may gain or lose `seealso-not-reciprocal`.
 */
export function entryShapeChangedIds(previous: GlossaryDocument | undefined, next: GlossaryDocument | undefined): Set<string> {
  return changedKeys(entryShapes(previous), entryShapes(next));
}

function entryShapes(document: GlossaryDocument | undefined): Map<string, string> {
  const shapes = new Map<string, string>();
  for (const entry of document?.entries ?? []) {
    const shape = JSON.stringify([entry.id, entry.seeAlso === undefined, abbreviationStubTarget(entry) ?? '']);
    shapes.set(shape, entry.id);
  }
  return shapes;
}

/** The values of the keys that only one of two maps has. */
function changedKeys(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): Set<string> {
  const ids = new Set<string>();
  before.forEach((id, key) => after.has(key) || ids.add(id));
  after.forEach((id, key) => before.has(key) || ids.add(id));
  return ids;
}
