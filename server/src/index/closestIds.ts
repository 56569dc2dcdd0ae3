import { distance } from 'fastest-levenshtein';
import type { WorkspaceIndex } from './workspaceIndex';
import { Memo } from '../memo';

/**
 * An id as ids are compared here: in lower case, and composed (NFC), so that an id typed with
 * decomposed umlauts (as macOS writes file names) finds the one written with composed ones.
 */
export function comparableForm(id: string): string {
  return id.normalize('NFC').toLowerCase();
}

/** How many suggestions a broken link names at most. */
const maxSuggestions = 3;

/** The largest edit distance ever accepted; the pieces below rely on it. */
const maxEditDistance = 3;

/** A defined id with the forms it is compared in. */
interface Candidate {
  readonly id: string;
  readonly lower: string;
  /** The characters of `lower` (see `characterSetOf`). */
  readonly characters: number;
}

/**
 * The defined ids of a workspace, kept up to date one id at a time by the index (see
 * `WorkspaceIndex.closestIdCandidates`): by lower-case form, by singular, and by their pieces (see
 * `PieceIndex`), so that a query computes the edit distance to the few ids sharing a piece with
 * it, and a change of one id (typing in a heading) costs no rebuild.
 */
export class ClosestIdCandidates {
  /** Each cut for the largest distance a missing id may name it from. */
  readonly filed = new FiledIds<Candidate>(largestDistanceAllowed);
  /** The answers given since the ids last changed (a broken link's id at every keystroke typing it: bounded). */
  readonly answers = new Memo<readonly string[]>(100_000);
  private readonly byId = new Map<string, Candidate>();

  constructor(ids: Iterable<string> = []) {
    for (const id of ids) {
      this.add(id);
    }
  }

  add(id: string): void {
    if (this.byId.has(id)) {
      return;
    }
    const lower = comparableForm(id);
    const candidate: Candidate = { id, lower, characters: characterSetOf(lower) };
    this.byId.set(id, candidate);
    this.answers.clear();
    this.filed.add(lower, candidate);
  }

  delete(id: string): void {
    const candidate = this.byId.get(id);
    if (candidate !== undefined) {
      this.byId.delete(id);
      this.answers.clear();
      this.filed.delete(candidate.lower, candidate);
    }
  }
}

/**
 * The existing ids closest to a missing one, best first, at most three: equal ignoring case, then
 * equal up to a plural ending, then by edit distance (ignoring case) within a quarter of the length
 * (at least 1, at most 3), where that may be a misspelling (see `mayBeMisspelt`).
 */
export function findClosestIds(id: string, index: WorkspaceIndex): readonly string[] {
  const candidates = index.closestIdCandidates();
  return candidates.answers.answer(id, () => rankCandidates(id, candidates));
}

/**
 * Whether a defined id meets the criteria to be named among the closest ids of a missing one, so
 * that the diagnostics naming closest ids are worked out anew when such an id appears or goes.
 */
export function couldBeClosestId(missing: string, defined: string): boolean {
  const lower = comparableForm(missing);
  const candidate = comparableForm(defined);
  const maxDistance = maxDistanceFor(lower.length);
  return (
    candidate === lower ||
    singularOf(candidate) === singularOf(lower) ||
    (Math.abs(candidate.length - lower.length) <= maxDistance && distance(candidate, lower) <= maxDistance)
  );
}

/** The edit distance within which an id of this length counts as close: a quarter of its length, at least 1, at most 3. */
function maxDistanceFor(length: number): number {
  return Math.min(maxEditDistance, Math.max(1, Math.floor(length / 4)));
}

/**
 * The largest edit distance within which a missing id may name a defined id of this length (a
 * missing id allows a quarter of its own length, and differs in length by no more than that).
 */
function largestDistanceAllowed(length: number): number {
  let largest = 1;
  for (let missing = Math.max(1, length - maxEditDistance); missing <= length + maxEditDistance; missing++) {
    const allowed = maxDistanceFor(missing);
    if (Math.abs(missing - length) <= allowed) largest = Math.max(largest, allowed);
  }
  return largest;
}

