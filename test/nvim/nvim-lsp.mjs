#!/usr/bin/env node
/**
 * Runs a language server under Neovim's built-in LSP client (test/nvim/harness.lua) and returns
 * what Neovim received. For checking that the server follows the protocol, not only what
 * vscode-languageclient tolerates.
 *
 * As a module:
 *   import { runNvimLsp } from './nvim-lsp.mjs';
 *   const r = await runNvimLsp({
 *     command: ['node', 'dist/glossary.js', 'lsp', '--stdio'],
 *     root: 'test/fixtures/smoke',
 *     steps: [{ open: 'Smoke-Test.md' }, { request: 'textDocument/hover', file: 'Smoke-Test.md', at: '#Other-Entry', offset: 1 }],
 *   });
 *   r.steps[1].result.contents  ...
 *
 * From the shell (prints the JSON result; exit 1 when Neovim or the server failed):
 *   node test/nvim/nvim-lsp.mjs --root test/fixtures/smoke --steps steps.json -- node dist/glossary.js lsp --stdio
 *   node test/nvim/nvim-lsp.mjs --check        Neovim is installed and vim.lsp is available
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HARNESS = fileURLToPath(new URL('./harness.lua', import.meta.url));
const NVIM = process.env.GLOSSARY_NVIM || 'nvim';

/** Neovim's version and whether vim.lsp.start_client exists: { version, lsp }. */
export function checkNvim() {
  const r = spawnSync(
    NVIM,
    ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c',
      "lua io.stdout:write(string.format('%d.%d.%d %s\\n', vim.version().major, vim.version().minor, vim.version().patch, tostring(type(vim.lsp) == 'table' and type(vim.lsp.start_client) == 'function')))",
      '-c', 'qall!'],
    { encoding: 'utf8', timeout: 15000 },
  );
  if (r.error) throw new Error(`${NVIM} did not start: ${r.error.message} (scripts/e2e/setup.sh installs Debian's neovim)`);
  const m = /(\d+\.\d+\.\d+) (true|false)/.exec(r.stdout + r.stderr);
  if (!m) throw new Error(`unexpected output from ${NVIM}: ${r.stdout}${r.stderr}`);
  return { version: m[1], lsp: m[2] === 'true' };
}

/**
 * Starts `nvim --headless -u NONE` with the harness, which starts `command` as an LSP server over
 * stdio in `root` and runs `steps` (see harness.lua). Resolves with the harness's JSON result
 * (plus `stderr`, Neovim's and the harness's messages, and `lspLog`, Neovim's LSP log); `noRoot`
 * starts the client without a root, as for a single file (Neovim still runs in `root`). Rejects
 * when Neovim fails, the server cannot be initialized, or `timeoutMs` passes. The server runs in
 * `cwd` (default: this process's), so relative paths in `command` mean what they say.
 */
