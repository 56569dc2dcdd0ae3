/**
 * Builds the GlossaryDocument of one file: block structure, then headings with their Pandoc
 * identifiers, then links (inline, reference-style and implicit heading references), then entries.
 */

import type { AttributeBlock } from './attributes';
import { horizontalRule, scanBlocks, splitLines, type BlockIdBlock, type BlockScan, type DefinitionBlock, type HeadingBlock, type InlineBlock, type LineRef, type LineSpan } from './blocks';
import { CompactHeading, CompactLink, CompactSection, HeadingAnchor } from './compactModel';
import { detach, sharedClassList } from './detach';
import { textFingerprint } from './fingerprint';
import { headingEnd } from './headingAttributes';
import { uniqueIdentifier } from './identifiers';
import { comparePositions, positionAt } from './positions';
import { resolveCharacterReferences } from './characterReferences';
import { expandTabs, SourceLines } from './sourceLines';
import { plainText, referenceKey, scanInline, type ReferenceResolver, type ResolvedReference } from './inline';
import { wrappingMarks } from './wrappingEmphasis';
import {
  defaultParseOptions,
  type Anchor,
  type AnchorElement,
  type CodeFence,
  type Entry,
  type FileLink,
  type TextLink,
  type GlossaryDocument,
  type Heading,
  type IdAfterHash,
  type Link,
  type ParseOptions,
  type Position,
  type Range,
  type Section,
  type IndentedCode,
  type SentenceMidLine,
  type UnclosedBlock,
} from './model';

/** Inline text joined from line slices, with the way back from offsets to positions. */
class Segment {
  readonly text: string;
  private readonly offsets: number[] = [];

  constructor(
    readonly refs: readonly LineRef[],
    private readonly source: SourceLines,
  ) {
    let text = '';
    refs.forEach((ref, k) => {
      if (k > 0) text += '\n';
      this.offsets.push(text.length);
      text += source.texts[ref.line].slice(ref.start, ref.end);
    });
    this.text = text;
  }

