import { TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { GlossaryConfig } from '../config';
import { indexLinksOf, seeAlsoCollator } from '../diagnostics/seeAlsoChecks';
import { listsEntry } from '../diagnostics/indexChecks';
import type { EntryLinksEdit } from '../protocol';
import { indexId } from '../index/indexPage';
import { LinkedPlace, placeOfLinkedFile } from '../index/fileLinks';
import { WorkspaceIndex } from '../index/workspaceIndex';
import { Position, SeeAlso } from '../parse/model';
import { parseGlossaryDocument } from '../parse/parser';
import { entryContaining } from '../parse/positions';
import { rangeContains } from './locate';
import { insertSeeAlsoLinkEdit, titleLink } from './seeAlsoEdits';
import { addToIndexEdit } from './indexPageEdits';


/**
 * What files of the glossary dropped or pasted into a document of the glossary insert: links to the
 * ids they give in the book (their entry's, or their first heading's that has one, as the index
 * page's `#Index`), `[Title](#Id)`, where VS Code's own Markdown would link the files (`Claude.md`),
 * which the book does not have. In the text they are parted by commas. Dropped into a see-also list,
 * each becomes an item of it in its order (`[Index](#Index)` staying last), as "Add to the see-also
 * list" puts it, unless the list names it already or it is the entry's own: the drop's place in the
 * list does not matter. Dropped onto the index page, each entry it does not list yet (by its id or
 * its title, as `not-in-index` reads it) goes under its letter, as that check's fix puts it.
 * Undefined when a file is none of the glossary's or gives no id: then the drop is left to the
 * editor's other providers, for all files alike.
 */
export function entryLinksEdit(index: WorkspaceIndex, config: GlossaryConfig, fileUris: readonly string[], document: TextDocument, position: Position): EntryLinksEdit | undefined {
  const targets: (LinkedPlace & { readonly isEntry: boolean })[] = [];
  for (const uri of fileUris) {
    const file = index.document(uri);
    const place = file && placeOfLinkedFile(file, undefined);
    if (place === undefined) return undefined;
    targets.push({ ...place, isEntry: file!.entries[0]?.id === place.id });
  }
  const model = index.document(document.uri);
  if (targets.length === 0 || model === undefined) return undefined;
  const collator = seeAlsoCollator(config.collation);
  const parse = (text: TextDocument) => parseGlossaryDocument(text.getText(), text.uri, text.version, { termClass: config.termClass });
  if (document.uri === index.indexPageUri()) {
    // The index page lists entries under their letters: each that it does not list yet (by its id or its title) goes in there.
    return insertEach(document, 'index', targets, (text, { title, id, isEntry }) => {
      const page = parse(text);
      return !isEntry || listsEntry(page, { id, title }) ? undefined : addToIndexEdit(page, text, title, id, collator, config.collation).edit;
    });
  }
  const list = entryContaining(model, position)?.seeAlso?.section.range;
  if (list === undefined || !rangeContains(list, position)) {
    return { text: targets.map(({ title, id }) => titleLink(title, id)).join(', '), edits: [] };
  }
  return insertEach(document, 'seeAlso', targets, (text, { title, id }) => {
    const entry = entryContaining(parse(text), position);
    return entry?.seeAlso === undefined || id === entry.id || namesAlready(entry.seeAlso, id, index) ? undefined : insertSeeAlsoLinkEdit(entry, text, collator, index, title, id);
  });
}

/** Each link put in by `insertAt` (or left out, undefined) into the text as the links before it left it: all of them as one edit. */
function insertEach<T>(document: TextDocument, list: 'seeAlso' | 'index', targets: readonly T[], insertAt: (text: TextDocument, target: T) => TextEdit | undefined): EntryLinksEdit {
  let text = document;
  for (const target of targets) {
    const edit = insertAt(text, target);
    if (edit !== undefined) text = TextDocument.create(text.uri, text.languageId, text.version + 1, TextDocument.applyEdits(text, [edit]));
  }
  return { text: '', edits: changedSpan(document, text.getText()), list };
}

/** Whether a see-also list links an id already; the index by any link its checks take for the index's (`#index` too). */
function namesAlready(seeAlso: SeeAlso, id: string, index: WorkspaceIndex): boolean {
  return id === indexId ? indexLinksOf(seeAlso, index).size > 0 : seeAlso.links.some((link) => link.target === id);
}

/** The one edit that turns the document's text into `after`: the span between what the two share at their start and at their end. */
function changedSpan(document: TextDocument, after: string): TextEdit[] {
  const before = document.getText();
  if (before === after) return [];
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  // Not between the two halves of a character written as a surrogate pair (an emoji).
  if (start > 0 && /[\uD800-\uDBFF]/.test(before[start - 1]!)) start--;
  let end = 0;
  while (end < before.length - start && end < after.length - start && before[before.length - 1 - end] === after[after.length - 1 - end]) end++;
  if (end > 0 && /[\uDC00-\uDFFF]/.test(before[before.length - end]!)) end--;
  return [TextEdit.replace({ start: document.positionAt(start), end: document.positionAt(before.length - end) }, after.slice(start, after.length - end))];
}
