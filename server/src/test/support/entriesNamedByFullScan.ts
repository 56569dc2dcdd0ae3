import { nameOf, namesOf, sameName } from '../../index/entryNames';
import { LocatedEntry, WorkspaceIndex } from '../../index/workspaceIndex';

/** `WorkspaceIndex.entriesNamed` the slow way: every entry's names compared with the name. */
export function entriesNamedByFullScan(text: string, index: WorkspaceIndex): LocatedEntry[] {
  const name = nameOf(text);
  if (name === '') return [];
  return [...index.entries()]
    .filter(({ entry }) => namesOf(entry).some((other) => sameName(other, name)))
    .sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
}
