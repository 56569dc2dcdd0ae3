import * as vscode from 'vscode';
import { CreateEntryParams, CreateEntryResult, ServerCommands } from '../../../server/src/protocol';

/**
 * Asks the server to create an entry; it creates the file and shows it with the cursor on the
 * first placeholder (`completeCreatedEntry` saves it or shows the refusal). Returns the new
 * file's URI, or undefined when the entry was not created.
 */
export async function createEntry(params: CreateEntryParams): Promise<string | undefined> {
  const result = await vscode.commands.executeCommand<CreateEntryResult | undefined>(ServerCommands.createEntry, params);
  return result !== undefined && 'uri' in result ? result.uri : undefined;
}
