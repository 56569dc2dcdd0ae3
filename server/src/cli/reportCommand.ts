import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import { URI } from 'vscode-uri';
import { buildReport } from '../report/glossaryReport';
import { renderReportHtml } from '../report/reportHtml';
import { ReportCommand } from './args';
import { LoadedGlossary } from './loadGlossary';
import { FileDiagnostics } from './output';

/** How `report` reaches the world. */
export interface ReportIo {
  readonly cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Writes a whole file, replacing it; throws when it cannot. Absent where nothing may be written. */
  readonly writeFile?: (filePath: string, text: string) => void;
}

/**
 * `glossary report`: the Glossary Report of the loaded files as HTML or JSON, on standard output
 * or into the `--output` file, with the diagnostics that `check` prints. Returns why nothing was
 * written, or undefined.
 */
export function writeReport(command: ReportCommand, loaded: LoadedGlossary, results: readonly FileDiagnostics[], io: ReportIo): string | undefined {
  const displayPathOf = new Map(loaded.files.map((file) => [file.uri, file.displayPath]));
  const diagnosticsByUri = new Map(results.map(({ file, diagnostics }) => [file.uri, diagnostics]));
  const folder = commonFolder([...displayPathOf.values()]);
  const report = buildReport(loaded.index, loaded.config, {
    name: folder,
    diagnosticsOf: (uri) => diagnosticsByUri.get(uri) ?? [],
    fileName: (uri) => path.relative(folder, displayPathOf.get(uri) ?? URI.parse(uri).fsPath),
  });
  const text = command.format === 'json' ? `${JSON.stringify(report, undefined, 2)}\n` : renderReportHtml(report);
  if (command.output === undefined) {
    io.stdout(text);
    return undefined;
  }
  return writeOutputFile(command.output, text, loaded, io);
}

/** Writes the report over whatever the file held, except a file of the glossary itself. */
function writeOutputFile(output: string, text: string, loaded: LoadedGlossary, io: ReportIo): string | undefined {
  const filePath = path.resolve(io.cwd, output);
  if (loaded.index.document(URI.file(filePath).toString()) !== undefined) {
    return l10n.t('{0} is a file of the glossary: the report is not written over it', output);
  }
  if (io.writeFile === undefined) {
    return l10n.t('files cannot be written here');
  }
  try {
    io.writeFile(filePath, text);
  } catch (error) {
    return l10n.t('cannot write {0}: {1}', output, error instanceof Error ? error.message : String(error));
  }
  io.stderr(`glossary: ${l10n.t('report written to {0}', output)}\n`);
  return undefined;
}

/** The deepest folder holding all the files, written as their paths are (relative or absolute). */
function commonFolder(filePaths: readonly string[]): string {
  const folders = filePaths.map((filePath) => path.dirname(filePath).split(path.sep));
  const first = folders[0] ?? [];
  let depth = 0;
  while (depth < first.length && folders.every((parts) => parts[depth] === first[depth])) {
    depth++;
  }
  return first.slice(0, depth).join(path.sep) || (path.isAbsolute(filePaths[0] ?? '') ? path.sep : '.');
}
