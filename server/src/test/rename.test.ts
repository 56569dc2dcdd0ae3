import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { pandocFactsOfText } from './pandoc';
import { entryFileRename, prepareRename, RenameRefused, renameId } from '../features/rename';
import { rangeText, uriOf } from './support/tinyWorkspace';
import { withCursor } from './support/cursor';
import { parseGlossaryDocument } from '../parse/parser';

const files = {
  'Data-Scraping.md': ['## Data Scraping {#Data-Scraping .term}', '', 'See [web](#Web-Crawler).', '', 'And [plain](#plain-heading).'],
  'Web-Crawler.md': ['## Web Crawler {#Web-Crawler .term}', '', '## Plain heading'],
  'B.md': ['[a](#Web-Crawler) and [b][ref] and [c][ref]', '', '[ref]: #Web-Crawler'],
};

function at(name: string, line: number, marker: string) {
  const lines = files[name as keyof typeof files].map((text, i) => (i === line ? text.replace(marker, `‸${marker}`) : text));
  return withCursor({ ...files, [name]: lines });
}

function changesOf(edit: WorkspaceEdit): string[] {
  return (edit.documentChanges ?? []).map((change) =>
    TextDocumentEdit.is(change)
      ? `${change.textDocument.uri.slice(11)}@${change.textDocument.version}: ${change.edits.map((e) => `${rangeText(e.range)} ${'newText' in e ? e.newText : ''}`).join(', ')}`
      : `${change.kind} ${'oldUri' in change ? `${change.oldUri.slice(11)} -> ${change.newUri.slice(11)}` : ''}`,
  );
}

test('prepareRename names the id at a link or an explicit heading id', () => {
  const onLink = at('Data-Scraping.md', 2, 'web]');
  assert.deepEqual(prepareRename(onLink.index, onLink.uri, onLink.position), { id: 'Web-Crawler', range: { start: { line: 2, character: 11 }, end: { line: 2, character: 22 } } });
  const onHeading = at('Web-Crawler.md', 0, 'Crawler .term');
  assert.equal(prepareRename(onHeading.index, onHeading.uri, onHeading.position).id, 'Web-Crawler');
});

test('prepareRename on a reference link names a range on the cursor\'s line: the link, or in its definition (label or id) the id', () => {
  // An editor drops a range off the cursor's line: the id, written in the definition, is no answer on the link.
  const onLink = at('B.md', 0, 'b][ref]');
  assert.deepEqual(prepareRename(onLink.index, onLink.uri, onLink.position), { id: 'Web-Crawler', range: { start: { line: 0, character: 22 }, end: { line: 0, character: 30 } } });
  const onLabel = at('B.md', 2, 'ref]:');
  assert.deepEqual(prepareRename(onLabel.index, onLabel.uri, onLabel.position), { id: 'Web-Crawler', range: { start: { line: 2, character: 8 }, end: { line: 2, character: 19 } } });
  const onId = at('B.md', 2, 'Crawler');
  assert.deepEqual(prepareRename(onId.index, onId.uri, onId.position), { id: 'Web-Crawler', range: { start: { line: 2, character: 8 }, end: { line: 2, character: 19 } } });
  // Renamed from the label, the definition's id changes, and with it the links that use it.
  const edit = renameId(onLabel.index, onLabel.uri, onLabel.position, 'Web-Spider', { isOpen: () => false, documentChanges: true, renamesFiles: false });
  assert.ok(changesOf(edit).some((change) => change.startsWith('B.md') && change.includes('2:8-2:19 Web-Spider')), changesOf(edit).join('\n'));
});

