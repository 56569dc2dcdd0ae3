import * as l10n from '@vscode/l10n';
import {
  CancellationToken,
  CodeAction,
  CodeActionKind,
  Connection,
  LSPErrorCodes,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  DocumentDiagnosticReport,
  DocumentDiagnosticReportKind,
  FileEvent,
  FileChangeType,
  InitializeParams,
  InitializeResult,
  TextDocuments,
  TextDocumentSyncKind,
  WorkspaceEdit,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { complete, cursorTextIn } from './features/completion';
import { fixAllSeeAlsoKind } from './features/codeActions';
import { answerCodeActions, deferEditsOfClosedFiles, resolveCodeAction } from './codeActionRequest';
import { DiskServices, editedUris, readClosedFilesAsIndexed } from './closedFiles';
import { findDefinitions } from './features/definition';
import { documentLinks, resolveDocumentLink } from './features/documentLinks';
import { linkMentionsKind } from './features/mentionLinks';
import { toLspDiagnostic } from './features/diagnostics';
import { documentSymbols } from './features/documentSymbols';
import { hoverAt } from './features/hover';
import { createEntry } from './features/createEntry';
import { prepareRename, RenameRefused, renameId } from './features/rename';
import { fileNameOf } from './diagnostics/check';
import { workspaceSymbols } from './features/workspaceSymbols';
import { findReferences } from './features/references';
import { DiagnosticsPublisher } from './diagnosticsPublisher';
import { FileWatching } from './fileWatching';
import { GlossaryDiagnostic } from './diagnostics/diagnostic';
import { addIgnoredMention } from './features/ignoreMentions';
import { useLocale } from './localization';
import { CreateEntryParams, GlossaryStatus, IgnoreMentionsParams, MissingEntriesRequest, ProposeEntryRequest, ReportRequest, ServerCommands, StatusNotification } from './protocol';
import { diagnosticsOfFiles, workspaceReport } from './report/workspaceReport';
import { markShutDown, refuseAfterShutdown, runSafely } from './requestRunner';
import { GlossarySession, LoadReport, OpenText } from './session/glossarySession';
import type { IndexChange } from './index/workspaceIndex';
import { NodeFileSystemWorkspace } from './workspace/nodeWorkspace';
import { Workspace } from './workspace/workspace';

/** How long after a change of the terms the other files' mentions are worked out again. */
const mentionRefreshDelayMs = 300;

/** The settings section the editor keeps this server's settings under. */
const settingsSection = 'glossary';

/** The settings that decide what the server reports, as a string to compare: without `trace`, keys in order. */
function settingsKey(settings: unknown): string {
  const { trace: _trace, ...rest } = settings !== null && typeof settings === 'object' ? (settings as Record<string, unknown>) : { trace: undefined };
  return JSON.stringify(rest, (_key, value: unknown) =>
    value !== null && typeof value === 'object' && !Array.isArray(value) ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : value,
  );
}

/**
 * Starts the glossary language server on a connection: declares the capabilities and routes each
 * message to the session or to a feature.
 */
export function startServer(
  connection: Connection,
  workspace: Workspace = new NodeFileSystemWorkspace({ synchronousReads: true }),
  /** The language of the messages, given the one the editor asks for (if any). */
  localeFor: (editorLocale: string | undefined) => string | undefined = (editorLocale) => editorLocale,
): void {
  const documents = new TextDocuments(TextDocument);
  let session = new GlossarySession(workspace, []);
  let folderUris: string[] = [];
  let followsWorkspaceFolders = false;
  let canPullSettings = false;
  /** What the client watches for the server (see `FileWatching`). */
  const clientWatching = { registersWatchers: false, relativePatterns: false };
  /** The editor's settings as last pushed, for clients that cannot be asked. */
  let pushedSettings: unknown;
  let loaded = false;
  let canShowDocument = false;
  /** Whether the client shows a completion item's `labelDetails` (VS Code does). */
  let completionLabelDetails = false;
  /**
   * Whether the client refuses an edit of `.glossary.json` over unsaved changes and saves it (the
   * extension's does): only such a client gets the edit, else the server writes the file.
   */
  let settingsEdits = false;
  /** Whether the client asks for the `#Id`s of links as document links (see `documentLinks`), and shows their tooltips. */
  let linksForVsCode = false;
  let linkTooltips = false;
  /** What the client's workspace edits can hold. */
  const clientEdits = { documentChanges: false, createsFiles: false, renamesFiles: false, snippets: false };
  /** Whether the client asks for an action's edit when the writer picks the action (`codeAction/resolve`). */
  let resolvesActionEdits = false;
  const diagnostics = new DiagnosticsPublisher(
    connection,
    (uri) => session.diagnosticsOf(uri).map(toLspDiagnostic),
    (uri) => documents.get(uri) !== undefined,
    () => {
      sendStatusSoon();
      refreshMentionsSoon();
    },
  );
  /** Disk events and reloads one after another, so that an older read never lands after a newer one. */
  let diskWork = Promise.resolve();
  const afterDiskWork = (work: () => Promise<void>): Promise<void> => (diskWork = diskWork.then(() => work(), () => work()));
  let mentionRefresh: NodeJS.Timeout | undefined;
  /**
   * When a publication followed a change of the terms (an entry added, removed, retitled), every
   * file may mention them: their mentions are worked out again a moment later, off the typing
   * path and after the disk work queued before, and the files whose findings changed are published.
   */
  const refreshMentionsSoon = (): void => {
    if (mentionRefresh !== undefined || !loaded || !session.mentionsOutdated()) {
      return;
    }
    mentionRefresh = setTimeout(() => {
      void afterDiskWork(async () => {
        mentionRefresh = undefined;
        diagnostics.publishChange(await session.refreshMentions());
      });
    }, mentionRefreshDelayMs);
  };

  const openTexts = (): OpenText[] => documents.all().map((document) => ({ uri: document.uri, version: document.version, text: document.getText() }));

  /** How often each open document has changed: an answer worked out across a change is not sent. */
  const changeCounts = new Map<string, number>();
  /**
   * Wraps a handler that awaits (reads a file, say): if its document changed meanwhile, its answer
   * would hold positions of the old text, so the request fails with `changed()`: by default
   * ContentModified, on which the editor drops the answer and asks again when it needs one.
   * Handlers that do not await answer before the server reads the next message.
   */
  const forUnchangedText =
    <P extends { textDocument: { uri: string } }, R>(
      handler: (params: P, token: CancellationToken) => R | Promise<R>,
      changed = () => new ResponseError(LSPErrorCodes.ContentModified, 'The document changed while the request was answered.'),
    ) =>
    async (params: P, token: CancellationToken): Promise<R> => {
      const before = changeCounts.get(params.textDocument.uri);
      const result = await handler(params, token);
      if (changeCounts.get(params.textDocument.uri) !== before) {
        throw changed();
      }
      return result;
    };
  let statusTimer: NodeJS.Timeout | undefined;
  const sendStatus = (state: GlossaryStatus['state']): void => {
    void connection.sendNotification(StatusNotification, { state, ...session.counts(), hasConfigFile: session.hasConfigFile() });
  };
  // Counting is cheap but not free on a large glossary: once per burst of changes is enough.
  const sendStatusSoon = (): void => {
    statusTimer ??= setTimeout(() => {
      statusTimer = undefined;
      sendStatus('ready');
    }, 250);
  };
  const reportLoadProblems = (result: LoadReport): void => {
    for (const problem of result.configProblems) {
      showMessage(connection, MessageType.Warning, l10n.t('{0} The glossary is read without it until it is corrected.', problem));
    }
    for (const problem of result.fileProblems) {
      connection.console.warn(`${problem.uri}: ${problem.message}`);
    }
  };
  const watching = new FileWatching(connection, workspace, clientWatching, () => ({ session, folderUris }), (changes) => void afterDiskWork(() => applyFileChanges(changes)));
  const currentSettings = async (): Promise<unknown> => {
    if (!canPullSettings) {
      return pushedSettings;
    }
    try {
      return await connection.workspace.getConfiguration(settingsSection);
    } catch (error) {
      // The glossary is still read, with the settings last pushed (or none): without it the editor would get nothing.
      connection.console.warn(`workspace/configuration failed, the editor's settings are not applied: ${error instanceof Error ? error.message : String(error)}`);
      return pushedSettings;
    }
  };
  let loadedSettingsKey: string | undefined;

  /** Reads the glossary anew; into `next` when the folders changed, which serves once it is read. */
  const reload = async (next: GlossarySession = session): Promise<void> => {
    const settings = await currentSettings();
    loadedSettingsKey = settingsKey(settings);
    sendStatus('indexing');
    // The first entry read tells the client that the folder is a glossary, which it then shows as
    // being indexed (a folder of plain Markdown is read without a word in the status bar).
    const firstEntryRead = (readSoFar: { entryCount: number; fileCount: number }): void => {
      if (session.counts().entryCount === 0) void connection.sendNotification(StatusNotification, { state: 'indexing', ...readSoFar, brokenLinkCount: 0, hasConfigFile: session.hasConfigFile() });
    };
    reportLoadProblems(await next.load(settings ?? undefined, openTexts, firstEntryRead));
    session = next;
    // Edits made while the files were read arrive here; unchanged versions are skipped.
    for (const open of openTexts()) {
      session.updateOpen(open);
    }
    loaded = true;
    watching.update();
    diagnostics.publishAll([...session.index.documents()].map((document) => document.uri));
    sendStatus('ready');
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    useLocale(localeFor(params.locale));
    folderUris = workspaceFolderUris(params);
    session = new GlossarySession(workspace, folderUris);
    canPullSettings = params.capabilities.workspace?.configuration === true;
    clientWatching.registersWatchers = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    clientWatching.relativePatterns = params.capabilities.workspace?.didChangeWatchedFiles?.relativePatternSupport === true;
    canShowDocument = params.capabilities.window?.showDocument?.support === true;
    completionLabelDetails = params.capabilities.textDocument?.completion?.completionItem?.labelDetailsSupport === true;
    const options = params.initializationOptions as { documentLinks?: unknown; settingsEdits?: unknown } | undefined;
    linksForVsCode = options?.documentLinks === true;
    settingsEdits = options?.settingsEdits === true;
    linkTooltips = params.capabilities.textDocument?.documentLink?.tooltipSupport === true;
    followsWorkspaceFolders = params.capabilities.workspace?.workspaceFolders === true;
    // A client that pulls but cannot be asked to pull again would keep what it pulled during the
    // load, or before another file's change, until the next keystroke: it is pushed to instead.
    const pullsDiagnostics = params.capabilities.textDocument?.diagnostic !== undefined && params.capabilities.workspace?.diagnostics?.refreshSupport === true;
    diagnostics.useClient(pullsDiagnostics);
    const workspaceEdit = params.capabilities.workspace?.workspaceEdit;
    clientEdits.documentChanges = workspaceEdit?.documentChanges === true;
    clientEdits.createsFiles = clientEdits.documentChanges && workspaceEdit?.resourceOperations?.includes('create') === true;
    clientEdits.renamesFiles = clientEdits.documentChanges && workspaceEdit?.resourceOperations?.includes('rename') === true;
    clientEdits.snippets = clientEdits.documentChanges && workspaceEdit?.snippetEditSupport === true;
    const codeActionSupport = params.capabilities.textDocument?.codeAction;
    resolvesActionEdits = codeActionSupport?.dataSupport === true && codeActionSupport.resolveSupport?.properties.includes('edit') === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        definitionProvider: true,
        referencesProvider: true,
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['#', '['] },
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        // Only for the extension's client (VS Code), which asks for them and reads their `#L` targets.
        ...(linksForVsCode ? { documentLinkProvider: { resolveProvider: true } } : {}),
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, fixAllSeeAlsoKind, linkMentionsKind], ...(resolvesActionEdits ? { resolveProvider: true } : {}) },
        // prepareRename only for a client that asks it (the LSP allows the option only then).
        renameProvider: params.capabilities.textDocument?.rename?.prepareSupport === true ? { prepareProvider: true } : true,
        executeCommandProvider: { commands: [ServerCommands.createEntry, ServerCommands.ignoreMentionsOf] },
        ...(followsWorkspaceFolders ? { workspace: { workspaceFolders: { supported: true, changeNotifications: true } } } : {}),
        ...(pullsDiagnostics ? { diagnosticProvider: { identifier: 'glossary', interFileDependencies: true, workspaceDiagnostics: false } } : {}),
      },
      serverInfo: { name: 'glossary' },
    };
  });

  connection.onInitialized(async () => {
    // Watched before the files are listed, so that a file made meanwhile is told of (and read after the load).
    watching.start();
    if (followsWorkspaceFolders) {
      // A folder added to or removed from the workspace: the glossary is read again over the folders now open.
      connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) =>
        afterDiskWork(async () => {
          // A folder removed and added in one event keeps its place (the first folder holds the settings).
          const addedUris = added.map((folder) => folder.uri).filter(isFileUri);
          const removedUris = new Set(removed.map((folder) => folder.uri).filter((uri) => !addedUris.includes(uri)));
          const kept = folderUris.filter((uri) => !removedUris.has(uri));
          folderUris = [...kept, ...addedUris.filter((uri) => !kept.includes(uri))];
          // The glossary as it was answers requests until the new one is read.
          await reload(new GlossarySession(workspace, folderUris));
        }),
      );
    }
    await afterDiskWork(reload);
  });

  connection.onDidChangeConfiguration(async (params) => {
    pushedSettings = (params.settings as Record<string, unknown> | null | undefined)?.[settingsSection];
    // VS Code tells of every change under `glossary`, `glossary.trace.server` too, which only the client reads.
    if (loadedSettingsKey !== undefined && settingsKey(await currentSettings()) !== loadedSettingsKey) {
      await afterDiskWork(reload);
    }
  });

  /** Files and folders changed on disk, as the editor's watchers or the server's own report them. */
  const applyFileChanges = async (fileChanges: readonly FileEvent[]): Promise<void> => {
    if (!loaded) {
      return;
    }
    if (fileChanges.some((change) => session.isConfigFile(change.uri))) {
      await reload();
      return;
    }
    // A .txt page beside the entries may have become the index page (or be it under a new name).
    for (const change of fileChanges) {
      if (change.type !== FileChangeType.Deleted && (await session.becameIndexPage(change.uri))) {
        await reload();
        return;
      }
    }
    // The folder watcher and a file's watcher may both report one file.
    const changes = [...new Map(fileChanges.map((change) => [`${change.type} ${change.uri}`, change])).values()];
    for (const change of changes) {
      const deleted = change.type === FileChangeType.Deleted;
      if (session.isGlossaryFile(change.uri) || session.index.document(change.uri) !== undefined) {
        diagnostics.publishChange(deleted ? await session.removeFile(change.uri) : await session.refreshFromDisk(change.uri));
      } else if (deleted) {
        // A folder (the folder watcher reports it alone, not the files in it).
        for (const removed of await session.removeFolder(change.uri)) {
          diagnostics.publishChange(removed.change);
          diagnostics.forget(removed.uri);
        }
      } else if (change.type === FileChangeType.Created) {
        (await session.addFolder(change.uri)).forEach((added) => diagnostics.publishChange(added));
      }
      if (deleted && session.index.document(change.uri) === undefined) {
        diagnostics.forget(change.uri);
      }
    }
    watching.update();
  };
  connection.onDidChangeWatchedFiles((params) => afterDiskWork(() => applyFileChanges(params.changes)));

  documents.onDidChangeContent(({ document }) => {
    changeCounts.set(document.uri, (changeCounts.get(document.uri) ?? 0) + 1);
    if (loaded) {
      diagnostics.publishEditSoon(session.updateOpen({ uri: document.uri, version: document.version, text: document.getText() }), document.uri);
    }
  });
  // Opened, a document counts only when its file is on disk; saved, a document whose file was missing counts again.
  const afterOpenOrSave = (uri: string, work: () => Promise<IndexChange | undefined>): void => {
    void afterDiskWork(async () => {
      if (!loaded || documents.get(uri) === undefined) return;
      diagnostics.publishChange(await work());
      if (session.index.document(uri) === undefined) diagnostics.forget(uri);
    });
  };
  documents.onDidOpen(({ document }) => afterOpenOrSave(document.uri, () => session.checkOpenedFile(document.uri)));
  documents.onDidSave(({ document }) => afterOpenOrSave(document.uri, () => session.refreshFromDisk(document.uri)));
  documents.onDidClose(({ document }) => {
    changeCounts.delete(document.uri);
    void afterDiskWork(async () => {
      // Opened again while disk work went before: the editor's text still counts.
      if (loaded && documents.get(document.uri) === undefined) {
        diagnostics.publishChange(await session.closeOpen(document.uri));
        // Closed after its file was deleted: it is gone from the index, and so are its diagnostics.
        if (session.index.document(document.uri) === undefined) {
          diagnostics.forget(document.uri);
        }
      }
    });
  });

  connection.languages.diagnostics.on(
    runSafely(connection, 'diagnostic', { kind: DocumentDiagnosticReportKind.Full, items: [] }, (params): DocumentDiagnosticReport => ({
      kind: DocumentDiagnosticReportKind.Full,
      items: session.diagnosticsOf(params.textDocument.uri).map(toLspDiagnostic),
    })),
  );
  connection.onDefinition(runSafely(connection, 'definition', [], (params, token) => findDefinitions(session.index, params.textDocument.uri, params.position, token)));
  connection.onDocumentLinks(runSafely(connection, 'documentLink', [], (params, token) => documentLinks(session.index, params.textDocument.uri, token, linkTooltips)));
  // A link that cannot be resolved comes back as it was: the editor then follows nothing.
  connection.onDocumentLinkResolve((link, token) => runSafely(connection, 'documentLink/resolve', link, () => resolveDocumentLink(session.index, link))(link, token));
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
      // Markdown anywhere may link the glossary; another file (a .txt beside it) only when it belongs to it.
      if (document === undefined || (document.languageId !== 'markdown' && !session.isGlossaryFile(document.uri))) {
        return null;
      }
      // A position past the end of its line (an editor out of step) is taken as the line's end.
      const position = document.positionAt(document.offsetAt(params.position));
      return complete(session.index, document.uri, cursorTextIn(document, position), position, token, { labelDetails: completionLabelDetails });
    }),
  );
  connection.onDocumentSymbol(runSafely(connection, 'documentSymbol', [], (params, token) => documentSymbols(session.index, params.textDocument.uri, token)));
  connection.onWorkspaceSymbol(runSafely(connection, 'workspaceSymbol', [], (params, token) => workspaceSymbols(session.index, params.query, token)));
  /** A request that reads closed files before it edits them; the session is read when used, as the folders may change while it waits for disk work. */
  const diskServices: DiskServices = {
    get session() {
      return session;
    },
    openDocument: (uri) => documents.get(uri),
    afterDiskWork,
    publishChange: (change) => diagnostics.publishChange(change),
  };
  connection.onCodeAction(
    runSafely(connection, 'codeAction', [], async (params, token) => {
      const actions = await answerCodeActions(diskServices, clientEdits, params, token);
      return resolvesActionEdits ? deferEditsOfClosedFiles(actions, params) : actions;
    }),
  );
  const refusedAction = (action: CodeAction): void =>
    showMessage(connection, MessageType.Warning, l10n.t('"{0}" no longer applies: the files changed after the quick fixes were listed. Ask for them again.', action.title));
  // Whatever goes wrong, the action comes back as it was: the editor then applies nothing.
  connection.onCodeActionResolve((action, token) => runSafely(connection, 'codeActionResolve', action, () => resolveCodeAction(diskServices, clientEdits, action, () => refusedAction(action), token))(action, token));
  connection.onPrepareRename(
    runSafely(connection, 'prepareRename', null, (params) => refusalToError(() => {
      // Before the first load no id is known, and every place would be refused as "no id".
      if (!loaded) throw new RenameRefused(l10n.t('The glossary is still being read: try again in a moment.'));
      const target = prepareRename(session.index, params.textDocument.uri, params.position);
      return { range: target.range, placeholder: target.id };
    })),
  );
  connection.onRenameRequest(
    // The position is in the text the request was sent for: typed over meanwhile, it may name another id.
    runSafely(connection, 'rename', null, forUnchangedText(async (params, token) => {
      const openVersions = (): string => documents.all().map((document) => `${document.uri} ${document.version}`).join('\n');
      let kept: { readonly from: string; readonly to: string } | undefined;
      const rename = (): WorkspaceEdit =>
        refusalToError(() => {
          kept = undefined;
          return renameId(session.index, params.textDocument.uri, params.position, params.newName, {
            isOpen: (uri) => documents.get(uri) !== undefined,
            ...clientEdits,
            fileKept: (from, to) => (kept = { from, to }),
          });
        });
      const [versions, sessionBefore] = [openVersions(), session];
      const edit = rename();
      // The closed files it edits are checked against the disk first; when one was indexed anew, or
      // the writer typed in another file (or the folders changed) meanwhile, it is worked out again.
      const { reindexed } = await readClosedFilesAsIndexed(diskServices, editedUris(edit), token);
      const final = reindexed || openVersions() !== versions || session !== sessionBefore ? rename() : edit;
      if (kept !== undefined) {
        showMessage(connection, MessageType.Info, l10n.t('{0} keeps its name: {1} is in the glossary already.', fileNameOf(kept.from), fileNameOf(kept.to)));
      }
      return final;
    // A rename is asked for once, by the writer: VS Code would show ContentModified as "No result".
    }, () => new ResponseError(LSPErrorCodes.RequestFailed, l10n.t('The file changed while the rename was worked out: rename again.')))),
  );
  connection.onExecuteCommand(
    runSafely(connection, 'executeCommand', undefined, async (params) => {
      if (params.command === ServerCommands.createEntry) {
        const client = {
          createsFiles: clientEdits.createsFiles,
          showsDocuments: canShowDocument,
          snippetEdits: clientEdits.snippets,
          openDocument: (uri: string) => documents.get(uri),
        };
        const { result, change, notice } = await createEntry(params.arguments?.[0] as CreateEntryParams | undefined, session, connection, client);
        diagnostics.publishChange(change);
        if ('error' in result) {
          showMessage(connection, MessageType.Error, result.error);
        } else if (notice !== undefined) {
          showMessage(connection, MessageType.Info, notice);
        }
        return result;
      }
      if (params.command === ServerCommands.ignoreMentionsOf) {
        const ignored = params.arguments?.[0] as IgnoreMentionsParams | undefined;
        const result = await addIgnoredMention(ignored, session, connection, { ...clientEdits, settingsEdits });
        if ('error' in result) {
          showMessage(connection, MessageType.Error, result.error);
        } else if (result.written) {
          // No editor tells of a file the server wrote: the settings are read again now.
          await afterDiskWork(() => applyFileChanges([{ uri: result.uri, type: FileChangeType.Changed }]));
          showMessage(connection, MessageType.Info, l10n.t('Links to #{0} are no longer suggested: {1} lists it in "ignoreMentionsOf".', ignored!.id, URI.parse(result.uri).fsPath));
        }
        return result;
      }
      return undefined;
    }),
  );
  // A failure of these reaches the client as an error response. Both wait for the disk work queued
  // before them (the first load too): asked early, they would see an empty glossary.
  const afterQueuedWork = async (): Promise<void> => afterDiskWork(async () => undefined);
  connection.onRequest(ProposeEntryRequest, async (params) => {
    refuseAfterShutdown(connection, ProposeEntryRequest.method);
    await afterQueuedWork();
    // Parameters from other editors may be missing or of another type: a missing title proposes nothing.
    const id = typeof params?.id === 'string' && params.id !== '' ? params.id : undefined;
    return session.proposeEntry(typeof params?.title === 'string' ? params.title : '', id);
  });
  connection.onRequest(MissingEntriesRequest, async () => {
    refuseAfterShutdown(connection, MissingEntriesRequest.method);
    await afterQueuedWork();
    return session.missingEntries();
  });
  // `"params": null` reaches a handler of a request without parameters before the token.
  connection.onRequest(ReportRequest, async (...args: unknown[]) => {
    refuseAfterShutdown(connection, ReportRequest.method);
    const token = args.find((arg): arg is CancellationToken => CancellationToken.is(arg)) ?? CancellationToken.None;
    // After the first load and the disk work queued before it, so that an early request reports the
    // whole glossary; the unlinked mentions of every file, closed ones too, are brought up to date
    // from their texts, as the command line counts them.
    await afterDiskWork(async () => {
      if (loaded) {
        diagnostics.publishChange(await session.refreshMentions(true));
      }
    });
    const current = session;
    const reported = (uri: string): readonly GlossaryDiagnostic[] => current.diagnosticsOf(uri, true);
    const uris = [...current.index.documents()].map((document) => document.uri);
    const byUri = token.isCancellationRequested ? undefined : await diagnosticsOfFiles(uris, reported, token);
    if (byUri === undefined) {
      throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The report was cancelled.');
    }
    return workspaceReport(current.index, current.config, folderUris, (uri) => byUri.get(uri) ?? reported(uri));
  });

  connection.onShutdown(() => {
    markShutDown(connection);
    // Work still queued (a file read, a reload) may finish, but sends nothing and watches nothing more.
    diagnostics.dispose();
    watching.dispose();
    clearTimeout(statusTimer);
    clearTimeout(mentionRefresh);
  });
  documents.listen(connection);
  connection.listen();
}

/** The workspace folders of the initialize request, or its root URI when the client sends no folders. */
function workspaceFolderUris(params: InitializeParams): string[] {
  if (params.workspaceFolders && params.workspaceFolders.length > 0) {
    return params.workspaceFolders.map((folder) => folder.uri).filter(isFileUri);
  }
  return params.rootUri && isFileUri(params.rootUri) ? [params.rootUri] : [];
}

/** Only folders on disk are read: a virtual one (`vscode-vfs://github/…`) would be taken for a local path. */
function isFileUri(uri: string): boolean {
  return uri.startsWith('file:');
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
