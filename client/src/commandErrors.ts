import * as vscode from 'vscode';
import { errorMessage } from '../../server/src/errorText';

/** How a failure is told. */
interface FailureOptions {
  /** Whether the message offers to restart the server (the default); not for work it has no part in, such as opening or saving a file. */
  readonly offerRestart?: boolean;
}

/**
 * A command that shows what went wrong rather than failing with VS Code's generic "Command … resulted
 * in an error" (the server restarting or stopped, a file deleted meanwhile, a disk full), and
 * offers to restart the server where it takes part. Resolves to undefined after a failure.
 */
export function withClearErrors<A extends unknown[], R>(run: (...args: A) => R | Thenable<R>, options: FailureOptions = {}): (...args: A) => Promise<R | undefined> {
  return async (...args: A) => {
    try {
      return await run(...args);
    } catch (error) {
      void showFailure(error, options);
      return undefined;
    }
  };
}

/** Tells the writer that a glossary command failed and why, offering to restart the server unless told not to. */
export async function showFailure(error: unknown, { offerRestart = true }: FailureOptions = {}): Promise<void> {
  const message = vscode.l10n.t('The glossary command did not complete: {0}', errorMessage(error));
  if (!offerRestart) {
    await vscode.window.showErrorMessage(message);
    return;
  }
  const restart = vscode.l10n.t('Restart Server');
  if ((await vscode.window.showErrorMessage(message, restart)) === restart) {
    await vscode.commands.executeCommand('glossary.restartServer');
  }
}
