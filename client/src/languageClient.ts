import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, LSPErrorCodes, ProvideRenameEditsSignature, ResponseError, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { ServerCommands } from '../../server/src/protocol';
import { completeCreatedEntry } from './createdEntries';
import { completeIgnoredMentions } from './ignoreMentionsCommand';
import { PushedDiagnosticsOnly } from './pushedDiagnostics';

/** The id under which the client keeps its settings: `glossary.trace.server` traces the protocol. */
const clientId = 'glossary';

/**
 * Creates (without starting) the client of the bundled glossary language server, which runs as
 * `node dist/glossary.js lsp --node-ipc`. The server registers its own file watchers, for the
 * files its include patterns take in and for `.glossary.json` (dynamic registration), so the
 * client adds none: two watchers would send every change on disk twice.
 */
export function createLanguageClient(context: vscode.ExtensionContext): LanguageClient {
  const run = { module: context.asAbsolutePath('dist/glossary.js'), args: ['lsp'], transport: TransportKind.ipc };
  const serverOptions: ServerOptions = { run, debug: run };
  const clientOptions: LanguageClientOptions = {
    // A glossary's index page may be a .txt file (`indexFile`); the server serves no other .txt file.
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'file', pattern: '**/*.txt' },
    ],
    // The server pulls the settings (workspace/configuration); this only tells it when they change.
    synchronize: { configurationSection: 'glossary' },
    middleware: {
      provideRenameEdits: renameOrExplainRefusal,
      executeCommand: (command, args, next) =>
        command === ServerCommands.ignoreMentionsOf ? completeIgnoredMentions(args, next) : completeCreatedEntry(command, args, next),
    },
  };
  const client = new LanguageClient(clientId, vscode.l10n.t('Glossary Language Server'), serverOptions, clientOptions);
  client.registerFeature(new PushedDiagnosticsOnly());
  return client;
}

/**
 * A rename the server refuses (the new id exists already, or is no id) is explained and nothing is
 * edited. VS Code would otherwise hand the rename to the next provider, its own Markdown one, which
 * rewrites the heading and the links with GitHub-style ids and drops the `{#id .class}` block.
 */
async function renameOrExplainRefusal(
  document: vscode.TextDocument,
  position: vscode.Position,
  newName: string,
  token: vscode.CancellationToken,
  next: ProvideRenameEditsSignature,
): Promise<vscode.WorkspaceEdit | null | undefined> {
  try {
    return await next(document, position, newName, token);
  } catch (error) {
    if (error instanceof ResponseError && error.code === LSPErrorCodes.RequestFailed) {
      void vscode.window.showInformationMessage(error.message);
      return new vscode.WorkspaceEdit();
    }
    throw error;
  }
}