  position(offset: number): Position {
    let lo = 0;
    let hi = this.offsets.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.offsets[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    const ref = this.refs[lo];
    return this.source.position(ref.line, ref.start + Math.min(offset - this.offsets[lo], ref.end - ref.start));
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }
}

/** A heading's content split into its text and its closing attribute block. */
interface HeadingParts {
  readonly block: HeadingBlock;
  /** The heading text as written (no closing `#`s, no attributes, trimmed). */
  readonly raw: string;
  readonly textStart: number;
  readonly textEnd: number;
  readonly attributes: AttributeBlock | undefined;
  /** A run of emphasis left open before what would be the attribute block, which it makes text: offsets in the content. */
  readonly unclosedEmphasis?: { readonly start: number; readonly end: number };
}

/**
 * Splits an ATX or setext heading's content where Pandoc's `atxClosing` (closing `#`s, spaces,
 * an attribute block, end of line) or `setextHeaderEnd` would match.
 */
function splitHeading(block: HeadingBlock, content: string): HeadingParts {
  const lineEnd = content.replace(/[ \t]+$/, '').length;
  let end = lineEnd;
  const { attributes, unclosedEmphasis } = headingEnd(content, end);
  if (attributes) end = attributes.start;
  end = withoutClosingBlanks(content, end);
  if (!block.setext) {
    let hashes = end;
    while (hashes > 0 && content[hashes - 1] === '#') hashes--;
    if (hashes < end && content[hashes - 1] === '\\') hashes++;
    // Closing `#`s need a space before them unless they make up the whole heading.
    if (hashes < end && (hashes === 0 || /[ \t]/.test(content[hashes - 1]) || attributes)) end = hashes;
  }
  let textEnd = withoutClosingBlanks(content, end);
  if (textEnd === lineEnd && oddBackslashesBefore(content, textEnd)) {
    // A backslash that ends the line is a hard line break, no text (`### Dritte \`); blanks after it
    // make it an escaped space, a no-break space of the title.
    textEnd = textEnd < content.length ? textEnd + 1 : withoutClosingBlanks(content, textEnd - 1);
  }
  return { block, raw: content.slice(0, textEnd), textStart: 0, textEnd, attributes, unclosedEmphasis };
}

function oddBackslashesBefore(content: string, at: number): boolean {
  let backslashes = 0;
  while (content[at - 1 - backslashes] === '\\') backslashes++;
  return backslashes % 2 === 1;
}

/**
 * Where the text before `end` ends without the blanks before a closing attribute block or `#`s;
 * a space escaped by a backslash stays (`Dritte \ {.explanation}`): pandoc reads it as a no-break
 * space of the title.
 */
function withoutClosingBlanks(content: string, end: number): number {
  const textEnd = content.slice(0, end).replace(/[ \t]+$/, '').length;
  return oddBackslashesBefore(content, textEnd) && content[textEnd] === ' ' && textEnd < end ? textEnd + 1 : textEnd;
}

const noClasses: readonly string[] = Object.freeze([]);
const noKeyValues: readonly (readonly [string, string])[] = Object.freeze([]);

/** Parses one file into its GlossaryDocument. */
export function parseGlossaryDocument(
  text: string,
  uri: string,
  version: number,
  options: ParseOptions = defaultParseOptions,
): GlossaryDocument {
  const lineTexts = splitLines(text);
  // A byte order mark is not content, and tabs are read as spaces: the parser reads the lines as Pandoc does.
  const source = new SourceLines(lineTexts, text.startsWith('\uFEFF'));
  const blockScan = scanBlocks(source.texts);
  const { definitions, definitionIds } = referenceDefinitions(blockScan);
  const { byBlock: headingsByBlock, implicitReferences } = readHeadings(blockScan, source);
  const resolve: ReferenceResolver = (key) => definitions.get(key) ?? implicitReferences.get(key);

  const collector = new ItemCollector(source, lineTexts, blockScan.notes, resolve, definitionIds, headingsByBlock);
  // A note's headings are read where the note is placed, with the rest of its text.
  for (const block of blockScan.blocks) {
    if (block.kind !== 'heading' || !block.inNote) collector.collectBlock(block);
  }
  const { headings, anchors, links, fileLinks, textLinks, paragraphs } = collector;
  // A note placed before it is written puts its headings early: the model keeps them in document order.
  if (headings.some((heading, k) => k > 0 && comparePositions(headings[k - 1]!.range.start, heading.range.start) > 0)) {
    headings.sort((a, b) => comparePositions(a.range.start, b.range.start));
  }

  return {
    uri,
    version,
    lineCount: lineTexts.length,
    end: positionAt(lineTexts.length - 1, lineTexts[lineTexts.length - 1]!.length),
    fingerprint: textFingerprint(text),
    headings,
    anchors,
    links,
    fileLinks: fileLinks.length === 0 ? noFileLinks : fileLinks,
    textLinks: textLinks.length === 0 ? noTextLinks : textLinks,
    entries: buildEntries(headings, links, paragraphs, blockScan.rules, lineTexts, options, resolve),
    codeFences: codeFencesOf(blockScan, lineTexts),
    verbatim: rangesOf(blockScan.verbatim, source),
    unclosedBlocks: unclosedBlocksOf(blockScan, headingsByBlock.values(), source),
    headingsInText: rangesOf(blockScan.headingsInText, source),
    headingsAsTerms: rangesOf(blockScan.headingsAsTerms, source),
    headingsWithoutSpace: rangesOf(blockScan.headingsWithoutSpace, source),
    fencesInText: rangesOf(blockScan.fencesInText, source),
    indentedCode: blockScan.indentedCode.length === 0 ? noIndentedCode : blockScan.indentedCode.map(({ firstLine, range }) => ({ firstLine: source.range(firstLine), range: source.range(range) })),
    misalignedTables: rangesOf(blockScan.misalignedTables, source),
    sentencesMidLine: blockScan.sentencesMidLine.length === 0 ? noSentences : blockScan.sentencesMidLine.map(({ range, marksLine }) => ({ range: source.range(range), marksEnd: source.position(marksLine.line, marksLine.start) })),
    loneCarriageReturns: loneCarriageReturnsOf(text, lineTexts),
  };
}

/**
 * Where the text's carriage returns without a line feed are (see `GlossaryDocument.loneCarriageReturns`),
 * but for those that only blanks follow: with nothing after them to join, pandoc reads them as a line break.
 */
function loneCarriageReturnsOf(text: string, lineTexts: readonly string[]): readonly Range[] {
  if (!text.includes('\r')) return noRanges;
  const found: Range[] = [];
  const contentEnd = text.trimEnd().length;
  let offset = 0;
  for (let line = 0; line + 1 < lineTexts.length && offset < contentEnd; line++) {
    offset += lineTexts[line]!.length;
    if (text[offset + 1] !== '\n' && text[offset] === '\r' && offset < contentEnd) found.push({ start: positionAt(line, lineTexts[line]!.length), end: positionAt(line + 1, 0) });
    offset += text.startsWith('\r\n', offset) ? 2 : 1;
  }
  return found.length === 0 ? noRanges : found;
}

/** The attribute block of a reference definition that gives an id. */
type DefinitionAttributes = NonNullable<DefinitionBlock['attributes']>;

/**
 * The reference definitions by label (the last one of a label wins, as in Pandoc), and those whose
 * attribute block gives an id, by what they resolve to: that id is an anchor where they are first used.
 */
function referenceDefinitions(blockScan: BlockScan): { definitions: Map<string, ResolvedReference>; definitionIds: Map<ResolvedReference, DefinitionAttributes> } {
  const definitions = new Map<string, ResolvedReference>();
  const definitionIds = new Map<ResolvedReference, DefinitionAttributes>();
  for (const definition of blockScan.definitions) {
    const resolved: ResolvedReference = { url: definition.url, kind: 'reference', idLocation: definition.urlRef, labelLocation: definition.labelRef };
    definitions.set(referenceKey(definition.label), resolved);
    if (definition.attributes?.block.id) definitionIds.set(resolved, definition.attributes);
  }
  return { definitions, definitionIds };
}

/** A heading block read: its text and attribute block, the text as a segment of the source, its id. */
interface ReadHeading {
  readonly parts: HeadingParts;
  readonly segment: Segment;
  readonly id: string;
}

/**
 * Every heading's text and attribute block and its id, explicit or automatic (worked out in
 * document order, the order of the blocks and of the map), and the implicit references its text
 * gives (`[Heading Text]` leads to it). Pandoc works out a heading's automatic id before it
 * resolves references: `## See [A][a]` is `see-aa`, as if no reference were defined; so ids come
 * first, and do not depend on where links point.
 */
function readHeadings(blockScan: BlockScan, source: SourceLines): { byBlock: Map<HeadingBlock, ReadHeading>; implicitReferences: Map<string, ResolvedReference> } {
  const noReferences: ReferenceResolver = () => undefined;
  const usedIds = new Set<string>();
  const nextSuffix = new Map<string, number>();
  const byBlock = new Map<HeadingBlock, ReadHeading>();
  for (const block of blockScan.blocks) {
    if (block.kind !== 'heading') continue;
    const segment = new Segment(block.content, source);
    const parts = splitHeading(block, segment.text);
    let id = parts.attributes?.id;
    if (id === undefined || id === '') id = uniqueIdentifier(plainText(parts.raw, noReferences).trim(), usedIds, nextSuffix);
    usedIds.add(id);
    byBlock.set(block, { parts, segment, id });
  }
  const implicitReferences = new Map<string, ResolvedReference>();
  for (const { parts, id } of byBlock.values()) {
    if (parts.raw !== '') implicitReferences.set(referenceKey(parts.raw), { url: `#${id}`, kind: 'implicitHeading', idLocation: undefined, labelLocation: undefined });
  }
  return { byBlock, implicitReferences };
}

/** Where a link, image or element was found in a run of inline text: offsets in it. */
interface FoundSpan {
  readonly start: number;
  readonly end: number;
  readonly labelStart: number;
  readonly labelEnd: number;
}

/**
 * Reads the blocks' inline text, in document order, into the model's headings, anchors, links and
 * paragraphs; a note's text where the note is first referenced.
 */
class ItemCollector {
  readonly headings: Heading[] = [];
  readonly anchors: Anchor[] = [];
  readonly links: Link[] = [];
  readonly fileLinks: FileLink[] = [];
  readonly textLinks: TextLink[] = [];
  readonly paragraphs: Segment[] = [];
  private readonly placedNotes = new Set<string>();
  private placingNote = false;

