import { CancellationToken, CompletionItem, CompletionItemKind, CompletionList, InsertReplaceEdit, Position, Range, TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { compareStrings, WorkspaceIndex } from '../index/workspaceIndex';
import { skipVerbatim } from '../parse/inline';
import { parseGlossaryDocument } from '../parse/parser';
import { anchorPlace } from '../index/anchorDescription';
import { entryWithId } from '../index/entryQueries';
import { entryPreview } from './entryPreview';
import type { TextReader } from './hover';
import { Markup, markdownMarkup } from './markdownText';
import { closestSpan, matchTier } from './fuzzyRank';
import { rangeContains } from './locate';
import { titleLink } from './seeAlsoEdits';
import { parenthesisedParts } from '../mentions/lexicon';
import { filesSharingAutomaticId } from '../diagnostics/linkChecks';
import { proposeEntryId } from '../index/idRules';
import type { Entry } from '../parse/model';

/**
 * The id being typed up to the cursor: after `](#` or `](<#`, or in a reference definition at the
 * start of its line (`[r]: #`, `[r]: <#`); the `<` of a pointed destination, if any.
 */
const idBeingTyped = /(?:\]\(|^ {0,3}\[(?!\^)[^[\]]+\]:[ \t]*)(<?)#([^\s()#<>]*)$/;

/** The label of the link or definition whose id is being typed: `Transformer` in `[Transformer](#Tra`; it may begin on an earlier line of the paragraph. */
const labelOfIdBeingTyped = /\[([^[\]]+)\](?:\(|:[ \t]*)<?#[^\s()#<>]*$/;

/** How far back from the cursor a link's label is looked for: a few lines of a paragraph. */
const labelReach = 400;

/**
 * The rest of the id after the cursor up to the link's `)` or its title (`"…")`), which a completed
 * id replaces too (none while the link is open: what follows may be prose).
 */
const idAfterCursor = /^[^\s()#]*(?=\)|[ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\))[ \t]*\))/;

/** The same in a pointed destination (`](<#Id>)`, `[r]: <#Id>`), up to its `>`. */
const idAfterCursorInPointed = /^[^\s()#<>]*(?=>)/;

/** The same in a reference definition (`[r]: #Id "title"`), up to a blank or the line's end. */
const idAfterCursorInDefinition = /^[^\s()#<>]*(?=[ \t]|\r?\n|$)/;

/**
 * The rest of the word the cursor stands in, which the editor's "replace" mode of completion
 * replaces too (see `completionEdit`): of an id (`[x](#Dat‸aset`, without a final `.` or `:` of
 * the sentence), of a label's word (`[Dat‸aset`).
 */
const restOfId = /^(?:[\p{L}\p{M}\p{N}_.:-]*[\p{L}\p{M}\p{N}_-])?/u;
const restOfWord = /^[\p{L}\p{M}\p{N}_-]*/u;
/** The rest of a label up to its `]` on the cursor's line, which "replace" mode replaces with the word: `[Deep‸ Learning]`. */
const restOfLabel = /^[^[\]\r\n]*(?=\])|/;

/** The rest of a label after the cursor that is written already: of a link (up to `](` or `][`) or of a span (`]{`). */
const restOfLinkLabel = /^[^[\]]*\][([{]/;

/** A reference definition's label being written, at the start of its line: `[Dat‸]: #x`. */
const definitionLabel = /^ {0,3}\[[^[\]]*$/;

/**
 * A link label being typed after `[`, up to the cursor: text without brackets (or none yet), not
 * an image nor a note (`^[`), nor an escaped `\[` (an escaped backslash before it escapes nothing).
 */
const labelBeingTyped = /(?:^|[^!\\\]^]|(?<!\\)(?:\\\\)+)\[([^[\]]*)$/;

/**
 * How many items one answer holds at most; the list is then marked incomplete, so the editor asks
 * again as the writer types and the best matches of the longer text come.
 */
const maxItems = 200;

/** What the editor takes of a completion item. */
export interface CompletionClient {
  /** It shows `labelDetails` (VS Code does). */
  readonly labelDetails: boolean;
  /** It takes an `InsertReplaceEdit`, letting the writer insert at the cursor or replace the word there. */
  readonly insertReplace: boolean;
  /** It orders the items by its own fuzzy match, `sortText` only breaking ties (VS Code): see `rescoredFilterText`. */
  readonly rescores?: boolean;
  /** It inserts an item's text of several lines (VS Code), where a line break may go. */
  readonly lineBreaks?: boolean;
}

/** The text of a document split at the cursor. */
export interface CursorText {
  readonly before: string;
  readonly after: string;
}

/**
 * The text of an open document, split at the cursor. A lone `\r` ends a line as `\n` does (LSP
 * counts both), so it is given as `\n`, of the same length, and the completion reads lines by `\n`.
 */
export function cursorTextIn(document: TextDocument, position: Position): CursorText {
  const offset = document.offsetAt(position);
  const text = document.getText().replace(/\r(?!\n)/g, '\n');
  return { before: text.slice(0, offset), after: text.slice(offset) };
}

/** The cursor's line, split at it. */
type CursorLine = CursorText;

/** The text of the cursor's paragraph before it, at most `labelReach` characters: where a link's label wrapped onto several lines begins. */
function paragraphBefore(text: CursorText): string {
  const tail = text.before.slice(-labelReach);
  const blankLine = /\n[ \t]*\r?\n/g;
  let start = 0;
  for (let match = blankLine.exec(tail); match !== null; match = blankLine.exec(tail)) start = blankLine.lastIndex;
  return tail.slice(start);
}

function lineAt(text: CursorText): CursorLine {
  const end = text.after.indexOf('\n');
  return { before: text.before.slice(text.before.lastIndexOf('\n') + 1), after: end < 0 ? text.after : text.after.slice(0, end + 1) };
}

/**
 * Completion at a position: ids after `](#`, or whole links `[Title](#Id)` after `[`, matching
 * the text typed after it (the entries in order right after `[`: an editor that does not complete
 * as one types, as VS Code in Markdown, asks again as the writer goes on only once a list shows).
 * Ids are ranked by fuzzy match (prefix, then a run inside the id, then subsequence, ignoring case;
 * see `matchTier`), entries before section ids, and first the entry the link's label names; each
 * item replaces what was typed, and in a link closed already the rest of its id (see `completeIds`). In a see-also section, a whole link comes with
 * the list's ` |` separator, which a client with `labelDetails` shows. The entries of the
 * document itself are left out (a self-link).
 */
export function complete(
  index: WorkspaceIndex,
  uri: string,
  text: CursorText,
  position: Position,
  token: CancellationToken,
  client: CompletionClient = { labelDetails: false, insertReplace: false },
): CompletionList | null {
  if (inCode(index, uri, text, position)) {
    return null;
  }
  const line = lineAt(text);
  const typing = idBeingTyped.exec(line.before);
  if (typing !== null) {
    const [written, pointed, typedId] = typing as unknown as [string, string, string];
    const label = labelOfIdBeingTyped.exec(paragraphBefore(text))?.[1] ?? '';
    const closedBy = pointed !== '' ? idAfterCursorInPointed : written.startsWith(']') ? idAfterCursor : idAfterCursorInDefinition;
    const rest = { closed: closedBy.exec(line.after)?.[0] ?? '', word: restOfId.exec(line.after)![0] };
    const list = seeAlsoAt(index, uri, position);
    // In a see-also list, the separator after the link's `)` (VS Code closes the parenthesis typed), as a whole link gets it.
    const closing = closedBy === idAfterCursor ? /^[^\s()#]*\)/.exec(line.after)?.[0].length : undefined;
    const linkStart = labelOfIdBeingTyped.exec(line.before)?.index;
    const separator = closing === undefined || linkStart === undefined ? undefined : seeAlsoSeparator(list, line.before.slice(0, linkStart), line.after.slice(closing), client);
    const at = position.character + (closing ?? 0);
    const separatorEdit = separator && TextEdit.replace({ start: { line: position.line, character: at }, end: { line: position.line, character: at + separator.blanks } }, separator.text);
    return completeIds(index, uri, typedId, rest, label, position, token, client, { separatorEdit, linked: linkedFrom(list, position) });
  }
  const typedLabel = labelBeingTyped.exec(line.before)?.[1];
  // Inside the label of a link written already, a whole link would be written into it.
  // A blank after `[` is no title (`[ ]` of a task list).
  const inDefinitionLabel = definitionLabel.test(line.before) && /^[^[\]]*\]:/.test(line.after);
  if (typedLabel !== undefined && !restOfLinkLabel.test(line.after) && !inDefinitionLabel && (typedLabel === '' || typedLabel.trim() !== '')) {
    return completeLinks(index, uri, typedLabel, paragraphBefore(text).slice(0, -typedLabel.length - 1), line.after, position, token, client);
  }
  return null;
}

/**
 * The ids after `](#`: each replaces the id typed before the cursor and, in a link closed already,
 * the rest of the id up to its `)` (`rest.closed`); in an open link, what follows may be prose, so
 * only the editor's "replace" mode replaces the rest of the word (`rest.word`).
 */
function completeIds(
  index: WorkspaceIndex,
  uri: string,
  typed: string,
  rest: { readonly closed: string; readonly word: string },
  label: string,
  position: Position,
  token: CancellationToken,
  client: CompletionClient,
  seeAlso: { readonly separatorEdit: TextEdit | undefined; readonly linked: ReadonlySet<string> },
): CompletionList | null {
  const start = { line: position.line, character: position.character - typed.length };
  const inserted: Range = { start, end: { line: position.line, character: position.character + rest.closed.length } };
  const replaced: Range = { start, end: { line: position.line, character: position.character + Math.max(rest.closed.length, rest.word.length) } };
  const catalog = catalogOf(index);
  // Composed as ids are written: a Mac may give `u` and a combining diaeresis for `ü`.
  const typedLower = typed.normalize('NFC').toLowerCase();
  const matches = matching(catalog.all, typedLower, false, uri, token);
  if (matches === undefined) {
    return null;
  }
  // The entry the link's label names (`[Transformer](#Tra`) comes first, as the writer surely means it.
  const named = entriesNamedByLabel(index, catalog, label).filter((candidate) => candidate.uri !== uri && (typedLower === '' || matchTier(typedLower, candidate.idLower) !== undefined));
  const kept = lastIfLinked(named.length === 0 ? matches.kept : [...named, ...matches.kept.filter((candidate) => !named.includes(candidate))].slice(0, maxItems), seeAlso.linked);
  return listOf(kept, matches.complete && kept.length === matches.kept.length, (candidate) => {
    const entry = entryWithId(index, candidate.id)?.entry;
    return {
      label: candidate.id,
      kind: entry ? CompletionItemKind.Reference : CompletionItemKind.Text,
      // The title, unless it reads as the id does (`LLM`).
      detail: entry === undefined ? anchorPlace(index, candidate.id) : entry.title === candidate.id ? undefined : entry.title,
      documentation: entry?.summary,
      textEdit: completionEdit(candidate.id, inserted, replaced, client.insertReplace),
      ...(seeAlso.separatorEdit === undefined ? {} : { additionalTextEdits: [seeAlso.separatorEdit] }),
      ...(client.rescores ? rescoredFilterText(typed, named.includes(candidate) ? undefined : [candidate.id], candidate.id) : {}),
      ...(entry ? { data: { entryId: candidate.id, summaryIn: 'documentation' } satisfies EntryItemData } : {}),
    };
  });
}

/** What an entry's completion item carries for `completionItem/resolve`: the entry, and whether its summary is the item's documentation (after `#`) or its detail (after `[`). */
interface EntryItemData {
  readonly entryId: string;
  readonly summaryIn: 'documentation' | 'detail';
}

/**
 * An entry's item as the editor shows it selected (`completionItem/resolve`): its documentation
 * gets the entry's lead paragraph (see `entryPreview`) after the summary, read from the entry's
 * file then rather than for each of the items listed, in the markup the client asks for. Other
 * items come back as they are.
 */
export async function resolveCompletionItem(index: WorkspaceIndex, item: CompletionItem, readText: TextReader, markup: Markup = markdownMarkup): Promise<CompletionItem> {
  const data = item.data as Partial<EntryItemData> | undefined;
  const located = typeof data?.entryId === 'string' ? entryWithId(index, data.entryId) : undefined;
  const text = located && (await readText(located.uri));
  const { lead } = located && text !== undefined ? await entryPreview(located.entry, text, { explanation: false }) : {};
  if (lead === undefined) {
    return item;
  }
  const summary = data?.summaryIn === 'documentation' && located!.entry.summary !== undefined ? [markup.emphasis(located!.entry.summary)] : [];
  return { ...item, documentation: { kind: markup.kind, value: [...summary, markup.text(lead)].join('\n\n') } };
}

/**
 * The entries a link's label names, as a broken link's quick fixes find them (its title, with
 * endings, or a part of "X (Y)": `GANs` names "Generative Adversarial Network (GAN)"), or whose id
 * is the one a new entry of that title would get (`Large Language Model` names `#Large-Language-Model`).
 */
function entriesNamedByLabel(index: WorkspaceIndex, catalog: Catalog, label: string): Candidate[] {
  if (label.trim() === '') {
    return [];
  }
  const namedIds = index.entryIdsNamed(label);
  const idLower = proposeEntryId(label).toLowerCase();
  const rankOf = (candidate: Candidate): number => (namedIds.includes(candidate.id) ? namedIds.indexOf(candidate.id) : namedIds.length);
  return catalog.entries.filter((candidate) => namedIds.includes(candidate.id) || candidate.idLower === idLower).sort((a, b) => rankOf(a) - rankOf(b));
}

function completeLinks(
  index: WorkspaceIndex,
  uri: string,
  typed: string,
  before: string,
  after: string,
  position: Position,
  token: CancellationToken,
  client: CompletionClient,
): CompletionList | null {
  // The `[` and what follows it are replaced, and a `]` the editor closed the bracket with; in the
  // editor's "replace" mode also the rest of the label up to its `]` (`[Deep‸ Learning]`), or of
  // the word (`[Dat‸aset`).
  const start = { line: position.line, character: position.character - typed.length - 1 };
  const closedLength = closesTypedBracket(before, after) ? 1 : 0;
  const list = seeAlsoAt(index, uri, position);
  const seeAlso = seeAlsoSeparator(list, before.slice(before.lastIndexOf('\n') + 1), after.slice(closedLength), client);
  const separator = seeAlso?.text ?? '';
  // The blanks before an item on the same line go with the line break.
  const inserted: Range = { start, end: { line: position.line, character: position.character + closedLength + (seeAlso?.blanks ?? 0) } };
  const word = restOfWord.exec(after)![0];
  const label = restOfLabel.exec(after)![0];
  const replacedLength =
    label.length > 0 && closesTypedBracket(before, after.slice(label.length)) ? label.length + 1 : word.length === 0 ? 0 : word.length + (closesTypedBracket(before, after.slice(word.length)) ? 1 : 0);
  const replaced: Range = { start, end: { line: position.line, character: Math.max(inserted.end.character, position.character + replacedLength) } };
  const typedLower = typed.normalize('NFC').toLowerCase();
  const catalog = catalogOf(index);
  const matches = matching(catalog.entries, typedLower, true, uri, token);
  if (matches === undefined) {
    return null;
  }
  // After the entries whose title or id begins with what is typed, those that links of the glossary
  // label so and no title finds (`[maschinellen Lernen](#Machine-Learning)`): German prose names
  // English titles otherwise.
  const beginsHere = (candidate: Candidate): boolean => matchTier(typedLower, candidate.idLower) === 0 || (candidate.titleLower !== undefined && matchTier(typedLower, candidate.titleLower) === 0);
  const prefixed = matches.kept.filter(beginsHere);
  const labelled = typedLower.trim().length < 2 ? [] : labelUsesOf(index, catalog).filter((use) => use.candidate.uri !== uri && use.labelLower.startsWith(typedLower) && !matches.kept.includes(use.candidate));
  const kept: LinkCandidate[] = lastIfLinked(
    [...prefixed, ...labelled.slice(0, maxLabelItems).map((use) => ({ ...use.candidate, usedLabel: use.forms.find((form) => form.startsWith(typed)) ?? use.forms[0]! })), ...matches.kept.filter((candidate) => !prefixed.includes(candidate))].slice(0, maxItems),
    linkedFrom(list, position),
  );
  return listOf(kept, false, (candidate: LinkCandidate) => {
    const entry = entryWithId(index, candidate.id)?.entry;
    const link = titleLink(candidate.usedLabel ?? (entry === undefined || entry.title === '' ? candidate.id : linkLabelOf(entry.title, typedLower)), candidate.id);
    return {
      label: link,
      // The list shows the separator the see-also line gets, so that the writer does not type it
      // again; the summary then goes into the details, as VS Code shows those instead of `detail`.
      ...(separator !== '' && client.labelDetails ? { labelDetails: { detail: separator.trimEnd(), description: entry?.summary } } : {}),
      kind: CompletionItemKind.Reference,
      detail: entry?.summary,
      // The label holds the title and the id, which an editor filters by where the item has no
      // filterText (all but VS Code: with one, Neovim's omnifunc starts the word at the last
      // hyphen rather than at the edit's start).
      textEdit: completionEdit(`${link}${separator}`, inserted, replaced, client.insertReplace),
      // The editor matches what is typed from the `[` on.
      // A label shorter than the title (its part in parentheses left out) is no longer what the editor
      // matches: the title is, as the server matched it.
      ...(client.rescores ? { ...(entry !== undefined && candidate.usedLabel === undefined && !link.includes(entry.title) ? { filterText: `[${entry.title} ${link}` } : {}), ...rescoredFilterText(typed, [candidate.usedLabel ?? candidate.id, ...(entry ? [entry.title] : [])], link, '[') } : {}),
      ...(entry ? { data: { entryId: candidate.id, summaryIn: 'detail' } satisfies EntryItemData } : {}),
    };
  });
}

/**
 * The label a whole link gets from an entry's title: as writers label links, without its part in
 * parentheses, "CNN" of "CNN (Convolutional Neural Network)", or that part where the writer typed
 * its beginning ("Conv") and it abbreviates the other; "GPT-4.5" of "GPT-4.5 (Stand Dezember
 * 2024)". The whole title where the writer typed the parenthesis too.
 */
function linkLabelOf(title: string, typedLower: string): string {
  const parts = parenthesisedParts(title);
  if (parts === undefined || typedLower.includes('(')) return title;
  const typedHere = (part: string): boolean => typedLower !== '' && part.normalize('NFC').toLowerCase().startsWith(typedLower);
  // The part in parentheses is a name of the entry only where one part abbreviates the other ("Bedrock (Amazon)" is no "Amazon").
  return parts.abbreviation && typedHere(parts.qualifier) && !typedHere(parts.name) ? parts.qualifier : parts.name;
}

/**
 * For an editor that orders the items by its own fuzzy match of what is typed (VS Code), a
 * `filterText` that gives an item it would rank lower the place the server gave it: a name holding
 * the typed text as a run inside it (`Vision-Transformer` for "Trans") begins with that run, as
 * written there, so that the editor scores it as a name beginning so, which it ranks above the
 * names that hold the letters apart (`trainingsansätze`); an entry that the link's label names
 * (`names` undefined) begins with the typed text itself, which the editor ranks first. None where
 * a name begins with the typed text, or holds only its letters apart: the editor ranks those
 * itself as the server does, as it does every name for one letter typed (no run to tell apart
 * from letters apart). `lead` is what the editor matches before the typed text (the `[`).
 */
function rescoredFilterText(typed: string, names: readonly string[] | undefined, text: string, lead = ''): { filterText?: string } {
  if (names === undefined) {
    return typed === '' ? {} : { filterText: `${lead}${typed}${text}` };
  }
  const typedLower = typed.toLowerCase();
  const tiers = names.map((name) => matchTier(typedLower, name.toLowerCase()));
  const inside = names.find((_name, k) => tiers[k] === 1);
  if (typed.length < 2 || tiers.includes(0) || inside === undefined) {
    return {};
  }
  // Sought in the name as written: lower case may differ in length (`İ` is `i̇`).
  for (let at = 0; at + typed.length <= inside.length; at++) {
    const run = inside.slice(at, at + typed.length);
    if (run.toLowerCase() === typedLower) return { filterText: `${lead}${run}${text}` };
  }
  return {};
}

/**
 * An item's edit over `inserted`; for an editor that lets the writer choose, over `replaced` too
 * when that reaches further (the rest of the word at the cursor), as its "replace" mode.
 */
function completionEdit(newText: string, inserted: Range, replaced: Range, insertReplace: boolean): TextEdit | InsertReplaceEdit {
  return insertReplace && replaced.end.character > inserted.end.character ? InsertReplaceEdit.create(newText, inserted, replaced) : TextEdit.replace(inserted, newText);
}

/**
 * Whether a `]` right after the cursor closes the `[` typed (as an editor closes it), not a bracket
 * opened before it in the paragraph: in `^[See [Tra‸]` it ends the note. A `[` of plain text
 * (`[0, 1)`) closes with nothing. Brackets in code count not.
 */
function closesTypedBracket(before: string, after: string): boolean {
  if (!after.startsWith(']')) return false;
  const open = unmatchedBrackets(before).opening;
  return unmatchedBrackets(after).closing > open.length || open.at(-1) === 'bracket';
}

/** The `[` left open (whether each opens a note, `^[`) and the `]` that close nothing in a text, past escapes, code, math and tags. */
function unmatchedBrackets(text: string): { readonly opening: readonly ('note' | 'bracket')[]; readonly closing: number } {
  const opening: ('note' | 'bracket')[] = [];
  let closing = 0;
  for (let i = 0; i < text.length; ) {
    if (text[i] === '\\') {
      i += 2;
      continue;
    }
    const end = skipVerbatim(text, i);
    if (text[i] === '[') opening.push(text[i - 1] === '^' && text[i - 2] !== '\\' ? 'note' : 'bracket');
    else if (text[i] === ']' && opening.length > 0) opening.pop();
    else if (text[i] === ']') closing++;
    i = end;
  }
  return { opening, closing };
}

/**
 * Whether the cursor is in code, where brackets are no links: a code block, verbatim HTML, a
 * comment (which may run over blank lines), or code, math or a tag within its paragraph. A
 * Markdown file outside the glossary (which the index does not hold) is parsed for it.
 */
function inCode(index: WorkspaceIndex, uri: string, text: CursorText, position: Position): boolean {
  const document = index.document(uri) ?? parseGlossaryDocument(text.before + text.after, uri, 0);
  const inBlock = (at: Position): boolean => document.codeFences.some((fence) => rangeContains(fence.range, at)) || document.verbatim.some((range) => rangeContains(range, at));
  return inBlock(position) || inComment(text, inBlock) || inParagraphVerbatim(paragraphAround(text));
}

/** Whether a comment opened before the cursor closes after it; a `<!--` in code opens none. */
function inComment({ before, after }: CursorText, inBlock: (at: Position) => boolean): boolean {
  const open = before.lastIndexOf('<!--');
  if (open < 0 || before.includes('-->', open + 4) || !after.includes('-->')) return false;
  const beforeOpen = before.slice(0, open);
  const line = beforeOpen.split('\n').length - 1;
  const at = { line, character: open - beforeOpen.lastIndexOf('\n') - 1 };
  return !inBlock(at) && !inParagraphVerbatim(paragraphAround({ before: beforeOpen, after: before.slice(open) + after }));
}

/** How far the paragraph around the cursor is looked at, either way. */
const maxParagraphLines = 50;

/** A line that begins a block: a list item or a quote (which the next lines may go on), a heading, a fence, a table row. */
const blockStart = /^[ \t]*(?:[-*+][ \t]|\d+[.)][ \t]|>|#|~~~|```|\|)/;

/** A line that is a block by itself: a heading, a fence, a table row. */
const lineBlock = /^[ \t]*(?:#|~~~|```|\|)/;

/** The paragraph around the cursor (its lines up to a blank line or another block), and where the cursor is in it. */
function paragraphAround({ before, after }: CursorText): { readonly text: string; readonly cursor: number } {
  const linesBefore = before.split('\n');
  const linesAfter = after.split('\n');
  let first = linesBefore.length - 1;
  const goesOnFrom = (line: string): boolean => line.trim() !== '' && !lineBlock.test(line);
  while (first > 0 && linesBefore.length - 1 - first < maxParagraphLines && !blockStart.test(linesBefore[first]!) && goesOnFrom(linesBefore[first - 1]!)) first--;
  let last = 0;
  while (last + 1 < linesAfter.length && last < maxParagraphLines && linesAfter[last + 1]!.trim() !== '' && !blockStart.test(linesAfter[last + 1]!)) last++;
  const head = linesBefore.slice(first).join('\n');
  return { text: head + linesAfter.slice(0, last + 1).join('\n'), cursor: head.length };
}

/** Whether the cursor stands within code, math, a tag or an autolink that the paragraph's inline text holds. */
function inParagraphVerbatim({ text, cursor }: { readonly text: string; readonly cursor: number }): boolean {
  for (let i = 0; i < cursor; ) {
    if (text[i] === '\\') {
      i += 2;
      continue;
    }
    const end = skipVerbatim(text, i);
    if (end > i + 1 && cursor < end) return true;
    i = end;
  }
  return false;
}

/** A defined id as completion ranks it. */
interface Candidate {
  readonly id: string;
  readonly idLower: string;
  /** The entry's title in lower case, when the id names an entry. */
  readonly titleLower: string | undefined;
  /** The document defining the id (the first, when duplicated). */
  readonly uri: string;
  /** Which characters the id and title hold (`letterSetOf`), to reject most candidates at once. */
  readonly characters: number;
}

/**
 * A bit per letter a–z, one for digits and one for anything else: a candidate lacking a character
 * of the typed text cannot match it, whatever the order.
 */
function letterSetOf(text: string): number {
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

/** A whole link's candidate: an entry, perhaps with the label other links give it (see `labelUsesOf`). */
type LinkCandidate = Candidate & { readonly usedLabel?: string };

/** A label that links of the glossary give an entry, other than its title or id, and how many do; its spellings (in case), the most used first. */
interface LabelUse {
  readonly candidate: Candidate;
  readonly forms: readonly string[];
  readonly labelLower: string;
  readonly count: number;
}

/** How many entries a whole-link completion offers by the labels of links. */
const maxLabelItems = 10;

/** The labels used by two links or more, the most used first, by catalog: worked out when first asked (links change as the writer types; these are the glossary's usage, not the last keystroke's). */
const labelUses = new WeakMap<Catalog, readonly LabelUse[]>();

function labelUsesOf(index: WorkspaceIndex, catalog: Catalog): readonly LabelUse[] {
  let uses = labelUses.get(catalog);
  if (uses === undefined) {
    const entries = new Map(catalog.entries.map((candidate) => [candidate.id, candidate]));
    // Every document's links once: per entry, how often each label is given it, in any case
    // ("maschinellen Lernen", "Maschinellen Lernen"); inserted as the writer typed its beginning
    // (an editor such as Neovim keeps only items that begin so), else as most links write it.
    const counts = new Map<Candidate, Map<string, Map<string, number>>>();
    for (const document of index.documents()) {
      for (const { target, label } of document.links) {
        const candidate = entries.get(target);
        if (candidate === undefined) continue;
        const written = label.includes('  ') || label.includes('\n') ? label.replace(/\s+/g, ' ').trim() : label.trim();
        const lower = written.normalize('NFC').toLowerCase();
        let labels = counts.get(candidate);
        if (labels === undefined) counts.set(candidate, (labels = new Map()));
        let forms = labels.get(lower);
        if (forms === undefined) labels.set(lower, (forms = new Map()));
        forms.set(written, (forms.get(written) ?? 0) + 1);
      }
    }
    const found: LabelUse[] = [];
    for (const [candidate, labels] of counts) {
      for (const [labelLower, forms] of labels) {
        const count = [...forms.values()].reduce((sum, each) => sum + each, 0);
        const spellings = [...forms].sort(([a, m], [b, n]) => n - m || compareStrings(b, a)).map(([form]) => form);
        if (count >= 2 && labelLower !== '' && labelLower !== candidate.titleLower && labelLower !== candidate.idLower) found.push({ candidate, forms: spellings, labelLower, count });
      }
    }
    uses = found.sort((a, b) => b.count - a.count || compareStrings(a.labelLower, b.labelLower));
    labelUses.set(catalog, uses);
  }
  return uses;
}

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
    // An automatic id that headings in several files give leads to whichever comes first in the
    // book (`ambiguous-link`): no link should be written to it.
    if (!titles.has(id) && (filesSharingAutomaticId(index, id) !== undefined || numberedOtherwiseInTheBook(index, id))) {
      continue;
    }
    const idLower = id.toLowerCase();
    const titleLower = titles.get(id);
    const uri = index.anchorsOf(id)[0]?.uri ?? '';
    candidates.push({ id, idLower, titleLower, uri, characters: letterSetOf(idLower) | letterSetOf(titleLower ?? '') });
  }
  candidates.sort((a, b) => Number(a.titleLower === undefined) - Number(b.titleLower === undefined) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const firstSection = candidates.findIndex((candidate) => candidate.titleLower === undefined);
  const catalog = { definitionsVersion: index.definitionsVersion, termsVersion: index.termsVersion, all: candidates, entries: firstSection < 0 ? candidates : candidates.slice(0, firstSection) };
  catalogs.set(index, catalog);
  return catalog;
}

/**
 * The candidates matching what is typed, in rank order by `matchTier` (prefix, a run inside,
 * subsequence), in each the entries before the sections; the catalog's order within each, the
 * subsequence matches ordered by how close together they hold the letters, then by length. The entries
 * of the document `inUri` are left out. Stops looking once enough prefix matches are found.
 * Undefined when cancelled.
 */
function matching(
  candidates: readonly Candidate[],
  typedLower: string,
  matchTitles: boolean,
  inUri: string,
  token: CancellationToken,
): { readonly kept: readonly Candidate[]; readonly complete: boolean } | undefined {
  const isOwnEntry = (candidate: Candidate): boolean => candidate.titleLower !== undefined && candidate.uri === inUri;
  if (typedLower === '') {
    const kept: Candidate[] = [];
    for (const candidate of candidates) {
      if (isOwnEntry(candidate)) continue;
      if (kept.length === maxItems) return { kept, complete: false };
      kept.push(candidate);
    }
    return { kept, complete: true };
  }
  // By tier (see `matchTier`), an entry's id before a section's in each.
  const buckets: Candidate[][] = [[], [], [], [], [], []];
  const typedCharacters = letterSetOf(typedLower);
  for (const candidate of candidates) {
    if ((candidate.characters & typedCharacters) !== typedCharacters || isOwnEntry(candidate)) {
      continue;
    }
    let tier = matchTier(typedLower, candidate.idLower);
    if (matchTitles && tier !== 0 && candidate.titleLower !== undefined) {
      const titleTier = matchTier(typedLower, candidate.titleLower);
      if (titleTier !== undefined && (tier === undefined || titleTier < tier)) tier = titleTier;
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
  // Only when the closer matches leave room for them: the subsequence matches may be thousands.
  if (buckets.slice(0, 4).reduce((count, bucket) => count + bucket.length, 0) < maxItems) {
    const namesOf = (candidate: Candidate): string[] => (matchTitles && candidate.titleLower !== undefined ? [candidate.idLower, candidate.titleLower] : [candidate.idLower]);
    for (const k of [4, 5]) {
      const ranked = buckets[k]!.map((candidate) => ({ candidate, span: closestSpan(typedLower, namesOf(candidate)) }));
      ranked.sort((a, b) => a.span - b.span || a.candidate.id.length - b.candidate.id.length);
      buckets[k] = ranked.map(({ candidate }) => candidate);
    }
  }
  const ranked = buckets.flat();
  return { kept: ranked.slice(0, maxItems), complete: false };
}

/**
 * Whether an automatic id that a file numbered (its second "Kern" is `kern-1`) is numbered
 * otherwise in the book: pandoc numbers across all files, so when another file has a heading
 * `kern` too, the book's `kern-1` is another file's heading.
 */
function numberedOtherwiseInTheBook(index: WorkspaceIndex, id: string): boolean {
  const numbered = /^(.+)-\d+$/.exec(id);
  if (numbered === null) return false;
  const anchors = index.anchorsOf(id);
  if (anchors.some((located) => located.anchor.explicit || located.anchor.heading === undefined)) return false;
  const files = new Set(anchors.map((located) => located.uri));
  const baseFiles = new Set(index.anchorsOf(numbered[1]!).filter((located) => located.anchor.heading !== undefined).map((located) => located.uri));
  // Numbered by its file, which gives the base id too (a heading `GPT-4` is no number of `GPT`), while another file gives it as well.
  return [...files].every((uri) => baseFiles.has(uri)) && [...baseFiles].some((uri) => !files.has(uri));
}

/** Numbers the kept candidates for the editor, which must ask again as the writer types when the list is filtered or cut. */
function listOf<C extends Candidate>(kept: readonly C[], complete: boolean, toItem: (candidate: C) => CompletionItem): CompletionList {
  const width = String(kept.length).length;
  const items = kept.map((candidate, position) => ({ ...toItem(candidate), sortText: String(position).padStart(width, '0') }));
  return { isIncomplete: !complete, items };
}

/**
 * What goes after a link completed in a see-also list, whose rest of the line is `afterLink`: none
 * where the link is no item of the list (`beforeLink` holds words: a sentence) or a separator
 * follows it already; else ` |`, and before an item on the same line (the `[Index](#Index) |` that
 * New Entry's last stop stands before) a line break too, in place of the blanks there (`blanks`),
 * for an editor that inserts one.
 */
function seeAlsoSeparator(list: Entry | undefined, beforeLink: string, afterLink: string, client: CompletionClient): { readonly text: string; readonly blanks: number } | undefined {
  // Words outside the links before it on its line make a sentence.
  if (list === undefined || /[\p{L}\p{N}]/u.test(beforeLink.replace(inlineLinks, '')) || /^\s*\|/.test(afterLink)) return undefined;
  const blanks = /^[ \t]*/.exec(afterLink)![0].length;
  if (client.lineBreaks !== true || afterLink[blanks] !== '[') return { text: ' |', blanks: 0 };
  return { text: ` |${afterLink.endsWith('\r\n') ? '\r\n' : '\n'}`, blanks };
}

/** Inline links, `[Label](#Id)`, as a line of a see-also list writes them. */
const inlineLinks = /\[[^[\]]*\]\([^()]*\)/g;

/** The entry whose see-also section the position is in, or undefined. */
function seeAlsoAt(index: WorkspaceIndex, uri: string, position: Position): Entry | undefined {
  return index.document(uri)?.entries.find((entry) => entry.seeAlso !== undefined && rangeContains(entry.seeAlso.section.range, position));
}

/**
 * The ids a see-also list links already, but for the link at the cursor (whose id is being
 * written): completing one would link it twice. (The entry's own id is offered nowhere in its file.)
 */
function linkedFrom(entry: Entry | undefined, position: Position): ReadonlySet<string> {
  return new Set(entry === undefined ? [] : entry.seeAlso!.links.filter((link) => !rangeContains(link.range, position)).map((link) => link.target));
}

/**
 * The candidates in order, those of the ids `linked` after the other entries (still there, for a
 * writer who means to move a link), and before the ids of sections, which entries rank above.
 */
function lastIfLinked<C extends Candidate>(candidates: readonly C[], linked: ReadonlySet<string>): C[] {
  if (linked.size === 0) return [...candidates];
  const unlinked = candidates.filter((candidate) => !linked.has(candidate.id));
  const isEntry = (candidate: C): boolean => candidate.titleLower !== undefined;
  return [...unlinked.filter(isEntry), ...candidates.filter((candidate) => linked.has(candidate.id)), ...unlinked.filter((candidate) => !isEntry(candidate))];
}
