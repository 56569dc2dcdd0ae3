// The quick fix "Do not suggest links to #Id" in the real VS Code UI when `.glossary.json` has
// changes that are not saved: the notification's "Save and Continue" saves the writer's change and
// adds the id, where the fix would otherwise have been lost.
//
//   node --test test/e2e/ignoreMentions.test.mjs     (screenshots in out/e2e-results/ignore-mentions/)
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { openWorkbench } from './workbench.mjs';

const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');

test('"Do not suggest links" with .glossary.json unsaved: Save and Continue saves it and adds the id', { timeout: 180000 }, async () => {
  const wb = await openWorkbench({
    name: 'ignore-mentions',
    workspace: path.join(REPO_ROOT, 'example', 'glossary'),
    extensionDevelopmentPath: REPO_ROOT,
    // As on the desktop: VS Code in the browser would save the writer's change after a delay.
    settings: { 'files.autoSave': 'off' },
  });
  const config = path.join(wb.folder, '.glossary.json');
  const before = fs.readFileSync(config, 'utf8');
  try {
    // The writer has typed in .glossary.json without saving.
    await wb.openFile('.glossary.json');
    await wb.goTo(1, 2);
    await wb.type(' ');

    // An unlinked mention of Tokenizer in another entry.
    await wb.openFile('Perplexity.md');
    await wb.goTo(7, 1);
    await wb.type('A Tokenizer cuts the text first.');
    await wb.pressKey('Enter');
    await wb.goTo(7, 4);
    await wb.chooseQuickFix('Do not suggest links to #Tokenizer (in .glossary.json)');

    const toast = wb.page.locator('.notification-toast').filter({ hasText: 'Save .glossary.json first' });
    await toast.waitFor({ state: 'visible', timeout: 15000 });
    await wb.screenshot('save-first');
    assert.equal(fs.readFileSync(config, 'utf8'), before, 'nothing is written before the writer answers');
    await toast.getByRole('button', { name: 'Save and Continue' }).click();

    const saved = await wb.waitFor(
      () => {
        const text = fs.readFileSync(config, 'utf8');
        return text.includes('"ignoreMentionsOf": ["Tokenizer"]') && text;
      },
      { timeout: 20000, what: 'Tokenizer in ignoreMentionsOf of .glossary.json on disk' },
    );
    assert.ok(saved.startsWith('{ \n'), `the writer's change is saved with the fix: ${JSON.stringify(saved)}`);
    await wb.screenshot('saved');
  } finally {
    await wb.close();
  }
});
