import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { ProposeEntryRequest } from '../../../server/src/protocol';
import { createEntry } from './createEntry';

/**
 * "Glossary: New Entry…": asks for the term, shows the id the server proposes while the writer
 * types (or why it cannot be created), then creates the entry. A `title` argument skips the input
 * box (for automation and tests). Returns the new file's URI.
 */
export async function newEntry(client: LanguageClient, title?: string): Promise<string | undefined> {
  const term = title ?? (await askForTerm(client));
  if (term === undefined || term.trim() === '') {
    return undefined;
  }
  return createEntry({ title: term.trim() });
}

function askForTerm(client: LanguageClient): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: vscode.l10n.t('New Glossary Entry'),
    prompt: vscode.l10n.t('The term as it should appear in the heading, for example "Data Scraping"'),
    ignoreFocusOut: true,
    validateInput: async (value) => {
      if (value.trim() === '') {
        return undefined;
      }
      const proposal = await client.sendRequest(ProposeEntryRequest, { title: value.trim() });
      if (proposal.problem !== undefined) {
        return { message: proposal.problem, severity: vscode.InputBoxValidationSeverity.Error };
      }
      return { message: vscode.l10n.t('Creates the entry with the id {0}.', proposal.id), severity: vscode.InputBoxValidationSeverity.Info };
    },
  });
}
