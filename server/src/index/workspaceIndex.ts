import { Anchor, Entry, GlossaryDocument, Link } from '../parse/model';
import { CloseIdFinder, ClosestIdCandidates } from './closestIds';
import { comparePositions } from '../parse/positions';
import { hasIndexSections } from './indexPage';
import { changedLabels, entryShapeChangedIds, linkCountChangedIds, linkGraphChangedIds } from './linkGraph';
import { termsKeyOf } from '../mentions/lexicon';
import { caseFoldedUri, fileNameId, folderOfMost, isMarkdownFile } from '../workspace/uris';
import { entryNamesOf, linkNameKeysOf, NamedEntry, nameKeys, nameOf, namesOf, sameName } from './entryNames';
import { fileNameIdUnlikeEntry, isPageLevel } from './entryQueries';
import { fileLinkTargetsOf, idsWithoutHashOf } from './fileLinks';
import { Memo } from '../memo';

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
   * Documents whose diagnostics may change: the document itself (unless removed), every document
   * that links to a changed id or defines it explicitly, the documents defining the ids whose links from this
   * document changed (their inbound links, index and see-also mentions), the documents whose broken
   * links name (by id or label) an entry that came, went, or changed its title or id, the files
   * named after an id whose links came or went while no heading gives it (their orphan entries
   * count those links), the files whose entry's id is not their name when the links to either came
   * or went (`anchor-file-mismatch` counts them), the files of several entries going by a name
   * whose entries changed (`multiple-entries` names another file's), the entries that the index page came or ceased to list under a broken id
   * meaning them, the documents linking to the document's file by its path when the file came, went
   * or changed its ids, and every document when the index page became another. Worked out when first
   * read, from the index as it is then: read it before the next update (a load reads none of
   * them), or keep the change `affectedNow`.
   */
  readonly affectedUris: ReadonlySet<string>;
}

/** The change with the documents it affects worked out now, for a change published after other updates. */
export function affectedNow(change: IndexChange): IndexChange {
  return { changedIds: change.changedIds, affectedUris: new Set(change.affectedUris) };
}

/**
 * Per id (or name), the URIs of the documents that mention it, in the order they were added. The
 * anchors and links themselves stay in the documents: most ids occur in one or two documents, and a
 * list of shared URI strings costs far less memory than a map of per-document arrays.
 */
type DocumentsById = Map<string, string[]>;

/**
 * All parsed documents of a workspace with id -> defining anchors and id -> links.
 * Updated one document at a time; it keeps the parsed models, never the file texts.
 */
export class WorkspaceIndex {
  private readonly documentsByUri = new Map<string, GlossaryDocument>();
  private readonly definersById: DocumentsById = new Map();
  private readonly linkersById: DocumentsById = new Map();
  /** The documents defining each id explicitly (`{#id}`), those that `duplicate-anchor` reports. */
  private readonly explicitDefinersById: DocumentsById = new Map();
  /** Per case-folded file URI (`caseFoldedUri`), the documents linking to that file by its path (`[Claude](Claude.md)`, `file-link`). */
  private readonly fileLinkersByUri: DocumentsById = new Map();
  /** The documents that write an id without its `#` (see `idsWithoutHashOf`), by that id. */
  private readonly linkersWithoutHashById: DocumentsById = new Map();
  /** Per key (`nameKeys`) of a name an entry goes by (`namesOf`), the entries going by such a name. */
  private readonly entriesByNameKey = new Map<string, (NamedEntry & { readonly uri: string })[]>();
  /** The answers of `entryIdsNamed` since the names last changed. */
  // (Bounded: a broken link's label and id are asked at every keystroke typing them.)
  private readonly idsNamedByText = new Memo<readonly string[]>(100_000);
  /** The entries by the last word of a name they go by, for `entryIdsAround`; built when first asked since the names last changed. */
  private entriesByLastWord: Map<string, (NamedEntry & { readonly uri: string })[]> | undefined;
  /**
   * Per key (`nameKeys`) of a name a link gives by its id or label (`nameOf`), the documents holding
   * such a link: a broken link names the entries it names by title. Built when first needed, then
   * kept up to date.
   */
  private linkersByName: DocumentsById | undefined;
  private definitionsGeneration = 0;
  private termsGeneration = 0;
  /** Documents whose terms changed since the lexicon last asked (see `takeTermsChanges`). */
  private termsChangedUris = new Set<string>();
  /** Documents holding letter sections (`.index` headings), candidates for the index page. */
  private readonly indexSectionHolders = new Set<string>();
  private configuredIndexPage: string | undefined;
  /**
   * The linked ids, to find those close to an id that came or went (their broken links name the
   * closest ids). Built when first needed, then kept up to date.
   */
  private linkedIdFinder: CloseIdFinder | undefined;
  /** The defined ids, for the closest ids of a broken link. Built when first needed, then kept up to date. */
  private definedIdCandidates: ClosestIdCandidates | undefined;

