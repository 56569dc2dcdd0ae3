/**
 * The parsed model of one glossary file. Everything a feature needs is here; no feature parses.
 *
 * Positions follow the Language Server Protocol: 0-based lines and UTF-16 character offsets.
 */

/** A 0-based line and UTF-16 character offset. */
export interface Position {
  readonly line: number;
  readonly character: number;
}

/** A half-open range between two positions. */
export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** The attributes of a Pandoc attribute block such as `{#Id .chapter .small .term key=value}`. */
export interface Attributes {
  /** The explicit identifier, or `undefined` when the block has none. */
  readonly id: string | undefined;
  readonly classes: readonly string[];
  readonly keyValues: readonly (readonly [string, string])[];
}

/**
 * How an id is written as `#id`: `apart` from the attributes beside it (after `{` or white space,
 * before white space or `}`), or glued to the one before it (`{.chapter#Id}`), after it, or both.
 */
export type IdAfterHash = 'apart' | 'gluedBefore' | 'gluedAfter' | 'gluedBoth';

/** A heading of any level, ATX or setext. */
export interface Heading {
  readonly level: number;
  /** The heading text without the attribute block and closing `#`s, its tabs expanded as Pandoc reads them (`textRange` has it as written). */
  readonly text: string;
  /** The heading text as plain text (what Pandoc's `stringify` gives): emphasis, code and links flattened. */
  readonly plainText: string;
  /** Range of the heading text as written. */
  readonly textRange: Range;
  /** Range of the whole heading (one line for ATX, two for setext). */
  readonly range: Range;
  /** The identifier Pandoc gives the heading: explicit, or its automatic identifier. */
  readonly id: string;
  readonly explicitId: boolean;
  /** Range of the id text inside `{#Id}` (or `{id="Id"}`), only for explicit ids written as they read. */
  readonly idRange: Range | undefined;
  /** How the explicit id is written as `#Id` (see `Anchor.idAfterHash`). */
  readonly idAfterHash: IdAfterHash | undefined;
  /** Range of the attribute block including its braces, when there is one. */
  readonly attributesRange: Range | undefined;
  readonly classes: readonly string[];
  readonly keyValues: readonly (readonly [string, string])[];
}

/** What carries an anchor's id: a heading, or an element with an attribute block. */
export type AnchorElement = 'heading' | 'div' | 'codeBlock' | 'span' | 'code' | 'link' | 'image';

/**
 * A linkable id in a file: a heading's explicit or automatic identifier, or the explicit id of
 * another element (`::: {#id}`, a fenced code block's `{#id}`, `[text]{#id}`, `` `code`{#id} ``,
 * `[label](url){#id}`, `![text](image){#id}`): pandoc gives each its id in the book.
 */
export interface Anchor {
  readonly id: string;
  readonly explicit: boolean;
  /**
   * Where the id stands: the explicit id's text, the heading text for an automatic id, or the
   * attribute block of an element whose id is written with escapes.
   */
  readonly idRange: Range;
  /**
   * Where the explicit id is written as it reads, what a rename edits: `{#id}`, or the value of
   * `id="…"`. Undefined for an automatic id, and for one written with escapes (`id="a\_b"`), whose
   * `idRange` is then its attribute block.
   */
  readonly writtenIdRange: Range | undefined;
  /**
   * How the explicit id is written as `#id`: a rename to an id that pandoc reads there in no other
   * form (one not beginning with a letter) writes `id="…"` in its place. Undefined for `id="…"`.
   */
  readonly idAfterHash: IdAfterHash | undefined;
  readonly element: AnchorElement;
  /** The heading, for a heading's anchor. */
  readonly heading: Heading | undefined;
  /** Where the element stands: the whole heading, span, code, link or image; a div's or code block's opening line. */
  readonly range: Range;
  /** The element's text as plain text: the heading's, the span's or the label; empty for a div or code block. */
  readonly label: string;
  readonly classes: readonly string[];
}

