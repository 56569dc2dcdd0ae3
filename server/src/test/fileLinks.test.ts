import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CodeAction, TextDocumentEdit, TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultConfig } from '../config';
import { computeDiagnostics } from '../diagnostics/computeDiagnostics';
import { codeActions } from '../features/codeActions';
import { entryLinksEdit } from '../features/entryLinks';
import { parseGlossaryDocument } from '../parse/parser';
import { pandocFactsOfText, pandocLinkUrls } from './pandoc';
import { diagnosticsOf, entryLines, indexOf, rangeText, uriOf } from './support/tinyWorkspace';

// Links to the glossary's files by their paths, as VS Code's Markdown completes, drops and pastes
// them: the book, which pandoc joins from the files, has no such file.
const files = {
  '001-index.txt': ['# Index {#Index}', '', '[Apfel](#Apfel) |'],
  '002-lizenz.txt': ['# Lizenz', '', 'Frei.'],
  'Apfel.md': entryLines('Apfel', 'Apfel', ['[Birne][b]', '[Index](001-index.txt)'], [
    'Wie [Birne](Birne.md), [die Herkunft](sub/Quitte.md#Herkunft), [gelbe](<Gelbe Birne.md>) und [Birnen][b].',
    'Nicht: [Bild](bild.png), [Web](https://example.org/Birne.md), [oben](#Apfel); aber [fehlt](Fehlt.md).',
    'Ohne Ziel: [Quitte](sub/Quitte.md#Fehlt), [Lizenz](002-lizenz.txt).',
    '',
    '[b]: ./Birne.md',
  ]),
  'Birne.md': entryLines('Birne', 'Birne', ['[Apfel](#Apfel)']),
  // As VS Code names a file with a blank: encoded in its URI.
  'Gelbe%20Birne.md': entryLines('Gelbe Birne', 'Gelbe-Birne', ['[Apfel](#Apfel)']),
  'sub/Quitte.md': entryLines('Quitte', 'Quitte', ['[Apfel](../Apfel.md)'], ['### Herkunft {#Herkunft .explanation}', '', 'Persien.']),
};

const fileLinkFindings = (name: string) =>
  diagnosticsOf(files, name)
    .filter((diagnostic) => diagnostic.code === 'file-link')
    .map(({ range, severity, message }) => ({ range, severity, message }));

test('file-link: a link to a file of the glossary by its path, once per URL written, with the id it leads to in the book', () => {
  const why = (file: string) => `The link points at the file ${file}, which the book does not have: pandoc joins the glossary's files into one.`;
  assert.deepEqual(fileLinkFindings('Apfel.md'), [
    { range: '2:12-2:20', severity: 'warning', message: `${why('Birne.md')} Link its id instead: #Birne.` },
    { range: '2:38-2:60', severity: 'warning', message: `${why('sub/Quitte.md')} Link its id instead: #Herkunft.` },
    { range: '2:72-2:86', severity: 'warning', message: `${why('Gelbe Birne.md')} Link its id instead: #Gelbe-Birne.` },
    // A Markdown file the glossary does not hold: no page of the book either.
    { range: '3:91-3:99', severity: 'warning', message: `${why('Fehlt.md')} No file of the glossary has that name.` },
    { range: '4:20-4:39', severity: 'warning', message: `${why('sub/Quitte.md')} No heading of sub/Quitte.md gives the id "Fehlt".` },
    { range: '4:51-4:65', severity: 'warning', message: `${why('002-lizenz.txt')} Give a heading of it an id, and link that.` },
    // The reference definition that both `[…][b]` use, once.
    { range: '6:5-6:15', severity: 'warning', message: `${why('Birne.md')} Link its id instead: #Birne.` },
    { range: '11:8-11:21', severity: 'warning', message: `${why('001-index.txt')} Link its id instead: #Index.` },
  ]);
  // From another folder, the path goes up.
  assert.deepEqual(fileLinkFindings('sub/Quitte.md').map((finding) => finding.message), [`${why('../Apfel.md')} Link its id instead: #Apfel.`]);
  assert.deepEqual(fileLinkFindings('Birne.md'), []);
});