  constructor(
    private readonly source: SourceLines,
    private readonly lineTexts: readonly string[],
    private readonly notes: BlockScan['notes'],
    private readonly resolve: ReferenceResolver,
    /** The definitions that give an id still to place (see `referenceDefinitions`); each is taken at its first use. */
    private readonly definitionIds: Map<ResolvedReference, DefinitionAttributes>,
    private readonly readHeadings: ReadonlyMap<HeadingBlock, ReadHeading>,
  ) {}

  collectBlock(block: InlineBlock | BlockIdBlock | HeadingBlock): void {
    if (block.kind === 'heading') {
      this.collectHeading(block);
    } else if (block.kind === 'inline') {
      const segment = new Segment(block.lines, this.source);
      this.paragraphs.push(segment);
      this.collectInlineItems(segment, segment.text);
    } else {
      const { line, attributes } = block;
      const at = (offset: number) => this.source.position(line.line, line.start + offset);
      const written = attributes.idStart === undefined ? undefined : { start: at(attributes.idStart), end: at(attributes.idEnd!) };
      const attributeBlock = { start: at(attributes.start), end: at(attributes.end) };
      this.anchors.push(elementAnchor(block.element, attributes.id!, written, attributes.idAfterHash, attributeBlock, { start: at(0), end: at(line.end - line.start) }, '', attributes.classes));
    }
  }

