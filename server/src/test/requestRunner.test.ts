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

const failing = (): never => {
  throw new Error('no such entry');
};

test('runSafely answers a cancelled or failed request with its empty answer, and logs the failure', async () => {
  const { connection, logged } = loggingConnection();
  assert.deepEqual(await runSafely(connection, 'completion', [], () => ['item'])(undefined, CancellationToken.Cancelled), []);
  assert.deepEqual(await runSafely(connection, 'completion', [], () => ['item'])(undefined, CancellationToken.None), ['item']);
  assert.deepEqual(await runSafely(connection, 'completion', [], failing)(undefined, CancellationToken.None), []);
  assert.match(logged.join('\n'), /^completion failed: Error: no such entry/);
});

test('runOrAnswerError answers a cancelled request with RequestCancelled and a failed one with an error, never with an empty answer', async () => {
  const { connection, logged } = loggingConnection();
  const report = { kind: 'full', items: ['problem'] };
  await assert.rejects(runOrAnswerError(connection, 'diagnostic', () => report)(undefined, CancellationToken.Cancelled), (error) => error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled);
  // Cancelled while the handler ran: its answer is dropped too.
  const source = new CancellationTokenSource();
  const cancelledMeanwhile = runOrAnswerError(connection, 'diagnostic', async () => {
    source.cancel();
    return report;
  })(undefined, source.token);
  await assert.rejects(cancelledMeanwhile, (error) => error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled);
  assert.equal(await runOrAnswerError(connection, 'diagnostic', () => report)(undefined, CancellationToken.None), report);
  await assert.rejects(
    runOrAnswerError(connection, 'diagnostic', failing)(undefined, CancellationToken.None),
    (error) => error instanceof ResponseError && error.code === ErrorCodes.InternalError && error.message === 'diagnostic failed: no such entry',
  );
  assert.equal(logged.length, 1);
  // A refusal meant for the writer passes as it is.
  const refusal = new ResponseError(LSPErrorCodes.RequestFailed, 'refused');
  await assert.rejects(runOrAnswerError(connection, 'diagnostic', () => Promise.reject(refusal))(undefined, CancellationToken.None), (error) => error === refusal);
});