test('prepareRename refuses text, and automatic ids, with a message', () => {
  const onText = at('Data-Scraping.md', 2, 'See');
  assert.throws(() => prepareRename(onText.index, onText.uri, onText.position), RenameRefused);
  const onPlain = at('Web-Crawler.md', 2, 'Plain');
  assert.throws(() => prepareRename(onPlain.index, onPlain.uri, onPlain.position), /automatic id/);
  const onLinkToPlain = at('Data-Scraping.md', 4, 'plain]');
  assert.throws(() => prepareRename(onLinkToPlain.index, onLinkToPlain.uri, onLinkToPlain.position), /automatic id/);
  assert.throws(() => renameId(onLinkToPlain.index, onLinkToPlain.uri, onLinkToPlain.position, 'Plain', { isOpen: () => false, documentChanges: true, renamesFiles: true }), /automatic id/);
  // A link that names its heading by the heading's text writes no id: said so, not "put the cursor on a link".
  const implicit = withCursor({ ...files, 'Web-Crawler.md': [...files['Web-Crawler.md'], '', 'See [‸Plain heading].'] });
  assert.throws(() => prepareRename(implicit.index, implicit.uri, implicit.position), {
    message: 'This link names the heading "Plain heading" by its text and writes no id: rename the heading\'s text, or write the link with its id, [Plain heading](#plain-heading).',
  });
});

test('a rename that would renumber a linked automatic id of its file (`{#kern}`, then `### Kern` is kern-1) is refused', () => {
  const kern = { 'A.md': ['## Kern {#kern .term}', '', '### Kern', '', '### Kern'], 'B.md': ['[x](#kern-2) und [y](#k‸ern)'] };
  const fromLink = withCursor(kern);
  const reason = 'Renaming "kern" would change the automatic id "kern-2" of the heading "Kern" in A.md, and the links to it would break: write {#kern-2} in that heading first.';
  assert.throws(() => prepareRename(fromLink.index, fromLink.uri, fromLink.position), { message: reason });
  const atHeading = withCursor({ ...kern, 'A.md': ['## Kern {#ke‸rn .term}', ...kern['A.md'].slice(1)] });
  assert.throws(() => prepareRename(atHeading.index, atHeading.uri, atHeading.position), { message: reason });
  // Unlinked, the numbered ids change nothing that links use; an id the headings' text does not give numbers none.
  const unlinked = withCursor({ ...kern, 'B.md': ['[y](#k‸ern)'] });
  assert.equal(prepareRename(unlinked.index, unlinked.uri, unlinked.position).id, 'kern');
  const other = withCursor({ 'A.md': ['## Kern {#Kern .term}', '', '### Kern'], 'B.md': ['[x](#kern) [y](#K‸ern)'] });
  assert.equal(prepareRename(other.index, other.uri, other.position).id, 'Kern');
});

test('rename to the same id changes nothing; a file of the new name that exists is not renamed over', () => {
  const { index, uri, position } = at('Data-Scraping.md', 2, 'web]');
  const options = { isOpen: () => false, documentChanges: true, renamesFiles: true };
  assert.deepEqual(renameId(index, uri, position, 'Web-Crawler', options), {});
  // Crawler.md holds no heading with the id Crawler, so the id is free, but the file name is not.
  const withFile = withCursor({ ...files, 'Data-Scraping.md': files['Data-Scraping.md'].map((text, i) => (i === 2 ? text.replace('web]', '‸web]') : text)), 'Crawler.md': ['Notizen.'] });
  assert.deepEqual(changesOf(renameId(withFile.index, withFile.uri, withFile.position, 'Crawler', options)), [
    'Web-Crawler.md@null: 0:17-0:28 Crawler',
    'B.md@null: 0:5-0:16 Crawler, 2:8-2:19 Crawler',
    'Data-Scraping.md@null: 2:11-2:22 Crawler',
  ]);
});

test('rename changes the heading, every link and a shared reference definition once, and the file named after the id', () => {
  const { index, uri, position } = at('Data-Scraping.md', 2, 'web]');
  const edit = renameId(index, uri, position, 'Crawler', { isOpen: (uri: string) => uri === uriOf('B.md'), documentChanges: true, renamesFiles: true });
  assert.deepEqual(changesOf(edit), [
    'Web-Crawler.md@null: 0:17-0:28 Crawler',
    'B.md@1: 0:5-0:16 Crawler, 2:8-2:19 Crawler',
    'Data-Scraping.md@null: 2:11-2:22 Crawler',
    'rename Web-Crawler.md -> Crawler.md',
  ]);
});

