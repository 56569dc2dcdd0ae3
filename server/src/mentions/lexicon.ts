import type { WorkspaceIndex } from '../index/workspaceIndex';
import { Entry } from '../parse/model';
import { WordHash } from './wordFilter';
import { Memo } from '../memo';
import { abbreviationStubTarget } from '../index/abbreviationStubs';

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
  /**
   * What the name has after its last word, written as is: the `)` of "Long Name (ABBR)". A mention
   * ends with it (and takes no ending then), so that a link never takes half of the parentheses.
   */
  readonly closing: string;
  /** The form as one lower-case string, the key under which an entry's own forms are known. */
  readonly key: string;
  /** How telling the name is for its entry: 0 for its title, then its aliases, its id, the parts of its title. */
  readonly rank: number;
}

/**
 * The inflection endings a mention may add to the last word of a term ("Modelle", "Agenten",
 * "Transformers"). Only whole endings: "Agentur" is no form of "Agent".
 */
const endings = ['s', 'es', 'n', 'en', 'e', 'er'] as const;

/** Acronyms and short or mixed-case words ("LLM", "OpenAI") take the genitive or plural `s` only. */
const strictEndings = ['s'] as const;

/** The length of the longest ending. */
export const longestEnding = Math.max(...endings.map((ending) => ending.length));

/** Whether a text is one of the endings some word may take. */
export function isEnding(text: string): boolean {
  return (endings as readonly string[]).includes(text);
}

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
  return spellingOf(word).caseSensitive;
}

/** The word with its first letter in the other case. */
function withOtherInitial(word: string): string {
  return spellingOf(word).otherInitial;
}

/** How a word of a term may be spelled in the text; worked out once per word, as every word of the text is compared with it. */
interface Spelling {
  readonly caseSensitive: boolean;
  readonly otherInitial: string;
}

// Term words only come here; the bound keeps a long session from collecting every title ever typed.
const spellings = new Memo<Spelling>(100_000);

function spellingOf(word: string): Spelling {
  return spellings.answer(word, () => {
    const initial = word[0] ?? '';
    const rest = word.slice(1);
    return {
      caseSensitive: word.length < 4 || rest !== rest.toLowerCase(),
      otherInitial: (initial === initial.toLowerCase() ? initial.toUpperCase() : initial.toLowerCase()) + rest,
    };
  });
}

/** The spellings of a word a mention may use: as written, and with the other initial when not case-sensitive. */
function spellingsOf(word: string): string[] {
  return isCaseSensitive(word) ? [word] : [word, withOtherInitial(word)];
}

/** The endings the last word of a form may take in a mention. */
export function endingsOf(word: string): readonly string[] {
  return isCaseSensitive(word) ? strictEndings : endings;
}

/**
 * Whether the word `text[start, end)` is the word of a term, with an inflection ending when
 * `withEndings`; read in place, as most words of the text fail at their first letters.
 */
export function wordMatchesAt(termWord: string, text: string, start: number, end: number, withEndings: boolean): boolean {
  const extra = end - start - termWord.length;
  if (extra < 0 || (extra > 0 && !withEndings) || extra > longestEnding) {
    return false;
  }
  // Every letter but the first as written: most words of the text fail here, before any lookup.
  for (let k = 1; k < termWord.length; k++) {
    if (text.charCodeAt(start + k) !== termWord.charCodeAt(k)) {
      return false;
    }
  }
  const spelling = spellingOf(termWord);
  const initial = text.charCodeAt(start);
  if (initial !== termWord.charCodeAt(0) && (spelling.caseSensitive || initial !== spelling.otherInitial.charCodeAt(0))) {
    return false;
  }
  return extra === 0 || (spelling.caseSensitive ? strictEndings : endings).some((ending) => ending.length === extra && text.startsWith(ending, end - extra));
}

/**
 * The lower-case words whose presence in a document's word filter (which holds its words in lower
 * case) means the document may mention a form starting with `word`: the word itself and the word
 * with each ending ("modell" is found as "modelle" too). Asked for the few changed forms, not for
 * every word of every document.
 */
export function filterQueriesOf(word: string): string[] {
  return [word, ...endings.map((ending) => word + ending)];
}

