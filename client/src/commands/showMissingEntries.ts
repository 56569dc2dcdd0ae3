import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/node';
import { MissingEntriesRequest, MissingEntry } from '../../../server/src/protocol';
import { createEntry } from './createEntry';

interface MissingEntryItem extends vscode.QuickPickItem {
  readonly entry: MissingEntry;
}

/**
 * "Glossary: Show Missing Entries": the ids that links point at but no file defines, most
 * referenced first; picking one creates its entry. Returns the new file's URI. An id whose file
 * is in the way (it exists, holding another id, or differs in case alone) opens that file instead.
 */
export async function showMissingEntries(client: LanguageClient): Promise<string | undefined> {
  const missing = await client.sendRequest(MissingEntriesRequest);
  if (missing.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Every link points at an existing entry.'));
    return undefined;
  }
  const items: MissingEntryItem[] = missing.map((entry) => ({
    label: entry.id,
    description: referencesText(entry),
    detail: inTheWay(entry),
    entry,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Missing Glossary Entries'),
    placeHolder: vscode.l10n.t('Pick an id to create its entry'),
  });
  return picked === undefined ? undefined : createOrOpen(picked.entry);
}

/**
 * A missing entry's id picked elsewhere (a link in the Glossary Report): creates its entry as
 * picking it above does. Returns the new file's URI.
 */
export async function createMissingEntry(client: LanguageClient, id: string): Promise<string | undefined> {
  const entry = (await client.sendRequest(MissingEntriesRequest)).find((missing) => missing.id === id);
  if (entry === undefined) {
    // Written since the report was made (or the links to it are gone).
    void vscode.window.showInformationMessage(vscode.l10n.t('No link points at a missing entry "{0}" any more.', id));
    return undefined;
  }
  return createOrOpen(entry);
}

/**
 * Creates the entry, or opens the file in its way with the cursor on the id of the entry it holds,
 * where that entry's quick fixes are (change the id after the file, write the entry over a copy).
 */
async function createOrOpen(entry: MissingEntry): Promise<string | undefined> {
  if (entry.existingFile !== undefined) {
    const editor = await vscode.window.showTextDocument(vscode.Uri.parse(entry.existingFile));
    const id = entry.existingFileEntryId;
    for (let line = 0; id !== undefined && line < Math.min(editor.document.lineCount, 50); line++) {
      const at = editor.document.lineAt(line).text.search(new RegExp(`#${escapeRegExp(id)}(?![\\w.:-])`));
      if (at >= 0) {
        const position = new vscode.Position(line, at + 1);
        editor.selection = new vscode.Selection(position, position);
        editor.revealRange(editor.selection);
        break;
      }
    }
    return undefined;
  }
  return createEntry({ title: entry.title, id: entry.id });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Why the entry cannot be made: the file it would be written to, and the entry that file holds. */
function inTheWay({ existingFile, existingFileEntryId, existingFileCopyOf }: MissingEntry): string | undefined {
  if (existingFile === undefined) {
    return undefined;
  }
  if (existingFileCopyOf !== undefined) {
    // Short: the picker cuts a longer detail off.
    return vscode.l10n.t('Opens {0}, a copy of {1}: its quick fix writes this entry over it', fileName(existingFile), fileName(existingFileCopyOf));
  }
  return existingFileEntryId === undefined
    ? vscode.l10n.t('Opens {0}, which exists already and holds no entry (or its name differs in case alone)', fileName(existingFile))
    : vscode.l10n.t('Opens {0}, which exists already: its entry has the id "{1}"', fileName(existingFile), existingFileEntryId);
}

function fileName(uri: string): string {
  return vscode.Uri.parse(uri).path.split('/').pop() ?? uri;
}

function referencesText({ referenceCount, fileCount }: MissingEntry): string {
  if (referenceCount === 1) {
    return vscode.l10n.t('1 link in 1 file');
  }
  if (fileCount === 1) {
    return vscode.l10n.t('{0} links in 1 file', referenceCount);
  }
  return vscode.l10n.t('{0} links in {1} files', referenceCount, fileCount);
}
