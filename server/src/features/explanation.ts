import { Entry } from '../parse/model';

/** How long the explanation in a hover may be, in characters. */
const maxExplanationLength = 300;

/** How many lines of a section are parsed for a lead-in and its list. */
const maxParsedLines = 60;

/**
 * The first paragraph of an entry's first `.explanation` section as plain text, shortened at a
 * word boundary; undefined when there is none or the text no longer fits the model. A paragraph
 * that leads in to a list ("LLMs basieren auf …:", as most sections of the real glossary begin)
 * goes on with the list's items, which say what it announces. Only these lines are parsed as
 * Markdown (remark), never the whole file.
 */
export async function firstExplanation(entry: Entry, text: string): Promise<string | undefined> {
  const section = entry.sections.find((candidate) => candidate.heading.classes.includes('explanation'));
  if (section === undefined) {
    return undefined;
  }
  const lines = text.split(/\r\n?|\n/);
  // The text may be newer than the model (a file changed on disk, not yet re-read).
  if (!(lines[section.heading.range.start.line] ?? '').includes(section.heading.text)) {
    return undefined;
  }
  const body = lines.slice(section.heading.range.end.line + 1, Math.min(section.range.end.line + 1, section.heading.range.end.line + 1 + maxParsedLines));
  const { blocks, plainText } = await parseMarkdown(body.join('\n'));
  const [first, next] = blocks;
  const items = (list: MarkdownNode): string => list.children.map((item) => plainText(item.children[0])).filter((item) => item !== '').join('; ');
  let plain = first?.type === 'paragraph' ? plainText(first) : first?.type === 'list' ? items(first) : '';
  if (first?.type === 'paragraph' && plain.endsWith(':') && next?.type === 'list') {
    plain = `${plain} ${items(next)}`;
  }
  return plain === '' ? undefined : shorten(plain, maxExplanationLength);
}

/** The parts of remark's tree read here. */
interface MarkdownNode {
  readonly type: string;
  readonly children: readonly MarkdownNode[];
}

/** The blocks of a piece of Markdown, and a node's text on one line. */
async function parseMarkdown(markdown: string): Promise<{ blocks: readonly MarkdownNode[]; plainText: (node: MarkdownNode | undefined) => string }> {
  const [{ unified }, { default: remarkParse }, { toString }] = await Promise.all([import('unified'), import('remark-parse'), import('mdast-util-to-string')]);
  const tree = unified().use(remarkParse).parse(markdown) as unknown as MarkdownNode;
  return { blocks: tree.children, plainText: (node) => (node === undefined ? '' : toString(node).replace(/\s+/g, ' ').trim()) };
}

/** Cuts a text at the last word boundary before `max` characters and marks the cut with `…`. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) {
    return text;
  }
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}
