'use strict';
// The language server's features through VS Code's API, on the example glossary.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const { activateGlossary, openFile, positionOf, diagnosticsWithCode, append, revert, fileUri, isGlossaryRefusal } = require('../glossaryWorkspace');

describe('language features', () => {
  let api;
  before(async () => {
    api = await activateGlossary();
  });

  it('goes from a link to the heading that defines its id in another file', async () => {
    const document = await openFile('Transformer.md');
    const locations = await vscode.commands.executeCommand('vscode.executeDefinitionProvider', document.uri, positionOf(document, '(#Attention)', 3));
    assert.equal(locations.length, 1);
    const target = locations[0].targetUri ?? locations[0].uri;
    const range = locations[0].targetSelectionRange ?? locations[0].range;
    assert.equal(target.toString(), fileUri('Attention.md').toString());
    assert.equal(range.start.line, 0);
  });

  it('renames an id at its heading and in every file that links to it; an id that exists is refused and nothing is edited', async () => {
    const document = await openFile('Transformer.md');
    const at = positionOf(document, '(#Attention)', 3);
    const edit = await vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', document.uri, at, 'Self-Attention');
    const edited = new Map(edit.entries().map(([uri, edits]) => [vscode.workspace.asRelativePath(uri), edits.map((textEdit) => textEdit.newText)]));
    assert.deepEqual(edited.get('Attention.md'), ['Self-Attention']);
    assert.deepEqual(edited.get('Transformer.md'), ['Self-Attention', 'Self-Attention']);
    assert.deepEqual(edited.get('Embedding.md'), ['Self-Attention']);
    assert.deepEqual(edited.get('000-index.txt'), ['Self-Attention']);
    // Refused by the server, the rename must not reach VS Code's own Markdown rename, which would
    // write a GitHub-style id (`#embedding`) and drop the heading's {#id .class} block.
    const refused = await vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', document.uri, at, 'Embedding');
    assert.deepEqual(refused.entries(), []);
    // A refusal is the writer's answer, not an error of the server's to log in its output.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const log = fs.readFileSync(path.join(api.logFolder.fsPath, 'Glossary Language Server.log'), 'utf8');
    assert.doesNotMatch(log, /textDocument\/rename failed/);
    // A place the server refuses (a heading with an automatic id) ends the rename there too.
    await assert.rejects(
      Promise.resolve(vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', document.uri, positionOf(document, 'Building blocks', 3), 'Bausteine')),
      isGlossaryRefusal,
    );
  });

  it('shows the linked entry in the hover', async () => {
    const document = await openFile('Transformer.md');
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', document.uri, positionOf(document, '(#Attention)', 3));
    const text = hovers.flatMap((hover) => hover.contents.map((content) => content.value ?? String(content))).join('\n');
    assert.match(text, /Attention/);
    assert.match(text, /Looking at every word at once/);
  });

  it('serves the index page, a .txt file: hover, definition, and a quick fix for a broken link as it is typed', async () => {
    const document = await openFile('000-index.txt');
    assert.equal(document.languageId, 'plaintext');
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', document.uri, positionOf(document, '(#Attention)', 3));
    assert.match(hovers.flatMap((hover) => hover.contents.map((content) => content.value ?? String(content))).join('\n'), /Looking at every word at once/);
    const locations = await vscode.commands.executeCommand('vscode.executeDefinitionProvider', document.uri, positionOf(document, '(#Tokenizer)', 3));
    assert.equal((locations[0].targetUri ?? locations[0].uri).toString(), fileUri('Tokenizer.md').toString());
    try {
      // An unsaved edit reaches the server: the typo is reported and fixed from the editor's text.
      await append(document, '[Perplexity](#Perplexitty) |\n');
      const [typo] = await diagnosticsWithCode(document.uri, 'index-link-broken');
      assert.ok(typo, 'the broken link on the unsaved index page is not reported');
      const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', document.uri, typo.range);
      assert.ok(actions.some((action) => action.title === 'Change to "Perplexity"'), actions.map((action) => action.title).join(', '));
    } finally {
      await revert(document);
    }
  });

  it('makes every #Id a link to follow with Ctrl+Click, also while a link of the file has no id yet', async () => {
    const document = await openFile('LLM.md');
    try {
      // As VS Code's closing parenthesis leaves a link while its id is typed.
      await append(document, '\nSee [tokens](#)');
      const links = await vscode.commands.executeCommand('vscode.executeLinkProvider', document.uri, 50);
      const toTransformer = links.find((link) => document.getText(link.range) === 'Transformer');
      assert.ok(toTransformer?.target, links.map((link) => `${document.getText(link.range)} ${link.target}`).join(', '));
      assert.equal(toTransformer.target.path, fileUri('Transformer.md').path);
      assert.equal(toTransformer.target.fragment, 'L1,1');
    } finally {
      await revert(document);
    }
  });

  it('completes ids after (#', async () => {
    const document = await openFile('LLM.md');
    try {
      const position = await append(document, '\nSee [tokens](#Tok');
      const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', document.uri, position, '#');
      const labels = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
      assert.ok(labels.includes('Tokenizer'), `no Tokenizer in ${labels.join(', ')}`);
    } finally {
      await revert(document);
    }
  });

  it('an id completed inside a word inserts at the cursor or replaces the rest of the word, as the writer chooses', async () => {
    const document = await openFile('LLM.md');
    try {
      const end = await append(document, '\nSee [tokens](#Tokenizr');
      const position = end.translate(0, -'enizr'.length);
      const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', document.uri, position);
      const item = list.items.find((candidate) => (candidate.label.label ?? candidate.label) === 'Tokenizer');
      assert.ok(item, 'no Tokenizer');
      assert.ok(item.range?.inserting, JSON.stringify(item));
      assert.equal(document.getText(item.range.inserting), 'Tok');
      assert.equal(document.getText(item.range.replacing), 'Tokenizr');
    } finally {
      await revert(document);
    }
  });

  it('offers the snippet of a new chapter', async () => {
    const document = await openFile('LLM.md');
    try {
      const position = await append(document, '\n\nchapter');
      const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', document.uri, position);
      const snippet = list.items.find((item) => item.kind === vscode.CompletionItemKind.Snippet && (item.label.label ?? item.label) === 'chapter');
      assert.ok(snippet, 'no chapter snippet');
      assert.match(snippet.insertText.value ?? snippet.insertText, /\{\$\{1\/.*\.chapter \.small \.term\}/);
    } finally {
      await revert(document);
    }
  });

  it('the chapter snippet, typed into, mirrors the title as the id New Entry would propose', async () => {
    // Each in a new document, so that no snippet is nested in the one before.
    const chapterFor = async (title) => {
      const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
      const editor = await vscode.window.showTextDocument(document);
      try {
        await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name: 'New glossary chapter' });
        await vscode.commands.executeCommand('type', { text: title });
        await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
        return editor.document.lineAt(0).text;
      } finally {
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      }
    };
    // A closing parenthesis is left out, as the glossary's ids leave it out; one amid the title stays.
    assert.equal(await chapterFor('„KI“: Mensch–Maschine (HMI)'), '## „KI“: Mensch–Maschine (HMI) {#KI-MenschMaschine .chapter .small .term}');
    assert.equal(await chapterFor('DL (Deep Learning) Modell'), '## DL (Deep Learning) Modell {#DL-Deep-Learning-Modell .chapter .small .term}');
    // Pandoc reads an id beginning with a digit only as id="…"; symbols are left out.
    assert.equal(await chapterFor('3D Druck™ × 2'), '## 3D Druck™ × 2 {id="3D-Druck-2" .chapter .small .term}');
    // Letters and digits of every script stay, as New Entry keeps them (the transform's flag `u`).
    assert.equal(await chapterFor('大規模 言語モデル (LLM)'), '## 大規模 言語モデル (LLM) {#大規模-言語モデル .chapter .small .term}');
    assert.equal(await chapterFor('٣ أبعاد'), '## ٣ أبعاد {id="٣-أبعاد" .chapter .small .term}');
  });

  it('finds the links to an id in every file', async () => {
    const document = await openFile('Attention.md');
    const locations = await vscode.commands.executeCommand('vscode.executeReferenceProvider', document.uri, positionOf(document, '{#Attention', 2));
    const files = [...new Set(locations.map((location) => location.uri.path.split('/').pop()))].sort();
    assert.deepEqual(files, ['000-index.txt', 'Attention.md', 'Embedding.md', 'Transformer.md']); // with the heading itself
  });

  it("keeps a file's problems when its editor tab closes", async () => {
    const document = await openFile('Transformer.md');
    await diagnosticsWithCode(document.uri, 'broken-link');
    const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input?.uri?.toString() === document.uri.toString());
    await vscode.window.tabGroups.close(tabs);
    // VS Code keeps the document itself open a while: the tab is what the client's diagnostics
    // follow, and a removal of the file's problems would follow its close at once. A second for it.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    assert.equal(vscode.languages.getDiagnostics(document.uri).filter((d) => d.code === 'broken-link').length, 1);
  });

  it('reports a broken link in a file that is not open, with the closest id', async () => {
    const [diagnostic] = await diagnosticsWithCode(fileUri('Transformer.md'), 'broken-link');
    assert.equal(diagnostic.message, 'No heading defines the id "Tokeniser". Perhaps meant: Tokenizer.');
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
  });
});
