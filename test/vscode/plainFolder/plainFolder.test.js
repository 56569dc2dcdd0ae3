'use strict';
// The extension installed and a project's Markdown open: no glossary, so nothing is reported and
// no status bar item shows; the folder becomes a glossary with its first entry.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const vscode = require('vscode');
const { activateGlossary, fileUri, openFile, waitFor } = require('../glossaryWorkspace');

const ours = (uri) => vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'glossary');

describe('a folder without entries', () => {
  it('gets no diagnostics and no status bar item, though the server reads its links', async () => {
    const api = await activateGlossary();
    await openFile('README.md');
    await waitFor(() => api.status()?.state === 'ready', 'the server to have read the folder');
    // `#usage` leads nowhere, as the status counts: a project's links may be written for GitHub's heading ids, not pandoc's.
    assert.deepEqual(api.status(), { state: 'ready', entryCount: 0, fileCount: 2, brokenLinkCount: 1, hasConfigFile: false });
    assert.equal(api.statusBarShown(), false);
    assert.deepEqual(ours(fileUri('README.md')), []);
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

  // Last: once the folder has shown itself a glossary, the client treats renames in it as the glossary's.
  it('reports the links of its Markdown once an entry makes it a glossary, and nothing again when that entry is gone', async () => {
    const api = await activateGlossary();
    const entry = fileUri('Entry.md').fsPath;
    fs.writeFileSync(entry, '## Entry {#Entry .chapter .small .term}\n\nText.\n');
    try {
      const readme = await waitFor(() => ours(fileUri('README.md')).length > 0 && ours(fileUri('README.md')), 'README.md to be checked once the folder holds an entry');
      // The glossary's rules too: a .md file of a glossary is an entry's.
      assert.deepEqual(readme.map((diagnostic) => diagnostic.code).sort(), ['broken-link', 'fence-style', 'missing-chapter-heading']);
      await waitFor(() => api.status().entryCount === 1, 'the status to count the entry');
    } finally {
      fs.rmSync(entry, { force: true });
    }
    await waitFor(() => api.status()?.entryCount === 0 && ours(fileUri('README.md')).length === 0, "README.md's diagnostics to go with the folder's last entry");
  });
});
