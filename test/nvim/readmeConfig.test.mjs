// The README's configuration for Neovim 0.7, as a writer copies it into init.lua: the server starts
// once for the glossary, its diagnostics arrive, completion goes through 'omnifunc', and the
// settings the configuration gives reach the server.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, it } from 'node:test';

const REPO = path.resolve(import.meta.dirname, '..', '..');
const NVIM = process.env.GLOSSARY_NVIM || 'nvim';
/** `vim.diagnostic.severity.ERROR` and `.WARN`. */
const [vimError, vimWarning] = [1, 2];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-nvim-readme-'));
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** The Lua block of the README that follows its "Neovim 0.7" paragraph, with this repository's path. */
function readmeConfiguration() {
  const readme = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8');
  const block = /\nNeovim 0\.7 \(Debian 12's[\s\S]*?```lua\n([\s\S]*?)```/.exec(readme);
  assert.ok(block, 'the README has a Lua block for Neovim 0.7');
  return block[1].replaceAll('/path/to/pandoc-glossary', REPO);
}

/**
 * Opens Transformer.md of a copy of the example glossary in Neovim with `init` as init.lua, waits
 * for its diagnostics (or 10 s), then opens a second entry; what Neovim then holds.
 */
function openEntries(init) {
  const root = fs.mkdtempSync(path.join(tmp, 'glossary-'));
  fs.cpSync(path.join(REPO, 'example', 'glossary'), root, { recursive: true });
  fs.writeFileSync(path.join(tmp, 'init.lua'), init);
  const script = path.join(tmp, 'check.lua');
  fs.writeFileSync(
    script,
    `local shown = {}
local show = vim.lsp.handlers['window/showMessage']
vim.lsp.handlers['window/showMessage'] = function(err, result, ctx, config)
  table.insert(shown, result.message)
  return show(err, result, ctx, config)
end
vim.cmd('edit Transformer.md')
vim.wait(10000, function() return #vim.diagnostic.get(0) > 0 end, 100)
local codes, severities = {}, {}
for _, diagnostic in ipairs(vim.diagnostic.get(0)) do
  table.insert(codes, diagnostic.code)
  table.insert(severities, diagnostic.severity)
end
local omnifunc = vim.bo.omnifunc
vim.cmd('edit LLM.md')
vim.wait(2000, function() return #vim.lsp.buf_get_clients(0) > 0 end, 100)
io.stdout:write(vim.fn.json_encode({ codes = codes, severities = severities, omnifunc = omnifunc, clients = #vim.lsp.get_active_clients(), attached = #vim.lsp.buf_get_clients(0), shown = #shown > 0 and shown or vim.NIL }))
vim.cmd('qall!')
`,
  );
  const run = spawnSync(NVIM, ['--headless', '-u', path.join(tmp, 'init.lua'), '-i', 'NONE', '-n', '-c', `luafile ${script}`], { cwd: root, encoding: 'utf8', timeout: 40_000 });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout);
}

it("the README's Neovim 0.7 configuration starts one server for the glossary, with diagnostics, omnifunc and settings", { timeout: 60_000 }, () => {
  const configuration = readmeConfiguration();
  // Transformer.md links to #Tokeniser, which no entry defines.
  // No message either: Neovim sends the empty table of `glossary = {}` as [], which is no settings.
  assert.deepEqual(openEntries(configuration), { codes: ['broken-link'], severities: [vimError], omnifunc: 'v:lua.vim.lsp.omnifunc', clients: 1, attached: 1, shown: null });
  const settings = 'init_options = { glossary = {} },';
  assert.ok(configuration.includes(settings), 'the configuration gives the server its settings');
  // The settings hold from the first diagnostics on: the glossary is not read a second time with them.
  const lowered = openEntries(configuration.replace(settings, "init_options = { glossary = { severity = { ['broken-link'] = 'warning' } } },"));
  assert.deepEqual(lowered.codes, ['broken-link']);
  assert.deepEqual(lowered.severities, [vimWarning]);
  assert.equal(lowered.shown, null);
  // Nor does an empty table of severities make one.
  assert.equal(openEntries(configuration.replace(settings, 'init_options = { glossary = { severity = {} } },')).shown, null);
});
