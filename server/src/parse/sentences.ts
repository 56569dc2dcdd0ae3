/**
 * Where a sentence starts after another on the same line of text, for the writing rule that each
 * sentence begins on a line of its own. A conservative reading: a sentence ends at `!` or `?`
 * after a word, or at a `.` after a word of two letters or more that is no common abbreviation
 * (`vs.`, `ca.`, `Dr.`), no part of one (`z.B.`), no roman numeral (`II. Weltkrieg`) and no number
 * (`am 1. Januar`, `19. Jahrhundert` are ordinals); the next starts with a capital letter after
 * blanks, perhaps behind an opening quote, bracket or emphasis (not a parenthesis: `***"…"***
 * (ChatGPT)` names who said a one-liner), and is no enumerator (`B) ist besser`, which in a list
 * item would start a list). Inside a quotation, a one-liner's `***…***` or braces (`\textbf{…}`,
 * `{title="…"}`) no sentence ends: they are quoted or no prose.
 */

/** Abbreviations that a capitalized word often follows (German and English, lower case, without the dot). */
const abbreviations = new Set([
  'abb', 'abk', 'abs', 'abschn', 'al', 'allg', 'altgriech', 'anm', 'apr', 'art', 'aufl', 'aug', 'bd', 'bio', 'bros', 'bsp', 'bspw',
  'bzgl', 'bzw', 'ca', 'cf', 'chr', 'co', 'corp', 'dez', 'dipl', 'dr', 'dt', 'ebd', 'ed', 'ehem', 'eigtl', 'engl', 'etc', 'evtl',
  'exkl', 'fa', 'feb', 'ff', 'fr', 'franz', 'frz', 'geb', 'gem', 'gen', 'gest', 'ggf', 'gr', 'griech', 'hr', 'hrsg', 'inc', 'incl',
  'ing', 'inkl', 'insb', 'insbes', 'ital', 'jan', 'jh', 'jhd', 'jr', 'jul', 'jun', 'kap', 'lat', 'lit', 'lt', 'ltd', 'mär', 'max',
  'med', 'min', 'mind', 'mio', 'mr', 'mrd', 'mrs', 'ms', 'mt', 'nat', 'nov', 'nr', 'okt', 'orig', 'phil', 'prof', 'rep', 'rer',
  'sen', 'sep', 'sept', 'sog', 'span', 'sr', 'st', 'str', 'tab', 'tsd', 'ugs', 'univ', 'urspr', 'usf', 'usw', 'verl', 'vgl', 'vs',
  'ziff', 'zzgl',
]);

