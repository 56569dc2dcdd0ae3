import * as vscode from 'vscode';
import { LanguageClient, State } from 'vscode-languageclient/node';
import { GlossaryStatus, ReportLinkCommands, StatusNotification } from '../../server/src/protocol';
import { newEntry } from './commands/newEntry';
import { openEntry } from './commands/openEntry';
import { createMissingEntry, showMissingEntries } from './commands/showMissingEntries';
import { showReferences } from './commands/showReferences';
import { showReport } from './commands/showReport';
import { offerToTurnOffBuiltInLinkSuggestions, turnOffBuiltInLinkSuggestions } from './builtInMarkdown';
import { createLanguageClient, registerRenameGuard } from './languageClient';
import { registerEntryLinkDrops } from './entryLinkDrops';
import { showFailure, withClearErrors } from './commandErrors';
import { GlossaryStatusBar, isGlossaryStatus } from './statusBar';
import { errorMessage } from '../../server/src/errorText';

/** What `activate` returns: read by the extension-host tests and open to other extensions. */
export interface GlossaryExtensionApi {
  /** The last status the server sent, if any. */
  readonly status: () => GlossaryStatus | undefined;
  /** The text of the status bar item. */
  readonly statusBarText: () => string;
  /** What a screen reader says of the status bar item. */
  readonly statusBarAccessibleLabel: () => string | undefined;
  /** Whether the status bar item is shown (not in a folder without entries or `.glossary.json`). */
  readonly statusBarShown: () => boolean;
  /** Fires after each status the server sends. */
  readonly onDidChangeStatus: vscode.Event<GlossaryStatus>;
  /** The folder of the extension's logs, where its output channel writes `<channel name>.log`. */
  readonly logFolder: vscode.Uri;
}

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<GlossaryExtensionApi> {
  // Whether the folder has shown itself a glossary (see below); set once, never unset.
  let active = false;
  // The restart under way (see Restart Server).
  let restarting: Promise<void> | undefined;
  // Refuses renames while the server does not run (see `registerRenameGuard`).
  let renameGuard: vscode.Disposable | undefined;
  const { client: languageClient, forgetCrashes } = createLanguageClient(context, () => active);
  client = languageClient;
  const statusBar = new GlossaryStatusBar();
  // A command that needs the server fails at once, with the offer to restart it, while the server is stopped.
  const withServer = <A extends unknown[], R>(run: (...args: A) => R | Thenable<R>) =>
    withClearErrors((...args: A) => {
      if (isStopped(languageClient.state)) throw new Error(vscode.l10n.t('the glossary server is not running.'));
      return run(...args);
    });
  context.subscriptions.push(
    statusBar,
    languageClient.onNotification(StatusNotification, (status) => statusBar.update(status)),
    languageClient.onDidChangeState(({ newState }) => {
      // A server the client restarts by itself passes through Stopped and is Starting again at once:
      // only a server still stopped after that is stopped for good.
      if (isStopped(newState)) queueMicrotask(() => isStopped(languageClient.state) && restarting === undefined && statusBar.stopped());
      // In a glossary, no rename goes past the server while it does not run.
      if (newState === State.Running) {
        renameGuard?.dispose();
        renameGuard = undefined;
      } else if (active) {
        renameGuard ??= registerRenameGuard(() => languageClient.state === State.Starting);
      }
    }),
    { dispose: () => renameGuard?.dispose() },
    registerEntryLinkDrops(languageClient),
    vscode.commands.registerCommand('glossary.newEntry', withServer((title?: unknown) => newEntry(languageClient, typeof title === 'string' ? title : undefined))),
    vscode.commands.registerCommand('glossary.showMissingEntries', withServer(() => showMissingEntries(languageClient))),
    vscode.commands.registerCommand('glossary.showReferences', withServer(() => showReferences(languageClient))),
    vscode.commands.registerCommand('glossary.showReport', withServer(() => showReport(languageClient))),
    vscode.commands.registerCommand('glossary.turnOffMarkdownLinkSuggestions', withClearErrors(turnOffBuiltInLinkSuggestions, { offerRestart: false })),
    // Run by the report's links; not in the command palette.
    vscode.commands.registerCommand(ReportLinkCommands.openEntry, withClearErrors(openEntry, { offerRestart: false })),
    vscode.commands.registerCommand(
      ReportLinkCommands.createMissingEntry,
      withServer((argument?: { id?: unknown }) => (typeof argument?.id === 'string' ? createMissingEntry(languageClient, argument.id) : undefined)),
    ),
    // Run again while it restarts (while the server stops, the client says Stopped), it joins that restart.
    vscode.commands.registerCommand('glossary.restartServer', () => {
      forgetCrashes();
      return (restarting ??= restartServer(languageClient, statusBar).finally(() => (restarting = undefined)));
    }),
  );
  // The command palette lists the glossary's commands once the folder shows itself a glossary, and
  // keeps them (a restarted server tells only as it reads); Restart Server whenever the server was
  // started (see `menus.commandPalette` in package.json).
  context.subscriptions.push(
    statusBar.onDidChange((status) => {
      if (active || !isGlossaryStatus(status)) return;
      active = true;
      void vscode.commands.executeCommand('setContext', 'glossary.active', true);
      void offerToTurnOffBuiltInLinkSuggestions(context).catch((error) => showFailure(error, { offerRestart: false }));
    }),
  );
  // Of the `.txt` files, only the index page has ids to show links to (`resourcePath in
  // glossary.indexPages`). The window knows a file of a remote workspace by the path of its URI, a
  // local one by its file system path: the page is named both ways.
  let indexPage: string | undefined;
  context.subscriptions.push(
    statusBar.onDidChange((status) => {
      if (status.state !== 'ready' || status.indexPageUri === indexPage) return;
      indexPage = status.indexPageUri;
      const uri = indexPage === undefined ? undefined : languageClient.protocol2CodeConverter.asUri(indexPage);
      void vscode.commands.executeCommand('setContext', 'glossary.indexPages', uri === undefined ? [] : [...new Set([uri.fsPath, uri.path])]);
    }),
  );
  await vscode.commands.executeCommand('setContext', 'glossary.started', true);
  // A server that does not start is said by the client (with its output); the extension stays
  // active, so that Restart Server can try again.
  await languageClient.start().catch(() => undefined);
  return { status: () => statusBar.status, statusBarText: () => statusBar.text, statusBarAccessibleLabel: () => statusBar.accessibleLabel, statusBarShown: () => statusBar.shown, onDidChangeStatus: statusBar.onDidChange, logFolder: context.logUri };
}

