import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeAction, CodeActionRequest, CodeActionResolveRequest, DidChangeTextDocumentNotification, DocumentSymbolRequest, DidOpenTextDocumentNotification, LSPErrorCodes, RenameRequest, ResponseError, TextDocumentEdit, TextEdit } from 'vscode-languageserver/node';
import { startServer, type StartOptions } from './support/lspServer';
import { EntryLinksRequest } from '../server/src/protocol';

// Quick fixes that edit a closed file (the other entry's see-also list) read its text from disk. When
// the file changed on disk and the server has not heard of it (no file watchers, or the event not
// yet handled), the fix must not use the positions of the old text.

const entry = (title: string, seeAlso: readonly string[], body: readonly string[] = ['Etwas Text.']): string =>
  [`## ${title} {#${title} .chapter .small .term}`, '', ...body, '', '### Verwandte oder andere interessante Themen: {.seealso}', '', ...seeAlso.map((item) => `[${item}](#${item}) |`), '[Index](#Index) |', '', '----', ''].join('\n');

async function withGlossary(
  t: { signal: AbortSignal },
  run: (folder: string, uriOf: (name: string) => string, server: Awaited<ReturnType<typeof startServer>>) => Promise<void>,
  client: Pick<StartOptions, 'onConnection'> & { readonly pullsSettings?: boolean; readonly resolvesEdits?: boolean; readonly renamesFiles?: boolean; readonly files?: Readonly<Record<string, string>> } = {},
): Promise<void> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-cross-file-'));
  fs.mkdirSync(path.join(folder, '.git'));
  fs.writeFileSync(path.join(folder, '.glossary.json'), JSON.stringify({ severity: { 'seealso-not-reciprocal': 'hint', 'index-anchor-missing': 'off', 'orphan-entry': 'off' } }));
  fs.writeFileSync(path.join(folder, 'Apfel.md'), entry('Apfel', ['Birne']));
  fs.writeFileSync(path.join(folder, 'Birne.md'), entry('Birne', ['Zitrone']));
  fs.writeFileSync(path.join(folder, 'Zitrone.md'), entry('Zitrone', ['Birne']));
  for (const [name, text] of Object.entries(client.files ?? {})) fs.writeFileSync(path.join(folder, name), text);
  const uriOf = (name: string): string => URI.file(path.join(folder, name)).toString();
  // A client without file watchers: the server watches the folder itself.
  const workspace = { workspaceEdit: { documentChanges: true, ...(client.renamesFiles === true ? { resourceOperations: ['rename'] } : {}) }, configuration: client.pullsSettings === true };
  const textDocument = client.resolvesEdits === true ? { codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } }, dataSupport: true, resolveSupport: { properties: ['edit'] } } } : {};
  const server = await startServer(folder, { signal: t.signal, capabilities: { workspace, textDocument }, onConnection: client.onConnection });
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

