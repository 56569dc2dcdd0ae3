import * as vscode from 'vscode';
import { ExecuteCommandRequest } from 'vscode-languageclient';
import { LanguageClient } from 'vscode-languageclient/node';
import { CreateEntryParams, CreateEntryResult, ServerCommands } from '../../../server/src/protocol';

/**
 * Asks the server to create an entry; the server writes the file and shows it with the cursor on
 * the first placeholder. Shows the server's reason when it refuses. Returns the new file's URI.
 */
export async function createEntry(client: LanguageClient, params: CreateEntryParams): Promise<string | undefined> {
  const result = (await client.sendRequest(ExecuteCommandRequest.type, {
    command: ServerCommands.createEntry,
    arguments: [params],
  })) as CreateEntryResult | null;
  if (result === null) {
    return undefined;
  }
  if ('error' in result) {
    void vscode.window.showErrorMessage(result.error);
    return undefined;
  }
  return result.uri;
}
