/**
 * The measuring side of regexLinearity.test: runs in a worker thread, which the test starts with a
 * young generation of a fixed 64 MB (V8 reads the semi-space flags when it creates an isolate, so
 * they cannot be changed for the test's own thread once it runs).
 *
 * Why: the young generation starts at 1 MB and grows with what survives its collections. A parse
 * of a 64,000-character list keeps a few MB alive, and once that outgrows the young generation
 * every collection copies it: the time per character then jumped about fourfold between 16,000 and
 * 64,000 characters (parseGlossaryDocument on `- a` lines: 0.19 to 0.82 µs per character), linear
 * on either side, x13 to x17 across, and where the heap stood after the earlier tests decided
 * which pair of sizes the step fell between. With 64 MB from the start it stays at 0.18 to 0.21 µs
 * per character up to 64,000 characters, the largest size measured.
 *
 * The worker answers a request `{ work, input? }` (the names of a function and of an input, or
 * every input) with a `Verdict` per input.
 *
 * Ratios of sizes cannot see the texts shorter than `indexedLength` (256 characters), which the
 * inline scanner does not index (matching a bracket looks through the rest of the text, by design
 * at most about 65,000 steps). So each input is also timed just under that length against the
 * parse of the example glossary, per character: when each such look also paired a text's TeX
 * braces anew, 1,000 characters of `\a[` took 0.8 s, 2,500 times the example's cost per character,
 * and linear by every ratio above the length then indexed.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parseAttributeBlock } from '../../parse/attributes';
import { scanBlocks, splitLines } from '../../parse/blocks';
import { baseIdentifier, uniqueIdentifier } from '../../parse/identifiers';
import {
  codeSpanEnd,
  indexedLength,
  escapeUri,
  unclosedEmphasisStart,
  htmlOrAutolinkEnd,
  matchingBracket,
  plainText,
  referenceKey,
  scanInline,
  skipVerbatim,
} from '../../parse/inline';
import { unescapeAndResolve } from '../../parse/characterReferences';
import { parseGlossaryDocument } from '../../parse/parser';
import { rawTexEnd } from '../../parse/rawTex';

/** Pathological texts of about `n` characters. */
export const inputs: Readonly<Record<string, (n: number) => string>> = {
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
  'links on one line': (n) => '[b](#B) | '.repeat(n / 10),
  '^[x](#X)': (n) => '^[x](#X)'.repeat(n / 8),
  'a^b': (n) => 'a^b'.repeat(n / 3),
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
  '<a>': (n) => 'x <a>y'.repeat(n / 6),
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
  // Each paragraph opens a label that never closes, which a definition's label may go on from over lines.
  'paragraphs opening a [': (n) => '[a\n\n'.repeat(n / 4),
  'reference definitions with labels over lines': (n) => '[a\nb]: #c\n\n'.repeat(n / 12),
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
  'text and TeX blocks that end the paragraph, in one line': (n) => 'x \\section{a} '.repeat(n / 14),
  'text and closed TeX environments, in one line': (n) => 'x \\begin{center}y\\end{center} '.repeat(n / 30),
  'text lines, each with a closed TeX environment': (n) => 'x \\begin{center}y\\end{center}\n'.repeat(n / 30),
  'TeX block commands, all on one line': (n) => '\\vspace{1em}'.repeat(n / 12),
  'TeX block commands, all on one line, spaced': (n) => '\\hspace{1em} '.repeat(n / 13),
  'a % then TeX commands in a long paragraph': (n) => '95 % ' + '\\emph{[a](#b)} '.repeat(n / 16),
  'links with TeX in the label and between': (n) => '[x \\y{k}](#b) \\z{w} '.repeat(n / 20),
  'TeX commands in each line of a paragraph': (n) => 'Text\n' + 'a \\b[\n'.repeat(n / 6),
  // A citation whose keys end in a mark that is no key's: it is text, found so without trying each way to split the keys.
  'a citation of many keys, then a mark that is none': (n) => 'x \\cite{' + 'a '.repeat(n / 2) + '#}',
  'a heading with a citation of many keys, then a mark that is none': (n) => '## x \\cite{' + 'ab'.repeat(n / 2) + '#} {#h}',
  '\\verb never closed': (n) => 'x \\verb|' + 'a'.repeat(n),
  'see-also links run together': (n) => '## A {#A .term}\n\n### S {.seealso}\n\n' + '[b](#B)\n'.repeat(n / 8),
  'see-also links in a quote ever deeper': (n) => '## A {#A .term}\n\n### S {.seealso}\n\n' + '>'.repeat(n / 2) + ' [b](#B)\n' + '>'.repeat(n / 2) + ' [c](#C)\n',
  '***': (n) => '## A {#A .term}\n\n' + '***'.repeat(n / 3),
  '*** a': (n) => '## A {#A .term}\n\n' + '***a'.repeat(n / 4),
  // Sentences (see `sentenceStartsIn`): many on one line, abbreviations that end none, one on each line of a paragraph.
  'sentences on one line': (n) => 'Ein Satz. '.repeat(n / 10),
  'z. B. on one line': (n) => 'Wort z. B. '.repeat(n / 11),
  'a second sentence on each line': (n) => 'Eins. Zwei\n'.repeat(n / 11),
};

