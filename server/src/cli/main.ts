import * as l10n from '@vscode/l10n';
import { Severity, severities } from '../diagnostics/codes';
import { computeDiagnostics } from '../diagnostics/computeDiagnostics';
import { Workspace } from '../workspace/workspace';
import { CliCommand, explicitLocale, helpText, parseArguments } from './args';
import { loadGlossary, LoadedGlossary } from './loadGlossary';
import { countFindings, FileDiagnostics, FindingCounts, formatDiagnosticsJson, formatDiagnosticsText, formatIndexJson } from './output';
import { formatSarif } from './sarif';
import { productVersion } from '../productVersion';
import { outputRefusal, ReportIo, writeReport } from './reportCommand';
import { localeOfEnvironment, useLocale } from '../localization';
import { defaultConfig } from '../config';
import { URI } from 'vscode-uri';
import { repositoryRootOf } from '../workspace/configLookup';

/** Everything the command line touches, so that tests run it without a process or a disk. */
export interface CliIo extends ReportIo {
  readonly cwd: string;
  readonly workspace: Workspace;
  stdout(text: string): void;
  stderr(text: string): void;
  /**
   * The process environment, whose LC_ALL, LC_MESSAGES or LANG choose the language of the
   * messages (unless `--locale` is given); without one the messages are English.
   */
  readonly environment?: Readonly<Record<string, string | undefined>>;
  /**
   * Starts the language server for `lsp`, or says why it cannot start on the connection asked
   * for (`--node-ipc` in a process no editor started); absent where the command line runs without one.
   */
  readonly startLanguageServer?: () => string | undefined;
}

/** Exit statuses of the command line. */
export const ExitCode = { ok: 0, errorsFound: 1, badUsage: 2, internalError: 3 } as const;

/**
 * Runs `glossary` with the arguments after the program name and returns the exit status:
 * 0 when no error-severity diagnostic was printed, 1 when one was, 2 for bad usage (which
 * includes a run that read no file at all, and a file named as an argument that cannot be read).
 * Never throws for bad input: every problem becomes a message on stderr. The messages are in the
 * language of `--locale`, else of the environment, as command-line tools choose it.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  useLocale(explicitLocale(argv) ?? localeOfEnvironment(io.environment ?? {}));
  const command = parseArguments(argv);
  switch (command.kind) {
    case 'usageError':
      io.stderr(`glossary: ${command.message}\n${l10n.t('Try "glossary --help".')}\n`);
      return ExitCode.badUsage;
    case 'help':
      io.stdout(helpText());
      return ExitCode.ok;
    case 'version':
      io.stdout(`glossary ${productVersion() ?? ''}`.trimEnd() + '\n');
      return ExitCode.ok;
    case 'lsp': {
      const problem = io.startLanguageServer === undefined ? l10n.t('the language server is not available here') : io.startLanguageServer();
      if (problem !== undefined) {
        io.stderr(`glossary: ${problem}\n`);
        return ExitCode.badUsage;
      }
      return ExitCode.ok;
    }
    case 'index':
    case 'check':
    case 'report':
      return runOnGlossary(command, io);
  }
}

async function runOnGlossary(command: Extract<CliCommand, { kind: 'index' | 'check' | 'report' }>, io: CliIo): Promise<number> {
  const warnings: string[] = [];
  const loaded = await loadGlossary(command.paths, {
    cwd: io.cwd,
    workspace: io.workspace,
    warn: (message) => {
      warnings.push(message);
      io.stderr(`glossary: ${message}\n`);
    },
    // A file checked alone is checked as part of its glossary: its links to other files resolve.
    withGlossaryOfFiles: command.kind === 'check',
    findMentions: command.kind !== 'index',
    realPath: io.writtenFile,
  });
  const sarifFolders = async () => ({ cwd: io.cwd, root: await sarifRoot(io) });
  if (loaded.kind === 'failure') {
    io.stderr(loaded.messages.map((message) => `glossary: ${message}\n`).join(''));
    // A tool reading the output (a code-scanning upload) gets it whatever the exit status: none found, and why.
    if (command.kind === 'check' && command.format === 'sarif') {
      const failures = { failures: loaded.messages, failuresIn: loaded.settingsFile, successful: false };
      io.stdout(formatSarif([], defaultConfig, await sarifFolders(), loaded.fileNotes ? { ...failures, fileNotes: loaded.fileNotes } : { ...failures, warnings }));
    } else if (command.kind === 'check' && command.format === 'json') {
      io.stdout(formatDiagnosticsJson([], { counts: countFindings([]), fileNotes: loaded.fileNotes, failures: loaded.messages }));
    }
    return ExitCode.badUsage;
  }
  // A file named as an argument that cannot be read was reported through `warn`; the others are
  // still worked on, but the run is no success: the file asked for was not looked at.
  const exitCodeFor = (found: number): number => (loaded.unreadableArguments.length > 0 ? ExitCode.badUsage : found);
  // Why such a run fails, for a tool reading the JSON or SARIF output.
  const failures = loaded.unreadableArguments.map((given) => l10n.t('{0} could not be read: the run fails, though the other files were checked', given));
  if (command.kind === 'index') {
    io.stdout(formatIndexJson(loaded.files, loaded.index));
    return exitCodeFor(ExitCode.ok);
  }
  if (command.kind === 'report') {
    // Refused before any work: a file of the glossary, or a file that is no report, is never replaced.
    const refusal = await outputRefusal(command, loaded, io);
    if (refusal !== undefined) {
      io.stderr(`glossary: ${refusal}\n`);
      return ExitCode.badUsage;
    }
  }
  // Said beside the findings too: a CI step given the wrong folder passes, and only this tells why.
  const notes = loaded.index.hasEntries() ? [] : [l10n.t('No entry (a heading with the class .{0}) in these files: they are checked as Markdown, without the glossary\'s layout rules.', loaded.config.termClass)];
  io.stderr(notes.map((note) => `glossary: ${note}\n`).join(''));
  const results = diagnoseAll(loaded);
  if (command.kind === 'report') {
    const problem = writeReport(command, loaded, results, io);
    if (problem !== undefined) {
      io.stderr(`glossary: ${problem}\n`);
      return ExitCode.badUsage;
    }
    return exitCodeFor(ExitCode.ok);
  }
  const shown = atLeast(results, command.minSeverity);
  const counts = countFindings(results);
  switch (command.format) {
    case 'text':
      io.stdout(formatDiagnosticsText(shown));
      break;
    case 'json':
      io.stdout(formatDiagnosticsJson(shown, { counts, fileNotes: loaded.fileNotes, failures, warnings: notes }));
      break;
    case 'sarif':
      io.stdout(formatSarif(shown, loaded.config, await sarifFolders(), { fileNotes: loaded.fileNotes, failures, warnings: notes, successful: failures.length === 0 }));
      break;
  }
  // On stderr in every format: a CI log shows the counts beside the report a tool reads from stdout.
  io.stderr(`glossary: ${countsText(counts)}\n`);
  const failing = command.failOn !== 'none' && atLeast(results, command.failOn).some(({ diagnostics }) => diagnostics.length > 0);
  return exitCodeFor(failing ? ExitCode.errorsFound : ExitCode.ok);
}

/**
 * The folder SARIF paths are relative to: the root of the git repository the command runs in,
 * which code scanning resolves them against (a CI step run in a subfolder too), else that folder.
 */
