import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import {
  CompletionRequest,
  DefinitionRequest,
  DidOpenTextDocumentNotification,
  DocumentSymbolRequest,
  HoverRequest,
  WorkspaceSymbolRequest,
  Location,
  ProtocolConnection,
} from 'vscode-languageserver/node';
import { startServer } from './support/lspServer';

// The language server on a folder of bad files: it indexes what it can, says what it skips, and
// answers every request on each of them; a good entry's links into them still resolve.
const badFiles: Readonly<Record<string, string | Buffer>> = {
  'Empty.md': '',
  'Only-Attributes.md': '{#Only .term}',
  'Unterminated.md': '## Open {#Open .term\n\n[x](#Open',
  'No-Id.md': '## Nothing {#}\n',
  'Ids.md': '## Umlaut {#Übersicht}\n\n## Dots {#a.b:c}\n\n## Emoji {#smile-😀}\n',
  'Setext.md': 'Setext Heading\n==============\n\nSecond\n------\n',
  'Crlf.md': '\uFEFF## Windows {#Windows .term}\r\n\r\n[l](#Deep)\r\nmixed\n[m](#Windows)\r\n',
  'Binary.md': Buffer.from([0x23, 0x23, 0x20, 0x00, 0x01, 0x02, 0xff, 0x00]),
  'Invalid-Utf8.md': Buffer.concat([Buffer.from('## Kaputt {#Kaputt .term}\n\n[a](#Deep) '), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('\n')]),
  'Deep.md': `## Deep {#Deep .term}\n\n${'> '.repeat(10_000)}[deep](#Many)\n`,
  'Long-Line.md': `## Long {#Long .term}\n\n${'[x](#Many) text '.repeat(65_000)}\n`,
  'Many.md': `## Many {#Many .term}\n\n${'[a](#Long) '.repeat(100_000)}\n`,
  'Label.md': `## Label {#Label .term}\n\n[${Array.from({ length: 50 }, (_, i) => `line ${i}`).join('\n')}](#Deep)\n`,
};

async function requestsOn(connection: ProtocolConnection, uri: string, text: string): Promise<void> {
  await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  const lines = text.split(/\r\n|\r|\n/);
  const last = { line: lines.length - 1, character: lines[lines.length - 1]!.length };
  for (const position of [{ line: 0, character: 0 }, { line: 0, character: 5 }, last, { line: lines.length + 5, character: 999 }]) {
    const textDocument = { uri };
    await connection.sendRequest(HoverRequest.type, { textDocument, position });
    await connection.sendRequest(DefinitionRequest.type, { textDocument, position });
    await connection.sendRequest(CompletionRequest.type, { textDocument, position });
  }
  const symbols = await connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
  assert.ok(Array.isArray(symbols), `document symbols of ${uri}`);
}

test('the server indexes a folder of bad files, skips the binary one with a message, and answers requests on every file', { timeout: 120_000 }, async (t) => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-bad-'));
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  try {
    for (const [name, content] of Object.entries(badFiles)) {
      fs.writeFileSync(path.join(folder, name), content);
    }
    fs.mkdirSync(path.join(folder, 'loop'));
    fs.symlinkSync('..', path.join(folder, 'loop', 'parent'));
    fs.symlinkSync('self', path.join(folder, 'self'));
    server = await startServer(folder, { signal: t.signal });
    await server.settle();
    const uriOf = (name: string): string => URI.file(path.join(folder, name)).toString();

    assert.ok(server.logs.some((log) => log.includes('Binary.md') && /binary/i.test(log)), server.logs.join('\n'));
    assert.ok(server.logs.some((log) => log.includes('Invalid-Utf8.md')), 'invalid UTF-8 is reported and still indexed');
    for (const [name, content] of Object.entries(badFiles)) {
      const text = typeof content === 'string' ? content : new TextDecoder().decode(content);
      await requestsOn(server.connection, uriOf(name), text);
    }
    // Every entry of the bad files is indexed, the invalid UTF-8 one too; the binary one is not, nor the
    // heading whose attribute block is never closed (pandoc reads it as text: no id, no class).
    const symbols = (await server.connection.sendRequest(WorkspaceSymbolRequest.type, { query: '' })) as { name: string; location: { uri: string } }[];
    const files = symbols.map((symbol) => path.basename(URI.parse(symbol.location.uri).fsPath)).sort();
    assert.deepEqual(files, ['Crlf.md', 'Deep.md', 'Invalid-Utf8.md', 'Label.md', 'Long-Line.md', 'Many.md']);
    // A hover on a link of the CRLF file with a byte order mark names the entry's file.
    const hover = (await server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: uriOf('Crlf.md') }, position: { line: 2, character: 6 } })) as { contents: { value: string } } | null;
    assert.match(hover?.contents.value ?? '', /^\*\*Deep\*\*\n\nDeep\\\.md:1 · /);
    // Links across the bad files resolve: the definition of the deepest link lands in Many.md.
    const deep = badFiles['Deep.md'] as string;
    const deepLink = { line: 2, character: deep.split('\n')[2]!.indexOf('(#Many') + 3 };
    const definition = (await server.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: uriOf('Deep.md') }, position: deepLink })) as Location[];
    assert.deepEqual(definition.map((location) => path.basename(URI.parse(location.uri).fsPath)), ['Many.md']);
    assert.equal(server.exited(), false);
    assert.doesNotMatch(server.stderr(), /\bat .*\.js:\d+/, 'no stack trace');
    // A request that throws is answered empty and logged to the client: none did.
    assert.deepEqual(server.logs.filter((message) => / failed:|Unhandled|Error/.test(message)), []);
  } finally {
    await server?.shutdown();
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
