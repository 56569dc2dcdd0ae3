import { Range, TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { widthOf } from '../parse/displayWidth';
import { cellPipes, gridBorderLine, rowSpanBorder } from '../parse/blocks';

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
 * other marks or indentation before them (a list item's first line), it holds a tab, a row has
 * other than one cell per column or one over all of them (as the haiku table's foot has) or lines
 * that disagree on it, or a cell is over several rows. A `|` in code or escaped (`\|`) parts no cells.
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
  // Blanks only: a no-break or ideographic space ending a cell is its text.
  const lines = texts.slice(first, last + 1).map((text) => text.slice(prefix.length).replace(/[ \t]+$/, ''));
  const isBorder = (text: string) => text[0] === '+';
  // A `+` line that is no border (`+   +---+`) or a border inside a row (`| a +---+`): a cell over several rows, which is left as it is, and so is the table.
  const outerLines = [lines[0]!, lines[lines.length - 1]!];
  if (!outerLines.every(isBorder) || lines.some((text) => text.includes('\t') || (isBorder(text) ? !gridBorderLine.test(text) : rowSpanBorder.test(text)))) return undefined;

  const read: TableLine[] = lines.map((text) => (isBorder(text) ? { kind: 'border', segments: text.slice(1, -1).split('+').map(segmentOf) } : { kind: 'row', cells: cellsOf(text) }));
  const widths = lines[0]!.slice(1, -1).split('+').map((segment) => segment.length);
  const columns = widths.length;
  const spansOf = (item: TableLine) => (item.kind === 'border' ? item.segments.length : item.cells.length);
  if (read.some((item) => spansOf(item) !== columns && spansOf(item) !== 1)) return undefined;
  // The lines of one row (between two border lines) have as many cells each.
  if (read.some((item, k) => item.kind === 'row' && read[k - 1]!.kind === 'row' && spansOf(read[k - 1]!) !== spansOf(item))) return undefined;

  // A column as wide as its top border or its widest cell and a blank after it.
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
    const spans = spansOf(item) === columns ? widths : [spanned()];
    return item.kind === 'border'
      ? `+${item.segments.map((segment, k) => drawn(segment, spans[k]!)).join('+')}+`
      : `|${item.cells.map((cell, k) => cell + ' '.repeat(spans[k]! - widthOf(cell))).join('|')}|`;
  });
  return written.flatMap((text, k) => {
    const lineNumber = first + k;
    const range: Range = { start: { line: lineNumber, character: prefix.length }, end: { line: lineNumber, character: texts[lineNumber]!.length } };
    return text === lines[k] ? [] : [TextEdit.replace(range, text)];
  });
}

/** A row line's cells, without the blanks at their ends: none where the line does not begin and end with a `|` that parts cells. */
function cellsOf(text: string): string[] {
  const pipes = cellPipes(text);
  if (pipes[0] !== 0 || pipes[pipes.length - 1] !== text.length - 1 || pipes.length < 2) return [];
  return pipes.slice(1).map((pipe, k) => text.slice(pipes[k]! + 1, pipe).replace(/[ \t]+$/, ''));
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
