/**
 * A Bloom filter of the words of a document's prose: whether a word may stand in it (rarely a
 * false yes, never a false no), in two bytes per distinct word. The unlinked mentions of a
 * closed document are worked out again only when a changed form starts with one of its words;
 * the filter answers that without the text, which the index does not keep.
 */
export class WordFilter {
  private constructor(private readonly bits: Uint32Array) {}

  /** The filter of these words, in lower case (the words may be given in any case). */
  static of(words: ReadonlySet<string>): WordFilter {
    // 16 bits per word and 8 probes: about one false yes in 1,700 questions.
    let size = 64;
    while (size < words.size * bitsPerWord) size *= 2;
    const filter = new WordFilter(new Uint32Array(size / 32));
    for (const word of words) {
      filter.probe(word, true);
    }
    return filter;
  }

  /** Whether the word may be one of the filter's words (compared in lower case). */
  mayHave(word: string): boolean {
    return this.probe(word, false);
  }

  private probe(word: string, add: boolean, lowered = false): boolean {
    // Two hashes of one pass (FNV-1a with two offsets) over the lower-case word, combined for each
    // probe. Latin-1 capitals (A-Z, À-Þ but ×) are lowered here, as toLowerCase lowers them; a word
    // with characters beyond Latin-1 is lowered as a whole.
    let first = 0x811c9dc5;
    let second = 0x9747b28c;
    for (let i = 0; i < word.length; i++) {
      let code = word.charCodeAt(i);
      if ((code >= 0x41 && code <= 0x5a) || (code >= 0xc0 && code <= 0xde && code !== 0xd7)) code += 0x20;
      else if (code > 0xff && !lowered) return this.probe(word.toLowerCase(), add, true);
      first = Math.imul(first ^ code, 0x01000193);
      second = Math.imul(second ^ code, 0x5bd1e995);
    }
    second = (second ^ (second >>> 15)) | 1;
    const mask = this.bits.length * 32 - 1;
    let present = true;
    for (let k = 0; k < probes; k++) {
      const bit = (first + k * second) & mask;
      const slot = bit >>> 5;
      const flag = 1 << (bit & 31);
      if (add) this.bits[slot]! |= flag;
      else if ((this.bits[slot]! & flag) === 0) present = false;
    }
    return present;
  }
}

const bitsPerWord = 16;
const probes = 8;
