import { CancellationToken, DocumentDiagnosticReport, DocumentDiagnosticReportKind, RenameParams, ResponseError } from 'vscode-languageserver';
import { actionsForClient, answerCodeActions, deferEditsOfClosedFiles, refusedAction, resolveCodeAction } from './codeActionRequest';
import { complete, cursorTextIn, resolveCompletionItem } from './features/completion';
import { findDefinitions } from './features/definition';
import { toLspDiagnostic } from './features/diagnostics';
import { documentLinks, resolveDocumentLink } from './features/documentLinks';
import { documentSymbols, flatSymbols } from './features/documentSymbols';
import { hoverAt } from './features/hover';
import { findReferences } from './features/references';
import { workspaceSymbols } from './features/workspaceSymbols';
import { answerPrepareRename, answerRename, renameOutdatedError, showRenameMessages } from './renameRequest';
import { runOrAnswerError, runSafely } from './requestRunner';
import { ServerServices } from './serverServices';

type Handler<P, R> = (params: P, token: CancellationToken) => R | Promise<R>;

/** How `startServer` holds back a request's answer: see `forUnchangedText` and `afterGlossaryRead` there. */
export interface RequestGuards {
  /** Fails the request (ContentModified, or the error given) when its document changed while it was answered. */
  forUnchangedText<P extends { textDocument: { uri: string } }, R>(handler: Handler<P, R>, changed?: () => ResponseError<unknown>): (params: P, token: CancellationToken) => Promise<R>;
  /** Answers once the glossary is read, when asked while it is first read. */
  afterGlossaryRead<P, R>(handler: Handler<P, R>): (params: P, token: CancellationToken) => R | Promise<R>;
}

/**
 * The language features on the parsed glossary: diagnostics pulled, definition, document links,
 * references, hover, completion, symbols, code actions and rename. Each is answered from the
 * session as it is when the request is served. A failure is logged and answered empty; pulled
 * diagnostics answer it with an error, on which the editor keeps those it shows.
 */
export function listenToFeatureRequests(services: ServerServices, { forUnchangedText, afterGlossaryRead }: RequestGuards): void {
  const { connection } = services;
  connection.languages.diagnostics.on(
    runOrAnswerError(connection, 'diagnostic', (params): DocumentDiagnosticReport => ({
      kind: DocumentDiagnosticReportKind.Full,
      items: services.session.diagnosticsOf(params.textDocument.uri).map((diagnostic) => toLspDiagnostic(diagnostic, services.client.diagnostics)),
    })),
  );
  connection.onDefinition(runSafely(connection, 'definition', [], forUnchangedText(afterGlossaryRead((params, token) => findDefinitions(services.session.index, params.textDocument.uri, params.position, token)))));
  connection.onDocumentLinks(runSafely(connection, 'documentLink', [], forUnchangedText(afterGlossaryRead((params, token) => documentLinks(services.session.index, params.textDocument.uri, token, services.client.linkTooltips)))));
  // A link that cannot be resolved comes back as it was: the editor then follows nothing.
  connection.onDocumentLinkResolve((link, token) => runSafely(connection, 'documentLink/resolve', link, () => resolveDocumentLink(services.session.index, link))(link, token));
  connection.onReferences(
    runSafely(
      connection,
      'references',
      [],
      forUnchangedText(afterGlossaryRead((params, token) => findReferences(services.session.index, params.textDocument.uri, params.position, params.context.includeDeclaration, token))),
    ),
  );
  const readText = async (uri: string): Promise<string | undefined> => services.openDocument(uri)?.getText() ?? (await services.session.readText(uri));
  connection.onHover(runSafely(connection, 'hover', null, forUnchangedText(afterGlossaryRead((params, token) => hoverAt(services.session.index, params.textDocument.uri, params.position, token, readText, services.client.hoverMarkup)))));
  connection.onCompletion(
    runSafely(connection, 'completion', null, forUnchangedText(afterGlossaryRead((params, token) => {
      const document = services.openDocument(params.textDocument.uri);
      // Markdown anywhere may link the glossary; another file (a .txt beside it) only when it belongs to it.
      if (document === undefined || (document.languageId !== 'markdown' && !services.session.isGlossaryFile(document.uri))) {
        return null;
      }
      // A position past the end of its line (an editor out of step) is taken as the line's end.
      const position = document.positionAt(document.offsetAt(params.position));
      return complete(services.session.index, document.uri, cursorTextIn(document, position), position, token, { labelDetails: services.client.completionLabelDetails, insertReplace: services.client.completionInsertReplace, lineBreaks: services.client.completionLineBreaks, rescores: services.client.completionRescores });
    }))),
  );
  // An item that cannot be resolved comes back as it was.
  connection.onCompletionResolve((item, token) => runSafely(connection, 'completionItem/resolve', item, () => resolveCompletionItem(services.session.index, item, readText, services.client.completionMarkup))(item, token));
  connection.onDocumentSymbol(
    runSafely(
      connection,
      'documentSymbol',
      [],
      forUnchangedText(
        afterGlossaryRead((params, token) => {
          const symbols = documentSymbols(services.session.index, params.textDocument.uri, token);
          return services.client.hierarchicalSymbols ? symbols : flatSymbols(params.textDocument.uri, symbols);
        }),
      ),
    ),
  );
  connection.onWorkspaceSymbol(runSafely(connection, 'workspaceSymbol', [], afterGlossaryRead((params, token) => workspaceSymbols(services.session.index, params.query, token))));
  connection.onCodeAction(
    runSafely(
      connection,
      'codeAction',
      [],
      forUnchangedText(
        afterGlossaryRead(async (params, token) => {
          const actions = await answerCodeActions(services, services.client.edits, params, token);
          // A client that takes commands alone gets every edit worked out when run (see `actionsForClient`).
          const listed = services.client.codeActionLiterals && services.client.resolvesActionEdits ? deferEditsOfClosedFiles(actions, params) : actions;
          return actionsForClient(listed, services.client, params);
        }),
      ),
    ),
  );
  // Whatever goes wrong, the action comes back as it was: the editor then applies nothing.
  connection.onCodeActionResolve((action, token) => runSafely(connection, 'codeAction/resolve', action, () => resolveCodeAction(services, services.client.edits, action, () => refusedAction(connection, action), token))(action, token));
  connection.onPrepareRename(runSafely(connection, 'prepareRename', null, forUnchangedText(afterGlossaryRead((params) => answerPrepareRename(services, params)))));
  // The position is in the text the request was sent for: typed over meanwhile, it may name another id.
  const rename = runSafely(connection, 'rename', null, forUnchangedText(afterGlossaryRead((params: RenameParams, token) => answerRename(services, params, token)), renameOutdatedError));
  // What the rename does beyond its edit is said only once the edit is sent: not for one refused, outdated or cancelled.
  connection.onRenameRequest(async (params, token) => {
    const answer = await rename(params, token);
    if (answer === null) return null;
    showRenameMessages(connection, answer);
    return answer.edit;
  });
}