/**
 * A run of letters and digits: a word of a term or of the text. A combining mark (the accent of an
 * `e` and U+0301, as macOS writes `é`) belongs to the letter before it.
 */
export const wordPattern = /[\p{L}\p{M}\p{N}]+/gu;

/** One character of a word (see `wordPattern`). */
export const wordCharacter = /[\p{L}\p{M}\p{N}]/u;

/** Splits a form into words and what separates them; undefined when it has no word. */
function formOf(term: Term, text: string, rank: number): TermForm | undefined {
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
  // Only what closes a bracket opened inside the name: "Long Name (ABBR)" ends with `)`, "Node.js." does not end with `.`.
  const closing = /^\)+/.exec(text.slice(previousEnd))?.[0] ?? '';
  const opened = separators.join('').split('(').length - 1;
  return { term, words, separators, closing: closing.slice(0, opened), key: formKey(words), rank };
}

function formKey(words: readonly string[]): string {
  return words.join(' ').toLowerCase();
}

/** How an entry names itself, the most telling first: title, aliases, id with spaces, the parts of "Long Name (ABBR)". */
function formNamesOf(entry: Entry): string[] {
  const title = normalTitle(entry);
  const aliases = entry.heading.keyValues
    .filter(([key]) => key === 'aliases')
    .flatMap(([, value]) => value.split(','))
    .map((alias) => alias.trim());
  return [title, ...aliases, entry.id.replace(/-/g, ' '), ...titleParts(title)];
}

function normalTitle(entry: Entry): string {
  return entry.title.replace(/\s+/g, ' ').trim();
}

/**
 * The forms a title "X (Y)" adds: both parts where one abbreviates the other ("Artificial Neural
 * Network (ANN)", "DL (Deep Learning)" name the term twice), else the name alone ("Bedrock (Amazon)"
 * is no "Amazon").
 */
function titleParts(title: string): string[] {
  const parts = parenthesisedParts(title);
  return parts === undefined ? [] : parts.abbreviation ? [parts.name, parts.qualifier] : [parts.name];
}

/**
 * A title "X (Y)" as its two parts, and whether one abbreviates the other, so that both are names
 * of the term: "GAN" of "Generative Adversarial Network (GAN)", but no "OpenAI" of "ChatGPT (OpenAI)".
 */
export function parenthesisedParts(title: string): { readonly name: string; readonly qualifier: string; readonly abbreviation: boolean } | undefined {
  const parts = /^(.+?)\s*\(([^()]+)\)\s*$/.exec(title);
  if (parts === null) {
    return undefined;
  }
  const [, name, qualifier] = parts as unknown as [string, string, string];
  return { name, qualifier, abbreviation: abbreviates(name, qualifier) || abbreviates(qualifier, name) };
}

/**
 * The forms an entry is mentioned by (those long enough to look for), each once. A name with an
 * accent is also filed as the other Unicode normalization writes it ("Kafé" as `e` and U+0301, as
 * macOS and text copied from PDFs write it): the text is matched as written, never normalized, so
 * that a finding's range and the Link fix's edit stay on the writer's characters.
 */
export function formsOf(entry: Entry): TermForm[] {
  const term: Term = { id: entry.id, title: entry.title };
  const forms = new Map<string, TermForm>();
  let rank = 0;
  for (const name of formNamesOf(entry)) {
    const form = formOf(term, name, rank);
    if (form === undefined || form.words.join('').length < minimumFormLength || forms.has(form.key)) {
      continue;
    }
    forms.set(form.key, form);
    for (const variant of otherNormalizations(name)) {
      const variantForm = formOf(term, variant, rank);
      if (variantForm !== undefined && !forms.has(variantForm.key)) forms.set(variantForm.key, variantForm);
    }
    rank++;
  }
  return [...forms.values()];
}

/** The name composed (NFC) and decomposed (NFD); none for a name of ASCII characters, which both leave as it is. */
function otherNormalizations(name: string): string[] {
  return /^[\x00-\x7f]*$/.test(name) ? [] : [name.normalize('NFC'), name.normalize('NFD')];
}

