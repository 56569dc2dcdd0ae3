// The glossary language server under Neovim's built-in LSP client, on a temporary copy of the real
// glossary (../shared/corpus/ki-glossar/src/de): what a Neovim user gets for definition, hover,
// references, completion, document and workspace symbols, rename, a quick fix applied by Neovim
// and the pushed diagnostics, checked against the files themselves; then a second, raw stdio
// client (as test/protocol.test.ts talks to the server) replays the exact requests Neovim sent and
// must get the same answers. Builds nothing: `npm run build` (run by npm test's test:unit) makes
// dist/glossary.js.
//
//   npm run build && node --test --test-reporter=spec test/nvim/
//
// Neovim's result, its LSP log and the raw client's answers go to out/e2e-results/nvim-glossary/;
// a failure names them. GLOSSARY_NVIM_LOG_LEVEL=DEBUG makes Neovim log every message.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checkNvim, runNvimLsp } from './nvim-lsp.mjs';

const REPO = path.resolve(import.meta.dirname, '..', '..');
const SERVER_JS = path.join(REPO, 'dist', 'glossary.js');
const SERVER = [process.execPath, SERVER_JS, 'lsp', '--stdio'];
const CORPUS = path.resolve(REPO, '..', 'shared', 'corpus', 'ki-glossar', 'src', 'de');
const RESULTS = path.join(REPO, 'out', 'e2e-results', 'nvim-glossary');
const FILE = 'Data-Scraping.md';
const LINK = '[Large Language Model](#Large-Language-Model)';
const ON_ID = '[Large Language Model](#'.length + 3; // on the "r" of "#Large"

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-nvim-test-'));
const root = path.join(tmp, 'de');
const uriOf = (name) => pathToFileURL(path.join(root, name)).href;
const nameOf = (uri) => path.relative(root, fileURLToPath(uri));
const read = (name) => fs.readFileSync(path.join(root, name), 'utf8');

/** Every occurrence of `needle` in the workspace's .md and .txt files: { file, line } (0-based). */
function grep(needle) {
  const found = [];
  for (const file of fs.readdirSync(root).filter((f) => /\.(md|txt)$/.test(f)).sort()) {
    read(file).split('\n').forEach((text, line) => {
      for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) found.push({ file, line });
    });
  }
  return found;
}

/** The text a range covers (single-line ranges; characters are UTF-16 units, as JS counts). */
function textAt(name, range) {
  assert.equal(range.start.line, range.end.line, `a one-line range in ${name}`);
  return read(name).split('\n')[range.start.line].slice(range.start.character, range.end.character);
}

/**
 * The same JSON as Neovim would re-encode it: Neovim decodes with nulls in objects dropped and
 * cannot tell an empty object from an empty array, so both sides lose exactly that.
 */
function normalize(value) {
  if (Array.isArray(value)) return value.map(normalize);
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== null && v !== undefined);
    if (entries.length === 0) return [];
    return Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, normalize(v)]));
  }
  return value;
}

/** A WorkspaceEdit's text edits by file name, whether sent as `changes` or `documentChanges`. */
function editsOf(edit) {
  const byFile = {};
  const add = (uri, edits) => (byFile[nameOf(uri)] ??= []).push(...edits.map((e) => ({ range: e.range, newText: e.newText })));
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) add(uri, edits);
  for (const change of edit.documentChanges ?? []) if (change.textDocument) add(change.textDocument.uri, change.edits);
  for (const edits of Object.values(byFile)) edits.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return byFile;
}

/** Code actions as compared between clients: titles, kinds and their edits by file. */
const actionsOf = (actions) => actions.map((a) => ({ title: a.title, kind: a.kind, edits: a.edit ? editsOf(a.edit) : null, command: a.command ?? null }));

// ---------------------------------------------------------------------------------------------
// The Neovim session.

let lines; // Data-Scraping.md as Neovim opens it
let nvim; // runNvimLsp's result
let raw; // the raw client's answers to the same requests
let setupError;
let rawError;
const steps = {}; // name -> the harness's record of that step

