import type { Mask } from './inlineMasks';
import { wordCharacter, type Lexicon } from './lexicon';
import type { WordFilterBuilder } from './wordFilter';

/**
 * The words of one paragraph outside its masks: the runs of letters and digits `wordPattern`
 * finds, as offsets into the paragraph's text. They are found by character codes, go into the
 * document's word filter by their hashes as they are found, and are cut out of the text only when
 * asked for: most words of prose start no form, which the lexicon tells by the hash.
 */
export class ParagraphWords {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly formStarts: boolean[] = [];

  constructor(
    readonly text: string,
    masks: readonly Mask[],
    lexicon: Lexicon,
    filter: WordFilterBuilder,
  ) {
    let mask = 0;
    let offset = 0;
    while (offset < text.length) {
      const width = wordCharacterWidth(text, offset);
      if (width === 0) {
        offset++;
        continue;
      }
      const start = offset;
      let end = start + width;
      for (let next = wordCharacterWidth(text, end); next > 0; next = wordCharacterWidth(text, end)) end += next;
      while (mask < masks.length && masks[mask]![1] <= start) mask++;
      if (mask < masks.length && masks[mask]![0] < end) {
        // A word reaching into a mask is no word; the search goes on after both.
        offset = Math.max(end, masks[mask]![1]);
        continue;
      }
      this.starts.push(start);
      this.ends.push(end);
      this.formStarts.push(lexicon.mayStartForm(filter.add(text, start, end).first));
      offset = end;
    }
  }

  get count(): number {
    return this.starts.length;
  }

  start(k: number): number {
    return this.starts[k]!;
  }

  end(k: number): number {
    return this.ends[k]!;
  }

  /** The word's text, cut out of the paragraph. */
  word(k: number): string {
    return this.text.slice(this.starts[k], this.ends[k]);
  }

  /** Whether the lexicon may file a form under word `k` (false: it surely does not). */
  mayStartForm(k: number): boolean {
    return this.formStarts[k]!;
  }

  /** The text between words `k` and `k + 1`. */
  between(k: number): string {
    return this.text.slice(this.ends[k], this.starts[k + 1]);
  }
}

/** 1 for an ASCII letter or digit, else 0: most characters of the text are ASCII. */
const asciiWidths = Uint8Array.from({ length: 0x80 }, (_, code) => (/[A-Za-z0-9]/.test(String.fromCharCode(code)) ? 1 : 0));

/** Per UTF-16 code unit: 0 not yet known, 1 a word character (letter, mark, digit), 2 none. Filled as units are met. */
const unitKinds = new Uint8Array(0x10000);

/**
 * How many code units the word character at `offset` takes (a character beyond the BMP takes a
 * surrogate pair), or 0 when there is none there. As `wordCharacter` decides.
 */
function wordCharacterWidth(text: string, offset: number): number {
  const code = text.charCodeAt(offset);
  if (code < 0x80) return asciiWidths[code]!;
  if (code !== code) return 0; // NaN: past the end
  if (code >= 0xd800 && code <= 0xdbff) {
    const low = text.charCodeAt(offset + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return wordCharacter.test(text.slice(offset, offset + 2)) ? 2 : 0;
  }
  let kind = unitKinds[code]!;
  if (kind === 0) {
    kind = wordCharacter.test(String.fromCharCode(code)) ? 1 : 2;
    unitKinds[code] = kind;
  }
  return kind === 1 ? 1 : 0;
}
