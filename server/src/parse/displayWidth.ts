/**
 * Display widths of characters as pandoc counts them to cut the lines of a table into its columns,
 * as pandoc 3 does (the glossary's haiku tables, with their foot, are written for pandoc 3; pandoc
 * 2.17 counts many symbols and emoji otherwise): marks and format characters (Unicode categories
 * Mn, Me and Cf: combining accents, variation selectors, zero-width joiners, the soft hyphen) take
 * no column; East Asian wide and fullwidth characters and the emoji shown as pictures two;
 * everything else one. Both were measured against pandoc 3.10 code point by code point.
 */

/** The characters that take no column. */
const zeroWidth = /[\p{Mn}\p{Me}\p{Cf}]/u;

/** Ranges of code points that take two columns, sorted, `[first, last]` pairs. */
const doubleWidth = [
  0x1100, 0x115f, 0x231a, 0x231b, 0x2329, 0x232a, 0x23e9, 0x23ec, 0x23f0, 0x23f0, 0x23f3, 0x23f3, 0x25fd, 0x25fe, 0x2614, 0x2615,
  0x2648, 0x2653, 0x267f, 0x267f, 0x2693, 0x2693, 0x26a1, 0x26a1, 0x26aa, 0x26ab, 0x26bd, 0x26be, 0x26c4, 0x26c5, 0x26ce, 0x26ce,
  0x26d4, 0x26d4, 0x26ea, 0x26ea, 0x26f2, 0x26f3, 0x26f5, 0x26f5, 0x26fa, 0x26fa, 0x26fd, 0x26fd, 0x2705, 0x2705, 0x270a, 0x270b,
  0x2728, 0x2728, 0x274c, 0x274c, 0x274e, 0x274e, 0x2753, 0x2755, 0x2757, 0x2757, 0x2795, 0x2797, 0x27b0, 0x27b0, 0x27bf, 0x27bf,
  0x2b1b, 0x2b1c, 0x2b50, 0x2b50, 0x2b55, 0x2b55, 0x2e80, 0x3029, 0x302e, 0x303e, 0x3041, 0x3096, 0x309b, 0x3247, 0x3250, 0x4dbf,
  0x4e00, 0xa4c6, 0xa960, 0xa97c, 0xac00, 0xd7a3, 0xf900, 0xfad9, 0xfe10, 0xfe19, 0xfe30, 0xfe6b, 0xff01, 0xff60, 0xffe0, 0xffe6,
  0x16fe0, 0x16fe3, 0x16ff0, 0x1b2fb, 0x1f004, 0x1f004, 0x1f0cf, 0x1f0cf, 0x1f18e, 0x1f18e, 0x1f191, 0x1f19a, 0x1f200, 0x1f320,
  0x1f32d, 0x1f335, 0x1f337, 0x1f37c, 0x1f37e, 0x1f393, 0x1f3a0, 0x1f3ca, 0x1f3cf, 0x1f3d3, 0x1f3e0, 0x1f3f0, 0x1f3f4, 0x1f3f4,
  0x1f3f8, 0x1f43e, 0x1f440, 0x1f440, 0x1f442, 0x1f4fc, 0x1f4ff, 0x1f53d, 0x1f54b, 0x1f54e, 0x1f550, 0x1f567, 0x1f57a, 0x1f57a,
  0x1f595, 0x1f596, 0x1f5a4, 0x1f5a4, 0x1f5fb, 0x1f64f, 0x1f680, 0x1f6c5, 0x1f6cc, 0x1f6cc, 0x1f6d0, 0x1f6d2, 0x1f6d5, 0x1f6df,
  0x1f6eb, 0x1f6ec, 0x1f6f4, 0x1f6fc, 0x1f7e0, 0x1f7f0, 0x1f90c, 0x1f93a, 0x1f93c, 0x1f945, 0x1f947, 0x1f9ff, 0x1fa70, 0x1faf6,
  0x20000, 0x3134a,
];

function inRanges(ranges: readonly number[], cp: number): boolean {
  let low = 0;
  let high = ranges.length / 2 - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (cp < ranges[2 * mid]) high = mid - 1;
    else if (cp > ranges[2 * mid + 1]) low = mid + 1;
    else return true;
  }
  return false;
}

/** How many columns a code point takes. */
function displayWidth(cp: number): number {
  if (cp < 0x300) return cp === 0xad ? 0 : 1;
  if (zeroWidth.test(String.fromCodePoint(cp))) return 0;
  return inRanges(doubleWidth, cp) ? 2 : 1;
}

/**
 * Where in `text` the display column `column` starts: after the characters that fit before it,
 * marks of no width that follow them included.
 */
export function offsetAtColumn(text: string, column: number): number {
  let width = 0;
  let k = 0;
  while (k < text.length) {
    const cp = text.codePointAt(k)!;
    const w = displayWidth(cp);
    if (width + w > column) return k;
    width += w;
    k += cp > 0xffff ? 2 : 1;
  }
  return text.length;
}

/** How many columns a text takes. */
export function widthOf(text: string): number {
  let width = 0;
  for (const character of text) width += displayWidth(character.codePointAt(0)!);
  return width;
}
