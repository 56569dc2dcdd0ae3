/** How well a candidate matches what was typed: 0 prefix, 1 a run inside it, 2 subsequence (all ignoring case). */
export type MatchTier = 0 | 1 | 2;

/**
 * Prefix (ignoring case) ranks first, then the typed text as one run inside the candidate ("tok"
 * in "tiktoken"), then its letters in order ("tok" in "ANN (Artificial Neural Network)");
 * `undefined` when it does not match.
 */
export function matchTier(typedLower: string, candidateLower: string): MatchTier | undefined {
  if (candidateLower.startsWith(typedLower)) {
    return 0;
  }
  if (candidateLower.includes(typedLower)) {
    return 1;
  }
  let next = 0;
  for (const character of typedLower) {
    next = candidateLower.indexOf(character, next);
    if (next < 0) {
      return undefined;
    }
    next++;
  }
  return 2;
}

/**
 * How tightly a candidate holds the typed letters in order: the length of its shortest stretch
 * that holds them ("trfrm" spans "transform", 9 letters, in "transformer", and 21 in
 * "cooperativeinversereinforcementlearning"). Ranks the subsequence matches, which are many, among
 * themselves; undefined when the candidate does not hold the letters.
 */
export function subsequenceSpan(typedLower: string, candidateLower: string): number | undefined {
  if (typedLower === '') return 0;
  let shortest: number | undefined;
  for (let start = candidateLower.indexOf(typedLower[0]!); start >= 0; start = candidateLower.indexOf(typedLower[0]!, start + 1)) {
    // From each start, the earliest letters that follow end the shortest stretch from there.
    let end = start;
    for (let k = 1; k < typedLower.length && end >= 0; k++) end = candidateLower.indexOf(typedLower[k]!, end + 1);
    if (end < 0) break; // a later start cannot hold them either
    if (shortest === undefined || end - start + 1 < shortest) shortest = end - start + 1;
  }
  return shortest;
}

/** The smallest `subsequenceSpan` of the typed letters in any of the names; Infinity when none holds them. */
export function closestSpan(typedLower: string, namesLower: readonly string[]): number {
  let closest = Infinity;
  for (const name of namesLower) closest = Math.min(closest, subsequenceSpan(typedLower, name) ?? Infinity);
  return closest;
}

/** A search or a name as `searchTier` compares them: its words, lower case, by spaces and run together. */
export interface Words {
  readonly words: readonly string[];
  readonly spaced: string;
  readonly compact: string;
}

/** The words of a text, lower case: runs of letters and digits (spaces, hyphens, brackets between them aside). */
export function wordsOf(text: string): Words {
  const words = text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((word) => word !== '');
  return { words, spaced: words.join(' '), compact: words.join('') };
}

/**
 * How well a name (an entry's title or id) matches a search, best first: 0 the name begins with
 * it, word by word ("gen ai" for "Generative AI") or run together ("deeplearning"); 1 it begins at
 * a later word ("modell" in "KI-Modell"), or it is the initials of the words ("gan" for
 * "Generative Adversarial Network"); 2 its letters come in the name in order. Case, and what stands
 * between words, aside: "ki modell" finds "KI-Modell" and "KIModell". Undefined when it does not match.
 */
export function searchTier(search: Words, name: Words): 0 | 1 | 2 | undefined {
  const first = firstWordMatch(search.words, name.words);
  if (first === 0 || name.compact.startsWith(search.compact)) {
    return 0;
  }
  if (first !== undefined || name.words.map((word) => word[0]).join('') === search.compact) {
    return 1;
  }
  return matchTier(search.compact, name.compact) === undefined ? undefined : 2;
}

/** The first word of the name from which each word searched begins a word in turn. */
function firstWordMatch(searched: readonly string[], words: readonly string[]): number | undefined {
  for (let start = 0; start + searched.length <= words.length; start++) {
    if (searched.every((word, k) => words[start + k]!.startsWith(word))) return start;
  }
  return undefined;
}
