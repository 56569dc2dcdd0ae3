import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseGlossaryDocument } from '../parse/parser';
import { pandocFactsOfText } from './pandoc';

// A comment or tag left open at a heading's end closes on a later line; text after it there is the
// heading's too. One range cannot hold the heading's text over two lines: its links are found as
// pandoc finds them, but the automatic id leaves out the words after the `>` (pandoc: `m-t`).
test('text after a comment or tag that a heading leaves open: the links as pandoc reads them, the automatic id without that text', async () => {
  const text = '# M <!-- x\n[l](#z2) --> [t](#t)\n\n# N <span x\n> [u](#u)\n';
  const pandoc = await pandocFactsOfText(text);
  const ours = parseGlossaryDocument(text, 'file:///t.md', 1);
  assert.deepEqual(ours.links.map((link) => link.target), pandoc.links);
  assert.deepEqual(pandoc.ids, ['m-t', 'n-u']);
  assert.deepEqual(ours.anchors.map((anchor) => anchor.id), ['m', 'n']);
});
