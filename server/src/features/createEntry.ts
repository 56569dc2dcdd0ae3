import * as l10n from '@vscode/l10n';
import { Connection, CreateFile, Range, SnippetTextEdit, TextDocumentEdit, TextEdit } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { affectedNow, IndexChange } from '../index/workspaceIndex';
import { CreateEntryParams, CreateEntryResult } from '../protocol';
import { GlossarySession } from '../session/glossarySession';
import { folderOf } from '../workspace/uris';
import { entryTemplate } from './newEntry';
import { applyOrReason, neverReplace } from './workspaceEdits';
import { lineBreakIn } from './seeAlsoEdits';

/** What the client can do that creating an entry needs. */
export interface EntryCreationClient {
  /** Whether workspace edits may create files (`documentChanges` with `create`). */
  readonly createsFiles: boolean;
  readonly showsDocuments: boolean;
  /** Whether workspace edits may hold snippets (`SnippetTextEdit`). */
  readonly snippetEdits: boolean;
  /** The document the editor has open at a URI, as the server knows it. */
  openDocument(uri: string): { readonly version: number; getText(): string } | undefined;
}

/**
 * Creates a new entry file from the chapter template, never replacing a file: with one workspace
 * edit that the editor applies (so it can be undone there), or, where the editor's edits cannot
 * create files (Neovim), written by the server itself. Then shows it with the summary placeholder
 * selected. Returns where it was created, the index change it made and, for an editor that was
 * neither given the edit nor can be asked to show the file, a notice of where it is; or why not.
 */
export async function createEntry(
  params: CreateEntryParams | undefined,
  session: GlossarySession,
  connection: Connection,
  client: EntryCreationClient,
): Promise<{ readonly result: CreateEntryResult; readonly change?: IndexChange; readonly notice?: string }> {
  if (typeof params?.title !== 'string' || params.title.trim() === '') {
    return { result: { error: l10n.t('A new entry needs a title.') } };
  }
  const title = params.title.trim();
  const proposal = await session.proposeEntry(title, typeof params.id === 'string' ? params.id : undefined);
  if (proposal.problem !== undefined || proposal.uri === undefined) {
    return { result: { error: proposal.problem ?? l10n.t('The entry cannot be created.') } };
  }
  const uri = proposal.uri;
  const template = entryTemplate(title, proposal.id, session.config, session.index);
  const { placeholder, snippet } = template;
  // An editor writes an edit's line breaks as it writes a new file's (VS Code: `files.eol`); the server writes the glossary's.
  const text = client.createsFiles ? template.text : template.text.replaceAll('\n', await lineBreakBeside(uri, session, client));
  const failure = client.createsFiles ? await createWithEdit(connection, uri, proposal.id, text) : await session.createFile(uri, text);
  if (failure !== undefined) {
    return { result: { error: l10n.t('The entry "{0}" was not created: {1}', proposal.id, failure) } };
  }
  // Published after the editor has shown the file, when the index may have changed again.
  const added = session.addCreatedFile(uri, text);
  const change = added && affectedNow(added);
  if (client.showsDocuments && client.createsFiles && client.snippetEdits) {
    // The entry exists now: an editor failing to show it or to take the snippet changes nothing of that.
    try {
      const shown = await connection.window.showDocument({ uri, takeFocus: true, selection: placeholder });
      if (shown.success) await startSnippet(connection, uri, text, snippet, client);
    } catch {
      // The writer has the file, without tab stops.
    }
    return { result: { uri }, change };
  }
  if (client.showsDocuments) {
    void connection.window.showDocument({ uri, takeFocus: true, selection: placeholder });
    return { result: { uri }, change };
  }
  return { result: { uri }, change, notice: client.createsFiles ? undefined : l10n.t('The entry "{0}" was created: {1}', proposal.id, URI.parse(uri).fsPath) };
}

/** The line break of the entries beside a new one: the first of the first entry file that has one (CRLF or LF). */
async function lineBreakBeside(uri: string, session: GlossarySession, client: EntryCreationClient): Promise<string> {
  for (const neighbour of session.index.documents()) {
    if (neighbour.entries.length === 0 || folderOf(neighbour.uri) !== folderOf(uri)) continue;
    const text = client.openDocument(neighbour.uri)?.getText() ?? (await session.readText(neighbour.uri));
    const lineBreak = text === undefined ? undefined : lineBreakIn(text);
    if (lineBreak !== undefined) return lineBreak;
  }
  return '\n';
}

/**
 * Gives the new entry's editor its tab stops: the text is written over with the same text as a
 * snippet, which an editor takes as one only while it shows the file (hence after showing it).
 * Left as it is when the writer has changed it meanwhile.
 */
async function startSnippet(connection: Connection, uri: string, text: string, snippet: string, client: EntryCreationClient): Promise<void> {
  const document = client.openDocument(uri);
  // The editor may have written the file with other line breaks (VS Code's `files.eol`); a snippet takes the document's.
  if (document === undefined || document.getText().replace(/\r\n?/g, '\n') !== text.replace(/\r\n?/g, '\n')) return;
  const lines = text.split('\n');
  const snippetEdit: SnippetTextEdit = { range: Range.create(0, 0, lines.length - 1, lines[lines.length - 1]!.length), snippet: { kind: 'snippet', value: snippet } };
  await connection.workspace.applyEdit({
    edit: { documentChanges: [TextDocumentEdit.create({ uri, version: document.version }, [snippetEdit])] },
  });
}

/** Creates the file with a workspace edit; undefined when the editor applied it, else why not. */
async function createWithEdit(connection: Connection, uri: string, id: string, text: string): Promise<string | undefined> {
  return applyOrReason(connection, l10n.t('Create entry "{0}"', id), {
    documentChanges: [CreateFile.create(uri, neverReplace), TextDocumentEdit.create({ uri, version: null }, [TextEdit.insert({ line: 0, character: 0 }, text)])],
  });
}