test('a # written escaped or as a character reference stays: the id after it is renamed, and pandoc reads links to the new id', async () => {
  const written = ['[a](\\#B) [b](&#35;B) [c](<&#x23;B>) [d](&num;B) [e][r] [f][s]', '', '[r]: \\#B', '[s]: <&#035;B>'];
  const { index, uri, position } = withCursor({ 'B.md': ['## B {#‸B .term}'], 'A.md': written });
  const edit = renameId(index, uri, position, 'C', { isOpen: () => false, documentChanges: true, renamesFiles: false });
  const change = edit.documentChanges!.find((candidate) => TextDocumentEdit.is(candidate) && candidate.textDocument.uri === uriOf('A.md')) as TextDocumentEdit;
  const text = TextDocument.applyEdits(TextDocument.create(uriOf('A.md'), 'markdown', 1, written.join('\n')), change.edits as TextEdit[]);
  assert.equal(text, written.join('\n').replace(/B/g, 'C'));
  assert.deepEqual((await pandocFactsOfText(text)).links, ['C', 'C', 'C', 'C', 'C', 'C']);
});

test('rename refuses an id that exists or cannot be an id', () => {
  const { index, uri, position } = at('Data-Scraping.md', 2, 'web]');
  const options = { isOpen: () => false, documentChanges: true, renamesFiles: true };
  assert.throws(() => renameId(index, uri, position, 'Data-Scraping', options), /is already defined in Data-Scraping.md/);
  assert.throws(() => renameId(index, uri, position, 'Web Crawler', options), /contains a space:/);
  assert.throws(() => renameId(index, uri, position, '../x', options), RenameRefused);
});

test('without documentChanges support, rename answers plain changes and leaves the file name', () => {
  const { index, uri, position } = at('Data-Scraping.md', 2, 'web]');
  const edit = renameId(index, uri, position, 'Crawler', { isOpen: () => false, documentChanges: false, renamesFiles: false });
  assert.deepEqual(Object.keys(edit.changes ?? {}).map((key) => key.slice(11)), ['Web-Crawler.md', 'B.md', 'Data-Scraping.md']);
  assert.equal(edit.documentChanges, undefined);
});

test('a client with documentChanges but no file renames (Emacs eglot) gets versioned edits and the file name stays', () => {
  const { index, uri, position } = at('Data-Scraping.md', 2, 'web]');
  const edit = renameId(index, uri, position, 'Crawler', { isOpen: (uri: string) => uri === uriOf('B.md'), documentChanges: true, renamesFiles: false });
  assert.deepEqual(changesOf(edit), ['Web-Crawler.md@null: 0:17-0:28 Crawler', 'B.md@1: 0:5-0:16 Crawler, 2:8-2:19 Crawler', 'Data-Scraping.md@null: 2:11-2:22 Crawler']);
});

test('an open document\'s edit carries the version of the text indexed, so that an editor holding newer text refuses it', () => {
  const { index, uri, position } = at('Data-Scraping.md', 2, 'web]');
  index.update(parseGlossaryDocument(files['B.md'].join('\n'), uriOf('B.md'), 4, { termClass: 'term' }));
  const edit = renameId(index, uri, position, 'Crawler', { isOpen: (open: string) => open === uriOf('B.md'), documentChanges: true, renamesFiles: false });
  assert.deepEqual(changesOf(edit), ['Web-Crawler.md@null: 0:17-0:28 Crawler', 'B.md@4: 0:5-0:16 Crawler, 2:8-2:19 Crawler', 'Data-Scraping.md@null: 2:11-2:22 Crawler']);
});

