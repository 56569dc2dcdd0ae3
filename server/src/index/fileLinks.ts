import { URI, Utils } from 'vscode-uri';
import type { FileLink, GlossaryDocument } from '../parse/model';

/** The file a link names by its path, and the fragment after its `#` (undefined without one). */
export interface FileLinkTarget {
  readonly uri: string;
  readonly fragment: string | undefined;
}

/**
 * The file that a link in the document `documentUri` names by a relative path, as a URI of the form
 * the index keeps (`Data%20Scraping.md` and `<Data Scraping.md>` name one file). Undefined for a
 * link to the document's folder alone (`?x`).
 */
export function fileLinkTarget(documentUri: string, link: FileLink): FileLinkTarget | undefined {
  const hash = link.url.indexOf('#');
  const path = (hash < 0 ? link.url : link.url.slice(0, hash)).split('?')[0]!;
  if (path === '') return undefined;
  return {
    uri: Utils.resolvePath(Utils.dirname(URI.parse(documentUri)), decoded(path)).toString(),
    fragment: hash < 0 ? undefined : decoded(link.url.slice(hash + 1)),
  };
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The files a document links to by their paths. */
export function fileLinkTargetsOf(document: GlossaryDocument | undefined): ReadonlySet<string> {
  const targets = new Set<string>();
  for (const link of document?.fileLinks ?? []) {
    const target = fileLinkTarget(document!.uri, link);
    if (target !== undefined) targets.add(target.uri);
  }
  return targets;
}

/**
 * The id that a link to a file of the glossary leads to in the book: the fragment where the file
 * gives that id, else (without a fragment) its first entry's id, or the id of its first heading
 * that has one written (the index page's `{#Index}`); undefined where the file gives none of them.
 */
export function idOfLinkedFile(file: GlossaryDocument, fragment: string | undefined): string | undefined {
  if (fragment !== undefined) {
    return file.anchors.some((anchor) => anchor.id === fragment) ? fragment : undefined;
  }
  return file.entries[0]?.id ?? file.headings.find((heading) => heading.explicitId)?.id;
}