/** One internal link `[label](#Id)`, or a reference-style link whose definition points at `#Id`. */
export interface Link {
  /** The id the link points at: the URL without `#`, as Pandoc reads it (escapes resolved). */
  readonly target: string;
  readonly kind: 'inline' | 'reference' | 'implicitHeading';
  /** The label as plain text. */
  readonly label: string;
  /** Range of the whole link, brackets included. */
  readonly range: Range;
  /** Range of the label text between the brackets. */
  readonly labelRange: Range;
  /**
   * Range of the id text (after `#`). For a reference-style link this lies in the definition
   * `[ref]: #Id`, which several links may share. Undefined for implicit heading references
   * (`[Heading Text]`), whose id is not written anywhere.
   */
  readonly idRange: Range | undefined;
  /**
   * For a reference-style link, range of its definition's label `[ref]` (brackets included), which
   * the links sharing the definition share: on it, a writer is on the link as on its id.
   */
  readonly definitionLabelRange: Range | undefined;
  /**
   * Whether the link stands as an item of a list of links: the first link of its line with nothing
   * but separators (`|`, `·`, white space) before it (after a list marker), or a later link of such
   * a line. False for a link in a sentence (`Mehr bei [KI](#KI).`), which no list edit moves.
   */
  readonly listed: boolean;
}

/**
 * A link written so that the book shows it otherwise: `[label] (#Id)`, with a blank before the
 * target, which pandoc reads as text (the label alone a link where a heading is titled so);
 * `[[Id]]`, a wiki link, text in brackets (around a link where a heading is titled so); a link
 * without text between its brackets (`noText`), which shows nothing to click; a reference that no
 * definition gives, whose key is written as an id is (`[Crawler][Web-Crawling]`, `[Web-Crawling]`),
 * text too unless a heading is titled so (which the check tells, as it tells whether the id is one).
 */
export interface TextLink {
  readonly kind: 'blankBeforeTarget' | 'doubleBrackets' | 'noText' | 'reference';
  /** From the first `[` to the `)` or the last `]`. */
  readonly range: Range;
  /** The label meant, as plain text: between the brackets, or the inner ones. */
  readonly label: string;
  /** Where the label is written. */
  readonly labelRange: Range;
  /** The id meant: the target after `#`, or what the double brackets hold; empty for a link to no id. */
  readonly target: string;
  /** The blanks between `]` and `(` (blankBeforeTarget), which the fix removes. */
  readonly gapRange: Range | undefined;
}

/**
 * A link to a file by its path (`[Claude](Claude.md)`, `[c]: ../de/Claude.md#geschichte`): the
 * book, one document that pandoc joins from the files, holds no such file.
 */
export interface FileLink {
  /** The URL as pandoc reads it (escapes resolved, blanks percent-encoded): a relative path, perhaps with a `#fragment`. */
  readonly url: string;
  /** Range of the URL as written: in the link, or in the definition of a reference link (which several links may share). */
  readonly urlRange: Range;
}

/** A section under an entry: a heading below the entry's heading with the text up to the next one. */
export interface Section {
  readonly heading: Heading;
  /** From the heading to the line before the next heading of the same or a higher level, or the entry's end. */
  readonly range: Range;
}

/** The `{.seealso}` section of an entry. */
export interface SeeAlso {
  readonly section: Section;
  /** The links of the section, in order. */
  readonly links: readonly Link[];
  /**
   * The items of the list followed by the next with nothing but blanks between them, no separator
   * (`[A](#A) |`) nor a line break that pandoc keeps: in the book the two run together (`A B`).
   * Mostly none.
   */
  readonly runTogether: readonly Link[];
}

/** A heading with the term class and everything up to the next entry or the end of the file. */
export interface Entry {
  readonly heading: Heading;
  readonly id: string;
  readonly title: string;
  /**
   * The text of the first `***...***` line under the heading (as pandoc reads it, markup removed), when present, with a parenthesis that
   * ends its line after it: the one-liners an entry may open with name who said them there
   * (`"Der Großvater der KI" (Grok)`).
   */
  readonly summary: string | undefined;
  readonly sections: readonly Section[];
  readonly seeAlso: SeeAlso | undefined;
  /** The links of the entry outside its see-also section, in order. */
  readonly bodyLinks: readonly Link[];
  /** From the heading to the end of the entry. */
  readonly range: Range;
  /** The line of the closing `----` rule, when the entry ends with one. */
  readonly closingRuleLine: number | undefined;
  /**
   * The line of a rule that ends the entry right under a line of text (`----` under
   * `[Index](#Index) |`): pandoc reads it as that text, or as the underline of a heading (a list of
   * one line over `----` becomes the heading "Index |"), not as the closing rule.
   */
  readonly ruleUnderTextLine: number | undefined;
}

/** A fenced code block: where it is and which character fences it. */
export interface CodeFence {
  readonly fence: '`' | '~';
  /** Range of the opening fence, from its first character (after a list item's or quote's marks) to the line's end. */
  readonly openingRange: Range;
  /** Range of the whole block. */
  readonly range: Range;
  /** Whether the fence stands right under a line of text, which only a fence of backticks may (pandoc reads a `~~~` there as text). */
  readonly afterText: boolean;
}

