import { CancellationToken, DocumentSymbol, SymbolKind } from 'vscode-languageserver';
import { WorkspaceIndex } from '../index/workspaceIndex';
import { Heading, Range } from '../parse/model';

/** The outline of a file: each entry with its sections; a file without entries lists its headings. */
export function documentSymbols(index: WorkspaceIndex, uri: string, token: CancellationToken): DocumentSymbol[] {
  const document = index.document(uri);
  if (document === undefined || token.isCancellationRequested) {
    return [];
  }
  if (document.entries.length === 0) {
    return document.headings.map((heading) => symbolOf(heading, heading.range, SymbolKind.String, []));
  }
  return document.entries.map((entry) =>
    symbolOf(
      entry.heading,
      entry.range,
      SymbolKind.Class,
      entry.sections.map((section) => symbolOf(section.heading, section.range, SymbolKind.String, [])),
    ),
  );
}

function symbolOf(heading: Heading, range: Range, kind: SymbolKind, children: DocumentSymbol[]): DocumentSymbol {
  return {
    name: heading.plainText.trim() || heading.id || '#',
    detail: heading.id ? `#${heading.id}` : undefined,
    kind,
    range,
    selectionRange: heading.range,
    children,
  };
}
