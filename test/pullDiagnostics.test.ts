import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import {
  ConfigurationRequest,
  DidChangeConfigurationNotification,
  Diagnostic,
  DiagnosticRefreshRequest,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticReport,
  DocumentDiagnosticRequest,
  DidChangeWatchedFilesNotification,
  FileChangeType,
} from 'vscode-languageserver/node';
import { corpusEntries, StartedServer, startServer } from './support/lspServer';

/** The built server, started by a client that pulls diagnostics and counts the requests to pull again. */
async function startPullingServer(folder: string, signal: AbortSignal): Promise<{ readonly server: StartedServer; readonly refreshes: () => number }> {
  let count = 0;
  const server = await startServer(folder, {
    signal,
    capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } }, workspace: { diagnostics: { refreshSupport: true } } },
    onConnection: (connection) =>
      connection.onRequest(DiagnosticRefreshRequest.type, () => {
        count++;
      }),
  });
  return { server, refreshes: () => count };
}

// A client that pulls diagnostics gets those of open documents by pulling and those of every other
// file pushed, never both for one document.
test('a pulling client pulls open documents, gets the rest pushed, and is told to pull again when a link target appears', { timeout: 60_000 }, async (t) => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-pull-'));
  fs.cpSync(corpusEntries, folder, { recursive: true });
  const { server, refreshes } = await startPullingServer(folder, t.signal);
  try {
    const { connection, diagnostics: pushed } = server;
    await server.settle();
    assert.ok(refreshes() > 0, 'the client is asked to pull once the index is built');
    const uriOf = (name: string): string => URI.file(path.join(folder, name)).toString();
    const dataScraping = uriOf('Data-Scraping.md');
    assert.ok(pushed.get(dataScraping)?.some((d) => d.code === 'broken-link'), 'closed files are pushed');

    const text = fs.readFileSync(path.join(folder, 'Data-Scraping.md'), 'utf8');
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: dataScraping, languageId: 'markdown', version: 1, text } });
    await server.waitUntil(() => pushed.get(dataScraping)?.length === 0, 'the pushed diagnostics of the opened file to be cleared');
    const pushesWhileOpen = server.publishCounts.get(dataScraping);

    const pull = async (): Promise<Diagnostic[]> => {
      const report = (await connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: dataScraping } })) as DocumentDiagnosticReport;
      assert.equal(report.kind, 'full');
      return report.kind === 'full' ? report.items : [];
    };
    const brokenToClaude = (list: readonly Diagnostic[]): number =>
      list.filter((d) => d.code === 'broken-link' && (d.data as { target?: string } | undefined)?.target === 'Claude').length;
    assert.ok(brokenToClaude(await pull()) > 0);

    // Another open file defines #Claude: the server asks the client to pull again, and the pull has no broken link to it.
    // (A new file, as an editor makes it: on disk, empty, before it is opened.)
    const refreshesBefore = refreshes();
    const claude = uriOf('New-Claude.md');
    fs.writeFileSync(path.join(folder, 'New-Claude.md'), '');
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: claude, languageId: 'markdown', version: 1, text: '## Claude {#Claude}\n' } });
    await server.settle();
    assert.ok(refreshes() > refreshesBefore, 'a diagnostics refresh');
    assert.equal(brokenToClaude(await pull()), 0);
    await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: claude, version: 2 }, contentChanges: [{ text: '## Nobody {#Nobody}\n' }] });
    assert.ok(brokenToClaude(await pull()) > 0);
    // Edits are published after a pause in typing: only once the server has settled would a push have come.
    await server.settle();
    assert.equal(server.publishCounts.get(dataScraping), pushesWhileOpen, 'nothing is pushed for an open document');

    // Closed again, the document's diagnostics are pushed again.
    await connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: dataScraping } });
    await server.waitUntil(() => brokenToClaude(pushed.get(dataScraping) ?? []) > 0, 'the closed file to be pushed again');
  } finally {
    await server.shutdown();
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

test('a client that pulls but cannot be asked to pull again gets every diagnostic pushed, the open file\'s too', { timeout: 60_000 }, async (t) => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-pull-norefresh-'));
  t.after(() => fs.rmSync(folder, { recursive: true, force: true }));
  fs.cpSync(corpusEntries, folder, { recursive: true });
  const server = await startServer(folder, { signal: t.signal, capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } } } });
  try {
    const uri = URI.file(path.join(folder, 'Data-Scraping.md')).toString();
    // Opened while the glossary is read: a pull now would find nothing, and nothing would renew it.
    const text = fs.readFileSync(path.join(folder, 'Data-Scraping.md'), 'utf8');
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    await server.settle();
    assert.ok(server.diagnostics.get(uri)?.some((d) => d.code === 'broken-link'), 'the open file\'s diagnostics are pushed');
  } finally {
    await server.shutdown();
  }
});

test('when workspace/configuration fails, the glossary is still read, with a warning in the log', { timeout: 60_000 }, async (t) => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-config-fails-'));
  t.after(() => fs.rmSync(folder, { recursive: true, force: true }));
  fs.cpSync(corpusEntries, folder, { recursive: true });
  const server = await startServer(folder, {
    signal: t.signal,
    capabilities: { workspace: { configuration: true } },
    onConnection: (connection) =>
      connection.onRequest(ConfigurationRequest.type, () => {
        throw new Error('no settings here');
      }),
  });
  try {
    await server.settle();
    assert.ok(server.diagnostics.get(URI.file(path.join(folder, 'Data-Scraping.md')).toString())?.some((d) => d.code === 'broken-link'));
    assert.ok(server.logs.some((line) => /workspace\/configuration failed.*no settings here/.test(line)), server.logs.join('\n'));
  } finally {
    await server.shutdown();
  }
});

