/**
 * Catastrophic backtracking and other superlinear work in the parser: every parser-facing
 * function that uses regular expressions is fed long runs of the characters Markdown gives
 * meaning to, at two sizes in the same run, and the time for 4n must stay near 4x the time for n
 * (a quadratic scan gives 16x; below 12x counts as linear). Each side is the minimum of a few
 * samples of repeated calls, in processor time, at 4,000 and 16,000 characters; a ratio of 12 or
 * more is measured again at 1,000, 2,000 and 16,000 characters (with 4,000, 8,000 and 64,000) and
 * fails only when it stays at every size. Texts just too short for the inline scanner to index (250 characters) must cost
 * per character less than 100 times what the example glossary does. No absolute clock is
 * asserted. GLOSSARY_LINEARITY_LOG=1 prints every measurement.
 *
 * The measuring runs in a worker thread whose young generation is fixed at 64 MB, so that the
 * collector's work does not step up with the size of the input (support/linearityProbe.ts says
 * why); that thread is the only one this test process creates, so the flags concern only it.
 *
 * The regular expressions covered (grep server/src/parse for `/.../` and `new RegExp`):
 * blocks.ts (line kinds, markers, fences, tables, divs, reference definitions, `splitLines`),
 * inline.ts (character references, HTML tags, autolinks, escapes, `escapeUri`, `referenceKey`,
 * note references, the special-character scan), attributes.ts (identifier characters),
 * identifiers.ts (kept characters) and parser.ts (heading trimming, the `***summary***` pattern).
 */

import { after, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { once } from 'node:events';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Worker } from 'node:worker_threads';
import { functions, shortLength, type Verdict } from './support/linearityProbe';

setFlagsFromString('--min-semi-space-size=64');
setFlagsFromString('--max-semi-space-size=64');
const probe = new Worker(join(__dirname, 'support', 'linearityProbe.js'));
after(() => probe.terminate());

/** The most a text of `shortLength` characters may cost per character, in times the example glossary's. */
const maxShortTextCost = 100;

/** The verdicts of the probe on `work` (a function's name) for one input or every input. */
async function verdicts(work: string, input?: string): Promise<Verdict[]> {
  probe.postMessage({ work, input });
  const [answer] = (await once(probe, 'message')) as [Verdict[]];
  return answer;
}

test('the measurement tells quadratic work from linear work', async () => {
  const [quadratic] = await verdicts('quadratic', '[');
  const [linear] = await verdicts('linear', '[');
  assert.equal(quadratic.linear, false, `quadratic work is told: ${quadratic.description}`);
  assert.equal(linear.linear, true, `linear work passes: ${linear.description}`);
});

for (const name of Object.keys(functions)) {
  test(`${name}: work grows linearly on long runs of Markdown's special characters`, { timeout: 120_000 }, async () => {
    const results = await verdicts(name);
    if (process.env.GLOSSARY_LINEARITY_LOG === '1') {
      for (const { input, description, shortTextCost } of results) {
        console.log(`${name} ${JSON.stringify(input)}: ${description}; at ${shortLength} characters x${shortTextCost.toFixed(1)} the example's cost per character`);
      }
    }
    const superlinear = results.filter((result) => !result.linear).map(({ input, description }) => `${JSON.stringify(input)}: ${description}`);
    assert.deepEqual(superlinear, []);
    const costly = results
      .filter((result) => result.shortTextCost >= maxShortTextCost)
      .map(({ input, shortTextCost }) => `${JSON.stringify(input)}: at ${shortLength} characters x${shortTextCost.toFixed(0)} the example's cost per character`);
    assert.deepEqual(costly, []);
  });
}
