import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { corpusEntries, repositoryRoot, startServer } from './support/lspServer';
import { URI } from 'vscode-uri';
import { DidOpenTextDocumentNotification } from 'vscode-languageserver/node';

// The `glossary/status` notifications a client shows in its status bar: a glossary is told as soon
// as its first entry is read, a folder of plain Markdown never; a folder with a `.glossary.json` is a
// glossary before its first entry is written.
async function statusesOf(fixture: string | undefined, signal: AbortSignal, files: Record<string, string> = {}): Promise<readonly { state: string; entryCount: number; fileCount: number; hasConfigFile: boolean; indexPage?: string }[]> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-status-'));
  if (fixture !== undefined) fs.cpSync(path.join(repositoryRoot, fixture), folder, { recursive: true });
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(folder, name), text);
  const server = await startServer(folder, { signal });
  try {
    await server.settle();
    // A file opened changes no count: no status is sent for it.
    const opened = fs.readdirSync(folder).find((name) => name.endsWith('.md'));
    if (opened !== undefined) {
      const uri = URI.file(path.join(folder, opened)).toString();
      await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text: fs.readFileSync(path.join(folder, opened), 'utf8') } });
      await server.settle(500);
    }
    // Each status tells something new: the same twice in a row is not sent.
    server.statuses.forEach((status, k) => k > 0 && assert.notDeepEqual(status, server.statuses[k - 1], `status ${k} repeats the one before`));
    // The index page by its name (the folder is a temporary one), told once the glossary is read.
    return server.statuses.map(({ state, entryCount, fileCount, hasConfigFile, indexPageUri }) => ({
      state,
      entryCount,
      fileCount,
      hasConfigFile,
      ...(indexPageUri === undefined ? {} : { indexPage: path.relative(folder, URI.parse(indexPageUri).fsPath) }),
    }));
  } finally {
    await server.shutdown();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

test('while a glossary is indexed, the status tells its first entry read; a folder without entries shows none', { timeout: 60_000 }, async (t) => {
  const glossary = await statusesOf('example/glossary', t.signal);
  assert.deepEqual(glossary[0], { state: 'indexing', entryCount: 0, fileCount: 0, hasConfigFile: false });
  assert.equal(glossary[1]!.state, 'indexing');
  assert.ok(glossary[1]!.entryCount > 0 && glossary[1]!.fileCount > 0, JSON.stringify(glossary[1]));
  assert.deepEqual(glossary.at(-1), { state: 'ready', entryCount: 7, fileCount: 8, hasConfigFile: true, indexPage: '000-index.txt' });

  const plain = await statusesOf('test/fixtures/plain', t.signal);
  assert.deepEqual(plain[0], { state: 'indexing', entryCount: 0, fileCount: 0, hasConfigFile: false });
  assert.ok(plain.every((status) => status.entryCount === 0 && !status.hasConfigFile), JSON.stringify(plain));
  assert.deepEqual(plain.at(-1), { state: 'ready', entryCount: 0, fileCount: 2, hasConfigFile: false });

  const started = await statusesOf(undefined, t.signal, { '.glossary.json': '{}\n' });
  assert.deepEqual(started.at(-1), { state: 'ready', entryCount: 0, fileCount: 0, hasConfigFile: true });
});

test('a change of glossary.trace.server alone reloads nothing; a change of another setting reloads', { timeout: 60_000 }, async (t) => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-status-'));
  fs.cpSync(path.join(repositoryRoot, 'example/glossary'), folder, { recursive: true });
  const server = await startServer(folder, { signal: t.signal });
  try {
    await server.settle();
    const before = server.statuses.length;
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: { glossary: { trace: { server: 'verbose' } } } });
    await server.settle();
    assert.equal(server.statuses.length, before, 'the trace setting made the server read the glossary again');
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: { glossary: { trace: { server: 'off' }, severity: { 'broken-link': 'off' } } } });
    await server.waitUntil(() => server.statuses.length > before && server.statuses.at(-1)!.state === 'ready', 'the reload');
    assert.equal(server.statuses[before]!.state, 'indexing');
    assert.equal(server.statuses.at(-1)!.brokenLinkCount, 0);
  } finally {
    await server.shutdown();
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

test('settings given at the start (initializationOptions) hold until a push names the glossary; a push for other servers or of null leaves them', { timeout: 60_000 }, async (t) => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-status-'));
  fs.cpSync(path.join(repositoryRoot, 'example/glossary'), folder, { recursive: true });
  // A client that cannot be asked for settings (Neovim 0.7) gives them at the start.
  const server = await startServer(folder, { signal: t.signal, initializationOptions: { glossary: { severity: { 'broken-link': 'off' } } } });
  try {
    await server.settle();
    assert.equal(server.statuses.at(-1)!.brokenLinkCount, 0);
    const before = server.statuses.length;
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: { lua: { diagnostics: {} } } });
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await server.settle();
    assert.equal(server.statuses.length, before, 'a push without glossary settings made the server read the glossary again');
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: { glossary: {} } });
    await server.waitUntil(() => server.statuses.length > before && server.statuses.at(-1)!.state === 'ready', 'the reload with the defaults');
    assert.ok(server.statuses.at(-1)!.brokenLinkCount > 0, JSON.stringify(server.statuses.at(-1)));
  } finally {
    await server.shutdown();
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

test('a wrong .glossary.json is shown as a warning that tells what happens, and the glossary is read without the wrong setting', { timeout: 60_000 }, async (t) => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-status-'));
  fs.cpSync(path.join(repositoryRoot, 'example/glossary'), folder, { recursive: true });
  fs.writeFileSync(path.join(folder, '.glossary.json'), JSON.stringify({ include: '**/*.md', indexFile: '000-index.txt' }));
  const server = await startServer(folder, { signal: t.signal });
  try {
    await server.settle();
    assert.deepEqual(server.logs.filter((message) => message.includes('.glossary.json')), [
      '.glossary.json: "include" must be an array of strings. Until it is corrected, the glossary is read as if that setting were not there.',
    ]);
    assert.deepEqual(server.statuses.at(-1), { state: 'ready', entryCount: 7, fileCount: 8, brokenLinkCount: 1, hasConfigFile: true, indexPageUri: URI.file(path.join(folder, '000-index.txt')).toString() });
    // The Problems view lists it on the file while it lasts, where a notification stays after the file is corrected.
    const settingsUri = URI.file(path.join(folder, '.glossary.json')).toString();
    assert.deepEqual(server.diagnostics.get(settingsUri)?.map(({ message, range }) => [message, range.start]), [['.glossary.json: "include" must be an array of strings.', { line: 0, character: 0 }]]);
    // Not JSON: all of the file is left aside, said so, and marked where the mistake is.
    fs.writeFileSync(path.join(folder, '.glossary.json'), '{\n  "indexFile": "000-index.txt",\n}\n');
    await server.waitUntil(() => String(server.diagnostics.get(settingsUri)?.[0]?.message).includes('not valid JSON'), 'the JSON mistake on the settings file');
    assert.deepEqual(server.diagnostics.get(settingsUri)?.map(({ range }) => range.start), [{ line: 1, character: 30 }]);
    assert.ok(server.logs.includes('.glossary.json is not valid JSON (line 2, column 31): a comma after the last item, which JSON does not allow. Until it is corrected, the glossary is read without the settings of that file.'), server.logs.join('\n'));
    // An index page the file names that does not exist is the file's mistake too.
    fs.writeFileSync(path.join(folder, '.glossary.json'), '{\n  "indexFile": "001-index.txt"\n}\n');
    await server.waitUntil(() => String(server.diagnostics.get(settingsUri)?.[0]?.message).includes('001-index.txt'), 'the missing index page on the settings file');
    fs.writeFileSync(path.join(folder, '.glossary.json'), '{\n  "indexFile": "000-index.txt"\n}\n');
    await server.waitUntil(() => server.diagnostics.get(settingsUri)?.length === 0, 'the settings file\'s problems cleared once it is corrected');
  } finally {
    await server.shutdown();
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

test('prepareRename is announced only to a client that asks it; rename is announced to every client', { timeout: 30_000 }, async (t) => {
  for (const [capabilities, expected] of [
    [{ textDocument: { rename: { prepareSupport: true } } }, { prepareProvider: true }],
    [{}, true],
  ] as const) {
    const server = await startServer(path.join(repositoryRoot, 'example/glossary'), { signal: t.signal, capabilities });
    try {
      assert.deepEqual(server.capabilities.renameProvider, expected);
    } finally {
      await server.shutdown();
    }
  }
});

test('a reload begun while the diagnostics of the last load are being published shows "ready" only once its own are', { timeout: 60_000 }, async (t) => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-status-'));
  fs.cpSync(corpusEntries, folder, { recursive: true });
  const server = await startServer(folder, { signal: t.signal });
  try {
    // The real glossary's 344 files are published in slices: the first ones are out, most are still to come.
    await server.waitUntil(() => server.publishCounts.size > 0, 'the first diagnostics');
    const before = server.statuses.length;
    await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: { glossary: { severity: { 'broken-link': 'off', 'index-link-broken': 'off', 'index-anchor-missing': 'off' } } } });
    await server.waitUntil(() => server.statuses.slice(before).some((status) => status.state === 'ready' && status.brokenLinkCount === 0), 'the reload');
    await server.settle();
    const reloadBegan = server.statuses.findIndex((status, at) => at >= before && status.state === 'indexing');
    assert.ok(reloadBegan >= 0);
    // The last load's publication, ended or not, says nothing while the reload reads and publishes the glossary.
    const readyAfterReload = server.statuses.slice(reloadBegan).filter((status) => status.state === 'ready');
    assert.ok(readyAfterReload.length > 0 && readyAfterReload.every((status) => status.brokenLinkCount === 0), JSON.stringify(server.statuses.slice(before)));
  } finally {
    await server.shutdown();
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
