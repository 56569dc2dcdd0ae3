import { accessSync, chmodSync, chownSync, constants, existsSync, promises as fs, readFileSync, readlinkSync, realpathSync, renameSync, rmSync, statSync, writeFileSync, Dirent } from 'node:fs';
import * as path from 'node:path';
import { randomBytes } from 'node:crypto';
import * as l10n from '@vscode/l10n';
import { URI } from 'vscode-uri';
import { decodeFileBytes } from './decode';
import { comparePaths, createFileMatcher, FileMatcher } from './fileFilter';
import { FileFilter, FileListing, FileProblem, PathKind, ReadResult, Workspace } from './workspace';
import { errorMessage } from '../errorText';

/** How a `NodeFileSystemWorkspace` reads files. */
export interface NodeWorkspaceOptions {
  /**
   * Read each file with one blocking call instead of the asynchronous file API: it saves the
   * thread-pool round trips of open, stat, read and close, about a third of the time to index a
   * local glossary. The command line and the language server both read so; the server's load
   * yields to other work between time slices (`readGlossaryFiles`).
   */
  readonly synchronousReads?: boolean;
}

/** A `Workspace` on the local file system, for `file:` URIs. */
export class NodeFileSystemWorkspace implements Workspace {
  constructor(private readonly options: NodeWorkspaceOptions = {}) {}

  async stat(uri: string): Promise<PathKind | undefined> {
    try {
      const stats = await fs.stat(toFsPath(uri));
      return stats.isDirectory() ? 'directory' : stats.isFile() ? 'file' : 'other';
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ELOOP') return 'linkLoop';
      // Nothing where it leads: the link itself is there all the same.
      return (await fs.lstat(toFsPath(uri)).catch(() => undefined))?.isSymbolicLink() ? 'danglingLink' : undefined;
    }
  }

  async realPath(uri: string): Promise<string | undefined> {
    const real = await fs.realpath(toFsPath(uri)).catch(() => undefined);
    return real === undefined ? undefined : toUri(real);
  }

  async isSymlinkOrHardLink(uri: string): Promise<boolean> {
    const stats = await fs.lstat(toFsPath(uri)).catch(() => undefined);
    return stats !== undefined && (stats.isSymbolicLink() || stats.nlink > 1);
  }

  async fileSize(uri: string): Promise<number | undefined> {
    try {
      const stats = await fs.stat(toFsPath(uri));
      return stats.isFile() ? stats.size : undefined;
    } catch {
      return undefined;
    }
  }

  async listFiles(folderUri: string, filter: FileFilter): Promise<FileListing> {
    const root = toFsPath(folderUri);
    const walk = new FolderWalk(root, createFileMatcher(filter, folderUri));
    await walk.walk();
    const relativePaths = [...walk.files].sort(comparePaths);
    return { uris: relativePaths.map((relative) => toUri(path.join(root, relative))), folders: walk.folders.map(toUri), links: walk.links.map((link) => ({ uri: toUri(link.path), realUri: toUri(link.realPath) })), problems: walk.problems };
  }

  async readFile(uri: string): Promise<ReadResult> {
    let bytes: Uint8Array;
    try {
      bytes = this.options.synchronousReads ? readFileSync(toFsPath(uri)) : await fs.readFile(toFsPath(uri));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') {
        return { kind: 'failure', reason: 'notFound', message: l10n.t('skipped: file not found') };
      }
      return { kind: 'failure', reason: 'unreadable', message: l10n.t('skipped: cannot read the file ({0})', describe(error)) };
    }
    return decodeFileBytes(bytes);
  }

  async createFile(uri: string, text: string): Promise<string | undefined> {
    try {
      // `wx`: fails when the file exists, rather than replace it.
      await fs.writeFile(toFsPath(uri), text, { encoding: 'utf8', flag: 'wx' });
      return undefined;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'EEXIST' ? l10n.t('the file exists already') : writeErrorReason(error);
    }
  }

  async replaceFile(uri: string, expected: string, text: string): Promise<string | undefined> {
    let bytes: Uint8Array;
    try {
      bytes = await fs.readFile(toFsPath(uri));
    } catch {
      return l10n.t('the file changed meanwhile');
    }
    const current = decodeFileBytes(bytes);
    if (current.kind !== 'text' || current.text !== expected) {
      return l10n.t('the file changed meanwhile');
    }
    // The byte order mark is no text (see `decodeFileBytes`): the file keeps the one it has.
    const byteOrderMark = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? '\uFEFF' : '';
    try {
      writeFileWhole(toFsPath(uri), byteOrderMark + text);
      return undefined;
    } catch (error) {
      return writeErrorReason(error);
    }
  }
}

/**
 * Writes a file whole or not at all: the text goes into a new file beside it, which then takes its
 * place, so that a full disk leaves the file as it was and nothing half-written. A symbolic link
 * keeps naming the file, and the file keeps its permissions. Written in place, as an editor would:
 * a device or a pipe (`/dev/stdout`); a file with other names (hard links), or of an owner this
 * user cannot give a new file; and where the folder takes no new file or no renaming onto it (a
 * sticky folder; on Windows, a file another program holds open).
 */
