import * as vscode from 'vscode';
import { errorMessage } from '../../server/src/errorText';

/**
 * A command that shows what went wrong rather than failing with VS Code's generic "Command … resulted
 * in an error" (the server restarting or stopped, a file deleted meanwhile, a disk full), and
 * offers to restart the server. Resolves to undefined after a failure.
 */
export function withClearErrors<A extends unknown[], R>(run: (...args: A) => R | Thenable<R>): (...args: A) => Promise<R | undefined> {
  return async (...args: A) => {
    try {
      return await run(...args);
    } catch (error) {
      void showFailure(error);
      return undefined;
    }
  };
}

/** Tells the writer that a glossary command failed and why, offering to restart the server. */
export async function showFailure(error: unknown): Promise<void> {
  const restart = vscode.l10n.t('Restart Server');
  const reason = errorMessage(error);
  const answer = await vscode.window.showErrorMessage(vscode.l10n.t('The glossary command did not complete: {0}', reason), restart);
  if (answer === restart) {
    await vscode.commands.executeCommand('glossary.restartServer');
  }
}
