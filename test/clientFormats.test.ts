import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import {
  ApplyWorkspaceEditParams,
  ApplyWorkspaceEditRequest,
  CodeActionRequest,
  Command,
  CompletionItem,
  CompletionList,
  CompletionRequest,
  CompletionResolveRequest,
  Diagnostic,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExecuteCommandRequest,
  HoverRequest,
  MarkupContent,
  ShowDocumentParams,
  ShowDocumentRequest,
  TextEdit,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { startServer } from './support/lspServer';

// A client names the formats it shows in the order it prefers them: one that asks for plain text
// first gets hovers and completion documentation without Markdown's marks and escapes.

const model = '## Large Language Model (LLM) {#LLM .chapter .small .term}\n\n***Ein Sprachmodell, trainiert auf [Text](#Text)***\n\nEin *großes* Modell.\n';
const text = '## Text {#Text .chapter .small .term}\n\nSiehe [LLM](#LLM) und [x](#';

async function hoverAndDocumentation(t: test.TestContext, formats: string[] | undefined): Promise<[MarkupContent, MarkupContent]> {
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
  assert.deepEqual(hover, { kind: 'plaintext', value: 'Large Language Model (LLM) #LLM\n\nEin Sprachmodell, trainiert auf Text\n\nLLM.md:1 · 1 link points here.\n\nEin großes Modell.' });
  assert.deepEqual(documentation, { kind: 'plaintext', value: 'Ein Sprachmodell, trainiert auf Text\n\nEin großes Modell.' });
});

test('a client that names no format gets plain text, which it shows as it is', { timeout: 60_000 }, async (t) => {
  const [hover, documentation] = await hoverAndDocumentation(t, undefined);
  assert.deepEqual([hover.kind, documentation.kind], ['plaintext', 'plaintext']);
  assert.match(hover.value, /^Large Language Model \(LLM\) #LLM\n/);
});

test('a client that prefers Markdown gets it, escaped', { timeout: 60_000 }, async (t) => {
  const [hover, documentation] = await hoverAndDocumentation(t, ['markdown', 'plaintext']);
  assert.deepEqual(hover, {
    kind: 'markdown',
    value: '**Large Language Model \\(LLM\\)** `LLM`\n\n*Ein Sprachmodell, trainiert auf Text*\n\nLLM\\.md:1 · 1 link points here.\n\nEin großes Modell\\.',
  });
  assert.deepEqual(documentation, { kind: 'markdown', value: '*Ein Sprachmodell, trainiert auf Text*\n\nEin großes Modell\\.' });
});

test('a whole link completed before a see-also item on the same line gets a line of its own where the client inserts text of several lines (it names insertTextModeSupport), the separator alone elsewhere', { timeout: 60_000 }, async (t) => {
  const list = '## Text {#Text .chapter .small .term}\n\n### Siehe {.seealso}\n\n[Large[Index](#Index) |\n\n----\n';
  const newTextFor = async (completionItem: object): Promise<string | undefined> => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-line-breaks-'));
    fs.writeFileSync(path.join(folder, 'LLM.md'), model);
    fs.writeFileSync(path.join(folder, 'Text.md'), list);
    const uri = URI.file(path.join(folder, 'Text.md')).toString();
    const server = await startServer(folder, { signal: t.signal, capabilities: { textDocument: { completion: { completionItem } } } });
    try {
      await server.settle();
      await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text: list } });
      const items = (await server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 4, character: 6 } })) as CompletionList;
      return (items.items[0]?.textEdit as TextEdit | undefined)?.newText;
    } finally {
      await server.shutdown();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  };
  // VS Code's client names both ways of indenting; Neovim 0.7's names none, and its omnifunc writes a line break of an item as a NUL byte.
  assert.equal(await newTextFor({ insertTextModeSupport: { valueSet: [1, 2] } }), '[Large Language Model](#LLM) |\n');
  assert.equal(await newTextFor({}), '[Large Language Model](#LLM) |');
  // A capability written without its list is none, and no reason to fail the start.
  assert.equal(await newTextFor({ insertTextModeSupport: {} }), '[Large Language Model](#LLM) |');
});

// Clients name what code actions and diagnostics they take; an old or small one takes commands
// alone, and diagnostics without related places, and code actions without a preferred one.

const unsorted = '## B {#B .chapter .small .term}\n\nText.\n\n### Siehe auch {.seealso}\n\n[Index](#Index) |\n[A](#A) |\n\n----\n';
const entryA = '## A {#A .chapter .small .term}\n\nSiehe [B](#B), [B](#Bee) und [b](#b).\n\n### Siehe auch {.seealso}\n\n[B](#B) |\n[Index](#Index) |\n\n----\n';