export function writeFileWhole(filePath: string, text: string): void {
  // `statSync` follows links itself. `/dev/stdout` and its kin name what the process writes to (a
  // pipe, a terminal, a file the shell opened to append to): written to, not replaced.
  const stats = statSync(filePath, { throwIfNoEntry: false });
  if (stats !== undefined && (!stats.isFile() || path.resolve(filePath).startsWith('/dev/'))) {
    writeFileSync(filePath, text);
    return;
  }
  const target = followLinks(filePath);
  // A file that may not be written is not replaced either (renaming needs only the folder's permission).
  if (stats !== undefined) accessSync(target, constants.W_OK);
  if (stats !== undefined && stats.nlink > 1) {
    writeFileSync(target, text);
    return;
  }
  // Named apart from the file, so that a long name does not grow too long; readable by no one else until it has the file's permissions.
  const temporary = path.join(path.dirname(target), `.glossary-${randomBytes(6).toString('hex')}.tmp`);
  const inPlaceAfter = (error: unknown): void => {
    rmSync(temporary, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (stats === undefined || (code !== 'EACCES' && code !== 'EPERM' && code !== 'EBUSY')) throw error;
    writeFileSync(target, text);
  };
  try {
    writeFileSync(temporary, text, { flag: 'wx', mode: stats === undefined ? 0o666 : 0o600 });
  } catch (error) {
    // A temporary file of that name is another's (nothing of ours to remove); a write the disk cut short leaves a part.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw error;
    inPlaceAfter(error);
    return;
  }
  try {
    if (stats !== undefined) {
      chmodSync(temporary, stats.mode & 0o7777);
      if (process.getuid !== undefined && (stats.uid !== process.getuid() || stats.gid !== process.getgid!())) chownSync(temporary, stats.uid, stats.gid);
    }
    renameSync(temporary, target);
  } catch (error) {
    inPlaceAfter(error);
  }
}

/** Why a file could not be written, in words rather than Node's error text where the code is a common one. */
export function writeErrorReason(error: unknown): string {
  const { code, path: failedPath } = (error ?? {}) as NodeJS.ErrnoException;
  switch (code) {
    case 'ENOENT':
      // A folder that is there but takes no new files (`/proc`) says ENOENT too.
      return failedPath !== undefined && existsSync(path.dirname(failedPath)) ? l10n.t('its folder takes no new files') : l10n.t('its folder does not exist');
    case 'EACCES':
    case 'EPERM':
      return l10n.t('permission denied');
    case 'EISDIR':
      return l10n.t('it is a folder');
    case 'ENOSPC':
      return l10n.t('the disk is full');
    case 'EFBIG':
      return l10n.t('the file would be larger than the system allows');
    case 'ENOTDIR':
      return l10n.t('a part of its path is a file, not a folder');
    case 'ENAMETOOLONG':
      return l10n.t('its name is too long');
    default:
      return errorMessage(error);
  }
}

/** How often a folder is read through links at most, while no read lists a file of it (see `FolderWalk`). */
const maxReadsThroughLinks = 3;

/**
 * One recursive listing. The folders reached through a symbolic link are read after all the
 * others, so that a file reached both ways is listed once, under its own path (`de/A.md`, not
 * `aktuell/A.md` where `aktuell` links to `de`), which is how the editor's watchers name it; what
 * only a link's path takes in (`aktuell/**`) is listed under it. Through links, a folder is read
 * until one read lists a file of it, at most `maxReadsThroughLinks` times: links in a circle end,
 * and many links to one folder cost a few reads of it.
 */
class FolderWalk {
  readonly files: string[] = [];
  /** The folders read, as paths. */
  readonly folders: string[] = [];
  /** The symbolic links to folders met, in the order followed, with the real path they lead to. */
  readonly links: { readonly path: string; readonly realPath: string }[] = [];
  readonly problems: FileProblem[] = [];
  /** The real paths of the files listed or told of as missing. */
  private readonly seenFiles = new Set<string>();
  /** The real paths of the folders read (or tried) under their own path. */
  private readonly readFolders = new Set<string>();
  /** How often each folder (real path) was read through links, and those a read through a link listed a file of. */
  private readonly readsThroughLinks = new Map<string, number>();
  private readonly listedThroughLinks = new Set<string>();
  private readonly linkedFolders: { readonly folder: string; readonly relative: string }[] = [];

  constructor(
    private readonly root: string,
    private readonly matcher: FileMatcher,
  ) {}

  async walk(): Promise<void> {
    await this.visit(this.root, '', false);
    for (let linked = this.linkedFolders.shift(); linked !== undefined; linked = this.linkedFolders.shift()) {
      const realPath = await fs.realpath(linked.folder).catch(() => undefined);
      if (realPath !== undefined) this.links.push({ path: linked.folder, realPath });
      await this.visit(linked.folder, linked.relative, true);
    }
  }

  /** Whether to read a folder (by its real path) now, and noted as read. */
  private mayRead(realFolder: string, throughLink: boolean): boolean {
    if (!throughLink) {
      if (this.readFolders.has(realFolder)) return false;
      this.readFolders.add(realFolder);
      return true;
    }
    const reads = this.readsThroughLinks.get(realFolder) ?? 0;
    if (this.listedThroughLinks.has(realFolder) || reads >= maxReadsThroughLinks) return false;
    this.readsThroughLinks.set(realFolder, reads + 1);
    return true;
  }

  /** Lists a folder's files and reads its folders (links to folders later), as `mayRead` allows. */
  private async visit(folder: string, relativeFolder: string, throughLink: boolean): Promise<void> {
    let realFolder: string | undefined;
    let entries: Dirent[];
    let firstTry = true;
    try {
      realFolder = await fs.realpath(folder);
      firstTry = !this.readFolders.has(realFolder) && !this.readsThroughLinks.has(realFolder);
      if (!this.mayRead(realFolder, throughLink)) {
        return;
      }
      entries = await fs.readdir(folder, { withFileTypes: true });
      this.folders.push(folder);
    } catch (error) {
      // Told once, not again for each link that leads to it.
      if (firstTry) this.problems.push({ uri: toUri(folder), message: l10n.t('skipped: cannot read the folder ({0})', describe(error)) });
      return;
    }
    let listed = 0;
    for (const entry of entries) {
      const relative = relativeFolder === '' ? entry.name : `${relativeFolder}/${entry.name}`;
      const fullPath = path.join(folder, entry.name);
      const kind = await this.kindOf(entry, fullPath);
      if (kind === 'directory' || kind === 'linkedDirectory') {
        if (this.matcher.skipsFolder(relative)) continue;
        if (kind === 'directory') await this.visit(path.join(this.root, relative), relative, throughLink);
        else this.linkedFolders.push({ folder: path.join(this.root, relative), relative });
      } else if (kind !== undefined && this.matcher.includesFile(relative)) {
        // Once for each place, reached through links or not. (A link to a file is a file of its own where it stands, as pandoc reads it when named.)
        const realFile = path.join(realFolder, entry.name);
        if (this.seenFiles.has(realFile)) continue;
        this.seenFiles.add(realFile);
        if (kind === 'file') {
          this.files.push(relative);
          listed++;
          continue;
        }
        // Named as a file of the glossary, it is one gone missing (a moved target, say): told, not passed over.
        const message =
          kind.brokenLink.code === 'ENOENT'
            ? l10n.t('skipped: a symbolic link to {0}, which does not exist', await fs.readlink(fullPath).catch(() => '?'))
            : l10n.t('skipped: cannot read the file ({0})', describe(kind.brokenLink));
        this.problems.push({ uri: toUri(fullPath), message });
      }
    }
    // (Files of its own: those of a folder in it count for that folder.)
    if (throughLink && listed > 0) this.listedThroughLinks.add(realFolder);
  }

  /** What an entry is, a symbolic link followed; for a link that leads nowhere (missing, a loop), why. */
  private async kindOf(entry: Dirent, fullPath: string): Promise<'file' | 'directory' | 'linkedDirectory' | { readonly brokenLink: NodeJS.ErrnoException } | undefined> {
    if (!entry.isSymbolicLink()) {
      return entry.isDirectory() ? 'directory' : entry.isFile() ? 'file' : undefined;
    }
    try {
      const target = await fs.stat(fullPath);
      return target.isDirectory() ? 'linkedDirectory' : target.isFile() ? 'file' : undefined;
    } catch (error) {
      return { brokenLink: error as NodeJS.ErrnoException };
    }
  }
}

/**
 * The file a path leads to, symbolic links followed: those of its folders, and its own, also when
 * it points at a file that does not exist yet (writing through it would make that file). A path
 * that cannot be followed (a loop, a folder that cannot be read) is given back as it is.
 */
export function followLinks(filePath: string): string {
  let current = filePath;
  // As many links as the system itself follows at most.
  for (let hops = 0; hops < 40; hops++) {
    try {
      return realpathSync(current);
    } catch {
      // Missing: a dangling link, or a file not made yet.
    }
    try {
      current = path.resolve(path.dirname(current), readlinkSync(current));
    } catch {
      try {
        return path.join(realpathSync(path.dirname(current)), path.basename(current));
      } catch {
        return current;
      }
    }
  }
  return filePath;
}

/** The file-system path of a `file:` URI. */
export function toFsPath(uri: string): string {
  return URI.parse(uri).fsPath;
}

/** The `file:` URI of an absolute path. */
export function toUri(fsPath: string): string {
  return URI.file(fsPath).toString();
}

function describe(error: unknown): string {
  const errno = error as NodeJS.ErrnoException;
  return errno.code ?? errorMessage(error);
}
