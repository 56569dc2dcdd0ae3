import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { Connection, Diagnostic } from 'vscode-languageserver';
import { DiagnosticsPublisher } from '../diagnosticsPublisher';

interface Publication {
  readonly at: number;
  readonly uri: string;
  readonly count: number;
}

/**
 * A publisher over a connection that logs what is sent: each publication (when, which document,
 * how many diagnostics) and each request to pull again, in one list. Every document has one
 * diagnostic unless `withoutProblems` holds it; working it out takes `costMs` of real time.
 */
function publisherOf({ costMs = 0, openUris = ['file:///a.md'], withoutProblems = new Set<string>() }: { costMs?: number; openUris?: readonly string[]; withoutProblems?: Set<string> } = {}) {
  const log: (Publication | 'refresh')[] = [];
  const connection = {
    sendDiagnostics: async ({ uri, diagnostics }: { uri: string; diagnostics: Diagnostic[] }) => void log.push({ at: Date.now() - start, uri, count: diagnostics.length }),
    languages: { diagnostics: { refresh: async () => void log.push('refresh') } },
  } as unknown as Connection;
  const diagnostic: Diagnostic = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'x' };
  const diagnosticsOf = (uri: string): Diagnostic[] => {
    for (const until = performance.now() + costMs; performance.now() < until; );
    return withoutProblems.has(uri) ? [] : [diagnostic];
  };
  const publisher = new DiagnosticsPublisher(connection, diagnosticsOf, (uri) => (openUris.includes(uri) ? 1 : undefined), () => undefined);
  const sent = (): Publication[] => log.filter((entry): entry is Publication => entry !== 'refresh');
  return { publisher, log, sent, uris: () => sent().map((publication) => publication.uri) };
}

const editOf = (uri: string) => ({ changedIds: new Set<string>(), affectedUris: new Set([uri]) });
/** The clock at the first keystroke; times below are from it. */
const start = 1_000_000;

test('an edit is published 75 ms after the last keystroke, once for a burst', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout', 'Date'], now: start });
  const { publisher, sent } = publisherOf();
  publisher.publishEditSoon(editOf('file:///a.md'), 'file:///a.md');
  t.mock.timers.tick(50);
  publisher.publishEditSoon(editOf('file:///a.md'), 'file:///a.md');
  publisher.publishEditSoon(editOf('file:///b.md'), 'file:///a.md');
  t.mock.timers.tick(74);
  assert.deepEqual(sent(), []);
  t.mock.timers.tick(1);
  assert.deepEqual(sent(), [{ at: 125, uri: 'file:///a.md', count: 1 }, { at: 125, uri: 'file:///b.md', count: 1 }]);
});

test('while typing goes on, what it affects is published at least every 500 ms', (t) => {
  t.mock.timers.enable({ apis: ['setTimeout', 'Date'], now: start });
  const { publisher, sent } = publisherOf();
  // A keystroke every 50 ms for 1.2 s; the clock moves 5 ms at a time, so that a publication is seen when it happens.
  for (let at = 0; at <= 1400; at += 5) {
    if (at % 50 === 0 && at <= 1200) publisher.publishEditSoon(editOf('file:///a.md'), 'file:///a.md');
    t.mock.timers.tick(5);
  }
  // At 500 and 1000 ms though keys keep coming, then 75 ms after the last keystroke (at 1200 ms).
  assert.deepEqual(sent().map((publication) => publication.at), [500, 1000, 1275]);
});

// Publishing the whole glossary after a load, on real time.

const files = (prefix: string, count: number) => Array.from({ length: count }, (_, at) => `file:///${prefix}${at}.md`);

test('after a load, the open documents are published first, and other work runs between each slice of 20 ms and the next', async () => {
  const { publisher, uris } = publisherOf({ costMs: 2, openUris: ['file:///open.md'] });
  // Work waiting for its turn: each time it runs, it counts what was published by then, and waits again.
  const publishedWhenOtherWorkRan: number[] = [];
  let publishing = true;
  const otherWork = (): void => {
    publishedWhenOtherWorkRan.push(uris().length);
    if (publishing) setImmediate(otherWork);
  };
  setImmediate(otherWork);
  const finished = await publisher.publishAll([...files('a', 60), 'file:///open.md']);
  publishing = false;
  assert.equal(finished, true);
  assert.equal(uris()[0], 'file:///open.md');
  assert.equal(uris().length, 61);
  // 120 ms of work: a request waits for one slice (about ten publications), never for all of them.
  const steps = publishedWhenOtherWorkRan.slice(1).map((count, k) => count - publishedWhenOtherWorkRan[k]!);
  assert.ok(publishedWhenOtherWorkRan.length >= 4 && steps.every((step) => step < 20), `other work ran after ${publishedWhenOtherWorkRan.join(', ')} publications`);
});

