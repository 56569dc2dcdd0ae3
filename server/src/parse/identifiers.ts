/**
 * Pandoc's automatic heading identifiers (the `auto_identifiers` extension of `-f markdown`),
 * computed from a heading's plain text exactly as `inlineListToIdentifier` and `uniqueIdent` do.
 */

const keptCharacter = /[\p{L}\p{N}_.\-]/u;
const whiteSpace = /\s/u;
const letter = /\p{L}/u;

/** The identifier Pandoc derives from a heading's plain text, before it is made unique. */
export function baseIdentifier(plainText: string): string {
  let filtered = '';
  for (const ch of plainText.toLowerCase()) {
    if (whiteSpace.test(ch)) filtered += ' ';
    else if (keptCharacter.test(ch)) filtered += ch;
  }
  const words = filtered.split(' ').filter((w) => w !== '');
  const joined = words.join('-');
  // Pandoc drops everything before the first letter.
  let first = 0;
  for (const ch of joined) {
    if (letter.test(ch)) break;
    first += ch.length;
  }
  return joined.slice(first);
}

/**
 * Makes a heading's automatic identifier unique among the ids already used in the file, as Pandoc
 * does: `section` when empty, then `-1`, `-2`, ... for repeats.
 */
export function uniqueIdentifier(plainText: string, used: ReadonlySet<string>, nextSuffix?: Map<string, number>): string {
  const base = baseIdentifier(plainText) || 'section';
  if (!used.has(base)) return base;
  // Ids are only ever added to `used`, so a suffix taken once stays taken: with `nextSuffix` (one
  // map per file), the search goes on where it stopped, and a file of many equal headings is linear.
  for (let n = nextSuffix?.get(base) ?? 1; n <= 60000; n++) {
    const candidate = `${base}-${n}`;
    if (!used.has(candidate)) {
      nextSuffix?.set(base, n + 1);
      return candidate;
    }
  }
  return base;
}
