import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

/** `glossary lsp`: the language server on the connection named by --stdio, --node-ipc or --socket. */
export function startLanguageServer(): void {
  const connection = createConnection(ProposedFeatures.all);
  // A request the client failed to answer must not end the writer's language features.
  process.on('unhandledRejection', (reason) => {
    connection.console.error(`unexpected failure: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`);
  });
  startServer(connection);
}
