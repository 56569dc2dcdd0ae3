import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  ApplyWorkspaceEditRequest,
  CodeAction,
  ErrorCodes,
  CodeActionRequest,
  CreateFile,
  DefinitionRequest,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidDeleteFilesNotification,
  DidRenameFilesNotification,
  DidCloseTextDocumentNotification,
  DidSaveTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExecuteCommandRequest,
  FileChangeType,
  HoverRequest,
  Location,
  LSPErrorCodes,
  MarkupContent,
  MessageType,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  RegistrationRequest,
  ResponseError,
  ShowMessageNotification,
  ShowMessageParams,
  ShowDocumentRequest,
  TextDocumentEdit,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver/node';
import { corpusEntries, startServer } from './support/lspServer';

// What a pushing client is told about a file as the writer opens, closes and deletes it: mention
// hints only while it is open (at the default severity), and nothing once it is gone.

const entry = (title: string, id: string, body: string): string =>
  `## ${title} {#${id} .chapter .small .term}\n\n${body}\n\n### Siehe auch {.seealso}\n\n[Index](#Index) |\n\n----\n`;

test('a file has its mention hints while open; closed it keeps its other diagnostics; deleted and closed, none', { timeout: 60_000 }, async (t) => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-open-closed-'));
  fs.writeFileSync(path.join(folder, 'Index.md'), '# Index {#Index}\n');
  fs.writeFileSync(path.join(folder, 'TensorFlow.md'), entry('TensorFlow', 'TensorFlow', 'Ein Framework, mit [Keras](#Keras) zu bedienen.'));
  const text = entry('Keras', 'Keras', 'Mit TensorFlow gebaut, siehe [x](#Nirgendwo).');
  fs.writeFileSync(path.join(folder, 'Keras.md'), text);
  const uri = URI.file(path.join(folder, 'Keras.md')).toString();
  const server = await startServer(folder, { signal: t.signal });
  const codes = (): string[] => (server.diagnostics.get(uri) ?? []).map((diagnostic) => String(diagnostic.code));
  const open = (): Promise<void> =>
    server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  const close = (): Promise<void> => server.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  try {
    await server.settle();
    assert.deepEqual(codes(), ['broken-link'], 'closed: no mention hint');

    assert.equal(server.publishedVersions.get(uri), undefined, 'closed: no version');

    await open();
    await server.waitUntil(() => codes().includes('unlinked-mention'), 'the mention hint of the opened file');
    assert.deepEqual(codes(), ['unlinked-mention', 'broken-link']);
    // Open, the diagnostics name the version of the text they are of.
    assert.equal(server.publishedVersions.get(uri), 1);
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text: text.replace('[x](#Nirgendwo)', 'x') }] });
    await server.waitUntil(() => !codes().includes('broken-link'), 'the broken link gone with the edit');
    assert.equal(server.publishedVersions.get(uri), 2);
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 3 }, contentChanges: [{ text }] });
    await server.waitUntil(() => codes().includes('broken-link'), 'the broken link back');

    await close();
    await server.waitUntil(() => !codes().includes('unlinked-mention'), 'the mention hint to go with the closed file');
    assert.deepEqual(codes(), ['broken-link']);
    assert.equal(server.publishedVersions.get(uri), undefined, 'closed again: no version');

    // Deleted while open (VS Code keeps showing it): out of the glossary, its diagnostics cleared and
    // the links to it broken, until it is saved again.
    const tensorFlow = URI.file(path.join(folder, 'TensorFlow.md')).toString();
    const linkToKerasBroken = (): boolean => (server.diagnostics.get(tensorFlow) ?? []).some((diagnostic) => diagnostic.code === 'broken-link');
    await open();
    await server.waitUntil(() => codes().includes('unlinked-mention'), 'the mention hint of the reopened file');
    assert.equal(linkToKerasBroken(), false);
    fs.rmSync(path.join(folder, 'Keras.md'));
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri, type: FileChangeType.Deleted }] });
    await server.waitUntil(() => server.diagnostics.get(uri)?.length === 0, 'the diagnostics of the deleted file to be cleared');
    await server.waitUntil(linkToKerasBroken, 'the link to the deleted entry to break');
    fs.writeFileSync(path.join(folder, 'Keras.md'), text);
    await server.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
    await server.waitUntil(() => codes().includes('broken-link') && !linkToKerasBroken(), 'the saved file back in the glossary');
    assert.deepEqual(codes(), ['unlinked-mention', 'broken-link']);
    fs.rmSync(path.join(folder, 'Keras.md'));
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri, type: FileChangeType.Deleted }] });
    await server.waitUntil(() => server.diagnostics.get(uri)?.length === 0, 'the diagnostics of the deleted file to be cleared again');
    await close();
    await server.settle();
    assert.deepEqual(server.diagnostics.get(uri), []);

    // A file the editor opens before it is saved (`:e New.md` in Neovim) counts from its first save.
    const fresh = URI.file(path.join(folder, 'Neu.md')).toString();
    const freshText = entry('Neu', 'Neu', 'Siehe [TensorFlow](#TensorFlow) und [k](#Keras).');
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: fresh, languageId: 'markdown', version: 1, text: freshText } });
    await server.settle();
    assert.deepEqual(server.diagnostics.get(fresh) ?? [], []);
    fs.writeFileSync(path.join(folder, 'Neu.md'), freshText);
    await server.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri: fresh } });
    await server.waitUntil(() => (server.diagnostics.get(fresh) ?? []).some((diagnostic) => diagnostic.code === 'broken-link'), 'the saved new file in the glossary');
  } finally {
    await server.shutdown();
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

test('a file deleted in the editor (workspace/didDeleteFiles, no watcher event) leaves the glossary though its document stays open', { timeout: 60_000 }, async (t) => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-did-delete-'));
  fs.writeFileSync(path.join(folder, 'Index.md'), '# Index {#Index}\n');
  fs.writeFileSync(path.join(folder, 'TensorFlow.md'), entry('TensorFlow', 'TensorFlow', 'Ein Framework, mit [Keras](#Keras) zu bedienen.'));
  const text = entry('Keras', 'Keras', 'Mit TensorFlow gebaut.');
  fs.writeFileSync(path.join(folder, 'Keras.md'), text);
  const uri = URI.file(path.join(folder, 'Keras.md')).toString();
  const tensorFlow = URI.file(path.join(folder, 'TensorFlow.md')).toString();
  const server = await startServer(folder, { signal: t.signal, capabilities: { workspace: { fileOperations: { didDelete: true } } } });
  const linkToKerasBroken = (): boolean => (server.diagnostics.get(tensorFlow) ?? []).some((diagnostic) => diagnostic.code === 'broken-link');
  try {
    assert.ok(server.capabilities.workspace?.fileOperations?.didDelete, 'the server asks to be told of deletions');
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    await server.settle();
    assert.equal(linkToKerasBroken(), false);
    fs.rmSync(path.join(folder, 'Keras.md'));
    await server.connection.sendNotification(DidDeleteFilesNotification.type, { files: [{ uri }] });
    await server.waitUntil(linkToKerasBroken, 'the link to the deleted entry to break');
  } finally {
    await server.shutdown();
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

test('a file renamed in the editor (workspace/didRenameFiles, before any watcher event) is read under its new name at once, and the old name\'s problems go', { timeout: 60_000 }, async (t) => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-did-rename-'));
  fs.writeFileSync(path.join(folder, 'Index.md'), '# Index {#Index}\n');
  fs.writeFileSync(path.join(folder, 'TensorFlow.md'), entry('TensorFlow', 'TensorFlow', 'Ein Framework, mit [Keras](#Keras) zu bedienen.'));
  fs.writeFileSync(path.join(folder, 'Keras.md'), entry('Keras', 'Keras', 'Mit TensorFlow gebaut, siehe [Torch](#PyTorch).'));
  const [oldUri, newUri] = ['Keras.md', 'Keras-Framework.md'].map((name) => URI.file(path.join(folder, name)).toString()) as [string, string];
  // The client watches the files (so the server does not) and reports no event: the rename alone tells.
  const server = await startServer(folder, { signal: t.signal, capabilities: { workspace: { fileOperations: { didRename: true }, didChangeWatchedFiles: { dynamicRegistration: true } } } });
  const codes = (uri: string): string[] => (server.diagnostics.get(uri) ?? []).map((diagnostic) => String(diagnostic.code));
  try {
    assert.ok(server.capabilities.workspace?.fileOperations?.didRename, 'the server asks to be told of renames');
    await server.settle();
    assert.ok(codes(oldUri).includes('broken-link'));
    fs.renameSync(path.join(folder, 'Keras.md'), path.join(folder, 'Keras-Framework.md'));
    await server.connection.sendNotification(DidRenameFilesNotification.type, { files: [{ oldUri, newUri }] });
    await server.waitUntil(() => codes(oldUri).length === 0 && codes(newUri).includes('anchor-file-mismatch') && codes(newUri).includes('broken-link'), 'the problems under the new name alone');
  } finally {
    await server.shutdown();
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

/** A glossary without .glossary.json whose Keras.md mentions TensorFlow and PyTorch, two other entries, without links. */
function mentioningGlossary(prefix: string): { folder: string; text: string; uri: string } {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.writeFileSync(path.join(folder, 'Index.md'), '# Index {#Index}\n');
  fs.writeFileSync(path.join(folder, 'TensorFlow.md'), entry('TensorFlow', 'TensorFlow', 'Ein Framework, mit [Keras](#Keras) zu bedienen.'));
  fs.writeFileSync(path.join(folder, 'PyTorch.md'), entry('PyTorch', 'PyTorch', 'Wie TensorFlow, aber anders.'));
  const text = entry('Keras', 'Keras', 'Mit TensorFlow gebaut, wie PyTorch.');
  fs.writeFileSync(path.join(folder, 'Keras.md'), text);
  return { folder, text, uri: URI.file(path.join(folder, 'Keras.md')).toString() };
}

test('"Do not suggest links to #TensorFlow" writes .glossary.json, made when missing, and the hint goes', { timeout: 60_000 }, async (t) => {
  const { folder, text, uri } = mentioningGlossary('glossary-ignore-mentions-');
  const configPath = path.join(folder, '.glossary.json');
  // The editor applies the edit on disk and its watcher reports the file, as VS Code does once it saved it.
  let edits = 0;
  const server = await startServer(folder, {
    signal: t.signal,
    // As the extension's client, which refuses the edit over unsaved changes and saves it.
    initializationOptions: { settingsEdits: true },
    onConnection: (connection) =>
      connection.onRequest(ApplyWorkspaceEditRequest.type, async (params) => {
        const created = applyToDisk(params.edit);
        edits++;
        await connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: URI.file(configPath).toString(), type: created ? FileChangeType.Created : FileChangeType.Changed }] });
        return { applied: true };
      }),
  });
  const mentioned = (): string[] => (server.diagnostics.get(uri) ?? []).filter((d) => d.code === 'unlinked-mention').map((d) => (d.data as { target: string }).target);
  const ignore = async (id: string): Promise<unknown> => {
    const diagnostic = (server.diagnostics.get(uri) ?? []).find((d) => (d.data as { target?: string }).target === id)!;
    const actions = (await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })) as CodeAction[];
    const action = actions.find((candidate) => candidate.title === `Do not suggest links to #${id} (in .glossary.json)`);
    assert.ok(action?.command, actions.map((candidate) => candidate.title).join(', '));
    return server.connection.sendRequest(ExecuteCommandRequest.type, { command: action.command.command, arguments: action.command.arguments });
  };
  try {
    await server.settle();
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    await server.waitUntil(() => mentioned().length === 2, 'the two mention hints');

    assert.deepEqual(await ignore('TensorFlow'), { uri: URI.file(configPath).toString() });
    assert.equal(fs.readFileSync(configPath, 'utf8'), '{\n  "ignoreMentionsOf": ["TensorFlow"]\n}\n');
    await server.waitUntil(() => mentioned().join() === 'PyTorch', 'the hint of TensorFlow to go');

    // The second goes into the same list; the rest of the file stays as the writer wrote it.
    fs.writeFileSync(configPath, '{\n\t"severity": { "orphan-entry": "off" },\n\t"ignoreMentionsOf": ["TensorFlow"]\n}\n');
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: URI.file(configPath).toString(), type: FileChangeType.Changed }] });
    await server.settle();
    await ignore('PyTorch');
    assert.equal(fs.readFileSync(configPath, 'utf8'), '{\n\t"severity": { "orphan-entry": "off" },\n\t"ignoreMentionsOf": ["TensorFlow", "PyTorch"]\n}\n');
    await server.waitUntil(() => mentioned().length === 0, 'the hint of PyTorch to go');
    assert.equal(edits, 2);
  } finally {
    await server.shutdown();
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

test('an editor that cannot create files (no resource operations) gets .glossary.json written by the server, made when missing and then added to', { timeout: 60_000 }, async (t) => {
  const { folder, text, uri } = mentioningGlossary('glossary-ignore-no-create-');
  const configPath = path.join(folder, '.glossary.json');
  const configUri = URI.file(configPath).toString();
  const received: WorkspaceEdit[] = [];
  const server = await startServer(folder, {
    signal: t.signal,
    // As Neovim 0.7 announces itself: workspace edits, but neither documentChanges nor resource operations.
    capabilities: { workspace: { applyEdit: true, workspaceEdit: { documentChanges: false } } },
    onConnection: (connection) =>
      connection.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
        received.push(params.edit);
        return { applied: true };
      }),
  });
  const mentioned = (): string[] => (server.diagnostics.get(uri) ?? []).filter((d) => d.code === 'unlinked-mention').map((d) => (d.data as { target: string }).target);
  const execute = (id: string): Promise<unknown> => server.connection.sendRequest(ExecuteCommandRequest.type, { command: 'glossary.ignoreMentionsOf', arguments: [{ id, configUri }] });
  try {
    await server.settle();
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    await server.waitUntil(() => mentioned().length === 2, 'the two mention hints');
    assert.deepEqual(await execute('TensorFlow'), { uri: configUri, written: true });
    assert.equal(fs.readFileSync(configPath, 'utf8'), '{\n  "ignoreMentionsOf": ["TensorFlow"]\n}\n');
    // The server reads the settings it wrote at once: no editor tells of the file.
    await server.waitUntil(() => mentioned().join() === 'PyTorch', 'the hint of TensorFlow to go');
    // The file exists now: the next id is added to it on disk too.
    assert.deepEqual(await execute('PyTorch'), { uri: configUri, written: true });
    assert.equal(fs.readFileSync(configPath, 'utf8'), '{\n  "ignoreMentionsOf": ["TensorFlow", "PyTorch"]\n}\n');
    await server.waitUntil(() => mentioned().length === 0, 'the hint of PyTorch to go');
    assert.equal(received.length, 0);
  } finally {
    await server.shutdown();
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

test('an editor that applies no edits the server sends (applyEdit false) gets a new entry and .glossary.json written by the server', { timeout: 60_000 }, async (t) => {
  const { folder, text, uri } = mentioningGlossary('glossary-no-apply-edit-');
  const configPath = path.join(folder, '.glossary.json');
  const configUri = URI.file(configPath).toString();
  const asked: string[] = [];
  const server = await startServer(folder, {
    signal: t.signal,
    // Its edits may create files (in code actions), but the server may not send it any.
    capabilities: { workspace: { applyEdit: false, workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename'] } }, window: { showDocument: { support: true } } },
    initializationOptions: { settingsEdits: true },
    onConnection: (connection) => {
      connection.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
        asked.push(params.label ?? '');
        return { applied: false, failureReason: 'not supported' };
      });
      connection.onRequest(ShowDocumentRequest.type, () => ({ success: true }));
    },
  });
  try {
    await server.settle();
    const created = await server.connection.sendRequest(ExecuteCommandRequest.type, { command: 'glossary.createEntry', arguments: [{ title: 'JAX' }] });
    assert.deepEqual(created, { uri: URI.file(path.join(folder, 'JAX.md')).toString() });
    assert.match(fs.readFileSync(path.join(folder, 'JAX.md'), 'utf8'), /^## JAX \{#JAX \.chapter \.small \.term\}\n/);
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const ignored = await server.connection.sendRequest(ExecuteCommandRequest.type, { command: 'glossary.ignoreMentionsOf', arguments: [{ id: 'TensorFlow', configUri }] });
    assert.deepEqual(ignored, { uri: configUri, written: true });
    assert.equal(fs.readFileSync(configPath, 'utf8'), '{\n  "ignoreMentionsOf": ["TensorFlow"]\n}\n');
    assert.deepEqual(asked, []);
  } finally {
    await server.shutdown();
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

test('an editor other than the extension\'s gets no edit of .glossary.json, which would land in its buffer of the file whatever unsaved changes it holds: the server writes the file', { timeout: 60_000 }, async (t) => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-unsaved-config-'));
  const configPath = path.join(folder, '.glossary.json');
  fs.writeFileSync(configPath, '{\n  "collation": "de"\n}\n');
  fs.writeFileSync(path.join(folder, 'TensorFlow.md'), entry('TensorFlow', 'TensorFlow', 'Ein Framework.'));
  const configUri = URI.file(configPath).toString();
  const received: WorkspaceEdit[] = [];
  const shown: ShowMessageParams[] = [];
  const server = await startServer(folder, {
    signal: t.signal,
    // Edits with documentChanges and resource operations, as Emacs's eglot takes them.
    onConnection: (connection) => {
      connection.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
        received.push(params.edit);
        return { applied: true };
      });
      connection.onNotification(ShowMessageNotification.type, (params) => {
        shown.push(params);
      });
    },
  });
  const execute = (id: string): Promise<unknown> => server.connection.sendRequest(ExecuteCommandRequest.type, { command: 'glossary.ignoreMentionsOf', arguments: [{ id, configUri }] });
  try {
    await server.settle();
    assert.deepEqual(await execute('TensorFlow'), { uri: configUri, written: true });
    assert.deepEqual(await execute('PyTorch'), { uri: configUri, written: true });
    assert.equal(fs.readFileSync(configPath, 'utf8'), '{\n  "collation": "de",\n  "ignoreMentionsOf": ["TensorFlow", "PyTorch"]\n}\n');
    // Listed already: nothing to write, and the writer is told so, as news rather than as an error.
    shown.length = 0;
    assert.deepEqual(await execute('PyTorch'), { uri: configUri, listedAlready: true });
    await server.settle();
    assert.deepEqual(shown, [{ type: MessageType.Info, message: `${configPath} lists "PyTorch" in "ignoreMentionsOf" already.` }]);
    assert.equal(fs.readFileSync(configPath, 'utf8'), '{\n  "collation": "de",\n  "ignoreMentionsOf": ["TensorFlow", "PyTorch"]\n}\n');
    assert.equal(received.length, 0);
  } finally {
    await server.shutdown();
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

test('a .glossary.json above the workspace folder gets a watcher of its own, and the quick fix edits that file', { timeout: 60_000 }, async (t) => {
  const outer = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-outer-config-'));
  const folder = path.join(outer, 'glossar');
  fs.mkdirSync(folder);
  const configPath = path.join(outer, '.glossary.json');
  fs.writeFileSync(configPath, '{\n  "collation": "de"\n}\n');
  fs.writeFileSync(path.join(folder, 'Index.md'), '# Index {#Index}\n');
  fs.writeFileSync(path.join(folder, 'TensorFlow.md'), entry('TensorFlow', 'TensorFlow', 'Ein Framework, mit [Keras](#Keras) zu bedienen.'));
  const text = entry('Keras', 'Keras', 'Mit TensorFlow gebaut.');
  fs.writeFileSync(path.join(folder, 'Keras.md'), text);
  const uri = URI.file(path.join(folder, 'Keras.md')).toString();
  const configUri = URI.file(configPath).toString();
  const watchers: unknown[] = [];
  const server = await startServer(folder, {
    signal: t.signal,
    initializationOptions: { settingsEdits: true },
    capabilities: {
      workspace: { applyEdit: true, workspaceEdit: { documentChanges: true, resourceOperations: ['create'] }, didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: true } },
    },
    onConnection: (connection) => {
      connection.onRequest('client/registerCapability', (params: { registrations: { registerOptions?: { watchers?: unknown[] } }[] }) => {
        watchers.push(...params.registrations.flatMap((registration) => registration.registerOptions?.watchers ?? []));
        return null;
      });
      connection.onRequest(ApplyWorkspaceEditRequest.type, (params) => {
        applyToDisk(params.edit);
        return { applied: true };
      });
    },
  });
  const execute = (args: unknown[]): Promise<unknown> => server.connection.sendRequest(ExecuteCommandRequest.type, { command: 'glossary.ignoreMentionsOf', arguments: args });
  try {
    await server.settle();
    assert.deepEqual(watchers.at(-1), { globPattern: { baseUri: URI.file(outer).toString(), pattern: '.glossary.json' } });
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    await server.waitUntil(() => (server.diagnostics.get(uri) ?? []).some((d) => d.code === 'unlinked-mention'), 'the mention hint');

    assert.deepEqual(await execute([]), { error: 'The command needs the id of an entry and the settings file to write it to.' });
    assert.deepEqual(await execute([{ id: 'TensorFlow', configUri: URI.file(path.join(folder, '.glossary.json')).toString() }]), {
      error: 'The glossary reads its settings from another file now: ask for the fix again.',
    });
    assert.deepEqual(await execute([{ id: 'TensorFlow', configUri }]), { uri: configUri });
    assert.equal(fs.readFileSync(configPath, 'utf8'), '{\n  "collation": "de",\n  "ignoreMentionsOf": ["TensorFlow"]\n}\n');
    // The editor reports the change through the watcher registered above.
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: configUri, type: FileChangeType.Changed }] });
    await server.waitUntil(() => !(server.diagnostics.get(uri) ?? []).some((d) => d.code === 'unlinked-mention'), 'the hint to go');
  } finally {
    await server.shutdown();
    fs.rmSync(outer, { recursive: true, force: true });
  }
});

/** Applies a workspace edit of created files and text edits to the files on disk; tells whether it created one. */
function applyToDisk(edit: WorkspaceEdit): boolean {
  let created = false;
  for (const change of edit.documentChanges ?? []) {
    if (CreateFile.is(change)) {
      const file = URI.parse(change.uri).fsPath;
      assert.equal(fs.existsSync(file), false, 'a file is created only where there is none');
      fs.writeFileSync(file, '');
      created = true;
    } else if (TextDocumentEdit.is(change)) {
      const file = URI.parse(change.textDocument.uri).fsPath;
      const document = TextDocument.create(change.textDocument.uri, 'json', 0, fs.readFileSync(file, 'utf8'));
      fs.writeFileSync(file, TextDocument.applyEdits(document, change.edits as TextEdit[]));
    }
  }
  return created;
}

test('a .txt file is served only when it belongs to the glossary (its index page); Markdown anywhere completes ids', { timeout: 60_000 }, async (t) => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-txt-'));
  fs.writeFileSync(path.join(folder, '.glossary.json'), JSON.stringify({ indexFile: 'index.txt' }));
  fs.writeFileSync(path.join(folder, 'index.txt'), '# Index {#Index}\n\n[Keras](#Keras) |\n');
  fs.writeFileSync(path.join(folder, 'Keras.md'), entry('Keras', 'Keras', 'Ein Framework.'));
  const server = await startServer(folder, { signal: t.signal });
  const completionLabels = async (name: string, languageId: string): Promise<string[] | null> => {
    const uri = URI.file(path.join(folder, name)).toString();
    const text = 'See [x](#\n';
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    const list = (await server.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 9 } })) as { items: { label: string }[] } | null;
    return list === null ? null : list.items.map((item) => item.label);
  };
  try {
    await server.settle();
    assert.equal(await completionLabels('notes.txt', 'plaintext'), null);
    assert.ok((await completionLabels('index.txt', 'plaintext'))?.includes('Keras'));
    assert.ok((await completionLabels('README.markdown', 'markdown'))?.includes('Keras'));
  } finally {
    await server.shutdown();
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

test('a client that does not ask for them (all but the extension\'s) gets no document links: their targets are VS Code\'s `#L` form', { timeout: 60_000 }, async (t) => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-no-links-'));
  fs.writeFileSync(path.join(folder, 'Keras.md'), entry('Keras', 'Keras', 'Ein Framework.'));
  const server = await startServer(folder, { signal: t.signal });
  try {
    assert.equal(server.capabilities.documentLinkProvider, undefined);
  } finally {
    await server.shutdown();
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

test('without indexFile, a .txt index page made beside the entries is found when the watcher tells of it', { timeout: 60_000 }, async (t) => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-index-page-made-'));
  fs.writeFileSync(path.join(folder, 'Keras.md'), entry('Keras', 'Keras', 'Ein Framework.'));
  fs.writeFileSync(path.join(folder, 'PyTorch.md'), entry('PyTorch', 'PyTorch', 'Ein anderes.'));
  const server = await startServer(folder, { signal: t.signal });
  const pyTorch = URI.file(path.join(folder, 'PyTorch.md')).toString();
  const codes = (): unknown[] => (server.diagnostics.get(pyTorch) ?? []).map((diagnostic) => diagnostic.code);
  try {
    await server.settle();
    assert.ok(!codes().includes('not-in-index'), JSON.stringify(codes()));
    // A title page made and saved there is no index page: the glossary is not read again for it.
    const statusesBefore = server.statuses.length;
    const title = URI.file(path.join(folder, '000-title.txt')).toString();
    fs.writeFileSync(URI.parse(title).fsPath, '% Das Glossar\n');
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: title, type: FileChangeType.Created }] });
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: title, type: FileChangeType.Changed }] });
    await server.settle();
    assert.deepEqual(server.statuses.slice(statusesBefore).map((status) => status.state).filter((state) => state === 'indexing'), []);
    const page = path.join(folder, '001-index.txt');
    fs.writeFileSync(page, '# Index {#Index}\n\n## K {.index}\n\n[Keras](#Keras) |\n');
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: URI.file(page).toString(), type: FileChangeType.Created }] });
    await server.waitUntil(() => codes().includes('not-in-index'), 'PyTorch missing from the new index page');
  } finally {
    await server.shutdown();
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

test('the file watcher follows the include patterns and the index page, and is registered anew when they change', { timeout: 60_000 }, async (t) => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-watchers-'));
  fs.writeFileSync(path.join(folder, '.glossary.json'), JSON.stringify({ include: ['**/*.markdown'], indexFile: 'index.txt' }));
  fs.writeFileSync(path.join(folder, 'index.txt'), '# Index {#Index}\n\n[Keras](#Keras) |\n');
  fs.writeFileSync(path.join(folder, 'Keras.markdown'), entry('Keras', 'Keras', 'Ein Framework.'));
  const registrations: { id: string; watchers: { globPattern: unknown }[] }[] = [];
  const unregistered: string[] = [];
  const server = await startServer(folder, {
    signal: t.signal,
    capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } },
    onConnection: (connection) => {
      connection.onRequest('client/registerCapability', (params: { registrations: { id: string; registerOptions?: { watchers?: { globPattern: unknown }[] } }[] }) => {
        registrations.push(...params.registrations.map((registration) => ({ id: registration.id, watchers: registration.registerOptions?.watchers ?? [] })));
        return null;
      });
      connection.onRequest('client/unregisterCapability', (params: { unregisterations: { id: string }[] }) => {
        unregistered.push(...params.unregisterations.map((registration) => registration.id));
        return null;
      });
    },
  });
  const globs = (): unknown[][] => registrations.map((registration) => registration.watchers.map((watcher) => watcher.globPattern));
  try {
    await server.settle();
    // The default patterns from the start, those of .glossary.json once it is read; and every
    // folder created or deleted (`**/*`, kind Create | Delete), as editors report a folder alone.
    assert.deepEqual(globs(), [['**/.glossary.json'], ['**/*.md', '**/*'], ['**/*.markdown', '**/index.txt', '**/*']]);
    assert.deepEqual(registrations[2]!.watchers.map((watcher) => (watcher as { kind?: number }).kind), [undefined, undefined, 5]);
    assert.deepEqual(unregistered, [registrations[1]!.id]);
    // A file the default `**/*.md` watcher would never have told of.
    fs.writeFileSync(path.join(folder, 'TensorFlow.markdown'), entry('TensorFlow', 'TensorFlow', 'Mit [Keras](#Keras).'));
    const uri = URI.file(path.join(folder, 'TensorFlow.markdown')).toString();
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri, type: FileChangeType.Created }] });
    await server.waitUntil(() => server.statuses.at(-1)!.entryCount === 2, 'the new .markdown entry to be counted');

    fs.writeFileSync(path.join(folder, '.glossary.json'), JSON.stringify({ include: ['**/*.md'], indexFile: 'index.txt' }));
    const configUri = URI.file(path.join(folder, '.glossary.json')).toString();
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: configUri, type: FileChangeType.Changed }] });
    await server.waitUntil(() => registrations.length === 4 && unregistered.length === 2, 'the watcher to be registered anew');
    assert.deepEqual(globs()[3], ['**/*.md', '**/index.txt', '**/*']);
    assert.equal(unregistered[1], registrations[2]!.id);
    await server.settle();
    assert.equal(registrations.length, 4, 'an unchanged configuration registers nothing more');
  } finally {
    await server.shutdown();
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

test('a file opened, closed and opened again while the glossary is read keeps the editor\'s text, for diagnostics and quick fixes', { timeout: 60_000 }, async (t) => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-reopen-'));
  t.after(() => fs.rmSync(folder, { recursive: true, force: true }));
  fs.cpSync(corpusEntries, folder, { recursive: true });
  const uri = URI.file(path.join(folder, 'AGI.md')).toString();
  // Four lines more than on disk, and a broken link the disk text lacks.
  const text = `\n\n\n\n${fs.readFileSync(path.join(folder, 'AGI.md'), 'utf8').replace('**AGI** steht', '**AGI** steht [kaputt](#Large-Language-Modell)')}`;
  const server = await startServer(folder, { signal: t.signal });
  try {
    // Sent at once: the close is handled after the first load, when the document is open again.
    // Emacs opens at version 0, the version a model read from disk had.
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 0, text } });
    await server.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 0, text } });
    await server.settle();
    const broken = (server.diagnostics.get(uri) ?? []).find((diagnostic) => diagnostic.code === 'broken-link');
    assert.equal(broken?.range.start.line, 6, 'the broken link of the editor\'s text');
    const actions = (await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: broken!.range, context: { diagnostics: [broken!] } })) as CodeAction[];
    const edit = actions.map((action) => action.edit).find((candidate) => candidate !== undefined)!;
    const document = TextDocument.create(uri, 'markdown', 0, text);
    const edits = (edit.documentChanges ?? []).flatMap((change) => (TextDocumentEdit.is(change) ? change.edits : [])) as TextEdit[];
    assert.equal(TextDocument.applyEdits(document, edits), text.replace('#Large-Language-Modell', '#Large-Language-Model'), 'the quick fix replaces the broken id, nothing else');
  } finally {
    await server.shutdown();
  }
});