/** Whether `short` abbreviates `long`: its letters and digits stand in `long` in order ("GPU", "Graphics Processing Unit"; "LoRA", "Low-Rank Adaptation"). */
export function abbreviates(short: string, long: string): boolean {
  const letters = short.toUpperCase().replace(/[^\p{L}\p{N}]/gu, '');
  const within = long.toUpperCase().replace(/[^\p{L}\p{N}]/gu, '');
  if (letters.length >= within.length) {
    return false;
  }
  let at = 0;
  for (const letter of letters) {
    at = within.indexOf(letter, at) + 1;
    if (at === 0) {
      return false;
    }
  }
  return true;
}

/**
 * What an entry contributes to the lexicon, as a string: its id, its forms as the lexicon files
 * them, the entry it is a stub of. A heading edit that leaves this alone (a class, another
 * attribute, emphasis in the title) changes no term.
 */
export function termsKeyOf(entries: readonly Entry[]): string {
  return entries
    .map((entry) => {
      const forms = formsOf(entry).map((form) => [form.words.join(' '), form.separators.join(''), form.closing].join('\u0001'));
      return [entry.id, normalTitle(entry), abbreviationStubTarget(entry) ?? '', ...forms].join('\u0002');
    })
    .join('\n');
}

/** One entry's part of the lexicon. */
interface EntryTerms {
  /** The document the entry is written in: of entries with one id, the first by URI counts, however they were read. */
  readonly uri: string;
  readonly term: Term;
  /** The key of the title's form, which an abbreviation stub's title is checked against. */
  readonly title: string;
  readonly forms: readonly TermForm[];
  readonly stubOf: string | undefined;
}

/** A form one entry claims for a key (how telling it is for that entry is its `rank`). */
interface Claim {
  readonly entry: EntryTerms;
  readonly form: TermForm;
}

/** How many changes of the forms the lexicon remembers (see `changedWordsSince`). */
const changeLogLength = 1000;

/**
 * Every entry's forms, found by the first word of a mention: one map lookup per word of the text
 * finds the few forms that may start there. A form is filed under each spelling of its first word
 * (and a single-word form under its inflected ones), so that "Modelle" finds "Modell" without
 * trying endings or changing the case of every word.
 *
 * Kept up to date one document at a time: a retitled entry refiles only the keys of its forms
 * (and of the stubs pointing at it), and the lexicon records, per change, the words that a
 * document must hold for its mentions to change (see `changedWordsSince`).
 */
export class Lexicon {
  private readonly formsByFirstWord = new Map<string, FormsStartingWith>();
  /**
   * How many spellings forms are filed under fall on each slot of the first hash of their lower
   * case: a word of the text whose slot is empty starts no form, told without cutting it out of
   * the text to look it up.
   */
  private readonly firstWordSlots = new Uint32Array(firstWordSlotCount);
  private readonly hash = new WordHash();
  private readonly entriesByUri = new Map<string, readonly EntryTerms[]>();
  private readonly entriesById = new Map<string, EntryTerms[]>();
  private readonly stubsByTarget = new Map<string, Set<EntryTerms>>();
  private readonly claimsByKey = new Map<string, Claim[]>();
  /** The form each key stands for, with the term it links to (a stub's names link to the entry it points at). */
  private readonly winners = new Map<string, TermForm>();
  private generationNumber = 0;
  private readonly changeLog: { readonly generation: number; readonly words: ReadonlySet<string> }[] = [];

  constructor(entries: Iterable<Entry> = []) {
    this.replace('', [...entries]);
  }

  /** A number that grows whenever a form is filed, unfiled or links elsewhere. */
  get generation(): number {
    return this.generationNumber;
  }

  /**
   * The lists of forms that may stand at a word of the text followed by `next` (one lookup of the
   * word as written; the longer forms then by the next word), each list longest first.
   */
  formsStartingWith(word: string, next: string | undefined): readonly (readonly TermForm[])[] | undefined {
    return this.formsByFirstWord.get(word)?.candidates(next);
  }

  /** Whether a form may be filed under a word whose lower case has this first hash (see `WordHash`). */
  mayStartForm(firstHash: number): boolean {
    return this.firstWordSlots[firstHash & (firstWordSlotCount - 1)] !== 0;
  }

  /** The id a link to `id` stands for: the entry an abbreviation stub points at, else `id`. */
  linkedTerm(id: string): string {
    const entry = this.firstWithId(id);
    return entry === undefined ? id : this.termOf(entry).id;
  }

