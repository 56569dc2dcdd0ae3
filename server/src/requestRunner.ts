import { CancellationToken, Connection } from 'vscode-languageserver';

/**
 * Wraps a request handler: a cancelled request answers `empty`, and an exception is logged and
 * answered with `empty` too, so that one bad request never takes the server down.
 */
export function runSafely<P, R>(
  connection: Connection,
  name: string,
  empty: R,
  handler: (params: P, token: CancellationToken) => R,
): (params: P, token: CancellationToken) => R {
  return (params, token) => {
    if (token.isCancellationRequested) {
      return empty;
    }
    try {
      const result = handler(params, token);
      return token.isCancellationRequested ? empty : result;
    } catch (error) {
      connection.console.error(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return empty;
    }
  };
}
