import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { ProposeEntryRequest } from '../../../server/src/protocol';
import { createEntry } from './createEntry';

/**
 * "Glossary: New Entry…": asks for the term, shows the id the server proposes while the writer
 * types (or why it cannot be created), then creates the entry. The writer may name the id as in
 * the heading, `Term {#Id}`. A `title` argument skips the input box (for automation and tests).
 * Returns the new file's URI.
 */
export async function newEntry(client: LanguageClient, title?: string): Promise<string | undefined> {
  const typed = title ?? (await askForTerm(client));
  const entry = typed === undefined ? undefined : termAndId(typed);
  if (entry === undefined || entry.title === '') {
    return undefined;
  }
  return createEntry(entry);
}

/** The term typed, and the id when written after it in braces as in a heading (`3D-Druck {#Druck-3D}`). */
function termAndId(typed: string): { readonly title: string; readonly id?: string } {
  const braced = /^(.*?)\s*\{#([^{}]*)\}$/s.exec(typed.trim());
  const id = braced?.[2]!.trim();
  return braced === null || id === '' ? { title: (braced?.[1] ?? typed).trim() } : { title: braced[1]!.trim(), id };
}

function askForTerm(client: LanguageClient): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: vscode.l10n.t('New Glossary Entry'),
    prompt: vscode.l10n.t('The term as it should appear in the heading, for example "Data Scraping"; to choose the id, add it in braces: "3D Modeling {#Modeling-3D}"'),
    ignoreFocusOut: true,
    validateInput: async (value) => {
      const entry = termAndId(value);
      if (entry.title === '') {
        // An id alone (`{#Foo}`) would make nothing: Enter stays blocked until a title is typed.
        return value.trim() === '' ? undefined : { message: vscode.l10n.t('A new entry needs a title.'), severity: vscode.InputBoxValidationSeverity.Error };
      }
      let proposal;
      try {
        proposal = await client.sendRequest(ProposeEntryRequest, entry);
      } catch {
        // A failed check must not block Enter (VS Code waits for it): the server checks the id again when it creates the entry.
        return { message: vscode.l10n.t('The glossary server is not reachable now: the id is checked when the entry is created.'), severity: vscode.InputBoxValidationSeverity.Warning };
      }
      if (proposal.problem !== undefined) {
        const naming = proposal.idProblem && entry.id === undefined ? ` ${vscode.l10n.t('To choose the id, add it in braces: {0}', `${entry.title} {#…}`)}` : '';
        return { message: proposal.problem + naming, severity: vscode.InputBoxValidationSeverity.Error };
      }
      return { message: vscode.l10n.t('Creates the entry with the id {0}.', proposal.id), severity: vscode.InputBoxValidationSeverity.Info };
    },
  });
}
