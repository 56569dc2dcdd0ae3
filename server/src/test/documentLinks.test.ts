import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { documentLinks, resolveDocumentLink } from '../features/documentLinks';
import { parseGlossaryDocument } from '../parse/parser';
import { cancelled, notCancelled } from './support/cursor';
import { indexOf, rangeText, uriOf } from './support/tinyWorkspace';

const files = {
  'A.md': ['## A {#A .term}', '', 'See [Bee](#B), [nowhere](#Gone) and [the span](#Kern).'],
  'B.md': ['# Title', '', '## Bee {#B .term}', '', 'A [key sentence]{#Kern}.'],
};

test('every link whose id is defined is a document link over the whole link; a broken one is none', () => {
  const index = indexOf(files);
  const links = documentLinks(index, uriOf('A.md'), notCancelled);
  assert.deepEqual(
    links.map((link) => [rangeText(link.range), link.tooltip, link.target]),
    [
      ['2:4-2:13', '#B · B.md', undefined],
      ['2:36-2:53', '#Kern · B.md', undefined],
    ],
  );
  assert.deepEqual(documentLinks(index, uriOf('A.md'), cancelled), []);
  assert.deepEqual(documentLinks(index, uriOf('Unknown.md'), notCancelled), []);
});

test('a link resolves, when followed, to where its id is defined then, as a file URI with line and column', () => {
  const index = indexOf(files);
  const [toHeading, toSpan] = documentLinks(index, uriOf('A.md'), notCancelled);
  assert.equal(resolveDocumentLink(index, toHeading!).target, `${uriOf('B.md')}#L3,1`);
  assert.equal(resolveDocumentLink(index, toSpan!).target, `${uriOf('B.md')}#L5,3`);
  // The heading moved down two lines after the links were given: the link leads to where it is now.
  index.update(parseGlossaryDocument(['# Title', '', 'New text.', '', '## Bee {#B .term}'].join('\n'), uriOf('B.md'), 2));
  assert.equal(resolveDocumentLink(index, toHeading!).target, `${uriOf('B.md')}#L5,1`);
  // The span is gone: the link comes back without a target.
  assert.equal(resolveDocumentLink(index, toSpan!).target, undefined);
  assert.equal(resolveDocumentLink(index, { range: toSpan!.range, data: 42 }).target, undefined);
});
