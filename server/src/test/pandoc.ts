/**
 * Asks pandoc, the reference implementation of Pandoc Markdown, which ids and internal link
 * targets a text has: the identifiers of headers and of the other elements with attributes (divs,
 * code blocks, spans, code, links, images), and Link URLs starting with `#`, in document order.
 */

import { execFile, execFileSync } from 'node:child_process';
import * as path from 'node:path';

export interface PandocFacts {
  readonly ids: string[];
  readonly links: string[];
}

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Where the attributes stand in the content of the elements that have them. */
const attributesAt: Record<string, number> = { Header: 1, Div: 0, CodeBlock: 0, Span: 0, Code: 0, Link: 0, Image: 0 };

function collect(node: Json, facts: PandocFacts): void {
  if (Array.isArray(node)) {
    for (const child of node) collect(child, facts);
  } else if (node !== null && typeof node === 'object') {
    const content = node.c as Json[];
    const attributes = attributesAt[node.t as string];
    const id = attributes === undefined ? '' : ((content[attributes] as Json[])[0] as string);
    if (id !== '') facts.ids.push(id);
    if (node.t === 'Link') {
      const url = (content[2] as Json[])[0] as string;
      if (url.startsWith('#')) facts.links.push(url.slice(1));
    }
    for (const key of Object.keys(node)) collect(node[key], facts);
  }
}

/** The blocks of pandoc's JSON for a text, read at once (a test's loop may ask many times). */
export function pandocBlocksOfText(text: string): { readonly t: string; readonly c?: Json }[] {
  return (JSON.parse(execFileSync('pandoc', ['-f', 'markdown', '-t', 'json'], { input: text, encoding: 'utf8', maxBuffer: 1 << 28 })) as { blocks: { t: string; c?: Json }[] }).blocks;
}

/** The blocks of pandoc's JSON for the files named in `args`, or for `input`. */
function pandocBlocks(args: string[], input?: string): Promise<Json> {
  return new Promise((resolve, reject) => {
    const child = execFile('pandoc', ['-f', 'markdown', '-t', 'json', ...args], { maxBuffer: 1 << 28 }, (error, stdout) => {
      if (error) {
        reject(new Error(`pandoc failed (is it installed? .ci/run installs it): ${error.message}`));
        return;
      }
      resolve((JSON.parse(stdout) as { blocks: Json }).blocks);
    });
    // pandoc may finish before it reads standard input (a file argument): ignore the broken pipe.
    child.stdin?.on('error', () => undefined);
    child.stdin?.end(input ?? '');
  });
}

async function runPandoc(args: string[], input?: string): Promise<PandocFacts> {
  const facts: PandocFacts = { ids: [], links: [] };
  collect(await pandocBlocks(args, input), facts);
  return facts;
}

/** A link, alone or wrapped alone in emphasis, strong emphasis or strikeout (`*[B](#B)*`): an item of a list of links. */
function itemLink(inline: { t: string; c: Json }): { t: string; c: Json } | undefined {
  if (inline.t === 'Link') return inline;
  const content = inline.c as { t: string; c: Json }[];
  return ['Emph', 'Strong', 'Strikeout'].includes(inline.t) && content.length === 1 ? itemLink(content[0]!) : undefined;
}

/**
 * The labels of the see-also links that pandoc runs together with the next link (nothing but
 * spaces and soft line breaks between the two, each alone or wrapped alone in emphasis), in the
 * files named read as one book, or in `text`. A see-also list: the paragraphs after a heading with the class `seealso`, up to the next heading
 * or rule, in list items, quotes and divs too.
 */
export async function pandocSeeAlsoLinksRunTogether(files: readonly string[], text?: string): Promise<string[]> {
  const labels: string[] = [];
  const visit = (node: Json): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node !== null && typeof node === 'object') {
      if (node.t === 'Para' || node.t === 'Plain') {
        const inlines = node.c as { t: string; c: Json }[];
        inlines.forEach((inline, k) => {
          const next = inlines.slice(k + 1).find((after) => after.t !== 'Space' && after.t !== 'SoftBreak');
          const link = itemLink(inline);
          if (link !== undefined && next !== undefined && itemLink(next) !== undefined) labels.push(stringify((link.c as Json[])[1]!));
        });
      } else Object.values(node).forEach(visit);
    }
  };
  let inSeeAlso = false;
  for (const block of (await pandocBlocks(files.map((file) => path.resolve(file)), text)) as { t: string; c: Json }[]) {
    if (block.t === 'Header') inSeeAlso = (((block.c as Json[])[1] as Json[])[1] as string[]).includes('seealso');
    else if (block.t === 'HorizontalRule') inSeeAlso = false;
    else if (inSeeAlso) visit(block);
  }
  return labels;
}

