import { distance } from 'fastest-levenshtein';
import { WorkspaceIndex } from '../index/workspaceIndex';

/** How many suggestions a broken link names at most. */
const maxSuggestions = 3;

/** The defined ids, prepared once per version of the index's definitions. */
interface Candidates {
  readonly version: number;
  readonly ids: readonly { readonly id: string; readonly lower: string; readonly singular: string }[];
  readonly answers: Map<string, readonly string[]>;
}

const candidatesByIndex = new WeakMap<WorkspaceIndex, Candidates>();

/**
 * The existing ids closest to a missing one, best first, at most three: equal ignoring case, then
 * equal up to a plural ending, then by edit distance (ignoring case) within a fraction of the length.
 */
export function findClosestIds(id: string, index: WorkspaceIndex): readonly string[] {
  const candidates = candidatesOf(index);
  let answer = candidates.answers.get(id);
  if (answer === undefined) {
    answer = rankCandidates(id, candidates);
    candidates.answers.set(id, answer);
  }
  return answer;
}

function candidatesOf(index: WorkspaceIndex): Candidates {
  const cached = candidatesByIndex.get(index);
  if (cached && cached.version === index.definitionsVersion) {
    return cached;
  }
  const ids = [...index.definedIds()].map((id) => {
    const lower = id.toLowerCase();
    return { id, lower, singular: singularOf(lower) };
  });
  const candidates: Candidates = { version: index.definitionsVersion, ids, answers: new Map() };
  candidatesByIndex.set(index, candidates);
  return candidates;
}

function rankCandidates(id: string, candidates: Candidates): readonly string[] {
  const lower = id.toLowerCase();
  const singular = singularOf(lower);
  const maxDistance = Math.min(3, Math.max(1, Math.floor(lower.length / 4)));
  const ranked: { readonly id: string; readonly tier: number; readonly distance: number }[] = [];
  for (const candidate of candidates.ids) {
    if (candidate.id === id) {
      continue;
    }
    if (candidate.lower === lower) {
      ranked.push({ id: candidate.id, tier: 0, distance: 0 });
    } else if (candidate.singular === singular) {
      ranked.push({ id: candidate.id, tier: 1, distance: 0 });
    } else if (Math.abs(candidate.lower.length - lower.length) <= maxDistance) {
      const editDistance = distance(candidate.lower, lower);
      if (editDistance <= maxDistance) {
        ranked.push({ id: candidate.id, tier: 2, distance: editDistance });
      }
    }
  }
  ranked.sort((a, b) => a.tier - b.tier || a.distance - b.distance || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return ranked.slice(0, maxSuggestions).map((candidate) => candidate.id);
}

/** A lower-case id without an English plural ending (`models` -> `model`, `technologies` -> `technology`). */
function singularOf(lower: string): string {
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