test('file-link: a path holding half of a surrogate pair (an emoji being typed) names no file, and breaks nothing', () => {
  const half = { ...files, 'Apfel.md': entryLines('Apfel', 'Apfel', [], ['Wie [B](Bir\uD83Dne.md) und [C](\uDC4D.md#x).']) };
  assert.deepEqual(diagnosticsOf(half, 'Apfel.md').filter((diagnostic) => diagnostic.code === 'file-link').map((diagnostic) => diagnostic.message.split(' one. ')[1]), [
    'No file of the glossary has that name.',
    'No file of the glossary has that name.',
  ]);
});

test('file-link: the URLs the parser takes for paths are those pandoc reads, escapes and references resolved', async () => {
  const text = files['Apfel.md'].join('\n');
  const relative = (await pandocLinkUrls([], text)).filter((url) => !url.startsWith('#') && !/^[a-z]+:/i.test(url));
  assert.deepEqual(parseGlossaryDocument(text, uriOf('Apfel.md'), 1).fileLinks.map((link) => link.url), relative);
  assert.ok(relative.includes('Gelbe%20Birne.md') && relative.includes('./Birne.md'), relative.join(' '));
});

/** The quick fixes of a file's file-link findings, each applied alone, and all of them applied together. */
function fileLinkFixes(name: keyof typeof files): { readonly titles: string[]; readonly text: string } {
  const index = indexOf(files);
  const uri = uriOf(name);
  const document = TextDocument.create(uri, 'markdown', 1, files[name].join('\n'));
  const diagnostics = computeDiagnostics(index.document(uri)!, index, defaultConfig).filter((diagnostic) => diagnostic.code === 'file-link');
  const wholeFile = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };
  const actions: CodeAction[] = codeActions({ index, config: defaultConfig, document, diagnostics, documentChanges: true, renamesFiles: true, newEntryUri: () => undefined }, wholeFile, ['quickfix']);
  // Preferred where the file holds the entry it is named for; `Gelbe Birne.md` holds `#Gelbe-Birne`, whose name it is not.
  assert.deepEqual(actions.filter((action) => !action.isPreferred).map((action) => action.title), name === 'Apfel.md' ? ['Link the id "#Gelbe-Birne" instead of the file'] : []);
  const edits = actions.flatMap((action) => (action.edit?.documentChanges ?? []).flatMap((change) => (TextDocumentEdit.is(change) ? (change.edits as TextEdit[]) : [])));
  return { titles: actions.map((action) => action.title), text: TextDocument.applyEdits(document, edits) };
}

