import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { CompletionItem, CompletionList, CompletionRequest, CompletionResolveRequest, DidOpenTextDocumentNotification, HoverRequest, MarkupContent } from 'vscode-languageserver/node';
import { startServer } from './support/lspServer';

// A client names the formats it shows in the order it prefers them: one that asks for plain text
// first gets hovers and completion documentation without Markdown's marks and escapes.

const model = '## Large Language Model (LLM) {#LLM .chapter .small .term}\n\n***Ein Sprachmodell, trainiert auf [Text](#Text)***\n\nEin *großes* Modell.\n';
const text = '## Text {#Text .chapter .small .term}\n\nSiehe [LLM](#LLM) und [x](#';

async function hoverAndDocumentation(t: test.TestContext, formats: string[]): Promise<[MarkupContent, MarkupContent]> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-formats-'));
  fs.writeFileSync(path.join(folder, 'LLM.md'), model);
  fs.writeFileSync(path.join(folder, 'Text.md'), text);
  const uri = URI.file(path.join(folder, 'Text.md')).toString();
  const server = await startServer(folder, {
    signal: t.signal,
    capabilities: { textDocument: { hover: { contentFormat: formats }, completion: { completionItem: { documentationFormat: formats } } } },
  });
  try {
    await server.settle();
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const textDocument = { uri };
    const hover = await server.connection.sendRequest(HoverRequest.type, { textDocument, position: { line: 2, character: 16 } });
    const list = (await server.connection.sendRequest(CompletionRequest.type, { textDocument, position: { line: 2, character: 27 } })) as CompletionList;
    const item = list.items.find((each) => each.label === 'LLM')!;
    const resolved: CompletionItem = await server.connection.sendRequest(CompletionResolveRequest.type, item);
    return [hover!.contents as MarkupContent, resolved.documentation as MarkupContent];
  } finally {
    await server.shutdown();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

test('a client that prefers plain text gets hovers and completion documentation in plain text', { timeout: 60_000 }, async (t) => {
  const [hover, documentation] = await hoverAndDocumentation(t, ['plaintext', 'markdown']);
  assert.deepEqual(hover, { kind: 'plaintext', value: 'Large Language Model (LLM) #LLM\n\nEin Sprachmodell, trainiert auf Text\n\nEin großes Modell.\n\nLLM.md:1\n\n1 link points here.' });
  assert.deepEqual(documentation, { kind: 'plaintext', value: 'Ein Sprachmodell, trainiert auf Text\n\nEin großes Modell.' });
});

test('a client that prefers Markdown gets it, escaped', { timeout: 60_000 }, async (t) => {
  const [hover, documentation] = await hoverAndDocumentation(t, ['markdown', 'plaintext']);
  assert.deepEqual(hover, {
    kind: 'markdown',
    value: '**Large Language Model \\(LLM\\)** `LLM`\n\n*Ein Sprachmodell, trainiert auf Text*\n\nEin großes Modell\\.\n\nLLM\\.md:1\n\n1 link points here.',
  });
  assert.deepEqual(documentation, { kind: 'markdown', value: '*Ein Sprachmodell, trainiert auf Text*\n\nEin großes Modell\\.' });
});
