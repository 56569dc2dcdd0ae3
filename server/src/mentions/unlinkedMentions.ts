import { WorkspaceIndex } from '../index/workspaceIndex';
import { splitLines } from '../parse/blocks';
import { detach } from '../parse/detach';
import { Entry, GlossaryDocument, Range } from '../parse/model';
import { positionAt } from '../parse/positions';
import { inlineMasks, Mask } from './inlineMasks';
import { filterQueriesOf, formsOf, isCaseSensitive, Lexicon, lexiconOf, Term, TermForm, wordCharacter, wordMatchesAt } from './lexicon';
import { ParagraphWords } from './paragraphWords';
import { isInsideQuotation, quotationsOf } from './quotations';
import { WordFilter, WordFilterBuilder } from './wordFilter';
import { TimeSlices } from '../timeSlices';

/** A term written in another entry's prose without a link to it. */
export interface UnlinkedMention {
  readonly range: Range;
  /** The text over the range, byte for byte (a line break in it as the file has it): it becomes the link's label. */
  readonly text: string;
  readonly term: Term;
}

/**
 * Mentions are found in the text, which the index does not keep (it holds the parsed models only):
 * the editor's text of an open document, or the text of a closed one while it is read. What was
 * found is kept per model, with the lexicon generation it was found at and a filter of the words
 * of the document's prose: when the forms change, a document none of whose words starts a changed
 * form keeps its findings without being read again.
 */
interface Findings {
  readonly lexicon: Lexicon;
  generation: number;
  readonly mentions: readonly UnlinkedMention[];
  readonly words: WordFilter;
  /**
   * Whether mentions were given without some of these, of terms no longer defined: what the editor
   * was shown then differs from `mentions`, so a rework must publish the document again.
   */
  shownWithoutSome?: true;
}

const found = new WeakMap<GlossaryDocument, Findings>();

/** The findings of the model if they hold for the current forms (brought up to the current generation when so). */
function currentFindings(document: GlossaryDocument, lexicon: Lexicon): Findings | undefined {
  const cached = found.get(document);
  if (cached === undefined || cached.lexicon !== lexicon) {
    return undefined;
  }
  if (cached.generation !== lexicon.generation) {
    const changed = lexicon.changedWordsSince(cached.generation);
    if (changed === undefined || [...changed].some((word) => filterQueriesOf(word).some((query) => cached.words.mayHave(query)))) {
      return undefined;
    }
    cached.generation = lexicon.generation;
  }
  return cached;
}

/**
 * The unlinked mentions of a document. With its text (the text its model was parsed from) they
 * are worked out against the current terms unless known; without, the last ones found for this
 * model are given, less those of terms no longer defined, or none.
 */
export function unlinkedMentions(document: GlossaryDocument, index: WorkspaceIndex, text: string | undefined): readonly UnlinkedMention[] {
  const lexicon = lexiconOf(index);
  const current = currentFindings(document, lexicon);
  if (current !== undefined) {
    return current.mentions;
  }
  if (text === undefined) {
    const kept = found.get(document);
    const defined = (kept?.mentions ?? []).filter((mention) => index.isDefined(mention.term.id));
    if (defined.length < (kept?.mentions.length ?? 0)) kept!.shownWithoutSome = true;
    return defined;
  }
  const { mentions, words } = scanDocument(text, document, lexicon);
  found.set(document, { lexicon, generation: lexicon.generation, mentions, words });
  return mentions;
}

/**
 * Works the mentions of a document out anew from its text, against the current terms, and tells
 * whether they differ from those last found (so that the document is to be published again).
 */
export function reworkMentions(document: GlossaryDocument, index: WorkspaceIndex, text: string): boolean {
  const kept = found.get(document);
  const before = kept?.mentions ?? [];
  const after = unlinkedMentions(document, index, text);
  return (
    kept?.shownWithoutSome === true ||
    before.length !== after.length ||
    before.some((mention, k) => mention.term.id !== after[k]!.term.id || mention.term.title !== after[k]!.term.title || mention.text !== after[k]!.text || mention.range.start !== after[k]!.range.start)
  );
}

/**
 * Whether the mentions of this model are known for the current terms, so that its text is not
 * needed: found for these forms, or found earlier in a document that holds none of the words
 * starting the forms changed since.
 */
