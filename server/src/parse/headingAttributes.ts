import { attributeBlockEndingAt, linesOfAttributeBlock, parseAttributeBlock, type AttributeBlock } from './attributes';
import { elementAttributeStarts, unclosedEmphasisStart } from './inline';
import { rawTexEnd } from './rawTex';

/** How a heading's content ends: with its attribute block, or with a run of emphasis left open that makes the block text. */
export interface HeadingEnd {
  readonly attributes: AttributeBlock | undefined;
  /** Offsets in the content of a run of `*` or `_` Pandoc cannot close before what would be the attribute block. */
  readonly unclosedEmphasis?: { readonly start: number; readonly end: number };
}

/**
 * The attribute block that closes a heading's content where Pandoc's `atxClosing` would read it:
 * ending at `end` (the content without trailing spaces), not escaped, not an attribute block of the
 * heading's code, link, image or span, not the argument of a TeX command before it (`Input\\Output
 * {#io}`, a backslash typed for a slash), and not after a run of emphasis left open.
 */
export function headingEnd(content: string, end: number): HeadingEnd {
  if (content[end - 1] !== '}') return { attributes: undefined };
  // The heading's inline text is scanned once, and only when a block may follow an element.
  let elementBlocks: ReadonlySet<number> | undefined;
  const isElementBlock = (open: number): boolean => /[\])`>]/.test(content[open - 1] ?? '') && (elementBlocks ??= elementAttributeStarts(content.slice(0, end))).has(open);
  const attributes = attributeBlockEndingAt(content, end, (open) => content[open - 1] !== '\\' && !isElementBlock(open) && texCommandTaking(content, open) === undefined);
  const emphasis = attributes === undefined ? -1 : unclosedEmphasisStart(content.slice(0, attributes.start));
  if (emphasis < 0) return { attributes };
  let runEnd = emphasis;
  while (content[runEnd] === content[emphasis]) runEnd++;
  return { attributes: undefined, unclosedEmphasis: { start: emphasis, end: runEnd } };
}

/**
 * The TeX command right before the `{` at `open` (its `*` and options in brackets, and spaces,
 * between) that takes it as its argument, as pandoc reads both as raw TeX; else undefined.
 */
export function texCommandTaking(content: string, open: number): string | undefined {
  const command = /\\[\p{L}@]+(?=(?:[ \t]*\*)?(?:[ \t]*\[[^\]]*\])*[ \t]*$)/u.exec(content.slice(0, open));
  return command !== null && content[command.index - 1] !== '\\' && rawTexEnd(content, command.index) > open ? command[0] : undefined;
}

/**
 * How many of the lines after an ATX heading's line the heading takes in because an attribute block
 * opened on its line closes on them, as Pandoc reads it: its own (`## H {.a` then `#h}`) or a span's
 * or a link's (`## [x]{.a` then `#h}`), ending its last line. `lineContent` is the heading's line
 * after the `#`s; `following(k)` the k-th line after it (undefined past the lines parsed). 0 when
 * none: then the heading is its line alone, and the lines after it are blocks of their own.
 */
export function attributeLinesAfterHeading(lineContent: string, following: (k: number) => string | undefined): number {
  // A line that ends in `}` is read by itself, as nearly every heading with attributes is.
  if (!lineContent.includes('{') || lineContent.trimEnd().endsWith('}')) return 0;
  for (const { text, lineStarts } of linesOfAttributeBlock(lineContent, following)) {
    const end = text.trimEnd().length;
    const attributes = headingEnd(text, end).attributes;
    if ((attributes !== undefined && attributes.start < lineContent.length) || closesElementBlock(text, end, lineContent.length)) return lineStarts.length - 1;
  }
  return 0;
}

/** Whether an attribute block of the content's code, link, image or span begins on its first line and ends at `end`. */
function closesElementBlock(content: string, end: number, firstLineEnd: number): boolean {
  for (const start of elementAttributeStarts(content.slice(0, end))) {
    if (start < firstLineEnd && parseAttributeBlock(content, start)?.end === end) return true;
  }
  return false;
}
