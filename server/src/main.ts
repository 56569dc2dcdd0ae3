import { statSync } from 'node:fs';
import * as l10n from '@vscode/l10n';
import { ExitCode, runCli } from './cli/main';
import { followLinks, NodeFileSystemWorkspace, writeErrorReason, writeFileWhole } from './workspace/nodeWorkspace';
import { errorMessage } from './errorText';

/**
 * The `glossary` executable: `glossary lsp` starts the language server (see `startLanguageServer`), every other
 * command is the command line.
 */
function main(): void {
  const argv = process.argv.slice(2);
  // A reader that stops early (`glossary check . | head`) is no error of ours.
  // Output that cannot be written (a full disk, `> /dev/full`) is a failed run, said in a line.
  const onStdoutError = (error: NodeJS.ErrnoException): void => {
    if (error.code === 'EPIPE') {
      process.exit(process.exitCode ?? 0);
    }
    // The messages speak the language runCli chose, as the arguments and environment asked.
    process.stderr.write(`glossary: ${l10n.t('the output cannot be written: {0}', writeErrorReason(error))}\n`);
    process.exit(ExitCode.badUsage);
  };
  process.stdout.on('error', onStdoutError);
  // Notes and warnings that no one reads any more, or that cannot be written (`2>/dev/full`), change
  // nothing: the run goes on to its exit status, and there is nowhere left to say more.
  process.stderr.on('error', () => {});
  runCli(argv, {
    cwd: process.cwd(),
    workspace: new NodeFileSystemWorkspace({ synchronousReads: true }),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    environment: process.env,
    writeFile: writeFileWhole,
    writtenFile: followLinks,
    fileIdentity: (filePath) => {
      // bigint: the 64-bit file ids of Windows do not fit a number.
      const stats = statSync(filePath, { bigint: true, throwIfNoEntry: false });
      return stats === undefined ? undefined : `${stats.dev}:${stats.ino}`;
    },
    // Loaded only here, so that the command line does not pay for the language server's code.
    startLanguageServer: () => {
      // Without the channel, vscode-languageserver would end at once, silently and with status 0.
      if (argv.includes('--node-ipc') && process.send === undefined) {
        return l10n.t('--node-ipc needs the IPC channel of an editor that starts the server; from a shell, use --stdio');
      }
      // The server's stdout is its connection: a client gone is the server's to handle (exit 1 without shutdown).
      process.stdout.off('error', onStdoutError);
      (require('./lspMain') as typeof import('./lspMain')).startLanguageServer();
      return undefined;
    },
  }).then(
    (exitCode) => {
      process.exitCode = exitCode;
    },
    (error: unknown) => {
      process.stderr.write(`glossary: ${l10n.t('internal error: {0}', errorMessage(error))}\n`);
      process.exitCode = ExitCode.internalError;
    },
  );
}

main();