  /** Of the entries with an id (one, unless it is defined twice), the one in the first document by URI. */
  private firstWithId(id: string): EntryTerms | undefined {
    let first: EntryTerms | undefined;
    for (const entry of this.entriesById.get(id) ?? []) if (first === undefined || entry.uri < first.uri) first = entry;
    return first;
  }

  /**
   * The lower-case words, one of which a text must hold (as is or with an ending, see
   * `filterQueriesOf`) for its mentions to have changed since `generation`: the first words of the
   * forms filed, unfiled or relinked since. Undefined when that is longer ago than the lexicon remembers.
   */
  changedWordsSince(generation: number): ReadonlySet<string> | undefined {
    if (generation === this.generationNumber) {
      return new Set();
    }
    const oldest = this.changeLog[0];
    if (oldest === undefined || oldest.generation > generation + 1) {
      return undefined;
    }
    const words = new Set<string>();
    for (const change of this.changeLog) {
      if (change.generation > generation) change.words.forEach((word) => words.add(word));
    }
    return words;
  }

  /** Replaces the entries a document contributes (none when it is gone). */
  replace(uri: string, entries: readonly Entry[]): void {
    const before = this.entriesByUri.get(uri) ?? [];
    const after = entries.map((entry): EntryTerms => ({ uri, term: { id: entry.id, title: entry.title }, title: formKey(normalTitle(entry).match(wordPattern) ?? []), forms: formsOf(entry), stubOf: abbreviationStubTarget(entry) }));
    if (after.length === 0) this.entriesByUri.delete(uri);
    else this.entriesByUri.set(uri, after);
    const keys = new Set<string>();
    const touch = (entry: EntryTerms): void => entry.forms.forEach((form) => keys.add(form.key));
    // Whose forms link elsewhere when these entries come or go: stubs pointing at them, and (for the
    // sections that link a stub) the entries the stubs point at.
    const touchAround = (entry: EntryTerms): void => {
      touch(entry);
      this.stubsByTarget.get(entry.term.id)?.forEach(touch);
      if (entry.stubOf !== undefined) this.entriesById.get(entry.stubOf)?.forEach(touch);
    };
    before.forEach(touchAround);
    for (const entry of before) {
      removeFrom(this.entriesById, entry.term.id, entry);
      if (entry.stubOf !== undefined) this.stubsByTarget.get(entry.stubOf)?.delete(entry);
      entry.forms.forEach((form) => removeFrom(this.claimsByKey, form.key, (claim) => claim.entry === entry));
    }
    for (const entry of after) {
      addTo(this.entriesById, entry.term.id, entry);
      if (entry.stubOf !== undefined) {
        const stubs = this.stubsByTarget.get(entry.stubOf) ?? new Set();
        this.stubsByTarget.set(entry.stubOf, stubs.add(entry));
      }
      entry.forms.forEach((form) => addTo(this.claimsByKey, form.key, { entry, form }));
    }
    after.forEach(touchAround);
    const changedWords = new Set<string>();
    for (const key of keys) {
      this.refile(key, changedWords);
    }
    // A link stands for another term when an entry comes, goes, or becomes or stops being an
    // abbreviation stub (see `linkedTerm`): the texts that mention the terms concerned are looked at
    // again, though no form is filed otherwise.
    const linkSense = (list: readonly EntryTerms[]): string => list.map((entry) => `${entry.term.id}\0${entry.title}\0${entry.stubOf ?? ''}`).join('\n');
    if (linkSense(before) !== linkSense(after)) {
      const ids = new Set([...before, ...after].flatMap((entry) => (entry.stubOf === undefined ? [entry.term.id] : [entry.term.id, entry.stubOf])));
      const concerned = [...before, ...[...ids].flatMap((id) => this.entriesById.get(id) ?? [])];
      for (const entry of concerned) entry.forms.forEach((form) => noteFiledWords(form, changedWords));
    }
    if (changedWords.size > 0) {
      this.generationNumber++;
      this.changeLog.push({ generation: this.generationNumber, words: changedWords });
      if (this.changeLog.length > changeLogLength) this.changeLog.shift();
    }
  }

  private firstWordSlotOf(spelling: string): number {
    return this.hash.of(spelling, 0, spelling.length).first & (firstWordSlotCount - 1);
  }

