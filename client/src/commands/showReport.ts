import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { ReportLinkCommands, ReportRequest } from '../../../server/src/protocol';
import { brokenLinksText, entriesText } from '../statusBar';
import { showFailure } from '../commandErrors';

/**
 * "Glossary: Show Report": asks the server for the Glossary Report and shows its HTML page in a
 * webview without scripts (the page's own Content-Security-Policy allows nothing but its inline
 * styles), where an entry's title opens the entry and a missing entry's id creates it (links that
 * run the `ReportLinkCommands`, the only commands the webview may run); a notification offers to
 * save the page, without those links, to open it in a browser. Shown again, the report is made
 * anew in the same tab.
 */
export async function showReport(client: LanguageClient): Promise<vscode.WebviewPanel> {
  const { report, html, webviewHtml } = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Making the Glossary Report…') },
    () => client.sendRequest(ReportRequest, { commandLinks: true }),
  );
  const panel = reportPanel ?? openReportPanel();
  panel.webview.html = webviewHtml ?? html;
  panel.reveal();
  const { entries, brokenLinks, orphans } = report.summary;
  const orphansText = orphans === 1 ? vscode.l10n.t('1 orphan') : vscode.l10n.t('{0} orphans', orphans);
  const summary = vscode.l10n.t('Glossary Report: {0}, {1}, {2}.', entriesText(entries), brokenLinksText(brokenLinks), orphansText);
  const save = vscode.l10n.t('Save as HTML…');
  void vscode.window.showInformationMessage(summary, save).then((answer) => (answer === save ? saveReport(html).catch((error) => showFailure(error, { offerRestart: false })) : undefined));
  return panel;
}

/** The report's one tab: showing the report again refreshes it. */
let reportPanel: vscode.WebviewPanel | undefined;

function openReportPanel(): vscode.WebviewPanel {
  const panel = vscode.window.createWebviewPanel('glossary.report', vscode.l10n.t('Glossary Report'), vscode.ViewColumn.Active, {
    enableScripts: false,
    enableCommandUris: Object.values(ReportLinkCommands),
    localResourceRoots: [],
  });
  reportPanel = panel;
  panel.onDidDispose(() => {
    if (reportPanel === panel) reportPanel = undefined;
  });
  return panel;
}

/**
 * Saves the page where the writer chooses (first offered in the folder of the file being edited)
 * and offers to open it in the browser where the browser can reach it: a page saved on a remote
 * machine, or by VS Code in a browser, is no file of the writer's machine.
 */
async function saveReport(html: string): Promise<void> {
  const activeUri = vscode.window.activeTextEditor?.document.uri;
  const folder = ((activeUri && vscode.workspace.getWorkspaceFolder(activeUri)) ?? vscode.workspace.workspaceFolders?.[0])?.uri;
  const target = await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, 'glossary-report.html') : undefined,
    filters: { HTML: ['html'] },
  });
  if (target === undefined) {
    return;
  }
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(html));
  const saved = vscode.l10n.t('The report is saved as {0}.', vscode.workspace.asRelativePath(target));
  if (target.scheme !== 'file' || vscode.env.remoteName !== undefined || vscode.env.uiKind === vscode.UIKind.Web) {
    void vscode.window.showInformationMessage(saved);
    return;
  }
  const open = vscode.l10n.t('Open in Browser');
  if ((await vscode.window.showInformationMessage(saved, open)) === open) {
    await vscode.env.openExternal(target);
  }
}
