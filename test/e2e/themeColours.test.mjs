// The colours a writer sees: the extension's grammar (with VS Code's Markdown grammar, vendored in
// test/grammar/) tokenized under VS Code's own default themes, as code-server 4.100.3 ships them.
// The id of an entry's heading, what a writer checks most, must not take the heading's colour, and
// an id reads the same in a heading and in a link.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const { ensureCodeServer } = require('../../scripts/e2e/lib/code-server.js');
const runnerRequire = createRequire(require.resolve('vscode-tmgrammar-test/package.json', { paths: [root] }));
const tm = runnerRequire('vscode-textmate');
const onig = runnerRequire('vscode-oniguruma');

/** A theme of VS Code's theme-defaults extension, its `include`s resolved, as vscode-textmate takes it. */
function themeSettings(themesDir, file) {
  const theme = JSON.parse(readFileSync(join(themesDir, file), 'utf8').replace(/^\s*\/\/.*$/gm, ''));
  const included = theme.include ? themeSettings(themesDir, theme.include.replace(/^\.\//, '')) : [];
  const rules = (theme.tokenColors ?? []).map((rule) => ({ scope: rule.scope, settings: rule.settings }));
  const defaults = theme.colors?.['editor.foreground'] ? [{ settings: { foreground: theme.colors['editor.foreground'] } }] : [];
  return [...defaults, ...included, ...rules];
}

async function grammarRegistry() {
  const wasm = readFileSync(join(dirname(runnerRequire.resolve('vscode-oniguruma')), 'onig.wasm'));
  await onig.loadWASM(wasm.buffer);
  const config = join(root, 'test', 'grammar', 'grammars.json');
  const { contributes } = JSON.parse(readFileSync(config, 'utf8'));
  const raw = new Map(contributes.grammars.map((g) => [g.scopeName, tm.parseRawGrammar(readFileSync(join(dirname(config), g.path), 'utf8'), g.path)]));
  const injections = contributes.grammars.filter((g) => g.injectTo).map((g) => g.scopeName);
  return new tm.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p) => new onig.OnigScanner(p), createOnigString: (s) => new onig.OnigString(s) }),
    loadGrammar: async (scopeName) => raw.get(scopeName) ?? null,
    getInjections: (scopeName) => (scopeName === 'text.html.markdown' ? injections : []),
  });
}

/** The foreground colour of the character at `text`'s first occurrence (plus `offset`) in a line. */
function colourAt(registry, grammar, line, text, offset = 0) {
  const { tokens } = grammar.tokenizeLine2(line, tm.INITIAL);
  const at = line.indexOf(text) + offset;
  let colour;
  for (let k = 0; k < tokens.length; k += 2) {
    if (tokens[k] <= at) colour = registry.getColorMap()[(tokens[k + 1] >>> 15) & 0x1ff];
  }
  return colour;
}

for (const file of ['light_modern.json', 'dark_modern.json', 'light_plus.json', 'dark_plus.json']) {
  test(`in ${file}, a heading's id stands out from its text, and an id reads the same in a heading and in a link`, async () => {
    const themesDir = join(ensureCodeServer({ install: false }), 'lib', 'vscode', 'extensions', 'theme-defaults', 'themes');
    const registry = await grammarRegistry();
    registry.setTheme({ name: file, settings: themeSettings(themesDir, file) });
    const grammar = await registry.loadGrammar('text.html.markdown');
    const heading = '## Data Scraping {#Data-Scraping .chapter .small .term}';
    const title = colourAt(registry, grammar, heading, 'Data Scraping');
    const id = colourAt(registry, grammar, heading, 'Data-Scraping');
    assert.notEqual(id, title, `the id has the heading's colour ${title}`);
    const link = 'Siehe [Data Scraping](#Data-Scraping).';
    assert.equal(colourAt(registry, grammar, link, '#Data-Scraping', 1), id, 'an id in a link has the colour of an id in a heading');
  });
}
