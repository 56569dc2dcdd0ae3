import { Connection, Disposable, DidChangeWatchedFilesNotification, FileChangeType, FileEvent, FileSystemWatcher, GlobPattern, WatchKind } from 'vscode-languageserver';
import { URI, Utils } from 'vscode-uri';
import { ClientWatching } from './clientSupport';
import { configFileName } from './config';
import { GlossarySession } from './session/glossarySession';
import { FolderWatcher } from './workspace/folderWatcher';
import { NodeFileSystemWorkspace } from './workspace/nodeWorkspace';
import { isInFolder } from './workspace/uris';
import { PathKind, Workspace } from './workspace/workspace';
import { errorMessage } from './errorText';

/**
 * Keeps the server told of the glossary's files changed on disk by other programs: through the
 * editor's file watchers, registered anew as the configuration changes, or, for a client that
 * cannot watch files (Neovim on Linux, for one), by watching the folders itself.
 */
export class FileWatching {
  /** The watcher of a `.glossary.json` above the workspace folders, and the file it watches. */
  private outerConfigWatcher: { readonly uri: string; readonly registration: Promise<Disposable | undefined> } | undefined;
  /** The watcher of the glossary's files, and the patterns it was registered with. */
  private filesWatcher: { readonly key: string; readonly registration: Promise<Disposable | undefined> } | undefined;
  /** The client refused to register a watcher: the server watches the disk itself from then on. */
  private registrationRefused = false;
  private diskWatcher: FolderWatcher | undefined;
  /** Folders that appeared in a watched folder: watched too, though no glossary file is in them yet. */
  private readonly newFolders = new Set<string>();
  private disposed = false;

  constructor(
    private readonly connection: Connection,
    private readonly workspace: Workspace,
    /** What the client watches (known once it is initialized). */
    private readonly client: () => ClientWatching,
    /** `foldersAdopted`: the client named no workspace folder, and the server took the glossary's folders up itself. */
    private readonly current: () => { readonly session: GlossarySession; readonly folderUris: readonly string[]; readonly foldersAdopted: boolean },
    /** Applies changes the server saw on disk itself, after the disk work queued before them. */
    private readonly applyChanges: (changes: FileEvent[]) => void,
  ) {}

  /** Before the first load: the configuration files, and the glossary's files from the start (a file made while the load reads is told of). */
  start(): void {
    if (this.clientWatches()) {
      void this.register([{ globPattern: `**/${configFileName}` }]);
    }
    this.watchGlossaryFiles();
  }

  /**
   * Whether the editor watches the files for the server: it can, and has not refused to. An editor
   * applies a pattern within its workspace folders: folders the server took up itself, which the
   * editor does not know, it can watch only by patterns relative to them.
   */
  private clientWatches(): boolean {
    return this.client().registersWatchers && !this.registrationRefused && (!this.current().foldersAdopted || this.client().relativePatterns);
  }

  /** A pattern in every folder of the glossary: as it is, which the editor applies in its folders, or relative to each folder the server took up. */
  private inEveryFolder(pattern: string): GlobPattern[] {
    const { folderUris, foldersAdopted } = this.current();
    return foldersAdopted ? folderUris.map((baseUri) => ({ baseUri, pattern })) : [pattern];
  }

  /** Registers a watcher with the editor; if it refuses, the server watches the disk itself. */
  private register(watchers: FileSystemWatcher[]): Promise<Disposable | undefined> {
    return this.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).then(
      (registration) => registration,
      (error: unknown) => {
        if (!this.registrationRefused) {
          this.registrationRefused = true;
          this.connection.console.warn(`The editor refused to watch files (${errorMessage(error)}): the server watches them itself.`);
          this.watchDisk();
        }
        return undefined;
      },
    );
  }

  /** After a load or a change on disk: watches what the glossary is now. */
  update(): void {
    this.watchGlossaryFiles();
    this.watchOuterConfigFile();
    this.watchDisk();
  }

  /** Watches nothing more (at shutdown). */
  dispose(): void {
    this.disposed = true;
    this.diskWatcher?.dispose();
  }

  /**
   * A `.glossary.json` found above the workspace folders (the configuration is looked for up to the
   * repository's root) lies outside the `**` watchers, which editors apply within the folders: it
   * gets a watcher of its own, where the editor takes patterns relative to a folder.
   */
  private watchOuterConfigFile(): void {
    const { session, folderUris } = this.current();
    const uri = session.configFileUri();
    const outer = uri !== undefined && !folderUris.some((folder) => isInFolder(uri, folder)) ? uri : undefined;
    if (this.outerConfigWatcher?.uri === outer) {
      return;
    }
    void this.outerConfigWatcher?.registration.then((registration) => registration?.dispose());
    this.outerConfigWatcher = undefined;
    if (outer !== undefined && this.clientWatches() && this.client().relativePatterns && !this.disposed) {
      const baseUri = Utils.dirname(URI.parse(outer)).toString();
      this.outerConfigWatcher = { uri: outer, registration: this.register([{ globPattern: { baseUri, pattern: configFileName } }]) };
    }
  }

  /** The watcher of the glossary's files, registered anew when the include patterns or the index page change. */
  private watchGlossaryFiles(): void {
    const { session, folderUris, foldersAdopted } = this.current();
    // In folders the server took up, the `**/.glossary.json` watcher registered at the start sees nothing.
    const patterns = [...session.watchedFilePatterns(), ...(foldersAdopted ? [`**/${configFileName}`] : [])];
    const key = [...patterns, ...(foldersAdopted ? folderUris : [])].join('\n');
    if (!this.clientWatches() || this.filesWatcher?.key === key || this.disposed) {
      return;
    }
    void this.filesWatcher?.registration.then((registration) => registration?.dispose());
    // Folders too, created and deleted: an editor reports a folder deleted or renamed, not the files in it.
    const watchers = [
      ...patterns.flatMap((pattern) => this.inEveryFolder(pattern).map((globPattern) => ({ globPattern }))),
      ...this.inEveryFolder('**/*').map((globPattern) => ({ globPattern, kind: WatchKind.Create | WatchKind.Delete })),
    ];
    this.filesWatcher = { key, registration: this.register(watchers) };
  }

  /** For a client that cannot watch files: the folders of the glossary, watched by the server. */
  private watchDisk(): void {
    if (this.clientWatches() || !(this.workspace instanceof NodeFileSystemWorkspace) || this.disposed) {
      return;
    }
    this.diskWatcher ??= new FolderWatcher((uris) => void this.changedOnDisk(uris));
    const { session, folderUris } = this.current();
    this.diskWatcher.watch(new Set([...folderUris, ...session.foldersOnDisk(), ...this.newFolders]));
  }

  private async changedOnDisk(uris: readonly string[]): Promise<void> {
    const kinds = await Promise.all(uris.map((uri) => this.workspace.stat(uri)));
    const { session } = this.current();
    uris.forEach((uri, k) => (kinds[k] === 'directory' && session.isGlossaryFolder(uri) ? this.newFolders.add(uri) : this.newFolders.delete(uri)));
    // A new folder is watched before it is read: files written into it meanwhile are reported.
    this.watchDisk();
    // A file written or created counts as changed (it is read either way); a folder that appears is read.
    const gone = (kind: PathKind | undefined): boolean => kind === undefined || kind === 'other' || kind === 'danglingLink';
    this.applyChanges(uris.map((uri, k) => ({ uri, type: gone(kinds[k]) ? FileChangeType.Deleted : kinds[k] === 'directory' ? FileChangeType.Created : FileChangeType.Changed })));
  }
}
