import { singularOf } from './closestIds';
import { endingsOf, isEnding, longestEnding, parenthesisedParts } from '../mentions/lexicon';
import { Entry, GlossaryDocument } from '../parse/model';

/**
 * A name as entry titles and broken links are compared by it: lower case, hyphens and underscores
 * as spaces, a plural ending as none ("Diffusion Models" and `#Diffusion-Model` are one name).
 */
export function nameOf(text: string): string {
  return singularOf(text.replace(/[-_\s]+/g, ' ').trim().toLowerCase());
}

/**
 * The names an entry goes by: its title, and for "X (Y)" where one abbreviates the other, X and Y
 * too ("Generative Adversarial Network (GAN)" is "GAN"; "Bedrock (Amazon)" is no "Amazon").
 */
export function namesOf(entry: Entry): readonly string[] {
  const parts = parenthesisedParts(entry.title);
  const titles = parts?.abbreviation ? [entry.title, parts.name, parts.qualifier] : [entry.title];
  // A heading without text (`## {#Id}`) names nothing.
  return [...new Set(titles.map(nameOf))].filter((name) => name !== '');
}

/**
 * Whether two names (`nameOf`) are one, allowing the German endings mentions take too: "kognitive
 * architektur" is "kognitive architekturen".
 */
export function sameName(a: string, b: string): boolean {
  return a === b || inflects(a, b) || inflects(b, a);
}

function inflects(base: string, inflected: string): boolean {
  const ending = inflected.slice(base.length);
  // Most names end in no ending at all: told before the last word's endings are looked up.
  return inflected.startsWith(base) && isEnding(ending) && endingsOf(base.slice(base.lastIndexOf(' ') + 1)).includes(ending);
}

/**
 * The keys a name is filed and looked up under in a map, so that two names that are `sameName`
 * share one: the name, and the name without each ending it may bear ("architekturen" is filed
 * under "architektur" too, and found when "architektur" is looked up, and the other way round).
 */
export function nameKeys(name: string): string[] {
  const keys = [name];
  for (let cut = 1; cut <= longestEnding && cut < name.length; cut++) {
    const base = name.slice(0, -cut);
    if (inflects(base, name)) keys.push(base);
  }
  return keys;
}

/** An entry and one of the names it goes by. */
export interface NamedEntry {
  readonly entry: Entry;
  readonly name: string;
}

/** A document's entries by the keys (`nameKeys`) of their names, and the ids each name gives. */
export interface EntryNames {
  readonly entriesByKey: ReadonlyMap<string, readonly NamedEntry[]>;
  /**
   * Per name, the ids of the entries going by it, sorted and joined: what broken links elsewhere
   * read of the document, whatever the order of its entries.
   */
  readonly idsByName: ReadonlyMap<string, string>;
}

/**
 * From how many entries a document keeps its `EntryNames` (with its model): the index asks for
 * them at every update of a file, and a glossary written as one file of thousands of entries
 * would work them out again at each keystroke. Most files hold one entry, and keeping theirs would
 * cost more memory than working them out takes time.
 */
const entriesOfKeptNames = 16;
const keptEntryNames = new WeakMap<GlossaryDocument, EntryNames>();
const noEntryNames: EntryNames = { entriesByKey: new Map(), idsByName: new Map() };

/** The names of a document's entries. */
export function entryNamesOf(document: GlossaryDocument | undefined): EntryNames {
  if (document === undefined || document.entries.length === 0) return noEntryNames;
  const kept = keptEntryNames.get(document);
  if (kept !== undefined) return kept;
  const entriesByKey = new Map<string, NamedEntry[]>();
  const idsByName = new Map<string, Set<string>>();
  for (const entry of document.entries) {
    for (const name of namesOf(entry)) {
      idsByName.set(name, (idsByName.get(name) ?? new Set()).add(entry.id));
      for (const key of nameKeys(name)) {
        const named = entriesByKey.get(key);
        if (named === undefined) entriesByKey.set(key, [{ entry, name }]);
        else named.push({ entry, name });
      }
    }
  }
  const names: EntryNames = { entriesByKey, idsByName: new Map([...idsByName].map(([name, ids]) => [name, [...ids].sort().join(' ')])) };
  if (document.entries.length >= entriesOfKeptNames) keptEntryNames.set(document, names);
  return names;
}

/** The keys (`nameKeys`) of the names (`nameOf`) the links of a document give by their ids and labels. */
export function linkNameKeysOf(document: GlossaryDocument | undefined): ReadonlySet<string> {
  const keys = new Set<string>();
  for (const link of document?.links ?? []) {
    for (const text of [link.target, link.label]) {
      const name = nameOf(text);
      if (name !== '') for (const key of nameKeys(name)) keys.add(key);
    }
  }
  return keys;
}