test('file-link quick fix: the URL becomes the id, the label stays; in the book, pandoc then reads every link as one to an id it has', async () => {
  const { titles, text } = fileLinkFixes('Apfel.md');
  assert.deepEqual(titles, ['Link the id "#Birne" instead of the file', 'Link the id "#Herkunft" instead of the file', 'Link the id "#Gelbe-Birne" instead of the file', 'Link the id "#Birne" instead of the file', 'Link the id "#Index" instead of the file']);
  assert.deepEqual(text.split('\n').slice(2, 7), [
    'Wie [Birne](#Birne), [die Herkunft](#Herkunft), [gelbe](<#Gelbe-Birne>) und [Birnen][b].',
    'Nicht: [Bild](bild.png), [Web](https://example.org/Birne.md), [oben](#Apfel); aber [fehlt](Fehlt.md).',
    'Ohne Ziel: [Quitte](sub/Quitte.md#Fehlt), [Lizenz](002-lizenz.txt).',
    '',
    '[b]: #Birne',
  ]);
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-file-links-'));
  try {
    const written = { ...files, 'Apfel.md': text.split('\n'), 'sub/Quitte.md': fileLinkFixes('sub/Quitte.md').text.split('\n') };
    for (const [name, lines] of Object.entries(written)) {
      const file = path.join(folder, decodeURIComponent(name));
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, lines.join('\n') + '\n');
    }
    const book = Object.keys(written).sort().map((name) => path.join(folder, decodeURIComponent(name)));
    const urls = await pandocLinkUrls(book);
    const ids = new Set((await pandocFactsOfText(Object.values(written).map((lines) => lines.join('\n')).join('\n\n'))).ids);
    // What is left to the writer: the files no link can be mended to (no such id, no id), and the files outside the glossary.
    assert.deepEqual(urls.filter((url) => !url.startsWith('#')), ['bild.png', 'https://example.org/Birne.md', 'Fehlt.md', 'sub/Quitte.md#Fehlt', '002-lizenz.txt']);
    assert.deepEqual(urls.filter((url) => url.startsWith('#') && !ids.has(url.slice(1))), []);
    // The mended files report no file-link but those.
    const mended = indexOf(written);
    const left = Object.keys(written).flatMap((name) => computeDiagnostics(mended.document(uriOf(name))!, mended, defaultConfig).filter((d) => d.code === 'file-link').map((d) => `${name} ${rangeText(d.range)}`));
    assert.deepEqual(left, ['Apfel.md 3:91-3:99', 'Apfel.md 4:20-4:39', 'Apfel.md 4:51-4:65']);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

test('file-link: a file named in another case is that file (one file on Windows and macOS); an empty fragment is none; a heading\'s automatic id, which headings in other files may give too, gets no fix', () => {
  const named = {
    'Apfel.md': entryLines('Apfel', 'Apfel', [], ['Wie [B](birne.md), [B](Birne.md#) und [H](Birne.md#herkunft).', '', '### Herkunft {.explanation}', '', 'Aus Asien.']),
    'Birne.md': entryLines('Birne', 'Birne', [], ['### Herkunft {.explanation}', '', 'Aus Persien.']),
  };
  const index = indexOf(named);
  const findings = computeDiagnostics(index.document(uriOf('Apfel.md'))!, index, defaultConfig).filter((diagnostic) => diagnostic.code === 'file-link');
  assert.deepEqual(findings.map((finding) => finding.message.split(' one. ')[1]), [
    'Link its id instead: #Birne.',
    'Link its id instead: #Birne.',
    'Its heading gives the id "herkunft" automatically, as headings in other files may: give it an explicit {#id}, and link that.',
  ]);
  const document = TextDocument.create(uriOf('Apfel.md'), 'markdown', 1, named['Apfel.md'].join('\n'));
  const wholeFile = { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } };
  const titles = codeActions({ index, config: defaultConfig, document, diagnostics: findings, documentChanges: true, renamesFiles: true, newEntryUri: () => undefined }, wholeFile, ['quickfix']).map((action) => action.title);
  // `#herkunft` is Apfel's own section in the book (pandoc numbers Birne's `herkunft-1`): no fix for it.
  assert.deepEqual(titles, ['Link the id "#Birne" instead of the file', 'Link the id "#Birne" instead of the file']);
});

test('file-link: a link to the entry\'s own file gets no fix, which would make it a self-link; one to a section of it does', () => {
  const own = { 'Apfel.md': entryLines('Apfel', 'Apfel', [], ['Wie [A](Apfel.md) und [H](Apfel.md#Herkunft).', '', '### Herkunft {#Herkunft .explanation}', '', 'Aus Asien.']) };
  const index = indexOf(own);
  const findings = computeDiagnostics(index.document(uriOf('Apfel.md'))!, index, defaultConfig).filter((diagnostic) => diagnostic.code === 'file-link');
  assert.deepEqual(findings.map((finding) => finding.message.split(' one. ')[1]), ["It is this entry's own file: in the book, the link would lead back to #Apfel itself. Remove the link, or link another entry.", 'Link its id instead: #Herkunft.']);
  const document = TextDocument.create(uriOf('Apfel.md'), 'markdown', 1, own['Apfel.md'].join('\n'));
  const actions = codeActions({ index, config: defaultConfig, document, diagnostics: findings, documentChanges: true, renamesFiles: true, newEntryUri: () => undefined }, { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } }, ['quickfix']);
  assert.deepEqual(actions.map((action) => action.title), ['Link the id "#Herkunft" instead of the file']);
});

