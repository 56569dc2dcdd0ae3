import type { Attributes } from './model';

/** A Pandoc attribute block found at the end of a heading line. */
export interface AttributeBlock extends Attributes {
  /** Offset of `{` in the scanned text. */
  readonly start: number;
  /** Offset just after `}`. */
  readonly end: number;
  /** Offsets of the id text inside the block, when the id is written as `#id`. */
  readonly idStart: number | undefined;
  readonly idEnd: number | undefined;
}

const letter = /\p{L}/u;
const identifierChar = /[\p{L}\p{N}\-_:.]/u;

/**
 * Reads a Pandoc identifier (`first <- letter; rest <- many (alphaNum <|> oneOf "-_:.")`)
 * at `pos`, returning its end or -1.
 */
function readIdentifier(text: string, pos: number): number {
  const first = text.codePointAt(pos);
  if (first === undefined || !letter.test(String.fromCodePoint(first))) return -1;
  let i = pos + (first > 0xffff ? 2 : 1);
  while (i < text.length) {
    const cp = text.codePointAt(i)!;
    if (!identifierChar.test(String.fromCodePoint(cp))) break;
    i += cp > 0xffff ? 2 : 1;
  }
  return i;
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
  if (text[start] !== '{') return undefined;
  let i = start + 1;
  let id: string | undefined;
  let idStart: number | undefined;
  let idEnd: number | undefined;
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
      if (quote === '"' || quote === "'") {
        let j = i + 1;
        let raw = '';
        while (j < text.length && text[j] !== quote) {
          if (text[j] === '\\' && j + 1 < text.length) j++;
          raw += text[j];
          j++;
        }
        if (j >= text.length) return undefined;
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
        idStart = undefined;
        idEnd = undefined;
      } else if (key === 'class') {
        classes.push(...value.split(/\s+/).filter((c) => c !== ''));
      } else {
        keyValues.push([key, value]);
      }
    }
    // Attributes are separated by white space; anything else makes the block plain text.
    if (text[i] !== '}' && !isSpace(text[i])) return undefined;
    skipSpaces();
  }
  if (text[i] !== '}') return undefined;
  return { id, classes, keyValues, start, end: i + 1, idStart, idEnd };
}
