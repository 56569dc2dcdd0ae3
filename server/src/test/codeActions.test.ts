import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { CodeAction, CodeActionKind, CreateFile, Range, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { GlossaryDiagnostic } from '../diagnostics/diagnostic';
import { DiagnosticCode } from '../diagnostics/codes';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultConfig } from '../config';
import { computeDiagnostics } from '../diagnostics/computeDiagnostics';
import { codeActions, filesEditedByQuickFixes, fixAllKind, sentencesOnNewLinesKind } from '../features/codeActions';
import { ServerCommands } from '../protocol';
import { actionsForClient } from '../codeActionRequest';
import { diagnosticsOf, entryLines, indexOf, rangeText, uriOf } from './support/tinyWorkspace';
import { pandocBlocksOfText, pandocCodeBlocksOfText, pandocFactsOfText, pandocSeeAlsoLinksRunTogether, pandocHeadingClassesOfText, pandocHeadingsOfText, pandocLinkLabelsOfText, pandocReadingWithoutSoftBreaks, pandocTableCellsOfText, pandocTextsOfText } from './pandoc';
import { lineUpTableEdits } from '../features/tableEdits';
import { parseGlossaryDocument } from '../parse/parser';
import { titleLink } from '../features/seeAlsoEdits';
import { corpusEntries } from './corpus';
import { createFileMatcher } from '../workspace/fileFilter';
import * as fs from 'node:fs';
import * as path from 'node:path';

const newEntryUri = (id: string): string => uriOf(`${encodeURIComponent(id)}.md`);

const wholeFile = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };

/**
 * The code actions over a whole file of a tiny workspace, and the file's text; with `otherFiles`,
 * the fixes that edit other files too; `linked` names the files that are symbolic or hard links.
 */
function actionsOf(files: Record<string, readonly string[]>, name: string, only?: string[], client: { renamesFiles: boolean; createsFiles?: boolean } = { renamesFiles: true }, { otherFiles = false, linked = [] as string[] } = {}) {
  const index = indexOf(files);
  const uri = uriOf(name);
  const document = TextDocument.create(uri, 'markdown', 1, files[name]!.join('\n'));
  const diagnostics = computeDiagnostics(index.document(uri)!, index, defaultConfig);
  const otherDocuments = otherFiles
    ? new Map(Object.entries(files).filter(([other]) => other !== name).map(([other, lines]) => [uriOf(other), { document: TextDocument.create(uriOf(other), 'markdown', 0, lines.join('\n')), openVersion: null }]))
    : undefined;
  const paths = { newEntryUri, newIndexPageUri: uriOf('000-index.txt'), filesLinkedOnDisk: new Set(linked.map(uriOf)) };
  const actions = codeActions({ index, config: defaultConfig, document, diagnostics, documentChanges: true, ...client, ...paths, ...(otherDocuments && { otherDocuments }) }, wholeFile, only);
  return { actions, document };
}

function editsOf(edit: WorkspaceEdit | undefined): TextEdit[] {
  return (edit?.documentChanges ?? []).flatMap((change) => (TextDocumentEdit.is(change) ? (change.edits as TextEdit[]) : []));
}

function applied(action: CodeAction | undefined, document: TextDocument): string[] {
  assert.ok(action, 'the action exists');
  return TextDocument.applyEdits(document, editsOf(action.edit)).split('\n');
}

/** Each action's title, and whether it is preferred. */
function titlesAndPreference(actions: readonly CodeAction[]): [string, boolean][] {
  return actions.map((action) => [action.title, action.isPreferred ?? false]);
}

function titled(actions: readonly CodeAction[], title: string): CodeAction | undefined {
  return actions.find((action) => action.title === title);
}

const index = ['# Index {#Index}'];

test('a broken link offers the closest ids, the obvious one preferred, and creating the entry', () => {
  const { actions, document } = actionsOf(
    { 'Index.md': index, 'Model.md': ['## Model {#Model .term}'], 'A.md': ['See [models](#Models) here.'] },
    'A.md',
  );
  assert.deepEqual(
    titlesAndPreference(actions),
    [
      ['Change to "Model"', true],
      ['Create entry "Models"', false],
    ],
  );
  assert.deepEqual(applied(titled(actions, 'Change to "Model"'), document), ['See [models](#Model) here.']);
  const create = titled(actions, 'Create entry "Models"')!;
  assert.equal(create.edit, undefined);
  assert.deepEqual(create.command, { title: 'Create entry "Models"', command: ServerCommands.createEntry, arguments: [{ title: 'Models', id: 'Models' }] });
});

test('a broken link whose id no spelling comes close to is offered the entries of a narrower or broader term, none preferred; its message names none of them', () => {
  const files = {
    'Index.md': index,
    'ANN.md': ['## Artificial Neural Network (ANN) {#Artificial-Neural-Network .term}'],
    'RNN.md': ['## Recurrent Neural Network {#Recurrent-Neural-Network .term}'],
    'Mistral.md': ['## Mistral {#Mistral .term}'],
    'KI.md': ['## KI {#KI .term}'],
    'Uses.md': ['[n](#Artificial-Neural-Network) [n](#Artificial-Neural-Network)'],
    'A.md': ['Ein [Netz](#Neural-Network), [Mistral](#Mistral-AI), das [Gesetz](#KI-Verordnung) und [Netze](#Network).'],
  };
  const titlesAt = (id: string): [string, boolean][] => titlesAndPreference(actionsOf(files, 'A.md', ['quickfix']).actions.filter((action) => String(action.diagnostics?.[0]?.message).includes(`"${id}"`)));
  // The narrower terms, the most linked first.
  assert.deepEqual(titlesAt('Neural-Network'), [
    ['Change to "Artificial-Neural-Network", the entry "Artificial Neural Network (ANN)"', false],
    ['Change to "Recurrent-Neural-Network"', false],
    ['Create entry "Neural-Network"', false],
  ]);
  assert.deepEqual(titlesAt('Mistral-AI'), [['Change to "Mistral"', false], ['Create entry "Mistral-AI"', false]]);
  // A broader name of fewer than five letters, and a name of one word, are no sign.
  assert.deepEqual(titlesAt('KI-Verordnung'), [['Create entry "KI-Verordnung"', false]]);
  assert.deepEqual(titlesAt('Network'), [['Create entry "Network"', false]]);
  const message = diagnosticsOf(files, 'A.md').find((diagnostic) => diagnostic.message.includes('"Neural-Network"'))?.message;
  assert.equal(message, 'No heading defines the id "Neural-Network".');
});

test('without an index page, the links to #Index offer to create one beside the entries, listing every entry under its letter; pandoc reads its sections and links', async () => {
  const files = {
    'Äpfel.md': entryLines('Äpfel', 'Aepfel', []),
    'Birne.md': entryLines('Birne', 'Birne', []),
    'Obst.md': entryLines('Obst', 'Obst', []),
    'Öl.md': entryLines('Öl', 'Oel', []),
    'Druck-3D.md': entryLines('3D Druck', 'Druck-3D', []),
    'Apfel.md': entryLines('Apfel', 'Apfel', []),
    // Listed under their first letter, whatever the collation makes of the marks before it.
    'NET.md': entryLines('.NET', 'NET', []),
    'Zebra.md': entryLines('"Zebra" Modell', 'Zebra-Modell', []),
  };
  const creating = actionsOf(files, 'Birne.md', ['quickfix'], { renamesFiles: true, createsFiles: true }).actions;
  assert.deepEqual(titlesAndPreference(creating), [['Create the index page 000-index.txt, listing the 8 entries', true]]);
  assert.equal(creating[0]!.diagnostics?.[0]?.code, 'index-anchor-missing');
  const [create, insert] = creating[0]!.edit!.documentChanges as [CreateFile, TextDocumentEdit];
  assert.deepEqual(create, { kind: 'create', uri: uriOf('000-index.txt'), options: { overwrite: false, ignoreIfExists: false } });
  const page = (insert.edits[0] as TextEdit).newText;
  assert.equal(
    page,
    [
      '## Index {#Index}', '', '### 3 {.index}', '', '[3D Druck](#Druck-3D) |', '',
      '### A {.index}', '', '[Apfel](#Apfel) |', '[Äpfel](#Aepfel) |', '',
      '### B {.index}', '', '[Birne](#Birne) |', '',
      '### N {.index}', '', '[.NET](#NET) |', '',
      '### O {.index}', '', '[Obst](#Obst) |', '[Öl](#Oel) |', '',
      '### Z {.index}', '', '["Zebra" Modell](#Zebra-Modell) |', '',
    ].join('\n'),
  );
  assert.deepEqual(
    (await pandocHeadingsOfText(page)).map(({ level, classes, text }) => [level, classes.join(' '), text]),
    [[2, '', 'Index'], [3, 'index', '3'], [3, 'index', 'A'], [3, 'index', 'B'], [3, 'index', 'N'], [3, 'index', 'O'], [3, 'index', 'Z']],
  );
  // With the page, the #Index links resolve and every entry is listed.
  const withPage = indexOf({ ...files, '000-index.txt': page.split('\n') });
  assert.equal(withPage.indexPageUri(), uriOf('000-index.txt'));
  for (const name of Object.keys(files)) {
    const codes = computeDiagnostics(withPage.document(uriOf(name))!, withPage, defaultConfig).map((diagnostic) => diagnostic.code);
    assert.ok(!codes.includes(DiagnosticCode.IndexAnchorMissing) && !codes.includes(DiagnosticCode.NotInIndex), `${name}: ${codes.join(', ')}`);
  }
  // A client that cannot create files is offered nothing here.
  assert.deepEqual(actionsOf(files, 'Birne.md', ['quickfix']).actions, []);
});

test('a broken link is never offered the id of the entry that holds it: that would be a self-link', () => {
  const lines = ['## Modell {#Modell .chapter .small .term}', '', '### Siehe auch {.seealso}', '', '[Modelle](#Modelle) |', '[Index](#Index) |', '', '----'];
  const files = { 'Index.md': index, 'Modell.md': lines, 'Model.md': ['## Model {#Model .term}'] };
  const { actions } = actionsOf(files, 'Modell.md');
  assert.deepEqual(titlesAndPreference(actions), [['Create entry "Modelle"', false]]);
  const broken = computeDiagnostics(indexOf(files).document(uriOf('Modell.md'))!, indexOf(files), defaultConfig).find((diagnostic) => diagnostic.code === 'broken-link');
  assert.equal(broken?.message, 'No heading defines the id "Modelle".');
  // From another entry, the id is the one meant.
  const other = { ...files, 'Daten.md': ['## Daten {#Daten .chapter .small .term}', '', 'Mit [Modellen](#Modelle).'] };
  const changes = (files: Record<string, readonly string[]>, name: string) => titlesAndPreference(actionsOf(files, name).actions.filter((action) => action.title.startsWith('Change to')));
  assert.deepEqual(changes(other, 'Daten.md'), [['Change to "Modell"', true]]);
  // A copy of the entry in another file (the real glossary's Claude.md holding CNN's): links to the id still lead to Modell.md, no other entry.
  const copied = { ...files, 'Kopie.md': lines };
  assert.deepEqual(changes(copied, 'Modell.md'), []);
  // In the copy, the id is another's, whose entry it may mean.
  assert.deepEqual(changes(copied, 'Kopie.md'), [['Change to "Modell"', true]]);
});

test('no entry is offered for an id that cannot be a file name, from an inline or a reference link', () => {
  const files = { 'Index.md': index, 'A.md': ['[x](#a:b) and [Missing Heading]', '', '[Missing Heading]: #a:b'] };
  const broken = computeDiagnostics(indexOf(files).document(uriOf('A.md'))!, indexOf(files), defaultConfig).filter((diagnostic) => diagnostic.code === 'broken-link');
  assert.equal(broken.length, 2);
  const { actions } = actionsOf(files, 'A.md');
  assert.deepEqual(actions.map((action) => action.title), []);
});

test('sorting the see-also list moves whole links between the slots and keeps the separators', () => {
  const lines = [
    '## Zeta {#Zeta .chapter .small .term}',
    '',
    'Text.',
    '',
    '### Siehe auch {.seealso}',
    '',
    '[Index](#Index) |',
    '[Übung *macht*](#Uebung) |',
    '[apfel](#Apfel) |',
    '[Birne](#Birne) |',
    '',
    '----',
  ];
  const { actions, document } = actionsOf({ 'Index.md': index, 'Zeta.md': lines }, 'Zeta.md');
  const sort = actions.filter((action) => action.title === 'Sort the see-also list (Index last)');
  assert.equal(sort.length, 1, 'one action for both findings');
  assert.deepEqual(sort[0]!.diagnostics?.map((diagnostic) => diagnostic.code), ['seealso-index-not-last', 'seealso-unsorted']);
  assert.ok(sort[0]!.isPreferred, 'sorting is the one fix of an unsorted list');
  assert.deepEqual(applied(sort[0], document).slice(6, 11), ['[apfel](#Apfel) |', '[Birne](#Birne) |', '[Übung *macht*](#Uebung) |', '[Index](#Index) |', '']);
  assert.deepEqual(applied(sort[0], document).slice(0, 6), lines.slice(0, 6));
});

test('with the cursor anywhere in an unsorted see-also list, its sort is offered, not only on the pair the diagnostic marks', () => {
  const lines = ['## Zeta {#Zeta .chapter .small .term}', '', 'Text [Apfel](#Apfel).', '', '### Siehe auch {.seealso}', '', '[Apfel](#Apfel) |', '[Transformer](#Birne) |', '[T5](#Uebung) |', '[Zebra](#Zebra) |', '[Index](#Index) |', '', '----'];
  const files = { 'Index.md': index, 'Zeta.md': lines };
  const linked = indexOf(files);
  const uri = uriOf('Zeta.md');
  const document = TextDocument.create(uri, 'markdown', 1, lines.join('\n'));
  const diagnostics = computeDiagnostics(linked.document(uri)!, linked, defaultConfig);
  const at = (line: number) => codeActions({ index: linked, config: defaultConfig, document, diagnostics, documentChanges: true, renamesFiles: true, newEntryUri }, { start: { line, character: 3 }, end: { line, character: 3 } }, ['quickfix']);
  const sorts = (line: number) => at(line).filter((action) => action.title === 'Sort the see-also list (Index last)').length;
  // The diagnostic marks lines 8 and 9 (Transformer, T5); the list's first and last links offer the sort too.
  assert.deepEqual(diagnostics.filter((diagnostic) => diagnostic.code === 'seealso-unsorted').map((diagnostic) => [diagnostic.range.start.line, diagnostic.range.end.line]), [[7, 8]]);
  assert.deepEqual([6, 7, 8, 9, 10].map(sorts), [1, 1, 1, 1, 1]);
  // Outside the list, nothing.
  assert.equal(sorts(2), 0);
});

test('a see-also list without the index gets it appended with the same separator', () => {
  const lines = ['## A {#A .chapter .small .term}', '', '### Siehe auch {.seealso}', '', '[B](#B) |', '', '----'];
  const { actions, document } = actionsOf({ 'Index.md': index, 'B.md': ['## B {#B .term}'], 'A.md': lines }, 'A.md');
  assert.deepEqual(applied(titled(actions, 'Sort the see-also list (Index last)'), document), [
    '## A {#A .chapter .small .term}',
    '',
    '### Siehe auch {.seealso}',
    '',
    '[B](#B) |',
    '[Index](#Index) |',
    '',
    '----',
  ]);
});