test('a file opened under another spelling of its URI (Neovim and Emacs do not escape parentheses or +) is the file the server read, not a copy', { timeout: 60_000 }, async (t) => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-uri-'));
  t.after(() => fs.rmSync(folder, { recursive: true, force: true }));
  const name = 'C++ (Sprache).md';
  const text = entry('C++ (Sprache)', 'Cpp', 'Siehe [Java](#Java).');
  fs.writeFileSync(path.join(folder, name), text);
  fs.writeFileSync(path.join(folder, 'Java.md'), entry('Java', 'Java', 'Wie [C++](#Cpp).'));
  const listed = URI.file(path.join(folder, name)).toString();
  const spelled = `${URI.file(folder).toString()}/C++%20(Sprache).md`;
  assert.notEqual(spelled, listed);
  const server = await startServer(folder, { signal: t.signal });
  try {
    await server.settle();
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: spelled, languageId: 'markdown', version: 1, text } });
    await server.settle();
    const codes = [...server.diagnostics.values()].flat().map((diagnostic) => String(diagnostic.code));
    assert.ok(!codes.includes('duplicate-anchor'), codes.join(', '));
    const references = await server.connection.sendRequest(ReferencesRequest.type, {
      textDocument: { uri: spelled },
      position: { line: 0, character: text.indexOf('#Cpp') + 1 },
      context: { includeDeclaration: true },
    });
    assert.deepEqual(references?.map((location) => path.basename(URI.parse(location.uri).fsPath)), [name, 'Java.md']);
  } finally {
    await server.shutdown();
  }
});

