import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { TextDocument } from 'vscode-languageserver-textdocument';
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
  DocumentLinkRequest,
  DocumentLinkResolveRequest,
  InitializeRequest,
  Location,
  MarkupContent,
  ApplyWorkspaceEditRequest,
  CodeAction,
  CodeActionRequest,
  ExecuteCommandRequest,
  PrepareRenameRequest,
  PublishDiagnosticsNotification,
  ReferencesRequest,
  RenameFile,
  RenameRequest,
  ShowDocumentParams,
  ShowDocumentRequest,
  TextDocumentEdit,
  TextEdit,
  WorkspaceEdit,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver/node';
import { EntryLinksRequest } from '../server/src/protocol';

// The built server is started exactly as an editor starts it, on a temporary copy of the real
// glossary (the repository never holds a copy of it).
const repositoryRoot = path.resolve(__dirname, '..', '..');
const serverScript = path.join(repositoryRoot, 'dist', 'glossary.js');
const corpusEntries = path.resolve(repositoryRoot, '../shared/corpus/ki-glossar/src/de');

/** A link to an id that nothing defines: `broken-link`, or `index-link-broken` on the index page. */
function isBrokenLinkTo(diagnostic: Diagnostic, id: string): boolean {
  return (diagnostic.code === 'broken-link' || diagnostic.code === 'index-link-broken') && (diagnostic.data as { target?: string } | undefined)?.target === id;
}

