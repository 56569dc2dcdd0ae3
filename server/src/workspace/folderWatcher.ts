import { watch, FSWatcher } from 'node:fs';
import * as path from 'node:path';
import { toFsPath, toUri } from './nodeWorkspace';

/** How long changes gather before they are reported: an editor's save is a burst of events. */
const gatherMs = 100;

/** At most this many folders are watched (a glossary has a few). */
const maxFolders = 1000;

/**
 * Watches folders on disk, each without its subfolders, and reports the files and folders in them
 * that changed (written, created, deleted or renamed), a burst of events at a time. The server
 * uses it when the editor cannot watch files for it (Neovim on Linux, for one): files changed by
 * another program (`git pull`, a script) would otherwise be known only after a restart.
 */
export class FolderWatcher {
  private readonly watchers = new Map<string, FSWatcher>();
  private readonly changed = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private disposed = false;

  constructor(private readonly onChanges: (uris: string[]) => void) {}

  /** Watches exactly these folders (`file:` URIs) from now on; nothing once disposed. */
  watch(folderUris: Iterable<string>): void {
    if (this.disposed) return;
    const folders = new Set([...folderUris].slice(0, maxFolders).map(toFsPath));
    for (const [folder, watcher] of this.watchers) {
      if (!folders.has(folder)) {
        watcher.close();
        this.watchers.delete(folder);
      }
    }
    for (const folder of folders) {
      if (this.watchers.has(folder)) continue;
      try {
        const watcher = watch(folder, { persistent: false }, (_event, name) => name && this.note(toUri(path.join(folder, name.toString()))));
        // A folder deleted or no longer readable: its parent's watcher reports it.
        watcher.on('error', () => {
          watcher.close();
          this.watchers.delete(folder);
        });
        this.watchers.set(folder, watcher);
      } catch {
        // Gone already, or not watchable (a full inotify table): it is read again at the next reload.
      }
    }
  }

  dispose(): void {
    this.disposed = true;
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
    clearTimeout(this.timer);
  }

  private note(uri: string): void {
    this.changed.add(uri);
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      const uris = [...this.changed];
      this.changed.clear();
      this.onChanges(uris);
    }, gatherMs);
  }
}
