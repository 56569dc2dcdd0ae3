import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import { URI, Utils } from 'vscode-uri';
import { configFileName, GlossaryConfig, resolveConfig } from '../config';
import { indexPageToRead, readGlossaryFiles } from '../index/readGlossaryFiles';
import { WorkspaceIndex } from '../index/workspaceIndex';
import { DiagnosticCode } from '../diagnostics/codes';
import { findMentionsOf } from '../mentions/unlinkedMentions';
import { parseGlossaryDocument } from '../parse/parser';
import { Workspace } from '../workspace/workspace';
import { configFileUriIn, findConfigFile, type FoundConfigFile } from '../workspace/configLookup';
import { isInFolder } from '../workspace/uris';
import { comparePaths } from '../workspace/fileFilter';

/** A file of the command line's glossary, with the path to print for it. */
export interface CliFile {
  readonly uri: string;
  /** The path as the user gave it, or the folder given joined with the file's path in it. */
  readonly displayPath: string;
}

/** The glossary named by the PATH arguments, indexed. */
export interface LoadedGlossary {
  readonly kind: 'loaded';
  readonly config: GlossaryConfig;
  readonly index: WorkspaceIndex;
  /** The parsed files, in the order of the arguments (a folder's files sorted by path). */
  readonly files: readonly CliFile[];
  /**
   * The files named as arguments that could not be read (missing by now, unreadable, binary), as
   * given; already reported through `warn`. The command still works on the rest but exits with 2.
   */
  readonly unreadableArguments: readonly string[];
  /** The files of the glossary skipped (unreadable, binary) or read with a warning (invalid UTF-8), as reported through `warn`. */
  readonly fileNotes: readonly FileNote[];
}

/** A file skipped, or read with a warning, and why. */
export interface FileNote {
  readonly displayPath: string;
  readonly message: string;
  readonly skipped: boolean;
}

/** Why the arguments cannot be used: each line a clear sentence. */
export interface LoadFailure {
  readonly kind: 'failure';
  readonly messages: readonly string[];
  /** The path of the `.glossary.json` whose mistakes the messages tell, as printed. */
  readonly settingsFile?: string;
  /** The files skipped on the way to the failure (every file named was), as reported through `warn`. */
  readonly fileNotes?: readonly FileNote[];
}

/** How the command line reaches the world. */
export interface LoadEnvironment {
  readonly cwd: string;
  readonly workspace: Workspace;
  /** Notes about skipped or suspicious files, a line each. */
  warn(message: string): void;
  /**
   * Also index the rest of the glossary that each file argument belongs to, so that its links
   * resolve as in the whole glossary (`check`); those files are indexed but not part of `files`.
   */
  readonly withGlossaryOfFiles?: boolean;
  /**
   * Also work out the unlinked mentions of every file (unless the rule is off) while its text is at
   * hand, so that the diagnostics need no second read; the texts are dropped afterwards.
   */
  readonly findMentions?: boolean;
  /** The path a path leads to, symbolic links followed (on disk, `followLinks`); without it, paths are taken as written. */
  readonly realPath?: (filePath: string) => string;
}

/**
 * Finds the configuration, expands folders to their matching files, reads and parses every file
 * once and indexes them (with `findMentions`, finds their unlinked mentions from the same read). Files that cannot be read are reported through `warn` and left out.
 * A run that reads no file at all (the folders hold no file the patterns take in, or none can be
 * read) is a failure: in CI a typo in a path or a pattern must not pass as a clean glossary.
 *
 * With `withGlossaryOfFiles`, a file argument brings its glossary along: the folder of the
 * `.glossary.json` that applies to it, or else the file's own folder, is listed with the
 * configured patterns and indexed too, quietly (its unreadable files are no concern of this run);
 * so does a folder inside the folder of the `.glossary.json`.
 */
