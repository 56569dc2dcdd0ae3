// Smoke test of the benchmark: `node scripts/bench.mjs --quick` (1x and 2x, one run) prints every
// row of the table with a figure in each column, and a line per target. Needs the built server
// (`npm run build`) and the real glossary beside the repository.
//
//   node --test scripts/bench/quick.test.mjs
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { root } from './common.mjs';

const rows = [
  'workspace: files, source MB, entries',
  'read every file',
  "cold start: spawn until every file's diagnostics are published",
  '… of it, from `initialized`',
  'cold start in-process',
  '… the same with `unlinked-mention` raised to information',
  'command line `check`',
  'one keystroke in text: the file re-parsed',
  "one keystroke in a link's id: the same",
  'one keystroke in text until',
  "one keystroke in a link's id until",
  'completion after `](#`: every id',
  'completion after `](#Lar`',
  'hover on a link',
  'definition from a link',
  'references of the most referenced id',
  'rename of the most referenced id',
  'workspace symbols',
  'memory kept (heap after GC, index built, minus baseline): bytes per entry',
  'memory kept ÷ source text size',
  'md-ls: diagnostics of every file, cold',
  'md-ls: the first getReferences',
  'md-ls: getReferences, caches full',
  'md-ls: getDefinition',
  'md-ls: getWorkspaceSymbols, cold',
  'md-ls: completion after `](##`',
  'md-ls: prepareRename + getRenameEdit',
];

const targets = [
  "cold start at 50x ≤ 1/10 of markdown-languageservice's cold diagnostics",
  'cold start at 50x ≤ 10× the time to read the files',
  'keystroke in text at 20x ≤ 1.5× keystroke at 1x',
  "keystroke in a link's id at 20x ≤ 1.5× keystroke at 1x",
  'definition at 50x ≤ 5 ms',
  'references at 50x ≤ 5 ms',
  'completion after `](#` (every id) at 50x ≤ 5 ms',
  'completion after `](#Lar` at 50x ≤ 5 ms',
  'memory kept at 50x ≤ 2× the source text',
];

test('bench --quick prints every row with a figure per size, and every target', { timeout: 120_000 }, () => {
  const run = spawnSync(process.execPath, [path.join(root, 'scripts/bench.mjs'), '--quick'], { cwd: root, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const lines = run.stdout.split('\n');
  assert.ok(lines.includes('| measure | 1x | 2x |'), run.stdout);
  for (const row of rows) {
    const line = lines.find((candidate) => candidate.startsWith(`| ${row}`));
    assert.ok(line, `row "${row}" missing:\n${run.stdout}`);
    const cells = line.split(/(?<!\\)\|/).slice(2, -1).map((cell) => cell.trim());
    assert.equal(cells.length, 2, line);
    for (const cell of cells) {
      assert.match(cell, /\d/, `row "${row}" has a cell without a figure: ${line}`);
      assert.doesNotMatch(cell, /NaN|undefined|not built/, line);
    }
  }
  for (const name of targets) {
    assert.ok(
      lines.some((line) => /^(PASS|FAIL|SKIP) {2}/.test(line) && line.includes(name)),
      `target "${name}" missing:\n${run.stdout}`,
    );
  }
});