/** The glossary the tests of code actions start the server on: an unsorted list, a broken link, a duplicate id. */
const actionGlossary: Readonly<Record<string, string>> = {
  'A.md': entryA,
  'B.md': unsorted,
  'Index.md': '# Index {#Index}\n\n[A](#A) | [B](#B)\n',
  // A second #B: its duplicate-anchor names the other place as related information.
  'Copy.md': '## Copy {#B .chapter .small .term}\n',
};

/** What the server asked the client to do: edits to apply, documents to show. */
interface ClientLog {
  readonly applied: ApplyWorkspaceEditParams[];
  readonly shown: ShowDocumentParams[];
}

async function withGlossary(t: test.TestContext, capabilities: object, work: (server: Awaited<ReturnType<typeof startServer>>, uriOf: (name: string) => string, log: ClientLog) => Promise<void>, files = actionGlossary): Promise<void> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-actions-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(folder, name), text);
  const log: ClientLog = { applied: [], shown: [] };
  const server = await startServer(folder, {
    signal: t.signal,
    capabilities,
    onConnection: (connection) => {
      connection.onRequest(ApplyWorkspaceEditRequest.type, (params) => (log.applied.push(params), { applied: true }));
      connection.onRequest(ShowDocumentRequest.type, (params) => (log.shown.push(params), { success: true }));
    },
  });
  try {
    await server.settle();
    await work(server, (name) => URI.file(path.join(folder, name)).toString(), log);
  } finally {
    await server.shutdown();
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

test('a client without code action literals gets commands, and the quick fix\'s edit applied through workspace/applyEdit', { timeout: 60_000 }, async (t) => {
  await withGlossary(t, { workspace: { applyEdit: true }, textDocument: { codeAction: {}, publishDiagnostics: {} } }, async (server, uriOf, { applied }) => {
    assert.ok(server.capabilities.executeCommandProvider?.commands.includes('glossary.applyEdit'));
    const uri = uriOf('B.md');
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text: unsorted } });
    await server.waitUntil(() => (server.diagnostics.get(uri) ?? []).some((diagnostic) => diagnostic.code === 'seealso-index-not-last'), 'the unsorted list');
    const diagnostics = server.diagnostics.get(uri)!;
    // Nothing the client did not ask for: no related places (and no empty lists of them).
    assert.ok(diagnostics.some((diagnostic) => diagnostic.code === 'duplicate-anchor'));
    assert.deepEqual(diagnostics.filter((diagnostic) => 'relatedInformation' in diagnostic), []);
    const range = diagnostics.find((diagnostic) => diagnostic.code === 'seealso-index-not-last')!.range;
    const actions = await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics } });
    assert.ok(actions !== null && actions.length > 0 && actions.every((action) => Command.is(action)), JSON.stringify(actions));
    const sort = actions.find((action) => action.title === 'Sort the see-also list (Index last)') as Command;
    // The command carries the request it answered, not an edit: the edit is worked out when it runs.
    assert.deepEqual([sort.command, (sort.arguments?.[0] as { edit?: unknown }).edit], ['glossary.applyEdit', undefined]);
    // An edit sent along is never applied.
    const forged = { ...(sort.arguments?.[0] as object), edit: { changes: { [uri]: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: 'forged' }] } } };
    const result = await server.connection.sendRequest(ExecuteCommandRequest.type, { command: sort.command, arguments: [forged] });
    assert.deepEqual(result, { applied: true });
    const changes = applied[0]?.edit.changes?.[uri] as TextEdit[];
    const sorted = TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 1, unsorted), changes);
    assert.match(sorted, /^## B [^]*\[A\]\(#A\) \|\n\[Index\]\(#Index\) \|\n/);
    // Run once the list is in order, the fix no longer applies: nothing is sent, and the writer is told.
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text: sorted }] });
    assert.deepEqual(await server.connection.sendRequest(ExecuteCommandRequest.type, { command: sort.command, arguments: sort.arguments }), { applied: false });
    assert.equal(applied.length, 1);
    // A fix that is a command already (creating the entry a broken link waits for) is that command.
    const a = uriOf('A.md');
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: a, languageId: 'markdown', version: 1, text: entryA } });
    const isBee = (diagnostic: Diagnostic): boolean => diagnostic.code === 'broken-link' && typeof diagnostic.message === 'string' && diagnostic.message.includes('"Bee"');
    await server.waitUntil(() => (server.diagnostics.get(a) ?? []).some(isBee), 'the broken link');
    const broken = server.diagnostics.get(a)!.find(isBee)!;
    const onBroken = (await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: a }, range: broken.range, context: { diagnostics: [broken] } }))!;
    assert.deepEqual(onBroken.map((action) => [action.title, action.command]), [
      ['Change to "B"', 'glossary.applyEdit'],
      ['Create entry "Bee"', 'glossary.createEntry'],
    ]);
  });
});

