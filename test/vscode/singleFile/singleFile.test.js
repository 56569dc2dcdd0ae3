'use strict';
// VS Code without a workspace folder: the entry the writer opens brings its folder as the glossary,
// so that its links lead into the files beside it and their problems are listed too.
const assert = require('node:assert/strict');
const path = require('node:path');
const vscode = require('vscode');
const { activateGlossary, waitFor } = require('../glossaryWorkspace');

const folder = process.env.GLOSSARY_VSCODE_FILES;
const uriOf = (name) => vscode.Uri.file(path.join(folder, name));
const codes = (name) => vscode.languages.getDiagnostics(uriOf(name)).filter((diagnostic) => diagnostic.source === 'glossary').map((diagnostic) => diagnostic.code);

describe('an entry opened in a window without a folder', () => {
  it('brings its folder: the link leads to the entry beside it, and the closed files are checked', async () => {
    assert.ok(folder, 'GLOSSARY_VSCODE_FILES names the folder (runTest.js --no-folder)');
    assert.equal(vscode.workspace.workspaceFolders, undefined, 'the window has no folder');
    const document = await vscode.workspace.openTextDocument(uriOf('Transformer.md'));
    await vscode.window.showTextDocument(document);
    const api = await activateGlossary();
    await waitFor(() => api.status()?.state === 'ready' && api.status().entryCount > 1, 'the entry\'s folder to be read');
    await waitFor(() => codes('Transformer.md').includes('broken-link'), 'the broken link of the open entry');
    await waitFor(() => codes('Embedding.md').includes('seealso-unsorted'), 'the problem of a closed file beside it');
    const at = document.positionAt(document.getText().indexOf('(#Attention)') + 3);
    const locations = await vscode.commands.executeCommand('vscode.executeDefinitionProvider', document.uri, at);
    assert.deepEqual(locations.map((location) => path.basename((location.targetUri ?? location.uri).fsPath)), ['Attention.md']);
  });
});
