import { CancellationToken, Connection, ErrorCodes, MessageType, ResponseError, ShowMessageNotification } from 'vscode-languageserver';
import { errorWithStack } from './errorText';

/** The connections whose client asked the server to shut down. */
const shutDown = new WeakSet<Connection>();

/** Records the client's shutdown request: the requests that follow are refused, as the protocol asks. */
export function markShutDown(connection: Connection): void {
  shutDown.add(connection);
}

/** Whether the client has asked the server to shut down. */
export function hasShutDown(connection: Connection): boolean {
  return shutDown.has(connection);
}

/** Refuses a request that comes after the shutdown request. */
export function refuseAfterShutdown(connection: Connection, name: string): void {
  if (shutDown.has(connection)) {
    throw new ResponseError(ErrorCodes.InvalidRequest, `${name}: the server is shutting down`);
  }
}

/**
 * Wraps a request handler: a cancelled request answers `empty`, a `ResponseError` (a refusal the
 * writer should read, such as an invalid new name) reaches the client, and any other exception is
 * logged and answered with `empty`, so that one bad request never takes the server down. After a
 * shutdown request every request is refused.
 */
export function runSafely<P, R>(
  connection: Connection,
  name: string,
  empty: R,
  handler: (params: P, token: CancellationToken) => R | Promise<R>,
): (params: P, token: CancellationToken) => Promise<R> {
  return async (params, token) => {
    refuseAfterShutdown(connection, name);
    if (token.isCancellationRequested) {
      return empty;
    }
    try {
      const result = await handler(params, token);
      return token.isCancellationRequested ? empty : result;
    } catch (error) {
      if (error instanceof ResponseError) {
        throw error;
      }
      connection.console.error(`${name} failed: ${errorWithStack(error)}`);
      return empty;
    }
  };
}

/** Shows a message without asking for an answer (`window/showMessage`, which every client takes). */
export function showMessage(connection: Connection, type: MessageType, message: string): void {
  void connection.sendNotification(ShowMessageNotification.type, { type, message });
}