  /**
   * The last `entriesListedUnderBrokenIds`, with how it was worked out and the index page and the
   * generations it holds for: worked out again when they change, unless an update's
   * `affectedUris` found that the suggestions it is read from stayed as they were (typing in a
   * heading's id changes the generations, and rarely these entries).
   */
  private listedUnderBrokenIds: ListedUnderBrokenIds | undefined;

  /** How many entries the documents hold together. */
  private entryCount = 0;

  /** How many times a document was added, replaced or removed. */
  private updateCount = 0;

  /** The URIs by their lower case and by the id their file name gives: built when first needed, then kept up to date. */
  private urisByName: UrisByName | undefined;

  /**
   * Whether any document holds an entry. A folder without one is no glossary (a project's README
   * and notes, opened with the extension installed): its files are not held to the glossary's layout.
   */
  hasEntries(): boolean {
    return this.entryCount > 0;
  }

  /** A number that changes with every document added, replaced or removed: a request that waited for the disk tells by it whether the index it answered from changed meanwhile. */
  get version(): number {
    return this.updateCount;
  }

  /** Adds a document or replaces the previous model of the same URI. */
  update(document: GlossaryDocument): IndexChange {
    this.updateCount++;
    const indexPageBefore = this.indexPageUri();
    const previous = this.documentsByUri.get(document.uri);
    this.documentsByUri.set(document.uri, document);
    if (previous === undefined && this.urisByName !== undefined) fileUnderNames(this.urisByName, document.uri);
    return this.replaceContribution(document.uri, previous, document, indexPageBefore);
  }

  /** Forgets a document (deleted, or renamed: remove the old URI, update the new one). */
  remove(uri: string): IndexChange {
    this.updateCount++;
    const indexPageBefore = this.indexPageUri();
    const previous = this.documentsByUri.get(uri);
    this.documentsByUri.delete(uri);
    if (previous !== undefined && this.urisByName !== undefined) fileUnderNames(this.urisByName, uri, false);
    return this.replaceContribution(uri, previous, undefined, indexPageBefore);
  }

  /** Sets the index page named in the configuration (or none, to find it by its `.index` sections). */
  useIndexPage(uri: string | undefined): void {
    this.configuredIndexPage = uri;
  }

  /**
   * The index page: the configured one when it is indexed, else the first document (by URI) that
   * holds `.index` headings; undefined when the glossary has none.
   */
  indexPageUri(): string | undefined {
    if (this.configuredIndexPage !== undefined && this.documentsByUri.has(this.configuredIndexPage)) {
      return this.configuredIndexPage;
    }
    let first: string | undefined;
    for (const uri of this.indexSectionHolders) {
      if (first === undefined || uri < first) {
        first = uri;
      }
    }
    return first;
  }

  /** The model of one document, if indexed. */
  document(uri: string): GlossaryDocument | undefined {
    return this.documentsByUri.get(uri);
  }

  /**
   * The indexed documents whose URI is `uri` but for case (`uri` itself among them): one file to the
   * file systems of Windows and macOS.
   */
  documentsNamedAlike(uri: string): GlossaryDocument[] {
    return (this.names().byCaseFolded.get(caseFoldedUri(uri)) ?? []).map((alike) => this.documentsByUri.get(alike)!);
  }

  /** The indexed `.md` files whose name (without `.md`) is `id`, in the order they were first added. */
  markdownFilesNamed(id: string): readonly string[] {
    return this.names().byFileNameId.get(id) ?? [];
  }

  private names(): UrisByName {
    if (this.urisByName === undefined) {
      this.urisByName = { byCaseFolded: new Map(), byFileNameId: new Map() };
      for (const uri of this.documentsByUri.keys()) fileUnderNames(this.urisByName, uri);
    }
    return this.urisByName;
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
    return this.definersById.has(id);
  }

  /** Every id that some document defines. */
  definedIds(): IterableIterator<string> {
    return this.definersById.keys();
  }

  /** Every id that some document links to. */
  linkedIds(): IterableIterator<string> {
    return this.linkersById.keys();
  }

  /** A number that changes whenever the set of defined ids or their definitions change. */
  get definitionsVersion(): number {
    return this.definitionsGeneration;
  }

  /**
   * A number that changes whenever the forms that unlinked mentions are matched against change:
   * an entry appears or goes, or changes its id, the words of its title or its aliases (or becomes
   * or stops being an abbreviation stub). Other heading edits leave it alone.
   */
  get termsVersion(): number {
    return this.termsGeneration;
  }

  /** The documents whose terms changed since the last call, for the lexicon to refile. */
  takeTermsChanges(): ReadonlySet<string> {
    const changed = this.termsChangedUris;
    this.termsChangedUris = new Set();
    return changed;
  }

