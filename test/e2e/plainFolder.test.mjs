// The Glossary commands in the real VS Code UI: a folder of other Markdown (a project's README and
// notes) gets only Restart Server in the command palette; once the folder gets a `.glossary.json`,
// it is a glossary and all of them are listed; on a `.txt` file, Show Links to This Id only when it
// is the index page. An empty folder, where a glossary begins, gets New Entry…, which starts it,
// and the new entry's link to #Index a quick fix that creates the index page.
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

test('in an empty folder the command palette offers New Entry…, which begins the glossary, and a quick fix its index page', { timeout: 180000 }, async () => {
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-empty-'));
  // No Markdown yet, only what a new repository has (the workbench is ready when the explorer lists a file).
  fs.writeFileSync(path.join(workspace, '.gitignore'), '*.html\n');
  const wb = await openWorkbench({ name: 'empty-folder', workspace, copyWorkspace: false, extensionDevelopmentPath: REPO_ROOT });
  try {
    // Nothing has started the extension: no Markdown file, no .glossary.json.
    await wb.waitFor(async () => (await wb.paletteCommands('Glossary:')).includes('Glossary: New Entry…'), { timeout: 30000, what: 'New Entry… in the palette' });
    assert.deepEqual(await wb.paletteCommands('Glossary:'), ['Glossary: New Entry…']);
    await wb.screenshot('empty-folder-palette');
    await wb.closeQuickInput();
    await wb.runCommand('Glossary: New Entry…');
    const input = wb.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 30000 });
    await input.fill('Neuronales Netz');
    await wb.waitFor(async () => (await wb.page.locator('.quick-input-widget').innerText()).includes('Neuronales-Netz'), { what: 'the proposed id in the input box' });
    await wb.pressKey('Enter');
    const file = path.join(workspace, 'Neuronales-Netz.md');
    await wb.waitFor(async () => (await wb.activeTab()) === 'Neuronales-Netz.md', { timeout: 30000, what: 'the new entry in the editor' });
    await wb.waitFor(() => fs.existsSync(file) && fs.readFileSync(file, 'utf8').length > 0, { what: 'Neuronales-Netz.md on disk' });
    assert.match(fs.readFileSync(file, 'utf8'), /^## Neuronales Netz \{#Neuronales-Netz \.chapter \.small \.term\}/);
    // With its first entry, the folder is a glossary: the status bar counts it and the commands are listed.
    await wb.waitFor(async () => /1 entry/.test(await wb.statusBarText()), { timeout: 30000, what: 'the status bar counting the entry' });
    await wb.waitFor(async () => (await wb.paletteCommands('Glossary:')).includes('Glossary: Show Report'), { what: 'the Glossary commands' });
    await wb.closeQuickInput();
    await wb.screenshot('empty-folder-first-entry');
    // Its see-also list ends with [Index](#Index), and there is no index page yet: a quick fix makes one.
    await wb.pressKey('Escape');
    const indexLine = fs.readFileSync(file, 'utf8').split('\n').findIndex((line) => line.startsWith('[Index](#Index)'));
    await wb.goTo(indexLine + 1, 11);
    await wb.chooseQuickFix('Create the index page 000-index.txt, listing the entry');
    const page = path.join(workspace, '000-index.txt');
    await wb.waitFor(() => fs.existsSync(page) && fs.readFileSync(page, 'utf8').length > 0, { timeout: 20000, what: '000-index.txt on disk' });
    assert.equal(fs.readFileSync(page, 'utf8'), '## Index {#Index}\n\n### N {.index}\n\n[Neuronales Netz](#Neuronales-Netz) |\n');
    // The glossary reads it as its index page: no link is broken any more, and no warning of the index is left.
    await wb.waitFor(async () => /1 entry · 0 broken links/.test(await wb.statusBarText()), { timeout: 30000, what: 'no broken link in the status bar' });
    const indexProblem = /There is no index page|does not list the entry/;
    await wb.waitFor(async () => (await wb.problems()).filter((row) => row.kind === 'problem' && indexProblem.test(row.text)).length === 0, { timeout: 30000, what: 'no index problem left' });
    await wb.screenshot('empty-folder-index-page');
  } finally {
    await wb.close();
    fs.rmSync(workspace, { recursive: true, force: true });
  }
});
