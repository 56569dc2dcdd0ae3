import { WorkspaceIndex } from '../index/workspaceIndex';
import { splitLines } from '../parse/blocks';
import { detach } from '../parse/detach';
import { Entry, GlossaryDocument, Link, Range } from '../parse/model';
import { positionAt } from '../parse/positions';
import { inlineMasks, Mask } from './inlineMasks';
import { formsOf, isCaseSensitive, Lexicon, lexiconOf, Term, TermForm, wordMatches } from './lexicon';

/** A term written in another entry's prose without a link to it. */
export interface UnlinkedMention {
  readonly range: Range;
  /** The words as written (they become the link's label). */
  readonly text: string;
  readonly term: Term;
}

/**
 * Mentions are found in the text, which the index does not keep (it holds the parsed models only):
 * the editor's text of an open document, or the file read again for a closed one. What was found
 * is kept per model and lexicon, so a document is scanned again only when it or the terms change,
 * and a closed document's findings stay available without its text.
 */
const found = new WeakMap<GlossaryDocument, { readonly lexicon: Lexicon; readonly mentions: readonly UnlinkedMention[] }>();

/**
 * The unlinked mentions of a document. With its text (the text its model was parsed from) they
 * are worked out against the current terms; without, the last ones found for this model are
 * given, less those of terms no longer defined, or none.
 */
export function unlinkedMentions(document: GlossaryDocument, index: WorkspaceIndex, text: string | undefined): readonly UnlinkedMention[] {
  const cached = found.get(document);
  const lexicon = lexiconOf(index);
  if (cached?.lexicon === lexicon) {
    return cached.mentions;
  }
  if (text === undefined) {
    return (cached?.mentions ?? []).filter((mention) => index.isDefined(mention.term.id));
  }
  const mentions = findUnlinkedMentions(text, document, lexicon);
  found.set(document, { lexicon, mentions });
  return mentions;
}

/**
 * Works the mentions of a document out anew from its text, against the current terms, and tells
 * whether they differ from those last found (so that the document is to be published again).
 */
export function reworkMentions(document: GlossaryDocument, index: WorkspaceIndex, text: string): boolean {
  const before = found.get(document)?.mentions ?? [];
  const after = unlinkedMentions(document, index, text);
  return before.length !== after.length || before.some((mention, k) => mention.term.id !== after[k]!.term.id || mention.text !== after[k]!.text || mention.range.start !== after[k]!.range.start);
}

/** Whether the mentions of this model are known for the current terms (so that its text is not needed). */
export function mentionsAreCurrent(document: GlossaryDocument, index: WorkspaceIndex): boolean {
  return found.get(document)?.lexicon === lexiconOf(index);
}

/**
 * The first mention of each term in each section of each entry, outside headings, code, links and
 * the other masked parts of the prose, leaving out the entry's own names and terms the section
 * links already. One pass over the words of the text; each word is looked up once in the lexicon.
 */
export function findUnlinkedMentions(text: string, document: GlossaryDocument, lexicon: Lexicon): UnlinkedMention[] {
  if (document.entries.length === 0) {
    return [];
  }
  const lines = splitLines(text);
  const skipped = linesWithoutProse(document, lines);
  const links = new LinkMasks(document);
  const mentions: UnlinkedMention[] = [];
  for (const entry of document.entries) {
    const scope = new EntryScope(entry);
    for (const paragraph of paragraphsOf(lines, skipped, entry.heading.range.end.line + 1, entry.range.end.line)) {
      scanParagraph(paragraph, links.of(paragraph), lexicon, scope, mentions);
    }
  }
  return mentions;
}

/** Consecutive lines of prose, joined with `\n`, and where each line starts in the joined text. */
interface Paragraph {
  readonly firstLine: number;
  readonly text: string;
  readonly lineStarts: readonly number[];
}

