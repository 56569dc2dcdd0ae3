import { CancellationToken } from 'vscode-languageserver';
import { WorkspaceIndex } from '../../index/workspaceIndex';
import { Position } from '../../parse/model';
import { indexOf, uriOf } from './tinyWorkspace';

/** The marker a test puts where the request is made; it is removed before parsing. */
export const cursorMarker = '‸';

/** A tiny workspace with the cursor in one of its files. */
export interface CursorWorkspace {
  readonly index: WorkspaceIndex;
  readonly uri: string;
  readonly position: Position;
  /** The text of the cursor's line up to the cursor. */
  readonly lineBeforeCursor: string;
  /** The text of the cursor's line after the cursor. */
  readonly lineAfterCursor: string;
  /** The whole text of the cursor's file, without the marker. */
  readonly text: string;
}

/** Indexes files given as name -> lines, exactly one of which holds the cursor marker. */
export function withCursor(files: Readonly<Record<string, readonly string[]>>): CursorWorkspace {
  let found: { uri: string; position: Position; lineBeforeCursor: string; lineAfterCursor: string } | undefined;
  const clean: Record<string, string[]> = {};
  for (const [name, lines] of Object.entries(files)) {
    clean[name] = lines.map((line, lineNumber) => {
      const character = line.indexOf(cursorMarker);
      if (character >= 0) {
        found = { uri: uriOf(name), position: { line: lineNumber, character }, lineBeforeCursor: line.slice(0, character), lineAfterCursor: line.slice(character + cursorMarker.length) };
      }
      return line.replace(cursorMarker, '');
    });
  }
  if (found === undefined) {
    throw new Error(`no cursor marker ${cursorMarker} in the files`);
  }
  const cursorFile = found;
  const text = Object.entries(clean).find(([name]) => uriOf(name) === cursorFile.uri)![1].join('\n');
  return { index: indexOf(clean), ...found, text };
}

/** A token that is never cancelled. */
export const notCancelled: CancellationToken = CancellationToken.None;

/** A token that is already cancelled. */
export const cancelled: CancellationToken = { isCancellationRequested: true, onCancellationRequested: CancellationToken.Cancelled.onCancellationRequested };
