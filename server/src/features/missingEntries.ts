import { WorkspaceIndex } from '../index/workspaceIndex';
import { MissingEntry } from '../protocol';

/** The ids that links point at but no heading defines, most referenced first, then by id. */
export function missingEntries(index: WorkspaceIndex): MissingEntry[] {
  const missing: MissingEntry[] = [];
  for (const id of index.linkedIds()) {
    if (!index.isDefined(id)) {
      missing.push({ id, referenceCount: index.linksTo(id).length, fileCount: index.documentsLinkingTo(id).length });
    }
  }
  return missing.sort((a, b) => b.referenceCount - a.referenceCount || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