test('a client that pulls is asked to pull again before the pushed documents are published', async () => {
  const { publisher, log } = publisherOf();
  publisher.useClient(true);
  await publisher.publishAll(['file:///a.md', 'file:///b.md']);
  // The open file is the editor's to pull; the other is pushed.
  assert.deepEqual(log.map((entry) => (entry === 'refresh' ? entry : entry.uri)), ['refresh', 'file:///b.md']);
});

test('a newer publication of the whole glossary (a reload) ends the one under way', async () => {
  const { publisher, uris } = publisherOf({ costMs: 2 });
  const first = publisher.publishAll(files('a', 40));
  const publishedBeforeReload = uris().length;
  assert.ok(publishedBeforeReload > 0 && publishedBeforeReload < 40);
  // The reload sends again what was published (each may have lost its problems) and what it indexed; the rest of the older publication is dropped.
  const second = publisher.publishAll(['file:///b.md']);
  assert.deepEqual(await Promise.all([first, second]), [false, true]);
  assert.deepEqual(uris().slice(publishedBeforeReload), [...files('a', publishedBeforeReload), 'file:///b.md']);
});

test('files deleted during a publication: one already published is cleared once, one not yet published is never sent', async () => {
  const [published, notYet] = ['file:///a0.md', 'file:///a39.md'];
  const withoutProblems = new Set<string>();
  const { publisher, sent } = publisherOf({ costMs: 2, withoutProblems });
  const publication = publisher.publishAll(files('a', 40));
  assert.ok(sent().some((publication) => publication.uri === published));
  assert.ok(!sent().some((publication) => publication.uri === notYet));
  // Deleted: the index no longer has them, so they have no diagnostics.
  for (const uri of [published, notYet]) {
    withoutProblems.add(uri);
    publisher.forget(uri);
  }
  assert.equal(await publication, true);
  assert.deepEqual(sent().filter((publication) => publication.uri === published).map((publication) => publication.count), [1, 0]);
  assert.ok(!sent().some((publication) => publication.uri === notYet));
});

test('the shutdown ends a publication under way: nothing more is sent', async () => {
  const { publisher, sent } = publisherOf({ costMs: 2 });
  const publication = publisher.publishAll(files('a', 40));
  publisher.dispose();
  const sentAtShutdown = sent().length;
  assert.ok(sentAtShutdown < 40);
  assert.equal(await publication, false);
  assert.equal(sent().length, sentAtShutdown);
});

test('a change of many closed documents publishes the open ones at once and the rest in time slices, between which other work runs', async () => {
  const closed = Array.from({ length: 40 }, (_, k) => `file:///c${k}.md`);
  // Each document's diagnostics take 2 ms: a 20 ms slice holds about ten.
  const { publisher, uris } = publisherOf({ costMs: 2, openUris: ['file:///open.md'] });
  publisher.publishChange({ changedIds: new Set(), affectedUris: new Set([...closed, 'file:///open.md']) });
  const atOnce = uris();
  assert.equal(atOnce[0], 'file:///open.md');
  assert.ok(atOnce.length >= 2 && atOnce.length < 41, `the first slice publishes some: ${atOnce.length}`);
  // A second change while the rest waits: its open document at once, its closed ones with the rest, each once.
  await new Promise((resolve) => setImmediate(resolve));
  publisher.publishChange({ changedIds: new Set(), affectedUris: new Set(['file:///open.md', 'file:///late.md']) });
  while (uris().length < 43) await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setTimeout(resolve, 50));
  const all = uris();
  assert.equal(all.filter((uri) => uri === 'file:///open.md').length, 2);
  assert.deepEqual(all.filter((uri) => uri !== 'file:///open.md').sort(), [...closed, 'file:///late.md'].sort());
});
