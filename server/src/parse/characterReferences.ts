import { decodeHTMLStrict } from 'entities/lib/decode.js';

/** Reads an HTML character reference at `pos` (`&amp;`, `&#228;`, `&#xE4;`; named ones as HTML5 knows them, with their `;`). */
export function characterReference(text: string, pos: number): { end: number; value: string } | undefined {
  const match = /^&(?:#[xX]([0-9a-fA-F]{1,6})|#([0-9]{1,7})|([A-Za-z][A-Za-z0-9]{1,31}));/.exec(text.slice(pos, pos + 40));
  if (!match) return undefined;
  let value: string | undefined;
  if (match[1] !== undefined || match[2] !== undefined) {
    const code = match[1] !== undefined ? parseInt(match[1], 16) : parseInt(match[2], 10);
    value = code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
  } else {
    const decoded = decodeHTMLStrict(match[0]);
    value = decoded === match[0] ? undefined : decoded;
  }
  return value === undefined ? undefined : { end: pos + match[0].length, value };
}

/** The text with its character references resolved (`a&amp;b` → `a&b`); an `&` that begins none stays. */
export function resolveCharacterReferences(text: string): string {
  if (!text.includes('&')) return text;
  let resolved = '';
  let from = 0;
  for (let i = text.indexOf('&'); i >= 0; i = text.indexOf('&', i + 1)) {
    const ref = characterReference(text, i);
    if (ref === undefined) continue;
    resolved += text.slice(from, i) + ref.value;
    from = ref.end;
    i = ref.end - 1;
  }
  return resolved + text.slice(from);
}

/**
 * Text as pandoc reads a link destination in `<…>`, a reference definition's URL or a quoted
 * attribute value: backslash escapes and character references resolved, left to right (an escaped
 * `\&` begins no reference).
 */
export function unescapeAndResolve(text: string): string {
  if (!text.includes('&')) return text.replace(escapedPunctuation, '$1');
  return text.replace(escapeOrReference, (match: string, escaped: string | undefined) => escaped ?? characterReference(match, 0)?.value ?? match);
}

const escapedPunctuation = /\\([!-/:-@[-`{-~])/g;
const escapeOrReference = /\\([!-/:-@[-`{-~])|&(?:#[xX][0-9a-fA-F]{1,6}|#[0-9]{1,7}|[A-Za-z][A-Za-z0-9]{1,31});/g;
