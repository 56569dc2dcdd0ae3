import { linesOfAttributeBlock, parseAttributeBlock, shiftAttributes, type AttributeBlock } from './attributes';
import { offsetAtColumn } from './displayWidth';
import { commandName, environmentBegun, environmentTags, texBlockCommandEnd, withTexPairs } from './rawTex';
import { paragraphEndingTexCommands, texCommandsToDocumentEnd } from './texCommands';
import { countAtMost, endsInComment, escapeUri, firstBlockTag, htmlOrAutolinkEnd, htmlTagAttributes, rawTexOrEscapeEnd, skipVerbatim, unclosedCommentStart, withIndexes, writtenHashLength, type HtmlTag, type TexBlockStart } from './inline';
import { attributeLinesAfterHeading } from './headingAttributes';
import { sentenceStartsIn } from './sentences';
import { unescapeAndResolve } from './characterReferences';
import type { Position, Range } from './model';

/**
 * The block structure of Pandoc Markdown, as far as ids and links depend on it: which lines are
 * headings, which are inline text (paragraphs, list items, quotes, table cells), and which are
 * code, raw HTML or metadata and so hold no links. Containers (lists, quotes, notes, definitions,
 * grid-table cells) are parsed as Pandoc does: their lines are collected with the container's
 * indentation removed and parsed again as blocks.
 */

/** A slice `[start, end)` of one source line. */
export interface LineRef {
  readonly line: number;
  readonly start: number;
  readonly end: number;
}

/** Text that may go on over lines: from `start` of line `line` to `end` of line `endLine` (offsets into the lines' texts). */
export interface LineSpan {
  readonly line: number;
  readonly start: number;
  readonly endLine: number;
  readonly end: number;
}

/** A heading as found in the block structure, before its inline content is read. */
export interface HeadingBlock {
  readonly kind: 'heading';
  readonly level: number;
  /**
   * The heading's content: the text after the `#`s, with the lines an attribute block opened on it
   * goes on over (`## H {.a` then `#h}`), or the text line of a setext heading.
   */
  readonly content: readonly LineRef[];
  readonly setext: boolean;
  /** Where the heading starts: the first `#`, or the first character of a setext heading's text. */
  readonly startCharacter: number;
  /** The lines the heading occupies. */
  readonly firstLine: number;
  readonly lastLine: number;
  /** A heading in a footnote: it is shown, with its id, where the note is referenced, and not at all when it is not. */
  readonly inNote: boolean;
}

/** Lines of inline text, read as one unit (a paragraph, a definition term, a table row). */
/** A sentence that starts after another on a line (see `BlockScan.sentencesMidLine`). */
export interface SentenceMidLineScan {
  /** From the blanks before the sentence to the end of its first word. */
  readonly range: Range;
  /** The line of the paragraph whose marks a new line takes; they end at its `start` (see `SentenceMidLine.marksEnd`). */
  readonly marksLine: LineRef;
}

export interface InlineBlock {
  readonly kind: 'inline';
  readonly lines: readonly LineRef[];
}

/** A fenced div or fenced code block whose opening line gives it an id (`::: {#id}`, ```` ``` {#id .lang} ````). */
export interface BlockIdBlock {
  readonly kind: 'blockId';
  readonly element: 'div' | 'codeBlock';
  /** The opening line. */
  readonly line: LineRef;
  /** The line's attribute block, with offsets into the line's slice; it has an id. */
  readonly attributes: AttributeBlock;
}

/** A fenced code block. */
export interface FenceBlock {
  readonly fence: '`' | '~';
  readonly indent: number;
  readonly openLine: number;
  readonly closeLine: number;
  /** The opening line's attribute block, with offsets into the line's slice. */
  readonly attributes: AttributeBlock | undefined;
  /** Whether the fence (of backticks) ends a paragraph right above it, as only a backtick fence can. */
  readonly afterText?: boolean;
}

/** A code fence or comment left open (see `BlockScan.unclosed`): where its marker stands. */
export interface UnclosedMarker {
  readonly kind: 'fence' | 'comment';
  /** The opening marker as written: `~~~~`, `<!--`. */
  readonly marker: string;
  readonly line: number;
  readonly start: number;
  readonly end: number;
}

/** A reference definition `[label]: url`. */
export interface DefinitionBlock {
  readonly label: string;
  readonly url: string;
  /** Where the URL text after `#` is written. */
  readonly urlRef: LineRef;
  /** Where the label is written, brackets included: `[label]` (it may go on over lines). */
  readonly labelRef: LineSpan;
  /** Its attribute block (`[r]: #t {#lk}`), which Pandoc gives every link that uses it, with offsets into the line's slice. */
  readonly attributes?: { readonly line: LineRef; readonly block: AttributeBlock };
}

/** An indented code block: its first line and the whole block, each from the first character after the indentation. */
export interface IndentedCodeScan {
  readonly firstLine: Range;
  readonly range: Range;
}

/** The block structure of one file. */
export interface BlockScan {
  /** Headings, inline text and block ids in Pandoc's document order. */
  readonly blocks: readonly (HeadingBlock | InlineBlock | BlockIdBlock)[];
  /**
   * The inline text, block ids and headings of each footnote, by label: Pandoc places them where
   * the note is referenced. (A note's headings are in `blocks` too, where the note is written,
   * as Pandoc gives them their automatic ids in that order.)
   */
  readonly notes: ReadonlyMap<string, readonly (InlineBlock | BlockIdBlock | HeadingBlock)[]>;
  readonly fences: readonly FenceBlock[];
  /**
   * Text Pandoc keeps verbatim outside fenced code: raw HTML elements (`pre`, `script`, `style`,
   * `textarea`) and comments at the start of a block, from `<` to the end of the closing tag, and
   * indented code blocks, whole lines.
   */
  readonly verbatim: readonly Range[];
  readonly definitions: readonly DefinitionBlock[];
  /**
   * Code fences and comments never closed in the file (outside quotes; fences also outside list
   * items), where they open: Pandoc reads them as text here, but in the book, where the files are
   * joined, they run on into the next files.
   */
  readonly unclosed: readonly UnclosedMarker[];
  /**
   * Lines written as ATX headings that go on a paragraph (no blank line before them): Pandoc reads
   * them as its text. From the `#` to the end of the line.
   */
  readonly headingsInText: readonly Range[];
  /**
   * Lines written as ATX headings after a definition list with a definition (`:` or `~`) under them,
   * as a table's caption (`: Haikus zu …`) is written: Pandoc reads them as the term of the list's
   * next item, however many blank lines are above them. From the `#` to the end of the line.
   */
  readonly headingsAsTerms: readonly Range[];
  /**
   * Lines of a paragraph written as ATX headings without the blank Pandoc needs after the `#`
   * marks (`##Titel`), which Pandoc reads as text. From the `#` to the end of the line.
   */
  readonly headingsWithoutSpace: readonly Range[];
  /**
   * Sentences that start after another on a line of a paragraph (not in a table, a code span or
   * a link's label; see `sentenceStartsIn`).
   */
  readonly sentencesMidLine: readonly SentenceMidLineScan[];
  /**
   * Lines that open a code block with `~~~` (closed further on) right under a line of text: Pandoc
   * reads the fence and the code after it as the paragraph's text (a backtick fence ends the
   * paragraph instead). From the first `~` to the end of the line.
   */
  readonly fencesInText: readonly Range[];
  /** Code blocks written by indenting four columns (see `GlossaryDocument.indentedCode`). */
  readonly indentedCode: readonly IndentedCodeScan[];
  /**
   * Of each grid table whose lines do not meet the columns of its top border, the first such line
   * (to its last character): pandoc 3 reads such a row as one cell over several columns or the
   * table as text, pandoc 2.17 cuts it at the columns, so that the cells' text is mixed up either way.
   */
  readonly misalignedTables: readonly Range[];
  /** Lines of horizontal rules at the top level of the file, not inside a div (`:::` or `<div>`). */
  readonly rules: readonly number[];
}

/** A paragraph's lines as one text, for `readParagraph`. */
interface ParagraphText {
  /** The lines parsed, of which the paragraph is `first` to before `end`. */
  readonly lines: LineRef[];
  readonly first: number;
  readonly end: number;
  /** The lines' texts joined by line breaks; where each begins in it, and at which column of its line. */
  readonly text: string;
  readonly offsets: readonly number[];
  readonly starts: readonly number[];
  /** `openDivs` when it was read: a fence between changes where the paragraph ends. */
  readonly openDivs: number;
  /** How many times raw TeX has ended it so far (see `maxTexBreaksPerParagraph`). */
  texBreaks: number;
}

/**
 * How many times raw TeX that is a block may end one paragraph; after that its TeX is read inline.
 * Each break reads the rest of the paragraph's text anew, so that thousands of `x \section{a}` in
 * one line would take quadratic time; no writer breaks a paragraph so often.
 */
const maxTexBreaksPerParagraph = 20;

interface Context {
  readonly inList: boolean;
  readonly topLevel: boolean;
}

/**
 * Whether the first line of YAML that is no comment may begin a mapping, as metadata must be: a
 * key and its colon, a flow mapping, a complex key, a tag or an anchor; not a list, a flow
 * sequence or a plain sentence.
 */
