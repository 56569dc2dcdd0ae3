import * as l10n from '@vscode/l10n';
import { URI, Utils } from 'vscode-uri';
import type { CancellationToken } from 'vscode-languageserver';
import { configFileUriIn, findConfigFile, FoundConfigFile } from '../workspace/configLookup';
import { reportedBrokenLinkCount } from '../diagnostics/linkChecks';
import { configFileName, defaultConfig, entriesFolderUri, GlossaryConfig, resolveConfig, ResolvedConfig } from '../config';
import { computeDiagnostics } from '../diagnostics/computeDiagnostics';
import { GlossaryDiagnostic } from '../diagnostics/diagnostic';
import { newEntryUri, titleProblem } from '../features/newEntry';
import { holdsIndexSections, indexPageToRead, readGlossaryFiles, ReadFilesResult } from '../index/readGlossaryFiles';
import { affectedNow, IndexChange, WorkspaceIndex } from '../index/workspaceIndex';
import { DiagnosticCode } from '../diagnostics/codes';
import { findMentionsOf, mentionsAreCurrent, reworkMentions, unlinkedMentions } from '../mentions/unlinkedMentions';
import { GlossaryDocument, Position } from '../parse/model';
import { textFingerprint } from '../parse/fingerprint';
import { parseGlossaryDocument } from '../parse/parser';
import { MissingEntry, ProposedEntry } from '../protocol';
import { missingEntries } from '../features/missingEntries';
import { createFileMatcher, FileMatcher, literalPattern } from '../workspace/fileFilter';
import { FileProblem, FolderLink, Workspace } from '../workspace/workspace';
import { caseFoldedUri, fileNameOf, folderOf, folderOfMost, folderPrefix, isInFolder } from '../workspace/uris';
import { TimeSlices } from '../timeSlices';
import { newEntryProblem } from '../index/idRules';
import { copyNamedAfter, holdsEveryLineOf, newEntryIdFor } from '../index/entryQueries';
import { newIndexPageName } from '../index/indexPage';
import { seeAlsoCollator } from '../diagnostics/seeAlsoChecks';

/**
 * The version of a closed file's model: none an editor sends (Emacs starts at 0), so that a model
 * read from disk is never taken for the text of an open document.
 */
const closedFileVersion = -1;

/** The text of a document open in the editor. */
export interface OpenText {
  readonly uri: string;
  readonly version: number;
  readonly text: string;
}

/** A mistake in the settings, and what the glossary does until it is corrected. */
export interface ConfigProblem {
  readonly message: string;
  /** Read without the settings file (not JSON, not readable), without the setting, or as the message says. */
  readonly meanwhile: 'withoutFile' | 'withoutSetting' | undefined;
  /** The settings file that holds the mistake, and its place there (0-based) when known; none for the editor's settings. */
  readonly file: { readonly uri: string; readonly at: Position | undefined } | undefined;
}

/** What a (re)load found wrong: settings problems and files left out. */
export interface LoadReport {
  readonly configProblems: readonly ConfigProblem[];
  readonly fileProblems: readonly FileProblem[];
}

/**
 * The problems of a load's settings: the settings file's own (not JSON, a key twice) at their place
 * in it, its settings' (in it too), the editor's settings', and the index page's (in the file where
 * it names the page).
 */
function configProblemsOf(configFile: FoundConfigFile | undefined, configUri: string | undefined, resolved: ResolvedConfig, indexPageProblems: readonly string[]): ConfigProblem[] {
  const at = configFile?.problemAt && { line: configFile.problemAt.line - 1, character: configFile.problemAt.column - 1 };
  const unread = configFile?.json === undefined;
  const inFile = (yes: boolean): ConfigProblem['file'] => (yes && configUri !== undefined ? { uri: configUri, at: undefined } : undefined);
  const editorProblems = resolved.problems.slice(0, resolved.problems.length - resolved.fileProblems.length);
  const namesIndexPage = typeof configFile?.json === 'object' && configFile.json !== null && 'indexFile' in configFile.json;
  return [
    ...(configFile?.problems ?? []).map((message, k): ConfigProblem => ({ message, meanwhile: unread ? 'withoutFile' : undefined, file: configUri === undefined ? undefined : { uri: configUri, at: k === 0 ? at : undefined } })),
    ...editorProblems.map((message): ConfigProblem => ({ message, meanwhile: 'withoutSetting', file: undefined })),
    ...resolved.fileProblems.map((message): ConfigProblem => ({ message, meanwhile: 'withoutSetting', file: inFile(true) })),
    ...indexPageProblems.map((message): ConfigProblem => ({ message, meanwhile: 'withoutSetting', file: inFile(namesIndexPage) })),
  ];
}

/** Which files of one workspace folder belong to the glossary. */
interface GlossaryRoot {
  readonly folderUri: string;
  readonly matcher: FileMatcher;
}

/**
 * The language server's state, independent of the protocol: the configuration, the index of every
 * glossary file (closed files only as parsed models), and which documents the editor has open.
 * Open documents are parsed once per version from the editor's text; closed ones from disk.
 */
