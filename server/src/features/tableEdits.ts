import { Range, TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { widthOf } from '../parse/displayWidth';
import { gridBorderLine } from '../parse/blocks';

/** A border segment: its alignment colons and the character it is drawn with. */
interface Segment {
  readonly left: boolean;
  readonly right: boolean;
  readonly fill: '-' | '=';
}

/** A line of the table as read for lining it up. */
type TableLine = { readonly kind: 'border'; readonly segments: readonly Segment[] } | { readonly kind: 'row'; readonly cells: readonly string[] };

/**
 * The edits that line up the columns of the grid table that holds line `line`: each column as wide
 * as its top border or its widest cell, whichever is wider, every `|` and `+` then where the border
 * lines set them. Only blanks change: the cells' text, in the order written, and the borders'
 * alignment colons and lines stay. Undefined where the table cannot be read so: its lines have
 * other marks or indentation before them (a list item's first line), it holds a tab, or a row has
 * other than one cell per column or one over all of them (as the haiku table's foot has), as a `|`
 * written in a cell makes it, or a cell is over several rows.
 */
export function lineUpTableEdits(document: TextDocument, line: number): TextEdit[] | undefined {
  const texts = document.getText().split(/\r\n|\r|\n/);
  // In a quote or a list item, the table's lines share its marks and indentation.
  const prefix = /^[ >]*/.exec(texts[line] ?? '')![0];
  const inTable = (k: number) => texts[k]?.startsWith(prefix) === true && /^[+|]/.test(texts[k]!.slice(prefix.length));
  if (!inTable(line)) return undefined;
  let first = line;
  while (inTable(first - 1)) first--;
  let last = line;
  while (inTable(last + 1)) last++;
  const lines = texts.slice(first, last + 1).map((text) => text.slice(prefix.length).trimEnd());
  // A `+` line that is no border (`+   +---+`, a cell over two rows in pandoc 3) is left as it is, and so is the table.
  const edges = [lines[0]!, lines[lines.length - 1]!];
  if (edges.some((text) => text[0] !== '+') || lines.some((text) => text.includes('\t') || (text[0] === '+' && !gridBorderLine.test(text)))) return undefined;

  const read: TableLine[] = lines.map((text) =>
    text[0] === '+'
      ? { kind: 'border', segments: text.slice(1, -1).split('+').map(segmentOf) }
      : { kind: 'row', cells: text.endsWith('|') && text.length > 1 ? text.slice(1, -1).split('|').map((cell) => cell.trimEnd()) : [] },
  );
  const topSegments = lines[0]!.slice(1, -1).split('+');
  const columns = topSegments.length;
  const spansOf = (item: TableLine) => (item.kind === 'border' ? item.segments.length : item.cells.length);
  if (read.some((item) => spansOf(item) !== columns && spansOf(item) !== 1)) return undefined;

  // A column as wide as its top border or its widest cell and a blank after it.
  const widths = topSegments.map((segment) => segment.length);
  for (const item of read) {
    if (item.kind === 'row' && item.cells.length === columns) item.cells.forEach((cell, k) => (widths[k] = Math.max(widths[k]!, widthOf(cell) + 1)));
    if (item.kind === 'border' && item.segments.length === columns) item.segments.forEach((segment, k) => (widths[k] = Math.max(widths[k]!, colonsOf(segment) + 1)));
  }
  const spanned = () => widths.reduce((sum, width) => sum + width, 0) + columns - 1;
  for (const item of read) {
    const [cell] = item.kind === 'row' && item.cells.length === 1 && columns > 1 ? item.cells : [];
    if (cell !== undefined) widths[columns - 1]! += Math.max(0, widthOf(cell) + 1 - spanned());
  }

  const written = read.map((item) => {
    if (item.kind === 'border') {
      const spans = item.segments.length === columns ? widths : [spanned()];
      return `+${item.segments.map((segment, k) => drawn(segment, spans[k]!)).join('+')}+`;
    }
    const spans = item.cells.length === columns ? widths : [spanned()];
    return `|${item.cells.map((cell, k) => cell + ' '.repeat(spans[k]! - widthOf(cell))).join('|')}|`;
  });
  return written.flatMap((text, k) => {
    const lineNumber = first + k;
    const range: Range = { start: { line: lineNumber, character: prefix.length }, end: { line: lineNumber, character: texts[lineNumber]!.length } };
    return text === lines[k] ? [] : [TextEdit.replace(range, text)];
  });
}

function segmentOf(segment: string): Segment {
  return { left: segment.startsWith(':'), right: segment.length > 1 && segment.endsWith(':'), fill: segment.includes('=') ? '=' : '-' };
}

function colonsOf(segment: Segment): number {
  return Number(segment.left) + Number(segment.right);
}

/** A border segment drawn `width` characters wide, its colons kept. */
function drawn(segment: Segment, width: number): string {
  return `${segment.left ? ':' : ''}${segment.fill.repeat(Math.max(1, width - colonsOf(segment)))}${segment.right ? ':' : ''}`;
}