/** Stops the server, if it runs, and starts it again; says why when it does not start. */
async function restartServer(languageClient: LanguageClient, statusBar: GlossaryStatusBar): Promise<void> {
  // Stopping on the way passes through the client's Stopped state: that is no stop for good.
  statusBar.hide();
  try {
    // The client cannot stop a server that is still starting: that start is awaited first.
    if (languageClient.state === State.Starting) await languageClient.start().catch(() => undefined);
    await (isStopped(languageClient.state) ? startAgain(languageClient) : languageClient.restart());
  } catch (error) {
    const reason = errorMessage(error);
    void vscode.window.showErrorMessage(vscode.l10n.t('The glossary server did not start again: {0}', reason));
  } finally {
    if (isStopped(languageClient.state)) statusBar.stopped();
  }
}

/**
 * Starts a stopped client anew (`restart` would throw, as it cannot stop it). Right after a start
 * failed, the client still hands out that failed start until it has wound it down, a moment later:
 * then it is tried once more.
 */
async function startAgain(client: LanguageClient): Promise<void> {
  try {
    await client.start();
  } catch {
    await new Promise((resolve) => setTimeout(resolve, 500));
    if (isStopped(client.state)) await client.start();
  }
}

/** Whether the server is not running and the client will not start it again by itself. */
function isStopped(state: State): boolean {
  return state === State.Stopped || state === State.StartFailed;
}

export async function deactivate(): Promise<void> {
  // Only a running client can be stopped (stop throws otherwise); a server still starting ends with the extension host.
  if (client?.state === State.Running) await client.stop();
  client = undefined;
}
