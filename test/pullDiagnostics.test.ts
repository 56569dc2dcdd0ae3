import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import {
  createProtocolConnection,
  Diagnostic,
  DiagnosticRefreshRequest,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentDiagnosticReport,
  DocumentDiagnosticRequest,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  NotificationType,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver/node';

// A client that pulls diagnostics (as VS Code does) gets those of open documents by pulling and
// those of every other file pushed, never both for one document.
const repositoryRoot = path.resolve(__dirname, '..', '..');
const serverScript = path.join(repositoryRoot, 'dist', 'glossary.js');
const corpusEntries = path.resolve(repositoryRoot, '../shared/corpus/ki-glossar/src/de');
const status = new NotificationType<{ state: string }>('glossary/status');

test('a pulling client pulls open documents, gets the rest pushed, and is told to pull again when a link target appears', { timeout: 60_000 }, async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-pull-'));
  const child = spawn(process.execPath, [serverScript, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  try {
    fs.cpSync(corpusEntries, folder, { recursive: true });
    const uriOf = (name: string): string => URI.file(path.join(folder, name)).toString();
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const pushed = new Map<string, Diagnostic[]>();
    let refreshes = 0;
    let ready = false;
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      pushed.set(params.uri, params.diagnostics);
    });
    connection.onNotification(status, (params) => {
      ready ||= params.state === 'ready';
    });
    connection.onRequest(DiagnosticRefreshRequest.type, () => {
      refreshes++;
    });
    connection.listen();
    const until = async (condition: () => boolean, what: string): Promise<void> => {
      for (let waited = 0; !condition(); waited += 20) {
        assert.ok(waited < 30_000, `timed out waiting for ${what}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    };
    const init = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: URI.file(folder).toString(),
      workspaceFolders: [{ uri: URI.file(folder).toString(), name: 'glossary' }],
      capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } }, workspace: { diagnostics: { refreshSupport: true } } },
    });
    assert.deepEqual(init.capabilities.diagnosticProvider, { identifier: 'glossary', interFileDependencies: true, workspaceDiagnostics: false });
    await connection.sendNotification(InitializedNotification.type, {});
    await until(() => ready && refreshes > 0, 'the index and a refresh');

    const dataScraping = uriOf('Data-Scraping.md');
    assert.ok(pushed.get(dataScraping)?.some((d) => d.code === 'broken-link'), 'closed files are pushed');
    const text = fs.readFileSync(path.join(folder, 'Data-Scraping.md'), 'utf8');
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: dataScraping, languageId: 'markdown', version: 1, text } });
    await until(() => pushed.get(dataScraping)?.length === 0, 'the pushed diagnostics of the opened file to be cleared');

    const pull = async (): Promise<Diagnostic[]> => {
      const report = (await connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: dataScraping } })) as DocumentDiagnosticReport;
      assert.equal(report.kind, 'full');
      return report.kind === 'full' ? report.items : [];
    };
    const brokenToClaude = (list: Diagnostic[]): number => list.filter((d) => d.code === 'broken-link' && (d.data as { target?: string } | undefined)?.target === 'Claude').length;
    assert.ok(brokenToClaude(await pull()) > 0);

    // Another open file defines #Claude: the server asks the client to pull again, and the pull has no broken link to it.
    const refreshesBefore = refreshes;
    const claude = uriOf('New-Claude.md');
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: claude, languageId: 'markdown', version: 1, text: '## Claude {#Claude}\n' } });
    await until(() => refreshes > refreshesBefore, 'a diagnostics refresh');
    assert.equal(brokenToClaude(await pull()), 0);
    await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: claude, version: 2 }, contentChanges: [{ text: '## Nobody {#Nobody}\n' }] });
    assert.ok(brokenToClaude(await pull()) > 0);
    assert.equal(pushed.get(dataScraping)?.length, 0, 'nothing is pushed for an open document');

    // Closed again, the document's diagnostics are pushed again.
    await connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: dataScraping } });
    await until(() => brokenToClaude(pushed.get(dataScraping) ?? []) > 0, 'the closed file to be pushed again');

    await connection.sendRequest(ShutdownRequest.type);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    await connection.sendNotification(ExitNotification.type);
    await exited;
    connection.dispose();
  } finally {
    child.kill();
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