test('a client that resolves edits gets the reciprocal see-also fix\'s edit when the writer picks it, worked out on the other file as it is then', { timeout: 60_000 }, async (t) => {
  await withGlossary(
    t,
    async (folder, uriOf, server) => {
      const [offered, ...more] = await fixesOnBirne(server, uriOf('Apfel.md'));
      assert.equal(more.length, 0);
      assert.ok(offered !== undefined && offered.edit === undefined, 'offered without its edit');
      // While the light bulb shows, Birne gets two paragraphs more above its see-also list; the server is not told.
      const changed = entry('Birne', ['Zitrone'], ['Etwas Text.', '', 'Noch ein Absatz.', '', 'Und noch einer.']);
      fs.writeFileSync(path.join(folder, 'Birne.md'), changed);
      const picked = (await server.connection.sendRequest(CodeActionResolveRequest.type, offered)) as CodeAction;
      const [change] = picked.edit!.documentChanges! as TextDocumentEdit[];
      assert.equal(change!.textDocument.uri, uriOf('Birne.md'));
      const after = TextDocument.applyEdits(TextDocument.create(uriOf('Birne.md'), 'markdown', 0, changed), change!.edits as TextEdit[]);
      assert.equal(after, entry('Birne', ['Apfel', 'Zitrone'], ['Etwas Text.', '', 'Noch ein Absatz.', '', 'Und noch einer.']));
      // Made moot before it is picked (Birne names Apfel now), it comes back without an edit, and the writer is told.
      const [again] = await fixesOnBirne(server, uriOf('Apfel.md'));
      fs.writeFileSync(path.join(folder, 'Birne.md'), entry('Birne', ['Apfel', 'Zitrone']));
      const moot = (await server.connection.sendRequest(CodeActionResolveRequest.type, again!)) as CodeAction;
      assert.equal(moot.edit, undefined);
      await server.waitUntil(() => server.logs.some((message) => message.includes('no longer applies')), 'the writer to be told that the fix no longer applies');
    },
    { resolvesEdits: true },
  );
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

test('a rename onto an id that broken links write tells the writer that they lead to the entry now, or, renaming an id no heading defines, that they stay broken; a rename to the id itself says nothing', { timeout: 60_000 }, async (t) => {
  const zitrone = entry('Zitrone', ['Birne'], ['Wie eine [Birnbaum](#Birnbaum)-Frucht, siehe [oben](#Birnbaum).', '', 'Anders als [Kirschen](#Kirsche).']);
  await withGlossary(
    t,
    async (_folder, uriOf, server) => {
      const rename = (newName: string) => server.connection.sendRequest(RenameRequest.type, { textDocument: { uri: uriOf('Apfel.md') }, position: { line: 6, character: 10 }, newName });
      // Renamed to itself (an editor's rename box starts with the id), nothing changes and nothing is said.
      assert.deepEqual(await rename('Birne'), {});
      await rename('Birnenbaum');
      await rename('Birnbaum');
      await server.waitUntil(() => server.logs.some((message) => message.includes('#Birnbaum')), 'the writer to be told of the links to #Birnbaum');
      assert.deepEqual(
        server.logs.filter((message) => message.includes('broken till now')),
        ['2 links to #Birnbaum, broken till now, lead to the renamed heading.'],
      );
      // #Kirsche, which no heading defines, renamed at its link: the links it joins stay broken, as its own do.
      const line = zitrone.split('\n').findIndex((text) => text.includes('(#Kirsche)'));
      const kirsche = await server.connection.sendRequest(RenameRequest.type, { textDocument: { uri: uriOf('Zitrone.md') }, position: { line, character: zitrone.split('\n')[line]!.indexOf('#Kirsche') + 2 }, newName: 'Birnbaum' });
      assert.ok(kirsche?.documentChanges?.length, 'the link is renamed');
      await server.waitUntil(() => server.logs.some((message) => message.includes('no heading defines that id either')), 'the writer to be told that the links stay broken');
      assert.deepEqual(
        server.logs.filter((message) => message.includes('#Birnbaum')),
        ['2 links to #Birnbaum, broken till now, lead to the renamed heading.', '2 links point at #Birnbaum already: no heading defines that id either.'],
      );
    },
    { files: { 'Zitrone.md': zitrone } },
  );
});

test('a rename of one of two headings giving an id tells the writer that its links stay and lead to the other now', { timeout: 60_000 }, async (t) => {
  // Kopie.md copies Birne's heading: #Birne is given twice, and Apfel and Zitrone link it.
  await withGlossary(
    t,
    async (_folder, uriOf, server) => {
      const edit = await server.connection.sendRequest(RenameRequest.type, { textDocument: { uri: uriOf('Kopie.md') }, position: { line: 0, character: 12 }, newName: 'Birne-Kopie' });
      assert.deepEqual((edit?.documentChanges as TextDocumentEdit[]).map((change) => [change.textDocument.uri, (change.edits as TextEdit[]).map((each) => each.newText)]), [[uriOf('Kopie.md'), ['Birne-Kopie']]]);
      await server.waitUntil(() => server.logs.some((message) => message.includes('stay as they are')), 'the writer to be told where the links lead');
      assert.deepEqual(server.logs.filter((message) => message.includes('stay as they are')), ['The 2 links to #Birne stay as they are: they lead to the one in Birne.md:1.']);
    },
    { files: { 'Kopie.md': entry('Birne', []) } },
  );
});

test('a rename leaves the entry file its name when a file that the glossary leaves out has the new name', { timeout: 60_000 }, async (t) => {
  const settings = { exclude: ['Birnbaum.md'], severity: { 'index-anchor-missing': 'off', 'orphan-entry': 'off' } };
  const rename = (server: Awaited<ReturnType<typeof startServer>>, uriOf: (name: string) => string, newName: string) =>
    server.connection.sendRequest(RenameRequest.type, { textDocument: { uri: uriOf('Apfel.md') }, position: { line: 6, character: 10 }, newName });
  await withGlossary(
    t,
    async (folder, uriOf, server) => {
      // The editor would refuse to rename Birne.md onto Birnbaum.md after changing the ids: the ids change, the file keeps its name.
      const edit = await rename(server, uriOf, 'Birnbaum');
      assert.deepEqual(edit!.documentChanges!.map((change) => ('kind' in change ? change.kind : change.textDocument.uri)).sort(), [uriOf('Apfel.md'), uriOf('Birne.md'), uriOf('Zitrone.md')]);
      await server.waitUntil(() => server.logs.includes('Birne.md keeps its name: the file Birnbaum.md exists already.'), 'the writer to be told why the file keeps its name');
      // Without that file in the way, the file is renamed along.
      fs.rmSync(path.join(folder, 'Birnbaum.md'));
      const renamed = await rename(server, uriOf, 'Birnbaum');
      assert.deepEqual(renamed!.documentChanges!.filter((change) => 'kind' in change), [{ kind: 'rename', oldUri: uriOf('Birne.md'), newUri: uriOf('Birnbaum.md'), options: { overwrite: false, ignoreIfExists: false } }]);

      // Nor does the quick fix for an id that differs from the file's name offer to rename the file onto it.
      fs.writeFileSync(path.join(folder, 'Birnbaum.md'), 'Notizen, nicht im Glossar.\n');
      const birne = entry('Birne', ['Zitrone']).replace('{#Birne', '{#Birnbaum');
      await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: uriOf('Birne.md'), languageId: 'markdown', version: 1, text: birne } });
      await server.settle();
      const mismatch = server.diagnostics.get(uriOf('Birne.md'))!.find((diagnostic) => diagnostic.code === 'anchor-file-mismatch')!;
      const fixTitles = async () =>
        ((await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: uriOf('Birne.md') }, range: mismatch.range, context: { diagnostics: [mismatch], only: ['quickfix'] } })) as CodeAction[]).map((action) => action.title);
      assert.ok((await fixTitles()).length > 0, 'the id change is offered');
      assert.equal((await fixTitles()).filter((title) => title.startsWith('Rename the file')).length, 0);
      fs.rmSync(path.join(folder, 'Birnbaum.md'));
      assert.deepEqual((await fixTitles()).filter((title) => title.startsWith('Rename the file')), ['Rename the file to "Birnbaum.md"']);
    },
    { renamesFiles: true, files: { '.glossary.json': JSON.stringify(settings), 'Birnbaum.md': 'Notizen, nicht im Glossar.\n' } },
  );
});