export function mentionsAreCurrent(document: GlossaryDocument, index: WorkspaceIndex): boolean {
  return currentFindings(document, lexiconOf(index)) !== undefined;
}

/**
 * The mention pass of a load: once every file is indexed (the lexicon needs every title), works
 * out the mentions of each document from the text it was read with, while the caller still holds
 * the texts; an open document from the editor's text (`openText`). Yields to other work every
 * 20 ms. Texts of models replaced meanwhile are passed over.
 */
export async function findMentionsOf(
  index: WorkspaceIndex,
  read: Iterable<{ readonly document: GlossaryDocument; readonly text: string | undefined }>,
  openText: (document: GlossaryDocument) => string | undefined = () => undefined,
): Promise<void> {
  const slices = new TimeSlices();
  const work = async (document: GlossaryDocument, text: string | undefined): Promise<void> => {
    if (slices.due) await slices.pause();
    if (text !== undefined && index.document(document.uri) === document) {
      unlinkedMentions(document, index, text);
    }
  };
  for (const { document, text } of read) {
    await work(document, text);
  }
  for (const document of index.documents()) {
    await work(document, openText(document));
  }
}

/**
 * The first mention of each term in each section of each entry, outside headings, code, links and
 * the other masked parts of the prose, leaving out the entry's own names, terms the section links
 * already and terms inside a quotation that is more than the term (see `isInsideQuotation`); and
 * the filter of the words of that prose. One pass over the words of the text; each word is looked
 * up once in the lexicon.
 */
function scanDocument(text: string, document: GlossaryDocument, lexicon: Lexicon): { mentions: UnlinkedMention[]; words: WordFilter } {
  const mentions: UnlinkedMention[] = [];
  // Empty, also after a scan that failed halfway.
  const words = wordFilterBuilder.clear();
  if (document.entries.length === 0) {
    return { mentions, words: words.build() };
  }
  const lines = splitLines(text);
  const lineOffsets = lineStartOffsets(text);
  const oneBreak = !text.includes('\r');
  const skipped = linesWithoutProse(document, lines);
  const headMasks = maskMultiLineComments(lines, skipped);
  const links = new RangeMasks([...document.links.map((link) => link.range), ...document.verbatim]);
  for (const entry of document.entries) {
    const scope = new EntryScope(entry, lexicon);
    for (const paragraph of paragraphsOf(text, oneBreak, lines, lineOffsets, skipped, entry.heading.range.end.line + 1, entry.range.end.line)) {
      const masks = links.of(paragraph);
      const head = headMasks.get(paragraph.firstLine);
      if (head !== undefined) masks.push([0, head]);
      for (const mention of scanParagraph(paragraph, masks, lexicon, scope, words)) {
        const { start, end } = mention.range;
        const label = text.slice(lineOffsets[start.line]! + start.character, lineOffsets[end.line]! + end.character);
        // Built field by field: a spread gives each object a hidden class of its own, which costs more than the mention.
        mentions.push({ range: mention.range, term: mention.term, text: detach(label) });
      }
    }
  }
  return { mentions, words: words.build() };
}

/** One builder for every document (a scan runs to its end before the next begins): its tables are grown once. */
const wordFilterBuilder = new WordFilterBuilder();

/** Where each line of the text starts, as an offset into the text (line breaks as the file has them). */
function lineStartOffsets(text: string): number[] {
  const starts = [0];
  const lineBreak = /\r\n|\r|\n/g;
  for (let match = lineBreak.exec(text); match !== null; match = lineBreak.exec(text)) {
    starts.push(match.index + match[0].length);
  }
  return starts;
}

/**
 * A comment that spans paragraphs (`<!--`, a blank line, `-->`): its inner lines hold no prose,
 * and the paragraph where it ends is masked up to its end (the paragraph where it starts is masked
 * from the `<!--` by the inline masks). Gives, per first line of such a paragraph, where the comment ends in it.
 */
function maskMultiLineComments(lines: readonly string[], skipped: Uint8Array): Map<number, number> {
  const headMasks = new Map<number, number>();
  let openLine = -1;
  for (let line = 0; line < lines.length; line++) {
    if (skipped[line] && openLine < 0) continue;
    let from = 0;
    for (;;) {
      if (openLine < 0) {
        const open = lines[line]!.indexOf('<!--', from);
        if (open < 0) break;
        openLine = line;
        from = open + 4;
      }
      const close = lines[line]!.indexOf('-->', from);
      if (close < 0) {
        if (line > openLine) skipped[line] = 1;
        break;
      }
      if (line > openLine) headMasks.set(line, close + 3);
      openLine = -1;
      from = close + 3;
    }
  }
  return headMasks;
}