/** What Neovim got in the step `name` (fails with the step's error). */
const step = new Proxy(steps, {
  get(target, name) {
    const record = target[name];
    assert.ok(record, `no Neovim step ${String(name)}`);
    assert.equal(record.error, undefined, `Neovim's step ${String(name)} failed: ${JSON.stringify(record.error)}`);
    return record;
  },
});

function nvimSteps() {
  const claudeLine = lines.findIndex((l) => l.includes('[Claude](#Claude)'));
  const newLine = lines.length; // below the last line
  const swap = [lines.indexOf('[Data Contamination](#Data-Contamination) |'), lines.indexOf('[Web Crawling](#Web-Crawling) |')];
  assert.ok(swap[0] > 0 && swap[1] > swap[0], 'the see-also list of Data-Scraping.md is as expected');
  const onId = { file: FILE, at: LINK, offset: ON_ID };
  const named = {
    open: { open: FILE },
    published: { diagnostics: FILE, match: '"Claude"' },
    shown: { file: FILE, lua: `return vim.tbl_map(function(d) return { lnum = d.lnum, col = d.col, end_col = d.end_col, message = d.message, code = d.code, severity = d.severity } end, vim.diagnostic.get(0))` },
    definition: { request: 'textDocument/definition', ...onId },
    hover: { request: 'textDocument/hover', ...onId },
    // The same id in running text after "für": UTF-16 positions differ from byte columns here.
    hoverInText: { request: 'textDocument/hover', file: FILE, at: 'für [Large Language Models](#Large-Language-Model)', offset: 'für [Large Language Models](#'.length + 3 },
    references: { request: 'textDocument/references', ...onId, params: { context: { includeDeclaration: false } } },
    referencesWithDeclaration: { request: 'textDocument/references', ...onId, params: { context: { includeDeclaration: true } } },
    symbols: { request: 'textDocument/documentSymbol', file: FILE },
    // What the user sees: the hover window and where gd/:lua vim.lsp.buf.definition() jumps.
    hoverWindow: {
      ...onId,
      lua: `vim.lsp.buf.hover()
        local lines
        vim.wait(3000, function()
          for _, w in ipairs(vim.api.nvim_list_wins()) do
            if vim.api.nvim_win_get_config(w).relative ~= '' then
              lines = vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(w), 0, -1, false)
              return true
            end
          end
          return false
        end, 10)
        return lines`,
    },
    jump: {
      ...onId,
      lua: `vim.lsp.buf.definition()
        vim.wait(3000, function() return vim.api.nvim_buf_get_name(0):match('LLM%.md$') ~= nil end, 10)
        return { file = vim.api.nvim_buf_get_name(0), cursor = vim.api.nvim_win_get_cursor(0), line = vim.api.nvim_get_current_line() }`,
    },
    // The writer types `See [x](#Data-Sc` on a new last line, completes with <C-x><C-o> (Neovim's
    // own vim.lsp.omnifunc, which starts the word where the server's edit starts) and accepts
    // Data-Science, which replaces what was typed from that start, as Vim's completion does.
    type: { edit: FILE, line: newLine, insert: true, text: 'See [x](#Data-Sc' },
    completion: { request: 'textDocument/completion', file: FILE, at: '](#Data-Sc', offset: '](#Data-Sc'.length, params: { context: { triggerKind: 1 } } },
    accept: {
      file: FILE,
      lua: `local row = ${newLine}
        local text = vim.api.nvim_buf_get_lines(0, row, row + 1, false)[1]
        vim.opt.virtualedit = 'onemore'
        vim.api.nvim_win_set_cursor(0, { row + 1, #text })
        local captured
        local mode, complete = vim.fn.mode, vim.fn.complete
        vim.fn.mode = function() return 'i' end
        vim.fn.complete = function(startcol, items) captured = { startcol = startcol, items = items } end
        vim.lsp.omnifunc(1, '')
        vim.wait(5000, function() return captured ~= nil end, 10)
        vim.fn.mode, vim.fn.complete = mode, complete
        for _, item in ipairs(captured and captured.items or {}) do
          if item.word == 'Data-Science' then
            vim.api.nvim_buf_set_text(0, row, captured.startcol - 1, row, #text, { item.word })
            break
          end
        end
        return vim.api.nvim_buf_get_lines(0, row, row + 1, false)[1]`,
    },
    // The writer removes the link to the missing #Claude; the server publishes the shorter list.
    unlink: { edit: FILE, line: claudeLine, text: lines[claudeLine].replace('[Claude](#Claude)', 'Claude') },
    republished: { diagnostics: FILE, without: '"Claude"' },
    workspaceSymbols: { request: 'workspace/symbol', file: FILE, params: { query: 'Large Language' } },
    prepareRename: { request: 'textDocument/prepareRename', ...onId },
    rename: { request: 'textDocument/rename', ...onId, params: { newName: 'Large-Language-Models' } },
    // The writer swaps two see-also lines, in one change (after two, the diagnostics waited for
    // could be those of the first, whose list is unsorted too); Neovim's code action flow (the
    // line's diagnostics as context, as vim.lsp.buf.code_action() sends them) gets the quick fix,
    // and Neovim applies its workspace edit to the buffer.
    unsort: { edit: FILE, line: swap[0], lines: [lines[swap[1]], ...lines.slice(swap[0] + 1, swap[1]), lines[swap[0]]] },
    unsorted: { diagnostics: FILE, match: 'seealso-unsorted' },
    sortFix: {
      file: FILE,
      line: swap[0],
      lua: `local bufnr = vim.api.nvim_get_current_buf()
        local row = vim.api.nvim_win_get_cursor(0)[1] - 1
        local params = vim.lsp.util.make_range_params()
        params.context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr, row) }
        local responses = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 5000)
        local actions = {}
        for _, response in pairs(responses or {}) do actions = response.result or {} end
        local applied = vim.NIL
        for _, action in ipairs(actions) do
          for _, d in ipairs(action.diagnostics or {}) do
            if d.code == 'seealso-unsorted' and action.edit and applied == vim.NIL then
              vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
              applied = action.title
            end
          end
        end
        return { params = params, actions = actions, applied = applied, lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false) }`,
    },
    sorted: { diagnostics: FILE, without: 'seealso-unsorted' },
  };
  return named;
}

