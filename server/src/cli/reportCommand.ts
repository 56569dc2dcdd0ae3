import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import { URI, Utils } from 'vscode-uri';
import { configFileName, indexFileUri } from '../config';
import { buildReport } from '../report/glossaryReport';
import { renderReportHtml } from '../report/reportHtml';
import { createFileMatcher } from '../workspace/fileFilter';
import { writeErrorReason } from '../workspace/nodeWorkspace';
import { Workspace } from '../workspace/workspace';
import { ReportCommand } from './args';
import { findConfigFile } from '../workspace/configLookup';
import { LoadedGlossary } from './loadGlossary';
import { FileDiagnostics } from './output';

/** How `report` reaches the world. */
export interface ReportIo {
  readonly cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Writes a whole file, replacing it; throws when it cannot. Absent where nothing may be written. */
  readonly writeFile?: (filePath: string, text: string) => void;
  /** The file that writing to a path writes: symbolic links followed. Absent where a path is its file. */
  readonly writtenFile?: (filePath: string) => string;
  /**
   * What tells a file on disk apart from every other (device and inode), whatever path leads to it,
   * or undefined when there is none: a hard link, or a glossary file that is a link to the output.
   */
  readonly fileIdentity?: (filePath: string) => string | undefined;
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
    // Named after the folder, as in the editor (`report .` would be called ".").
    name: path.basename(path.resolve(io.cwd, folder)),
    diagnosticsOf: (uri) => diagnosticsByUri.get(uri) ?? [],
    fileName: (uri) => path.relative(folder, displayPathOf.get(uri) ?? URI.parse(uri).fsPath),
  });
  const text = command.format === 'json' ? `${JSON.stringify(report, undefined, 2)}\n` : renderReportHtml(report);
  if (command.output === undefined) {
    io.stdout(text);
    return undefined;
  }
  return writeOutputFile(command.output, text, io);
}

/** What deciding where the report may go reads. */
type OutputIo = { readonly cwd: string; readonly workspace: Workspace } & Pick<ReportIo, 'writtenFile' | 'fileIdentity'>;

/** The endings of the files that `--output` may replace: what a report is written as. */
const replaceableExtensions: readonly string[] = ['.html', '.htm', '.json'];

/**
 * Why the report may not go to the `--output` file, or undefined. It is never written into a file
 * of the glossary: one its include patterns take in (below the folder of `.glossary.json`, or
 * without one the folders given and the folders of the files given), whether or not it exists yet,
 * the configured index page, `.glossary.json`, or a file read for the report. Elsewhere an existing
 * file is replaced only when its name ends in .html, .htm or .json. The configuration is looked up
 * as `check` does; nothing else is read.
 */
export async function outputRefusal(
  command: ReportCommand,
  loaded: LoadedGlossary,
  io: OutputIo,
): Promise<string | undefined> {
  if (command.output === undefined) {
    return undefined;
  }
  const output = command.output;
  // A symbolic link named as the output must not lead the report into the glossary.
  const namedPath = path.resolve(io.cwd, output);
  const filePath = io.writtenFile?.(namedPath) ?? namedPath;
  const uri = URI.file(filePath).toString();
  // A device or a FIFO (`/dev/null`) takes the report in; a folder is refused, a file may be replaced.
  const kind = await io.workspace.stat(uri);
  if (kind === 'directory') {
    return l10n.t('{0} is a folder: --output names the file to write', output);
  }
  const exists = kind === 'file';
  const target = linkTarget(namedPath, io);
  const role = exists && (await isGlossaryFileOnDisk(filePath, command.paths, loaded, io)) ? 'file' : await glossaryRole(uri, command.paths, loaded, io);
  if (role === 'file' || (role === 'included' && exists)) {
    return target === undefined
      ? l10n.t('{0} is a file of the glossary: the report is not written over it', output)
      : l10n.t('{0} leads to {1}, a file of the glossary: the report is not written over it', output, target);
  }
  if (role === 'settings' && exists) {
    return target === undefined
      ? l10n.t('{0} holds the settings of a glossary: the report is not written over it', output)
      : l10n.t('{0} leads to {1}, which holds the settings of a glossary: the report is not written over it', output, target);
  }
  if (role === 'settings') {
    return target === undefined
      ? l10n.t('{0} would be read as the settings of a glossary: the report is not written there', output)
      : l10n.t('{0} leads to {1}, which would be read as the settings of a glossary: the report is not written there', output, target);
  }
  if (role === 'included') {
    return target === undefined
      ? l10n.t('{0} would become a file of the glossary (its include patterns take it in): the report is not written there', output)
      : l10n.t('{0} leads to {1}, which would become a file of the glossary (its include patterns take it in): the report is not written there', output, target);
  }
  if (exists && !replaceableExtensions.includes(path.extname(filePath).toLowerCase())) {
    return target === undefined
      ? l10n.t('{0} exists and is not an .html, .htm or .json file: the report replaces only such files', output)
      : l10n.t('{0} leads to {1}, which is not an .html, .htm or .json file: the report replaces only such files', output, target);
  }
  return undefined;
}

