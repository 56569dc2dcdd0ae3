import { GlossaryDiagnostic } from '../diagnostics/diagnostic';
import { WorkspaceIndex } from '../index/workspaceIndex';
import { Position } from '../parse/model';
import { CliFile, FileNote } from './loadGlossary';

/** The diagnostics of one file of the command line. */
export interface FileDiagnostics {
  readonly file: CliFile;
  readonly diagnostics: readonly GlossaryDiagnostic[];
}

/** A 1-based line and column, as printed. */
export function oneBased(position: Position): { readonly line: number; readonly column: number } {
  return { line: position.line + 1, column: position.character + 1 };
}

/** `index --format json`: per file its anchors and links, 1-based positions of the id text. */
export function formatIndexJson(files: readonly CliFile[], index: WorkspaceIndex): string {
  const output = files.map((file) => {
    const document = index.document(file.uri);
    return {
      path: file.displayPath,
      anchors: (document?.anchors ?? []).map((anchor) => ({
        id: anchor.id,
        ...oneBased(anchor.idRange.start),
        explicit: anchor.explicit,
        element: anchor.element,
        classes: anchor.classes,
      })),
      links: (document?.links ?? []).map((link) => ({
        target: link.target,
        ...oneBased((link.idRange ?? link.range).start),
      })),
    };
  });
  return `${JSON.stringify({ files: output })}\n`;
}

/** `check --format text`: `path:line:column: severity code message`, a line each. */
export function formatDiagnosticsText(results: readonly FileDiagnostics[]): string {
  return results
    .flatMap(({ file, diagnostics }) =>
      diagnostics.map((diagnostic) => {
        const { line, column } = oneBased(diagnostic.range.start);
        return `${file.displayPath}:${line}:${column}: ${diagnostic.severity} ${diagnostic.code} ${diagnostic.message}\n`;
      }),
    )
    .join('');
}

/**
 * `check --format json`. End positions are exclusive, as in SARIF. `files` tells of the files
 * skipped or read with a warning (as stderr does), so that a tool sees what was not checked, and
 * `failures` why nothing was (a mistake in `.glossary.json`, no file to read), empty otherwise.
 */
export function formatDiagnosticsJson(results: readonly FileDiagnostics[], fileNotes: readonly FileNote[] = [], failures: readonly string[] = []): string {
  const diagnostics = results.flatMap(({ file, diagnostics }) =>
    diagnostics.map((diagnostic) => {
      const start = oneBased(diagnostic.range.start);
      const end = oneBased(diagnostic.range.end);
      return {
        path: file.displayPath,
        line: start.line,
        column: start.column,
        endLine: end.line,
        endColumn: end.column,
        severity: diagnostic.severity,
        code: diagnostic.code,
        message: diagnostic.message,
      };
    }),
  );
  const files = fileNotes.map((note) => ({ path: note.displayPath, message: note.message, skipped: note.skipped }));
  return `${JSON.stringify({ diagnostics, files, failures })}\n`;
}