test('file-link: the files linking to a file by its path are checked anew when its section\'s id is written out, which the link then leads to', () => {
  const linking = { 'Apfel.md': entryLines('Apfel', 'Apfel', [], ['Siehe [H](Quitte.md#herkunft).']), 'Quitte.md': entryLines('Quitte', 'Quitte', [], ['### Herkunft', '', 'Persien.']) };
  const index = indexOf(linking);
  const message = () => computeDiagnostics(index.document(uriOf('Apfel.md'))!, index, defaultConfig).find((diagnostic) => diagnostic.code === 'file-link')?.message.split(' one. ')[1];
  assert.match(message()!, /^Its heading gives the id "herkunft" automatically/);
  const change = index.update(parseGlossaryDocument(entryLines('Quitte', 'Quitte', [], ['### Herkunft {#herkunft}', '', 'Persien.']).join('\n'), uriOf('Quitte.md'), 2));
  assert.ok(change.affectedUris.has(uriOf('Apfel.md')), [...change.affectedUris].join(' '));
  assert.equal(message(), 'Link its id instead: #herkunft.');
});

test('file-link: a file holding another entry than its name says (Claude.md a copy of CNN) gets no preferred fix; an entry whose id is automatic none at all', () => {
  const copy = {
    'Apfel.md': entryLines('Apfel', 'Apfel', [], ['Wie [Claude](Claude.md) und [B](Birne.md).']),
    'Claude.md': entryLines('CNN', 'CNN', []),
    'CNN.md': entryLines('CNN', 'CNN', []),
    'Birne.md': ['## Birne {.chapter .small .term}', '', 'Text.'],
  };
  const index = indexOf(copy);
  const findings = computeDiagnostics(index.document(uriOf('Apfel.md'))!, index, defaultConfig).filter((diagnostic) => diagnostic.code === 'file-link');
  assert.deepEqual(findings.map((finding) => finding.message.split(' one. ')[1]), ['Link its id instead: #CNN.', 'Give a heading of it an id, and link that.']);
  const document = TextDocument.create(uriOf('Apfel.md'), 'markdown', 1, copy['Apfel.md'].join('\n'));
  const actions = codeActions({ index, config: defaultConfig, document, diagnostics: findings, documentChanges: true, renamesFiles: true, newEntryUri: () => undefined }, { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } }, ['quickfix']);
  assert.deepEqual(actions.map((action) => [action.title, action.isPreferred ?? false]), [['Link the id "#CNN" instead of the file', false]]);
});

test('file-link: a link to an id that a heading gives, written without its # (`[Crawler](Birne)`), leads to no file in the book; its fix writes the #; other names are left alone', async () => {
  const files = {
    'Apfel.md': entryLines('Apfel', 'Apfel', [], ['Wie [B](Birne), [L](LICENSE), [Bild](bild.png), [W](https://example.org/Birne) und [G](../Birne).']),
    'Birne.md': entryLines('Birne', 'Birne', []),
  };
  const index = indexOf(files);
  const findings = computeDiagnostics(index.document(uriOf('Apfel.md'))!, index, defaultConfig).filter((diagnostic) => diagnostic.code === 'file-link');
  assert.deepEqual(findings.map((finding) => [rangeText(finding.range), finding.message]), [
    ['2:8-2:13', 'The link points at a file "Birne", which the book does not have: a link to the id Birne is written with # before it, #Birne.'],
  ]);
  const document = TextDocument.create(uriOf('Apfel.md'), 'markdown', 1, files['Apfel.md'].join('\n'));
  const actions = codeActions({ index, config: defaultConfig, document, diagnostics: findings, documentChanges: true, renamesFiles: true, newEntryUri: () => undefined }, { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } }, ['quickfix']);
  assert.deepEqual(actions.map((action) => [action.title, action.isPreferred ?? false]), [['Link the id "#Birne" instead of the file', true]]);
  const fixed = TextDocument.applyEdits(document, (actions[0]!.edit!.documentChanges![0] as TextDocumentEdit).edits as TextEdit[]);
  assert.deepEqual((await pandocFactsOfText(document.getText())).links.filter((id) => id === 'Birne'), []);
  assert.deepEqual((await pandocFactsOfText(fixed)).links.filter((id) => id === 'Birne'), ['Birne']);
  // A heading coming to give LICENSE as its id makes that link one without its # too: the linking file is checked anew.
  const change = index.update(parseGlossaryDocument(entryLines('Lizenz', 'LICENSE', []).join('\n'), uriOf('Lizenz.md'), 1));
  assert.ok(change.affectedUris.has(uriOf('Apfel.md')), [...change.affectedUris].join(' '));
  assert.equal(computeDiagnostics(index.document(uriOf('Apfel.md'))!, index, defaultConfig).filter((diagnostic) => diagnostic.code === 'file-link').length, 2);
});

