import * as l10n from '@vscode/l10n';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { explicitLocale } from './cli/args';
import { localeOfEnvironment } from './localization';
import { hasShutDown } from './requestRunner';
import { startServer } from './server';
import { consoleToLog, transportOf, withCanonicalFileUris } from './transport';
import { errorMessage, errorWithStack } from './errorText';

/**
 * `glossary lsp`: the language server on the connection named by --stdio, --node-ipc, --socket or
 * --pipe, and on stdio when none is named. Its messages are in the language of `--locale`, else
 * the one the editor asks for, else that of the environment (LC_ALL, LC_MESSAGES, LANG).
 */
export function startLanguageServer(): void {
  const chosen = explicitLocale(process.argv.slice(2));
  const environment = localeOfEnvironment(process.env);
  const transport = transportOf(process.argv.slice(2));
  const connection = createConnection(ProposedFeatures.all, withCanonicalFileUris(transport.reader), transport.writer);
  if (transport.stdio) {
    consoleToLog(connection.console);
  } else {
    // A socket or pipe the editor does not hold open: said where a shell shows it, not in silence.
    transport.reader.onError((error) => {
      process.stderr.write(`glossary: ${l10n.t('the connection to the editor failed: {0}', errorMessage(error))}\n`);
    });
  }
  // The client gone without `exit` (its process ended, the pipe closed): the server ends too, as
  // vscode-languageserver's own stdio does; after a shutdown request that is a clean end.
  transport.reader.onClose(() => process.exit(hasShutDown(connection) ? 0 : 1));
  // A request the client failed to answer must not end the writer's language features.
  process.on('unhandledRejection', (reason) => {
    connection.console.error(`unexpected failure: ${errorWithStack(reason)}`);
  });
  startServer(connection, undefined, (editorLocale) => chosen ?? editorLocale ?? environment);
}
