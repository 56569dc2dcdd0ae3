import { URI, Utils } from 'vscode-uri';
import type { FileLink, GlossaryDocument } from '../parse/model';
import { caseFoldedUri, decodedUriText } from '../workspace/uris';
import type { WorkspaceIndex } from './workspaceIndex';

/** The file a link names by its path, and the fragment after its `#` (undefined without one, or an empty one). */
export interface FileLinkTarget {
  readonly uri: string;
  readonly fragment: string | undefined;
}

/**
 * The file that a link in the document `documentUri` names by a relative path, as a URI of the form
 * the index keeps (`Data%20Scraping.md` and `<Data Scraping.md>` name one file).
 */
export function fileLinkTarget(documentUri: string, link: FileLink): FileLinkTarget {
  const hash = link.url.indexOf('#');
  const path = (hash < 0 ? link.url : link.url.slice(0, hash)).split('?')[0]!;
  const fragment = hash < 0 ? '' : decodedUriText(link.url.slice(hash + 1));
  // Half of a character written as a surrogate pair (text being typed) has no URI form: it names no file.
  const wellFormed = decodedUriText(path).replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
  return {
    uri: Utils.resolvePath(Utils.dirname(URI.parse(documentUri)), wellFormed).toString(),
    fragment: fragment === '' ? undefined : fragment,
  };
}

/**
 * The file of the glossary a link names by its path: that file, or one whose name differs in case
 * alone (one file on Windows and macOS, where the book may be made).
 */
export function linkedFile(index: WorkspaceIndex, target: FileLinkTarget): GlossaryDocument | undefined {
  return index.document(target.uri) ?? index.documentsNamedAlike(target.uri)[0];
}

/** The files a document links to by their paths, case-folded (see `caseFoldedUri`), as a file of either case answers such a link. */
export function fileLinkTargetsOf(document: GlossaryDocument | undefined): ReadonlySet<string> {
  const targets = new Set<string>();
  for (const link of document?.fileLinks ?? []) targets.add(caseFoldedUri(fileLinkTarget(document!.uri, link).uri));
  return targets;
}

/** A relative link's path written as an id is, without a dot or a slash (`[Crawler](Web-Crawling)`, its `#` missing). */
const idLikePath = /^[\p{L}\p{N}][\p{L}\p{N}_-]*$/u;

/** The id a link to a file by its path writes without its `#`, if its path is written as an id is. */
export function idWithoutHash(link: FileLink): string | undefined {
  return idLikePath.test(link.url) ? link.url : undefined;
}

/**
 * The ids a document writes without their `#`, which its diagnostics tell of where a heading gives
 * them: in links to files (see `idWithoutHash`) and as references that no definition gives.
 */
export function idsWithoutHashOf(document: GlossaryDocument | undefined): ReadonlySet<string> {
  const ids = new Set<string>();
  for (const link of document?.fileLinks ?? []) {
    const id = idWithoutHash(link);
    if (id !== undefined) ids.add(id);
  }
  for (const textLink of document?.textLinks ?? []) {
    if (textLink.kind === 'reference') ids.add(textLink.target);
  }
  return ids;
}

/** The place of the book a link to a file of the glossary leads to: the id, and the title of its heading or entry. */
export interface LinkedPlace {
  readonly id: string;
  readonly title: string;
}

/**
 * Where a link to a file of the glossary leads in the book: the heading or element that the
 * fragment names where the file gives that id explicitly, else (without a fragment) its first entry,
 * or its first heading with an id written (the index page's `{#Index}`); undefined where the file
 * gives none of them. An automatic id (`#herkunft`) is none: headings in other files may give it
 * too, and the book numbers them (`herkunft-1`).
 */
export function placeOfLinkedFile(file: GlossaryDocument, fragment: string | undefined): LinkedPlace | undefined {
  if (fragment !== undefined) {
    const anchor = file.anchors.find((candidate) => candidate.id === fragment && candidate.explicit);
    return anchor && { id: anchor.id, title: anchor.label };
  }
  const entry = file.entries[0];
  if (entry?.heading.explicitId) return { id: entry.id, title: entry.title };
  const heading = file.headings.find((candidate) => candidate.explicitId);
  return heading && { id: heading.id, title: heading.plainText };
}