/** A raw LSP client over stdio (vscode-jsonrpc, as test/protocol.test.ts) replaying Neovim's requests. */
async function replay(named) {
  const require = createRequire(import.meta.url);
  const lsp = require('vscode-languageserver/node');
  const child = spawn(SERVER[0], SERVER.slice(1), { cwd: REPO, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const connection = lsp.createProtocolConnection(new lsp.StreamMessageReader(child.stdout), new lsp.StreamMessageWriter(child.stdin));
  const diagnostics = new Map();
  const waiters = new Set();
  connection.onNotification(lsp.PublishDiagnosticsNotification.type, (params) => {
    diagnostics.set(params.uri, params.diagnostics);
    waiters.forEach((wake) => wake());
  });
  connection.onRequest('workspace/configuration', (params) => params.items.map(() => null));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  const waitUntil = (condition, what) =>
    new Promise((resolve, reject) => {
      const check = () => {
        if (!condition()) return;
        clearTimeout(timer);
        waiters.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`raw client: timed out waiting for ${what}\n${stderr}`));
      }, 10_000);
      waiters.add(check);
      check();
    });
  connection.listen();
  const uri = uriOf(FILE);
  const mentions = (text) => (diagnostics.get(uri) ?? []).some((d) => d.message.includes(text));
  const answers = {};
  try {
    await connection.sendRequest(lsp.InitializeRequest.type, {
      processId: process.pid,
      rootUri: pathToFileURL(root).href,
      workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'de' }],
      // What Neovim said it can do (the outline as a tree, code actions, Markdown in hovers, …).
      capabilities: nvim.clientCapabilities,
    });
    await connection.sendNotification(lsp.InitializedNotification.type, {});
    let text = `${lines.join('\n')}\n`;
    await connection.sendNotification(lsp.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    await waitUntil(() => mentions('"Claude"'), `the broken link to #Claude in ${FILE}`);
    answers.published = diagnostics.get(uri);
    const ask = async (name) => {
      const params = step[name].params; // exactly what Neovim sent
      assert.ok(params, `Neovim recorded no parameters for ${name}`);
      answers[name] = await connection.sendRequest(named[name].request, params);
    };
    for (const name of ['definition', 'hover', 'hoverInText', 'references', 'referencesWithDeclaration', 'symbols']) await ask(name);
    let version = 1;
    const change = async (newLines) => {
      text = `${newLines.join('\n')}\n`;
      await connection.sendNotification(lsp.DidChangeTextDocumentNotification.type, { textDocument: { uri, version: ++version }, contentChanges: [{ text }] });
    };
    const typed = [...lines];
    typed.splice(named.type.line, 0, named.type.text);
    await change(typed);
    await ask('completion');
    typed[named.type.line] = step.accept.result;
    typed[named.unlink.line] = named.unlink.text;
    await change(typed);
    await waitUntil(() => !mentions('"Claude"'), `the broken link to #Claude to leave ${FILE}`);
    answers.republished = diagnostics.get(uri);
    for (const name of ['workspaceSymbols', 'prepareRename', 'rename']) await ask(name);
    const swapped = [...typed];
    swapped.splice(named.unsort.line, named.unsort.lines.length, ...named.unsort.lines);
    await change(swapped);
    await waitUntil(() => (diagnostics.get(uri) ?? []).some((d) => d.code === 'seealso-unsorted'), 'the unsorted see-also list');
    answers.unsorted = diagnostics.get(uri);
    answers.sortFix = await connection.sendRequest('textDocument/codeAction', step.sortFix.result.params);
    await change(typed); // what the fix gives back (checked on Neovim's side)
    await waitUntil(() => !(diagnostics.get(uri) ?? []).some((d) => d.code === 'seealso-unsorted'), 'the sorted see-also list');
    answers.sorted = diagnostics.get(uri);
    const files = Object.keys(nvim.diagnostics).length;
    await waitUntil(() => diagnostics.size >= files, `diagnostics for the ${files} files Neovim got them for`);
    answers.diagnostics = Object.fromEntries(diagnostics);
    await connection.sendRequest(lsp.ShutdownRequest.type);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    await connection.sendNotification(lsp.ExitNotification.type);
    await exited;
    return answers;
  } finally {
    connection.dispose();
    child.kill();
  }
}

