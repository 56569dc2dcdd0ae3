'use strict';
const assert = require('node:assert/strict');
const vscode = require('vscode');
const { activateGlossary, waitFor } = require('../glossaryWorkspace');

describe('status bar', () => {
  it('shows the entries and broken links of the workspace', async () => {
    const api = await activateGlossary();
    // Editors of files that earlier tests created and deleted would still count as open documents.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitFor(() => api.status().entryCount === 7, 'the status to count the seven entries of the fixture');
    assert.equal(api.statusBarText(), '$(book) 7 entries · 1 broken link');
    assert.deepEqual(api.status(), { state: 'ready', entryCount: 7, fileCount: 8, brokenLinkCount: 1, hasConfigFile: true });
  });
});
