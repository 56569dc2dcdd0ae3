import { CancellationToken, SymbolInformation, SymbolKind } from 'vscode-languageserver';
import { WorkspaceIndex } from '../index/workspaceIndex';
import { Entry } from '../parse/model';
import { closestSpan, matchTier, searchTier, Words, wordsOf } from './fuzzyRank';

/** How many symbols one query answers at most; the editor asks again as the writer types. */
const maxSymbols = 500;

/**
 * Every term of the glossary whose title or id matches the query (see `searchTier`: prefix, a
 * word's prefix or the initials, then subsequence), best matches first. A term whose title or id
 * is the query itself comes before all of them: among hundreds of terms beginning with "KI", the
 * one whose id is `KI` is not cut off (Glossary Report links find an entry's heading this way).
 * Of the terms that hold the letters in order, those holding them closest together come first, and
 * of those the shorter name ("Transformer" before "Generative Pre-Trained Transformer").
 */
export function workspaceSymbols(index: WorkspaceIndex, query: string, token: CancellationToken): SymbolInformation[] {
  const search = wordsOf(query);
  // Every term for an empty query (the editor's first ask); none for one without a letter or digit, which no name's words hold.
  if (search.compact === '' && query.trim() !== '') {
    return [];
  }
  // VS Code lists only the symbols whose name holds the letters typed in order (blanks aside), so
  // a term found by its id alone ("AI-Act" for "AI Act") shows the id in its name, as its heading does.
  const typed = query.replace(/\s+/g, '').toLowerCase();
  const ranked: { readonly tier: number; readonly span: number; readonly symbol: SymbolInformation }[] = [];
  for (const { uri, entry } of index.entries()) {
    const names = searchableNames(entry);
    const tiers = names.map((name) => searchTier(search, name)).filter((tier) => tier !== undefined);
    if (tiers.length === 0) {
      continue;
    }
    const tier = search.compact !== '' && names.some((name) => name.compact === search.compact) ? -1 : Math.min(...tiers);
    ranked.push({
      tier,
      span: tier === 2 ? closestSpan(search.compact, names.map((name) => name.compact)) : 0,
      symbol: {
        name: nameShown(entry, typed),
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
    .sort((a, b) => a.tier - b.tier || a.span - b.span || (a.span > 0 ? a.symbol.name.length - b.symbol.name.length : 0) || a.symbol.name.localeCompare(b.symbol.name))
    .slice(0, maxSymbols)
    .map(({ symbol }) => symbol);
}

/** The term's title (its id where it has none), with its id where the title lacks what is typed. */
function nameShown(entry: Entry, typed: string): string {
  const title = entry.title || entry.id;
  return matchTier(typed, title.toLowerCase()) !== undefined ? title : `${title} {#${entry.id}}`;
}

/** The words of each entry's title and id, split once: the writer searches again with each key typed. */
const wordsOfEntries = new WeakMap<Entry, readonly Words[]>();

function searchableNames(entry: Entry): readonly Words[] {
  let names = wordsOfEntries.get(entry);
  if (names === undefined) {
    names = [wordsOf(entry.title), wordsOf(entry.id)];
    wordsOfEntries.set(entry, names);
  }
  return names;
}