export async function loadGlossary(paths: readonly string[], environment: LoadEnvironment): Promise<LoadedGlossary | LoadFailure> {
  const { workspace } = environment;
  const targets: { readonly given: string; readonly uri: string; readonly kind: 'file' | 'directory' }[] = [];
  const unusable: string[] = [];
  // A file or folder named twice, under the same name or through a symbolic link to a folder, is
  // read once: read twice, every id in it would be reported as a duplicate. (A link to a file is a
  // file of its own, as it is to pandoc given `*.md`.)
  const realFolders = new Map<string, string>();
  const realFolder = (folder: string): string => {
    let real = realFolders.get(folder);
    if (real === undefined) {
      real = environment.realPath?.(folder) ?? folder;
      realFolders.set(folder, real);
    }
    return real;
  };
  const realPathOf = (uri: string): string => {
    const fsPath = URI.parse(uri).fsPath;
    return path.join(realFolder(path.dirname(fsPath)), path.basename(fsPath));
  };
  const namedFolders = new Set<string>();
  for (const given of paths) {
    const uri = URI.file(path.resolve(environment.cwd, given)).toString();
    const kind = await workspace.stat(uri);
    if (kind === 'directory') {
      const real = realFolder(URI.parse(uri).fsPath);
      if (namedFolders.has(real)) continue;
      namedFolders.add(real);
    }
    if (kind === undefined) {
      unusable.push(l10n.t('no such file or folder: {0}', given));
    } else if (kind === 'file' && writtenAsFolder(given)) {
      unusable.push(l10n.t('a file, not a folder: {0}', given));
    } else if (kind === 'other') {
      unusable.push(l10n.t('neither a file nor a folder: {0}', given));
    } else if (kind === 'linkLoop') {
      unusable.push(l10n.t('a loop of symbolic links, leading to no file or folder: {0}', given));
    } else if (kind === 'danglingLink') {
      unusable.push(l10n.t('a symbolic link to a file or folder that does not exist: {0}', given));
    } else {
      targets.push({ given, uri, kind });
    }
  }
  if (unusable.length > 0) {
    return { kind: 'failure', messages: unusable };
  }

  // The settings file is named by its path from where the command runs (it may lie folders above),
  // or by its whole path where the PATH was written so, as the files below it are.
  const configFileOf = (target: (typeof targets)[number]): Promise<FoundConfigFile> =>
    findConfigFile(workspace, target.kind === 'directory' ? target.uri : Utils.dirname(URI.parse(target.uri)).toString(), (uri) => {
      const fsPath = URI.parse(uri).fsPath;
      return path.isAbsolute(target.given) ? fsPath : path.relative(environment.cwd, fsPath) || configFileName;
    });
  const configFile = await configFileOf(targets[0]!);
  const { config, problems } = resolveConfig(configFile.json, undefined, configFile.fileName);
  if (configFile.problems.length + problems.length > 0) {
    return { kind: 'failure', messages: [...configFile.problems, ...problems, notCheckedMessage()], settingsFile: configFile.fileName };
  }
  // One run checks one glossary: a path under other settings would be judged by the first path's.
  // (The same settings may be reached through a linked folder: a working folder entered through
  // one, `$PWD`, names it so, while relative paths start where it leads.)
  const realFolderUri = (uri: string | undefined) => uri && realFolder(URI.parse(uri).fsPath);
  for (const target of targets.slice(1)) {
    const other = await configFileOf(target);
    if (realFolderUri(other.folderUri) !== realFolderUri(configFile.folderUri)) {
      const settingsOf = (found: FoundConfigFile): string => (found.folderUri === undefined ? l10n.t('no {0}', configFileName) : found.fileName);
      return {
        kind: 'failure',
        messages: [l10n.t('{0} and {1} belong to different glossaries (settings: {2}; {3}): check each glossary on its own.', targets[0]!.given, target.given, settingsOf(configFile), settingsOf(other))],
      };
    }
  }

  const files: CliFile[] = [];
  // What was skipped or read with a warning, also told in a SARIF log's notifications.
  const fileNotes: FileNote[] = [];
  const seen = new Set<string>();
  const seenRealPaths = new Set<string>();
  // The folder given that listed each file read from a listing.
  const listedBy = new Map<string, string>();
  /** Adds a file not read yet at `at` (else at the end); whether it was added. */
  const add = (file: CliFile, at = files.length): boolean => {
    const realPath = realPathOf(file.uri);
    if (seen.has(file.uri) || seenRealPaths.has(realPath)) return false;
    seen.add(file.uri);
    seenRealPaths.add(realPath);
    files.splice(at, 0, file);
    return true;
  };
  for (const target of targets) {
    if (target.kind === 'file') {
      add({ uri: target.uri, displayPath: target.given });
      continue;
    }
    const listing = await workspace.listFiles(target.uri, {
      include: config.include,
      exclude: config.exclude,
      baseUri: configFile.folderUri,
    });
    for (const problem of listing.problems) {
      const displayPath = displayPathIn(target.given, target.uri, problem.uri);
      environment.warn(`${displayPath}: ${problem.message}`);
      fileNotes.push({ displayPath, message: problem.message, skipped: true });
    }
    for (const uri of listing.uris) {
      if (add({ uri, displayPath: displayPathIn(target.given, target.uri, uri) })) listedBy.set(uri, target.uri);
    }
    // One run checks one glossary, with the settings of the first path: a glossary of its own
    // further down (its `.glossary.json`) would be judged silently by these.
    for (const folder of listing.folders) {
      const nested = configFileUriIn(folder);
      if (folder !== configFile.folderUri && (await workspace.stat(nested)) === 'file') {
        const displayPath = displayPathIn(target.given, target.uri, nested);
        const settings = configFile.folderUri === undefined ? l10n.t('the default settings') : configFile.fileName;
        const message = l10n.t('{0} is not used: the files below it are checked with {1}; check its folder on its own', displayPath, settings);
        environment.warn(message);
        // Among the notes too, which a SARIF log's notifications and the JSON output carry.
        fileNotes.push({ displayPath, message, skipped: true });
      }
    }
  }

  const contextUris: string[] = [];
  // The configured index page is read even when the include patterns leave it out: reported when
  // it lies in a folder given, else read for `check` so that entries are judged against it.
  const indexPage = await indexPageToRead(workspace, config, configFile.folderUri, seen);
  if (indexPage.problems.length > 0) {
    return { kind: 'failure', messages: [...indexPage.problems.map((problem) => `${configFile.fileName}: ${problem}`), notCheckedMessage()], settingsFile: configFile.fileName };
  }
  const indexPageUri = indexPage.uri;
  if (indexPage.unlistedUri !== undefined) {
    const unlistedUri = indexPage.unlistedUri;
    const folder = targets.find((target) => target.kind === 'directory' && isInFolder(unlistedUri, target.uri));
    if (folder !== undefined) {
      // In its place among the folder's files, which are sorted by path.
      const pathOf = (uri: string): string => URI.parse(uri).path;
      const listed = files.flatMap((file, at) => (listedBy.get(file.uri) === folder.uri ? [at] : []));
      const at = listed.find((each) => comparePaths(pathOf(files[each]!.uri), pathOf(unlistedUri)) > 0) ?? (listed.at(-1) ?? files.length - 1) + 1;
      add({ uri: unlistedUri, displayPath: displayPathIn(folder.given, folder.uri, unlistedUri) }, at);
    } else if (environment.withGlossaryOfFiles) {
      seen.add(unlistedUri);
      contextUris.push(unlistedUri);
    }
  }
  if (files.length === 0) {
    return { kind: 'failure', messages: [noFilesFoundMessage(paths, config)] };
  }
  // Each folder given must hold a file of the glossary, also when another path does (perhaps
  // through a linked folder, as which the file was read).
  const emptyFolders = targets.filter((target) => {
    if (target.kind !== 'directory') return false;
    const folder = URI.file(realFolder(URI.parse(target.uri).fsPath)).toString();
    return !files.some((file) => isInFolder(file.uri, target.uri) || isInFolder(URI.file(realPathOf(file.uri)).toString(), folder));
  });
  if (emptyFolders.length > 0) {
    return { kind: 'failure', messages: emptyFolders.map((folder) => noFilesFoundMessage([folder.given], config)) };
  }
  const displayPathOf = new Map(files.map((file) => [file.uri, file.displayPath]));
  if (environment.withGlossaryOfFiles) {
    // A folder inside the folder of the `.glossary.json` brings that glossary along too.
    const roots = new Set(
      targets.filter((target) => target.kind === 'file' || configFile.folderUri !== undefined).map((target) => configFile.folderUri ?? Utils.dirname(URI.parse(target.uri)).toString()),
    );
    for (const root of roots) {
      if (targets.some((target) => target.kind === 'directory' && target.uri === root)) continue;
      const listing = await workspace.listFiles(root, { include: config.include, exclude: config.exclude, baseUri: configFile.folderUri });
      for (const uri of listing.uris) {
        const realPath = realPathOf(uri);
        if (!seen.has(uri) && !seenRealPaths.has(realPath)) {
          seen.add(uri);
          seenRealPaths.add(realPath);
          contextUris.push(uri);
        }
      }
    }
  }
  const parseOptions = { termClass: config.termClass };
  const withMentions = environment.findMentions === true && config.severity[DiagnosticCode.UnlinkedMention] !== 'off';
  const read = await readGlossaryFiles(workspace, [...files.map((file) => file.uri), ...contextUris], (text, uri) => ({
    document: parseGlossaryDocument(text, uri, 0, parseOptions),
    text: withMentions ? text : undefined,
  }));
  const skipped = new Set(read.skipped.map((problem) => problem.uri));
  // In the order of the files, as their findings are.
  const placeOf = new Map(files.map((file, at) => [file.uri, at]));
  for (const problem of [...read.skipped, ...read.warnings].sort((a, b) => (placeOf.get(a.uri) ?? 0) - (placeOf.get(b.uri) ?? 0))) {
    const displayPath = displayPathOf.get(problem.uri);
    if (displayPath !== undefined) {
      environment.warn(`${displayPath}: ${problem.message}`);
      fileNotes.push({ displayPath, message: problem.message, skipped: skipped.has(problem.uri) });
    }
  }
  const readFiles = files.filter((file) => !skipped.has(file.uri));
  if (readFiles.length === 0) {
    return { kind: 'failure', messages: [l10n.t('no glossary file could be read from {0}', paths.join(', '))], fileNotes };
  }
  const index = new WorkspaceIndex();
  index.useIndexPage(indexPageUri);
  for (const { document } of read.documents) {
    index.update(document);
  }
  await findMentionsOf(index, read.documents);
  const unreadableArguments = targets.filter((target) => target.kind === 'file' && skipped.has(target.uri)).map((target) => target.given);
  return { kind: 'loaded', config, index, files: readFiles, unreadableArguments, fileNotes };
}

/** Whether a path names a folder whatever it leads to (`de/`, `de/.`), as the shell's tools take it: a file's is then refused. */
function writtenAsFolder(given: string): boolean {
  return /\/\.?$/.test(given) || (path.sep === '\\' && /\\\.?$/.test(given));
}

/** Why nothing was found in the folders given: the patterns that took in no file. */
function noFilesFoundMessage(paths: readonly string[], config: GlossaryConfig): string {
  const given = paths.join(', ');
  const include = config.include.join(', ');
  return config.exclude.length === 0
    ? l10n.t('no glossary files found in {0}: no file there matches the include patterns ({1})', given, include)
    : l10n.t('no glossary files found in {0}: no file there matches the include patterns ({1}) and not the exclude patterns ({2})', given, include, config.exclude.join(', '));
}

function displayPathIn(givenFolder: string, folderUri: string, uri: string): string {
  return path.join(givenFolder, path.posix.relative(URI.parse(folderUri).path, URI.parse(uri).path));
}

/** The editor reads the glossary without a wrong setting; the command line checks nothing, so that CI fails. */
function notCheckedMessage(): string {
  return l10n.t('the glossary was not read: correct the configuration first');
}
