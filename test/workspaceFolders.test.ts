import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver/node';
import { startServer } from './support/lspServer';

const entry = (id: string, linked: string): string => `## ${id} {#${id} .chapter .small .term}\n\n***${id}.***\n\nSee [${linked}](#${linked}).\n\n### Siehe auch {.seealso}\n\n[Index](#Index)\n\n----\n`;

test('a workspace folder added or removed while the server runs: its files are read or forgotten, links across folders resolve', { timeout: 60_000 }, async (t) => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-folders-'));
  const first = path.join(root, 'first');
  const second = path.join(root, 'second');
  fs.mkdirSync(first);
  fs.mkdirSync(second);
  fs.writeFileSync(path.join(first, 'A.md'), entry('A', 'B'));
  fs.writeFileSync(path.join(first, 'Index.md'), '# Index {#Index}\n\n[A](#A) | [B](#B)\n');
  fs.writeFileSync(path.join(second, 'B.md'), entry('B', 'Missing'));
  const uriOf = (file: string): string => URI.file(file).toString();
  const capabilities = { workspace: { workspaceFolders: true, applyEdit: true, workspaceEdit: { documentChanges: true } } };
  const server = await startServer(first, { signal: t.signal, capabilities });
  try {
    await server.settle();
    const codes = (file: string): string[] => (server.diagnostics.get(uriOf(file)) ?? []).map((diagnostic) => String(diagnostic.code));
    assert.ok(codes(path.join(first, 'A.md')).includes('broken-link'), 'A links #B, which only the second folder defines');
    assert.equal(server.statuses.at(-1)!.entryCount, 1);

    const adding = server.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: uriOf(second), name: 'second' }], removed: [] } });
    // While the folders are read anew, the glossary as it was answers.
    const symbols = server.connection.sendRequest('workspace/symbol', { query: 'A' }) as Promise<{ name: string }[]>;
    await adding;
    assert.deepEqual((await symbols).map((symbol) => symbol.name), ['A']);
    await server.waitUntil(() => server.statuses.at(-1)!.state === 'ready' && server.statuses.at(-1)!.entryCount === 2, 'the second folder to be read');
    await server.settle();
    assert.ok(!codes(path.join(first, 'A.md')).includes('broken-link'));
    assert.ok(codes(path.join(second, 'B.md')).includes('broken-link'), 'the second folder is checked');

    await server.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [{ uri: uriOf(second), name: 'second' }] } });
    await server.waitUntil(() => server.statuses.at(-1)!.state === 'ready' && server.statuses.at(-1)!.entryCount === 1, 'the second folder to be forgotten');
    await server.settle();
    assert.deepEqual(server.diagnostics.get(uriOf(path.join(second, 'B.md'))), [], 'the problems of a removed folder are cleared');
    assert.ok(codes(path.join(first, 'A.md')).includes('broken-link'));
  } finally {
    await server.shutdown();
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('a virtual workspace folder (vscode-vfs://) is not read from the local path of the same name', { timeout: 60_000 }, async (t) => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-vfs-'));
  t.after(() => fs.rmSync(root, { recursive: true, force: true }));
  const first = path.join(root, 'first');
  const second = path.join(root, 'second');
  fs.mkdirSync(first);
  fs.mkdirSync(second);
  fs.writeFileSync(path.join(first, 'A.md'), entry('A', 'B'));
  fs.writeFileSync(path.join(second, 'B.md'), entry('B', 'A'));
  const server = await startServer(first, { signal: t.signal, capabilities: { workspace: { workspaceFolders: true } } });
  try {
    await server.settle();
    const statusesBefore = server.statuses.length;
    const virtual = URI.file(second).with({ scheme: 'vscode-vfs', authority: 'github' }).toString();
    await server.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: virtual, name: 'second' }], removed: [] } });
    await server.waitUntil(() => server.statuses.length > statusesBefore && server.statuses.at(-1)!.state === 'ready', 'the folders to be read again');
    await server.settle();
    assert.equal(server.statuses.at(-1)!.entryCount, 1);
    assert.equal(server.diagnostics.get(URI.file(path.join(second, 'B.md')).toString()), undefined);
  } finally {
    await server.shutdown();
  }
});