export class GlossarySession {
  private currentIndex = new WorkspaceIndex();
  private currentConfig: GlossaryConfig = defaultConfig;
  private roots: readonly GlossaryRoot[] = [];
  /** The index page read whether or not the include patterns match it: the configured one, or the `.txt` page found beside the entries. */
  private pageOutsidePatterns: string | undefined;
  /** Without `indexFile`, the folder a `.txt` index page is looked for in (see `indexPageChanged`). */
  private indexPageFolder: string | undefined;
  /** Without a configured index page on disk, the folder that held the most of the glossary's files when it was read (see `indexPageFolderMoved`). */
  private folderOfMostFiles: string | undefined;
  /** The `indexFile` set but not on disk when the glossary was read (see `indexPageChanged`). */
  private missingIndexFile: string | undefined;
  /** The `indexFile` set and on disk when the glossary was read. */
  private configuredIndexFile: string | undefined;
  /** The `.glossary.json` the configuration was read from, if any. */
  private configUri: string | undefined;
  /** Where the paths of the settings start: the folder of `.glossary.json`, else the first workspace folder. */
  private settingsFolderUri: string | undefined;
  /** The folders listed for glossary files, with such files in them or not (see `foldersOnDisk`). */
  private listedFolders = new Set<string>();
  /**
   * The symbolic links to folders met while listing (`aktuell` linking to `de`), in order, with
   * their real paths spelt as the workspace folders are: a file below one belongs to the glossary
   * under the first of its names the patterns take in (see `FolderLink`), so that an event or an
   * opened document naming it otherwise brings no second copy.
   */
  private folderLinks: FolderLink[] = [];
  /** The workspace folders opened through a symbolic link, with their real paths. */
  private linkedRoots: FolderLink[] = [];
  /**
   * Open documents and the version and text their model was parsed from. The text counts too: an
   * editor that repeats a version number (the protocol forbids it) still changed the text.
   */
  private readonly openVersions = new Map<string, OpenText>();
  /**
   * Open documents whose file is gone from disk: deleted, or renamed by an undo, while the editor
   * still shows them (VS Code keeps such a document open, and tells of no close, for as long as
   * its undo history holds it). They are not part of the glossary until their file is written again.
   */
  private readonly openWithoutFile = new Set<string>();
  /** The terms version the unlinked mentions were last worked out for (see `refreshMentions`). */
  private mentionsTermsVersion = -1;

  constructor(
    private readonly workspace: Workspace,
    private readonly folderUris: readonly string[],
  ) {}

  get index(): WorkspaceIndex {
    return this.currentIndex;
  }

  get config(): GlossaryConfig {
    return this.currentConfig;
  }

  /**
   * Resolves the configuration and indexes every glossary file of the workspace folders anew,
   * each read and parsed once; open documents are parsed from the editor's text instead (asked
   * for again, when given as a function, as the new index takes over: the writer may have typed,
   * opened or closed documents while the files were read). `onFirstEntry` is called once, as soon
   * as a file read holds an entry (the folder is a glossary), with the entries and files read so far.
   */
  async load(
    editorSettings: unknown,
    openTexts: readonly OpenText[] | (() => readonly OpenText[]),
    onFirstEntry?: (readSoFar: { readonly entryCount: number; readonly fileCount: number }) => void,
  ): Promise<LoadReport> {
    const currentOpenTexts = typeof openTexts === 'function' ? openTexts : () => openTexts;
    const openAtStart = new Set(currentOpenTexts().map((open) => open.uri));
    const first = this.folderUris[0];
    const configFile = await this.findConfigFile();
    const resolved = resolveConfig(configFile?.json, editorSettings);
    const config = resolved.config;
    const filter = { include: config.include, exclude: config.exclude, baseUri: configFile?.folderUri };
    const roots = this.folderUris.map((folderUri) => ({ folderUri, matcher: createFileMatcher(filter, folderUri) }));
    const fileProblems: FileProblem[] = [];
    const uris: string[] = [];
    const listedFolders = new Set<string>();
    const folderLinks: FolderLink[] = [];
    const linkedRoots: FolderLink[] = [];
    for (const folderUri of this.folderUris) {
      const realUri = (await this.workspace.realPath?.(folderUri)) ?? folderUri;
      if (realUri !== folderUri) linkedRoots.push({ uri: folderUri, realUri });
    }
    for (const folderUri of this.folderUris) {
      const listing = await this.workspace.listFiles(folderUri, filter);
      appendAll(fileProblems, listing.problems);
      appendAll(uris, listing.uris);
      listing.folders.forEach((folder) => listedFolders.add(folder));
      listing.links.forEach((link) => folderLinks.push({ uri: link.uri, realUri: workspaceSpelling(link.realUri, linkedRoots) }));
    }
    // A workspace folder's link may lead into another one, whose own listing has the file too.
    if (folderLinks.length > 0 && this.folderUris.length > 1) {
      const takenIn = (uri: string): boolean => roots.some((root) => root.matcher.includesUri(uri));
      uris.splice(0, uris.length, ...uris.filter((uri) => isFirstNameTakenIn(uri, folderLinks, takenIn)));
    }
    const indexPage = await indexPageToRead(this.workspace, config, configFile?.folderUri ?? first, new Set(uris));
    if (indexPage.unlistedUri !== undefined) {
      uris.push(indexPage.unlistedUri);
    }
    // The lexicon needs every title: the texts are held until the mention pass below has read them (none when closed files are not scanned).
    const withMentions = scansClosedFiles(config);
    const soFar = { entryCount: 0, fileCount: 0 };
    const readAndParse = (toRead: readonly string[]): Promise<ReadFilesResult<{ document: GlossaryDocument; text: string | undefined }>> =>
      readGlossaryFiles(this.workspace, toRead, (text, uri) => {
        const document = this.parse(text, uri, closedFileVersion, config);
        soFar.fileCount++;
        if (soFar.entryCount === 0 && document.entries.length > 0) onFirstEntry?.({ ...soFar, entryCount: document.entries.length });
        soFar.entryCount += document.entries.length;
        return { document, text: withMentions ? text : undefined };
      });
    const read = await readAndParse(uris.filter((uri) => !openAtStart.has(uri)));
    const documents = [...read.documents];
    const readProblems = [...read.skipped, ...read.warnings];
    // Until the new index serves, edits go to the old one; so the open documents that are not on
    // disk, and the files closed while the others were read, are asked for until nothing changes
    // between the last question and the switch (which awaits nothing).
    const listed = new Set(uris);
    const missing = new Set<string>();
    const asked = new Set<string>();
    const readSince = new Set<string>();
    for (;;) {
      for (const open of currentOpenTexts()) {
        if (listed.has(open.uri) || asked.has(open.uri)) continue;
        asked.add(open.uri);
        if (!(await this.isOnDisk(open.uri))) missing.add(open.uri);
      }
      const stillOpen = new Set(currentOpenTexts().map((open) => open.uri));
      const closed = uris.filter((uri) => openAtStart.has(uri) && !stillOpen.has(uri) && !readSince.has(uri));
      if (closed.length === 0) break;
      closed.forEach((uri) => readSince.add(uri));
      const reread = await readAndParse(closed);
      appendAll(documents, reread.documents);
      appendAll(readProblems, reread.skipped);
      appendAll(readProblems, reread.warnings);
    }
    const index = new WorkspaceIndex();
    // Only a configured page is the index page whatever it holds; one found is while it has .index sections.
    index.useIndexPage(indexPage.uri);
    for (const { document } of documents) {
      index.update(document);
    }
    this.currentConfig = config;
    this.roots = roots;
    this.listedFolders = listedFolders;
    this.folderLinks = folderLinks;
    this.linkedRoots = linkedRoots;
    this.pageOutsidePatterns = indexPage.uri ?? indexPage.unlistedUri;
    this.indexPageFolder = indexPage.searchedFolder;
    this.missingIndexFile = indexPage.missingUri;
    this.configuredIndexFile = indexPage.uri;
    this.configUri = configFile?.folderUri === undefined ? undefined : configFileUriIn(configFile.folderUri);
    this.settingsFolderUri = configFile?.folderUri ?? first;
    this.currentIndex = index;
    this.folderOfMostFiles = this.currentFolderOfMostFiles();
    this.openVersions.clear();
    this.openWithoutFile.clear();
    for (const open of currentOpenTexts()) {
      if (missing.has(open.uri) && this.isGlossaryFile(open.uri)) {
        this.openVersions.set(open.uri, open);
        this.openWithoutFile.add(open.uri);
      } else {
        this.updateOpen(open);
      }
    }
    // Noted before the pass: a term that edits bring meanwhile leaves the mentions outdated, to be looked for again.
    this.mentionsTermsVersion = index.termsVersion;
    if (withMentions) {
      await findMentionsOf(index, documents, (open) => this.openVersions.get(open.uri)?.text);
    }
    return { configProblems: configProblemsOf(configFile, this.configUri, resolved, indexPage.problems), fileProblems: [...fileProblems, ...readProblems] };
  }