/** Consecutive lines of prose, joined with `\n`, and where each line starts in the joined text. */
interface Paragraph {
  readonly firstLine: number;
  readonly text: string;
  readonly lineStarts: readonly number[];
}

/**
 * Heading lines, code blocks, verbatim text (`<pre>`, comments) and reference definitions (`[ref]: #Id`) hold no prose; table rows
 * are left alone too, since a link in a cell would break the columns of a grid table.
 */
function linesWithoutProse(document: GlossaryDocument, lines: readonly string[]): Uint8Array {
  const skipped = new Uint8Array(lines.length);
  const skip = (range: Range): void => {
    skipped.fill(1, range.start.line, range.end.line + 1);
  };
  document.headings.forEach((heading) => skip(heading.range));
  document.codeFences.forEach((fence) => skip(fence.range));
  // Lines within verbatim text (HTML, comments, indented code); its first and last line are masked where it stands.
  document.verbatim.forEach(({ start, end }) => skipped.fill(1, start.line + 1, end.line));
  const tableRows = lines.map((line) => /^\s*(\||\+[-=:+])/.test(line));
  const nextNonBlank = (number: number, step: number): number => {
    let other = number + step;
    while (other >= 0 && other < lines.length && lines[other]!.trim() === '') other += step;
    return other;
  };
  lines.forEach((line, number) => {
    // A table's caption (`: Haikus zu ...`, `Table: ...`) stands before or after it.
    const caption = /^\s*(Table)?:\s/.test(line) && (tableRows[nextNonBlank(number, -1)] === true || tableRows[nextNonBlank(number, 1)] === true);
    if (tableRows[number] || caption || /^ {0,3}\[[^\]]+\]:/.test(line)) {
      skipped[number] = 1;
    }
  });
  return skipped;
}

/**
 * The paragraphs of prose between lines `from` and `to`. Where the file breaks lines with `\n`
 * alone (`oneBreak`), a paragraph's text is cut from the file's text in one piece (read character by character
 * later, which is slow on a string joined of pieces).
 */
function* paragraphsOf(text: string, oneBreak: boolean, lines: readonly string[], lineOffsets: readonly number[], skipped: Uint8Array, from: number, to: number): Generator<Paragraph> {
  let line = from;
  while (line <= to && line < lines.length) {
    if (skipped[line] || lines[line]!.trim() === '') {
      line++;
      continue;
    }
    const firstLine = line;
    const lineStarts: number[] = [];
    let joined = '';
    for (; line <= to && line < lines.length && !skipped[line] && lines[line]!.trim() !== ''; line++) {
      if (oneBreak) {
        lineStarts.push(lineOffsets[line]! - lineOffsets[firstLine]!);
      } else {
        if (line > firstLine) joined += '\n';
        lineStarts.push(joined.length);
        joined += lines[line];
      }
    }
    const paragraph = oneBreak ? text.slice(lineOffsets[firstLine], lineOffsets[line - 1]! + lines[line - 1]!.length) : joined;
    yield { firstLine, text: paragraph, lineStarts };
  }
}

/**
 * Ranges of the model to leave out of the prose, as masks of the paragraphs asked for in document
 * order: the internal links (the model knows them, whatever their syntax) and the verbatim text
 * (HTML elements, comments, indented code). The ranges do not overlap; one pass over them for the
 * whole document.
 */
class RangeMasks {
  private readonly ranges: readonly Range[];
  private next = 0;

  constructor(ranges: readonly Range[]) {
    this.ranges = [...ranges].sort((a, b) => a.start.line - b.start.line || a.start.character - b.start.character);
  }

  of(paragraph: Paragraph): Mask[] {
    const lastLine = paragraph.firstLine + paragraph.lineStarts.length - 1;
    while (this.next < this.ranges.length && this.ranges[this.next]!.end.line < paragraph.firstLine) {
      this.next++;
    }
    const offset = ({ line, character }: Range['start']): number =>
      line < paragraph.firstLine ? 0 : line > lastLine ? paragraph.text.length : paragraph.lineStarts[line - paragraph.firstLine]! + character;
    const masks: Mask[] = [];
    for (let k = this.next; k < this.ranges.length && this.ranges[k]!.start.line <= lastLine; k++) {
      masks.push([offset(this.ranges[k]!.start), offset(this.ranges[k]!.end)]);
    }
    return masks;
  }
}