// With an include pattern that names folders as it names files (`**`, `de/**`), the folder's own event is a folder's all the same.
for (const include of [undefined, ['**']]) {
  test(`a folder renamed or deleted on disk, which editors report as the folder alone: its files are read under the new name, or forgotten (include ${JSON.stringify(include ?? 'default')})`, { timeout: 60_000 }, async (t) => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-folder-events-'));
    t.after(() => fs.rmSync(root, { recursive: true, force: true }));
    if (include !== undefined) fs.writeFileSync(path.join(root, '.glossary.json'), JSON.stringify({ include }));
    fs.mkdirSync(path.join(root, 'old'));
    fs.writeFileSync(path.join(root, 'A.md'), entry('A', 'Gamma'));
    fs.writeFileSync(path.join(root, 'old', 'Gamma.md'), entry('Gamma', 'Missing'));
    const uriOf = (...parts: string[]): string => URI.file(path.join(root, ...parts)).toString();
    const server = await startServer(root, { signal: t.signal, capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } } });
    const codes = (...parts: string[]): string[] => (server.diagnostics.get(uriOf(...parts)) ?? []).map((diagnostic) => String(diagnostic.code));
    try {
      await server.settle();
      assert.ok(!codes('A.md').includes('broken-link'));
      assert.ok(codes('old', 'Gamma.md').includes('broken-link'));

      fs.renameSync(path.join(root, 'old'), path.join(root, 'new'));
      await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
        changes: [
          { uri: uriOf('old'), type: FileChangeType.Deleted },
          { uri: uriOf('new'), type: FileChangeType.Created },
        ],
      });
      // The folder is listed on the disk work queue, after the events: waited for, not timed.
      await server.waitUntil(
        () => server.diagnostics.get(uriOf('old', 'Gamma.md'))?.length === 0 && codes('new', 'Gamma.md').includes('broken-link'),
        'the old file\'s problems cleared and the file read under its new name',
      );
      const definitions = (await server.connection.sendRequest('workspace/symbol', { query: 'Gamma' })) as { location: { uri: string } }[];
      assert.deepEqual(definitions.map((symbol) => symbol.location.uri), [uriOf('new', 'Gamma.md')]);

      // A node_modules folder created (npm install) is not even listed.
      fs.mkdirSync(path.join(root, 'node_modules', 'pkg'), { recursive: true });
      fs.writeFileSync(path.join(root, 'node_modules', 'pkg', 'README.md'), entry('Pkg', 'Gamma'));
      await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf('node_modules'), type: FileChangeType.Created }] });
      await server.settle();
      assert.equal(server.diagnostics.get(uriOf('node_modules', 'pkg', 'README.md')), undefined);

      fs.rmSync(path.join(root, 'new'), { recursive: true });
      await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf('new'), type: FileChangeType.Deleted }] });
      await server.waitUntil(
        () => codes('A.md').includes('broken-link') && server.diagnostics.get(uriOf('new', 'Gamma.md'))?.length === 0,
        'the deleted folder\'s file forgotten: its problems cleared, #Gamma defined nowhere',
      );
    } finally {
      await server.shutdown();
    }
  });
}

