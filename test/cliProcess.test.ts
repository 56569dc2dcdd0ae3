import { test, TestContext } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  createProtocolConnection,
  ErrorCodes,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ResponseError,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { repositoryRoot, serverScript } from './support/lspServer';

// The built command line (dist/glossary.js) as a shell runs it: its language comes from the
// environment, so every run here gets an explicit one and never the developer's.
const exampleGlossary = path.join(repositoryRoot, 'example', 'glossary');

/** The process environment without any locale setting, plus the settings given. */
function environmentWith(settings: Record<string, string>): NodeJS.ProcessEnv {
  const environment = { ...process.env };
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG', 'LANGUAGE']) {
    delete environment[name];
  }
  return { ...environment, ...settings };
}

function glossary(args: readonly string[], settings: Record<string, string>): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [serverScript, ...args], { encoding: 'utf8', env: environmentWith(settings) });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The exit status of a run whose reader of standard output, or of standard error, or both, stops at once (`glossary check . 2>&1 | head -0`). */
function statusWithClosedStreams(args: readonly string[], closed: readonly ('stdout' | 'stderr')[]): Promise<number | null> {
  const child = spawn(process.execPath, [serverScript, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: environmentWith({ LANG: 'C' }) });
  for (const stream of closed) child[stream].destroy();
  for (const stream of (['stdout', 'stderr'] as const).filter((name) => !closed.includes(name))) child[stream].resume();
  return new Promise((resolve) => child.on('close', (status) => resolve(status)));
}

test('a reader that stops early, of the report or of the notes on stderr, does not change the exit status', async () => {
  for (const closed of [['stdout'], ['stderr'], ['stdout', 'stderr']] as const) {
    assert.equal(await statusWithClosedStreams(['check', '--bogus'], closed), 2, `usage error, ${closed.join(' and ')} closed`);
    assert.equal(await statusWithClosedStreams(['check', exampleGlossary], closed), 1, `problems found, ${closed.join(' and ')} closed`);
  }
});

test('output that cannot be written (a full device) is a failed run, said in a line, not a crash', () => {
  const full = fs.openSync('/dev/full', 'w');
  try {
    const result = spawnSync(process.execPath, [serverScript, 'check', exampleGlossary], { encoding: 'utf8', env: environmentWith({ LANG: 'C' }), stdio: ['ignore', full, 'pipe'] });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /^glossary: the output cannot be written: the disk is full$/m);
    assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
    // In the language the run speaks, as every other message.
    const german = spawnSync(process.execPath, [serverScript, 'check', exampleGlossary], { encoding: 'utf8', env: environmentWith({ LANG: 'de_DE.UTF-8' }), stdio: ['ignore', full, 'pipe'] });
    assert.equal(german.status, 2);
    assert.match(german.stderr, /^glossary: die Ausgabe kann nicht geschrieben werden: Der Datenträger ist voll$/m);
  } finally {
    fs.closeSync(full);
  }
});

test('notes that cannot be written (standard error on a full device) leave the exit status as it is', () => {
  const full = fs.openSync('/dev/full', 'w');
  try {
    const statusOf = (args: readonly string[]): number | null =>
      spawnSync(process.execPath, [serverScript, ...args], { env: environmentWith({ LANG: 'C' }), stdio: ['ignore', 'ignore', full] }).status;
    assert.equal(statusOf(['check', '--bogus']), 2, 'usage error');
    assert.equal(statusOf(['check', path.join(exampleGlossary, 'missing.md')]), 2, 'a file that cannot be read');
    assert.equal(statusOf(['check', exampleGlossary]), 1, 'problems found');
    assert.equal(statusOf(['check', exampleGlossary, '--fail-on', 'none']), 0, 'nothing fails the run');
  } finally {
    fs.closeSync(full);
  }
});

test('report --output to a device (/dev/null) writes to it: no file is replaced there', () => {
  assert.deepEqual(glossary(['report', exampleGlossary, '--output', '/dev/null'], { LANG: 'C' }), { status: 0, stdout: '', stderr: 'glossary: report written to /dev/null\n' });
});

test('report --output /dev/stdout into a pipe writes into the pipe', () => {
  const piped = spawnSync('bash', ['-c', 'set -o pipefail; "$0" "$@" | head -c 15', process.execPath, serverScript, 'report', exampleGlossary, '--output', '/dev/stdout'], {
    encoding: 'utf8',
    env: environmentWith({ LANG: 'C' }),
  });
  assert.deepEqual({ status: piped.status, stdout: piped.stdout, stderr: piped.stderr }, { status: 0, stdout: '<!DOCTYPE html>', stderr: 'glossary: report written to /dev/stdout\n' });
});

