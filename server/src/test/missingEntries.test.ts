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
