'use strict';
const assert = require('node:assert/strict');
const { activateGlossary } = require('../glossaryWorkspace');

describe('status bar', () => {
  it('shows the entries and broken links of the workspace', async () => {
    const api = await activateGlossary();
    assert.equal(api.statusBarText(), '$(book) 7 entries · 1 broken link');
    assert.deepEqual(api.status(), { state: 'ready', entryCount: 7, fileCount: 8, brokenLinkCount: 1 });
  });
});