test('the folder of the entries and their .txt index page renamed, deleted and restored: the index page is looked for there anew, as the command line finds it', { timeout: 60_000 }, async (t) => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-index-folder-'));
  t.after(() => fs.rmSync(root, { recursive: true, force: true }));
  const writeGlossary = (folder: string): void => {
    fs.mkdirSync(path.join(root, folder));
    fs.writeFileSync(path.join(root, folder, 'A.md'), entry('A', 'B'));
    fs.writeFileSync(path.join(root, folder, 'B.md'), entry('B', 'A'));
    fs.writeFileSync(path.join(root, folder, '001-index.txt'), '## Index {#Index}\n\n### A {.index}\n\n[A](#A) |\n[Gibtsnicht](#Gibtsnicht) |\n');
  };
  writeGlossary('de');
  const uriOf = (...parts: string[]): string => URI.file(path.join(root, ...parts)).toString();
  const server = await startServer(root, { signal: t.signal, capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } } });
  const codes = (...parts: string[]): string[] => (server.diagnostics.get(uriOf(...parts)) ?? []).map((diagnostic) => String(diagnostic.code));
  // As the command line reads it: B is not listed on the page, which lists an id defined nowhere; #Index is defined.
  const readWithIndexPage = (folder: string): boolean =>
    codes(folder, 'B.md').includes('not-in-index') && codes(folder, '001-index.txt').includes('index-link-broken') && !codes(folder, 'A.md').includes('index-anchor-missing');
  const folderEvent = async (folder: string, type: FileChangeType): Promise<void> => server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf(folder), type }] });
  try {
    await server.settle();
    assert.ok(readWithIndexPage('de'), JSON.stringify([...server.diagnostics]));

    fs.renameSync(path.join(root, 'de'), path.join(root, 'de2'));
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [
        { uri: uriOf('de'), type: FileChangeType.Deleted },
        { uri: uriOf('de2'), type: FileChangeType.Created },
      ],
    });
    await server.waitUntil(() => readWithIndexPage('de2'), 'the renamed folder read with its index page');

    // Deleted, then restored (a checkout), told of one after the other.
    fs.rmSync(path.join(root, 'de2'), { recursive: true });
    await folderEvent('de2', FileChangeType.Deleted);
    await server.settle();
    writeGlossary('de');
    await folderEvent('de', FileChangeType.Created);
    await server.waitUntil(() => readWithIndexPage('de'), 'the restored folder read with its index page');

    // Another folder comes to hold more of the glossary's files: its index page is the one.
    fs.mkdirSync(path.join(root, 'en'));
    for (const [id, linked] of [['C', 'D'], ['D', 'E'], ['E', 'C']]) fs.writeFileSync(path.join(root, 'en', `${id}.md`), entry(id!, linked!));
    fs.writeFileSync(path.join(root, 'en', '001-index.txt'), '## Index {#Index}\n\n### C {.index}\n\n[C](#C) |\n[Fehlt](#Fehlt) |\n');
    await folderEvent('en', FileChangeType.Created);
    await server.waitUntil(() => codes('en', '001-index.txt').includes('index-link-broken') && server.diagnostics.get(uriOf('de', '001-index.txt'))?.length === 0, 'the index page of the folder with more files read instead');
  } finally {
    await server.shutdown();
  }
});

test('a glossary that is not the first workspace folder: its .glossary.json is read, and new entries are made in it', { timeout: 60_000 }, async (t) => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-second-folder-'));
  t.after(() => fs.rmSync(root, { recursive: true, force: true }));
  const notes = path.join(root, 'notes');
  const glossary = path.join(root, 'glossary');
  fs.mkdirSync(notes);
  fs.writeFileSync(path.join(notes, 'todo.md'), '# To do\n\nWrite more entries.\n');
  fs.cpSync(path.join(__dirname, '..', '..', 'example', 'glossary'), glossary, { recursive: true });
  const capabilities = { workspace: { workspaceFolders: true } };
  const server = await startServer(notes, { signal: t.signal, capabilities, workspaceFolders: [notes, glossary] });
  try {
    await server.settle();
    const status = server.statuses.at(-1)!;
    assert.equal(status.hasConfigFile, true, 'the glossary folder\'s .glossary.json is read');
    // The settings name 000-index.txt as the index page: no entry misses its line there.
    const codes = [...server.diagnostics.values()].flat().map((diagnostic) => String(diagnostic.code));
    assert.equal(codes.filter((code) => code === 'index-anchor-missing').length, 0, codes.join(' '));
    assert.equal(codes.filter((code) => code === 'broken-link').length, 1, codes.join(' '));
    const proposed = (await server.connection.sendRequest('glossary/proposeEntry', { title: 'Data Scraping' })) as { uri?: string; problem?: string };
    assert.equal(proposed.problem, undefined);
    assert.equal(proposed.uri, URI.file(path.join(glossary, 'Data-Scraping.md')).toString());
  } finally {
    await server.shutdown();
  }
});