  /**
   * Whether a file belongs to the glossary: the configured index page, or inside a workspace folder
   * and matched by the patterns, under the first of its names they take in (see `folderLinks`).
   */
  isGlossaryFile(uri: string): boolean {
    if (uri === this.pageOutsidePatterns) return true;
    const takenIn = (candidate: string): boolean => this.roots.some((root) => root.matcher.includesUri(candidate));
    return takenIn(uri) && (this.folderLinks.length === 0 || isFirstNameTakenIn(uri, this.folderLinks, takenIn));
  }

  /** Whether the files of a folder may belong to the glossary: it lies in a workspace folder and is not left out (`node_modules`, `.git`, an exclude pattern). */
  isGlossaryFolder(uri: string): boolean {
    const root = this.rootOf(uri);
    return root !== undefined && !root.matcher.skipsFolder(root.matcher.relativePath(uri)!);
  }

  /** The workspace folder a file or folder lies in. */
  private rootOf(uri: string): GlossaryRoot | undefined {
    return this.roots.find((candidate) => candidate.matcher.relativePath(uri) !== undefined);
  }

  /**
   * The folders on disk in which a file made, changed or deleted may concern the glossary: those
   * listed for its files (with files in them or not yet), and those of its files, of its
   * configuration file and of the index page it names, for a server that watches the disk itself.
   */
  foldersOnDisk(): Set<string> {
    const folders = new Set(this.listedFolders);
    for (const document of this.currentIndex.documents()) folders.add(folderOf(document.uri));
    const configUri = this.configFileUri();
    if (configUri !== undefined) folders.add(folderOf(configUri));
    // The index page named in the settings, made or deleted there, wherever the include patterns reach.
    for (const page of [this.configuredIndexFile, this.missingIndexFile]) if (page !== undefined) folders.add(folderOf(page));
    return folders;
  }

