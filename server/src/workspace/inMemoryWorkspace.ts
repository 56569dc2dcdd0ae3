import * as l10n from '@vscode/l10n';
import { decodeFileBytes } from './decode';
import { comparePaths, createFileMatcher } from './fileFilter';
import { FileFilter, FileListing, PathKind, ReadResult, Workspace } from './workspace';
import { folderOf, folderPrefix } from './uris';

/** What a test puts into an in-memory file: text, raw bytes, or a file that cannot be read. */
export type InMemoryFileContent = string | Uint8Array | { readonly unreadable: string };

/** A `Workspace` held in a map from URI to content, for tests. Folders exist implicitly. */
export class InMemoryWorkspace implements Workspace {
  private readonly files: Map<string, InMemoryFileContent>;

  constructor(files: Readonly<Record<string, InMemoryFileContent>> | ReadonlyMap<string, InMemoryFileContent>) {
    this.files = new Map(files instanceof Map ? files : Object.entries(files));
  }

  /** Creates, replaces or (with `undefined`) deletes a file. */
  set(uri: string, content: InMemoryFileContent | undefined): void {
    if (content === undefined) {
      this.files.delete(uri);
    } else {
      this.files.set(uri, content);
    }
  }

  async fileSize(uri: string): Promise<number | undefined> {
    const content = this.files.get(uri);
    return typeof content === 'string' ? Buffer.byteLength(content) : content instanceof Uint8Array ? content.length : content === undefined ? undefined : 0;
  }

  async stat(uri: string): Promise<PathKind | undefined> {
    if (this.files.has(uri)) {
      return 'file';
    }
    const prefix = folderPrefix(uri);
    return [...this.files.keys()].some((file) => file.startsWith(prefix)) ? 'directory' : undefined;
  }

  async listFiles(folderUri: string, filter: FileFilter): Promise<FileListing> {
    const matcher = createFileMatcher(filter, folderUri);
    const prefix = folderPrefix(folderUri);
    // Only folders that hold a file exist here: those of the files not in a folder left out.
    const folders = new Set([prefix.slice(0, -1)]);
    const matching = [...this.files.keys()]
      .filter((uri) => uri.startsWith(prefix))
      .map((uri) => ({ uri, relative: decodeURIComponent(uri.slice(prefix.length)) }))
      .filter(({ uri, relative }) => {
        const path = relative.split('/').slice(0, -1);
        if (path.some((_, i) => matcher.skipsFolder(path.slice(0, i + 1).join('/')))) return false;
        for (let folder = folderOf(uri); folder.length >= prefix.length; folder = folderOf(folder)) folders.add(folder);
        return matcher.includesFile(relative);
      })
      .sort((a, b) => comparePaths(a.relative, b.relative));
    return { uris: matching.map(({ uri }) => uri), folders: [...folders], links: [], problems: [] };
  }

  async createFile(uri: string, text: string): Promise<string | undefined> {
    if (this.files.has(uri)) {
      return l10n.t('the file exists already');
    }
    this.files.set(uri, text);
    return undefined;
  }

  async replaceFile(uri: string, expected: string, text: string): Promise<string | undefined> {
    if (this.files.get(uri) !== expected) {
      return l10n.t('the file changed meanwhile');
    }
    this.files.set(uri, text);
    return undefined;
  }

  async readFile(uri: string): Promise<ReadResult> {
    const content = this.files.get(uri);
    if (content === undefined) {
      return { kind: 'failure', reason: 'notFound', message: l10n.t('skipped: file not found') };
    }
    if (typeof content === 'string') {
      return { kind: 'text', text: content, warning: undefined };
    }
    if (content instanceof Uint8Array) {
      return decodeFileBytes(content);
    }
    return { kind: 'failure', reason: 'unreadable', message: l10n.t('skipped: cannot read the file ({0})', content.unreadable) };
  }
}