function saveResults(extra = {}) {
  fs.mkdirSync(RESULTS, { recursive: true });
  if (nvim) {
    const { lspLog, stderr, ...rest } = nvim;
    fs.writeFileSync(path.join(RESULTS, 'lsp.log'), lspLog ?? '');
    fs.writeFileSync(path.join(RESULTS, 'nvim-stderr.log'), stderr ?? '');
    fs.writeFileSync(path.join(RESULTS, 'nvim-result.json'), JSON.stringify(rest, null, 1));
  }
  if (raw) fs.writeFileSync(path.join(RESULTS, 'raw-client.json'), JSON.stringify(raw, null, 1));
  for (const [name, text] of Object.entries(extra)) fs.writeFileSync(path.join(RESULTS, name), text);
}

const where = () =>
  `\nNeovim's LSP log: ${path.join(RESULTS, 'lsp.log')} (its result: ${path.join(RESULTS, 'nvim-result.json')}, ` +
  `the raw client's: ${path.join(RESULTS, 'raw-client.json')}; GLOSSARY_NVIM_LOG_LEVEL=DEBUG logs every message)`;

/** Adds where the logs are to an error's message (the reporter prints its stack). */
function withLogs(err) {
  if (!(err instanceof Error) || err.withLogs) return err;
  err.withLogs = true;
  const message = err.message;
  err.message += where();
  if (typeof err.stack === 'string') err.stack = err.stack.replace(message, err.message);
  return err;
}

/** An `it` whose failure says where Neovim's log is. */
function check(title, fn) {
  it(title, async () => {
    if (setupError) throw setupError;
    try {
      await fn();
    } catch (err) {
      throw withLogs(err);
    }
  });
}

it('Neovim is installed and has the built-in LSP client', () => {
  const info = checkNvim();
  assert.match(info.version, /^0\.(7|8|9|1\d)\./);
  assert.equal(info.lsp, true);
});