/**
 * Heading lines, code blocks and reference definitions (`[ref]: #Id`) hold no prose; table rows
 * are left alone too, since a link in a cell would break the columns of a grid table.
 */
function linesWithoutProse(document: GlossaryDocument, lines: readonly string[]): Uint8Array {
  const skipped = new Uint8Array(lines.length);
  const skip = (range: Range): void => {
    skipped.fill(1, range.start.line, range.end.line + 1);
  };
  document.headings.forEach((heading) => skip(heading.range));
  document.codeFences.forEach((fence) => skip(fence.range));
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

function* paragraphsOf(lines: readonly string[], skipped: Uint8Array, from: number, to: number): Generator<Paragraph> {
  let line = from;
  while (line <= to && line < lines.length) {
    if (skipped[line] || lines[line]!.trim() === '') {
      line++;
      continue;
    }
    const firstLine = line;
    const lineStarts: number[] = [];
    let text = '';
    for (; line <= to && line < lines.length && !skipped[line] && lines[line]!.trim() !== ''; line++) {
      if (line > firstLine) text += '\n';
      lineStarts.push(text.length);
      text += lines[line];
    }
    yield { firstLine, text, lineStarts };
  }
}

/**
 * The internal links (the model knows them, whatever their syntax) of paragraphs asked for in
 * document order, as masks: one pass over the links for the whole document.
 */
class LinkMasks {
  private readonly links: readonly Link[];
  private next = 0;

  constructor(document: GlossaryDocument) {
    this.links = [...document.links].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  }

  of(paragraph: Paragraph): Mask[] {
    const lastLine = paragraph.firstLine + paragraph.lineStarts.length - 1;
    while (this.next < this.links.length && this.links[this.next]!.range.start.line < paragraph.firstLine) {
      this.next++;
    }
    const offset = ({ line, character }: Range['start']): number =>
      line > lastLine ? paragraph.text.length : paragraph.lineStarts[line - paragraph.firstLine]! + character;
    const masks: Mask[] = [];
    for (let k = this.next; k < this.links.length && this.links[k]!.range.start.line <= lastLine; k++) {
      masks.push([offset(this.links[k]!.range.start), offset(this.links[k]!.range.end)]);
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

  constructor(private readonly entry: Entry) {
    this.ownKeys = new Set(formsOf(entry).map((form) => form.key));
  }

  /** Whether a mention of the form on this line is to be reported (and records it when so). */
  admits(form: TermForm, line: number): boolean {
    if (form.term.id === this.entry.id || this.ownKeys.has(form.key)) {
      return false;
    }
    const key = `${this.sectionAt(line)}\u0000${form.term.id}`;
    this.linked ??= new Set(this.entry.bodyLinks.map((link) => `${this.sectionAt(link.range.start.line)}\u0000${link.target}`));
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
      if (section.range.start.line <= line && line <= section.range.end.line) {
        innermost = number;
      }
    });
    return innermost;
  }
}

const wordPattern = /[\p{L}\p{N}]+/gu;

/** A word of the text: where it is and what it says. */
interface Word {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Reports the admitted mentions of one paragraph into `mentions`. */
function scanParagraph(paragraph: Paragraph, links: readonly Mask[], lexicon: Lexicon, scope: EntryScope, mentions: UnlinkedMention[]): void {
  const words = unmaskedWords(paragraph.text, [...inlineMasks(paragraph.text), ...links].sort((a, b) => a[0] - b[0]));
  for (let i = 0; i < words.length; i++) {
    const forms = lexicon.formsStartingWith(words[i]!.text);
    const form = forms?.find((candidate) => matchesAt(paragraph.text, words, i, candidate));
    if (form === undefined) {
      continue;
    }
    if (isPartOfLongerName(paragraph.text, words, i, form)) {
      continue;
    }
    const first = words[i]!;
    const last = words[i + form.words.length - 1]!;
    const range = { start: positionOf(paragraph, first.start), end: positionOf(paragraph, last.end) };
    if (scope.admits(form, range.start.line)) {
      mentions.push({ range, text: detach(paragraph.text.slice(first.start, last.end)), term: form.term });
    }
    i += form.words.length - 1;
  }
}

/** Words written with a capital at the start of a German sentence, which begin no name. */
const sentenceOpeners = new Set(
  'der die das den dem des ein eine einen einem einer eines im beim vom zum zur am an auf aus für mit bei von durch nach vor über unter ohne und oder als wie auch so jede jeder jedes diese dieser dieses'.split(' '),
);

/**
 * Whether a term in plain words stands next to a capitalised word or a number, as in "Transfer
 * Learning", "Supervised Fine-Tuning", "Claude 3 Haiku" or "Training Data" when the glossary
 * defines only "Learning", "Fine-Tuning", "Haiku" and "Training": then it is part of a longer name
 * that is no entry, and a link on part of it would mislead. Acronyms and names such as "LLM" or
 * "OpenAI" stand for themselves.
 */
function isPartOfLongerName(text: string, words: readonly Word[], i: number, form: TermForm): boolean {
  const first = words[i]!;
  const last = words[i + form.words.length - 1]!;
  const capitalised = (word: Word | undefined, other: Word): word is Word =>
    word !== undefined && /^[\p{Lu}\p{N}]/u.test(word.text) && text.slice(Math.min(word.end, other.end), Math.max(word.start, other.start)) === ' ';
  const before = words[i - 1];
  const after = words[i + form.words.length];
  const nameBefore = !isCaseSensitive(form.words[0]!) && capitalised(before, first) && !sentenceOpeners.has(before.text.toLowerCase());
  const nameAfter = !isCaseSensitive(form.words.at(-1)!) && capitalised(after, last);
  return nameBefore || nameAfter;
}

/** The words of the text outside the masks (sorted by start). */
function unmaskedWords(text: string, masks: readonly Mask[]): Word[] {
  const words: Word[] = [];
  let mask = 0;
  wordPattern.lastIndex = 0;
  for (let match = wordPattern.exec(text); match !== null; match = wordPattern.exec(text)) {
    const start = match.index;
    const end = start + match[0].length;
    while (mask < masks.length && masks[mask]![1] <= start) {
      mask++;
    }
    if (mask < masks.length && masks[mask]![0] < end) {
      wordPattern.lastIndex = Math.max(end, masks[mask]![1]);
      continue;
    }
    words.push({ start, end, text: match[0] });
  }
  return words;
}

/** Characters that join words into one longer word: "KI-Entwicklung", "Leonardo.ai", "user_id". */
const joiners = '-._@';

function isWordCharacter(char: string | undefined): boolean {
  return char !== undefined && /[\p{L}\p{N}]/u.test(char);
}

/** Whether a word next to `offset` (on the side given) is joined to the mention, so that it lies inside a longer word. */
function joinedAt(text: string, joinerOffset: number, beyondOffset: number): boolean {
  return joiners.includes(text[joinerOffset] ?? ' ') && isWordCharacter(text[beyondOffset]);
}

/** Whether the form's words stand at word `i` and the following words, as whole words. */
function matchesAt(text: string, words: readonly Word[], i: number, form: TermForm): boolean {
  const count = form.words.length;
  if (i + count > words.length) {
    return false;
  }
  for (let k = 0; k < count; k++) {
    const word = words[i + k]!;
    if (!wordMatches(form.words[k]!, word.text, k === count - 1)) {
      return false;
    }
    if (k > 0 && !separatorMatches(form.separators[k - 1]!, text.slice(words[i + k - 1]!.end, word.start))) {
      return false;
    }
  }
  const start = words[i]!.start;
  const end = words[i + count - 1]!.end;
  return !joinedAt(text, start - 1, start - 2) && !joinedAt(text, end, end + 1);
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
