// "Do not suggest links to #Id" in Neovim, whose workspace edits cannot create files: with no
// .glossary.json yet, the quick fix's command has the server write it, and the hint goes.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, it } from 'node:test';
import { runNvimLsp } from './nvim-lsp.mjs';

const REPO = path.resolve(import.meta.dirname, '..', '..');
const SERVER = [process.execPath, path.join(REPO, 'dist', 'glossary.js'), 'lsp', '--stdio'];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-nvim-ignore-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

const entry = (title, body) =>
  `## ${title} {#${title} .chapter .small .term}\n\n***${title} in einem Satz.***\n\n${body}\n\n### Verwandte Themen {.seealso}\n\n[Index](#Index) |\n\n----\n`;

it('the quick fix "Do not suggest links" writes .glossary.json in Neovim when there is none, and the hint goes', { timeout: 60_000 }, async () => {
  const root = path.join(tmp, 'glossary');
  fs.mkdirSync(root);
  fs.writeFileSync(path.join(root, 'Index.md'), '# Index {#Index}\n');
  fs.writeFileSync(path.join(root, 'TensorFlow.md'), entry('TensorFlow', 'Ein Framework.'));
  fs.writeFileSync(path.join(root, 'Keras.md'), entry('Keras', 'Mit TensorFlow gebaut.'));
  const nvim = await runNvimLsp({
    command: SERVER,
    root,
    cwd: REPO,
    timeoutMs: 40_000,
    steps: [
      { open: 'Keras.md' },
      { diagnostics: 'Keras.md', match: '#TensorFlow' },
      {
        file: 'Keras.md',
        at: 'TensorFlow gebaut',
        lua: `local bufnr = vim.api.nvim_get_current_buf()
          local row = vim.api.nvim_win_get_cursor(0)[1] - 1
          local params = vim.lsp.util.make_range_params()
          params.context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr, row) }
          local actions = {}
          for _, response in pairs(vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 5000) or {}) do actions = response.result or {} end
          local titles, executed = {}, vim.NIL
          for _, action in ipairs(actions) do
            table.insert(titles, action.title)
            if action.title == 'Do not suggest links to #TensorFlow (in .glossary.json)' then
              for _, response in pairs(vim.lsp.buf_request_sync(bufnr, 'workspace/executeCommand', action.command, 5000) or {}) do executed = response.result or response.err end
            end
          end
          return { titles = titles, executed = executed }`,
      },
      { diagnostics: 'Keras.md', without: '#TensorFlow' },
    ],
  });
  const [, , fix, after] = nvim.steps;
  assert.equal(fix.error, undefined, fix.error);
  assert.ok(fix.result.titles.includes('Do not suggest links to #TensorFlow (in .glossary.json)'), JSON.stringify(fix.result.titles));
  const config = path.join(root, '.glossary.json');
  assert.deepEqual(fix.result.executed, { uri: `file://${config}`, written: true });
  assert.equal(fs.readFileSync(config, 'utf8'), '{\n  "ignoreMentionsOf": ["TensorFlow"]\n}\n');
  assert.equal(after.error, undefined, 'the hint to link TensorFlow is gone from Keras.md');
});