  private collectHeading(block: HeadingBlock): void {
    const { parts, segment, id } = this.readHeadings.get(block)!;
    const attributes = parts.attributes;
    const lastLineText = this.lineTexts[block.lastLine] ?? '';
    const headingText = detach(parts.raw);
    // Blanks trimmed, not a no-break space (an escaped space at the end, which pandoc keeps).
    const headingPlainText = plainText(parts.raw, this.resolve).replace(/^[ \t\n]+|[ \t\n]+$/g, '');
    const heading = new CompactHeading({
      level: block.level,
      text: headingText,
      // Most headings have no markup: then the two texts are one string.
      plainText: headingPlainText === headingText ? headingText : detach(headingPlainText),
      textRange: segment.range(parts.textStart, parts.textEnd),
      range: {
        start: this.source.position(block.firstLine, block.startCharacter),
        end: positionAt(block.lastLine, lastLineText.length),
      },
      id: detach(id),
      explicitId: attributes?.id !== undefined && attributes.id !== '',
      idRange: attributes?.idStart !== undefined ? segment.range(attributes.idStart, attributes.idEnd!) : undefined,
      idAfterHash: attributes?.idAfterHash,
      attributesRange: attributes ? segment.range(attributes.start, attributes.end) : undefined,
      classes: attributes ? sharedClassList(attributes.classes) : noClasses,
      keyValues: attributes && attributes.keyValues.length > 0 ? attributes.keyValues.map(([key, value]) => [detach(key), detach(value)] as const) : noKeyValues,
    });
    this.headings.push(heading);
    this.anchors.push(new HeadingAnchor(heading));
    this.collectInlineItems(segment, parts.raw);
  }

  /** The links and element ids of a run of inline text, and of the notes it references. */
  private collectInlineItems(segment: Segment, text: string): void {
    // Whether each link is an item of a list (see `Link.listed`): the first link of a line is one
    // when nothing but separators stands before it; the others of its line follow it, so that a
    // note after a link (`[B](#B) (neu) | [C](#C)`) leaves the links after it in the list.
    let lineOfLink = -1;
    let listedOnLine = true;
    let lineStart = 0;
    let nextLineBreak = text.indexOf('\n');
    for (const found of scanInline(text, this.resolve)) {
      if ('imageReference' in found) {
        this.placeDefinitionId(found.imageReference, 'image', segment, text, found);
        continue;
      }
      if ('element' in found) {
        const { id, idStart, idEnd, idAfterHash, classes, start } = found.attributes;
        if (id === undefined || id === '') continue;
        const labelText = text.slice(found.labelStart, found.labelEnd);
        const label = found.element === 'code' ? labelText.trim() : plainText(labelText, this.resolve).trim();
        const written = idStart === undefined ? undefined : segment.range(idStart, idEnd!);
        this.anchors.push(elementAnchor(found.element, id, written, idAfterHash, segment.range(start, found.end), segment.range(found.start, found.end), label, classes));
        continue;
      }
      if ('note' in found) {
        this.placeNote(found.note);
        continue;
      }
      if ('textLink' in found) {
        const label = detach(plainText(text.slice(found.labelStart, found.labelEnd), this.resolve, false).trim());
        const gapRange = found.textLink === 'blankBeforeTarget' ? segment.range(found.labelEnd + 1, found.gapEnd) : undefined;
        this.textLinks.push({ kind: found.textLink, range: segment.range(found.start, found.end), label, labelRange: segment.range(found.labelStart, found.labelEnd), target: detach(found.target), gapRange });
        continue;
      }
      this.placeDefinitionId(found.reference, 'link', segment, text, found);
      // Line breaks are passed once each, so that a long line with many links is read in linear time.
      while (nextLineBreak >= 0 && nextLineBreak < found.start) {
        lineStart = nextLineBreak + 1;
        nextLineBreak = text.indexOf('\n', lineStart);
      }
      if (lineStart !== lineOfLink) {
        lineOfLink = lineStart;
        listedOnLine = partsLinks(text.slice(lineStart, found.start));
      }
      if (!found.url.startsWith('#')) {
        if (isRelativePath(found.url)) {
          const urlRange = found.urlStart !== undefined ? segment.range(found.urlStart, found.urlEnd!) : this.rangeOf(found.reference!.idLocation as LineRef);
          this.fileLinks.push({ url: detach(found.url), urlRange });
        }
        continue;
      }
      let idRange: Range | undefined;
      if (found.urlStart !== undefined) idRange = segment.range(found.urlStart, found.urlEnd!);
      else if (found.reference?.idLocation) idRange = this.rangeOf(found.reference.idLocation as LineRef);
      const definitionLabel = found.reference?.labelLocation as LineSpan | undefined;
      this.links.push(
        new CompactLink(
          detach(found.url.slice(1)),
          found.reference?.kind ?? 'inline',
          detach(plainText(text.slice(found.labelStart, found.labelEnd), this.resolve, false).trim()),
          segment.range(found.start, found.end),
          segment.range(found.labelStart, found.labelEnd),
          idRange,
          listedOnLine,
          definitionLabel && { start: this.source.position(definitionLabel.line, definitionLabel.start), end: this.source.position(definitionLabel.endLine, definitionLabel.end) },
        ),
      );
    }
  }

