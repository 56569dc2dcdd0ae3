import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import {
  CodeActionRequest,
  CompletionRequest,
  CompletionResolveRequest,
  DefinitionRequest,
  DidChangeWatchedFilesNotification,
  DidOpenTextDocumentNotification,
  DocumentSymbolRequest,
  FileChangeType,
  HoverRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  WorkspaceSymbolRequest,
} from 'vscode-languageserver/node';
import { EntryLinksRequest, MissingEntriesRequest, ProposeEntryRequest, ReportRequest } from '../server/src/protocol';
import { corpusEntries, repositoryRoot, serverScript, startServer } from './support/lspServer';

// The server and the command line never open a network connection, resolve a host name, listen,
// start a process or a worker (issue 6's promise): run under test/support/noEscapeGuard, which
// records every such call, through every kind of request on a copy of the real glossary.
const guard = path.join(repositoryRoot, 'out', 'test', 'support', 'noEscapeGuard.js');

function guardedRun(log: string, script: string, args: readonly string[]): ReturnType<typeof spawnSync> {
  return spawnSync(process.execPath, ['--require', guard, script, ...args], { env: { ...process.env, GLOSSARY_GUARD_LOG: log }, encoding: 'utf8' });
}

test('the guard records what it is there to record', (t) => {
  const log = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-guard-')), 'calls.log');
  t.after(() => fs.rmSync(path.dirname(log), { recursive: true, force: true }));
  const probe = path.join(path.dirname(log), 'probe.js');
  fs.writeFileSync(probe, "require('child_process').spawnSync(process.execPath, ['-e', '0']); require('net').connect(9, '127.0.0.1').on('error', () => {});");
  assert.equal(guardedRun(log, probe, []).status, 0);
  const calls = fs.readFileSync(log, 'utf8');
  assert.match(calls, /child_process\.spawnSync/);
  assert.match(calls, /net\.Socket#connect/);
});

test('the language server and the command line start no process and open no connection, whatever they are asked', { timeout: 120_000 }, async (t) => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-noescape-'));
  const log = path.join(os.tmpdir(), `glossary-guard-${process.pid}.log`);
  const loaded = path.join(os.tmpdir(), `glossary-guard-${process.pid}.loaded`);
  fs.rmSync(log, { force: true });
  fs.rmSync(loaded, { force: true });
  t.after(() => [log, loaded, folder].forEach((file) => fs.rmSync(file, { recursive: true, force: true })));
  process.env.GLOSSARY_GUARD_LOADED = loaded;
  fs.cpSync(corpusEntries, folder, { recursive: true });
  process.env.GLOSSARY_TEST_NODE_ARGS = `--require ${guard}`;
  process.env.GLOSSARY_GUARD_LOG = log;
  const server = await startServer(folder, { signal: t.signal });
  try {
    const { connection } = server;
    await server.settle();
    const uri = URI.file(path.join(folder, 'Data-Scraping.md')).toString();
    const text = fs.readFileSync(path.join(folder, 'Data-Scraping.md'), 'utf8');
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const lines = text.split('\n');
    const line = lines.findIndex((candidate) => candidate.includes('](#Large-Language-Model)'));
    const onId = { line, character: lines[line]!.indexOf('](#Large-Language-Model)') + 4 };
    const textDocument = { uri };
    await connection.sendRequest(HoverRequest.type, { textDocument, position: onId });
    await connection.sendRequest(DefinitionRequest.type, { textDocument, position: onId });
    await connection.sendRequest(ReferencesRequest.type, { textDocument, position: onId, context: { includeDeclaration: true } });
    const completions = await connection.sendRequest(CompletionRequest.type, { textDocument, position: { line: onId.line, character: onId.character - 1 } });
    const items = Array.isArray(completions) ? completions : (completions?.items ?? []);
    assert.ok(items.length > 0, 'completion offers ids');
    // Resolving an entry's item reads its file for the lead paragraph.
    const resolved = await connection.sendRequest(CompletionResolveRequest.type, items.find((item) => item.data !== undefined) ?? items[0]!);
    assert.equal(typeof resolved.documentation === 'object' && resolved.documentation.kind, 'markdown');
    await connection.sendRequest(DocumentSymbolRequest.type, { textDocument });
    await connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'Model' });
    await connection.sendRequest(CodeActionRequest.type, {
      textDocument,
      range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } },
      context: { diagnostics: server.diagnostics.get(uri) ?? [] },
    });
    await connection.sendRequest(PrepareRenameRequest.type, { textDocument, position: onId });
    await connection.sendRequest(RenameRequest.type, { textDocument, position: onId, newName: 'Grosses-Sprachmodell' });
    await connection.sendRequest(ReportRequest, null);
    await connection.sendRequest(MissingEntriesRequest);
    await connection.sendRequest(ProposeEntryRequest, { title: 'Claude' });
    await connection.sendRequest(EntryLinksRequest, { textDocument, position: onId, files: [{ uri: URI.file(path.join(folder, 'Anthropic.md')).toString() }] });
    fs.writeFileSync(path.join(folder, 'Claude.md'), '## Claude {#Claude .chapter .small .term}\n\nText.\n');
    await connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: URI.file(path.join(folder, 'Claude.md')).toString(), type: FileChangeType.Created }] });
    await server.settle();
  } finally {
    await server.shutdown();
  }
  for (const args of [['check', folder], ['report', folder, '--format', 'json'], ['index', folder]]) {
    // Each command ran to its end: its output is there, and its exit status is a finding's, not a failure's.
    const run = guardedRun(log, serverScript, args);
    assert.ok(run.status === 0 || run.status === 1, `${args[0]} exited with ${run.status}: ${String(run.stderr)}`);
    assert.ok(String(run.stdout).length > 1000, `${args[0]} printed its output`);
  }
  assert.deepEqual(fs.readFileSync(loaded, 'utf8').trim().split('\n'), ['lsp --stdio', `check ${folder}`, `report ${folder} --format json`, `index ${folder}`], 'the guard watched the server and each command');
  assert.ok(fs.existsSync(log) === false || fs.readFileSync(log, 'utf8') === '', `calls made:\n${fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : ''}`);
});
