// Shared pieces of the benchmark: workspaces made of copies of the real glossary, medians, timing.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');
export const corpus = path.resolve(root, '../shared/corpus/ki-glossar/src/de');

/**
 * Writes `copies` copies of the real glossary's entry files into a temp folder. Copy 0 keeps the
 * names and ids; copy k suffixes every file name and id (headings' `{#id}`, links' `](#id)`,
 * reference definitions' ` #id`) with `-ck`, so each copy's links resolve within that copy.
 */
export function makeWorkspace(copies) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `glossary-bench-${copies}x-`));
  const files = fs.readdirSync(corpus).filter((name) => name.endsWith('.md'));
  const texts = files.map((name) => fs.readFileSync(path.join(corpus, name), 'utf8'));
  for (let copy = 0; copy < copies; copy++) {
    const suffix = copy === 0 ? '' : `-c${copy}`;
    const rename = (text) =>
      copy === 0 ? text : text.replace(/(\]\(#|\{#|\s#)([\p{L}][\p{L}\p{N}_.:-]*)/gu, (_, prefix, id) => `${prefix}${id}${suffix}`);
    files.forEach((name, at) => fs.writeFileSync(path.join(dir, name.replace(/\.md$/, `${suffix}.md`)), rename(texts[at])));
  }
  return dir;
}

export function median(values) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Median milliseconds of `runs` calls of a synchronous task. */
export function timeSync(runs, task) {
  const times = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    task(run);
    times.push(performance.now() - start);
  }
  return median(times);
}

/** Median milliseconds of `runs` calls of an asynchronous task. */
export async function timeAsync(runs, task) {
  const times = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    await task(run);
    times.push(performance.now() - start);
  }
  return median(times);
}

/** A cancellation token that is never cancelled (what the features take). */
export const noCancel = Object.freeze({
  isCancellationRequested: false,
  onCancellationRequested: () => ({ dispose() {} }),
});

/** Milliseconds for a table cell: 3 significant digits below 10, whole numbers above. */
export function formatMs(ms) {
  if (ms === undefined || Number.isNaN(ms)) return '–';
  if (ms >= 1000) return `${(ms / 1000).toFixed(ms >= 10000 ? 1 : 2)} s`;
  if (ms >= 10) return `${ms.toFixed(0)} ms`;
  if (ms >= 1) return `${ms.toFixed(1)} ms`;
  return `${ms.toFixed(3)} ms`;
}

export function formatRatio(ratio) {
  if (ratio === undefined || !Number.isFinite(ratio)) return '–';
  if (ratio >= 10) return `${ratio.toFixed(0)}×`;
  if (ratio >= 0.1) return `${ratio.toFixed(2)}×`;
  return `${ratio.toPrecision(2)}×`;
}

/** The first link in a document model whose target is `id`, with a position inside its id. */
export function linkTo(document, id) {
  const link = document.links.find((candidate) => candidate.target === id && candidate.kind === 'inline');
  if (link === undefined) return undefined;
  const range = link.idRange ?? link.range;
  return { link, position: { line: range.start.line, character: range.start.character + 1 } };
}