  /**
   * The ids of the entries that the index page lists under a broken id clearly meaning them, as
   * `workOut` (the index checks') finds them. Kept here so that an update tells the entries that
   * came into this set or left it (see `affectedUris`).
   */
  entriesListedUnderBrokenIds(workOut: WorkOutListing): ReadonlySet<string> {
    const stamp = this.listingStamp();
    const last = this.listedUnderBrokenIds;
    if (last !== undefined && last.workOut === workOut && sameStamp(last, stamp)) {
      return last.ids;
    }
    const { ids, read } = stamp.page === undefined ? noListing : workOut(this, stamp.page);
    this.listedUnderBrokenIds = { ...stamp, ids, read, workOut };
    return ids;
  }

  /** What `entriesListedUnderBrokenIds` is worked out from, as it is now. */
  private listingStamp(): ListingStamp {
    const pageUri = this.indexPageUri();
    return { page: pageUri === undefined ? undefined : this.documentsByUri.get(pageUri), definitions: this.definitionsGeneration, terms: this.termsGeneration };
  }

  /** The defined ids prepared for `findClosestIds`. */
  closestIdCandidates(): ClosestIdCandidates {
    return (this.definedIdCandidates ??= new ClosestIdCandidates(this.definersById.keys()));
  }

  /**
   * The ids of the first `limit` entries that go by the name a text gives (`nameOf`; a title, or a
   * part of "X (Y)" that abbreviates the other, endings allowed), each once, ordered by URI, then
   * by id (so that reordering a file's entries changes nothing).
   */
  entryIdsNamed(text: string, limit = Infinity): readonly string[] {
    // The same texts are asked again and again: a label such as "Large Language Model" on every broken link it names.
    const ids = this.idsNamedByText.answer(text, (named) => this.workOutEntryIdsNamed(named));
    return ids.length > limit ? ids.slice(0, limit) : ids;
  }

  private workOutEntryIdsNamed(text: string): readonly string[] {
    const named = this.entriesNamed(text);
    // Most names (a broken link's id or label) name no entry.
    return named.length === 0 ? noIds : [...new Set(named.map(({ entry }) => entry.id))];
  }

  /**
   * The ids of the entries whose name is a text's as its last words, a narrower term ("Artificial
   * Neural Network" for "Neural Network"), those of the fewest words more first, then the most
   * linked; then of those whose name is its first
   * words, a broader one ("Mistral" for "Mistral AI"), longest first, where that is five letters or
   * more ("AI" is no sign for "AI Act"). Only for a text of two words or more: one word is part of
   * too many names.
   */
  entryIdsAround(text: string): readonly string[] {
    const name = nameOf(text);
    const words = name.split(' ');
    if (words.length < 2) return noIds;
    this.entriesByLastWord ??= this.fileEntriesByLastWord();
    const linkCounts = new Map<string, number>();
    const linkCount = (id: string): number => linkCounts.get(id) ?? linkCounts.set(id, this.linksTo(id).length).get(id)!;
    const narrower = (this.entriesByLastWord.get(words.at(-1)!) ?? [])
      .filter((named) => named.name.endsWith(` ${name}`))
      .sort((a, b) => a.name.split(' ').length - b.name.split(' ').length || linkCount(b.entry.id) - linkCount(a.entry.id) || compareStrings(a.uri, b.uri) || compareStrings(a.entry.id, b.entry.id));
    const broader = words
      .slice(1)
      .map((_, k) => words.slice(0, words.length - 1 - k).join(' '))
      .filter((prefix) => prefix.replace(/ /g, '').length >= 5)
      .flatMap((prefix) => this.entriesNamed(prefix));
    const ids = [...new Set([...narrower, ...broader].map(({ entry }) => entry.id))];
    return ids.length === 0 ? noIds : ids;
  }

  private fileEntriesByLastWord(): Map<string, (NamedEntry & { readonly uri: string })[]> {
    const byLastWord = new Map<string, (NamedEntry & { readonly uri: string })[]>();
    // An entry's name is filed under several keys (with and without an ending): it is taken once.
    const taken = new Map<NamedEntry['entry'], Set<string>>();
    for (const named of [...this.entriesByNameKey.values()].flat()) {
      const names = taken.get(named.entry) ?? new Set<string>();
      if (names.has(named.name)) continue;
      taken.set(named.entry, names.add(named.name));
      const lastWord = named.name.slice(named.name.lastIndexOf(' ') + 1);
      const filed = byLastWord.get(lastWord);
      if (filed === undefined) byLastWord.set(lastWord, [named]);
      else filed.push(named);
    }
    return byLastWord;
  }

  /** The entries that go by the name a text gives (see `entryIdsNamed`), each once, in the same order. */
  entriesNamed(text: string): readonly LocatedEntry[] {
    const name = nameOf(text);
    const candidates = name === '' ? [] : nameKeys(name).flatMap((key) => this.entriesByNameKey.get(key) ?? []);
    // An entry filed under several keys or names is found once.
    const byEntry = new Map<Entry, LocatedEntry>();
    for (const { uri, entry, name: candidateName } of candidates) {
      if (!byEntry.has(entry) && sameName(candidateName, name)) byEntry.set(entry, { uri, entry });
    }
    return [...byEntry.values()].sort((a, b) => compareStrings(a.uri, b.uri) || compareStrings(a.entry.id, b.entry.id));
  }

