import * as l10n from '@vscode/l10n';
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

/** The base that relative paths are written against: the root of the sources (see `formatSarif`). */
const sourceRoot = '%SRCROOT%';

/** How the run went, beside its results. */
export interface SarifInvocation {
  /** The files skipped or read with a warning. */
  readonly fileNotes?: readonly FileNote[];
  /** Why nothing was checked (a mistake in `.glossary.json`, no file to read), or why the run fails beside its results (a file named that could not be read). */
  readonly failures?: readonly string[];
  /** The `.glossary.json` the failures are about, where they are its mistakes: code scanning shows them at it. */
  readonly failuresIn?: string;
  /** Warnings that name no file: that the files hold no entry, or what was said on the way to a failure (a file skipped) where no file notes were made. */
  readonly warnings?: readonly string[];
  /** False when a file named on the command line could not be read, or nothing was checked. */
  readonly successful: boolean;
}

/**
 * `check --format sarif`: one SARIF 2.1.0 run, with a rule per diagnostic code. The files skipped
 * or read with a warning, and why a run checked nothing, are the invocation's notifications, so
 * that a code-scanning upload tells of them too, and a run that failed still writes a log.
 * The files in `root`, the root of the git repository (which code scanning resolves relative paths
 * against, whatever folder the command ran in) or else the folder the command ran in, are written
 * relative to it; the paths of the files are resolved against `cwd`.
 */
export function formatSarif(results: readonly FileDiagnostics[], config: GlossaryConfig, { cwd, root }: { readonly cwd: string; readonly root: string }, invocation: SarifInvocation = { successful: true }): string {
  const version = productVersion();
  const rules = allDiagnosticCodes.map((code) => {
    const configured = config.severity[code];
    const description = describeDiagnosticCode(code);
    // Code scanning shows the help under an alert: there the writer learns where to mend it and how to turn it off.
    const help = l10n.t('In VS Code, the Pandoc Glossary extension shows this finding where it stands, with the quick fixes it has. Its severity is set under "severity" in .glossary.json, where "{0}": "off" turns it off.', code);
    return {
      id: code,
      name: code.replace(/(?:^|-)(\p{L})/gu, (_, letter: string) => letter.toUpperCase()),
      shortDescription: { text: description },
      fullDescription: { text: description },
      help: { text: `${description}\n\n${help}` },
      defaultConfiguration: configured === 'off' ? { enabled: false } : { level: sarifLevels[configured] },
    };
  });
  const artifactLocation = (displayPath: string): { uri: string; uriBaseId?: string } => artifactLocationIn(root, path.resolve(cwd, displayPath));
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
              artifactLocation: artifactLocation(file.displayPath),
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
        originalUriBaseIds: { [sourceRoot]: { uri: URI.file(path.join(root, '/')).toString() } },
        columnKind: 'utf16CodeUnits',
        invocations: [
          {
            executionSuccessful: invocation.successful,
            toolExecutionNotifications: [
              ...(invocation.failures ?? []).map((failure) => ({
                level: 'error',
                message: { text: failure },
                ...(invocation.failuresIn === undefined ? {} : { locations: [{ physicalLocation: { artifactLocation: artifactLocation(invocation.failuresIn) } }] }),
              })),
              ...(invocation.warnings ?? []).map((warning) => ({ level: 'warning', message: { text: warning } })),
              ...(invocation.fileNotes ?? []).map((note) => ({
                level: note.skipped ? 'warning' : 'note',
                message: { text: note.message },
                locations: [{ physicalLocation: { artifactLocation: artifactLocation(note.displayPath) } }],
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
 * A file in the root folder is a URI reference relative to it (what code scanning expects),
 * however its path was given (`/ci/src/A.md`, `./src/A.md`); a file outside it is a `file:` URI.
 */
function artifactLocationIn(root: string, absolute: string): { uri: string; uriBaseId?: string } {
  const relative = path.relative(root, absolute);
  if (relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) {
    return { uri: URI.file(absolute).toString() };
  }
  return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: sourceRoot };
}
