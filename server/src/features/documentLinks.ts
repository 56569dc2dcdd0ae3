import { CancellationToken, DocumentLink } from 'vscode-languageserver';
import { fileNameOf } from '../diagnostics/check';
import { WorkspaceIndex } from '../index/workspaceIndex';

/** What a document link carries until it is followed: the id it leads to. */
interface LinkData {
  readonly target: string;
}

/**
 * The `#Id` links of a document as links the editor follows on Ctrl+Click. VS Code's own Markdown
 * support makes the `#Id` of `[label](#Id)` a link into the same file, where it finds no heading
 * (Pandoc's ids are not its slugs), so Ctrl+Click on the id went nowhere. A link over the whole
 * `[label](#Id)` starts before that one, which the editor then leaves. Broken links get none.
 * The place a link leads to is worked out when it is followed (`resolveDocumentLink`), so that it
 * is never where a heading stood when the file was opened.
 */
export function documentLinks(index: WorkspaceIndex, uri: string, token: CancellationToken): DocumentLink[] {
  const document = index.document(uri);
  if (document === undefined || token.isCancellationRequested) {
    return [];
  }
  const links: DocumentLink[] = [];
  for (const link of document.links) {
    const first = index.anchorsOf(link.target)[0];
    if (first !== undefined) {
      const data: LinkData = { target: link.target };
      links.push({ range: link.range, tooltip: `#${link.target} · ${fileNameOf(first.uri)}`, data });
    }
  }
  return links;
}

/** The place a document link leads to: the first that defines its id, as a `file:…#L<line>,<column>` URI. */
export function resolveDocumentLink(index: WorkspaceIndex, link: DocumentLink): DocumentLink {
  const target = (link.data as Partial<LinkData> | undefined)?.target;
  const first = typeof target === 'string' ? index.anchorsOf(target)[0] : undefined;
  if (first === undefined) {
    return link;
  }
  const { line, character } = first.anchor.range.start;
  return { ...link, target: `${first.uri}#L${line + 1},${character + 1}` };
}
