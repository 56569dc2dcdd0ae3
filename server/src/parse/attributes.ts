import { characterReference } from './characterReferences';
import { rememberedLastIndexOf } from './lastIndex';
import type { Attributes, IdAfterHash } from './model';

/** A Pandoc attribute block found at the end of a heading line. */
export interface AttributeBlock extends Attributes {
  /** Offset of `{` in the scanned text. */
  readonly start: number;
  /** Offset just after `}`. */
  readonly end: number;
  /** Offsets of the id text inside the block, where it is written as it reads (`#id`, `id="id"`). */
  readonly idStart: number | undefined;
  readonly idEnd: number | undefined;
  /** How the id is written as `#id` (see `Anchor.idAfterHash`); undefined for `id=…` and none. */
  readonly idAfterHash: IdAfterHash | undefined;
}

/** Where the last `}` of a text is (-1 when none). */
const lastClosingBraceIn = rememberedLastIndexOf('}');

/** The block with its offsets moved by `by` (read from a slice of the text they refer to). */
export function shiftAttributes(block: AttributeBlock, by: number): AttributeBlock {
  const shift = (at: number | undefined) => (at === undefined ? undefined : at + by);
  return { ...block, start: block.start + by, end: block.end + by, idStart: shift(block.idStart), idEnd: shift(block.idEnd) };
}

const letter = /\p{L}/u;
const identifierChar = /[\p{L}\p{N}\-_:.]/u;

/** Whether a code point is a letter; ASCII without the regular expression, which is costly per character. */
function isLetter(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
  return letter.test(String.fromCodePoint(cp));
}

/** Whether a code point may follow an identifier's first letter: letters, digits and `-_:.`. */
function isIdentifierChar(cp: number): boolean {
  if (cp < 0x80) return isLetter(cp) || (cp >= 0x30 && cp <= 0x39) || cp === 0x2d || cp === 0x5f || cp === 0x3a || cp === 0x2e;
  return identifierChar.test(String.fromCodePoint(cp));
}

/**
 * Reads a Pandoc identifier (`first <- letter; rest <- many (alphaNum <|> oneOf "-_:.")`)
 * at `pos`, returning its end or -1.
 */
function readIdentifier(text: string, pos: number): number {
  const first = text.codePointAt(pos);
  if (first === undefined || !isLetter(first)) return -1;
  let i = pos + (first > 0xffff ? 2 : 1);
  while (i < text.length) {
    const cp = text.codePointAt(i)!;
    if (!isIdentifierChar(cp)) break;
    i += cp > 0xffff ? 2 : 1;
  }
  return i;
}

/** Whether a name is one pandoc reads after `#` or `.` in an attribute block: a letter, then letters, digits and `-_:.`. */
export function isAttributeName(name: string): boolean {
  return readIdentifier(name, 0) === name.length;
}

function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';
}

/**
 * Parses a Pandoc attribute block `{#id .class key=value -}` starting at `start` (which must be
 * `{`). Returns undefined when the text there is not a valid block, as Pandoc would then read it
 * as ordinary text.
 */
