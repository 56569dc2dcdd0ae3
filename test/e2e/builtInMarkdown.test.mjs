// The offer to turn off VS Code's own Markdown link suggestions, in the real VS Code UI: once the
// folder shows itself a glossary, a notification says that VS Code suggests ids after `](#` that
// Pandoc does not give; "Turn Off Here" writes the folder's settings, and after `](#` only the
// glossary's ids are suggested.
//
//   node --test test/e2e/builtInMarkdown.test.mjs     (screenshots in out/e2e-results/built-in-markdown/)
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { openWorkbench } from './workbench.mjs';

const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');

test("the offer to turn off VS Code's own link suggestions writes the folder's settings, and only the glossary's ids are suggested", { timeout: 180000 }, async () => {
  const wb = await openWorkbench({
    name: 'built-in-markdown',
    workspace: path.join(REPO_ROOT, 'example', 'glossary'),
    extensionDevelopmentPath: REPO_ROOT,
    // VS Code's default, which the other tests turn off.
    settings: { 'markdown.suggest.paths.enabled': undefined },
  });
  try {
    await wb.openFile('LLM.md');
    const toast = wb.page.locator('.notification-toast').filter({ hasText: 'suggests ids after "](#" that Pandoc does not give' });
    await toast.waitFor({ state: 'visible', timeout: 30000 });
    await wb.screenshot('offer');
    await toast.getByRole('button', { name: 'Turn Off Here' }).click();
    const settingsFile = path.join(wb.folder, '.vscode', 'settings.json');
    await wb.waitFor(() => fs.existsSync(settingsFile) && JSON.parse(fs.readFileSync(settingsFile, 'utf8'))['markdown.suggest.paths.enabled'] === false, {
      timeout: 15000,
      what: 'markdown.suggest.paths.enabled false in .vscode/settings.json',
    });

    await wb.clickText('### Training');
    await wb.pressKey('End');
    await wb.pressKey('Enter');
    await wb.type('See [the training](#');
    const labels = await wb.waitFor(async () => {
      const shown = await wb.suggestions();
      return shown.length > 0 && shown;
    }, { what: 'suggestions after ](#' });
    await wb.screenshot('suggestions');
    assert.ok(labels.includes('Transformer'), `the glossary's ids are suggested: ${labels.join(', ')}`);
    assert.deepEqual(labels.filter((label) => label.startsWith('#')), [], "VS Code's own suggestions are gone");
  } finally {
    await wb.close();
  }
});