/** Each function under test, with the way to call it on a text. */
export const functions: Readonly<Record<string, (text: string) => unknown>> = {
  parseGlossaryDocument: (text) => parseGlossaryDocument(text, 'file:///ws/A.md', 1),
  scanBlocks: (text) => scanBlocks(splitLines(text)),
  scanInline: (text) => scanInline(text, () => undefined),
  'scanInline (every key resolves)': (text) => scanInline(text, () => ({ url: '#x', kind: 'reference', idLocation: undefined, labelLocation: undefined })),
  plainText: (text) => plainText(text, () => undefined),
  unclosedEmphasisStart,
  parseAttributeBlock: (text) => parseAttributeBlock(text, 0),
  matchingBracket: (text) => matchingBracket(text, 0),
  codeSpanEnd: (text) => codeSpanEnd(text, 0),
  htmlOrAutolinkEnd: (text) => htmlOrAutolinkEnd(text, 0),
  skipVerbatim: (text) => skipVerbatim(text, 0),
  rawTexEnd: (text) => rawTexEnd(text, 0),
  escapeUri,
  unescapeAndResolve,
  referenceKey,
  baseIdentifier,
  uniqueIdentifier: (text) => uniqueIdentifier(text, new Set()),
};


/** Work whose growth is known, to show that the measurement tells the two apart. */
export const selfChecks: Readonly<Record<string, (text: string) => unknown>> = {
  // Comparing every character with every eighth one before it: n²/16 steps of plain code. (A library
  // search such as `lastIndexOf` scans so fast that the call made for every character, linear work,
  // weighs in: one full test run measured a ratio of 11.9 for 4n, and took it for linear.)
  quadratic: (text) => {
    let equal = 0;
    for (let i = 0; i < text.length; i++) {
      for (let j = 0; j < i; j += 8) if (text.charCodeAt(j) === text.charCodeAt(i)) equal++;
    }
    return equal;
  },
  linear: (text) => text.split('[').length,
};

// A collection before each measurement keeps garbage of the previous one out of its times.
if (parentPort !== null) setFlagsFromString('--expose-gc');
const collectGarbage = (parentPort === null ? () => undefined : runInNewContext('gc')) as () => void;

/**
 * The sizes n compared with 4n: a quick look at the first, then, while the ratio stays 12 or more,
 * further looks; the work counts as superlinear only when every look says so. Quadratic work shows
 * at every pair of sizes, a step of the memory system between one pair only: a processor cache
 * outgrown, or the collector (parsing a definition list of 64,000 characters keeps enough alive
 * that it takes about 13 times as long as one of 16,000, and 4 to 5 times as long from there on).
 */
