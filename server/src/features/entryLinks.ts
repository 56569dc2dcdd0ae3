import { TextDocument } from 'vscode-languageserver-textdocument';
import { idOfLinkedFile } from '../index/fileLinks';
import { WorkspaceIndex } from '../index/workspaceIndex';
import { Position } from '../parse/model';
import { entryContaining } from '../parse/positions';
import { rangeContains } from './locate';
import { lineBreakOf, titleLink } from './seeAlsoEdits';

/**
 * The links that files of the glossary dropped or pasted into a document insert: `[Title](#Id)`
 * for each, by the id it gives in the book (its entry's, or its first heading's that has one, as
 * the index page's `#Index`), where VS Code's own Markdown would link the file (`Claude.md`), which
 * the book does not have. In a see-also list each link is an item, `[Title](#Id) |` on a line of its
 * own; elsewhere they are parted by commas. Undefined when a file is none of the glossary's or gives
 * no id: then the drop is left to the editor's other providers, for all files alike.
 */
export function entryLinksText(index: WorkspaceIndex, fileUris: readonly string[], document: TextDocument, position: Position): string | undefined {
  const links: string[] = [];
  for (const uri of fileUris) {
    const file = index.document(uri);
    const id = file && idOfLinkedFile(file, undefined);
    if (id === undefined) return undefined;
    const entry = file!.entries[0];
    links.push(titleLink(entry?.id === id ? entry.title : file!.headings.find((heading) => heading.id === id)!.plainText, id));
  }
  if (links.length === 0) return undefined;
  const model = index.document(document.uri);
  const list = model && entryContaining(model, position)?.seeAlso?.section.range;
  if (list === undefined || !rangeContains(list, position)) return links.join(', ');
  const lineBreak = lineBreakOf(document);
  const line = document.getText({ start: { line: position.line, character: 0 }, end: { line: position.line + 1, character: 0 } }).replace(/\r?\n$/, '');
  const before = line.slice(0, position.character);
  const after = line.slice(position.character);
  // Items on lines of their own: a line break parts them from an item the drop lands before or after.
  const items = links.map((link) => `${link} |`).join(lineBreak);
  return `${before.trim() === '' ? '' : lineBreak}${items}${after.trim() === '' ? '' : lineBreak}`;
}
