import { CancellationToken, CompletionItem, CompletionItemKind, CompletionList, Position } from 'vscode-languageserver';
import { WorkspaceIndex } from '../index/workspaceIndex';
import { Entry } from '../parse/model';
import { matchTier } from './fuzzyRank';

/** The id being typed after `](#`, up to the cursor. */
const idBeingTyped = /\]\(#([^\s()#]*)$/;

/**
 * Ids to complete after `](#`: every defined id matching what is typed (prefix, then subsequence,
 * ignoring case), entry ids before section ids; each replaces exactly the id typed so far.
 * `lineBeforeCursor` is the text of the cursor's line up to the cursor.
 */
export function completeIds(
  index: WorkspaceIndex,
  lineBeforeCursor: string,
  position: Position,
  token: CancellationToken,
): CompletionList | null {
  const typed = idBeingTyped.exec(lineBeforeCursor)?.[1];
  if (typed === undefined) {
    return null;
  }
  const replaced = { start: { line: position.line, character: position.character - typed.length }, end: position };
  const typedLower = typed.toLowerCase();
  const entries = entriesById(index);
  const ranked: { readonly id: string; readonly rank: number; readonly entry: Entry | undefined }[] = [];
  for (const id of index.definedIds()) {
    const tier = matchTier(typedLower, id.toLowerCase());
    if (tier !== undefined) {
      const entry = entries.get(id);
      ranked.push({ id, rank: tier * 2 + (entry ? 0 : 1), entry });
    }
  }
  if (token.isCancellationRequested) {
    return null;
  }
  ranked.sort((a, b) => a.rank - b.rank || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const width = String(ranked.length).length;
  const items = ranked.map(({ id, entry }, position): CompletionItem => ({
    label: id,
    kind: entry ? CompletionItemKind.Reference : CompletionItemKind.Text,
    detail: entry?.title,
    documentation: entry?.summary,
    sortText: String(position).padStart(width, '0'),
    filterText: id,
    textEdit: { range: replaced, newText: id },
  }));
  // What is left out depends on what is typed, so the editor must ask again as the writer types.
  return { isIncomplete: typed.length > 0, items };
}

/** The entries by id (the first, when duplicated). Built per request, so titles and summaries are never stale. */
function entriesById(index: WorkspaceIndex): ReadonlyMap<string, Entry> {
  const entries = new Map<string, Entry>();
  for (const located of index.entries()) {
    if (!entries.has(located.entry.id)) {
      entries.set(located.entry.id, located.entry);
    }
  }
  return entries;
}