export function parseAttributeBlock(text: string, start: number): AttributeBlock | undefined {
  // Without a `}` after it no block closes: many `{` in a long text would each be read to its end.
  if (text[start] !== '{' || start > lastClosingBraceIn(text)) return undefined;
  let i = start + 1;
  let id: string | undefined;
  let idStart: number | undefined;
  let idEnd: number | undefined;
  let idAfterHash: IdAfterHash | undefined;
  const classes: string[] = [];
  const keyValues: [string, string][] = [];
  const skipSpaces = () => {
    while (isSpace(text[i])) i++;
  };
  skipSpaces();
  while (i < text.length && text[i] !== '}') {
    const ch = text[i];
    if (ch === '#' || ch === '.') {
      const end = readIdentifier(text, i + 1);
      if (end < 0) return undefined;
      const name = text.slice(i + 1, end);
      if (ch === '#') {
        id = name;
        idStart = i + 1;
        idEnd = end;
        idAfterHash = hashIdPlacing(text[i - 1] !== '{' && !isSpace(text[i - 1]), text[end] !== '}' && !isSpace(text[end]));
      } else {
        classes.push(name);
      }
      i = end;
    } else if (ch === '-') {
      classes.push('unnumbered');
      i++;
    } else {
      const keyEnd = readIdentifier(text, i);
      if (keyEnd < 0 || text[keyEnd] !== '=') return undefined;
      const key = text.slice(i, keyEnd);
      i = keyEnd + 1;
      let value: string;
      const quote = text[i];
      // A quote never closed, or followed by a space, is part of an unquoted value (`k="x` gives
      // `"x`), as in Pandoc. (Pandoc looks for the closing quote past the line, up to a blank line; a
      // heading's or a fence's block is read here from its line alone.)
      const quoted = (quote === '"' || quote === "'") && !isSpace(text[i + 1]) && quotedValueEnd(text, i + 1, quote) < text.length;
      const valueStart = quoted ? i + 1 : i;
      if (quoted) {
        let j = i + 1;
        let raw = '';
        while (text[j] !== quote) {
          // A quoted value resolves character references (`id="A&#45;B"` is `A-B`), an unquoted one not.
          const reference = text[j] === '&' ? characterReference(text, j) : undefined;
          if (reference !== undefined) {
            raw += reference.value;
            j = reference.end;
            continue;
          }
          if (text[j] === '\\' && j + 1 < text.length) j++;
          raw += text[j];
          j++;
        }
        value = raw;
        i = j + 1;
      } else {
        let j = i;
        let raw = '';
        while (j < text.length && !isSpace(text[j]) && text[j] !== '}') {
          if (text[j] === '\\' && j + 1 < text.length) j++;
          raw += text[j];
          j++;
        }
        value = raw;
        i = j;
      }
      if (key === 'id') {
        id = value;
        // Where the value is written as it reads (no escapes), an edit of the id can replace it there.
        const written = text.slice(valueStart, valueStart + value.length) === value;
        idStart = written ? valueStart : undefined;
        idEnd = written ? valueStart + value.length : undefined;
        idAfterHash = undefined;
      } else if (key === 'class') {
        classes.push(...value.split(/\s+/).filter((c) => c !== ''));
      } else {
        keyValues.push([key, value]);
      }
    }
    // White space between attributes is optional (`{.c#x}` is a class and an id): what follows
    // must start another attribute or close the block, else the block is plain text.
    skipSpaces();
  }
  if (text[i] !== '}') return undefined;
  return { id, classes, keyValues, start, end: i + 1, idStart, idEnd, idAfterHash };
}

/** How `#id` stands among the attributes: glued to the one before it, after it, both, or apart. */
function hashIdPlacing(gluedBefore: boolean, gluedAfter: boolean): IdAfterHash {
  return gluedBefore ? (gluedAfter ? 'gluedBoth' : 'gluedBefore') : gluedAfter ? 'gluedAfter' : 'apart';
}

/** Where the quote that closes a value quoted from `from` on stands (past escapes), or the text's length when none does. */
function quotedValueEnd(text: string, from: number, quote: string): number {
  let j = from;
  while (j < text.length && text[j] !== quote) j += text[j] === '\\' && j + 1 < text.length ? 2 : 1;
  return j;
}

/**
 * The attribute block that `parseAttributeBlock` reads from the last `{` for which `accept` holds
 * and that ends exactly at `end`, or undefined. Trying each `{` in turn reads, for each, up to the
 * whole rest of the text (a heading ending in `{k={k={k=… x}` took quadratic time): here, whether
 * the attributes that start at a position lead to `}` at `end` is worked out once per position,
 * from right to left, as each attribute's end depends only on where it starts.
 */
