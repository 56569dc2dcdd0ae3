import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { Location } from 'vscode-languageserver';
import { findDefinitions } from '../features/definition';
import { cancelled, notCancelled, withCursor } from './support/cursor';
import { entryLines, rangeText } from './support/tinyWorkspace';

function definitionsAt(files: Readonly<Record<string, readonly string[]>>): string[] {
  const { index, uri, position } = withCursor(files);
  return findDefinitions(index, uri, position, notCancelled).map(describe);
}

function describe(location: Location): string {
  return `${location.uri.replace('file:///ws/', '')} ${rangeText(location.range)}`;
}

test('definition from a link id goes to the heading in another file', () => {
  assert.deepEqual(
    definitionsAt({
      'A.md': entryLines('A', 'A', ['[B](#B‸)']),
      'B.md': entryLines('Bee', 'B', []),
    }),
    ['B.md 0:0-0:33'],
  );
});

test('definition from a link label works too', () => {
  assert.deepEqual(
    definitionsAt({ 'A.md': ['See [the ‸b](#B).'], 'B.md': ['## B {#B}'] }),
    ['B.md 0:0-0:9'],
  );
});

test('definition from a reference definition\'s label or id goes to the heading its links lead to; its blanks lead nowhere', () => {
  const links = ['Siehe [die Biene][bee].', ''];
  assert.deepEqual(definitionsAt({ 'A.md': [...links, '[b‸ee]: #Bb'], 'Bb.md': ['## Bb {#Bb}'] }), ['Bb.md 0:0-0:11']);
  assert.deepEqual(definitionsAt({ 'A.md': [...links, '[bee]: #B‸b'], 'Bb.md': ['## Bb {#Bb}'] }), ['Bb.md 0:0-0:11']);
  assert.deepEqual(definitionsAt({ 'A.md': [...links, '[bee]:‸ #Bb'], 'Bb.md': ['## Bb {#Bb}'] }), []);
  // A definition no link uses is no link in pandoc's reading.
  assert.deepEqual(definitionsAt({ 'A.md': ['[b‸ee]: #Bb'], 'Bb.md': ['## Bb {#Bb}'] }), []);
});

test('definition at the end of a link goes to its target, unless the next link begins there', () => {
  const files = { 'B.md': ['## B {#B}'], 'C.md': ['## C {#C}'] };
  assert.deepEqual(definitionsAt({ ...files, 'A.md': ['[b](#B)‸[c](#C)'] }), ['C.md 0:0-0:9']);
  assert.deepEqual(definitionsAt({ ...files, 'A.md': ['[b](#B)‸ und [c](#C)'] }), ['B.md 0:0-0:9']);
});

test('definition of a duplicated id lists every heading', () => {
  assert.deepEqual(
    definitionsAt({ 'A.md': ['[x](#X‸)'], 'B.md': ['## X {#X}'], 'C.md': ['text', '', '## Other X {#X}'] }),
    ['B.md 0:0-0:9', 'C.md 2:0-2:15'],
  );
});

test('definition from a heading id is the heading itself', () => {
  assert.deepEqual(definitionsAt({ 'A.md': ['## A {#A‸ .term}'] }), ['A.md 0:0-0:15']);
});

test('definition of a broken link or of plain text is empty', () => {
  assert.deepEqual(definitionsAt({ 'A.md': ['[x](#Nowhere‸)'] }), []);
  assert.deepEqual(definitionsAt({ 'A.md': ['just ‸text'] }), []);
});

test('definition answers nothing once cancelled', () => {
  const { index, uri, position } = withCursor({ 'A.md': ['[x](#A‸)', '', '## A {#A}'] });
  assert.deepEqual(findDefinitions(index, uri, position, cancelled), []);
});