test('a client that cannot watch files: the server watches the glossary\'s folders and sees files written, created and deleted by another program', { timeout: 60_000 }, async (t) => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-disk-watch-'));
  fs.writeFileSync(path.join(folder, 'Index.md'), '# Index {#Index}\n');
  fs.writeFileSync(path.join(folder, 'A.md'), entry('A', 'A', 'Siehe [B](#B), [C](#C) und [D](#D).'));
  // A folder that holds no glossary file yet when the server starts.
  fs.mkdirSync(path.join(folder, 'entwürfe'));
  const uri = URI.file(path.join(folder, 'A.md')).toString();
  const server = await startServer(folder, { signal: t.signal });
  const broken = (): string[] => (server.diagnostics.get(uri) ?? []).filter((d) => d.code === 'broken-link').map((d) => (d.data as { target: string }).target).sort();
  try {
    await server.settle();
    assert.deepEqual(broken(), ['B', 'C', 'D']);
    fs.writeFileSync(path.join(folder, 'B.md'), entry('B', 'B', 'Text.'));
    await server.waitUntil(() => broken().join() === 'C,D', 'B.md, created by another program, to define #B');
    fs.writeFileSync(path.join(folder, 'entwürfe', 'D.md'), entry('D', 'D', 'Text.'));
    await server.waitUntil(() => broken().join() === 'C', 'entwürfe/D.md, written into a folder that was empty at the start, to define #D');
    fs.rmSync(path.join(folder, 'B.md'));
    await server.waitUntil(() => broken().join() === 'B,C', 'B.md, deleted, to take #B away');
  } finally {
    await server.shutdown();
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

test('a client that refuses to register file watchers: the server watches the folders itself, and no promise is left rejected', { timeout: 60_000 }, async (t) => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-refused-watch-'));
  t.after(() => fs.rmSync(folder, { recursive: true, force: true }));
  fs.writeFileSync(path.join(folder, 'Index.md'), '# Index {#Index}\n');
  fs.writeFileSync(path.join(folder, 'A.md'), entry('A', 'A', 'Siehe [B](#B).'));
  const uri = URI.file(path.join(folder, 'A.md')).toString();
  const server = await startServer(folder, {
    signal: t.signal,
    capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } },
    onConnection: (connection) =>
      connection.onRequest(RegistrationRequest.type, () => {
        throw new ResponseError(ErrorCodes.InternalError, 'no watchers here');
      }),
  });
  const broken = (): string[] => (server.diagnostics.get(uri) ?? []).filter((d) => d.code === 'broken-link').map((d) => (d.data as { target: string }).target);
  try {
    await server.settle();
    assert.deepEqual(broken(), ['B']);
    fs.writeFileSync(path.join(folder, 'B.md'), entry('B', 'B', 'Text.'));
    await server.waitUntil(() => broken().length === 0, 'B.md, created by another program, to define #B');
    assert.doesNotMatch(server.logs.join('\n'), /unexpected failure|Unhandled/i);
  } finally {
    await server.shutdown();
  }
});

