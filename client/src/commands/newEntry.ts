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
  if (entry.problem !== undefined) {
    void vscode.window.showErrorMessage(entry.problem);
    return undefined;
  }
  return createEntry({ title: entry.title, id: entry.id });
}

/**
 * The term typed, and the id when written after it in braces as in a heading (`3D-Druck {#Druck-3D}`).
 * Braces that read as another attribute block (`{.unnumbered}`, `{-}`, `{#a .b}`), an id with
 * blanks in it (`{# a}`), or an attribute block left open (`{#a`) are a problem: the heading would
 * carry them as text, and the id would be made of them. Braces of other text (`Menge {x}`) are
 * part of the term.
 */
function termAndId(typed: string): { readonly title: string; readonly id?: string; readonly problem?: string; readonly bracedWord?: string } {
  const trimmed = typed.trim();
  const braced = /^(.*?)\s*\{([^{}]*)\}$/s.exec(trimmed);
  if (braced !== null) {
    const title = braced[1]!.trim();
    const items = braced[2]!.trim().split(/\s+/).filter((item) => item !== '');
    if (items.length === 1 && items[0]!.startsWith('#')) {
      return items[0] === '#' ? { title } : { title, id: items[0]!.slice(1) };
    }
    const isAttribute = (item: string): boolean => /^[#.]|^[^\s=]+=|^-$/.test(item);
    if (items[0]?.startsWith('#') && !items.slice(1).some(isAttribute)) {
      // `{# Id}` meant `{#Id}`, `{#KI Begriff}` most likely `{#KI-Begriff}`.
      return { title, problem: vscode.l10n.t('An id holds no blanks: write {0}.', `{#${items.join('-').replace(/^#-?/, '')}}`) };
    }
    if (items.some(isAttribute)) {
      return { title, problem: vscode.l10n.t('In braces after the term, write the id alone, as {0}: the classes of a new entry come from the settings (chapterClasses).', '{#Id}') };
    }
    // `KI {KI}`, the # forgotten: part of the term (`Menge {x}`), which the writer is told.
    if (items.length === 1) {
      return { title: trimmed, bracedWord: items[0] };
    }
  }
  if (/\{[#.][^{}]*$/.test(trimmed)) {
    return { title: trimmed, problem: vscode.l10n.t('The braces after the term are not closed: write the id as {0}.', '{#Id}') };
  }
  return { title: trimmed };
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
      if (entry.problem !== undefined) {
        return { message: entry.problem, severity: vscode.InputBoxValidationSeverity.Error };
      }
      let proposal;
      try {
        proposal = await client.sendRequest(ProposeEntryRequest, { title: entry.title, id: entry.id });
      } catch {
        // A failed check must not block Enter (VS Code waits for it): the server checks the id again when it creates the entry.
        return { message: vscode.l10n.t('The glossary server is not reachable now: the id is checked when the entry is created.'), severity: vscode.InputBoxValidationSeverity.Warning };
      }
      const bracedWord = entry.bracedWord === undefined ? '' : ` ${vscode.l10n.t('Braces without a # are part of the term: to choose the id, write {0}.', `{#${entry.bracedWord}}`)}`;
      if (proposal.problem !== undefined) {
        const naming = proposal.idProblem && entry.id === undefined && bracedWord === '' ? ` ${vscode.l10n.t('To choose the id, add it in braces: {0}', `${entry.title} {#…}`)}` : '';
        return { message: proposal.problem + naming + bracedWord, severity: vscode.InputBoxValidationSeverity.Error };
      }
      const message =
        proposal.linkCount === 0
          ? vscode.l10n.t('Creates the entry with the id "{0}".', proposal.id)
          : proposal.linkCount === 1
            ? vscode.l10n.t('Creates the entry with the id "{0}", which a link points at already.', proposal.id)
            : vscode.l10n.t('Creates the entry with the id "{0}", which {1} links point at already.', proposal.id, proposal.linkCount);
      return { message: message + bracedWord, severity: bracedWord === '' ? vscode.InputBoxValidationSeverity.Info : vscode.InputBoxValidationSeverity.Warning };
    },
  });
}
