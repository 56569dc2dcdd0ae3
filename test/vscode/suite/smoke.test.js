'use strict';
// Smoke test of the extension-host test infrastructure: the suite runs in a real VS Code 1.100
// extension host (desktop, or code-server through scripts/e2e/code-server-host) with the
// test/fixtures/smoke workspace open and this repository as the extension under development.
const assert = require('node:assert/strict');
const path = require('node:path');
const vscode = require('vscode');

describe('extension host smoke test', () => {
  it('runs in VS Code 1.100', () => {
    assert.match(vscode.version, /^1\.100\./);
  });

  it('opens the fixture workspace', () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.equal(folders.length, 1);
    assert.equal(path.basename(folders[0].uri.fsPath), 'smoke');
  });

  it('opens a Markdown file and reads its diagnostics', async () => {
    const folder = vscode.workspace.workspaceFolders[0];
    const uri = vscode.Uri.joinPath(folder.uri, 'Smoke-Test.md');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);

    assert.equal(doc.languageId, 'markdown');
    assert.equal(doc.lineAt(0).text, '## Smoke Test {#Smoke-Test .chapter .small .term}');
    assert.ok(vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString()));
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
    // The glossary server reports the link to #Missing-Entry, which no heading defines.
    const broken = await new Promise((resolve, reject) => {
      const find = () => vscode.languages.getDiagnostics(uri).find((d) => d.code === 'broken-link' && /Missing-Entry/.test(d.message));
      const timer = setTimeout(() => (listener.dispose(), reject(new Error(`no broken-link diagnostic: ${JSON.stringify(vscode.languages.getDiagnostics(uri))}`))), 30000);
      const listener = vscode.languages.onDidChangeDiagnostics(() => {
        const found = find();
        if (found) (clearTimeout(timer), listener.dispose(), resolve(found));
      });
      const found = find();
      if (found) (clearTimeout(timer), listener.dispose(), resolve(found));
    });
    assert.equal(broken.range.start.line, 3);
  });

  it('knows the extension under development', () => {
    const ext = vscode.extensions.getExtension('pandoc-glossary.pandoc-glossary');
    assert.ok(ext, 'extension pandoc-glossary.pandoc-glossary is not loaded');
    assert.equal(ext.extensionUri.fsPath, path.resolve(__dirname, '..', '..', '..'));
  });
});
