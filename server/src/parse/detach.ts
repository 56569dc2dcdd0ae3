/**
 * Strings that the model keeps must not hold on to the file text they were cut from.
 *
 * V8 represents a substring of 13 or more characters (`slice`, `split`, a regular expression's
 * match, `trim`) as a view into its parent string, so one id or label kept from a file keeps the
 * whole file text alive, and a string built with `+=` is a tree of pieces until it is flattened.
 * Measured on the real glossary, the index then held about 4.9 times the source; with the kept
 * strings detached it holds about 1.5 times.
 */

/** Shorter substrings are copied by V8 anyway. */
const minSlicedLength = 13;

/**
 * The detached copies made so far, by their text: an id is linked from many files, and a label
 * repeats, so most copies are made once and shared. Emptied when full (an edit makes new strings
 * at every keystroke).
 */
const copies = new Map<string, string>();
const maxCopies = 100_000;

/** A copy of `text` that shares no memory with the string it was cut from. */
export function detach(text: string): string {
  if (text.length < minSlicedLength) {
    return text;
  }
  let copy = copies.get(text);
  if (copy === undefined) {
    // The JSON round trip builds a flat string of its own. (A slice of a new string would be a view
    // again, 32 bytes more per string: some 100,000 ids and labels in a large glossary.)
    copy = JSON.parse(JSON.stringify(text)) as string;
    if (copies.size >= maxCopies) copies.clear();
    copies.set(copy, copy);
  }
  return copy;
}

/** The class lists in use (`chapter small term`, `seealso`, ...): a glossary has only a few. */
const classLists = new Map<string, readonly string[]>();

/** At most this many different lists are kept; an editor typing a class makes a new one per key. */
const maxClassLists = 1000;

/**
 * A frozen list with the same classes, detached from the text and shared by every heading with
 * these classes: thousands of headings carry the same two or three.
 */
export function sharedClassList(classes: readonly string[]): readonly string[] {
  const key = classes.join(' ');
  let shared = classLists.get(key);
  if (shared === undefined) {
    if (classLists.size >= maxClassLists) classLists.clear();
    shared = Object.freeze(classes.map(detach));
    classLists.set(detach(key), shared);
  }
  return shared;
}