  /** The range of a part of one source line. */
  private rangeOf(ref: LineRef): Range {
    return { start: this.source.position(ref.line, ref.start), end: this.source.position(ref.line, ref.end) };
  }

  /**
   * A note's text belongs where it is first referenced; an unreferenced note is not shown, nor is
   * one referenced only from notes (Pandoc reads a note's references as plain text).
   */
  private placeNote(label: string): void {
    const note = this.notes.get(label);
    if (note === undefined || this.placingNote || this.placedNotes.has(label)) return;
    this.placedNotes.add(label);
    this.placingNote = true;
    for (const block of note) this.collectBlock(block);
    this.placingNote = false;
  }

  /** The id a reference definition's attribute block gives its first use, a link or an image (Pandoc gives it every use; a link to it leads to the first). */
  private placeDefinitionId(reference: ResolvedReference | undefined, element: 'link' | 'image', segment: Segment, text: string, found: FoundSpan): void {
    const definitionId = reference && this.definitionIds.get(reference);
    if (definitionId === undefined) return;
    this.definitionIds.delete(reference!);
    const { line, block } = definitionId;
    const at = (offset: number) => this.source.position(line.line, line.start + offset);
    const written = block.idStart === undefined ? undefined : { start: at(block.idStart), end: at(block.idEnd!) };
    const label = plainText(text.slice(found.labelStart, found.labelEnd), this.resolve, false).trim();
    this.anchors.push(elementAnchor(element, block.id!, written, block.idAfterHash, { start: at(block.start), end: at(block.end) }, segment.range(found.start, found.end), label, block.classes));
  }
}

/** The code fences of the file, with where they open. */
function codeFencesOf(blockScan: BlockScan, lineTexts: readonly string[]): CodeFence[] {
  return blockScan.fences.map((fence) => {
    const openingLine = lineTexts[fence.openLine] ?? '';
    // The marks of the list items and quotes around it hold no run of three fence characters.
    const fenceStart = Math.max(0, openingLine.indexOf(fence.fence.repeat(3)));
    return {
      fence: fence.fence,
      openingRange: { start: positionAt(fence.openLine, fenceStart), end: positionAt(fence.openLine, openingLine.length) },
      range: lineRange(fence.openLine, fence.closeLine, lineTexts),
      afterText: fence.afterText === true,
    };
  });
}

/**
 * The anchor of an element other than a heading (see `Anchor`): `written` is where its id is
 * written as it reads, else (an id with escapes) the id is placed on the attribute block.
 */
function elementAnchor(
  element: Exclude<AnchorElement, 'heading'>,
  id: string,
  written: Range | undefined,
  idAfterHash: IdAfterHash | undefined,
  attributeBlock: Range,
  range: Range,
  label: string,
  classes: readonly string[],
): Anchor {
  return { id: detach(id), explicit: true, idRange: written ?? attributeBlock, writtenIdRange: written, idAfterHash, element, heading: undefined, range, label: detach(label), classes: sharedClassList(classes) };
}

/** The code fences and comments never closed, and the emphasis runs that make a heading's attribute block text, in document order. */
function unclosedBlocksOf(blockScan: BlockScan, headings: Iterable<ReadHeading>, source: SourceLines): readonly UnclosedBlock[] {
  const blocks: UnclosedBlock[] = blockScan.unclosed.map(({ kind, marker, line, start, end }) => ({ kind, marker, range: source.range({ start: { line, character: start }, end: { line, character: end } }) }));
  for (const { parts, segment } of headings) {
    const run = parts.unclosedEmphasis;
    if (run !== undefined) blocks.push({ kind: 'emphasis', marker: segment.text.slice(run.start, run.end), range: segment.range(run.start, run.end) });
  }
  if (blocks.length === 0) return noUnclosedBlocks;
  return blocks.sort((a, b) => comparePositions(a.range.start, b.range.start));
}

/** Shared by the models without unclosed blocks: nearly all. */
const noUnclosedBlocks: readonly UnclosedBlock[] = Object.freeze([]);

/** Shared by the models without sentences on the line of the one before: most. */
const noSentences: readonly SentenceMidLine[] = Object.freeze([]);

/** Shared by the models without verbatim text (or headings or fences under text, or lone carriage returns): nearly all. */
const noRanges: readonly Range[] = Object.freeze([]);
const noIndentedCode: readonly IndentedCode[] = Object.freeze([]);
const noFileLinks: readonly FileLink[] = Object.freeze([]);
const noTextLinks: readonly TextLink[] = Object.freeze([]);

/**
 * Whether a link's URL is a path relative to its file (`Claude.md`, `../de/Claude.md#x`): no
 * scheme (`https:`, `mailto:`), not absolute (`/`, `//host`), and more than a fragment or query.
 */
function isRelativePath(url: string): boolean {
  return url !== '' && !/^[A-Za-z][A-Za-z0-9+.-]*:|^[/\\#?]/.test(url);
}

/** Ranges of the scan as positions of the source (see `SourceLines.range`). */
function rangesOf(ranges: readonly Range[], source: SourceLines): readonly Range[] {
  return ranges.length === 0 ? noRanges : ranges.map((range) => source.range(range));
}

function lineRange(first: number, last: number, lineTexts: readonly string[]): Range {
  return { start: positionAt(first, 0), end: positionAt(last, (lineTexts[last] ?? '').length) };
}

/** The index of the first item of a sorted array for which `isAtOrAfter` holds (the array's length when none). */
function firstIndex<T>(sorted: readonly T[], isAtOrAfter: (item: T) => boolean): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (isAtOrAfter(sorted[middle]!)) {
      high = middle;
    } else {
      low = middle + 1;
    }
  }
  return low;
}

