import * as os from 'node:os';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';
import {
  CancellationToken,
  Connection,
  FileChangeType,
  DidChangeWorkspaceFoldersParams,
  FileEvent,
  InitializeParams,
  InitializeResult,
  LSPErrorCodes,
  MessageType,
  ResponseError,
  TextDocuments,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { clientSupportOf, serverCapabilities, unknownClient } from './clientSupport';
import { executeServerCommand } from './commandRequest';
import { DiagnosticsPublisher } from './diagnosticsPublisher';
import { EditorSettings } from './editorSettings';
import { FileWatching } from './fileWatching';
import { listenToFeatureRequests } from './featureRequests';
import { toLspDiagnostic } from './features/diagnostics';
import { listenToGlossaryRequests } from './glossaryRequests';
import type { IndexChange } from './index/workspaceIndex';
import { useLocale } from './localization';
import { checkedDocumentSync, ignoringMalformed, markInitialized, markShutDown, refuseMalformed, runSafely, showMessage } from './requestRunner';
import { errorWithStack } from './errorText';
import { ServerServices } from './serverServices';
import { StatusReporter } from './statusReporter';
import { SettingsDiagnostics } from './settingsDiagnostics';
import { GlossarySession, LoadReport, OpenText } from './session/glossarySession';
import { NodeFileSystemWorkspace } from './workspace/nodeWorkspace';
import { Workspace } from './workspace/workspace';
import { glossaryFolderOf } from './workspace/configLookup';
import { parseGlossaryDocument } from './parse/parser';
import { productVersion } from './productVersion';

/** How long after a change of the terms the other files' mentions are worked out again. */
const mentionRefreshDelayMs = 300;

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
  /** Whether the client named no workspace folder: the files it opens then bring their glossaries (see `adoptGlossaryOf`). */
  let adoptsFolders = false;
  let client = unknownClient;
  const settings = new EditorSettings(connection, () => client.pullsSettings);
  let loaded = false;
  const diagnostics = new DiagnosticsPublisher(
    connection,
    (uri) => session.diagnosticsOf(uri).map((diagnostic) => toLspDiagnostic(diagnostic, client.diagnostics)),
    // The index follows each change of an open document as it comes: its diagnostics are those of the editor's version.
    (uri) => documents.get(uri)?.version,
    () => {
      // While the glossary is read and then published whole, the status stays 'indexing'.
      status.sendSoon();
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

  /**
   * How often each document has changed or been closed since the server started: an answer worked
   * out across a change is not sent. Kept after a close, so that a document opened again does not
   * count from the start, as if its text had stayed.
   */
  const changeCounts = new Map<string, number>();
  const countChange = (uri: string): void => void changeCounts.set(uri, (changeCounts.get(uri) ?? 0) + 1);
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
  /** Whether the first load has ended (read, or failed); before, no id of the glossary is known. */
  let firstLoadEnded = false;
  let endFirstLoad = (): void => undefined;
  const firstLoad = new Promise<void>((resolve) => (endFirstLoad = resolve));
  /** The glossary that a file opened without workspace folders brings, while it is read (see `adoptGlossaryOf`). */
  let adoption: Promise<void> | undefined;
  /**
   * Wraps a handler so that a request asked while the glossary is first read (an editor asks as
   * soon as it has opened a file), or while the file just opened brings it, is answered once it is
   * read, rather than as if no id existed.
   */
  const afterGlossaryRead =
    <P, R>(handler: (params: P, token: CancellationToken) => R | Promise<R>) =>
    (params: P, token: CancellationToken): R | Promise<R> => {
      const reading = firstLoadEnded ? adoption : firstLoad.then(() => adoption);
      return reading === undefined ? handler(params, token) : reading.then(() => handler(params, token));
    };
  const status = new StatusReporter(connection, () => session);
  const settingsDiagnostics = new SettingsDiagnostics(connection);
  const reportLoadProblems = (result: LoadReport): void => {
    for (const problem of result.configProblems) {
      const meanwhile =
        problem.meanwhile === 'withoutFile'
          ? l10n.t('Until it is corrected, the glossary is read without the settings of that file.')
          : problem.meanwhile === 'withoutSetting'
            ? l10n.t('Until it is corrected, the glossary is read as if that setting were not there.')
            : undefined;
      showMessage(connection, MessageType.Warning, meanwhile === undefined ? problem.message : `${problem.message} ${meanwhile}`);
    }
    settingsDiagnostics.show(result.configProblems);
    for (const problem of result.fileProblems) {
      connection.console.warn(`${problem.uri}: ${problem.message}`);
    }
  };
  const watching = new FileWatching(connection, workspace, () => client.watching, () => ({ session, folderUris, foldersAdopted: adoptsFolders }), (changes) => void afterDiskWork(() => applyFileChanges(changes)));

  /** Reads the glossary anew; into `next` when the folders changed, which serves once it is read. */
  const reload = async (next: GlossarySession = session): Promise<void> => {
    status.reloadStarted();
    let indexedUris: string[];
    try {
      indexedUris = await readGlossary(next);
    } catch (error) {
      status.reloadEnded(false);
      throw error;
    }
    // Not awaited: file events and reloads queued behind this one go on meanwhile (a reload ends this publication).
    void diagnostics.publishAll(indexedUris).then((finished) => status.reloadEnded(finished));
  };
  /** Reads the glossary into `next`, which then serves; the URIs of its documents. */
  const readGlossary = async (next: GlossarySession): Promise<string[]> => {
    const current = await settings.current();
    settings.loadedWith(current);
    status.send('indexing');
    // The first entry read tells the client that the folder is a glossary, which it then shows as
    // being indexed (a folder of plain Markdown is read without a word in the status bar).
    const firstEntryRead = (readSoFar: { entryCount: number; fileCount: number }): void => {
      if (session.counts().entryCount === 0) status.notify({ state: 'indexing', ...readSoFar, brokenLinkCount: 0, hasConfigFile: session.hasConfigFile() });
    };
    reportLoadProblems(await next.load(current ?? undefined, openTexts, firstEntryRead));
    session = next;
    // Edits made while the files were read arrive here; unchanged versions are skipped.
    for (const open of openTexts()) {
      session.updateOpen(open);
    }
    loaded = true;
    watching.update();
    return [...session.index.documents()].map((document) => document.uri);
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    refuseMalformed('initialize', params);
    markInitialized(connection);
    useLocale(localeFor(params.locale));
    const version = productVersion();
    folderUris = workspaceFolderUris(params);
    adoptsFolders = folderUris.length === 0;
    session = new GlossarySession(workspace, folderUris);
    client = clientSupportOf(params);
    settings.startWith(params.initializationOptions);
    diagnostics.useClient(client.pullsDiagnostics);
    return {
      capabilities: serverCapabilities(client),
      serverInfo: { name: 'glossary', ...(version === undefined ? {} : { version }) },
    };
  });

  connection.onInitialized(async () => {
    // Watched before the files are listed, so that a file made meanwhile is told of (and read after the load).
    watching.start();
    if (client.workspaceFolders) {
      // A folder added to or removed from the workspace: the glossary is read again over the folders now open.
      const changeFolders = ignoringMalformed(connection, 'didChangeWorkspaceFolders', ({ event: { added, removed } }: DidChangeWorkspaceFoldersParams) =>
        afterDiskWork(async () => {
          // A folder removed and added in one event keeps its place (the first folder with a .glossary.json holds the settings).
          const addedUris = added.map((folder) => folder.uri).filter(isFileUri);
          const removedUris = new Set(removed.map((folder) => folder.uri).filter((uri) => !addedUris.includes(uri)));
          const kept = folderUris.filter((uri) => !removedUris.has(uri));
          folderUris = [...kept, ...addedUris.filter((uri) => !kept.includes(uri))];
          // The glossary as it was answers requests until the new one is read.
          await reload(new GlossarySession(workspace, folderUris));
        }),
      );
      // vscode-languageserver hands on the notification's event alone; it is checked as the params it came in.
      connection.workspace.onDidChangeWorkspaceFolders((event) => changeFolders({ event }));
    }
    await afterDiskWork(reload).finally(() => {
      firstLoadEnded = true;
      endFirstLoad();
    });
  });

  connection.onDidChangeConfiguration(
    ignoringMalformed(connection, 'didChangeConfiguration', async (params) => {
      if (await settings.changed(params.settings)) {
        await afterDiskWork(reload);
      }
    }),
  );

  /** Files and folders changed on disk, as the editor's watchers or the server's own report them. */
  const applyFileChanges = async (fileChanges: readonly FileEvent[]): Promise<void> => {
    if (!loaded) {
      return;
    }
    if (fileChanges.some((change) => session.isConfigFile(change.uri))) {
      await reload();
      return;
    }
    // A .txt page beside the entries may have become the index page (or be it under a new name), or stopped being it.
    for (const change of fileChanges) {
      if (await session.indexPageChanged(change.uri, change.type === FileChangeType.Deleted)) {
        await reload();
        return;
      }
    }
    // The folder watcher and a file's watcher may both report one file.
    const changes = [...new Map(fileChanges.map((change) => [`${change.type} ${change.uri}`, change])).values()];
    for (const change of changes) {
      const deleted = change.type === FileChangeType.Deleted;
      const wasIndexed = session.index.document(change.uri) !== undefined;
      // A folder is reported alone, not the files in it; an include pattern such as `de/**` may name it as it names files.
      if (deleted && !wasIndexed) {
        for (const removed of await session.removeFolder(change.uri)) {
          diagnostics.publishChange(removed.change);
          diagnostics.forget(removed.uri);
        }
      } else if (deleted) {
        diagnostics.publishChange(await session.removeFile(change.uri));
      } else {
        const fileChange = wasIndexed || session.isGlossaryFile(change.uri) ? await session.refreshFromDisk(change.uri) : undefined;
        diagnostics.publishChange(fileChange);
        // Not read as a file: a folder made, or renamed to, perhaps.
        if (fileChange === undefined && !wasIndexed && change.type === FileChangeType.Created) {
          (await session.addFolder(change.uri)).forEach((added) => diagnostics.publishChange(added));
        }
      }
      // Deleted, or unreadable now (a binary file, or gone while the event said changed).
      if ((deleted || wasIndexed) && session.index.document(change.uri) === undefined) {
        diagnostics.forget(change.uri);
      }
    }
    // The folder of the entries renamed or restored: a `.txt` index page is looked for there anew.
    if (session.indexPageFolderMoved()) {
      await reload();
      return;
    }
    watching.update();
  };
  connection.onDidChangeWatchedFiles(ignoringMalformed(connection, 'didChangeWatchedFiles', (params) => afterDiskWork(() => applyFileChanges(params.changes))));
  connection.workspace.onDidDeleteFiles(
    ignoringMalformed(connection, 'didDeleteFiles', (params) => afterDiskWork(() => applyFileChanges(params.files.map((file) => ({ uri: file.uri, type: FileChangeType.Deleted }))))),
  );
  // A rename is the old file gone and the new one made, as a watcher reports it, only sooner.
  connection.workspace.onDidRenameFiles(
    ignoringMalformed(connection, 'didRenameFiles', (params) =>
      afterDiskWork(() =>
        applyFileChanges(params.files.flatMap((file) => [
          { uri: file.oldUri, type: FileChangeType.Deleted },
          { uri: file.newUri, type: FileChangeType.Created },
        ])),
      ),
    ),
  );

  documents.onDidChangeContent(({ document }) => {
    countChange(document.uri);
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
  /**
   * An editor started on a single file names no workspace folder. The first entry it opens or saves
   * brings its glossary, as on the command line: the folder of the `.glossary.json` that applies to
   * the file, else the file's own folder, which then holds the glossary's other files. One glossary
   * only: the settings of one would judge the files of another (the command line refuses to mix
   * them too), so files opened outside it stay outside, as files outside VS Code's folders do. Any
   * other Markdown file brings its folder only under a `.glossary.json`, and a home folder or the
   * file system's root never comes without one: the folder of a note could hold anything.
   */
  const adoptGlossaryOf = async (uri: string): Promise<void> => {
    const document = documents.get(uri);
    if (!loaded || document === undefined || !isFileUri(uri) || folderUris.length > 0) {
      return;
    }
    const { folderUri, configured } = await glossaryFolderOf(workspace, uri);
    const isEntry = (): boolean => parseGlossaryDocument(document.getText(), uri, document.version, { termClass: session.config.termClass }).entries.length > 0;
    if (!configured && (isHomeOrRoot(folderUri) || !isEntry())) {
      return;
    }
    folderUris = [folderUri];
    try {
      await reload(new GlossarySession(workspace, folderUris));
    } catch (error) {
      // Not read: the next entry opened may try again.
      folderUris = [];
      throw error;
    }
  };
  // Failed, the next entry opened or saved may bring it.
  const adoptGlossaryLogged = (uri: string): Promise<void> =>
    afterDiskWork(() => adoptGlossaryOf(uri)).catch((error: unknown) => connection.console.error(`The glossary of ${uri} was not read: ${errorWithStack(error)}`));
  // Opened, or saved: a new file written as an entry brings its glossary when it is first saved.
  documents.onDidOpen(({ document }) => {
    if (adoptsFolders && folderUris.length === 0) {
      const adopting: Promise<void> = adoptGlossaryLogged(document.uri).finally(() => {
        if (adoption === adopting) adoption = undefined;
      });
      adoption = adopting;
    }
    afterOpenOrSave(document.uri, () => session.checkOpenedFile(document.uri));
  });
  documents.onDidSave(({ document }) => {
    if (adoptsFolders) void adoptGlossaryLogged(document.uri);
    afterOpenOrSave(document.uri, () => session.refreshFromDisk(document.uri));
  });
  documents.onDidClose(({ document }) => {
    countChange(document.uri);
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

  /** What the requests handled outside this function need of the server. */
  const services: ServerServices = {
    connection,
    get client() {
      return client;
    },
    get session() {
      return session;
    },
    get loaded() {
      return loaded;
    },
    get folderUris() {
      return folderUris;
    },
    openDocument: (uri) => documents.get(uri),
    openDocuments: () => documents.all(),
    afterDiskWork,
    publishChange: (change) => diagnostics.publishChange(change),
    applyFileChanges: (changes) => applyFileChanges(changes),
  };
  listenToFeatureRequests(services, { forUnchangedText, afterGlossaryRead });
  connection.onExecuteCommand(runSafely(connection, 'executeCommand', undefined, (params) => executeServerCommand(services, params)));
  listenToGlossaryRequests(services);

  connection.onShutdown(() => {
    markShutDown(connection);
    // Work still queued (a file read, a reload) may finish, but sends nothing and watches nothing more.
    diagnostics.dispose();
    settingsDiagnostics.dispose();
    watching.dispose();
    status.dispose();
    clearTimeout(mentionRefresh);
  });
  documents.listen(checkedDocumentSync(connection));
  connection.listen();
}

/** The workspace folders of the initialize request, or its root URI (or path) when the client sends no folders. */
function workspaceFolderUris(params: InitializeParams): string[] {
  if (params.workspaceFolders && params.workspaceFolders.length > 0) {
    return params.workspaceFolders.map((folder) => folder.uri).filter(isFileUri);
  }
  if (params.rootUri) {
    return isFileUri(params.rootUri) ? [params.rootUri] : [];
  }
  // rootUri null says no folder is open. Absent, a client older than it names the root by rootPath.
  return params.rootUri === undefined && params.rootPath ? [URI.file(params.rootPath).toString()] : [];
}

/** A home folder or the root of the file system: a file's folder that is no glossary's without a `.glossary.json`. */
function isHomeOrRoot(folderUri: string): boolean {
  const folder = URI.parse(folderUri).fsPath;
  return folder === os.homedir() || path.dirname(folder) === folder;
}

/** Only folders on disk are read: a virtual one (`vscode-vfs://github/…`) would be taken for a local path. */
function isFileUri(uri: string): boolean {
  return uri.startsWith('file:');
}