  /** The anchors defining an id, ordered by URI, then in document order. */
  anchorsOf(id: string): readonly LocatedAnchor[] {
    return this.locate(this.definersById.get(id), (document) => document.anchors.filter((anchor) => anchor.id === id), (uri, anchor) => ({ uri, anchor }));
  }

  /** The links pointing at an id, ordered by URI, then in document order. */
  linksTo(id: string): readonly LocatedLink[] {
    return this.locate(this.linkersById.get(id), (document) => document.links.filter((link) => link.target === id), (uri, link) => ({ uri, link }));
  }

  /** How many documents define an id (without looking into them). */
  definingDocumentCount(id: string): number {
    return this.definersById.get(id)?.length ?? 0;
  }

  /** The URIs of the documents that link to an id, sorted. */
  documentsLinkingTo(id: string): readonly string[] {
    return [...(this.linkersById.get(id) ?? [])].sort();
  }

  /** The folder URI (without trailing `/`) holding the most entries; the first such folder on a tie. */
  folderOfMostEntries(): string | undefined {
    return folderOfMost([...this.documentsByUri.values()].filter((document) => document.entries.length > 0).map((document) => [document.uri, document.entries.length] as const));
  }

  /** `indexPageBefore`: the index page before the document was stored or dropped (a configured page counts only while indexed). */
  private replaceContribution(
    uri: string,
    previous: GlossaryDocument | undefined,
    next: GlossaryDocument | undefined,
    indexPageBefore: string | undefined,
  ): IndexChange {
    // What the diagnostics last read (they read it anew when its inputs changed).
    const listedBefore = this.listedUnderBrokenIds;
    const listedBeforeHeld = listedBefore !== undefined && sameStamp(listedBefore, this.listingStamp());
    const oldAnchors = groupBy(previous?.anchors ?? [], (anchor) => anchor.id);
    const newAnchors = groupBy(next?.anchors ?? [], (anchor) => anchor.id);
    replaceUri(this.definersById, uri, new Set(oldAnchors.keys()), new Set(newAnchors.keys()), this.definedIdCandidates);
    replaceUri(this.linkersById, uri, targetsOf(previous), targetsOf(next), this.linkedIdFinder);
    replaceUri(this.explicitDefinersById, uri, explicitIdsOf(previous), explicitIdsOf(next));
    if (previous?.fileLinks.length || next?.fileLinks.length) replaceUri(this.fileLinkersByUri, uri, fileLinkTargetsOf(previous), fileLinkTargetsOf(next));
    if (previous?.fileLinks.length || next?.fileLinks.length || previous?.textLinks.length || next?.textLinks.length) {
      replaceUri(this.linkersWithoutHashById, uri, idsWithoutHashOf(previous), idsWithoutHashOf(next));
    }
    const renamed = this.replaceEntryNames(uri, previous, next);
    if (this.linkersByName !== undefined) replaceUri(this.linkersByName, uri, linkNameKeysOf(previous), linkNameKeysOf(next));
    if (hasIndexSections(next)) {
      this.indexSectionHolders.add(uri);
    } else {
      this.indexSectionHolders.delete(uri);
    }
    const indexPageChanged = this.indexPageUri() !== indexPageBefore;
    const hadEntries = this.hasEntries();
    this.entryCount += (next?.entries.length ?? 0) - (previous?.entries.length ?? 0);
    const becameGlossary = this.hasEntries() !== hadEntries;

    const changedIds = new Set<string>();
    for (const id of new Set([...oldAnchors.keys(), ...newAnchors.keys()])) {
      if (definitionShape(oldAnchors.get(id)) !== definitionShape(newAnchors.get(id))) {
        changedIds.add(id);
      }
    }
    if (changedIds.size > 0) {
      this.definitionsGeneration++;
    }
    if (termsKey(previous) !== termsKey(next)) {
      this.termsGeneration++;
      this.termsChangedUris.add(uri);
    }
    const replaced: ReplacedContribution = { uri, previous, next, oldAnchors, newAnchors, changedIds, renamed, listedBefore, listedBeforeHeld };
    // Worked out only when asked for: loading a workspace adds thousands of documents and asks for
    // none of it, and an automatic id such as a section's `grundprinzipien` has a definer in every
    // file, so working it out on each update made loading quadratic (12 s at 50x).
    let affectedUris: Set<string> | undefined;
    const workOutAffected = (): Set<string> =>
      // The index page: which entries it lists, and whose links count. The first entry or the last
      // one gone: whether the layout checks apply.
      indexPageChanged || becameGlossary ? new Set(this.documentsByUri.keys()) : this.affectedBy(replaced);
    return {
      changedIds,
      get affectedUris(): ReadonlySet<string> {
        return (affectedUris ??= workOutAffected());
      },
    };
  }