const sizes = [4_000, 1_000, 2_000, 16_000] as const;
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

/** How many calls of `work` on `text` take about `targetMs` (at most `maxCalls`). */
function callsTaking(work: (text: string) => unknown, text: string, targetMs: number): number {
  let calls = 1;
  let time = timeCalls(work, text, calls);
  while (calls < maxCalls && time < targetMs / 4) time = timeCalls(work, text, (calls *= 4));
  return Math.min(maxCalls, Math.max(calls, Math.ceil((calls * targetMs) / Math.max(time, 1e-3))));
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
  const calls = callsTaking(work, smallText, targetMs);
  if (targetMs >= 5) collectGarbage(); // a full collection costs more than a quick look
  let small = Infinity;
  let large = Infinity;
  for (let r = 0; r < runs; r++) {
    large = Math.min(large, timeCalls(work, largeText, calls));
    small = Math.min(small, timeCalls(work, smallText, calls));
  }
  return { n, calls, small, large };
}

/** The processor time per character of `work` on `text`, in milliseconds: the least of three samples of 1 ms or more. */
function timePerCharacter(work: (text: string) => unknown, text: string): number {
  work(text);
  const calls = callsTaking(work, text, 1);
  let best = Infinity;
  for (let r = 0; r < 3; r++) best = Math.min(best, timeCalls(work, text, calls));
  return best / calls / text.length;
}

/**
 * Linear work takes about 4 times as long for 4 times the input, quadratic 16; 12 leaves room for
 * the noise of a shared machine (and for caches) and still tells the two apart.
 */
const isLinear = ({ small, large }: Measurement): boolean => large < tooLittleMs || large / small < 12;

const describe = ({ n, calls, small, large }: Measurement): string =>
  `${calls} calls at n=${n} ${small.toFixed(2)} ms, at 4n ${large.toFixed(2)} ms (x${(large / small).toFixed(1)})`;

/** The length of a short text, just under the size from which the inline scanner indexes a text. */
export const shortLength = indexedLength - 6;

/** The processor time per character of parsing the example glossary's entries: the measure of a short text's cost. Measured once, when first needed. */
let examplePerCharacter: number | undefined;

function exampleTimePerCharacter(): number {
  if (examplePerCharacter === undefined) {
    const folder = join('example', 'glossary');
    const entries = readdirSync(folder)
      .filter((name) => name.endsWith('.md'))
      .map((name) => readFileSync(join(folder, name), 'utf8'));
    // One text, the entries parted by a character none of them holds, so that the time is per character of all.
    examplePerCharacter = timePerCharacter((text) => {
      for (const entry of text.split('\0')) parseGlossaryDocument(entry, 'file:///ws/A.md', 1);
    }, entries.join('\0'));
  }
  return examplePerCharacter;
}

export interface Verdict {
  readonly input: string;
  readonly linear: boolean;
  readonly description: string;
  /** The cost per character of the input at `shortLength` characters, in times the example glossary's. */
  readonly shortTextCost: number;
}

/**
 * A quick look with samples of 1 ms at n; a ratio of 12 or more is measured again at the other
 * sizes with samples of 5 ms, and counts only when it stays at every size.
 */
function judge(work: (text: string) => unknown, input: (n: number) => string): Omit<Verdict, 'input'> {
  let result = measure(work, input, sizes[0], 1, 2);
  for (let k = 1; k < sizes.length && !isLinear(result); k++) result = measure(work, input, sizes[k], 5, 3);
  return { linear: isLinear(result), description: describe(result), shortTextCost: timePerCharacter(work, input(shortLength)) / exampleTimePerCharacter() };
}

parentPort?.on('message', ({ work, input }: { work: string; input?: string }) => {
  const run = functions[work] ?? selfChecks[work];
  const names = input === undefined ? Object.keys(inputs) : [input];
  const verdicts: Verdict[] = names.map((name) => ({ input: name, ...judge(run, inputs[name]) }));
  parentPort?.postMessage(verdicts);
});