  /**
   * Whether a file made, changed or deleted on disk changes which page is the index page, so that
   * the glossary is to be read again: without `indexFile`, a `.txt` page beside the entries that now
   * holds `.index` sections, or the page found so deleted or holding none any more (another may be
   * it now); the `indexFile` that did not exist, made, or the one that did, deleted. Another page
   * saved there (the title page) is no reason to read the glossary again.
   */
  async indexPageChanged(uri: string, deleted: boolean): Promise<boolean> {
    // Made itself, or in a folder made (a folder moved in is reported alone).
    if (this.missingIndexFile !== undefined && (uri === this.missingIndexFile || isInFolder(this.missingIndexFile, uri))) return !deleted;
    // Deleted, itself or with its folder: the page is looked for as without the setting.
    if (deleted && this.configuredIndexFile !== undefined && (uri === this.configuredIndexFile || isInFolder(this.configuredIndexFile, uri))) return true;
    // Read without a file of its own, the glossary had no folder to look for the page in: its first file gives one.
    if (!deleted && this.indexPageFolder === undefined && this.configuredIndexFile === undefined && this.isGlossaryFile(uri)) return true;
    const besideEntries = this.indexPageFolder !== undefined && uri.endsWith('.txt') && folderOf(uri) === this.indexPageFolder;
    if (!besideEntries) return false;
    if (uri === this.pageOutsidePatterns) return deleted || !(await holdsIndexSections(this.workspace, uri));
    return !deleted && !this.isGlossaryFile(uri) && (await holdsIndexSections(this.workspace, uri));
  }

  /**
   * Whether the folder that holds the most of the glossary's files is another than when it was
   * read: a folder renamed, moved, deleted or restored, or another one now holding more. Without a
   * configured index page on disk, the page is looked for there (beside the entries), so the
   * glossary is then read again.
   */
  indexPageFolderMoved(): boolean {
    return this.configuredIndexFile === undefined && this.currentFolderOfMostFiles() !== this.folderOfMostFiles;
  }

  private currentFolderOfMostFiles(): string | undefined {
    const files = [...this.currentIndex.documents()].filter((document) => document.uri !== this.pageOutsidePatterns);
    return folderOfMost(files.map((document) => [document.uri, 1] as const));
  }

  /**
   * Glob patterns for a file watcher that sees every file of the glossary: the last segment of each
   * include pattern (`*.md` of `docs/*.md`) and the index page's name, in any folder. They may see
   * more files, which `isGlossaryFile` then passes over.
   */
  watchedFilePatterns(): string[] {
    const names = this.currentConfig.include.flatMap(lastSegments);
    // A name with the characters of a pattern (`[`, `{`, `*`, `?`) is watched by its extension.
    const patternOf = (uri: string): string => {
      const name = Utils.basename(URI.parse(uri));
      return /[[\]{}*?]/.test(name) ? `*${Utils.extname(URI.parse(uri)).replace(/[[\]{}*?]/g, '')}` : name;
    };
    if (this.pageOutsidePatterns !== undefined) names.push(patternOf(this.pageOutsidePatterns));
    // The `indexFile` set, made later.
    if (this.missingIndexFile !== undefined) names.push(patternOf(this.missingIndexFile));
    if (this.indexPageFolder !== undefined) {
      // An index page made beside the entries later (see `indexPageChanged`).
      names.push('*.txt');
    }
    return [...new Set(names.map((name) => (name === '**' ? '**/*' : `**/${name}`)))].sort();
  }

  /** Whether the last load read a `.glossary.json`. */
  hasConfigFile(): boolean {
    return this.configUri !== undefined;
  }

  /**
   * Whether the workspace is a glossary: it holds an entry or a `.glossary.json`. Elsewhere (a
   * project's README and notes, opened with the extension installed) the editor reports nothing:
   * their links may be written for other heading ids than pandoc's (GitHub's `#1-setup` for
   * `## 1. Setup`), and VS Code's own Markdown support serves them.
   */
  isGlossary(): boolean {
    return this.currentIndex.hasEntries() || this.hasConfigFile();
  }

  /**
   * The `.glossary.json` of the first workspace folder that has one (in it or above it): in a
   * workspace of several folders, the glossary need not be the first.
   */
  private async findConfigFile(): Promise<FoundConfigFile | undefined> {
    for (const folderUri of this.folderUris) {
      const found = await findConfigFile(this.workspace, folderUri);
      if (found.folderUri !== undefined) return found;
    }
    return undefined;
  }

  /** The `.glossary.json` of the glossary: the one read, else where one would be (in the first workspace folder); undefined without a folder. */
  configFileUri(): string | undefined {
    const first = this.folderUris[0];
    return this.configUri ?? (first === undefined ? undefined : configFileUriIn(first));
  }

  /**
   * The folder whose paths the patterns of `.glossary.json` name in every workspace folder: its
   * own, when it holds them all; undefined when it does not (the patterns name paths in a folder
   * outside it, see `createFileMatcher`) or there is no workspace folder.
   */
  patternsFolderUri(): string | undefined {
    const configUri = this.configFileUri();
    const base = configUri && folderOf(configUri);
    return base !== undefined && this.folderUris.every((folder) => folder === base || isInFolder(folder, base)) ? base : undefined;
  }

  /**
   * Whether a changed file may be the glossary's `.glossary.json`, which calls for a reload: one in
   * a workspace folder or above it, where the settings are looked up (one in a subfolder, such as
   * a test fixture's, configures nothing).
   */
  isConfigFile(uri: string): boolean {
    if (Utils.basename(URI.parse(uri)) !== configFileName) return false;
    return this.folderUris.some((folderUri) => isInFolder(folderPrefix(folderUri), folderOf(uri)));
  }

  /** Re-parses an open document unless this version of its text is already indexed. */
  updateOpen(open: OpenText): IndexChange | undefined {
    const indexed = this.openVersions.get(open.uri);
    if (!this.isGlossaryFile(open.uri) || (indexed?.version === open.version && indexed.text === open.text)) {
      return undefined;
    }
    this.openVersions.set(open.uri, open);
    return this.openWithoutFile.has(open.uri) ? undefined : this.indexOpenText(open);
  }

  private indexOpenText(open: OpenText): IndexChange {
    return this.currentIndex.update(this.parse(open.text, open.uri, open.version, this.currentConfig));
  }

