/**
 * Raw TeX in Markdown (pandoc's `raw_tex` extension, on by default): a command such as `\newpage`,
 * `\emph{…}` or `\foo[opt]{arg}`, or an environment `\begin{x}…\end{x}`, is passed to LaTeX output
 * as it stands and is no Markdown: links and ids inside it are none (`\emph{[a](#x)}` links
 * nowhere). A line of such commands alone before a heading (`\newpage` over `## Term {#Term}`) is a
 * block of its own, so the heading stays a heading. Measured with pandoc 2.17 as it reads commands
 * it does not know: the name, a `*`, options in brackets, a dimension, arguments in braces; the
 * commands it knows that take fewer, or that it reads inline, are listed in `texCommands.ts`.
 */

import {
  blockTexCommands,
  inlineTexCommands,
  inlineTexEnvironments,
  paragraphEndingTexCommands,
  texCitationCommands,
  texCommandArguments,
  texCommandsNeedingArgument,
  texCommandsReadingNoOptions,
  texCommandsReadingOn,
  texCommandsToDocumentEnd,
  texCommandsToGroupEnd,
  texCommandsWithoutOptions,
  texCommandsWithTokenArgument,
  texDefinitionCommands,
} from './texCommands';

/** Letters of a command's name, as pandoc's TeX tokenizer takes them (Unicode letters and `@`), after a first letter: `\@b` is an escaped `@`. */
const nameCharacter = /[\p{L}@]/u;

/** Where the spaces after `at` end: spaces, tabs and one line break not followed by a blank line (TeX's `sp`). */
function skipSpace(text: string, at: number): number {
  let i = at;
  let lineBreaks = 0;
  for (;;) {
    const ch = text[i];
    if (ch === ' ' || ch === '\t') {
      i++;
    } else if (ch === '\n' && lineBreaks === 0 && !/^[ \t]*(?:\n|$)/.test(text.slice(i + 1, i + 200))) {
      lineBreaks++;
      i++;
    } else {
      return i;
    }
  }
}

/** Where a text's groups and options close. */
interface TexPairs {
  /** For each `{`, where its `}` is; -1 when unclosed. */
  readonly braces: Int32Array;
  /** For each position, where the first `]` from there on is that no group encloses; -1 when none. */
  readonly nextBracket: Int32Array;
}

/**
 * Pairs the braces of a text and finds the `]` that closes an option: TeX's grouping, past escaped
 * characters (`\{`, `\]`). (A `%` starts a comment in TeX; Markdown prose writes "95 %", and
 * pandoc's reading of it depends on where its TeX starts, so it is not followed.)
 */
function pairBraces(text: string): TexPairs {
  const braces = new Int32Array(text.length).fill(-1);
  const escaped = new Uint8Array(text.length + 1);
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') escaped[++i] = 1;
    else if (ch === '{') open.push(i);
    else if (ch === '}' && open.length > 0) braces[open.pop()!] = i;
  }
  const nextBracket = new Int32Array(text.length + 1).fill(-1);
  for (let i = text.length - 1; i >= 0; i--) {
    if (escaped[i]) nextBracket[i] = nextBracket[i + 1]!;
    else if (text[i] === ']') nextBracket[i] = i;
    else if (text[i] === '{' && braces[i]! >= 0) nextBracket[i] = nextBracket[braces[i]! + 1]!;
    else nextBracket[i] = nextBracket[i + 1]!;
  }
  return { braces, nextBracket };
}

interface PairedText {
  readonly pairs: TexPairs;
  environments?: ReadonlyMap<number, number>;
}

/**
 * The pairs of the texts that the scan under way has looked at (see `withTexPairs`); undefined
 * between scans, so that no text is kept after its scan (a paragraph cut out of a document would
 * keep the whole document's text alive).
 */
let pairsInScan: Map<string, PairedText> | undefined;
let scanDepth = 0;

/**
 * Runs a scan that asks `rawTexEnd` about one text again and again (the inline scanner asks for
 * every bracket it tries to match, and again within each link's label), so that each text is
 * paired once during it (see `pairBraces`; a command starts where a scan from the text's start
 * reaches, so pairing from there answers for every command): pairing anew per command made 1,000
 * characters of `\a[` take 0.8 s. Outside a scan each call pairs its text.
 */
export function withTexPairs<T>(scan: () => T): T {
  scanDepth++;
  try {
    return scan();
  } finally {
    if (--scanDepth === 0) pairsInScan = undefined;
  }
}

function pairedOnce(text: string): PairedText {
  let paired = pairsInScan?.get(text);
  if (paired === undefined) {
    paired = { pairs: pairBraces(text) };
    if (scanDepth > 0) (pairsInScan ??= new Map()).set(text, paired);
  }
  return paired;
}

/** Where the group that `at` is in ends (at its `}`), or the end of the text: how far a font switch (`\bfseries`) reaches. */
function groupEnd(text: string, at: number, pairs: TexPairs): number {
  for (let i = at; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\') i++;
    else if (ch === '{' && pairs.braces[i]! >= 0) i = pairs.braces[i]!;
    else if (ch === '}') return i;
  }
  return text.length;
}