  /** Files the entries of a document under their names anew; the names whose ids changed. */
  private replaceEntryNames(uri: string, previous: GlossaryDocument | undefined, next: GlossaryDocument | undefined): Set<string> {
    const namesBefore = entryNamesOf(previous);
    const namesAfter = entryNamesOf(next);
    const renamed = namesWithOtherIds(namesBefore.idsByName, namesAfter.idsByName);
    if (renamed.size > 0) {
      this.idsNamedByText.clear();
      this.entriesByLastWord = undefined;
    }
    for (const key of namesBefore.entriesByKey.keys()) {
      const others = this.entriesByNameKey.get(key)!.filter((named) => named.uri !== uri);
      if (others.length > 0) this.entriesByNameKey.set(key, others);
      else this.entriesByNameKey.delete(key);
    }
    for (const [key, named] of namesAfter.entriesByKey) {
      const located = named.map(({ entry, name }) => ({ entry, name, uri }));
      const others = this.entriesByNameKey.get(key);
      if (others === undefined) this.entriesByNameKey.set(key, located);
      else others.push(...located);
    }
    return renamed;
  }

  /** The documents whose diagnostics a replaced contribution may change (see `IndexChange.affectedUris`), where the index page is the same before and after. */
  private affectedBy(replaced: ReplacedContribution): Set<string> {
    const { uri, next, changedIds } = replaced;
    const uris = new Set<string>(next ? [uri] : []);
    const addLinkers = (id: string): void => {
      for (const affected of this.linkersById.get(id) ?? []) uris.add(affected);
    };
    const addExplicitDefiners = (id: string): void => {
      for (const affected of this.explicitDefinersById.get(id) ?? []) uris.add(affected);
    };
    const addLinkersWithoutHash = (id: string): void => {
      for (const affected of this.linkersWithoutHashById.get(id) ?? []) uris.add(affected);
    };
    // An id written without its `#` is said to be one where a heading gives it, unless the heading's title makes the reference a link.
    relabelledIds(replaced.oldAnchors, replaced.newAnchors).forEach(addLinkersWithoutHash);
    for (const id of changedIds) {
      addLinkers(id);
      addLinkersWithoutHash(id);
      // Of the other definitions, only explicit ones are reported as duplicates: an automatic id
      // such as `grundprinzipien`, defined in many files, leaves their diagnostics as they are.
      addExplicitDefiners(id);
    }
    const entryShapeChanged = entryShapeChangedIds(replaced.previous, next);
    this.addBrokenLinkSuggestionChanges(replaced, entryShapeChanged, addLinkers, uris);
    // A duplicate id's diagnostics point at every other definition (automatic ones too): where one
    // moves, the explicit definers, which report it, tell the new place.
    movedIds(replaced.oldAnchors, replaced.newAnchors).forEach(addExplicitDefiners);
    for (const id of linkGraphChangedIds(replaced.previous, next)) {
      for (const affected of this.definersById.get(id) ?? []) {
        if (this.documentsByUri.get(affected)?.entries.some((entry) => entry.id === id)) uris.add(affected);
      }
    }
    this.addFileNameChanges(replaced, addLinkers, uris);
    this.addSameNamedEntryChanges(replaced, uris);
    entryShapeChanged.forEach(addLinkers);
    this.addIndexListingChanges(replaced, uris);
    this.addFileLinkChanges(replaced, uris);
    return uris;
  }

  /** A link to a file by its path leads to that file's first entry, or to the id its fragment names: the file came, went, or changed its ids. */
  private addFileLinkChanges({ uri, previous, next }: ReplacedContribution, uris: Set<string>): void {
    const linkers = this.fileLinkersByUri.get(caseFoldedUri(uri));
    if (linkers === undefined) return;
    const ids = (document: GlossaryDocument | undefined): string | undefined => document?.anchors.map((anchor) => `${anchor.explicit ? '#' : ''}${anchor.id}`).join('\n');
    if (ids(previous) !== ids(next) || firstEntryKey(previous) !== firstEntryKey(next)) {
      for (const linker of linkers) uris.add(linker);
    }
  }