  /**
   * A document just opened whose file is not on disk (a new file the editor has not saved yet, or
   * one deleted before) is not part of the glossary until it is saved.
   */
  async checkOpenedFile(uri: string): Promise<IndexChange | undefined> {
    if (!this.openVersions.has(uri) || this.openWithoutFile.has(uri)) {
      return undefined;
    }
    // Closed while the disk was asked: nothing to leave out.
    if ((await this.isOnDisk(uri)) || !this.openVersions.has(uri)) {
      return undefined;
    }
    return this.leaveOut(uri);
  }

  /** Leaves an open document out of the glossary until its file is written again. */
  private leaveOut(uri: string): IndexChange | undefined {
    this.openWithoutFile.add(uri);
    return this.currentIndex.document(uri) === undefined ? undefined : this.currentIndex.remove(uri);
  }

  private async isOnDisk(uri: string): Promise<boolean> {
    return (await this.workspace.stat(uri)) === 'file';
  }

  /**
   * Whether a file is on disk under this very name. On Windows and macOS `llm.md` is found while
   * only `LLM.md` is there, after a rename that changed the case alone; the folder's listing tells.
   */
  private async isOnDiskAsNamed(uri: string): Promise<boolean> {
    if (!(await this.isOnDisk(uri))) return false;
    const listing = await this.workspace.listFiles(folderOf(uri), { include: [literalPattern(Utils.basename(URI.parse(uri)))], exclude: [] });
    const named = URI.parse(uri).toString();
    return listing.uris.some((listed) => URI.parse(listed).toString() === named);
  }

  /**
   * A document was closed: what is on disk counts again; nothing, when its file is gone or is
   * there only under a name that differs in case (renamed so while open: `isOnDiskAsNamed`).
   */
  async closeOpen(uri: string): Promise<IndexChange | undefined> {
    this.openWithoutFile.delete(uri);
    if (!this.openVersions.delete(uri)) {
      return undefined;
    }
    if (!(await this.isOnDiskAsNamed(uri))) {
      // Opened again meanwhile: the editor's text counts.
      return this.currentIndex.document(uri) !== undefined && !this.openVersions.has(uri) ? this.currentIndex.remove(uri) : undefined;
    }
    return this.refreshFromDisk(uri);
  }

  /**
   * A file was created or changed on disk; an open document keeps the editor's text, which counts
   * again when the file of a document open without one is written (saved, or renamed back).
   */
  async refreshFromDisk(uri: string): Promise<IndexChange | undefined> {
    if (this.openWithoutFile.has(uri)) {
      // The editor's text as it is after the disk was asked: an edit may have come meanwhile.
      if (!(await this.isOnDisk(uri)) || !this.openWithoutFile.delete(uri)) {
        return undefined;
      }
      const open = this.openVersions.get(uri);
      return open && this.indexOpenText(open);
    }
    if (this.openVersions.has(uri) || !this.isGlossaryFile(uri)) {
      return undefined;
    }
    const read = await this.workspace.readFile(uri);
    // Opened while its file was read: the editor's text counts.
    if (this.openVersions.has(uri)) {
      return undefined;
    }
    if (read.kind === 'failure') {
      return this.currentIndex.document(uri) ? this.currentIndex.remove(uri) : undefined;
    }
    return this.indexClosedText(uri, read.text);
  }

  /** A file's text on disk, or undefined when it cannot be read. */
  async readText(uri: string): Promise<string | undefined> {
    const read = await this.workspace.readFile(uri);
    return read.kind === 'text' ? read.text : undefined;
  }

  /**
   * A file was deleted on disk: it leaves the glossary, also when the editor still shows it (until
   * it is saved again). A file that is on disk again by now (saved at once, as some editors save)
   * stays.
   */
  async removeFile(uri: string): Promise<IndexChange | undefined> {
    if (this.currentIndex.document(uri) === undefined || (await this.isOnDiskAsNamed(uri))) {
      return undefined;
    }
    return this.openVersions.has(uri) ? this.leaveOut(uri) : this.currentIndex.document(uri) && this.currentIndex.remove(uri);
  }

  /**
   * A folder deleted on disk, or renamed (editors report a folder, not the files in it): its files
   * leave the index, those of open documents too (see `removeFile`).
   */
  async removeFolder(uri: string): Promise<{ readonly uri: string; readonly change: IndexChange }[]> {
    for (const folder of this.listedFolders) if (folder === uri || isInFolder(folder, uri)) this.listedFolders.delete(folder);
    this.folderLinks = this.folderLinks.filter((link) => link.uri !== uri && !isInFolder(link.uri, uri));
    const inside = [...this.currentIndex.documents()].map((document) => document.uri).filter((other) => isInFolder(other, uri));
    const removed: { readonly uri: string; readonly change: IndexChange }[] = [];
    for (const other of inside) {
      const change = await this.removeFile(other);
      if (change !== undefined) removed.push({ uri: other, change: affectedNow(change) });
    }
    return removed;
  }

