// The Glossary commands in the real VS Code UI: a folder of other Markdown (a project's README and
// notes) gets only Restart Server in the command palette; once the folder gets a `.glossary.json`,
// it is a glossary and all of them are listed; on a `.txt` file, Show Links to This Id only when it
// is the index page.
//
//   node --test test/e2e/plainFolder.test.mjs     (screenshots in out/e2e-results/plain-folder/)
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { openWorkbench } from './workbench.mjs';

const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');

test('the command palette lists the Glossary commands only in a glossary', { timeout: 180000 }, async () => {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-plain-'));
  fs.cpSync(path.join(REPO_ROOT, 'test', 'fixtures', 'plain'), workspace, { recursive: true });
  // Two .txt files: an index page, which a glossary reads, and a note, which it leaves alone.
  fs.writeFileSync(path.join(workspace, 'todo.txt'), 'Write the glossary.\n');
  fs.writeFileSync(path.join(workspace, '000-index.txt'), '# Index {#Index}\n\n### N {.index}\n');
  const wb = await openWorkbench({ name: 'plain-folder', workspace, copyWorkspace: false, extensionDevelopmentPath: REPO_ROOT });
  try {
    await wb.openFile('README.md');
    // The server has read the folder when its hover tells the broken link; no glossary, so the Problems panel lists none.
    await wb.hover('usage', { match: /Broken link/, timeout: 60000 });
    assert.deepEqual((await wb.problems()).filter((row) => row.kind === 'problem' && /No heading defines the id/.test(row.text)), []);
    // The server runs for any Markdown (its hovers and links): it can be restarted.
    assert.deepEqual(await wb.paletteCommands('Glossary:'), ['Glossary: Restart Server']);
    await wb.screenshot('no-glossary-commands');

    fs.writeFileSync(path.join(workspace, '.glossary.json'), '{}\n');
    const listed = await wb.waitFor(
      async () => {
        const labels = await wb.paletteCommands('Glossary:');
        return labels.includes('Glossary: New Entry…') && labels;
      },
      { timeout: 30000, what: 'the Glossary commands after .glossary.json was created' },
    );
    assert.deepEqual(
      [...listed].sort(),
      [
        'Glossary: New Entry…',
        'Glossary: Restart Server',
        'Glossary: Show Links to This Id',
        'Glossary: Show Missing Entries',
        'Glossary: Show Report',
        "Glossary: Turn Off VS Code's Markdown Link Suggestions Here",
      ],
    );

    // Of the .txt files, only the index page has ids to show the links to.
    // (The palette matches loosely: the other Glossary commands are listed too.)
    const showLinks = 'Glossary: Show Links to This Id';
    await wb.openFile('todo.txt');
    assert.ok(!(await wb.paletteCommands('Glossary: Show Links')).includes(showLinks), 'Show Links to This Id is listed on todo.txt');
    await wb.openFile('000-index.txt');
    assert.ok((await wb.paletteCommands('Glossary: Show Links')).includes(showLinks), 'Show Links to This Id is not listed on the index page');
  } finally {
    await wb.close();
    fs.rmSync(workspace, { recursive: true, force: true });
  }
});