  /**
   * A link to a missing id names the closest defined ids, and where one leads that is no entry's
   * (a section): those change when a close id comes or goes, its heading's text changes, or it
   * becomes or ceases to be an entry's (which the index page's listing reads too). A broken link
   * also names the entries its id or label names by title: those came, went or changed their id.
   */
  private addBrokenLinkSuggestionChanges(replaced: ReplacedContribution, entryShapeChanged: Iterable<string>, addLinkers: (id: string) => void, uris: Set<string>): void {
    const suggestibleIds = new Set([...replaced.changedIds, ...relabelledIds(replaced.oldAnchors, replaced.newAnchors), ...entryShapeChanged]);
    if (suggestibleIds.size > 0) {
      const finder = this.linkedIdFinderNow();
      for (const id of suggestibleIds) {
        for (const target of finder.membersCloseTo(id)) {
          if (!this.definersById.has(target)) addLinkers(target);
        }
      }
    }
    const changedKeys = keysOf(replaced.renamed);
    if (changedKeys.size === 0) return;
    const names = this.linkersByNameIndex();
    const candidates = new Set<string>();
    for (const key of changedKeys) for (const affected of names.get(key) ?? []) candidates.add(affected);
    // A shared key where the names differ only adds a file to work out again.
    const named = (text: string): boolean => text !== '' && nameKeys(nameOf(text)).some((key) => changedKeys.has(key));
    // Labels repeat across files ("Index", a term's title): most of those links resolve.
    const naming = (link: Link): boolean => !this.isDefined(link.target) && (named(link.target) || named(link.label));
    for (const candidate of candidates) {
      if (!uris.has(candidate) && this.documentsByUri.get(candidate)?.links.some(naming)) uris.add(candidate);
    }
  }

  /**
   * `multiple-entries` tells of an entry after a file's first that another file holds an entry of
   * its name, and that entry's title: the files of several entries going by a name whose entries
   * came, went or changed their id or title.
   */
  private addSameNamedEntryChanges(replaced: ReplacedContribution, uris: Set<string>): void {
    for (const key of keysOf([...replaced.renamed, ...retitledNames(replaced.previous, replaced.next)])) {
      for (const named of this.entriesByNameKey.get(key) ?? []) {
        if ((this.documentsByUri.get(named.uri)?.entries.length ?? 0) > 1) uris.add(named.uri);
      }
    }
  }

  /**
   * A file whose entry's id is not its name: the orphan message counts the links to the id its name
   * gives while no heading gives it, anchor-file-mismatch counts them and those to the entry's id
   * and names another file that gives the name's id, and the
   * broken links to that id tell which entry the file holds and whether renaming its id would take them.
   */
  private addFileNameChanges(replaced: ReplacedContribution, addLinkers: (id: string) => void, uris: Set<string>): void {
    const { uri, previous, next, changedIds } = replaced;
    const countChanged = linkCountChangedIds(previous, next);
    for (const id of new Set([...changedIds, ...[...countChanged].filter((id) => !this.isDefined(id))])) {
      for (const named of this.markdownFilesNamed(id)) {
        if (fileNameIdUnlikeEntry(this.documentsByUri.get(named)!) === id) uris.add(named);
      }
    }
    // anchor-file-mismatch counts the links to the entry's id too.
    for (const id of countChanged) {
      for (const definer of this.definersById.get(id) ?? []) {
        const document = this.documentsByUri.get(definer)!;
        if (document.entries[0]?.id === id && fileNameIdUnlikeEntry(document) !== undefined) uris.add(definer);
      }
    }
    // A broken link to the id a file's name gives tells which entry that file holds (Claude.md
    // holding a copy of CNN): the file came or went, or its entry changed its id or title.
    const nameId = fileNameId(uri);
    if (isMarkdownFile(uri) && !this.isDefined(nameId) && (previous === undefined || next === undefined || firstEntryKey(previous) !== firstEntryKey(next))) {
      addLinkers(nameId);
    }
    // ... and whether renaming that entry's id after the file would take them: not while another
    // heading gives its id too, which came or went in this update. (An id given in three files or
    // more, such as a section's automatic one, was given more than once before this update too.)
    for (const id of changedIds) {
      if (this.definingDocumentCount(id) > 2) continue;
      for (const located of this.anchorsOf(id)) {
        const holder = this.documentsByUri.get(located.uri)!;
        const heldName = holder.entries[0]?.id === id ? fileNameIdUnlikeEntry(holder) : undefined;
        if (heldName !== undefined && !this.isDefined(heldName)) addLinkers(heldName);
      }
    }
  }

  /**
   * The index page lists an entry by its title too: a label it gains or loses may list an entry
   * anew. And an entry listed under a broken id that means it is not reported as missing from the
   * index; that meaning is read from what the index page's broken links suggest, which changed only
   * where the page is affected by now: else the entries so listed stay. Last, as it reads `uris`.
   */
  private addIndexListingChanges(replaced: ReplacedContribution, uris: Set<string>): void {
    const { uri, previous, next, oldAnchors, newAnchors, listedBefore, listedBeforeHeld } = replaced;
    const titles = uri === this.indexPageUri() ? changedLabels(previous, next) : undefined;
    if (titles !== undefined && titles.size > 0) {
      for (const [other, document] of this.documentsByUri) {
        if (document.entries.some((entry) => titles.has(entry.title))) uris.add(other);
      }
    }
    const indexPage = this.indexPageUri();
    // The listing changes with the index page's diagnostics, or with an entry it read (see `WorkOutListing`).
    const readChanged = (ids: Iterable<string>): boolean => [...ids].some((id) => listedBefore!.read.has(id));
    if (listedBefore !== undefined && (!listedBeforeHeld || (indexPage !== undefined && uris.has(indexPage)) || readChanged(oldAnchors.keys()) || readChanged(newAnchors.keys()))) {
      const after = this.entriesListedUnderBrokenIds(listedBefore.workOut);
      for (const id of new Set([...listedBefore.ids, ...after])) {
        if (listedBefore.ids.has(id) !== after.has(id)) for (const affected of this.definersById.get(id) ?? []) uris.add(affected);
      }
    } else if (listedBefore !== undefined && this.listedUnderBrokenIds === listedBefore) {
      this.listedUnderBrokenIds = { ...listedBefore, ...this.listingStamp() };
    }
  }

