#!/usr/bin/env node
// Grammar tests for the TextMate injections in syntaxes/.
//
// 1. The fixtures test/grammar/*.test.md, run with vscode-tmgrammar-test against VS Code's
//    Markdown grammar (vendored in test/grammar/, see markdown.tmLanguage.LICENSE.md) with the
//    injections wired as in test/grammar/grammars.json.
// 2. A self-check: a fixture with a deliberately wrong assertion must make the runner fail, so a
//    runner that silently passes everything cannot go unnoticed.
// 3. If the sample glossary ../shared/corpus/ki-glossar/src/de exists: every entry is tokenized
//    with and without the injections, and apart from the Pandoc scopes the result must be the
//    same (Markdown's own highlighting is not broken); the only allowed change is that a heading's
//    attribute block (and the blank before it) is no longer part of entity.name.section.markdown.
//    Every heading that ends in {...}, every ---- line and every ](#Id) link must get its scopes.
//
// Usage: node scripts/test-grammar.mjs        (exit code 0 when everything passes)

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const runnerPkg = require.resolve('vscode-tmgrammar-test/package.json', { paths: [root] });
const runner = join(dirname(runnerPkg), 'dist', 'unit.js');
const config = join(root, 'test', 'grammar', 'grammars.json');
const corpus = resolve(root, '..', 'shared', 'corpus', 'ki-glossar', 'src', 'de');

let passed = 0;
let failed = 0;
const pass = (name) => { passed++; console.log(`  ok   ${name}`); };
const fail = (name, detail) => { failed++; console.log(`  FAIL ${name}\n${detail}`); };

// vscode-tmgrammar-test warns once per embedded language that the vendored Markdown grammar
// includes but the tests do not load (source.js, ...): that is expected and only noise here.
const quiet = (text) => text.split('\n').filter((l) => !/^grammar not found for /.test(l)).join('\n').trim();

function runFixtures(pattern) {
  const r = spawnSync(process.execPath, [runner, '--config', config, pattern], { cwd: root, encoding: 'utf8' });
  return { status: r.status, output: quiet(`${r.stdout}\n${r.stderr}`) };
}

// 1. fixtures
console.log('grammar fixtures (vscode-tmgrammar-test)');
const fixtures = readdirSync(join(root, 'test', 'grammar')).filter((f) => f.endsWith('.test.md')).sort();
if (fixtures.length === 0) fail('fixtures', '  no test/grammar/*.test.md found');
for (const f of fixtures) {
  const r = runFixtures(`test/grammar/${f}`);
  const assertions = readFileSync(join(root, 'test', 'grammar', f), 'utf8')
    .split('\n').filter((l) => /^<!--\s*(\^|<~*-)/.test(l)).length;
  if (r.status === 0 && assertions > 0) pass(`${f} (${assertions} assertions)`);
  else fail(f, r.output.replace(/^/gm, '    '));
}

