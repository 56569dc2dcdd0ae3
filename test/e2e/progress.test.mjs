// The progress notification while the first index of a large workspace is built, in the real
// VS Code UI: twenty copies of the real glossary (about 7,000 files) take the server several
// seconds, longer than the two after which the extension shows the notification. It goes when the
// status bar counts the entries.
//
//   node --test test/e2e/progress.test.mjs     (screenshots in out/e2e-results/progress/)
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { openWorkbench } from './workbench.mjs';

const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');
const CORPUS = path.resolve(REPO_ROOT, '..', 'shared', 'corpus', 'ki-glossar', 'src', 'de');
const COPIES = 20;

/** The texts of the notification toasts on screen. */
function notifications(wb) {
  return wb.page.evaluate(() => [...document.querySelectorAll('.notification-toast')].map((toast) => toast.innerText.trim()));
}

test('a progress notification shows while a large workspace is indexed and goes when it is ready', { timeout: 240000 }, async () => {
  assert.ok(fs.existsSync(CORPUS), `the real glossary is missing: ${CORPUS}`);
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-large-'));
  for (let copy = 1; copy <= COPIES; copy++) fs.cpSync(CORPUS, path.join(workspace, `copy${copy}`), { recursive: true });
  const wb = await openWorkbench({ name: 'progress', workspace, copyWorkspace: false, extensionDevelopmentPath: REPO_ROOT });
  try {
    await wb.openFile('copy1/ACT-R.md');
    await wb.waitFor(async () => (await notifications(wb)).some((text) => text.includes('Indexing the glossary…')), {
      timeout: 30000,
      what: 'the progress notification',
    });
    await wb.screenshot('indexing');
    assert.match(await wb.statusBarText(), /Indexing the glossary…/);
    await wb.waitFor(async () => /\d+ entries · \d+ broken links/.test(await wb.statusBarText()), { timeout: 180000, what: 'the status bar counts the entries' });
    await wb.waitFor(async () => !(await notifications(wb)).some((text) => text.includes('Indexing the glossary…')), {
      timeout: 5000,
      what: 'the progress notification goes',
    });
    await wb.screenshot('ready');
  } finally {
    await wb.close();
    fs.rmSync(workspace, { recursive: true, force: true });
  }
});