  private linkedIdFinderNow(): CloseIdFinder {
    return (this.linkedIdFinder ??= new CloseIdFinder(this.linkersById.keys()));
  }

  private linkersByNameIndex(): DocumentsById {
    if (this.linkersByName === undefined) {
      this.linkersByName = new Map();
      for (const [uri, document] of this.documentsByUri) replaceUri(this.linkersByName, uri, new Set(), linkNameKeysOf(document));
    }
    return this.linkersByName;
  }

  private locate<T, R>(
    uris: readonly string[] | undefined,
    itemsOf: (document: GlossaryDocument) => readonly T[],
    make: (uri: string, item: T) => R,
  ): readonly R[] {
    return [...(uris ?? [])].sort().flatMap((uri) => {
      const document = this.documentsByUri.get(uri);
      return document ? itemsOf(document).map((item) => make(uri, item)) : [];
    });
  }
}

/** What one document's update or removal replaced in the index, for working out the documents it affects. */
interface ReplacedContribution {
  readonly uri: string;
  readonly previous: GlossaryDocument | undefined;
  readonly next: GlossaryDocument | undefined;
  readonly oldAnchors: ReadonlyMap<string, readonly Anchor[]>;
  readonly newAnchors: ReadonlyMap<string, readonly Anchor[]>;
  /** Ids whose definitions changed in number or explicitness. */
  readonly changedIds: ReadonlySet<string>;
  /** Names (of entries) whose ids changed. */
  readonly renamed: ReadonlySet<string>;
  /** The entries listed under broken ids as the diagnostics last read them, and whether that still holds. */
  readonly listedBefore: ListedUnderBrokenIds | undefined;
  readonly listedBeforeHeld: boolean;
}

/** The URIs by their case-folded form (to find files named alike but for case) and by the id their file name gives. */
interface UrisByName {
  readonly byCaseFolded: Map<string, string[]>;
  readonly byFileNameId: Map<string, string[]>;
}

/** Files a URI under its lower case and the id its file name gives (a `.md` file's), or takes it out (`add` false). */
function fileUnderNames(names: UrisByName, uri: string, add = true): void {
  const file = (map: Map<string, string[]>, key: string): void => {
    const uris = map.get(key) ?? [];
    const rest = add ? [...uris, uri] : uris.filter((other) => other !== uri);
    if (rest.length > 0) map.set(key, rest);
    else map.delete(key);
  };
  file(names.byCaseFolded, caseFoldedUri(uri));
  if (isMarkdownFile(uri)) file(names.byFileNameId, fileNameId(uri));
}

/** How the entries listed under broken ids are worked out from an index and its index page. */
/**
 * Works out the entries the index page lists under broken ids (`ids`), and the ids of the entries
 * it read beyond what the page's own diagnostics read (`read`: whether an entry is a copy of
 * another depends on the other files giving its id).
 */
type WorkOutListing = (index: WorkspaceIndex, indexPage: GlossaryDocument) => Listing;

interface Listing {
  readonly ids: ReadonlySet<string>;
  readonly read: ReadonlySet<string>;
}

const noListing: Listing = { ids: new Set(), read: new Set() };

/** The index page and the generations of the index that the entries listed under broken ids were worked out for. */
interface ListingStamp {
  readonly page: GlossaryDocument | undefined;
  readonly definitions: number;
  readonly terms: number;
}

/** The entries the index page lists under broken ids meaning them, with how and when that was worked out. */
type ListedUnderBrokenIds = ListingStamp & Listing & { readonly workOut: WorkOutListing };

function sameStamp(a: ListingStamp, b: ListingStamp): boolean {
  return a.page === b.page && a.definitions === b.definitions && a.terms === b.terms;
}

const noIds: readonly string[] = [];

/** Orders strings the same way on every machine: by UTF-16 code units, not the locale. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
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

/**
 * What the diagnostics of other documents depend on: how many definitions, which are explicit,
 * and which are headings (`ambiguous-link` counts headings only).
 */