test('a client that cannot watch files: a folder made by another program is watched from when it appears, also while it is read', { timeout: 60_000 }, async (t) => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-new-folder-'));
  t.after(() => fs.rmSync(folder, { recursive: true, force: true }));
  const count = 200;
  const ids = Array.from({ length: count }, (_, k) => `Neu-${k}`);
  fs.writeFileSync(path.join(folder, 'Index.md'), '# Index {#Index}\n');
  fs.writeFileSync(path.join(folder, 'Liste.md'), entry('Liste', 'Liste', ids.map((id) => `[${id}](#${id})`).join(' ')));
  const uri = URI.file(path.join(folder, 'Liste.md')).toString();
  const server = await startServer(folder, { signal: t.signal });
  const broken = (): number => (server.diagnostics.get(uri) ?? []).filter((d) => d.code === 'broken-link').length;
  try {
    await server.settle();
    assert.equal(broken(), count);
    // The entries are written one by one, as a script or a `git checkout` does, from the moment the folder is made.
    fs.mkdirSync(path.join(folder, 'neu'));
    for (const id of ids) {
      fs.writeFileSync(path.join(folder, 'neu', `${id}.md`), entry(id, id, 'Text.'));
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    await server.waitUntil(() => broken() === 0, 'every entry written into neu/ to be read');
  } finally {
    await server.shutdown();
  }
});