  /**
   * A folder created on disk, or renamed to: its glossary files are read. A symbolic link made to a
   * folder joins the links met (see `folderLinks`): a file the glossary holds under its own path is
   * not read through it again.
   */
  async addFolder(uri: string): Promise<IndexChange[]> {
    // A folder left out (node_modules, .git, an exclude pattern) is not even listed.
    if (!this.isGlossaryFolder(uri) || (await this.workspace.stat(uri)) !== 'directory') {
      return [];
    }
    const realUri = await this.workspace.realPath?.(uri);
    const spelt = realUri === undefined ? uri : workspaceSpelling(realUri, this.linkedRoots);
    if (spelt !== uri) this.folderLinks.push({ uri, realUri: spelt });
    const root = this.rootOf(uri)!;
    const listing = await this.workspace.listFiles(uri, { include: this.currentConfig.include, exclude: this.currentConfig.exclude, baseUri: this.configUri === undefined ? root.folderUri : this.settingsFolderUri });
    listing.folders.forEach((folder) => this.listedFolders.add(folder));
    listing.links.forEach((link) => this.folderLinks.push({ uri: link.uri, realUri: workspaceSpelling(link.realUri, this.linkedRoots) }));
    const changes: IndexChange[] = [];
    for (const file of listing.uris.filter((candidate) => this.isGlossaryFile(candidate))) {
      const change = await this.refreshFromDisk(file);
      if (change !== undefined) changes.push(affectedNow(change));
    }
    return changes;
  }

  /** Writes a new file of the glossary on disk (for an editor whose edits cannot create files); undefined when written, else why not. */
  createFile(uri: string, text: string): Promise<string | undefined> {
    return this.workspace.createFile(uri, text);
  }

  /** Writes a file anew while it still holds `expected`; undefined when written, else why not. */
  replaceFile(uri: string, expected: string, text: string): Promise<string | undefined> {
    return this.workspace.replaceFile(uri, expected, text);
  }

  /** Indexes a file the server has just created, before the editor reports it. */
  addCreatedFile(uri: string, text: string): IndexChange | undefined {
    if (this.openVersions.has(uri) || !this.isGlossaryFile(uri)) {
      return undefined;
    }
    return this.indexClosedText(uri, text);
  }

  /** The models of the documents open in the editor. */
  private openDocuments(): GlossaryDocument[] {
    return [...this.openVersions.keys()].flatMap((uri) => this.currentIndex.document(uri) ?? []);
  }

  /**
   * Whether the terms changed since the unlinked mentions of the documents were last worked out,
   * so that `refreshMentions` has documents to read again.
   */
  mentionsOutdated(): boolean {
    return this.mentionsChecked() && this.mentionsTermsVersion !== this.currentIndex.termsVersion;
  }

  /**
   * Works out the unlinked mentions of every document whose findings may have changed with the
   * terms (an entry added, removed, retitled): only documents whose prose holds the first word of a
   * form added, removed or relinked since (see `mentionsAreCurrent`); open ones from the editor's
   * text, closed ones read from disk, a few at a time: when closed files are scanned (see
   * `scansClosedFiles`) or `everyFile` asks for them. Gives the documents whose findings changed.
   * Cancelled, it stops; the documents it did not come to stay outdated for the next call.
   */
  async refreshMentions(everyFile = scansClosedFiles(this.currentConfig), token?: CancellationToken): Promise<IndexChange> {
    const affectedUris = new Set<string>();
    if (!this.mentionsChecked()) {
      return { changedIds: new Set(), affectedUris };
    }
    const index = this.currentIndex;
    const versionBefore = this.mentionsTermsVersion;
    this.mentionsTermsVersion = index.termsVersion;
    // Telling which documents hold a changed form's first word takes a moment in a large glossary: other work gets turns.
    const stale: GlossaryDocument[] = [];
    const slices = new TimeSlices();
    const candidates = everyFile ? [...index.documents()] : this.openDocuments();
    for (const document of candidates) {
      if (token?.isCancellationRequested === true) break;
      if (slices.due) await slices.pause();
      if (index.document(document.uri) === document && !mentionsAreCurrent(document, index)) stale.push(document);
    }
    // Closed files read only for the report publish no mentions: their diagnostics stay as they are.
    const publishesClosed = scansClosedFiles(this.currentConfig);
    const rework = (document: GlossaryDocument, text: string): void => {
      // Only if the file still holds what the model was parsed from; a change on disk comes with its own event.
      const unchanged = index.document(document.uri) === document && document.fingerprint === textFingerprint(text);
      if (unchanged && reworkMentions(document, index, text) && (publishesClosed || this.openVersions.has(document.uri))) {
        affectedUris.add(document.uri);
      }
    };
    const closed = stale.filter((document) => {
      const open = this.openVersions.get(document.uri);
      if (open !== undefined) rework(document, open.text);
      return open === undefined;
    });
    const byUri = new Map(closed.map((document) => [document.uri, document]));
    await readGlossaryFiles(this.workspace, [...byUri.keys()], (text, uri) => rework(byUri.get(uri)!, text), token);
    if (token?.isCancellationRequested === true && this.mentionsTermsVersion === index.termsVersion) this.mentionsTermsVersion = versionBefore;
    return { changedIds: new Set(), affectedUris };
  }