function rankCandidates(id: string, candidates: ClosestIdCandidates): readonly string[] {
  const lower = comparableForm(id);
  const maxDistance = maxDistanceFor(lower.length);
  const ranked = new Map<string, { readonly tier: number; readonly distance: number }>();
  const consider = (candidate: Candidate, tier: number, editDistance: number): void => {
    if (candidate.id !== id && !ranked.has(candidate.id)) {
      ranked.set(candidate.id, { tier, distance: editDistance });
    }
  };
  for (const candidate of candidates.filed.byLower.get(lower) ?? []) {
    consider(candidate, 0, 0);
  }
  for (const candidate of candidates.filed.bySingular.get(singularOf(lower)) ?? []) {
    consider(candidate, 1, 0);
  }
  // Defined ids of every length within reach, each cut as it was filed.
  const shapes: PieceShape[] = [];
  for (let length = Math.max(0, lower.length - maxDistance); length <= lower.length + maxDistance; length++) {
    shapes.push({ length, distance: largestDistanceAllowed(length), shift: maxDistance });
  }
  const characters = characterSetOf(lower);
  candidates.filed.byPieces.near(lower, shapes, (candidate) => {
    if (mayBeWithin(characters, candidate.characters, maxDistance) && !ranked.has(candidate.id)) {
      const editDistance = distance(candidate.lower, lower);
      if (editDistance <= maxDistance && mayBeMisspelt(lower, candidate.lower)) {
        consider(candidate, 2, editDistance);
      }
    }
  });
  return [...ranked]
    .sort(([idA, a], [idB, b]) => a.tier - b.tier || a.distance - b.distance || (idA < idB ? -1 : idA > idB ? 1 : 0))
    .slice(0, maxSuggestions)
    .map(([candidateId]) => candidateId);
}

/** Below this many letters and digits an id is an abbreviation, whose every letter tells: GAN is not DAN. */
const minLettersOfMisspeltId = 5;

/**
 * Whether a defined id within the edit distance of a missing one (both in comparable form) may be
 * the same term misspelt rather than another term: ids that differ in their hyphens alone, or long
 * ones whose words differ by a few letters each (`kognitiv-architektur`, `kognitive-architectures`).
 * Abbreviations that differ in a letter (`nlp`, `nlg`; `sora`, `lora`) and ids that differ in a
 * whole word (`zero-shot-learning`, `few-shot-learning`; `web-browsing`, `web-crawling`;
 * `disembodied-ai`, `embodied-ai`; `gpt-4v`, `gpt-4o`) name other things.
 */
export function mayBeMisspelt(missing: string, defined: string): boolean {
  const letters = (id: string): string => id.replace(/[-_.:]/g, '');
  if (letters(missing) === letters(defined)) return true;
  if (Math.min(letters(missing).length, letters(defined).length) < minLettersOfMisspeltId) return false;
  const missingWords = missing.split(/[-_.:]+/);
  const definedWords = defined.split(/[-_.:]+/);
  // Words joined or split otherwise (`largelanguage-model`): the distance of the whole decides.
  if (missingWords.length !== definedWords.length) return true;
  return missingWords.every((word, k) => {
    const other = definedWords[k]!;
    // A third of the shorter word: `4v` is not `4o`, `browsing` not `crawling`.
    return word === other || distance(word, other) <= Math.floor(Math.min(word.length, other.length) / 3);
  });
}

/**
 * The characters of a string as a set of 32 bits (each character sets the bit of its code modulo
 * 32), for a test cheaper than the edit distance: see `mayBeWithin`.
 */
function characterSetOf(text: string): number {
  let bits = 0;
  for (let i = 0; i < text.length; i++) bits |= 1 << (text.charCodeAt(i) & 31);
  return bits;
}

/**
 * Whether two strings with these character sets may lie within `maxDistance` edits of each other:
 * each edit brings in at most one character the other string lacks and takes away at most one, so
 * strings within the distance differ by at most that many characters each way (and characters
 * sharing a bit only make them look closer). It rejects most of the ids that share a piece with a
 * query and little else.
 */