export async function runNvimLsp({ command, root = '.', noRoot = false, steps = [], settings, cwd = process.cwd(), timeoutMs = 60000, requestTimeoutMs = 10000 }) {
  if (!Array.isArray(command) || command.length === 0) throw new Error('command must be a non-empty array');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-nvim-'));
  const stepsFile = path.join(tmp, 'steps.json');
  const outFile = path.join(tmp, 'result.json');
  fs.writeFileSync(stepsFile, JSON.stringify(steps));
  const env = {
    ...process.env,
    GLOSSARY_NVIM_CMD: JSON.stringify(command),
    GLOSSARY_NVIM_ROOT: path.resolve(root),
    GLOSSARY_NVIM_NO_ROOT: noRoot ? '1' : '',
    GLOSSARY_NVIM_CMD_CWD: path.resolve(cwd),
    GLOSSARY_NVIM_STEPS: stepsFile,
    GLOSSARY_NVIM_OUT: outFile,
    GLOSSARY_NVIM_TIMEOUT: String(requestTimeoutMs),
    GLOSSARY_NVIM_SETTINGS: settings ? JSON.stringify(settings) : '',
    // Neovim's lsp.log and state go into the temporary folder, not the home folder.
    XDG_CACHE_HOME: path.join(tmp, 'cache'),
    XDG_STATE_HOME: path.join(tmp, 'state'),
    XDG_DATA_HOME: path.join(tmp, 'data'),
    XDG_CONFIG_HOME: path.join(tmp, 'config'),
  };
  try {
    const child = spawn(NVIM, ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${HARNESS.replace(/ /g, '\\ ')}`], {
      env,
      cwd: path.resolve(cwd),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stdout.on('data', (d) => (stderr += d));
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`nvim did not finish within ${timeoutMs} ms\n${stderr}`));
      }, timeoutMs);
      child.on('error', (err) => {
        clearTimeout(timer);
        reject(new Error(`${NVIM} did not start: ${err.message}`));
      });
      child.on('exit', (c, signal) => {
        clearTimeout(timer);
        resolve(c ?? signal);
      });
    });
    const lspLogFile = [path.join(tmp, 'cache', 'nvim', 'lsp.log'), path.join(tmp, 'state', 'nvim', 'lsp.log')].find((f) => fs.existsSync(f));
    const lspLog = lspLogFile ? fs.readFileSync(lspLogFile, 'utf8') : '';
    if (!fs.existsSync(outFile)) throw new Error(`nvim exited with ${code} and wrote no result\n${stderr}\n${lspLog}`);
    const result = JSON.parse(fs.readFileSync(outFile, 'utf8'));
    result.stderr = stderr;
    result.lspLog = lspLog;
    if (code !== 0 || !result.ok) {
      const err = new Error(`nvim harness failed (exit ${code}): ${result.error ?? 'see result'}\n${stderr}\n${lspLog}`);
      err.result = result;
      throw err;
    }
    return result;
  } finally {
    if (process.env.GLOSSARY_E2E_KEEP !== '1') fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * A step that asks for the code actions at `at` in `file` as vim.lsp.buf.code_action() does (the
 * line's diagnostics as context) and runs the command of the one titled `title` through
 * workspace/executeCommand. Its result: { titles, executed } (the command's result or error).
 */
export function codeActionCommandStep({ file, at, title }) {
  return {
    file,
    at,
    lua: `local bufnr = vim.api.nvim_get_current_buf()
      local row = vim.api.nvim_win_get_cursor(0)[1] - 1
      local params = vim.lsp.util.make_range_params()
      params.context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr, row) }
      local actions = {}
      for _, response in pairs(vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 5000) or {}) do actions = response.result or {} end
      local titles, executed = {}, vim.NIL
      for _, action in ipairs(actions) do
        table.insert(titles, action.title)
        if action.title == ${JSON.stringify(title)} then
          for _, response in pairs(vim.lsp.buf_request_sync(bufnr, 'workspace/executeCommand', action.command, 5000) or {}) do executed = response.result or response.err end
        end
      end
      return { titles = titles, executed = executed }`,
  };
}

async function cli(argv) {
  if (argv.includes('--check')) {
    const info = checkNvim();
    console.log(JSON.stringify(info));
    return info.lsp ? 0 : 1;
  }
  const dash = argv.indexOf('--');
  if (dash < 0 || dash === argv.length - 1) {
    console.error('usage: nvim-lsp.mjs [--root DIR] [--steps FILE.json] [--settings JSON] -- SERVER COMMAND...\n       nvim-lsp.mjs --check');
    return 2;
  }
  const opts = argv.slice(0, dash);
  const get = (name) => {
    const i = opts.indexOf(name);
    return i >= 0 ? opts[i + 1] : undefined;
  };
  const stepsFile = get('--steps');
  const result = await runNvimLsp({
    command: argv.slice(dash + 1),
    root: get('--root') ?? '.',
    steps: stepsFile ? JSON.parse(fs.readFileSync(stepsFile, 'utf8')) : [],
    settings: get('--settings') ? JSON.parse(get('--settings')) : undefined,
  });
  delete result.lspLog;
  console.log(JSON.stringify(result, null, 2));
  return result.steps.some((s) => s.error) ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  cli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err) => {
      console.error(err.message);
      process.exit(1);
    },
  );
}
