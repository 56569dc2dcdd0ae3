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

it('a quick fix that edits a closed file is resolved when picked in Neovim, from that file as it is then', { timeout: 60_000 }, async () => {
  const root = path.join(tmp, 'resolve');
  fs.cpSync(path.join(REPO, 'example', 'glossary'), root, { recursive: true });
  fs.writeFileSync(path.join(root, '.glossary.json'), JSON.stringify({ include: ['**/*.md', '**/*.txt'], indexFile: '000-index.txt', severity: { 'seealso-not-reciprocal': 'warning' } }));
  fs.writeFileSync(
    path.join(root, 'Quantization.md'),
    '## Quantization {#Quantization .chapter .small .term}\n\n***Fewer bits per weight.***\n\n### Related and other interesting topics: {.seealso}\n\n[Fine-Tuning](#Fine-Tuning) |\n[Index](#Index) |\n\n----\n',
  );
  const other = path.join(root, 'Fine-Tuning.md');
  const changed = fs.readFileSync(other, 'utf8').replace('### Related', 'A second paragraph.\n\n### Related');
  const title = 'Add "Quantization" to the see-also list of "Fine-Tuning"';
  // vim.lsp.buf.code_action() as the writer runs it; the pick is made while another program changes Fine-Tuning.md.
  const pick = `local picked = vim.NIL
    vim.ui.select = function(items, _, on_choice)
      for i, item in ipairs(items) do
        if item[2].title == ${JSON.stringify(title)} then
          picked = { hadEdit = item[2].edit ~= nil }
          local file = assert(io.open(${JSON.stringify(other)}, 'w'))
          file:write(${JSON.stringify(changed)})
          file:close()
          return on_choice(item, i)
        end
      end
      on_choice(nil, nil)
    end
    vim.lsp.buf.code_action()
    local text = function()
      local bufnr = vim.fn.bufnr(${JSON.stringify(other)})
      return bufnr > 0 and table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\\n') or ''
    end
    vim.wait(10000, function() return text():find('[Quantization]', 1, true) ~= nil end, 20)
    return { picked = picked, text = text() }`;
  const nvim = await runNvimLsp({
    command: SERVER,
    root,
    cwd: REPO,
    timeoutMs: 40_000,
    steps: [{ open: 'Quantization.md' }, { diagnostics: 'Quantization.md', match: 'seealso-not-reciprocal' }, { lua: pick, file: 'Quantization.md', at: '[Fine-Tuning]' }],
  });
  const [, , fix] = nvim.steps;
  assert.equal(fix.error, undefined, fix.error);
  assert.deepEqual(fix.result.picked, { hadEdit: false }, 'offered without its edit');
  assert.equal(`${fix.result.text}\n`, changed.replace('[Perplexity](#Perplexity) |', '[Perplexity](#Perplexity) |\n[Quantization](#Quantization) |'));
});

it('Neovim started on a single file, without a root: the entry opened brings its folder, whose closed files are checked and linked', { timeout: 60_000 }, async () => {
  const root = path.join(tmp, 'single-file');
  fs.cpSync(path.join(REPO, 'example', 'glossary'), root, { recursive: true });
  const nvim = await runNvimLsp({
    command: SERVER,
    root,
    noRoot: true,
    cwd: REPO,
    timeoutMs: 40_000,
    steps: [{ open: 'Transformer.md' }, { diagnostics: 'Transformer.md', match: 'broken-link' }, { request: 'textDocument/definition', file: 'Transformer.md', at: '(#Attention)', offset: 3 }],
  });
  const [, diagnostics, definition] = nvim.steps;
  assert.equal(diagnostics.error, undefined, diagnostics.error);
  assert.equal(definition.error, undefined, definition.error);
  assert.deepEqual([definition.result].flat().map((location) => path.basename(location.uri ?? location.targetUri)), ['Attention.md']);
  // A closed file of the folder has its diagnostics too: Embedding.md's unsorted see-also list.
  const embedding = Object.entries(nvim.diagnostics).find(([uri]) => uri.endsWith('/Embedding.md'))?.[1] ?? [];
  assert.ok(embedding.some((diagnostic) => diagnostic.code === 'seealso-unsorted'), JSON.stringify(Object.keys(nvim.diagnostics)));
});