test('report --output writes the file whole or not at all: a write cut short leaves the old report and no part of the new', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-output-'));
  try {
    const output = path.join(folder, 'report.html');
    fs.writeFileSync(output, 'the old report');
    fs.chmodSync(output, 0o600);
    // A file size limit of 4 KB stops the write as a full disk would (the report of the example is larger).
    const limited = spawnSync('bash', ['-c', 'ulimit -f 4 && exec "$0" "$@"', process.execPath, serverScript, 'report', exampleGlossary, '--output', output], {
      encoding: 'utf8',
      env: environmentWith({ LANG: 'C' }),
    });
    assert.equal(limited.status, 2, limited.stderr);
    assert.equal(limited.stderr, `glossary: cannot write ${output}: the file would be larger than the system allows\n`);
    assert.equal(fs.readFileSync(output, 'utf8'), 'the old report');
    assert.deepEqual(fs.readdirSync(folder), ['report.html'], 'no part of the new report is left');

    // Written whole through a symbolic link, which stays one; the file keeps its permissions.
    const link = path.join(folder, 'latest.html');
    fs.symlinkSync('report.html', link);
    assert.equal(glossary(['report', exampleGlossary, '--output', link], { LANG: 'C' }).status, 0);
    assert.ok(fs.lstatSync(link).isSymbolicLink());
    assert.match(fs.readFileSync(output, 'utf8'), /^<!DOCTYPE html>/);
    assert.equal(fs.statSync(output).mode & 0o777, 0o600);
    assert.deepEqual(fs.readdirSync(folder).sort(), ['latest.html', 'report.html']);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

test('LANG=de_DE.UTF-8 gives German help, usage errors and diagnostics', () => {
  const german = { LANG: 'de_DE.UTF-8' };
  const help = glossary(['--help'], german);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /^Aufruf: glossary <Befehl> \[Optionen\]\n/);
  assert.deepEqual(glossary(['check'], german), {
    status: 2,
    stdout: '',
    stderr: 'glossary: „check“ braucht mindestens einen PFAD (eine Datei oder einen Ordner)\nSiehe „glossary --help“.\n',
  });
  const checked = glossary(['check', exampleGlossary], german);
  assert.equal(checked.status, 1, checked.stderr);
  assert.match(checked.stdout, /Transformer\.md:\d+:\d+: error broken-link Keine Überschrift hat die ID „Tokeniser“\./);
});

test('LC_ALL=C wins over LANG=de_DE.UTF-8, and --locale wins over both', () => {
  const checked = glossary(['check', exampleGlossary], { LC_ALL: 'C', LANG: 'de_DE.UTF-8' });
  assert.equal(checked.status, 1, checked.stderr);
  assert.match(checked.stdout, /error broken-link No heading defines the id "Tokeniser"\./);
  assert.match(glossary(['--help'], { LANG: 'C' }).stdout, /^Usage: glossary <command> \[options\]\n/);
  assert.match(glossary(['check', exampleGlossary, '--locale', 'en'], { LANG: 'de_DE.UTF-8' }).stdout, /No heading defines the id "Tokeniser"\./);
  assert.match(glossary(['check', exampleGlossary, '--locale=de'], { LC_ALL: 'C' }).stdout, /Keine Überschrift hat die ID „Tokeniser“\./);
});

test('lsp --node-ipc started from a shell, without the channel, says so and exits with 2', () => {
  assert.deepEqual(glossary(['lsp', '--node-ipc'], { LANG: 'C' }), {
    status: 2,
    stdout: '',
    stderr: 'glossary: --node-ipc needs the IPC channel of an editor that starts the server; from a shell, use --stdio\n',
  });
});

test('lsp --socket or --pipe where no editor listens says so and exits with 1', async () => {
  const missingPipe = path.join(os.tmpdir(), 'glossary-no-editor', 'lsp.sock');
  assert.deepEqual(glossary(['lsp', `--pipe=${missingPipe}`], { LANG: 'C' }), {
    status: 1,
    stdout: '',
    stderr: `glossary: the connection to the editor failed: connect ENOENT ${missingPipe}\n`,
  });
  // A port that was free a moment ago, and no longer listened on.
  const listener = net.createServer();
  await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
  const { port } = listener.address() as net.AddressInfo;
  await new Promise((resolve) => listener.close(resolve));
  const refused = glossary(['lsp', `--socket=${port}`], { LANG: 'de_DE.UTF-8' });
  assert.deepEqual(refused, { status: 1, stdout: '', stderr: `glossary: die Verbindung zum Editor ist gescheitert: connect ECONNREFUSED 127.0.0.1:${port}\n` });
});

test('check on a folder without any glossary file exits with 2 and says so', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-empty-'));
  try {
    fs.writeFileSync(path.join(folder, 'notes.txt'), 'Not Markdown.\n');
    assert.deepEqual(glossary(['check', folder], { LANG: 'C' }), {
      status: 2,
      stdout: '',
      stderr: `glossary: no glossary files found in ${folder}: no file there matches the include patterns (**/*.md)\n`,
    });
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

test('glossary lsp ends when the client closes its input: 0 after a shutdown request, else 1; refuses requests before initialize and a second initialize', { timeout: 30_000 }, async (t) => {
  for (const shutdownFirst of [true, false]) {
    const child = spawn(process.execPath, [serverScript, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    t.signal.addEventListener('abort', () => child.kill(), { once: true });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    connection.listen();
    try {
      // Before initialize every request is refused with ServerNotInitialized, as the protocol asks.
      const notInitialized = (error: unknown) => error instanceof ResponseError && error.code === ErrorCodes.ServerNotInitialized;
      await assert.rejects(connection.sendRequest(HoverRequest.type, { textDocument: { uri: 'file:///x.md' }, position: { line: 0, character: 0 } }), notInitialized);
      await assert.rejects(connection.sendRequest('glossary/missingEntries'), notInitialized);
      const initialize = () => connection.sendRequest(InitializeRequest.type, { processId: null, rootUri: null, workspaceFolders: null, capabilities: {} });
      await initialize();
      await assert.rejects(initialize(), (error: unknown) => error instanceof ResponseError && error.code === ErrorCodes.InvalidRequest);
      if (shutdownFirst) {
        await connection.sendRequest(ShutdownRequest.type);
        // After shutdown a request is an error, as the protocol asks.
        const refused = (error: unknown) => error instanceof ResponseError && error.code === ErrorCodes.InvalidRequest;
        await assert.rejects(connection.sendRequest(HoverRequest.type, { textDocument: { uri: 'file:///x.md' }, position: { line: 0, character: 0 } }), refused);
        await assert.rejects(connection.sendRequest('glossary/missingEntries'), refused);
        await assert.rejects(connection.sendRequest('glossary/report'), refused);
      }
      child.stdin.end();
      assert.equal(await exited, shutdownFirst ? 0 : 1);
    } finally {
      connection.dispose();
      child.kill();
    }
  }
});

/** `glossary lsp --stdio` started for a test, with the messages it logs. */
function serverOverStdio(t: TestContext) {
  const child = spawn(process.execPath, [serverScript, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  t.signal.addEventListener('abort', () => child.kill(), { once: true });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const logged: string[] = [];
  connection.onNotification('window/logMessage', (params: { message: string }) => {
    logged.push(params.message);
  });
  connection.listen();
  return { child, connection, logged };
}

test('glossary lsp refuses with InvalidParams, naming the part, requests without what the protocol requires and an unknown command; it answers on', { timeout: 30_000 }, async (t) => {
  const { child, connection, logged } = serverOverStdio(t);
  const invalid = (message: string) => (error: unknown) => error instanceof ResponseError && error.code === ErrorCodes.InvalidParams && error.message === message;
  try {
    await connection.sendRequest(InitializeRequest.type, { processId: null, rootUri: null, workspaceFolders: null, capabilities: {} });
    await connection.sendNotification(InitializedNotification.type, {});
    const textDocument = { uri: 'file:///nowhere/x.md' };
    const position = { line: 0, character: 0 };
    await assert.rejects(connection.sendRequest('textDocument/definition', { position }), invalid('definition: textDocument.uri must be a string'));
    await assert.rejects(connection.sendRequest('textDocument/hover', { textDocument, position: { line: -1, character: 0 } }), invalid('hover: position must have a line and a character, whole numbers from 0'));
    await assert.rejects(connection.sendRequest('textDocument/references', { textDocument, position }), invalid('references: context must be an object'));
    await assert.rejects(connection.sendRequest('textDocument/rename', { textDocument, position }), invalid('rename: newName must be a string'));
    await assert.rejects(connection.sendRequest('textDocument/codeAction', { textDocument, context: { diagnostics: [] } }), invalid('codeAction: range must have a start and an end position'));
    await assert.rejects(connection.sendRequest('textDocument/codeAction', { textDocument, range: { start: position, end: position }, context: {} }), invalid('codeAction: context.diagnostics must be an array'));
    await assert.rejects(connection.sendRequest('workspace/symbol', {}), invalid('workspaceSymbol: query must be a string'));
    await assert.rejects(connection.sendRequest('workspace/executeCommand', { command: 'nope' }), invalid('executeCommand: unknown command "nope"'));
    // Well-formed, the same requests are answered, and nothing failed inside the server.
    assert.deepEqual(await connection.sendRequest('textDocument/definition', { textDocument, position }), []);
    assert.deepEqual(await connection.sendRequest('workspace/symbol', { query: '' }), []);
    assert.deepEqual(logged.filter((message) => message.includes('failed')), []);
    await connection.sendRequest(ShutdownRequest.type);
  } finally {
    connection.dispose();
    child.kill();
  }
});

test('glossary lsp ignores malformed notifications, saying which part is wrong, and keeps its documents and folders as they were; a malformed initialize is refused and may be sent again', { timeout: 30_000 }, async (t) => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-malformed-'));
  t.after(() => fs.rmSync(folder, { recursive: true, force: true }));
  fs.writeFileSync(path.join(folder, 'A.md'), '## A {#A .term}\n\n[B](#B)\n');
  fs.writeFileSync(path.join(folder, 'B.md'), '## B {#B .term}\n');
  const { child, connection, logged } = serverOverStdio(t);
  const folderUri = URI.file(folder).toString();
  const uri = `${folderUri}/A.md`;
  const targetAt = async (character: number) => {
    const locations = (await connection.sendRequest('textDocument/definition', { textDocument: { uri }, position: { line: 2, character } })) as { uri: string }[];
    return locations.map((location) => path.basename(URI.parse(location.uri).fsPath));
  };
  const initialize = (workspaceFolders: unknown) => connection.sendRequest(InitializeRequest.type, { processId: null, rootUri: folderUri, workspaceFolders, capabilities: { workspace: { workspaceFolders: true } } } as never);
  try {
    await assert.rejects(
      initialize([{ name: 'no uri' }]),
      (error: unknown) => error instanceof ResponseError && error.code === ErrorCodes.InvalidParams && error.message === 'initialize: workspaceFolders must be null or an array of folders with a uri string',
    );
    await initialize([{ uri: folderUri, name: 'glossary' }]);
    await connection.sendNotification(InitializedNotification.type, {});
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1 } });
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: '## A {#A .term}\n\n[B](#B)\n' } });
    // The first change alone would move the link four characters on; with the second one malformed, neither is applied.
    const insertion = { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, text: 'Wort' };
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [insertion, { range: { start: { line: 2 } }, text: 'x' }] });
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [insertion, { text: 5 }] });
    // A range of null is taken for one, as is a range length that is no number.
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [insertion, { range: null, text: 'x' }] });
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [insertion, { text: 'x', rangeLength: 3 }] });
    await connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: null });
    await connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: `${folderUri}/B.md` }] });
    await connection.sendNotification('workspace/didRenameFiles', { files: [{ oldUri: `${folderUri}/B.md` }] });
    await connection.sendNotification('workspace/didChangeConfiguration', null);
    assert.deepEqual(await targetAt(1), ['B.md']);
    // A well-formed change still applies to the text as it was.
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 4 }, contentChanges: [insertion] });
    assert.deepEqual(await targetAt(1), []);
    assert.deepEqual(await targetAt(5), ['B.md']);
    assert.deepEqual(
      logged.filter((message) => message.includes('ignored') || message.includes('failed') || message.includes('    at ')),
      [
        'didOpen: textDocument must have a uri, a languageId and a text (strings) and a version (a whole number); the notification is ignored',
        ...Array(4).fill('didChange: contentChanges must be an array of changes, each a text with an optional range (and range length); the notification is ignored'),
        'didChangeWorkspaceFolders: event must have added and removed arrays of folders with a uri string; the notification is ignored',
        'didChangeWatchedFiles: changes must be an array of objects with a uri string and a type of 1, 2 or 3; the notification is ignored',
        'didRenameFiles: files must be an array of objects with oldUri and newUri strings; the notification is ignored',
        'didChangeConfiguration: params must be an object; the notification is ignored',
      ],
    );
    await connection.sendRequest(ShutdownRequest.type);
  } finally {
    connection.dispose();
    child.kill();
  }
});

