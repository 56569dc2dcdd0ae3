/**
 * Catastrophic backtracking and other superlinear work in the parser: every parser-facing
 * function that uses regular expressions is fed long runs of the characters Markdown gives
 * meaning to, at two sizes in the same run, and the time for 4n must stay near 4x the time for n
 * (a quadratic scan gives 16x; below 12x counts as linear). Each side is the minimum of a few
 * samples of repeated calls, in processor time, at 4,000 and 16,000 characters; a ratio of 12 or
 * more is measured again at 1,000 and at 16,000 characters (with 4,000 and 64,000) and fails only
 * when it stays. No absolute clock is asserted. GLOSSARY_LINEARITY_LOG=1 prints every measurement.
 *
 * The regular expressions covered (grep server/src/parse for `/.../` and `new RegExp`):
 * blocks.ts (line kinds, markers, fences, tables, divs, reference definitions, `splitLines`),
 * inline.ts (character references, HTML tags, autolinks, escapes, `escapeUri`, `referenceKey`,
 * note references, the special-character scan), attributes.ts (identifier characters),
 * identifiers.ts (kept characters) and parser.ts (heading trimming, the `***summary***` pattern).
 */

import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parseAttributeBlock } from '../parse/attributes';
import { scanBlocks, splitLines } from '../parse/blocks';
import { baseIdentifier, uniqueIdentifier } from '../parse/identifiers';
import {
  codeSpanEnd,
  escapeUri,
  unclosedEmphasisStart,
  htmlOrAutolinkEnd,
  matchingBracket,
  plainText,
  referenceKey,
  scanInline,
  skipVerbatim,
  unescape,
} from '../parse/inline';
import { parseGlossaryDocument } from '../parse/parser';
import { rawTexEnd } from '../parse/rawTex';

