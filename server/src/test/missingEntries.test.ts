import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { GlossarySession } from '../session/glossarySession';
import { InMemoryWorkspace } from '../workspace/inMemoryWorkspace';
import { uriOf } from './support/tinyWorkspace';

test('missing entries: most linked first, titled as the links name them, each naming the file that keeps it from being made and its entry\'s id', async () => {
  const workspace = new InMemoryWorkspace({
    // `[](#)` and `[oben](#)` name no id: no entry is missing for them.
    [uriOf('A.md')]: '[Model Collapse](#Model-Collapse), [collapse](#Model-Collapse), [LLM](#LLM), [g](#Gpt), [n](#Notes), [](#), [oben](#) and [the index](#Index)',
    // LLM.md holds another entry; gpt.md differs from Gpt.md in case alone; Notes.md is on disk, not in the glossary.
    [uriOf('LLM.md')]: '## Large Language Model {#Large-Language-Model .term}',
    [uriOf('gpt.md')]: '## GPT {#GPT .term}',
    [uriOf('.glossary.json')]: JSON.stringify({ exclude: ['Notes.md'] }),
    [uriOf('Notes.md')]: 'Notizen',
  });
  const session = new GlossarySession(workspace, ['file:///ws']);
  await session.load(undefined, []);
  assert.deepEqual(await session.missingEntries(), [
    { id: 'Model-Collapse', title: 'Model Collapse', referenceCount: 2, fileCount: 1 },
    { id: 'Gpt', title: 'Gpt', referenceCount: 1, fileCount: 1, existingFile: uriOf('gpt.md'), existingFileEntryId: 'GPT' },
    { id: 'LLM', title: 'LLM', referenceCount: 1, fileCount: 1, existingFile: uriOf('LLM.md'), existingFileEntryId: 'Large-Language-Model' },
    { id: 'Notes', title: 'Notes', referenceCount: 1, fileCount: 1, existingFile: uriOf('Notes.md') },
  ]);
});

test('a missing entry whose file holds a copy of another file\'s entry (Claude.md holding CNN.md\'s) names that file, whose quick fix writes the entry over the copy; New Entry says so too', async () => {
  const cnn = ['## CNN {#CNN .chapter .small .term}', '', 'Faltungsnetze.', '', '### Siehe {.seealso}', '', '[Index](#Index) |'].join('\n');
  const files = {
    [uriOf('CNN.md')]: cnn,
    [uriOf('Claude.md')]: cnn,
    [uriOf('A.md')]: '## A {#A .chapter .small .term}\n\n[Claude](#Claude) und [CNN](#CNN).',
  };
  const session = new GlossarySession(new InMemoryWorkspace(files), ['file:///ws']);
  await session.load(undefined, []);
  assert.deepEqual(await session.missingEntries(), [
    { id: 'Claude', title: 'Claude', referenceCount: 1, fileCount: 1, existingFile: uriOf('Claude.md'), existingFileEntryId: 'CNN', existingFileCopyOf: uriOf('CNN.md') },
  ]);
  assert.equal((await session.proposeEntry('Claude')).problem, 'The file Claude.md exists already, holding a copy of the entry "CNN" of CNN.md: the quick fix at its heading\'s id writes the new entry over the copy.');
  // A copy with lines of its own is no copy to write over: something would be lost.
  const edited = new GlossarySession(new InMemoryWorkspace({ ...files, [uriOf('Claude.md')]: `${cnn}\n\nNur hier.` }), ['file:///ws']);
  await edited.load(undefined, []);
  assert.equal((await edited.missingEntries())[0]!.existingFileCopyOf, undefined);
  assert.equal((await edited.proposeEntry('Claude')).problem, 'The file Claude.md exists already.');
});
