import { fileNameId, isMarkdownFile } from '../diagnostics/check';
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

/**
 * The title of the entry an id names, when the id does not tell it (`GAN` for "Generative
 * Adversarial Network (GAN)"); undefined for an id that is its title with hyphens for spaces, and
 * for an id that names no entry.
 */
export function titleUntoldById(index: WorkspaceIndex, id: string): string | undefined {
  const title = entryWithId(index, id)?.entry.title;
  return title === undefined || title.replace(/\s+/g, '-') === id ? undefined : title;
}

/**
 * The entry file named after an id whose entry has another id: `Computer-Vision.md` giving
 * `{#ComputerVision}` while links write `#Computer-Vision`, or the real glossary's `Claude.md`
 * holding a copy of the entry CNN. Undefined when no file is so named.
 */
export function entryFileNamedAfter(index: WorkspaceIndex, id: string): { readonly uri: string; readonly entry: Entry } | undefined {
  for (const document of index.documents()) {
    const entry = document.entries[0];
    if (entry !== undefined && entry.id !== id && isMarkdownFile(document.uri) && fileNameId(document.uri) === id) {
      return { uri: document.uri, entry };
    }
  }
  return undefined;
}

/** The entry of a document that holds a position. */
export function entryAt(index: WorkspaceIndex, uri: string, position: Position): Entry | undefined {
  const document = index.document(uri);
  return document && entryContaining(document, position);
}