  /**
   * Where a new entry with this title would be created (in the entries folder, named after its
   * id) and why it cannot be: an invalid or existing id, a folder outside the workspace, a file
   * that exists.
   */
  async proposeEntry(title: string, id = newEntryIdFor(this.currentIndex, title)): Promise<ProposedEntry> {
    const linkCount = this.currentIndex.isDefined(id) ? 0 : this.currentIndex.linksTo(id).length;
    if (this.folderUris[0] === undefined) {
      return { id, uri: undefined, problem: l10n.t('Open a folder to create entries in it.'), idProblem: false, linkCount };
    }
    // `???`: the id made of the title is empty, which names the title as the reason.
    const problem = id === '' && title.trim() !== '' ? l10n.t('"{0}" holds no letter or digit to make an id of.', title.trim()) : newEntryProblem(id, this.currentIndex);
    if (problem !== undefined) {
      return { id, uri: undefined, problem, idProblem: true, linkCount };
    }
    const unreadable = title.trim() === '' ? undefined : titleProblem(title.trim(), id, this.currentConfig.chapterClasses);
    if (unreadable !== undefined) {
      return { id, uri: undefined, problem: unreadable, idProblem: false, linkCount };
    }
    const uri = this.newEntryUri(id);
    if (uri === undefined) {
      return { id, uri, problem: l10n.t('The entries folder "{0}" lies outside the workspace folder.', this.currentConfig.entriesFolder ?? ''), idProblem: false, linkCount };
    }
    const inTheWay = await this.fileInTheWay(uri);
    if (inTheWay === uri) {
      const copied = await this.copiedEntryIn(uri, id);
      const problem = copied === undefined
        ? l10n.t('The file {0}.md exists already.', id)
        : l10n.t('The file {0}.md exists already, holding a copy of the entry "{1}" of {2}: the quick fix at its heading\'s id writes the new entry over the copy.', id, copied.id, fileNameOf(copied.original));
      return { id, uri, problem, idProblem: true, linkCount };
    }
    if (inTheWay !== undefined) {
      return { id, uri, problem: l10n.t('The file {0}.md would differ from {1} in case alone: on Windows and macOS they are one file.', id, fileNameOf(inTheWay)), idProblem: true, linkCount };
    }
    return { id, uri, problem: undefined, idProblem: false, linkCount };
  }

  /**
   * The ids that links point at but no heading defines (see `missingEntries`), each naming the
   * file that keeps its entry from being made, if any (`Context-Window.md` holding `#Constitutional-AI`).
   */
  async missingEntries(): Promise<MissingEntry[]> {
    return Promise.all(
      missingEntries(this.currentIndex, seeAlsoCollator(this.currentConfig.collation)).map(async (entry) => {
        const file = this.newEntryUri(entry.id);
        const existingFile = file === undefined ? undefined : await this.fileInTheWay(file);
        const existingFileEntryId = existingFile === undefined ? undefined : this.currentIndex.document(existingFile)?.entries[0]?.id;
        const copyOf = existingFile === undefined ? undefined : (await this.copiedEntryIn(existingFile, entry.id))?.original;
        return existingFile === undefined ? entry : { ...entry, existingFile, ...(existingFileEntryId !== undefined ? { existingFileEntryId } : {}), ...(copyOf !== undefined ? { existingFileCopyOf: copyOf } : {}) };
      }),
    );
  }

  /**
   * The entry of another file that the file named after `id` holds a copy of (the real glossary's
   * Claude.md holding CNN.md's), which the quick fix there writes the entry of `id` over: on disk,
   * the original holds every line of the copy.
   */
  private async copiedEntryIn(uri: string, id: string): Promise<{ readonly id: string; readonly original: string } | undefined> {
    const copy = copyNamedAfter(this.currentIndex, id, uri);
    const copyText = copy?.uri === uri ? await this.readText(uri) : undefined;
    for (const original of copyText === undefined ? [] : copy!.originals) {
      const originalText = await this.readText(original);
      if (originalText !== undefined && holdsEveryLineOf(originalText, copyText!)) return { id: copy!.entry.id, original };
    }
    return undefined;
  }

  /**
   * The file that keeps a new entry from being written to `uri`: that file (in the glossary or on
   * disk), or one of the glossary whose name differs in case alone, which file systems on Windows
   * and macOS do not tell apart.
   */
  private async fileInTheWay(uri: string): Promise<string | undefined> {
    if (this.currentIndex.document(uri) !== undefined || (await this.workspace.stat(uri)) !== undefined) {
      return uri;
    }
    return this.currentIndex.documentsNamedAlike(uri)[0]?.uri;
  }

  /**
   * Whether something on disk has the name a file would be renamed to (other than that file under
   * another case): a file the glossary leaves out, say. An editor refuses such a rename.
   */
  async renameTargetExists(oldUri: string, newUri: string): Promise<boolean> {
    return caseFoldedUri(oldUri) !== caseFoldedUri(newUri) && (await this.workspace.stat(newUri)) !== undefined;
  }

  /** Whether anything is on disk at a URI: a file (of the glossary or not), a folder, a link that leads somewhere. */
  async pathExists(uri: string): Promise<boolean> {
    return (await this.workspace.stat(uri)) !== undefined;
  }

  /**
   * Where an index page made for the glossary goes: the configured `indexFile` that does not
   * exist, else `000-index.txt` in the folder a `.txt` page is looked for in (see
   * `indexPageChanged`); undefined where the glossary reads no such page (an `indexFile` that exists).
   */
  newIndexPageUri(): string | undefined {
    if (this.missingIndexFile !== undefined) return this.missingIndexFile;
    return this.configuredIndexFile === undefined && this.indexPageFolder !== undefined ? `${folderPrefix(this.indexPageFolder)}${newIndexPageName}` : undefined;
  }

  /** Whether writing the file may write another (a symbolic link, or a file with other hard links). */
  async isSymlinkOrHardLink(uri: string): Promise<boolean> {
    return (await this.workspace.isSymlinkOrHardLink?.(uri)) ?? false;
  }

  /** The file a new entry with this id would be written to, or undefined outside the workspace folders. */
  newEntryUri(id: string): string | undefined {
    const first = this.folderUris[0];
    const settingsFolder = this.settingsFolderUri ?? first;
    if (settingsFolder === undefined) return undefined;
    const folder = entriesFolderUri(this.currentConfig, settingsFolder, this.currentIndex.folderOfMostEntries() ?? settingsFolder);
    for (const root of this.folderUris) {
      const uri = newEntryUri(id, folder, root);
      if (uri !== undefined) return uri;
    }
    return undefined;
  }

