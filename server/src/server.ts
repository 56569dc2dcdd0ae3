import * as l10n from '@vscode/l10n';
import {
  CancellationToken,
  CodeActionKind,
  Connection,
  CreateFile,
  LSPErrorCodes,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  TextDocumentEdit,
  TextEdit,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReport,
  DocumentDiagnosticReportKind,
  FileChangeType,
  InitializeParams,
  InitializeResult,
  TextDocuments,
  TextDocumentSyncKind,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { complete } from './features/completion';
import { codeActions, fixAllSeeAlsoKind } from './features/codeActions';
import { findDefinitions } from './features/definition';
import { toLspDiagnostic } from './features/diagnostics';
import { documentSymbols } from './features/documentSymbols';
import { hoverAt } from './features/hover';
import { missingEntries } from './features/missingEntries';
import { entryTemplate } from './features/newEntry';
import { prepareRename, RenameRefused, renameId } from './features/rename';
import { workspaceSymbols } from './features/workspaceSymbols';
import { findReferences } from './features/references';
import { IndexChange } from './index/workspaceIndex';
import { useLocale } from './localization';
import { CreateEntryParams, CreateEntryResult, GlossaryStatus, MissingEntriesRequest, ProposeEntryRequest, ServerCommands, StatusNotification } from './protocol';
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
  let canShowDocument = false;
  /** What the client's workspace edits can hold. */
  const clientEdits = { documentChanges: false, createFiles: false, renameFiles: false };
  const published = new Set<string>();
  /**
   * Clients that pull diagnostics (`textDocument/diagnostic`) pull those of open documents; the
   * server pushes the rest, so that the Problems panel lists the whole glossary, and never both
   * for one document (the editor would show each problem twice).
   */
  let pullsDiagnostics = false;
  let canRefreshDiagnostics = false;

  const openTexts = (): OpenText[] => documents.all().map((document) => ({ uri: document.uri, version: document.version, text: document.getText() }));

  const isPulled = (uri: string): boolean => pullsDiagnostics && documents.get(uri) !== undefined;
  const publish = (uris: Iterable<string>): void => {
    for (const uri of uris) {
      const diagnostics = isPulled(uri) ? [] : session.diagnosticsOf(uri).map(toLspDiagnostic);
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
  const publishChange = (change: IndexChange | undefined, editedUri?: string): void => {
    if (change) {
      publish(change.affectedUris);
      // The editor pulls an edited document by itself; other open documents it must be told about.
      if (canRefreshDiagnostics && [...change.affectedUris].some((uri) => uri !== editedUri && isPulled(uri))) {
        void connection.languages.diagnostics.refresh();
      }
      sendStatusSoon();
    }
  };
  /**
   * Diagnostics after edits wait for a pause in typing: the index is updated at every change, so
   * requests always see the latest text, but a burst of keystrokes publishes once, a moment after
   * the last one (and during a long burst at least every `editMaxWaitMs`), instead of queueing a
   * publication per keystroke.
   */
  const editDelayMs = 75;
  const editMaxWaitMs = 500;
  let edits = { affected: new Set<string>(), edited: new Set<string>(), since: 0 };
  let editTimer: NodeJS.Timeout | undefined;
  const publishEdits = (): void => {
    editTimer = undefined;
    const { affected, edited } = edits;
    edits = { affected: new Set(), edited: new Set(), since: 0 };
    publishChange({ changedIds: new Set(), affectedUris: affected }, edited.size === 1 ? [...edited][0] : undefined);
  };
  const publishEditSoon = (change: IndexChange | undefined, editedUri: string): void => {
    if (change === undefined) {
      return;
    }
    edits.since ||= Date.now();
    // Read at once: an index change works out its affected documents from the index as it is now.
    change.affectedUris.forEach((uri) => edits.affected.add(uri));
    edits.edited.add(editedUri);
    clearTimeout(editTimer);
    editTimer = setTimeout(publishEdits, Math.max(0, Math.min(editDelayMs, edits.since + editMaxWaitMs - Date.now())));
  };
  /** How often each open document has changed: an answer worked out across a change is not sent. */
  const changeCounts = new Map<string, number>();
  /**
   * Wraps a handler that awaits (reads a file, say): if its document changed meanwhile, its answer
   * would hold positions of the old text, so the request fails with ContentModified and the editor
   * asks again. Handlers that do not await answer before the server reads the next message.
   */
  const forUnchangedText =
    <P extends { textDocument: { uri: string } }, R>(handler: (params: P, token: CancellationToken) => R | Promise<R>) =>
    async (params: P, token: CancellationToken): Promise<R> => {
      const before = changeCounts.get(params.textDocument.uri);
      const result = await handler(params, token);
      if (changeCounts.get(params.textDocument.uri) !== before) {
        throw new ResponseError(LSPErrorCodes.ContentModified, 'The document changed while the request was answered.');
      }
      return result;
    };
  let statusTimer: NodeJS.Timeout | undefined;
  const sendStatus = (state: GlossaryStatus['state']): void => {
    void connection.sendNotification(StatusNotification, { state, ...session.counts() });
  };
  // Counting is cheap but not free on a large glossary: once per burst of changes is enough.
  const sendStatusSoon = (): void => {
    statusTimer ??= setTimeout(() => {
      statusTimer = undefined;
      sendStatus('ready');
    }, 250);
  };
  const report = (result: LoadReport): void => {
    for (const problem of result.configProblems) {
      showMessage(connection, MessageType.Warning, problem);
    }
    for (const problem of result.fileProblems) {
      connection.console.warn(`${problem.uri}: ${problem.message}`);
    }
  };
  const reload = async (): Promise<void> => {
    const settings = canPullSettings ? await connection.workspace.getConfiguration(settingsSection) : pushedSettings;
    sendStatus('indexing');
    report(await session.load(settings ?? undefined, openTexts()));
    // Edits made while the files were read arrive here; unchanged versions are skipped.
    for (const open of openTexts()) {
      session.updateOpen(open);
    }
    loaded = true;
    const indexed = [...session.index.documents()].map((document) => document.uri);
    publish(new Set([...published, ...indexed]));
    if (canRefreshDiagnostics) {
      void connection.languages.diagnostics.refresh();
    }
    sendStatus('ready');
  };

  /** Creates a new entry file from the template with a workspace edit, indexes it and shows it. */
  const createEntry = async (params: CreateEntryParams | undefined): Promise<CreateEntryResult> => {
    if (typeof params?.title !== 'string' || params.title.trim() === '') {
      return { error: l10n.t('A new entry needs a title.') };
    }
    if (!clientEdits.documentChanges || !clientEdits.createFiles) {
      return { error: l10n.t('This editor cannot create files for the language server.') };
    }
    const title = params.title.trim();
    const proposal = await session.proposeEntry(title, params.id);
    if (proposal.problem !== undefined || proposal.uri === undefined) {
      return { error: proposal.problem ?? l10n.t('The entry cannot be created.') };
    }
    const uri = proposal.uri;
    const { text, placeholder } = entryTemplate(title, proposal.id, session.config, session.index);
    // overwrite: false and ignoreIfExists: false: the editor refuses rather than replace a file.
    const result = await connection.workspace.applyEdit({
      label: l10n.t('Create entry "{0}"', proposal.id),
      edit: {
        documentChanges: [
          CreateFile.create(uri, { overwrite: false, ignoreIfExists: false }),
          TextDocumentEdit.create({ uri, version: null }, [TextEdit.insert({ line: 0, character: 0 }, text)]),
        ],
      },
    });
    if (!result.applied) {
      return { error: l10n.t('The entry "{0}" was not created: {1}', proposal.id, result.failureReason ?? l10n.t('the editor refused the edit.')) };
    }
    publishChange(session.addCreatedFile(uri, text));
    if (canShowDocument) {
      void connection.window.showDocument({ uri, takeFocus: true, selection: placeholder });
    }
    return { uri };
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    useLocale(params.locale);
    session = new GlossarySession(workspace, workspaceFolderUris(params));
    canPullSettings = params.capabilities.workspace?.configuration === true;
    canRegisterWatchers = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    canShowDocument = params.capabilities.window?.showDocument?.support === true;
    pullsDiagnostics = params.capabilities.textDocument?.diagnostic !== undefined;
    canRefreshDiagnostics = pullsDiagnostics && params.capabilities.workspace?.diagnostics?.refreshSupport === true;
    const workspaceEdit = params.capabilities.workspace?.workspaceEdit;
    clientEdits.documentChanges = workspaceEdit?.documentChanges === true;
    clientEdits.createFiles = workspaceEdit?.resourceOperations?.includes('create') === true;
    clientEdits.renameFiles = workspaceEdit?.resourceOperations?.includes('rename') === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        definitionProvider: true,
        referencesProvider: true,
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['#', '['] },
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, fixAllSeeAlsoKind] },
        renameProvider: { prepareProvider: true },
        executeCommandProvider: { commands: [ServerCommands.createEntry] },
        ...(pullsDiagnostics ? { diagnosticProvider: { identifier: 'glossary', interFileDependencies: true, workspaceDiagnostics: false } } : {}),
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
    changeCounts.set(document.uri, (changeCounts.get(document.uri) ?? 0) + 1);
    if (loaded) {
      publishEditSoon(session.updateOpen({ uri: document.uri, version: document.version, text: document.getText() }), document.uri);
    }
  });
  documents.onDidClose(async ({ document }) => {
    changeCounts.delete(document.uri);
    if (loaded) {
      publishChange(await session.closeOpen(document.uri));
    }
  });

  connection.languages.diagnostics.on(
    runSafely(connection, 'diagnostic', { kind: DocumentDiagnosticReportKind.Full, items: [] }, (params): DocumentDiagnosticReport => ({
      kind: DocumentDiagnosticReportKind.Full,
      items: session.diagnosticsOf(params.textDocument.uri).map(toLspDiagnostic),
    })),
  );
  connection.onDefinition(runSafely(connection, 'definition', [], (params, token) => findDefinitions(session.index, params.textDocument.uri, params.position, token)));
  connection.onReferences(
    runSafely(connection, 'references', [], (params, token) =>
      findReferences(session.index, params.textDocument.uri, params.position, params.context.includeDeclaration, token),
    ),
  );
  const readText = async (uri: string): Promise<string | undefined> => documents.get(uri)?.getText() ?? (await session.readText(uri));
  connection.onHover(runSafely(connection, 'hover', null, forUnchangedText((params, token) => hoverAt(session.index, params.textDocument.uri, params.position, token, readText))));
  connection.onCompletion(
    runSafely(connection, 'completion', null, (params, token) => {
      const document = documents.get(params.textDocument.uri);
      if (document === undefined) {
        return null;
      }
      const { line } = params.position;
      const before = document.getText({ start: { line, character: 0 }, end: params.position });
      const after = document.getText({ start: params.position, end: { line: line + 1, character: 0 } });
      return complete(session.index, document.uri, { before, after }, params.position, token);
    }),
  );
  connection.onDocumentSymbol(runSafely(connection, 'documentSymbol', [], (params, token) => documentSymbols(session.index, params.textDocument.uri, token)));
  connection.onWorkspaceSymbol(runSafely(connection, 'workspaceSymbol', [], (params, token) => workspaceSymbols(session.index, params.query, token)));
  connection.onCodeAction(
    runSafely(connection, 'codeAction', [], (params) => {
      const document = documents.get(params.textDocument.uri);
      if (document === undefined || session.index.document(document.uri)?.version !== document.version) {
        return [];
      }
      const input = { index: session.index, config: session.config, document, diagnostics: session.diagnosticsOf(document.uri), documentChanges: clientEdits.documentChanges, newEntryUri: (id: string) => session.newEntryUri(id) };
      return codeActions(input, params.range, params.context.only);
    }),
  );
  connection.onPrepareRename(
    runSafely(connection, 'prepareRename', null, (params) => refusalToError(() => {
      const target = prepareRename(session.index, params.textDocument.uri, params.position);
      return { range: target.range, placeholder: target.id };
    })),
  );
  connection.onRenameRequest(
    runSafely(connection, 'rename', null, (params) =>
      refusalToError(() =>
        renameId(session.index, params.textDocument.uri, params.position, params.newName, {
          openVersions: new Map(documents.all().map((document) => [document.uri, document.version])),
          documentChanges: clientEdits.documentChanges && clientEdits.renameFiles,
        }),
      ),
    ),
  );
  connection.onExecuteCommand(
    runSafely(connection, 'executeCommand', undefined, async (params) => {
      if (params.command === ServerCommands.createEntry) {
        const result = await createEntry(params.arguments?.[0] as CreateEntryParams | undefined);
        if ('error' in result) {
          showMessage(connection, MessageType.Error, result.error);
        }
        return result;
      }
      return undefined;
    }),
  );
  // A failure here reaches the client as an error response: there is no empty proposal.
  connection.onRequest(ProposeEntryRequest, (params) => session.proposeEntry(String(params.title ?? ''), params.id || undefined));
  connection.onRequest(MissingEntriesRequest, runSafely(connection, 'missingEntries', [], () => missingEntries(session.index)));

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

/** Runs a rename step; a refusal becomes an error whose message the editor shows. */
function refusalToError<R>(step: () => R): R {
  try {
    return step();
  } catch (error) {
    if (error instanceof RenameRefused) {
      throw new ResponseError(LSPErrorCodes.RequestFailed, error.message);
    }
    throw error;
  }
}

/** Shows a message without asking for an answer (`window/showMessage`, which every client takes). */
function showMessage(connection: Connection, type: MessageType, message: string): void {
  void connection.sendNotification(ShowMessageNotification.type, { type, message });
}
