/**
 * Ids that pandoc gives elements other than headings (`[text]{#id}`, `::: {#id}`, a code block's
 * `{#id}`, `` `code`{#id} ``, `[label](url){#id}`, `![text](image){#id}`) are link targets like a
 * heading's: no broken link, and every feature follows them.
 */

import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { MarkupContent, TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { complete, cursorTextIn } from '../features/completion';
import { findDefinitions } from '../features/definition';
import { hoverAt } from '../features/hover';
import { findReferences } from '../features/references';
import { prepareRename, renameId } from '../features/rename';
import { parseGlossaryDocument } from '../parse/parser';
import { notCancelled, withCursor } from './support/cursor';
import { diagnosticsOf, entryLines, rangeText } from './support/tinyWorkspace';

const wichtig = [
  '## Wichtig {#Wichtig .chapter .small .term}',
  '',
  'Ein [besonders wichtiger Satz]{#Kernsatz .highlight} steht hier.',
  '',
  '::: {#Merkkasten .note}',
  'Merken!',
  ':::',
  '',
  '``` {#Beispielcode .python}',
  'print("hallo")',
  '```',
  '',
  'Das Logo ![Logo des Glossars](logo.png){#Logo} und `pip install`{#Installation}.',
];

const linking = (...links: string[]) => entryLines('Verweise', 'Verweise', ['[Wichtig](#Wichtig)'], links);

test('the parser gives each element its id, the range of the id, the element and its text', () => {
  const document = parseGlossaryDocument(wichtig.join('\n'), 'file:///ws/Wichtig.md', 1);
  assert.deepEqual(
    document.anchors.map((anchor) => [anchor.id, anchor.element, rangeText(anchor.idRange), rangeText(anchor.range), anchor.label, anchor.classes.join(' ')]),
    [
      ['Wichtig', 'heading', '0:13-0:20', '0:0-0:43', 'Wichtig', 'chapter small term'],
      ['Kernsatz', 'span', '2:32-2:40', '2:4-2:52', 'besonders wichtiger Satz', 'highlight'],
      ['Merkkasten', 'div', '4:6-4:16', '4:0-4:23', '', 'note'],
      ['Beispielcode', 'codeBlock', '8:6-8:18', '8:0-8:27', '', 'python'],
      ['Logo', 'image', '12:41-12:45', '12:9-12:46', 'Logo des Glossars', ''],
      ['Installation', 'code', '12:66-12:78', '12:51-12:79', 'pip install', ''],
    ],
  );
});

test('a link to an element id is no broken link; an element id taken by a heading too is a duplicate', () => {
  const links = ['[Satz](#Kernsatz)', '[Kasten](#Merkkasten)', '[Code](#Beispielcode)', '[Logo](#Logo)', '[pip](#Installation)'];
  const files = { 'Wichtig.md': wichtig, 'Verweise.md': linking(...links) };
  assert.deepEqual(diagnosticsOf(files, 'Verweise.md').filter((d) => d.code === 'broken-link'), []);

  const clash = { 'Wichtig.md': wichtig, 'Kernsatz.md': entryLines('Kernsatz', 'Kernsatz', []) };
  assert.deepEqual(
    diagnosticsOf(clash, 'Wichtig.md').filter((d) => d.code === 'duplicate-anchor').map((d) => [d.range, d.message]),
    [['2:32-2:40', 'The id "Kernsatz" is defined 2 times in the glossary, also at Kernsatz.md:1.']],
  );
});

test('a span and a heading in other files that give the same id: duplicate-anchor, no ambiguous-link (pandoc numbers neither)', () => {
  const files = { 'A.md': ['Ein [Satz]{#einleitung}.'], 'B.md': ['# Einleitung', '', 'Text.'], 'C.md': ['[l](#einleitung)'] };
  assert.deepEqual(diagnosticsOf(files, 'A.md').map((d) => d.code), ['duplicate-anchor']);
  assert.deepEqual(diagnosticsOf(files, 'C.md').map((d) => d.code), []);
  const headings = { ...files, 'A.md': ['# Einleitung'] };
  assert.deepEqual(diagnosticsOf(headings, 'C.md').map((d) => d.code), ['ambiguous-link']);
});

test('definition, references and hover follow a link to a span', async () => {
  const { index, uri, position } = withCursor({ 'Wichtig.md': wichtig, 'Verweise.md': linking('Siehe [den Satz](#Kern‸satz).') });
  assert.deepEqual(
    findDefinitions(index, uri, position, notCancelled).map((location) => `${location.uri.slice(11)} ${rangeText(location.range)}`),
    ['Wichtig.md 2:4-2:52'],
  );
  assert.deepEqual(
    findReferences(index, uri, position, true, notCancelled).map((location) => `${location.uri.slice(11)} ${rangeText(location.range)}`),
    ['Wichtig.md 2:32-2:40', 'Verweise.md 2:6-2:27'],
  );
  const hover = await hoverAt(index, uri, position, notCancelled);
  assert.equal((hover?.contents as MarkupContent).value, ['**besonders wichtiger Satz** `Kernsatz`', 'Wichtig\\.md:3 · 1 link points here.'].join('\n\n'));
});

test('on an element\'s {#id}, definition is the element, and references and hover count its links', async () => {
  const { index, uri, position } = withCursor({ 'Wichtig.md': wichtig.map((line) => line.replace('{#Merkkasten', '{#Merk‸kasten')), 'Verweise.md': linking('[Kasten](#Merkkasten)') });
  assert.deepEqual(findDefinitions(index, uri, position, notCancelled).map((location) => rangeText(location.range)), ['4:0-4:23']);
  assert.deepEqual(findReferences(index, uri, position, false, notCancelled).map((location) => `${location.uri.slice(11)} ${rangeText(location.range)}`), ['Verweise.md 2:0-2:21']);
  const hover = await hoverAt(index, uri, position, notCancelled);
  assert.equal((hover?.contents as MarkupContent).value, ['`Merkkasten`', '1 link points here. Sources: 1 entry.'].join('\n\n'));
});

test('a link\'s own {#id} is the link\'s anchor, not its target', () => {
  const { index, uri, position } = withCursor({ 'A.md': ['[Wichtig](#Wichtig){#Ver‸weis}'], 'Wichtig.md': wichtig });
  assert.deepEqual(prepareRename(index, uri, position), { id: 'Verweis', range: { start: { line: 0, character: 21 }, end: { line: 0, character: 28 } } });
  assert.deepEqual(findDefinitions(index, uri, position, notCancelled).map((location) => rangeText(location.range)), ['0:0-0:29']);
});

test('an element id written with escapes is placed on its attribute block, and rename is refused there', () => {
  const files = { 'A.md': ['Ein [Satz]{id="Kern\\.satz"}.'], 'B.md': ['[x](#Kern.‸satz)'] };
  const document = parseGlossaryDocument(files['A.md'].join('\n'), 'file:///ws/A.md', 1);
  assert.deepEqual(document.anchors.map((anchor) => [anchor.id, rangeText(anchor.idRange), anchor.writtenIdRange]), [['Kern.satz', '0:10-0:27', undefined]]);
  const { index, uri, position } = withCursor(files);
  assert.throws(() => prepareRename(index, uri, position), /"Kern\.satz" is written with escapes/);
  assert.deepEqual(findReferences(index, uri, position, true, notCancelled).map((location) => rangeText(location.range)), ['0:10-0:27', '0:0-0:15']);
});

test('renaming an id that a span in an entry file gives leaves the file\'s name alone', () => {
  const { index, uri, position } = withCursor({
    'Transformer.md': ['## Transformer-Architektur {#Transformer-Architektur .term}', '', 'Der [Transformer]{#Transformer} ist …'],
    'A.md': ['[T](#Trans‸former)'],
  });
  const edit = renameId(index, uri, position, 'Transformer-Modell', { isOpen: () => false, documentChanges: true, renamesFiles: true });
  assert.deepEqual(
    (edit.documentChanges ?? []).map((change) => (TextDocumentEdit.is(change) ? change.textDocument.uri.slice(11) : change.kind)),
    ['Transformer.md', 'A.md'],
  );
});

test('rename from a link to a span changes the span\'s {#id} and every link, nothing else', () => {
  const { index, uri, position } = withCursor({ 'Wichtig.md': wichtig, 'Verweise.md': linking('[Satz](#Kern‸satz)', '[noch einmal](#Kernsatz)') });
  const edit = renameId(index, uri, position, 'Leitsatz', { isOpen: () => false, documentChanges: true, renamesFiles: true });
  const changes = editsOf(edit);
  assert.deepEqual(changes, ['Wichtig.md: 2:32-2:40 Leitsatz', 'Verweise.md: 2:8-2:16 Leitsatz, 3:15-3:23 Leitsatz']);
});

test('completion offers element ids after the entries, saying what and where they are', () => {
  const { index, uri, position, text } = withCursor({ 'Wichtig.md': wichtig, 'Verweise.md': ['Siehe [x](#‸'] });
  const list = complete(index, uri, cursorTextIn(TextDocument.create(uri, 'markdown', 1, text), position), position, notCancelled);
  assert.deepEqual(
    list?.items.map((item) => [item.label, item.detail]),
    [
      ['Wichtig', undefined],
      ['Beispielcode', 'code block in Wichtig.md'],
      ['Installation', 'inline code "pip install" in Wichtig.md'],
      ['Kernsatz', 'span "besonders wichtiger Satz" in Wichtig.md'],
      ['Logo', 'image "Logo des Glossars" in Wichtig.md'],
      ['Merkkasten', 'div in Wichtig.md'],
    ],
  );
});

test('a raw HTML span or div with an id is a link target, as pandoc reads it, and rename edits the id between its quotes', () => {
  const html = ['Ein <span id="Kernsatz" class="highlight">wichtiger Satz</span>.', '', '<div id=\'Merkkasten\'>', 'Merken!', '</div>', '', '<span id="offen">ohne Ende'];
  const document = parseGlossaryDocument(html.join('\n'), 'file:///ws/Html.md', 1);
  assert.deepEqual(
    document.anchors.map((anchor) => [anchor.id, anchor.element, rangeText(anchor.idRange), rangeText(anchor.range), anchor.label, anchor.classes.join(' ')]),
    [
      ['Kernsatz', 'span', '0:14-0:22', '0:4-0:63', 'wichtiger Satz', 'highlight'],
      ['Merkkasten', 'div', '2:9-2:19', '2:0-2:21', '', ''],
    ],
  );
  const links = ['[Satz](#Kernsatz)', '[Kasten](#Merkkasten)', '[offen](#offen)'];
  const brokenLinks = diagnosticsOf({ 'Wichtig.md': wichtig, 'Html.md': html, 'Verweise.md': linking(...links) }, 'Verweise.md').filter((d) => d.code === 'broken-link');
  assert.deepEqual(brokenLinks.map((d) => d.message), ['No heading defines the id "offen".']);
  const { index, uri, position } = withCursor({ 'Html.md': html, 'Verweise.md': linking('[Satz](#Kern‸satz)') });
  const edit = renameId(index, uri, position, 'Leitsatz', { isOpen: () => false, documentChanges: true, renamesFiles: true });
  const changes = editsOf(edit);
  assert.deepEqual(changes, ['Html.md: 0:14-0:22 Leitsatz', 'Verweise.md: 2:8-2:16 Leitsatz']);
});

test("a reference definition's {#id} is the anchor of the first link that uses it (pandoc gives each use the id), and rename edits the definition", () => {
  const text = ['Erst [das Modell] und dann [noch einmal][das Modell].', '', '[das Modell]: #Wichtig {#Modellverweis}'];
  const document = parseGlossaryDocument(text.join('\n'), 'file:///ws/A.md', 1);
  assert.deepEqual(
    document.anchors.map((anchor) => [anchor.id, anchor.element, rangeText(anchor.idRange), rangeText(anchor.range), anchor.label]),
    [['Modellverweis', 'link', '2:25-2:38', '0:5-0:17', 'das Modell']],
  );
  const { index, uri, position } = withCursor({ 'A.md': text, 'Wichtig.md': wichtig, 'B.md': ['[hin](#Modell‸verweis)'] });
  assert.deepEqual(findDefinitions(index, uri, position, notCancelled).map((location) => `${location.uri.slice(11)} ${rangeText(location.range)}`), ['A.md 0:5-0:17']);
  const edit = renameId(index, uri, position, 'Verweis', { isOpen: () => false, documentChanges: true, renamesFiles: true });
  const changes = editsOf(edit);
  assert.deepEqual(changes, ['A.md: 2:25-2:38 Verweis', 'B.md: 0:7-0:20 Verweis']);
});

test('the id of a code block whose attribute block goes on to the next line is where it is written there', () => {
  const text = ['``` {.python .numberLines', '    startFrom="10" #Beispiel}', 'print("hallo")', '```'];
  const document = parseGlossaryDocument(text.join('\n'), 'file:///ws/A.md', 1);
  assert.deepEqual(document.anchors.map((anchor) => [anchor.id, anchor.element, rangeText(anchor.idRange), rangeText(anchor.range)]), [['Beispiel', 'codeBlock', '1:20-1:28', '1:0-1:29']]);
});

/** A rename's edits, file by file: `File.md: line:col-line:col newText, …`. */
function editsOf(edit: WorkspaceEdit): string[] {
  return (edit.documentChanges ?? []).map((change) =>
    TextDocumentEdit.is(change) ? `${change.textDocument.uri.slice(11)}: ${change.edits.map((e) => `${rangeText(e.range)} ${'newText' in e ? e.newText : ''}`).join(', ')}` : change.kind,
  );
}
