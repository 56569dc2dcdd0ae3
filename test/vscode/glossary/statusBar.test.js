'use strict';
const assert = require('node:assert/strict');
const fs = require('node:fs');
const vscode = require('vscode');
const { glossaryServerUnder, glossaryServersUnder } = require('../../../scripts/e2e/lib/glossaryServer');
const { activateGlossary, fileUri, openFile, positionOf, waitFor, isGlossaryRefusal } = require('../glossaryWorkspace');

/** The glossary server this extension host started. */
const serverPid = () => glossaryServerUnder(process.pid);

describe('status bar', () => {
  it('shows the entries and broken links of the workspace', async () => {
    const api = await activateGlossary();
    // Editors of files that earlier tests created and deleted would still count as open documents.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // A settings change of an earlier test may have begun a reload, which shows "Indexing…" until it ends.
    await waitFor(() => api.status().state === 'ready' && api.status().entryCount === 7, 'the status to count the seven entries of the fixture, indexed');
    assert.equal(api.statusBarText(), '$(book) 7 entries · 1 broken link');
    // A screen reader says the counts, not the icon's name ("book").
    assert.equal(api.statusBarAccessibleLabel(), '7 entries · 1 broken link');
    assert.deepEqual(api.status(), { state: 'ready', entryCount: 7, fileCount: 8, brokenLinkCount: 1, hasConfigFile: true, indexPageUri: fileUri('000-index.txt').toString() });
  });

  it('says that the server stopped when it crashed on starting more often than the client restarts it; a command then fails with a reason and Restart Server brings it back', async function () {
    this.timeout(120000);
    const api = await activateGlossary();
    let pid = await waitFor(serverPid, 'the server process to be found');
    // The client restarts a server that crashes 4 times within 3 minutes, not a fifth time. Each crash
    // comes while the server starts (a bug on loading the glossary would crash it so).
    for (let crash = 1; crash <= 5; crash++) {
      process.kill(pid, 'SIGKILL');
      if (crash < 5) {
        const crashed = pid;
        const restarted = () => {
          const next = serverPid();
          return next !== crashed && next;
        };
        pid = await waitFor(restarted, `the client to restart the server after crash ${crash}`);
      }
    }
    await waitFor(() => api.statusBarText() === '$(error) Glossary server stopped', 'the status bar to say that the server stopped');
    // No server is started again. (The client may tell of the crash while the system still tears the killed process down.)
    await waitFor(() => serverPid() === undefined, 'the killed server to be gone');
    await new Promise((resolve) => setTimeout(resolve, 2000));
    assert.equal(serverPid(), undefined, 'no server is started after the fifth crash');

    // A command that needs the server resolves (VS Code shows why it failed) and creates nothing.
    assert.equal(await vscode.commands.executeCommand('glossary.newEntry', 'Stopped Server'), undefined);
    assert.equal(fs.existsSync(fileUri('Stopped-Server.md').fsPath), false);
    // A rename is refused, not handed to VS Code's Markdown rename, which would write a GitHub-style
    // id into the links and replace the heading's {#id .class} block.
    const document = await openFile('Transformer.md');
    for (const at of [positionOf(document, '(#Attention)', 3), positionOf(document, '{#Transformer', 3)]) {
      await assert.rejects(Promise.resolve(vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', document.uri, at, 'Neu')), isGlossaryRefusal);
    }

    await vscode.commands.executeCommand('glossary.restartServer');
    await waitFor(() => api.statusBarText() === '$(book) 7 entries · 1 broken link', 'the restarted server to report the workspace again');
    assert.ok(serverPid() !== undefined);
    // Running again, the server renames.
    const edit = await vscode.commands.executeCommand('vscode.executeDocumentRenameProvider', document.uri, positionOf(document, '(#Attention)', 3), 'Self-Attention');
    assert.deepEqual(edit.get(fileUri('Attention.md')).map((textEdit) => textEdit.newText), ['Self-Attention']);
    // Restart Server gives the server its restarts back: a crash now is restarted, not the sixth in a row.
    const restartedPid = serverPid();
    process.kill(restartedPid, 'SIGKILL');
    await waitFor(() => serverPid() !== restartedPid && serverPid(), 'the client to restart the server after one more crash');
    await waitFor(() => api.statusBarText() === '$(book) 7 entries · 1 broken link', 'the server to report the workspace again after that crash');
  });

  it('Restart Server run again while the server is still starting waits for that start, and one server runs afterwards', async function () {
    this.timeout(60000);
    const api = await activateGlossary();
    const before = await waitFor(serverPid, 'the server process to be found');
    const states = [];
    const listening = api.onDidChangeStatus((status) => states.push(api.statusBarText()));
    try {
      // The second restart comes while the first one's server is starting.
      const first = vscode.commands.executeCommand('glossary.restartServer');
      await waitFor(() => serverPid() !== before && serverPid(), 'the first restart to start a server');
      await Promise.all([first, vscode.commands.executeCommand('glossary.restartServer')]);
      await waitFor(() => api.statusBarText() === '$(book) 7 entries · 1 broken link', 'the server to report the workspace again');
      assert.ok(!states.includes('$(error) Glossary server stopped'), states.join(' | '));
      assert.equal(glossaryServersUnder(process.pid).length, 1);
    } finally {
      listening.dispose();
    }
  });

  it('Restart Server run twice at once, the second while the server stops, is one restart: no stopped server is shown, one server runs', async function () {
    this.timeout(60000);
    const api = await activateGlossary();
    const before = await waitFor(serverPid, 'the server process to be found');
    await waitFor(() => api.statusBarText() === '$(book) 7 entries · 1 broken link', 'the server to report the workspace');
    const states = [];
    const listening = api.onDidChangeStatus(() => states.push(api.statusBarText()));
    try {
      await Promise.all([vscode.commands.executeCommand('glossary.restartServer'), vscode.commands.executeCommand('glossary.restartServer')]);
      await waitFor(() => api.statusBarText() === '$(book) 7 entries · 1 broken link', 'the server to report the workspace again');
      assert.ok(!states.includes('$(error) Glossary server stopped'), states.join(' | '));
      assert.notEqual(serverPid(), before);
      assert.equal(glossaryServersUnder(process.pid).length, 1);
    } finally {
      listening.dispose();
    }
  });
});
