import { TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Heading } from '../parse/model';
import { lineText } from './seeAlsoEdits';

/**
 * Writes an item (`#Index`, `.explanation`) into a heading's attribute block: an id first, right
 * after the `{`, a class last, before the `}`. A heading without a block gets `{item}` at the end
 * of its line: after closing hashes (`## Index ##`) a block still counts, before them it is text.
 */
export function headingAttributeEdit(heading: Heading, text: TextDocument, item: string): TextEdit {
  const block = heading.attributesRange;
  if (block === undefined) {
    const { line, character } = heading.textRange.end;
    // Spaces and tabs only: pandoc reads a block followed by another blank (a no-break space) as text.
    const lineEnd = lineText(text, line).replace(/[ \t]+$/, '').length;
    // A backslash that ends the line, a hard line break (`### Dritte \`), would make the block text: the block takes its place.
    if (/^[ \t]*\\$/.test(lineText(text, line).slice(character, lineEnd))) {
      return TextEdit.replace({ start: { line, character }, end: { line, character: lineEnd } }, ` {${item}}`);
    }
    return TextEdit.insert({ line, character: lineEnd }, ` {${item}}`);
  }
  if (item.startsWith('#')) {
    return TextEdit.insert({ line: block.start.line, character: block.start.character + 1 }, `${item} `);
  }
  const closingBrace = { line: block.end.line, character: block.end.character - 1 };
  const before = text.getText({ start: { line: closingBrace.line, character: Math.max(0, closingBrace.character - 1) }, end: closingBrace });
  return TextEdit.insert(closingBrace, /^[{\s]$/.test(before) ? item : ` ${item}`);
}