test('changing an id to its file\'s name edits the links in closed files where they are now, when the writer picks the fix', { timeout: 60_000 }, async (t) => {
  const named = (text: string): string => text.replace(/#Birne\b/g, '#Birnen');
  const birne = named(entry('Birne', ['Zitrone']));
  await withGlossary(
    t,
    async (folder, uriOf, server) => {
      await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: uriOf('Birne.md'), languageId: 'markdown', version: 1, text: birne } });
      await server.settle();
      const mismatch = server.diagnostics.get(uriOf('Birne.md'))!.find((diagnostic) => diagnostic.code === 'anchor-file-mismatch')!;
      const actions = (await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: uriOf('Birne.md') }, range: mismatch.range, context: { diagnostics: [mismatch], only: ['quickfix'] } })) as CodeAction[];
      const offered = actions.find((action) => action.title.startsWith('Change the id'))!;
      assert.equal(offered.title, 'Change the id to "Birne", after the file, with the 2 links to it');
      assert.equal(offered.edit, undefined, 'offered without its edit, as it edits closed files');
      // While the light bulb shows, Zitrone gets two paragraphs more above its link; the server is not told.
      const zitrone = named(entry('Zitrone', ['Birne'], ['Etwas Text.', '', 'Noch ein Absatz.', '', 'Und noch einer.']));
      fs.writeFileSync(path.join(folder, 'Zitrone.md'), zitrone);
      const picked = (await server.connection.sendRequest(CodeActionResolveRequest.type, offered)) as CodeAction;
      const changes = new Map((picked.edit!.documentChanges! as TextDocumentEdit[]).map((change) => [change.textDocument.uri, change]));
      assert.deepEqual([...changes.keys()].sort(), [uriOf('Apfel.md'), uriOf('Birne.md'), uriOf('Zitrone.md')]);
      assert.equal(changes.get(uriOf('Birne.md'))!.textDocument.version, 1, 'the open file\'s edit is tied to its version');
      const applied = (name: string, text: string): string => TextDocument.applyEdits(TextDocument.create(uriOf(name), 'markdown', 0, text), changes.get(uriOf(name))!.edits as TextEdit[]);
      assert.equal(applied('Birne.md', birne), entry('Birne', ['Zitrone']));
      assert.equal(applied('Zitrone.md', zitrone), entry('Zitrone', ['Birne'], ['Etwas Text.', '', 'Noch ein Absatz.', '', 'Und noch einer.']));
      assert.equal(applied('Apfel.md', named(entry('Apfel', ['Birne']))), entry('Apfel', ['Birne']));
    },
    { resolvesEdits: true, files: { 'Apfel.md': named(entry('Apfel', ['Birne'])), 'Birne.md': birne, 'Zitrone.md': named(entry('Zitrone', ['Birne'])) } },
  );
});

