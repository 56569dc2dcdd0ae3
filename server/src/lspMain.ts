import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { explicitLocale } from './cli/args';
import { localeOfEnvironment } from './localization';
import { startServer } from './server';

/** The arguments by which vscode-languageserver picks the connection (`--socket=PORT` and `--pipe=NAME` too). */
const transportFlags: readonly string[] = ['--stdio', '--node-ipc', '--socket', '--pipe'];

/** Whether the arguments name the connection; without one, `glossary lsp` speaks over stdio. */
export function namesTransport(argv: readonly string[]): boolean {
  return argv.some((argument) => transportFlags.some((flag) => argument === flag || argument.startsWith(`${flag}=`)));
}

/**
 * `glossary lsp`: the language server on the connection named by --stdio, --node-ipc, --socket or
 * --pipe, and on stdio when none is named. Its messages are in the language of `--locale`, else
 * the one the editor asks for, else that of the environment (LC_ALL, LC_MESSAGES, LANG).
 */
export function startLanguageServer(): void {
  const chosen = explicitLocale(process.argv.slice(2));
  const environment = localeOfEnvironment(process.env);
  // createConnection reads the transport from process.argv and throws without one.
  if (!namesTransport(process.argv.slice(2))) {
    process.argv.push('--stdio');
  }
  const connection = createConnection(ProposedFeatures.all);
  // A request the client failed to answer must not end the writer's language features.
  process.on('unhandledRejection', (reason) => {
    connection.console.error(`unexpected failure: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`);
  });
  startServer(connection, undefined, (editorLocale) => chosen ?? editorLocale ?? environment);
}