function contains(range: Range, position: Position): boolean {
  return comparePositions(range.start, position) <= 0 && comparePositions(position, range.end) < 0;
}

/** A summary's text as pandoc reads it: markup removed (`*'Go'*` is 'Go'), one blank between words. */
export function summaryText(written: string, resolve: ReferenceResolver = () => undefined): string {
  return plainText(written, resolve).replace(/\s+/g, ' ').trim();
}

/**
 * A summary, `***…***`, in a paragraph of an entry's introduction: the first such is the entry's,
 * unless it is an AI's one-liner and a paragraph of the writer's own, bold italics alone, follows.
 */
export const summaryPattern = /\*\*\*(?!\*)([\s\S]+?)\*\*\*/;
/** A parenthesis ending the line of a summary: who said a one-liner (`***"Der Großvater der KI"*** (Grok)`). */
const attributionPattern = /^\s*(\([^()\n]{1,40}\))\s*$/;
const wordCharacter = /[\p{L}\p{N}]/u;
const htmlTagOrComment = /<!--[\s\S]*?-->|<[^>]*>/g;

/**
 * Whether the text before the first link of a line is no sentence's: no letter or digit, only
 * markup, separators (`|`, `·`, `&middot;`), `<br>` or a comment.
 */
function partsLinks(before: string): boolean {
  return !wordCharacter.test(before) || !wordCharacter.test(resolveCharacterReferences(before.replace(htmlTagOrComment, '')));
}

/** A quote's mark, with the blanks before it and the one after it, where the last one read ends. */
const quoteMark = /[ \t]*>[ \t]?/y;

