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
