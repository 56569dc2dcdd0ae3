import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { idProblem, newEntryUri, proposeEntryId } from '../features/newEntry';
import { GlossarySession } from '../session/glossarySession';
import { InMemoryWorkspace } from '../workspace/inMemoryWorkspace';

test('a title proposes the id the writer would type: spaces become hyphens, what pandoc takes in no id is left out', () => {
  assert.equal(proposeEntryId('  Data Scraping '), 'Data-Scraping');
  assert.equal(proposeEntryId('Künstliche   Intelligenz'), 'Künstliche-Intelligenz');
  assert.equal(proposeEntryId('DL (Deep Learning)'), 'DL-Deep-Learning');
  assert.equal(proposeEntryId('Trust & Safety'), 'Trust-Safety');
  assert.equal(proposeEntryId('Was ist KI?'), 'Was-ist-KI');
  assert.equal(proposeEntryId('GPT-4o'), 'GPT-4o');
});

test('an id pandoc does not read in {#…}, or a file name cannot hold, is refused with the reason', () => {
  for (const good of ['Data-Scraping', 'Übersicht.v2', 'snake_case', 'Ωμέγα', 'GPT-4o']) {
    assert.equal(idProblem(good), undefined, good);
  }
  assert.match(idProblem('')!, /empty/);
  assert.match(idProblem('a b')!, /white space/);
  assert.match(idProblem('3D-Modeling')!, /begin with a letter/);
  assert.match(idProblem('C++')!, /"\+"/);
  assert.match(idProblem('DL-(Deep-Learning)')!, /"\("/);
  for (const bad of ['../x', 'a/b', 'a\\b', 'a:b', 'a}b', '.hidden', '-x', '_x', 'x\u0000y', 'Trust-&-Safety', 'x\ud800']) {
    assert.ok(idProblem(bad) !== undefined, bad);
  }
});

test('every id the parser reads in {#…} that is no file-name trouble is accepted, and no other (against pandoc)', () => {
  const candidates = ['A', 'a1', 'Ä-b', 'x_y.z', '3D', '_x', '-x', '.x', 'C++', 'a&b', 'x!', 'Ölbild', 'GPT-4o'];
  const markdown = candidates.map((id) => `## T {#${id} .term}\n`).join('\n');
  const result = spawnSync('pandoc', ['-f', 'markdown', '-t', 'json'], { input: markdown, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  const ids = (JSON.parse(result.stdout) as { blocks: { t: string; c: [number, [string, string[]]] }[] }).blocks.map((block) => block.c[1]);
  candidates.forEach((id, k) => {
    const pandocTakesIt = ids[k]![0] === id && ids[k]![1].includes('term');
    assert.equal(idProblem(id) === undefined, pandocTakesIt, `${id}: pandoc ${pandocTakesIt ? 'reads' : 'does not read'} it`);
  });
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

test('entriesFolder in a .glossary.json above the workspace folder starts at the folder of that file, as indexFile and include do', async () => {
  const workspace = new InMemoryWorkspace({
    'file:///repo/.glossary.json': JSON.stringify({ entriesFolder: 'src/de', indexFile: 'src/de/Index.md' }),
    'file:///repo/src/de/A.md': '## A {#A .term}',
    'file:///repo/src/de/Index.md': '# Index {#Index}\n\n[A](#A)\n',
  });
  const session = new GlossarySession(workspace, ['file:///repo/src/de']);
  await session.load(undefined, []);
  assert.deepEqual(await session.proposeEntry('Neu'), { id: 'Neu', uri: 'file:///repo/src/de/Neu.md', problem: undefined });
  // The editor setting, with no .glossary.json, starts at the workspace folder.
  const plain = new GlossarySession(new InMemoryWorkspace({ 'file:///ws/src/A.md': '## A {#A .term}', 'file:///ws/B.md': '## B {#B .term}' }), ['file:///ws']);
  await plain.load({ entriesFolder: 'src' }, []);
  assert.equal((await plain.proposeEntry('Neu')).uri, 'file:///ws/src/Neu.md');
});
