// Benchmarks of the glossary index on the real glossary and on copies of it (ids renamed per copy,
// so links still resolve). Prints medians and, in the same run, ratios against reading the files
// and against a full remark-parse of every file (what a parser-per-file design would pay).
//
//   npm run bench [-- --sizes 1,10,50 --runs 5]
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const corpus = path.resolve(root, '../shared/corpus/ki-glossar/src/de');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : fallback;
};
const sizes = option('sizes', '1,10,50').split(',').map(Number);
const runs = Number(option('runs', '5'));

execFileSync('npx', ['tsc', '-b', 'server'], { cwd: root, stdio: 'inherit' });
const { parseGlossaryDocument } = require(path.join(root, 'out/server/src/parse/parser.js'));
const { WorkspaceIndex } = require(path.join(root, 'out/server/src/index/workspaceIndex.js'));
const { computeDiagnostics } = require(path.join(root, 'out/server/src/diagnostics/computeDiagnostics.js'));
const { resolveConfig } = require(path.join(root, 'out/server/src/config.js'));

/** Writes `copies` copies of the real glossary, each with its ids suffixed, into a temp folder. */
function makeWorkspace(copies) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `glossary-bench-${copies}x-`));
  const files = fs.readdirSync(corpus).filter((name) => name.endsWith('.md'));
  for (let copy = 0; copy < copies; copy++) {
    const suffix = copy === 0 ? '' : `-c${copy}`;
    const rename = (text) =>
      text.replace(/(\]\(#|\{#|\s#)([\p{L}][\p{L}\p{N}_.:-]*)/gu, (_, prefix, id) => `${prefix}${id}${suffix}`);
    for (const name of files) {
      const text = fs.readFileSync(path.join(corpus, name), 'utf8');
      fs.writeFileSync(path.join(dir, name.replace(/\.md$/, `${suffix}.md`)), rename(text));
    }
  }
  return dir;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function measure(task) {
  const times = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    task();
    times.push(performance.now() - start);
  }
  return median(times);
}

const { unified } = await import('unified');
const { default: remarkParse } = await import('remark-parse');
const remark = unified().use(remarkParse);
const config = resolveConfig({}).config;

const rows = [];
for (const size of sizes) {
  const dir = makeWorkspace(size);
  const names = fs.readdirSync(dir).sort();
  const bytes = names.reduce((sum, name) => sum + fs.statSync(path.join(dir, name)).size, 0);
  const read = () => names.map((name) => [name, fs.readFileSync(path.join(dir, name), 'utf8')]);

  const readTime = measure(read);
  let diagnosticsCount = 0;
  const indexAndCheck = () => {
    const index = new WorkspaceIndex();
    const documents = read().map(([name, text]) => parseGlossaryDocument(text, `file://${dir}/${name}`, 0));
    for (const document of documents) index.update(document);
    diagnosticsCount = 0;
    for (const document of documents) diagnosticsCount += computeDiagnostics(document, index, config).length;
  };
  const checkTime = measure(indexAndCheck);
  // A full remark-parse is slow: measure it once at the larger sizes.
  const remarkRuns = size >= 10 ? 1 : runs;
  const remarkTimes = [];
  for (let run = 0; run < remarkRuns; run++) {
    const start = performance.now();
    for (const [, text] of read()) remark.parse(text);
    remarkTimes.push(performance.now() - start);
  }
  const remarkTime = median(remarkTimes);
  const cliTimes = [];
  for (let run = 0; run < Math.min(runs, 3); run++) {
    const start = performance.now();
    try {
      execFileSync(process.execPath, [path.join(root, 'dist/glossary.js'), 'check', dir, '--format', 'json'], { maxBuffer: 1 << 30 });
    } catch (error) {
      if (error.status !== 1) throw error; // 1 means errors were found, as expected
    }
    cliTimes.push(performance.now() - start);
  }
  const nodeStart = measure(() => execFileSync(process.execPath, ['-e', '0']));
  rows.push({
    size: `${size}x`,
    files: names.length,
    megabytes: (bytes / 1e6).toFixed(1),
    readMs: readTime.toFixed(0),
    indexAndCheckMs: checkTime.toFixed(0),
    checkVsRead: (checkTime / readTime).toFixed(1),
    remarkParseMs: remarkTime.toFixed(0),
    checkVsRemark: (checkTime / remarkTime).toFixed(3),
    cliCheckMs: median(cliTimes).toFixed(0),
    cliMinusNodeStartMs: (median(cliTimes) - nodeStart).toFixed(0),
    diagnostics: diagnosticsCount,
  });
  fs.rmSync(dir, { recursive: true, force: true });
}

console.log(`medians of ${runs} runs (remark-parse: 1 run at 10x and above), ${os.cpus().length} cores, node ${process.version}`);
console.table(rows);
