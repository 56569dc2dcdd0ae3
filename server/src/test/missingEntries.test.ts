import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { missingEntries } from '../features/missingEntries';
import { indexOf, uriOf } from './support/tinyWorkspace';

test('missing entries: most linked first, titled as the links name them; one whose file holds another id names that file', () => {
  const index = indexOf({
    'A.md': ['[Model Collapse](#Model-Collapse), [collapse](#Model-Collapse), [LLM](#LLM) and [the index](#Index)'],
    'LLM.md': ['## Large Language Model {#Large-Language-Model .term}'],
  });
  assert.deepEqual(missingEntries(index, (id) => uriOf(`${id}.md`)), [
    { id: 'Model-Collapse', title: 'Model Collapse', referenceCount: 2, fileCount: 1 },
    { id: 'LLM', title: 'LLM', referenceCount: 1, fileCount: 1, existingFile: uriOf('LLM.md') },
  ]);
  // Without a place for new files (the report), no file is named.
  assert.deepEqual(missingEntries(index).map((entry) => Object.keys(entry).includes('existingFile')), [false, false]);
});
