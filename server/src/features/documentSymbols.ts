import { CancellationToken, DocumentSymbol, SymbolInformation, SymbolKind } from 'vscode-languageserver';
import { WorkspaceIndex } from '../index/workspaceIndex';
import { Heading, Range } from '../parse/model';

/** The outline of a file: the headings before its first entry, then each entry with its sections (those the entry holds, whatever their level). */
export function documentSymbols(index: WorkspaceIndex, uri: string, token: CancellationToken): DocumentSymbol[] {
  const document = index.document(uri);
  if (document === undefined || token.isCancellationRequested) {
    return [];
  }
  // The headings before the first entry (all of a file without entries) are listed as they come.
  const firstEntryLine = document.entries[0]?.heading.range.start.line ?? Infinity;
  const before = document.headings.filter((heading) => heading.range.start.line < firstEntryLine).map((heading) => symbolOf(heading, heading.range, SymbolKind.String, []));
  return before.concat(document.entries.map((entry) =>
    symbolOf(
      entry.heading,
      entry.range,
      SymbolKind.Class,
      entry.sections.map((section) => symbolOf(section.heading, section.range, SymbolKind.String, [])),
    ),
  ));
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

/**
 * The outline for a client that takes no tree of symbols (no `hierarchicalDocumentSymbolSupport`):
 * each symbol in order, a section named with the entry that holds it as its container.
 */
export function flatSymbols(uri: string, symbols: readonly DocumentSymbol[], containerName?: string): SymbolInformation[] {
  return symbols.flatMap((symbol) => [
    { name: symbol.name, kind: symbol.kind, location: { uri, range: symbol.range }, ...(containerName === undefined ? {} : { containerName }) },
    ...flatSymbols(uri, symbol.children ?? [], symbol.name),
  ]);
}
