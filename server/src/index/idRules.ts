import * as l10n from '@vscode/l10n';
import type { WorkspaceIndex } from './workspaceIndex';
import { indexId } from './indexPage';
import { fileNameFrom, fileNameOf } from '../workspace/uris';
import { messagesLanguage } from '../localization';

/**
 * The id a title proposes: the title as typed, with runs of white space as hyphens and the
 * characters an id cannot hold left out (`Data Scraping` → `Data-Scraping`, `DL (Deep Learning)`
 * → `DL-Deep-Learning`, `Input/Output` → `InputOutput`), and the dots of an abbreviation at the
 * end too (`BPE & Co.` → `BPE-Co`), which would give the file name `BPE-Co..md`, and at the start
 * (`.NET` → `NET`), which pandoc reads in no `{#.NET}` and which would hide the file.
 */
export function proposeEntryId(title: string): string {
  return title
    .trim()
    .replace(/[^\p{L}\p{N}_.\s-]/gu, '')
    .replace(/\s+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
}

/**
 * Why a string cannot be the id of a new entry, or undefined when it can: it is also the entry's
 * file name, so letters, digits and `- _ .` only (pandoc takes `:` too, which Windows refuses in a
 * file name), and not `.` or `-` first. An id that does not begin with a letter is written
 * `{id="3D-Druck"}`, as pandoc reads no other (see `idAttribute`).
 */
export function idProblem(id: string): string | undefined {
  if (id === '') {
    return l10n.t('The id is empty.');
  }
  if (id.length > 200) {
    return l10n.t('The id is longer than 200 characters.');
  }
  // File systems count a name's bytes: 255 at most, `.md` included (`Ü` takes two, `漢` three).
  const bytes = new TextEncoder().encode(id).length;
  if (bytes > 252) {
    return l10n.t('The id is too long for a file name: its letters take {0} bytes, and a file name holds at most 255 with ".md".', bytes);
  }
  const foreign = [...new Set(id.match(/[^\p{L}\p{N}_.-]/gu))];
  if (foreign.length > 0) {
    const shown = foreign.map((character) => (character === ' ' ? l10n.t('a space') : /\s/.test(character) ? l10n.t('white space') : l10n.t('"{0}"', character)));
    return l10n.t('The id "{0}" contains {1}: an id holds only letters, digits, hyphens (-), underscores (_) and dots (.) here, since an entry\'s id also names its file.', id, listOf(shown));
  }
  if (id.startsWith('.') || id.startsWith('-')) {
    return l10n.t('The id "{0}" must not begin with "{1}".', id, id[0]!);
  }
  return undefined;
}

/** Items joined as a sentence of the messages' language says them: `a space and "!"`, `„?“, „!“ und „&“`. */
function listOf(items: readonly string[]): string {
  return new Intl.ListFormat(messagesLanguage(), { type: 'conjunction' }).format(items);
}

/** Whether pandoc reads the id after `#` in an attribute block (`{#Id}`): else only as `{id="3D-Druck"}`. */
export function startsWithLetter(id: string): boolean {
  return /^\p{L}/u.test(id);
}

/** Why a new entry with this id cannot be created: an invalid id, or one taken (see `idTakenProblem`). */
export function newEntryProblem(id: string, index: WorkspaceIndex): string | undefined {
  return idProblem(id) ?? idTakenProblem(index, id);
}

/**
 * Why a valid id cannot be given to a new entry or by a rename: `Index`, or an id the workspace
 * defines (its file named as seen from `fromUri`, when given).
 */
function idTakenProblem(index: WorkspaceIndex, id: string, fromUri?: string): string | undefined {
  if (id === indexId) {
    return l10n.t('The id "{0}" belongs to the index page, which every see-also list links last.', id);
  }
  const existing = index.anchorsOf(id)[0];
  return existing === undefined ? undefined : l10n.t('The id "{0}" is already defined in {1}.', id, fromUri === undefined ? fileNameOf(existing.uri) : fileNameFrom(existing.uri, fromUri));
}

/**
 * Why no id can be renamed to `newId`, or undefined when it can: an invalid id, `Index`, one that
 * is defined (its file named as seen from `fromUri`). One that does not begin with a letter is
 * written `id="…"` (see `idEditsByUri`).
 */
export function newIdProblem(index: WorkspaceIndex, newId: string, fromUri?: string): string | undefined {
  return idProblem(newId) ?? idTakenProblem(index, newId, fromUri);
}
