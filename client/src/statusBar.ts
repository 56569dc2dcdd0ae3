import * as vscode from 'vscode';
import { GlossaryStatus } from '../../server/src/protocol';

/**
 * How long indexing may take before a progress notification appears, so that small glossaries see
 * none, and one that takes just over it (the real glossary of 346 entries on a slow machine) does
 * not flash a notification that goes as it appears.
 */
const progressDelayMs = 2000;

/**
 * Whether the folder is a glossary: it has an entry or a `.glossary.json`. A folder of other
 * Markdown (notes, a project's README) is none: no status bar item and no commands, not even while
 * it is read. The server tells as soon as it reads the first entry.
 */
export function isGlossaryStatus(status: GlossaryStatus): boolean {
  return status.entryCount > 0 || status.hasConfigFile;
}

/**
 * The status bar item "$(book) N entries · M broken links" (a click opens the Problems panel), and a
 * progress notification while a large workspace is indexed.
 */
export class GlossaryStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('glossary.status', vscode.StatusBarAlignment.Left, 50);
  private readonly changed = new vscode.EventEmitter<GlossaryStatus>();
  private current: GlossaryStatus | undefined;
  private visible = false;
  private endProgress: (() => void) | undefined;
  private progressTimer: NodeJS.Timeout | undefined;

  /** Fires after each status the server sends. */
  readonly onDidChange = this.changed.event;

  constructor() {
    this.item.name = vscode.l10n.t('Glossary');
    this.item.command = 'workbench.actions.view.problems';
  }

  /** The last status the server sent, if any. */
  get status(): GlossaryStatus | undefined {
    return this.current;
  }

  /** Whether the item is shown. */
  get shown(): boolean {
    return this.visible;
  }

  /** The status bar item's text as shown. */
  get text(): string {
    return this.item.text;
  }

  /** What a screen reader says of the item: its text without the icon, whose name it would read out ("book"). */
  get accessibleLabel(): string | undefined {
    return this.item.accessibilityInformation?.label;
  }

  /** Shows `label` after the icon `icon`. */
  private showText(icon: string, label: string): void {
    this.item.text = `$(${icon}) ${label}`;
    this.item.accessibilityInformation = { label };
  }

  update(status: GlossaryStatus): void {
    this.current = status;
    const isGlossary = isGlossaryStatus(status);
    if (status.state === 'indexing') {
      this.showText('sync~spin', vscode.l10n.t('Indexing the glossary…'));
      this.item.tooltip = undefined;
      if (isGlossary) this.showProgressSoon();
    } else {
      this.showText('book', `${entriesText(status.entryCount)} · ${brokenLinksText(status.brokenLinkCount)}`);
      this.item.tooltip = tooltipText(status.entryCount, status.fileCount);
      this.stopProgress();
    }
    this.item.command = 'workbench.actions.view.problems';
    this.visible = isGlossary;
    if (this.visible) this.item.show();
    else this.item.hide();
    this.changed.fire(status);
  }

  /**
   * The server stopped for good (it crashed more often than the client restarts it): the counts
   * shown and an indexing progress would stay as they were, so the item says so and restarts it.
   */
  stopped(): void {
    this.stopProgress();
    // Hidden while a restart was tried, the item comes back to say that it failed.
    if (this.current === undefined || !isGlossaryStatus(this.current)) return;
    this.visible = true;
    this.item.show();
    this.showText('error', vscode.l10n.t('Glossary server stopped'));
    this.item.tooltip = vscode.l10n.t('Click to restart the server.');
    this.item.command = 'glossary.restartServer';
  }

  /** Hides the item, for example while the server restarts. */
  hide(): void {
    this.stopProgress();
    this.visible = false;
    this.item.hide();
  }

  dispose(): void {
    this.stopProgress();
    this.item.dispose();
    this.changed.dispose();
  }

  private showProgressSoon(): void {
    if (this.progressTimer !== undefined || this.endProgress !== undefined) {
      return;
    }
    this.progressTimer = setTimeout(() => {
      this.progressTimer = undefined;
      void vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Indexing the glossary…') },
        () => new Promise<void>((resolve) => (this.endProgress = resolve)),
      );
    }, progressDelayMs);
  }

  private stopProgress(): void {
    clearTimeout(this.progressTimer);
    this.progressTimer = undefined;
    this.endProgress?.();
    this.endProgress = undefined;
  }
}

function tooltipText(entryCount: number, fileCount: number): string {
  if (entryCount === 1) {
    return fileCount === 1
      ? vscode.l10n.t('1 entry in 1 file. Click to open the Problems panel.')
      : vscode.l10n.t('1 entry in {0} files. Click to open the Problems panel.', fileCount);
  }
  return fileCount === 1
    ? vscode.l10n.t('{0} entries in 1 file. Click to open the Problems panel.', entryCount)
    : vscode.l10n.t('{0} entries in {1} files. Click to open the Problems panel.', entryCount, fileCount);
}

/** "1 entry" or "N entries". */
export function entriesText(count: number): string {
  return count === 1 ? vscode.l10n.t('1 entry') : vscode.l10n.t('{0} entries', count);
}

/** "1 broken link" or "N broken links". */
export function brokenLinksText(count: number): string {
  return count === 1 ? vscode.l10n.t('1 broken link') : vscode.l10n.t('{0} broken links', count);
}
