// The built server (`dist/glossary.js lsp`) driven over stdio exactly as an editor drives it:
// the cold start until every file's diagnostics have been published, and single keystrokes in one
// open file until that file's diagnostics are published again.
import { createRequire } from 'node:module';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { root } from './common.mjs';

const require = createRequire(import.meta.url);
const {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  InitializeRequest,
  InitializedNotification,
  PublishDiagnosticsNotification,
  DidOpenTextDocumentNotification,
  DidChangeTextDocumentNotification,
  DocumentSymbolRequest,
  ShutdownRequest,
  ExitNotification,
} = require('vscode-languageserver/node');
const { URI } = require('vscode-uri');

const timeoutMs = 10 * 60_000;

/** Starts the server on a folder and collects its published diagnostics. */
function startServer(dir) {
  const spawnedAt = performance.now();
  // BENCH_SERVER_NODE_ARGS, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`, profiles the server.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, path.join(root, 'dist/glossary.js'), 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const published = new Map(); // uri -> { at, count }
  let waiters = [];
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    published.set(params.uri, { at: performance.now(), count: params.diagnostics.length });
    waiters = waiters.filter((check) => !check());
  });
  connection.listen();
  const waitUntil = (condition, what) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; server stderr: ${stderr.slice(-2000)}`)), timeoutMs);
      const check = () => {
        if (!condition()) return false;
        clearTimeout(timer);
        resolve(performance.now());
        return true;
      };
      if (!check()) waiters.push(check);
    });
  const stop = async () => {
    try {
      await connection.sendRequest(ShutdownRequest.type);
      await connection.sendNotification(ExitNotification.type);
    } catch {
      // already gone
    }
    connection.dispose();
    if (child.exitCode === null) {
      await new Promise((resolve) => {
        const timer = setTimeout(() => child.kill(), 5000);
        child.once('exit', () => (clearTimeout(timer), resolve()));
      });
    }
  };
  return { spawnedAt, child, connection, published, waitUntil, stop };
}

/**
 * One cold start: spawn until every file in `expectedUris` (the files that have diagnostics; the
 * server publishes nothing for a file without any) has had its diagnostics published. Then, when
 * `keystrokes` > 0, opens `probe.uri` and types: alternately inserts and deletes one character in
 * the text (`textAt`) and at the end of a link's id (`idAt`), each timed until the file's
 * diagnostics are published; a request after each keystroke makes sure that all its work is done
 * before the next one.
 */
export async function coldStartAndKeystrokes(dir, { expectedUris, probe, keystrokes }) {
  const server = startServer(dir);
  const { connection, published, waitUntil } = server;
  const folderUri = URI.file(dir).toString();
  try {
    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folderUri,
      workspaceFolders: [{ uri: folderUri, name: path.basename(dir) }],
      capabilities: {},
    });
    const initializedAt = performance.now();
    await connection.sendNotification(InitializedNotification.type, {});
    const expected = [...expectedUris];
    const doneAt = await waitUntil(() => published.size >= expected.length && expected.every((uri) => published.has(uri)), 'every file\'s diagnostics');
    const result = { coldStart: doneAt - server.spawnedAt, coldStartFromInitialized: doneAt - initializedAt, published: published.size };
    if (keystrokes > 0) Object.assign(result, await type(server, probe, keystrokes));
    return result;
  } finally {
    await server.stop();
  }
}

async function type(server, probe, keystrokes) {
  const { connection, published, waitUntil } = server;
  const uri = probe.uri;
  const text = fs.readFileSync(URI.parse(uri).fsPath, 'utf8');
  let version = 1;
  await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version, text } });
  await connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
  const times = { text: [], id: [] };
  for (let stroke = 0; stroke < 2 * keystrokes; stroke++) {
    const kind = stroke % 4 < 2 ? 'text' : 'id';
    const at = kind === 'text' ? probe.textAt : probe.idAt;
    const insert = stroke % 2 === 0;
    const range = insert ? { start: at, end: at } : { start: at, end: { line: at.line, character: at.character + 1 } };
    const before = published.get(uri);
    const sentAt = performance.now();
    await connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: ++version },
      contentChanges: [{ range, text: insert ? 'x' : '' }],
    });
    const publishedAt = await waitUntil(() => published.get(uri) !== before, `diagnostics after keystroke ${stroke}`);
    times[kind].push(publishedAt - sentAt);
    await connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
  }
  // The first keystrokes of each kind warm the code paths up; they are left out.
  const warm = (list) => list.slice(Math.min(2, list.length - 1));
  return { keystrokeText: warm(times.text), keystrokeId: warm(times.id) };
}