test('an id written id="…" is renamed in its value, from a link and at the heading; written with escapes, rename is refused', () => {
  const quoted = {
    '3D-Modeling.md': ['## 3D Modeling {id="3D-Modeling" .chapter .term}'],
    'A.md': ['## A {#A .term}', '', 'Siehe [3D](#3D-Modeling).'],
    'E.md': ['## E {id="E\\-x" .term}', '', '[e](#E-x)'],
  };
  const cursorAt = (name: keyof typeof quoted, line: number, marker: string) =>
    withCursor({ ...quoted, [name]: quoted[name].map((text, i) => (i === line ? text.replace(marker, `‸${marker}`) : text)) });
  const fromLink = cursorAt('A.md', 2, '3D]');
  assert.deepEqual(changesOf(renameId(fromLink.index, fromLink.uri, fromLink.position, 'Modeling-3D', { isOpen: () => false, documentChanges: true, renamesFiles: true })), [
    '3D-Modeling.md@null: 0:20-0:31 Modeling-3D',
    'A.md@null: 2:12-2:23 Modeling-3D',
    'rename 3D-Modeling.md -> Modeling-3D.md',
  ]);
  const onHeading = cursorAt('3D-Modeling.md', 0, 'Modeling" .chapter');
  assert.equal(prepareRename(onHeading.index, onHeading.uri, onHeading.position).id, '3D-Modeling');
  const escaped = cursorAt('E.md', 2, 'e]');
  assert.throws(() => prepareRename(escaped.index, escaped.uri, escaped.position), /"E-x" is written with escapes/);
});

test('a new id that does not begin with a letter is written id="…" where the old one stood as #id, apart or glued; pandoc reads the renamed ids and the links lead to them', async () => {
  const glossary = {
    'Druck.md': ['## 3D-Druck {#Druck .chapter .term}', '', 'Ein [Teil]{.part#Teil} und [3D](#Druck).'],
    'A.md': ['## A {#A .term}', '', 'Siehe [3D-Druck](#Druck) und [den Teil](#Teil).', '', '```{.python #Code}', 'x', '```'],
  };
  const renamed = (name: keyof typeof glossary, line: number, marker: string, newId: string): Record<string, string> => {
    const { index, uri, position } = withCursor({ ...glossary, [name]: glossary[name].map((text, i) => (i === line ? text.replace(marker, `‸${marker}`) : text)) });
    const edit = renameId(index, uri, position, newId, { isOpen: () => false, documentChanges: true, renamesFiles: false });
    const texts: Record<string, string> = {};
    for (const change of edit.documentChanges ?? []) {
      if (!TextDocumentEdit.is(change)) continue;
      const file = change.textDocument.uri.slice(11) as keyof typeof glossary;
      texts[file] = TextDocument.applyEdits(TextDocument.create(change.textDocument.uri, 'markdown', 0, glossary[file].join('\n')), change.edits as TextEdit[]);
    }
    return texts;
  };
  const heading = renamed('A.md', 2, '3D-Druck]', '3D-Druck');
  assert.deepEqual(heading, {
    'Druck.md': '## 3D-Druck {id="3D-Druck" .chapter .term}\n\nEin [Teil]{.part#Teil} und [3D](#3D-Druck).',
    'A.md': 'Siehe [3D-Druck](#3D-Druck) und [den Teil](#Teil).'.replace(/^/, '## A {#A .term}\n\n') + '\n\n```{.python #Code}\nx\n```',
  });
  const span = renamed('Druck.md', 2, 'Teil}', '2-Teil');
  assert.equal(span['Druck.md'], '## 3D-Druck {#Druck .chapter .term}\n\nEin [Teil]{.part id="2-Teil"} und [3D](#Druck).');
  const code = renamed('A.md', 4, 'Code}', '1Code');
  assert.equal(code['A.md']!.split('\n')[4], '```{.python id="1Code"}');
  for (const texts of [heading, span, code] as Record<string, string>[]) {
    const book = Object.keys(glossary).map((name) => texts[name] ?? glossary[name as keyof typeof glossary].join('\n')).join('\n\n');
    const facts = await pandocFactsOfText(book);
    const model = parseGlossaryDocument(book, uriOf('book.md'), 0, { termClass: 'term' });
    assert.deepEqual(model.anchors.map((anchor) => anchor.id).sort(), facts.ids.filter((id) => id !== '').sort(), book);
    for (const link of model.links) assert.ok(facts.ids.includes(link.target), `pandoc reads #${link.target}:\n${book}`);
  }
  // Of an id defined twice, the one at the cursor alone.
  const twice = withCursor({ 'X.md': ['## X {#D‸up .term}'], 'Y.md': ['## Y {#Dup .term}'] });
  assert.deepEqual(changesOf(renameId(twice.index, twice.uri, twice.position, '2-Dup', { isOpen: () => false, documentChanges: true, renamesFiles: false })), ['X.md@null: 0:6-0:10 id="2-Dup"']);
  // Back to an id that begins with a letter: written in the value, as it stands.
  const { index, uri, position } = withCursor({ 'D.md': ['## 3D {id="3D-Druck" .term}', '', '[x](#3D-Dr‸uck)'] });
  assert.deepEqual(changesOf(renameId(index, uri, position, 'Druck', { isOpen: () => false, documentChanges: true, renamesFiles: false })), ['D.md@null: 0:11-0:19 Druck, 2:5-2:13 Druck']);
});