/** A sentence's end and the next one's start: the punctuation, closing marks, blanks, opening marks, a capital letter. */
const sentenceBoundary = /[.!?]["'’“”»)*_]*([ \t]+)["'‚„“«»*_[]*\p{Lu}/gu;
/** What a sentence's closing punctuation follows: a word, a number, a closing bracket or quote (not another mark: `??? TODO`). */
const endOfSentenceText = /[\p{L}\p{N})"'’”»]/u;
/** The word before a `.`, looked for in a bounded stretch before it (a word is shorter). */
const wordBefore = /(\p{L}+)$/u;
const lookBack = 40;
/** A first word that enumerates (`B)`, `II.`, `3.`): in a list item it would start a list. */
const enumerator = /^[*_"„«»[]*(?:\p{Lu}{1,4}|\d+)[.)]/u;
const romanNumeral = /^[IVXLCDM]+$/;

/** A sentence start found on a line: the offsets of the blanks before it and of the end of its first word. */
export interface SentenceStart {
  readonly blankStart: number;
  readonly blankEnd: number;
  readonly wordEnd: number;
}

/** The sentences that start after another in `line` between `from` and `to` (offsets into the line). */
export function sentenceStartsIn(line: string, from = 0, to = line.length): SentenceStart[] {
  const starts: SentenceStart[] = [];
  const quoted = new QuotedText(line, from);
  sentenceBoundary.lastIndex = from;
  for (let match = sentenceBoundary.exec(line); match !== null && match.index < to; match = sentenceBoundary.exec(line)) {
    const at = match.index;
    if (at === from || !endOfSentenceText.test(line[at - 1]!)) continue;
    if (line[at] === '.' && !dotEndsSentence(line, from, at)) continue;
    const blankStart = at + match[0].indexOf(match[1]!);
    const wordStart = blankStart + match[1]!.length;
    let wordEnd = wordStart;
    while (wordEnd < to && !/\s/.test(line[wordEnd]!)) wordEnd++;
    if (wordEnd > to || enumerator.test(line.slice(wordStart, wordEnd)) || quoted.isInsideAt(blankStart)) continue;
    starts.push({ blankStart, blankEnd: wordStart, wordEnd });
  }
  return starts;
}

/**
 * Whether the `.` at `at` ends a sentence: after a link, `[OpenAI](#OpenAI). Steuert`, as after its
 * label's last word, or after a number there (`[GPT-4](#GPT-4). Es`, no ordinal); after other
 * text, see `endsSentenceWithDot`. A parenthesis is no link (`(geb. 1976). Er` stays one).
 */
function dotEndsSentence(line: string, from: number, at: number): boolean {
  const labelEnd = line[at - 1] === ')' ? linkLabelEndBefore(line, from, at - 1) : undefined;
  if (labelEnd === undefined) return endsSentenceWithDot(line.slice(Math.max(from, at - lookBack), at), at - lookBack > from);
  return /\p{N}$/u.test(line.slice(from, labelEnd)) || endsSentenceWithDot(line.slice(Math.max(from, labelEnd - lookBack), labelEnd), labelEnd - lookBack > from);
}

/** Where the label of a link ends (its `]`) whose destination `(…)` closes at `close`, if one does: an id or a URL, no blanks. */
function linkLabelEndBefore(line: string, from: number, close: number): number | undefined {
  // Back over the destination only (it holds no blank), so that a long line of parentheses costs no more than its length.
  let open = close - 1;
  while (open > from && !/[\s()]/.test(line[open]!)) open--;
  return line[open] === '(' && open - 1 > from && line[open - 1] === ']' ? open - 1 : undefined;
}

/**
 * Whether a `.` after this text ends a sentence: after a word of two letters or more that is no
 * abbreviation or roman numeral, not after a digit, and not glued to a dot before it (`z.B.`,
 * `i.d.R.`). `cut`: the text is the end of a longer one, and its first word may be cut off.
 */
function endsSentenceWithDot(before: string, cut: boolean): boolean {
  const word = wordBefore.exec(before)?.[1];
  if (word === undefined || word.length < 2 || (cut && word.length === before.length)) return false;
  if (abbreviations.has(word.toLowerCase()) || romanNumeral.test(word)) return false;
  return before.charAt(before.length - word.length - 1) !== '.';
}

/**
 * Whether places of a line, asked in order, lie inside a quotation (`"…"`, `„…“`, `“…”`, `«…»`),
 * a one-liner's `***…***` or braces: read once from the start, up to each place asked.
 */
class QuotedText {
  private readUpTo: number;
  private straightQuotes = 0;
  private germanQuotes = 0;
  private englishQuotes = 0;
  private guillemets = 0;
  private strongEmphasis = 0;
  private braces = 0;

  constructor(
    private readonly line: string,
    from: number,
  ) {
    this.readUpTo = from;
  }

  isInsideAt(offset: number): boolean {
    for (; this.readUpTo < offset; this.readUpTo++) {
      const character = this.line[this.readUpTo];
      if (character === '"') this.straightQuotes++;
      else if (character === '„') this.germanQuotes++;
      // “ closes a German quotation and opens an English one.
      else if (character === '“') this.germanQuotes > 0 ? this.germanQuotes-- : this.englishQuotes++;
      else if (character === '”') this.englishQuotes = Math.max(0, this.englishQuotes - 1);
      else if (character === '«' || character === '»') this.guillemets++;
      else if (character === '{') this.braces++;
      else if (character === '}') this.braces = Math.max(0, this.braces - 1);
      else if (character === '*' && this.line.startsWith('***', this.readUpTo)) {
        this.strongEmphasis++;
        this.readUpTo += 2;
      }
    }
    return this.straightQuotes % 2 === 1 || this.germanQuotes > 0 || this.englishQuotes > 0 || this.guillemets % 2 === 1 || this.strongEmphasis % 2 === 1 || this.braces > 0;
  }
}