test('prepareRename in a file the glossary does not hold leaves the rename to the editor: the default behaviour where the client takes it, else null; a rename asked there unprepared is null', { timeout: 60_000 }, async (t) => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-rename-outside-'));
  t.after(() => fs.rmSync(folder, { recursive: true, force: true }));
  fs.writeFileSync(path.join(folder, '.glossary.json'), JSON.stringify({ exclude: ['entwurf/**'] }));
  fs.writeFileSync(path.join(folder, 'Index.md'), '# Index {#Index}\n');
  fs.writeFileSync(path.join(folder, 'Keras.md'), entry('Keras', 'Keras', 'Ein Framework.'));
  fs.mkdirSync(path.join(folder, 'entwurf'));
  const draft = entry('Entwurf', 'Entwurf', 'Mehr bei [Keras](#Keras).');
  fs.writeFileSync(path.join(folder, 'entwurf', 'Entwurf.md'), draft);
  // As VS Code's client: it turns null into a refusal, and takes the default behaviour instead.
  const vscodeLike = {
    workspace: { applyEdit: true, workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename'] } },
    textDocument: { rename: { prepareSupport: true, prepareSupportDefaultBehavior: 1 } },
  };
  for (const capabilities of [undefined, vscodeLike]) {
    const server = await startServer(folder, { signal: t.signal, capabilities });
    try {
      await server.settle();
      const open = async (file: string, text: string): Promise<string> => {
        const uri = URI.file(path.join(folder, file)).toString();
        await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
        return uri;
      };
      const draftUri = await open('entwurf/Entwurf.md', draft);
      const kerasUri = await open('Keras.md', entry('Keras', 'Keras', 'Ein Framework.'));
      await server.settle();
      const atHeadingId = { line: 0, character: '## Entwurf {#'.length + 2 };
      assert.deepEqual(await server.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri: draftUri }, position: atHeadingId }), capabilities ? { defaultBehavior: true } : null);
      // Not refused as "no id", as if the link to #Keras were none: the glossary does not read the file.
      const atLink = { line: 2, character: 'Mehr bei [Keras](#'.length + 1 };
      assert.equal(await server.connection.sendRequest(RenameRequest.type, { textDocument: { uri: draftUri }, position: atLink, newName: 'Keras2' }), null);
      const inGlossary = await server.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri: kerasUri }, position: { line: 0, character: '## Keras {#'.length + 2 } });
      assert.deepEqual(inGlossary && 'placeholder' in inGlossary ? inGlossary.placeholder : inGlossary, 'Keras');
    } finally {
      await server.shutdown();
    }
  }
});

