import * as vscode from 'vscode';
import { CloseAction, ErrorHandler, LanguageClient, LanguageClientOptions, LSPErrorCodes, MessageSignature, Middleware, RenameRequest, ResponseError, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { completeCreatedEntry } from './createdEntries';
import { completeSettingsEdit, editsSettings } from './settingsEditCommands';
import { PushedDiagnosticsOnly } from './pushedDiagnostics';
import { errorMessage } from '../../server/src/errorText';

/** The id under which the client keeps its settings: `glossary.trace.server` traces the protocol. */
const clientId = 'glossary';

/**
 * Creates (without starting) the client of the bundled glossary language server, which runs as
 * `node dist/glossary.js lsp --node-ipc`. The server registers its own file watchers, for the
 * files its include patterns take in and for `.glossary.json` (dynamic registration), so the
 * client adds none: two watchers would send every change on disk twice. `inGlossary` tells whether
 * the folder has shown itself a glossary (see `renameMiddleware`).
 */
export function createLanguageClient(context: vscode.ExtensionContext, inGlossary: () => boolean): { client: LanguageClient; forgetCrashes: () => void } {
  const run = { module: context.asAbsolutePath('dist/glossary.js'), args: ['lsp'], transport: TransportKind.ipc };
  const serverOptions: ServerOptions = { run, debug: run };
  const errorHandler = new LocalizedErrorHandler();
  const clientOptions: LanguageClientOptions = {
    errorHandler,
    documentSelector: glossaryDocuments,
    // The `#Id` of a link as a link Ctrl+Click follows: VS Code's Markdown would take it for a link into the same file.
    // settingsEdits: `completeSettingsEdit` refuses an edit of .glossary.json over unsaved changes, and saves it.
    initializationOptions: { documentLinks: true, settingsEdits: true, rescoresCompletions: true },
    // The server pulls the settings (workspace/configuration); this only tells it when they change.
    synchronize: { configurationSection: 'glossary' },
    middleware: {
      ...renameMiddleware(inGlossary),
      executeCommand: (command, args, next) =>
        editsSettings(command) ? completeSettingsEdit(command, args, next) : completeCreatedEntry(command, args, next),
    },
  };
  const client = new GlossaryLanguageClient(clientId, vscode.l10n.t('Glossary Language Server'), serverOptions, clientOptions);
  // A new default handler counts no crashes: Restart Server gives the server its restarts back.
  const forgetCrashes = (): void => errorHandler.decideWith(client.createDefaultErrorHandler(maxRestartCount));
  forgetCrashes();
  client.registerFeature(new PushedDiagnosticsOnly());
  return { client, forgetCrashes };
}

/**
 * The client, but for a rename the server refuses (an id that exists, a place that is no id): that
 * is the writer's answer, which `renameMiddleware` shows, not a failure to log as an error in the
 * output channel, where the library logs every failed request.
 */
class GlossaryLanguageClient extends LanguageClient {
  override handleFailedRequest<T>(type: MessageSignature, token: vscode.CancellationToken | undefined, error: unknown, defaultValue: T, showNotification?: boolean, throwOnCancel?: boolean): T {
    if (isRenameRefusal(type, error)) throw error;
    return super.handleFailedRequest(type, token, error, defaultValue, showNotification, throwOnCancel);
  }
}

function isRenameRefusal(type: MessageSignature, error: unknown): boolean {
  return type.method === RenameRequest.method && error instanceof ResponseError && error.code === LSPErrorCodes.RequestFailed;
}

/** The documents the server is given: a glossary's index page may be a .txt file (`indexFile`, or found beside the entries); the server serves no other .txt file. */
export const glossaryDocuments = [
  { scheme: 'file', language: 'markdown' },
  { scheme: 'file', pattern: '**/*.txt' },
];

/** How often a crashed server is started again within three minutes (the client library's default). */
const maxRestartCount = 4;

/**
 * The client library's handling of a server that fails (restarted unless it crashed more than
 * `maxRestartCount` times within three minutes), with its notification in the editor's language:
 * the library's is in English. The library's handler needs the client, which needs this one first.
 */
class LocalizedErrorHandler implements ErrorHandler {
  private decider: ErrorHandler | undefined;

  decideWith(decider: ErrorHandler): void {
    this.decider = decider;
  }

  error(...args: Parameters<ErrorHandler['error']>): ReturnType<ErrorHandler['error']> {
    return this.decider!.error(...args);
  }

  async closed(): Promise<Awaited<ReturnType<ErrorHandler['closed']>>> {
    const result = await this.decider!.closed();
    return result.action === CloseAction.DoNotRestart
      ? { ...result, message: vscode.l10n.t('The glossary server crashed {0} times in the last 3 minutes and is not started again. The output "Glossary Language Server" tells why; "Glossary: Restart Server" starts it.', maxRestartCount + 1) }
      : result;
  }
}

/**
 * In a glossary, renames are the server's alone. VS Code hands a rename that a provider refuses
 * (at the place, or for the new name) to the next provider, its own Markdown rename, which rewrites
 * headings and links with GitHub-style ids and drops a heading's `{#id .class}` block. A refusal is
 * shown here instead and ends the rename. Outside a glossary, Markdown's rename goes on as before.
 */
function renameMiddleware(inGlossary: () => boolean): Pick<Middleware, 'prepareRename' | 'provideRenameEdits'> {
  const explain = (error: unknown): void => void vscode.window.showInformationMessage(errorMessage(error));
  return {
    prepareRename: async (document, position, token, next) => {
      try {
        return await next(document, position, token);
      } catch (error) {
        if (!inGlossary() || token.isCancellationRequested) throw error;
        explain(error);
        // VS Code passes an Error or a string on to the next provider as the reason; anything else ends the rename.
        throw renameEnded;
      }
    },
    provideRenameEdits: async (document, position, newName, token, next) => {
      try {
        // Null (the server failed) would go to the next provider too.
        return (await next(document, position, newName, token)) ?? (inGlossary() ? new vscode.WorkspaceEdit() : null);
      } catch (error) {
        if (!inGlossary() || token.isCancellationRequested || !(error instanceof ResponseError) || error.code !== LSPErrorCodes.RequestFailed) throw error;
        explain(error);
        return new vscode.WorkspaceEdit();
      }
    },
  };
}

/** What a refused rename is ended with (see `renameMiddleware`): neither an Error nor a string. */
const renameEnded = Object.freeze({ renameRefusedByTheGlossary: true });

/**
 * While the server does not run (stopped, restarting), the client has no rename provider, and VS
 * Code would hand a rename in the glossary to its Markdown rename (see `renameMiddleware`). This
 * provider, registered after Markdown's and so asked first, refuses it and says why.
 */
export function registerRenameGuard(starting: () => boolean): vscode.Disposable {
  const refuse = (): never => {
    void vscode.window.showInformationMessage(
      starting() ? vscode.l10n.t('The glossary server is starting: try the rename again in a moment.') : vscode.l10n.t('Ids are renamed by the glossary server, which is not running: "Glossary: Restart Server" starts it.'),
    );
    throw renameEnded;
  };
  return vscode.languages.registerRenameProvider(glossaryDocuments, { prepareRename: refuse, provideRenameEdits: refuse });
}
