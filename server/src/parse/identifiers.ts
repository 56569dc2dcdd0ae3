/**
 * Pandoc's automatic heading identifiers (the `auto_identifiers` extension of `-f markdown`),
 * computed from a heading's plain text exactly as `inlineListToIdentifier` and `uniqueIdent` do.
 */

const keptCharacter = /[\p{L}\p{N}_.\-]/u;
const spaceSeparator = /\p{Zs}/u;
const letter = /\p{L}/u;

/**
 * Haskell's `isSpace`, by which Pandoc splits an identifier into words: tab to carriage return, the
 * space separators (U+00A0 among them); not JavaScript's `\s`, which adds U+2028, U+2029 and U+FEFF.
 */
function isHaskellSpace(cp: number, ch: string): boolean {
  return cp === 0x20 || (cp >= 0x09 && cp <= 0x0d) || cp === 0xa0 || (cp > 0x377 && spaceSeparator.test(ch));
}

/** The identifier Pandoc derives from a heading's plain text, before it is made unique. */
export function baseIdentifier(plainText: string): string {
  let filtered = '';
  for (const original of plainText) {
    const cp = original.codePointAt(0)!;
    if (cp < 0x80) {
      if (cp >= 0x41 && cp <= 0x5a) filtered += String.fromCharCode(cp + 0x20);
      else if ((cp >= 0x61 && cp <= 0x7a) || (cp >= 0x30 && cp <= 0x39) || cp === 0x5f || cp === 0x2e || cp === 0x2d) filtered += original;
      else if (isHaskellSpace(cp, original)) filtered += ' ';
      continue;
    }
    // Pandoc lowers each character alone: a word's last Σ is σ, where the whole text's toLowerCase gives ς.
    for (const ch of original.toLowerCase()) {
      if (isHaskellSpace(ch.codePointAt(0)!, ch)) filtered += ' ';
      else if (keptCharacter.test(ch)) filtered += ch;
    }
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
