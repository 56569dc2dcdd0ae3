import { distance } from 'fastest-levenshtein';
import { mayBeMisspelt, singularOf } from '../../index/closestIds';
import { WorkspaceIndex } from '../../index/workspaceIndex';

/** The ranking of findClosestIds computed the slow way: every defined id compared with the query. */
export function closestIdsByFullScan(id: string, index: WorkspaceIndex): readonly string[] {
  const lower = id.toLowerCase();
  const maxDistance = Math.min(3, Math.max(1, Math.floor(lower.length / 4)));
  const ranked: [string, number, number][] = [];
  for (const candidate of index.definedIds()) {
    const candidateLower = candidate.toLowerCase();
    const editDistance = distance(candidateLower, lower);
    if (candidate === id) {
      continue;
    } else if (candidateLower === lower) {
      ranked.push([candidate, 0, 0]);
    } else if (singularOf(candidateLower) === singularOf(lower)) {
      ranked.push([candidate, 1, 0]);
    } else if (editDistance <= maxDistance && mayBeMisspelt(lower, candidateLower)) {
      ranked.push([candidate, 2, editDistance]);
    }
  }
  ranked.sort((a, b) => a[1] - b[1] || a[2] - b[2] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return ranked.slice(0, 3).map(([candidate]) => candidate);
}