test('settings answered as Neovim answers from Lua, an empty table as [], are no settings and no severities: no warning', { timeout: 60_000 }, async (t) => {
  for (const answer of [[], { severity: [] }]) {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-config-lua-'));
    t.after(() => fs.rmSync(folder, { recursive: true, force: true }));
    fs.writeFileSync(path.join(folder, 'A.md'), entryText('A', 'Missing'));
    const server = await startServer(folder, {
      signal: t.signal,
      capabilities: { workspace: { configuration: true } },
      onConnection: (connection) => connection.onRequest(ConfigurationRequest.type, () => [answer]),
    });
    try {
      await server.settle();
      assert.ok(server.diagnostics.get(URI.file(path.join(folder, 'A.md')).toString())?.some((d) => d.code === 'broken-link'));
      assert.deepEqual(server.logs.filter((line) => /editor settings/.test(line)), [], JSON.stringify(answer));
    } finally {
      await server.shutdown();
    }
  }
});

test('a settings change told while the first load waits for the settings is applied once that load is done', { timeout: 60_000 }, async (t) => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-config-race-'));
  t.after(() => fs.rmSync(folder, { recursive: true, force: true }));
  fs.writeFileSync(path.join(folder, 'A.md'), entryText('A', 'Missing'));
  let settings: unknown = { severity: {} };
  const server = await startServer(folder, {
    signal: t.signal,
    capabilities: { workspace: { configuration: true } },
    onConnection: (connection) =>
      connection.onRequest(ConfigurationRequest.type, async () => {
        const asked = settings;
        // The writer turns broken-link off before the editor answers the first question with what it had.
        if (asked !== null && JSON.stringify(asked) === '{"severity":{}}') {
          settings = { severity: { 'broken-link': 'off' } };
          await connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { glossary: settings } });
        }
        return [asked];
      }),
  });
  try {
    const codes = (): string[] => (server.diagnostics.get(URI.file(path.join(folder, 'A.md')).toString()) ?? []).map((d) => String(d.code));
    await server.waitUntil(() => server.statuses.at(-1)?.state === 'ready' && !codes().includes('broken-link') && codes().length > 0, 'broken-link to be off');
  } finally {
    await server.shutdown();
  }
});

test('a settings notification told while the first load waits for the settings, with nothing changed (VS Code sends one as it starts), reads the glossary once', { timeout: 60_000 }, async (t) => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-config-same-'));
  t.after(() => fs.rmSync(folder, { recursive: true, force: true }));
  fs.writeFileSync(path.join(folder, 'A.md'), entryText('A', 'Missing'));
  let told = false;
  const server = await startServer(folder, {
    signal: t.signal,
    capabilities: { workspace: { configuration: true } },
    onConnection: (connection) =>
      connection.onRequest(ConfigurationRequest.type, async () => {
        if (!told) {
          told = true;
          await connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { glossary: { severity: {} } } });
        }
        return [{ severity: {} }];
      }),
  });
  try {
    await server.settle(1000);
    const firstReady = server.statuses.findIndex((status) => status.state === 'ready');
    assert.ok(firstReady >= 0);
    assert.deepEqual(server.statuses.slice(firstReady).map((status) => status.state), ['ready'], 'no second load');
  } finally {
    await server.shutdown();
  }
});

const entryText = (id: string, target: string): string => `## ${id} {#${id} .chapter .small .term}\n\n***${id}.***\n\nSee [${target}](#${target}).\n\n### Siehe auch {.seealso}\n\n[Index](#Index)\n\n----\n`;

test('a file that leaves the glossary clears its diagnostics: turned binary (reported as changed), or deleted while a pulling editor has it open', { timeout: 60_000 }, async (t) => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-leave-'));
  t.after(() => fs.rmSync(folder, { recursive: true, force: true }));
  fs.writeFileSync(path.join(folder, 'A.md'), entryText('A', 'B'));
  fs.writeFileSync(path.join(folder, 'B.md'), entryText('B', 'Missing'));
  const uriOf = (name: string): string => URI.file(path.join(folder, name)).toString();
  const { server, refreshes } = await startPullingServer(folder, t.signal);
  try {
    const { connection, diagnostics: pushed } = server;
    await server.settle();
    const codes = (name: string): string[] => (pushed.get(uriOf(name)) ?? []).map((d) => String(d.code));
    assert.ok(codes('B.md').includes('broken-link'));
    // B.md saved as UTF-16: a binary file the glossary skips, as `glossary check` does.
    fs.writeFileSync(path.join(folder, 'B.md'), Buffer.from(`\ufeff${entryText('B', 'Missing')}`, 'utf16le'));
    await connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf('B.md'), type: FileChangeType.Changed }] });
    await server.waitUntil(() => codes('A.md').includes('broken-link') && codes('B.md').length === 0, 'A.md to lose #B and B.md its diagnostics');

    // A.md open in an editor that pulls, then deleted on disk: the editor is told to pull again, and the pull is empty.
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: uriOf('A.md'), languageId: 'markdown', version: 1, text: entryText('A', 'B') } });
    const pull = async (): Promise<number> => {
      const report = (await connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: uriOf('A.md') } })) as DocumentDiagnosticReport;
      return report.kind === 'full' ? report.items.length : -1;
    };
    assert.ok((await pull()) > 0);
    const refreshesBefore = refreshes();
    fs.rmSync(path.join(folder, 'A.md'));
    await connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf('A.md'), type: FileChangeType.Deleted }] });
    await server.waitUntil(() => refreshes() > refreshesBefore, 'a diagnostics refresh for the deleted open document');
    assert.equal(await pull(), 0);
  } finally {
    await server.shutdown();
  }
});
