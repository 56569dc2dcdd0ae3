import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { MarkupContent } from 'vscode-languageserver';
import { hoverAt } from '../features/hover';
import { cancelled, notCancelled, withCursor } from './support/cursor';
import { entryLines } from './support/tinyWorkspace';

function hoverTextAt(files: Readonly<Record<string, readonly string[]>>): string | undefined {
  const { index, uri, position } = withCursor(files);
  const hover = hoverAt(index, uri, position, notCancelled);
  return hover === null ? undefined : (hover.contents as MarkupContent).value;
}

const modelEntry = ['## Large Language Model {#LLM .chapter .small .term}', '', '***Ein Sprachmodell <b>groß</b>***', '', 'Text.'];

test('hover on a link shows the title, summary, file and line, and the link count', () => {
  assert.equal(
    hoverTextAt({ 'A.md': entryLines('A', 'A', ['[LLM](#LLM‸)']), 'LLM.md': modelEntry, 'B.md': ['[x](#LLM)'] }),
    [
      '**Large Language Model** `LLM`',
      '*Ein Sprachmodell \\<b\\>groß\\</b\\>*',
      'LLM\\.md:1',
      '2 links point here.',
    ].join('\n\n'),
  );
});

test('hover on a broken link says so and names the closest ids', () => {
  assert.equal(
    hoverTextAt({ 'A.md': ['[x](#llm‸)'], 'LLM.md': modelEntry }),
    '**Broken link**: no heading has the id `llm`.\n\nClosest ids: `LLM`',
  );
});

test('hover on an entry heading counts the links and the entries they come from', () => {
  assert.equal(
    hoverTextAt({
      'LLM.md': ['## Large ‸Language Model {#LLM .chapter .small .term}'],
      'A.md': entryLines('A', 'A', ['[LLM](#LLM)'], ['Uses [LLM](#LLM) twice.']),
      'B.md': ['[x](#LLM)'],
    }),
    '`LLM`\n\n3 links point here. (from 2 entries)',
  );
});

test('writer text cannot smuggle a command link into the hover', () => {
  const text = hoverTextAt({
    'A.md': ['[x](#E‸)'],
    'E.md': ['## [Click](command:evil) {#E .term}', '', '***<img src=x onerror=alert(1)>***'],
  });
  assert.ok(text !== undefined && !/(?<!\\)\]\(command:/.test(text) && !/(?<!\\)</.test(text), text);
});

test('hover answers nothing on plain text or once cancelled', () => {
  assert.equal(hoverTextAt({ 'A.md': ['plain ‸text'] }), undefined);
  const { index, uri, position } = withCursor({ 'A.md': ['[x](#A‸)', '', '## A {#A}'] });
  assert.equal(hoverAt(index, uri, position, cancelled), null);
});
