import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { widthOf } from '../parse/displayWidth';
import { parseGlossaryDocument } from '../parse/parser';
import { lineUpTableEdits } from '../features/tableEdits';
import { seededRandom } from '../seededRandom';
import { Json, pandoc3Blocks, pandoc3TableCellsOfText, pandocTableCellsOfText } from './pandoc';

// Pandoc 3 (the npm package pandoc-wasm) is asked here: the glossary's haiku tables, with a foot,
// are written for it, and it counts the width of characters otherwise than pandoc 2.17.

/** Pandoc 3's reading of texts given at once, split at paragraphs "SEP" put between them. */
async function pandoc3BlocksOfEach(texts: readonly string[]): Promise<Json[][]> {
  const blocks = (await pandoc3Blocks(texts.join('\n\nSEP\n\n'))) as { t: string; c: Json }[];
  const groups: Json[][] = [[]];
  for (const block of blocks) {
    if (block.t === 'Para' && JSON.stringify(block.c) === '[{"t":"Str","c":"SEP"}]') groups.push([]);
    else groups[groups.length - 1]!.push(block);
  }
  assert.equal(groups.length, texts.length);
  return groups;
}

test('characters take the columns pandoc 3 gives them in a table: marks none, wide characters and emoji pictures two', async () => {
  const samples = [
    ...'aäß–—…„“€', '\u00ad', '\u0301', '\u200b', '\u200d', '\ufe0f', '\u0e31', '\u064b', '語', '한', 'Ａ', 'ｱ', '〇', '❤', '☀', '⌚', '✅',
    '🕊', '🤖', '😀', '🌡', '🖥', '🛠', '🇩', '🏻', '𠀀',
  ];
  // And some hundreds more, from every plane the tables may meet.
  const random = seededRandom(7);
  while (samples.length < 400) {
    const cp = random() < 0.5 ? 0x300 + Math.floor(random() * 0xfc00) : 0x1f000 + Math.floor(random() * 0xb00);
    const character = String.fromCodePoint(cp);
    if (!/[\p{Cn}\p{Cs}\p{Co}\p{Cc}]/u.test(character)) samples.push(character);
  }
  // A simple table whose first column ends after 5 columns: the header `a?bcdefghij` is cut there (and the blanks after it).
  const groups = await pandoc3BlocksOfEach(samples.map((character) => `-----  -----\na${character}bcdefghij\n-----  -----`));
  const stringify = (node: Json): string => (Array.isArray(node) ? node.map(stringify).join('') : node !== null && typeof node === 'object' ? (node.t === 'Str' ? (node.c as string) : stringify(node.c ?? [])) : '');
  const mismatches = samples.flatMap((character, k) => {
    const table = groups[k]!.find((block) => (block as { t: string }).t === 'Table') as { c: Json[][] } | undefined;
    const firstCell = stringify((((table?.c[4]![0] as Json[])[3] as Json[][])[0]![1] as Json[][])[0]![4]!);
    const pandocWidth = { bcde: 2, bcdef: 1, bcdefg: 0 }[firstCell.slice(1 + character.length)];
    const width = widthOf(character);
    return pandocWidth === width ? [] : [`U+${character.codePointAt(0)!.toString(16)} pandoc 3: ${pandocWidth} (${firstCell}), here: ${width}`];
  });
  assert.deepEqual(mismatches, []);
});

/** A table as the writer means it: each row's cells, each a list of lines. */
interface MeantTable {
  readonly widths: readonly number[];
  readonly header: readonly string[][];
  readonly body: readonly (readonly string[][])[];
  /** The text of a foot over all columns, as the real glossary's haiku tables end. */
  readonly foot?: string;
}

// No emoji written with a variation selector (🕊️): pandoc 3 reads no line of a grid table with two of them, whatever its blanks.
const words = ['Maschinen', 'denken', 'Gehirn', 'Code', 'wie', 'der', 'Mensch', 'einst', 'tat', '–', 'doch', 'Geduld', 'Schöpfung', 'Äther', 'Modelle', '語', 'データ', '🤖', 'Frieden', 'caf\u0301e', 'KI'];

function randomTable(random: () => number): MeantTable {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const line = () => Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(words)).join(' ');
  const columns = 1 + Math.floor(random() * 3);
  const header = Array.from({ length: columns }, () => [pick(['Claude', 'ChatGPT', 'Grok'])]);
  const body = Array.from({ length: 1 + Math.floor(random() * 2) }, () => Array.from({ length: columns }, () => Array.from({ length: 3 }, line)));
  const widths = Array.from({ length: columns }, (_, k) => 2 + Math.max(...[header[k]!, ...body.map((row) => row[k]!)].flat().map(widthOf)));
  const foot = random() < 0.5 ? `"${line()}" (Claude)` : undefined;
  // The foot fits: the last column takes what it needs more.
  if (foot !== undefined) widths[columns - 1]! += Math.max(0, widthOf(foot) + 2 - widths.reduce((sum, width) => sum + width + 1, -1));
  return { widths, header, body, ...(foot === undefined ? {} : { foot }) };
}