/** Pathological texts of about `n` characters. */
const inputs: Readonly<Record<string, (n: number) => string>> = {
  '[': (n) => '['.repeat(n),
  ']': (n) => ']'.repeat(n),
  '(': (n) => '[a]' + '('.repeat(n),
  '{': (n) => '{'.repeat(n),
  '{ then }': (n) => '{'.repeat(n) + '}',
  '#': (n) => '#'.repeat(n),
  '*': (n) => '*'.repeat(n),
  '* a': (n) => '*a '.repeat(n / 3),
  '_': (n) => '_'.repeat(n),
  '~': (n) => '~'.repeat(n),
  '`': (n) => '`'.repeat(n),
  '`` `': (n) => '``' + ' `'.repeat(n / 2),
  '` a': (n) => '`a'.repeat(n / 2),
  'growing backtick runs': (n) => {
    let text = '';
    for (let k = 1; text.length < n; k++) text += '`'.repeat(k) + 'a';
    return text;
  },
  '$': (n) => '$'.repeat(n),
  '$a': (n) => '$a'.repeat(n / 2),
  'backslashes': (n) => '\\'.repeat(n),
  '\\[': (n) => '\\['.repeat(n / 2),
  '](#': (n) => '](#'.repeat(n / 3),
  '[](#': (n) => '[](#'.repeat(n / 4),
  '[a](#': (n) => '[a](#'.repeat(n / 5),
  '[a][': (n) => '[a]['.repeat(n / 4),
  '[^': (n) => '[^'.repeat(n / 2),
  '^[': (n) => '^['.repeat(n / 2),
  '<': (n) => '<'.repeat(n),
  '<a ': (n) => '<a '.repeat(n / 3),
  '<a b=': (n) => '<a' + ' b='.repeat(n / 3),
  '<!--': (n) => '<!--'.repeat(n / 4),
  '<http:': (n) => '<http:'.repeat(n / 6),
  '{#': (n) => '{#'.repeat(n / 2),
  '{#a ': (n) => '{#a '.repeat(n / 4),
  '{.a': (n) => '{.a'.repeat(n / 3),
  '{a="': (n) => '{a="'.repeat(n / 4),
  '&#': (n) => '&#'.repeat(n / 2),
  'spaces then x': (n) => ' '.repeat(n) + 'x',
  'tabs': (n) => '\t'.repeat(n) + 'x',
  'mixture': (n) => '[{#`*<\\](#_$('.repeat(n / 13),
  '[ per line': (n) => 'a [\n'.repeat(n / 4),
  '[ and ] per line': (n) => '[a\n'.repeat(n / 6) + ']\n'.repeat(n / 6),
  '> per line': (n) => '>\n'.repeat(n / 2),
  '- per line': (n) => '- a\n'.repeat(n / 4),
  '| per line': (n) => '|a|\n|-|\n'.repeat(n / 8),
  '+ grid': (n) => '+-+\n|a|\n'.repeat(n / 8) + '+-+\n',
  '::: per line': (n) => '::: a\n'.repeat(n / 6),
  '``` per line': (n) => '```\n'.repeat(n / 4),
  '<div> per line': (n) => '<div>\n'.repeat(n / 6),
  'text then <pre> per line, never closed': (n) => 'Text\n' + '<pre>x\n'.repeat(n / 7),
  'text then <pre> per paragraph, never closed': (n) => 'Text\n<pre>\n\n'.repeat(n / 13),
  'a tag in the middle of each line of a paragraph, never closed': (n) => 'Text\n' + 'a <pre>x\n'.repeat(n / 9),
  'a backtick, then a block tag in each line of a paragraph': (n) => 'Text `[\n' + 'a <div>x\n'.repeat(n / 9),
  'a tag in each line of a paragraph, then a comment over a blank line': (n) => 'a <td>x\n'.repeat(n / 9) + '<!-- c\n\nd -->\n',
  'a comment opener in code before each blank line, closed at the end': (n) => 'a `<!--` <hr> b\n\n'.repeat(n / 17) + '-->\n',
  'definitions': (n) => 'a\n: b\n'.repeat(n / 6),
  'reference definitions': (n) => '[a]: #b\n'.repeat(n / 8),
  'notes': (n) => '[^a]: b\n'.repeat(n / 8),
  'setext': (n) => 'a\n=\n'.repeat(n / 4),
  'headings': (n) => '# a\n'.repeat(n / 4),
  'heading of {': (n) => '# a ' + '{'.repeat(n) + '}',
  'heading of {#a': (n) => '# a ' + '{#a '.repeat(n / 4) + '}',
  'heading of {k=': (n) => '# a ' + '{k='.repeat(n / 3) + ' x}',
  'heading of #': (n) => '# ' + '# '.repeat(n / 2),
  'heading of code, each with an unclosed block': (n) => '## x ' + '`c`{k='.repeat(n / 6) + 'x}',
  'code, each with an unclosed block': (n) => 'x ' + '`c`{k='.repeat(n / 6),
  'spans, each with an unclosed block': (n) => 'x ' + '[a]{k='.repeat(n / 6),
  'links, each with an unclosed block': (n) => 'x ' + '[a](#b){k='.repeat(n / 10),
  'heading of *': (n) => '# ' + '*'.repeat(n) + ' {#a}',
  'heading of emphasis nested ever deeper': (n) => '# ' + '**a *b '.repeat(n / 7) + '{#a}',
  'heading of emphasis runs that close': (n) => '# ' + '***a** b* '.repeat(n / 10) + '{#a}',
  'headings each opening a tag': (n) => '# K <div\n'.repeat(n / 9),
  'headings each opening a tag, closed at the end': (n) => '# K <div\n'.repeat(n / 9) + '>\n',
  'headings each opening a tag, then blank lines': (n) => '# K <div\n\n'.repeat(n / 10),
  'pipe-table cells of block tags': (n) => '| a | b |\n|---|---|\n' + '| <div> a | <hr> b |\n'.repeat(n / 20),
  'a fence whose attribute block goes on without end': (n) => '``` {.a\n' + 'b\n'.repeat(n / 2) + '```\n',
  'fences each with an attribute block going on': (n) => '``` {.a\n#b}\nc\n```\n'.repeat(n / 19),
  'HTML spans with an id, left open': (n) => 'x ' + '<span id="a">b '.repeat(n / 16),
  'HTML spans with an id, left open, one closed at the end': (n) => 'x ' + '<span id="a">b '.repeat(n / 16) + '</span>',
  'HTML divs with an id, left open, one closed at the end': (n) => '<div id="a">\nb\n'.repeat(n / 15) + '</div>\n',
  'TeX commands with an unclosed argument': (n) => '\\a{'.repeat(n / 3),
  'TeX commands with an unclosed option': (n) => '\\a['.repeat(n / 3),
  'TeX commands with an unclosed option, then a group': (n) => '\\a[{'.repeat(n / 4),
  'TeX environments left open': (n) => 'x \\begin{a}'.repeat(n / 12),
  'TeX environments left open, one closed at the end': (n) => 'x \\begin{a}'.repeat(n / 12) + '\\end{a}',
  'TeX command lines': (n) => '\\newpage\n'.repeat(n / 9),
  'TeX command lines with an unclosed argument': (n) => '\\newpage{\n'.repeat(n / 10),
  'TeX environments per line, left open, one closed at the end': (n) => '\\begin{a}\n'.repeat(n / 10) + '\\end{a}\n',
  'TeX environments of ever new names, left open': (n) => Array.from({ length: n / 14 }, (_, k) => `\\begin{n${k}}\n\n`).join(''),
  'TeX environments of ever new names, closed': (n) => Array.from({ length: n / 24 }, (_, k) => `\\begin{n${k}}\n\\end{n${k}}\n`).join(''),
  'TeX block commands, many to a line': (n) => ('\\vspace{1em}'.repeat(20) + '\n').repeat(n / 241),
  'a % then TeX commands in a long paragraph': (n) => '95 % ' + '\\emph{[a](#b)} '.repeat(n / 16),
  'TeX commands in each line of a paragraph': (n) => 'Text\n' + 'a \\b[\n'.repeat(n / 6),
  '***': (n) => '## A {#A .term}\n\n' + '***'.repeat(n / 3),
  '*** a': (n) => '## A {#A .term}\n\n' + '***a'.repeat(n / 4),
};

