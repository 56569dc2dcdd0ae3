import { Entry } from '../parse/model';

/** How long the explanation in a hover may be, in characters. */
const maxExplanationLength = 300;

/**
 * The first paragraph of an entry's first `.explanation` section as plain text, shortened at a
 * word boundary; undefined when there is none or the text no longer fits the model. Only this one
 * paragraph is parsed as Markdown (remark), never the whole file.
 */
export async function firstExplanation(entry: Entry, text: string): Promise<string | undefined> {
  const section = entry.sections.find((candidate) => candidate.heading.classes.includes('explanation'));
  if (section === undefined) {
    return undefined;
  }
  const lines = text.split(/\r\n?|\n/);
  const headingLine = section.heading.range.end.line;
  // The text may be newer than the model (a file changed on disk, not yet re-read).
  if (!(lines[section.heading.range.start.line] ?? '').includes(section.heading.text)) {
    return undefined;
  }
  let first = headingLine + 1;
  while (first <= section.range.end.line && (lines[first] ?? '').trim() === '') {
    first++;
  }
  let last = first;
  while (last <= section.range.end.line && (lines[last] ?? '').trim() !== '') {
    last++;
  }
  const paragraph = lines.slice(first, last).join('\n');
  if (paragraph === '') {
    return undefined;
  }
  const plain = (await markdownToPlainText(paragraph)).replace(/\s+/g, ' ').trim();
  return shorten(plain, maxExplanationLength);
}

async function markdownToPlainText(markdown: string): Promise<string> {
  const [{ unified }, { default: remarkParse }, { toString }] = await Promise.all([
    import('unified'),
    import('remark-parse'),
    import('mdast-util-to-string'),
  ]);
  return toString(unified().use(remarkParse).parse(markdown));
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