test('a client that takes commands alone and shows documents is shown the entry a quick fix wrote over a copy, after the edit', { timeout: 60_000 }, async (t) => {
  const cnn = '## CNN {#CNN .chapter .small .term}\n\nText.\n\n### Siehe auch {.seealso}\n\n[Index](#Index) |\n';
  const files = { 'CNN.md': cnn, 'Claude.md': cnn, 'A.md': '## A {#A .chapter .small .term}\n\nMit [Claude](#Claude).\n', 'Index.md': '# Index {#Index}\n' };
  const capabilities = { workspace: { applyEdit: true, workspaceEdit: { documentChanges: true } }, window: { showDocument: { support: true } }, textDocument: { codeAction: {}, publishDiagnostics: {} } };
  await withGlossary(t, capabilities, async (server, uriOf, { applied, shown }) => {
    const uri = uriOf('A.md');
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text: files['A.md'] } });
    await server.waitUntil(() => (server.diagnostics.get(uri) ?? []).some((diagnostic) => diagnostic.code === 'broken-link'), 'the broken link');
    const broken = server.diagnostics.get(uri)!.find((diagnostic) => diagnostic.code === 'broken-link')!;
    const actions = (await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: broken.range, context: { diagnostics: [broken] } }))!;
    const overCopy = actions.find((action) => action.title === 'Write the entry "Claude" in Claude.md, over its copy of CNN.md') as Command | undefined;
    assert.equal(overCopy?.command, 'glossary.applyEdit', JSON.stringify(actions));
    assert.deepEqual(await server.connection.sendRequest(ExecuteCommandRequest.type, { command: overCopy!.command, arguments: overCopy!.arguments }), { applied: true });
    // Shown once the edit is applied (the server waits for the answer to applyEdit first).
    assert.equal(applied.length, 1);
    assert.deepEqual(shown.map((params) => [params.uri, params.selection?.start.line]), [[uriOf('Claude.md'), 2]]);
  }, files);
});

test('a client that takes code actions but marks none preferred gets none marked; one that marks them and takes related places gets both', { timeout: 60_000 }, async (t) => {
  const literals = { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } };
  await withGlossary(t, { workspace: { applyEdit: true }, textDocument: { codeAction: literals, publishDiagnostics: {} } }, async (server, uriOf) => {
    assert.ok(!server.capabilities.executeCommandProvider?.commands.includes('glossary.applyEdit'));
    const uri = uriOf('B.md');
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text: unsorted } });
    await server.waitUntil(() => (server.diagnostics.get(uri) ?? []).some((diagnostic) => diagnostic.code === 'seealso-index-not-last'), 'the unsorted list');
    const diagnostics = server.diagnostics.get(uri)!;
    const actions = (await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diagnostics[0]!.range, context: { diagnostics } }))!;
    assert.ok(actions.length > 0 && actions.every((action) => !Command.is(action) && !('isPreferred' in action)), JSON.stringify(actions));
  });
  const full = { workspace: { applyEdit: true }, textDocument: { codeAction: { ...literals, isPreferredSupport: true }, publishDiagnostics: { relatedInformation: true } } };
  await withGlossary(t, full, async (server, uriOf) => {
    await server.waitUntil(() => (server.diagnostics.get(uriOf('Copy.md')) ?? []).some((diagnostic) => diagnostic.code === 'duplicate-anchor'), 'the duplicate');
    const duplicate = server.diagnostics.get(uriOf('Copy.md'))!.find((diagnostic) => diagnostic.code === 'duplicate-anchor')!;
    assert.deepEqual(duplicate.relatedInformation?.map((related) => related.location.uri), [uriOf('B.md')]);
    // A diagnostic with no related place has no empty list of them.
    assert.ok(server.diagnostics.get(uriOf('Copy.md'))!.some((diagnostic) => !('relatedInformation' in diagnostic)));
    const uri = uriOf('A.md');
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text: entryA } });
    const isB = (diagnostic: { data?: unknown }): boolean => (diagnostic.data as { target?: string } | undefined)?.target === 'b';
    await server.waitUntil(() => (server.diagnostics.get(uri) ?? []).some(isB), 'the broken link');
    const broken = server.diagnostics.get(uri)!.find(isB)!;
    const actions = (await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: broken.range, context: { diagnostics: [broken] } }))!;
    assert.deepEqual(actions.map((action) => [action.title, !Command.is(action) && action.isPreferred === true]), [['Change to "B"', true]]);
  });
});