test('glossary lsp without a transport flag speaks LSP over stdio', { timeout: 30_000 }, async (t) => {
  const child = spawn(process.execPath, [serverScript, 'lsp'], { stdio: ['pipe', 'pipe', 'pipe'], env: environmentWith({ LANG: 'C' }) });
  t.signal.addEventListener('abort', () => child.kill(), { once: true });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.listen();
  try {
    const result = await Promise.race([
      connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities: {} }),
      exited.then((code) => Promise.reject(new Error(`the server exited with ${code}: ${stderr}`))),
    ]);
    assert.equal(result.serverInfo?.name, 'glossary');
    // The built bundle finds the package.json beside its folder, as in the installed extension.
    assert.equal(result.serverInfo?.version, (JSON.parse(fs.readFileSync(path.join(repositoryRoot, 'package.json'), 'utf8')) as { version: string }).version);
    assert.equal(result.capabilities.definitionProvider, true);
    await connection.sendNotification(InitializedNotification.type, {});
    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification(ExitNotification.type);
    assert.equal(await exited, 0, stderr);
    assert.doesNotMatch(stderr, /Connection input stream is not set/);
  } finally {
    connection.dispose();
    child.kill();
  }
});

/** The message of the broken link in Transformer.md as `glossary BEFORE lsp ARGS` publishes it, the editor asking for `editorLocale`. */
async function publishedMessage(t: TestContext, args: readonly string[], settings: Record<string, string>, editorLocale: string | undefined, before: readonly string[] = []): Promise<string> {
  const child = spawn(process.execPath, [serverScript, ...before, 'lsp', ...args], { stdio: ['pipe', 'pipe', 'pipe'], env: environmentWith(settings) });
  t.signal.addEventListener('abort', () => child.kill(), { once: true });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const transformer = URI.file(path.join(exampleGlossary, 'Transformer.md')).toString();
  const message = new Promise<string>((resolve) =>
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      const broken = params.uri === transformer ? params.diagnostics.find((diagnostic) => diagnostic.code === 'broken-link') : undefined;
      if (broken) resolve(String(broken.message));
    }),
  );
  connection.listen();
  try {
    const folder = URI.file(exampleGlossary).toString();
    await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: folder, workspaceFolders: [{ uri: folder, name: 'glossary' }], capabilities: {}, ...(editorLocale ? { locale: editorLocale } : {}) });
    await connection.sendNotification(InitializedNotification.type, {});
    const found = await message;
    // Shut down as an editor does, so that no message is cut off in the pipe: the reader would
    // wait for its rest with a timer that keeps this process alive.
    const exited = new Promise((resolve) => child.once('exit', resolve));
    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification(ExitNotification.type);
    await exited;
    return found;
  } finally {
    connection.dispose();
    child.kill();
  }
}

test('glossary lsp speaks the language of --locale, else the one the editor asks for, else the environment\'s', { timeout: 60_000 }, async (t) => {
  const german = /^Keine Überschrift hat die ID „Tokeniser“/;
  const english = /^No heading defines the id "Tokeniser"/;
  assert.match(await publishedMessage(t, ['--stdio', '--locale', 'de'], { LANG: 'C' }, 'en'), german);
  assert.match(await publishedMessage(t, ['--stdio'], { LANG: 'C' }, 'en', ['--locale', 'de']), german, '--locale before the command');
  assert.match(await publishedMessage(t, ['--stdio'], { LANG: 'C' }, 'de'), german);
  assert.match(await publishedMessage(t, ['--stdio'], { LANG: 'de_DE.UTF-8' }, undefined), german);
  assert.match(await publishedMessage(t, ['--stdio'], { LANG: 'de_DE.UTF-8' }, 'en'), english);
  assert.match(await publishedMessage(t, ['--stdio'], { LANG: 'C' }, undefined), english);
  // `--locale` followed by no language is no choice: the editor's counts.
  assert.match(await publishedMessage(t, ['--locale', '--stdio'], { LANG: 'C' }, 'de'), german);
});