/** Where a single-token argument after `end` ends (spaces before it, not a line break), or -1 when the line ends first. */
function tokenArgumentEnd(text: string, end: number): number {
  let at = end;
  while (text[at] === ' ' || text[at] === '\t') at++;
  if (at === text.length || text[at] === '\n') return -1;
  if (text[at] !== '\\') return at + 1;
  const name = /^\\[\p{L}@]+/u.exec(text.slice(at, at + 100));
  return at + (name?.[0].length ?? 2);
}

/**
 * Where `\verb` whose name ends at `end` ends: after a `*`, any mark but a letter, digit or blank,
 * the text and the same mark again on that line (`\verb|a|`, `\verb !a!`); -1 without them, where
 * pandoc reads `\verb` as text (`\verb {#io}`).
 */
function verbatimEnd(text: string, end: number): number {
  let at = skipSpace(text, end);
  if (text[at] === '*') at = skipSpace(text, at + 1);
  const mark = text[at];
  if (mark === undefined || /[\p{L}\p{N}\s]/u.test(mark)) return -1;
  const close = text.indexOf(mark, at + 1);
  const lineEnd = text.indexOf('\n', at);
  return close < 0 || (lineEnd >= 0 && lineEnd < close) ? -1 : close + 1;
}

/**
 * Citation keys, as pandoc's BibTeX reading takes them: letters, digits and these marks, a comma
 * or blanks between keys. Each key is followed by its separator or the end, so that a run of key
 * characters is matched one way only (`a b c … #` fails in linear time).
 */
