import { distance } from 'fastest-levenshtein';
import type { WorkspaceIndex } from '../index/workspaceIndex';

/** How many suggestions a broken link names at most. */
const maxSuggestions = 3;

/** The largest edit distance ever accepted; the pieces below rely on it. */
const maxEditDistance = 3;

/** Ids shorter than this are compared one by one; longer ones are found through their pieces. */
const minPiecedLength = 8;

/** A defined id with the forms it is compared in. */
interface Candidate {
  readonly id: string;
  readonly lower: string;
  readonly singular: string;
}

/**
 * The defined ids of a workspace, kept up to date one id at a time by the index (see
 * `WorkspaceIndex.closestIdCandidates`). Each long id is cut into `maxEditDistance + 1` pieces: an
 * id within that edit distance of a query keeps at least one piece intact inside the query (each
 * edit breaks at most one piece), so only ids sharing a piece with the query need the edit
 * distance computed. That keeps a workspace of many thousand ids fast, and a change of one id
 * (typing in a heading) costs no rebuild.
 */
export class ClosestIdCandidates {
  readonly byLower = new Map<string, Set<Candidate>>();
  readonly bySingular = new Map<string, Set<Candidate>>();
  readonly byPiece = new Map<string, Set<Candidate>>();
  readonly shortIds = new Set<Candidate>();
  /** The answers given since the ids last changed. */
  readonly answers = new Map<string, readonly string[]>();
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
    const lower = id.toLowerCase();
    const candidate: Candidate = { id, lower, singular: singularOf(lower) };
    this.byId.set(id, candidate);
    this.answers.clear();
    this.file(candidate, addTo);
  }

  delete(id: string): void {
    const candidate = this.byId.get(id);
    if (candidate !== undefined) {
      this.byId.delete(id);
      this.answers.clear();
      this.file(candidate, removeFrom);
    }
  }

  private file(candidate: Candidate, change: (map: Map<string, Set<Candidate>>, key: string, value: Candidate) => void): void {
    change(this.byLower, candidate.lower, candidate);
    change(this.bySingular, candidate.singular, candidate);
    if (candidate.lower.length < minPiecedLength) {
      if (change === addTo) this.shortIds.add(candidate);
      else this.shortIds.delete(candidate);
    } else {
      for (const piece of new Set(piecesOf(candidate.lower))) {
        change(this.byPiece, piece, candidate);
      }
    }
  }
}

/**
 * The existing ids closest to a missing one, best first, at most three: equal ignoring case, then
 * equal up to a plural ending, then by edit distance (ignoring case) within a quarter of the length
 * (at least 1, at most 3).
 */
export function findClosestIds(id: string, index: WorkspaceIndex): readonly string[] {
  const candidates = index.closestIdCandidates();
  let answer = candidates.answers.get(id);
  if (answer === undefined) {
    answer = rankCandidates(id, candidates);
    candidates.answers.set(id, answer);
  }
  return answer;
}

/**
 * Whether a defined id meets the criteria to be named among the closest ids of a missing one, so
 * that the diagnostics naming closest ids are worked out anew when such an id appears or goes.
 */
export function couldBeClosestId(missing: string, defined: string): boolean {
  const lower = missing.toLowerCase();
  const candidate = defined.toLowerCase();
  const maxDistance = maxDistanceFor(lower);
  return (
    candidate === lower ||
    singularOf(candidate) === singularOf(lower) ||
    (Math.abs(candidate.length - lower.length) <= maxDistance && distance(candidate, lower) <= maxDistance)
  );
}

/** The edit distance within which an id counts as close: a quarter of its length, at least 1, at most 3. */
function maxDistanceFor(lower: string): number {
  return Math.min(maxEditDistance, Math.max(1, Math.floor(lower.length / 4)));
}

function rankCandidates(id: string, candidates: ClosestIdCandidates): readonly string[] {
  const lower = id.toLowerCase();
  const maxDistance = maxDistanceFor(lower);
  const ranked = new Map<string, { readonly tier: number; readonly distance: number }>();
  const consider = (candidate: Candidate, tier: number, editDistance: number): void => {
    if (candidate.id !== id && !ranked.has(candidate.id)) {
      ranked.set(candidate.id, { tier, distance: editDistance });
    }
  };
  for (const candidate of candidates.byLower.get(lower) ?? []) {
    consider(candidate, 0, 0);
  }
  for (const candidate of candidates.bySingular.get(singularOf(lower)) ?? []) {
    consider(candidate, 1, 0);
  }
  for (const candidate of nearbyCandidates(lower, maxDistance, candidates)) {
    if (!ranked.has(candidate.id) && Math.abs(candidate.lower.length - lower.length) <= maxDistance) {
      const editDistance = distance(candidate.lower, lower);
      if (editDistance <= maxDistance) {
        consider(candidate, 2, editDistance);
      }
    }
  }
  return [...ranked]
    .sort(([idA, a], [idB, b]) => a.tier - b.tier || a.distance - b.distance || (idA < idB ? -1 : idA > idB ? 1 : 0))
    .slice(0, maxSuggestions)
    .map(([candidateId]) => candidateId);
}

