import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { documentLinks, resolveDocumentLink } from '../features/documentLinks';
import { findDefinitions } from '../features/definition';
import { parseGlossaryDocument } from '../parse/parser';
import { cancelled, notCancelled } from './support/cursor';
import { indexOf, rangeText, uriOf } from './support/tinyWorkspace';

const files = {
  'A.md': ['## A {#A .term}', '', 'See [Bee](#B), [nowhere](#Gone), [the span](#Kern) and [ref][r].', '', '[r]: #B', '', 'Typed so far: [Label](#).'],
  'B.md': ['# Title', '', '## Bee {#B .term}', '', 'A [key sentence]{#Kern}.'],
};

test('the id of every inline link is a document link, a broken one too; a reference link\'s is not (it stands in the definition), nor an empty id', () => {
  const index = indexOf(files);
  assert.deepEqual(
    documentLinks(index, uriOf('A.md'), notCancelled, true).map((link) => [rangeText(link.range), link.tooltip, link.target]),
    [
      ['2:11-2:12', '#B', undefined],
      ['2:26-2:30', '#Gone', undefined],
      ['2:45-2:49', '#Kern', undefined],
    ],
  );
  assert.deepEqual(documentLinks(index, uriOf('A.md'), notCancelled, false).map((link) => link.tooltip), [undefined, undefined, undefined]);
  assert.deepEqual(documentLinks(index, uriOf('A.md'), cancelled, true), []);
  assert.deepEqual(documentLinks(index, uriOf('Unknown.md'), notCancelled, true), []);
});

test('a link resolves, when followed, to where its id is defined then, as a file URI with line and column', () => {
  const index = indexOf(files);
  const [toHeading, toNowhere, toSpan] = documentLinks(index, uriOf('A.md'), notCancelled, false);
  assert.equal(resolveDocumentLink(index, toHeading!).target, `${uriOf('B.md')}#L3,1`);
  assert.equal(resolveDocumentLink(index, toSpan!).target, `${uriOf('B.md')}#L5,3`);
  assert.equal(resolveDocumentLink(index, toNowhere!).target, undefined);
  // The heading moved down two lines, and #Gone was made, after the links were given: they lead there now.
  index.update(parseGlossaryDocument(['# Title', '', 'New text.', '', '## Bee {#B .term}'].join('\n'), uriOf('B.md'), 2));
  index.update(parseGlossaryDocument('## Gone {#Gone .term}', uriOf('Gone.md'), 1));
  assert.equal(resolveDocumentLink(index, toHeading!).target, `${uriOf('B.md')}#L5,1`);
  assert.equal(resolveDocumentLink(index, toNowhere!).target, `${uriOf('Gone.md')}#L1,1`);
  // The span is gone: the link comes back without a target.
  assert.equal(resolveDocumentLink(index, toSpan!).target, undefined);
  assert.equal(resolveDocumentLink(index, { range: toSpan!.range, data: 42 }).target, undefined);
});

test('a link to an id defined twice leads where go-to-definition leads first: the entry its hover shows, the one in the file named after the id', () => {
  const index = indexOf({ ...files, 'A Copy.md': ['## Bee again {#B .term}'], 'Z.md': ['## Zed {#Z .term}', '', 'A [span]{#B}.'] });
  const [toB] = documentLinks(index, uriOf('A.md'), notCancelled, false);
  // In the book's order "A Copy.md" defines B first.
  assert.equal(index.anchorsOf('B')[0]!.uri, uriOf('A Copy.md'));
  assert.equal(resolveDocumentLink(index, toB!).target, `${uriOf('B.md')}#L3,1`);
  assert.deepEqual(findDefinitions(index, uriOf('A.md'), { line: 2, character: 12 }, notCancelled).map((location) => location.uri), [uriOf('B.md'), uriOf('A Copy.md'), uriOf('Z.md')]);
});
