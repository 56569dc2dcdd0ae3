import { WorkspaceIndex } from '../index/workspaceIndex';
import { Entry, Position } from '../parse/model';
import { entryContaining } from '../parse/positions';

/** The entry an id names (the first, when duplicated), with its file. */
export function entryWithId(index: WorkspaceIndex, id: string): { readonly uri: string; readonly entry: Entry } | undefined {
  for (const { uri } of index.anchorsOf(id)) {
    const entry = index.document(uri)?.entries.find((candidate) => candidate.id === id);
    if (entry) {
      return { uri, entry };
    }
  }
  return undefined;
}

/** The entry of a document that holds a position. */
export function entryAt(index: WorkspaceIndex, uri: string, position: Position): Entry | undefined {
  const document = index.document(uri);
  return document && entryContaining(document, position);
}
