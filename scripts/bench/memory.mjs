// Run as `node --expose-gc scripts/bench/memory.mjs DIR`: prints as JSON the heap kept by a loaded
// GlossarySession (every file read, parsed and indexed), measured after garbage collection and
// minus the heap before loading (modules already loaded), with the entry count and source bytes.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadSession } from './ours.mjs';

const dir = process.argv[2];
if (typeof globalThis.gc !== 'function') throw new Error('run with --expose-gc');

async function settledHeap() {
  for (let round = 0; round < 4; round++) {
    globalThis.gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
  return process.memoryUsage().heapUsed;
}

const sourceBytes = fs
  .readdirSync(dir)
  .filter((name) => name.endsWith('.md'))
  .reduce((sum, name) => sum + fs.statSync(path.join(dir, name)).size, 0);

// A small load first (ten of the files), so that lazily compiled code and module state
// (localization, caches) count in the baseline, not as the workspace's.
const sample = fs.mkdtempSync(path.join(path.dirname(dir), 'glossary-bench-sample-'));
for (const name of fs.readdirSync(dir).filter((name) => name.endsWith('.md')).slice(0, 10)) fs.copyFileSync(path.join(dir, name), path.join(sample, name));
await loadSession(sample);
fs.rmSync(sample, { recursive: true, force: true });
const baseline = await settledHeap();
const session = await loadSession(dir);
const kept = (await settledHeap()) - baseline;
const entries = [...session.index.entries()].length;
process.stdout.write(JSON.stringify({ kept, entries, sourceBytes, files: [...session.index.documents()].length }));