/** A code block written by indenting its lines four columns. */
export interface IndentedCode {
  /** The first line, from its first character after the indentation to its end. */
  readonly firstLine: Range;
  /** The whole block, from the same character to the last line's end. */
  readonly range: Range;
}

/**
 * Something opened and never closed: a code fence or comment never closed in its file (and not
 * bounded by a quote or, for a fence, a list item), which pandoc reads as text there, but which
 * in the book, joining the files, runs on into the next ones; or a run of `*` or `_` in a heading
 * that makes the rest of it, its attribute block too, text.
 */
export interface UnclosedBlock {
  /** A code fence or comment (in the book they run on into the next files), or an emphasis run that makes a heading's attribute block text. */
  readonly kind: 'fence' | 'comment' | 'emphasis';
  /** The opening marker as written: `~~~~`, `<!--`, `**`. */
  readonly marker: string;
  /** Range of the opening marker (`~~~`, `<!--`). */
  readonly range: Range;
}

/** The immutable parsed model of one file at one version. */
export interface GlossaryDocument {
  readonly uri: string;
  readonly version: number;
  readonly lineCount: number;
  /** Where the text ends: after its last character. */
  readonly end: Position;
  /** `textFingerprint` of the text the model was parsed from. */
  readonly fingerprint: number;
  readonly headings: readonly Heading[];
  readonly anchors: readonly Anchor[];
  /** Every internal link in Pandoc's document order. */
  readonly links: readonly Link[];
  /** The links to a file by a relative path, in document order. */
  readonly fileLinks: readonly FileLink[];
  /** Brackets written as a link that pandoc reads otherwise, in document order (mostly none). */
  readonly textLinks: readonly TextLink[];
  readonly entries: readonly Entry[];
  readonly codeFences: readonly CodeFence[];
  /**
   * Text Pandoc keeps verbatim outside fenced code, where brackets make no link and words no prose:
   * raw HTML elements (`<pre>`, `<script>`, `<style>`, `<textarea>`) and comments starting a block,
   * from `<` to the end of the closing tag, and indented code blocks.
   */
  readonly verbatim: readonly Range[];
  readonly unclosedBlocks: readonly UnclosedBlock[];
  /** Lines written as headings that go on the paragraph above them, which pandoc so reads as text: from `#` to the end of the line. */
  readonly headingsInText: readonly Range[];
  /** Lines written as headings after a definition list, with a definition (a table's `: caption`) under them, which pandoc so reads as the term of the list's next item: from `#` to the end of the line. */
  readonly headingsAsTerms: readonly Range[];
  /** Lines written as headings without a blank after their `#` marks (`##Titel`), which pandoc so reads as text: from `#` to the end of the line. */
  readonly headingsWithoutSpace: readonly Range[];
  /** Lines opening a code block with `~~~` right under text, which pandoc so reads, with the code, as text: from the first `~` to the end of the line. */
  readonly fencesInText: readonly Range[];
  /**
   * Code blocks written by indenting their lines four columns (after a list item's or quote's
   * marks), not fenced. Text indented so by mistake is code in the book too.
   */
  readonly indentedCode: readonly IndentedCode[];
  /** Sentences of the prose that start after another on the same line (see `sentenceStartsIn`). */
  readonly sentencesMidLine: readonly SentenceMidLine[];
  /**
   * Of each grid table whose lines do not meet the columns of its top border, the first line that
   * does not: pandoc reads such rows' cells otherwise than they are written.
   */
  readonly misalignedTables: readonly Range[];
  /**
   * The carriage returns without a line feed, each from the end of its line to the start of the
   * next: a line break to the editor (and to LSP), which pandoc drops, joining the two lines. (One
   * right before a line break takes away a blank line the editor shows.) Those at the end of the text are left out.
   */
  readonly loneCarriageReturns: readonly Range[];
}

/** A sentence of the prose that starts after another on the same line. */
export interface SentenceMidLine {
  /** From the blanks before the sentence to the end of its first word. */
  readonly range: Range;
  /**
   * Where the marks end that a new line of the paragraph takes (its quotes' `>`, its list item's
   * indentation): on the sentence's line; on the paragraph's first line, where the paragraph has
   * more, on its second line, which shows how the writer goes on under a list item (indented, or
   * not at all, as pandoc's lazy lines allow).
   */
  readonly marksEnd: Position;
}

/** Settings that change what the parser calls an entry. */
export interface ParseOptions {
  /** The class that makes a heading an entry. */
  readonly termClass: string;
}

export const defaultParseOptions: ParseOptions = { termClass: 'term' };
