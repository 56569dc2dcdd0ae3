import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import {
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  FileChangeType,
} from 'vscode-languageserver/node';
import { startServer } from './support/lspServer';

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

    await open();
    await server.waitUntil(() => codes().includes('unlinked-mention'), 'the mention hint of the opened file');
    assert.deepEqual(codes(), ['unlinked-mention', 'broken-link']);

    await close();
    await server.waitUntil(() => !codes().includes('unlinked-mention'), 'the mention hint to go with the closed file');
    assert.deepEqual(codes(), ['broken-link']);

    // Deleted while open: the editor keeps the document, and its diagnostics, until it is closed.
    await open();
    await server.waitUntil(() => codes().includes('unlinked-mention'), 'the mention hint of the reopened file');
    fs.rmSync(path.join(folder, 'Keras.md'));
    await server.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri, type: FileChangeType.Deleted }] });
    await server.settle();
    assert.deepEqual(codes(), ['unlinked-mention', 'broken-link']);
    await close();
    await server.waitUntil(() => server.diagnostics.get(uri)?.length === 0, 'the diagnostics of the deleted file to be cleared');
  } finally {
    await server.shutdown();
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