/**
 * The table's lines, each cell padded to its column (`shift` moves a cell's text by some columns in
 * some lines: a writer's edit that left the `|` where they were).
 */
function tableLines({ widths, header, body, foot }: MeantTable, shift: (row: number, column: number, line: number) => number = () => 0): string[] {
  const total = widths.reduce((sum, width) => sum + width + 1, -1);
  const border = (fill: string) => `+${widths.map((width) => fill.repeat(width)).join('+')}+`;
  // Colons at the table's edges, as the real glossary writes the lines of its haiku tables' foot.
  const edged = (line: string) => `+:${line.slice(2, -2)}:+`;
  const padded = (text: string, width: number) => text + ' '.repeat(width - widthOf(text));
  const rowLines = (cells: readonly string[][], row: number) => cells[0]!.map((_, line) => `|${cells.map((cell, column) => padded(` ${cell[line]}`, widths[column]! + shift(row, column, line))).join('|')}|`);
  const lastBorder = foot === undefined ? border('-') : edged(border('='));
  return [
    border('-'),
    ...rowLines(header, 0),
    border('='),
    ...body.flatMap((cells, k) => [...rowLines(cells, k + 1), k === body.length - 1 ? lastBorder : border('-')]),
    ...(foot === undefined ? [] : [`|${padded(` ${foot}`, total)}|`, edged(`+${'='.repeat(total)}+`)]),
  ];
}

/** The cells pandoc should read: the header, the body rows, the foot, each cell's lines joined by blanks. */
function meantCells({ header, body, foot }: MeantTable): string[][] {
  const text = (lines: readonly string[]) => lines.join(' ');
  return [header.map(text), ...body.map((row) => row.map(text)), ...(foot === undefined ? [] : [[foot.replace(/"([^"]*)"/, '\u201c$1\u201d')]])];
}

test('table-misaligned against pandoc 3 on generated haiku tables: an aligned one is not reported and read as meant; a misaligned one is reported, and lined up it is read as meant', async () => {
  const random = seededRandom(2026);
  const cases = Array.from({ length: 60 }, () => {
    const table = randomTable(random);
    const misaligned = random() < 0.7;
    // A writer's edit: some lines of a cell longer or shorter than its column.
    const moved = new Map<string, number>();
    if (misaligned) {
      const row = Math.floor(random() * (1 + table.body.length));
      const column = Math.floor(random() * table.widths.length);
      for (let line = 0; line < (row === 0 ? 1 : 3); line++) if (line === 0 || random() < 0.5) moved.set(`${row} ${column} ${line}`, random() < 0.5 ? -1 : 1 + Math.floor(random() * 3));
    }
    const lines = tableLines(table, (row, column, line) => moved.get(`${row} ${column} ${line}`) ?? 0);
    return { table, misaligned, text: lines.join('\n') };
  });
  const reported = cases.map(({ text }) => parseGlossaryDocument(text, 'file:///t.md', 1).misalignedTables.length > 0);
  assert.deepEqual(cases.flatMap(({ misaligned, text }, k) => (reported[k] === misaligned ? [] : [text])), [], 'reported are exactly the tables whose | left their columns');
  const lineUp = (text: string): string => TextDocument.applyEdits(TextDocument.create('file:///t.md', 'markdown', 1, text), lineUpTableEdits(TextDocument.create('file:///t.md', 'markdown', 1, text), 1) ?? []);
  const linedUp = cases.map(({ text, misaligned }) => (misaligned ? lineUp(text) : text));
  assert.deepEqual(linedUp.filter((text) => parseGlossaryDocument(text, 'file:///t.md', 1).misalignedTables.length > 0), [], 'lined up, no table is reported');
  const groups = await pandoc3BlocksOfEach(linedUp);
  for (const [k, { table }] of cases.entries()) {
    assert.deepEqual(await pandoc3TableCellsOfText(linedUp[k]!), [meantCells(table)], `${linedUp[k]}\n(pandoc 3 read ${JSON.stringify(groups[k])})`);
  }
  // Pandoc 2.17 reads a table without a foot as meant too.
  const alike = cases.filter(({ table }) => table.foot === undefined);
  assert.ok(alike.length > 5);
  for (const { table } of alike) {
    const k = cases.findIndex((other) => other.table === table);
    assert.deepEqual(await pandocTableCellsOfText(linedUp[k]!), [meantCells(table)], linedUp[k]);
  }
});
