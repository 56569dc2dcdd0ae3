/**
 * Inline scanning of Pandoc Markdown: which bracketed texts are links, and what a run of inline
 * markup reads as in plain text. Code spans, math, raw HTML, autolinks and escapes are skipped
 * exactly where Pandoc's inline parser would treat them as something other than a link.
 */

// The decoder alone: the package's index brings the encoding tables along.
import { parseAttributeBlock, shiftAttributes, type AttributeBlock } from './attributes';
import { characterReference, resolveCharacterReferences, unescapeAndResolve } from './characterReferences';
import { rememberedLastIndexOf } from './lastIndex';
import { endsParagraph as texEndsParagraph, rawTexEnd, withTexPairs } from './rawTex';

/** What a reference key resolves to. */
export interface ResolvedReference {
  /** The URL as Pandoc reads it. */
  readonly url: string;
  readonly kind: 'reference' | 'implicitHeading';
  /** Where the id text is written (opaque to the scanner; the caller knows what it means). */
  readonly idLocation: unknown;
  /** Where the reference definition's label is written, for a definition (opaque to the scanner too). */
  readonly labelLocation: unknown;
}

/** Looks up a normalized reference key (`[label]`, `[label][]`, `[label][key]`). */
export type ReferenceResolver = (key: string) => ResolvedReference | undefined;

/** A link found by the scanner, with offsets into the scanned text. */
export interface ScannedLink {
  readonly url: string;
  readonly start: number;
  readonly end: number;
  readonly labelStart: number;
  readonly labelEnd: number;
  /** For inline links: offsets of the URL text after `#`. */
  readonly urlStart: number | undefined;
  readonly urlEnd: number | undefined;
  readonly reference: ResolvedReference | undefined;
}

const asciiPunctuation = /[!-/:-@[-`{-~]/;
const alphaNumeric = /[\p{L}\p{N}]/u;
const whiteSpace = /\s/u;

/** Whether a character of a link destination needs no look of its own: no escape, parenthesis, character reference or white space. */
function isPlainUrlCharacter(code: number): boolean {
  if (code < 128) {
    return code > 32 && code !== 92 && code !== 40 && code !== 41 && code !== 38 && code !== 127;
  }
  return !whiteSpace.test(String.fromCharCode(code));
}

/** Normalizes a reference label as Pandoc's `toKey` does: case and runs of white space ignored. */
export function referenceKey(label: string): string {
  return label.trim().split(/\s+/u).join(' ').toLowerCase();
}

/** Pandoc's `escapeURI`: white space and a few characters are percent-encoded. */
export function escapeUri(url: string): string {
  return url.replace(/[\s<>|"{}[\]^`]/gu, (ch) =>
    Array.from(Buffer.from(ch, 'utf8'), (b) => '%' + b.toString(16).toUpperCase().padStart(2, '0')).join(''),
  );
}