/** Every id that could be within `maxDistance` of the query: short ids, and long ids sharing a piece with it. */
function nearbyCandidates(lower: string, maxDistance: number, candidates: ClosestIdCandidates): Set<Candidate> {
  const nearby = new Set<Candidate>();
  if (lower.length - maxDistance < minPiecedLength) {
    candidates.shortIds.forEach((candidate) => nearby.add(candidate));
  }
  const longest = lower.length + maxDistance;
  if (longest < minPiecedLength) {
    return nearby;
  }
  const shortest = Math.max(minPiecedLength, lower.length - maxDistance);
  const pieceLengths = new Set<number>();
  for (let length = shortest; length <= longest; length++) {
    pieceLengthsOf(length).forEach((pieceLength) => pieceLengths.add(pieceLength));
  }
  for (const pieceLength of pieceLengths) {
    for (let start = 0; start + pieceLength <= lower.length; start++) {
      for (const candidate of candidates.byPiece.get(lower.slice(start, start + pieceLength)) ?? []) {
        nearby.add(candidate);
      }
    }
  }
  return nearby;
}

/** Cuts a string into `maxEditDistance + 1` consecutive pieces of nearly equal length. */
function piecesOf(text: string): string[] {
  const pieces: string[] = [];
  let start = 0;
  for (const length of pieceLengthsInOrder(text.length)) {
    pieces.push(text.slice(start, start + length));
    start += length;
  }
  return pieces;
}

function pieceLengthsInOrder(length: number): number[] {
  const count = maxEditDistance + 1;
  const base = Math.floor(length / count);
  return Array.from({ length: count }, (_, i) => (i < length % count ? base + 1 : base));
}

function pieceLengthsOf(length: number): ReadonlySet<number> {
  return new Set(pieceLengthsInOrder(length));
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
 * members that share a key with it: the lower-case form, the singular, and for long members their
 * pieces (as `ClosestIdCandidates`), for short ones (edit distance 1 at most) the forms with one character
 * deleted. Kept up to date one id at a time, so an edit costs as much in a large workspace as in a
 * small one.
 */
export class CloseIdFinder {
  private readonly byKey = new Map<string, Set<string>>();

  constructor(ids: Iterable<string> = []) {
    for (const id of ids) {
      this.add(id);
    }
  }

  add(id: string): void {
    for (const key of memberKeys(id)) {
      const members = this.byKey.get(key);
      if (members) {
        members.add(id);
      } else {
        this.byKey.set(key, new Set([id]));
      }
    }
  }

  delete(id: string): void {
    for (const key of memberKeys(id)) {
      const members = this.byKey.get(key);
      if (members?.delete(id) && members.size === 0) {
        this.byKey.delete(key);
      }
    }
  }

  /** The members that could name `id` among their closest ids. */
  membersCloseTo(id: string): Set<string> {
    const lower = id.toLowerCase();
    const found = new Set<string>();
    const consider = (key: string): void => {
      for (const member of this.byKey.get(key) ?? []) {
        if (!found.has(member) && couldBeClosestId(member, id)) {
          found.add(member);
        }
      }
    };
    consider(`l:${lower}`);
    consider(`s:${singularOf(lower)}`);
    // A short member is within edit distance 1: it and the id share a form with at most one character deleted.
    if (lower.length <= minPiecedLength) {
      consider(`d:${lower}`);
      for (let at = 0; at < lower.length; at++) {
        consider(`d:${lower.slice(0, at)}${lower.slice(at + 1)}`);
      }
    }
    // A long member is within edit distance 3: one of its pieces stands intact in the id.
    const pieceLengths = new Set<number>();
    for (let length = Math.max(minPiecedLength, lower.length - maxEditDistance); length <= lower.length + maxEditDistance; length++) {
      pieceLengthsOf(length).forEach((pieceLength) => pieceLengths.add(pieceLength));
    }
    for (const pieceLength of pieceLengths) {
      for (let start = 0; start + pieceLength <= lower.length; start++) {
        consider(`p:${lower.slice(start, start + pieceLength)}`);
      }
    }
    return found;
  }
}

/** The keys a member is found by (see `CloseIdFinder`), prefixed by their kind. */
function memberKeys(id: string): Set<string> {
  const lower = id.toLowerCase();
  const keys = new Set([`l:${lower}`, `s:${singularOf(lower)}`]);
  if (lower.length < minPiecedLength) {
    keys.add(`d:${lower}`);
    for (let at = 0; at < lower.length; at++) {
      keys.add(`d:${lower.slice(0, at)}${lower.slice(at + 1)}`);
    }
  } else {
    piecesOf(lower).forEach((piece) => keys.add(`p:${piece}`));
  }
  return keys;
}
