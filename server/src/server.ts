import {
  Connection,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  InitializeParams,
  InitializeResult,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { completeIds } from './features/completion';
import { findDefinitions } from './features/definition';
import { toLspDiagnostic } from './features/diagnostics';
import { documentSymbols } from './features/documentSymbols';
import { hoverAt } from './features/hover';
import { findReferences } from './features/references';
import { IndexChange } from './index/workspaceIndex';
import { useLocale } from './localization';
import { runSafely } from './requestRunner';
import { GlossarySession, LoadReport, OpenText } from './session/glossarySession';
import { NodeFileSystemWorkspace } from './workspace/nodeWorkspace';
import { Workspace } from './workspace/workspace';

/** The settings section the editor keeps this server's settings under. */
const settingsSection = 'glossary';

/**
 * Starts the glossary language server on a connection: declares the capabilities and routes each
 * message to the session or to a feature. Diagnostics are pushed, so clients without pull work too.
 */
export function startServer(connection: Connection, workspace: Workspace = new NodeFileSystemWorkspace()): void {
  const documents = new TextDocuments(TextDocument);
  let session = new GlossarySession(workspace, []);
  let canPullSettings = false;
  let canRegisterWatchers = false;
  /** The editor's settings as last pushed, for clients that cannot be asked. */
  let pushedSettings: unknown;
  let loaded = false;
  const published = new Set<string>();

  const openTexts = (): OpenText[] => documents.all().map((document) => ({ uri: document.uri, version: document.version, text: document.getText() }));

  const publish = (uris: Iterable<string>): void => {
    for (const uri of uris) {
      const diagnostics = session.diagnosticsOf(uri).map(toLspDiagnostic);
      if (diagnostics.length > 0 || published.has(uri)) {
        void connection.sendDiagnostics({ uri, diagnostics });
      }
      if (diagnostics.length > 0) {
        published.add(uri);
      } else {
        published.delete(uri);
      }
    }
  };
  const publishChange = (change: IndexChange | undefined): void => {
    if (change) {
      publish(change.affectedUris);
    }
  };
  const report = (result: LoadReport): void => {
    for (const problem of result.configProblems) {
      void connection.window.showWarningMessage(problem);
    }
    for (const problem of result.fileProblems) {
      connection.console.warn(`${problem.uri}: ${problem.message}`);
    }
  };
  const reload = async (): Promise<void> => {
    const settings = canPullSettings ? await connection.workspace.getConfiguration(settingsSection) : pushedSettings;
    report(await session.load(settings ?? undefined, openTexts()));
    // Edits made while the files were read arrive here; unchanged versions are skipped.
    for (const open of openTexts()) {
      session.updateOpen(open);
    }
    loaded = true;
    const indexed = [...session.index.documents()].map((document) => document.uri);
    publish(new Set([...published, ...indexed]));
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    useLocale(params.locale);
    session = new GlossarySession(workspace, workspaceFolderUris(params));
    canPullSettings = params.capabilities.workspace?.configuration === true;
    canRegisterWatchers = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        definitionProvider: true,
        referencesProvider: true,
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['#'] },
        documentSymbolProvider: true,
      },
      serverInfo: { name: 'glossary' },
    };
  });

  connection.onInitialized(async () => {
    if (canRegisterWatchers) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: '**/*.{md,txt}' }, { globPattern: '**/.glossary.json' }],
      });
    }
    await reload();
  });

  connection.onDidChangeConfiguration(async (params) => {
    pushedSettings = (params.settings as Record<string, unknown> | null | undefined)?.[settingsSection];
    if (loaded) {
      await reload();
    }
  });

  connection.onDidChangeWatchedFiles(async (params) => {
    if (!loaded) {
      return;
    }
    if (params.changes.some((change) => session.isConfigFile(change.uri))) {
      await reload();
      return;
    }
    for (const change of params.changes) {
      publishChange(change.type === FileChangeType.Deleted ? session.removeFile(change.uri) : await session.refreshFromDisk(change.uri));
      if (change.type === FileChangeType.Deleted && session.index.document(change.uri) === undefined) {
        publish([change.uri]);
      }
    }
  });

  documents.onDidChangeContent(({ document }) => {
    if (loaded) {
      publishChange(session.updateOpen({ uri: document.uri, version: document.version, text: document.getText() }));
    }
  });
  documents.onDidClose(async ({ document }) => {
    if (loaded) {
      publishChange(await session.closeOpen(document.uri));
    }
  });

  connection.onDefinition(runSafely(connection, 'definition', [], (params, token) => findDefinitions(session.index, params.textDocument.uri, params.position, token)));
  connection.onReferences(
    runSafely(connection, 'references', [], (params, token) =>
      findReferences(session.index, params.textDocument.uri, params.position, params.context.includeDeclaration, token),
    ),
  );
  connection.onHover(runSafely(connection, 'hover', null, (params, token) => hoverAt(session.index, params.textDocument.uri, params.position, token)));
  connection.onCompletion(
    runSafely(connection, 'completion', null, (params, token) => {
      const document = documents.get(params.textDocument.uri);
      if (document === undefined) {
        return null;
      }
      const lineBeforeCursor = document.getText({ start: { line: params.position.line, character: 0 }, end: params.position });
      return completeIds(session.index, lineBeforeCursor, params.position, token);
    }),
  );
  connection.onDocumentSymbol(runSafely(connection, 'documentSymbol', [], (params, token) => documentSymbols(session.index, params.textDocument.uri, token)));

  documents.listen(connection);
  connection.listen();
}

/** The workspace folders of the initialize request, or its root URI when the client sends no folders. */
function workspaceFolderUris(params: InitializeParams): string[] {
  if (params.workspaceFolders && params.workspaceFolders.length > 0) {
    return params.workspaceFolders.map((folder) => folder.uri);
  }
  return params.rootUri ? [params.rootUri] : [];
}
