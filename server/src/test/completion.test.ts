import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { complete } from '../features/completion';
import { notCancelled, withCursor } from './support/cursor';
import { rangeText } from './support/tinyWorkspace';

function completionsAt(files: Readonly<Record<string, readonly string[]>>) {
  const { index, uri, position, lineBeforeCursor, lineAfterCursor } = withCursor(files);
  const list = complete(index, uri, { before: lineBeforeCursor, after: lineAfterCursor }, position, notCancelled);
  return list?.items.map((item) => ({
    label: item.label,
    detail: item.detail,
    documentation: item.documentation,
    edit: item.textEdit && 'range' in item.textEdit ? `${rangeText(item.textEdit.range)} ${item.textEdit.newText}` : undefined,
  }));
}

const workspace = {
  'Data-Scraping.md': ['## Data Scraping {#Data-Scraping .term}', '', '***Daten sammeln***', '', '### Details'],
  'Dataset.md': ['## Datensatz {#Dataset .term}'],
  'Gradient.md': ['## Gradient Descent {#Gradient-Descent .term}', '', '### Details'],
};

test('completion after ](# offers every id, entries first, each replacing nothing yet; a section says where it is', () => {
  assert.deepEqual(completionsAt({ ...workspace, 'A.md': ['See [x](#‸'] }), [
    { label: 'Data-Scraping', detail: 'Data Scraping', documentation: 'Daten sammeln', edit: '0:9-0:9 Data-Scraping' },
    { label: 'Dataset', detail: 'Datensatz', documentation: undefined, edit: '0:9-0:9 Dataset' },
    { label: 'Gradient-Descent', detail: 'Gradient Descent', documentation: undefined, edit: '0:9-0:9 Gradient-Descent' },
    { label: 'details', detail: 'section "Details" in Data-Scraping.md and one other file', documentation: undefined, edit: '0:9-0:9 details' },
  ]);
});

test('completion filters by prefix ignoring case, then by subsequence, replacing the typed id', () => {
  assert.deepEqual(
    completionsAt({ ...workspace, 'A.md': ['[x](#dat‸'] })!.map((item) => `${item.label} ${item.edit}`),
    ['Data-Scraping 0:5-0:8 Data-Scraping', 'Dataset 0:5-0:8 Dataset'],
  );
  assert.deepEqual(
    completionsAt({ ...workspace, 'A.md': ['[x](#Gd‸'] })!.map((item) => item.label),
    ['Gradient-Descent'],
  );
  assert.deepEqual(
    completionsAt({ ...workspace, 'A.md': ['[x](#dsc‸'] })!.map((item) => item.label),
    ['Data-Scraping', 'Gradient-Descent'],
  );
});

test('completion offers nothing outside a link target', () => {
  assert.equal(completionsAt({ ...workspace, 'A.md': ['Some text ‸'] }), undefined);
  assert.equal(completionsAt({ ...workspace, 'A.md': ['[x](#Done) more‸'] }), undefined);
});

test('after [ with text typed, matching entries insert a whole link, replacing the [ and a closing ]', () => {
  assert.deepEqual(completionsAt({ ...workspace, 'A.md': ['Mehr zu [dat‸]'] }), [
    { label: '[Data Scraping](#Data-Scraping)', detail: 'Daten sammeln', documentation: undefined, edit: '0:8-0:13 [Data Scraping](#Data-Scraping)' },
    { label: '[Datensatz](#Dataset)', detail: undefined, documentation: undefined, edit: '0:8-0:13 [Datensatz](#Dataset)' },
  ]);
  assert.equal(completionsAt({ ...workspace, 'A.md': ['An image ![dat‸'] }), undefined);
  assert.equal(completionsAt({ ...workspace, 'A.md': ['Just [‸'] }), undefined);
  assert.equal(completionsAt({ ...workspace, 'A.md': ['Editing [dat‸](#Dataset)'] }), undefined);
});

test('in a see-also section a whole link comes with the list separator', () => {
  const entry = ['## Z {#Z .term}', '', '### Siehe auch {.seealso}', '', '[Grad‸', '[Index](#Index) |'];
  assert.deepEqual(completionsAt({ ...workspace, 'Z.md': entry })?.map((item) => item.edit), ['4:0-4:5 [Gradient Descent](#Gradient-Descent) |']);
});