/**
 * The first line of the paragraph a line stands in: after a blank line (in its quotes) or a
 * heading. `known` keeps what was found, by line, so that the lines of a long list are walked once.
 */
function paragraphStart(lineTexts: readonly string[], line: number, known: Map<number, number>): number {
  let first = line;
  while (!known.has(first) && first > 0 && withoutQuoteMarks(lineTexts[first - 1]!, Infinity).trim() !== '' && !/^ {0,3}#/.test(lineTexts[first - 1]!)) first--;
  const start = known.get(first) ?? first;
  for (let walked = first; walked <= line; walked++) known.set(walked, start);
  return start;
}

/** How many quotes' marks a line starts with. */
function quoteDepth(text: string): number {
  return quoteMarksEnd(text, Infinity).count;
}

/** A line without the marks of its first `depth` quotes (as many as it has, where fewer). */
function withoutQuoteMarks(text: string, depth: number): string {
  return text.slice(quoteMarksEnd(text, depth).end);
}

/** Where the marks of a line's first `depth` quotes end, and how many there are. */
function quoteMarksEnd(text: string, depth: number): { readonly end: number; readonly count: number } {
  let end = 0;
  let count = 0;
  quoteMark.lastIndex = 0;
  while (count < depth && quoteMark.test(text)) {
    end = quoteMark.lastIndex;
    count++;
  }
  return { end, count };
}

/** Shared by the see-also lists whose items are all separated, nearly all of them. */
const noLinks: readonly Link[] = Object.freeze([]);

/** The items of a see-also list run together with the next (see `SeeAlso.runTogether`). */
function linksRunTogether(links: readonly Link[], lineTexts: readonly string[]): readonly Link[] {
  let runTogether: Link[] | undefined;
  const firstLines = new Map<number, number>();
  for (let k = 0; k + 1 < links.length; k++) {
    const [link, next] = [links[k]!, links[k + 1]!];
    if (!link.listed || !next.listed) continue;
    const { start, end } = { start: link.range.end, end: next.range.start };
    // On the lines after the first, the marks of the quotes its paragraph stands in are the
    // container's, not text between the two (a line may go on without them: `> [A](#A)`, then
    // `[B](#B)`, then `> [C](#C)`); a mark more is text (a quote needs a blank line before it).
    const depth = quoteDepth(lineTexts[paragraphStart(lineTexts, start.line, firstLines)]!);
    const between =
      start.line === end.line
        ? lineTexts[start.line]!.slice(start.character, end.character)
        : [lineTexts[start.line]!.slice(start.character), ...[...lineTexts.slice(start.line + 1, end.line), lineTexts[end.line]!.slice(0, end.character)].map((text) => withoutQuoteMarks(text, depth))].join('\n');
    // A blank line between them ends the paragraph, and two spaces at a line's end (a tab as the
    // spaces it expands to) break the line: the two do not run together.
    const lineBreak = start.line !== end.line && / {2,}$/.test(expandTabs(lineTexts[start.line]!));
    // The emphasis that wraps a link alone is the item's (`*[A](#A)*`), not a separator.
    const closing = wrappingMarks(lineTexts[link.range.start.line]!.slice(0, link.range.start.character), lineTexts[start.line]!.slice(start.character));
    const opening = wrappingMarks(lineTexts[end.line]!.slice(0, end.character), lineTexts[next.range.end.line]!.slice(next.range.end.character));
    const separating = between.slice(closing, between.length - opening);
    if (separating.trim() === '' && !/\n[ \t]*\n/.test(separating) && !lineBreak) (runTogether ??= []).push(link);
  }
  return runTogether ?? noLinks;
}

/**
 * The last line of an entry (after its heading, up to `lastLine`) that is not blank, when it is a
 * rule right under a line of text that the parser did not read as a rule (see
 * `Entry.ruleUnderTextLine`); else undefined.
 */
function ruleUnderText(lineTexts: readonly string[], headingEndLine: number, lastLine: number, rules: readonly number[]): number | undefined {
  let line = lastLine;
  while (line > headingEndLine && lineTexts[line]!.trim() === '') line--;
  const underText = line > headingEndLine + 1 && horizontalRule.test(lineTexts[line]!) && lineTexts[line - 1]!.trim() !== '';
  return underText && !rules.includes(line) ? line : undefined;
}

/** Groups headings into entries: a term heading and everything up to the next one. */
function buildEntries(
  headings: readonly Heading[],
  links: readonly Link[],
  paragraphs: readonly Segment[],
  rules: readonly number[],
  lineTexts: readonly string[],
  options: ParseOptions,
  resolve: ReferenceResolver,
): Entry[] {
  const entries: Entry[] = [];
  const lastLine = lineTexts.length - 1;
  const end = (line: number): Position => positionAt(line, (lineTexts[line] ?? '').length);
  // Links and paragraphs are found by binary search: a file may hold thousands of entries.
  const linksByStart = [...links].sort((a, b) => comparePositions(a.range.start, b.range.start));
  const documentOrder = new Map(links.map((link, order) => [link, order]));
  const paragraphStarts = paragraphs.map((paragraph) => paragraph.position(0));
  headings.forEach((heading, index) => {
    if (!heading.classes.includes(options.termClass)) return;
    let next = index + 1;
    // Writers mix heading levels (an entry's sections may be `##` like the entry itself), so an
    // entry runs to the next entry heading, whatever the levels.
    while (next < headings.length && !headings[next].classes.includes(options.termClass)) next++;
    const entryEndLine = next < headings.length ? headings[next].range.start.line - 1 : lastLine;
    const range: Range = { start: heading.range.start, end: end(Math.max(entryEndLine, heading.range.end.line)) };
    const entryRules = rules.slice(
      firstIndex(rules, (line) => line > heading.range.end.line),
      firstIndex(rules, (line) => line > entryEndLine),
    );
    const closingRuleLine = entryRules.length > 0 ? entryRules[entryRules.length - 1] : undefined;
    const ruleUnderTextLine = ruleUnderText(lineTexts, heading.range.end.line, entryEndLine, entryRules);

    const sections: Section[] = [];
    for (let k = index + 1; k < next; k++) {
      const sectionHeading = headings[k];
      const nextStart = k + 1 < next ? headings[k + 1].range.start.line : entryEndLine + 1;
      const ruleAfter = entryRules.find((line) => line > sectionHeading.range.end.line && line < nextStart);
      const sectionEnd = (ruleAfter ?? nextStart) - 1;
      sections.push(new CompactSection(sectionHeading, { start: sectionHeading.range.start, end: end(Math.max(sectionEnd, sectionHeading.range.end.line)) }));
    }
    const seeAlsoSection = sections.find((s) => s.heading.classes.includes('seealso'));
    const entryLinks = linksByStart
      .slice(
        firstIndex(linksByStart, (link) => comparePositions(link.range.start, range.start) >= 0),
        firstIndex(linksByStart, (link) => comparePositions(link.range.start, range.end) >= 0),
      )
      // Document order again (a note's links stand where the note is referenced).
      .sort((a, b) => documentOrder.get(a)! - documentOrder.get(b)!);
    const seeAlsoLinks = seeAlsoSection ? entryLinks.filter((link) => contains(seeAlsoSection.range, link.range.start)) : [];
    const seeAlsoSet = new Set(seeAlsoLinks);

    const introEnd = sections.length > 0 ? sections[0].range.start : range.end;
    // The first of the AIs' one-liners keeps its speaker (without it, an AI's quip would read as the
    // glossary's definition), and gives way to the writer's own line in bold italics below it.
    let summary: string | undefined;
    for (let p = firstIndex(paragraphStarts, (start) => comparePositions(start, heading.range.end) >= 0); p < paragraphs.length; p++) {
      if (comparePositions(paragraphStarts[p], introEnd) >= 0) break;
      const paragraph = paragraphs[p];
      const match = summaryPattern.exec(paragraph.text);
      if (match) {
        const attribution = attributionPattern.exec(paragraph.text.slice(match.index + match[0].length))?.[1];
        if (summary !== undefined && (attribution !== undefined || match[0] !== paragraph.text.trim())) continue;
        const text = summaryText(match[1], resolve);
        summary = detach(attribution === undefined ? text : `${text} ${attribution}`);
        if (attribution === undefined) break;
      }
    }

    entries.push({
      heading,
      id: heading.id,
      title: heading.plainText,
      summary,
      sections,
      seeAlso: seeAlsoSection ? { section: seeAlsoSection, links: seeAlsoLinks, runTogether: linksRunTogether(seeAlsoLinks, lineTexts) } : undefined,
      bodyLinks: seeAlsoLinks.length === 0 ? entryLinks : entryLinks.filter((link) => !seeAlsoSet.has(link)),
      range,
      closingRuleLine,
      ruleUnderTextLine,
    });
  });
  return entries;
}
