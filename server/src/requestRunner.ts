import { CancellationToken, Connection, ErrorCodes, LSPErrorCodes, MessageType, ResponseError, ShowMessageNotification, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { errorMessage, errorWithStack } from './errorText';
import { paramsProblem } from './requestParams';

/** The connections whose client has initialized the server. */
const initialized = new WeakSet<Connection>();

/** The connections whose client asked the server to shut down. */
const shutDown = new WeakSet<Connection>();

/**
 * Records the client's initialize request; refuses a second one, which the protocol allows once
 * (answered, it would start a second glossary over the first one's open files).
 */
export function markInitialized(connection: Connection): void {
  if (initialized.has(connection)) {
    throw new ResponseError(ErrorCodes.InvalidRequest, 'initialize: the server is initialized already');
  }
  initialized.add(connection);
}

/** Records the client's shutdown request: the requests that follow are refused, as the protocol asks. */
export function markShutDown(connection: Connection): void {
  shutDown.add(connection);
}

/** Whether the client has asked the server to shut down. */
export function hasShutDown(connection: Connection): boolean {
  return shutDown.has(connection);
}

/** Refuses a request that comes before the initialize request (as the protocol asks) or after the shutdown request. */
function refuseOutsideSession(connection: Connection, name: string): void {
  if (!initialized.has(connection)) {
    throw new ResponseError(ErrorCodes.ServerNotInitialized, `${name}: the server is not initialized yet`);
  }
  if (shutDown.has(connection)) {
    throw new ResponseError(ErrorCodes.InvalidRequest, `${name}: the server is shutting down`);
  }
}

/**
 * Wraps a request handler: a cancelled request answers `empty`, a `ResponseError` (a refusal the
 * writer should read, such as an invalid new name) reaches the client, and any other exception is
 * logged and answered with `empty`, so that one bad request never takes the server down. Before
 * the initialize request and after the shutdown request every request is refused, and so is one
 * whose params lack what the protocol requires (see `paramsProblem`).
 */
export function runSafely<P, R>(
  connection: Connection,
  name: string,
  empty: R,
  handler: (params: P, token: CancellationToken) => R | Promise<R>,
): (params: P, token: CancellationToken) => Promise<R> {
  return runGuarded(connection, name, handler, () => empty, () => empty);
}

/**
 * As `runSafely`, for a request whose empty answer would say something: a diagnostic report of no
 * problems clears the file's problems in the editor. Cancelled, it answers `RequestCancelled`;
 * failed, an error; either way the client keeps what it had.
 */
export function runOrAnswerError<P, R>(
  connection: Connection,
  name: string,
  handler: (params: P, token: CancellationToken) => R | Promise<R>,
): (params: P, token: CancellationToken) => Promise<R> {
  return runGuarded(
    connection,
    name,
    handler,
    () => {
      throw new ResponseError(LSPErrorCodes.RequestCancelled, `${name}: cancelled`);
    },
    (error) => {
      throw new ResponseError(ErrorCodes.InternalError, `${name} failed: ${errorMessage(error)}`);
    },
  );
}

/** Runs a handler, with the answers for a cancelled and a failed request given; refuses the request outside the session or with params that lack a required part. */
function runGuarded<P, R>(
  connection: Connection,
  name: string,
  handler: (params: P, token: CancellationToken) => R | Promise<R>,
  cancelled: () => R,
  failed: (error: unknown) => R,
): (params: P, token: CancellationToken) => Promise<R> {
  return async (params, token) => {
    refuseOutsideSession(connection, name);
    refuseMalformed(name, params);
    if (token.isCancellationRequested) {
      return cancelled();
    }
    let result: R;
    try {
      result = await handler(params, token);
    } catch (error) {
      if (error instanceof ResponseError) {
        throw error;
      }
      connection.console.error(`${name} failed: ${errorWithStack(error)}`);
      return failed(error);
    }
    return token.isCancellationRequested ? cancelled() : result;
  };
}

/** Refuses a request whose params lack a part the protocol requires, naming it (see `paramsProblem`). */
export function refuseMalformed(name: string, params: unknown): void {
  const problem = paramsProblem(name, params);
  if (problem !== undefined) {
    throw new ResponseError(ErrorCodes.InvalidParams, `${name}: ${problem}`);
  }
}

/**
 * Wraps a notification handler: a notification whose params lack a part the protocol requires is
 * logged, naming the part, and ignored (it has no answer to refuse it with), so that a malformed
 * one never leaves an open document half updated or a folder list broken.
 */
export function ignoringMalformed<P>(connection: Connection, name: string, handler: (params: P) => void): (params: P) => void {
  return (params) => {
    const problem = paramsProblem(name, params);
    if (problem === undefined) {
      handler(params);
    } else {
      connection.console.error(`${name}: ${problem}; the notification is ignored`);
    }
  };
}

/** What `TextDocuments` listens to: the document notifications of a connection. */
type DocumentSync = Parameters<TextDocuments<TextDocument>['listen']>[0];

/** The connection as `TextDocuments` listens to it, with each malformed document notification ignored (see `ignoringMalformed`). */
export function checkedDocumentSync(connection: Connection): DocumentSync {
  return {
    onDidOpenTextDocument: (handler) => connection.onDidOpenTextDocument(ignoringMalformed(connection, 'didOpen', handler)),
    onDidChangeTextDocument: (handler) => connection.onDidChangeTextDocument(ignoringMalformed(connection, 'didChange', handler)),
    onDidCloseTextDocument: (handler) => connection.onDidCloseTextDocument(ignoringMalformed(connection, 'didClose', handler)),
    onDidSaveTextDocument: (handler) => connection.onDidSaveTextDocument(ignoringMalformed(connection, 'didSave', handler)),
    // Not offered (the server asks for no willSave notifications); passed on as they are.
    onWillSaveTextDocument: (handler) => connection.onWillSaveTextDocument(handler),
    onWillSaveTextDocumentWaitUntil: (handler) => connection.onWillSaveTextDocumentWaitUntil(handler),
  };
}

/** Shows a message without asking for an answer (`window/showMessage`, which every client takes). */
export function showMessage(connection: Connection, type: MessageType, message: string): void {
  void connection.sendNotification(ShowMessageNotification.type, { type, message });
}