test('the index page\'s id is never renamed, nor taken: every see-also list links it last', () => {
  const glossary = {
    'Index.md': ['# Index {#Index}'],
    'Tidyverse.md': ['## Tidyverse {#Tidyverse .term}', '', '[Index](#Index) |'],
  };
  const onEntry = withCursor({ ...glossary, 'Tidyverse.md': ['## Tidyverse {#Tidy‸verse .term}', '', '[Index](#Index) |'] });
  assert.throws(
    () => renameId(onEntry.index, onEntry.uri, onEntry.position, 'Index', { isOpen: () => false, documentChanges: true, renamesFiles: true }),
    /The id "Index" belongs to the index page/,
  );
  // Also where nothing defines #Index (every see-also list's link to it is broken then): the entry would take them all.
  const withoutIndexPage = withCursor({ 'Tidyverse.md': ['## Tidyverse {#Tidy‸verse .term}', '', '[Index](#Index) |'], 'A.md': ['[Index](#Index) |'] });
  assert.throws(
    () => renameId(withoutIndexPage.index, withoutIndexPage.uri, withoutIndexPage.position, 'Index', { isOpen: () => false, documentChanges: true, renamesFiles: true }),
    /The id "Index" belongs to the index page/,
  );
  const onIndexLink = withCursor({ ...glossary, 'Tidyverse.md': ['## Tidyverse {#Tidyverse .term}', '', '[Index](#In‸dex) |'] });
  assert.throws(() => prepareRename(onIndexLink.index, onIndexLink.uri, onIndexLink.position), /"Index" cannot be renamed: it is the index page's id/);
  const onIndexHeading = withCursor({ ...glossary, 'Index.md': ['# Index {#In‸dex}'] });
  assert.throws(() => prepareRename(onIndexHeading.index, onIndexHeading.uri, onIndexHeading.position), /"Index" cannot be renamed: it is the index page's id/);
});

test('an id defined twice: from a link the rename is refused (which is meant?); at one of its {#id}s that one alone is renamed', () => {
  const twice = {
    'AGI_v2.md': ['## AGI {#Artificial-General-Intelligence .term}'],
    'Artificial-General-Intelligence.md': ['## Artificial General Intelligence {#Artificial-General-Intelligence .term}'],
    'A.md': ['[AGI](#Artificial-General-Intelligence)'],
  };
  const fromLink = withCursor({ ...twice, 'A.md': ['[AGI](#Artificial-‸General-Intelligence)'] });
  assert.throws(
    () => prepareRename(fromLink.index, fromLink.uri, fromLink.position),
    /^Error: The id "Artificial-General-Intelligence" is defined 2 times \(AGI_v2\.md, Artificial-General-Intelligence\.md\): rename it at one of its \{#id\}s/,
  );
  const atOne = withCursor({ ...twice, 'AGI_v2.md': ['## AGI {#Artificial-General‸-Intelligence .term}'] });
  assert.deepEqual(prepareRename(atOne.index, atOne.uri, atOne.position), { id: 'Artificial-General-Intelligence', range: { start: { line: 0, character: 9 }, end: { line: 0, character: 40 } }, alone: true });
  // The links keep leading to the other, and no file is renamed.
  const edit = renameId(atOne.index, atOne.uri, atOne.position, 'AGI-v2', { isOpen: () => false, documentChanges: true, renamesFiles: true });
  assert.deepEqual(changesOf(edit), ['AGI_v2.md@null: 0:9-0:40 AGI-v2']);
});

test('the entry file keeps its name when a file of the new name is in the glossary', () => {
  const glossary = {
    'Tiktoken.md': ['## Tiktoken {#Tiktoken‸ .term}'],
    'Context-Window.md': ['## Constitutional AI {#Constitutional-AI .term}'],
  };
  const { index, uri, position } = withCursor(glossary);
  const kept: string[] = [];
  const edit = renameId(index, uri, position, 'Context-Window', { isOpen: () => false, documentChanges: true, renamesFiles: true, fileKept: (from, to) => kept.push(`${from} ${to}`) });
  assert.deepEqual(changesOf(edit), ['Tiktoken.md@null: 0:14-0:22 Context-Window']);
  assert.deepEqual(kept, [`${uriOf('Tiktoken.md')} ${uriOf('Context-Window.md')}`]);
  const rename = (newId: string, filesOnDisk?: ReadonlySet<string>) => entryFileRename(index, 'Tiktoken', newId, filesOnDisk);
  assert.deepEqual(rename('Context-Window'), { from: uriOf('Tiktoken.md'), to: uriOf('Context-Window.md'), inTheWay: uriOf('Context-Window.md') });
  assert.deepEqual(rename('Tokenizer'), { from: uriOf('Tiktoken.md'), to: uriOf('Tokenizer.md'), inTheWay: undefined });
  // Windows and macOS tell no names apart that differ in case alone: `context-window.md` is taken too, by the file that has the name.
  assert.deepEqual(rename('context-window'), { from: uriOf('Tiktoken.md'), to: uriOf('context-window.md'), inTheWay: uriOf('Context-Window.md') });
  // The entry's own file, renamed to another case, is in its own way on no system.
  assert.deepEqual(rename('TikToken'), { from: uriOf('Tiktoken.md'), to: uriOf('TikToken.md'), inTheWay: undefined });
  // A file on disk that the glossary leaves out (its `exclude`) is in the way too.
  assert.deepEqual(rename('Tokenizer', new Set([uriOf('Tokenizer.md')])), { from: uriOf('Tiktoken.md'), to: uriOf('Tokenizer.md'), inTheWay: uriOf('Tokenizer.md') });
});

test('names that differ in an umlaut\'s case alone are one file on Windows and macOS', () => {
  // As VS Code names the file: `Ä` encoded as `%C3%84`, which the lower case `%c3%84` of does not make `ä` (`%C3%A4`).
  const { index, uri, position } = withCursor({ 'Alpha.md': ['## Alpha {#Alpha‸ .term}'], '%C3%84pfel.md': ['## Äpfel {#Äpfel .term}'] });
  const kept: string[] = [];
  const edit = renameId(index, uri, position, 'äpfel', { isOpen: () => false, documentChanges: true, renamesFiles: true, fileKept: (from, inTheWay) => kept.push(`${from} ${inTheWay}`) });
  assert.deepEqual(changesOf(edit), ['Alpha.md@null: 0:11-0:16 äpfel']);
  assert.deepEqual(kept, [`${uriOf('Alpha.md')} ${uriOf('%C3%84pfel.md')}`]);
});

test('a heading whose attribute block goes on to the next line (a wrapped line) is renamed where its id stands', () => {
  const wrapped = {
    'Data-Scraping.md': ['## Data Scraping {.chapter .small', '#Data-Scraping .term}', '', 'Text.'],
    'A.md': ['## A {#A .term}', '', 'Siehe [DS](#Data-Scraping).'],
  };
  const fromLink = withCursor({ ...wrapped, 'A.md': wrapped['A.md'].map((text, i) => (i === 2 ? text.replace('DS]', '‸DS]') : text)) });
  assert.deepEqual(changesOf(renameId(fromLink.index, fromLink.uri, fromLink.position, 'Scraping', { isOpen: () => false, documentChanges: true, renamesFiles: true })), [
    'Data-Scraping.md@null: 1:1-1:14 Scraping',
    'A.md@null: 2:12-2:25 Scraping',
    'rename Data-Scraping.md -> Scraping.md',
  ]);
  const heading = fromLink.index.document(uriOf('Data-Scraping.md'))!.headings[0]!;
  assert.deepEqual([heading.text, heading.classes], ['Data Scraping', ['chapter', 'small', 'term']]);
});
