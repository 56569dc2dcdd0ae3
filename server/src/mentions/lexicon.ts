import { WorkspaceIndex } from '../index/workspaceIndex';
import { Entry } from '../parse/model';

/** An entry as a term that other entries may mention. */
export interface Term {
  readonly id: string;
  readonly title: string;
}

/** One way of writing a term: its words, as a mention in the text must match them. */
export interface TermForm {
  readonly term: Term;
  /** The words (runs of letters and digits) in order. */
  readonly words: readonly string[];
  /** What stands between two words: `' '` (a space or a hyphen in the text) or a character written as is. */
  readonly separators: readonly string[];
  /** The form as one lower-case string, the key under which an entry's own forms are known. */
  readonly key: string;
}

/**
 * The inflection endings a mention may add to the last word of a term ("Modelle", "Agenten",
 * "Transformers"). Only whole endings: "Agentur" is no form of "Agent".
 */
const endings = ['s', 'es', 'n', 'en', 'e', 'er'] as const;

/** Acronyms and short or mixed-case words ("LLM", "OpenAI") take the genitive or plural `s` only. */
const strictEndings = ['s'] as const;

/**
 * Forms shorter than this many letters and digits are not looked for: "KI", "AI" or "ML" stand in
 * almost every paragraph of a glossary about them, and a hint on each would drown the others.
 */
const minimumFormLength = 3;

/**
 * A word of a term matches a word of the text exactly when it is short or has capitals after its
 * first letter ("KI", "OpenAI"); any other also with its first letter in the other case
 * ("künstliche Intelligenz" for "Künstliche Intelligenz", "training" for "Training").
 */
export function isCaseSensitive(word: string): boolean {
  return word.length < 4 || word.slice(1) !== word.slice(1).toLowerCase();
}

/** The word with its first letter in the other case. */
function withOtherInitial(word: string): string {
  const initial = word[0]!;
  const other = initial === initial.toLowerCase() ? initial.toUpperCase() : initial.toLowerCase();
  return other + word.slice(1);
}

/** The spellings of a word a mention may use: as written, and with the other initial when not case-sensitive. */
function spellingsOf(word: string): string[] {
  return isCaseSensitive(word) ? [word] : [word, withOtherInitial(word)];
}

/** The endings the last word of a form may take in a mention. */
export function endingsOf(word: string): readonly string[] {
  return isCaseSensitive(word) ? strictEndings : endings;
}

/** Whether a word of the text is the word of a term, with an inflection ending when `withEndings`. */
export function wordMatches(termWord: string, textWord: string, withEndings: boolean): boolean {
  const sameWord = (candidate: string): boolean => candidate === termWord || (!isCaseSensitive(termWord) && candidate === withOtherInitial(termWord));
  if (sameWord(textWord)) {
    return true;
  }
  return withEndings && endingsOf(termWord).some((ending) => textWord.length === termWord.length + ending.length && textWord.endsWith(ending) && sameWord(textWord.slice(0, termWord.length)));
}

const wordPattern = /[\p{L}\p{N}]+/gu;

/** Splits a form into words and what separates them; undefined when it has no word. */
function formOf(term: Term, text: string): TermForm | undefined {
  const words: string[] = [];
  const separators: string[] = [];
  let previousEnd = -1;
  for (const match of text.matchAll(wordPattern)) {
    if (previousEnd >= 0) {
      const between = text.slice(previousEnd, match.index);
      separators.push(/^(\s+|-)$/.test(between) ? ' ' : between);
    }
    words.push(match[0]);
    previousEnd = match.index + match[0].length;
  }
  if (words.length === 0) {
    return undefined;
  }
  return { term, words, separators, key: formKey(words) };
}

function formKey(words: readonly string[]): string {
  return words.join(' ').toLowerCase();
}