  /** The term an entry's forms link to: the entry an abbreviation stub points at, else the entry itself. */
  private termOf(entry: EntryTerms): Term {
    if (entry.stubOf === undefined) {
      return entry.term;
    }
    const target = this.firstWithId(entry.stubOf);
    return target !== undefined && target.stubOf === undefined && abbreviates(entry.term.title, target.title) ? target.term : entry.term;
  }

  /** Files the form that now wins the key, if another than before, noting the words it is filed under. */
  private refile(key: string, changedWords: Set<string>): void {
    let best: Claim | undefined;
    // Two entries written the same way: the one that calls itself so first wins, then the smaller id, then the first document.
    for (const claim of this.claimsByKey.get(key) ?? []) {
      if (best === undefined || claim.form.rank < best.form.rank || (claim.form.rank === best.form.rank && (claim.entry.term.id < best.entry.term.id || (claim.entry.term.id === best.entry.term.id && claim.entry.uri < best.entry.uri)))) {
        best = claim;
      }
    }
    const previous = this.winners.get(key);
    const term = best === undefined ? undefined : this.termOf(best.entry);
    const next = best === undefined || term === undefined ? undefined : term === best.form.term ? best.form : { ...best.form, term };
    if (previous !== undefined && next !== undefined && sameForm(previous, next)) {
      return;
    }
    if (previous !== undefined) {
      this.winners.delete(key);
      for (const spelling of filedSpellings(previous)) {
        const forms = this.formsByFirstWord.get(spelling);
        if (forms?.remove(previous) === 0) {
          this.formsByFirstWord.delete(spelling);
          this.firstWordSlots[this.firstWordSlotOf(spelling)]--;
        }
      }
      noteFiledWords(previous, changedWords);
    }
    if (next !== undefined) {
      this.winners.set(key, next);
      for (const spelling of filedSpellings(next)) {
        let forms = this.formsByFirstWord.get(spelling);
        if (forms === undefined) {
          this.formsByFirstWord.set(spelling, (forms = new FormsStartingWith()));
          this.firstWordSlots[this.firstWordSlotOf(spelling)]++;
        }
        forms.add(next);
      }
      noteFiledWords(next, changedWords);
    }
  }
}

/** 65,536 slots: a few thousand spellings leave most of them empty. */
const firstWordSlotCount = 1 << 16;

/**
 * Notes the words under which a form is filed, in lower case as a document's word filter holds
 * them: each spelling lowered, since lowering does not always give the same word for both
 * initials (the filter holds "ilık" for "Ilık", and "ılık".toLowerCase() is "ılık").
 */
function noteFiledWords(form: TermForm, changedWords: Set<string>): void {
  for (const spelling of filedSpellings(form)) changedWords.add(spelling.toLowerCase());
}

/**
 * The forms filed under one spelling of their first word: those of one word, and the longer ones
 * by their second word less its first letter (which may be written in either case; the rest is
 * compared as written), so that a word that starts hundreds of names ("KI", "Data") costs a lookup
 * of the next word, not a comparison with each name.
 */
class FormsStartingWith {
  private readonly oneWord: TermForm[] = [];
  private readonly bySecondWord = new Map<string, TermForm[]>();
  private count = 0;

  add(form: TermForm): void {
    insertInOrder(form.words.length === 1 ? this.oneWord : getOrAdd(this.bySecondWord, form.words[1]!.slice(1)), form);
    this.count++;
  }

  /** Removes the form; gives how many forms are left. */
  remove(form: TermForm): number {
    const key = form.words.length === 1 ? undefined : form.words[1]!.slice(1);
    const forms = key === undefined ? this.oneWord : this.bySecondWord.get(key);
    const at = forms?.indexOf(form) ?? -1;
    if (forms !== undefined && at >= 0) {
      forms.splice(at, 1);
      this.count--;
      if (forms.length === 0 && key !== undefined) this.bySecondWord.delete(key);
    }
    return this.count;
  }