describe('the glossary server in Neovim on a copy of the real glossary', { timeout: 60_000 }, () => {
  before(async () => {
    try {
      assert.ok(fs.existsSync(SERVER_JS), `${SERVER_JS} does not exist: run \`npm run build\` first (npm test builds it in test:unit before the editor suites)`);
      assert.ok(fs.existsSync(path.join(CORPUS, FILE)), `the real glossary is missing: no ${path.join(CORPUS, FILE)}`);
      fs.cpSync(CORPUS, root, { recursive: true });
      for (const f of fs.readdirSync(root)) fs.chmodSync(path.join(root, f), 0o644); // the shared copy is read-only
      fs.chmodSync(root, 0o755);
      // As test/protocol.test.ts: the three .txt pages (title, index, licence) belong to the book too.
      fs.writeFileSync(path.join(root, '.glossary.json'), JSON.stringify({ include: ['*.md', '*.txt'] }));
      lines = read(FILE).replace(/\n$/, '').split('\n');
      const named = nvimSteps();
      const names = Object.keys(named);
      try {
        nvim = await runNvimLsp({ command: SERVER, root, cwd: REPO, steps: Object.values(named), timeoutMs: 40_000, requestTimeoutMs: 5000 });
      } catch (err) {
        nvim = err.result;
        saveResults({ 'nvim-error.txt': err.message });
        throw err;
      }
      names.forEach((name, i) => (steps[name] = nvim.steps[i]));
      saveResults();
      try {
        raw = await replay(named);
        saveResults();
      } catch (err) {
        rawError = err;
      }
    } catch (err) {
      setupError = withLogs(err);
    }
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  check('the server initializes, declares its features and exits cleanly on shutdown', () => {
    assert.equal(nvim.serverInfo.name, 'glossary');
    const caps = nvim.capabilities;
    for (const feature of ['definitionProvider', 'referencesProvider', 'hoverProvider', 'documentSymbolProvider']) assert.ok(caps[feature], feature);
    assert.ok(caps.completionProvider.triggerCharacters.includes('#'));
    assert.deepEqual(nvim.exit, { code: 0, signal: 0 });
  });

  check(`definition of ${LINK} lands in LLM.md at its heading line (the author swapped the ids)`, () => {
    const heading = read('LLM.md').split('\n').findIndex((l) => /^#+ .*\{#Large-Language-Model[ }]/.test(l));
    assert.ok(heading >= 0, 'LLM.md has the heading {#Large-Language-Model}');
    const locations = [].concat(step.definition.result); // Location | Location[]
    assert.deepEqual(locations.map((l) => [nameOf(l.uri), l.range.start.line]), [['LLM.md', heading]]);
    // Neovim's own definition handler jumps there.
    assert.deepEqual(step.jump.result, { file: path.join(root, 'LLM.md'), cursor: [heading + 1, 0], line: read('LLM.md').split('\n')[heading] });
  });

  check("hover on the link shows the entry's title and summary", () => {
    const llm = read('LLM.md').split('\n');
    const title = 'Large Language Model';
    const summary = llm.find((l) => /^\*\*\*.+\*\*\*$/.test(l)).replace(/^\*\*\*|\*\*\*$/g, '');
    assert.match(summary, /^Kategorie neuronaler Netze/);
    const hover = step.hover.result;
    assert.equal(hover.contents.kind, 'markdown');
    assert.ok(hover.contents.value.includes(title), hover.contents.value);
    assert.ok(hover.contents.value.includes(summary), hover.contents.value);
    assert.equal(textAt(FILE, hover.range), LINK, 'the hover range is the link');
    // In running text after a non-ASCII letter, positions are counted in UTF-16 code units both ways.
    const inText = step.hoverInText;
    const line = lines[inText.params.position.line];
    assert.equal(inText.params.position.character, line.indexOf('](#Large-Language-Model') + 6, 'Neovim sends UTF-16 positions');
    assert.equal(textAt(FILE, inText.result.range), '[Large Language Models](#Large-Language-Model)');
    assert.equal(inText.result.contents.value, hover.contents.value);
    // Neovim's hover window shows the same text.
    const shown = step.hoverWindow.result.join('\n');
    assert.ok(shown.includes(title) && shown.includes(summary), shown);
  });

  check('references of #Large-Language-Model are every link to it, plus the heading on request', () => {
    const links = grep('](#Large-Language-Model)');
    assert.ok(links.length > 50, `the glossary links #Large-Language-Model often (${links.length})`);
    const key = (l) => `${nameOf(l.uri)}:${l.range.end.line}`;
    const refs = step.references.result;
    assert.deepEqual(refs.map(key).sort(), links.map((l) => `${l.file}:${l.line}`).sort());
    for (const r of refs) assert.match(textAt(nameOf(r.uri), r.range), /\]\(#Large-Language-Model\)$/, key(r));
    const withDeclaration = step.referencesWithDeclaration.result;
    const declarations = withDeclaration.filter((l) => !refs.some((r) => JSON.stringify(r) === JSON.stringify(l)));
    assert.deepEqual(declarations.map((l) => [nameOf(l.uri), textAt(nameOf(l.uri), l.range)]), [['LLM.md', 'Large-Language-Model']]);
    assert.equal(withDeclaration.length, refs.length + 1);
  });

  check('completion after typing ](#Data-Sc in Data-Scraping.md offers Data-Science (not the file\'s own entry), and accepting it writes the id', () => {
    const items = step.completion.result.items ?? step.completion.result;
    const item = items.find((i) => i.label === 'Data-Science');
    assert.ok(item, items.map((i) => i.label).join(', '));
    assert.ok(!items.some((i) => i.label === 'Data-Scraping'), 'no link from the entry to itself');
    // Fuzzy matches may follow, but after the ids that begin with what was typed.
    const labels = items.map((i) => i.label);
    const firstFuzzy = labels.findIndex((l) => !/^data-sc/i.test(l));
    assert.ok(firstFuzzy < 0 || firstFuzzy > labels.indexOf('Data-Science'), labels.join(', '));
    // It replaces what was typed after the #: `Data-Sc` on the new line.
    const typed = 'See [x](#Data-Sc';
    assert.deepEqual(item.textEdit.range, { start: { line: lines.length, character: typed.indexOf('Data-Sc') }, end: { line: lines.length, character: typed.length } });
    assert.equal(item.textEdit.newText, 'Data-Science');
    assert.equal(step.accept.result, 'See [x](#Data-Science');
  });

  check('pushed diagnostics: broken-link (index-link-broken on the index page) for #Claude in every file that links it, shown by Neovim', () => {
    const claudeLinks = grep('](#Claude)');
    const files = [...new Set(claudeLinks.map((l) => l.file))];
    assert.ok(files.length > 10 && files.includes(FILE), files.join(', '));
    for (const file of files) {
      // Data-Scraping.md was edited in the session: its first published list is the file's.
      const list = file === FILE ? step.published.result : nvim.diagnostics[uriOf(file)];
      assert.ok(list, `diagnostics were published for ${file}`);
      // On the index page a link to nothing is an index-link-broken.
      const code = file === '001-ki-index.txt' ? 'index-link-broken' : 'broken-link';
      const broken = list.filter((d) => d.code === code && d.data?.target === 'Claude');
      assert.deepEqual(
        broken.map((d) => [d.range.start.line, textAt(file, d.range), d.severity]),
        claudeLinks.filter((l) => l.file === file).map((l) => [l.line, 'Claude', 1]),
        file,
      );
    }
    // vim.diagnostic shows it in the buffer (0-based lnum) with the server's message.
    const line = lines.findIndex((l) => l.includes('[Claude](#Claude)'));
    const shown = step.shown.result.find((d) => d.code === 'broken-link' && d.lnum === line);
    assert.ok(shown && shown.message.includes('Claude') && lines[line].slice(shown.col, shown.end_col) === 'Claude', JSON.stringify(step.shown.result));
    // Removing the link in the buffer clears it: the server republishes after Neovim's change.
    assert.ok(!step.republished.result.some((d) => d.message.includes('"Claude"')));
    // (The line typed meanwhile, `See [x](#Data-Science`, mentions that entry: not counted.)
    assert.equal(step.republished.result.filter((d) => d.range.start.line !== lines.length).length, step.published.result.length - 1);
  });

  check('workspace symbols find the entry by its title', () => {
    const found = step.workspaceSymbols.result.filter((s) => s.name === 'Large Language Model');
    assert.deepEqual(found.map((s) => [nameOf(s.location.uri), s.location.range.start.line]), [['LLM.md', 0]]);
  });

  check('rename of #Large-Language-Model edits the heading id and every link to it', () => {
    assert.equal(step.prepareRename.result.placeholder, 'Large-Language-Model');
    assert.equal(textAt(FILE, step.prepareRename.result.range), 'Large-Language-Model');
    const edits = editsOf(step.rename.result);
    const edited = [];
    for (const [file, list] of Object.entries(edits)) {
      for (const e of list) {
        assert.equal(textAt(file, e.range), 'Large-Language-Model', `${file}:${e.range.start.line}`);
        assert.equal(e.newText, 'Large-Language-Models');
        edited.push(`${file}:${e.range.end.line}`);
      }
    }
    const expected = step.referencesWithDeclaration.result.map((l) => `${nameOf(l.uri)}:${l.range.end.line}`);
    assert.deepEqual(edited.sort(), expected.sort());
  });

  check('a quick fix through Neovim: the sort fix for a see-also list, applied by Neovim, clears the warning', () => {
    const unsorted = step.unsorted.result.filter((d) => d.code === 'seealso-unsorted');
    assert.equal(unsorted.length, 1, JSON.stringify(step.unsorted.result));
    const fix = step.sortFix.result;
    assert.equal(typeof fix.applied, 'string', `a quick fix for seealso-unsorted with an edit: ${fix.actions.map((a) => a.title).join(', ')}`);
    // Neovim's buffer is the list in order again, the rest untouched.
    const expected = [...lines, step.accept.result];
    expected[step.unlink.step.line] = step.unlink.step.text;
    assert.deepEqual(fix.lines, expected);
    assert.deepEqual(step.sorted.result, step.republished.result);
  });

  check('document symbols: the entry and its sections', () => {
    const [entry, ...others] = step.symbols.result;
    assert.deepEqual(others, []);
    assert.equal(entry.name, 'Data Scraping');
    const sections = lines.filter((l) => l.startsWith('### ')).map((l) => l.slice(4).replace(/\{[^}]*\}\s*$/, '').trim());
    assert.deepEqual(entry.children.map((c) => c.name), sections);
  });

  check('a raw stdio client gets the same answers and diagnostics as Neovim', () => {
    if (rawError) throw rawError;
    for (const name of ['definition', 'hover', 'hoverInText', 'references', 'referencesWithDeclaration', 'symbols', 'completion', 'workspaceSymbols', 'prepareRename']) {
      assert.deepEqual(normalize(raw[name]), normalize(step[name].result), name);
    }
    // Edits may come as `changes` or versioned `documentChanges`, as each client declares.
    assert.deepEqual(editsOf(raw.rename), editsOf(step.rename.result), 'rename');
    assert.deepEqual(normalize(actionsOf(raw.sortFix)), normalize(actionsOf(step.sortFix.result.actions)), 'code actions');
    assert.deepEqual(normalize(raw.unsorted), normalize(step.unsorted.result), 'diagnostics of the unsorted list');
    assert.deepEqual(normalize(raw.sorted), normalize(step.sorted.result), 'diagnostics after the fix');
    assert.deepEqual(normalize(raw.published), normalize(step.published.result), 'published diagnostics of the opened file');
    assert.deepEqual(normalize(raw.republished), normalize(step.republished.result), 'diagnostics after the edits');
    assert.deepEqual(Object.keys(raw.diagnostics).sort(), Object.keys(nvim.diagnostics).sort(), 'the files with published diagnostics');
    for (const uri of Object.keys(raw.diagnostics)) assert.deepEqual(normalize(raw.diagnostics[uri]), normalize(nvim.diagnostics[uri]), nameOf(uri));
  });
});
