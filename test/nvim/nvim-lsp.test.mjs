// Smoke test of the Neovim harness: Neovim's built-in LSP client against a tiny stdio server
// (test/nvim/mini-lsp-server.js) on test/fixtures/smoke. When the glossary server is built, the
// same runNvimLsp() call with ['node', 'dist/glossary.js', 'lsp', '--stdio'] checks it.
//
//   node --test test/nvim/
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { checkNvim, runNvimLsp } from './nvim-lsp.mjs';

const ROOT = path.resolve(import.meta.dirname, '..', 'fixtures', 'smoke');
const SERVER = [process.execPath, path.join(import.meta.dirname, 'mini-lsp-server.js'), '--stdio'];
const uri = (name) => pathToFileURL(path.join(ROOT, name)).href;

test('Neovim is installed and has the built-in LSP client', () => {
  const info = checkNvim();
  assert.match(info.version, /^0\.(7|8|9|1\d)\./);
  assert.equal(info.lsp, true);
});

test('Neovim talks LSP to a stdio server: hover, definition, completion, diagnostics, edits', async () => {
  const r = await runNvimLsp({
    command: SERVER,
    root: ROOT,
    steps: [
      { open: 'Smoke-Test.md' },
      { diagnostics: 'Smoke-Test.md', min: 2 },
      { request: 'textDocument/hover', file: 'Smoke-Test.md', at: '#Other-Entry', offset: 2 },
      { request: 'textDocument/definition', file: 'Smoke-Test.md', at: '#Other-Entry', offset: 2 },
      { request: 'textDocument/completion', file: 'Smoke-Test.md', line: 0, character: 0 },
      // Positions after non-ASCII text are counted in UTF-16 code units.
      { request: 'textDocument/hover', file: 'Other-Entry.md', at: '#Smoke-Test', occurrence: 2, offset: 1 },
      // Fix the broken link; the server publishes the shorter list.
      { edit: 'Smoke-Test.md', line: 3, text: 'It links to [Other Entry](#Other-Entry) only.' },
      { sleep: 300 },
      { diagnostics: 'Smoke-Test.md' },
    ],
  });
  assert.equal(r.ok, true);
  assert.deepEqual(r.serverInfo, { name: 'mini-lsp', version: '0.0.1' });
  assert.equal(r.capabilities.hoverProvider, true);
  const errors = r.steps.filter((s) => s.error);
  assert.deepEqual(errors, []);
  const [, diags, hover, definition, completion, utf16Hover, , , diagsAfterEdit] = r.steps.map((s) => s.result);

  assert.deepEqual(
    diags.map((d) => [d.code, d.message, d.range.start.line]),
    [
      ['missing-id', 'No entry defines #Missing-Entry', 3],
      ['missing-id', 'No entry defines #Index', 8],
    ],
  );
  assert.deepEqual(hover.contents, { kind: 'markdown', value: '**#Other-Entry**' });
  assert.deepEqual(definition, {
    uri: uri('Other-Entry.md'),
    range: { start: { line: 0, character: 17 }, end: { line: 0, character: 28 } },
  });
  assert.deepEqual(completion.map((c) => c.label).sort(), ['Other-Entry', 'Smoke-Test']);

  const line = 'Über 🙂 Größe: [Smoke Test](#Smoke-Test), for positions counted in UTF-16.';
  const start = line.indexOf('#Smoke-Test') + 1; // JS string indexes are UTF-16 code units
  assert.deepEqual(utf16Hover.contents.value, '**#Smoke-Test**');
  assert.deepEqual(utf16Hover.range.start, { line: 3, character: start });

  assert.deepEqual(diagsAfterEdit.map((d) => d.message), ['No entry defines #Index']);
  assert.deepEqual(r.exit, { code: 0, signal: 0 });
});