  /**
   * The lists that may hold a form standing before `next`: the longer forms whose second word is
   * `next`, then those whose second word is `next` less an ending (a two-word form inflects its
   * second word), then the forms of one word. Where forms of the same length match, the first
   * list's wins: "Foo Bars" is a mention of the entry "Foo Bars", not of "Foo Bar".
   */
  candidates(next: string | undefined): (readonly TermForm[])[] {
    const lists: (readonly TermForm[])[] = [];
    if (next !== undefined && this.bySecondWord.size > 0) {
      const add = (key: string): void => {
        const forms = this.bySecondWord.get(key);
        if (forms !== undefined) lists.push(forms);
      };
      add(next.slice(1));
      for (const ending of endings) {
        if (next.length > ending.length && next.endsWith(ending)) add(next.slice(1, next.length - ending.length));
      }
    }
    if (this.oneWord.length > 0) lists.push(this.oneWord);
    return lists;
  }
}

/**
 * Longest first: "Large Language Model" is tried before "Large Language", and of forms with as many
 * words the one spelled with more letters ("Modelle" before "Modell", which "Modelle" matches with
 * an ending), then by key and id, so that the order does not depend on which entry was filed first.
 * Searched from the end, where a form mostly goes (thousands of "Eintrag N" share a first word).
 */
function insertInOrder(forms: TermForm[], form: TermForm): void {
  let at = forms.length;
  while (at > 0 && filingOrder(forms[at - 1]!, form) > 0) at--;
  forms.splice(at, 0, form);
}

/** Negative when form `a` is tried before form `b` (see `insertInOrder`). */
function filingOrder(a: TermForm, b: TermForm): number {
  const byText = a.key < b.key ? -1 : a.key > b.key ? 1 : a.term.id < b.term.id ? -1 : a.term.id > b.term.id ? 1 : 0;
  return b.words.length - a.words.length || b.key.length - a.key.length || byText;
}

function getOrAdd<K, V>(map: Map<K, V[]>, key: K): V[] {
  let values = map.get(key);
  if (values === undefined) map.set(key, (values = []));
  return values;
}

function sameForm(a: TermForm, b: TermForm): boolean {
  return a.term.id === b.term.id && a.term.title === b.term.title && a.closing === b.closing && a.words.join(' ') === b.words.join(' ') && a.separators.join('\u0001') === b.separators.join('\u0001');
}

/**
 * The spellings of the text's words a form is filed under. A one-word term written with a capital
 * is not filed in lower case: German writes its nouns with a capital, so a lower-case "learning"
 * or "training" is an English word ("learning to learn"), while "künstliche Intelligenz" is the
 * term "Künstliche Intelligenz" mid-sentence.
 */
function filedSpellings(form: TermForm): Set<string> {
  const first = form.words[0]!;
  if (form.words.length > 1) {
    return new Set(spellingsOf(first));
  }
  const inflected = form.closing === '' ? [first, ...endingsOf(first).map((ending) => first + ending)] : [first];
  const capitalised = first[0] !== first[0]!.toLowerCase();
  return new Set(inflected.flatMap((word) => (capitalised ? [word] : spellingsOf(word))));
}

function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const values = map.get(key);
  if (values === undefined) map.set(key, [value]);
  else if (!values.includes(value)) values.push(value);
}

function removeFrom<K, V>(map: Map<K, V[]>, key: K, value: V | ((candidate: V) => boolean)): void {
  const values = map.get(key);
  if (values === undefined) return;
  const at = typeof value === 'function' ? values.findIndex(value as (candidate: V) => boolean) : values.indexOf(value);
  if (at >= 0) values.splice(at, 1);
  if (values.length === 0) map.delete(key);
}

const lexicons = new WeakMap<WorkspaceIndex, { version: number; readonly lexicon: Lexicon }>();

/**
 * The lexicon of the index's entries, brought up to date with the documents whose terms changed
 * since it was last asked for (only those are looked at; see `WorkspaceIndex.takeTermsChanges`).
 */
export function lexiconOf(index: WorkspaceIndex): Lexicon {
  let cached = lexicons.get(index);
  if (cached === undefined) {
    index.takeTermsChanges();
    const lexicon = new Lexicon();
    for (const document of index.documents()) {
      lexicon.replace(document.uri, document.entries);
    }
    cached = { version: index.termsVersion, lexicon };
    lexicons.set(index, cached);
  } else if (cached.version !== index.termsVersion) {
    for (const uri of index.takeTermsChanges()) {
      cached.lexicon.replace(uri, index.document(uri)?.entries ?? []);
    }
    cached.version = index.termsVersion;
  }
  return cached.lexicon;
}
