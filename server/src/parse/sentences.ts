/**
 * Where a sentence starts after another on the same line of text, for the writing rule that each
 * sentence begins on a line of its own. A conservative reading: a sentence ends at `!` or `?`, or
 * at a `.` after a word of two letters or more that is no common abbreviation (`vs.`, `ca.`,
 * `z. B.`), nor a number (`am 1. Januar`, `19. Jahrhundert` are ordinals); the next starts with a
 * capital letter after blanks, perhaps behind an opening quote, bracket or emphasis (not a
 * parenthesis: `***"…"*** (ChatGPT)` names who said a one-liner). Runs of marks (`??? TODO`) end none.
 */

/** Abbreviations that a capitalized word often follows (German and English, lower case, without the dot). */
const abbreviations = new Set([
  'abb', 'allg', 'apr', 'aug', 'bd', 'bspw', 'bzgl', 'bzw', 'ca', 'co', 'corp', 'dez', 'dr', 'dt', 'ebd', 'ehem', 'eigtl', 'engl',
  'etc', 'evtl', 'exkl', 'feb', 'ff', 'fr', 'franz', 'geb', 'gest', 'ggf', 'griech', 'hr', 'hrsg', 'inc', 'incl', 'inkl', 'insb',
  'ital', 'jan', 'jh', 'jhd', 'kap', 'lat', 'ltd', 'max', 'min', 'mio', 'mr', 'mrd', 'mrs', 'ms', 'nov', 'nr', 'okt', 'orig',
  'prof', 'sep', 'sept', 'sog', 'span', 'st', 'str', 'tsd', 'ugs', 'urspr', 'usf', 'usw', 'vgl', 'vs', 'zzgl',
]);

/** A sentence's end and the next one's start: the punctuation after a word, closing marks, blanks, opening marks, a capital letter. */
const sentenceBoundary = /[.!?]["'’“”»)*_]*([ \t]+)["'‚„“«»*_[]*\p{Lu}/gu;
/** What a sentence's closing punctuation follows: a word, a number, a closing bracket or quote (not another mark: `??? TODO`). */
const endOfSentenceText = /[\p{L}\p{N})"'’”»]/u;
const wordBefore = /(\p{L}+)$/u;

/** A sentence start found on a line: the offsets of the blanks before it and of the end of its first word. */
export interface SentenceStart {
  readonly blankStart: number;
  readonly blankEnd: number;
  readonly wordEnd: number;
}

/** The sentences that start after another in `line` between `from` and `to` (offsets into the line). */
export function sentenceStartsIn(line: string, from = 0, to = line.length): SentenceStart[] {
  const starts: SentenceStart[] = [];
  sentenceBoundary.lastIndex = from;
  for (let match = sentenceBoundary.exec(line); match !== null && match.index < to; match = sentenceBoundary.exec(line)) {
    if (match.index === from || !endOfSentenceText.test(line[match.index - 1]!)) continue;
    if (line[match.index] === '.' && !endsSentenceWithDot(line.slice(from, match.index))) continue;
    const blankStart = match.index + match[0].indexOf(match[1]!);
    const wordStart = blankStart + match[1]!.length;
    let wordEnd = wordStart;
    while (wordEnd < to && !/\s/.test(line[wordEnd]!)) wordEnd++;
    if (wordEnd <= to) starts.push({ blankStart, blankEnd: wordStart, wordEnd });
  }
  return starts;
}

/** Whether a `.` after this text ends a sentence: after a word of two letters or more that is no abbreviation, not after a digit or another dot. */
function endsSentenceWithDot(before: string): boolean {
  const word = wordBefore.exec(before)?.[1];
  if (word === undefined || word.length < 2 || abbreviations.has(word.toLowerCase())) return false;
  // `z.B.`, `i.d.R.`, `u.a.`: a word glued to a dot before it is part of an abbreviation.
  return before.charAt(before.length - word.length - 1) !== '.';
}