const citationKeys = /^\s*(?:[\p{L}\p{N}.:;?!`'()/*@_+=&[\]-]+(?:\s*,\s*|\s+|$))*$/u;

/**
 * Whether pandoc reads a citation command whole, as TeX: where each argument in braces is a list
 * of keys (`\cite{a, b}`), and no link stands in its options or arguments (`\cite{[a](#x)}` is
 * text and a link, as is `\cite{#io}`).
 */
function readsAsCitation(command: string): boolean {
  return !command.includes('](') && [...command.matchAll(/\{([^}]*)\}/g)].every(([, keys]) => citationKeys.test(keys!));
}

/**
 * Where a macro definition whose name ends at `at` ends (`\newcommand{\x}[1]{…}`, `\def\x#1{…}`,
 * `\let\a\b`): after the parts that follow one another without spaces, commands, parameters,
 * options and groups.
 */
function definitionEnd(text: string, at: number, pairs: TexPairs): number {
  let end = at;
  for (;;) {
    const ch = text[end];
    if (ch === '{' && pairs.braces[end]! >= 0) end = pairs.braces[end]! + 1;
    else if (ch === '[' && pairs.nextBracket[end + 1]! >= 0) end = pairs.nextBracket[end + 1]! + 1;
    else if (ch === '#' && /[0-9]/.test(text[end + 1] ?? '')) end += 2;
    else if (ch === '\\') end += /^\\(?:[\p{L}@]+|.)/u.exec(text.slice(end, end + 100))?.[0].length ?? 1;
    else return end;
  }
}

/** A dimension after a command (`\foo12pt`, `\foo=3`, `\foo 1.5cm`). */
const dimension = /=?[ \t]*\.?[0-9][0-9.]*[A-Za-z]*/y;

/**
 * Where the raw TeX at `start` ends, or -1 when none starts there (`start` is at a backslash).
 * A command's arguments in braces must close, or pandoc reads none of it as TeX (`\foo{a` is text).
 * An environment runs to its own `\end{name}`, over lines and blank lines.
 */
export function rawTexEnd(text: string, start: number): number {
  if (text[start] !== '\\' || !/\p{L}/u.test(text[start + 1] ?? '')) return -1;
  let end = start + 2;
  while (end < text.length && nameCharacter.test(text[end]!)) end++;
  const name = text.slice(start + 1, end);
  if (name === 'begin') return environmentEnd(text, start, end);
  if (name === 'end') return -1;
  if (name === 'verb') return verbatimEnd(text, end);
  if (texCommandsToGroupEnd.has(name)) return groupEnd(text, end, pairedOnce(text).pairs);
  if (texDefinitionCommands.has(name)) return definitionEnd(text, end, pairedOnce(text).pairs);
  const argumentCount = texCommandArguments.get(name) ?? Infinity;
  if (texCommandsWithoutOptions.has(name) && argumentCount === 0) return end;
  // `at` goes past the spaces that follow each part (TeX's tokenizer takes those after a name);
  // `end` stays where the last part read ends.
  let at = skipSpace(text, end);
  if (text[at] === '*') {
    end = at + 1;
    at = skipSpace(text, end);
  }
  if (texCommandsReadingNoOptions.has(name) && text[at] !== '{') return tokenArgumentEnd(text, end);
  let pairs: TexPairs | undefined;
  while (text[at] === '[' && !texCommandsWithoutOptions.has(name)) {
    pairs ??= pairedOnce(text).pairs;
    const close = pairs.nextBracket[at + 1]!;
    if (close < 0) break;
    end = close + 1;
    at = skipSpace(text, end);
  }
  dimension.lastIndex = at;
  if (dimension.test(text)) end = at = dimension.lastIndex;
  if (text[at] !== '{' && texCommandsNeedingArgument.has(name)) return -1;
  if (text[at] !== '{' && texCommandsWithTokenArgument.has(name)) return tokenArgumentEnd(text, end);
  for (let read = 0; text[at] === '{' && read < argumentCount; read++) {
    pairs ??= pairedOnce(text).pairs;
    const close = pairs.braces[at]!;
    if (close < 0) return -1;
    end = at = close + 1;
  }
  if (texCitationCommands.has(name) && !readsAsCitation(text.slice(start, end))) return -1;
  return texCommandsToDocumentEnd.has(name) ? text.length : end;
}

/**
 * Where the environment whose `\begin{name}` is at `start` ends (after its `\end{name}`), or -1
 * when it is not closed. Environments of one name nest.
 */
function environmentEnd(text: string, start: number, nameEnd: number): number {
  if (text[nameEnd] !== '{') return -1;
  const paired = pairedOnce(text);
  paired.environments ??= pairEnvironments(text);
  return paired.environments.get(start) ?? -1;
}

/** By where each `\begin{name}` starts, where its `\end{name}` ends. */
function pairEnvironments(text: string): Map<number, number> {
  const ends = new Map<number, number>();
  const begun = new Map<string, number[]>();
  for (const tag of environmentTags(text)) {
    let open = begun.get(tag.name);
    if (open === undefined) begun.set(tag.name, (open = []));
    if (tag.begin) open.push(tag.start);
    else if (open.length > 0) ends.set(open.pop()!, tag.end);
  }
  return ends;
}

/** The `\begin{name}` and `\end{name}` of a text from `from` on, in order, past escaped backslashes; environments of one name nest. */
export function* environmentTags(text: string, from = 0): Generator<{ readonly begin: boolean; readonly name: string; readonly start: number; readonly end: number }> {
  const tag = /\\(?:\\|(begin|end)\{([^{}\n]*)\})/g;
  tag.lastIndex = from;
  for (let match = tag.exec(text); match !== null; match = tag.exec(text)) {
    if (match[1] !== undefined) yield { begin: match[1] === 'begin', name: match[2]!, start: match.index, end: tag.lastIndex };
  }
}

/**
 * Whether the raw TeX at `start` ends the paragraph it stands in, as pandoc's inline parser reads
 * no such TeX: an environment other than a math one, or a command that is a block of its own
 * (`\section{…}`). Measured with pandoc 2.17, mid-line and at a line's start.
 */
export function endsParagraph(text: string, start: number): boolean {
  const name = commandName(text, start);
  if (name === 'begin') {
    const environment = /^\\begin[ \t]*\{([^{}]*)\}/.exec(text.slice(start, start + 200))?.[1];
    return environment !== undefined && !inlineTexEnvironments.has(environment);
  }
  return name !== undefined && paragraphEndingTexCommands.has(name);
}

/** The name of the command at `at`, if a command starts there. */
export function commandName(line: string, at: number): string | undefined {
  return line[at] === '\\' ? /^\p{L}[\p{L}@]*/u.exec(line.slice(at + 1, at + 100))?.[0] : undefined;
}

/**
 * Where the raw TeX that pandoc reads as a block at `at` ends, or -1 (pandoc's `blockCommand`), in
 * a text of lines from there on: a block command (`\vspace{1em}`) ends after itself; another command
 * that is not read inline (`\newpage`) must fill the rest of its line, with others like it, and the
 * block ends at that line's end. A command's options and arguments may go on over lines.
 * Environments are the block scanner's (see `environmentBegun`).
 */
export function texBlockCommandEnd(text: string, at: number): number {
  const name = commandName(text, at);
  if (name === undefined || name === 'begin' || texCommandsReadingOn.has(name)) return -1;
  // Each command read asks about the same text.
  return withTexPairs(() => {
    if (blockTexCommands.has(name)) return rawTexEnd(text, at);
    if (inlineTexCommands.has(name)) return -1;
    // The commands that fill the rest of the line.
    let next = rawTexEnd(text, at);
    for (;;) {
      if (next < 0) return -1;
      while (text[next] === ' ' || text[next] === '\t') next++;
      if (next === text.length || text[next] === '\n') return next;
      const following = commandName(text, next);
      if (following === undefined || following === 'begin' || inlineTexCommands.has(following) || texCommandsReadingOn.has(following)) return -1;
      next = rawTexEnd(text, next);
    }
  });
}

/** The name of the environment begun at `at` in a line (`\begin{name}`), if one is. */
export function environmentBegun(line: string, at: number): string | undefined {
  return line.startsWith('\\begin{', at) ? /^\\begin\{([^{}\n]*)\}/.exec(line.slice(at, at + 200))?.[1] : undefined;
}