  /**
   * What the status bar shows: entries, files, and links to ids that nothing defines, as far as
   * they are reported (`broken-link`, `index-link-broken`, `index-anchor-missing` not set to off).
   */
  counts(): { entryCount: number; fileCount: number; brokenLinkCount: number } {
    let entryCount = 0;
    let fileCount = 0;
    for (const document of this.currentIndex.documents()) {
      entryCount += document.entries.length;
      fileCount++;
    }
    return { entryCount, fileCount, brokenLinkCount: reportedBrokenLinkCount(this.currentIndex, this.currentConfig.severity) };
  }

  /**
   * The diagnostics of an indexed document, or none. A closed file's unlinked mentions only when
   * closed files are scanned (see `scansClosedFiles`), or, with `closedFileMentions`, as far as
   * they were found (see `refreshMentions`), as the workspace report counts them.
   */
  diagnosticsOf(uri: string, closedFileMentions = false): readonly GlossaryDiagnostic[] {
    const document = this.currentIndex.document(uri);
    if (document === undefined || !this.isGlossary()) {
      return [];
    }
    const open = this.openVersions.get(uri);
    const withMentions = open !== undefined || closedFileMentions || scansClosedFiles(this.currentConfig);
    return computeDiagnostics(document, this.currentIndex, withMentions ? this.currentConfig : withoutMentions(this.currentConfig), open?.text);
  }

  /** Indexes a closed file's text and, while the text is at hand and closed files are scanned, works out its unlinked mentions. */
  private indexClosedText(uri: string, text: string): IndexChange {
    const document = this.parse(text, uri, closedFileVersion, this.currentConfig);
    const change = this.currentIndex.update(document);
    if (scansClosedFiles(this.currentConfig)) {
      unlinkedMentions(document, this.currentIndex, text);
    }
    return change;
  }

  private mentionsChecked(): boolean {
    return this.currentConfig.severity[DiagnosticCode.UnlinkedMention] !== 'off';
  }

  private parse(text: string, uri: string, version: number, config: GlossaryConfig): GlossaryDocument {
    return parseGlossaryDocument(text, uri, version, { termClass: config.termClass });
  }
}

/**
 * Whether the prose of closed files is scanned for unlinked mentions. VS Code shows hints in the
 * editor only, not in the Problems panel: at the default severity `hint`, a closed file's mentions
 * would be worked out, at a large part of a cold start's cost, for no one to see, so they are found when the
 * file is opened, as TypeScript does with its suggestion diagnostics. Raised to `information` or
 * above, they are listed in the Problems panel, and every file is scanned. The command line always
 * scans every file.
 */
function scansClosedFiles(config: GlossaryConfig): boolean {
  const severity = config.severity[DiagnosticCode.UnlinkedMention];
  return severity !== 'off' && severity !== 'hint';
}

const configsWithoutMentions = new WeakMap<GlossaryConfig, GlossaryConfig>();

/** The configuration with `unlinked-mention` off, for the files whose mentions are not published. */
function withoutMentions(config: GlossaryConfig): GlossaryConfig {
  let derived = configsWithoutMentions.get(config);
  if (derived === undefined) {
    derived = { ...config, severity: { ...config.severity, [DiagnosticCode.UnlinkedMention]: 'off' } };
    configsWithoutMentions.set(config, derived);
  }
  return derived;
}

/**
 * The last path segment of a glob pattern (`*.md` of `docs/*.md`), of each alternative of a brace
 * group that holds a slash (`{docs/*.md,index.txt}` gives `*.md` and `index.txt`).
 */
function lastSegments(pattern: string): string[] {
  const group = /\{([^{}]*\/[^{}]*)\}/.exec(pattern);
  if (group === null) return [/[^/]*$/.exec(pattern)![0] || '*'];
  const before = pattern.slice(0, group.index);
  const after = pattern.slice(group.index + group[0].length);
  return group[1]!.split(',').flatMap((alternative) => lastSegments(before + alternative + after));
}

/** Appends one by one: a folder may list more files than a call takes arguments (`push(...items)`, about 125,000). */
function appendAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

/** A real path as the workspace folders spell it, where one of them was opened through a symbolic link. */
function workspaceSpelling(realUri: string, linkedRoots: readonly FolderLink[]): string {
  for (const root of linkedRoots) {
    if (realUri === root.realUri || isInFolder(realUri, root.realUri)) return root.uri + realUri.slice(root.realUri.length);
  }
  return realUri;
}

/**
 * Whether a path the patterns take in is the first of the file's names they take in, as the
 * listing reads it: its real path (the links at its front replaced by where they lead), then its
 * path through each link to a folder holding it, in the order the links were followed.
 */
function isFirstNameTakenIn(uri: string, links: readonly FolderLink[], takenIn: (uri: string) => boolean): boolean {
  const within = (path: string, folder: string): boolean => path === folder || isInFolder(path, folder);
  let real = uri;
  // At most one step for each link: links in a circle end.
  for (let steps = 0; steps <= links.length; steps++) {
    const front = links.filter((link) => within(real, link.uri)).sort((a, b) => b.uri.length - a.uri.length)[0];
    if (front === undefined) break;
    real = front.realUri + real.slice(front.uri.length);
  }
  if (takenIn(real)) return real === uri;
  for (const link of links) {
    if (!within(real, link.realUri)) continue;
    const name = link.uri + real.slice(link.realUri.length);
    if (name === uri) return true;
    if (takenIn(name)) return false;
  }
  return true;
}
