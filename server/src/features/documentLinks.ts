import { CancellationToken, DocumentLink } from 'vscode-languageserver';
import { WorkspaceIndex } from '../index/workspaceIndex';
import { comparePositions } from '../parse/positions';
import { anchorsOfPreferredFirst } from '../index/entryQueries';

/** What a document link carries until it is followed: the id it leads to. */
interface LinkData {
  readonly target: string;
}

/**
 * The `#Id` of each inline link as a link the editor follows on Ctrl+Click. VS Code's own Markdown
 * support makes that `#Id` a link into the same file, where it finds no heading (Pandoc's ids are
 * not its slugs), so Ctrl+Click on the id went nowhere. Where links of two providers meet, VS
 * Code keeps the one of the provider it ranks higher, and it ranks its built-in ones lower. The
 * label is left to go-to-definition, which Ctrl+Click runs there. Where a link leads is worked out
 * when it is followed (`resolveDocumentLink`), so that a link whose entry is made later leads there.
 */
export function documentLinks(index: WorkspaceIndex, uri: string, token: CancellationToken, withTooltips: boolean): DocumentLink[] {
  const document = index.document(uri);
  if (document === undefined || token.isCancellationRequested) {
    return [];
  }
  const links: DocumentLink[] = [];
  for (const link of document.links) {
    // A reference link's id stands in its definition, which several links may share. An empty id
    // (`[x](#)`, as VS Code's closing parenthesis leaves a link while its id is typed) has no place
    // to click, and VS Code refuses a link of no width: with it, it dropped every link of the file.
    if (link.kind === 'inline' && link.idRange !== undefined && comparePositions(link.idRange.start, link.idRange.end) < 0) {
      const data: LinkData = { target: link.target };
      links.push({ range: link.idRange, data, ...(withTooltips ? { tooltip: `#${link.target}` } : {}) });
    }
  }
  return links;
}

/**
 * The place a document link leads to: the one go-to-definition names first (of an id defined
 * twice, the entry its hover shows), as a `file:…#L<line>,<column>` URI (VS Code opens it there);
 * none when nothing defines it now.
 */
export function resolveDocumentLink(index: WorkspaceIndex, link: DocumentLink): DocumentLink {
  const target = (link.data as Partial<LinkData> | undefined)?.target;
  const first = typeof target === 'string' ? anchorsOfPreferredFirst(index, target)[0] : undefined;
  if (first === undefined) {
    return link;
  }
  const { line, character } = first.anchor.range.start;
  return { ...link, target: `${first.uri}#L${line + 1},${character + 1}` };
}