test('started without a workspace folder (on a single file), an entry opened brings its folder as the glossary, as on the command line; a plain note brings none', { timeout: 60_000 }, async (t) => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-nofolder-'));
  t.after(() => fs.rmSync(root, { recursive: true, force: true }));
  const glossary = path.join(root, 'glossary');
  const notes = path.join(root, 'notes');
  fs.mkdirSync(glossary);
  fs.mkdirSync(notes);
  fs.writeFileSync(path.join(glossary, 'A.md'), entry('A', 'B'));
  fs.writeFileSync(path.join(glossary, 'B.md'), entry('B', 'Missing'));
  fs.writeFileSync(path.join(notes, 'Todo.md'), '# Todo\n\nSee [x](#Nowhere).\n');
  fs.writeFileSync(path.join(notes, 'C.md'), entry('C', 'Nowhere'));
  const uriOf = (file: string): string => URI.file(file).toString();
  const server = await startServer(root, { signal: t.signal, namingFolder: 'none' });
  try {
    await server.settle();
    assert.equal(server.statuses.at(-1)!.entryCount, 0);
    const open = (file: string) =>
      server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf(file), languageId: 'markdown', version: 1, text: fs.readFileSync(file, 'utf8') } });

    // A note outside any glossary: its folder (which holds an entry too) is not read.
    await open(path.join(notes, 'Todo.md'));
    await server.settle();
    assert.equal(server.statuses.at(-1)!.entryCount, 0);
    assert.equal(server.diagnostics.get(uriOf(path.join(notes, 'Todo.md'))), undefined);

    await open(path.join(glossary, 'A.md'));
    // Asked at once, as an editor asks for the file it has opened: answered once the glossary the file brings is read.
    const definition = (await server.connection.sendRequest('textDocument/definition', { textDocument: { uri: uriOf(path.join(glossary, 'A.md')) }, position: { line: 4, character: 6 } })) as { uri: string }[];
    assert.deepEqual(definition.map((location) => location.uri), [uriOf(path.join(glossary, 'B.md'))]);
    await server.waitUntil(() => server.statuses.at(-1)!.state === 'ready' && server.statuses.at(-1)!.entryCount === 2, 'the entry\'s folder to be read');
    await server.settle();
    const codes = (file: string): string[] => (server.diagnostics.get(uriOf(file)) ?? []).map((diagnostic) => String(diagnostic.code));
    assert.ok(!codes(path.join(glossary, 'A.md')).includes('broken-link'), 'A links #B, which B.md beside it defines');
    assert.ok(codes(path.join(glossary, 'B.md')).includes('broken-link'), 'the closed file beside it is checked: B links #Missing');

    // The editor watches no files: the server watches the folder it took up. An entry written there defines #Missing.
    fs.writeFileSync(path.join(glossary, 'Missing.md'), entry('Missing', 'A'));
    await server.waitUntil(() => !codes(path.join(glossary, 'B.md')).includes('broken-link'), 'the new file on disk to be read');

    // An entry of another glossary stays outside: one glossary's settings would judge the other's files.
    await open(path.join(notes, 'C.md'));
    await server.settle();
    assert.equal(server.statuses.at(-1)!.entryCount, 3);
    assert.equal(server.diagnostics.get(uriOf(path.join(notes, 'C.md'))), undefined);
  } finally {
    await server.shutdown();
  }
});