/**
 * A client whose settings change once `change` is called, and whose answers to the server's pulls
 * after the first one wait until `release`: the server's reload, and the disk work queued behind
 * it, waits with them.
 */
function heldSettingsChange(): Pick<StartOptions, 'onConnection'> & { pullsSettings: true; change(server: Awaited<ReturnType<typeof startServer>>): Promise<void>; release(): void } {
  let changed = false;
  let pulls = 0;
  let release = (): void => undefined;
  const released = new Promise<void>((resolve) => (release = resolve));
  return {
    pullsSettings: true,
    onConnection: (connection) =>
      connection.onRequest('workspace/configuration', async (params: { items: unknown[] }) => {
        if (changed && ++pulls > 1) await released;
        return params.items.map(() => (changed ? { unknownSetting: 1 } : null));
      }),
    change: async (server) => {
      changed = true;
      await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      for (const deadline = Date.now() + 20_000; pulls < 2; ) {
        assert.ok(Date.now() < deadline, 'the reload did not ask for the settings');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    release: () => release(),
  };
}

/** Types `text` over Apfel's see-also item `[Birne](#Birne)`, as the writer does, and waits until the server has taken it. */
async function typeOverBirne(server: Awaited<ReturnType<typeof startServer>>, uri: string, text: string): Promise<void> {
  const range = { start: { line: 6, character: 0 }, end: { line: 6, character: 15 } };
  await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ range, text }] });
  await server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
}

/**
 * Asks the server something about Apfel (`ask`) that makes it read a closed file first, changed
 * on disk unannounced (`changed`, with a paragraph more), while the disk work waits for a held
 * settings reload; meanwhile the writer types `typed` over Apfel's `[Birne](#Birne)`. Returns the
 * answer, or the error, and what the server had logged and shown by then.
 */