function mayBeWithin(a: number, b: number, maxDistance: number): boolean {
  return bitCount(a & ~b) <= maxDistance && bitCount(b & ~a) <= maxDistance;
}

function bitCount(bits: number): number {
  let count = 0;
  for (let rest = bits; rest !== 0; rest &= rest - 1) count++;
  return count;
}

/** How the strings of one length were filed: cut for edit distance `distance`, looked for `shift` characters either side. */
interface PieceShape {
  readonly length: number;
  readonly distance: number;
  readonly shift: number;
}

/**
 * Strings filed by their pieces, to find those within an edit distance of a query without
 * comparing it with each. A string filed for distance `d` is cut into `d + 1` consecutive pieces:
 * within that distance of a query, at least one piece stays intact (each edit breaks at most one),
 * and it stands in the query at most `d` characters from where it stands in the string (each edit
 * shifts the rest by one). So a query looks up its substrings at those places only, for the lengths
 * of string it may match, and a piece common to many strings ("gpt-", "-model") is found only
 * where it stands in strings of those lengths.
 */
class PieceIndex<V> {
  /** Per slot (the length of a string and the number of a piece in it), the strings by that piece (arrays: a query walks them). */
  private readonly bySlot = new Map<number, Map<string, V[]>>();

  add(lower: string, distance: number, value: V): void {
    piecesOf(lower.length, distance + 1).forEach((piece, number) => {
      const slot = slotOf(lower.length, number);
      let byPiece = this.bySlot.get(slot);
      if (byPiece === undefined) this.bySlot.set(slot, (byPiece = new Map()));
      const key = lower.slice(piece.start, piece.start + piece.length);
      const values = byPiece.get(key);
      if (values === undefined) byPiece.set(key, [value]);
      else values.push(value);
    });
  }

  delete(lower: string, distance: number, value: V): void {
    piecesOf(lower.length, distance + 1).forEach((piece, number) => {
      const slot = slotOf(lower.length, number);
      const byPiece = this.bySlot.get(slot);
      const key = lower.slice(piece.start, piece.start + piece.length);
      const values = byPiece?.get(key);
      const at = values?.indexOf(value) ?? -1;
      if (values === undefined || at < 0) return;
      // The order of a piece's strings does not matter: the last takes the place of the one removed.
      values[at] = values[values.length - 1]!;
      values.pop();
      if (values.length === 0) byPiece!.delete(key);
      if (byPiece!.size === 0) this.bySlot.delete(slot);
    });
  }

  /**
   * Calls `visit` for every value that may lie within reach of the query, for each shape of string
   * filed; a value with several pieces in the query is visited more than once (checking each visit
   * against the values seen would cost more than the rare repeat).
   */
  near(lower: string, shapes: readonly PieceShape[], visit: (value: V) => void): void {
    for (const shape of shapes) {
      piecesOf(shape.length, shape.distance + 1).forEach((piece, number) => {
        const byPiece = this.bySlot.get(slotOf(shape.length, number));
        if (byPiece === undefined) return;
        const from = Math.max(0, piece.start - shape.shift);
        const to = Math.min(lower.length - piece.length, piece.start + shape.shift);
        for (let start = from; start <= to; start++) {
          const values = byPiece.get(lower.slice(start, start + piece.length));
          if (values === undefined) continue;
          for (let k = 0; k < values.length; k++) visit(values[k]!);
        }
      });
    }
  }
}

/** Pieces are filed per length of their string and number in it, so that a query finds only strings of the lengths it looks for. */
function slotOf(length: number, number: number): number {
  return length * (maxEditDistance + 1) + number;
}

/**
 * Where the pieces of a string of this length stand: `count` consecutive pieces of nearly equal
 * length (empty ones when the string is shorter than that; an empty piece is always intact).
 */