/** What one entry rules out: its own names, terms a section links, terms already reported in a section. */
class EntryScope {
  private readonly ownKeys: ReadonlySet<string>;
  private readonly reported = new Set<string>();
  /** Section and id of each link of the entry's prose, worked out at the first mention. */
  private linked: Set<string> | undefined;

  constructor(
    private readonly entry: Entry,
    private readonly lexicon: Lexicon,
  ) {
    this.ownKeys = new Set(formsOf(entry).map((form) => form.key));
  }

  /** Whether a mention of the form on this line is to be reported (and records it when so). */
  admits(form: TermForm, line: number): boolean {
    if (form.term.id === this.entry.id || this.ownKeys.has(form.key)) {
      return false;
    }
    const key = `${this.sectionAt(line)}\u0000${form.term.id}`;
    // A link to an abbreviation stub links the entry it points at.
    this.linked ??= new Set(this.entry.bodyLinks.map((link) => `${this.sectionAt(link.range.start.line)}\u0000${this.lexicon.linkedTerm(link.target)}`));
    if (this.reported.has(key) || this.linked.has(key)) {
      return false;
    }
    this.reported.add(key);
    return true;
  }

  /** The innermost section holding the line, or -1 before the first section. */
  private sectionAt(line: number): number {
    let innermost = -1;
    this.entry.sections.forEach((section, number) => {
      const { start, end } = section.range;
      if (start.line <= line && line <= end.line) {
        innermost = number;
      }
    });
    return innermost;
  }
}

/** The admitted mentions of one paragraph (their text is cut from the file's text by the caller); its words go into `filter`. */
function* scanParagraph(paragraph: Paragraph, links: readonly Mask[], lexicon: Lexicon, scope: EntryScope, filter: WordFilterBuilder): Generator<Omit<UnlinkedMention, 'text'>> {
  const masks = [...inlineMasks(paragraph.text), ...links].sort((a, b) => a[0] - b[0]);
  const words = new ParagraphWords(paragraph.text, masks, lexicon, filter);
  let quotations: Mask[] | undefined;
  for (let i = 0; i < words.count; i++) {
    if (!words.mayStartForm(i)) {
      continue;
    }
    const form = longestFormAt(words, i, lexicon);
    if (form === undefined) {
      continue;
    }
    const count = form.words.length;
    if (isPartOfLongerName(words, i, form)) {
      continue;
    }
    const start = words.start(i);
    const end = words.end(i + count - 1) + form.closing.length;
    quotations ??= quotationsOf(paragraph.text, masks);
    const range = { start: positionOf(paragraph, start), end: positionOf(paragraph, end) };
    if (!isInsideQuotation(quotations, start, end) && scope.admits(form, range.start.line)) {
      yield { range, term: form.term };
    }
    i += count - 1;
  }
}

/** The longest form standing at word `i`, if any. */
function longestFormAt(words: ParagraphWords, i: number, lexicon: Lexicon): TermForm | undefined {
  let longest: TermForm | undefined;
  for (const forms of lexicon.formsStartingWith(words.word(i), i + 1 < words.count ? words.word(i + 1) : undefined) ?? []) {
    // Each list is longest first: one whose longest form is no longer than what was found is passed over.
    if (longest !== undefined && forms[0]!.words.length <= longest.words.length) continue;
    const form = forms.find((candidate) => matchesAt(words, i, candidate));
    if (form !== undefined && (longest === undefined || form.words.length > longest.words.length)) longest = form;
  }
  return longest;
}

/** Words written with a capital at the start of a sentence (German and English), which begin no name. */
const sentenceOpeners = new Set(
  [
    'der die das den dem des ein eine einen einem einer eines im beim vom zum zur am an auf aus für mit bei von durch nach vor über unter ohne und oder als wie auch so jede jeder jedes diese dieser dieses',
    'a an the this that these those each every its our their in on of for with by from to and or as',
  ]
    .join(' ')
    .split(' '),
);

