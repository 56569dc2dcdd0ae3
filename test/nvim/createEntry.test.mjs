// "Create entry" in Neovim, whose workspace edits cannot create files (it announces resource
// operations without `documentChanges`): the quick fix's command has the server write the file.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, it } from 'node:test';
import { runNvimLsp } from './nvim-lsp.mjs';

const REPO = path.resolve(import.meta.dirname, '..', '..');
const SERVER = [process.execPath, path.join(REPO, 'dist', 'glossary.js'), 'lsp', '--stdio'];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-nvim-create-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

it('the quick fix "Create entry" for a broken link writes the entry file in Neovim, and the link is no longer broken', { timeout: 60_000 }, async () => {
  const root = path.join(tmp, 'glossary');
  fs.cpSync(path.join(REPO, 'example', 'glossary'), root, { recursive: true });
  const nvim = await runNvimLsp({
    command: SERVER,
    root,
    cwd: REPO,
    timeoutMs: 40_000,
    steps: [
      { open: 'Transformer.md' },
      { diagnostics: 'Transformer.md', match: '"Tokeniser"' },
      {
        // As vim.lsp.buf.code_action() asks (the line's diagnostics as context) and runs a command action.
        file: 'Transformer.md',
        at: '[Tokeniser](#Tokeniser)',
        lua: `local bufnr = vim.api.nvim_get_current_buf()
          local row = vim.api.nvim_win_get_cursor(0)[1] - 1
          local params = vim.lsp.util.make_range_params()
          params.context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr, row) }
          local actions = {}
          for _, response in pairs(vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 5000) or {}) do actions = response.result or {} end
          local titles, executed = {}, vim.NIL
          for _, action in ipairs(actions) do
            table.insert(titles, action.title)
            if action.title == 'Create entry "Tokeniser"' then
              for _, response in pairs(vim.lsp.buf_request_sync(bufnr, 'workspace/executeCommand', action.command, 5000) or {}) do executed = response.result or response.err end
            end
          end
          return { titles = titles, executed = executed }`,
      },
      { diagnostics: 'Transformer.md', without: '"Tokeniser"' },
    ],
  });
  const [, , fix, after] = nvim.steps;
  assert.equal(fix.error, undefined, fix.error);
  assert.ok(fix.result.titles.includes('Create entry "Tokeniser"'), JSON.stringify(fix.result.titles));
  const created = path.join(root, 'Tokeniser.md');
  assert.deepEqual(fix.result.executed, { uri: `file://${created}` });
  assert.match(fs.readFileSync(created, 'utf8'), /^## Tokeniser \{#Tokeniser \.chapter \.small \.term\}\n/);
  assert.equal(after.error, undefined, 'the broken link to #Tokeniser is gone from Transformer.md');
});