async function sarifRoot(io: CliIo): Promise<string> {
  const root = await repositoryRootOf(io.workspace, URI.file(io.cwd).toString());
  return root === undefined ? io.cwd : URI.parse(root).fsPath;
}

/**
 * The diagnostics of the files given. The unlinked mentions were found while the files were read
 * (`findMentions`), so no file is read again.
 */
function diagnoseAll({ files, index, config }: LoadedGlossary): readonly FileDiagnostics[] {
  return files.flatMap((file) => {
    const document = index.document(file.uri);
    return document ? [{ file, diagnostics: computeDiagnostics(document, index, config) }] : [];
  });
}

/** The diagnostics of `minSeverity` or more severe. */
function atLeast(results: readonly FileDiagnostics[], minSeverity: Severity): readonly FileDiagnostics[] {
  const rank = severities.indexOf(minSeverity);
  return minSeverity === 'hint' ? results : results.map(({ file, diagnostics }) => ({ file, diagnostics: diagnostics.filter((diagnostic) => severities.indexOf(diagnostic.severity) <= rank) }));
}

/** "3 errors, 1 warning, 0 information, 5 hints in 4 of 12 files": all found, whatever --min-severity shows. */
function countsText({ error: errors, warning: warnings, information, hint: hints, filesWithFindings: files, filesChecked: fileCount }: FindingCounts): string {
  return l10n.t(
    '{0}, {1}, {2}, {3} in {4}',
    errors === 1 ? l10n.t('1 error') : l10n.t('{0} errors', errors),
    warnings === 1 ? l10n.t('1 warning') : l10n.t('{0} warnings', warnings),
    information === 1 ? l10n.t('1 information') : l10n.t('{0} information', information),
    hints === 1 ? l10n.t('1 hint') : l10n.t('{0} hints', hints),
    fileCount === 1 ? l10n.t('{0} of 1 file', files) : l10n.t('{0} of {1} files', files, fileCount),
  );
}