/** Where the output leads when it is itself a symbolic link (not only inside a linked folder), as a refusal names it; else undefined. */
function linkTarget(namedPath: string, io: Pick<ReportIo, 'cwd' | 'writtenFile'>): string | undefined {
  if (io.writtenFile === undefined) return undefined;
  const filePath = io.writtenFile(namedPath);
  return filePath !== path.join(io.writtenFile(path.dirname(namedPath)), path.basename(namedPath)) ? shownPath(filePath, io.cwd) : undefined;
}

/** A path as a refusal names it: relative to the working folder when inside it, else whole. */
function shownPath(filePath: string, cwd: string): string {
  const relative = path.relative(cwd, filePath);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : filePath;
}

/**
 * Whether the file at a path is one of the glossary's files under another name: a hard link, or
 * the target of an entry that is a symbolic link (the files read, the files named to be read, and
 * `.glossary.json`).
 */
async function isGlossaryFileOnDisk(filePath: string, paths: readonly string[], loaded: LoadedGlossary, io: OutputIo): Promise<boolean> {
  const identity = io.fileIdentity?.(filePath);
  if (identity === undefined) return false;
  const configFolder = (await givenFolders(paths, io)).configFolder;
  const filePaths = [
    ...[...loaded.index.documents()].map((document) => URI.parse(document.uri).fsPath),
    ...paths.map((given) => path.resolve(io.cwd, given)),
    ...(configFolder === undefined ? [] : [path.join(URI.parse(configFolder).fsPath, configFileName)]),
  ];
  return filePaths.some((candidate) => io.fileIdentity!(candidate) === identity);
}

/** The folders given, and the folders of the files given, with the folder of the `.glossary.json` of the first (as in loadGlossary). */
async function givenFolders(paths: readonly string[], io: OutputIo): Promise<{ readonly folders: readonly string[]; readonly configFolder: string | undefined }> {
  const folders: string[] = [];
  for (const given of paths) {
    const givenUri = URI.file(path.resolve(io.cwd, given));
    folders.push((await io.workspace.stat(givenUri.toString())) === 'directory' ? givenUri.toString() : Utils.dirname(givenUri).toString());
  }
  const configFile = folders[0] === undefined ? undefined : await findConfigFile(io.workspace, folders[0]);
  // Each folder also where it leads: an output named through a linked folder or without it is one file.
  const real = io.writtenFile === undefined ? [] : folders.map((folder) => URI.file(io.writtenFile!(URI.parse(folder).fsPath)).toString());
  return { folders: [...new Set([...folders, ...real])], configFolder: configFile?.folderUri };
}

/**
 * What a file would be to the glossary: one of its files (named to be read, read, its index page
 * or its `.glossary.json`), another folder's `.glossary.json` (one that would apply to its files),
 * a file its include patterns take in, or nothing.
 */
async function glossaryRole(uri: string, paths: readonly string[], loaded: LoadedGlossary, io: OutputIo): Promise<'file' | 'settings' | 'included' | undefined> {
  // The files named to be read count, also when one could not be read.
  const named = paths.some((given) => URI.file(path.resolve(io.cwd, given)).toString() === uri);
  if (named || loaded.index.document(uri) !== undefined || loaded.files.some((file) => file.uri === uri)) {
    return 'file';
  }
  const { folders, configFolder } = await givenFolders(paths, io);
  if (Utils.basename(URI.parse(uri)) === configFileName) {
    return configFolder !== undefined && Utils.joinPath(URI.parse(configFolder), configFileName).toString() === uri ? 'file' : 'settings';
  }
  if (configFolder !== undefined && indexFileUri(loaded.config, configFolder) === uri) {
    return 'file';
  }
  const filter = { include: loaded.config.include, exclude: loaded.config.exclude, baseUri: configFolder };
  return [...(configFolder === undefined ? [] : [configFolder]), ...folders].some((folder) => createFileMatcher(filter, folder).includesUri(uri)) ? 'included' : undefined;
}

/** Writes the report over whatever the file held (`outputRefusal` has said that it may). */
function writeOutputFile(output: string, text: string, io: ReportIo): string | undefined {
  const filePath = path.resolve(io.cwd, output);
  if (io.writeFile === undefined) {
    return l10n.t('files cannot be written here');
  }
  try {
    io.writeFile(filePath, text);
  } catch (error) {
    // A symbolic link whose file is not there yet is written through: where its folder is missing, that is the folder to name.
    const target = (error as NodeJS.ErrnoException).code === 'ENOENT' ? linkTarget(filePath, io) : undefined;
    return target === undefined ? l10n.t('cannot write {0}: {1}', output, writeErrorReason(error)) : l10n.t('cannot write {0}: it leads to {1}, whose folder does not exist', output, target);
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