function beginsYamlMapping(line: string): boolean {
  const text = line.trimStart();
  if (/^-(?:[ \t]|$)|^\[/.test(text)) return false;
  return /^[{?!&]/.test(text) || /:(?:[ \t]|$)/.test(text);
}

const yamlOpening = /^---[ \t]*$/;

/** How far the label of a reference definition is read: Pandoc sets no bound, but one keeps the scan of a `[` that never closes linear. */
const maxLabelLength = 1000;

/**
 * Where the YAML metadata block opening at line `i` ends (the line after its closing `---` or
 * `...`): `---`, not followed by a blank line, holding a mapping (Pandoc reads anything else, a
 * sentence or a list, as Markdown); undefined when none opens there.
 */
function yamlBlockEnd(lineText: (line: number) => string, lineCount: number, i: number): number | undefined {
  if (!yamlOpening.test(lineText(i)) || i + 1 >= lineCount || /^[ \t]*$/.test(lineText(i + 1))) {
    return undefined;
  }
  let mapping: boolean | undefined;
  for (let j = i + 1; j < lineCount; j++) {
    const text = lineText(j);
    if (/^(?:---|\.\.\.)[ \t]*$/.test(text)) return mapping === false ? undefined : j + 1;
    if (mapping === undefined && !/^[ \t]*(?:#|$)/.test(text)) mapping = beginsYamlMapping(text);
  }
  return undefined;
}

/**
 * Where Pandoc's `% title` block, which only the first line may open, ends: its title, authors and
 * date each on a `%` line and the lines that go on from it with a blank; at a blank line, a line
 * that goes on with neither, or a fourth `%` line, which is text.
 */
function titleBlockEnd(lineText: (line: number) => string, lineCount: number): number | undefined {
  if (lineCount === 0 || !lineText(0).startsWith('%')) return undefined;
  let fields = 1;
  let j = 1;
  for (; j < lineCount && !/^[ \t]*$/.test(lineText(j)); j++) {
    const text = lineText(j);
    if (text.startsWith('%') ? ++fields > 3 : !/^\s/.test(text)) break;
  }
  return j;
}

/** The lines of the metadata a file opens with (a `% title` block or a YAML metadata block), which nothing may be put above; 0 without. */
export function metadataLinesAtTop(lineText: (line: number) => string, lineCount: number): number {
  return titleBlockEnd(lineText, lineCount) ?? yamlBlockEnd(lineText, lineCount, 0) ?? 0;
}

/** Elements whose content Pandoc keeps verbatim, unparsed. */
const verbatimTags = new Set(['pre', 'script', 'style', 'textarea']);
const commentCloser = /-->/g;
/** Tags that begin raw HTML at the start of a block, as measured with pandoc. */
const blockStartTags = new Set(
  (
    'address applet area article aside audio blockquote body button canvas caption center col ' +
    'colgroup dd del details dir div dl dt embed fieldset figcaption figure footer form frameset h1 ' +
    'h2 h3 h4 h5 h6 head header hgroup hr html iframe ins isindex li main map menu meta nav noframes ' +
    'noscript object ol output p pre progress script section source style summary svg table tbody td ' +
    'textarea tfoot th thead title tr ul video'
  ).split(' '),
);
/**
 * Tags that Pandoc's inline parser does not read, so that a paragraph ends before them, as
 * measured with pandoc: fewer than `blockStartTags` (`<video>` in a line is inline HTML), and a
 * closing `</script>` is read inline.
 */
const paragraphEndingTags = new Set(
  (
    'address article aside blockquote body canvas caption center col colgroup dd details dir div dl ' +
    'dt fieldset figcaption figure footer form frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html ' +
    'isindex li main menu meta nav noframes ol output p pre script section style summary table tbody ' +
    'td textarea tfoot th thead title tr ul'
  ).split(' '),
);
const endsParagraph = (name: string, closing: boolean) => paragraphEndingTags.has(name) && !(closing && name === 'script');
const blockTagLine = /^<\/?([A-Za-z][A-Za-z0-9]*)(?:\s[^>]*)?\/?>/;
const isOpeningTag = (tag: string) => tag[1] !== '/' && !tag.endsWith('/>');
/**
 * What Pandoc skips after a piece of raw HTML (measured): after an opening tag the spaces, the line
 * break and the next line's indentation (`<section>` then `    [x](#x)` is no code); after a closing
 * tag or a comment the spaces; after an opening `<div>` (its own parser) or a verbatim element nothing.
 */
type SkippedAfterHtml = 'lineBreak' | 'spaces' | 'nothing';
const skippedAfterTag = (name: string, closing: boolean): SkippedAfterHtml => (closing ? 'spaces' : name === 'div' ? 'nothing' : 'lineBreak');
const closingTagPattern = (name: string) => new RegExp(`</${name}\\s*>`, 'gi');
const bulletMarker = /^( {0,3})([*+-])(?:[ \t]+|$)/;
const orderedMarker =
  /^( {0,3})(?:(?:[0-9]{1,9}|#|[a-z]|[A-Z]|[ivxlcdm]+|[IVXLCDM]+)[.)]|\((?:[0-9]{1,9}|#|[a-zA-Z]|[ivxlcdm]+|[IVXLCDM]+|@[\w-]*)\))(?:[ \t]+|$)/;
/** An ordered list's marker: its number (digits, letters, roman numerals, `#`, `@label`) and delimiter. */
function orderedMarkerParts(text: string): { readonly number: string; readonly delimiter: string } | undefined {
  const marker = orderedMarker.exec(text)?.[0].trim();
  if (marker === undefined) return undefined;
  return marker[0] === '(' ? { number: marker.slice(1, -1), delimiter: '()' } : { number: marker.slice(0, -1), delimiter: marker[marker.length - 1] };
}

/**
 * The style a list's first item gives it, as Pandoc reads its marker: `i` and `I` are roman
 * numerals, another single letter is a letter, several letters are roman numerals.
 */
function orderedListStyle(number: string): string {
  if (/^[0-9]/.test(number)) return '1';
  if (number === '#' || number.startsWith('@')) return number[0];
  if (number === 'i' || number === 'I' || number.length > 1) return number === number.toLowerCase() ? 'i' : 'I';
  return number === number.toLowerCase() ? 'a' : 'A';
}

/** Whether a marker's number can go on a list of a style (an item of a roman list may be `v`, of a lettered one `i`). */
const fitsOrderedListStyle: Record<string, (number: string) => boolean> = {
  '1': (number) => /^[0-9]+$/.test(number),
  '#': (number) => number === '#',
  '@': (number) => number.startsWith('@'),
  a: (number) => /^[a-z]$/.test(number),
  A: (number) => /^[A-Z]$/.test(number),
  i: (number) => /^[ivxlcdm]+$/.test(number),
  I: (number) => /^[IVXLCDM]+$/.test(number),
};

const pipeSeparator = /^[ \t]*\|?(?:[ \t]*:?-+:?[ \t]*\|)+(?:[ \t]*:?-+:?[ \t]*)?[ \t]*$|^[ \t]*:?-+:?[ \t]*\|[ \t]*(?::?-+:?[ \t]*\|?[ \t]*)*$/;
/** A line of three or more dashes, stars or underscores, which alone between blank lines is a rule. */
export const horizontalRule = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const setextUnderline = /^(?:=+|-+)[ \t]*$/;
const fenceOpening = /^( {0,3})(`{3,}|~{3,})(.*)$/;
// A fenced div's fences (see `opensDiv`). Lookaheads make the colons and the word atomic, as pandoc reads them.
const divColons = /^(?=(:{3,}))\1[ \t]*/;
const divWord = /^(?=([^ \t]+))\1[ \t]*(?::+[ \t]*)?$/;
const divFenceEnd = /^[ \t]*(?::+[ \t]*)?$/;
const divClose = /^:{3,}[ \t]*$/;

/**
 * Whether a line is a fenced div's opening fence, as pandoc reads it: its colons, then an attribute
 * block, or else a word of anything but spaces and tabs, which is a class (`::: Übersicht`, `:::
 * .note`, `{.note` left open, `{x}y`), then colons at most. After a valid attribute block nothing
 * else may follow.
 */
function opensDiv(line: string): boolean {
  const colons = divColons.exec(line);
  if (colons === null) return false;
  const block = line[colons[0].length] === '{' ? parseAttributeBlock(line, colons[0].length) : undefined;
  return block !== undefined ? divFenceEnd.test(line.slice(block.end)) : divWord.test(line.slice(colons[0].length));
}
/**
 * The length of a definition's marker (`:` or `~`) with the blanks pandoc takes after it, or
 * undefined when the line begins no definition: the marker and its spaces must reach the tab stop
 * at column 4, so three spaces before it make none, and of more spaces after it than reach the stop,
 * the rest begin the definition's text (`  :     x` is code).
 */
function definitionMarkerLength(text: string): number | undefined {
  const marker = /^( {0,3})[:~]/.exec(text);
  const toTabStop = marker === null ? 0 : 4 - marker[0].length;
  if (toTabStop <= 0) return undefined;
  const after = marker![0].length;
  if (text.startsWith(' '.repeat(toTabStop), after)) return after + toTabStop;
  if (text[after] === '\t') return after + 1;
  const blanks = /^[ \t]+/.exec(text.slice(after));
  return blanks === null ? undefined : after + blanks[0].length;
}
const noteStart = /^ {0,3}\[\^([^\]\s]+)\]:/;
/** A line that starts with a note's reference (`[^1]`, with or without `:`) ends the note before it. */
const noteReferenceFirst = /^ {0,3}\[\^[^\]\s]+\]/;
/** Lines from `line` on joined, with the length of each. */
interface TexWindow {
  readonly line: number;
  readonly text: string;
  readonly lengths: readonly number[];
}

/**
 * Where the commands that pandoc reads as a block from `at` of a window's first line end (see
 * `texBlockCommandEnd`): the line index and the column after them.
 */
function texCommandsEnd(window: TexWindow, lines: readonly LineRef[], at: number): { line: number; end: number } | undefined {
  let end = texBlockCommandEnd(window.text, at);
  if (end < 0) return undefined;
  // `\endinput`: the rest of the document is TeX.
  if (texCommandsToDocumentEnd.has(commandName(window.text, at)!)) return { line: lines.length - 1, end: lines[lines.length - 1]!.end };
  let k = 0;
  for (; end > window.lengths[k]!; k++) end -= window.lengths[k]! + 1;
  return { line: window.line + k, end: lines[window.line + k]!.start + end };
}

/** Over how many lines the options and arguments of commands read as raw TeX at the start of a line are looked for. */
const maxTexCommandLines = 20;
/** How deep containers are parsed as blocks; see `flatText`. */
export const maxContainerDepth = 200;

/** A border line of a grid table: `+`, then runs of `-` or `=` with alignment colons, each closed by `+`. */
export const gridBorderLine = /^\+(?:[-=:]+\+)+[ \t]*$/;

/** A piece of border in a grid table's row line: a cell over several rows ends beside it (pandoc 3). */
export const rowSpanBorder = /\+[-=:]+\+/;

/** Where the `|` of a line stand that part cells: those outside code, math, raw HTML, raw TeX and escapes. */
export function cellPipes(text: string): number[] {
  const pipes: number[] = [];
  // Its own scan where it is called outside the parser's (a quick fix).
  withIndexes(() => withTexPairs(() => {
    for (let k = 0; k < text.length; ) {
      if (text[k] === '|') pipes.push(k++);
      else if (text[k] === '\\') k = rawTexOrEscapeEnd(text, k, 2);
      else k = skipVerbatim(text, k);
    }
  }));
  return pipes;
}

/** A line of dashes in runs apart by spaces: a simple or multiline table's border or column separator. */
const dashedLine = /^ {0,3}-+(?:[ \t]+-+)*[ \t]*$/;

/** Where each run of dashes starts: the columns of a simple or multiline table. */
function dashRunStarts(text: string): number[] {
  const starts: number[] = [];
  for (let k = 0; k < text.length; k++) if (text[k] === '-' && (k === 0 || text[k - 1] !== '-')) starts.push(k);
  return starts;
}

/**
 * What pandoc makes of the info string after a code fence (`fenced_code_attributes`), which
 * starts at `offset` of its line: nothing or one word (the language) is fine, and so is an
 * attribute block alone, whose offsets are given in the line; anything else makes the line no
 * fence (undefined). A block that goes on to the next lines (`{.python .numberLines`) is taken
 * as one, without its attributes.
 */
function readFenceInfo(info: string, offset: number): { readonly attributes: AttributeBlock | undefined } | undefined {
  const start = info.search(/\S/);
  if (start < 0) return { attributes: undefined };
  const block = info[start] === '{' ? parseAttributeBlock(info, start) : undefined;
  if (block) return /^\s*$/.test(info.slice(block.end)) ? { attributes: shiftAttributes(block, offset) } : undefined;
  if (info[start] === '{' && !info.includes('}')) return { attributes: undefined };
  return /\s/.test(info.slice(start).trimEnd()) ? undefined : { attributes: undefined };
}

/**
 * Attributes read from a text that runs over lines `i`, `i + 1`, … (`lineStarts`: where each line
 * begins in that text; `firstBase`: where the text begins in line `i`'s slice), placed on the line
 * their id is written on, with offsets into that line's slice (cut to it).
 */
function placeOnIdLine(attributes: AttributeBlock, lines: readonly LineRef[], i: number, lineStarts: readonly number[], firstBase: number): { line: LineRef; attributes: AttributeBlock } {
  const k = countAtMost(lineStarts, attributes.idStart ?? attributes.start) - 1;
  const line = lines[i + k]!;
  const base = (k === 0 ? firstBase : 0) - lineStarts[k]!;
  const shift = (at: number | undefined) => (at === undefined ? undefined : at + base);
  return {
    line,
    attributes: { ...attributes, start: Math.max(0, attributes.start + base), end: Math.min(line.end - line.start, attributes.end + base), idStart: shift(attributes.idStart), idEnd: shift(attributes.idEnd) },
  };
}

/** Whether the line from `start` may be a heading or a code fence (`#`, or `~` after up to three spaces). */
function mayGoOnAsBlock(line: string, start: number): boolean {
  let at = start;
  while (line[at] === ' ' && at - start < 3) at++;
  return line[at] === '~' || (at === start && line[at] === '#');
}

/** A line that would be an ATX heading after a blank line: `#` to `######` at its start, then a blank and text. */
const atxHeadingText = /^#{1,6}[ \t]+\S/;

/**
 * Whether a line is written as an ATX heading without the space or tab pandoc needs after its marks
 * (`##Titel`, a no-break space too): two marks or more, or one before a closing attribute block
 * (`#Titel {#Id}`). A `#word` alone is rather a hashtag.
 */
function isHeadingWithoutSpace(line: string): boolean {
  const marks = /^#{1,6}(?=[^ \t\n#])/.exec(line)?.[0];
  return marks !== undefined && (marks.length > 1 || /\{[ \t]*(?:[#.]|[A-Za-z][\w-]*=)[^{}]*\}[ \t]*$/.test(line));
}

/**
 * Whether each offset (in increasing order) in a paragraph's text lies within a code span, math,
 * raw HTML (a comment too) or the brackets of a label, read in one pass over the text: a line
 * starting there cannot be set apart from the text before it.
 */
function withinInlineSpans(text: string, offsets: readonly number[]): boolean[] {
  const lastClosingBracket = text.lastIndexOf(']');
  let brackets = 0;
  let i = 0;
  return offsets.map((offset) => {
    while (i < offset) {
      if (text[i] === '\\') {
        i += 2;
        continue;
      }
      const end = skipVerbatim(text, i);
      // Inside: the span may hold the next offsets too, so it is read again for them.
      if (end > offset) return true;
      if (text[i] === '[') brackets++;
      else if (text[i] === ']' && brackets > 0) brackets--;
      i = end;
    }
    return brackets > 0 && lastClosingBracket >= offset;
  });
}

/** Whether a line is one that a paragraph's text (or a list item's) may go on from: not blank, no fence, no ATX heading. */
function continuesText(line: string): boolean {
  return !/^[ \t]*$/.test(line) && !opensDiv(line) && !divClose.test(line) && !fenceOpening.test(line) && !/^ {0,3}#{1,6}(?:[ \t]|$)/.test(line);
}

/** Splits text into lines, recognizing `\n`, `\r\n` and `\r`. */
export function splitLines(text: string): string[] {
  // Splitting at a string is several times faster than at a pattern, and most files have no \r.
  return text.includes('\r') ? text.split(/\r\n|\r|\n/) : text.split('\n');
}

/** Raw TeX that may be a block of its own (see `endsParagraph` in `rawTex.ts`), looked for in a line before its paragraph is read closely. */
const texBlockCandidate = new RegExp(`\\\\(?:begin|${[...paragraphEndingTexCommands].join('|')})(?![\\p{L}@])`, 'u');

/** Whether a line starts a list item: a marker and not a rule (`- --` is a rule, as `- - -`). */
function startsListItem(text: string): boolean {
  return (bulletMarker.test(text) && !horizontalRule.test(text)) || orderedMarker.test(text);
}

/** Whether a paragraph's line may hold what ends the paragraph in its midst: an HTML tag, or raw TeX that is a block. */
function mayEndParagraph(text: string): boolean {
  return text.includes('<') || (text.includes('\\') && texBlockCandidate.test(text));
}

/**
 * Whether a line can begin only a setext heading, a pipe table, a definition list's term or a
 * paragraph (the blocks `anyBlock` tries for it, in its order, once the others are ruled out by the
 * first character): a letter that starts no ordered-list marker, or the `*` or `_` of emphasis that
 * starts no bullet and no rule. Most lines of a glossary start so ("Die …", "- **Modul**: …" inside
 * a list item), and skip the dozen other kinds of block.
 */
function startsLikeText(text: string): boolean {
  const first = text.charCodeAt(0);
  if (first === 42 /* * */ || first === 95 /* _ */) {
    return !horizontalRule.test(text) && !bulletMarker.test(text);
  }
  if (isAsciiLetter(first)) {
    // An ordered-list marker of letters ("a.", "iv)", "B.") ends the run of letters with . or ).
    let end = 1;
    while (isAsciiLetter(text.charCodeAt(end))) end++;
    return !((text[end] === '.' || text[end] === ')') && orderedMarker.test(text));
  }
  // Other letters start no marker.
  return first >= 128 && /^\p{L}/u.test(text);
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** Reads the block structure of a file given as lines, tabs expanded as Pandoc expands them (`SourceLines`). */
export function scanBlocks(lineTexts: readonly string[]): BlockScan {
  const scan = scanLines(lineTexts);
  if (scan.fencesInText.length > 0) scan.fencesInText = scan.fencesInText.filter((range) => opensCodeAfterBlankLine(lineTexts, range.start));
  return scan;
}

function scanLines(lineTexts: readonly string[]): BlockScanner['result'] {
  const scanner = new BlockScanner(lineTexts);
  const all: LineRef[] = lineTexts.map((t, line) => ({ line, start: 0, end: t.length }));
  // One scan keeps the inline indexes of a paragraph's text while cuts at HTML tags read on in it.
  withIndexes(() => scanner.parse(all, { inList: false, topLevel: true }));
  scanner.dropUnclosedHtmlDivs();
  return scanner.result;
}

/**
 * Whether the fence at `at`, which goes on a paragraph, opens a code block once a blank line
 * stands before it as the quick fix writes it (the line's quote marks, its indentation kept). Not
 * so where the line went on lazily, in a quote or a list item that the blank line then ends
 * (`> Text` then `    ~~~` is indented code after it): such a line is not reported.
 */
function opensCodeAfterBlankLine(lineTexts: readonly string[], at: Position): boolean {
  const marks = lineTexts[at.line]!.slice(0, at.character).replace(/[^>]+$/, '');
  const fixed = [...lineTexts.slice(0, at.line), marks, ...lineTexts.slice(at.line)];
  return scanLines(fixed).fences.some((fence) => fence.openLine === at.line + 1);
}

class BlockScanner {
  readonly result: {
    blocks: (HeadingBlock | InlineBlock | BlockIdBlock)[];
    notes: Map<string, (InlineBlock | BlockIdBlock | HeadingBlock)[]>;
    fences: FenceBlock[];
    verbatim: Range[];
    definitions: DefinitionBlock[];
    unclosed: UnclosedMarker[];
    headingsInText: Range[];
    headingsAsTerms: Range[];
    headingsWithoutSpace: Range[];
    sentencesMidLine: SentenceMidLineScan[];
    fencesInText: Range[];
    indentedCode: IndentedCodeScan[];
    misalignedTables: Range[];
    rules: number[];
  } = { blocks: [], notes: new Map(), fences: [], verbatim: [], definitions: [], unclosed: [], headingsInText: [], headingsAsTerms: [], headingsWithoutSpace: [], sentencesMidLine: [], fencesInText: [], indentedCode: [], misalignedTables: [], rules: [] };
  /** The lines of backtick fences that end a paragraph (see `FenceBlock.afterText`). */
  private readonly fenceLinesAfterText = new Set<number>();
  /** Where inline text goes while a footnote is parsed. */
  private noteText: (InlineBlock | BlockIdBlock | HeadingBlock)[] | undefined;
  /** How many grid-table cells are being read (a cell may hold a table): their lines take no blank line between them. */
  private tableCellDepth = 0;
  /** How many fenced divs are open: a closing `:::` ends a paragraph only then. */
  private openDivs = 0;
  /**
   * Block-level HTML elements open, innermost last (Pandoc's `rawHtmlBlocks`): Pandoc's inline
   * parser does not read the innermost one's closing tag, which so ends a paragraph; and before
   * each block of its content Pandoc removes up to `indent` spaces, the indentation of the line
   * after its opening tag (so `<details>` then `  # H` and `  ## K` are headings).
   */
  private readonly openElements: { readonly name: string; indent: number }[] = [];
  /** How many of `openElements` were opened outside the container parsed now, which it cannot close. */
  private outerElements = 0;
  /** The last paragraph cut at an HTML tag, read on from where the next block starts inside it. */
  private cutParagraph: ParagraphText | undefined;
  /** How many containers (quotes, list items, notes, definitions, table cells) enclose the lines parsed now. */
  private depth = 0;
  /** Per list of lines being parsed, where the next line of dashes is from each line on (see `nextDashedLine`). */
  private readonly nextDashed = new WeakMap<readonly LineRef[], Int32Array>();
  /** Per list of lines being parsed, where each environment ends, by the line and column it begins at (see `environmentEnds`) (see `environmentEnd`). */
  private readonly environmentEndsOf = new WeakMap<readonly LineRef[], Map<string, { line: number; end: number }>>();
  /** Per list of lines being parsed, the last line where a closing tag is found, by its pattern. */
  private readonly lastMatches = new WeakMap<readonly LineRef[], Map<string, number>>();
  /**
   * Per list of lines, the `<div>` tags met as raw HTML and not closed yet, each with the id it
   * gives, if any, and the top-level rules met inside it, which are no longer top-level once its
   * `</div>` is met (see `meetDivTag`).
   */
  private readonly openHtmlDivs = new WeakMap<readonly LineRef[], { readonly block: BlockIdBlock | undefined; readonly rules: number[] }[]>();
  /** The div tags met, as `line:column`: a line read twice counts once. */
  private readonly metDivTags = new Set<string>();
  /** The ids of `<div id>` tags whose `</div>` has not been met: Pandoc reads such a tag as raw HTML. */
  private readonly unclosedHtmlDivs = new Set<BlockIdBlock>();

  constructor(private readonly lineTexts: readonly string[]) {}

  private text(ref: LineRef): string {
    return this.lineTexts[ref.line].slice(ref.start, ref.end);
  }

  /** The text of the k-th of `lines` after line `i` (k = 1, 2, …), undefined past them or from the line numbered `before` on. */
  private textsAfter(lines: readonly LineRef[], i: number, before = Infinity): (k: number) => string | undefined {
    return (k) => (i + k < lines.length && lines[i + k]!.line < before ? this.text(lines[i + k]!) : undefined);
  }

  private isBlank(ref: LineRef | undefined): boolean {
    return ref !== undefined && /^[ \t]*$/.test(this.text(ref));
  }

  /** Parses `input` as a sequence of blocks. */
  parse(input: readonly LineRef[], context: Context): void {
    if (this.depth >= maxContainerDepth) {
      this.flatText(input);
      return;
    }
    this.depth++;
    // An element opened inside a container (a quote, a list item) is closed with it, and one opened
    // outside stays open, as in Pandoc.
    const openElements = this.openElements.length;
    const outerElements = this.outerElements;
    this.outerElements = openElements;
    try {
      this.parseBlocks(input, context);
    } finally {
      this.depth--;
      this.openElements.length = openElements;
      this.outerElements = outerElements;
    }
  }

  /**
   * Containers nested deeper than `maxContainerDepth`: their lines are read as paragraphs, split
   * at blank lines, so their links still count. Each level of nesting costs a recursion of the
   * parser, and ten thousand `>` or `- ` would overflow the stack; Pandoc reads such input (very
   * slowly) as nested quotes or lists, which changes nothing about ids and links unless a heading
   * or a reference definition stands that deep.
   */
  private flatText(lines: readonly LineRef[]): void {
    let paragraph: LineRef[] = [];
    for (const line of lines) {
      if (!this.isBlank(line)) paragraph.push(line);
      else if (paragraph.length > 0) {
        this.addInline(paragraph);
        paragraph = [];
      }
    }
    if (paragraph.length > 0) this.addInline(paragraph);
  }

  private parseBlocks(input: readonly LineRef[], context: Context): void {
    const lines = input.slice();
    let i = 0;
    while (i < lines.length) {
      const element = this.openElements.length > this.outerElements ? this.openElements[this.openElements.length - 1] : undefined;
      if (element !== undefined && element.indent > 0) lines[i] = this.stripIndent(lines[i], element.indent);
      const text = this.text(lines[i]);
      if (/^[ \t]*$/.test(text)) {
        i++;
        continue;
      }
      i = startsLikeText(text)
        ? this.setextHeading(lines, i) ?? this.pipeTable(lines, i) ?? this.simpleTable(lines, i) ?? this.definitionList(lines, i) ?? this.paragraph(lines, i, context)
        : text[0] === '['
          ? this.setextHeading(lines, i) ?? this.pipeTable(lines, i) ?? this.simpleTable(lines, i) ?? this.definitionList(lines, i) ?? this.note(lines, i) ?? this.referenceDefinition(lines, i) ?? this.paragraph(lines, i, context)
          : this.anyBlock(lines, i, context);
    }
  }

  /** The block that starts at line `i`, tried in Pandoc's order. */
  private anyBlock(lines: LineRef[], i: number, context: Context): number {
    return (
        this.fencedCode(lines, i, context) ??
        this.titleBlock(lines, i, context) ??
        this.yamlBlock(lines, i) ??
        this.listItem(lines, i, bulletMarker, context) ??
        this.divFence(lines, i) ??
        // Pandoc's `header` tries a setext heading first: `## A` over `---` is one with the text `## A`.
        this.setextHeading(lines, i) ??
        this.atxHeading(lines, i) ??
        this.htmlBlock(lines, i, context) ??
        this.gridTable(lines, i) ??
        this.pipeTable(lines, i) ??
        this.simpleTable(lines, i) ??
        this.dashedTable(lines, i) ??
        this.indentedCode(lines, i) ??
        withTexPairs(() => this.rawTexBlock(lines, i)) ??
        this.lineBlock(lines, i) ??
        this.blockQuote(lines, i) ??
        this.rule(lines, i, context) ??
        this.listItem(lines, i, orderedMarker, context) ??
        this.definitionList(lines, i) ??
        this.note(lines, i) ??
        this.referenceDefinition(lines, i) ??
        this.paragraph(lines, i, context)
    );
  }

  /** A fenced code block with its closing fence; Pandoc reads an unclosed fence as text. */
  private fencedCode(lines: LineRef[], i: number, context: Context): number | undefined {
    const found = this.findFence(lines, i);
    if (!found) {
      const open = fenceOpening.exec(this.text(lines[i]));
      if (context.topLevel && open && !(open[2][0] === '`' && open[3].includes('`')) && readFenceInfo(open[3], 0)) this.noteUnclosed('fence', lines[i], open[1].length, open[1].length + open[2].length);
      return undefined;
    }
    this.result.fences.push(this.fenceLinesAfterText.has(lines[i].line) ? { ...found, afterText: true } : found);
    const goingOn = found.attributes === undefined ? this.attributesGoingOn(lines, i, found.closeLine) : undefined;
    if (goingOn !== undefined) this.addBlockId('codeBlock', goingOn.line, goingOn.attributes);
    else this.addBlockId('codeBlock', lines[i], found.attributes);
    return i + found.closeLine - found.openLine + 1;
  }

  /**
   * The attribute block of a fence's line that goes on to the next lines (```` ``` {.python ````
   * then `#code-id}`), read as Pandoc reads it, over the lines joined; placed on the line its id is
   * written on, with offsets into that line's slice.
   */
  private attributesGoingOn(lines: readonly LineRef[], i: number, closeLine: number): { line: LineRef; attributes: AttributeBlock } | undefined {
    const first = this.text(lines[i]);
    const info = fenceOpening.exec(first)![3];
    // The fence's info string is the block alone (```` ``` py{ ```` is no block).
    const brace = first.length - info.length + info.search(/\S/);
    if (first[brace] !== '{') return undefined;
    for (const { text, lineStarts } of linesOfAttributeBlock(first, this.textsAfter(lines, i, closeLine))) {
      const block = parseAttributeBlock(text, brace);
      if (block !== undefined && text.slice(block.end).trim() === '') return block.id ? placeOnIdLine(block, lines, i, lineStarts, 0) : undefined;
    }
    return undefined;
  }

  /** Notes a comment never closed that starts at `offset` of the lines' text joined with line breaks. */
  private noteUnclosedIn(lines: readonly LineRef[], offset: number): void {
    let k = 0;
    let lineStart = 0;
    while (k + 1 < lines.length && lineStart + this.text(lines[k]!).length + 1 <= offset) {
      lineStart += this.text(lines[k]!).length + 1;
      k++;
    }
    const column = offset - lineStart;
    this.noteUnclosed('comment', lines[k]!, column, column + 4);
  }

  /** Notes a fence or comment never closed, once (a line may be tried as a block more than once). */
  private noteUnclosed(kind: UnclosedMarker['kind'], line: LineRef, from: number, to: number): void {
    const last = this.result.unclosed[this.result.unclosed.length - 1];
    if (last?.line !== line.line) this.result.unclosed.push({ kind, marker: this.text(line).slice(from, to), line: line.line, start: line.start + from, end: line.start + to });
  }

  /** The fenced code block that starts at line `i`, if its closing fence exists. */
  private findFence(lines: readonly LineRef[], i: number): FenceBlock | undefined {
    const open = fenceOpening.exec(this.text(lines[i]));
    if (!open) return undefined;
    const fence = open[2];
    if (fence[0] === '`' && open[3].includes('`')) return undefined;
    const info = readFenceInfo(open[3], open[1].length + fence.length);
    if (!info) return undefined;
    const closing = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`);
    for (let j = i + 1; j < lines.length; j++) {
      if (closing.test(this.text(lines[j]))) {
        return { fence: fence[0] as '`' | '~', indent: open[1].length, openLine: lines[i].line, closeLine: lines[j].line, attributes: info.attributes };
      }
    }
    return undefined;
  }

  /** Pandoc's `% title` block at the very start of the document: metadata, not content. */
  private titleBlock(lines: LineRef[], i: number, context: Context): number | undefined {
    if (!context.topLevel || lines[i].line !== 0 || !this.text(lines[i]).startsWith('%')) return undefined;
    return titleBlockEnd((line) => this.text(lines[line]!), lines.length);
  }

  /** The opening or closing fence of a fenced div; its content is read as ordinary blocks. */
  private divFence(lines: LineRef[], i: number): number | undefined {
    const text = this.text(lines[i]);
    const colons = divColons.exec(text);
    const block = colons !== null && text[colons[0].length] === '{' ? parseAttributeBlock(text, colons[0].length) : undefined;
    // An attribute block not closed on the line may go on to the next lines; if it does not, `{.note` is a word.
    if (colons !== null && text[colons[0].length] === '{' && (block === undefined || !divFenceEnd.test(text.slice(block.end)))) {
      const overLines = this.divOpenedOverLines(lines, i);
      if (overLines !== undefined) return overLines;
    }
    if (opensDiv(text) && this.divCloses(lines, i)) {
      this.openDivs++;
      this.addBlockId('div', lines[i], block);
    } else if (this.openDivs > 0 && divClose.test(text)) this.openDivs--;
    else return undefined;
    return i + 1;
  }

  /**
   * A fenced div whose attribute block goes on to the next lines (`::: {.note` then `#n}`), read as
   * Pandoc reads it: not over a blank line, and nothing but colons after the block.
   */
  private divOpenedOverLines(lines: LineRef[], i: number): number | undefined {
    const first = this.text(lines[i]);
    if (!/^:{3,}[ \t]*\{/.test(first)) return undefined;
    for (const { text, lineStarts } of linesOfAttributeBlock(first, this.textsAfter(lines, i))) {
      const block = parseAttributeBlock(text, first.indexOf('{'));
      if (block === undefined || !/^[ \t]*:*[ \t]*$/.test(text.slice(block.end))) continue;
      const last = i + lineStarts.length - 1;
      if (!this.divCloses(lines, last)) return undefined;
      this.openDivs++;
      const placed = placeOnIdLine(block, lines, i, lineStarts, 0);
      this.addBlockId('div', placed.line, placed.attributes);
      return last + 1;
    }
    return undefined;
  }

  /**
   * Whether the div opened at line `i` has its closing fence: Pandoc reads an unclosed `:::` as
   * text. An opening fence right under a line of text is text too (it cannot interrupt a paragraph),
   * and opens no div inside.
   */
  private divCloses(lines: readonly LineRef[], i: number): boolean {
    let depth = 1;
    for (let j = i + 1; j < lines.length; j++) {
      const text = this.text(lines[j]);
      if (opensDiv(text)) {
        if (!continuesText(this.text(lines[j - 1]))) depth++;
      } else if (divClose.test(text) && --depth === 0) return true;
    }
    return false;
  }

  /** A YAML metadata block (see `yamlBlockEnd`). */
  private yamlBlock(lines: LineRef[], i: number): number | undefined {
    return yamlOpening.test(this.text(lines[i])) ? yamlBlockEnd((line) => this.text(lines[line]!), lines.length, i) : undefined;
  }

  private addHeading(heading: HeadingBlock): void {
    this.result.blocks.push(heading);
    this.noteText?.push(heading);
  }

  private atxHeading(lines: LineRef[], i: number): number | undefined {
    const line = lines[i];
    const match = /^(#+)(?=[ \t]|$)[ \t]*/.exec(this.text(line));
    if (!match) return undefined;
    const lineContent = this.text(line).slice(match[0].length);
    const html = this.htmlInHeadingText(lines, i, lineContent);
    if (html === 'none') return undefined;
    // A tag or an attribute block opened on the heading's line may close on a later one: the heading takes in the lines up to it.
    const lastLine = html !== undefined ? html.lastLine : i + attributeLinesAfterHeading(lineContent, this.textsAfter(lines, i));
    this.addHeading({
      kind: 'heading',
      level: match[1].length,
      content: [{ line: line.line, start: line.start + match[0].length, end: line.end }, ...lines.slice(i + 1, lastLine + 1)],
      setext: false,
      startCharacter: line.start,
      firstLine: line.line,
      lastLine: lines[lastLine]!.line,
      inNote: this.noteText !== undefined,
    });
    return lastLine + 1;
  }

  /**
   * How the text of the heading on line `i` meets HTML. Pandoc reads the text inline: a tag that
   * ends a paragraph (`## K <hr>`, also `# K <div` closed by `>` on the next line) makes the line
   * no heading: `'none'`. Another tag or a comment left open at the line's end runs on to its `>`
   * on a later line, which the heading takes in with the text after the `>`: then that line.
   */
  private htmlInHeadingText(lines: LineRef[], i: number, lineText: string): 'none' | { lastLine: number } | undefined {
    if (!lineText.includes('<')) return undefined;
    const content = withoutClosingAttributes(lineText);
    if (this.firstBlockTag(content, 0) !== undefined) return 'none';
    // A comment or a tag left open, not when an attribute block ends the line. Blank lines may come
    // before the `>`; real tags are short, and Pandoc's tags are looked for within 2,000 characters
    // (`htmlOrAutolinkEnd`).
    const comment = content.lastIndexOf('<!--');
    const openAt = comment >= 0 && content.indexOf('-->', comment + 4) < 0 ? comment : /<\/?[A-Za-z][^<>]*$/.exec(content)?.index;
    if (openAt === undefined || content.length < lineText.length) return undefined;
    let text = content;
    for (let j = i + 1; j < lines.length && text.length - openAt < 2000; j++) {
      text += `\n${this.text(lines[j])}`;
      if (this.text(lines[j]).includes('>')) break;
    }
    const end = htmlOrAutolinkEnd(text, openAt);
    if (end <= content.length) return undefined;
    if (this.firstBlockTag(text.slice(0, end), 0) !== undefined) return 'none';
    const lastLine = i + text.slice(0, end).split('\n').length - 1;
    return { lastLine };
  }

  private setextHeading(lines: LineRef[], i: number): number | undefined {
    const underline = lines[i + 1];
    if (underline === undefined || !setextUnderline.test(this.text(underline))) return undefined;
    const line = lines[i];
    // A comment left open on the text line runs past its end (when it closes at all): then there is no heading.
    if (commentOpenAfter(false, this.text(line)) && this.lastCommentCloseLine(lines) > i) return undefined;
    // A tag of the text line that runs on past it takes in the underline: no heading.
    if (this.htmlInHeadingText(lines, i, this.text(line)) !== undefined) return undefined;
    const indent = /^[ \t]*/.exec(this.text(line))![0].length;
    this.addHeading({
      kind: 'heading',
      level: this.text(underline)[0] === '=' ? 1 : 2,
      content: [{ line: line.line, start: line.start + indent, end: line.end }],
      setext: true,
      startCharacter: line.start + indent,
      firstLine: line.line,
      lastLine: underline.line,
      inNote: this.noteText !== undefined,
    });
    return i + 2;
  }

  /**
   * Raw HTML at the start of a block, at most three spaces in: a comment or a verbatim element
   * (`pre`, `script`, `style`, `textarea`) is skipped to its end; a block-level tag is skipped by
   * itself, and the rest of its line is read as the start of the next block, as Pandoc's
   * `markdown_in_html_blocks` does. A tag that goes on over lines is left to `paragraph`.
   */
  private htmlBlock(lines: LineRef[], i: number, context: Context): number | undefined {
    const line = lines[i];
    const raw = this.text(line);
    const indent = raw.length - raw.trimStart().length;
    if (indent > 3 || raw[indent] !== '<') return undefined;
    const text = raw.slice(indent);
    // Indented, a comment or a tag that Pandoc reads inline (`<video>`) starts a paragraph.
    if (indent > 0 && (text.startsWith('<!--') || !paragraphEndingTags.has(blockTagLine.exec(text)?.[1].toLowerCase() ?? ''))) return undefined;
    if (text.startsWith('<!--')) {
      const close = this.closingAfter(lines, i, indent + 4, commentCloser);
      if (close === undefined) {
        if (context.topLevel) this.noteUnclosed('comment', line, indent, indent + 4);
        return undefined;
      }
      this.result.verbatim.push({ start: { line: line.line, character: line.start + indent }, end: { line: lines[close.line].line, character: close.end } });
      return this.continueAfterHtml(lines, close.line, close.end, 'spaces');
    }
    const tag = blockTagLine.exec(text);
    const name = tag?.[1].toLowerCase();
    if (!tag || !name || !blockStartTags.has(name)) return undefined;
    const end = line.start + indent + tag[0].length;
    if (verbatimTags.has(name) && isOpeningTag(tag[0])) return this.skipHtml(lines, i, line.start + indent, i, end, name);
    const closing = tag[0][1] === '/';
    if (name === 'div') this.meetDivTag(lines, i, line.start + indent, tag[0]);
    const element = isOpeningTag(tag[0]) ? this.openElement(name) : undefined;
    return this.continueAfterHtml(lines, i, end, this.skippedAfter(name, closing, !closing && !isOpeningTag(tag[0])), element);
  }

  /**
   * Skips raw HTML from `start` on line `i` to the tag's end, `end` on line `tagEnd`; an opening
   * verbatim tag (`verbatim`) runs on to its closing tag, and without one it stands alone, as in Pandoc.
   */
  private skipHtml(lines: LineRef[], i: number, start: number, tagEnd: number, end: number, verbatim: string | undefined, skipped: SkippedAfterHtml = 'lineBreak', opened?: { indent: number }): number {
    const close = verbatim === undefined ? undefined : this.closingAfter(lines, tagEnd, end - lines[tagEnd].start, closingTagPattern(verbatim));
    if (close === undefined) return this.continueAfterHtml(lines, tagEnd, end, skipped, opened);
    this.result.verbatim.push({ start: { line: lines[i].line, character: start }, end: { line: lines[close.line].line, character: close.end } });
    return this.continueAfterHtml(lines, close.line, close.end, 'nothing');
  }

  /** The first match of `closer` from `column` of line `i` on: its line index and where it ends. */
  private closingAfter(lines: LineRef[], i: number, column: number, closer: RegExp): { line: number; end: number } | undefined {
    // No match after this line: none at all (known at once, so that a thousand `<pre>` lines are no quadratic search).
    if (this.lastLineMatching(lines, closer) < i) return undefined;
    for (let j = i; j < lines.length; j++) {
      closer.lastIndex = j === i ? column : 0;
      const found = closer.exec(this.text(lines[j]));
      if (found !== null) return { line: j, end: lines[j].start + found.index + found[0].length };
    }
    return undefined;
  }

  /** Resumes block parsing after raw HTML that ends at `column` of line `j`, past what Pandoc skips: the rest of the line starts a block. */
  private continueAfterHtml(lines: LineRef[], j: number, column: number, skipped: SkippedAfterHtml, opened?: { indent: number }): number {
    const text = this.lineTexts[lines[j].line];
    if (skipped !== 'nothing') {
      while (column < lines[j].end && text[column] === ' ') column++;
    }
    const rest: LineRef = { line: lines[j].line, start: column, end: lines[j].end };
    if (!this.isBlank(rest)) {
      lines[j] = rest;
      return j;
    }
    const next = lines[j + 1];
    if (skipped === 'lineBreak' && next !== undefined && !this.isBlank(next)) {
      const indent = indentation(this.text(next));
      lines[j + 1] = { ...next, start: next.start + indent };
      if (opened !== undefined) opened.indent = indent;
    }
    return j + 1;
  }

  /**
   * A grid table: its cells are read as blocks of their own, row by row, left to right. A row
   * line whose column separators are missing (a cell spanning columns) is read as one cell.
   */
  private gridTable(lines: LineRef[], i: number): number | undefined {
    const top = this.text(lines[i]);
    if (!gridBorderLine.test(top)) return undefined;
    const columns: number[] = [];
    for (let c = 0; c < top.length; c++) if (top[c] === '+') columns.push(c);
    let j = i + 1;
    while (j < lines.length && /^[+|]/.test(this.text(lines[j]))) j++;
    if (!gridBorderLine.test(this.text(lines[j - 1])) || j === i + 1) return undefined;
    const misaligned = this.misalignedGridLine(lines.slice(i, j), columns);
    if (misaligned !== undefined) this.result.misalignedTables.push(misaligned);
    let row: LineRef[] = [];
    const flushRow = () => {
      if (row.length === 0) return;
      // Columns count display width: a wide character takes two.
      const spanning = row.some((r) => columns.some((c) => this.text(r)[offsetAtColumn(this.text(r), c)] !== '|'));
      const cellBounds = spanning ? [[columns[0], Infinity]] : columns.slice(1).map((c, k) => [columns[k], c]);
      for (const [from, to] of cellBounds) {
        const cell = row.map((r) => {
          const text = this.text(r);
          const start = offsetAtColumn(text, from) + 1;
          // A cell over several columns ends at its row's last `|`.
          const end = to === Infinity ? text.lastIndexOf('|') : offsetAtColumn(text, to);
          return { line: r.line, start: r.start + start, end: r.start + Math.max(start, Math.min(end, text.length)) };
        });
        const trimmed = cell.every((r) => this.text(r).startsWith(' ')) ? cell.map((r) => ({ ...r, start: r.start + 1 })) : cell;
        this.tableCellDepth++;
        this.parse(trimmed, { inList: false, topLevel: false });
        this.tableCellDepth--;
      }
      row = [];
    };
    for (let k = i + 1; k < j; k++) {
      if (this.text(lines[k])[0] === '+') flushRow();
      else row.push(lines[k]);
    }
    return j;
  }

  /**
   * The first line of a grid table that does not meet the columns of its top border (see
   * `BlockScan.misalignedTables`), counted in display columns as the cells are cut: a border line
   * of another width or with a `+` between the columns; a row line whose last `|` is not at the
   * right edge; a row whose lines disagree on which columns they part with a `|`; or a cell over
   * several columns (pandoc 3 reads one where a row has no `|` at a column, as the haiku tables'
   * foot) with a `|` in its text that parts cells, a border that left its column. A table whose
   * cells span rows, or whose rows part cells where the top border has none (pandoc 3 reads both),
   * is not judged.
   */
  private misalignedGridLine(table: readonly LineRef[], columns: readonly number[]): Range | undefined {
    const right = columns[columns.length - 1]!;
    const inner = columns.slice(1, -1);
    const texts = table.map((ref) => this.text(ref).trimEnd());
    const lineAt = (k: number): Range => {
      const { line, start } = table[k]!;
      return { start: { line, character: start }, end: { line, character: start + texts[k]!.length } };
    };
    const barAt = (text: string, column: number) => text[offsetAtColumn(text, column)] === '|';
    const isRow = (text: string) => text[0] === '|';
    const rowLines = texts.filter(isRow);
    if (rowLines.some((text) => rowSpanBorder.test(text))) return undefined;
    for (let k = 1; k < texts.length; ) {
      if (!isRow(texts[k]!)) {
        const text = texts[k]!;
        const strayPluses = [...text.matchAll(/\+/g)].map(({ index }) => index).filter((column) => !columns.includes(column));
        // A `+` where rows part cells too is a column of the table's own.
        if (strayPluses.some((column) => rowLines.some((row) => barAt(row, column)))) return undefined;
        if (text.length !== right + 1 || strayPluses.length > 0) return lineAt(k);
        k++;
        continue;
      }
      // A row: its lines up to the next border line (the table ends in one).
      let end = k;
      while (isRow(texts[end]!)) end++;
      const rows = texts.slice(k, end);
      const bars = inner.filter((column) => barAt(rows[0]!, column));
      const bad = rows.findIndex((text) => offsetAtColumn(text, right) !== text.length - 1 || !barAt(text, right) || inner.some((column) => barAt(text, column) !== bars.includes(column)));
      if (bad >= 0) return lineAt(k + bad);
      const cellEdges = [columns[0]!, ...bars, right];
      for (let e = 0; e + 1 < cellEdges.length; e++) {
        const [from, to] = [cellEdges[e]!, cellEdges[e + 1]!];
        if (columns.indexOf(to) - columns.indexOf(from) < 2) continue;
        const stray = rows.findIndex((text) => {
          const [start, stop] = [offsetAtColumn(text, from), offsetAtColumn(text, to)];
          return cellPipes(text).some((pipe) => pipe > start && pipe < stop);
        });
        if (stray >= 0) return lineAt(k + stray);
      }
      k = end;
    }
    return undefined;
  }

  /**
   * A pipe table: a header row, a `|---|` separator, rows with pipes. Each cell is read on its
   * own; Pandoc splits cells at every `|` outside code, math, raw HTML and escapes.
   */
  private pipeTable(lines: LineRef[], i: number): number | undefined {
    const separator = lines[i + 1];
    // Indented by four columns, the lines are code (tried after the tables, as pandoc does).
    if (!separator || indentation(this.text(lines[i])) >= 4 || !this.text(lines[i]).includes('|') || !pipeSeparator.test(this.text(separator))) return undefined;
    // The separator decides the number of columns; cells beyond it are dropped.
    const columns = this.cells(separator).length;
    const addRow = (row: LineRef) => {
      for (const cell of this.cells(row).slice(0, columns)) {
        // Pandoc reads a cell as plain text only: a tag that ends a paragraph ends the cell, and the rest of it is dropped.
        const tag = this.text(cell).includes('<') ? this.firstBlockTag(this.text(cell), 0) : undefined;
        const kept = tag === undefined ? cell : { ...cell, end: cell.start + tag.start };
        if (!this.isBlank(kept)) this.addInline([kept]);
      }
    };
    addRow(lines[i]);
    let j = i + 2;
    while (j < lines.length && !this.isBlank(lines[j]) && this.text(lines[j]).includes('|')) addRow(lines[j++]);
    return j;
  }

  /**
   * A line block: lines that start with `|` and a space (or hold `|` alone), each with the lines
   * after it that start with a space, read as one line of text; any other line ends it.
   */
  private lineBlock(lines: LineRef[], i: number): number | undefined {
    const startsLine = (k: number) => k < lines.length && /^\|(?: |$)/.test(this.text(lines[k]));
    if (!startsLine(i)) return undefined;
    let k = i;
    while (startsLine(k)) {
      const line: LineRef[] = [{ line: lines[k].line, start: lines[k].start + 1, end: lines[k].end }];
      for (k++; k < lines.length && this.text(lines[k]).startsWith(' '); k++) line.push({ line: lines[k].line, start: lines[k].start + 1, end: lines[k].end });
      this.addInline(line);
    }
    return k;
  }

  /**
   * A simple table with a header: a line of text over a line of dashes in runs (not a setext
   * heading's underline), whose runs give the columns every line is cut at, and one row or more up
   * to a blank line or a line of dashes.
   */
  private simpleTable(lines: LineRef[], i: number): number | undefined {
    const separator = lines[i + 1];
    if (separator === undefined || !dashedLine.test(this.text(separator)) || setextUnderline.test(this.text(separator)) || this.isBlank(lines[i])) return undefined;
    // A line of dashes ends it as a blank line does (Pandoc reads the dashes' own line break as the blank line it wants).
    const endsTable = (k: number) => k >= lines.length || this.isBlank(lines[k]) || dashedLine.test(this.text(lines[k])) || this.closesDiv(lines[k]);
    // Without a row it is no table.
    if (endsTable(i + 2)) return undefined;
    const columns = dashRunStarts(this.text(separator));
    this.addRowCells([lines[i]], columns);
    let k = i + 2;
    for (; !endsTable(k); k++) this.addRowCells([lines[k]], columns);
    return k < lines.length && dashedLine.test(this.text(lines[k])) ? k + 1 : k;
  }

  /**
   * Whether a line begins with the closing tag of an HTML block open around `lines` (`</div>` of a
   * `<div>`, or of the innermost open element): Pandoc ends a list item's, a quote's or a
   * definition's lazy lines there (not a footnote's), so that the tag closes the block.
   */
  private closesHtmlBlock(lines: readonly LineRef[], k: number): boolean {
    const name = /^<\/([A-Za-z][A-Za-z0-9-]*)\s*>/.exec(this.text(lines[k]!))?.[1]?.toLowerCase();
    if (name === undefined) return false;
    return (name === 'div' && (this.openHtmlDivs.get(lines)?.length ?? 0) > 0) || name === this.openElements[this.openElements.length - 1]?.name;
  }

  /** Whether a line is the closing fence of a div open around the lines parsed now: no table row runs over it. */
  private closesDiv(line: LineRef): boolean {
    return this.openDivs > 0 && divClose.test(this.text(line));
  }

  /**
   * A table that starts with a line of dashes, as Pandoc tries them: a multiline table with a header
   * (the top border, header lines, a line of dashes, rows apart by blank lines, and the next line of
   * dashes), else one
   * without a header, which the first line of dashes after the top one ends: a simple table (a row
   * per line) or, with blank lines among its rows, a multiline one. Whatever stands between is table
   * text, cut into cells at the columns of the dashes (the header's, else the top border's).
   */
  private dashedTable(lines: LineRef[], i: number): number | undefined {
    if (!dashedLine.test(this.text(lines[i])) || i + 1 >= lines.length || this.isBlank(lines[i + 1])) return undefined;
    const separator = this.nextDashedLine(lines, i + 1);
    if (separator < 0 || this.divClosedBetween(lines, i + 1, separator)) return undefined;
    const footer = this.nextDashedLine(lines, separator + 1);
    // Its first row follows the header's dashes at once.
    if (footer > separator + 1 && !this.isBlank(lines[separator + 1]) && !this.divClosedBetween(lines, separator + 1, footer)) {
      const columns = dashRunStarts(this.text(lines[separator]));
      this.addRowCells(lines.slice(i + 1, separator), columns);
      this.addRowGroups(lines.slice(separator + 1, footer), columns);
      return footer + 1;
    }
    const rows = lines.slice(i + 1, separator);
    const columns = dashRunStarts(this.text(lines[i]));
    if (rows.some((line) => this.isBlank(line))) this.addRowGroups(rows, columns);
    else rows.forEach((row) => this.addRowCells([row], columns));
    return separator + 1;
  }

  /** Whether one of `lines` from `from` up to `to` closes a div open around them. */
  private divClosedBetween(lines: readonly LineRef[], from: number, to: number): boolean {
    if (this.openDivs === 0) return false;
    for (let k = from; k < to; k++) if (divClose.test(this.text(lines[k]))) return true;
    return false;
  }

  /**
   * The first line of dashes from `from` on, or -1. Found once per list of lines and line: a file
   * of many lines of dashes with none after them costs one look through it.
   */
  private nextDashedLine(lines: readonly LineRef[], from: number): number {
    let next = this.nextDashed.get(lines);
    if (next === undefined) {
      next = new Int32Array(lines.length + 1);
      next[lines.length] = -1;
      for (let k = lines.length - 1; k >= 0; k--) next[k] = dashedLine.test(this.text(lines[k])) ? k : next[k + 1];
      this.nextDashed.set(lines, next);
    }
    return from >= lines.length ? -1 : next[from];
  }

  /**
   * The index of the last of `lines` holding `-->`, or -1; found once per list of lines. A comment
   * opened in a paragraph or a setext heading's text runs on only when a later line closes it, and
   * a container's lines are parsed on their own, so only its own lines count (as in Pandoc for block
   * quotes; in a list item Pandoc lets such a comment run on past the item, which is not modelled).
   */
  /** The last of the lines in which the pattern (global, case as it says) is found, or -1; kept per list of lines and pattern. */
  private lastLineMatching(lines: readonly LineRef[], pattern: RegExp): number {
    const key = `${pattern.source}/${pattern.flags}`;
    let byPattern = this.lastMatches.get(lines);
    if (byPattern === undefined) this.lastMatches.set(lines, (byPattern = new Map()));
    let last = byPattern.get(key);
    if (last === undefined) {
      last = -1;
      for (let k = lines.length - 1; k >= 0 && last < 0; k--) {
        pattern.lastIndex = 0;
        if (pattern.test(this.text(lines[k]))) last = k;
      }
      byPattern.set(key, last);
    }
    return last;
  }

  private lastCommentCloseLine(lines: readonly LineRef[]): number {
    return this.lastLineMatching(lines, commentCloser);
  }

  /** Rows of a multiline table: groups of lines apart by blank lines. */
  private addRowGroups(rows: readonly LineRef[], columns: readonly number[]): void {
    let group: LineRef[] = [];
    for (const line of [...rows, undefined]) {
      if (line === undefined || this.isBlank(line)) {
        if (group.length > 0) this.addRowCells(group, columns);
        group = [];
      } else {
        group.push(line);
      }
    }
  }

  /** The cells of one table row (one or more lines), cut at the columns' start characters. */
  private addRowCells(row: readonly LineRef[], columns: readonly number[]): void {
    columns.forEach((from, k) => {
      const to = k + 1 < columns.length ? columns[k + 1] : Infinity;
      const cell = row
        .map((ref) => {
          const text = this.text(ref);
          return { line: ref.line, start: ref.start + offsetAtColumn(text, from), end: ref.start + (to === Infinity ? text.length : offsetAtColumn(text, to)) };
        })
        .filter((ref) => ref.end > ref.start);
      if (cell.some((ref) => !this.isBlank(ref))) this.addInline(cell);
    });
  }

  /**
   * Raw TeX at the start of a line (pandoc's `rawTeXBlock`, see `rawTex.ts`): environments, which
   * run over any lines to their `\end{name}`, and commands that pandoc reads as blocks (`\newpage`
   * alone on its line), one after another. None of it is Markdown, and what follows it starts a
   * block: a heading under `\newpage` is one. Run within `withTexPairs`: each command on a line
   * asks about the same window of lines.
   */
  private rawTexBlock(lines: LineRef[], i: number): number | undefined {
    let j = i;
    let at = 0;
    let window: TexWindow | undefined;
    for (;;) {
      const line = lines[j]!;
      const text = this.text(line);
      if (window?.line !== j) window = this.texWindow(lines, j);
      const close = environmentBegun(text, at) === undefined ? texCommandsEnd(window, lines, at) : this.environmentEnds(lines).get(`${j}:${line.start + at}`);
      if (close === undefined) break;
      this.result.verbatim.push({ start: { line: line.line, character: line.start + at }, end: { line: lines[close.line]!.line, character: close.end } });
      // Pandoc skips the spaces after raw TeX, a line break and the next line's indentation.
      j = close.line;
      at = close.end - lines[j]!.start;
      const rest = this.text(lines[j]!);
      while (rest[at] === ' ' || rest[at] === '\t') at++;
      if (at < rest.length) continue;
      const next = lines[j + 1];
      if (next === undefined || this.isBlank(next)) return j + 1;
      lines[j + 1] = { ...next, start: next.start + indentation(this.text(next)) };
      if (!/^\\\p{L}/u.test(this.text(lines[j + 1]!))) return j + 1;
      j++;
      at = 0;
    }
    if (j === i && at === 0) return undefined;
    // What follows the raw TeX on its line starts the next block.
    lines[j] = { ...lines[j]!, start: lines[j]!.start + at };
    return j;
  }

  /** The text of line `i` and the lines after it, up to a blank line and `maxTexCommandLines` in all: where a command's options and arguments are looked for. */
  private texWindow(lines: LineRef[], i: number): TexWindow {
    const texts = [this.text(lines[i]!)];
    for (let k = 1; k < maxTexCommandLines && i + k < lines.length && !this.isBlank(lines[i + k]); k++) texts.push(this.text(lines[i + k]!));
    return { line: i, text: texts.join('\n'), lengths: texts.map((text) => text.length) };
  }

  /**
   * Where each environment ends, by the line and column its `\begin{name}` stands at: the line
   * index of its `\end{name}` and the column after it. All of a list of lines are paired at once,
   * so that many left open, of one name or of many, are no quadratic search.
   */
  private environmentEnds(lines: LineRef[]): ReadonlyMap<string, { line: number; end: number }> {
    let ends = this.environmentEndsOf.get(lines);
    if (ends === undefined) {
      ends = new Map();
      const begun = new Map<string, string[]>();
      lines.forEach((line, j) => {
        for (const tag of environmentTags(this.text(line))) {
          let open = begun.get(tag.name);
          if (open === undefined) begun.set(tag.name, (open = []));
          if (tag.begin) open.push(`${j}:${line.start + tag.start}`);
          else if (open.length > 0) ends!.set(open.pop()!, { line: j, end: line.start + tag.end });
        }
      });
      this.environmentEndsOf.set(lines, ends);
    }
    return ends;
  }

  /** The cells of a pipe-table row, split at its cells' pipes (see `cellPipes`). */
  private cells(row: LineRef): LineRef[] {
    const text = this.text(row);
    const bounds = [-1, ...cellPipes(text), text.length];
    const cells: LineRef[] = [];
    for (let k = 0; k + 1 < bounds.length; k++) {
      const start = bounds[k] + 1;
      const end = bounds[k + 1];
      // No cell before a leading pipe or after a trailing one.
      if ((k === 0 && text.slice(0, end).trim() === '') || (k === bounds.length - 2 && text.slice(start).trim() === '')) continue;
      cells.push({ line: row.line, start: row.start + start, end: row.start + end });
    }
    return cells;
  }

  private indentedCode(lines: LineRef[], i: number): number | undefined {
    if (indentation(this.text(lines[i])) < 4) return undefined;
    let j = i + 1;
    let end = j;
    while (j < lines.length) {
      if (this.isBlank(lines[j])) j++;
      else if (indentation(this.text(lines[j])) >= 4) end = ++j;
      else break;
    }
    const last = lines[end - 1];
    const lastEnd = { line: last.line, character: last.end };
    this.result.verbatim.push({ start: { line: lines[i].line, character: lines[i].start }, end: lastEnd });
    const codeStart = { line: lines[i].line, character: lines[i].start + indentation(this.text(lines[i])) };
    this.result.indentedCode.push({ firstLine: { start: codeStart, end: { line: lines[i].line, character: lines[i].end } }, range: { start: codeStart, end: lastEnd } });
    return end;
  }

  /** A block quote: `>` lines and lazy continuation lines, up to a blank line. */
  private blockQuote(lines: LineRef[], i: number): number | undefined {
    if (!/^ {0,3}>/.test(this.text(lines[i]))) return undefined;
    const inner: LineRef[] = [];
    let j = i;
    while (j < lines.length && !this.isBlank(lines[j])) {
      const line = lines[j];
      const marker = /^ {0,3}> ?/.exec(this.text(line));
      // A lazy line goes on as a paragraph's would: a backtick fence at the margin ends the quote.
      if (!marker && ((this.text(line).startsWith('```') && this.findFence(lines, j) !== undefined) || this.closesHtmlBlock(lines, j))) break;
      // Pandoc reads a lazy line (without `>`) from its first character: `> a` then ` ```` opens code.
      inner.push(marker ? { line: line.line, start: line.start + marker[0].length, end: line.end } : { ...line, start: line.start + indentation(this.text(line)) });
      j++;
    }
    this.parse(inner, { inList: false, topLevel: false });
    return j;
  }

  private rule(lines: LineRef[], i: number, context: Context): number | undefined {
    if (!horizontalRule.test(this.text(lines[i]))) return undefined;
    if (context.topLevel && this.openDivs === 0) {
      this.result.rules.push(lines[i].line);
      this.openHtmlDivs.get(lines)?.at(-1)?.rules.push(lines[i].line);
    }
    return i + 1;
  }

  /**
   * List items from line `i` on. The items of an ordered list follow one another as in Pandoc: the
   * next item of the same style is an item, though it would read as the text of a setext heading on
   * its own (`2. b` over `--`).
   */
  private listItem(lines: LineRef[], i: number, marker: RegExp, context: Context): number | undefined {
    let j = this.oneListItem(lines, i, marker, context);
    if (j === undefined || marker !== orderedMarker) return j;
    const first = orderedMarkerParts(this.text(lines[i]))!;
    const fitsStyle = fitsOrderedListStyle[orderedListStyle(first.number)];
    for (;;) {
      let k = j;
      while (k < lines.length && this.isBlank(lines[k])) k++;
      const next = k < lines.length ? orderedMarkerParts(this.text(lines[k])) : undefined;
      if (next === undefined || next.delimiter !== first.delimiter || !fitsStyle(next.number)) return j;
      const end = this.oneListItem(lines, k, marker, context);
      if (end === undefined) return j;
      j = end;
    }
  }

  /**
   * A list item: the marker line and its continuation lines, with the item's indentation removed,
   * parsed again as blocks. Continuation follows Pandoc: lazy lines up to a blank line, then
   * lines indented at least as far as the item's content.
   */
  private oneListItem(lines: LineRef[], i: number, marker: RegExp, context: Context): number | undefined {
    const first = lines[i];
    const text = this.text(first);
    const match = marker.exec(text);
    if (!match || (marker === bulletMarker && horizontalRule.test(text))) return undefined;
    if (marker === orderedMarker && /^ {0,3}[A-Z]\.[ \t]?(?! )\S/.test(text) && !/^ {0,3}[A-Z]\.(?:  |\t)/.test(text)) {
      return undefined; // an initial such as "B. Russell": Pandoc wants two spaces after an upper-case letter
    }
    // After the marker's space Pandoc takes up to three more, unless a fourth follows: then the
    // content starts one column after the marker, indented as code (`-     code`).
    const spaces = match[0].length - match[0].trimEnd().length;
    const contentIndent = spaces >= 5 ? match[0].length - spaces + 1 : match[0].length;
    const item: LineRef[] = [{ line: first.line, start: first.start + contentIndent, end: first.end }];
    let j = i + 1;
    const isListStart = (ref: LineRef) => startsListItem(this.text(ref));
    // A lone `-` at the content's column underlines the item's text (a setext heading), as pandoc
    // reads the item's lines again as blocks; a code fence ends the item's first lines only
    // when indented less than its content: Pandoc reads one indented as far as the content as the
    // item's text.
    const endsItem = (k: number) => {
      const lineText = this.text(lines[k]);
      if (indentation(lineText) === contentIndent && /^[ \t]*-[ \t]*$/.test(lineText)) return false;
      return isListStart(lines[k]) || (indentation(lineText) < contentIndent && this.findFence(lines, k) !== undefined) || this.closesHtmlBlock(lines, k);
    };
    for (;;) {
      while (j < lines.length && !this.isBlank(lines[j]) && !endsItem(j)) {
        // A lazy line, indented less than the content, is text: ` ===` under the item's text underlines nothing.
        const lineText = this.text(lines[j]);
        const lazyUnderline = indentation(lineText) < contentIndent && /^[ \t]+/.test(lineText) && setextUnderline.test(lineText.trimStart());
        item.push(lazyUnderline ? lines[j] : this.stripIndent(lines[j], contentIndent));
        j++;
      }
      // A comment left open in the item runs on, over blank lines and whatever they hold, to the
      // `-->` that closes it (Pandoc's list lines skip comments whole); without one it is text.
      if (!this.text(first).includes('<!--') && !item.some((ref) => this.text(ref).includes('<!--'))) break;
      const openAt = unclosedCommentStart(item.map((ref) => this.text(ref)).join('\n'));
      if (openAt < 0) break;
      if (this.lastCommentCloseLine(lines) < j) {
        if (context.topLevel) this.noteUnclosedIn(item, openAt);
        break;
      }
      while (j < lines.length) {
        const closes = this.text(lines[j]).includes('-->');
        item.push(this.stripIndent(lines[j], contentIndent));
        j++;
        if (closes && unclosedCommentStart(item.map((ref) => this.text(ref)).join('\n')) < 0) break;
      }
    }
    // Then the lines indented as far as the content, after blank lines or right under the first
    // ones (`- item` then `  - sub`, a list of the item's own), each with the lazy lines after it.
    for (;;) {
      let k = j;
      while (k < lines.length && this.isBlank(lines[k])) k++;
      if (k >= lines.length || indentation(this.text(lines[k])) < contentIndent) break;
      for (let b = j; b < k; b++) item.push(lines[b]);
      j = k;
      item.push(this.stripIndent(lines[j], contentIndent));
      j++;
      while (j < lines.length && !this.isBlank(lines[j])) {
        const t = this.text(lines[j]);
        if (indentation(t) < contentIndent && (isListStart(lines[j]) || this.closesHtmlBlock(lines, j))) break;
        item.push(this.stripIndent(lines[j], contentIndent));
        j++;
      }
    }
    this.parse(item, { inList: true, topLevel: false });
    return j;
  }

  /** Removes up to `width` columns of leading spaces. */
  private stripIndent(ref: LineRef, width: number): LineRef {
    const text = this.text(ref);
    let k = 0;
    while (k < text.length && k < width && text[k] === ' ') k++;
    return { line: ref.line, start: ref.start + k, end: ref.end };
  }

  /**
   * Removes a line's indentation of four columns, as Pandoc's `indentSpaces` in notes and
   * definitions: a line indented less keeps its spaces (`[^1]: # X` is no heading, as ` # X` is none).
   */
  private stripIndentation(ref: LineRef): LineRef {
    return this.text(ref).startsWith('    ') ? { line: ref.line, start: ref.start + 4, end: ref.end } : ref;
  }

  /** A term line followed (after at most one blank line) by `:` or `~` definitions. */
  private definitionList(lines: LineRef[], i: number): number | undefined {
    const defAt = (k: number) => lines[k] !== undefined && definitionMarkerLength(this.text(lines[k])) !== undefined;
    // Where the first definition of a term at line `k` starts: under it, after at most one blank line; -1 without one.
    const definitionAfter = (k: number) => (defAt(k + 1) ? k + 1 : this.isBlank(lines[k + 1]) && defAt(k + 2) ? k + 2 : -1);
    let j = definitionAfter(i);
    if (j < 0) return undefined;
    this.addInline([lines[i]]);
    while (j < lines.length && defAt(j)) {
      const markerLength = definitionMarkerLength(this.text(lines[j]))!;
      const body: LineRef[] = [{ line: lines[j].line, start: lines[j].start + markerLength, end: lines[j].end }];
      j++;
      // The closing tag of an open HTML block ends its lazy lines (not a note's).
      j = this.collectIndented(lines, j, body, (k) => !defAt(k) && !this.closesHtmlBlock(lines, k));
      this.parse(body, { inList: false, topLevel: false });
      let k = j;
      while (k < lines.length && this.isBlank(lines[k]) && k - j < 1) k++;
      if (defAt(k)) {
        j = k;
        continue;
      }
      // The next item: after any blank lines, a line with a definition under it is its term, whatever
      // it is written as (`### KI-Haikus zu X {.haiku}` above its table's caption).
      while (k < lines.length && this.isBlank(lines[k])) k++;
      const definition = k >= lines.length || defAt(k) ? -1 : definitionAfter(k);
      if (definition < 0) break;
      const term = lines[k]!;
      if (atxHeadingText.test(this.text(term))) this.result.headingsAsTerms.push({ start: { line: term.line, character: term.start }, end: { line: term.line, character: term.end } });
      this.addInline([term]);
      j = definition;
    }
    return j;
  }

  /** A footnote definition `[^id]: text` with its indented continuation. */
  private note(lines: LineRef[], i: number): number | undefined {
    const match = noteStart.exec(this.text(lines[i]));
    if (!match) return undefined;
    const first = lines[i];
    const body: LineRef[] = [this.stripIndentation({ line: first.line, start: first.start + match[0].length, end: first.end })];
    const j = this.collectIndented(lines, i + 1, body, (k) => !noteReferenceFirst.test(this.text(lines[k])));
    const outer = this.noteText;
    this.noteText = [];
    this.parse(body, { inList: false, topLevel: false });
    this.result.notes.set(match[1], this.noteText);
    this.noteText = outer;
    return j;
  }

  /**
   * Collects lazy lines up to a blank line, then blocks of lines indented by four columns, into
   * `body`, each line with its indentation removed (`stripIndentation`); returns the index after them.
   */
  private collectIndented(lines: LineRef[], from: number, body: LineRef[], lazyAllowed: (k: number) => boolean): number {
    let j = from;
    while (j < lines.length && !this.isBlank(lines[j]) && lazyAllowed(j)) body.push(this.stripIndentation(lines[j++]));
    for (;;) {
      let k = j;
      while (k < lines.length && this.isBlank(lines[k])) k++;
      if (k >= lines.length || k === j || indentation(this.text(lines[k])) < 4) return j;
      for (let b = j; b < k; b++) body.push(lines[b]);
      j = k;
      while (j < lines.length && !this.isBlank(lines[j]) && (j === k || lazyAllowed(j))) body.push(this.stripIndentation(lines[j++]));
    }
  }

  /**
   * `[label]: url "title" {attributes}`; the URL may stand on the next line, and may be several
   * words, which Pandoc joins with a space.
   */
  private referenceDefinition(lines: LineRef[], i: number): number | undefined {
    const found = this.definitionLabel(lines, i);
    if (found === undefined) return undefined;
    const line = lines[found.last];
    let urlLine = line;
    let rest = this.text(line).slice(found.urlStart);
    let restStart = line.start + found.urlStart;
    let next = found.last + 1;
    if (rest === '' && lines[next] && !this.isBlank(lines[next])) {
      urlLine = lines[next];
      rest = this.text(urlLine);
      restStart = urlLine.start;
      next++;
    }
    const target = referenceTarget(rest);
    if (!target) return undefined;
    let attributes = target.attributes && { line: urlLine, block: shiftAttributes(target.attributes, restStart - urlLine.start) };
    // The title may stand on the line after the URL, and the attributes on the line after either.
    let titled = target.titled;
    for (let part = 0; part < 2 && attributes === undefined && lines[next] !== undefined; part++) {
      const following = lines[next];
      const parts = titleAndAttributes(this.text(following));
      if (parts === undefined || (!parts.titled && parts.attributes === undefined) || (titled && parts.titled)) break;
      titled ||= parts.titled;
      attributes = parts.attributes && { line: following, block: parts.attributes };
      next++;
    }
    const hash = target.url.startsWith('#') ? writtenHashLength(rest.slice(target.start, target.end)) : 0;
    this.result.definitions.push({
      label: found.label,
      url: target.url,
      urlRef: { line: urlLine.line, start: restStart + target.start + hash, end: restStart + target.end },
      labelRef: found.labelRef,
      attributes,
    });
    return next;
  }

  /**
   * The label of a reference definition that line `i` opens (`[label]:`), as Pandoc reads it: its
   * brackets balanced, going on over lines, blank ones too. `last` is the index in `lines` of the
   * line of its `]:`, `urlStart` where the text after the colon and its blanks begins there.
   */
  private definitionLabel(lines: LineRef[], i: number): { label: string; labelRef: LineSpan; last: number; urlStart: number } | undefined {
    const first = this.text(lines[i]);
    const opening = /^ {0,3}\[(?![\^@])/.exec(first);
    if (!opening) return undefined;
    const parts: string[] = [];
    let depth = 1;
    let read = 0;
    for (let j = i, from = opening[0].length; j < lines.length && read < maxLabelLength; j++, from = 0) {
      const text = j === i ? first : this.text(lines[j]);
      for (let k = from; k < text.length; k++) {
        const ch = text[k];
        if (ch === '\\') k++;
        else if (ch === '[') depth++;
        else if (ch === ']' && --depth === 0) {
          parts.push(text.slice(from, k));
          const label = parts.join('\n');
          if (text[k + 1] !== ':' || label === '') return undefined;
          const labelRef = { line: lines[i].line, start: lines[i].start + opening[0].length - 1, endLine: lines[j].line, end: lines[j].start + k + 1 };
          return { label, labelRef, last: j, urlStart: k + 2 + /^[ \t]*/.exec(text.slice(k + 2))![0].length };
        }
      }
      parts.push(text.slice(from));
      read += text.length - from + 1;
    }
    return undefined;
  }

  /**
   * A paragraph: lines up to a blank line. Pandoc also ends it before a backtick-fenced code
   * block, inside a list before a list marker, and at a block-level or verbatim HTML tag (see
   * `readParagraph`); an HTML comment left open runs on past blank lines to its end.
   */
  private paragraph(lines: LineRef[], i: number, context: Context): number {
    const known = this.cutParagraph;
    if (known !== undefined && known.lines === lines && i >= known.first && i < known.end && known.openDivs === this.openDivs) {
      return this.readParagraph(known, i);
    }
    const body: LineRef[] = [lines[i]];
    let j = i + 1;
    let openComment = commentOpenAfter(false, this.text(lines[i]));
    let mayHoldTag = mayEndParagraph(this.text(lines[i]));
    let commentChecked = false;
    while (j < lines.length) {
      const line = lines[j];
      const text = this.text(line);
      // A comment that no later `-->` closes is no comment: Pandoc reads its `<!--` as text.
      if (openComment && j > this.lastCommentCloseLine(lines)) openComment = false;
      // Nor is a `<!--` in code or in an attribute value, which the line scan takes for one: at the
      // first blank line it would run over, the inline scanner says (once per paragraph, so linear).
      if (openComment && !commentChecked && /^[ \t]*$/.test(text)) {
        commentChecked = true;
        openComment = endsInComment(body.map((ref) => this.text(ref)).join('\n'));
      }
      if (!openComment) {
        if (/^[ \t]*$/.test(text)) break;
        // Only a fence at the margin: an indented one is the paragraph's text (a code span).
        if (text.startsWith('```') && this.findFence(lines, j) !== undefined) {
          this.fenceLinesAfterText.add(line.line);
          break;
        }
        if (context.inList && startsListItem(text)) break;
        if (this.openDivs > 0 && divClose.test(text)) break;
      }
      body.push(line);
      openComment = commentOpenAfter(openComment, text);
      mayHoldTag ||= mayEndParagraph(text);
      j++;
    }
    if (!mayHoldTag) {
      this.addParagraph(body, lines, i);
      return j;
    }
    const texts = body.map((line) => this.text(line));
    const offsets: number[] = [];
    let offset = 0;
    for (const text of texts) {
      offsets.push(offset);
      offset += text.length + 1;
    }
    const paragraph: ParagraphText = { lines, first: i, end: j, text: texts.join('\n'), offsets, starts: body.map((line) => line.start), openDivs: this.openDivs, texBreaks: 0 };
    // A comment left open here finds no `-->` later in the file (the paragraph would run on to it).
    const unclosed = context.topLevel && paragraph.text.includes('<!--') ? unclosedCommentStart(paragraph.text) : -1;
    if (unclosed >= 0) this.noteUnclosedIn(body, unclosed);
    // Read on from the same text after a cut: a paragraph begun after it would end where this one ends,
    // as no cut lies within a comment (whose blank lines the paragraph passes over).
    this.cutParagraph = paragraph;
    return this.readParagraph(paragraph, i);
  }

  /**
   * The paragraph of `paragraph`'s text from line `i` on, ended at its first block-level or
   * verbatim HTML tag, or the closing tag of the innermost open element, or raw TeX that pandoc
   * reads as a block (`\begin{center}`, `\section{…}`), wherever in a line Pandoc's inline parser
   * meets it: the text before it is the paragraph, the tag is raw HTML (the TeX a block of its
   * own), and what follows starts the next block. When that is a paragraph again, it is read on from
   * the same text, so that a paragraph with a tag in each of its lines is read once.
   */
  private readParagraph(paragraph: ParagraphText, i: number): number {
    const { lines, first, end, offsets, starts } = paragraph;
    const from = offsets[i - first] + lines[i].start - starts[i - first];
    const tag = this.firstBlockTag(paragraph.text, from, paragraph.texBreaks < maxTexBreaksPerParagraph);
    const at = (offset: number) => {
      const k = countAtMost(offsets, offset) - 1;
      return { line: first + k, character: starts[k] + offset - offsets[k] };
    };
    const tagStart = tag === undefined ? undefined : at(tag.start);
    const before = lines.slice(i, tagStart === undefined ? end : tagStart.line + 1);
    if (tagStart !== undefined) {
      before[before.length - 1] = { ...before[before.length - 1], end: tagStart.character };
      if (this.isBlank(before[before.length - 1])) before.pop();
    }
    if (before.length > 0) this.addParagraph(before, lines, i);
    if (tag === undefined || tagStart === undefined) return end;
    if ('tex' in tag) {
      // The block parser reads the TeX from where it starts, mid-line too (`rawTexBlock`).
      paragraph.texBreaks++;
      lines[tagStart.line] = { ...lines[tagStart.line], start: tagStart.character };
      return tagStart.line;
    }
    const tagEnd = at(tag.end);
    if (tag.name === 'div') this.meetDivTag(lines, tagStart.line, tagStart.character, paragraph.text.slice(tag.start, tag.end));
    const verbatim = verbatimTags.has(tag.name) && tag.opening ? tag.name : undefined;
    const opened = tag.opening && verbatim === undefined ? this.openElement(tag.name) : undefined;
    const skipped = this.skippedAfter(tag.name, tag.closing, !tag.opening && !tag.closing);
    return this.skipHtml(lines, tagStart.line, tagStart.character, tagEnd.line, tagEnd.character, verbatim, skipped, opened);
  }

  /**
   * An element opened by a tag at a block's start: open until its closing tag, or to the end of
   * the container when none comes, as in Pandoc. A `<div>` has a parser of its own.
   */
  private openElement(name: string): { indent: number } | undefined {
    if (name === 'div') return undefined;
    const element = { name, indent: 0 };
    this.openElements.push(element);
    return element;
  }

  /**
   * What Pandoc skips after a tag (see `SkippedAfterHtml`); nothing after the closing tag of the
   * innermost open element, which this closes, or after a self-closing verbatim tag (`<pre/>`).
   */
  private skippedAfter(name: string, closing: boolean, selfClosing: boolean): SkippedAfterHtml {
    if (closing && name === this.openElements[this.openElements.length - 1]?.name) {
      if (this.openElements.length > this.outerElements) this.openElements.pop();
      return 'nothing';
    }
    return selfClosing && verbatimTags.has(name) ? 'nothing' : skippedAfterTag(name, closing);
  }

  /**
   * The first tag from `from` on where Pandoc's inline parser ends a paragraph: a block-level or
   * verbatim one, or the innermost open element's closing tag; with `texBreaks`, also raw TeX that is a block.
   */
  private firstBlockTag(text: string, from: number, texBreaks = false): HtmlTag | TexBlockStart | undefined {
    const innermost = this.openElements[this.openElements.length - 1]?.name;
    const endsHere = (name: string, closing: boolean) => endsParagraph(name, closing) || (closing && name === innermost);
    return firstBlockTag(text, from, endsHere, texBreaks);
  }

  /**
   * A `<div>` or `</div>` tag met as raw HTML at `column` of line `i` (the tag may go on over the
   * next lines). Pandoc reads an opening tag as a div when a closing one follows in the same
   * blocks: the id it gives is noted now, and dropped at the end (`dropUnclosedHtmlDivs`) unless
   * its `</div>` is met. Tags in code, comments or a list item of their own are never met here.
   */
  private meetDivTag(lines: LineRef[], i: number, column: number, tag: string): void {
    const key = `${lines[i]!.line}:${column}`;
    if (this.metDivTags.has(key)) return;
    this.metDivTags.add(key);
    let open = this.openHtmlDivs.get(lines);
    if (open === undefined) this.openHtmlDivs.set(lines, (open = []));
    if (tag[1] === '/') {
      const opened = open.pop();
      if (opened?.block !== undefined) this.unclosedHtmlDivs.delete(opened.block);
      if (opened !== undefined && opened.rules.length > 0) this.result.rules = this.result.rules.filter((line) => !opened.rules.includes(line));
      return;
    }
    if (tag.endsWith('/>')) return;
    const placed = /\sid\s*=/i.test(tag) ? this.placeTagAttributes(lines, i, column, tag) : undefined;
    const block: BlockIdBlock | undefined = placed?.attributes.id ? { kind: 'blockId', element: 'div', ...placed } : undefined;
    if (block !== undefined) {
      (this.noteText ?? this.result.blocks).push(block);
      this.unclosedHtmlDivs.add(block);
    }
    open.push({ block, rules: [] });
  }

  /** The attributes of a tag at `column` of line `i`, placed on the line its id is written on. */
  private placeTagAttributes(lines: readonly LineRef[], i: number, column: number, tag: string): { line: LineRef; attributes: AttributeBlock } {
    const lineStarts = [0];
    for (let at = tag.indexOf('\n'); at >= 0; at = tag.indexOf('\n', at + 1)) lineStarts.push(at + 1);
    return placeOnIdLine(htmlTagAttributes(tag, 0), lines, i, lineStarts, column - lines[i]!.start);
  }

  /** Drops the ids of `<div id>` tags never closed (see `meetDivTag`). */
  dropUnclosedHtmlDivs(): void {
    if (this.unclosedHtmlDivs.size === 0) return;
    const kept = <T>(blocks: T[]): T[] => blocks.filter((block) => !this.unclosedHtmlDivs.has(block as BlockIdBlock));
    this.result.blocks = kept(this.result.blocks);
    for (const [label, blocks] of this.result.notes) this.result.notes.set(label, kept(blocks));
  }

  /** Notes the id an opening line's attribute block gives a div or code block, if any. */
  private addBlockId(element: BlockIdBlock['element'], line: LineRef, attributes: AttributeBlock | undefined): void {
    if (attributes?.id) (this.noteText ?? this.result.blocks).push({ kind: 'blockId', element, line, attributes });
  }

  /**
   * A paragraph's lines as read (`lines[k]` is `container[first + k]`), noting those written as
   * headings or code fences (see `BlockScan.headingsInText` and `fencesInText`).
   */
  private addParagraph(lines: readonly LineRef[], container: readonly LineRef[], first: number): void {
    this.addInline(lines);
    if (this.tableCellDepth === 0) this.noteSentencesMidLine(lines);
    // Most paragraphs have no line that starts with `#` or `~`: they are not joined to be looked at.
    if (this.tableCellDepth > 0 || !lines.some((line) => mayGoOnAsBlock(this.lineTexts[line.line], line.start))) return;
    const texts = lines.map((line) => this.text(line));
    // The lines that look like blocks, then whether each starts within a span, in one pass over the text.
    const candidates: { readonly k: number; readonly offset: number; readonly unspaced: boolean; readonly fence: RegExpExecArray | null }[] = [];
    for (let k = 0, offset = 0; k < lines.length; offset += texts[k]!.length + 1, k++) {
      // Without a space after the marks, only at the margin: `- ##Punkt` is no heading meant.
      const unspaced = lines[k]!.start === 0 && isHeadingWithoutSpace(texts[k]!);
      const fence = k > 0 && !unspaced ? fenceOpening.exec(texts[k]!) : null;
      if (unspaced || fence !== null || (k > 0 && atxHeadingText.test(texts[k]!))) candidates.push({ k, offset, unspaced, fence });
      // The lines after a fence under text are meant as code (`# a comment`), not as headings.
      if (fence !== null) break;
    }
    if (candidates.length === 0) return;
    const inSpans = withinInlineSpans(texts.join('\n'), candidates.map(({ offset }) => offset));
    candidates.forEach(({ k, unspaced, fence }, n) => {
      if (inSpans[n]) return;
      const { line, start, end } = lines[k]!;
      if (fence !== null) {
        if (fence[2]![0] === '~' && this.findFence(container, first + k) !== undefined) {
          this.result.fencesInText.push({ start: { line, character: start + fence[1]!.length }, end: { line, character: end } });
        }
        return;
      }
      if (unspaced) this.result.headingsWithoutSpace.push({ start: { line, character: start }, end: { line, character: end } });
      // Right under text, the line wants the blank line above it too.
      if (k > 0) this.result.headingsInText.push({ start: { line, character: start }, end: { line, character: end } });
    });
  }

  /**
   * The sentences of a paragraph that start after another on its lines (see
   * `BlockScan.sentencesMidLine`); not from a line on that is written as a heading or a fence
   * (`heading-in-text`, `code-block-in-text`), which is to be set apart, not split.
   */
  private noteSentencesMidLine(lines: readonly LineRef[]): void {
    const found: { readonly offset: number; readonly sentence: SentenceMidLineScan }[] = [];
    let lineOffset = 0;
    for (let k = 0; k < lines.length; k++) {
      const { line, start, end } = lines[k]!;
      if (k > 0 && mayGoOnAsBlock(this.lineTexts[line], start)) break;
      for (const { blankStart, wordEnd } of sentenceStartsIn(this.lineTexts[line], start, end)) {
        // The paragraph's next line shows how the writer goes on from its first: indented under a list item or not.
        const marksLine = k === 0 && lines.length > 1 && !mayGoOnAsBlock(this.lineTexts[lines[1]!.line], lines[1]!.start) ? lines[1]! : lines[k]!;
        found.push({ offset: lineOffset + blankStart - start, sentence: { range: { start: { line, character: blankStart }, end: { line, character: wordEnd } }, marksLine } });
      }
      lineOffset += end - start + 1;
    }
    if (found.length === 0) return;
    // Rare: the paragraph's text is joined only to tell a code span or a label from prose.
    const inSpans = withinInlineSpans(lines.map((ref) => this.text(ref)).join('\n'), found.map(({ offset }) => offset));
    found.forEach(({ sentence }, k) => {
      if (!inSpans[k]) this.result.sentencesMidLine.push(sentence);
    });
  }

  private addInline(lines: readonly LineRef[]): void {
    (this.noteText ?? this.result.blocks).push({ kind: 'inline', lines });
  }
}

/**
 * The URL of a reference definition in the text after `]:` — `<url>` or words up to a title or an
 * attribute block — when nothing but a title and attributes follow it.
 */
function referenceTarget(text: string): { url: string; start: number; end: number; titled: boolean; attributes: AttributeBlock | undefined } | undefined {
  let i = /^[ \t]*/.exec(text)![0].length;
  const start = i;
  let url: string;
  let end: number;
  if (text[i] === '<') {
    const close = text.indexOf('>', i);
    if (close < 0) return undefined;
    url = unescapeAndResolve(text.slice(i + 1, close));
    end = close;
    i = close + 1;
    return finishReference(text, i, { url: escapeUri(url), start: start + 1, end });
  }
  const words: string[] = [];
  end = i;
  for (;;) {
    while (text[i] === ' ' || text[i] === '\t') i++;
    const ch = text[i];
    if (ch === undefined || ch === '"' || ch === "'" || ch === '(' || ch === '[') break;
    if (ch === '{' && parseAttributeBlock(text, i)) break;
    const word = /^\S+/.exec(text.slice(i))![0];
    words.push(unescapeAndResolve(word));
    i += word.length;
    end = i;
  }
  if (words.length === 0) return undefined;
  return finishReference(text, i, { url: escapeUri(words.join(' ')), start, end });
}

/** Accepts a reference definition's target when only a title and attributes follow it. */
function finishReference<T>(text: string, i: number, target: T): (T & TitleAndAttributes) | undefined {
  const rest = titleAndAttributes(text.slice(i));
  return rest && { ...target, titled: rest.titled, attributes: rest.attributes && shiftAttributes(rest.attributes, i) };
}

/** What follows a reference definition's URL: whether a title does, and its attribute block. */
interface TitleAndAttributes {
  readonly titled: boolean;
  readonly attributes: AttributeBlock | undefined;
}

/** A title, an attribute block, both or neither, and nothing else, as after a reference definition's URL; undefined for other text. */
function titleAndAttributes(text: string): TitleAndAttributes | undefined {
  const start = text.length - text.trimStart().length;
  const title = /^(?:"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\([^)]*\))\s*/.exec(text.slice(start));
  const attributesAt = start + (title?.[0].length ?? 0);
  if (text.slice(attributesAt).trim() === '') return { titled: title !== null, attributes: undefined };
  const attributes = parseAttributeBlock(text, attributesAt);
  return attributes && text.slice(attributes.end).trim() === '' ? { titled: title !== null, attributes } : undefined;
}

/** A heading's text without its closing attribute block (`{#k title="a <div> b"}` is no HTML). */
function withoutClosingAttributes(content: string): string {
  const text = content.trimEnd();
  const open = text.lastIndexOf('{');
  const block = text.endsWith('}') && open >= 0 ? parseAttributeBlock(text, open) : undefined;
  return block !== undefined && block.end === text.length ? text.slice(0, open) : content;
}

/** Whether an HTML comment is open after `text`, given whether one was open before it. */
function commentOpenAfter(open: boolean, text: string): boolean {
  for (let pos = 0; ; ) {
    const at = open ? text.indexOf('-->', pos) : text.indexOf('<!--', pos);
    if (at < 0) return open;
    pos = at + (open ? 3 : 4);
    open = !open;
  }
}

/** The width of a line's leading spaces. */
function indentation(text: string): number {
  let column = 0;
  while (text[column] === ' ') column++;
  return column;
}