/** Each function under test, with the way to call it on a text. */
const functions: Readonly<Record<string, (text: string) => unknown>> = {
  parseGlossaryDocument: (text) => parseGlossaryDocument(text, 'file:///ws/A.md', 1),
  scanBlocks: (text) => scanBlocks(splitLines(text)),
  scanInline: (text) => scanInline(text, () => undefined),
  'scanInline (every key resolves)': (text) => scanInline(text, () => ({ url: '#x', kind: 'reference', idLocation: undefined })),
  plainText: (text) => plainText(text, () => undefined),
  unclosedEmphasisStart,
  parseAttributeBlock: (text) => parseAttributeBlock(text, 0),
  matchingBracket: (text) => matchingBracket(text, 0),
  codeSpanEnd: (text) => codeSpanEnd(text, 0),
  htmlOrAutolinkEnd: (text) => htmlOrAutolinkEnd(text, 0),
  skipVerbatim: (text) => skipVerbatim(text, 0),
  rawTexEnd: (text) => rawTexEnd(text, 0),
  escapeUri,
  unescape,
  referenceKey,
  baseIdentifier,
  uniqueIdentifier: (text) => uniqueIdentifier(text, new Set()),
};

// A collection before each measurement keeps garbage of the previous one out of its times.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/**
 * The sizes n compared with 4n: a quick look at the first, then, when that gives a ratio of 12 or
 * more, a second and a third look that count only when they agree. The memory system has steps:
 * as the parser's strings, arrays and maps outgrow a processor cache (or reach V8's large-object
 * space), a call per character costs several times more. For plainText on runs of `[` the time per
 * call went from 4,000 to 8,000 to 16,000 to 64,000 characters as 0.23, 0.49, 2.5 and 15 ms on this
 * machine: linear on either side of the step at 8,000 to 16,000, x11 to x14 across it, where the
 * first look measures. The second and third looks lie below that step (1,000 against 4,000) and
 * above it (16,000 against 64,000): a step lies between one pair of sizes, quadratic work shows
 * at every one.
 */
const sizes = [4_000, 1_000, 16_000] as const;
/** At most this many calls make up one sample. */
const maxCalls = 10_000;
/** A sample of 4n under this is no measurable work (it cannot be quadratic in 16,000 characters or more); no ratio is judged. */
const tooLittleMs = 1;

