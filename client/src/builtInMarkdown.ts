import * as vscode from 'vscode';

/**
 * VS Code's own Markdown support knows neither that Pandoc joins the files into one book nor
 * Pandoc's `{#id}`: after `](#` it suggests the open file's headings under ids Pandoc does not
 * give (`#beschreibung-explanation`), above the glossary's, and with its validation on it reports
 * every link into another file as missing. These are its settings that turn that off, and when each
 * is worth changing.
 */
const builtInSettings: readonly { readonly key: string; readonly off: unknown; readonly matters: (markdown: vscode.WorkspaceConfiguration) => boolean }[] = [
  { key: 'suggest.paths.enabled', off: false, matters: () => true },
  { key: 'validate.fragmentLinks.enabled', off: 'ignore', matters: (markdown) => markdown.get('validate.enabled') === true },
];

const builtInExtensionId = 'vscode.markdown-language-features';
/** The workspace state that remembers "Don't Ask Again". */
const dontAskKey = 'glossary.builtInMarkdownOffer.dontAsk';

/** The settings of a workspace folder that let VS Code's own Markdown support suggest or report `#id` links. */
function settingsToTurnOff(folder: vscode.WorkspaceFolder): { readonly key: string; readonly off: unknown }[] {
  const markdown = vscode.workspace.getConfiguration('markdown', folder);
  return builtInSettings.filter((setting) => setting.matters(markdown) && markdown.get(setting.key) !== setting.off);
}

/**
 * The command "Turn Off VS Code's Markdown Link Suggestions Here": writes the settings into the
 * `.vscode/settings.json` of the workspace folders (by default each), so that other Markdown keeps
 * them. Returns how many settings it changed.
 */
export async function turnOffBuiltInLinkSuggestions(folders: readonly vscode.WorkspaceFolder[] = vscode.workspace.workspaceFolders ?? []): Promise<number> {
  if (folders.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Open the glossary\'s folder first: the settings are written into the folder.'));
    return 0;
  }
  let changed = 0;
  for (const folder of folders) {
    const markdown = vscode.workspace.getConfiguration('markdown', folder);
    for (const { key, off } of settingsToTurnOff(folder)) {
      await markdown.update(key, off, vscode.ConfigurationTarget.WorkspaceFolder);
      changed++;
    }
  }
  if (changed === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('VS Code\'s own Markdown link suggestions are off here already.'));
  }
  return changed;
}

/**
 * Offers the command once the folder shows itself a glossary, unless VS Code's own Markdown support
 * is off, the workspace already decides these settings, or the writer said "Don't Ask Again".
 * Closing the notification leaves the offer for the next start.
 */
export async function offerToTurnOffBuiltInLinkSuggestions(context: vscode.ExtensionContext): Promise<void> {
  if (context.workspaceState.get(dontAskKey) === true || vscode.extensions.getExtension(builtInExtensionId) === undefined) return;
  const decidedHere = (folder: vscode.WorkspaceFolder): boolean =>
    builtInSettings.some(({ key }) => {
      const inspected = vscode.workspace.getConfiguration('markdown', folder).inspect(key);
      return inspected?.workspaceValue !== undefined || inspected?.workspaceFolderValue !== undefined;
    });
  // A folder whose settings decide these for themselves is left as it is.
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((folder) => !decidedHere(folder));
  const toTurnOff = folders.flatMap(settingsToTurnOff);
  if (toTurnOff.length === 0) return;
  const turnOff = vscode.l10n.t('Turn Off Here');
  const dontAsk = vscode.l10n.t('Don\'t Ask Again');
  const validates = toTurnOff.some(({ key }) => key.startsWith('validate.'));
  const suggests = toTurnOff.some(({ key }) => key.startsWith('suggest.'));
  const message =
    validates && suggests
      ? vscode.l10n.t('VS Code\'s own Markdown support reports the links into other files as missing, and after "](#" it suggests ids that Pandoc does not give. Turn both off for this workspace?')
      : validates
        ? vscode.l10n.t('VS Code\'s own Markdown support reports the links into other files as missing. Turn that off for this workspace?')
        : vscode.l10n.t('VS Code\'s own Markdown support suggests ids after "](#" that Pandoc does not give, above the glossary\'s. Turn its link suggestions off for this workspace?');
  const answer = await vscode.window.showInformationMessage(message, turnOff, dontAsk);
  if (answer === turnOff) {
    await turnOffBuiltInLinkSuggestions(folders);
  } else if (answer === dontAsk) {
    await context.workspaceState.update(dontAskKey, true);
  }
}
