// Runs every compiled unit and protocol test (`*.test.js` under out/server/src/test and out/test)
// with Node's test runner, plus the grammar and snippet checks. Node 20's `--test` takes no globs,
// so the files are listed here.
import { readdirSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';

function testFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.test.js'))
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
    .filter((file) => !file.includes(`${join('out', 'test', 'vscode')}`))
    // tsc never deletes what it compiled: a test whose source is gone must not run.
    .filter((file) => existsSync(file.replace(/^out[\\/]/, '').replace(/\.js$/, '.ts')))
    .sort();
}

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  return result.status ?? 1;
}

// The benchmark's smoke run (1x and 2x, one run each) keeps `npm run bench` from breaking unnoticed.
const files = [...testFiles('out/server/src/test'), ...testFiles('out/test'), 'scripts/bench/quick.test.mjs'];
let status = 0;
for (const script of ['scripts/test-grammar.mjs', 'scripts/test-snippets.mjs']) {
  status = run(process.execPath, [script]) || status;
}
// The failed tests are named once more at the very end, where a CI log that keeps only its end shows them.
const failures = join(mkdtempSync(join(tmpdir(), 'glossary-test-')), 'failed.txt');
status = run(process.execPath, [
  '--test',
  '--test-reporter=spec', '--test-reporter-destination=stdout',
  '--test-reporter=./scripts/failed-tests-reporter.mjs', `--test-reporter-destination=${failures}`,
  ...files,
]) || status;
const failed = existsSync(failures) ? readFileSync(failures, 'utf8') : '';
rmSync(dirname(failures), { recursive: true, force: true });
if (failed !== '') process.stdout.write(`\nfailed tests:\n${failed}`);
process.exit(status);