/**
 * Whether a term in plain words stands next to a capitalised word or a number, as in "Transfer
 * Learning", "Supervised Fine-Tuning", "Claude 3 Haiku" or "Training Data" when the glossary
 * defines only "Learning", "Fine-Tuning", "Haiku" and "Training": then it is part of a longer name
 * that is no entry, and a link on part of it would mislead. Acronyms and names such as "LLM" or
 * "OpenAI" stand for themselves.
 */
function isPartOfLongerName(words: ParagraphWords, i: number, form: TermForm): boolean {
  const last = i + form.words.length - 1;
  // Word `k` is capitalised and apart from its neighbour by one space (`gap` is the word before the space).
  const capitalisedBeside = (k: number, gap: number): boolean => k >= 0 && k < words.count && /^[\p{Lu}\p{N}]/u.test(words.word(k)) && words.between(gap) === ' ';
  const nameBefore = !isCaseSensitive(form.words[0]!) && capitalisedBeside(i - 1, i - 1) && !sentenceOpeners.has(words.word(i - 1).toLowerCase());
  const nameAfter = !isCaseSensitive(form.words.at(-1)!) && capitalisedBeside(last + 1, last);
  return nameBefore || nameAfter;
}

/**
 * Characters that join words into one longer word: "KI-Entwicklung", "Leonardo.ai", "user_id",
 * and the German gender forms "Agent:innen", "Agent*innen".
 */
const joiners = '-._@:*';

function isWordCharacter(char: string | undefined): boolean {
  return char !== undefined && wordCharacter.test(char);
}

/** Whether the character at `joinerOffset` joins the word at `beyondOffset` to the mention, so that it lies inside a longer word. */
function joinedAt(text: string, joinerOffset: number, beyondOffset: number): boolean {
  return joiners.includes(text[joinerOffset] ?? ' ') && isWordCharacter(text[beyondOffset]);
}

/**
 * Whether a hyphen touching the word makes it part of a compound: one whose rest is written
 * elsewhere, the German suspended hyphen ("Tensor- und Matrixberechnungen", "Trainings-,
 * Validierungs- und Testdaten", "Datenspeicher und -verarbeitung"), or one whose first part is a
 * link, code or a quotation ("[LLM](#LLM)-Training", `"Do Anything Now"-Prompt`).
 */
function hyphenAt(text: string, offset: number): boolean {
  return text[offset] === '-';
}

/** Whether the form's words stand at word `i` and the following words, as whole words. */
function matchesAt(words: ParagraphWords, i: number, form: TermForm): boolean {
  const count = form.words.length;
  if (i + count > words.count) {
    return false;
  }
  const text = words.text;
  for (let k = 0; k < count; k++) {
    if (!wordMatchesAt(form.words[k]!, text, words.start(i + k), words.end(i + k), k === count - 1 && form.closing === '')) {
      return false;
    }
    if (k > 0 && !separatorMatches(form.separators[k - 1]!, words.between(i + k - 1))) {
      return false;
    }
  }
  const start = words.start(i);
  const last = words.end(i + count - 1);
  if (form.closing !== '' && !text.startsWith(form.closing, last)) {
    return false;
  }
  const end = last + form.closing.length;
  return (
    !joinedAt(text, start - 1, start - 2) &&
    !joinedAt(text, end, end + 1) &&
    !hyphenAt(text, start - 1) &&
    !hyphenAt(text, end) &&
    !linkReadOtherwiseAt(text, start, end)
  );
}

/**
 * Whether pandoc would read a link put on the text from `start` to `end` as something else: an
 * image after `!` (`Toll!TensorFlow`), a citation after `@`, a link with attributes before `{`.
 */
function linkReadOtherwiseAt(text: string, start: number, end: number): boolean {
  return text[start - 1] === '!' || text[start - 1] === '@' || text[end] === '{';
}

/** A space or hyphen of a form matches white space within a paragraph or a hyphen; any other separator itself. */
function separatorMatches(separator: string, between: string): boolean {
  return separator === ' ' ? between === '-' || /^[^\S\n]*\n?[^\S\n]*$/.test(between) : between === separator;
}

function positionOf(paragraph: Paragraph, offset: number): Range['start'] {
  let line = paragraph.lineStarts.length - 1;
  while (paragraph.lineStarts[line]! > offset) {
    line--;
  }
  return positionAt(paragraph.firstLine + line, offset - paragraph.lineStarts[line]!);
}