test('requests asked before the glossary is first read are answered once it is, as after it', { timeout: 60_000 }, async (t) => {
  const server = await startServer(corpusEntries, { signal: t.signal });
  try {
    const uri = URI.file(path.join(corpusEntries, 'Data-Scraping.md')).toString();
    const text = fs.readFileSync(URI.parse(uri).fsPath, 'utf8');
    const [line, character] = positionOf(text, '(#Large-Language-Model)', 3);
    const textDocument = { uri };
    // Asked at once, as an editor asks for the file it opens with the window: the glossary is being read.
    const asked = Promise.all([
      server.connection.sendRequest(DefinitionRequest.type, { textDocument, position: { line, character } }),
      server.connection.sendRequest(HoverRequest.type, { textDocument, position: { line, character } }),
      server.connection.sendRequest(ReferencesRequest.type, { textDocument, position: { line, character }, context: { includeDeclaration: false } }),
      server.connection.sendRequest(PrepareRenameRequest.type, { textDocument, position: { line: 0, character: 25 } }),
    ]);
    assert.ok(!server.statuses.some((status) => status.state === 'ready'), 'asked before the glossary was read');
    const [definition, hover, references, prepared] = await asked;
    assert.deepEqual((definition as Location[]).map((location) => path.basename(URI.parse(location.uri).fsPath)), ['LLM.md']);
    assert.match((hover?.contents as MarkupContent).value, /Large Language Model/);
    assert.ok(references !== null && references.length > 100, `${references?.length} links to #Large-Language-Model`);
    assert.deepEqual(prepared && 'placeholder' in prepared ? prepared.placeholder : undefined, 'Data-Scraping');
  } finally {
    await server.shutdown();
  }
});