/**
 * The processor time in milliseconds that `calls` calls of `work` on `text` take. Processor time,
 * not time on the clock: this test shares two cores with other test runs, and a sample that waits
 * for the processor while another process runs takes longer on the clock without doing more work
 * (then samples of 1 ms at n and of 4 ms at 4n gave ratios of 7 to 8 for a single `replace`).
 */
function timeCalls(work: (text: string) => unknown, text: string, calls: number): number {
  const start = process.cpuUsage();
  for (let k = 0; k < calls; k++) work(text);
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1e3;
}

interface Measurement {
  readonly n: number;
  readonly calls: number;
  readonly small: number;
  readonly large: number;
}

/**
 * The times of as many calls at n and at 4n characters as take `targetMs` at n: the minimum of
 * `runs` samples at each size, the samples of the two sizes alternating. Disturbances (other
 * threads of the process, collections, caches) only ever add time, so the minimum, not the median,
 * is the closest to the work done.
 */
function measure(work: (text: string) => unknown, input: (n: number) => string, n: number, targetMs: number, runs: number): Measurement {
  const smallText = input(n);
  const largeText = input(4 * n);
  work(smallText); // compiles the code paths these inputs take
  work(largeText);
  let calls = 1;
  let time = timeCalls(work, smallText, calls);
  while (calls < maxCalls && time < targetMs / 4) time = timeCalls(work, smallText, (calls *= 4));
  calls = Math.min(maxCalls, Math.max(calls, Math.ceil((calls * targetMs) / Math.max(time, 1e-3))));
  if (targetMs >= 5) collectGarbage(); // a full collection costs more than a quick look
  let small = Infinity;
  let large = Infinity;
  for (let r = 0; r < runs; r++) {
    large = Math.min(large, timeCalls(work, largeText, calls));
    small = Math.min(small, timeCalls(work, smallText, calls));
  }
  return { n, calls, small, large };
}

/**
 * Linear work takes about 4 times as long for 4 times the input, quadratic 16; 12 leaves room for
 * the noise of a shared machine (and for caches) and still tells the two apart.
 */
const isLinear = ({ small, large }: Measurement): boolean => large < tooLittleMs || large / small < 12;

const describe = ({ n, calls, small, large }: Measurement): string =>
  `${calls} calls at n=${n} ${small.toFixed(2)} ms, at 4n ${large.toFixed(2)} ms (x${(large / small).toFixed(1)})`;

test('the measurement tells quadratic work from linear work', () => {
  const runOfBrackets = (n: number) => '['.repeat(n);
  // Looking back from every character for one the text lacks: n²/2 steps.
  const quadratic = (text: string) => {
    let found = 0;
    for (let i = 0; i < text.length; i++) found += text.lastIndexOf('x', i);
    return found;
  };
  const linear = (text: string) => text.split('[').length;
  assert.equal(isLinear(measure(quadratic, runOfBrackets, sizes[0], 5, 2)), false, 'quadratic work is told');
  assert.equal(isLinear(measure(linear, runOfBrackets, sizes[0], 5, 2)), true, 'linear work passes');
});

for (const [name, work] of Object.entries(functions)) {
  test(`${name}: work grows linearly on long runs of Markdown's special characters`, { timeout: 120_000 }, () => {
    const superlinear: string[] = [];
    for (const [inputName, input] of Object.entries(inputs)) {
      // A quick look with samples of 1 ms at n; a ratio of 12 or more is measured again at the other
      // sizes with samples of 5 ms, and counts only when it stays.
      let result = measure(work, input, sizes[0], 1, 2);
      for (let k = 1; k < sizes.length && !isLinear(result); k++) result = measure(work, input, sizes[k], 5, 3);
      if (!isLinear(result)) superlinear.push(`${JSON.stringify(inputName)}: ${describe(result)}`);
      if (process.env.GLOSSARY_LINEARITY_LOG === '1') console.log(`${name} ${JSON.stringify(inputName)}: ${describe(result)}`);
    }
    assert.deepEqual(superlinear, []);
  });
}
