// Run as `node scripts/bench/isolated.mjs stdio|mdls` with the arguments as JSON on stdin: one
// measurement in a process of its own, printed as JSON. The benchmark's own process holds a loaded
// session (and its garbage); a client or an engine measured beside it would pay for that heap's
// garbage collection, and a cold start over stdio would wait for a client slowed by it.
import { coldStartAndKeystrokes } from './stdio.mjs';
import { measureMdls } from './mdls.mjs';

const measurements = { stdio: coldStartAndKeystrokes, mdls: measureMdls };
const measure = measurements[process.argv[2]];
if (measure === undefined) throw new Error(`unknown measurement ${process.argv[2]}; one of ${Object.keys(measurements).join(', ')}`);
let input = '';
for await (const chunk of process.stdin) input += chunk;
const { dir, options } = JSON.parse(input);
process.stdout.write(JSON.stringify(await measure(dir, options)));
