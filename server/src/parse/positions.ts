import type { Entry, GlossaryDocument, Position } from './model';

/**
 * Shared, frozen `Position` objects. A link alone has six positions (its range, its label's range,
 * its id's range); as separate objects they were the largest part of the index. Positions are
 * values, so every model uses the one object of each line and character: a workspace holds about
 * as many as the largest file has lines times the widest of them, whatever the number of files.
 */
const rows: (Position | undefined)[][] = [];

/** Negative when `a` comes before `b`, 0 when they are the same place, positive when `a` comes after. */
export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** The position of a line and character, shared with every other use of the same place. */
export function positionAt(line: number, character: number): Position {
  const row = (rows[line] ??= []);
  return (row[character] ??= Object.freeze({ line, character }));
}

/** The entry of a document whose range holds a position (entries are in document order, apart). */
export function entryContaining(document: GlossaryDocument, position: Position): Entry | undefined {
  const entries = document.entries;
  let low = 0;
  let high = entries.length - 1;
  let candidate: Entry | undefined;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const entry = entries[middle]!;
    if (comparePositions(entry.range.start, position) <= 0) {
      candidate = entry;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return candidate !== undefined && comparePositions(position, candidate.range.end) <= 0 ? candidate : undefined;
}
