'use strict';
// Changes on disk and in the settings reach the server.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const vscode = require('vscode');
const { activateGlossary, deleteFile, diagnosticsWithCode, fileUri, openFile, revert, waitFor } = require('../glossaryWorkspace');

describe('changes on disk and in the settings', () => {
  before(activateGlossary);

  it('reads a file that another program writes and forgets it when it is deleted', async () => {
    const written = fileUri('Written-Outside.md');
    fs.writeFileSync(written.fsPath, '## Written Outside {#Written-Outside .chapter .small .term}\n\nSee [nothing](#Nowhere-At-All).\n');
    try {
      const [diagnostic] = await diagnosticsWithCode(written, 'broken-link');
      assert.match(diagnostic.message, /Nowhere-At-All/);
    } finally {
      fs.rmSync(written.fsPath);
    }
    await diagnosticsWithCode(written, 'broken-link', 0);
  });

  it('reports carriage returns without a line feed while the file is closed; VS Code opens it with its line breaks alike, and saving writes them so', async () => {
    const uri = fileUri('Stray-Return.md');
    fs.writeFileSync(uri.fsPath, '## Stray Return {#Stray-Return .chapter .small .term}\n\nText.\r\r### Details {.explanation}\n\nMore.\n');
    try {
      const [diagnostic] = await diagnosticsWithCode(uri, 'lone-carriage-return');
      assert.match(diagnostic.message, /^This line and 1 more of this file end in a carriage return without a line feed/);
      const document = await openFile('Stray-Return.md');
      assert.equal(document.getText().includes('\r'), false, "VS Code's text has line feeds alone");
      await diagnosticsWithCode(uri, 'lone-carriage-return', 0);
      await vscode.commands.executeCommand('workbench.action.files.save');
      assert.equal(fs.readFileSync(uri.fsPath, 'utf8'), '## Stray Return {#Stray-Return .chapter .small .term}\n\nText.\n\n### Details {.explanation}\n\nMore.\n');
    } finally {
      await deleteFile(uri);
    }
  });

  it('leaves out an entry whose file was renamed and deleted, though VS Code keeps its document open', async () => {
    const api = await activateGlossary();
    const created = vscode.Uri.parse(await vscode.commands.executeCommand('glossary.newEntry', 'Sparse Attention'));
    const renamed = fileUri('Sparse-Attn.md');
    const attention = await openFile('Attention.md');
    const brokenToSparse = () => vscode.languages.getDiagnostics(attention.uri).filter((d) => d.code === 'broken-link' && d.message.includes('Sparse-Attention'));
    try {
      const link = new vscode.WorkspaceEdit();
      link.insert(attention.uri, new vscode.Position(2, 0), 'See [Sparse Attention](#Sparse-Attention).\n\n');
      assert.ok(await vscode.workspace.applyEdit(link));
      await waitFor(() => api.status().entryCount === 8, 'the new entry counted');
      // Renamed as the Explorer renames; its tab closed, the document of the new name stays open in VS Code.
      const rename = new vscode.WorkspaceEdit();
      rename.renameFile(created, renamed);
      assert.ok(await vscode.workspace.applyEdit(rename));
      const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input?.uri?.toString() === renamed.toString());
      await vscode.window.tabGroups.close(tabs);
      // Deleted as the Explorer deletes: VS Code tells the server (workspace/didDeleteFiles), for its
      // watcher may merge the file's creation and deletion, so close together, into no event at all.
      const deletion = new vscode.WorkspaceEdit();
      deletion.deleteFile(renamed);
      assert.ok(await vscode.workspace.applyEdit(deletion));
      assert.ok(vscode.workspace.textDocuments.some((d) => d.uri.toString() === renamed.toString()), 'VS Code keeps the document of the deleted file open, with no tab');
      await waitFor(() => brokenToSparse().length === 1 && api.status().entryCount === 7, 'the link to the deleted entry broken, 7 entries');
      // Read anew by a restarted server (its first status is `indexing`), the glossary still leaves it out.
      const statuses = [];
      const listening = api.onDidChangeStatus((status) => statuses.push(status));
      try {
        await vscode.commands.executeCommand('glossary.restartServer');
        const indexing = () => statuses.findIndex((status) => status.state === 'indexing');
        const readAgain = await waitFor(() => indexing() >= 0 && statuses.slice(indexing()).find((status) => status.state === 'ready'), 'the restarted server ready');
        assert.equal(readAgain.entryCount, 7);
      } finally {
        listening.dispose();
      }
      await waitFor(() => brokenToSparse().length === 1, 'the link still broken after the restart');
    } finally {
      await revert(attention);
      await deleteFile(created);
      await deleteFile(renamed);
    }
  });

  it('applies the severity setting, and .glossary.json wins over it as on the command line', async () => {
    const settings = vscode.workspace.getConfiguration('glossary');
    const configFile = fileUri('.glossary.json');
    const original = fs.readFileSync(configFile.fsPath, 'utf8');
    const perplexity = fileUri('Perplexity.md');
    try {
      await settings.update('severity', { 'missing-seealso': 'off' }, vscode.ConfigurationTarget.Workspace);
      await diagnosticsWithCode(perplexity, 'missing-seealso', 0);

      fs.writeFileSync(configFile.fsPath, JSON.stringify({ ...JSON.parse(original), severity: { 'missing-seealso': 'error' } }));
      const [diagnostic] = await diagnosticsWithCode(perplexity, 'missing-seealso');
      assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    } finally {
      fs.writeFileSync(configFile.fsPath, original);
      await settings.update('severity', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor(
      () => vscode.languages.getDiagnostics(perplexity).some((d) => d.code === 'missing-seealso' && d.severity === vscode.DiagnosticSeverity.Warning),
      'the default severity is back',
    );
  });
});