async function askAcrossTyping(
  t: { signal: AbortSignal },
  changed: 'Birne' | 'Zitrone',
  ask: (server: Awaited<ReturnType<typeof startServer>>, uri: string) => Promise<unknown>,
  typed: string,
  files: Readonly<Record<string, string>> = {},
): Promise<{ readonly answer: unknown; readonly logs: readonly string[] }> {
  const settings = heldSettingsChange();
  let answer: unknown;
  let logs: readonly string[] = [];
  await withGlossary(
    t,
    async (folder, uriOf, server) => {
      await settings.change(server);
      // Written while the reload is held: the server's own watcher, which would read the file at
      // once otherwise, can only queue its news behind the reload.
      fs.writeFileSync(path.join(folder, `${changed}.md`), entry(changed, [changed === 'Birne' ? 'Zitrone' : 'Birne'], ['Etwas Text.', '', 'Noch ein Absatz.']));
      const uri = uriOf('Apfel.md');
      const asking = ask(server, uri).catch((error: unknown) => error);
      await typeOverBirne(server, uri, typed);
      settings.release();
      answer = await asking;
      logs = [...server.logs];
    },
    { ...settings, files },
  );
  return { answer, logs };
}

test('a rename asked on a text typed over while the closed files were read is refused with a message, never applied to the id now there', { timeout: 60_000 }, async (t) => {
  // Zitrone links Birne: the rename reads it anew before it answers.
  const rename = (server: Awaited<ReturnType<typeof startServer>>, uri: string) => server.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position: { line: 6, character: 10 }, newName: 'Birnbaum' });
  // A link writes #Birnbaum already: a rename sent would say that it leads to the heading now.
  const { answer, logs } = await askAcrossTyping(t, 'Zitrone', rename, '[Zitrone](#Zitrone)', { 'Kirsche.md': entry('Kirsche', ['Birnbaum']) });
  assert.ok(answer instanceof ResponseError && answer.code === LSPErrorCodes.RequestFailed, `not refused: ${JSON.stringify(answer)}`);
  assert.equal(answer.message, 'The file changed while the rename was worked out: rename again.');
  // Nothing is said of the rename refused.
  assert.deepEqual(logs.filter((message) => message.includes('#Birnbaum')), []);
});

test('links for files dropped into a text typed over while the glossary was read are not given for the new text', { timeout: 60_000 }, async (t) => {
  // Dropped at the start of the see-also list; the writer types a line in above it meanwhile.
  const drop = (server: Awaited<ReturnType<typeof startServer>>, uri: string) => server.connection.sendRequest(EntryLinksRequest, { textDocument: { uri }, position: { line: 6, character: 0 }, files: [{ uri: uri.replace('Apfel.md', 'Zitrone.md') }] });
  const { answer } = await askAcrossTyping(t, 'Birne', drop, 'Ein neuer Absatz.\n\n[Birne](#Birne) |');
  assert.ok(answer instanceof ResponseError && answer.code === LSPErrorCodes.ContentModified, `answered: ${JSON.stringify(answer)}`);
});

test('quick fixes asked on a text typed over while the other file was read are not offered for the new text', { timeout: 60_000 }, async (t) => {
  // The reciprocal fix reads Birne anew before it is offered; a broken link then stands there, whose fix needs no other file.
  const range = { start: { line: 6, character: 9 }, end: { line: 6, character: 14 } };
  const fixes = (server: Awaited<ReturnType<typeof startServer>>, uri: string) => server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics: [], only: ['quickfix'] } });
  // The answer is ContentModified, which an editor drops, asking again for the text it has.
  const { answer } = await askAcrossTyping(t, 'Birne', fixes, '[Zitrone](#Zitronen)');
  assert.ok(answer instanceof ResponseError && answer.code === LSPErrorCodes.ContentModified, `answered: ${JSON.stringify(answer)}`);
});
