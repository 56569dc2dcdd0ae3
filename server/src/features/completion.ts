import * as l10n from '@vscode/l10n';
import { CancellationToken, CompletionItem, CompletionItemKind, CompletionList, Position, Range } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileNameOf } from '../diagnostics/check';
import { WorkspaceIndex } from '../index/workspaceIndex';
import { Entry } from '../parse/model';
import { matchTier } from './fuzzyRank';
import { rangeContains } from './locate';

/** The id being typed after `](#`, up to the cursor. */
const idBeingTyped = /\]\(#([^\s()#]*)$/;

/** The rest of the id after the cursor up to the link's `)`, which a completed id replaces too (none while the link is open). */
const idAfterCursor = /^[^\s()#]*(?=\))/;

/** The rest of a link's label after the cursor, up to `](` or `][`. */
const restOfLinkLabel = /^[^[\]]*\][([]/;

/** A link label being typed after `[`, up to the cursor: text without brackets (or none yet), not an image. */
const labelBeingTyped = /(?:^|[^!\\\]])\[([^[\]()]*)$/;

/**
 * How many items one answer holds at most; the list is then marked incomplete, so the editor asks
 * again as the writer types and the best matches of the longer text come.
 */
const maxItems = 200;

/** The line of the cursor, split at it, and the rest of its paragraph. */
export interface CursorLine {
  readonly before: string;
  readonly after: string;
  /**
   * The lines of the cursor's paragraph before its line and after it (up to a blank line, each
   * with its line break), where a code span or comment around the cursor may open or close.
   */
  readonly paragraphBefore?: string;
  readonly paragraphAfter?: string;
}

/** How far the paragraph around the cursor is looked at, either way. */
const maxParagraphLines = 50;

/** The cursor's line and paragraph in an open document. */
export function cursorLineIn(document: TextDocument, position: Position): CursorLine {
  const { line } = position;
  const lineText = (number: number): string => document.getText({ start: { line: number, character: 0 }, end: { line: number + 1, character: 0 } });
  let first = line;
  while (first > 0 && line - first < maxParagraphLines && lineText(first - 1).trim() !== '') first--;
  let last = line;
  while (last + 1 < document.lineCount && last - line < maxParagraphLines && lineText(last + 1).trim() !== '') last++;
  return {
    before: document.getText({ start: { line, character: 0 }, end: position }),
    after: document.getText({ start: position, end: { line: line + 1, character: 0 } }),
    paragraphBefore: document.getText({ start: { line: first, character: 0 }, end: { line, character: 0 } }),
    paragraphAfter: document.getText({ start: { line: line + 1, character: 0 }, end: { line: last + 1, character: 0 } }),
  };
}

/**
 * Completion at a position: ids after `](#`, or whole links `[Title](#Id)` after `[`, matching
 * the text typed after it (the entries in order right after `[`: an editor that does not complete
 * as one types, as VS Code in Markdown, asks again as the writer goes on only once a list shows). Ids are ranked by fuzzy match (prefix, then subsequence, ignoring case), entries
 * before section ids; each item replaces exactly what was typed. In a see-also section, a whole
 * link comes with the list's ` |` separator.
 */
export function complete(index: WorkspaceIndex, uri: string, line: CursorLine, position: Position, token: CancellationToken): CompletionList | null {
  if (inCode(index, uri, line, position)) {
    return null;
  }
  const typedId = idBeingTyped.exec(line.before)?.[1];
  if (typedId !== undefined) {
    return completeIds(index, typedId, idAfterCursor.exec(line.after)?.[0] ?? '', position, token);
  }
  const typedLabel = labelBeingTyped.exec(line.before)?.[1];
  // Inside the label of a link written already, a whole link would be written into it.
  // A blank after `[` is no title (`[ ]` of a task list).
  if (typedLabel !== undefined && !restOfLinkLabel.test(line.after) && (typedLabel === '' || typedLabel.trim() !== '')) {
    return completeLinks(index, uri, typedLabel, line.after, position, token);
  }
  return null;
}

function completeIds(index: WorkspaceIndex, typed: string, rest: string, position: Position, token: CancellationToken): CompletionList | null {
  const replaced = { start: { line: position.line, character: position.character - typed.length }, end: { line: position.line, character: position.character + rest.length } };
  const matches = matching(catalogOf(index).all, typed.toLowerCase(), false, token);
  if (matches === undefined) {
    return null;
  }
  return listOf(matches.kept, matches.complete, (candidate) => {
    const entry = currentEntry(index, candidate);
    return {
      label: candidate.id,
      kind: entry ? CompletionItemKind.Reference : CompletionItemKind.Text,
      detail: entry?.title ?? sectionDetail(index, candidate.id),
      documentation: entry?.summary,
      textEdit: { range: replaced, newText: candidate.id },
    };
  });
}

/** Where a section id leads: the heading and its file, and how many other files give the same id. */
function sectionDetail(index: WorkspaceIndex, id: string): string | undefined {
  const anchors = index.anchorsOf(id);
  const first = anchors[0];
  if (first === undefined) return undefined;
  const otherFiles = new Set(anchors.map((located) => located.uri)).size - 1;
  const heading = first.anchor.heading.plainText;
  const file = fileNameOf(first.uri);
  if (otherFiles === 0) return l10n.t('section "{0}" in {1}', heading, file);
  return otherFiles === 1 ? l10n.t('section "{0}" in {1} and one other file', heading, file) : l10n.t('section "{0}" in {1} and {2} other files', heading, file, otherFiles);
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
  const matches = matching(catalogOf(index).entries, typed.toLowerCase(), true, token);
  if (matches === undefined) {
    return null;
  }
  return listOf(matches.kept, false, (candidate) => {
    const entry = currentEntry(index, candidate);
    const link = `[${entry?.title || candidate.id}](#${candidate.id})`;
    return {
      label: link,
      kind: CompletionItemKind.Reference,
      detail: entry?.summary,
      // The label holds the title and the id, which the editor filters by. (With a filterText,
      // Neovim's omnifunc starts the word at the last hyphen rather than at the edit's start.)
      textEdit: { range: replaced, newText: `${link}${separator}` },
    };
  });
}

/**
 * Whether the cursor is in code, where brackets are no links: a code block, verbatim HTML, a
 * comment, a code span.
 */
function inCode(index: WorkspaceIndex, uri: string, line: CursorLine, position: Position): boolean {
  const document = index.document(uri);
  const inBlock = (range: Range): boolean => rangeContains(range, position);
  if (document?.codeFences.some((fence) => inBlock(fence.range)) === true || document?.verbatim.some(inBlock) === true) {
    return true;
  }
  const before = (line.paragraphBefore ?? '') + line.before;
  const after = line.after + (line.paragraphAfter ?? '');
  return inComment(before, after) || inCodeSpan(before, after);
}

/** Whether a comment opened before the cursor (in its paragraph) closes after it. */
function inComment(before: string, after: string): boolean {
  const open = before.lastIndexOf('<!--');
  return open >= 0 && !before.includes('-->', open + 4) && after.includes('-->');
}

/** Whether a code span opened before the cursor (in its paragraph) closes after it. */
function inCodeSpan(before: string, after: string): boolean {
  let open: number | undefined;
  for (const [, escaped, run] of before.matchAll(/(\\?)(`+)/g)) {
    if (open === undefined) {
      // A backslash escapes the first backtick of a run outside code; inside, it is a character.
      const length = run!.length - (escaped ? 1 : 0);
      if (length > 0) open = length;
    } else if (run!.length === open) {
      open = undefined;
    }
  }
  return open !== undefined && new RegExp(`(?<!\`)\`{${open}}(?!\`)`).test(after);
}

/** A defined id as completion ranks it. */
interface Candidate {
  readonly id: string;
  readonly idLower: string;
  /** The entry's title in lower case, when the id names an entry. */
  readonly titleLower: string | undefined;
  /** The document defining the id (the first, when duplicated). */
  readonly uri: string;
  /** Which characters the id and title hold (`charactersOf`), to reject most candidates at once. */
  readonly characters: number;
}

/**
 * A bit per letter a–z, one for digits and one for anything else: a candidate lacking a character
 * of the typed text cannot match it, whatever the order.
 */
function charactersOf(text: string): number {
  let bits = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bits |= code >= 97 && code <= 122 ? 1 << (code - 97) : code >= 48 && code <= 57 ? 1 << 26 : 1 << 27;
  }
  return bits;
}

/**
 * Every defined id, entries first, then by id: built once per version of the index's definitions
 * and of its terms (an entry retitled, or a heading that becomes one), so that typing (which
 * changes the open document, not what it defines) never rebuilds it.
 */
interface Catalog {
  readonly definitionsVersion: number;
  readonly termsVersion: number;
  readonly all: readonly Candidate[];
  /** The ids that name entries (the head of `all`). */
  readonly entries: readonly Candidate[];
}

const catalogs = new WeakMap<WorkspaceIndex, Catalog>();

function catalogOf(index: WorkspaceIndex): Catalog {
  const cached = catalogs.get(index);
  if (cached?.definitionsVersion === index.definitionsVersion && cached.termsVersion === index.termsVersion) {
    return cached;
  }
  const titles = new Map<string, string>();
  for (const { entry } of index.entries()) {
    if (!titles.has(entry.id)) {
      titles.set(entry.id, entry.title.toLowerCase());
    }
  }
  const candidates: Candidate[] = [];
  for (const id of index.definedIds()) {
    const idLower = id.toLowerCase();
    const titleLower = titles.get(id);
    const uri = index.anchorsOf(id)[0]?.uri ?? '';
    candidates.push({ id, idLower, titleLower, uri, characters: charactersOf(idLower) | charactersOf(titleLower ?? '') });
  }
  candidates.sort((a, b) => Number(a.titleLower === undefined) - Number(b.titleLower === undefined) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const firstSection = candidates.findIndex((candidate) => candidate.titleLower === undefined);
  const catalog = { definitionsVersion: index.definitionsVersion, termsVersion: index.termsVersion, all: candidates, entries: firstSection < 0 ? candidates : candidates.slice(0, firstSection) };
  catalogs.set(index, catalog);
  return catalog;
}

/** The entry an id names as its document reads now (titles and summaries are never stale). */
function currentEntry(index: WorkspaceIndex, candidate: Candidate): Entry | undefined {
  return index.document(candidate.uri)?.entries.find((entry) => entry.id === candidate.id);
}

/**
 * The candidates matching what is typed, in rank order: prefix matches of entries, of sections,
 * then subsequence matches of entries, of sections; the catalog's order within each. Stops looking
 * once enough prefix matches are found. Undefined when cancelled.
 */
function matching(
  candidates: readonly Candidate[],
  typedLower: string,
  matchTitles: boolean,
  token: CancellationToken,
): { readonly kept: readonly Candidate[]; readonly complete: boolean } | undefined {
  if (typedLower === '') {
    return { kept: candidates.slice(0, maxItems), complete: candidates.length <= maxItems };
  }
  const buckets: Candidate[][] = [[], [], [], []];
  const typedCharacters = charactersOf(typedLower);
  for (const candidate of candidates) {
    if ((candidate.characters & typedCharacters) !== typedCharacters) {
      continue;
    }
    let tier = matchTier(typedLower, candidate.idLower);
    if (matchTitles && tier !== 0 && candidate.titleLower !== undefined) {
      tier = matchTier(typedLower, candidate.titleLower) ?? tier;
    }
    if (tier !== undefined) {
      buckets[tier * 2 + (candidate.titleLower === undefined ? 1 : 0)]!.push(candidate);
      if (buckets[0]!.length >= maxItems) {
        break;
      }
    }
  }
  if (token.isCancellationRequested) {
    return undefined;
  }
  const ranked = buckets.flat();
  return { kept: ranked.slice(0, maxItems), complete: false };
}

/** Numbers the kept candidates for the editor, which must ask again as the writer types when the list is filtered or cut. */
function listOf(kept: readonly Candidate[], complete: boolean, toItem: (candidate: Candidate) => CompletionItem): CompletionList {
  const width = String(kept.length).length;
  const items = kept.map((candidate, position) => ({ ...toItem(candidate), sortText: String(position).padStart(width, '0') }));
  return { isIncomplete: !complete, items };
}

function inSeeAlso(index: WorkspaceIndex, uri: string, position: Position): boolean {
  return index.document(uri)?.entries.some((entry) => entry.seeAlso !== undefined && rangeContains(entry.seeAlso.section.range, position)) ?? false;
}
