/**
 * Display widths of characters as Pandoc counts them to cut the lines of a table into its columns:
 * East Asian wide characters and most emoji take two columns, combining diacritical marks and
 * zero-width joiners none, everything else one. The ranges were measured against pandoc 2.17.
 */

/** Ranges of code points that take no column, then ranges that take two; each sorted, `[first, last]` pairs. */
const zeroWidth = [0x0300, 0x036f, 0x1ab0, 0x1aff, 0x1dc0, 0x1dff, 0x200b, 0x200f, 0x20d0, 0x20ff, 0xfe20, 0xfe2f];
const doubleWidth = [
  0x1100, 0x115f, 0x231a, 0x231b, 0x2329, 0x232a, 0x23e9, 0x23ec, 0x23f0, 0x23f0, 0x23f3, 0x23f3, 0x25fd, 0x25fe, 0x2614, 0x2615,
  0x2648, 0x2653, 0x267f, 0x267f, 0x2693, 0x2693, 0x26a1, 0x26a1, 0x26aa, 0x26ab, 0x26bd, 0x26be, 0x26c4, 0x26c5, 0x26ce, 0x26ce,
  0x26d4, 0x26d4, 0x26ea, 0x26ea, 0x26f2, 0x26f3, 0x26f5, 0x26f5, 0x26fa, 0x26fa, 0x26fd, 0x26fd, 0x2705, 0x2705, 0x270a, 0x270b,
  0x2728, 0x2728, 0x274c, 0x274c, 0x274e, 0x274e, 0x2753, 0x2755, 0x2757, 0x2757, 0x2795, 0x2797, 0x27b0, 0x27b0, 0x27bf, 0x27bf,
  0x2b1b, 0x2b1c, 0x2b50, 0x2b50, 0x2b55, 0x2b55, 0x2e80, 0x303e, 0x3041, 0x33ff, 0x3400, 0x4dbf, 0x4e00, 0x9fff, 0xa000, 0xa4cf,
  0xa960, 0xa97f, 0xac00, 0xd7a3, 0xf900, 0xfaff, 0xfe10, 0xfe19, 0xfe30, 0xfe6f, 0xff00, 0xff60, 0x1b000, 0x1b2ff, 0x1f004, 0x1f004,
  0x1f0cf, 0x1f0cf, 0x1f18e, 0x1f18e, 0x1f191, 0x1f19a, 0x1f200, 0x1f2ff, 0x1f300, 0x1f64f, 0x1f680, 0x1f6ff, 0x1f7e0, 0x1f7eb,
  0x1f900, 0x1f9ff, 0x1fa70, 0x1faff, 0x20000, 0x3fffd,
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
  if (cp < 0x300) return 1;
  if (inRanges(zeroWidth, cp)) return 0;
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