test('the built server answers an editor over stdio on a copy of the real glossary', { timeout: 60_000 }, async () => {
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
    // The editor's side of workspace edits: files open in the editor change there, others on disk.
    const open = new Map<string, TextDocument>();
    const changeOpen = async (uri: string, text: string): Promise<void> => {
      const document = open.get(uri)!;
      const next = TextDocument.create(uri, 'markdown', document.version + 1, text);
      open.set(uri, next);
      await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: next.version }, contentChanges: [{ text }] });
    };
    const applyEdit = async (edit: WorkspaceEdit): Promise<void> => {
      const changed: { uri: string; type: FileChangeType }[] = [];
      for (const change of edit.documentChanges ?? []) {
        if ('kind' in change && change.kind === 'create') {
          const file = URI.parse(change.uri).fsPath;
          assert.equal(fs.existsSync(file), false, 'a created file never replaces one');
          fs.writeFileSync(file, '');
          changed.push({ uri: change.uri, type: FileChangeType.Created });
        } else if (RenameFile.is(change)) {
          assert.equal(fs.existsSync(URI.parse(change.newUri).fsPath), false, 'a renamed file never replaces one');
          fs.renameSync(URI.parse(change.oldUri).fsPath, URI.parse(change.newUri).fsPath);
          changed.push({ uri: change.oldUri, type: FileChangeType.Deleted }, { uri: change.newUri, type: FileChangeType.Created });
        } else if (TextDocumentEdit.is(change)) {
          const uri = change.textDocument.uri;
          const edits = change.edits as TextEdit[];
          const document = open.get(uri);
          if (document) {
            assert.ok(change.textDocument.version === null || change.textDocument.version === document.version, 'edits are for the open version');
            await changeOpen(uri, TextDocument.applyEdits(document, edits));
          } else {
            const file = URI.parse(uri).fsPath;
            fs.writeFileSync(file, TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 0, fs.readFileSync(file, 'utf8')), edits));
            changed.push({ uri, type: FileChangeType.Changed });
          }
        }
      }
      if (changed.length > 0) {
        await connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: changed });
      }
    };
    connection.onRequest(ApplyWorkspaceEditRequest.type, async (params) => {
      await applyEdit(params.edit);
      return { applied: true };
    });
    const shown: ShowDocumentParams[] = [];
    connection.onRequest(ShowDocumentRequest.type, (params) => {
      shown.push(params);
      return { success: true };
    });
    connection.listen();

    const initialized = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: folderUri,
      workspaceFolders: [{ uri: folderUri, name: 'ki-glossar' }],
      capabilities: {
        workspace: { applyEdit: true, workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename'] } },
        window: { showDocument: { support: true } },
        textDocument: {
          documentLink: { tooltipSupport: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source'] } }, isPreferredSupport: true },
          publishDiagnostics: { relatedInformation: true },
        },
      },
      // As the extension's client asks (see documentLinks.ts).
      initializationOptions: { documentLinks: true },
    });
    assert.deepEqual(initialized.capabilities.documentLinkProvider, { resolveProvider: true });
    await connection.sendNotification(InitializedNotification.type, {});

    const dataScraping = uriOf('Data-Scraping.md');
    await waitUntil(() => (diagnostics.get(dataScraping) ?? []).some((d) => isBrokenLinkTo(d, 'Claude')), 'the broken link to #Claude in Data-Scraping.md');
    const brokenToClaude = (): number => [...diagnostics.values()].flat().filter((d) => isBrokenLinkTo(d, 'Claude')).length;
    await waitUntil(() => brokenToClaude() === 54, 'the 54 broken links to #Claude');

    const text = fs.readFileSync(path.join(folder, 'Data-Scraping.md'), 'utf8');
    open.set(dataScraping, TextDocument.create(dataScraping, 'markdown', 1, text));
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

    // Ctrl+Click on the id: a document link over it, resolved to LLM.md's heading when followed.
    const documentLinks = (await connection.sendRequest(DocumentLinkRequest.type, { textDocument })) ?? [];
    const onLlm = documentLinks.find((link) => link.range.start.line === onId.line && link.range.start.character <= onId.character && onId.character <= link.range.end.character)!;
    assert.deepEqual([onLlm.tooltip, onLlm.target], ['#Large-Language-Model', undefined]);
    const followed = await connection.sendRequest(DocumentLinkResolveRequest.type, onLlm);
    assert.equal(followed.target, `${uriOf('LLM.md')}#L1,1`);

    // Every link to the id: 110 in 73 entry files and 2 on the index page (pandoc finds the same in each file: realGlossary.test.ts).
    const references = (await connection.sendRequest(ReferencesRequest.type, { textDocument, position: onId, context: { includeDeclaration: false } })) ?? [];
    assert.equal(references.length, 112);
    assert.equal(new Set(references.map((location) => location.uri)).size, 74);

    const hover = await connection.sendRequest(HoverRequest.type, { textDocument, position: onId });
    assert.equal((hover!.contents as MarkupContent).kind, 'markdown');
    assert.match((hover!.contents as MarkupContent).value, /Large Language Model/);
    // The first paragraph of LLM.md's first explanation section, read from disk for the hover.
    assert.match((hover!.contents as MarkupContent).value, /LLMs basieren auf komplexen neuronalen Netzwerkarchitekturen:/);

    // Files of the glossary dropped into the text (VS Code asks on a drop from the Explorer): links to
    // the ids they give in the book; LLM.md gives #Large-Language-Model. A file outside the glossary, or a drop into a file outside it: none.
    const dropped = (names: readonly string[], into = textDocument) => connection.sendRequest(EntryLinksRequest, { textDocument: into, position: { line: 1, character: 0 }, files: names.map((name) => ({ uri: uriOf(name) })) });
    assert.deepEqual(await dropped(['LLM.md', 'Anthropic.md']), { text: '[Large Language Model](#Large-Language-Model), [Anthropic](#Anthropic)', edits: [] });
    assert.equal(await dropped(['LLM.md', 'Bild.png']), null);
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: 'untitled:Untitled-1', languageId: 'markdown', version: 1, text: 'Notiz\n' } });
    assert.equal(await dropped(['LLM.md'], { uri: 'untitled:Untitled-1' }), null);

    const lastLine = lines.length - 1;
    await changeOpen(dataScraping, `${text}\nSee [x](#Data-Sc`);
    const completion = (await connection.sendRequest(CompletionRequest.type, { textDocument, position: { line: lastLine + 1, character: 16 } })) as CompletionList;
    const offered = completion.items.map((item) => item.label);
    // The file's own entry is no link target (a self-link); the other ids beginning with what is typed come first.
    assert.ok(offered.includes('Data-Science') && !offered.includes('Data-Scraping'), offered.join(', '));
    assert.ok(offered.every((label) => /^data-sc/i.test(label) || offered.indexOf(label) > offered.indexOf('Data-Science')), offered.join(', '));

    // Claude.md holds a copy of the entry CNN, which CNN.md holds line for line: the quick fix writes
    // the entry Claude over the copy (no new file is created over it).
    const claudeDiagnostic = diagnostics.get(dataScraping)!.find((d) => isBrokenLinkTo(d, 'Claude'))!;
    const actionsOnClaude = async (): Promise<CodeAction[]> =>
      (await connection.sendRequest(CodeActionRequest.type, {
        textDocument,
        range: claudeDiagnostic.range,
        context: { diagnostics: [claudeDiagnostic], only: ['quickfix'] },
      })) as CodeAction[];
    const overCopy = await actionsOnClaude();
    assert.deepEqual(overCopy.map((action) => action.title), ['Write the entry "Claude" in Claude.md, over its copy of CNN.md']);
    const [claudeEdit] = overCopy[0]!.edit!.documentChanges as TextDocumentEdit[];
    assert.deepEqual(claudeEdit!.textDocument, { uri: uriOf('Claude.md'), version: null });
    const copyText = TextDocument.create(uriOf('Claude.md'), 'markdown', 0, fs.readFileSync(path.join(folder, 'Claude.md'), 'utf8'));
    assert.match(TextDocument.applyEdits(copyText, claudeEdit!.edits as TextEdit[]), /^## Claude \{#Claude \.chapter \.small \.term\}\n[^]*\[Index\]\(#Index\) \|\n\n----\n$/);
    // Its command, run after the edit, shows the new entry with its summary selected.
    const showClaude = overCopy[0]!.command!;
    assert.deepEqual(await connection.sendRequest(ExecuteCommandRequest.type, { command: showClaude.command, arguments: showClaude.arguments }), { success: true });
    assert.deepEqual(shown.splice(0).map((params) => [params.uri, params.selection?.start.line, params.takeFocus]), [[uriOf('Claude.md'), 2, true]]);
    // The writer deletes the copy; now the quick fix creates the entry and all 54 broken links clear at once.
    fs.rmSync(path.join(folder, 'Claude.md'));
    await connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf('Claude.md'), type: FileChangeType.Deleted }] });
    await waitUntil(() => !(diagnostics.get(uriOf('CNN.md')) ?? []).some((d) => d.code === 'duplicate-anchor'), 'CNN to be defined once');
    const claudeActions = await actionsOnClaude();
    const create = claudeActions.find((action) => action.title === 'Create entry "Claude"');
    assert.ok(create?.command, claudeActions.map((action) => action.title).join(', '));
    const created = await connection.sendRequest(ExecuteCommandRequest.type, { command: create.command.command, arguments: create.command.arguments });
    assert.deepEqual(created, { uri: uriOf('Claude.md') });
    assert.match(fs.readFileSync(path.join(folder, 'Claude.md'), 'utf8'), /^## Claude \{#Claude \.chapter \.small \.term\}\n[^]*\[Index\]\(#Index\) \|\n\n----\n$/);
    assert.deepEqual(shown.map((params) => [params.uri, params.selection?.start.line]), [[uriOf('Claude.md'), 2]]);
    await waitUntil(() => brokenToClaude() === 0, 'the broken links to #Claude to disappear');
    const again = await connection.sendRequest(ExecuteCommandRequest.type, { command: create.command.command, arguments: create.command.arguments });
    assert.match((again as { error: string }).error, /already defined in Claude.md/);

    // Quick fix on an unsorted see-also list of the open file.
    const sortTarget = [...diagnostics].find(([, list]) => list.some((d) => d.code === 'seealso-unsorted'))!;
    const sortUri = sortTarget[0];
    const sortText = fs.readFileSync(URI.parse(sortUri).fsPath, 'utf8');
    open.set(sortUri, TextDocument.create(sortUri, 'markdown', 1, sortText));
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: sortUri, languageId: 'markdown', version: 1, text: sortText } });
    const unsorted = sortTarget[1].find((d) => d.code === 'seealso-unsorted')!;
    const sortActions = (await connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: sortUri },
      range: unsorted.range,
      context: { diagnostics: [unsorted] },
    })) as CodeAction[];
    const sort = sortActions.find((action) => action.title === 'Sort the see-also list (Index last)');
    assert.ok(sort?.edit, sortActions.map((action) => action.title).join(', '));
    await applyEdit(sort.edit);
    await waitUntil(() => !(diagnostics.get(sortUri) ?? []).some((d) => d.code === 'seealso-unsorted' || d.code === 'seealso-index-not-last'), 'the sorted list to be accepted');
    const sortedText = open.get(sortUri)!.getText();
    // Sorting moves the links, it neither drops nor adds one.
    const linkTargets = (text: string): string[] => [...text.matchAll(/\]\(#([^)\s]*)\)/g)].map((match) => match[1]!).sort();
    assert.deepEqual(linkTargets(sortedText), linkTargets(sortText));
    assert.deepEqual(sortedText.split('\n').slice(0, unsorted.range.start.line), sortText.split('\n').slice(0, unsorted.range.start.line));

    // Rename an id used across files: the heading, every link and the file change in one edit.
    const renamedFrom = 'Data-Scraping';
    const linkingFiles = fs.readdirSync(folder).filter((name) => fs.readFileSync(path.join(folder, name), 'utf8').includes(`(#${renamedFrom})`));
    assert.ok(linkingFiles.length > 1, linkingFiles.join(', '));
    const headingPosition = { line: 0, character: open.get(dataScraping)!.getText().split('\n')[0]!.indexOf(`{#${renamedFrom}`) + 3 };
    const linksTo = (id: string): number =>
      fs.readdirSync(folder).filter((name) => name !== 'Data-Scraping.md').reduce((count, name) => count + fs.readFileSync(path.join(folder, name), 'utf8').split(`(#${id})`).length - 1, 0);
    const linksBefore = linksTo(renamedFrom);
    assert.equal(linksTo('Web-Scraping'), 0);
    const prepared = await connection.sendRequest(PrepareRenameRequest.type, { textDocument, position: headingPosition });
    assert.deepEqual(prepared && 'placeholder' in prepared ? prepared.placeholder : prepared, renamedFrom);
    await assert.rejects(connection.sendRequest(RenameRequest.type, { textDocument, position: headingPosition, newName: 'LLM' }), /is already defined in/);
    const renameEdit = await connection.sendRequest(RenameRequest.type, { textDocument, position: headingPosition, newName: 'Web-Scraping' });
    await applyEdit(renameEdit!);
    assert.equal(linksTo(renamedFrom), 0);
    assert.equal(linksTo('Web-Scraping'), linksBefore);
    assert.equal(fs.existsSync(path.join(folder, 'Web-Scraping.md')), true, 'the entry file is renamed with its id');
    assert.match(open.get(dataScraping)!.getText(), /^## Data Scraping \{#Web-Scraping /);

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
