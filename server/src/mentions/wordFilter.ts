/**
 * A Bloom filter of the words of a document's prose: whether a word may stand in it (rarely a
 * false yes, never a false no), in two bytes per distinct word. The unlinked mentions of a
 * closed document are worked out again only when a changed form starts with one of its words;
 * the filter answers that without the text, which the index does not keep.
 */
export class WordFilter {
  private constructor(private readonly bits: Uint32Array) {}

  /** The filter of these words, in lower case (the words may be given in any case). */
  static of(words: Iterable<string>): WordFilter {
    const builder = new WordFilterBuilder();
    for (const word of words) builder.add(word, 0, word.length);
    return builder.build();
  }

  /** How many bits the filter holds: 16 per distinct word, at least 64, a power of two. */
  get bitCount(): number {
    return this.bits.length * 32;
  }

  /** Whether the word may be one of the filter's words (compared in lower case). */
  mayHave(word: string): boolean {
    const hash = new WordHash().of(word, 0, word.length);
    return this.probe(hash.first, hash.second, false);
  }

  /** Sets (`add`) or tests the bits of a word's two hashes. */
  probe(first: number, second: number, add: boolean): boolean {
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

  static sized(distinctWords: number): WordFilter {
    // 16 bits per word and 8 probes: about one false yes in 1,700 questions.
    let size = 64;
    while (size < distinctWords * bitsPerWord) size *= 2;
    return new WordFilter(new Uint32Array(size / 32));
  }
}

const bitsPerWord = 16;
const probes = 8;

/**
 * Two hashes of one pass (FNV-1a with two offsets) over a word in lower case, taken from the text
 * it stands in without cutting it out. Latin-1 capitals (A-Z, À-Þ but ×) are lowered here, as
 * toLowerCase lowers them; a word with characters beyond Latin-1 is lowered as a whole.
 */
export class WordHash {
  first = 0;
  second = 0;

  of(text: string, start: number, end: number): this {
    let first = 0x811c9dc5;
    let second = 0x9747b28c;
    for (let i = start; i < end; i++) {
      let code = text.charCodeAt(i);
      if ((code >= 0x41 && code <= 0x5a) || (code >= 0xc0 && code <= 0xde && code !== 0xd7)) code += 0x20;
      else if (code > 0xff) return this.ofLowered(text.slice(start, end).toLowerCase());
      first = Math.imul(first ^ code, 0x01000193);
      second = Math.imul(second ^ code, 0x5bd1e995);
    }
    return this.set(first, second);
  }

  private ofLowered(word: string): this {
    let first = 0x811c9dc5;
    let second = 0x9747b28c;
    for (let i = 0; i < word.length; i++) {
      const code = word.charCodeAt(i);
      first = Math.imul(first ^ code, 0x01000193);
      second = Math.imul(second ^ code, 0x5bd1e995);
    }
    return this.set(first, second);
  }

  private set(first: number, second: number): this {
    this.first = first;
    this.second = (second ^ (second >>> 15)) | 1;
    return this;
  }
}

/**
 * Collects the words of a document for its filter, each distinct word once (by its two hashes,
 * which is all the filter keeps of it), so that the filter is sized by the distinct words. A
 * builder is used again after `build`: its tables, grown to the longest document, are kept.
 */
export class WordFilterBuilder {
  private readonly hash = new WordHash();
  /** Open addressing by the first hash: 0 for a free slot, else the word's number plus one. */
  private slots = new Int32Array(64);
  private firsts = new Int32Array(32);
  private seconds = new Int32Array(32);
  private count = 0;

  /** Adds the word `text[start, end)` and gives its hash (valid until the next call). */
  add(text: string, start: number, end: number): WordHash {
    const { first, second } = this.hash.of(text, start, end);
    const mask = this.slots.length - 1;
    for (let slot = first & mask; ; slot = (slot + 1) & mask) {
      const taken = this.slots[slot]!;
      if (taken === 0) {
        this.store(slot, first, second);
        return this.hash;
      }
      if (this.firsts[taken - 1] === first && this.seconds[taken - 1] === second) return this.hash;
    }
  }

  /** The filter of the words added since the last build or clear. */
  build(): WordFilter {
    const filter = WordFilter.sized(this.count);
    for (let k = 0; k < this.count; k++) filter.probe(this.firsts[k]!, this.seconds[k]!, true);
    this.clear();
    return filter;
  }

  /** Forgets the words added. */
  clear(): this {
    if (this.count > 0) this.slots.fill(0);
    this.count = 0;
    return this;
  }

  private store(slot: number, first: number, second: number): void {
    if (this.count === this.firsts.length) {
      this.firsts = grown(this.firsts);
      this.seconds = grown(this.seconds);
    }
    this.firsts[this.count] = first;
    this.seconds[this.count] = second;
    this.count++;
    this.slots[slot] = this.count;
    // At most half full, so that probing stays short.
    if (this.count * 2 > this.slots.length) this.rehash();
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    const mask = this.slots.length - 1;
    for (let k = 0; k < this.count; k++) {
      let slot = this.firsts[k]! & mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
      this.slots[slot] = k + 1;
    }
  }
}

function grown(array: Int32Array): Int32Array<ArrayBuffer> {
  const larger = new Int32Array(array.length * 2);
  larger.set(array);
  return larger;
}
