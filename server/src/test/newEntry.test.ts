import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { idProblem, newEntryUri, proposeEntryId } from '../features/newEntry';
import { GlossarySession } from '../session/glossarySession';
import { InMemoryWorkspace } from '../workspace/inMemoryWorkspace';

test('a title proposes the id the writer would type: spaces become hyphens', () => {
  assert.equal(proposeEntryId('  Data Scraping '), 'Data-Scraping');
  assert.equal(proposeEntryId('Künstliche   Intelligenz'), 'Künstliche-Intelligenz');
});

test('an id that a file name or link cannot hold is refused with the reason', () => {
  assert.equal(idProblem('Data-Scraping'), undefined);
  assert.equal(idProblem('Übersicht.v2'), undefined);
  assert.match(idProblem('')!, /empty/);
  assert.match(idProblem('a b')!, /white space/);
  for (const bad of ['../x', 'a/b', 'a\\b', 'a:b', 'a}b', '.hidden', 'x\u0000y']) {
    assert.ok(idProblem(bad) !== undefined, bad);
  }
});

test('a new entry never lands outside the workspace folder', () => {
  assert.equal(newEntryUri('X', 'file:///ws/entries', 'file:///ws'), 'file:///ws/entries/X.md');
  assert.equal(newEntryUri('X', 'file:///elsewhere', 'file:///ws'), undefined);
  assert.equal(newEntryUri('X', 'file:///ws/../etc', 'file:///ws'), undefined);
  assert.equal(newEntryUri('X', 'file:///wsx', 'file:///ws'), undefined);
});

test('the session refuses an entries folder outside the workspace, an existing id and an existing file', async () => {
  const workspace = new InMemoryWorkspace({
    'file:///ws/.glossary.json': JSON.stringify({ entriesFolder: '../outside' }),
    'file:///ws/A.md': '## A {#A .term}',
  });
  const session = new GlossarySession(workspace, ['file:///ws']);
  await session.load(undefined, []);
  assert.match((await session.proposeEntry('New'))!.problem!, /outside the workspace/);
  assert.match((await session.proposeEntry('A'))!.problem!, /already defined in A\.md/);

  const plain = new GlossarySession(new InMemoryWorkspace({ 'file:///ws/A.md': '## A {#A .term}', 'file:///ws/B.txt': 'x', 'file:///ws/Free.md': '' }), ['file:///ws']);
  await plain.load(undefined, []);
  assert.deepEqual(await plain.proposeEntry('Data Scraping'), { id: 'Data-Scraping', uri: 'file:///ws/Data-Scraping.md', problem: undefined });
  assert.match((await plain.proposeEntry('Free'))!.problem!, /exists already/);
});