// 2. self-check
{
  const dir = mkdtempSync(join(tmpdir(), 'grammar-selfcheck-'));
  try {
    writeFileSync(join(dir, 'wrong.test.md'), [
      '<!-- SYNTAX TEST "text.html.markdown" "deliberately wrong"',
      '## Title {#Id .chapter}',
      '<!--        ^ entity.other.attribute-name.class.pandoc',
      '',
    ].join('\n'));
    const r = runFixtures(join(dir, 'wrong.test.md'));
    if (r.status !== 0 && /missing required scopes/.test(r.output)) pass('self-check: a wrong assertion fails');
    else fail('self-check: a wrong assertion fails', `    runner exit ${r.status}:\n${r.output}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// 3. sample glossary
if (!existsSync(corpus)) {
  console.log(`sample glossary not found at ${corpus}: corpus check skipped`);
} else {
  console.log('sample glossary (../shared/corpus)');
  const runnerRequire = createRequire(runnerPkg);
  const tm = runnerRequire('vscode-textmate');
  const onig = runnerRequire('vscode-oniguruma');
  const wasm = readFileSync(join(dirname(runnerRequire.resolve('vscode-oniguruma')), 'onig.wasm'));
  const onigLib = onig.loadWASM(wasm.buffer).then(() => ({
    createOnigScanner: (p) => new onig.OnigScanner(p),
    createOnigString: (s) => new onig.OnigString(s),
  }));
  const { contributes } = JSON.parse(readFileSync(config, 'utf8'));
  const raw = new Map(contributes.grammars.map((g) => {
    const path = join(dirname(config), g.path);
    return [g.scopeName, tm.parseRawGrammar(readFileSync(path, 'utf8'), path)];
  }));
  const injections = contributes.grammars.filter((g) => g.injectTo).map((g) => g.scopeName);
  const registry = (withInjections) => new tm.Registry({
    onigLib,
    loadGrammar: async (scopeName) => raw.get(scopeName) ?? null,
    getInjections: (scopeName) => (withInjections && scopeName === 'text.html.markdown' ? injections : []),
  });
  const base = await registry(false).loadGrammar('text.html.markdown');
  const injected = await registry(true).loadGrammar('text.html.markdown');

  const tokenize = (grammar, lines) => {
    let state = tm.INITIAL;
    return lines.map((line) => {
      const r = grammar.tokenizeLine(line, state);
      state = r.ruleStack;
      const perChar = [];
      for (const t of r.tokens) for (let i = t.startIndex; i < Math.min(t.endIndex, line.length); i++) perChar[i] = t.scopes;
      return perChar;
    });
  };
  const markdownOnly = (scopes) => scopes.filter((s) => !s.endsWith('.pandoc'));

  const files = readdirSync(corpus).filter((f) => f.endsWith('.md')).sort();
  const problems = [];
  const counts = { headings: 0, separators: 0, links: 0 };
  for (const f of files) {
    const lines = readFileSync(join(corpus, f), 'utf8').split('\n');
    const a = tokenize(base, lines);
    const b = tokenize(injected, lines);
    let fence = false;
    lines.forEach((line, n) => {
      const where = `${f}:${n + 1}`;
      if (/^(~~~|```)/.test(line)) fence = !fence;
      const attr = /^#{1,6}[ \t].*?([ \t]+\{[^{}]*\})[ \t]*$/.exec(line);
      const attrStart = attr ? attr.index + attr[0].length - attr[1].length - (attr[0].length - attr[0].trimEnd().length) : -1;
      for (let c = 0; c < line.length; c++) {
        let x = markdownOnly(a[n][c] ?? []);
        const y = markdownOnly(b[n][c] ?? []);
        if (attr && c >= attrStart) x = x.filter((s) => s !== 'entity.name.section.markdown');
        if (x.join(' ') !== y.join(' ')) {
          problems.push(`${where}:${c + 1}: Markdown scopes changed\n      without: ${x.join(' ')}\n      with:    ${y.join(' ')}\n      ${line}`);
          break;
        }
      }
      const has = (scope) => b[n].some((s) => s && s.includes(scope));
      if (fence) return;
      if (attr) {
        counts.headings++;
        if (!has('meta.attributes.pandoc')) problems.push(`${where}: heading attribute block not scoped: ${line}`);
      }
      if (/^----[ \t]*$/.test(line) && lines[n - 1]?.trim() === '') {
        counts.separators++;
        if (!has('meta.separator.entry.pandoc')) problems.push(`${where}: entry separator not scoped`);
      }
      for (const m of line.matchAll(/\]\((#[^\s()]*)\)/g)) {
        counts.links++;
        const at = m.index + 2;
        if (!(b[n][at] ?? []).includes('entity.other.attribute-name.id.pandoc')) problems.push(`${where}:${at + 1}: link id ${m[1]} not scoped`);
      }
    });
  }
  const name = `${files.length} entries: Markdown scopes unchanged; ${counts.headings} attribute blocks, ${counts.separators} separators, ${counts.links} link ids scoped`;
  if (problems.length === 0) pass(name);
  else fail(name, problems.slice(0, 20).map((p) => `    ${p}`).join('\n') + (problems.length > 20 ? `\n    ... ${problems.length - 20} more` : ''));
}

console.log(`grammar: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
