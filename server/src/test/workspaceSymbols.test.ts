import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { workspaceSymbols } from '../features/workspaceSymbols';
import { missingEntries } from '../features/missingEntries';
import { notCancelled } from './support/cursor';
import { indexOf } from './support/tinyWorkspace';

const index = indexOf({
  'A.md': ['## Data Scraping {#Data-Scraping .term}', '', '[x](#Claude) [y](#Claude) [z](#GPT)'],
  'B.md': ['## Datensatz {#Dataset .term}', '', '## Not a term', '', '[x](#Claude)'],
  'C.md': ['## Gradient Descent {#Gradient-Descent .term}'],
});

test('workspace symbols: every term by title or id, prefix matches before subsequence matches', () => {
  assert.deepEqual(
    workspaceSymbols(index, 'dat', notCancelled).map((symbol) => `${symbol.name} ${symbol.containerName} ${symbol.location.uri.slice(11)}`),
    ['Data Scraping #Data-Scraping A.md', 'Datensatz #Dataset B.md'],
  );
  assert.deepEqual(workspaceSymbols(index, 'gdt', notCancelled).map((symbol) => symbol.name), ['Gradient Descent']);
  assert.equal(workspaceSymbols(index, '', notCancelled).length, 3);
  assert.deepEqual(workspaceSymbols(index, 'Not', notCancelled), []);
});

test('missing entries: ids linked but defined nowhere, most referenced first', () => {
  assert.deepEqual(missingEntries(index), [
    { id: 'Claude', referenceCount: 3, fileCount: 2 },
    { id: 'GPT', referenceCount: 1, fileCount: 1 },
  ]);
});
