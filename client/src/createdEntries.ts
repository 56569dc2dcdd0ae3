import * as vscode from 'vscode';
import { ExecuteCommandSignature } from 'vscode-languageclient';
import { CreateEntryResult, ServerCommands } from '../../server/src/protocol';

/**
 * Completes every `glossary.createEntry` the server runs, whether a command of this extension or
 * a quick fix asked for it: saves the new file (a workspace edit leaves a created file unsaved,
 * and closing it unsaved would leave it empty on disk). Why the server refused, it shows itself.
 */
export async function completeCreatedEntry(command: string, args: unknown[], next: ExecuteCommandSignature): Promise<unknown> {
  const result: unknown = await next(command, args);
  if (command === ServerCommands.createEntry && isCreateEntryResult(result) && 'uri' in result) {
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(result.uri));
    await document.save();
  }
  return result;
}

function isCreateEntryResult(value: unknown): value is CreateEntryResult {
  return typeof value === 'object' && value !== null && (typeof (value as { uri?: unknown }).uri === 'string' || typeof (value as { error?: unknown }).error === 'string');
}
