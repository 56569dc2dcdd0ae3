import { CancellationToken, SymbolInformation, SymbolKind } from 'vscode-languageserver';
import { WorkspaceIndex } from '../index/workspaceIndex';
import { searchOf, searchTier } from './fuzzyRank';

/** How many symbols one query answers at most; the editor asks again as the writer types. */
const maxSymbols = 500;

/**
 * Every term of the glossary whose title or id matches the query (see `searchTier`: prefix, a
 * word's prefix or the initials, then subsequence), best matches first.
 */
export function workspaceSymbols(index: WorkspaceIndex, query: string, token: CancellationToken): SymbolInformation[] {
  const search = searchOf(query);
  const ranked: { readonly tier: number; readonly symbol: SymbolInformation }[] = [];
  for (const { uri, entry } of index.entries()) {
    const tiers = [searchTier(search, entry.title), searchTier(search, entry.id)].filter((tier) => tier !== undefined);
    if (tiers.length === 0) {
      continue;
    }
    ranked.push({
      tier: Math.min(...tiers),
      symbol: {
        name: entry.title || entry.id,
        kind: SymbolKind.Class,
        location: { uri, range: entry.heading.range },
        containerName: `#${entry.id}`,
      },
    });
    if (token.isCancellationRequested) {
      return [];
    }
  }
  return ranked
    .sort((a, b) => a.tier - b.tier || a.symbol.name.localeCompare(b.symbol.name))
    .slice(0, maxSymbols)
    .map(({ symbol }) => symbol);
}