const htmlTagName = /^<[A-Za-z][A-Za-z0-9:-]*/;
const htmlAttribute = /\s+([A-Za-z_:][A-Za-z0-9_.:-]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/y;

/**
 * The attributes of an opening HTML tag (`<span id="x" class="a b">`), which Pandoc gives the
 * span or div it opens, as an attribute block over the tag, placed at `offset`: names in any case,
 * character references resolved, the first of a repeated attribute taken.
 */
export function htmlTagAttributes(tag: string, offset: number): AttributeBlock {
  let id: string | undefined;
  let idStart: number | undefined;
  let idEnd: number | undefined;
  const classes: string[] = [];
  const keyValues: [string, string][] = [];
  const named = new Set<string>();
  htmlAttribute.lastIndex = htmlTagName.exec(tag)?.[0].length ?? tag.length;
  for (let match = htmlAttribute.exec(tag); match !== null; match = htmlAttribute.exec(tag)) {
    const name = match[1]!.toLowerCase();
    if (named.has(name)) continue;
    named.add(name);
    const written = match[2] ?? match[3] ?? match[4] ?? '';
    const value = resolveCharacterReferences(written);
    if (name === 'id') {
      id = value;
      // Where the value is written as it reads, an edit of the id can replace it there.
      const quoted = match[2] !== undefined || match[3] !== undefined;
      const valueEnd = match.index + match[0].length - (quoted ? 1 : 0);
      idStart = value === written ? offset + valueEnd - written.length : undefined;
      idEnd = value === written ? offset + valueEnd : undefined;
    } else if (name === 'class') {
      classes.push(...value.split(/\s+/).filter((name) => name !== ''));
    } else {
      keyValues.push([name, value]);
    }
  }
  return { id, classes, keyValues, start: offset, end: offset + tag.length, idStart, idEnd, idAfterHash: undefined };
}

/** The run length of `ch` starting at `pos`. */
function runLength(text: string, pos: number, ch: string): number {
  let n = 0;
  while (text[pos + n] === ch) n++;
  return n;
}

/**
 * Texts this long or longer get a `TextIndex`, built once while they are scanned: without it, a
 * long run of backticks or of `[` costs a look through the rest of the text for each character
 * (in a shorter text at most about 65,000 steps; at 1,024 characters a paragraph of `\a[` took
 * 10 ms).
 */
export const indexedLength = 256;

interface TextIndex {
  /** The maximal runs of backticks, in order: where each starts and ends. */
  readonly runStarts: number[];
  readonly runEnds: number[];
  /** By length, the starts of the runs of that length, in order. */
  readonly runsByLength: Map<number, number[]>;
  /** Where the last `)` is, or -1: no inline link can start after it. */
  readonly lastCloseParen: number;
  /** For each `[` that a scan from the start of the text reaches, its `]` or -1; else -2. Built when first needed. */
  brackets: Int32Array | undefined;
}

/** The indexes of the texts being scanned; dropped when the outermost scan returns (see `withIndexes`). */
const textIndexes = new Map<string, TextIndex>();
let scanDepth = 0;

/** Runs one of the module's entry points; the indexes of its texts live as long as it runs. */
export function withIndexes<T>(work: () => T): T {
  scanDepth++;
  try {
    return work();
  } finally {
    // clear() makes a new table even for an empty map, and this runs for every paragraph.
    if (--scanDepth === 0 && textIndexes.size > 0) textIndexes.clear();
  }
}

/** Runs a scan of the inline scanner over a text and the texts within it, with their indexes and the pairs of their raw TeX (see `withTexPairs`). */
function inScan<T>(work: () => T): T {
  return withIndexes(() => withTexPairs(work));
}

function textIndex(text: string): TextIndex {
  let index = textIndexes.get(text);
  if (index === undefined) {
    const runStarts: number[] = [];
    const runEnds: number[] = [];
    const runsByLength = new Map<number, number[]>();
    for (let i = text.indexOf('`'); i >= 0; ) {
      const length = runLength(text, i, '`');
      runStarts.push(i);
      runEnds.push(i + length);
      let starts = runsByLength.get(length);
      if (starts === undefined) runsByLength.set(length, (starts = []));
      starts.push(i);
      i = text.indexOf('`', i + length);
    }
    index = { runStarts, runEnds, runsByLength, lastCloseParen: text.lastIndexOf(')'), brackets: undefined };
    // Outside a scan (a table row split into cells) only one text is kept.
    if (scanDepth === 0) textIndexes.clear();
    textIndexes.set(text, index);
  }
  return index;
}

/** The number of items of the sorted `items` that are at most `value`. */
export function countAtMost(items: readonly number[], value: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The end of a code span starting at a backtick run at `pos`, or -1 when it is not closed. */
export function codeSpanEnd(text: string, pos: number): number {
  if (text.length >= indexedLength) {
    // The first run after the opening one with exactly its length closes it.
    const index = textIndex(text);
    const run = countAtMost(index.runStarts, pos) - 1;
    if (run < 0 || index.runEnds[run] <= pos) return -1;
    const openEnd = index.runEnds[run];
    const open = openEnd - pos;
    const starts = index.runsByLength.get(open);
    const next = starts === undefined ? -1 : countAtMost(starts, openEnd - 1);
    return starts === undefined || next >= starts.length ? -1 : starts[next] + open;
  }
  const open = runLength(text, pos, '`');
  let i = pos + open;
  while (i < text.length) {
    const next = text.indexOf('`', i);
    if (next < 0) return -1;
    const close = runLength(text, next, '`');
    if (close === open) return next + close;
    i = next + close;
  }
  return -1;
}

/** The end of `$...$` or `$$...$$` math at `pos`, or -1 when Pandoc would read a literal `$`. */
export function mathEnd(text: string, pos: number): number {
  if (text.startsWith('$$', pos)) {
    const close = text.indexOf('$$', pos + 2);
    if (close > pos + 2) return close + 2;
    return -1;
  }
  const first = text[pos + 1];
  if (first === undefined || whiteSpace.test(first)) return -1;
  for (let i = pos + 1; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') {
      i++;
    } else if (ch === '$') {
      if (whiteSpace.test(text[i - 1])) return -1;
      return /[0-9]/.test(text[i + 1] ?? '') ? -1 : i + 1;
    } else if (ch === '\n' && text[i + 1] === '\n') {
      return -1;
    }
  }
  return -1;
}

const htmlTagPattern =
  /^<\/?[A-Za-z][A-Za-z0-9:-]*(?:\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*\s*\/?>/;
const autolinkPattern = /^<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*)>/;

/** Where the last `-->` of a text starts (-1 when none). */
const lastCommentCloseIn = rememberedLastIndexOf('-->');

/** The end of raw HTML (a tag or a comment) or an autolink at `pos`, or -1. */
export function htmlOrAutolinkEnd(text: string, pos: number): number {
  if (text.startsWith('<!--', pos)) {
    // Many unclosed `<!--` in one text would each look through the rest of it.
    if (pos + 4 > lastCommentCloseIn(text)) return -1;
    const close = text.indexOf('-->', pos + 4);
    return close < 0 ? -1 : close + 3;
  }
  // Bounded look-ahead keeps a long line of `<` cheap; real tags are short.
  const window = text.slice(pos, pos + 2000);
  const match = htmlTagPattern.exec(window) ?? autolinkPattern.exec(window);
  return match ? pos + match[0].length : -1;
}

/**
 * The index of the `]` that closes the `[` at `pos`, skipping escapes, code spans, math and raw
 * HTML as Pandoc's balanced-bracket parser does; -1 when there is none.
 */
export function matchingBracket(text: string, pos: number): number {
  // Each step past raw TeX asks about the same text.
  return withTexPairs(() => {
    if (text.length >= indexedLength) {
      // A scan from `pos` visits the same characters as one from the start that reaches `pos`, so
      // the brackets of a long text are matched once, with a stack; other positions are scanned.
      const index = textIndex(text);
      index.brackets ??= bracketMatches(text);
      const match = index.brackets[pos];
      if (match !== -2) return match;
    }
    let depth = 0;
    for (let i = pos; i < text.length; i = bracketScanStep(text, i)) {
      const ch = text[i];
      if (ch === '[') {
        depth++;
      } else if (ch === ']') {
        depth--;
        if (depth === 0) return i;
      }
    }
    return -1;
  });
}

/**
 * Where a scan for a closing bracket goes on after `i`: past an escape, or past the code span,
 * math or raw HTML that starts there (Pandoc's `inlinesInBalancedBrackets` skips all of these; the
 * link scanner skips the same, so the positions it asks about are those `bracketMatches` indexed:
 * when the two disagreed on `$`, every `[` after a `$` was scanned to the end of the text again).
 */
function bracketScanStep(text: string, i: number): number {
  const ch = text[i];
  if (ch === '\\') return rawTexOrEscapeEnd(text, i, 2);
  return ch === '`' || ch === '$' || ch === '<' ? skipVerbatim(text, i) : i + 1;
}

/** `matchingBracket` of every `[` that a scan from the start of `text` reaches; -2 elsewhere. */
function bracketMatches(text: string): Int32Array {
  const matches = new Int32Array(text.length).fill(-2);
  const open: number[] = [];
  for (let i = 0; i < text.length; i = bracketScanStep(text, i)) {
    const ch = text[i];
    if (ch === '[') {
      matches[i] = -1;
      open.push(i);
    } else if (ch === ']' && open.length > 0) {
      matches[open.pop()!] = i;
    }
  }
  return matches;
}

interface Destination {
  readonly url: string;
  readonly urlStart: number;
  readonly urlEnd: number;
  readonly end: number;
}

/**
 * How far an inline link's `(url "title")` may reach. Pandoc sets no limit, but without one each
 * `[a](` of a long text with no `)` would read the rest of the text; real URLs are far shorter.
 */
const maxDestinationLength = 2048;

/**
 * How many characters of a destination as written give its leading `#`: one, or an escape or
 * character reference that pandoc reads as `#` (`\#`, `&#35;`, `&#x23;`, `&num;`); 0 for none.
 * The id starts after them.
 */
export function writtenHashLength(written: string): number {
  return /^(?:#|\\#|&#0*35;|&#[xX]0*23;|&num;)/.exec(written)?.[0].length ?? 0;
}

/** Reads the `(url "title")` part of an inline link at `pos` (which is `(`). */
function parseDestination(fullText: string, pos: number): Destination | undefined {
  if (fullText.length >= indexedLength && textIndex(fullText).lastCloseParen < pos) return undefined;
  const text = fullText.length > pos + maxDestinationLength ? fullText.slice(0, pos + maxDestinationLength) : fullText;
  let i = pos + 1;
  while (text[i] === ' ' || text[i] === '\t') i++;
  let url = '';
  let urlStart = i;
  let urlEnd = i;
  const angled = text[i] === '<';
  if (angled) {
    const close = text.indexOf('>', i + 1);
    if (close < 0 || text.slice(i, close).includes('\n')) return undefined;
    urlStart = i + 1;
    urlEnd = close;
    // Kept as written, white space within too (`<#A&#32;&#32;B>` is `#A%20%20B`), but at its end.
    url = unescapeAndResolve(text.slice(urlStart, urlEnd)).replace(/[ \t\r\n]+$/, '');
    i = close + 1;
  } else {
    let parens = 0;
    for (;;) {
      const ch = text[i];
      if (ch === undefined) return undefined;
      if (ch === '\\' && i + 1 < text.length && asciiPunctuation.test(text[i + 1])) {
        url += text[i + 1];
        i += 2;
      } else if (ch === '(') {
        parens++;
        url += ch;
        i++;
      } else if (ch === ')' && parens > 0) {
        parens--;
        url += ch;
        i++;
      } else if (ch === ')') {
        break;
      } else if (whiteSpace.test(ch)) {
        let j = i;
        while (j < text.length && whiteSpace.test(text[j])) j++;
        // A blank line ends the paragraph, `)` ends the URL, and so does a title after spaces; a
        // quote right after a line break is the URL's, as Pandoc reads a line break there as a character.
        const next = text[j];
        const title = (next === '"' || next === "'") && text[j - 1] !== '\n' && text[j - 1] !== '\r';
        if (/\n[^\S\n]*\n/.test(text.slice(i, j)) || next === ')' || title) break;
        url += ' ';
        i = j;
      } else if (ch === '&') {
        const ref = characterReference(text, i);
        url += ref ? ref.value : ch;
        i = ref ? ref.end : i + 1;
      } else {
        // A run of ordinary characters is taken as it stands.
        let end = i + 1;
        while (end < text.length && isPlainUrlCharacter(text.charCodeAt(end))) end++;
        url += text.slice(i, end);
        i = end;
      }
      if (!whiteSpace.test(ch)) urlEnd = i;
    }
    // The id text starts at the first non-space character.
    while (urlStart < urlEnd && whiteSpace.test(text[urlStart])) urlStart++;
  }
  // Optional title, then `)`: after `<…>` on the same line, unless a title comes between.
  const afterUrl = i;
  let j = i;
  while (j < text.length && whiteSpace.test(text[j]) && !/\n[^\S\n]*\n/.test(text.slice(i, j + 1))) j++;
  const quote = text[j];
  if ((quote === '"' || quote === "'") && j > i) {
    let k = j + 1;
    while (k < text.length && text[k] !== quote) k += text[k] === '\\' ? 2 : 1;
    if (k >= text.length) return undefined;
    k++;
    while (text[k] === ' ' || text[k] === '\t') k++;
    if (text[k] !== ')') return undefined;
    i = k;
  } else {
    i = j;
    if (text[i] !== ')' || (angled && /[\r\n]/.test(text.slice(afterUrl, i)))) return undefined;
  }
  return { url: escapeUri(angled ? url : url.trim().split(/\s+/u).join(' ')), urlStart, urlEnd, end: i + 1 };
}


/**
 * The result of trying to read a link at a `[`. An unresolved `[label][key]` is consumed whole:
 * Pandoc then reads the label's text and the `[key]` each on their own.
 */
type LinkAttempt =
  | { readonly kind: 'link'; readonly link: ScannedLink; readonly attributes: AttributeBlock | undefined }
  | { readonly kind: 'unresolved'; readonly labelEnd: number; readonly keyStart: number; readonly end: number }
  | { readonly kind: 'span'; readonly labelEnd: number; readonly attributes: AttributeBlock }
  /** `labelEnd`: where the brackets close, for brackets that are no link (a reference no definition gives). */
  | { readonly kind: 'none'; readonly labelEnd?: number };

/**
 * Labels longer than this are not looked up as reference keys (CommonMark's limit; Pandoc has
 * none, but no heading or reference definition of a glossary has a label that long).
 */
const maxReferenceLabelLength = 999;

/** A note's reference `[^label]` at `pos`, the label in group 1 (labels longer than 1,000 characters are not read). */
function noteReferenceAt(text: string, pos: number): RegExpExecArray | null {
  return /^\[\^([^\s\]]+)\]/.exec(text.slice(pos, pos + 1000));
}

function tryLink(text: string, pos: number, resolve: ReferenceResolver): LinkAttempt {
  if (text[pos + 1] === '^') return { kind: 'none' };
  const labelEnd = matchingBracket(text, pos);
  if (labelEnd < 0) return { kind: 'none' };
  const after = labelEnd + 1;
  const label = text.slice(pos + 1, labelEnd);
  if (text[after] === '(') {
    const destination = parseDestination(text, after);
    if (destination) {
      let end = destination.end;
      const attributes = text[end] === '{' ? parseAttributeBlock(text, end) : undefined;
      if (attributes) end = attributes.end;
      const url = destination.url;
      return {
        kind: 'link',
        link: {
          url,
          start: pos,
          end,
          labelStart: pos + 1,
          labelEnd,
          urlStart: destination.urlStart + (url.startsWith('#') ? writtenHashLength(text.slice(destination.urlStart, destination.urlEnd)) : 0),
          urlEnd: destination.urlEnd,
          reference: undefined,
        },
        attributes,
      };
    }
  }
  const spanAttributes = text[after] === '{' ? parseAttributeBlock(text, after) : undefined;
  if (spanAttributes) return { kind: 'span', labelEnd, attributes: spanAttributes };
  let key = label;
  let end = after;
  if (text[after] === '[' && text[after + 1] !== '^') {
    const refEnd = matchingBracket(text, after);
    if (refEnd > 0) {
      if (refEnd > after + 1) key = text.slice(after + 1, refEnd);
      end = refEnd + 1;
    }
  }
  // Normalizing the key reads all of it; a long label of nested brackets would be read once per `[`.
  const reference = key.length <= maxReferenceLabelLength ? resolve(referenceKey(key)) : undefined;
  if (!reference) return end > after ? { kind: 'unresolved', labelEnd, keyStart: after, end } : { kind: 'none', labelEnd };
  return {
    kind: 'link',
    link: {
      url: reference.url,
      start: pos,
      end,
      labelStart: pos + 1,
      labelEnd,
      urlStart: undefined,
      urlEnd: undefined,
      reference,
    },
    attributes: undefined,
  };
}

/**
 * Where the backslash at `i` and what it starts end: raw TeX (`\foo{…}`, see `rawTexEnd`), else an
 * escaped punctuation character, else the backslash alone (`escapeLength` for a scan that takes
 * any character after a backslash as escaped).
 */
export function rawTexOrEscapeEnd(text: string, i: number, escapeLength?: number): number {
  const raw = rawTexEnd(text, i);
  if (raw >= 0) return raw;
  return i + (escapeLength ?? (asciiPunctuation.test(text[i + 1] ?? '') ? 2 : 1));
}

/** The end of the code span, math or raw HTML that starts at `i`; `i + 1` when there is none. */
export function skipVerbatim(text: string, i: number): number {
  const ch = text[i];
  if (ch === '`') {
    // An unclosed run is one literal backtick: Pandoc tries a shorter code span from the next one.
    const end = codeSpanEnd(text, i);
    return end < 0 ? i + 1 : end;
  }
  if (ch === '$') {
    const end = mathEnd(text, i);
    return end < 0 ? i + 1 : end;
  }
  if (ch === '<') {
    const end = htmlOrAutolinkEnd(text, i);
    return end < 0 ? i + 1 : end;
  }
  return i + 1;
}

/** An HTML tag in a paragraph's text, from `<` to after `>`. */
export interface HtmlTag {
  readonly start: number;
  readonly end: number;
  /** The tag's name, lower case. */
  readonly name: string;
  /** An opening tag, not `</x>` nor `<x/>`. */
  readonly opening: boolean;
  /** A closing tag, `</x>`. */
  readonly closing: boolean;
}

/**
 * Walks `text` from `from` as Pandoc's inline parser meets its raw HTML, past escapes, code, math
 * and brackets (Pandoc reads a bracket's content on its own: a tag in `[a <pre> b](#x)`, or in any
 * balanced `[…]`, ends no paragraph; without a link Pandoc even drops it, with the text up to `]`).
 * `visit` is told where each `<` met starts and, for a tag, the tag; it stops the walk by
 * returning a value, which the walk returns.
 */
function walkRawHtml<T>(
  text: string,
  from: number,
  visit: (start: number, tag: string | undefined) => T | undefined,
  visitTex?: (start: number, end: number) => T | undefined,
): T | undefined {
  return inScan(() => {
    const special = /[\\`$<[]/g;
    for (let i = from; i < text.length; ) {
      special.lastIndex = i;
      const next = special.exec(text);
      if (!next) return undefined;
      i = next.index;
      const ch = text[i];
      if (ch === '\\') {
        const raw = rawTexEnd(text, i);
        const found = raw >= 0 && visitTex !== undefined ? visitTex(i, raw) : undefined;
        if (found !== undefined) return found;
        i = raw >= 0 ? raw : rawTexOrEscapeEnd(text, i);
      } else if (ch === '<') {
        const found = visit(i, htmlTagPattern.exec(text.slice(i, i + 2000))?.[0]);
        if (found !== undefined) return found;
        i = skipVerbatim(text, i);
      } else if (ch === '[') {
        const attempt = tryLink(text, i, () => undefined);
        const close = attempt.kind === 'link' ? -1 : matchingBracket(text, i);
        i = attempt.kind === 'link' ? attempt.link.end : close >= 0 ? close + 1 : i + 1;
      } else {
        i = skipVerbatim(text, i);
      }
    }
    return undefined;
  });
}

/** Raw TeX in a paragraph's text that ends the paragraph (see `endsParagraph` in `rawTex.ts`). */
export interface TexBlockStart {
  readonly tex: true;
  readonly start: number;
}

/**
 * The first tag from `from` on that `isBlockTag` accepts where Pandoc's inline parser meets it
 * (see `walkRawHtml`), or, with `texBreaks`, the first raw TeX after `from` that pandoc reads as a block. Pandoc reads
 * neither inline, so the paragraph ends before it, even in the middle of a line. (TeX at `from`
 * itself is where the block parser found no block: text.)
 */
export function firstBlockTag(text: string, from: number, isBlockTag: (name: string, closing: boolean) => boolean, texBreaks = true): HtmlTag | TexBlockStart | undefined {
  return walkRawHtml<HtmlTag | TexBlockStart>(
    text,
    from,
    (start, tag) => {
      const name = tag && /^<\/?([A-Za-z][A-Za-z0-9]*)/.exec(tag)![1].toLowerCase();
      if (!tag || !name || !isBlockTag(name, tag[1] === '/')) return undefined;
      const closing = tag[1] === '/';
      return { start, end: start + tag.length, name, opening: !closing && !tag.endsWith('/>'), closing };
    },
    texBreaks ? (start) => (start > from && texEndsParagraph(text, start) ? { tex: true, start } : undefined) : undefined,
  );
}

/** Whether `text` ends inside a comment that Pandoc's inline parser meets (see `walkRawHtml`): one it opens and does not close. */
export function endsInComment(text: string): boolean {
  return unclosedCommentStart(text) >= 0;
}

/** Where the comment starts that `text` opens and does not close (see `endsInComment`), or -1. */
export function unclosedCommentStart(text: string): number {
  return walkRawHtml(text, 0, (start) => (text.startsWith('<!--', start) && htmlOrAutolinkEnd(text, start) < 0 ? start : undefined)) ?? -1;
}

/** A footnote reference `[^label]`: Pandoc puts the note's content, and so its links, here. */
export interface NoteReference {
  readonly note: string;
  readonly start: number;
}

/**
 * An element with an attribute block right after it: `[text]{#id}`, `` `code`{.lang} ``,
 * `[label](url){#id}`, `<https://…>{#id}`, `![text](image){width=50%}`.
 */
export interface ScannedElement {
  readonly element: 'span' | 'code' | 'link' | 'image';
  /** The block, with the id when it gives one. */
  readonly attributes: AttributeBlock;
  /** The whole element, attribute block included. */
  readonly start: number;
  readonly end: number;
  /** Its text: between the brackets, or the code. */
  readonly labelStart: number;
  readonly labelEnd: number;
}

/** An image whose target a reference definition gives (`![r]` with `[r]: p.png {#id}`): Pandoc gives it the definition's attributes. */
export interface ReferencedImage {
  readonly imageReference: ResolvedReference;
  readonly start: number;
  readonly end: number;
  readonly labelStart: number;
  readonly labelEnd: number;
}

/** A link written so that the book shows it otherwise, with offsets into the scanned text (see the model's `TextLink`). */
export interface TextLinkScan {
  readonly textLink: 'blankBeforeTarget' | 'doubleBrackets' | 'noText' | 'reference';
  readonly start: number;
  readonly end: number;
  readonly labelStart: number;
  readonly labelEnd: number;
  readonly target: string;
  /** Where the blanks between `]` and `(` end (blankBeforeTarget). */
  readonly gapEnd: number;
}

export type ScannedInline = ScannedLink | NoteReference | ScannedElement | ReferencedImage | TextLinkScan;

/** A blank (or a line break) between a label's `]` and a target `(#…)`, which makes both text. */
const blankBeforeTarget = /(?:[ \t]+|[ \t]*\n[ \t]*)\(#([^\s()]*)\)/y;

/** Double brackets around text without blanks at its ends: a wiki link (`[[Web-Crawling]]`, `[[Data Scraping]]`). */
const doubleBracketed = /^\[([^\s[\]](?:[^[\]]*[^\s[\]])?)\]$/;

/** Whether a part of the text holds blanks alone (or nothing); most labels tell at their first character. */
function isBlank(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!/\s/.test(text[i]!)) return false;
  return true;
}

/** A reference's key written as an id is (no blanks, no brackets): only such a key may be an id meant (see `TextLinkScan`). */
const idLikeKey = /^[^\s[\]()]+$/;

/** A citation's brackets (`[@key]`, `[see @key, p. 3]`), which are no link meant. */
const citation = /(?:^|[\s;-])@[\p{L}\p{N}_{]/u;

/**
 * Brackets at `open` closing at `labelEnd` that make no link, or only one with their label alone (a
 * heading titled so: `withLink`), but were likely meant as one (see `TextLinkScan`).
 */
function textLinkAt(text: string, open: number, labelEnd: number, withLink = false): TextLinkScan | undefined {
  if (citation.test(text.slice(open + 1, labelEnd))) return undefined;
  blankBeforeTarget.lastIndex = labelEnd + 1;
  const target = blankBeforeTarget.exec(text);
  if (target !== null) {
    return { textLink: 'blankBeforeTarget', start: open, end: blankBeforeTarget.lastIndex, labelStart: open + 1, labelEnd, target: target[1]!, gapEnd: text.indexOf('(', labelEnd + 1) };
  }
  // In a word or a URL (`…/wiki/[[Web-Crawling]]`), double brackets are the writer's text.
  const inWord = /[^\s(„"'“«‚*_]/u.test(text[open - 1] ?? ' ');
  const inner = withLink || inWord ? null : doubleBracketed.exec(text.slice(open + 1, labelEnd));
  if (inner !== null) return { textLink: 'doubleBrackets', start: open, end: labelEnd + 1, labelStart: open + 2, labelEnd: labelEnd - 1, target: inner[1]!, gapEnd: labelEnd + 1 };
  // `[Web-Crawling]`, a reference no definition gives: an id meant, where a heading gives it (the check tells).
  const key = text.slice(open + 1, labelEnd);
  return withLink || inWord || !idLikeKey.test(key) ? undefined : { textLink: 'reference', start: open, end: labelEnd + 1, labelStart: open + 1, labelEnd, target: key, gapEnd: labelEnd + 1 };
}

/** `[label][key]` or `[label][]` that no definition gives, with a key written as an id is (see `textLinkAt`). */
function referenceAsText(text: string, open: number, attempt: { readonly labelEnd: number; readonly keyStart: number; readonly end: number }): TextLinkScan | undefined {
  const written = text.slice(attempt.keyStart + 1, attempt.end - 1);
  const key = written === '' ? text.slice(open + 1, attempt.labelEnd) : written;
  if (!idLikeKey.test(key) || citation.test(key)) return undefined;
  return { textLink: 'reference', start: open, end: attempt.end, labelStart: open + 1, labelEnd: attempt.labelEnd, target: key, gapEnd: attempt.end };
}

/** Every link, note reference and element with attributes in `text` (one paragraph or heading), in document order. */
export function scanInline(text: string, resolve: ReferenceResolver, linksAllowed = true): ScannedInline[] {
  const found: ScannedInline[] = [];
  inScan(() => scanInlineBetween(text, 0, text.length, resolve, found, linksAllowed));
  return found;
}

/**
 * How deep labels are read inside labels (an image in a link's label in an image's …). Deeper ones
 * are not read (thousands of nested `![a` would overflow the stack): no writer nests labels so.
 */
const maxLabelNesting = 100;
let labelNesting = 0;

function scanInlineBetween(text: string, from: number, to: number, resolve: ReferenceResolver, found: ScannedInline[], linksAllowed = true): void {
  // Parts read on their own see only their own text, as in Pandoc's `parseFromString`.
  if (from !== 0 || to !== text.length) {
    if (labelNesting >= maxLabelNesting) return;
    labelNesting++;
    try {
      for (const item of scanInline(text.slice(from, to), resolve, linksAllowed)) found.push(shiftInline(item, from));
    } finally {
      labelNesting--;
    }
    return;
  }
  const special = /[\\`$<[!]/g;
  for (let i = 0; i < text.length; ) {
    // Jump to the next character that can start something other than plain text.
    special.lastIndex = i;
    const next = special.exec(text);
    if (!next) break;
    i = next.index;
    const ch = text[i];
    const note = ch === '[' && text[i + 1] === '^' ? noteReferenceAt(text, i) : null;
    if (note) {
      found.push({ note: note[1], start: i });
      i += note[0].length;
    } else if (ch === '\\') {
      i = rawTexOrEscapeEnd(text, i);
    } else if (ch === '`' || ch === '$' || ch === '<') {
      const end = skipVerbatim(text, i);
      // Code and autolinks take an attribute block; raw code (`{=html}`) a format.
      const attributes = ch !== '$' && end > i + 1 && text[end] === '{' ? parseAttributeBlock(text, end) : undefined;
      if (attributes && ch === '`') {
        const ticks = runLength(text, i, '`');
        found.push({ element: 'code', attributes, start: i, end: attributes.end, labelStart: i + ticks, labelEnd: end - ticks });
      } else if (attributes && linksAllowed && autolinkPattern.test(text.slice(i, end))) {
        found.push({ element: 'link', attributes, start: i, end: attributes.end, labelStart: i + 1, labelEnd: end - 1 });
      } else if (ch === '<') {
        // Its content is read on in place, as a bracketed span's is.
        const span = htmlSpanAt(text, i, end);
        if (span !== undefined) found.push(span);
      }
      i = attributes?.end ?? (ch === '`' ? rawFormatEnd(text, end) : end);
    } else if (ch === '[' && inlineNoteOpensAt(text, i)) {
      // `^[…]`: an inline note, whose text may hold links; what follows its `]` is read on.
      const close = matchingBracket(text, i);
      scanInlineBetween(text, i + 1, close, resolve, found, linksAllowed);
      i = close + 1;
    } else if (ch === '[' || (ch === '!' && text[i + 1] === '[')) {
      const image = ch === '!';
      const open = image ? i + 1 : i;
      const attempt = tryLink(text, open, resolve);
      if (attempt.kind === 'link' && image) {
        // An image's description is read with links, a link's label without.
        const { link, attributes } = attempt;
        if (attributes) found.push({ element: 'image', attributes, start: i, end: link.end, labelStart: link.labelStart, labelEnd: link.labelEnd });
        else if (link.reference) found.push({ imageReference: link.reference, start: i, end: link.end, labelStart: link.labelStart, labelEnd: link.labelEnd });
        scanInlineBetween(text, link.labelStart, link.labelEnd, resolve, found, linksAllowed);
        i = link.end;
      } else if (attempt.kind === 'link' && linksAllowed) {
        const { link, attributes } = attempt;
        found.push(link);
        if (isBlank(text, link.labelStart, link.labelEnd)) {
          found.push({ textLink: 'noText', start: link.start, end: link.end, labelStart: link.labelStart, labelEnd: link.labelEnd, target: link.url.startsWith('#') ? link.url.slice(1) : '', gapEnd: link.end });
        } else if (link.reference?.kind === 'implicitHeading' && link.end === link.labelEnd + 1) {
          // `[Heading text] (#Id)`: the label links the heading, the target is text after it.
          const textLink = textLinkAt(text, open, link.labelEnd, true);
          if (textLink !== undefined) found.push(textLink);
        }
        if (attributes) found.push({ element: 'link', attributes, start: i, end: link.end, labelStart: link.labelStart, labelEnd: link.labelEnd });
        scanInlineBetween(text, link.labelStart, link.labelEnd, resolve, found, false);
        i = link.end;
      } else if (attempt.kind === 'unresolved' && linksAllowed) {
        const reference = image ? undefined : referenceAsText(text, open, attempt);
        if (reference !== undefined) found.push(reference);
        scanInlineBetween(text, open + 1, attempt.labelEnd, resolve, found);
        // The key's brackets are told of with the label's.
        scanWithoutTextLinks(text, attempt.keyStart, attempt.end, resolve, found, true);
        i = attempt.end;
      } else {
        // A span's content, or a bracket that opens nothing, is read on in place. (`![x]{#s}` is no span.)
        if (attempt.kind === 'span' && !image) found.push({ element: 'span', attributes: attempt.attributes, start: open, end: attempt.attributes.end, labelStart: open + 1, labelEnd: attempt.labelEnd });
        const textLink = attempt.kind === 'none' && attempt.labelEnd !== undefined && linksAllowed && !image ? textLinkAt(text, open, attempt.labelEnd) : undefined;
        if (textLink !== undefined) found.push(textLink);
        if (textLink?.textLink === 'doubleBrackets') {
          // The inner brackets are reported with the outer ones; a link they make (a heading titled so) is read.
          scanWithoutTextLinks(text, open + 1, textLink.end - 1, resolve, found, linksAllowed);
          i = textLink.end;
        } else {
          i = open + 1;
        }
      }
    } else {
      i++;
    }
  }
}

/** `scanInlineBetween`, leaving out the links written otherwise than meant: brackets told of with the brackets around them. */
function scanWithoutTextLinks(text: string, from: number, to: number, resolve: ReferenceResolver, found: ScannedInline[], linksAllowed: boolean): void {
  const inner: ScannedInline[] = [];
  scanInlineBetween(text, from, to, resolve, inner, linksAllowed);
  for (const item of inner) if (!('textLink' in item)) found.push(item);
}

/**
 * Whether the `[` at `open` begins an inline note (`^[…]`, closed in the text): after a `^` that is
 * not escaped and that neither opens a superscript (`^[a]^`) nor closes one (`2^10^[A](#A)` is a
 * superscript and a link). Pandoc tries a superscript first.
 */
function inlineNoteOpensAt(text: string, open: number): boolean {
  const caret = open - 1;
  if (text[caret] !== '^' || matchingBracket(text, open) < 0 || escapedAt(text, caret)) return false;
  return !superscriptClosers(text).has(caret) && superscriptEnd(text, caret) < 0;
}

/** Whether the character at `at` is escaped by an odd run of backslashes before it. */
function escapedAt(text: string, at: number): boolean {
  let backslashes = 0;
  while (text[at - 1 - backslashes] === '\\') backslashes++;
  return backslashes % 2 === 1;
}

let superscriptText: string | undefined;
let closers = new Set<number>();

/**
 * The `^`s of a text that close a superscript, met left to right as Pandoc meets them: a `^`
 * opens one where `superscriptEnd` finds its end (not the `^` of a note reference `[^1]`), and an
 * inline note that is none is passed whole. Worked out once per text.
 */
function superscriptClosers(text: string): ReadonlySet<number> {
  if (text === superscriptText) return closers;
  superscriptText = text;
  closers = new Set();
  for (let i = text.indexOf('^'); i >= 0; ) {
    let next = i + 1;
    if (!escapedAt(text, i) && text[i - 1] !== '[') {
      const end = superscriptEnd(text, i);
      const close = end < 0 && text[i + 1] === '[' ? matchingBracket(text, i + 1) : -1;
      if (end >= 0) closers.add(end);
      next = end >= 0 ? end + 1 : close > 0 ? close + 1 : next;
    }
    i = text.indexOf('^', next);
  }
  return closers;
}

/**
 * Where the superscript that the `^` at `caret` opens is closed (its closing `^`), or -1: Pandoc
 * reads inlines up to the next `^`, none of them starting with a blank. A bracketed text, a link's
 * destination and code are one inline each, blanks and all.
 */
function superscriptEnd(text: string, caret: number): number {
  for (let j = caret + 1; j < text.length; ) {
    const ch = text[j]!;
    if (ch === '^') return j > caret + 1 ? j : -1;
    if (whiteSpace.test(ch)) return -1;
    if (ch === '\\') {
      j += 2;
    } else if (ch === '[' && matchingBracket(text, j) > 0) {
      j = matchingBracket(text, j) + 1;
      if (text[j] === '(') {
        const close = text.indexOf(')', j);
        j = close < 0 ? j : close + 1;
      }
    } else if (ch === '`') {
      const end = codeSpanEnd(text, j);
      j = end < 0 ? j + 1 : end;
    } else {
      j++;
    }
  }
  return -1;
}

/**
 * The raw HTML span with an id that opens at `start` (`<span id="x">…</span>`, the tag ending at
 * `end`): Pandoc reads it as a span when its closing tag follows in the same text.
 */
function htmlSpanAt(text: string, start: number, end: number): ScannedElement | undefined {
  if (!/^<span[\s>]/i.test(text.slice(start, start + 6)) || text[end - 2] === '/') return undefined;
  const attributes = htmlTagAttributes(text.slice(start, end), start);
  const close = attributes.id ? closingSpanTags(text).get(start) : undefined;
  return close === undefined ? undefined : { element: 'span', attributes, start, end: close.end, labelStart: end, labelEnd: close.start };
}

let pairedText: string | undefined;
let spanCloses = new Map<number, { readonly start: number; readonly end: number }>();

/**
 * The span tags of a text, met as Pandoc's inline parser meets raw HTML (past code, math,
 * escapes and brackets), paired in order: by where an opening tag starts, its closing tag. Pandoc
 * reads a span's content as inlines, so a `</span>` inside emphasis that runs past it
 * (`<span id="x">b *c</span> d*`) closes nothing there; such crossings are not looked at. Worked
 * out once per text (a scan asks at each `<span` of it), so that many spans left open do not each
 * look through the rest of the text.
 */
function closingSpanTags(text: string): ReadonlyMap<number, { readonly start: number; readonly end: number }> {
  if (text !== pairedText) {
    pairedText = text;
    spanCloses = new Map();
    const open: number[] = [];
    walkRawHtml(text, 0, (start, tag) => {
      if (tag === undefined || !/^<\/?span[\s>/]/i.test(tag)) return undefined;
      if (tag[1] === '/') {
        const opening = open.pop();
        if (opening !== undefined) spanCloses.set(opening, { start, end: start + tag.length });
      } else if (!tag.endsWith('/>')) {
        open.push(start);
      }
      return undefined;
    });
  }
  return spanCloses;
}

/** Where the attribute block at `end` ends, if one is there. */
function attributesAfter(text: string, end: number): number | undefined {
  return text[end] === '{' ? parseAttributeBlock(text, end)?.end : undefined;
}

/** Where the raw-format block after code ends (`` `<b>`{=html} ``), or `end` when none follows. */
function rawFormatEnd(text: string, end: number): number {
  const format = text[end] === '{' ? /^\{=[^\s{}]+\}/.exec(text.slice(end, end + 100)) : null;
  return format ? end + format[0].length : end;
}

/**
 * Where the attribute blocks of the code, links, images and spans of `text` start
 * (`## Logo ![x](l.png){#logo}`): such a block is not a heading's, whose text runs on to the
 * line's end. Only a block right after `]`, `)`, `>` or a backtick can be one.
 */
export function elementAttributeStarts(text: string): ReadonlySet<number> {
  const starts = new Set<number>();
  for (const found of scanInline(text, () => undefined)) if ('element' in found) starts.add(found.attributes.start);
  return starts;
}

function shiftInline(item: ScannedInline, by: number): ScannedInline {
  if ('note' in item) return { ...item, start: item.start + by };
  if ('element' in item) {
    return { ...item, attributes: shiftAttributes(item.attributes, by), start: item.start + by, end: item.end + by, labelStart: item.labelStart + by, labelEnd: item.labelEnd + by };
  }
  if ('imageReference' in item) {
    return { ...item, start: item.start + by, end: item.end + by, labelStart: item.labelStart + by, labelEnd: item.labelEnd + by };
  }
  if ('textLink' in item) {
    return { ...item, start: item.start + by, end: item.end + by, labelStart: item.labelStart + by, labelEnd: item.labelEnd + by, gapEnd: item.gapEnd + by };
  }
  return shiftLink(item, by);
}

function shiftLink(link: ScannedLink, by: number): ScannedLink {
  const shift = (offset: number | undefined) => (offset === undefined ? undefined : offset + by);
  return {
    ...link,
    start: link.start + by,
    end: link.end + by,
    labelStart: link.labelStart + by,
    labelEnd: link.labelEnd + by,
    urlStart: shift(link.urlStart),
    urlEnd: shift(link.urlEnd),
  };
}

/**
 * The text of inline markup as Pandoc's `stringify` reads it (with the `smart` extension): markup
 * removed, escapes and character references resolved, link labels kept, notes and raw HTML dropped.
 */
export function plainText(text: string, resolve: ReferenceResolver, linksAllowed = true): string {
  // Labels nested deeper than they are scanned (see `maxLabelNesting`) are kept as they are written.
  if (labelNesting >= maxLabelNesting) return text;
  labelNesting++;
  try {
    return inScan(() => plainTextOf(text, resolve, linksAllowed));
  } finally {
    labelNesting--;
  }
}

const blankRun = /[ \t\n]+/g;

/** The characters where `plainTextOf` may do more than copy the text. */
const plainTextStop = /[\\`$<&^[!\n\-.*_~]/g;

function plainTextOf(text: string, resolve: ReferenceResolver, linksAllowed: boolean): string {
  // Parts joined at the end: appending to one string a character at a time is slow for long texts.
  const parts: string[] = [];
  let outLength = 0;
  /** Whether the output ends in a space of prose, which a blank that follows joins. */
  let endsInBlank = false;
  const emit = (part: string): void => {
    parts.push(part);
    outLength += part.length;
    endsInBlank = false;
  };
  // Pandoc reads a run of blanks and line ends between words as one space (code and math keep theirs).
  const emitProse = (part: string): void => {
    let collapsed = part.replace(blankRun, ' ');
    if (endsInBlank && collapsed.startsWith(' ')) collapsed = collapsed.slice(1);
    if (collapsed === '') return;
    emit(collapsed);
    endsInBlank = collapsed.endsWith(' ');
  };
  // Where each `*`, `_` or `~` of the output stands in `text`: emphasis is judged on the source.
  const delimiters = new Map<number, number>();
  for (let i = 0; i < text.length; ) {
    const ch = text[i];
    if (ch === '\\') {
      const next = text[i + 1];
      const raw = rawTexEnd(text, i);
      if (raw >= 0) {
        // Raw TeX gives no text.
        i = raw;
      } else if (next !== undefined && asciiPunctuation.test(next)) {
        emit(next);
        i += 2;
      } else if (next === '\n') {
        emitProse(' '); // a hard line break
        i += 2;
      } else if (next === ' ') {
        emit('\u00a0'); // an escaped space is a no-break space
        i += 2;
      } else {
        emit(ch);
        i++;
      }
    } else if (ch === '`') {
      const end = codeSpanEnd(text, i);
      if (end < 0) {
        emit(ch);
        i++;
      } else {
        const n = runLength(text, i, '`');
        const raw = rawFormatEnd(text, end);
        // Raw code (`` `<b>`{=html} ``) is no text; an attribute block after code is not either.
        if (raw === end) emit(text.slice(i + n, end - n).trim());
        i = raw > end ? raw : (attributesAfter(text, end) ?? end);
      }
    } else if (ch === '$') {
      const end = mathEnd(text, i);
      if (end < 0) {
        emit(ch);
        i++;
      } else {
        const fence = text.startsWith('$$', i) ? 2 : 1;
        const math = text.slice(i + fence, end - fence);
        // Inline math joins its blanks into one space; display math keeps them.
        emit(fence === 1 ? math.replace(blankRun, ' ') : math);
        i = end;
      }
    } else if (ch === '<') {
      const end = htmlOrAutolinkEnd(text, i);
      if (end < 0) {
        emit(ch);
        i++;
      } else {
        const autolink = autolinkPattern.test(text.slice(i, end));
        if (autolink) emit(text.slice(i + 1, end - 1));
        // Pandoc's stringify reads raw HTML beginning with `<br` (case matters) as a blank.
        else if (text.startsWith('<br', i)) emit(' ');
        i = (autolink ? attributesAfter(text, end) : undefined) ?? end;
      }
    } else if (ch === '&') {
      const ref = characterReference(text, i);
      emit(ref ? ref.value : ch);
      i = ref ? ref.end : i + 1;
    } else if (ch === '^' && text[i + 1] === '[' && inlineNoteOpensAt(text, i + 1)) {
      i = matchingBracket(text, i + 1) + 1; // an inline note: stringify drops it
    } else if (ch === '[' || (ch === '!' && text[i + 1] === '[')) {
      const open = ch === '!' ? i + 1 : i;
      // Inside a link's label Pandoc reads no links: a nested one stays text. An image it reads.
      const attempt: LinkAttempt = linksAllowed || ch === '!' ? tryLink(text, open, resolve) : { kind: 'none' };
      const close = matchingBracket(text, open);
      const span = ch !== '!' && close > 0 && text[close + 1] === '{' ? parseAttributeBlock(text, close + 1) : undefined;
      if (attempt.kind === 'link') {
        // An image's description may hold links, a link's label not (nor an image's in a link's label).
        emit(plainText(text.slice(attempt.link.labelStart, attempt.link.labelEnd), resolve, ch === '!' && linksAllowed));
        i = attempt.link.end;
      } else if (attempt.kind === 'unresolved') {
        emit((ch === '!' ? '![' : '[') + plainText(text.slice(open + 1, attempt.labelEnd), resolve, linksAllowed) + ']');
        emit(plainText(text.slice(attempt.keyStart, attempt.end), resolve, linksAllowed));
        i = attempt.end;
      } else if (span) {
        emit(plainText(text.slice(open + 1, close), resolve, linksAllowed));
        i = span.end;
      } else {
        emit(ch === '!' ? '![' : '[');
        i = open + 1;
      }
    } else if (ch === '\n') {
      emitProse(' ');
      i++;
    } else if (ch === '-' && text[i + 1] === '-') {
      // Smart dashes, read left to right: `---` is an em dash, `--` an en dash.
      const em = text[i + 2] === '-';
      emit(em ? '—' : '–');
      i += em ? 3 : 2;
    } else if (ch === '.' && text.startsWith('...', i)) {
      emit('…');
      i += 3;
    } else if (ch === '*' || ch === '_' || ch === '~') {
      delimiters.set(i, outLength);
      emit(ch);
      i++;
    } else {
      // Plain text up to the next character that may need one of the branches above.
      plainTextStop.lastIndex = i + 1;
      const stop = plainTextStop.exec(text)?.index ?? text.length;
      emitProse(text.slice(i, stop));
      i = stop;
    }
  }
  const out = parts.join('');
  if (delimiters.size === 0) return out;
  // `*` and `_` pair as Pandoc's emphasis parser pairs them; `~~` as strikeout.
  const paired = [...emphasisDelimiters(text, resolve), ...strikeoutDelimiters(text, (offset) => delimiters.has(offset))];
  const removed = new Set(paired.flatMap((offset) => (delimiters.has(offset) ? [delimiters.get(offset)!] : [])));
  if (removed.size === 0) return out;
  const kept: string[] = [];
  for (let k = 0; k < out.length; k++) if (!removed.has(k)) kept.push(out[k]);
  return kept.join('');
}

/**
 * The `~~` runs that Pandoc reads as strikeout delimiters (among the offsets `isDelimiter`
 * accepts): an opener not followed by white space, a closer not preceded by it.
 */
function strikeoutDelimiters(text: string, isDelimiter: (offset: number) => boolean): number[] {
  const paired: number[] = [];
  /** The runs that opened a strikeout not closed yet, the innermost last. */
  const openers: { pos: number; len: number }[] = [];
  for (let i = text.indexOf('~~'); i >= 0; ) {
    if (!isDelimiter(i) || !isDelimiter(i + 1)) {
      i = text.indexOf('~~', i + 1);
      continue;
    }
    let len = 2;
    while (text[i + len] === '~' && isDelimiter(i + len)) len++;
    const opener = openers.length > 0 && !whiteSpace.test(text[i - 1] ?? ' ') ? openers.pop() : undefined;
    if (opener !== undefined) {
      for (let k = 0; k < opener.len; k++) paired.push(opener.pos + k);
      for (let k = 0; k < len; k++) paired.push(i + k);
    } else if (!whiteSpace.test(text[i + len] ?? ' ')) {
      openers.push({ pos: i, len });
    }
    i = text.indexOf('~~', i + len);
  }
  return paired;
}

/**
 * Where the first run of `*` or `_` starts that Pandoc's emphasis parser, reading `text` (a
 * heading's text before its attribute block), cannot close; -1 when it closes every run. Its
 * `enclosure` then reads everything up to the line's end as the emphasis' content, the attribute
 * block too, and gives it all back as text, so the block is no attribute block. The closing rules
 * follow Pandoc's `one`, `two` and `three`: a run of three closes with three, or with two and
 * then one, or one and then two; `**a*` and `*a**` stay open. Code, math, raw HTML, escapes and
 * links are read as one piece each.
 */
export function unclosedEmphasisStart(text: string): number {
  if (!/[*_]/.test(text)) return -1;
  const reader = new EnclosureReader(text);
  return withTexPairs(() => {
    try {
      for (let i = 0; i < text.length; ) i = reader.inline(i);
      return -1;
    } catch (error) {
      if (error === swallowed) return reader.outermostOpenRun();
      throw error;
    }
  });
}

/**
 * The offsets of the `*` and `_` that Pandoc's emphasis parser reads as delimiters of emphasis or
 * strong emphasis, outside links (`plainText` reads a link's label apart).
 */
function emphasisDelimiters(text: string, resolve: ReferenceResolver): Set<number> {
  const reader = new EnclosureReader(text, resolve, new Set());
  reader.readAll(0, text.length);
  return reader.paired!;
}

/** Thrown where an enclosure fails: it has read to the end of the text, and so has every enclosure around it. */
const swallowed = Symbol('the rest of the text is an unclosed emphasis');

/**
 * How deep enclosures are read inside each other. Deeper ones are taken as never closed (a heading
 * of thousands of `**a *b` would otherwise overflow the stack): no writer nests emphasis so.
 */
const maxEnclosureDepth = 100;

/** Pandoc's reading of `*` and `_` runs (see `unclosedEmphasisStart`). */
class EnclosureReader {
  /** Where the runs being read start, outermost first. */
  private readonly openRuns: number[] = [];
  /** Where the last word or closed enclosure ended: a `_` there opens nothing (Pandoc's `notAfterString`). */
  private lastStrEnd = -1;
  /** Where the text being read ends: the whole text's end, or bracketed text's. */
  private limit: number;
  /** How many bracketed texts are being read inside each other. */
  private bracketDepth = 0;

  constructor(
    private readonly text: string,
    private readonly resolve: ReferenceResolver = () => undefined,
    /** When given, the offsets of the delimiters of the enclosures that close are added to it. */
    readonly paired?: Set<number>,
  ) {
    this.limit = text.length;
  }

  /**
   * Reads the inlines from `start` to `end` (bracketed text, read apart from the text around it as
   * Pandoc does): an enclosure left open there ends with it.
   */
  readAll(start: number, end: number): void {
    const [outerLimit, outerRuns] = [this.limit, this.openRuns.length];
    this.limit = end;
    try {
      for (let i = start; i < end; ) i = this.inline(i);
    } catch (error) {
      if (error !== swallowed) throw error;
      this.openRuns.length = outerRuns;
    } finally {
      this.limit = outerLimit;
    }
  }

  /** Where the inline element at `i` ends. */
  inline(i: number): number {
    const { text } = this;
    const ch = text[i];
    if (ch === '\\') return rawTexOrEscapeEnd(text, i);
    if (ch === '`' || ch === '$' || ch === '<') return skipVerbatim(text, i);
    if (ch === '[' || (ch === '!' && text[i + 1] === '[')) return this.bracketed(ch === '!' ? i + 1 : i);
    if (ch === '*' || ch === '_') return this.enclosure(i, ch);
    // An ellipsis (the smart extension's) is no word; a word is letters, digits and single dots (`a.`).
    if (ch === '.' && text.startsWith('...', i)) return i + 3;
    if (this.wordCharacter(i)) {
      let end = i + 1;
      while (end < this.limit && this.wordCharacter(end)) end++;
      return (this.lastStrEnd = end);
    }
    return i + 1;
  }

  /**
   * Where the bracketed text at `open` ends. A link is one piece (its label is plain text's own
   * concern). So is any other balanced `[…]`, a span or an unresolved reference, whose inside Pandoc
   * reads apart: an emphasis opened there closes there or not at all (`[*.md]` opens none around it).
   * A note's reference `[^1]` is one piece; `[^ x]` and `[@x]` are characters.
   */
  private bracketed(open: number): number {
    const { text } = this;
    if (text[open + 1] === '^') return open + (noteReferenceAt(text, open)?.[0].length ?? 1);
    if (text[open + 1] === '@') return open + 1;
    const attempt = tryLink(text, open, this.resolve);
    if (attempt.kind === 'link') return attempt.link.end;
    const close = attempt.kind === 'none' ? matchingBracket(text, open) : attempt.labelEnd;
    if (close < 0 || close >= this.limit) return open + 1;
    // Brackets nested deeper than enclosures are read are not read inside (see `maxEnclosureDepth`).
    if (this.bracketDepth < maxEnclosureDepth) {
      this.bracketDepth++;
      this.readAll(open + 1, close);
      this.bracketDepth--;
    }
    return attempt.kind === 'span' ? attempt.attributes.end : close + 1;
  }

  /** Whether the character at `i` belongs to a word (Pandoc's `str`): a letter, a digit, or a dot before no dot. */
  private wordCharacter(i: number): boolean {
    const ch = this.text[i];
    return ch === '.' ? this.text[i + 1] !== '.' : alphaNumeric.test(ch);
  }

  private enclosure(i: number, c: string): number {
    const { text } = this;
    // Right after a word (intraword underscores) or a closed enclosure, a `_` opens nothing: it is
    // one character of text, and the next `_` of the run may open.
    if (c === '_' && i === this.lastStrEnd) return i + 1;
    let end = i;
    while (end < this.limit && text[end] === c) end++;
    // A run before white space, or of four or more, is text.
    if (whiteSpace.test(text[end] ?? '') || end - i > 3) return end;
    this.openRuns.push(i);
    if (this.openRuns.length > maxEnclosureDepth) throw swallowed;
    const closed = end - i === 3 ? this.three(i, c) : end - i === 2 ? this.two(end, c, i) : this.one(end, c, i);
    this.openRuns.pop();
    return closed;
  }

  outermostOpenRun(): number {
    return this.openRuns[0] ?? -1;
  }

  /** Whether `n` of `c` stand at `k` and may close (`_` not before a letter or digit). */
  private ender(k: number, c: string, n: number): boolean {
    if (k + n > this.limit) return false;
    for (let j = 0; j < n; j++) if (this.text[k + j] !== c) return false;
    return c === '*' || !alphaNumeric.test(this.text[k + n] ?? '');
  }

  private contentsUntil(k: number, c: string, n: number): number {
    while (!this.ender(k, c, n)) {
      if (k >= this.limit) throw swallowed;
      k = this.inline(k);
    }
    return k;
  }

  /** An emphasis whose content starts at `k`, opened by the `c` at `opener`. */
  private one(k: number, c: string, opener: number): number {
    for (;;) {
      k = this.contentsUntil(k, c, 1);
      // A strong inside the emphasis (`*a **b** c*`), when the pair is not followed by the closer.
      if (this.text[k + 1] === c && !this.ender(k + 2, c, 1)) k = this.two(k + 2, c, k);
      else return this.closedAt(k + 1, opener, 1);
    }
  }

  /** A strong emphasis whose content starts at `k`, opened by the two `c` at `opener`. */
  private two(k: number, c: string, opener: number): number {
    return this.closedAt(this.contentsUntil(k, c, 2) + 2, opener, 2);
  }

  /** The enclosures opened by the three `c` at `opener`: both at once, or the inner one and then the outer. */
  private three(opener: number, c: string): number {
    const k = this.contentsUntil(opener + 3, c, 1);
    if (this.ender(k, c, 3)) return this.closedAt(k + 3, opener, 3);
    return this.ender(k, c, 2) ? this.one(this.closedAt(k + 2, opener + 1, 2), c, opener) : this.two(this.closedAt(k + 1, opener + 2, 1), c, opener);
  }

  /**
   * The enclosure opened by the `n` delimiters at `opener` closes with the `n` before `end`. Each
   * closing delimiter counts as the end of a word for the `_` after it (Pandoc's `updateLastStrPos`).
   */
  private closedAt(end: number, opener: number, n: number): number {
    for (let j = 0; j < n && this.paired !== undefined; j++) this.paired.add(opener + j).add(end - n + j);
    return (this.lastStrEnd = end);
  }
}

