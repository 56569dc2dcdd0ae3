/** How well a candidate matches what was typed: 0 prefix, 1 subsequence (both ignoring case). */
export type MatchTier = 0 | 1;

/** Prefix (ignoring case) ranks first, then subsequence; `undefined` when it does not match. */
export function matchTier(typedLower: string, candidateLower: string): MatchTier | undefined {
  if (candidateLower.startsWith(typedLower)) {
    return 0;
  }
  let next = 0;
  for (const character of typedLower) {
    next = candidateLower.indexOf(character, next);
    if (next < 0) {
      return undefined;
    }
    next++;
  }
  return 1;
}

/** A search as `searchTier` compares it: lower case, its words by spaces and then run together. */
export interface Search {
  readonly spaced: string;
  readonly compact: string;
}

/** The words of a text, lower case: runs of letters and digits (spaces, hyphens, brackets between them aside). */
function wordsOf(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '');
}

export function searchOf(query: string): Search {
  const words = wordsOf(query);
  return { spaced: words.join(' '), compact: words.join('') };
}

/**
 * How well a name (an entry's title or id) matches a search, best first: 0 the name begins with
 * it; 1 one of its words does ("modell" in "KI-Modell"), or it is the initials of the words
 * ("gan" for "Generative Adversarial Network"); 2 its letters come in the name in order. Case, and
 * what stands between words, aside: "ki modell" finds "KI-Modell" and "KIModell". Undefined when
 * it does not match.
 */
export function searchTier(search: Search, name: string): 0 | 1 | 2 | undefined {
  const { words, spaced, compact, initials } = searchableName(name);
  if (spaced.startsWith(search.spaced)) {
    return 0;
  }
  if (spaced.includes(` ${search.spaced}`) || initials === search.compact || words.some((word) => word.startsWith(search.compact))) {
    return 1;
  }
  return matchTier(search.compact, compact) === undefined ? undefined : 2;
}

/** A name split into words once: the writer searches again with each key typed. */
interface SearchableName {
  readonly words: readonly string[];
  readonly spaced: string;
  readonly compact: string;
  readonly initials: string;
}

const searchableNames = new Map<string, SearchableName>();

/** The name's words, kept for names searched before (a glossary's titles and ids: few, and the same across searches). */
function searchableName(name: string): SearchableName {
  let searchable = searchableNames.get(name);
  if (searchable === undefined) {
    const words = wordsOf(name);
    searchable = { words, spaced: words.join(' '), compact: words.join(''), initials: words.map((word) => word[0]).join('') };
    // Titles change as the writer types: the names of a whole glossary are kept, not every name ever written.
    if (searchableNames.size > maxSearchableNames) searchableNames.clear();
    searchableNames.set(name, searchable);
  }
  return searchable;
}

const maxSearchableNames = 200_000;
