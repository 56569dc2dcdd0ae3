import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import {
  CompletionList,
  CompletionRequest,
  createProtocolConnection,
  DefinitionRequest,
  Diagnostic,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  FileChangeType,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  Location,
  MarkupContent,
  PublishDiagnosticsNotification,
  ReferencesRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver/node';

// The built server is started exactly as an editor starts it, on a temporary copy of the real
// glossary (the repository never holds a copy of it).
const repositoryRoot = path.resolve(__dirname, '..', '..');
const serverScript = path.join(repositoryRoot, 'dist', 'glossary.js');
const corpusEntries = path.resolve(repositoryRoot, '../shared/corpus/ki-glossar/src/de');
const hasCorpus = fs.existsSync(corpusEntries);

function isBrokenLinkTo(diagnostic: Diagnostic, id: string): boolean {
  return diagnostic.code === 'broken-link' && (diagnostic.data as { target?: string } | undefined)?.target === id;
}

test('the built server answers an editor over stdio on a copy of the real glossary', { skip: !hasCorpus && `no corpus at ${corpusEntries}`, timeout: 60_000 }, async () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-protocol-'));
  const child = spawn(process.execPath, [serverScript, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  try {
    fs.cpSync(corpusEntries, folder, { recursive: true });
    // The three .txt pages (title, index, licence) belong to the book too.
    fs.writeFileSync(path.join(folder, '.glossary.json'), JSON.stringify({ include: ['*.md', '*.txt'] }));
    const folderUri = URI.file(folder).toString();
    const uriOf = (name: string): string => URI.file(path.join(folder, name)).toString();

    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const diagnostics = new Map<string, Diagnostic[]>();
    const waiters: (() => void)[] = [];
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      diagnostics.set(params.uri, params.diagnostics);
      waiters.forEach((wake) => wake());
    });
    const waitUntil = (condition: () => boolean, what: string): Promise<void> =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), 30_000);
        const check = (): void => {
          if (condition()) {
            clearTimeout(timer);
            resolve();
          }
        };
        waiters.push(check);
        check();
      });
    connection.listen();

    await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folderUri,
      workspaceFolders: [{ uri: folderUri, name: 'ki-glossar' }],
      capabilities: {},
    });
    await connection.sendNotification(InitializedNotification.type, {});

    const dataScraping = uriOf('Data-Scraping.md');
    await waitUntil(() => (diagnostics.get(dataScraping) ?? []).some((d) => isBrokenLinkTo(d, 'Claude')), 'the broken link to #Claude in Data-Scraping.md');
    const filesBrokenToClaude = [...diagnostics].filter(([, list]) => list.some((d) => isBrokenLinkTo(d, 'Claude')));
    assert.ok(filesBrokenToClaude.length > 1, 'several files link to the missing #Claude');

    const text = fs.readFileSync(path.join(folder, 'Data-Scraping.md'), 'utf8');
    await connection.sendNotification(DidOpenTextDocumentNotification.type, {
      textDocument: { uri: dataScraping, languageId: 'markdown', version: 1, text },
    });
    const lines = text.split('\n');
    const linkLine = lines.findIndex((line) => line.includes('[Large Language Model](#Large-Language-Model)'));
    const onId = { line: linkLine, character: lines[linkLine]!.indexOf('#Large-Language-Model') + 3 };
    const textDocument = { uri: dataScraping };

    const definitions = (await connection.sendRequest(DefinitionRequest.type, { textDocument, position: onId })) as Location[];
    assert.deepEqual(definitions.map((location) => path.basename(URI.parse(location.uri).fsPath)), ['LLM.md']);
    assert.equal(definitions[0]!.range.start.line, 0);

    const references = await connection.sendRequest(ReferencesRequest.type, { textDocument, position: onId, context: { includeDeclaration: false } });
    assert.ok((references ?? []).length > 0);

    const hover = await connection.sendRequest(HoverRequest.type, { textDocument, position: onId });
    assert.match((hover!.contents as MarkupContent).value, /Large Language Model/);

    const lastLine = lines.length - 1;
    await connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: dataScraping, version: 2 },
      contentChanges: [{ range: { start: { line: lastLine, character: lines[lastLine]!.length }, end: { line: lastLine, character: lines[lastLine]!.length } }, text: '\nSee [x](#Data-Sc' }],
    });
    const completion = (await connection.sendRequest(CompletionRequest.type, { textDocument, position: { line: lastLine + 1, character: 16 } })) as CompletionList;
    const offered = completion.items.map((item) => item.label);
    assert.ok(offered.includes('Data-Scraping') && offered.every((label) => /^data-sc/i.test(label) || offered.indexOf(label) > offered.indexOf('Data-Scraping')), offered.join(', '));

    fs.writeFileSync(path.join(folder, 'Claude.md'), '## Claude {#Claude .chapter .small .term}\n\n***Ein Sprachmodell***\n');
    await connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf('Claude.md'), type: FileChangeType.Created }] });
    await waitUntil(
      () => [...diagnostics.values()].every((list) => !list.some((d) => isBrokenLinkTo(d, 'Claude'))),
      'the broken links to #Claude to disappear',
    );

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
