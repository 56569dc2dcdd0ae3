import * as l10n from '@vscode/l10n';
import { Connection, WorkspaceEdit } from 'vscode-languageserver';

/** For files created or renamed: the editor refuses rather than replace a file that is in the way. */
export const neverReplace = { overwrite: false, ignoreIfExists: false } as const;

/** Has the editor apply an edit; undefined once it did, else why not. */
export async function applyOrReason(connection: Connection, label: string, edit: WorkspaceEdit): Promise<string | undefined> {
  const applied = await connection.workspace.applyEdit({ label, edit });
  // A client answering nothing (against the protocol) is taken to have refused.
  return applied?.applied === true ? undefined : (applied?.failureReason ?? l10n.t('the editor refused the edit.'));
}