function piecesOf(length: number, count: number): { readonly start: number; readonly length: number }[] {
  const base = Math.floor(length / count);
  const pieces: { start: number; length: number }[] = [];
  let start = 0;
  for (let number = 0; number < count; number++) {
    const pieceLength = number < length % count ? base + 1 : base;
    pieces.push({ start, length: pieceLength });
    start += pieceLength;
  }
  return pieces;
}

/**
 * Values filed under an id in comparable form: by that form, by its singular, and by its pieces
 * (see `PieceIndex`), cut for the edit distance `filingDistance` gives its length; kept up to date
 * one id at a time.
 */
class FiledIds<V> {
  readonly byLower = new Map<string, Set<V>>();
  readonly bySingular = new Map<string, Set<V>>();
  readonly byPieces = new PieceIndex<V>();

  constructor(private readonly filingDistance: (length: number) => number) {}

  add(lower: string, value: V): void {
    addTo(this.byLower, lower, value);
    addTo(this.bySingular, singularOf(lower), value);
    this.byPieces.add(lower, this.filingDistance(lower.length), value);
  }

  delete(lower: string, value: V): void {
    removeFrom(this.byLower, lower, value);
    removeFrom(this.bySingular, singularOf(lower), value);
    this.byPieces.delete(lower, this.filingDistance(lower.length), value);
  }
}

function addTo<V>(map: Map<string, Set<V>>, key: string, value: V): void {
  const values = map.get(key);
  if (values) {
    values.add(value);
  } else {
    map.set(key, new Set([value]));
  }
}

function removeFrom<V>(map: Map<string, Set<V>>, key: string, value: V): void {
  const values = map.get(key);
  if (values?.delete(value) && values.size === 0) {
    map.delete(key);
  }
}

/** A lower-case id without an English plural ending (`models` -> `model`, `technologies` -> `technology`). */
export function singularOf(lower: string): string {
  if (lower.endsWith('ies') && lower.length > 4) {
    return `${lower.slice(0, -3)}y`;
  }
  if (/(?:ss|sh|ch|x)es$/.test(lower)) {
    return lower.slice(0, -2);
  }
  if (lower.endsWith('s') && !lower.endsWith('ss') && lower.length > 2) {
    return lower.slice(0, -1);
  }
  return lower;
}

/**
 * A set of ids (the link targets of a workspace) that answers, for one id, which of them could
 * name it among their closest ids (`couldBeClosestId(member, id)`) while looking only at the
 * members that share its lower-case form, its singular or a piece (see `PieceIndex`; each member
 * is cut for the distance it allows). Kept up to date one id at a time, so an edit costs as much
 * in a large workspace as in a small one.
 */
export class CloseIdFinder {
  /** Each cut for the distance it allows. */
  private readonly filed = new FiledIds<string>(maxDistanceFor);
  private readonly members = new Set<string>();

  constructor(ids: Iterable<string> = []) {
    for (const id of ids) {
      this.add(id);
    }
  }

  add(id: string): void {
    if (this.members.has(id)) return;
    this.members.add(id);
    this.filed.add(comparableForm(id), id);
  }

  delete(id: string): void {
    if (!this.members.delete(id)) return;
    this.filed.delete(comparableForm(id), id);
  }

  /** The members that could name `id` among their closest ids. */
  membersCloseTo(id: string): Set<string> {
    const lower = comparableForm(id);
    const found = new Set<string>();
    const consider = (member: string): void => {
      if (!found.has(member) && couldBeClosestId(member, id)) {
        found.add(member);
      }
    };
    this.filed.byLower.get(lower)?.forEach(consider);
    this.filed.bySingular.get(singularOf(lower))?.forEach(consider);
    // Members of every length that may allow this id's distance from them.
    const shapes: PieceShape[] = [];
    for (let length = Math.max(0, lower.length - maxEditDistance); length <= lower.length + maxEditDistance; length++) {
      const allowed = maxDistanceFor(length);
      if (Math.abs(length - lower.length) <= allowed) shapes.push({ length, distance: allowed, shift: allowed });
    }
    this.filed.byPieces.near(lower, shapes, consider);
    return found;
  }
}
