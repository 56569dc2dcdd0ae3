import { Entry, Heading } from '../parse/model';
import { summaryPattern, summaryText } from '../parse/parser';
import type { ReferenceResolver } from '../parse/inline';
import { sentenceStartsIn } from '../parse/sentences';

/** How long the lead paragraph and the explanation of a preview may each be, in characters. */
const maxPreviewLength = 300;

/** How many lines of a section are parsed for a paragraph and its list. */
const maxParsedLines = 60;

/** What the hover of a link (and completion, the lead) shows of an entry besides its title and summary, as plain text shortened at a word boundary. */
export interface EntryPreview {
  /**
   * The first paragraph between the heading and the first section other than the summary: the
   * writer's own definition ("**Alan Turing** (1912–1954) war …"), which in the real glossary
   * follows the quoted one-liners, and all that an abbreviation's entry says ("**AGI** steht für …").
   */
  readonly lead?: string;
  /**
   * The first paragraph of the first `.explanation` section, or its first list. A paragraph that
   * leads in to a list ("LLMs basieren auf …:", as most sections of the real glossary begin) goes on
   * with the list's items, which say what it announces.
   */
  readonly explanation?: ExplanationPreview;
}

/** The explanation of a preview: its paragraph, and the first items of the list it leads in to. */
export interface ExplanationPreview {
  readonly paragraph?: string;
  readonly items: readonly ListItemPreview[];
  /** Whether the list has more items than those. */
  readonly more: boolean;
}

/**
 * A list item as a preview shows it: the bold label it opens with (`**Transformer**:`), and its
 * text, shortened, beginning with what parts it from the label (`: `, ` – `, or a blank before
 * `(MCTS): …`).
 */
export interface ListItemPreview {
  readonly label?: string;
  readonly text: string;
}

/** How many of a list's items a preview shows, and how long each may be: its first sentence at most. */
const maxPreviewItems = 3;
const maxItemLength = 90;

/**
 * The entry's lead paragraph and, unless `explanation` is false, its first explanation (see
 * `EntryPreview`); nothing when the text no longer fits the model. Only these lines are parsed as
 * Markdown (remark), never the whole file.
 */
export async function entryPreview(entry: Entry, text: string, { explanation: withExplanation = true } = {}): Promise<EntryPreview> {
  const lines = text.split(/\r\n?|\n/);
  // The text may be newer than the model (a file changed on disk, not yet re-read).
  // (Compared with blanks in runs as one: the model reads a tab as spaces.)
  const fits = (heading: Heading): boolean => oneLine(lines[heading.range.start.line] ?? '').includes(oneLine(heading.text));
  if (!fits(entry.heading)) {
    return {};
  }
  const bodyOf = (heading: Heading, end: number): string => lines.slice(heading.range.end.line + 1, Math.min(end + 1, heading.range.end.line + 1 + maxParsedLines)).join('\n');
  const firstSection = entry.sections[0];
  const intro = await parseMarkdown(bodyOf(entry.heading, firstSection === undefined ? entry.range.end.line : firstSection.range.start.line - 1));
  const summary = entry.summary === undefined ? undefined : oneLine(entry.summary);
  // The summary's own paragraph (`***…***`, perhaps with its author) is shown as the summary; bold
  // italics further on in a paragraph are no summary of it. Both are read from the source as the
  // parser reads them: remark and pandoc may read the summary's markup differently (`***??? TODO ***`).
  const isSummary = (block: MarkdownNode): boolean => {
    const written = summary === undefined ? null : summaryPattern.exec(intro.source(block));
    if (written?.index !== 0) return false;
    // The model's summary goes on with who said it, when a parenthesis follows: `"…" (Grok)`. A
    // reference in it (`[Modell][m]`) was resolved with the file's definitions, which are not at hand:
    // it is read both as a link and as text.
    return [summaryText(written[1]!), summaryText(written[1]!, anyReference)].some((inner) => summary === inner || summary!.startsWith(`${inner} (`));
  };
  // The first such paragraph alone: a lead may open with the summary's words in bold italics too.
  let summarySeen = false;
  const lead = intro.blocks.find((block) => {
    if (!isProse(block, intro.source)) return false;
    if (summarySeen || !isSummary(block)) return true;
    summarySeen = true;
    return false;
  });
  const section = entry.sections.find((candidate) => candidate.heading.classes.includes('explanation'));
  const explanation = withExplanation && section !== undefined && fits(section.heading) ? await explanationText(bodyOf(section.heading, section.range.end.line)) : undefined;
  const leadText = lead === undefined ? '' : intro.plainText(lead);
  return {
    ...(leadText !== '' ? { lead: shorten(leadText, maxPreviewLength) } : {}),
    ...(explanation !== undefined ? { explanation } : {}),
  };
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** A paragraph of prose: pandoc's divs and pipe tables, which remark reads as paragraphs, are none. */
function isProse(block: MarkdownNode, source: (node: MarkdownNode) => string): boolean {
  return block.type === 'paragraph' && !/^(?::::|\|)/.test(source(block));
}

/**
 * The first paragraph of a section, or its first list; a paragraph that leads in to a list goes on
 * with its first items. Comments, divs and tables before them are passed over.
 */
async function explanationText(markdown: string): Promise<ExplanationPreview | undefined> {
  const { blocks, plainText, source } = await parseMarkdown(markdown);
  const start = blocks.findIndex((block) => block.type === 'list' || isProse(block, source));
  const [first, next] = start < 0 ? [] : blocks.slice(start);
  const paragraph = first?.type === 'paragraph' ? plainText(first) : '';
  const list = first?.type === 'list' ? first : paragraph.endsWith(':') && next?.type === 'list' ? next : undefined;
  const items = (list?.children ?? []).map((item) => listItemPreview(item.children[0], plainText)).filter((item) => item.label !== undefined || item.text !== '');
  if (paragraph === '' && items.length === 0) return undefined;
  return {
    ...(paragraph !== '' ? { paragraph: shorten(paragraph, maxPreviewLength) } : {}),
    items: items.slice(0, maxPreviewItems),
    more: items.length > maxPreviewItems,
  };
}

/**
 * An item's first paragraph, to its first sentence: a bold run that opens it is its label (an item
 * that only labels its sub-list, "**Bausteine**:", has no more, and no colon).
 */
function listItemPreview(paragraph: MarkdownNode | undefined, plainText: (node: MarkdownNode | undefined) => string): ListItemPreview {
  const whole = plainText(paragraph).replace(/:$/, '');
  const opening = paragraph?.children[0];
  if (opening?.type !== 'strong') return { text: firstSentence(whole) };
  const bold = plainText(opening);
  const label = bold.replace(/:$/, '');
  const [parting] = /^\s*[:–-]?\s*/.exec(`${bold.endsWith(':') ? ':' : ''}${whole.slice(bold.length)}`)!;
  const rest = whole.slice(bold.length).slice(Math.max(0, parting.length - (bold.endsWith(':') ? 1 : 0)));
  return { label, text: rest === '' ? '' : `${parting.trim() === '' ? ' ' : `${parting.trim()} `}${firstSentence(rest)}` };
}

/** A text to the end of its first sentence (as `sentence-mid-line` tells them: not at `bzw.` or `z.B.`), shortened. */
function firstSentence(text: string): string {
  const next = sentenceStartsIn(text).find((start) => start.blankStart >= 20);
  return shorten(next === undefined ? text : text.slice(0, next.blankStart), maxItemLength);
}

/** The parts of remark's tree read here. */
interface MarkdownNode {
  readonly type: string;
  readonly children: readonly MarkdownNode[];
  /** The text of a text, code or HTML node. */
  readonly value?: string;
  /** The description of an image. */
  readonly alt?: string;
  readonly position?: { readonly start: { readonly offset?: number }; readonly end: { readonly offset?: number } };
}

/** The blocks of a piece of Markdown, a node's text on one line, and its source. */
async function parseMarkdown(
  markdown: string,
): Promise<{ blocks: readonly MarkdownNode[]; plainText: (node: MarkdownNode | undefined) => string; source: (node: MarkdownNode) => string }> {
  const [{ unified }, { default: remarkParse }] = await Promise.all([import('unified'), import('remark-parse')]);
  const tree = unified().use(remarkParse).parse(markdown) as unknown as MarkdownNode;
  return {
    blocks: tree.children,
    plainText: (node) => (node === undefined ? '' : oneLine(textOf(node))),
    source: (node) => markdown.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? markdown.length),
  };
}

