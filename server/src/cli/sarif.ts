import { productVersion } from '../productVersion';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { allDiagnosticCodes, Severity } from '../diagnostics/codes';
import { describeDiagnosticCode } from '../diagnostics/descriptions';
import { GlossaryConfig } from '../config';
import { FileDiagnostics, oneBased } from './output';
import type { FileNote } from './loadGlossary';

/** SARIF knows no information or hint level; both are notes. */
const sarifLevels: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

/** The base that relative paths are written against: the folder the command ran in. */
const workingFolder = '%SRCROOT%';

/** How the run went, beside its results. */
export interface SarifInvocation {
  /** The files skipped or read with a warning. */
  readonly fileNotes?: readonly FileNote[];
  /** Why nothing was checked (a mistake in `.glossary.json`, no file to read), or why the run fails beside its results (a file named that could not be read). */
  readonly failures?: readonly string[];
  /** What was said on the way to such a failure (a file skipped), where no file notes were made. */
  readonly warnings?: readonly string[];
  /** False when a file named on the command line could not be read, or nothing was checked. */
  readonly successful: boolean;
}

/**
 * `check --format sarif`: one SARIF 2.1.0 run, with a rule per diagnostic code. The files skipped
 * or read with a warning, and why a run checked nothing, are the invocation's notifications, so
 * that a code-scanning upload tells of them too, and a run that failed still writes a log.
 * The files in `cwd`, which the log names, are written relative to it.
 */
export function formatSarif(results: readonly FileDiagnostics[], config: GlossaryConfig, cwd: string, invocation: SarifInvocation = { successful: true }): string {
  const version = productVersion();
  const rules = allDiagnosticCodes.map((code) => {
    const configured = config.severity[code];
    return {
      id: code,
      shortDescription: { text: describeDiagnosticCode(code) },
      defaultConfiguration: configured === 'off' ? { enabled: false } : { level: sarifLevels[configured] },
    };
  });
  const sarifResults = results.flatMap(({ file, diagnostics }) =>
    diagnostics.map((diagnostic) => {
      const start = oneBased(diagnostic.range.start);
      const end = oneBased(diagnostic.range.end);
      return {
        ruleId: diagnostic.code,
        ruleIndex: allDiagnosticCodes.indexOf(diagnostic.code),
        level: sarifLevels[diagnostic.severity],
        message: { text: diagnostic.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: artifactLocation(file.displayPath, cwd),
              region: { startLine: start.line, startColumn: start.column, endLine: end.line, endColumn: end.column },
            },
          },
        ],
      };
    }),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'glossary', ...(version === undefined ? {} : { version, semanticVersion: version }), rules } },
        // A folder's URI ends in `/`, so that a relative path resolves inside it.
        originalUriBaseIds: { [workingFolder]: { uri: URI.file(path.join(cwd, '/')).toString() } },
        columnKind: 'utf16CodeUnits',
        invocations: [
          {
            executionSuccessful: invocation.successful,
            toolExecutionNotifications: [
              ...(invocation.failures ?? []).map((failure) => ({ level: 'error', message: { text: failure } })),
              ...(invocation.warnings ?? []).map((warning) => ({ level: 'warning', message: { text: warning } })),
              ...(invocation.fileNotes ?? []).map((note) => ({
                level: note.skipped ? 'warning' : 'note',
                message: { text: note.message },
                locations: [{ physicalLocation: { artifactLocation: artifactLocation(note.displayPath, cwd) } }],
              })),
            ],
          },
        ],
        results: sarifResults,
      },
    ],
  };
  return `${JSON.stringify(log, undefined, 2)}\n`;
}

/**
 * A file in the working folder is a URI reference relative to it (what code scanning expects),
 * however its path was given (`/ci/src/A.md`, `./src/A.md`); a file outside it is a `file:` URI.
 */
function artifactLocation(displayPath: string, cwd: string): { uri: string; uriBaseId?: string } {
  const absolute = path.resolve(cwd, displayPath);
  const relative = path.relative(cwd, absolute);
  if (relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) {
    return { uri: URI.file(absolute).toString() };
  }
  return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: workingFolder };
}
