import { CancellationToken, CompletionItem, CompletionItemKind, CompletionList, Position, Range } from 'vscode-languageserver';
import { WorkspaceIndex } from '../index/workspaceIndex';
import { Entry } from '../parse/model';
import { matchTier } from './fuzzyRank';
import { rangeContains } from './locate';

/** The id being typed after `](#`, up to the cursor. */
const idBeingTyped = /\]\(#([^\s()#]*)$/;

/** A link label being typed after `[`, up to the cursor: some text without brackets, not an image. */
const labelBeingTyped = /(?:^|[^!\\\]])\[([^[\]()]+)$/;

/** How many items one answer holds at most; the list is marked incomplete when cut. */
const maxItems = 1000;

/** The line of the cursor, split at it. */
export interface CursorLine {
  readonly before: string;
  readonly after: string;
}

/**
 * Completion at a position: ids after `](#`, or whole links `[Title](#Id)` after `[` with some
 * text typed. Ids are ranked by fuzzy match (prefix, then subsequence, ignoring case), entries
 * before section ids; each item replaces exactly what was typed. In a see-also section, a whole
 * link comes with the list's ` |` separator.
 */
export function complete(index: WorkspaceIndex, uri: string, line: CursorLine, position: Position, token: CancellationToken): CompletionList | null {
  const typedId = idBeingTyped.exec(line.before)?.[1];
  if (typedId !== undefined) {
    return completeIds(index, typedId, position, token);
  }
  const typedLabel = labelBeingTyped.exec(line.before)?.[1];
  if (typedLabel !== undefined && !/^\]\(/.test(line.after) && typedLabel.trim() !== '') {
    return completeLinks(index, uri, typedLabel, line.after, position, token);
  }
  return null;
}

function completeIds(index: WorkspaceIndex, typed: string, position: Position, token: CancellationToken): CompletionList | null {
  const replaced = { start: { line: position.line, character: position.character - typed.length }, end: position };
  const typedLower = typed.toLowerCase();
  const entries = entriesById(index);
  const ranked: Ranked[] = [];
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
  return listOf(ranked, typed.length > 0, ({ id, entry }) => ({
    label: id,
    kind: entry ? CompletionItemKind.Reference : CompletionItemKind.Text,
    detail: entry?.title,
    documentation: entry?.summary,
    filterText: id,
    textEdit: { range: replaced, newText: id },
  }));
}

function completeLinks(
  index: WorkspaceIndex,
  uri: string,
  typed: string,
  after: string,
  position: Position,
  token: CancellationToken,
): CompletionList | null {
  // The `[` and what follows it are replaced, and a `]` the editor closed the bracket with.
  const start = { line: position.line, character: position.character - typed.length - 1 };
  const replaced: Range = { start, end: { line: position.line, character: position.character + (after.startsWith(']') ? 1 : 0) } };
  const separator = inSeeAlso(index, uri, position) && !/^\]?\s*\|/.test(after) ? ' |' : '';
  const typedLower = typed.toLowerCase();
  const ranked: Ranked[] = [];
  const seen = new Set<string>();
  for (const { entry } of index.entries()) {
    const tier = matchTier(typedLower, entry.title.toLowerCase()) ?? matchTier(typedLower, entry.id.toLowerCase());
    if (tier !== undefined && !seen.has(entry.id)) {
      seen.add(entry.id);
      ranked.push({ id: entry.id, rank: tier, entry });
    }
  }
  if (token.isCancellationRequested) {
    return null;
  }
  return listOf(ranked, true, ({ id, entry }) => {
    const title = entry!.title || id;
    const link = `[${title}](#${id})`;
    return {
      label: link,
      kind: CompletionItemKind.Reference,
      detail: entry!.summary,
      filterText: `[${title} ${id}`,
      textEdit: { range: replaced, newText: `${link}${separator}` },
    };
  });
}

interface Ranked {
  readonly id: string;
  readonly rank: number;
  readonly entry: Entry | undefined;
}

/** Sorts ranked candidates (rank, then id), keeps the best `maxItems` and numbers them for the editor. */
function listOf(ranked: Ranked[], filtered: boolean, toItem: (candidate: Ranked) => CompletionItem): CompletionList {
  ranked.sort((a, b) => a.rank - b.rank || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const kept = ranked.slice(0, maxItems);
  const width = String(kept.length).length;
  const items = kept.map((candidate, position) => ({ ...toItem(candidate), sortText: String(position).padStart(width, '0') }));
  // What is left out depends on what is typed, so the editor must ask again as the writer types.
  return { isIncomplete: filtered || kept.length < ranked.length, items };
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

function inSeeAlso(index: WorkspaceIndex, uri: string, position: Position): boolean {
  return index.document(uri)?.entries.some((entry) => entry.seeAlso !== undefined && rangeContains(entry.seeAlso.section.range, position)) ?? false;
}
