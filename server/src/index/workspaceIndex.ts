import { Anchor, Entry, GlossaryDocument, Link } from '../parse/model';

/** An anchor and the document that defines it. */
export interface LocatedAnchor {
  readonly uri: string;
  readonly anchor: Anchor;
}

/** A link and the document it is written in. */
export interface LocatedLink {
  readonly uri: string;
  readonly link: Link;
}

/** An entry and the document that holds it. */
export interface LocatedEntry {
  readonly uri: string;
  readonly entry: Entry;
}

/** What an `update` or `remove` changed, so that callers recompute only what depends on it. */
export interface IndexChange {
  /** Ids whose definitions changed in number or explicitness (appeared, disappeared, (un)duplicated). */
  readonly changedIds: ReadonlySet<string>;
  /**
   * Documents whose diagnostics may change: the document itself (unless removed), and every
   * document that links to or defines a changed id.
   */
  readonly affectedUris: ReadonlySet<string>;
}

/** Per id, the contribution of each document, so that one document's part is replaced alone. */
type ContributionsById<T> = Map<string, Map<string, readonly T[]>>;

/**
 * All parsed documents of a workspace with id -> defining anchors and id -> links.
 * Updated one document at a time; it keeps the parsed models, never the file texts.
 */
export class WorkspaceIndex {
  private readonly documentsByUri = new Map<string, GlossaryDocument>();
  private readonly anchorsById: ContributionsById<Anchor> = new Map();
  private readonly linksById: ContributionsById<Link> = new Map();
  private definitionsGeneration = 0;

  /** Adds a document or replaces the previous model of the same URI. */
  update(document: GlossaryDocument): IndexChange {
    const previous = this.documentsByUri.get(document.uri);
    this.documentsByUri.set(document.uri, document);
    return this.replaceContribution(document.uri, previous, document);
  }

  /** Forgets a document (deleted, or renamed: remove the old URI, update the new one). */
  remove(uri: string): IndexChange {
    const previous = this.documentsByUri.get(uri);
    this.documentsByUri.delete(uri);
    return this.replaceContribution(uri, previous, undefined);
  }

  /** The model of one document, if indexed. */
  document(uri: string): GlossaryDocument | undefined {
    return this.documentsByUri.get(uri);
  }

  /** Every indexed document, in the order they were first added. */
  documents(): IterableIterator<GlossaryDocument> {
    return this.documentsByUri.values();
  }

  /** Every entry of every document. */
  *entries(): IterableIterator<LocatedEntry> {
    for (const document of this.documentsByUri.values()) {
      for (const entry of document.entries) {
        yield { uri: document.uri, entry };
      }
    }
  }

  /** Whether any document defines the id. */
  isDefined(id: string): boolean {
    return this.anchorsById.has(id);
  }

  /** Every id that some document defines. */
  definedIds(): IterableIterator<string> {
    return this.anchorsById.keys();
  }

  /** A number that changes whenever the set of defined ids or their definitions change. */
  get definitionsVersion(): number {
    return this.definitionsGeneration;
  }

  /** The anchors defining an id, ordered by URI, then in document order. */
  anchorsOf(id: string): readonly LocatedAnchor[] {
    return located(this.anchorsById.get(id), (uri, anchor) => ({ uri, anchor }));
  }

  /** The links pointing at an id, ordered by URI, then in document order. */
  linksTo(id: string): readonly LocatedLink[] {
    return located(this.linksById.get(id), (uri, link) => ({ uri, link }));
  }

  /** The URIs of the documents that link to an id, sorted. */
  documentsLinkingTo(id: string): readonly string[] {
    return [...(this.linksById.get(id)?.keys() ?? [])].sort();
  }

  /** The folder URI (without trailing `/`) holding the most entries; the first such folder on a tie. */
  folderOfMostEntries(): string | undefined {
    const entriesPerFolder = new Map<string, number>();
    for (const document of this.documentsByUri.values()) {
      if (document.entries.length > 0) {
        const folder = document.uri.slice(0, document.uri.lastIndexOf('/'));
        entriesPerFolder.set(folder, (entriesPerFolder.get(folder) ?? 0) + document.entries.length);
      }
    }
    let best: [string, number] | undefined;
    for (const [folder, count] of [...entriesPerFolder].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (best === undefined || count > best[1]) {
        best = [folder, count];
      }
    }
    return best?.[0];
  }

  private replaceContribution(uri: string, previous: GlossaryDocument | undefined, next: GlossaryDocument | undefined): IndexChange {
    const oldAnchors = groupById(previous?.anchors ?? []);
    const newAnchors = groupById(next?.anchors ?? []);
    replace(this.linksById, uri, groupByTarget(previous?.links ?? []), groupByTarget(next?.links ?? []));
    replace(this.anchorsById, uri, oldAnchors, newAnchors);

    const changedIds = new Set<string>();
    for (const id of new Set([...oldAnchors.keys(), ...newAnchors.keys()])) {
      if (definitionShape(oldAnchors.get(id)) !== definitionShape(newAnchors.get(id))) {
        changedIds.add(id);
      }
    }
    if (changedIds.size > 0) {
      this.definitionsGeneration++;
    }
    const affectedUris = new Set<string>(next ? [uri] : []);
    for (const id of changedIds) {
      for (const contributions of [this.linksById.get(id), this.anchorsById.get(id)]) {
        for (const affected of contributions?.keys() ?? []) {
          affectedUris.add(affected);
        }
      }
    }
    return { changedIds, affectedUris };
  }
}

function groupById(anchors: readonly Anchor[]): Map<string, Anchor[]> {
  return groupBy(anchors, (anchor) => anchor.id);
}

function groupByTarget(links: readonly Link[]): Map<string, Link[]> {
  return groupBy(links, (link) => link.target);
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) {
      group.push(item);
    } else {
      groups.set(key, [item]);
    }
  }
  return groups;
}

function replace<T>(byId: ContributionsById<T>, uri: string, previous: ReadonlyMap<string, readonly T[]>, next: ReadonlyMap<string, readonly T[]>): void {
  for (const id of previous.keys()) {
    if (!next.has(id)) {
      const contributions = byId.get(id);
      contributions?.delete(uri);
      if (contributions?.size === 0) {
        byId.delete(id);
      }
    }
  }
  for (const [id, items] of next) {
    let contributions = byId.get(id);
    if (!contributions) {
      contributions = new Map();
      byId.set(id, contributions);
    }
    contributions.set(uri, items);
  }
}

/** What the diagnostics of other documents depend on: how many definitions, and which are explicit. */
function definitionShape(anchors: readonly Anchor[] | undefined): string {
  return (anchors ?? []).map((anchor) => (anchor.explicit ? 'e' : 'a')).join('');
}

function located<T, R>(contributions: ReadonlyMap<string, readonly T[]> | undefined, make: (uri: string, item: T) => R): readonly R[] {
  if (!contributions) {
    return [];
  }
  return [...contributions.keys()].sort().flatMap((uri) => (contributions.get(uri) ?? []).map((item) => make(uri, item)));
}
