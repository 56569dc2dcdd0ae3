/**
 * The parts of a paragraph's text that are no prose to look for mentions in: code spans, anything
 * in brackets with what follows them (a link's label and target, `[text]{.class}`), HTML and
 * comments, URLs, attribute blocks, TeX math (`$x$`, `$$...$$`), raw TeX (`\textbf{x}`), and
 * the name in parentheses after a quotation that says who said it (`***"..."*** (Claude)`). The
 * model keeps only internal links, so external links and code spans are found here, in one pass
 * over the paragraph.
 */

import { rawTexEnd, withTexPairs } from '../parse/rawTex';

/** A half-open range of offsets into the paragraph's text. */
export type Mask = readonly [start: number, end: number];

const opener = /\\.|`+|\[|<!--|<[A-Za-z/!]|https?:\/\/|www\.|\{|\(|\$\$?/g;

/** The masked ranges of a paragraph, in order and not overlapping. */
export function inlineMasks(text: string): Mask[] {
  return withTexPairs(() => masksOf(text));
}

function masksOf(text: string): Mask[] {
  const scanner = new MaskScanner(text);
  const masks: Mask[] = [];
  opener.lastIndex = 0;
  for (let match = opener.exec(text); match !== null; match = opener.exec(text)) {
    const start = match.index;
    const end = scanner.maskEnd(match[0], start);
    if (end === undefined) {
      opener.lastIndex = start + match[0].length;
      continue;
    }
    masks.push([start, end]);
    opener.lastIndex = end;
  }
  return masks;
}

const nonSpace = /\S+/y;

/**
 * Where each construct of one paragraph ends. A closer searched for in vain (no `>` after a `<`)
 * is not searched for again, so that no stretch of the text is read twice in vain.
 */
class MaskScanner {
  private readonly closers: Map<number, number>;
  private readonly codeSpans: CodeSpanFinder;
  private readonly missing = new Set<string>();
  private noMathCloserAfter = Infinity;

  constructor(private readonly text: string) {
    this.closers = matchingBrackets(text);
    this.codeSpans = new CodeSpanFinder(text);
  }

  /** Where the construct opened at `start` ends, or undefined when it is not one (an unclosed bracket). */
  maskEnd(token: string, start: number): number | undefined {
    switch (token[0]) {
      case '\\': {
        // Raw TeX (`\textbf{…}`) is no prose; an escape is.
        const end = rawTexEnd(this.text, start);
        return end < 0 ? undefined : end;
      }
      case '`':
        return this.codeSpans.endOf(start, token.length);
      case '[': {
        const close = this.closers.get(start);
        if (close === undefined) {
          return undefined;
        }
        // What follows the brackets belongs to them: `(#Id)`, `[ref]`, `{.class}`.
        const following = this.closers.get(close + 1);
        return following === undefined ? close + 1 : following + 1;
      }
      case '{': {
        const close = this.closers.get(start);
        return close === undefined ? undefined : close + 1;
      }
      case '(': {
        const close = this.closers.get(start);
        return close === undefined || !this.followsQuotation(start) ? undefined : close + 1;
      }
      case '$':
        return token === '$$' ? this.closingAfter('$$', start + 2) : this.inlineMathEnd(start);
      case '<': {
        if (token === '<!--') return this.closingAfter('-->', start + 4) ?? this.text.length;
        const tagEnd = this.closingAfter('>', start);
        // The text of an HTML link is a link's already, up to its `</a>`.
        if (tagEnd === undefined || !/^<a[\s>]/i.test(this.text.slice(start, start + 3))) return tagEnd;
        return this.anchorCloseAfter(tagEnd) ?? tagEnd;
      }
      default:
        // A URL runs to the next white space.
        nonSpace.lastIndex = start;
        nonSpace.exec(this.text);
        return nonSpace.lastIndex;
    }
  }

  /**
   * Where inline math opened by a `$` at `start` ends, as Pandoc reads it: the opening `$` has a
   * non-space right after it, the closing one a non-space right before it and no digit after it
   * ("$5 und $10" is no math).
   */
  private inlineMathEnd(start: number): number | undefined {
    if (/\s/.test(this.text[start + 1] ?? ' ') || start >= this.noMathCloserAfter) {
      return undefined;
    }
    for (let close = this.text.indexOf('$', start + 1); close >= 0; close = this.text.indexOf('$', close + 1)) {
      if (this.text[close - 1] === '\\') continue;
      if (!/\s/.test(this.text[close - 1]!) && !/[0-9]/.test(this.text[close + 1] ?? ' ')) {
        return close + 1;
      }
    }
    // No closer from here on: a later `$` finds none either (so no stretch is searched twice in vain).
    this.noMathCloserAfter = start;
    return undefined;
  }

  /** Whether a closing emphasis or quotation mark stands right before the offset (spaces aside). */
  private followsQuotation(offset: number): boolean {
    let before = offset - 1;
    while (before >= 0 && offset - before <= 4 && (this.text[before] === ' ' || this.text[before] === '\t')) {
      before--;
    }
    return '*_"”“»\''.includes(this.text[before] ?? ' ');
  }

  /** The end of the first `</a>` (any case) from `from` on; searched for in vain once, not again. */
  private anchorCloseAfter(from: number): number | undefined {
    if (this.missing.has('</a>')) return undefined;
    anchorClose.lastIndex = from;
    const match = anchorClose.exec(this.text);
    if (match === null) this.missing.add('</a>');
    return match === null ? undefined : match.index + match[0].length;
  }

  /** The offset just after the next `closer` from `from`, or undefined when there is none. */
  private closingAfter(closer: string, from: number): number | undefined {
    const at = this.missing.has(closer) ? -1 : this.text.indexOf(closer, from);
    if (at < 0) {
      this.missing.add(closer);
      return undefined;
    }
    return at + closer.length;
  }
}

const anchorClose = /<\/a\s*>/gi;

const bracketOrEscape = /[\\[\](){}]/g;

/** The offset of the closing bracket of each `[`, `(` and `{` that has one; backslash-escaped brackets do not count. */
function matchingBrackets(text: string): Map<number, number> {
  const closers = new Map<number, number>();
  const open: Record<string, number[]> = { '[': [], '(': [], '{': [] };
  const openerOf: Record<string, string> = { ']': '[', ')': '(', '}': '{' };
  bracketOrEscape.lastIndex = 0;
  for (let match = bracketOrEscape.exec(text); match !== null; match = bracketOrEscape.exec(text)) {
    const char = match[0];
    if (char === '\\') {
      bracketOrEscape.lastIndex++;
    } else if (char in open) {
      open[char]!.push(match.index);
    } else {
      const opening = open[openerOf[char]!]!.pop();
      if (opening !== undefined) {
        closers.set(opening, match.index);
      }
    }
  }
  return closers;
}

/**
 * Finds where a code span opened by a run of backticks ends: at the next run of as many. A run
 * length once found unclosed stays unclosed further on, so no stretch is searched twice in vain.
 */
class CodeSpanFinder {
  private readonly unclosedLengths = new Set<number>();

  constructor(private readonly text: string) {}

  endOf(start: number, length: number): number | undefined {
    if (this.unclosedLengths.has(length)) {
      return undefined;
    }
    let from = start + length;
    for (let tick = this.text.indexOf('`', from); tick >= 0; tick = this.text.indexOf('`', from)) {
      let runEnd = tick;
      while (this.text[runEnd] === '`') {
        runEnd++;
      }
      if (runEnd - tick === length) {
        return runEnd;
      }
      from = runEnd;
    }
    this.unclosedLengths.add(length);
    return undefined;
  }
}
