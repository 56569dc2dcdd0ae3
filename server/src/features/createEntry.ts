import * as l10n from '@vscode/l10n';
import { Connection, CreateFile, TextDocumentEdit, TextEdit } from 'vscode-languageserver';
import { IndexChange } from '../index/workspaceIndex';
import { CreateEntryParams, CreateEntryResult } from '../protocol';
import { GlossarySession } from '../session/glossarySession';
import { entryTemplate } from './newEntry';

/** What the client can do that creating an entry needs. */
export interface EntryCreationClient {
  /** Whether workspace edits may create files (`documentChanges` with `create`). */
  readonly createsFiles: boolean;
  readonly showsDocuments: boolean;
}

/**
 * Creates a new entry file from the chapter template with one workspace edit that the editor
 * applies (so it can be undone there) and that never replaces a file, then shows it with the
 * summary placeholder selected. Returns where it was created and the index change it made, or why not.
 */
export async function createEntry(
  params: CreateEntryParams | undefined,
  session: GlossarySession,
  connection: Connection,
  client: EntryCreationClient,
): Promise<{ readonly result: CreateEntryResult; readonly change?: IndexChange }> {
  if (typeof params?.title !== 'string' || params.title.trim() === '') {
    return { result: { error: l10n.t('A new entry needs a title.') } };
  }
  if (!client.createsFiles) {
    return { result: { error: l10n.t('This editor cannot create files for the language server.') } };
  }
  const title = params.title.trim();
  const proposal = await session.proposeEntry(title, typeof params.id === 'string' ? params.id : undefined);
  if (proposal.problem !== undefined || proposal.uri === undefined) {
    return { result: { error: proposal.problem ?? l10n.t('The entry cannot be created.') } };
  }
  const uri = proposal.uri;
  const { text, placeholder } = entryTemplate(title, proposal.id, session.config, session.index);
  // overwrite: false and ignoreIfExists: false: the editor refuses rather than replace a file.
  const applied = await connection.workspace.applyEdit({
    label: l10n.t('Create entry "{0}"', proposal.id),
    edit: {
      documentChanges: [
        CreateFile.create(uri, { overwrite: false, ignoreIfExists: false }),
        TextDocumentEdit.create({ uri, version: null }, [TextEdit.insert({ line: 0, character: 0 }, text)]),
      ],
    },
  });
  if (!applied.applied) {
    const reason = applied.failureReason ?? l10n.t('the editor refused the edit.');
    return { result: { error: l10n.t('The entry "{0}" was not created: {1}', proposal.id, reason) } };
  }
  const change = session.addCreatedFile(uri, text);
  if (client.showsDocuments) {
    void connection.window.showDocument({ uri, takeFocus: true, selection: placeholder });
  }
  return { result: { uri }, change };
}
