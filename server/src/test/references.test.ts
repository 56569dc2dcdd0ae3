import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { findReferences } from '../features/references';
import { cancelled, notCancelled, withCursor } from './support/cursor';
import { rangeText } from './support/tinyWorkspace';

function referencesAt(files: Readonly<Record<string, readonly string[]>>, includeDeclaration: boolean): string[] {
  const { index, uri, position } = withCursor(files);
  return findReferences(index, uri, position, includeDeclaration, notCancelled).map(
    (location) => `${location.uri.replace('file:///ws/', '')} ${rangeText(location.range)}`,
  );
}

const files = {
  'A.md': ['## A {#A}', '', 'See [B](#B) and [again](#B).'],
  'B.md': ['## B {#B‸}'],
  'C.md': ['[b](#B)', '[a](#A)'],
};

test('references from a heading id list every link to it in every file', () => {
  assert.deepEqual(referencesAt(files, false), ['A.md 2:4-2:11', 'A.md 2:16-2:27', 'C.md 0:0-0:7']);
});

test('references include the declaration first when asked', () => {
  assert.deepEqual(referencesAt(files, true), ['B.md 0:7-0:8', 'A.md 2:4-2:11', 'A.md 2:16-2:27', 'C.md 0:0-0:7']);
});

test('references from a link are those of its target, also when the target is broken', () => {
  assert.deepEqual(referencesAt({ 'A.md': ['[x](#Gone‸)'], 'B.md': ['[y](#Gone)'] }, true), ['A.md 0:0-0:10', 'B.md 0:0-0:10']);
});

test('references answer nothing once cancelled or off an id', () => {
  const { index, uri, position } = withCursor(files);
  assert.deepEqual(findReferences(index, uri, position, true, cancelled), []);
  assert.deepEqual(referencesAt({ 'A.md': ['plain ‸text'] }, true), []);
});