test('files dropped into an entry: links to their ids in the text, or items of the see-also list in its order; onto the index page, under their letters; none for a file outside the glossary or without an id', () => {
  const index = indexOf(files);
  const uri = uriOf('Birne.md');
  const document = TextDocument.create(uri, 'markdown', 1, files['Birne.md'].join('\n'));
  const dropped = (names: readonly string[], line: number, character: number) => entryLinksEdit(index, defaultConfig, names.map(uriOf), document, { line, character });
  // In the text: parted by commas, each entry's title as its label.
  assert.deepEqual(dropped(['Apfel.md', 'Gelbe%20Birne.md', 'sub/Quitte.md'], 2, 5), { text: '[Apfel](#Apfel), [Gelbe Birne](#Gelbe-Birne), [Quitte](#Quitte)', edits: [] });
  assert.deepEqual(dropped(['001-index.txt'], 2, 0), { text: '[Index](#Index)', edits: [] });
  // In the see-also list (line 6 `[Apfel](#Apfel) |`, line 7 `[Index](#Index) |`, line 8 blank before `----`): wherever it lands,
  // in the middle of an item or on the blank line above the rule, each link goes in in order, Index last, the rule kept.
  const listed = (names: readonly string[], line: number, character: number) => {
    const edit = dropped(names, line, character)!;
    assert.equal(edit.text, '');
    return TextDocument.applyEdits(document, [...edit.edits]).split('\n').slice(4);
  };
  const expected = ['### Verwandte Themen {.seealso}', '', '[Apfel](#Apfel) |', '[Gelbe Birne](#Gelbe-Birne) |', '[Quitte](#Quitte) |', '[Index](#Index) |', '', '----'];
  for (const [line, character] of [[5, 0], [6, 3], [7, 17], [8, 0]] as const) {
    assert.deepEqual(listed(['sub/Quitte.md', 'Gelbe%20Birne.md'], line, character), expected, `dropped at ${line}:${character}`);
  }
  // A link the list has already is not added twice, nor the entry's own.
  assert.deepEqual(listed(['Apfel.md', 'sub/Quitte.md', 'Birne.md'], 6, 0), ['### Verwandte Themen {.seealso}', '', '[Apfel](#Apfel) |', '[Quitte](#Quitte) |', '[Index](#Index) |', '', '----']);
  assert.deepEqual(dropped(['Apfel.md', '001-index.txt'], 6, 0), { text: '', edits: [], list: 'seeAlso' });
  // The index page goes last; a list that links it as `#index` links it already. Before a bare link that is the list's only one, an item gets the template's ` |`.
  const bare = indexOf({ ...files, 'Birne.md': ['## Birne {#Birne .chapter .small .term}', '', '### Siehe {.seealso}', '', '[Quitte](#Quitte) |', '[Zitrone](#Zitrone)', '', '----'] });
  const bareDocument = TextDocument.create(uri, 'markdown', 1, ['## Birne {#Birne .chapter .small .term}', '', '### Siehe {.seealso}', '', '[Quitte](#Quitte) |', '[Zitrone](#Zitrone)', '', '----'].join('\n'));
  const intoBare = (names: readonly string[]) => TextDocument.applyEdits(bareDocument, [...entryLinksEdit(bare, defaultConfig, names.map(uriOf), bareDocument, { line: 4, character: 0 })!.edits]).split('\n').slice(4, 8);
  // The last item, bare, gets the list's separator before the index link: the two must not run together.
  assert.deepEqual(intoBare(['001-index.txt', 'Apfel.md']), ['[Apfel](#Apfel) |', '[Quitte](#Quitte) |', '[Zitrone](#Zitrone) |', '[Index](#Index)']);
  const onlyIndex = ['## Birne {#Birne .chapter .small .term}', '', '### Siehe {.seealso}', '', '[index](#index)', '', '----'];
  const indexOnly = indexOf({ ...files, 'Birne.md': onlyIndex });
  const indexOnlyDocument = TextDocument.create(uri, 'markdown', 1, onlyIndex.join('\n'));
  const intoIndexOnly = entryLinksEdit(indexOnly, defaultConfig, ['001-index.txt', 'Apfel.md'].map(uriOf), indexOnlyDocument, { line: 4, character: 0 })!;
  assert.deepEqual(TextDocument.applyEdits(indexOnlyDocument, [...intoIndexOnly.edits]).split('\n').slice(4, 6), ['[Apfel](#Apfel) |', '[index](#index)']);
  // Onto the index page, wherever: each entry it does not list yet under its letter, the section made where it is missing.
  const page = ['# Index {#Index}', '', '### A {.index}', '', '[Apfel](#Apfel) |', '', '### Q {.index}', '', '[Quitte](#Quitte) |', ''];
  const withPage = indexOf({ ...files, '001-index.txt': page });
  const pageDocument = TextDocument.create(uriOf('001-index.txt'), 'markdown', 1, page.join('\n'));
  const ontoPage = entryLinksEdit(withPage, defaultConfig, ['Gelbe%20Birne.md', 'Apfel.md', 'Birne.md'].map(uriOf), pageDocument, { line: 0, character: 2 })!;
  assert.deepEqual([ontoPage.text, ontoPage.list], ['', 'index']);
  assert.deepEqual(TextDocument.applyEdits(pageDocument, [...ontoPage.edits]).split('\n'), [
    '# Index {#Index}', '', '### A {.index}', '', '[Apfel](#Apfel) |', '', '### B {.index}', '', '[Birne](#Birne) |', '', '### G {.index}', '', '[Gelbe Birne](#Gelbe-Birne) |', '', '### Q {.index}', '', '[Quitte](#Quitte) |', '',
  ]);
  // An entry the page lists by its title under another id (`[Birne](#Birnen)`) is listed; a page that is no entry is none to list.
  const byTitle = ['# Index {#Index}', '', '### B {.index}', '', '[Birne](#Birnen) |', ''];
  const withTitle = indexOf({ ...files, '001-index.txt': byTitle, 'Vorwort.md': ['# Vorwort {#Vorwort}', '', 'Text.'] });
  const titleDocument = TextDocument.create(uriOf('001-index.txt'), 'markdown', 1, byTitle.join('\n'));
  assert.deepEqual(entryLinksEdit(withTitle, defaultConfig, ['Birne.md', 'Vorwort.md'].map(uriOf), titleDocument, { line: 0, character: 0 }), { text: '', edits: [], list: 'index' });
  // After the one link of a list, bare on its line, a new one gets the template's ` |` between them.
  const lone = ['## Birne {#Birne .chapter .small .term}', '', '### Siehe {.seealso}', '', '[Apfel](#Apfel)', '', '----'];
  const loneDocument = TextDocument.create(uri, 'markdown', 1, lone.join('\n'));
  const intoLone = entryLinksEdit(indexOf({ ...files, 'Birne.md': lone }), defaultConfig, [uriOf('sub/Quitte.md')], loneDocument, { line: 4, character: 0 })!;
  assert.deepEqual(TextDocument.applyEdits(loneDocument, [...intoLone.edits]).split('\n').slice(4, 6), ['[Apfel](#Apfel) |', '[Quitte](#Quitte)']);
  // A file the glossary does not hold, or one without an id, leaves the drop to the editor's other providers: all files alike.
  assert.equal(dropped(['Apfel.md', 'bild.png'], 2, 0), undefined);
  assert.equal(dropped(['002-lizenz.txt'], 2, 0), undefined);
  assert.equal(dropped([], 2, 0), undefined);
});
