import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { CancellationToken, CancellationTokenSource, CodeAction, CodeActionParams, CodeActionTriggerKind, TextDocumentEdit, TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { answerCodeActions } from '../codeActionRequest';
import { DiskServices, readClosedFilesAsIndexed } from '../closedFiles';
import { readConcurrency } from '../index/readGlossaryFiles';
import { DiagnosticCode } from '../diagnostics/codes';
import { codeActions, filesEditedByQuickFixes, OtherDocument } from '../features/codeActions';
import { IndexChange } from '../index/workspaceIndex';
import { textFingerprint } from '../parse/fingerprint';
import { GlossarySession } from '../session/glossarySession';
import { InMemoryWorkspace } from '../workspace/inMemoryWorkspace';
import { entryLines, uriOf } from './support/tinyWorkspace';
import { cancelled } from './support/cursor';

const config = JSON.stringify({ indexFile: 'index.txt', severity: { 'seealso-not-reciprocal': 'hint', 'orphan-entry': 'off', 'index-anchor-missing': 'off' } });
const indexPage = ['# Index {#Index}', '', '### B {.index}', '', '[Birne](#Birne) |', '', '### Z {.index}', '', '[Zitrone](#Zitrone) |', ''];
const birneWithMoreText = entryLines('Birne', 'Birne', ['[Zitrone](#Zitrone)'], ['Etwas Text.', '', 'Noch ein Absatz.', '', 'Und noch einer.']);

/** A session over an in-memory glossary with Apfel.md open, counting the reads and the diagnostics worked out. */
async function openApfel() {
  const workspace = new InMemoryWorkspace({
    [uriOf('.git/HEAD')]: 'ref: refs/heads/main',
    [uriOf('.glossary.json')]: config,
    [uriOf('index.txt')]: indexPage.join('\n'),
    [uriOf('Apfel.md')]: entryLines('Apfel', 'Apfel', ['[Birne](#Birne)']).join('\n'),
    [uriOf('Birne.md')]: entryLines('Birne', 'Birne', ['[Zitrone](#Zitrone)']).join('\n'),
    [uriOf('Zitrone.md')]: entryLines('Zitrone', 'Zitrone', ['[Birne](#Birne)']).join('\n'),
  });
  const session = new GlossarySession(workspace, ['file:///ws']);
  await session.load(undefined, []);
  const apfel = TextDocument.create(uriOf('Apfel.md'), 'markdown', 1, entryLines('Apfel', 'Apfel', ['[Birne](#Birne)']).join('\n'));
  session.updateOpen({ uri: apfel.uri, version: apfel.version, text: apfel.getText() });
  const counts = { reads: [] as string[], diagnostics: 0 };
  const readFile = workspace.readFile.bind(workspace);
  workspace.readFile = (uri) => {
    counts.reads.push(uri.slice(uriOf('').length));
    return readFile(uri);
  };
  const diagnosticsOf = session.diagnosticsOf.bind(session);
  session.diagnosticsOf = (uri) => {
    counts.diagnostics++;
    return diagnosticsOf(uri);
  };
  const published: IndexChange[] = [];
  const services: DiskServices = {
    session,
    openDocument: (uri) => (uri === apfel.uri ? apfel : undefined),
    afterDiskWork: (work) => work(),
    publishChange: (change) => change && published.push(change),
  };
  const ask = (line: number, only?: string[], token?: CancellationToken): Promise<CodeAction[]> => {
    const params: CodeActionParams = { textDocument: { uri: apfel.uri }, range: { start: { line, character: 2 }, end: { line, character: 2 } }, context: { diagnostics: [], ...(only ? { only } : {}) } };
    return answerCodeActions(services, { documentChanges: true, createsFiles: true, renamesFiles: true, snippets: false }, params, token);
  };
  return { workspace, session, counts, published, ask };
}

/** The line of Apfel's see-also item `[Birne](#Birne)`, where seealso-not-reciprocal and not-in-index (on the heading, line 0) are not. */
const seeAlsoLine = 6;

test('a code action reads no other file unless a fix that edits one is asked for in the range, and works out the diagnostics once', async () => {
  const { counts, ask } = await openApfel();
  assert.deepEqual((await ask(2)).map((action) => action.title), []);
  assert.deepEqual(counts, { reads: [], diagnostics: 1 });
  // Only source actions are asked for: the quick fixes' files are not read.
  await ask(seeAlsoLine, ['source']);
  assert.deepEqual(counts, { reads: [], diagnostics: 2 });
  // The heading holds not-in-index (its fix edits the index page); the see-also item the reciprocal fix (Birne.md).
  assert.deepEqual((await ask(0, ['quickfix'])).map((action) => action.title), ['Add "Apfel" to the index under "A"']);
  assert.deepEqual(counts, { reads: ['index.txt'], diagnostics: 3 });
  assert.deepEqual((await ask(seeAlsoLine)).map((action) => action.title), ['Add "Apfel" to the see-also list of "Birne"']);
  assert.deepEqual(counts, { reads: ['index.txt', 'Birne.md'], diagnostics: 4 });
});

test('asked automatically (the cursor moved), only quick fixes are worked out: the source actions, which an editor shows in no light bulb, wait until asked for', async () => {
  const apfel = entryLines('Apfel', 'Apfel', ['[Zitrone](#Zitrone)', '[Birne](#Birne)']);
  const workspace = new InMemoryWorkspace({
    [uriOf('.glossary.json')]: config,
    [uriOf('index.txt')]: indexPage.join('\n'),
    [uriOf('Apfel.md')]: apfel.join('\n'),
    [uriOf('Birne.md')]: entryLines('Birne', 'Birne', ['[Apfel](#Apfel)']).join('\n'),
    [uriOf('Zitrone.md')]: entryLines('Zitrone', 'Zitrone', ['[Apfel](#Apfel)']).join('\n'),
  });
  const session = new GlossarySession(workspace, ['file:///ws']);
  await session.load(undefined, []);
  const document = TextDocument.create(uriOf('Apfel.md'), 'markdown', 1, apfel.join('\n'));
  session.updateOpen({ uri: document.uri, version: document.version, text: document.getText() });
  const services: DiskServices = { session, openDocument: (uri) => (uri === document.uri ? document : undefined), afterDiskWork: (work) => work(), publishChange: () => undefined };
  const titles = async (triggerKind?: CodeActionTriggerKind): Promise<string[]> => {
    const params: CodeActionParams = { textDocument: { uri: document.uri }, range: { start: { line: 6, character: 2 }, end: { line: 6, character: 2 } }, context: { diagnostics: [], ...(triggerKind ? { triggerKind } : {}) } };
    return (await answerCodeActions(services, { documentChanges: true, createsFiles: true, renamesFiles: true, snippets: false }, params)).map((action) => action.title);
  };
  const sort = 'Sort the see-also list (Index last)';
  assert.deepEqual(await titles(CodeActionTriggerKind.Automatic), [sort]);
  for (const invoked of [CodeActionTriggerKind.Invoked, undefined]) {
    assert.deepEqual(await titles(invoked), [sort, 'Sort all see-also lists of this file'], String(invoked));
  }
});

test('a code action cancelled before other files are read answers nothing, and reads none of them', async () => {
  const { counts, ask } = await openApfel();
  assert.deepEqual(await ask(seeAlsoLine, undefined, cancelled), []);
  assert.deepEqual(counts.reads, []);
  // The same request, not cancelled, reads the file its fix edits.
  assert.deepEqual((await ask(seeAlsoLine)).map((action) => action.title), ['Add "Apfel" to the see-also list of "Birne"']);
  assert.deepEqual(counts.reads, ['Birne.md']);
});

test('closed files are read a batch at a time: cancelled during a batch, no further batch is read', async () => {
  const names = Array.from({ length: 3 * readConcurrency }, (_, k) => `E${k}.md`);
  const workspace = new InMemoryWorkspace(Object.fromEntries(names.map((name) => [uriOf(name), entryLines(name.slice(0, -3), name.slice(0, -3), []).join('\n')])));
  const session = new GlossarySession(workspace, ['file:///ws']);
  await session.load(undefined, []);
  const source = new CancellationTokenSource();
  const reads: string[] = [];
  const read = workspace.readFile.bind(workspace);
  workspace.readFile = async (uri) => {
    reads.push(uri);
    source.cancel();
    return read(uri);
  };
  const services: DiskServices = { session, openDocument: () => undefined, afterDiskWork: (work) => work(), publishChange: () => undefined };
  const { texts } = await readClosedFilesAsIndexed(services, names.map((name) => uriOf(name)), source.token);
  assert.equal(reads.length, readConcurrency);
  assert.equal(texts.size, readConcurrency);
  // Not cancelled, every file is read.
  assert.equal((await readClosedFilesAsIndexed(services, names.map((name) => uriOf(name)))).texts.size, names.length);
});

test('a closed file changed on disk unannounced is indexed anew before its fix is worked out, and the change is published', async () => {
  const { workspace, session, published, ask } = await openApfel();
  workspace.set(uriOf('Birne.md'), birneWithMoreText.join('\n'));
  const [fix, ...more] = await ask(seeAlsoLine);
  assert.equal(more.length, 0);
  const [change] = fix!.edit!.documentChanges as TextDocumentEdit[];
  assert.equal(change!.textDocument.uri, uriOf('Birne.md'));
  const after = TextDocument.applyEdits(TextDocument.create(uriOf('Birne.md'), 'markdown', 0, birneWithMoreText.join('\n')), change!.edits as TextEdit[]);
  assert.deepEqual(after.split('\n'), entryLines('Birne', 'Birne', ['[Apfel](#Apfel)', '[Zitrone](#Zitrone)'], ['Etwas Text.', '', 'Noch ein Absatz.', '', 'Und noch einer.']));
  assert.ok(published.some((indexChange) => indexChange.affectedUris.has(uriOf('Birne.md'))));
  assert.equal(session.index.document(uriOf('Birne.md'))!.fingerprint, textFingerprint(birneWithMoreText.join('\n')), 'the model is that of the text on disk');

  // Birne now names Apfel on disk: the diagnostic is gone, and so is its fix.
  workspace.set(uriOf('Birne.md'), entryLines('Birne', 'Birne', ['[Apfel](#Apfel)', '[Zitrone](#Zitrone)']).join('\n'));
  assert.deepEqual(await ask(seeAlsoLine), []);
  assert.deepEqual(session.diagnosticsOf(uriOf('Apfel.md')).map((diagnostic) => diagnostic.code), [DiagnosticCode.NotInIndex]);
});

test('a quick fix is not offered for a closed file whose text is not the one its model was parsed from', async () => {
  const { session } = await openApfel();
  const uri = uriOf('Apfel.md');
  const document = TextDocument.create(uri, 'markdown', 1, entryLines('Apfel', 'Apfel', ['[Birne](#Birne)']).join('\n'));
  const diagnostics = session.diagnosticsOf(uri);
  const range = { start: { line: seeAlsoLine, character: 2 }, end: { line: seeAlsoLine, character: 2 } };
  const fixesWith = (birne: readonly string[]): string[] => {
    const others = new Map<string, OtherDocument>(
      filesEditedByQuickFixes(session.index, uri, diagnostics, range).map((other) => [other, { document: TextDocument.create(other, 'markdown', 0, birne.join('\n')), openVersion: null }]),
    );
    const input = { index: session.index, config: session.config, document, diagnostics, documentChanges: true, createsFiles: true, renamesFiles: true, newEntryUri: () => undefined, otherDocuments: others };
    return codeActions(input, range, ['quickfix']).map((action) => action.title);
  };
  assert.deepEqual(fixesWith(entryLines('Birne', 'Birne', ['[Zitrone](#Zitrone)'])), ['Add "Apfel" to the see-also list of "Birne"']);
  assert.deepEqual(fixesWith(birneWithMoreText), []);
});

test('"Create entry" is not offered where something the glossary leaves out has the new file\'s name: the command would refuse it', async () => {
  const apfel = entryLines('Apfel', 'Apfel', ['[Entwurf](#Entwurf)', '[Kirsche](#Kirsche)', '[Ordner](#Ordner)']).join('\n');
  const workspace = new InMemoryWorkspace({
    [uriOf('.glossary.json')]: JSON.stringify({ exclude: ['Entwurf.md', 'Ordner.md/**'] }),
    [uriOf('Apfel.md')]: apfel,
    [uriOf('Entwurf.md')]: 'Noch kein Eintrag.',
    [uriOf('Ordner.md/Notiz.md')]: 'Ein Ordner, der wie ein Eintrag heißt.',
  });
  const session = new GlossarySession(workspace, ['file:///ws']);
  await session.load(undefined, []);
  const document = TextDocument.create(uriOf('Apfel.md'), 'markdown', 1, apfel);
  session.updateOpen({ uri: document.uri, version: document.version, text: apfel });
  const services: DiskServices = { session, openDocument: (uri) => (uri === document.uri ? document : undefined), afterDiskWork: (work) => work(), publishChange: () => undefined };
  const createOffers = async (id: string): Promise<string[]> => {
    const line = apfel.split('\n').findIndex((text) => text.includes(`(#${id})`));
    const at = { line, character: apfel.split('\n')[line]!.indexOf(`(#${id})`) + 3 };
    const params: CodeActionParams = { textDocument: { uri: document.uri }, range: { start: at, end: at }, context: { diagnostics: [], only: ['quickfix'] } };
    const actions = await answerCodeActions(services, { documentChanges: true, createsFiles: true, renamesFiles: true, snippets: false }, params);
    return actions.map((action) => action.title).filter((title) => title.startsWith('Create entry'));
  };
  assert.deepEqual(await createOffers('Kirsche'), ['Create entry "Kirsche"']);
  assert.deepEqual(await createOffers('Entwurf'), [], 'an excluded file has the name');
  assert.deepEqual(await createOffers('Ordner'), [], 'a folder has the name');
});
