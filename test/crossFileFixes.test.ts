import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeAction, CodeActionRequest, DidOpenTextDocumentNotification, RenameRequest, TextDocumentEdit, TextEdit } from 'vscode-languageserver/node';
import { startServer } from './support/lspServer';

// Quick fixes that edit a closed file (the other entry's see-also list) read its text from disk. When
// the file changed on disk and the server has not heard of it (no file watchers, or the event not
// yet handled), the fix must not use the positions of the old text.

const entry = (title: string, seeAlso: readonly string[], body: readonly string[] = ['Etwas Text.']): string =>
  [`## ${title} {#${title} .chapter .small .term}`, '', ...body, '', '### Verwandte oder andere interessante Themen: {.seealso}', '', ...seeAlso.map((item) => `[${item}](#${item}) |`), '[Index](#Index) |', '', '----', ''].join('\n');

async function withGlossary(t: { signal: AbortSignal }, run: (folder: string, uriOf: (name: string) => string, server: Awaited<ReturnType<typeof startServer>>) => Promise<void>): Promise<void> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-cross-file-'));
  fs.mkdirSync(path.join(folder, '.git'));
  fs.writeFileSync(path.join(folder, '.glossary.json'), JSON.stringify({ severity: { 'seealso-not-reciprocal': 'hint', 'index-anchor-missing': 'off', 'orphan-entry': 'off' } }));
  fs.writeFileSync(path.join(folder, 'Apfel.md'), entry('Apfel', ['Birne']));
  fs.writeFileSync(path.join(folder, 'Birne.md'), entry('Birne', ['Zitrone']));
  fs.writeFileSync(path.join(folder, 'Zitrone.md'), entry('Zitrone', ['Birne']));
  const uriOf = (name: string): string => URI.file(path.join(folder, name)).toString();
  // A client without file watchers: the server hears of changes on disk only when it looks.
  const server = await startServer(folder, { signal: t.signal, capabilities: { workspace: { workspaceEdit: { documentChanges: true } } } });
  try {
    await server.settle();
    const apfel = fs.readFileSync(path.join(folder, 'Apfel.md'), 'utf8');
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: uriOf('Apfel.md'), languageId: 'markdown', version: 1, text: apfel } });
    await server.settle();
    await run(folder, uriOf, server);
  } finally {
    await server.shutdown();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/** The quick fixes over Apfel's see-also item `[Birne](#Birne)`. */
async function fixesOnBirne(server: Awaited<ReturnType<typeof startServer>>, uri: string): Promise<CodeAction[]> {
  const range = { start: { line: 6, character: 9 }, end: { line: 6, character: 14 } };
  const actions = (await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics: [], only: ['quickfix'] } })) as CodeAction[];
  return actions.filter((action) => action.title.includes('see-also list of'));
}

test('the reciprocal see-also fix lands in the right place when the other file changed on disk unannounced', { timeout: 60_000 }, async (t) => {
  await withGlossary(t, async (folder, uriOf, server) => {
    // Birne gets two paragraphs more above its see-also list; the server is not told.
    const changed = entry('Birne', ['Zitrone'], ['Etwas Text.', '', 'Noch ein Absatz.', '', 'Und noch einer.']);
    fs.writeFileSync(path.join(folder, 'Birne.md'), changed);
    const [fix, ...more] = await fixesOnBirne(server, uriOf('Apfel.md'));
    assert.equal(more.length, 0);
    assert.ok(fix !== undefined, 'the fix is offered from the text on disk');
    const [change] = fix.edit!.documentChanges! as TextDocumentEdit[];
    assert.equal(change!.textDocument.uri, uriOf('Birne.md'));
    const after = TextDocument.applyEdits(TextDocument.create(uriOf('Birne.md'), 'markdown', 0, changed), change!.edits as TextEdit[]);
    assert.equal(after, entry('Birne', ['Apfel', 'Zitrone'], ['Etwas Text.', '', 'Noch ein Absatz.', '', 'Und noch einer.']));
  });
});

test('a fix made moot on disk is not offered, and the other file\'s change is published', { timeout: 60_000 }, async (t) => {
  await withGlossary(t, async (folder, uriOf, server) => {
    assert.deepEqual(server.diagnostics.get(uriOf('Apfel.md'))?.map((diagnostic) => diagnostic.code), ['seealso-not-reciprocal']);
    // Birne names Apfel in return now, on disk only.
    fs.writeFileSync(path.join(folder, 'Birne.md'), entry('Birne', ['Apfel', 'Zitrone']));
    assert.deepEqual(await fixesOnBirne(server, uriOf('Apfel.md')), []);
    await server.waitUntil(() => server.diagnostics.get(uriOf('Apfel.md'))?.length === 0, 'Apfel\'s diagnostics to be published without seealso-not-reciprocal');
  });
});

test('a rename edits the closed files that changed on disk unannounced where their heading and links are now', { timeout: 60_000 }, async (t) => {
  await withGlossary(t, async (folder, uriOf, server) => {
    // Zitrone gets two paragraphs more above its link to Birne, Birne a comment above its heading.
    const zitrone = entry('Zitrone', ['Birne'], ['Etwas Text.', '', 'Noch ein Absatz.', '', 'Und noch einer.']);
    fs.writeFileSync(path.join(folder, 'Zitrone.md'), zitrone);
    const birne = `<!-- Entwurf -->\n\n${entry('Birne', ['Zitrone'])}`;
    fs.writeFileSync(path.join(folder, 'Birne.md'), birne);
    const edit = await server.connection.sendRequest(RenameRequest.type, { textDocument: { uri: uriOf('Apfel.md') }, position: { line: 6, character: 10 }, newName: 'Birnbaum' });
    const changes = new Map((edit!.documentChanges! as TextDocumentEdit[]).map((change) => [change.textDocument.uri, change.edits as TextEdit[]]));
    assert.deepEqual([...changes.keys()].sort(), [uriOf('Apfel.md'), uriOf('Birne.md'), uriOf('Zitrone.md')]);
    const applied = (name: string, text: string): string => TextDocument.applyEdits(TextDocument.create(uriOf(name), 'markdown', 0, text), changes.get(uriOf(name))!);
    assert.equal(applied('Zitrone.md', zitrone), entry('Zitrone', ['Birne'], ['Etwas Text.', '', 'Noch ein Absatz.', '', 'Und noch einer.']).replace('(#Birne)', '(#Birnbaum)'));
    assert.equal(applied('Birne.md', birne), birne.replace('{#Birne', '{#Birnbaum'));
  });
});