function definitionShape(anchors: readonly Anchor[] | undefined): string {
  return (anchors ?? []).map((anchor) => (anchor.heading === undefined ? 's' : 'h') + (anchor.explicit ? 'e' : 'a')).join('');
}

/** The ids that a document still defines, at another place than before. */
function movedIds(before: ReadonlyMap<string, readonly Anchor[]>, after: ReadonlyMap<string, readonly Anchor[]>): string[] {
  const moved: string[] = [];
  for (const [id, anchors] of after) {
    const previous = before.get(id);
    if (previous !== undefined && anchors.some((anchor, k) => previous[k] === undefined || comparePositions(anchor.idRange.start, previous[k].idRange.start) !== 0)) moved.push(id);
  }
  return moved;
}

/** The id and title of a document's first entry, as a broken link to its file's name tells them. */
function firstEntryKey(document: GlossaryDocument | undefined): string {
  const entry = document?.entries[0];
  return entry === undefined ? '' : `${entry.id}\n${entry.title}`;
}

/**
 * The ids that a document still defines, as another kind of element, with another text (`##
 * Projekt {#details}` becoming `## Vorhaben {#details}`) or as a heading of a level that makes it a
 * section or not (see `anchorDescription`).
 */
function relabelledIds(before: ReadonlyMap<string, readonly Anchor[]>, after: ReadonlyMap<string, readonly Anchor[]>): string[] {
  const labels = (anchors: readonly Anchor[]): string => anchors.map((anchor) => `${anchor.element}:${isPageLevel(anchor)}:${anchor.label}`).join('\n');
  const relabelled: string[] = [];
  for (const [id, anchors] of after) {
    const previous = before.get(id);
    if (previous !== undefined && labels(previous) !== labels(anchors)) relabelled.push(id);
  }
  return relabelled;
}

const termsKeys = new WeakMap<GlossaryDocument, string>();

/** What the entries of a document contribute to the terms that unlinked mentions are matched against (worked out once per model). */
function termsKey(document: GlossaryDocument | undefined): string {
  if (document === undefined || document.entries.length === 0) {
    return '';
  }
  let key = termsKeys.get(document);
  if (key === undefined) {
    key = termsKeyOf(document.entries);
    termsKeys.set(document, key);
  }
  return key;
}

/** The names whose ids differ between two `EntryNames.idsByName` (present in one only, or with other ids). */
function namesWithOtherIds(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): Set<string> {
  const names = new Set<string>();
  before.forEach((ids, name) => after.get(name) === ids || names.add(name));
  after.forEach((_, name) => before.has(name) || names.add(name));
  return names;
}

/** The names of the entries whose title is not the same in both versions of a document (`renamed` tells of those whose names or ids changed). */
function retitledNames(previous: GlossaryDocument | undefined, next: GlossaryDocument | undefined): string[] {
  const titled = (document: GlossaryDocument | undefined): Set<string> => new Set(document?.entries.map((entry) => `${entry.id}\n${entry.title}`));
  const before = titled(previous);
  const after = titled(next);
  const changed = (entry: Entry, other: ReadonlySet<string>): boolean => !other.has(`${entry.id}\n${entry.title}`);
  return [...(previous?.entries.filter((entry) => changed(entry, after)) ?? []), ...(next?.entries.filter((entry) => changed(entry, before)) ?? [])].flatMap(namesOf);
}

/** The keys (`nameKeys`) of the names given. */
function keysOf(names: Iterable<string>): ReadonlySet<string> {
  const keys = new Set<string>();
  for (const name of names) for (const key of nameKeys(name)) keys.add(key);
  return keys;
}

function explicitIdsOf(document: GlossaryDocument | undefined): ReadonlySet<string> {
  const ids = new Set<string>();
  for (const anchor of document?.anchors ?? []) {
    if (anchor.explicit) ids.add(anchor.id);
  }
  return ids;
}

function targetsOf(document: GlossaryDocument | undefined): ReadonlySet<string> {
  return new Set((document?.links ?? []).map((link) => link.target));
}

/**
 * Moves `uri` out of the ids it no longer mentions and into the ids it newly mentions; `ids`, when
 * given, follows the set of ids that some document mentions.
 */
function replaceUri(
  byId: DocumentsById,
  uri: string,
  previousIds: ReadonlySet<string>,
  nextIds: ReadonlySet<string>,
  ids?: { add(id: string): void; delete(id: string): void },
): void {
  for (const id of previousIds) {
    const uris = byId.get(id);
    if (!nextIds.has(id) && uris) {
      const position = uris.indexOf(uri);
      if (position >= 0) {
        uris.splice(position, 1);
      }
      if (uris.length === 0) {
        byId.delete(id);
        ids?.delete(id);
      }
    }
  }
  for (const id of nextIds) {
    if (!previousIds.has(id)) {
      const uris = byId.get(id);
      if (uris) {
        uris.push(uri);
      } else {
        byId.set(id, [uri]);
        ids?.add(id);
      }
    }
  }
}
