// Quick fixes whose command has the server write a file, in Neovim, whose workspace edits cannot
// create files (it announces resource operations without `documentChanges`): "Create entry" for a
// broken link, and "Do not suggest links to #Id" when the glossary has no .glossary.json yet.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, it } from 'node:test';
import { codeActionCommandStep, runNvimLsp } from './nvim-lsp.mjs';

const REPO = path.resolve(import.meta.dirname, '..', '..');
const SERVER = [process.execPath, path.join(REPO, 'dist', 'glossary.js'), 'lsp', '--stdio'];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-nvim-commands-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

/**
 * Opens `file` in Neovim on the glossary in `root`, waits for a diagnostic matching `diagnostic`,
 * runs the command of the quick fix `title` at `at`, and waits until that diagnostic is gone.
 * Returns what the command answered.
 */
async function runQuickFix({ root, file, diagnostic, at, title }) {
  const nvim = await runNvimLsp({
    command: SERVER,
    root,
    cwd: REPO,
    timeoutMs: 40_000,
    steps: [{ open: file }, { diagnostics: file, match: diagnostic }, codeActionCommandStep({ file, at, title }), { diagnostics: file, without: diagnostic }],
  });
  const [, , fix, gone] = nvim.steps;
  assert.equal(fix.error, undefined, fix.error);
  assert.ok(fix.result.titles.includes(title), JSON.stringify(fix.result.titles));
  assert.equal(gone.error, undefined, `the diagnostic ${diagnostic} is gone from ${file}`);
  return fix.result.executed;
}

it('the quick fix "Create entry" for a broken link writes the entry file in Neovim, and the link is no longer broken', { timeout: 60_000 }, async () => {
  const root = path.join(tmp, 'example');
  fs.cpSync(path.join(REPO, 'example', 'glossary'), root, { recursive: true });
  const executed = await runQuickFix({ root, file: 'Transformer.md', diagnostic: '"Tokeniser"', at: '[Tokeniser](#Tokeniser)', title: 'Create entry "Tokeniser"' });
  const created = path.join(root, 'Tokeniser.md');
  assert.deepEqual(executed, { uri: `file://${created}` });
  assert.match(fs.readFileSync(created, 'utf8'), /^## Tokeniser \{#Tokeniser \.chapter \.small \.term\}\n/);
});

const entry = (term, body) =>
  `## ${term} {#${term} .chapter .small .term}\n\n***${term} in einem Satz.***\n\n${body}\n\n### Verwandte Themen {.seealso}\n\n[Index](#Index) |\n\n----\n`;

it('the quick fix "Do not suggest links" writes .glossary.json in Neovim when there is none, and the hint goes', { timeout: 60_000 }, async () => {
  const root = path.join(tmp, 'without-settings');
  fs.mkdirSync(root);
  fs.writeFileSync(path.join(root, 'Index.md'), '# Index {#Index}\n');
  fs.writeFileSync(path.join(root, 'TensorFlow.md'), entry('TensorFlow', 'Ein Framework.'));
  fs.writeFileSync(path.join(root, 'Keras.md'), entry('Keras', 'Mit TensorFlow gebaut.'));
  const title = 'Do not suggest links to #TensorFlow (in .glossary.json)';
  const executed = await runQuickFix({ root, file: 'Keras.md', diagnostic: '#TensorFlow', at: 'TensorFlow gebaut', title });
  const config = path.join(root, '.glossary.json');
  assert.deepEqual(executed, { uri: `file://${config}`, written: true });
  assert.equal(fs.readFileSync(config, 'utf8'), '{\n  "ignoreMentionsOf": ["TensorFlow"]\n}\n');
});
