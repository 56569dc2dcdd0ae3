import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { CancellationToken, CancellationTokenSource, Connection, ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { markInitialized, runOrAnswerError, runSafely } from '../requestRunner';

/** An initialized connection that keeps what the server logs. */
function loggingConnection(): { readonly connection: Connection; readonly logged: string[] } {
  const logged: string[] = [];
  const connection = { console: { error: (message: string) => logged.push(message) } } as unknown as Connection;
  markInitialized(connection);
  return { connection, logged };
}

/** Params as the protocol requires them of completion and diagnostic requests. */
const atCursor = { textDocument: { uri: 'file:///ws/A.md' }, position: { line: 0, character: 0 } };
const ofDocument = { textDocument: { uri: 'file:///ws/A.md' } };

const failing = (): never => {
  throw new Error('no such entry');
};

test('runSafely answers a cancelled or failed request with its empty answer, and logs the failure', async () => {
  const { connection, logged } = loggingConnection();
  assert.deepEqual(await runSafely(connection, 'completion', [], () => ['item'])(atCursor, CancellationToken.Cancelled), []);
  assert.deepEqual(await runSafely(connection, 'completion', [], () => ['item'])(atCursor, CancellationToken.None), ['item']);
  assert.deepEqual(await runSafely(connection, 'completion', [], failing)(atCursor, CancellationToken.None), []);
  assert.match(logged.join('\n'), /^completion failed: Error: no such entry/);
});

test('runOrAnswerError answers a cancelled request with RequestCancelled and a failed one with an error, never with an empty answer', async () => {
  const { connection, logged } = loggingConnection();
  const report = { kind: 'full', items: ['problem'] };
  await assert.rejects(runOrAnswerError(connection, 'diagnostic', () => report)(ofDocument, CancellationToken.Cancelled), (error) => error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled);
  // Cancelled while the handler ran: its answer is dropped too.
  const source = new CancellationTokenSource();
  const cancelledMeanwhile = runOrAnswerError(connection, 'diagnostic', async () => {
    source.cancel();
    return report;
  })(ofDocument, source.token);
  await assert.rejects(cancelledMeanwhile, (error) => error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled);
  assert.equal(await runOrAnswerError(connection, 'diagnostic', () => report)(ofDocument, CancellationToken.None), report);
  await assert.rejects(
    runOrAnswerError(connection, 'diagnostic', failing)(ofDocument, CancellationToken.None),
    (error) => error instanceof ResponseError && error.code === ErrorCodes.InternalError && error.message === 'diagnostic failed: no such entry',
  );
  assert.equal(logged.length, 1);
  // A refusal meant for the writer passes as it is.
  const refusal = new ResponseError(LSPErrorCodes.RequestFailed, 'refused');
  await assert.rejects(runOrAnswerError(connection, 'diagnostic', () => Promise.reject(refusal))(ofDocument, CancellationToken.None), (error) => error === refusal);
});

test('a request without what the protocol requires is refused with InvalidParams naming it, before its handler runs; a request of no known shape is not checked', async () => {
  const { connection, logged } = loggingConnection();
  let ran = false;
  const handler = () => {
    ran = true;
    return ['item'];
  };
  const invalid = (message: string) => (error: unknown) => error instanceof ResponseError && error.code === ErrorCodes.InvalidParams && error.message === message;
  await assert.rejects(runSafely(connection, 'completion', [], handler)(undefined, CancellationToken.None), invalid('completion: params must be an object'));
  await assert.rejects(runSafely(connection, 'completion', [], handler)({ textDocument: {}, position: { line: 0, character: 0 } }, CancellationToken.None), invalid('completion: textDocument.uri must be a string'));
  await assert.rejects(runSafely(connection, 'completion', [], handler)({ ...atCursor, position: { line: 0.5, character: 0 } }, CancellationToken.None), invalid('completion: position must have a line and a character, whole numbers from 0'));
  await assert.rejects(runOrAnswerError(connection, 'diagnostic', handler)({}, CancellationToken.None), invalid('diagnostic: textDocument.uri must be a string'));
  assert.equal(ran, false);
  assert.deepEqual(logged, []);
  assert.deepEqual(await runSafely(connection, 'documentLink/resolve', [], handler)(undefined, CancellationToken.None), ['item']);
});
