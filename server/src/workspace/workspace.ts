/**
 * The host boundary: every file access of the index, the diagnostics and the command line goes
 * through a `Workspace`, so that tests run on an in-memory one. Files are named by URI strings.
 */

/** What reading a file gave. */
export type ReadResult =
  | {
      readonly kind: 'text';
      readonly text: string;
      /** Set when the bytes were not valid UTF-8 and were decoded with replacement characters. */
      readonly warning: string | undefined;
    }
  | {
      readonly kind: 'failure';
      readonly reason: 'notFound' | 'unreadable' | 'binary';
      /** A sentence for the user saying why the file is skipped. */
      readonly message: string;
    };

/** A file or folder that could not be taken into account, and why. */
export interface FileProblem {
  readonly uri: string;
  readonly message: string;
}

/** The files found under a folder. */
export interface FileListing {
  /** Matching files, sorted by their path relative to the folder (code unit order). */
  readonly uris: readonly string[];
  /** The folders listed: the folder and those below it that the filter does not leave out, with files in them or not. */
  readonly folders: readonly string[];
  /** The symbolic links to folders met, in the order followed, each with where it leads (see `FolderLink`). */
  readonly links: readonly FolderLink[];
  /** Folders that could not be read. */
  readonly problems: readonly FileProblem[];
}

/**
 * A symbolic link to a folder: a file below it is listed under the first of its names the patterns
 * take in, its own path (the link's `realUri` and the rest of the path) before the links' paths.
 */
export interface FolderLink {
  readonly uri: string;
  readonly realUri: string;
}

/** Which files below a folder belong to the glossary. */
export interface FileFilter {
  /** Glob patterns (picomatch) matched against the path relative to `baseUri`, with `/`. */
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  /**
   * The folder the patterns are relative to (the workspace root, where `.glossary.json` is),
   * when it is an ancestor of the listed folder; by default the listed folder itself.
   */
  readonly baseUri?: string;
}

/**
 * What a path names, where it names something: `linkLoop` is a symbolic link that leads back to
 * itself, `danglingLink` one that leads where nothing is.
 */
export type PathKind = 'file' | 'directory' | 'other' | 'linkLoop' | 'danglingLink';

/** Access to the files of a glossary. */
export interface Workspace {
  /** Whether the URI names a file, a folder, something else (a FIFO, a device, a loop of links, a link to nothing), or nothing. */
  stat(uri: string): Promise<PathKind | undefined>;
  /** A file's size in bytes; undefined when it is no file. */
  fileSize(uri: string): Promise<number | undefined>;
  /** The files below a folder that the filter accepts; `node_modules` and `.git` are always skipped. */
  listFiles(folderUri: string, filter: FileFilter): Promise<FileListing>;
  /** A file's text, decoded as an editor would, or why it cannot be used. */
  readFile(uri: string): Promise<ReadResult>;
  /** Writes a new file, never one that exists; undefined when written, else why not. */
  createFile(uri: string, text: string): Promise<string | undefined>;
  /** Writes a file anew while it still holds `expected` (as `readFile` decodes it); undefined when written, else why not. */
  replaceFile(uri: string, expected: string, text: string): Promise<string | undefined>;
  /** Whether the file is a symbolic link or has other hard links, so that writing it may write another file too; absent where files have no links. */
  isSymlinkOrHardLink?(uri: string): Promise<boolean>;
  /** Where a path leads, symbolic links followed; undefined when nothing is there. Absent where files have no links. */
  realPath?(uri: string): Promise<string | undefined>;
}
