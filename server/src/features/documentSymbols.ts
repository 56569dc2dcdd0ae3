import { CancellationToken, DocumentSymbol, SymbolInformation, SymbolKind } from 'vscode-languageserver';
import { WorkspaceIndex } from '../index/workspaceIndex';
import { Heading, Position, Range } from '../parse/model';

/**
 * The outline of a file: the headings before its first entry, nested by level as in any Markdown
 * outline, then each entry with its sections (those the entry holds, whatever their level).
 */
export function documentSymbols(index: WorkspaceIndex, uri: string, token: CancellationToken): DocumentSymbol[] {
  const document = index.document(uri);
  if (document === undefined || token.isCancellationRequested) {
    return [];
  }
  // The headings before the first entry: all of a file without entries, such as the index page.
  const firstEntryStart = document.entries[0]?.heading.range.start;
  const before = firstEntryStart === undefined ? document.headings : document.headings.filter((heading) => heading.range.start.line < firstEntryStart.line);
  const outline = nestedByLevel(before, firstEntryStart ?? document.end);
  return outline.concat(document.entries.map((entry) =>
    symbolOf(
      entry.heading,
      entry.range,
      SymbolKind.Class,
      entry.sections.map((section) => symbolOf(section.heading, section.range, SymbolKind.String, [])),
    ),
  ));
}

/** Headings as a tree: each holds the deeper ones after it, up to the next of its level or above (or `end`). */
function nestedByLevel(headings: readonly Heading[], end: Position): DocumentSymbol[] {
  const roots: DocumentSymbol[] = [];
  const open: { readonly level: number; readonly symbol: DocumentSymbol }[] = [];
  const closeTo = (level: number, until: Position): void => {
    while (open.length > 0 && open[open.length - 1]!.level >= level) open.pop()!.symbol.range.end = until;
  };
  for (const heading of headings) {
    closeTo(heading.level, heading.range.start);
    const symbol = symbolOf(heading, { start: heading.range.start, end: heading.range.end }, SymbolKind.String, []);
    (open.length > 0 ? open[open.length - 1]!.symbol.children! : roots).push(symbol);
    open.push({ level: heading.level, symbol });
  }
  closeTo(0, end);
  return roots;
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