test('started without a workspace folder, a file under a .glossary.json brings the folder of that file, watched by patterns relative to it; a client naming its root by rootPath alone gets it read, and one beside a rootUri of null does not', { timeout: 60_000 }, async (t) => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-rootpath-'));
  t.after(() => fs.rmSync(root, { recursive: true, force: true }));
  fs.mkdirSync(path.join(root, 'de'));
  fs.writeFileSync(path.join(root, '.glossary.json'), '{ "include": ["de/**/*.md"] }\n');
  fs.writeFileSync(path.join(root, 'de', 'A.md'), entry('A', 'B'));
  fs.writeFileSync(path.join(root, 'de', 'B.md'), entry('B', 'A'));
  fs.writeFileSync(path.join(root, 'de', 'Notes.md'), '# Notizen\n');
  const uriOf = (file: string): string => URI.file(file).toString();

  const openNotes = async (server: Awaited<ReturnType<typeof startServer>>): Promise<void> => {
    const notes = path.join(root, 'de', 'Notes.md');
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf(notes), languageId: 'markdown', version: 1, text: fs.readFileSync(notes, 'utf8') } });
    await server.waitUntil(() => server.statuses.at(-1)!.state === 'ready' && server.statuses.at(-1)!.entryCount === 2 && server.statuses.at(-1)!.hasConfigFile, 'the glossary of .glossary.json to be read');
  };

  const watchers: { globPattern: unknown }[] = [];
  const single = await startServer(root, {
    signal: t.signal,
    namingFolder: 'none',
    capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true } } },
    onConnection: (connection) =>
      connection.onRequest('client/registerCapability', (params: { registrations: { registerOptions?: { watchers?: { globPattern: unknown }[] } }[] }) => {
        watchers.push(...params.registrations.flatMap((registration) => registration.registerOptions?.watchers ?? []));
        return null;
      }),
  });
  try {
    await single.settle();
    await openNotes(single);
    await single.settle();
    // The editor knows no folder to apply `**/*.md` in: the patterns are relative to the glossary's.
    const rootUri = uriOf(root);
    for (const pattern of ['**/*.md', '**/.glossary.json', '**/*']) {
      assert.ok(watchers.some((watcher) => JSON.stringify(watcher.globPattern) === JSON.stringify({ baseUri: rootUri, pattern })), `${pattern} in ${JSON.stringify(watchers)}`);
    }
  } finally {
    await single.shutdown();
  }

  // Helix without a root: rootPath names the folder it was started in, rootUri null says that none is open.
  const helix = await startServer(root, { signal: t.signal, namingFolder: 'rootPathAndNullRootUri' });
  try {
    await helix.settle();
    assert.equal(helix.statuses.at(-1)!.entryCount, 0);
    await openNotes(helix);
  } finally {
    await helix.shutdown();
  }

  const byRootPath = await startServer(root, { signal: t.signal, namingFolder: 'rootPath' });
  try {
    await byRootPath.settle();
    assert.equal(byRootPath.statuses.at(-1)!.entryCount, 2);
    assert.ok(byRootPath.diagnostics.has(uriOf(path.join(root, 'de', 'A.md'))), 'the closed files\' diagnostics are published');
  } finally {
    await byRootPath.shutdown();
  }
});

test('started without a workspace folder, a new file written as an entry brings its glossary when it is saved', { timeout: 60_000 }, async (t) => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-nofolder-save-'));
  t.after(() => fs.rmSync(root, { recursive: true, force: true }));
  fs.writeFileSync(path.join(root, 'A.md'), entry('A', 'New'));
  const file = path.join(root, 'New.md');
  const uri = URI.file(file).toString();
  const server = await startServer(root, { signal: t.signal, namingFolder: 'none' });
  try {
    await server.settle();
    await server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: '' } });
    await server.settle();
    assert.equal(server.statuses.at(-1)!.entryCount, 0);
    const text = entry('New', 'A');
    await server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text }] });
    fs.writeFileSync(file, text);
    await server.connection.sendNotification('textDocument/didSave', { textDocument: { uri } });
    await server.waitUntil(() => server.statuses.at(-1)!.state === 'ready' && server.statuses.at(-1)!.entryCount === 2, 'the saved entry\'s folder to be read');
  } finally {
    await server.shutdown();
  }
});
