import { nameOf, namesOf, sameName } from '../../index/entryNames';
import { WorkspaceIndex } from '../../index/workspaceIndex';

/** `WorkspaceIndex.entryIdsNamed` the slow way: every entry's names compared with the name. */
export function entryIdsNamedByFullScan(text: string, index: WorkspaceIndex): string[] {
  const name = nameOf(text);
  const named = [...index.entries()]
    .filter(({ entry }) => name !== '' && namesOf(entry).some((other) => sameName(other, name)))
    .map(({ uri, entry }) => `${uri}\u0000${entry.id}`)
    .sort();
  return [...new Set(named.map((key) => key.slice(key.indexOf('\u0000') + 1)))];
}
