'use strict';
// The extension installed and a project's Markdown open: no glossary rules, no status bar item,
// but links to headings that do not exist are still reported.
const assert = require('node:assert/strict');
const vscode = require('vscode');
const { activateGlossary, fileUri, openFile, waitFor } = require('../glossaryWorkspace');

describe('a folder without entries', () => {
  it('gets no glossary layout diagnostics and no status bar item, but its broken links', async () => {
    const api = await activateGlossary();
    await openFile('README.md');
    assert.deepEqual(api.status(), { state: 'ready', entryCount: 0, fileCount: 2, brokenLinkCount: 1, hasConfigFile: false });
    assert.equal(api.statusBarShown(), false);
    const ours = (uri) => vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'glossary');
    const readme = await waitFor(() => ours(fileUri('README.md')).length > 0 && ours(fileUri('README.md')), 'README.md has diagnostics');
    assert.deepEqual(readme.map((diagnostic) => diagnostic.code), ['broken-link']);
    assert.deepEqual(ours(fileUri('notes.md')), []);
  });

  it('leaves the rename of a heading to VS Code\'s Markdown support, which the glossary\'s server refuses outside a glossary', async () => {
    const document = await openFile('README.md');
    const heading = document.positionAt(document.getText().indexOf('## Install') + 4);
    // VS Code's Markdown support starts its own language server after the file opens.
    const texts = await waitFor(
      () =>
        Promise.resolve(vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', document.uri, heading, 'Setup')).then(
          (edit) => edit.entries().flatMap(([, edits]) => edits.map((textEdit) => textEdit.newText)),
          () => undefined,
        ),
      "VS Code's Markdown rename to answer",
    );
    // The heading's text, and the link to it by its GitHub-style id.
    assert.deepEqual(texts.sort(), ['Setup', 'setup']);
  });
});
