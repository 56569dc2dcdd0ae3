import { Severity, severities } from '../diagnostics/codes';
import { GlossaryDiagnostic } from '../diagnostics/diagnostic';
import { WorkspaceIndex } from '../index/workspaceIndex';
import { Position } from '../parse/model';
import { CliFile, FileNote } from './loadGlossary';

/** The diagnostics of one file of the command line. */
export interface FileDiagnostics {
  readonly file: CliFile;
  readonly diagnostics: readonly GlossaryDiagnostic[];
}

/** How many diagnostics of each severity were found, and in how many of how many files. */
export type FindingCounts = Readonly<Record<Severity, number>> & { readonly filesWithFindings: number; readonly filesChecked: number };

export function countFindings(results: readonly FileDiagnostics[]): FindingCounts {
  const count = (severity: Severity): number => results.reduce((sum, { diagnostics }) => sum + diagnostics.filter((diagnostic) => diagnostic.severity === severity).length, 0);
  const [error, warning, information, hint] = severities.map(count) as [number, number, number, number];
  return { error, warning, information, hint, filesWithFindings: results.filter(({ diagnostics }) => diagnostics.length > 0).length, filesChecked: results.length };
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
 * `check --format json`. End positions are exclusive, as in SARIF. `counts` are those of every
 * diagnostic found, as stderr gives them, whatever `--min-severity` prints. `files` tells of the
 * files skipped or read with a warning (as stderr does), so that a tool sees what was not checked,
 * and `failures` why nothing was (a mistake in `.glossary.json`, no file to read) or why the run
 * fails beside its findings (a file named that could not be read), empty otherwise; `warnings`
 * what was said of the run that names no file (its files hold no entry).
 */
export function formatDiagnosticsJson(
  results: readonly FileDiagnostics[],
  {
    counts,
    fileNotes = [],
    failures = [],
    warnings = [],
  }: { readonly counts: FindingCounts; readonly fileNotes?: readonly FileNote[]; readonly failures?: readonly string[]; readonly warnings?: readonly string[] },
): string {
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
  return `${JSON.stringify({ diagnostics, counts, files, failures, warnings })}\n`;
}