export function attributeBlockEndingAt(text: string, end: number, accept: (start: number) => boolean): AttributeBlock | undefined {
  const first = text.indexOf('{');
  if (first < 0) return undefined;
  // The common case, `{#Id .classes}` read from the last `{`, needs no tables.
  const last = text.lastIndexOf('{', end - 1);
  const simple = parseAttributeBlock(text, last);
  if (simple !== undefined && simple.end === end && accept(last)) return simple;
  const n = text.length;
  // For each position i (from `first` on; i = n and n + 1 mean past the end), where these stop when started at i:
  const spaceEnd = new Int32Array(n + 2).fill(n); // a run of spaces
  const identifierEnd = new Int32Array(n + 2).fill(n); // the characters after an identifier's first letter
  const unquotedEnd = new Int32Array(n + 2).fill(n); // an unquoted value, at the first unescaped space or `}`
  const doubleQuotedEnd = new Int32Array(n + 2).fill(n); // the content of a quoted value, at its closing quote
  const singleQuotedEnd = new Int32Array(n + 2).fill(n);
  /** 1 when the attributes starting at i (spaces skipped) end with the block's `}` just before `end`. */
  const reachesEnd = new Uint8Array(n + 2);
  const identifierFrom = (i: number): number => {
    const cp = text.codePointAt(i);
    return cp !== undefined && isLetter(cp) ? identifierEnd[i + (cp > 0xffff ? 2 : 1)] : -1;
  };
  for (let i = n - 1; i >= first; i--) {
    const ch = text[i];
    const escaped = ch === '\\' && i + 1 < n;
    spaceEnd[i] = isSpace(ch) ? spaceEnd[i + 1] : i;
    const cp = text.codePointAt(i)!;
    identifierEnd[i] = isIdentifierChar(cp) ? identifierEnd[i + (cp > 0xffff ? 2 : 1)] : i;
    unquotedEnd[i] = isSpace(ch) || ch === '}' ? i : unquotedEnd[i + (escaped ? 2 : 1)];
    doubleQuotedEnd[i] = ch === '"' ? i : doubleQuotedEnd[i + (escaped ? 2 : 1)];
    singleQuotedEnd[i] = ch === "'" ? i : singleQuotedEnd[i + (escaped ? 2 : 1)];
    if (ch === '}') {
      reachesEnd[i] = i + 1 === end ? 1 : 0;
      continue;
    }
    // The end of the attribute at i, as `parseAttributeBlock` reads it, or -1.
    let attributeEnd: number;
    if (ch === '#' || ch === '.') attributeEnd = identifierFrom(i + 1);
    else if (ch === '-') attributeEnd = i + 1;
    else {
      const keyEnd = identifierFrom(i);
      const quote = text[keyEnd + 1];
      if (keyEnd < 0 || text[keyEnd] !== '=') attributeEnd = -1;
      else {
        const close = isSpace(text[keyEnd + 2]) ? n : quote === '"' ? doubleQuotedEnd[keyEnd + 2] : quote === "'" ? singleQuotedEnd[keyEnd + 2] : n;
        attributeEnd = close < n ? close + 1 : unquotedEnd[keyEnd + 1];
      }
    }
    reachesEnd[i] = attributeEnd >= 0 ? reachesEnd[spaceEnd[attributeEnd]] : 0;
  }
  for (let open = text.lastIndexOf('{', end - 1); open >= first; open = open === 0 ? -1 : text.lastIndexOf('{', open - 1)) {
    if (reachesEnd[spaceEnd[open + 1]] === 1 && accept(open)) return parseAttributeBlock(text, open);
  }
  return undefined;
}

/** At most this many lines after the one it opens on does an attribute block go on over here (Pandoc sets no limit). */
const maxAttributeLines = 20;

/** A line's text joined with lines after it, over which an attribute block opened on it may go on. */
export interface JoinedLines {
  /** The texts joined with line breaks. */
  readonly text: string;
  /** Where each line begins in `text`. */
  readonly lineStarts: readonly number[];
}

/**
 * The text of a line that opens an attribute block it does not close, joined with the lines after
 * it one by one (`following(k)` is the k-th, undefined past the end), given each time a line that
 * holds a `}` is added: where the block may close. A blank line ends the block unread, as in Pandoc.
 */
export function* linesOfAttributeBlock(first: string, following: (k: number) => string | undefined): Generator<JoinedLines> {
  let text = first;
  const lineStarts = [0];
  for (let k = 1; k <= maxAttributeLines; k++) {
    const line = following(k);
    if (line === undefined || line.trim() === '') return;
    lineStarts.push(text.length + 1);
    text += `\n${line}`;
    if (line.includes('}')) yield { text, lineStarts };
  }
}