test('an answer worked out while its document was closed and opened again with other text is not sent: its positions are of the old text', { timeout: 60_000 }, async (t) => {
  const server = await startServer(corpusEntries, { signal: t.signal });
  try {
    const uri = URI.file(path.join(corpusEntries, 'AGI.md')).toString();
    const text = fs.readFileSync(URI.parse(uri).fsPath, 'utf8');
    const [line, character] = positionOf(text, '(#Artificial-General-Intelligence)', 3);
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    // Asked while the glossary is read, the definition waits; meanwhile the document is closed and opened again, at the same version, linking elsewhere.
    const asked = server.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: { line, character } }).catch((error: unknown) => error);
    await server.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text: text.replace('(#Artificial-General-Intelligence)', '(#LLM)') } });
    assert.ok(!server.statuses.some((status) => status.state === 'ready'), 'asked before the glossary was read');
    const answer = await asked;
    assert.ok(answer instanceof ResponseError && answer.code === LSPErrorCodes.ContentModified, `answered: ${JSON.stringify(answer)}`);
  } finally {
    await server.shutdown();
  }
});

/** The line and character of `needle` in `text`, moved on by `offset` characters. */
function positionOf(text: string, needle: string, offset: number): [number, number] {
  const before = text.slice(0, text.indexOf(needle) + offset).split('\n');
  return [before.length - 1, before.at(-1)!.length];
}