/** How an entry names itself, the most telling first: title, aliases, id with spaces, the parts of "Long Name (ABBR)". */
function namesOf(entry: Entry): string[] {
  const title = entry.title.replace(/\s+/g, ' ').trim();
  const aliases = entry.heading.keyValues
    .filter(([key]) => key === 'aliases')
    .flatMap(([, value]) => value.split(','))
    .map((alias) => alias.trim());
  return [title, ...aliases, entry.id.replace(/-/g, ' '), ...abbreviationParts(title)];
}

/**
 * "Artificial Neural Network (ANN)" and "DL (Deep Learning)" name the term twice: both parts are
 * forms. In "Bedrock (Amazon)" the parentheses only qualify the name, so only the name is.
 */
function abbreviationParts(title: string): string[] {
  const parenthesised = /^(.+?)\s*\(([^()]+)\)$/.exec(title);
  if (parenthesised === null) {
    return [];
  }
  const parts = [parenthesised[1]!, parenthesised[2]!];
  const isAbbreviation = (part: string): boolean => /^[\p{L}\p{N}-]+$/u.test(part) && (part.match(/\p{Lu}/gu)?.length ?? 0) >= 2;
  return parts.some(isAbbreviation) ? parts : [parts[0]!];
}

/** The forms an entry is mentioned by (those long enough to look for), each once. */
export function formsOf(entry: Entry): TermForm[] {
  const term: Term = { id: entry.id, title: entry.title };
  const forms = new Map<string, TermForm>();
  for (const name of namesOf(entry)) {
    const form = formOf(term, name);
    if (form !== undefined && form.words.join('').length >= minimumFormLength && !forms.has(form.key)) {
      forms.set(form.key, form);
    }
  }
  return [...forms.values()];
}

/**
 * Every entry's forms, found by the first word of a mention: one map lookup per word of the text
 * finds the few forms that may start there. A form is filed under each spelling of its first word
 * (and a single-word form under its inflected ones), so that "Modelle" finds "Modell" without
 * trying endings or changing the case of every word.
 */
export class Lexicon {
  private readonly formsByFirstWord = new Map<string, TermForm[]>();

  constructor(entries: Iterable<Entry>) {
    const byKey = new Map<string, { form: TermForm; rank: number }>();
    for (const entry of entries) {
      formsOf(entry).forEach((form, rank) => {
        const known = byKey.get(form.key);
        // Two entries written the same way: the one that calls itself so first wins, then the smaller id.
        if (known === undefined || rank < known.rank || (rank === known.rank && form.term.id < known.form.term.id)) {
          byKey.set(form.key, { form, rank });
        }
      });
    }
    for (const { form } of byKey.values()) {
      this.file(form);
    }
    // Longest first: "Large Language Model" is tried before "Large Language".
    for (const forms of this.formsByFirstWord.values()) {
      forms.sort((a, b) => b.words.length - a.words.length);
    }
  }

  /** The forms whose first word may be this word of the text (one lookup, as written). */
  formsStartingWith(word: string): readonly TermForm[] | undefined {
    return this.formsByFirstWord.get(word);
  }

  private file(form: TermForm): void {
    const first = form.words[0]!;
    const inflected = form.words.length === 1 ? [first, ...endingsOf(first).map((ending) => first + ending)] : [first];
    for (const spelling of new Set(inflected.flatMap(spellingsOf))) {
      const forms = this.formsByFirstWord.get(spelling);
      if (forms === undefined) {
        this.formsByFirstWord.set(spelling, [form]);
      } else if (!forms.includes(form)) {
        forms.push(form);
      }
    }
  }
}

const lexicons = new WeakMap<WorkspaceIndex, { readonly version: number; readonly lexicon: Lexicon }>();

/** The lexicon of the index's entries, built anew only when an entry's names changed. */
export function lexiconOf(index: WorkspaceIndex): Lexicon {
  const cached = lexicons.get(index);
  if (cached?.version === index.termsVersion) {
    return cached.lexicon;
  }
  const lexicon = new Lexicon([...index.entries()].map(({ entry }) => entry));
  lexicons.set(index, { version: index.termsVersion, lexicon });
  return lexicon;
}
