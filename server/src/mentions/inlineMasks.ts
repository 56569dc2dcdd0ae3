/**
 * The parts of a paragraph's text that are no prose to look for mentions in: code spans, anything
 * in brackets with what follows them (a link's label and target, `[text]{.class}`), HTML and
 * comments, URLs, attribute blocks, TeX math (`$x$`, `$$...$$`), raw TeX (`\textbf{x}`), a
 * link's target in parentheses apart from its label (`(#Id)`), and the name in parentheses after a
 * quotation that says who said it (`***"..."*** (Claude)`). The
 * model keeps only internal links, so external links and code spans are found here, in one pass
 * over the paragraph.
 */

import { rawTexEnd, withTexPairs } from '../parse/rawTex';
import { codeSpanEnd, mathEnd } from '../parse/inline';

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
      // An unclosed run of backticks or dollars is one literal character, as the parser reads it: a shorter run may open after it.
      opener.lastIndex = start + (match[0][0] === '`' || match[0][0] === '$' ? 1 : match[0].length);
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
  private readonly missing = new Set<string>();

  constructor(private readonly text: string) {
    this.closers = matchingBrackets(text);
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
      case '$': {
        // Code and math end where the parser ends them.
        const end = token[0] === '`' ? codeSpanEnd(this.text, start) : mathEnd(this.text, start);
        return end < 0 ? undefined : end;
      }
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
        // A target `(#Id)` written apart from its label (`[label] (#Id)`, which link-syntax reports) is no prose either.
        const close = this.closers.get(start);
        return close === undefined || (!this.followsQuotation(start) && !this.isLinkTarget(start, close)) ? undefined : close + 1;
      }
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

  /** Whether the parentheses hold a link's target alone, `(#Id)`: no prose, unlike `(#KI und mehr)`. */
  private isLinkTarget(open: number, close: number): boolean {
    return this.text[open + 1] === '#' && !/\s/.test(this.text.slice(open + 1, close));
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