/** A node's text as the book shows it: a hard line break parts words; raw HTML (a comment, `<b>`) is markup, left out. */
function textOf(node: MarkdownNode): string {
  if (node.type === 'break') return ' ';
  if (node.type === 'html') return '';
  return node.value ?? node.alt ?? node.children?.map(textOf).join('') ?? '';
}

/**
 * Cuts a text at the last word boundary before `max` characters and marks the cut with `…`; before
 * a parenthesis or quote the cut would leave open (`echt (aus dem…`), and before a word left on its
 * hyphen (`Abstands-…`), where that keeps half the text.
 */
export function shorten(text: string, max: number): string {
  if (text.length <= max) {
    return text;
  }
  const cut = textBefore(text, max - 1);
  const space = cut.lastIndexOf(' ');
  let kept = space > max / 2 ? cut.slice(0, space) : cut;
  const opening = unclosedOpenings(kept).find((at) => at > max / 2);
  if (opening !== undefined) kept = kept.slice(0, opening);
  const hanging = /\s\S*\p{L}-$/u.exec(kept);
  if (hanging !== null && hanging.index > max / 2) kept = kept.slice(0, hanging.index);
  return `${kept.replace(/[\s,;:.]+$/, '')}…`;
}

/** Where the parentheses and quotes that a text opens and does not close stand, in order. */
function unclosedOpenings(text: string): number[] {
  const open: number[] = [];
  let straightQuote = -1;
  for (let k = 0; k < text.length; k++) {
    const ch = text[k];
    if (ch === '(' || ch === '„') open.push(k);
    else if ((ch === ')' || ch === '“') && open.length > 0) open.pop();
    else if (ch === '"') straightQuote = straightQuote < 0 ? k : -1;
  }
  return (straightQuote < 0 ? open : [...open, straightQuote].sort((a, b) => a - b));
}

/** The text up to `end` (UTF-16 units), or one unit less where `end` would split a character of two (an emoji). */
export function textBefore(text: string, end: number): string {
  const last = text.charCodeAt(end - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? end - 1 : end);
}

/** Takes every reference for a link, of which the label is the text. */
const anyReference: ReferenceResolver = () => ({ url: '', kind: 'reference', idLocation: undefined, labelLocation: undefined });
