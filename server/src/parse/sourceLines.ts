import type { Position, Range } from './model';
import { positionAt } from './positions';

/**
 * A file's lines as Pandoc reads them: without a byte order mark, and with each tab expanded to
 * the next multiple of four columns, as Pandoc does before it parses (so that `>\t[x](#x)` is a
 * quote holding a link, not code). The parser works on these texts; `position` leads back from a
 * place in them to the place in the file.
 */
export class SourceLines {
  readonly texts: readonly string[];
  /** The lines that hold a tab, as written. */
  private readonly tabbed = new Map<number, string>();
  private readonly bom: boolean;

  constructor(lineTexts: readonly string[], bom: boolean) {
    this.bom = bom;
    let texts = bom ? [lineTexts[0]!.slice(1), ...lineTexts.slice(1)] : lineTexts;
    if (texts.some((text) => text.includes('\t'))) {
      texts = texts.map((text, line) => {
        if (!text.includes('\t')) return text;
        this.tabbed.set(line, text);
        return expandTabs(text);
      });
    }
    this.texts = texts;
  }

  /** The position in the file of `character` of line `line` of `texts`. */
  position(line: number, character: number): Position {
    const written = this.tabbed.get(line);
    const offset = written === undefined ? character : offsetOfColumn(written, character);
    return positionAt(line, offset + (this.bom && line === 0 ? 1 : 0));
  }

  range(range: Range): Range {
    return { start: this.position(range.start.line, range.start.character), end: this.position(range.end.line, range.end.character) };
  }
}

/** A line with each tab expanded to the next multiple of four columns, as pandoc reads it. */
export function expandTabs(text: string): string {
  let expanded = '';
  for (const ch of text) {
    expanded += ch === '\t' ? ' '.repeat(4 - (expanded.length % 4)) : ch;
  }
  return expanded;
}

/** Where in `text` (tabs unexpanded) the column `column` of its expanded form lies: a column within a tab's spaces is the tab. */
function offsetOfColumn(text: string, column: number): number {
  let at = 0;
  for (let offset = 0; offset < text.length; offset++) {
    const width = text[offset] === '\t' ? 4 - (at % 4) : 1;
    if (column < at + width) return offset;
    at += width;
  }
  return text.length;
}
