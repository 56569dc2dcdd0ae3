import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { DocumentSymbol } from 'vscode-languageserver';
import { documentSymbols, flatSymbols } from '../features/documentSymbols';
import { notCancelled } from './support/cursor';
import { entryLines, indexOf, rangeText, uriOf } from './support/tinyWorkspace';

function outline(symbols: readonly DocumentSymbol[]): unknown[] {
  return symbols.map((symbol) => ({
    name: symbol.name,
    detail: symbol.detail,
    range: rangeText(symbol.range),
    children: outline(symbol.children ?? []),
  }));
}

test('the outline of an entry file is the entry with its sections', () => {
  const index = indexOf({ 'A.md': entryLines('Alpha', 'Alpha', ['[B](#B)'], ['Text.', '', '### Erklärung {.explanation}', '', 'More.']) });
  assert.deepEqual(outline(documentSymbols(index, uriOf('A.md'), notCancelled)), [
    {
      name: 'Alpha',
      detail: '#Alpha',
      range: '0:0-13:4',
      children: [
        { name: 'Erklärung', detail: '#erklärung', range: '4:0-7:0', children: [] },
        { name: 'Verwandte Themen', detail: '#verwandte-themen', range: '8:0-12:0', children: [] },
      ],
    },
  ]);
});

test('a file without entries, such as the index page, lists its headings nested by level, each up to the next of its level or above', () => {
  const index = indexOf({ 'index.txt': ['# Index {#Index}', '', '### A {.index}', '', '[Apfel](#Apfel) |', '', '### B {.index}', '', '[Birne](#Birne) |', '', '# Anhang'] });
  assert.deepEqual(outline(documentSymbols(index, uriOf('index.txt'), notCancelled)), [
    {
      name: 'Index',
      detail: '#Index',
      range: '0:0-10:0',
      children: [
        { name: 'A', detail: '#a', range: '2:0-6:0', children: [] },
        { name: 'B', detail: '#b', range: '6:0-10:0', children: [] },
      ],
    },
    { name: 'Anhang', detail: '#anhang', range: '10:0-10:8', children: [] },
  ]);
});

test('the headings before the first entry are listed too; an entry holds its sections to the next entry, whatever their level', () => {
  const index = indexOf({ 'A.md': ['# Part One', '', '### Before entry', '', '## Entry A {#A .term}', '', '### Sec', '', '# Part Two', '', '## Entry B {#B .term}', '', 'Text.'] });
  const names = (symbols: readonly DocumentSymbol[]): unknown[] => symbols.map((symbol) => (symbol.children?.length ? { [symbol.name]: names(symbol.children) } : symbol.name));
  const symbols = documentSymbols(index, uriOf('A.md'), notCancelled);
  assert.deepEqual(names(symbols), [{ 'Part One': ['Before entry'] }, { 'Entry A': ['Sec', 'Part Two'] }, 'Entry B']);
  assert.equal(rangeText(symbols[0]!.range), '0:0-4:0', 'up to the first entry');
});

test('for a client that takes no tree, the outline is a flat list in order, each section with its entry as container', () => {
  const index = indexOf({ 'A.md': entryLines('Alpha', 'Alpha', ['[B](#B)'], ['Text.', '', '### Erklärung {.explanation}', '', 'More.']) });
  const flat = flatSymbols(uriOf('A.md'), documentSymbols(index, uriOf('A.md'), notCancelled));
  assert.deepEqual(
    flat.map((symbol) => [symbol.name, symbol.containerName, symbol.location.uri, rangeText(symbol.location.range)]),
    [
      ['Alpha', undefined, uriOf('A.md'), '0:0-13:4'],
      ['Erklärung', 'Alpha', uriOf('A.md'), '4:0-7:0'],
      ['Verwandte Themen', 'Alpha', uriOf('A.md'), '8:0-12:0'],
    ],
  );
});
