// Smoke test of the end-to-end infrastructure (test/e2e/workbench.mjs): VS Code 1.100 in
// code-server, driven in Chromium, with a tiny extension packaged into a .vsix at run time, on the
// test/fixtures/smoke workspace. It checks the helpers, not the glossary extension.
//
//   node --test test/e2e/smoke.test.mjs      (screenshots in out/e2e-results/smoke/)
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { openWorkbench } from './workbench.mjs';

const REPO_ROOT = path.resolve(import.meta.dirname, '..', '..');

/** Packages a throwaway extension that shows a status bar item, with vsce from node_modules. */
function packageProbeExtension(dir) {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify({
      name: 'e2e-probe',
      publisher: 'pandoc-glossary-test',
      version: '0.0.1',
      license: 'MIT',
      engines: { vscode: '^1.100.0' },
      activationEvents: ['onStartupFinished'],
      main: './extension.js',
    }),
  );
  fs.writeFileSync(
    path.join(dir, 'extension.js'),
    `const vscode = require('vscode');
exports.activate = (context) => {
  const item = vscode.window.createStatusBarItem('e2e-probe.status', vscode.StatusBarAlignment.Left, 100);
  item.text = 'E2E probe ' + vscode.version;
  item.show();
  context.subscriptions.push(item);
};`,
  );
  fs.writeFileSync(path.join(dir, 'README.md'), '# e2e probe\n');
  const vsix = path.join(dir, 'e2e-probe.vsix');
  execFileSync(
    process.execPath,
    [path.join(REPO_ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--allow-missing-repository', '--skip-license', '-o', vsix],
    { cwd: dir, stdio: 'pipe' },
  );
  return vsix;
}

let wb;
let tmp;

before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-e2e-probe-'));
  const vsix = packageProbeExtension(path.join(tmp, 'probe'));
  wb = await openWorkbench({
    name: 'smoke',
    workspace: path.join(REPO_ROOT, 'test', 'fixtures', 'smoke'),
    vsix,
    // VS Code's own Markdown link validation gives the Problems panel something to show, and its completion suggestions.
    settings: { 'markdown.validate.enabled': true, 'markdown.suggest.paths.enabled': true },
  });
});

after(async () => {
  await wb?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

test('opens a file with Quick Open and shows it in the editor', async () => {
  await wb.openFile('Smoke-Test.md');
  assert.equal(await wb.activeTab(), 'Smoke-Test.md');
  const text = await wb.visibleText();
  assert.match(text, /^## Smoke Test \{#Smoke-Test \.chapter \.small \.term\}$/m);
  await wb.screenshot('opened-smoke-test');
});

test('moves the cursor by clicking on text and reads it from the status bar', async () => {
  await wb.clickText('Other Entry', { at: 0 });
  // Line 4: "It links to [Other Entry](#Other-Entry) ..."; the click lands on "O" or just before it.
  const pos = await wb.waitFor(async () => {
    const p = await wb.cursorPosition();
    return p.line === 4 ? p : undefined;
  }, { timeout: 5000, what: 'the cursor on line 4' });
  assert.ok(pos.column >= 14 && pos.column <= 15, `column ${pos.column}`);
});

test('shows a hover over a link (VS Code Markdown support)', async () => {
  const hover = await wb.hover('#Other-Entry', { match: /follow link/i });
  assert.match(hover, /follow link/i);
  await wb.screenshot('hover-on-link');
});

test('types a link and accepts a suggestion', async () => {
  await wb.clickText('----');
  await wb.pressKey('End');
  await wb.pressKey('Enter');
  await wb.type('See [here](#');
  const labels = await wb.waitFor(async () => {
    const l = await wb.suggestions();
    return l.length ? l : undefined;
  }, { what: 'suggestions after (#' });
  // VS Code's own Markdown completion offers the headings of the file.
  const heading = labels.find((l) => /^#see-also/.test(l));
  assert.ok(heading, JSON.stringify(labels));
  await wb.acceptSuggestion(heading);
  await wb.screenshot('accepted-suggestion');
  // The ")" is there when VS Code's bracket auto-closing kept up with the typing, which varies.
  assert.match(await wb.cursorLineText(), new RegExp(`^See \\[here\\]\\(${heading.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\)?$`));
  await wb.pressKey('Control+Z');
});

test('lists problems in the Problems panel', async () => {
  const rows = await wb.waitFor(
    async () => {
      const r = await wb.problems();
      return r.some((row) => /Missing-Entry/.test(row.text)) ? r : undefined;
    },
    { timeout: 30000, what: "a problem about '#Missing-Entry'" },
  );
  assert.ok(rows.some((r) => r.kind === 'file' && /Smoke-Test\.md/.test(r.text)), JSON.stringify(rows));
  assert.ok(rows.some((r) => r.kind === 'problem' && /Missing-Entry/.test(r.text)), JSON.stringify(rows));
  await wb.screenshot('problems-panel');
  await wb.pressKey('Control+Shift+M'); // close the panel again
});

test('runs a command from the palette and an extension from a .vsix', async () => {
  const items = await wb.waitFor(
    async () => {
      const all = await wb.statusBarItems();
      return all.some((i) => /^E2E probe 1\.100\./.test(i.text)) ? all : undefined;
    },
    { what: 'the probe extension status bar item' },
  );
  assert.ok(items.some((i) => /Ln \d+, Col \d+/.test(i.text)));
  assert.match(await wb.statusBarText(), /E2E probe 1\.100\./);

  await wb.runCommand('View: Toggle Word Wrap');
  await wb.openFile('Other-Entry.md');
  assert.equal(await wb.activeTab(), 'Other-Entry.md');
  await wb.screenshot('other-entry-and-status-bar');
});