test('an index link written in another case (`#index`) is the index link: the sort fix puts it last as `#Index` and adds none', () => {
  const lines = ['## A {#A .chapter .small .term}', '', '### Siehe auch {.seealso}', '', '[Index](#index) |', '[C](#C) |', '[B](#B) |', '', '----'];
  const files = { 'Index.md': index, 'B.md': ['## B {#B .term}'], 'C.md': ['## C {#C .term}'], 'A.md': lines };
  const { actions, document } = actionsOf(files, 'A.md');
  const sort = titled(actions, 'Sort the see-also list (Index last)');
  assert.deepEqual(sort?.diagnostics?.map((diagnostic) => diagnostic.code), ['seealso-index-not-last', 'seealso-unsorted']);
  assert.match(String(sort!.diagnostics![0]!.message), /writes #index instead/);
  assert.deepEqual(applied(sort, document).slice(4, 8), ['[B](#B) |', '[C](#C) |', '[Index](#Index) |', '']);
  // Already last, it is corrected where it stands.
  const last = actionsOf({ ...files, 'A.md': [...lines.slice(0, 4), '[B](#B) |', '[C](#C) |', '[Index](#INDEX) |', '', '----'] }, 'A.md');
  assert.deepEqual(applied(titled(last.actions, 'Sort the see-also list (Index last)'), last.document).slice(4, 8), ['[B](#B) |', '[C](#C) |', '[Index](#Index) |', '']);
  // An entry `{#index}` of its own is no index link: the list gets the index appended.
  const entry = actionsOf({ ...files, 'index-entry.md': ['## Indizes {#index .term}'], 'A.md': [...lines.slice(0, 4), '[B](#B) |', '[Indizes](#index) |', '', '----'] }, 'A.md');
  assert.deepEqual(applied(titled(entry.actions, 'Sort the see-also list (Index last)'), entry.document).slice(4, 8), ['[B](#B) |', '[Indizes](#index) |', '[Index](#Index) |', '']);
  // Beside a link to #Index, one written #index is a term like any other: no second index link is made.
  const both = actionsOf({ ...files, 'A.md': [...lines.slice(0, 4), '[C](#C) |', '[Index](#Index) |', '[B](#B) |', '[Index](#index) |', '', '----'] }, 'A.md');
  assert.deepEqual(applied(titled(both.actions, 'Sort the see-also list (Index last)'), both.document).slice(4, 9), ['[B](#B) |', '[C](#C) |', '[Index](#index) |', '[Index](#Index) |', '']);
  // A reference link's id is corrected in its definition, once for the links that share it.
  const reference = actionsOf({ ...files, 'A.md': [...lines.slice(0, 4), '[Index][i] |', '[B](#B) |', '[C](#C) |', '', '[i]: #index', '', '----'] }, 'A.md');
  assert.deepEqual(applied(titled(reference.actions, 'Sort the see-also list (Index last)'), reference.document).slice(4, 10), ['[B](#B) |', '[C](#C) |', '[Index][i] |', '', '[i]: #Index', '']);
  const referenceLast = actionsOf({ ...files, 'A.md': [...lines.slice(0, 4), '[B](#B) |', '[Index][i] |', '', '[i]: #index', '', '----'] }, 'A.md');
  assert.deepEqual(applied(titled(referenceLast.actions, 'Sort the see-also list (Index last)'), referenceLast.document).slice(4, 8), ['[B](#B) |', '[Index][i] |', '', '[i]: #Index']);
});

test('the index link gets the separator the last link has: another one, or none', () => {
  for (const [last, appended] of [['[B](#B) ·', '[Index](#Index) ·'], ['[B](#B)', '[Index](#Index)']]) {
    const lines = ['## A {#A .chapter .small .term}', '', '### Siehe auch {.seealso}', '', last, '', '----'];
    const { actions, document } = actionsOf({ 'Index.md': index, 'B.md': ['## B {#B .term}'], 'A.md': lines }, 'A.md');
    assert.deepEqual(applied(titled(actions, 'Sort the see-also list (Index last)'), document).slice(4, 6), [last, appended]);
  }
});

/** The text of `name` after the action's edits of it. */
function appliedTo(action: CodeAction | undefined, files: Record<string, readonly string[]>, name: string): string[] {
  assert.ok(action, 'the action exists');
  const edits = (action.edit?.documentChanges ?? []).flatMap((change) => (TextDocumentEdit.is(change) && change.textDocument.uri === uriOf(name) ? (change.edits as TextEdit[]) : []));
  return TextDocument.applyEdits(TextDocument.create(uriOf(name), 'markdown', 1, files[name]!.join('\n')), edits).split('\n');
}

test('a comment or text after a link stays with it: no link added to a list copies it', () => {
  const entries = { 'Index.md': index, 'B.md': ['## B {#B .term}'], 'C.md': ['## C {#C .term}'] };
  const commented = ['## A {#A .chapter .small .term}', '', '### Siehe auch {.seealso}', '', '[C](#C) |', '[B](#B) | <!-- prüfen -->', '', '----'];
  const { actions, document } = actionsOf({ ...entries, 'A.md': commented }, 'A.md');
  assert.deepEqual(applied(titled(actions, 'Sort the see-also list (Index last)'), document).slice(4, 8), ['[B](#B) | <!-- prüfen -->', '[C](#C) |', '[Index](#Index) |', '']);
  // Each slot keeps its separator; notes move with their links, and links side by side keep theirs in place.
  const notes = ['## A {#A .chapter .small .term}', '', '### Siehe auch {.seealso}', '', '[D](#D) · (neu)', '[C](#C) |', '[B](#B) |  <!-- prüfen -->  ', '[Index](#Index) | [A](#A)', '', '----'];
  const withNotes = actionsOf({ ...entries, 'D.md': ['## D {#D .term}'], 'A.md': notes }, 'A.md');
  const sorted = applied(titled(withNotes.actions, 'Sort the see-also list (Index last)'), withNotes.document);
  assert.deepEqual(sorted.slice(4, 8), ['[A](#A)', '[B](#B) |  <!-- prüfen -->', '[C](#C) |  ', '[D](#D) (neu) | [Index](#Index)']);
  // A description after a dash moves whole; a comment that a later line closes stays whole where it is.
  const sortedLines = (lines: string[]) => {
    const { actions, document } = actionsOf({ ...entries, 'A.md': ['## A {#A .chapter .small .term}', '', '### Siehe auch {.seealso}', '', ...lines, '', '----'] }, 'A.md');
    return applied(titled(actions, 'Sort the see-also list (Index last)'), document).slice(4, 4 + lines.length);
  };
  assert.deepEqual(sortedLines(['- [C](#C) – das Ende', '- [B](#B)', '- [Index](#Index)']), ['- [B](#B)', '- [C](#C) – das Ende', '- [Index](#Index)']);
  assert.deepEqual(sortedLines(['[C](#C) (neu) \\', '[B](#B) \\', '[Index](#Index)']), ['[B](#B) \\', '[C](#C) (neu) \\', '[Index](#Index)']);
  // Emphasis that wraps a link alone moves with it, the items' notes and separators as they were.
  const emphasizedItems = ['[D](#D) |', '*[C](#C)* | (neu)', '**_[B](#B)_** | [Index](#Index)'];
  assert.deepEqual(sortedLines(emphasizedItems), ['**_[B](#B)_** |', '*[C](#C)* | (neu)', '[D](#D) | [Index](#Index)']);
  // A mark between two links that may close the one and open the other makes the items unclear: no sort is offered (it would move marks), and the other actions stand.
  const withD = { ...entries, 'D.md': ['## D {#D .term}'] };
  const shared = actionsOf({ ...withD, 'A.md': ['## A {#A .chapter .small .term}', '', '### Siehe auch {.seealso}', '', '*[D](#D)*[B](#B)* |', '[Index](#Index)', '', '----'] }, 'A.md');
  assert.ok(shared.actions.some((action) => action.title.startsWith('Put "|" after the link')), shared.actions.map((action) => action.title).join('\n'));
  assert.ok(!shared.actions.some((action) => action.title.startsWith('Sort')), shared.actions.map((action) => action.title).join('\n'));

  assert.deepEqual(sortedLines(['[C](#C) | <!-- alter Eintrag,', 'noch prüfen -->', '[B](#B) |', '[Index](#Index) |']), [
    '[B](#B) | <!-- alter Eintrag,',
    'noch prüfen -->',
    '[C](#C) |',
    '[Index](#Index) |',
  ]);

  const page = ['# Index {#Index}', '', '### A {.index}', '', '[Apfel](#Apfel) |', '<!-- mehr -->', '[Avocado](#Avocado) | (neu)'];
  const files = { 'Index.md': page, 'Apfel.md': entryLines('Apfel', 'Apfel', []), 'Avocado.md': entryLines('Avocado', 'Avocado', []), 'Ananas.md': entryLines('Ananas', 'Ananas', []), 'Aal.md': entryLines('Aal', 'Aal', []), 'Axt.md': entryLines('Axt', 'Axt', []) };
  const add = (name: string, title: string) => appliedTo(titled(actionsOf(files, name, undefined, undefined, { otherFiles: true }).actions, title), files, 'Index.md').slice(4);
  assert.deepEqual(add('Ananas.md', 'Add "Ananas" to the index under "A"'), ['[Ananas](#Ananas) |', '[Apfel](#Apfel) |', '<!-- mehr -->', '[Avocado](#Avocado) | (neu)']);
  assert.deepEqual(add('Aal.md', 'Add "Aal" to the index under "A"'), ['[Aal](#Aal) |', '[Apfel](#Apfel) |', '<!-- mehr -->', '[Avocado](#Avocado) | (neu)']);
  assert.deepEqual(add('Axt.md', 'Add "Axt" to the index under "A"'), ['[Apfel](#Apfel) |', '<!-- mehr -->', '[Avocado](#Avocado) | (neu)', '[Axt](#Axt) |']);
  // A link added goes beside the emphasis of the others, not into it.
  const emphasizedPage = { ...files, 'Index.md': ['# Index {#Index}', '', '### A {.index}', '', '*[Apfel](#Apfel)* ·', '*[Avocado](#Avocado)*'] };
  const addTo = (name: string, title: string) => appliedTo(titled(actionsOf(emphasizedPage, name, undefined, undefined, { otherFiles: true }).actions, title), emphasizedPage, 'Index.md').slice(4);
  assert.deepEqual(addTo('Ananas.md', 'Add "Ananas" to the index under "A"'), ['[Ananas](#Ananas) ·', '*[Apfel](#Apfel)* ·', '*[Avocado](#Avocado)*']);
  assert.deepEqual(addTo('Axt.md', 'Add "Axt" to the index under "A"'), ['*[Apfel](#Apfel)* ·', '*[Avocado](#Avocado)* ·', '[Axt](#Axt)']);
});

test('a link in a sentence of a see-also section or of the index page is no item of the list: sorting and adding leave it', () => {
  const entries = { 'Index.md': index, 'KI.md': ['## KI {#KI .term}'], ...Object.fromEntries(['Alpha', 'Beta', 'Zeta'].map((name) => [`${name}.md`, [`## ${name} {#${name} .term}`]])) };
  const intro = ['## A {#A .chapter .small .term}', '', '### Siehe auch {.seealso}', '', 'Einen Überblick gibt der Eintrag [KI](#KI).', '', '[Alpha](#Alpha) |', '[Zeta](#Zeta) |', '[Index](#Index) |', '', '----'];
  const sorted = actionsOf({ ...entries, 'A.md': intro }, 'A.md');
  assert.deepEqual(sorted.actions.filter((action) => action.title.startsWith('Sort the see-also list')), [], 'the list is in order');
  // Descriptions after the links of a bulleted list move with their links.
  const described = ['## A {#A .chapter .small .term}', '', '### Siehe auch {.seealso}', '', 'Einen Überblick gibt der Eintrag [KI](#KI).', '', '- [Zeta](#Zeta) – das Ende', '- [Beta](#Beta) – die Mitte', '- [Alpha](#Alpha) – der Anfang', '- [Index](#Index)', '', '----'];
  const unsorted = actionsOf({ ...entries, 'A.md': described }, 'A.md');
  assert.deepEqual(applied(titled(unsorted.actions, 'Sort the see-also list (Index last)'), unsorted.document).slice(4, 10), [
    'Einen Überblick gibt der Eintrag [KI](#KI).',
    '',
    '- [Alpha](#Alpha) – der Anfang',
    '- [Beta](#Beta) – die Mitte',
    '- [Zeta](#Zeta) – das Ende',
    '- [Index](#Index)',
  ]);

  // The index page: a sentence above the list keeps its link; an item with its text gets a line of its own.
  const pageWith = (lines: string[]) => ({ 'Index.md': ['# Index {#Index}', '', '### A {.index}', '', ...lines], ...Object.fromEntries(['Aal', 'Ameise', 'Akronyme', 'Alpha', 'Azur'].map((name) => [`${name}.md`, entryLines(name, name, [])])) });
  const addTo = (lines: string[], name: string) => {
    const files = pageWith(lines);
    return appliedTo(titled(actionsOf(files, `${name}.md`, undefined, undefined, { otherFiles: true }).actions, `Add "${name}" to the index under "A"`), files, 'Index.md').slice(4);
  };
  assert.deepEqual(addTo(['Abkürzungen stehen bei [Akronyme](#Akronyme).', '', '[Alpha](#Alpha) |', '[Azur](#Azur) |'], 'Aal'), [
    'Abkürzungen stehen bei [Akronyme](#Akronyme).',
    '',
    '[Aal](#Aal) |',
    '[Alpha](#Alpha) |',
    '[Azur](#Azur) |',
  ]);
  assert.deepEqual(addTo(['- [Alpha](#Alpha) – der Anfang', '- [Azur](#Azur) – die Farbe'], 'Ameise'), ['- [Alpha](#Alpha) – der Anfang', '- [Ameise](#Ameise)', '- [Azur](#Azur) – die Farbe']);
  assert.deepEqual(addTo(['- [Alpha](#Alpha) – der Anfang', '- [Ameise](#Ameise) – ein Tier'], 'Azur'), ['- [Alpha](#Alpha) – der Anfang', '- [Ameise](#Ameise) – ein Tier', '- [Azur](#Azur)']);
  // A note after a link leaves the links after it on its line in the list.
  assert.deepEqual(addTo(['[Aal](#Aal) | [Alpha](#Alpha)[^1] | [Azur](#Azur) |'], 'Ameise'), ['[Aal](#Aal) | [Alpha](#Alpha)[^1] | [Ameise](#Ameise) | [Azur](#Azur) |']);

  // An index link after a note, or in a closing sentence, ends the list: nothing to fix, no second one added.
  const ends = (lines: string[]) => actionsOf({ ...entries, 'A.md': ['## A {#A .chapter .small .term}', '', '### Siehe auch {.seealso}', '', ...lines, '', '----'] }, 'A.md').actions.map((action) => action.title);
  assert.deepEqual(ends(['[Beta](#Beta) (neu) | [Index](#Index) |']), []);
  assert.deepEqual(ends(['[Alpha](#Alpha) |', '[Beta](#Beta) |', '', 'Zurück zum [Index](#Index).']), []);
});

test('hard line breaks and character references between links are separators, copied as they are', () => {
  const entries = { 'Apfel.md': entryLines('Apfel', 'Apfel', []), 'Axt.md': entryLines('Axt', 'Axt', []), 'Ast.md': entryLines('Ast', 'Ast', []) };
  const added = (links: string[]) => {
    const files = { 'Index.md': ['# Index {#Index}', '', '### A {.index}', '', ...links], ...entries };
    return appliedTo(titled(actionsOf(files, 'Ast.md', undefined, undefined, { otherFiles: true }).actions, 'Add "Ast" to the index under "A"'), files, 'Index.md').slice(4);
  };
  assert.deepEqual(added(['[Apfel](#Apfel) \\', '[Axt](#Axt) \\']), ['[Apfel](#Apfel) \\', '[Ast](#Ast) \\', '[Axt](#Axt) \\']);
  assert.deepEqual(added(['[Apfel](#Apfel)<br>', '[Axt](#Axt)<br>']), ['[Apfel](#Apfel)<br>', '[Ast](#Ast)<br>', '[Axt](#Axt)<br>']);
  assert.deepEqual(added(['[Apfel](#Apfel) &middot; [Axt](#Axt)']), ['[Apfel](#Apfel) &middot; [Ast](#Ast) &middot; [Axt](#Axt)']);
  // A reference that is a letter, or none at all, is text.
  assert.deepEqual(added(['[Apfel](#Apfel) &auml; [Axt](#Axt) &foo;']), ['[Apfel](#Apfel) &auml; [Ast](#Ast) |', '[Axt](#Axt) &foo;']);
});

test('a link added to a bulleted list is an item of it', () => {
  const lines = ['## A {#A .chapter .small .term}', '', '### Siehe auch {.seealso}', '', '- [D](#D)', '- [C](#C)', '', '----'];
  const { actions, document } = actionsOf({ 'Index.md': index, 'C.md': ['## C {#C .term}'], 'D.md': ['## D {#D .term}'], 'A.md': lines }, 'A.md');
  assert.deepEqual(applied(titled(actions, 'Sort the see-also list (Index last)'), document).slice(4, 8), ['- [C](#C)', '- [D](#D)', '- [Index](#Index)', '']);
});

test('a section or link put before a heading leaves the blank line pandoc needs to read the heading', () => {
  // Two entries in a file, the first without its closing rule; a file ending in a line break.
  const twoEntries = ['## A {#A .chapter .small .term}', '', 'Text A.', '', '## B {#B .chapter .small .term}', '', 'Text B.', ''];
  const { actions, document } = actionsOf({ 'Index.md': index, 'A.md': twoEntries }, 'A.md');
  const added = actions.filter((action) => action.title === 'Add a see-also section').map((action) => applied(action, document));
  // Each closed with the rule that the entry lacks, as the chapter template closes it.
  assert.deepEqual(added[0]!.slice(2, 12), ['Text A.', '', '### Related or other interesting topics: {.seealso}', '', '[Index](#Index) |', '', '----', '', '## B {#B .chapter .small .term}', '']);
  assert.deepEqual(added[1]!.slice(4), ['## B {#B .chapter .small .term}', '', 'Text B.', '', '### Related or other interesting topics: {.seealso}', '', '[Index](#Index) |', '', '----', '']);
  // An empty letter section right above the next one.
  const page = ['# Index {#Index}', '', '### A {.index}', '### B {.index}', '', '[Birne](#Birne) |'];
  const files = { 'Index.md': page, 'Apfel.md': entryLines('Apfel', 'Apfel', []), 'Birne.md': entryLines('Birne', 'Birne', []) };
  assert.deepEqual(appliedTo(titled(actionsOf(files, 'Apfel.md', undefined, undefined, { otherFiles: true }).actions, 'Add "Apfel" to the index under "A"'), files, 'Index.md').slice(2, 7), ['### A {.index}', '', '[Apfel](#Apfel) |', '', '### B {.index}']);
});

test('a see-also section added right after a code block gets the blank line a heading needs', () => {
  // (After text, `----` would underline it as a heading: the rule needs a code block or the like above it.)
  const lines = ['## A {#A .chapter .small .term}', '', '~~~', 'code', '~~~', '----'];
  const { actions, document } = actionsOf({ 'Index.md': index, 'A.md': lines }, 'A.md');
  assert.deepEqual(applied(titled(actions, 'Add a see-also section'), document), [
    '## A {#A .chapter .small .term}',
    '',
    '~~~',
    'code',
    '~~~',
    '',
    '### Related or other interesting topics: {.seealso}',
    '',
    '[Index](#Index) |',
    '',
    '----',
  ]);
});

test('a see-also heading read as text (right under a line of text) gets the blank line it lacks, not a second section', async () => {
  const lines = ['## A {#A .chapter .small .term}', '', '- [B](#B) ist verwandt', '### Siehe auch {.seealso}', '', '[B](#B) |', '[Index](#Index) |', '', '----'];
  const { actions, document } = actionsOf({ 'Index.md': index, 'B.md': entryLines('B', 'B', []), 'A.md': lines }, 'A.md', ['quickfix']);
  const missing = actions.filter((action) => action.diagnostics?.some((diagnostic) => diagnostic.code === 'missing-seealso'));
  assert.deepEqual(missing.map((action) => [action.title, action.isPreferred]), [['Insert a blank line before the see-also heading', true]]);
  const fixed = applied(missing[0], document);
  assert.deepEqual(fixed.slice(2, 5), ['- [B](#B) ist verwandt', '', '### Siehe auch {.seealso}']);
  // Its automatic id tells whether pandoc reads the see-also heading.
  assert.ok(!(await pandocFactsOfText(document.getText())).ids.includes('siehe-auch'), 'pandoc reads the heading as text');
  assert.ok((await pandocFactsOfText(fixed.join('\n'))).ids.includes('siehe-auch'), 'with the blank line, pandoc reads the see-also heading');
});

test('a missing see-also section is added before the closing rule, with the heading other entries use', () => {
  const other = ['## B {#B .chapter .small .term}', '', '### Verwandtes {.seealso}', '', '[Index](#Index) |', '', '----'];
  const lines = ['## A {#A .chapter .small .term}', '', 'Text.', '', '----'];
  const { actions, document } = actionsOf({ 'Index.md': index, 'B.md': other, 'A.md': lines }, 'A.md');
  assert.deepEqual(applied(titled(actions, 'Add a see-also section'), document), [
    '## A {#A .chapter .small .term}',
    '',
    'Text.',
    '',
    '### Verwandtes {.seealso}',
    '',
    '[Index](#Index) |',
    '',
    '----',
  ]);
});

test('a missing see-also section that stands there without its class, listing the index\'s link, gets the class rather than a second list', () => {
  const lines = ['## A {#A .chapter .small .term}', '', 'Text mit [Index](#Index).', '', '### Verwandte Themen', '', '[B](#B) |', '[Index](#Index) |', '', '----'];
  const { actions, document } = actionsOf({ 'Index.md': index, 'B.md': ['## B {#B .term}'], 'A.md': lines }, 'A.md');
  const fixes = actions.filter((action) => action.diagnostics?.[0]?.code === 'missing-seealso');
  assert.deepEqual(titlesAndPreference(fixes), [['Give the section "Verwandte Themen" the class .seealso', true]]);
  assert.deepEqual(applied(fixes[0], document), [...lines.slice(0, 4), '### Verwandte Themen {.seealso}', ...lines.slice(5)]);
  // A link to the index in a sentence lists nothing: the section is added.
  const inSentence = [...lines.slice(0, 6), 'Siehe den [Index](#Index).', '', '----'];
  assert.deepEqual(titlesAndPreference(actionsOf({ 'Index.md': index, 'A.md': inSentence }, 'A.md').actions.filter((action) => action.diagnostics?.[0]?.code === 'missing-seealso')), [['Add a see-also section', true]]);
});

test('a missing see-also section goes after the sections that follow a rule amid the entry, not before that rule', () => {
  const lines = ['## A {#A .chapter .small .term}', '', '### Teil 1 {.explanation}', '', 'x', '', '----', '', '### Teil 2 {.explanation}', '', 'y'];
  const { actions, document } = actionsOf({ 'Index.md': index, 'A.md': lines }, 'A.md');
  const fixed = applied(titled(actions, 'Add a see-also section'), document);
  assert.deepEqual(fixed.slice(6), ['----', '', '### Teil 2 {.explanation}', '', 'y', '', '### Related or other interesting topics: {.seealso}', '', '[Index](#Index) |', '', '----']);
  const index2 = indexOf({ 'Index.md': index, 'A.md': fixed });
  assert.deepEqual(computeDiagnostics(index2.document(uriOf('A.md'))!, index2, defaultConfig).map((diagnostic) => diagnostic.code).filter((code) => code.includes('seealso') || code === 'missing-closing-rule'), []);
});

test('an id that differs from the file name can be changed, or the file renamed', () => {
  const lines = ['## Claude {#CNN .chapter .small .term}', '', '### S {.seealso}', '', '[Index](#Index) |'];
  const { actions, document } = actionsOf({ 'Index.md': index, 'Claude.md': lines }, 'Claude.md');
  assert.deepEqual(applied(titled(actions, 'Change the id to "Claude", after the file'), document)[0], '## Claude {#Claude .chapter .small .term}');
  const rename = titled(actions, 'Rename the file to "CNN.md"');
  assert.deepEqual(rename?.edit?.documentChanges, [{ kind: 'rename', oldUri: uriOf('Claude.md'), newUri: uriOf('CNN.md'), options: { overwrite: false, ignoreIfExists: false } }]);
  // A file name that does not begin with a letter: the id is written id="…", as pandoc reads no other.
  const digit = actionsOf({ 'Index.md': index, '3D-Druck.md': ['## 3D-Druck {#Druck .chapter .small .term}', '', 'Text.'] }, '3D-Druck.md');
  assert.deepEqual(applied(titled(digit.actions, 'Change the id to "3D-Druck", after the file'), digit.document)[0], '## 3D-Druck {id="3D-Druck" .chapter .small .term}');
  // The links write the id and none the file's name (Github.md giving #GitHub): renaming the file is preferred.
  const misspelled = actionsOf({ 'Index.md': index, 'Github.md': ['## GitHub {#GitHub .chapter .small .term}', '', 'Text.'], 'A.md': ['[GitHub](#GitHub)'] }, 'Github.md', ['quickfix']);
  // (The id change waits for A.md, whose link it would change, to be read: see the next tests.)
  assert.deepEqual(titlesAndPreference(misspelled.actions.filter((action) => action.diagnostics?.[0]?.code === 'anchor-file-mismatch')), [['Rename the file to "GitHub.md"', true]]);
  // Without a link either way, neither is preferred.
  assert.deepEqual(titlesAndPreference(actions.filter((action) => action.diagnostics?.[0]?.code === 'anchor-file-mismatch')), [
    ['Change the id to "Claude", after the file', false],
    ['Rename the file to "CNN.md"', false],
  ]);
});

test('a copy of another entry (its id and title) is not given its file\'s name: the links to that name would lead to the copy', () => {
  const cnn = ['## CNN (Convolutional Neural Network) {#CNN .chapter .small .term}', '', 'Text.'];
  const files = { 'Index.md': index, 'CNN.md': cnn, 'Claude.md': cnn, 'A.md': ['[Claude](#Claude)'] };
  const { actions } = actionsOf(files, 'Claude.md');
  assert.deepEqual(actions.filter((action) => action.title.startsWith('Change the id')), []);
  // Retitled, as the writer starts the entry its file is named after, it is no copy.
  const retitled = actionsOf({ ...files, 'Claude.md': ['## Claude {#CNN .chapter .small .term}', '', 'Text.'] }, 'Claude.md').actions;
  assert.deepEqual(retitled.filter((action) => action.title.startsWith('Change the id')).map((action) => action.title), ['Change the id to "Claude", after the file (resolves 1 broken link)']);
});

test('the entry a copy\'s file is named after is written over the copy, from the link waiting for it and from the copy, while the original holds every line of it', () => {
  const cnn = ['## CNN (Convolutional Neural Network) {#CNN .chapter .small .term}', '', 'Text.', '', '### Siehe auch {.seealso}', '', '[Index](#Index) |', '', '----', ''];
  const files = { 'Index.md': index, 'CNN.md': cnn, 'Claude.md': cnn.filter((line) => line !== 'Text.'), 'A.md': ['Mit [Claude](#Claude) und [Claude 3](#Claude).'] };
  const written = ['## Claude {#Claude .chapter .small .term}', '', '***Short description***', '', '### Description {.explanation}', '', '', '', '### Siehe auch {.seealso}', '', '[Index](#Index) |', '', '----', ''];
  // Claude.md and CNN.md are read for it; without their texts it is not offered.
  const linked = indexOf(files);
  const broken = computeDiagnostics(linked.document(uriOf('A.md'))!, linked, defaultConfig);
  assert.deepEqual(filesEditedByQuickFixes(linked, uriOf('A.md'), broken, wholeFile).sort(), [uriOf('CNN.md'), uriOf('Claude.md')]);
  assert.deepEqual(actionsOf(files, 'A.md', ['quickfix']).actions, []);
  const fromLink = actionsOf(files, 'A.md', ['quickfix'], undefined, { otherFiles: true }).actions;
  assert.deepEqual(titlesAndPreference(fromLink), [['Write the entry "Claude" in Claude.md, over its copy of CNN.md', false]]);
  assert.equal(fromLink[0]!.diagnostics?.length, 2, 'one action answers both links');
  const [change] = fromLink[0]!.edit!.documentChanges as TextDocumentEdit[];
  assert.deepEqual(change!.textDocument, { uri: uriOf('Claude.md'), version: null });
  assert.deepEqual(TextDocument.applyEdits(TextDocument.create(uriOf('Claude.md'), 'markdown', 0, files['Claude.md'].join('\n')), change!.edits as TextEdit[]).split('\n'), written);
  // Then the new entry is shown, its summary selected.
  assert.deepEqual(fromLink[0]!.command?.command, ServerCommands.showFile);
  assert.deepEqual(fromLink[0]!.command?.arguments, [{ uri: uriOf('Claude.md'), selection: { start: { line: 2, character: 3 }, end: { line: 2, character: 20 } } }]);
  assert.equal(written[2]!.slice(3, 20), 'Short description');
  // Only to a client that can be asked to show a file (`window/showDocument`).
  const params = { textDocument: { uri: uriOf('A.md') }, range: wholeFile, context: { diagnostics: [] } };
  const client = { codeActionLiterals: true, preferredActions: true, appliesEdits: true, diagnostics: { relatedInformation: true } };
  assert.equal((actionsForClient(fromLink, { ...client, showsDocuments: true }, params)[0] as CodeAction).command?.command, ServerCommands.showFile);
  assert.ok(!('command' in actionsForClient(fromLink, { ...client, showsDocuments: false }, params)[0]!));
  // In the copy itself, at its heading, whose id is CNN's twice and not its file's name: one fix for both.
  const inCopy = actionsOf(files, 'Claude.md', ['quickfix'], undefined, { otherFiles: true });
  assert.deepEqual(titlesAndPreference(inCopy.actions), [['Write the entry "Claude" over this copy of CNN.md', false]]);
  assert.deepEqual(inCopy.actions[0]!.diagnostics?.map((diagnostic) => diagnostic.code).sort(), ['anchor-file-mismatch', 'duplicate-anchor']);
  assert.deepEqual(applied(inCopy.actions[0], inCopy.document), written);
  // A line the original lacks would be lost: no fix. Nor where the name's id is taken meanwhile.
  const changedCopy = { ...files, 'Claude.md': [...files['Claude.md'], 'Mein Anfang.'] };
  assert.deepEqual(actionsOf(changedCopy, 'A.md', ['quickfix'], undefined, { otherFiles: true }).actions, []);
  assert.deepEqual(actionsOf(changedCopy, 'Claude.md', ['quickfix'], undefined, { otherFiles: true }).actions.filter((action) => action.title.startsWith('Write')), []);
  // Claude.md a link to CNN.md (or CNN.md to it): writing the copy would write the original.
  for (const linked of [['Claude.md'], ['CNN.md']]) {
    assert.deepEqual(actionsOf(files, 'A.md', ['quickfix'], undefined, { otherFiles: true, linked }).actions, [], linked[0]);
  }
  // An original open in the editor whose lines of the copy are not saved: discarded, they would be lost.
  const a = indexOf(files);
  const openOriginal = { document: TextDocument.create(uriOf('CNN.md'), 'markdown', 3, files['CNN.md'].join('\n')), openVersion: 3 };
  const otherDocs = (savedText: string) => new Map([[uriOf('Claude.md'), { document: TextDocument.create(uriOf('Claude.md'), 'markdown', 0, files['Claude.md'].join('\n')), openVersion: null }], [uriOf('CNN.md'), { ...openOriginal, savedText }]]);
  const aDocument = TextDocument.create(uriOf('A.md'), 'markdown', 1, files['A.md'].join('\n'));
  const fromOpen = (savedText: string) =>
    codeActions({ index: a, config: defaultConfig, document: aDocument, diagnostics: computeDiagnostics(a.document(uriOf('A.md'))!, a, defaultConfig), documentChanges: true, renamesFiles: true, newEntryUri, filesLinkedOnDisk: new Set(), otherDocuments: otherDocs(savedText) }, wholeFile, ['quickfix']).map((action) => action.title);
  assert.deepEqual(fromOpen(files['CNN.md'].join('\n')), ['Write the entry "Claude" in Claude.md, over its copy of CNN.md']);
  assert.deepEqual(fromOpen('## CNN (Convolutional Neural Network) {#CNN .chapter .small .term}\n'), []);
  const taken = { ...files, 'B.md': ['## Claude {#Claude .chapter .small .term}'] };
  assert.deepEqual(actionsOf(taken, 'Claude.md', ['quickfix'], undefined, { otherFiles: true }).actions.filter((action) => action.title.startsWith('Write')), []);
});

test('changing the id to the file name carries every link to it along, as a rename does; of an id defined twice, the heading alone', () => {
  const files = {
    'Index.md': index,
    'Frontier-Model.md': ['## Frontier Models {#Frontier-Models .chapter .small .term}', '', 'Text.'],
    'A.md': ['See [one](#Frontier-Models) and [two](#Frontier-Models).'],
    'B.md': ['[three][f]', '', '[f]: #Frontier-Models'],
  };
  const linked = indexOf(files);
  const uri = uriOf('Frontier-Model.md');
  const document = TextDocument.create(uri, 'markdown', 1, files['Frontier-Model.md'].join('\n'));
  const other = (name: keyof typeof files) => [uriOf(name), { document: TextDocument.create(uriOf(name), 'markdown', 0, files[name].join('\n')), openVersion: null }] as const;
  const input = { index: linked, config: defaultConfig, document, diagnostics: computeDiagnostics(linked.document(uri)!, linked, defaultConfig), documentChanges: true, renamesFiles: true, newEntryUri };
  const fix = (otherDocuments?: Map<string, { document: TextDocument; openVersion: null }>) =>
    codeActions({ ...input, otherDocuments }, wholeFile, ['quickfix']).find((action) => action.title.startsWith('Change the id'));
  // The files holding the links are read for the fix; without them it is not offered.
  assert.deepEqual(filesEditedByQuickFixes(linked, uri, input.diagnostics, wholeFile).sort(), [uriOf('A.md'), uriOf('B.md')]);
  assert.equal(fix(), undefined);
  const action = fix(new Map([other('A.md'), other('B.md')]))!;
  assert.equal(action.title, 'Change the id to "Frontier-Model", after the file, with the 3 links to it');
  const changes = (action.edit?.documentChanges ?? []) as TextDocumentEdit[];
  const textOf = (name: keyof typeof files) => {
    const change = changes.find((candidate) => candidate.textDocument.uri === uriOf(name))!;
    return TextDocument.applyEdits(TextDocument.create(uriOf(name), 'markdown', 0, files[name].join('\n')), change.edits as TextEdit[]).split('\n');
  };
  assert.deepEqual(textOf('Frontier-Model.md'), ['## Frontier Models {#Frontier-Model .chapter .small .term}', '', 'Text.']);
  assert.deepEqual(textOf('A.md'), ['See [one](#Frontier-Model) and [two](#Frontier-Model).']);
  assert.deepEqual(textOf('B.md'), ['[three][f]', '', '[f]: #Frontier-Model']);

  // Links sharing a reference definition are counted as links, though edited in one place.
  const shared = { ...files, 'B.md': ['[three][f] [four][f]', '', '[f]: #Frontier-Models'] };
  const sharedIndex = indexOf(shared);
  const sharedDiagnostics = computeDiagnostics(sharedIndex.document(uri)!, sharedIndex, defaultConfig);
  const sharedOthers = new Map([other('A.md'), [uriOf('B.md'), { document: TextDocument.create(uriOf('B.md'), 'markdown', 0, shared['B.md'].join('\n')), openVersion: null }] as const]);
  const sharedFix = codeActions({ ...input, index: sharedIndex, diagnostics: sharedDiagnostics, otherDocuments: sharedOthers }, wholeFile, ['quickfix']).find((action) => action.title.startsWith('Change the id'))!;
  assert.equal(sharedFix.title, 'Change the id to "Frontier-Model", after the file, with the 4 links to it');
  assert.equal(editsOf(sharedFix.edit).length, 4, 'the heading, the two inline links, the definition');

  // An id written id="…", in a file with CRLF line ends: the value changes, and nothing else.
  const written = { ...files, 'Frontier-Model.md': ['## Frontier Models {id="Frontier-Models" .chapter .small .term}', '', 'Text.'] };
  const writtenIndex = indexOf(written, defaultConfig, '\r\n');
  const writtenDocument = TextDocument.create(uri, 'markdown', 1, written['Frontier-Model.md'].join('\r\n'));
  const crlf = (name: 'A.md' | 'B.md') => [uriOf(name), { document: TextDocument.create(uriOf(name), 'markdown', 0, files[name].join('\r\n')), openVersion: null }] as const;
  const writtenFix = codeActions(
    { ...input, index: writtenIndex, document: writtenDocument, diagnostics: computeDiagnostics(writtenIndex.document(uri)!, writtenIndex, defaultConfig), otherDocuments: new Map([crlf('A.md'), crlf('B.md')]) },
    wholeFile,
    ['quickfix'],
  ).find((action) => action.title.startsWith('Change the id'))!;
  const ownChange = (writtenFix.edit?.documentChanges as TextDocumentEdit[]).find((change) => change.textDocument.uri === uri)!;
  assert.equal(TextDocument.applyEdits(writtenDocument, ownChange.edits as TextEdit[]), ['## Frontier Models {id="Frontier-Model" .chapter .small .term}', '', 'Text.'].join('\r\n'));

  // Defined twice, the links lead to the other definition too: the heading alone changes.
  const twice = { ...files, 'Frontier-Models.md': ['## Frontier Models {#Frontier-Models .chapter .small .term}'] };
  const twiceIndex = indexOf(twice);
  const twiceDiagnostics = computeDiagnostics(twiceIndex.document(uri)!, twiceIndex, defaultConfig);
  const alone = codeActions({ ...input, index: twiceIndex, diagnostics: twiceDiagnostics }, wholeFile, ['quickfix']).find((candidate) => candidate.title.startsWith('Change the id'))!;
  assert.equal(alone.title, 'Change the id to "Frontier-Model", after the file');
  assert.deepEqual(editsOf(alone.edit).map((edit) => edit.newText), ['Frontier-Model']);
});

test('a broken link that writes an entry file\'s name changes that entry\'s id, with its links, when the file, the title and most links agree', () => {
  const files = {
    'Index.md': index,
    'Computer-Vision.md': ['## Computer Vision {#ComputerVision .chapter .small .term}'],
    'A.md': ['[a](#Computer-Vision) [b](#Computer-Vision)'],
    'B.md': ['[c](#ComputerVision)'],
  };
  const linked = indexOf(files);
  const documentOf = (name: keyof typeof files) => TextDocument.create(uriOf(name), 'markdown', 1, files[name].join('\n'));
  const otherDocuments = new Map((['Computer-Vision.md', 'B.md'] as const).map((name) => [uriOf(name), { document: documentOf(name), openVersion: null }]));
  const uri = uriOf('A.md');
  const diagnostics = computeDiagnostics(linked.document(uri)!, linked, defaultConfig);
  assert.deepEqual(filesEditedByQuickFixes(linked, uri, diagnostics, wholeFile).sort(), [uriOf('B.md'), uriOf('Computer-Vision.md')]);
  const input = { index: linked, config: defaultConfig, document: documentOf('A.md'), diagnostics, documentChanges: true, renamesFiles: true, newEntryUri, otherDocuments };
  const onFirst = diagnostics.find((diagnostic) => diagnostic.code === 'broken-link')!;
  const actions = codeActions(input, onFirst.range, ['quickfix']);
  assert.deepEqual(titlesAndPreference(actions), [
    ['Change the id "ComputerVision" to "Computer-Vision", after its file, with the link to it (resolves 2 broken links)', true],
    ['Change to "ComputerVision", the entry "Computer Vision"', false],
  ]);
  const changes = new Map((actions[0]!.edit!.documentChanges as TextDocumentEdit[]).map((change) => [change.textDocument.uri, change.edits as TextEdit[]]));
  assert.deepEqual([...changes.keys()].sort(), [uriOf('B.md'), uriOf('Computer-Vision.md')]);
  assert.equal(TextDocument.applyEdits(documentOf('Computer-Vision.md'), changes.get(uriOf('Computer-Vision.md'))!), '## Computer Vision {#Computer-Vision .chapter .small .term}');
  assert.equal(TextDocument.applyEdits(documentOf('B.md'), changes.get(uriOf('B.md'))!), '[c](#Computer-Vision)');
  // At the heading, the same change resolves the broken links, and is the one to apply.
  const headingUri = uriOf('Computer-Vision.md');
  const headingDiagnostics = computeDiagnostics(linked.document(headingUri)!, linked, defaultConfig);
  const atHeading = codeActions({ ...input, document: documentOf('Computer-Vision.md'), diagnostics: headingDiagnostics, otherDocuments: new Map([[uriOf('B.md'), otherDocuments.get(uriOf('B.md'))!]]) }, wholeFile, ['quickfix']);
  assert.deepEqual(titlesAndPreference(atHeading).filter(([title]) => title.startsWith('Change the id')), [['Change the id to "Computer-Vision", after the file, with the link to it (resolves 2 broken links)', true]]);
  // When the entry's own id has as many links, or its title names something else, it is offered, not preferred.
  const even = indexOf({ ...files, 'B.md': ['[c](#ComputerVision) [d](#ComputerVision)'] });
  const evenDiagnostics = computeDiagnostics(even.document(uri)!, even, defaultConfig);
  const evenOthers = new Map([[headingUri, otherDocuments.get(headingUri)!], [uriOf('B.md'), { document: TextDocument.create(uriOf('B.md'), 'markdown', 1, '[c](#ComputerVision) [d](#ComputerVision)'), openVersion: null }]]);
  // (Listed after the fixes that are, for clients that keep the server's order.)
  assert.deepEqual(titlesAndPreference(codeActions({ ...input, index: even, diagnostics: evenDiagnostics, otherDocuments: evenOthers }, onFirst.range, ['quickfix'])), [
    ['Change to "ComputerVision", the entry "Computer Vision"', true],
    ['Change the id "ComputerVision" to "Computer-Vision", after its file, with the 2 links to it (resolves 2 broken links)', false],
  ]);
  // A copy of another entry under the file's name (its id defined twice) is offered no such change.
  const copy = indexOf({ ...files, 'ComputerVision.md': ['## Computer Vision {#ComputerVision .chapter .small .term}'] });
  const copyDiagnostics = computeDiagnostics(copy.document(uri)!, copy, defaultConfig);
  assert.deepEqual(filesEditedByQuickFixes(copy, uri, copyDiagnostics, wholeFile), []);
  assert.deepEqual(codeActions({ ...input, index: copy, diagnostics: copyDiagnostics }, onFirst.range, ['quickfix']).map((action) => action.title), ['Change to "ComputerVision", the entry "Computer Vision"']);
});

test('in the misnamed file itself, a broken link to the file\'s name and the heading get one and the same id change', () => {
  const lines = ['## Computer Vision {#ComputerVision .chapter .small .term}', '', 'Siehe [oben](#Computer-Vision).'];
  const files = { 'Index.md': index, 'Computer-Vision.md': lines, 'A.md': ['[a](#Computer-Vision)'] };
  const { actions } = actionsOf(files, 'Computer-Vision.md', ['quickfix']);
  const changes = actions.filter((action) => action.title.startsWith('Change the id'));
  assert.deepEqual(titlesAndPreference(changes), [['Change the id to "Computer-Vision", after the file (resolves 2 broken links)', true]]);
  assert.deepEqual(changes[0]!.diagnostics?.map((diagnostic) => diagnostic.code).sort(), ['anchor-file-mismatch', 'broken-link']);
});

test('a diagnostic picked in the Problems panel gets its own fixes, not those of the diagnostics inside its range', () => {
  const lines = ['## Zeta {#Zeta .chapter .small .term}', '', '### Siehe auch {.seealso}', '', '[Birne](#Birne) |', '[Apfel](#Apfl) |', '[Index](#Index) |'];
  const files = { 'Index.md': index, 'Zeta.md': lines, 'Apfel.md': ['## Apfel {#Apfel .term}'], 'Birne.md': ['## Birne {#Birne .term}'] };
  const linked = indexOf(files);
  const uri = uriOf('Zeta.md');
  const document = TextDocument.create(uri, 'markdown', 1, lines.join('\n'));
  const diagnostics = computeDiagnostics(linked.document(uri)!, linked, defaultConfig);
  const input = { index: linked, config: defaultConfig, document, diagnostics, documentChanges: true, renamesFiles: true, newEntryUri };
  const unsorted = diagnostics.find((diagnostic) => diagnostic.code === 'seealso-unsorted')!;
  const broken = diagnostics.find((diagnostic) => diagnostic.code === 'broken-link')!;
  const titles = (range: Range, named: readonly GlossaryDiagnostic[]) => codeActions(input, range, ['quickfix'], named.map(({ code, range }) => ({ code, range }))).map((action) => action.title);
  // As VS Code asks from the Problems panel: the diagnostic's range, naming every diagnostic it touches.
  const touching = (range: Range) => diagnostics.filter((diagnostic) => rangeText(diagnostic.range) === rangeText(range) || diagnostic === broken || diagnostic === unsorted);
  assert.deepEqual(titles(unsorted.range, touching(unsorted.range)), ['Sort the see-also list (Index last)']);
  assert.deepEqual(titles(broken.range, touching(broken.range)), ['Change to "Apfel"', 'Create entry "Apfl"']);
  // The cursor on the broken link (as VS Code asks for the light bulb): the fixes of both.
  const cursor = { start: broken.range.start, end: broken.range.start };
  assert.deepEqual(titles(cursor, [unsorted, broken]), ['Sort the see-also list (Index last)', 'Change to "Apfel"', 'Create entry "Apfl"']);
  // As Neovim asks: the cursor, naming the diagnostics that begin on its line (not the list's).
  assert.deepEqual(titles({ start: { line: broken.range.start.line, character: 0 }, end: { line: broken.range.start.line, character: 0 } }, [broken]), ['Sort the see-also list (Index last)', 'Change to "Apfel"', 'Create entry "Apfl"']);
});

test('of two diagnostics on one range, a client naming one gets its fixes alone; naming both or none, the fixes of both', () => {
  // An entry without a see-also section that the index does not list: both are reported at its heading.
  const lines = ['## Zeta {#Zeta .chapter .small .term}', '', 'Text.', '', '----'];
  const indexPage = ['# Index {#Index}', '', '### A {.index}', '', '[Apfel](#Apfel) |'];
  const files = { 'Index.md': indexPage, 'Zeta.md': lines, 'Apfel.md': ['## Apfel {#Apfel .term}'] };
  const linked = indexOf(files);
  const uri = uriOf('Zeta.md');
  const document = TextDocument.create(uri, 'markdown', 1, lines.join('\n'));
  const diagnostics = computeDiagnostics(linked.document(uri)!, linked, defaultConfig);
  const input = { index: linked, config: defaultConfig, document, diagnostics, documentChanges: true, renamesFiles: true, newEntryUri, otherDocuments: new Map([[uriOf('Index.md'), { document: TextDocument.create(uriOf('Index.md'), 'markdown', 0, indexPage.join('\n')), openVersion: null }]]) };
  const seeAlso = diagnostics.find((diagnostic) => diagnostic.code === 'missing-seealso')!;
  const notInIndex = diagnostics.find((diagnostic) => diagnostic.code === 'not-in-index')!;
  assert.equal(rangeText(seeAlso.range), rangeText(notInIndex.range));
  const titlesNaming = (named: readonly GlossaryDiagnostic[]) =>
    codeActions(input, seeAlso.range, ['quickfix'], named.map(({ code, range }) => ({ code, range }))).map((action) => action.title).sort();
  assert.deepEqual(titlesNaming([seeAlso]), ['Add a see-also section']);
  assert.deepEqual(titlesNaming([notInIndex]), ['Add "Zeta" to the index under "Z"']);
  assert.deepEqual(titlesNaming([seeAlso, notInIndex]), ['Add "Zeta" to the index under "Z"', 'Add a see-also section']);
  assert.deepEqual(titlesNaming([]), ['Add "Zeta" to the index under "Z"', 'Add a see-also section']);
});

test('the file is not renamed onto an existing file, nor the id changed to one that exists', () => {
  const lines = ['## Claude {#CNN .chapter .small .term}'];
  const { actions } = actionsOf({ 'Index.md': index, 'Claude.md': lines, 'CNN.md': ['## CNN {#Claude .term}'] }, 'Claude.md');
  assert.deepEqual(actions.filter((action) => /Rename|Change the id/.test(action.title)), []);
  // Nor onto a file whose name differs in case alone: one file on Windows and macOS.
  const alike = actionsOf({ 'Index.md': index, 'Claude.md': lines, 'cnn.md': ['## Other {#Other .term}'] }, 'Claude.md').actions;
  assert.deepEqual(alike.filter((action) => /Rename/.test(action.title)), []);
});

test('the fix-all source action sorts every list of the file, and `only` selects it alone', () => {
  const lines = [
    '## A {#A .chapter .small .term}',
    '',
    '### S {.seealso}',
    '',
    '[C](#C) |',
    '[B](#B) |',
    '[Index](#Index) |',
    '',
    '## D {#D .term}',
    '',
    '### S {.seealso}',
    '',
    '[F](#F) |',
    '[E](#E) |',
  ];
  const { actions, document } = actionsOf({ 'Index.md': index, 'A.md': lines }, 'A.md', [fixAllKind]);
  assert.deepEqual(actions.map((action) => action.kind), [fixAllKind]);
  const after = applied(actions[0], document);
  assert.deepEqual(after.slice(4, 7), ['[B](#B) |', '[C](#C) |', '[Index](#Index) |']);
  assert.deepEqual(after.slice(12), ['[E](#E) |', '[F](#F) |', '[Index](#Index) |']);
});

test('a file whose lists are all in order has no fix-all action', () => {
  const lines = ['## A {#A .chapter .small .term}', '', '### S {.seealso}', '', '[B](#B) |', '[Index](#Index) |', '', '----'];
  const { actions } = actionsOf({ 'Index.md': index, 'B.md': ['## B {#B .term}'], 'A.md': lines }, 'A.md');
  assert.deepEqual(actions, []);
});

test('creating an entry is not offered when its file exists and holds another entry, or a file named so but for case', () => {
  const { actions } = actionsOf({ 'Index.md': index, 'Claude.md': ['## CNN {#CNN .term}'], 'A.md': ['[c](#Claude)'] }, 'A.md');
  assert.deepEqual(actions.map((action) => action.title), []);
  // CUDA.md links #pyTorch: pyTorch.md and PyTorch.md are one file on Windows and macOS.
  const caseOnly = actionsOf({ 'Index.md': index, 'PyTorch.md': ['## PyTorch {#PyTorch .term}'], 'A.md': ['[pyTorch](#pyTorch)'] }, 'A.md');
  assert.deepEqual(caseOnly.actions.map((action) => action.title), ['Change to "PyTorch"']);
});

test('a broken link offers the entry whose title it names, preferred when alone; a close spelling is not preferred, and one that means another thing is not offered', () => {
  const files = {
    'Index.md': index,
    'GAN.md': ['## Generative Adversarial Network (GAN) {#Generative-Adversarial-Network .term}'],
    'Recurrent.md': ['## Gated Recurrent Unit (GRU) {#Gated-Recurrent-Unit .term}'],
    'DAN.md': ['## DAN {#DAN .term}'],
    'GPU.md': ['## GPU {#GPU .term}'],
    'Zero.md': ['## Few-Shot Learning {#Few-Shot-Learning .term}'],
    'Diffusion.md': ['## Diffusion Models {#DiffusionModels .term}'],
    'Bedrock.md': ['## Bedrock (Amazon) {#Bedrock .term}'],
    'Paperclip.md': ['## Paperclip Maximizer {#Paperclip-Maximierer .term}'],
    'A.md': ['[a](#GAN) [b](#GRU) [c](#Zero-Shot-Learning) [d](#Diffusion-Models) [e](#Amazon) [f](#Papierclip-Maximierer)'],
  };
  const { actions, document } = actionsOf(files, 'A.md');
  assert.deepEqual(
    titlesAndPreference(actions),
    [
      // Not DAN and GPU, abbreviations a letter away, nor Few-Shot-Learning, a word away.
      ['Change to "Generative-Adversarial-Network", the entry "Generative Adversarial Network (GAN)"', true],
      ['Change to "Gated-Recurrent-Unit", the entry "Gated Recurrent Unit (GRU)"', true],
      ['Create entry "GRU"', false],
      ['Create entry "Zero-Shot-Learning"', false],
      ['Change to "DiffusionModels", the entry "Diffusion Models"', true],
      ['Create entry "Diffusion-Models"', false],
      // "Bedrock (Amazon)" does not name Amazon: the brackets hold no abbreviation of the rest, nor the rest of them.
      ['Create entry "Amazon"', false],
      // A spelling a few letters away may be another term: offered, not applied without asking.
      ['Change to "Paperclip-Maximierer", the entry "Paperclip Maximizer"', false],
      ['Create entry "Papierclip-Maximierer"', false],
    ],
  );
  assert.deepEqual(applied(actions[0], document), ['[a](#Generative-Adversarial-Network) [b](#GRU) [c](#Zero-Shot-Learning) [d](#Diffusion-Models) [e](#Amazon) [f](#Papierclip-Maximierer)']);

  // Two entries of that title: neither is the clear choice.
  const twice = { ...files, 'GAN2.md': ['## Generative Adversarial Network {#GAN-Netz .term}'], 'A.md': ['[a](#Generative_Adversarial_Network)'] };
  assert.deepEqual(
    titlesAndPreference(actionsOf(twice, 'A.md').actions.filter((action) => action.title.startsWith('Change to'))),
    [
      ['Change to "Generative-Adversarial-Network", the entry "Generative Adversarial Network (GAN)"', false],
      ['Change to "GAN-Netz", the entry "Generative Adversarial Network"', false],
    ],
  );
});

test('a client that cannot rename files is not offered renaming the file; creating an entry it is (the server writes the file)', () => {
  const files = { 'Index.md': index, 'Model.md': ['## Model {#Modell .chapter .small .term}'], 'A.md': ['See [x](#Missing) here.'] };
  const client = { renamesFiles: false };
  assert.deepEqual(actionsOf(files, 'A.md', undefined, client).actions.map((action) => action.title), ['Create entry "Missing"']);
  assert.deepEqual(actionsOf(files, 'Model.md', undefined, client).actions.map((action) => action.title), ['Add a see-also section', 'Change the id to "Model", after the file']);
  assert.ok(actionsOf(files, 'Model.md').actions.some((action) => action.title === 'Rename the file to "Modell.md"'));
});

test('an id holding half of an emoji (an edit cut it) gets no entry and no crash', () => {
  const { actions } = actionsOf({ 'Index.md': index, 'A.md': ['[c](#Smile\uD83D)'] }, 'A.md');
  assert.deepEqual(actions.map((action) => action.title), []);
});

test('at a broken link inside an unsorted see-also list, the link\'s fix is the preferred one', () => {
  const lines = ['## A {#A .chapter .small .term}', '', '### Siehe auch {.seealso}', '', '[Zeta](#Zeta) |', '[Model](#Models) |', '[Index](#Index)', '', '----'];
  const files = { 'Index.md': index, 'Model.md': ['## Model {#Model .term}'], 'Zeta.md': ['## Zeta {#Zeta .term}'], 'A.md': lines };
  const indexOfFiles = indexOf(files);
  const uri = uriOf('A.md');
  const document = TextDocument.create(uri, 'markdown', 1, lines.join('\n'));
  const diagnostics = computeDiagnostics(indexOfFiles.document(uri)!, indexOfFiles, defaultConfig);
  const input = { index: indexOfFiles, config: defaultConfig, document, diagnostics, documentChanges: true, createsFiles: true, renamesFiles: true, newEntryUri };
  const preferredAt = (line: number, character: number) =>
    codeActions(input, { start: { line, character }, end: { line, character } }, undefined)
      .filter((action) => action.isPreferred)
      .map((action) => action.title);
  assert.deepEqual(preferredAt(5, 10), ['Change to "Model"'], 'on the id of the broken link');
  assert.deepEqual(preferredAt(4, 3), ['Sort the see-also list (Index last)'], 'elsewhere in the list');
});

test('a broken link whose label names an entry offers that entry, not preferred (the id may be an entry yet to write); a plural names it too', () => {
  const files = {
    'Index.md': index,
    'Transformer.md': ['## Transformer {#Transformer .term}'],
    'Small-Language-Model.md': ['## Small Language Model {#Small-Language-Model .term}'],
    'A.md': ['Die [Transformer](#Transformer-Architecture) und [Small Language Models](#SLM).'],
  };
  const { actions } = actionsOf(files, 'A.md');
  assert.deepEqual(
    titlesAndPreference(actions),
    [
      ['Change to "Transformer"', false],
      ['Create entry "Transformer-Architecture"', false],
      ['Change to "Small-Language-Model"', false],
      ['Create entry "SLM"', false],
    ],
  );
  const plural = actionsOf({ ...files, 'A.md': ['Die [SLMs](#Small-Language-Models).'] }, 'A.md').actions;
  assert.deepEqual(titlesAndPreference(plural)[0], ['Change to "Small-Language-Model"', true]);
  // A German ending, as mentions take them: the label in the singular, the title in the plural.
  const german = actionsOf({ ...files, 'Kognitiv.md': ['## Kognitive Architekturen {#Kognitive-Architectures .term}'], 'A.md': ['Eine [kognitive Architektur](#Kognitiv-Architektur).'] }, 'A.md').actions;
  assert.deepEqual(titlesAndPreference(german)[0], ['Change to "Kognitive-Architectures", the entry "Kognitive Architekturen"', false]);
});

test('the quick fixes of the diagnostics the editor names are offered wherever the cursor is on the line, as Neovim asks for them', () => {
  const files = { 'Index.md': index, 'Claude.md': entryLines('CNN', 'CNN', []) };
  const indexOfFiles = indexOf(files);
  const uri = uriOf('Claude.md');
  const document = TextDocument.create(uri, 'markdown', 1, files['Claude.md'].join('\n'));
  const diagnostics = computeDiagnostics(indexOfFiles.document(uri)!, indexOfFiles, defaultConfig);
  const input = { index: indexOfFiles, config: defaultConfig, document, diagnostics, documentChanges: true, createsFiles: true, renamesFiles: true, newEntryUri };
  const lineStart = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const mismatch = diagnostics.find((diagnostic) => diagnostic.code === 'anchor-file-mismatch')!;
  assert.deepEqual(codeActions(input, lineStart, ['quickfix']), [], 'the cursor is before the id');
  assert.deepEqual(
    codeActions(input, lineStart, ['quickfix'], [{ code: mismatch.code, range: mismatch.range }]).map((action) => action.title),
    ['Change the id to "Claude", after the file', 'Rename the file to "CNN.md"'],
  );
});

test('missing-chapter-heading: the first heading is made the chapter heading, its text, id and own classes kept; nothing is offered that would drop what it holds', () => {
  const fixOf = (name: string, first: string) => {
    const { actions, document } = actionsOf({ 'Index.md': index, 'Taken.md': ['## Taken {#Taken .chapter .small .term}'], [name]: [first, '', 'Text.'] }, name, ['quickfix']);
    const fixes = actions.filter((action) => action.title.startsWith('Make it the chapter heading'));
    return fixes.map((fix) => [fix.title, fix.isPreferred ?? false, applied(fix, document)]);
  };
  // Only the classes missing: the fix to apply.
  assert.deepEqual(fixOf('LAM.md', '## LAM {#LAM}'), [
    ['Make it the chapter heading: ## LAM {#LAM .chapter .small .term}', true, ['## LAM {#LAM .chapter .small .term}', '', 'Text.']],
  ]);
  assert.deepEqual(fixOf('Haiku.md', '### *Haiku* zum Thema {#Haiku-Id .term .extra}'), [
    ['Make it the chapter heading: ## *Haiku* zum Thema {#Haiku-Id .chapter .small .term .extra}', false, ['## *Haiku* zum Thema {#Haiku-Id .chapter .small .term .extra}', '', 'Text.']],
  ]);
  // Only the level wrong, as in the real glossary's Haiku.md: the fix to apply.
  assert.deepEqual(fixOf('Haiku.md', '### Haiku {#Haiku .chapter .small .term}'), [
    ['Make it the chapter heading: ## Haiku {#Haiku .chapter .small .term}', true, ['## Haiku {#Haiku .chapter .small .term}', '', 'Text.']],
  ]);
  // Without an id, the file's name gives it; one that no heading may take, or that another has, gives no fix.
  assert.deepEqual(fixOf('Data-Scraping.md', 'Data Scraping\n============='), [
    ['Make it the chapter heading: ## Data Scraping {#Data-Scraping .chapter .small .term}', false, ['## Data Scraping {#Data-Scraping .chapter .small .term}', '', 'Text.']],
  ]);
  assert.deepEqual(fixOf('3D-Druck.md', '# 3D-Druck'), [
    ['Make it the chapter heading: ## 3D-Druck {id="3D-Druck" .chapter .small .term}', false, ['## 3D-Druck {id="3D-Druck" .chapter .small .term}', '', 'Text.']],
  ]);
  // The text stays as written: a tab is no spaces.
  assert.deepEqual(fixOf('LAM.md', '## Large\tAction Model {#LAM}'), [
    ['Make it the chapter heading: ## Large\tAction Model {#LAM .chapter .small .term}', true, ['## Large\tAction Model {#LAM .chapter .small .term}', '', 'Text.']],
  ]);
  // The chapter snippet left before its id mirrored the title: the block of words gives way, its classes kept.
  assert.deepEqual(fixOf('Neuronales-Netz.md', '## Neuronales Netz {Neuronales Netz .chapter .small .term .extra}'), [
    ['Make it the chapter heading: ## Neuronales Netz {#Neuronales-Netz .chapter .small .term .extra}', true, ['## Neuronales Netz {#Neuronales-Netz .chapter .small .term .extra}', '', 'Text.']],
  ]);
  assert.deepEqual(fixOf('Taken.md', '# Taken'), []);
  assert.deepEqual(fixOf('Haiku.md', '## Haiku {#Haiku .term lang=de}'), []);
  assert.deepEqual(fixOf('Haiku.md', '## Haiku {#Haiku .chapter .small .term'), []);
  assert.deepEqual(fixOf('Haiku.md', 'Text first.\n\n## Haiku {#Haiku}'), []);
});

test('missing-chapter-heading: a chapter heading below the first line is said to be there, and moved to it, comments above it going below it, as pandoc reads the same', async () => {
  const movedBy = (lines: readonly string[]) => {
    const { actions, document } = actionsOf({ 'Index.md': index, 'A.md': lines }, 'A.md', ['quickfix']);
    const fixes = actions.filter((action) => action.diagnostics?.[0]?.code === 'missing-chapter-heading');
    return { message: fixes[0]?.diagnostics?.[0]?.message, fixes: titlesAndPreference(fixes), text: fixes[0] && applied(fixes[0], document) };
  };
  const entry = ['## A {#A .chapter .small .term}', '', 'Text.'];
  const commented = movedBy(['', '<!-- Entwurf,', 'noch prüfen -->', ...entry]);
  assert.deepEqual(commented, {
    message: 'The chapter heading stands on line 4: the layout rules put it on the first line of the file, with nothing above it.',
    fixes: [['Move the chapter heading to the first line', true]],
    text: ['## A {#A .chapter .small .term}', '', '<!-- Entwurf,', 'noch prüfen -->', '', 'Text.'],
  });
  // Pandoc reads the same heading, comment and text, the heading first.
  const blocks = (lines: readonly string[]) => pandocBlocksOfText(lines.join('\n')).map((block) => JSON.stringify(block));
  const [comment, heading, text] = blocks(['', '<!-- Entwurf,', 'noch prüfen -->', ...entry]);
  assert.deepEqual(blocks(commented.text!), [heading, comment, text]);
  assert.deepEqual(movedBy(['', '', ...entry]).text, entry);
  // Text above it is the writer's to place: said, not moved.
  assert.deepEqual(movedBy(['Vorwort.', '', ...entry]).fixes, []);
  const diagnostics = computeDiagnostics(indexOf({ 'Index.md': index, 'A.md': ['', ...entry] }).document(uriOf('A.md'))!, indexOf({ 'Index.md': index, 'A.md': ['', ...entry] }), defaultConfig);
  assert.deepEqual(diagnostics.filter((diagnostic) => diagnostic.code === 'missing-chapter-heading').map((diagnostic) => diagnostic.range), [{ start: { line: 1, character: 0 }, end: { line: 1, character: 31 } }]);
});

test('missing-chapter-heading in a folder whose files hold no entry, beside the entries: leave the files, or the folder, out of the glossary (in .glossary.json)', () => {
  const entry = (id: string, ...body: string[]): string[] => [`## ${id} {#${id} .chapter .small .term}`, '', 'Text.', ...body];
  const files: Record<string, readonly string[]> = {
    'README.md': ['# Ziel', '', 'Ein Glossar.'],
    'WRITING [rules].md': ['# Schreibstil', '', '## Beispiele'],
    'Abk.md': ['Die [KI]{#KI} und mehr.'],
    'index.txt': ['# Index {#Index}'],
    'src/de/A.md': entry('A', '', 'Siehe [KI](#KI) und [y](#Y).'),
    'src/de/Draft.md': ['# Draft', '', 'Text.'],
    'notes/Todo.md': ['# Todo'],
    'docs/Intro.md': ['# Intro'],
    'docs/de/B.md': entry('B'),
  };
  const config = uriOf('.glossary.json');
  /** The leave-out fixes of a file: title, preferred, arguments; `patternsFolder` null where the settings file's patterns would not name the file. */
  const leaveOut = (name: string, glossary = files, { patternsFolder = 'file:///ws' as string | null, indexPage = 'index.txt' } = {}) => {
    const index = indexOf(glossary);
    index.useIndexPage(uriOf(indexPage));
    const uri = uriOf(name);
    const document = TextDocument.create(uri, 'markdown', 1, glossary[name]!.join('\n'));
    const diagnostics = computeDiagnostics(index.document(uri)!, index, defaultConfig);
    assert.ok(diagnostics.some((diagnostic) => diagnostic.code === 'missing-chapter-heading'), name);
    const input = { index, config: defaultConfig, document, diagnostics, documentChanges: true, renamesFiles: true, newEntryUri, configFileUri: config, ...(patternsFolder !== null && { patternsFolderUri: patternsFolder }) };
    return codeActions(input, wholeFile, ['quickfix']).filter((action) => action.command?.command === ServerCommands.excludeFiles).map((action) => [action.title, action.isPreferred ?? false, action.command!.arguments]);
  };
  // The project's root: its files by name (in the patterns, their characters escaped), the one asked about first, never the index
  // page nor a file whose ids the entries link to; the fix to apply, as entries lie below.
  assert.deepEqual(leaveOut('README.md'), [
    ['Leave README.md and WRITING [rules].md out of the glossary (in .glossary.json)', true, [{ patterns: ['README.md', 'WRITING \\[rules\\].md'], configUri: config }]],
  ]);
  assert.deepEqual(leaveOut('Abk.md'), []);
  // A heading with an id among them: perhaps an entry to be; offered, not preferred.
  assert.deepEqual(leaveOut('README.md', { ...files, 'WRITING [rules].md': ['# Schreibstil', '', '## Beispiele {#Beispiele}'] }).map(([, preferred]) => preferred), [false]);
  // A folder beside the entries that holds no entry, nor below it: the folder, not preferred (a new language's first draft looks so).
  assert.deepEqual(leaveOut('notes/Todo.md'), [['Leave the folder notes out of the glossary (in .glossary.json)', false, [{ patterns: ['notes'], configUri: config }]]]);
  // Not a folder that holds the index page, at any depth, nor one with a file whose ids entries link to: its files that can go.
  const todoAlone = [['Leave notes/Todo.md out of the glossary (in .glossary.json)', false, [{ patterns: ['notes/Todo.md'], configUri: config }]]];
  assert.deepEqual(leaveOut('notes/Todo.md', { ...files, 'notes/pages/index.txt': ['# Index {#Index}'] }, { indexPage: 'notes/pages/index.txt' }), todoAlone);
  assert.deepEqual(leaveOut('notes/Todo.md', { ...files, 'notes/sub/Y.md': ['[y]{#Y}'] }), todoAlone);
  assert.deepEqual(leaveOut('notes/Todo.md', { ...files, 'notes/Y.md': ['[y]{#Y}'] }), todoAlone);
  // Entries below it: the file alone, to apply.
  assert.deepEqual(leaveOut('docs/Intro.md'), [['Leave docs/Intro.md out of the glossary (in .glossary.json)', true, [{ patterns: ['docs/Intro.md'], configUri: config }]]]);
  // Beside entries the file is checked as an entry; a file outside the patterns' folder, or patterns that would name paths in another workspace folder too: nothing.
  assert.deepEqual(leaveOut('src/de/Draft.md'), []);
  assert.deepEqual(leaveOut('README.md', files, { patternsFolder: 'file:///ws/src' }), []);
  assert.deepEqual(leaveOut('README.md', files, { patternsFolder: null }), []);
  // The patterns leave out what the titles name, and nothing else.
  const patterns = ['README.md', 'notes/Todo.md', 'docs/Intro.md'].flatMap((name) => (leaveOut(name)[0]![2] as [{ patterns: string[] }])[0].patterns);
  const matcher = createFileMatcher({ include: ['**/*.md'], exclude: patterns, baseUri: 'file:///ws' }, 'file:///ws');
  assert.deepEqual(Object.keys(files).filter((name) => name.endsWith('.md') && matcher.includesUri(uriOf(name))), ['Abk.md', 'src/de/A.md', 'src/de/Draft.md', 'docs/de/B.md']);
});

test('heading-in-text: a heading line right under text, in a list item or a quote is reported; the quick fix puts a blank line before it, and pandoc then reads the heading', async () => {
  const glued: [string[], string][] = [
    [['Text.', '### Beschreibung {#glued .explanation}'], 'glued'],
    [['- item', '## Lazy {#lazy}'], 'lazy'],
    [['1. one', '  # Under-indented {#under}'], 'under'],
    [['> quoted', '> ## In a quote {#quoted}'], 'quoted'],
    // A `<!--` in code opens no comment.
    [['Text `<!--`', '## After code {#after-code}', '', '-->'], 'after-code'],
    [['Text.\r', '## Windows {#crlf}\r', '\r', 'More.\r'], 'crlf'],
  ];
  for (const [body, id] of glued) {
    const files = { 'Index.md': index, 'A.md': ['## A {#A .chapter .small .term}', '', ...body] };
    const { actions, document } = actionsOf(files, 'A.md', ['quickfix']);
    const fixes = actions.filter((action) => action.title === 'Insert a blank line before the heading');
    assert.equal(fixes.length, 1, body.join('|'));
    assert.ok(fixes[0]!.isPreferred);
    assert.ok(!(await pandocFactsOfText(document.getText())).ids.includes(id), `pandoc reads #${id} as text`);
    const text = applied(fixes[0], document).join('\n');
    assert.ok((await pandocFactsOfText(text)).ids.includes(id), `with the blank line, pandoc reads the heading #${id}:\n${text}`);
  }
  const quote = actionsOf({ 'Index.md': index, 'A.md': ['## A {#A .chapter .small .term}', '', '> quoted', '> ## In a quote {#quoted}'] }, 'A.md', ['quickfix']);
  assert.deepEqual(applied(titled(quote.actions, 'Insert a blank line before the heading'), quote.document).slice(2), ['> quoted', '>', '> ## In a quote {#quoted}']);
  // Indented as its list item's text, the heading stays in the item; pandoc reads it there.
  for (const body of [['- Eins', '  ### Zwei {#in-item}', '', '  Drei.'], ['> - Eins', '>   ### Zwei {#in-item}']]) {
    const item = actionsOf({ 'Index.md': index, 'A.md': ['## A {#A .chapter .small .term}', '', ...body] }, 'A.md', ['quickfix']);
    const text = applied(titled(item.actions, 'Insert a blank line before the heading'), item.document);
    assert.deepEqual(text.slice(2), [body[0], body[0]!.startsWith('>') ? '>' : '', ...body.slice(1)]);
    assert.match(await pandocReadingWithoutSoftBreaks(text.join('\n')), /"BulletList",.*"Header"/, `pandoc reads the heading in the list item:\n${text.join('\n')}`);
  }
  // Not: after a blank line, indented, without a blank after the marks, in a comment, in code, in a
  // code span, math or a label over lines, after a block tag or TeX (which end the paragraph), in a
  // grid table's cell, after a fence under text (the lines after it are meant as code).
  const apart = [
    ['Text', '', '## Apart {#apart}'],
    ['Text', '   ## Indented {#indented}'],
    ['Text', '#hashtag'],
    ['<!-- draft', '## Commented {#commented}', '-->'],
    ['Text <!-- draft', '## Commented {#commented}', '-->'],
    ['~~~', 'Code', '## Coded {#coded}', '~~~'],
    ['Text `code', '# not a heading` more'],
    ['Text $x', '# y$ more'],
    ['Text [link', '# in the label](#A)'],
    ['Text', '<hr>', '# After a tag {#h}'],
    ['Text', '\\section{x}', '# After TeX {#t}'],
    ['+-----+-----+', '| a   | b   |', '| # H | c   |', '+-----+-----+'],
    ['Beispiel:', '~~~sh', '# Pakete installieren', 'pip install x', '~~~'],
  ];
  for (const body of apart) {
    const { actions } = actionsOf({ 'Index.md': index, 'A.md': ['## A {#A .chapter .small .term}', '', ...body] }, 'A.md', ['quickfix']);
    assert.deepEqual(actions.filter((action) => action.title === 'Insert a blank line before the heading'), [], body.join('|'));
  }
});

test('heading-in-text: a heading after a definition list with a caption under it is the list\'s next term, as pandoc reads it, however many blank lines stand above it; no blank line mends it, so no fix', async () => {
  const body = ['Begriff', ': Erklärung.', '', '', '### KI-Haikus zu A {#haikus .haiku}', ': Haikus zu A', '', '+-----+', '| Ja  |', '+-----+'];
  const files = { 'Index.md': index, 'A.md': ['## A {#A .chapter .small .term}', '', ...body] };
  const model = indexOf(files).document(uriOf('A.md'))!;
  const findings = computeDiagnostics(model, indexOf(files), defaultConfig).filter((diagnostic) => diagnostic.code === 'heading-in-text');
  assert.deepEqual(findings.map(({ range, message, data }) => [rangeText(range), message, data]), [
    [
      '6:0-6:35',
      'pandoc reads this line as a term of the definition list above it, not as a heading, as the line under it begins with ":" or "~" (as a table\'s caption): the list goes on over blank lines. Write the caption below its table, or end the list with a paragraph.',
      { kind: 'heading-in-text', definitionTerm: true },
    ],
  ]);
  const text = files['A.md'].join('\n');
  assert.ok(!(await pandocFactsOfText(text)).ids.includes('haikus'));
  assert.ok(!model.anchors.some((anchor) => anchor.id === 'haikus'));
  assert.deepEqual(actionsOf(files, 'A.md', ['quickfix']).actions.filter((action) => action.diagnostics?.[0]?.code === 'heading-in-text'), []);
  // The caption below its table, as the message says: pandoc reads the heading.
  const mended = ['## A {#A .chapter .small .term}', '', ...body.slice(0, 5), '', ...body.slice(7), '', ': Haikus zu A'];
  assert.ok((await pandocFactsOfText(mended.join('\n'))).ids.includes('haikus'));
  assert.deepEqual(diagnosticsOf({ ...files, 'A.md': mended }, 'A.md').filter((diagnostic) => diagnostic.code === 'heading-in-text'), []);
});

test('heading-in-text: a heading without a space after its marks is text to pandoc; the quick fix puts the space in, and pandoc then reads the heading', async () => {
  const unspaced: [string[], string, string][] = [
    [['Text.', '', '###Beschreibung {#nospace .explanation}'], 'nospace', '###'],
    [['Text.', '', '#Eins {#one}'], 'one', '#'],
    [['Text.', '', '####Vier', '', 'More.'], 'vier', '####'],
    // A no-break space is none to pandoc: the fix puts a space in its place.
    [['Text.', '', '##\u00A0Zwei {#two}'], 'two', '##'],
  ];
  for (const [body, id, marks] of unspaced) {
    const files = { 'Index.md': index, 'A.md': ['## A {#A .chapter .small .term}', '', ...body] };
    const findings = diagnosticsOf(files, 'A.md').filter((diagnostic) => diagnostic.code === 'heading-in-text');
    assert.deepEqual(findings.map(({ message }) => message), ['pandoc reads this line as text, not as a heading: a heading needs a space after its # marks.'], body.join('|'));
    const { actions, document } = actionsOf(files, 'A.md', ['quickfix']);
    const fix = titled(actions, `Put a space after ${marks}`);
    assert.ok(fix?.isPreferred, body.join('|'));
    assert.ok(!(await pandocFactsOfText(document.getText())).ids.includes(id), `pandoc reads #${id} as text`);
    const text = applied(fix, document).join('\n');
    assert.ok((await pandocFactsOfText(text)).ids.includes(id), `with the space, pandoc reads the heading #${id}:\n${text}`);
  }
  // Right under text too, the line wants both, each said with its fix; together pandoc reads the heading.
  const glued = { 'Index.md': index, 'A.md': ['## A {#A .chapter .small .term}', '', 'Text.', '##Glued {#glued}'] };
  assert.deepEqual(diagnosticsOf(glued, 'A.md').filter(({ code }) => code === 'heading-in-text').map(({ message }) => message), [
    'pandoc reads this line as text, not as a heading: a heading needs a blank line before it.',
    'pandoc reads this line as text, not as a heading: a heading needs a space after its # marks.',
  ]);
  const gluedFixes = actionsOf(glued, 'A.md', ['quickfix']);
  const spaced = applied(titled(gluedFixes.actions, 'Put a space after ##'), gluedFixes.document);
  assert.deepEqual(spaced.slice(3), ['## Glued {#glued}']);
  assert.deepEqual(diagnosticsOf({ ...glued, 'A.md': spaced }, 'A.md').filter(({ code }) => code === 'heading-in-text').map(({ message }) => message), ['pandoc reads this line as text, not as a heading: a heading needs a blank line before it.']);
  const spacedFixes = actionsOf({ ...glued, 'A.md': spaced }, 'A.md', ['quickfix']);
  const apart = applied(titled(spacedFixes.actions, 'Insert a blank line before the heading'), spacedFixes.document).join('\n');
  assert.ok((await pandocFactsOfText(apart)).ids.includes('glued'), apart);
  // The chapter heading written so is this finding alone, not also a missing chapter heading.
  const chapter = { 'Index.md': index, 'A.md': ['##A {#A .chapter .small .term}', '', 'Text.'], 'B.md': entryLines('B', 'B', []) };
  assert.deepEqual(diagnosticsOf(chapter, 'A.md').map(({ code, range }) => [code, range]), [['heading-in-text', '0:0-0:30']]);
  // Not: a hashtag (with a remark in braces too), in a list item, a line of seven marks, in a code span over lines, in a code block, in a comment.
  const notHeadings = [
    ['#hashtag'],
    ['#KI {sic}'],
    ['- ##Punkt'],
    ['#KI ist überall.'],
    ['#!/bin/sh'],
    ['#######Sieben'],
    ['Text `code', '##not a heading` more'],
    ['~~~', '##Code {#code}', '~~~'],
    ['<!--', '##Entwurf {#draft}', '-->'],
  ];
  for (const body of notHeadings) {
    const files = { 'Index.md': index, 'A.md': ['## A {#A .chapter .small .term}', '', ...body] };
    assert.deepEqual(diagnosticsOf(files, 'A.md').filter((diagnostic) => diagnostic.code === 'heading-in-text'), [], body.join('|'));
  }
});

test('link-syntax: a link pandoc reads as text or shows as nothing is reported; its fix writes the link pandoc reads, and the rest of the line stays', async () => {
  const birne = entryLines('Gelbe Birne', 'Birne', []);
  const cases: [line: string, message: string, title: string, fixed: string][] = [
    ['Siehe [die Birne] (#Birne), bitte.', 'pandoc reads no link here: no blank may stand between ] and (, and the book shows the target as text.', 'Remove the blank between ] and (', 'Siehe [die Birne](#Birne), bitte.'],
    ['Siehe [die Birne]\n(#Birne) hier.', 'pandoc reads no link here: no blank may stand between ] and (, and the book shows the target as text.', 'Remove the blank between ] and (', 'Siehe [die Birne](#Birne) hier.'],
    ['Siehe [[Birne]], bitte.', 'pandoc reads no wiki link [[…]]: in the book the brackets stand in the text. A link is written [label](#Id).', 'Write the link [Gelbe Birne](#Birne)', 'Siehe [Gelbe Birne](#Birne), bitte.'],
    ['Siehe [[Gelbe Birne]], bitte.', 'pandoc reads no wiki link [[…]]: in the book the brackets stand in the text. A link is written [label](#Id).', 'Write the link [Gelbe Birne](#Birne)', 'Siehe [Gelbe Birne](#Birne), bitte.'],
    ['Siehe [](#Birne), bitte.', 'The link has no text between its brackets: in the book there is nothing to see or click.', 'Write "Gelbe Birne" as the link\'s text', 'Siehe [Gelbe Birne](#Birne), bitte.'],
    ['Siehe [ ](#Birne), bitte.', 'The link has no text between its brackets: in the book there is nothing to see or click.', 'Write "Gelbe Birne" as the link\'s text', 'Siehe [Gelbe Birne](#Birne), bitte.'],
    ['Siehe [     ](#Birne), bitte.', 'The link has no text between its brackets: in the book there is nothing to see or click.', 'Write "Gelbe Birne" as the link\'s text', 'Siehe [Gelbe Birne](#Birne), bitte.'],
    ['Siehe [die Birne][Birne], bitte.', 'pandoc reads no link here: no reference definition gives [Birne], and no heading is titled so. A link to the id is written [label](#Birne).', 'Write the link [die Birne](#Birne)', 'Siehe [die Birne](#Birne), bitte.'],
    ['Siehe [Birne][], bitte.', 'pandoc reads no link here: no reference definition gives [Birne], and no heading is titled so. A link to the id is written [label](#Birne).', 'Write the link [Gelbe Birne](#Birne)', 'Siehe [Gelbe Birne](#Birne), bitte.'],
    ['Siehe [Birne], bitte.', 'pandoc reads no link here: no reference definition gives [Birne], and no heading is titled so. A link to the id is written [label](#Birne).', 'Write the link [Gelbe Birne](#Birne)', 'Siehe [Gelbe Birne](#Birne), bitte.'],
  ];
  const mentionsInA = (files: Record<string, readonly string[]>): number => {
    const indexed = indexOf(files);
    return computeDiagnostics(indexed.document(uriOf('A.md'))!, indexed, defaultConfig, files['A.md']!.join('\n')).filter((diagnostic) => diagnostic.code === 'unlinked-mention').length;
  };
  for (const [line, message, title, fixed] of cases) {
    const files = { 'Index.md': index, 'Birne.md': birne, 'A.md': entryLines('A', 'A', [], line.split('\n')) };
    assert.deepEqual(diagnosticsOf(files, 'A.md').filter((diagnostic) => diagnostic.code === 'link-syntax').map((diagnostic) => diagnostic.message), [message], line);
    // Nor does the text hold an unlinked mention: the target is no prose.
    assert.equal(mentionsInA(files), 0, line);
    const { actions, document } = actionsOf(files, 'A.md', ['quickfix']);
    const fix = titled(actions, title);
    assert.ok(fix?.isPreferred, `${line}: ${actions.map((action) => action.title).join(', ')}`);
    const text = applied(fix, document).join('\n');
    assert.equal(text, entryLines('A', 'A', [], [fixed]).join('\n'));
    // pandoc reads no link with text to #Birne before, and one after.
    const linkText = async (markdown: string): Promise<string[]> => (await pandocReadingWithoutSoftBreaks(markdown)).match(/"t":"Link","c":\[\["",\[\],\[\]\],\[[^\]]+\],\["#Birne"/g) ?? [];
    assert.deepEqual(await linkText(document.getText()), [], `pandoc reads no link with text in ${line}`);
    assert.equal((await linkText(text)).length, 1, `pandoc reads the link in ${text}`);
    assert.deepEqual(diagnosticsOf({ ...files, 'A.md': text.split('\n') }, 'A.md').filter((diagnostic) => diagnostic.code === 'link-syntax'), []);
  }
  // A heading retitled as the reference's key makes it a link in the book: the file that writes it is checked anew.
  const referring = indexOf({ 'Index.md': index, 'Birne.md': birne, 'A.md': entryLines('A', 'A', [], ['Siehe [Birne].']) });
  const linkSyntaxInA = () => computeDiagnostics(referring.document(uriOf('A.md'))!, referring, defaultConfig).filter((diagnostic) => diagnostic.code === 'link-syntax').length;
  assert.equal(linkSyntaxInA(), 1);
  const retitled = referring.update(parseGlossaryDocument(entryLines('Birne', 'Birne', []).join('\n'), uriOf('Birne.md'), 2));
  assert.ok(retitled.affectedUris.has(uriOf('A.md')), [...retitled.affectedUris].join(' '));
  assert.equal(linkSyntaxInA(), 0);
  // A wiki link to no entry gets no fix.
  const nowhere = { 'Index.md': index, 'A.md': entryLines('A', 'A', [], ['Siehe [[Quitte]].']) };
  assert.equal(diagnosticsOf(nowhere, 'A.md').filter((diagnostic) => diagnostic.code === 'link-syntax').length, 1);
  assert.deepEqual(actionsOf(nowhere, 'A.md', ['quickfix']).actions.filter((action) => action.diagnostics?.[0]?.code === 'link-syntax'), []);
  // Prose in parentheses that begin with # is read for mentions all the same.
  const prose = { 'Index.md': index, 'Birne.md': birne, 'A.md': entryLines('A', 'A', [], ['Ein Satz (#Tipp rund um die Gelbe Birne) hier.']) };
  assert.equal(mentionsInA(prose), 1);
  // The label a heading's title in the same file, which pandoc makes a link of: the target is text after it all the same.
  const headingTitled = { 'Index.md': index, 'A.md': entryLines('A', 'A', [], ['### Quellen {#quellen-a}', '', 'Siehe [Quellen] (#quellen-a).']) };
  assert.equal(diagnosticsOf(headingTitled, 'A.md').filter((diagnostic) => diagnostic.code === 'link-syntax').length, 1);
  // Not: a link, a link in brackets, brackets before words in parentheses, a task box, a note, a span,
  // an image without description as a link's label, escaped brackets, code, a citation, brackets in a URL,
  // references to no id, one that a definition gives, one to a heading titled so (a link in the book).
  const fine = ['[Quitte]', '[x][Quitte]', '[1]', '[die Birne][b]', '', '[b]: #Birne', '', '[Gelbe Birne]', '[Birne ist gelb][Gelbe Birne]', '[Birne](#Birne)', '[[Birne](#Birne)]', '[sic] (siehe oben)', '- [ ] offen', 'Text[^1]', '', '[^1]: Note.', '[Birne]{.mark}', '[![](bild.png)](#Birne)', '\\[Birne] (#Birne)', '`[Birne] (#Birne)`', '`[[Birne]]`', '[@key] (#Birne)', '[siehe @key, S. 3] (#Birne)', 'https://de.wikipedia.org/wiki/[[Birne]]'];
  const files = { 'Index.md': index, 'Birne.md': birne, 'A.md': entryLines('A', 'A', [], fine) };
  assert.deepEqual(diagnosticsOf(files, 'A.md').filter((diagnostic) => diagnostic.code === 'link-syntax'), []);
});

test('duplicate-anchor: a span taking a heading\'s id, `[label]{#Id}` typed for `[label](#Id)`, is said to be a link meant; its fix writes the parentheses', async () => {
  const birne = entryLines('Birne', 'Birne', []);
  const files = { 'Index.md': index, 'Birne.md': birne, 'A.md': entryLines('A', 'A', [], ['Siehe [die Birne]{#Birne}, bitte.']) };
  assert.deepEqual(diagnosticsOf(files, 'A.md').filter((diagnostic) => diagnostic.code === 'duplicate-anchor').map((diagnostic) => diagnostic.message), [
    'The span [die Birne]{#Birne} gives the id "Birne" again, which a heading gives at Birne.md:1: a link to it is written with parentheses, [die Birne](#Birne).',
  ]);
  const { actions, document } = actionsOf(files, 'A.md', ['quickfix']);
  const fix = titled(actions, 'Write a link to #Birne: (#Birne) for {#Birne}');
  assert.ok(fix?.isPreferred);
  const text = applied(fix, document);
  assert.deepEqual(text, entryLines('A', 'A', [], ['Siehe [die Birne](#Birne), bitte.']));
  assert.deepEqual((await pandocFactsOfText(document.getText())).ids.filter((id) => id === 'Birne'), ['Birne'], 'pandoc reads a span with the id');
  assert.deepEqual((await pandocFactsOfText(text.join('\n'))).links.filter((id) => id === 'Birne'), ['Birne'], 'and then a link to it');
  assert.deepEqual(diagnosticsOf({ ...files, 'A.md': text }, 'A.md').filter((diagnostic) => diagnostic.code === 'duplicate-anchor'), []);
  // A span with classes, or one whose id another span gives, is an anchor meant: said as before, no fix.
  for (const line of ['Siehe [die Birne]{#Birne .mark}.', 'Siehe [Anker]{#anker} und [Anker]{#anker}.']) {
    const other = { ...files, 'A.md': entryLines('A', 'A', [], [line]) };
    assert.ok(diagnosticsOf(other, 'A.md').filter((diagnostic) => diagnostic.code === 'duplicate-anchor').every((diagnostic) => diagnostic.message.startsWith('The id ')), line);
    assert.deepEqual(actionsOf(other, 'A.md', ['quickfix']).actions.filter((action) => action.diagnostics?.[0]?.code === 'duplicate-anchor'), [], line);
  }
});

test('self-link: the link pointed at the entry its label names (preferred), or, in a sentence, removed with its text kept, or taken out of a see-also list', async () => {
  const files = (...body: string[]): Record<string, readonly string[]> => ({
    'Index.md': index,
    'RoBERTa.md': ['## RoBERTa {#RoBERTa .chapter .small .term}'],
    'BERT.md': ['## BERT {#BERT .chapter .small .term}', '', ...body],
  });
  const fixesOf = (input: Record<string, readonly string[]>) => {
    const { actions, document } = actionsOf(input, 'BERT.md', ['quickfix']);
    return { actions: actions.filter((action) => action.diagnostics?.[0]?.code === 'self-link'), document };
  };
  const named = fixesOf(files('Vergleiche [RoBERTa](#BERT) und **[BERT](#BERT)**.'));
  assert.deepEqual(titlesAndPreference(named.actions), [
    ['Change to "RoBERTa"', true],
    ['Remove the link, keeping its text', false],
    ['Remove the link, keeping its text', true],
  ]);
  assert.equal(applied(named.actions[0], named.document)[2], 'Vergleiche [RoBERTa](#RoBERTa) und **[BERT](#BERT)**.');
  assert.equal(applied(named.actions[2], named.document)[2], 'Vergleiche [RoBERTa](#BERT) und **BERT**.');
  // In a see-also list the link is taken out of the list, with its line: removed so, it would leave its text in the list.
  const listed = fixesOf(files('Text.', '', '### Siehe auch {.seealso}', '', '[BERT](#BERT) |', '[Index](#Index)'));
  assert.deepEqual(titlesAndPreference(listed.actions), [['Remove this link to #BERT from the see-also list', true]]);
  assert.deepEqual(applied(listed.actions[0], listed.document).slice(2), ['Text.', '', '### Siehe auch {.seealso}', '', '[Index](#Index)']);
});

test('seealso-separator: the separator the list\'s other items end with put after the link (the template\'s " |" where none has one), preferred; pandoc runs no two links together then', async () => {
  const cases: [string[], string, string[]][] = [
    [['[B](#B) |', '[C](#C)', '[D](#D) |', '[Index](#Index) |'], 'Put "|" after the link', ['[B](#B) |', '[C](#C) |', '[D](#D) |', '[Index](#Index) |']],
    [['[B](#B) · [C](#C) [D](#D) ·', '[Index](#Index)'], 'Put "·" after the link', ['[B](#B) · [C](#C) · [D](#D) ·', '[Index](#Index)']],
    [['[B](#B)', '[Index](#Index)'], 'Put "|" after the link', ['[B](#B) |', '[Index](#Index)']],
    // After the emphasis that wraps the link, and the separator read after the others' emphasis.
    [['*[B](#B)* ·', '**[C](#C)**', '[Index](#Index)'], 'Put "·" after the link', ['*[B](#B)* ·', '**[C](#C)** ·', '[Index](#Index)']],
  ];
  for (const [list, title, fixed] of cases) {
    const files = { 'Index.md': index, 'B.md': ['## B {#B .chapter .small .term}'], 'C.md': ['## C {#C .chapter .small .term}'], 'D.md': ['## D {#D .chapter .small .term}'], 'A.md': ['## A {#A .chapter .small .term}', '', '### Siehe {.seealso}', '', ...list] };
    const { actions, document } = actionsOf(files, 'A.md', ['quickfix']);
    const fixes = actions.filter((action) => action.diagnostics?.[0]?.code === 'seealso-separator');
    assert.deepEqual(titlesAndPreference(fixes), [[title, true]], list.join('|'));
    const text = applied(fixes[0], document);
    assert.deepEqual(text.slice(4), fixed);
    assert.deepEqual(await pandocSeeAlsoLinksRunTogether([], text.join('\n')), []);
  }
});

test('seealso-duplicate: the later link removed (preferred, but for an alias), with its line where it stands alone, else with what parts it from its neighbour; pandoc reads the list without it', async () => {
  const cases: [string[], string[]][] = [
    [['[B](#B) |', '[b](#B) |', '[C](#C) |', '[Index](#Index)'], ['[B](#B) |', '[C](#C) |', '[Index](#Index)']],
    [['- [B](#B)', '- [C](#C)', '- [B](#B)', '- [Index](#Index)'], ['- [B](#B)', '- [C](#C)', '- [Index](#Index)']],
    [['[B](#B) | [B](#B) | [C](#C) |', '[Index](#Index)'], ['[B](#B) | [C](#C) |', '[Index](#Index)']],
    [['[B](#B) | [C](#C) | [B](#B) |', '[Index](#Index)'], ['[B](#B) | [C](#C) |', '[Index](#Index)']],
    [['[B](#B) |', '[Index](#Index) |', '[C](#C) |', '[Index](#Index)'], ['[B](#B) |', '[C](#C) |', '[Index](#Index)']],
    // The last line of the file.
    [['[B](#B) |', '[Index](#Index) |', '[B](#B)'], ['[B](#B) |', '[Index](#Index) |']],
    // Another label of the id, an alias that may be meant: offered, not preferred.
    [['[B](#B) |', '[Bee](#B) |', '[Index](#Index)'], ['[B](#B) |', '[Index](#Index)']],
  ];
  const fixesFor = (list: readonly string[]) => {
    const body = ['## A {#A .chapter .small .term}', '', '### Siehe {.seealso}', '', ...list];
    const files = { 'Index.md': index, 'B.md': ['## B {#B .chapter .small .term}'], 'C.md': ['## C {#C .chapter .small .term}'], 'A.md': body };
    const { actions, document } = actionsOf(files, 'A.md', ['quickfix']);
    const reported = computeDiagnostics(indexOf(files).document(uriOf('A.md'))!, indexOf(files), defaultConfig).some((diagnostic) => diagnostic.code === 'seealso-duplicate');
    assert.ok(reported, `a second link in ${list.join('|')}`);
    return { fixes: actions.filter((action) => action.diagnostics?.[0]?.code === 'seealso-duplicate'), document };
  };
  for (const [list, fixed] of cases) {
    const { fixes, document } = fixesFor(list);
    assert.equal(fixes.length, 1, list.join('|'));
    assert.equal(fixes[0]!.isPreferred ?? false, !list.includes('[Bee](#B) |'), list.join('|'));
    const text = applied(fixes[0], document);
    assert.deepEqual(text.slice(4), fixed);
    // pandoc reads the links as they are written in the list left.
    assert.deepEqual((await pandocFactsOfText(text.join('\n'))).links, fixed.flatMap((line) => [...line.matchAll(/\(#(\w+)\)/g)].map((match) => match[1])), list.join('|'));
  }
  // Where more than blanks, a marker and a separator would go with the link or be left to another: no fix.
  for (const list of [
    ['[B](#B) |', '[B](#B) <!-- alt', 'Kommentar --> |', '[Index](#Index)'],
    ['- [B](#B)', '- [B](#B): eine Notiz', '  geht weiter', '- [Index](#Index)'],
    ['- [B](#B)', '- [B](#B)', '  geht weiter', '- [Index](#Index)'],
    ['[B](#B) – erste Notiz | [B](#B) – zweite |', '[Index](#Index)'],
    ['[B](#B) | **[B](#B)** |', '[Index](#Index)'],
    ['[B](#B) |', '**[B](#B)** | [C](#C) |', '[Index](#Index)'],
  ]) {
    assert.deepEqual(fixesFor(list).fixes, [], list.join('|'));
  }
});

test('fence-style: the quick fix fences the code block with ~~~ (longer where the code holds tildes), after a blank line under text, and pandoc reads the same code', async () => {
  const cases: [string[], string[]][] = [
    [['```python', 'print(1)', '```'], ['~~~python', 'print(1)', '~~~']],
    [['````', '~~~ inside', '`````'], ['~~~~', '~~~ inside', '~~~~']],
    [['Beispiel:', '```sh', 'ls', '```'], ['Beispiel:', '', '~~~sh', 'ls', '~~~']],
    [['> Zitat:', '> ```', '> code', '> ```'], ['> Zitat:', '>', '> ~~~', '> code', '> ~~~']],
    [['- Punkt', '  ```', '  code', '  ```'], ['- Punkt', '', '  ~~~', '  code', '  ~~~']],
  ];
  for (const [body, fixed] of cases) {
    const { actions, document } = actionsOf({ 'Index.md': index, 'A.md': ['## A {#A .chapter .small .term}', '', ...body] }, 'A.md', ['quickfix']);
    const fixes = actions.filter((action) => action.diagnostics?.[0]?.code === 'fence-style');
    assert.equal(fixes.length, 1, body.join('|'));
    assert.ok(fixes[0]!.isPreferred);
    const text = applied(fixes[0], document);
    assert.deepEqual(text.slice(2), fixed);
    assert.deepEqual(await pandocCodeBlocksOfText(text.join('\n')), await pandocCodeBlocksOfText(document.getText()), body.join('|'));
  }
  // A fence never closed is unclosed-block's: no fix.
  const unclosed = actionsOf({ 'Index.md': index, 'A.md': ['## A {#A .chapter .small .term}', '', '```', 'code'] }, 'A.md', ['quickfix']);
  assert.deepEqual(unclosed.actions.filter((action) => action.diagnostics?.[0]?.code === 'fence-style'), []);
});

test('fence-style of indented code: fence it with ~~~ or take the indentation away, neither preferred; pandoc reads the same code, or text', async () => {
  const cases: [string[], string[], string[]][] = [
    [['Text.', '', '    echo hi', '', '        deeper', 'after'], ['Text.', '', '~~~', 'echo hi', '', '    deeper', '~~~', 'after'], ['Text.', '', 'echo hi', '', 'deeper', '', 'after']],
    // Text right under the block stays a paragraph of its own.
    [['    echo hi', '    more', 'after', 'too'], ['~~~', 'echo hi', 'more', '~~~', 'after', 'too'], ['echo hi', 'more', '', 'after', 'too']],
    [['\t~~~ inside'], ['~~~~', '~~~ inside', '~~~~'], ['~~~ inside']],
    // A blank line holding spaces: pandoc's code keeps those past the four columns.
    [['    echo hi', '      ', '    more'], ['~~~', 'echo hi', '  ', 'more', '~~~'], ['echo hi', '      ', 'more']],
    [['- Punkt', '', '      in the item', '      more'], ['- Punkt', '', '  ~~~', '  in the item', '  more', '  ~~~'], ['- Punkt', '', '  in the item', '  more']],
  ];
  for (const [body, fenced, unindented] of cases) {
    const { actions, document } = actionsOf({ 'Index.md': index, 'A.md': ['## A {#A .chapter .small .term}', '', ...body] }, 'A.md', ['quickfix']);
    const fixes = actions.filter((action) => action.diagnostics?.[0]?.code === 'fence-style');
    assert.deepEqual(titlesAndPreference(fixes), [['Fence the code block with ~~~', false], ['Take the indentation away: the lines are text', false]], body.join('|'));
    const fencedText = applied(fixes[0], document);
    assert.deepEqual(fencedText.slice(2), fenced);
    assert.deepEqual(await pandocCodeBlocksOfText(fencedText.join('\n')), await pandocCodeBlocksOfText(document.getText()), body.join('|'));
    const text = applied(fixes[1], document);
    assert.deepEqual(text.slice(2), unindented);
    assert.deepEqual(await pandocCodeBlocksOfText(text.join('\n')), [], body.join('|'));
  }
  // In a quote the lines hold its marks before the blanks: no fix.
  const quoted = actionsOf({ 'Index.md': index, 'A.md': ['## A {#A .chapter .small .term}', '', '>     quoted'] }, 'A.md', ['quickfix']);
  assert.deepEqual(quoted.actions.filter((action) => action.diagnostics?.[0]?.code === 'fence-style'), []);
});

test('lone-carriage-return: reported once per file, at the first line that ends in a carriage return alone, which pandoc joins with the next; the fix writes them as most of the file\'s line breaks, or removes one right before a line break', async () => {
  const heading = '## A {#A .chapter .small .term}';
  const cases: { text: string; at: string; title: string; fixed: string; idsAfter: string[] }[] = [
    // Stray carriage returns in an LF file (copied in from elsewhere): the heading after them is lost.
    { text: `${heading}\n\nText.\r\r### Beschreibung {#besch .explanation}\n\nMehr.\n`, at: '2:5-3:0', title: 'Write the 2 line breaks as LF', fixed: `${heading}\n\nText.\n\n### Beschreibung {#besch .explanation}\n\nMehr.\n`, idsAfter: ['A', 'besch'] },
    // A carriage return right before CRLF: to pandoc one line break, so no blank line stands before the heading.
    // Removed, the text reads as pandoc reads it (and heading-in-text then tells of the heading).
    { text: `${heading}\r\n\r\nText.\r\r\n### Beschreibung {#besch .explanation}\r\n`, at: '2:5-3:0', title: 'Remove the carriage return before the line break', fixed: `${heading}\r\n\r\nText.\r\n### Beschreibung {#besch .explanation}\r\n`, idsAfter: ['A'] },
    // The line break written as most of the file's are: a stray \r\n counts for neither, and after a carriage return removed it is written as LF too.
    { text: `${heading}\n\nText.\r\r## Mehr {#mehr}\r\r\nEnde.\n`, at: '2:5-3:0', title: 'Write the carriage returns as LF line breaks, and remove those right before line breaks', fixed: `${heading}\n\nText.\n\n## Mehr {#mehr}\nEnde.\n`, idsAfter: ['A', 'mehr'] },
    { text: `${heading}\n\nText.\r\r\nMehr.\n`, at: '2:5-3:0', title: 'Remove the carriage return before the line break', fixed: `${heading}\n\nText.\nMehr.\n`, idsAfter: ['A'] },
    // A file with old Mac line endings throughout: to pandoc it is one heading. The last, which joins nothing, is mended too.
    { text: `${heading}\r\rText.\r\r### Beschreibung {#besch .explanation}\r`, at: '0:31-1:0', title: 'Write the 4 line breaks as LF', fixed: `${heading}\n\nText.\n\n### Beschreibung {#besch .explanation}\n`, idsAfter: ['A', 'besch'] },
  ];
  for (const { text, at, title, fixed, idsAfter } of cases) {
    const files = { 'Index.md': index, 'A.md': [text] };
    const diagnostics = computeDiagnostics(indexOf(files).document(uriOf('A.md'))!, indexOf(files), defaultConfig).filter((diagnostic) => diagnostic.code === 'lone-carriage-return');
    assert.deepEqual(diagnostics.map((diagnostic) => [rangeText(diagnostic.range), diagnostic.severity]), [[at, 'warning']], JSON.stringify(text));
    const count = text.trimEnd().match(/\r(?!\n)/g)!.length;
    assert.match(diagnostics[0]!.message, count === 1 ? /^This line ends in a carriage return/ : new RegExp(`^This line and ${count - 1} more of this file`));
    const { actions, document } = actionsOf(files, 'A.md', ['quickfix']);
    const fix = titled(actions, title);
    assert.ok(fix?.isPreferred, `${title}: ${JSON.stringify(actions.map((action) => action.title))}`);
    const after = TextDocument.applyEdits(document, editsOf(fix!.edit));
    assert.equal(after, fixed);
    const [before, mended] = await Promise.all([pandocFactsOfText(text), pandocFactsOfText(after)]);
    assert.deepEqual(mended.ids, idsAfter);
    // Removed carriage returns change nothing of what pandoc reads; written as line breaks, they give back what the editor showed.
    if (title.startsWith('Remove')) assert.deepEqual(mended, before);
    else assert.notDeepEqual(before.ids, idsAfter, `pandoc joins the lines: ${JSON.stringify(text)}`);
  }
  // Line feeds alone or after carriage returns, and carriage returns alone at the end, which join nothing, are no finding.
  for (const text of [`${heading}\n\nText.\n`, `${heading}\r\n\r\nText.\r\n`, `${heading}\n\nText.\r`, `${heading}\n\nText.\n\r\r`]) {
    const files = { 'Index.md': index, 'A.md': [text] };
    assert.ok(!computeDiagnostics(indexOf(files).document(uriOf('A.md'))!, indexOf(files), defaultConfig).some((diagnostic) => diagnostic.code === 'lone-carriage-return'), JSON.stringify(text));
  }
});

/** The chapter snippet's haiku table with the writer's lines in its placeholders (`$2` to `$10`), as VS Code inserts it. */
function haikuTableOfSnippet(lines: readonly string[]): string[] {
  const snippets = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../../snippets/glossary.code-snippets'), 'utf8')) as Record<string, { body: string[] }>;
  const body = snippets['Haiku table']!.body;
  return body
    .filter((line) => /^[+|]/.test(line))
    .map((line) => line.replace(/\$\{(\d+):[^}]*\}/g, (_, n: string) => lines[Number(n) - 2]!).replace(/\\\\/g, '\\'));
}

test('table-misaligned: the haiku table of the chapter snippet, once written, is reported where its | leave the columns; the fix lines them up, and pandoc then reads each haiku line in its cell', async () => {
  const haikus = [
    'Modulares Denken', 'Kognition in Regeln', 'Code wird zum Gehirn',
    'Maschinen denken,', 'wie der Mensch es einst tat – doch', 'nur mit mehr Geduld.',
    'Denkprozesse 🤖', 'Menschlich simuliert', 'KI lernt wie wir',
  ];
  const table = haikuTableOfSnippet(haikus);
  const entry = (rows: readonly string[]) => ['## ACT-R {#ACT-R .chapter .small .term}', '', '### KI-Haikus zu ACT-R {.haiku}', '', ...rows, '', '### Verwandte Themen {.seealso}', '', '[Index](#Index) |', ''];
  const files = { 'Index.md': index, 'ACT-R.md': entry(table) };
  const diagnostics = computeDiagnostics(indexOf(files).document(uriOf('ACT-R.md'))!, indexOf(files), defaultConfig).filter((diagnostic) => diagnostic.code === 'table-misaligned');
  // The first row line, whose first haiku line is shorter than its placeholder, is where the table goes wrong.
  assert.deepEqual(diagnostics.map((diagnostic) => [rangeText(diagnostic.range), diagnostic.severity]), [[`7:0-7:${table[3]!.length}`, 'warning']]);
  const wanted = [['Claude', 'ChatGPT', 'Grok'], [haikus.slice(0, 3), haikus.slice(3, 6), haikus.slice(6)].map((lines) => lines.join(' '))];
  assert.notDeepEqual(await pandocTableCellsOfText(table.join('\n')), [wanted], 'pandoc mixes up the cells of the written table');

  const { actions, document } = actionsOf(files, 'ACT-R.md', ['quickfix']);
  const fix = titled(actions, "Line up the table's columns");
  assert.ok(fix?.isPreferred, JSON.stringify(actions.map((action) => action.title)));
  const after = applied(fix, document);
  assert.deepEqual(await pandocTableCellsOfText(after.join('\n')), [wanted]);
  // Only blanks and the borders' lines changed, and only in the table.
  const ink = (lines: readonly string[]) => lines.join('\n').replace(/[ \-=]/g, '');
  assert.equal(ink(after), ink(files['ACT-R.md']));
  assert.deepEqual(after.filter((line) => !/^[+|]/.test(line)), files['ACT-R.md'].filter((line) => !/^[+|]/.test(line)));
  const fixed = { ...files, 'ACT-R.md': after };
  assert.ok(!computeDiagnostics(indexOf(fixed).document(uriOf('ACT-R.md'))!, indexOf(fixed), defaultConfig).some((diagnostic) => diagnostic.code === 'table-misaligned'));
  // As inserted, with its placeholders, the table is aligned.
  const placeholders = haikuTableOfSnippet(Array.from({ length: 9 }, (_, k) => `Zeile ${(k % 3) + 1} (${k % 3 === 1 ? 7 : 5} Silben)`));
  const inserted = { ...files, 'ACT-R.md': entry(placeholders) };
  assert.ok(!computeDiagnostics(indexOf(inserted).document(uriOf('ACT-R.md'))!, indexOf(inserted), defaultConfig).some((diagnostic) => diagnostic.code === 'table-misaligned'));
});

test('table-misaligned: a foot over all columns (as the real haiku tables end) is no finding, and is widened with the table; a row with a | in a cell gets no fix', () => {
  const table = [
    '+------------+------------+',
    '| Claude     | Grok       |',
    '+:===========+===========:+',
    '| Ein langer Haiku-Vers\\ | Kurz |',
    '+:===========+===========:+',
    '| "Ein Zitat über beide Spalten" (Claude) |',
    '+:========================:+',
  ];
  const files = { 'Index.md': index, 'A.md': ['## A {#A .chapter .small .term}', '', ...table, ''] };
  const found = computeDiagnostics(indexOf(files).document(uriOf('A.md'))!, indexOf(files), defaultConfig).filter((diagnostic) => diagnostic.code === 'table-misaligned');
  assert.deepEqual(found.map((diagnostic) => rangeText(diagnostic.range)), ['5:0-5:33']);
  const { actions, document } = actionsOf(files, 'A.md', ['quickfix']);
  assert.deepEqual(applied(titled(actions, "Line up the table's columns"), document).slice(2, 9), [
    '+------------------------+----------------+',
    '| Claude                 | Grok           |',
    '+:=======================+===============:+',
    '| Ein langer Haiku-Vers\\ | Kurz           |',
    '+:=======================+===============:+',
    '| "Ein Zitat über beide Spalten" (Claude) |',
    '+:=======================================:+',
  ]);
  // Lined up, the table's lines meet its columns.
  const linedUp = { ...files, 'A.md': applied(titled(actions, "Line up the table's columns"), document) };
  assert.ok(!computeDiagnostics(indexOf(linedUp).document(uriOf('A.md'))!, indexOf(linedUp), defaultConfig).some((diagnostic) => diagnostic.code === 'table-misaligned'));
  // A foot that meets the edges is none.
  const aligned = ['+------+------+', '| a    | b    |', '+:=====+=====:+', '| Fuß: a und b|', '+:===========:+'];
  const withFoot = { 'Index.md': index, 'A.md': ['## A {#A .chapter .small .term}', '', ...aligned, ''] };
  assert.ok(!computeDiagnostics(indexOf(withFoot).document(uriOf('A.md'))!, indexOf(withFoot), defaultConfig).some((diagnostic) => diagnostic.code === 'table-misaligned'));
  // A | written in a cell: which cell its text belongs to is not known, and nothing is moved.
  const piped = { 'Index.md': index, 'A.md': ['## A {#A .chapter .small .term}', '', '+------+------+', '| a | x  | b    |', '+------+------+', ''] };
  assert.equal(computeDiagnostics(indexOf(piped).document(uriOf('A.md'))!, indexOf(piped), defaultConfig).filter((diagnostic) => diagnostic.code === 'table-misaligned').length, 1);
  assert.equal(titled(actionsOf(piped, 'A.md', ['quickfix']).actions, "Line up the table's columns"), undefined);
  // A cell over two rows (pandoc 3: a `+` line with a blank where its border goes on) is not redrawn as a border.
  const rowSpan = { 'Index.md': index, 'A.md': ['## A {#A .chapter .small .term}', '', '+------+------+', '| a    | b    |', '+      +------+', '|      | c, länger |', '+------+------+', ''] };
  assert.equal(computeDiagnostics(indexOf(rowSpan).document(uriOf('A.md'))!, indexOf(rowSpan), defaultConfig).filter((diagnostic) => diagnostic.code === 'table-misaligned').length, 1);
  assert.equal(titled(actionsOf(rowSpan, 'A.md', ['quickfix']).actions, "Line up the table's columns"), undefined);
});

test('table-misaligned: a border line with a + between the columns, and a row whose lines disagree on its columns, are reported; a row over all columns between full borders is not', () => {
  const reported = (table: string[]) => {
    const files = { 'Index.md': index, 'A.md': ['## A {#A .chapter .small .term}', '', ...table, ''] };
    return computeDiagnostics(indexOf(files).document(uriOf('A.md'))!, indexOf(files), defaultConfig).filter((diagnostic) => diagnostic.code === 'table-misaligned').map((diagnostic) => diagnostic.range.start.line - 2);
  };
  // A `=` added by hand moves the header's separator: pandoc cuts the header at it (2.17) or reads each row as one cell (3).
  assert.deepEqual(reported(['+------+------+', '| a    | b    |', '+=======+=====+', '| c    | d    |', '+------+------+']), [2]);
  // One line of a row without the `|` the others have: pandoc 3 reads the row as one cell, `a | b c d`.
  assert.deepEqual(reported(['+---+---+', '| a | b |', '| c  d  |', '+---+---+']), [2]);
  // A cell over both columns between full borders is pandoc 3's, and no finding; nor is a `|` in its text that parts no cells.
  assert.deepEqual(reported(['+---+---+', '| a | b |', '+---+---+', '| spans |', '+---+---+', '| c | d |', '+---+---+']), []);
  assert.deepEqual(reported(['+------+------+', '| a    | b    |', '+======+======+', '| x \\| y      |', '| `x|y`       |', '+------+------+']), []);
  // Cells over several rows, or a column the top border has not (the pandoc manual's table): pandoc 3 reads them, and they are not judged.
  const manual = [
    '+---------------------+----------+', '| Property            | Earth    |', '+=============+=======+==========+', '|             | min   | -89.2 °C |',
    '| Temperature +-------+----------+', '| 1961-1990   | mean  | 14 °C    |', '|             +-------+----------+', '|             | max   | 56.7 °C  |', '+-------------+-------+----------+',
  ];
  assert.deepEqual(reported(manual), []);
  assert.deepEqual(reported(['+-------+', '| a     |', '+---+---+', '| b | c |', '+---+---+']), []);
});

test('table-misaligned: no fix where the lines of a row part it otherwise, and the fix keeps a no-break or ideographic space ending a cell', () => {
  const split = { 'Index.md': index, 'A.md': ['## A {#A .chapter .small .term}', '', '+---+---+', '| a | b |', '| long text |', '+---+---+', ''] };
  assert.equal(computeDiagnostics(indexOf(split).document(uriOf('A.md'))!, indexOf(split), defaultConfig).filter((diagnostic) => diagnostic.code === 'table-misaligned').length, 1);
  assert.equal(titled(actionsOf(split, 'A.md', ['quickfix']).actions, "Line up the table's columns"), undefined);
  const spaces = { 'Index.md': index, 'A.md': ['## A {#A .chapter .small .term}', '', '+---+---+', '| 語\u3000 | b\u00a0 |', '+---+---+', ''] };
  const { actions, document } = actionsOf(spaces, 'A.md', ['quickfix']);
  assert.deepEqual(applied(titled(actions, "Line up the table's columns"), document).slice(2, 5), ['+------+----+', '| 語\u3000 | b\u00a0 |', '+------+----+']);
});

test('table-misaligned: a table in a quote or a list item is lined up behind its marks', () => {
  const cases: [string[], string[]][] = [
    [['> +------+------+', '> | Ein langer Vers | b |', '> +------+------+'], ['> +-----------------+------+', '> | Ein langer Vers | b    |', '> +-----------------+------+']],
    [['- Haikus:', '', '  +------+', '  | Lang, länger |', '  +------+'], ['- Haikus:', '', '  +--------------+', '  | Lang, länger |', '  +--------------+']],
  ];
  for (const [table, fixed] of cases) {
    const files = { 'Index.md': index, 'A.md': ['## A {#A .chapter .small .term}', '', ...table, ''] };
    const { actions, document } = actionsOf(files, 'A.md', ['quickfix']);
    assert.deepEqual(applied(titled(actions, "Line up the table's columns"), document).slice(2, -1), fixed);
  }
});

test('the fix-all source action lines up the misaligned tables too, beside sorting the see-also lists', () => {
  const table = ['+------+------+', '| Ein langer Vers | b |', '+------+------+'];
  const list = ['### S {.seealso}', '', '[C](#C) |', '[B](#B) |', '[Index](#Index) |'];
  const entry = (...parts: string[][]) => ['## A {#A .chapter .small .term}', '', ...parts.flatMap((part) => [...part, ''])];
  const others = { 'Index.md': index, 'B.md': ['## B {#B .term}'], 'C.md': ['## C {#C .term}'] };
  const cases: [string[], string][] = [
    [entry(table, list), 'Sort all see-also lists and line up all tables of this file'],
    [entry(table), 'Line up all tables of this file'],
    [entry(list), 'Sort all see-also lists of this file'],
  ];
  for (const [lines, title] of cases) {
    const files = { ...others, 'A.md': lines };
    const { actions, document } = actionsOf(files, 'A.md', [fixAllKind]);
    assert.deepEqual(actions.map((action) => [action.title, action.kind]), [[title, fixAllKind]]);
    const after = applied(actions[0], document);
    const fixed = { ...others, 'A.md': after };
    const left = computeDiagnostics(indexOf(fixed).document(uriOf('A.md'))!, indexOf(fixed), defaultConfig).map((diagnostic) => diagnostic.code);
    assert.ok(!left.includes(DiagnosticCode.TableMisaligned) && !left.includes(DiagnosticCode.SeeAlsoUnsorted), `${title}: ${left.join(', ')}`);
    if (lines.includes(table[1]!)) assert.ok(after.includes('| Ein langer Vers | b    |'), after.join('\n'));
  }
});

test('the fix-all source action separates the see-also links run together too, after sorting them, as the quick fix does', () => {
  const others = { 'Index.md': index, 'B.md': ['## B {#B .term}'], 'C.md': ['## C {#C .term}'], 'D.md': ['## D {#D .term}'] };
  const entry = (...list: string[]) => ['## A {#A .chapter .small .term}', '', '### S {.seealso}', '', ...list, '', '----'];
  const cases: [string[], string, string[]][] = [
    // Sorted: the link of the first slot moves, and the separator its slot lacks goes with it.
    [entry('[C](#C)', '[B](#B) |', '[Index](#Index) |'), 'Sort all see-also lists of this file and separate their links', ['[B](#B) |', '[C](#C) |', '[Index](#Index) |']],
    [entry('[C](#C) [D](#D) |', '[B](#B) |', '[Index](#Index) |'), 'Sort all see-also lists of this file and separate their links', ['[B](#B) | [C](#C) |', '[D](#D) |', '[Index](#Index) |']],
    // In order already: the separator alone, and the title says no more.
    [entry('[B](#B)', '[C](#C) |', '[Index](#Index) |'), 'Separate the links of all see-also lists of this file', ['[B](#B) |', '[C](#C) |', '[Index](#Index) |']],
    [[...entry('[B](#B)', '[C](#C) |', '[Index](#Index) |'), '', '+---+---+', '| Ein langer Vers | b |', '+---+---+'], 'Separate the links of all see-also lists and line up all tables of this file', ['[B](#B) |', '[C](#C) |', '[Index](#Index) |']],
    [[...entry('[C](#C)', '[B](#B) |', '[Index](#Index) |'), '', '+---+---+', '| Ein langer Vers | b |', '+---+---+'], 'Sort all see-also lists, separate their links and line up all tables of this file', ['[B](#B) |', '[C](#C) |', '[Index](#Index) |']],
  ];
  const fixAll = (lines: readonly string[], config = defaultConfig) => {
    const files = { ...others, 'A.md': lines };
    const index = indexOf(files, config);
    const document = TextDocument.create(uriOf('A.md'), 'markdown', 1, lines.join('\n'));
    const diagnostics = computeDiagnostics(index.document(uriOf('A.md'))!, index, config);
    const actions = codeActions({ index, config, document, diagnostics, documentChanges: true, renamesFiles: true, newEntryUri, newIndexPageUri: uriOf('000-index.txt'), filesLinkedOnDisk: new Set() }, wholeFile, [fixAllKind]);
    const after = actions[0] === undefined ? lines : applied(actions[0], document);
    const fixed = { ...others, 'A.md': after };
    const left = computeDiagnostics(indexOf(fixed, config).document(uriOf('A.md'))!, indexOf(fixed, config), config).map((diagnostic) => diagnostic.code);
    return { titles: actions.map((action) => action.title), after, left: left.filter((code) => code === DiagnosticCode.SeeAlsoSeparator || code === DiagnosticCode.SeeAlsoUnsorted || code === DiagnosticCode.TableMisaligned) };
  };
  for (const [lines, title, list] of cases) {
    const { titles, after, left } = fixAll(lines);
    assert.deepEqual(titles, [title], lines.join('|'));
    assert.deepEqual(after.slice(4, 4 + list.length), list, lines.join('|'));
    assert.deepEqual(left, [], after.join('\n'));
  }
  // A link with a note after it takes its note and separator along: no second separator.
  for (const note of ['| (neu)', '| <!-- prüfen -->', '– Notiz |']) {
    const { after, left } = fixAll(entry('[D](#D)', `[B](#B) ${note}`, '[C](#C) |', '[Index](#Index) |'));
    assert.deepEqual([after.slice(4, 8).join('\n').split(note).length, left], [2, []], after.join('\n'));
    assert.doesNotMatch(after.join('\n'), /\| *\|/);
  }
  // Entries of another class (the setting termClass) are sorted and separated alike.
  const begriff = { ...defaultConfig, termClass: 'begriff' };
  const { titles, after, left } = fixAll(['## A {#A .chapter .small .begriff}', '', '### S {.seealso}', '', '[C](#C)', '[B](#B) |', '[Index](#Index) |'], begriff);
  assert.deepEqual([titles, after.slice(4), left], [['Sort all see-also lists of this file and separate their links'], ['[B](#B) |', '[C](#C) |', '[Index](#Index) |'], []]);
});

test('table-misaligned: no table of the real glossary is reported, and lining up any of them changes nothing', async () => {
  let tables = 0;
  for (const name of fs.readdirSync(corpusEntries).filter((file) => file.endsWith('.md'))) {
    const text = fs.readFileSync(path.join(corpusEntries, name), 'utf8');
    const model = parseGlossaryDocument(text, uriOf(name), 1);
    assert.deepEqual(model.misalignedTables, [], name);
    const lines = text.split(/\r?\n/);
    lines.forEach((line, k) => {
      if (/^\+[-=:+]+$/.test(line.trimEnd()) && !/^[+|]/.test(lines[k - 1] ?? '')) {
        tables++;
        assert.deepEqual(lineUpTableEdits(TextDocument.create(uriOf(name), 'markdown', 1, text), k), [], `${name}:${k + 1}`);
      }
    });
  }
  assert.ok(tables >= 35, `${tables} tables`);
});

test('code-block-in-text: a ~~~ fence right under text, in a list item or a quote is reported; the quick fix puts a blank line before it, and pandoc then reads the code block', async () => {
  const glued: [string[], string, string[]][] = [
    [['Beispiel:', '~~~ {#glued .python}', 'x = 1', '~~~'], 'glued', ['Beispiel:', '', '~~~ {#glued .python}']],
    // The paragraph ends at the code's blank line; the code block still runs to its closing fence.
    [['Beispiel:', '~~~~ {#spaced}', 'import x', '', 'x.run()', '~~~~'], 'spaced', ['Beispiel:', '', '~~~~ {#spaced}']],
    [['- item', '  ~~~ {#listed}', '  code', '  ~~~'], 'listed', ['- item', '', '  ~~~ {#listed}']],
    [['> quoted', '> ~~~ {#quoted}', '> code', '> ~~~'], 'quoted', ['> quoted', '>', '> ~~~ {#quoted}']],
    [['Text.\r', '  ~~~ {#crlf}\r', 'code\r', '~~~\r'], 'crlf', ['Text.\r', '\r', '  ~~~ {#crlf}\r']],
  ];
  for (const [body, id, fixed] of glued) {
    const files = { 'Index.md': index, 'A.md': ['## A {#A .chapter .small .term}', '', ...body] };
    const { actions, document } = actionsOf(files, 'A.md', ['quickfix']);
    const fixes = actions.filter((action) => action.title === 'Insert a blank line before the code block');
    assert.equal(fixes.length, 1, body.join('|'));
    assert.ok(fixes[0]!.isPreferred);
    assert.ok(!(await pandocFactsOfText(document.getText())).ids.includes(id), `pandoc reads #${id} as text`);
    const lines = applied(fixes[0], document);
    assert.deepEqual(lines.slice(2, 2 + fixed.length), fixed);
    const text = lines.join('\n');
    assert.ok((await pandocFactsOfText(text)).ids.includes(id), `with the blank line, pandoc reads the code block #${id}:\n${text}`);
  }
  // Not: after a blank line, never closed, a backtick fence (which ends the paragraph), in a code
  // span, four spaces in (code of the paragraph), with an info text pandoc takes for none; nor where
  // a blank line would not make it a code block: a line that went on lazily, in a quote or a list
  // item that the blank line ends (indented code after it), or whose code has more `>` than it.
  const apart = [
    ['Text', '', '~~~', 'code', '~~~'],
    ['> Beispiel:', '    ~~~ {#c}', '    code', '    ~~~'],
    ['1.   Text', '    ~~~ {#c}', '    code', '    ~~~'],
    ['> Beispiel:', '~~~ {#c}', '> code', '> ~~~'],
    ['Text', '~~~', 'code'],
    ['Text', '```', 'code', '```'],
    ['Text `a', '~~~', 'b` c', '~~~'],
    ['Text', '    ~~~', 'code', '~~~'],
    ['Text', '~~~ two words', 'code', '~~~'],
  ];
  for (const body of apart) {
    const { actions } = actionsOf({ 'Index.md': index, 'A.md': ['## A {#A .chapter .small .term}', '', ...body] }, 'A.md', ['quickfix']);
    assert.deepEqual(actions.filter((action) => action.title === 'Insert a blank line before the code block'), [], body.join('|'));
  }
});

test('code-block-in-text on the real glossary: LangChain.md glues three ~~~python blocks to their list items, which pandoc reads as text; the fixes make them code', async () => {
  const text = fs.readFileSync(path.join(corpusEntries, 'LangChain.md'), 'utf8');
  const files = { 'Index.md': index, 'LangChain.md': text.split('\n') };
  const { actions, document } = actionsOf(files, 'LangChain.md', ['quickfix']);
  const fixes = actions.filter((action) => action.title === 'Insert a blank line before the code block');
  assert.deepEqual(fixes.map((fix) => rangeText(fix.diagnostics![0]!.range)), ['73:2-73:11', '84:2-84:11', '95:2-95:11']);
  assert.deepEqual(await pandocCodeBlocksOfText(text), []);
  const fixed = TextDocument.applyEdits(document, fixes.flatMap((fix) => editsOf(fix.edit)));
  const code = await pandocCodeBlocksOfText(fixed);
  assert.equal(code.length, 3);
  assert.match(code[0]!, /^retriever = vectorstore\.as_retriever\(\)\n/);
  // Only the three blank lines came in.
  assert.equal(fixed, text.split('\n').flatMap((line, k) => ([73, 84, 95].includes(k) ? ['', line] : [line])).join('\n'));
});

test('missing-section-class: a section class written amiss (a class near one, a word in braces without its dot) is named in the message and corrected in place, preferred, as pandoc then reads it', async () => {
  const cases: [string, string, string, [string, boolean][]][] = [
    ['### Verwandt {.see-also}', '### Verwandt {.seealso}', 'The section "Verwandt" has the class .see-also, which is none of the section classes: perhaps .seealso is meant.', [['Write .seealso instead of .see-also', true], ['Give the section the class .explanation', false]]],
    ['### Zweite {#zweite .Explanation}', '### Zweite {#zweite .explanation}', 'The section "Zweite" has the class .Explanation, which is none of the section classes: perhaps .explanation is meant.', [['Write .explanation instead of .Explanation', true], ['Give the section the class .explanation', false]]],
    ['### Dritte {.explantion}', '### Dritte {.explanation}', 'The section "Dritte" has the class .explantion, which is none of the section classes: perhaps .explanation is meant.', [['Write .explanation instead of .explantion', true], ['Give the section the class .explanation', false]]],
    // Without its dot, pandoc reads the block as the heading's text: no class is added after it.
    ['### KI-Haikus {haiku}', '### KI-Haikus {.haiku}', 'The section "KI-Haikus" ends in {haiku}, which pandoc reads as text: a class is written with a dot, {.haiku}.', [['Write {.haiku} instead of {haiku}', true]]],
    ['### Erklärung { explanation }  ', '### Erklärung {.explanation}  ', 'The section "Erklärung" ends in { explanation }, which pandoc reads as text: a class is written with a dot, {.explanation}.', [['Write {.explanation} instead of { explanation }', true]]],
  ];
  for (const [heading, fixed, message, titles] of cases) {
    const files = { 'Index.md': index, 'A.md': ['## A {#A .chapter .small .term}', '', 'Text.', '', heading, '', 'Mehr.', '', '### Siehe {.seealso}', '', '[Index](#Index) |'] };
    const { actions, document } = actionsOf(files, 'A.md', ['quickfix']);
    const fixes = actions.filter((action) => action.diagnostics?.[0]?.code === 'missing-section-class');
    assert.equal(String(fixes[0]?.diagnostics?.[0]?.message).split(' The layout rules')[0], message, heading);
    assert.deepEqual(titlesAndPreference(fixes), titles, heading);
    const text = applied(fixes[0], document);
    assert.equal(text[4], fixed);
    assert.ok((await pandocHeadingClassesOfText(text.join('\n')))[1]!.some((name) => ['explanation', 'haiku', 'seealso'].includes(name)), `pandoc reads a section class in ${fixed}`);
  }
  // The see-also heading written amiss is reported once, as such, not also as a see-also list missing (whose fix would add a second).
  const amissSeeAlso = indexOf({ 'Index.md': index, 'A.md': ['## A {#A .chapter .small .term}', '', 'Text.', '', '### Verwandt {.see-also}', '', '[Index](#Index) |', '', '----'] });
  const codes: string[] = computeDiagnostics(amissSeeAlso.document(uriOf('A.md'))!, amissSeeAlso, defaultConfig).map((diagnostic) => diagnostic.code);
  assert.ok(codes.includes('missing-section-class') && !codes.includes('missing-seealso'), codes.join(' '));
  // Where missing-section-class reports no such heading (a level-4 one), the see-also list is missing still.
  const deeper = indexOf({ 'Index.md': index, 'A.md': ['## A {#A .chapter .small .term}', '', 'Text.', '', '### Erklärung {.explanation}', '', 'Mehr.', '', '#### Verwandt {.see-also}', '', '[Index](#Index) |'] });
  assert.ok(computeDiagnostics(deeper.document(uriOf('A.md'))!, deeper, defaultConfig).some((diagnostic) => diagnostic.code === 'missing-seealso'));
  // A word in braces that is no section class near enough stays the writer's: `{Haiti}` is two letters from haiku, a word of its own.
  for (const heading of ['### Beispiele {Beispiel}', '### Erdbeben {Haiti}']) {
    const other = actionsOf({ 'Index.md': index, 'A.md': ['## A {#A .chapter .small .term}', '', heading, '', 'Mehr.'] }, 'A.md', ['quickfix']);
    assert.deepEqual(other.actions.filter((action) => action.diagnostics?.[0]?.code === 'missing-section-class').map((action) => action.title)[0], 'Give the section the class .explanation', heading);
  }
});

test('missing-section-class: the quick fix gives the section .explanation, in its attribute block or after its closing hashes, as pandoc reads it; .haiku or .seealso where the section is that', async () => {
  const entry = (...body: string[]): Record<string, readonly string[]> => ({ 'Index.md': index, 'A.md': ['## A {#A .chapter .small .term}', '', 'Text.', '', ...body, '', '### Siehe {.seealso}', '', '[Index](#Index) |'] });
  const fixesOf = (files: Record<string, readonly string[]>) => {
    const { actions, document } = actionsOf(files, 'A.md', ['quickfix']);
    return { actions: actions.filter((action) => action.diagnostics?.[0]?.code === 'missing-section-class'), document };
  };
  const cases: [string, string][] = [
    ['### Leaderboard', '### Leaderboard {.explanation}'],
    ['### Leaderboard   ', '### Leaderboard {.explanation}   '],
    ['### Quellen {#quellen}', '### Quellen {#quellen .explanation}'],
    ['### Quellen { #quellen }', '### Quellen { #quellen .explanation}'],
    ['### Quellen {}', '### Quellen {.explanation}'],
    ['### *Ende* ###', '### *Ende* ### {.explanation}'],
    // The attributes of an element at the end of the text are the element's; a block after them is the heading's.
    ['### Die Funktion `f()`{.python}', '### Die Funktion `f()`{.python} {.explanation}'],
    ['### A {.x} {.y}', '### A {.x} {.y .explanation}'],
    // A reference in the text (which resolves nowhere when the heading is read alone).
    ['### Über [KI][ki]', '### Über [KI][ki] {.explanation}'],
    // A backslash that ends the line, a hard line break, would make the block text: the block takes its place.
    ['### Dritte \\', '### Dritte {.explanation}'],
    ['### Dritte\\', '### Dritte {.explanation}'],
    // Spaces and tabs only end the line: after a no-break space, a block is still read.
    ['### Leaderboard\u00a0', '### Leaderboard\u00a0 {.explanation}'],
  ];
  for (const [heading, fixed] of cases) {
    const { actions, document } = fixesOf(entry(heading, '', 'Mehr [KI].', '', '[ki]: #Index'));
    assert.deepEqual(titlesAndPreference(actions), [['Give the section the class .explanation', true]], heading);
    const text = applied(actions[0], document);
    assert.equal(text[4], fixed);
    assert.ok((await pandocHeadingClassesOfText(text.join('\n')))[1]!.includes('explanation'), `pandoc reads the class of ${fixed}`);
  }
  // A setext heading under a level-1 entry: the block goes on its text line.
  const setext = { 'Index.md': index, 'A.md': ['# A {#A .chapter .small .term}', '', 'Unterpunkt', '----------', '', 'Text.'] };
  const setextFix = fixesOf(setext);
  const setextText = applied(setextFix.actions[0], setextFix.document);
  assert.deepEqual(setextText.slice(2, 4), ['Unterpunkt {.explanation}', '----------']);
  assert.deepEqual((await pandocHeadingClassesOfText(setextText.join('\n')))[1], ['explanation']);
  // The haikus, where the entry has none: .haiku preferred.
  assert.deepEqual(titlesAndPreference(fixesOf(entry('### KI-Haikus zu A', '', 'Reif.')).actions), [
    ['Give the section the class .explanation', false],
    ['Give the section the class .haiku', true],
  ]);
  // No see-also section, and this one ends in [Index](#Index): .seealso preferred.
  const noSeeAlso = { 'Index.md': index, 'A.md': ['## A {#A .chapter .small .term}', '', 'Text.', '', '### Verwandte Themen', '', '[Index](#Index) |'] };
  const seeAlsoFix = fixesOf(noSeeAlso);
  assert.deepEqual(titlesAndPreference(seeAlsoFix.actions), [
    ['Give the section the class .explanation', false],
    ['Give the section the class .seealso', true],
  ]);
  assert.equal(applied(seeAlsoFix.actions[1], seeAlsoFix.document)[4], '### Verwandte Themen {.seealso}');
  // A link to the index in a sentence is no see-also list's.
  const sentence = { 'Index.md': index, 'A.md': ['## A {#A .chapter .small .term}', '', 'Text.', '', '### Leaderboard', '', 'Mehr im [Index](#Index).'] };
  assert.deepEqual(titlesAndPreference(fixesOf(sentence).actions), [
    ['Give the section the class .explanation', true],
    ['Give the section the class .seealso', false],
  ]);
  // A block pandoc reads as text would stay text after the class: no fix.
  assert.deepEqual(fixesOf(entry('### Leaderboard {.explanation', '', 'Mehr.')).actions, []);
  // A block read as text for the no-break space after it: the blank goes (preferred), and pandoc reads the block.
  const blankAfter = fixesOf(entry('### Leaderboard {.explanation}\u00a0', '', 'Mehr.'));
  assert.deepEqual(titlesAndPreference(blankAfter.actions), [['Remove the blank after the attribute block, which makes it text', true]]);
  const withoutBlank = applied(blankAfter.actions[0], blankAfter.document);
  assert.equal(withoutBlank[4], '### Leaderboard {.explanation}');
  assert.ok((await pandocHeadingClassesOfText(withoutBlank.join('\n')))[1]!.includes('explanation'));
  // The same for the see-also heading (missing-seealso: not a second list) and the chapter heading.
  const seeAlsoBlank = { 'Index.md': index, 'A.md': ['## A {#A .chapter .small .term}', '', 'Text.', '', '### Siehe auch {.seealso}\u3000', '', '[Index](#Index) |'] };
  const seeAlsoActions = actionsOf(seeAlsoBlank, 'A.md', ['quickfix']);
  const missingSeeAlso = seeAlsoActions.actions.filter((action) => action.diagnostics?.[0]?.code === 'missing-seealso');
  assert.deepEqual(titlesAndPreference(missingSeeAlso), [['Remove the blank after the attribute block, which makes it text', true]]);
  assert.equal(applied(missingSeeAlso[0], seeAlsoActions.document)[4], '### Siehe auch {.seealso}');
  const chapterBlank = actionsOf({ 'Index.md': index, 'B.md': ['## B {#B .chapter .small .term}'], 'A.md': ['## A {#A .chapter .small .term}\u00a0', '', 'Text.'] }, 'A.md', ['quickfix']);
  const chapterFixes = chapterBlank.actions.filter((action) => action.diagnostics?.[0]?.code === 'missing-chapter-heading');
  assert.deepEqual(titlesAndPreference(chapterFixes), [['Remove the blank after the attribute block, which makes it text', true]]);
  assert.equal(applied(chapterFixes[0], chapterBlank.document)[0], '## A {#A .chapter .small .term}');
});

test('section-after-haiku: the quick fix moves the sections between the haikus and the see-also list above the haikus, byte for byte, and pandoc reads the headings in the new order', async () => {
  const files = (...body: string[]): Record<string, readonly string[]> => ({
    'Index.md': index,
    'A.md': ['## A {#A .chapter .small .term}', '', 'Text.', '', '### KI-Haikus zu A {.haiku}', '', 'Haiku.', '', ...body, '### Siehe {.seealso}', '', '[Index](#Index) |', '', '----'],
  });
  const fixOf = (input: Record<string, readonly string[]>) => {
    const { actions, document } = actionsOf(input, 'A.md', ['quickfix']);
    return { actions: actions.filter((action) => action.diagnostics?.[0]?.code === 'section-after-haiku'), document };
  };
  const two = fixOf(files('### Geschichte {.explanation}', '', 'Alt.', '', '#### Früher', '', 'Sehr alt.', '', '### Quellen {.explanation}', '', 'Buch.', ''));
  assert.deepEqual(titlesAndPreference(two.actions), [['Move the 2 sections from "Geschichte" on above the haikus', true]]);
  const moved = applied(two.actions[0], two.document);
  assert.deepEqual(moved, [
    '## A {#A .chapter .small .term}', '', 'Text.', '',
    '### Geschichte {.explanation}', '', 'Alt.', '', '#### Früher', '', 'Sehr alt.', '', '### Quellen {.explanation}', '', 'Buch.', '',
    '### KI-Haikus zu A {.haiku}', '', 'Haiku.', '',
    '### Siehe {.seealso}', '', '[Index](#Index) |', '', '----',
  ]);
  assert.deepEqual((await pandocTextsOfText(moved.join('\n'))).headings, ['A', 'Geschichte', 'Früher', 'Quellen', 'KI-Haikus zu A', 'Siehe']);
  // CRLF line breaks stay; a block without a blank line at its end gets one.
  const crlfLines = files('### Geschichte {.explanation}', '', 'Alt.', '')['A.md']!;
  const crlf = fixOf({ 'Index.md': index, 'A.md': crlfLines.map((line, i) => (i < crlfLines.length - 1 ? `${line}\r` : line)) });
  const crlfMoved = applied(crlf.actions[0], crlf.document).join('\n');
  assert.ok(!/[^\r]\n/.test(crlfMoved), 'every line break stays CRLF');
  assert.deepEqual((await pandocTextsOfText(crlfMoved)).headings, ['A', 'Geschichte', 'KI-Haikus zu A', 'Siehe']);
  const glued = fixOf(files('### Geschichte {.explanation}', '', 'Alt.', '### Quellen {.explanation}', '', 'Buch.', ''));
  assert.equal(glued.actions.length, 1);
  assert.deepEqual((await pandocTextsOfText(applied(glued.actions[0], glued.document).join('\n'))).headings, ['A', 'Geschichte', 'KI-Haikus zu A', 'Siehe']);
  // A heading right under the haiku heading (pandoc reads both): the haiku block gets its blank line.
  const under = fixOf({ 'Index.md': index, 'A.md': ['## A {#A .chapter .small .term}', '', '### KI-Haikus zu A {.haiku}', '### Geschichte {.explanation}', '', 'Alt.', '', '### Siehe {.seealso}', '', '[Index](#Index) |'] });
  assert.deepEqual(applied(under.actions[0], under.document).slice(2), ['### Geschichte {.explanation}', '', 'Alt.', '', '### KI-Haikus zu A {.haiku}', '', '### Siehe {.seealso}', '', '[Index](#Index) |']);
  // Two haiku sections stay together and in their order; the section between them goes above both.
  const twoHaikus = fixOf({ 'Index.md': index, 'A.md': ['## A {#A .chapter .small .term}', '', '### Haikus von ChatGPT {.haiku}', '', 'Eins.', '', '### Geschichte {.explanation}', '', 'Alt.', '', '### Haikus von Claude {.haiku}', '', 'Zwei.', '', '### Siehe {.seealso}', '', '[Index](#Index) |'] });
  assert.deepEqual(applied(twoHaikus.actions[0], twoHaikus.document).slice(2, 14), ['### Geschichte {.explanation}', '', 'Alt.', '', '### Haikus von ChatGPT {.haiku}', '', 'Eins.', '', '### Haikus von Claude {.haiku}', '', 'Zwei.', '']);
  // A div around the haikus and the section: moving would part its fences.
  assert.deepEqual(fixOf(files('::: {.box}', 'Mehr.', '', '### Geschichte {.explanation}', '', 'Alt.', ':::', '')).actions, []);
  // Moving would pass the automatic id claude-1 to the other "Claude" heading, and the links with it.
  assert.deepEqual(fixOf(files('#### Claude', '', 'Mehr.', '', '### Geschichte {.explanation}', '', '#### Claude', '', 'Alt.', '')).actions, []);
  // The closing rule between them: no fix.
  assert.deepEqual(fixOf({ 'Index.md': index, 'A.md': ['## A {#A .chapter .small .term}', '', '### KI-Haikus zu A {.haiku}', '', 'Haiku.', '', '----', '', '### Geschichte {.explanation}', '', 'Alt.', '', '### Siehe {.seealso}', '', '[Index](#Index) |'] }).actions, []);
});

test('a link the fixes and completion write for an entry reads as its title in pandoc: what would be markup in the label is escaped', async () => {
  const headings = ['## \\*Stern\\* Modell {#A}', '## \\<T\\> Tag {#B}', '## Preis \\$5 \\$6 \\@x \\~y\\~ x\\^2\\^ {#C}', '## `code` und \\_a\\_ und a_b {#D}', '## AT&T \\&amp; \\[1\\] {#E}', '## GPT-4.5 *(Stand März 2025)* {#F}'];
  const titles = parseGlossaryDocument(headings.join('\n\n'), uriOf('T.md'), 1).headings.map((heading) => heading.plainText);
  assert.deepEqual(titles, ['*Stern* Modell', '<T> Tag', 'Preis $5 $6 @x ~y~ x^2^', 'code und _a_ und a_b', 'AT&T &amp; [1]', 'GPT-4.5 (Stand März 2025)']);
  const links = titles.map((title, k) => titleLink(title, String.fromCharCode(65 + k)));
  assert.equal(links[5], '[GPT-4.5 (Stand März 2025)](#F)');
  const read = await pandocLinkLabelsOfText(links.join('\n\n'));
  assert.deepEqual(read.map(({ text }) => text), titles);
  assert.deepEqual(new Set(read.flatMap(({ kinds }) => kinds)), new Set(['Str', 'Space']));
});

test('sentence-mid-line: the quick fix starts the sentence on a new line, with the marks of its quote and list item as the paragraph\'s lines have them, and pandoc reads the same paragraphs', async () => {
  const cases: [string[], string[]][] = [
    [['Der Apfel ist rund. Er wächst am Baum.'], ['Der Apfel ist rund.', 'Er wächst am Baum.']],
    [['- **Sorten**:  Es gibt viele. Manche sind rot.'], ['- **Sorten**:  Es gibt viele.', '  Manche sind rot.']],
    [['10. Zehn. Elf.'], ['10. Zehn.', '    Elf.']],
    [['> - Im Zitat. In der Liste.'], ['> - Im Zitat.', '>   In der Liste.']],
    [['- Eins', '  weiter. Zwei.'], ['- Eins', '  weiter.', '  Zwei.']],
    // On a paragraph's first line, the new line goes on as its second does: lazily (as the real glossary writes list items), or indented.
    [['- **Erster**: Folgte. Die DARPA kürzte.', 'Grundlegendes blieb.'], ['- **Erster**: Folgte.', 'Die DARPA kürzte.', 'Grundlegendes blieb.']],
    [['- Eins. Zwei.', '   drei'], ['- Eins.', '  Zwei.', '   drei']],
    [['> Im Zitat. Zwei.', 'faul weiter'], ['> Im Zitat.', 'Zwei.', 'faul weiter']],
    // A footnote's text, a list item after a tab.
    [['Text.[^1]', '', '[^1]: Eine Note. Mit zwei Sätzen.'], ['Text.[^1]', '', '[^1]: Eine Note.', '     Mit zwei Sätzen.']],
    [['-\tEins. Zwei.'], ['-\tEins.', ' \tZwei.']],
    // A `>` under text is the paragraph's text, no quote: it is not copied.
    [['Turing schrieb:', '> Ich schlage vor. Können Maschinen denken?'], ['Turing schrieb:', '> Ich schlage vor.', 'Können Maschinen denken?']],
    // An HTML block's opening tag is no mark of the paragraph: its `>` is not copied.
    [['<div>Div eins ist da. Div zwei auch.</div>'], ['<div>Div eins ist da.', 'Div zwei auch.</div>']],
    [['> <p>Im Zitat. Zwei.</p>'], ['> <p>Im Zitat.', '> Zwei.</p>']],
    // A file with CRLF line breaks gets one.
    [['Windows. Zeilen.'], ['Windows.\r', 'Zeilen.\r']],
  ];
  for (const [body, fixed] of cases) {
    const lines = ['## A {#A .chapter .small .term}', '', ...body, '', '### Siehe {.seealso}', '', '[Index](#Index) |'];
    const files = { 'Index.md': index, 'A.md': body[0]!.startsWith('Windows') ? lines.map((line) => `${line}\r`) : lines };
    const { actions, document } = actionsOf(files, 'A.md', ['quickfix']);
    const fixes = actions.filter((action) => action.diagnostics?.[0]?.code === 'sentence-mid-line');
    assert.deepEqual(titlesAndPreference(fixes), [['Start the sentence on a new line', true]], body.join('|'));
    const text = applied(fixes[0], document);
    assert.deepEqual(text.slice(2, 2 + fixed.length), fixed);
    assert.equal(await pandocReadingWithoutSoftBreaks(text.join('\n')), await pandocReadingWithoutSoftBreaks(document.getText()), `pandoc reads ${JSON.stringify(fixed)} as before`);
  }
});

test('sentence-mid-line: the source action starts every sentence of the file on a new line at once, two on one line too, and pandoc reads the same paragraphs', async () => {
  const lines = [
    '## A {#A .chapter .small .term}',
    '',
    'Der Apfel ist rund. Er wächst am Baum. Er ist süß.',
    '',
    '### Sorten {.explanation}',
    '',
    '- Rot. Grün.',
    '',
    '> Im Zitat. Noch einer.',
    '',
    '### Siehe {.seealso}',
    '',
    '[Index](#Index) |',
  ];
  const { actions, document } = actionsOf({ 'Index.md': index, 'A.md': lines }, 'A.md', [sentencesOnNewLinesKind]);
  assert.deepEqual(actions.map((action) => [action.kind, action.title]), [[sentencesOnNewLinesKind, 'Start every sentence of this file on a new line']]);
  const text = applied(actions[0], document);
  assert.deepEqual(text.slice(2, 13), ['Der Apfel ist rund.', 'Er wächst am Baum.', 'Er ist süß.', '', '### Sorten {.explanation}', '', '- Rot.', '  Grün.', '', '> Im Zitat.', '> Noch einer.']);
  assert.equal(await pandocReadingWithoutSoftBreaks(text.join('\n')), await pandocReadingWithoutSoftBreaks(document.getText()));
  // Applied, nothing is left to fix; a fix-all (asked for on save) never does it.
  assert.deepEqual(actionsOf({ 'Index.md': index, 'A.md': text }, 'A.md', [sentencesOnNewLinesKind]).actions, []);
  assert.deepEqual(actionsOf({ 'Index.md': index, 'A.md': lines }, 'A.md', [CodeActionKind.SourceFixAll]).actions, []);
});

test('sentence-mid-line: a line of a thousand sentences is read once for their fixes, not once for each (the fixes of a line were quadratic in its length)', () => {
  const lines = entryLines('A', 'A', [], ['Der Apfel ist rund. Er ist süß. '.repeat(500)]);
  const files = { 'Index.md': index, 'A.md': lines };
  const indexed = indexOf(files);
  const document = TextDocument.create(uriOf('A.md'), 'markdown', 1, lines.join('\n'));
  let charactersRead = 0;
  const read = (range?: Range): string => {
    const text = document.getText(range);
    charactersRead += text.length;
    return text;
  };
  const counting = Object.create(document, { getText: { value: read } }) as TextDocument;
  const diagnostics = computeDiagnostics(indexed.document(uriOf('A.md'))!, indexed, defaultConfig);
  assert.equal(diagnostics.filter((diagnostic) => diagnostic.code === 'sentence-mid-line').length, 999);
  const actions = codeActions({ index: indexed, config: defaultConfig, document: counting, diagnostics, documentChanges: true, renamesFiles: true, newEntryUri, newIndexPageUri: uriOf('000-index.txt'), filesLinkedOnDisk: new Set() }, wholeFile, undefined);
  assert.equal(actions.filter((action) => action.title === 'Start the sentence on a new line').length, 999);
  assert.ok(actions.some((action) => action.kind === sentencesOnNewLinesKind));
  assert.ok(charactersRead < 5 * document.getText().length, `${charactersRead} characters read of ${document.getText().length}`);
});

test('section-level: the quick fix writes a section written as a chapter at level 3, one or all of the entry\'s, and pandoc reads them one level lower', async () => {
  const files = {
    'Index.md': index,
    'A.md': ['## A {#A .chapter .small .term}', '', 'Text.', '', '## Eins ## {.explanation}', '', 'Mehr.', '', 'Zwei {.explanation}', '---', '', 'Noch mehr.', '', '# Drei {.explanation}', '', '### Siehe {.seealso}', '', '[Index](#Index) |', '', '----'],
  };
  const { actions, document } = actionsOf(files, 'A.md', ['quickfix']);
  const fixes = actions.filter((action) => action.diagnostics?.[0]?.code === 'section-level');
  // The underlined heading has no fix of its own; "all" writes the two written with #s.
  assert.deepEqual(titlesAndPreference(fixes), [
    ['Write the section at level 3 (###)', true],
    ['Write the 2 sections of the entry written as chapters at level 3', false],
    ['Write the section at level 3 (###)', true],
  ]);
  const one = applied(fixes[0], document);
  assert.deepEqual(one, [...files['A.md'].slice(0, 4), '### Eins ## {.explanation}', ...files['A.md'].slice(5)]);
  const all = applied(fixes[1], document);
  assert.deepEqual(all, [...files['A.md'].slice(0, 4), '### Eins ## {.explanation}', ...files['A.md'].slice(5, 13), '### Drei {.explanation}', ...files['A.md'].slice(14)]);
  assert.deepEqual(
    (await pandocHeadingsOfText(all.join('\n'))).map(({ level, classes, text }) => `${level} ${text} ${classes.join(' ')}`),
    ['2 A chapter small term', '3 Eins explanation', '2 Zwei explanation', '3 Drei explanation', '3 Siehe seealso'],
  );
  // Its subsections go down with it and stay its own; the see-also list under it is the entry's already.
  const nested = { 'Index.md': index, 'A.md': ['## A {#A .chapter .small .term}', '', '## Eins {.explanation}', '', '### Teil', '', '#### Stück', '', '### Siehe {.seealso}', '', '[Index](#Index) |'] };
  const nestedFix = actionsOf(nested, 'A.md', ['quickfix']);
  const lowered = applied(nestedFix.actions.find((action) => action.title === 'Write the section at level 3 (###)'), nestedFix.document);
  assert.deepEqual(lowered.filter((line) => line.startsWith('#')), ['## A {#A .chapter .small .term}', '### Eins {.explanation}', '#### Teil', '##### Stück', '### Siehe {.seealso}']);
  assert.deepEqual(computeDiagnostics(indexOf({ ...nested, 'A.md': lowered }).document(uriOf('A.md'))!, indexOf({ ...nested, 'A.md': lowered }), defaultConfig).map((diagnostic) => diagnostic.code).filter((code) => code.startsWith('section') || code === 'missing-section-class'), []);
  // Its subsections end at the next classed heading: the headings after a haiku are not taken into it.
  const beforeHaiku = { 'Index.md': index, 'A.md': ['## A {#A .chapter .small .term}', '', '## Eins {.explanation}', '', '### KI-Haikus {.haiku}', '', '### Nachtrag', '', '### Siehe {.seealso}', '', '[Index](#Index) |'] };
  const haikuFix = actionsOf(beforeHaiku, 'A.md', ['quickfix']);
  const keptApart = applied(haikuFix.actions.find((action) => action.title === 'Write the section at level 3 (###)'), haikuFix.document);
  assert.deepEqual(keptApart.filter((line) => line.startsWith('#')), ['## A {#A .chapter .small .term}', '### Eins {.explanation}', '### KI-Haikus {.haiku}', '### Nachtrag', '### Siehe {.seealso}']);
  // A section under another written as a chapter is moved once, by its own fix and by "all".
  const stacked = { 'Index.md': index, 'A.md': ['## A {#A .chapter .small .term}', '', '# Eins {.explanation}', '', '## Zwei {.explanation}', '', '### Teil', '', '### Siehe {.seealso}', '', '[Index](#Index) |'] };
  const stackedFix = actionsOf(stacked, 'A.md', ['quickfix']);
  const allStacked = applied(stackedFix.actions.find((action) => action.title === 'Write the 2 sections of the entry written as chapters at level 3'), stackedFix.document);
  assert.deepEqual(allStacked.filter((line) => line.startsWith('#')), ['## A {#A .chapter .small .term}', '### Eins {.explanation}', '### Zwei {.explanation}', '#### Teil', '### Siehe {.seealso}']);
  // A chapter heading without a class amid the entry goes down with its subsections; then it wants its class.
  const unclassed = { 'Index.md': index, 'A.md': ['## A {#A .chapter .small .term}', '', 'Text.', '', '## Notizen', '', '### Quelle', '', 'Buch.', '', '### Siehe {.seealso}', '', '[Index](#Index) |'] };
  const unclassedFix = actionsOf(unclassed, 'A.md', ['quickfix']);
  const section = applied(titled(unclassedFix.actions, 'Write the section at level 3 (###)'), unclassedFix.document);
  assert.deepEqual(section.filter((line) => line.startsWith('#')), ['## A {#A .chapter .small .term}', '### Notizen', '#### Quelle', '### Siehe {.seealso}']);
  assert.deepEqual(
    (await pandocHeadingsOfText(section.join('\n'))).map(({ level, text }) => `${level} ${text}`),
    ['2 A', '3 Notizen', '4 Quelle', '3 Siehe'],
  );
  assert.deepEqual(diagnosticsOf({ ...unclassed, 'A.md': section }, 'A.md').map(({ code }) => code).filter((code) => code.startsWith('section') || code === 'missing-section-class'), ['missing-section-class']);
});

test('index-link-broken of a second listing (`#DataScraping` beside `#Data-Scraping`): the message says where the entry is listed, and removing the line is the preferred fix', () => {
  const files = {
    '001-index.txt': ['# Index {#Index}', '', '### D {.index}', '', '[Data Scraping](#Data-Scraping) |', '[DataScraping](#DataScraping) |', '[Daten](#Datenn) | [Data](#DataScraping)', '', '----'],
    'Data-Scraping.md': entryLines('Data Scraping', 'Data-Scraping', []),
    'Daten.md': entryLines('Daten', 'Daten', []),
  };
  const { actions, document } = actionsOf(files, '001-index.txt', ['quickfix']);
  const diagnostics = computeDiagnostics(indexOf(files).document(uriOf('001-index.txt'))!, indexOf(files), defaultConfig).filter((diagnostic) => diagnostic.code === 'index-link-broken');
  assert.deepEqual(diagnostics.map((diagnostic) => [diagnostic.range.start.line, diagnostic.message]), [
    [5, 'The index lists "DataScraping", which no heading defines. Perhaps meant: Data-Scraping. The index lists "Data-Scraping" already, on line 5.'],
    [6, 'The index lists "Datenn", which no heading defines. Perhaps meant: Daten.'],
    [6, 'The index lists "DataScraping", which no heading defines. Perhaps meant: Data-Scraping. The index lists "Data-Scraping" already, on line 5.'],
  ]);
  const onLine = (line: number) => titlesAndPreference(actions.filter((action) => action.diagnostics?.some((diagnostic) => diagnostic.range.start.line === line)));
  assert.deepEqual(onLine(5), [
    ['Remove the line: the index lists "Data-Scraping" already, on line 5', true],
    ['Change to "Data-Scraping"', false],
    ['Create entry "DataScraping"', false],
  ]);
  const removed = applied(actions.find((action) => action.title.startsWith('Remove the line') && action.diagnostics![0]!.range.start.line === 5), document);
  assert.deepEqual(removed, [...files['001-index.txt'].slice(0, 5), ...files['001-index.txt'].slice(6)]);
  // The file's last line goes with the line break before it.
  const lastLine = { ...files, '001-index.txt': files['001-index.txt'].slice(0, 6) };
  const lastFix = actionsOf(lastLine, '001-index.txt', ['quickfix']);
  const removedLast = applied(lastFix.actions.find((action) => action.title.startsWith('Remove the line')), lastFix.document);
  assert.deepEqual(removedLast, files['001-index.txt'].slice(0, 5));
  // A line that holds another link too is not removed: the link is corrected.
  assert.ok(onLine(6).every(([title]) => !title.startsWith('Remove the line')), JSON.stringify(onLine(6)));
  // A link in a sentence, or outside the letter sections, lists nothing: the broken listing is the one to correct.
  for (const elsewhere of [['### D {.index}', '', '[DataScraping](#DataScraping) |', '', 'Siehe auch [DS](#Data-Scraping) im Text.'], ['Siehe', '', '[Data Scraping](#Data-Scraping) |', '', '### D {.index}', '', '[DataScraping](#DataScraping) |']]) {
    const page = { ...files, '001-index.txt': ['# Index {#Index}', '', ...elsewhere] };
    const found = computeDiagnostics(indexOf(page).document(uriOf('001-index.txt'))!, indexOf(page), defaultConfig).filter((diagnostic) => diagnostic.code === 'index-link-broken');
    assert.deepEqual(found.map((diagnostic) => diagnostic.message), ['The index lists "DataScraping", which no heading defines. Perhaps meant: Data-Scraping.']);
    const fixes = actionsOf(page, '001-index.txt', ['quickfix']).actions;
    assert.deepEqual(titlesAndPreference(fixes.filter((action) => action.diagnostics?.[0]?.code === 'index-link-broken')), [['Change to "Data-Scraping"', true], ['Create entry "DataScraping"', false]]);
  }
});