/** The code of each code block pandoc finds in a text (fenced or indented), in order. */
export async function pandocCodeBlocksOfText(text: string): Promise<string[]> {
  const code: string[] = [];
  const visit = (node: Json): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node !== null && typeof node === 'object') {
      if (node.t === 'CodeBlock') code.push((node.c as Json[])[1] as string);
      else Object.values(node).forEach(visit);
    }
  };
  visit(await pandocBlocks([], text));
  return code;
}

/** Pandoc's reading of a text as JSON, where a line break in a paragraph reads as the blank it stands for. */
export async function pandocReadingWithoutSoftBreaks(text: string): Promise<string> {
  return JSON.stringify(await pandocBlocks([], text)).replaceAll('{"t":"SoftBreak"}', '{"t":"Space"}');
}

/** The classes of each heading pandoc finds in a text, in order. */
export async function pandocHeadingClassesOfText(text: string): Promise<string[][]> {
  return (await pandocHeadingsOfText(text)).map((heading) => [...heading.classes]);
}

/** A heading as pandoc reads it: its level, its classes and its text as `stringify` gives it. */
export interface PandocHeading {
  readonly level: number;
  readonly classes: readonly string[];
  readonly text: string;
}

function headingsIn(blocks: Json): PandocHeading[] {
  const headings: PandocHeading[] = [];
  const visit = (node: Json): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node !== null && typeof node === 'object') {
      const content = node.c as Json[];
      if (node.t === 'Header') headings.push({ level: content[0] as number, classes: (content[1] as Json[])[1] as string[], text: stringify(content[2]) });
      Object.values(node).forEach(visit);
    }
  };
  visit(blocks);
  return headings;
}

/** The headings pandoc finds in a text, in order. */
export async function pandocHeadingsOfText(text: string): Promise<PandocHeading[]> {
  return headingsIn(await pandocBlocks([], text));
}

/** The headings pandoc finds in the files named, read as one text (as the book joins them), in order. */
export async function pandocHeadingsOfFiles(files: readonly string[]): Promise<PandocHeading[]> {
  return headingsIn(await pandocBlocks(files.map((file) => path.resolve(file))));
}

/** The text of headings and of link labels, as pandoc's `stringify` reads them, in document order. */
export interface PandocTexts {
  readonly headings: string[];
  readonly linkLabels: string[];
}

const quotes: Record<string, [string, string]> = { DoubleQuote: ['\u201c', '\u201d'], SingleQuote: ['\u2018', '\u2019'] };

/** Pandoc's `stringify` of inlines in its JSON: markup removed, notes and raw formats dropped. */
function stringify(node: Json): string {
  if (Array.isArray(node)) return node.map(stringify).join('');
  if (node === null || typeof node !== 'object') return '';
  const content = node.c as Json[];
  switch (node.t) {
    case 'Str':
      return node.c as string;
    case 'Space':
    case 'SoftBreak':
    case 'LineBreak':
      return ' ';
    case 'Code':
    case 'Math':
      return content[1] as string;
    case 'RawInline':
      // `stringify` reads an HTML line break as a blank, any other raw text as nothing.
      return (content[1] as string).startsWith('<br') ? ' ' : '';
    case 'Note':
      return '';
    case 'Quoted': {
      const [open, close] = quotes[(content[0] as { t: string }).t];
      return open + stringify(content[1]) + close;
    }
    case 'Span':
    case 'Link':
    case 'Image':
    case 'Cite':
      return stringify(content[1]);
    default:
      return stringify(node.c);
  }
}

function collectTexts(node: Json, texts: PandocTexts): void {
  if (Array.isArray(node)) {
    for (const child of node) collectTexts(child, texts);
  } else if (node !== null && typeof node === 'object') {
    const content = node.c as Json[];
    // A title is shown without blanks at its ends: a line break that ends a heading (`### Titel \`) is one.
    if (node.t === 'Header') texts.headings.push(stringify(content[2]).replace(/^[ \t\n]+|[ \t\n]+$/g, ''));
    if (node.t === 'Link' && ((content[2] as Json[])[0] as string).startsWith('#')) texts.linkLabels.push(stringify(content[1]));
    for (const key of Object.keys(node)) collectTexts(node[key], texts);
  }
}

