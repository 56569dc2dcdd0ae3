import { CancellationToken, LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { GlossaryDiagnostic } from './diagnostics/diagnostic';
import { EntryLinksParams, EntryLinksRequest, MissingEntriesRequest, ProposeEntryRequest, ReportParams, ReportRequest } from './protocol';
import { entryLinksEdit } from './features/entryLinks';
import { diagnosticsOfFiles, workspaceReport } from './report/workspaceReport';
import { runOrAnswerError } from './requestRunner';
import { ServerServices } from './serverServices';

/**
 * The extension's own requests: an entry proposed for a title, the links for files dropped into a
 * document, the ids linked but never defined, the Glossary Report. A failure reaches the client as
 * an error response, and is logged. Each waits for the disk work queued before it (the first load
 * too): asked early, it would see an empty glossary.
 */
export function listenToGlossaryRequests(services: ServerServices): void {
  const { connection } = services;
  const afterQueuedWork = async (): Promise<void> => services.afterDiskWork(async () => undefined);
  connection.onRequest(
    ProposeEntryRequest,
    runOrAnswerError(connection, ProposeEntryRequest.method, async (params: { readonly title?: unknown; readonly id?: unknown } | null | undefined) => {
      await afterQueuedWork();
      // Parameters from other editors may be missing or of another type: a missing title proposes nothing.
      const id = typeof params?.id === 'string' && params.id !== '' ? params.id : undefined;
      return services.session.proposeEntry(typeof params?.title === 'string' ? params.title : '', id);
    }),
  );
  connection.onRequest(
    EntryLinksRequest,
    runOrAnswerError(connection, EntryLinksRequest.method, async (params: EntryLinksParams) => {
      const uri = params.textDocument.uri;
      // The position is in the text the request was sent for: typed over meanwhile, the edits would miss their places.
      const versionAsked = services.openDocument(uri)?.version;
      await afterQueuedWork();
      const { session } = services;
      const document = services.openDocument(uri);
      if (document !== undefined && document.version !== versionAsked) {
        throw new ResponseError(LSPErrorCodes.ContentModified, 'The document changed while the links were worked out.');
      }
      // Markdown outside the glossary (a project's README) is no page of the book: its links to files are right.
      if (document === undefined || !session.isGlossaryFile(uri)) return null;
      return entryLinksEdit(session.index, session.config, params.files.map((file) => file.uri), document, params.position) ?? null;
    }),
  );
  const missingEntries = runOrAnswerError(connection, MissingEntriesRequest.method, async () => {
    await afterQueuedWork();
    return services.session.missingEntries();
  });
  // Registered by its name, as the report below: a client may send params (null) all the same.
  connection.onRequest(MissingEntriesRequest.method, (...args: unknown[]) => missingEntries(undefined, tokenOf(args)));
  const report = runOrAnswerError(connection, ReportRequest.method, async (params: ReportParams, token) => {
    // After the first load and the disk work queued before it, so that an early request reports the
    // whole glossary; the unlinked mentions of every file, closed ones too, are brought up to date
    // from their texts, as the command line counts them.
    await services.afterDiskWork(async () => {
      if (services.loaded && !token.isCancellationRequested) {
        services.publishChange(await services.session.refreshMentions(true, token));
      }
    });
    const current = services.session;
    const reported = (uri: string): readonly GlossaryDiagnostic[] => current.diagnosticsOf(uri, true);
    const uris = [...current.index.documents()].map((document) => document.uri);
    const byUri = token.isCancellationRequested ? undefined : await diagnosticsOfFiles(uris, reported, token);
    if (byUri === undefined) {
      throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The report was cancelled.');
    }
    return workspaceReport(current.index, current.config, services.folderUris, (uri) => byUri.get(uri) ?? reported(uri), { commandLinks: params.commandLinks === true });
  });
  // The parameters may be left out (as before there were any) or null: registered by its name, the
  // handler is not held to the type's one parameter, and the token is the last argument either way.
  connection.onRequest(ReportRequest.method, (...args: unknown[]) => {
    const token = tokenOf(args);
    const params = (typeof args[0] === 'object' && args[0] !== null && !CancellationToken.is(args[0]) ? args[0] : {}) as ReportParams;
    return report(params, token);
  });
}

/** The cancellation token among a handler's arguments (the last, after the params if any). */
function tokenOf(args: readonly unknown[]): CancellationToken {
  return args.find((arg): arg is CancellationToken => CancellationToken.is(arg)) ?? CancellationToken.None;
}
