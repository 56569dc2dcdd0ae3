import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { Connection, Diagnostic } from 'vscode-languageserver';
import { DiagnosticsPublisher } from '../diagnosticsPublisher';

// The timing of publications while the writer types, on mocked timers: no real waiting.

function publisherWithLog(): { publisher: DiagnosticsPublisher; sent: { at: number; uri: string }[] } {
  const sent: { at: number; uri: string }[] = [];
  const connection = {
    sendDiagnostics: async ({ uri }: { uri: string }) => void sent.push({ at: Date.now() - start, uri }),
    languages: { diagnostics: { refresh: async () => undefined } },
  } as unknown as Connection;
  const diagnostic: Diagnostic = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'x' };
  const publisher = new DiagnosticsPublisher(connection, () => [diagnostic], () => 1, () => undefined);
  return { publisher, sent };
}

const editOf = (uri: string) => ({ changedIds: new Set<string>(), affectedUris: new Set([uri]) });
/** The clock at the first keystroke; times below are from it. */
const start = 1_000_000;

test('an edit is published 75 ms after the last keystroke, once for a burst', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout', 'Date'], now: start });
  const { publisher, sent } = publisherWithLog();
  publisher.publishEditSoon(editOf('file:///a.md'), 'file:///a.md');
  t.mock.timers.tick(50);
  publisher.publishEditSoon(editOf('file:///a.md'), 'file:///a.md');
  publisher.publishEditSoon(editOf('file:///b.md'), 'file:///a.md');
  t.mock.timers.tick(74);
  assert.deepEqual(sent, []);
  t.mock.timers.tick(1);
  assert.deepEqual(sent, [{ at: 125, uri: 'file:///a.md' }, { at: 125, uri: 'file:///b.md' }]);
});

test('while typing goes on, what it affects is published at least every 500 ms', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout', 'Date'], now: start });
  const { publisher, sent } = publisherWithLog();
  // A keystroke every 50 ms for 1.2 s; the clock moves 5 ms at a time, so that a publication is seen when it happens.
  for (let at = 0; at <= 1400; at += 5) {
    if (at % 50 === 0 && at <= 1200) publisher.publishEditSoon(editOf('file:///a.md'), 'file:///a.md');
    t.mock.timers.tick(5);
  }
  // At 500 and 1000 ms though keys keep coming, then 75 ms after the last keystroke (at 1200 ms).
  assert.deepEqual(sent.map((publication) => publication.at), [500, 1000, 1275]);
});

// Publishing the whole glossary after a load, on real time: each document's diagnostics take `costMs` to work out.

function slowPublisher(costMs: number, openUris: readonly string[] = []): { publisher: DiagnosticsPublisher; sent: string[] } {
  const sent: string[] = [];
  const connection = {
    sendDiagnostics: async ({ uri }: { uri: string }) => void sent.push(uri),
    languages: { diagnostics: { refresh: async () => undefined } },
  } as unknown as Connection;
  const diagnostic: Diagnostic = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'x' };
  const diagnosticsOf = (): Diagnostic[] => {
    for (const until = performance.now() + costMs; performance.now() < until; );
    return [diagnostic];
  };
  const publisher = new DiagnosticsPublisher(connection, diagnosticsOf, (uri) => (openUris.includes(uri) ? 1 : undefined), () => undefined);
  return { publisher, sent };
}

const files = (prefix: string, count: number) => Array.from({ length: count }, (_, at) => `file:///${prefix}${at}.md`);

test('after a load, the open documents are published first, and other work runs between slices of the rest', async () => {
  const { publisher, sent } = slowPublisher(2, ['file:///open.md']);
  let sentWhenOtherWorkRan: number | undefined;
  setImmediate(() => (sentWhenOtherWorkRan = sent.length));
  await publisher.publishAll([...files('a', 40), 'file:///open.md']);
  assert.equal(sent[0], 'file:///open.md');
  assert.equal(sent.length, 41);
  // 80 ms of work in slices of 20 ms: a request waits for one slice, not for all of them.
  assert.ok(sentWhenOtherWorkRan !== undefined && sentWhenOtherWorkRan < 20, `other work ran after ${sentWhenOtherWorkRan} publications`);
});

test('a newer publication of the whole glossary (a reload) ends the one under way', async () => {
  const { publisher, sent } = slowPublisher(2);
  const first = publisher.publishAll(files('a', 40));
  const publishedBeforeReload = sent.length;
  assert.ok(publishedBeforeReload > 0 && publishedBeforeReload < 40);
  // The reload sends again what was published (each may have lost its problems) and what it indexed; the rest of the older publication is dropped.
  const second = publisher.publishAll(['file:///b.md']);
  await Promise.all([first, second]);
  assert.equal(sent.length, 2 * publishedBeforeReload + 1);
  assert.deepEqual(sent.slice(publishedBeforeReload), [...files('a', publishedBeforeReload), 'file:///b.md']);
});