function textsOf(blocks: Json): PandocTexts {
  const texts: PandocTexts = { headings: [], linkLabels: [] };
  collectTexts(blocks, texts);
  return texts;
}

/** Each internal link's label as pandoc reads it: the kinds of its inlines (`Str`, `Emph`, `RawInline`, …) and its text. */
export async function pandocLinkLabelsOfText(text: string): Promise<{ readonly kinds: string[]; readonly text: string }[]> {
  const labels: { kinds: string[]; text: string }[] = [];
  const visit = (node: Json): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
    } else if (node !== null && typeof node === 'object') {
      const content = node.c as Json[];
      if (node.t === 'Link' && ((content[2] as Json[])[0] as string).startsWith('#')) {
        const inlines = content[1] as { t: string }[];
        labels.push({ kinds: [...new Set(inlines.map((inline) => inline.t))], text: stringify(inlines) });
      }
      Object.values(node).forEach(visit);
    }
  };
  visit(await pandocBlocks([], text));
  return labels;
}

/** The URL of every link pandoc reads in the files named, joined as the book joins them (or in `text`), in document order. */
export async function pandocLinkUrls(files: readonly string[], text?: string): Promise<string[]> {
  const urls: string[] = [];
  const visit = (node: Json): void => {
    if (Array.isArray(node)) {
      node.forEach(visit);
    } else if (node !== null && typeof node === 'object') {
      if (node.t === 'Link') urls.push(((node.c as Json[])[2] as Json[])[0] as string);
      Object.values(node).forEach(visit);
    }
  };
  visit(await pandocBlocks(files.map((file) => path.resolve(file)), text));
  return urls;
}

/** The heading texts and internal links' labels pandoc reads in a text. */
export async function pandocTextsOfText(text: string): Promise<PandocTexts> {
  return textsOf(await pandocBlocks([], text));
}

/** What pandoc finds in a file read on its own: its ids and link targets, its heading texts and link labels. */
export async function pandocReadingOfFile(file: string): Promise<{ facts: PandocFacts; texts: PandocTexts }> {
  const blocks = await pandocBlocks([path.resolve(file)]);
  const facts: PandocFacts = { ids: [], links: [] };
  collect(blocks, facts);
  return { facts, texts: textsOf(blocks) };
}

/** What pandoc finds in a text. */
export function pandocFactsOfText(text: string): Promise<PandocFacts> {
  return runPandoc([], text);
}

/** Runs `task` over `items` with at most `limit` running at once, keeping the order of results. */
export async function mapLimited<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** The cells of each table in pandoc's blocks: its rows (head, bodies, foot), each a list of its cells' texts as `stringify` reads them. */
function tableCellsIn(blocks: Json): string[][][] {
  const tables: string[][][] = [];
  const rowsOf = (rows: Json) => (rows as Json[][]).map(([, cells]) => (cells as Json[][]).map((cell) => stringify(cell[4]!).trim()));
  const visit = (node: Json): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node !== null && typeof node === 'object') {
      if (node.t === 'Table') {
        const [, , , head, bodies, foot] = node.c as Json[][];
        tables.push([...rowsOf(head![1]!), ...(bodies as Json[][]).flatMap((body) => [...rowsOf(body[2]!), ...rowsOf(body[3]!)]), ...rowsOf(foot![1]!)]);
      }
      Object.values(node).forEach(visit);
    }
  };
  visit(blocks);
  return tables;
}

/** The cells of each table pandoc finds in a text (see `tableCellsIn`). */
export async function pandocTableCellsOfText(text: string): Promise<string[][][]> {
  return tableCellsIn(await pandocBlocks([], text));
}

/**
 * Pandoc 3's blocks of a text: the official pandoc.wasm of the npm package `pandoc-wasm`. The
 * glossary's haiku tables, with a foot, are written for pandoc 3, which reads grid tables and counts
 * the width of characters otherwise than pandoc 2.17.
 */
export async function pandoc3Blocks(text: string): Promise<Json> {
  const { convert } = await import('pandoc-wasm');
  const { stdout, stderr } = await convert({ from: 'markdown', to: 'json' }, text, {});
  if (stdout === '') throw new Error(`pandoc 3 read nothing: ${stderr}`);
  return (JSON.parse(stdout) as { blocks: Json }).blocks;
}

/** The cells of each table pandoc 3 finds in a text (see `tableCellsIn`). */
export async function pandoc3TableCellsOfText(text: string): Promise<string[][][]> {
  return tableCellsIn(await pandoc3Blocks(text));
}
