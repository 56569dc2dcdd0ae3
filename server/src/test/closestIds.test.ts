import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { findClosestIds, singularOf } from '../diagnostics/closestIds';
import { closestIdsByFullScan } from './support/closestIdsByFullScan';
import { indexOf } from './support/tinyWorkspace';

test('singularOf strips English plural endings only', () => {
  assert.deepEqual(['models', 'technologies', 'boxes', 'classes', 'class', 'gpt', 'lms'].map(singularOf), [
    'model', 'technology', 'box', 'class', 'class', 'gpt', 'lm',
  ]);
});

test('findClosestIds finds exactly what a full scan finds, for ids one to three edits away from long and short ids', () => {
  const ids = [
    'Reinforcement-Learning-from-Human-Feedback', 'Machine-Learning', 'Deep-Learning', 'Federated-Learning',
    'Large-Language-Model', 'Small-Language-Model', 'Language-Model', 'Text-to-Image', 'Text-to-Video',
    'Neural-Network', 'Neural-Networks-Basics', 'AGI', 'LLM', 'LoRA', 'QLoRA', 'GPT-4', 'GPT-4.5', 'Claude', 'CNN', 'RNN',
  ];
  const index = indexOf({ 'ids.md': ids.map((id) => `# ${id} {#${id}}`) });
  const queries = [
    ...ids,
    'Reinforcement-Learning', 'Machine-Learnin', 'Deep-Lerning', 'Federated-Learnings', 'large-language-models',
    'Smal-Languag-Model', 'Langauge-Model', 'Text-to-Imag', 'Text-To-Video', 'Neural-Network-Basics', 'Neural-Netwrk',
    'AG', 'LLMs', 'Lora', 'QLORA', 'GPT4', 'GPT-4.6', 'Claud', 'CNNs', 'RNNN', 'Xyz', 'Vision-Transformer',
  ];
  for (const query of queries) {
    assert.deepEqual(findClosestIds(query, index), closestIdsByFullScan(query, index), query);
  }
});

test('after a new id is defined, findClosestIds takes it into account', () => {
  const index = indexOf({ 'a.md': ['# A {#Machine-Learning}'] });
  assert.deepEqual(findClosestIds('Deep-Learnin', index), []);
  index.update(indexOf({ 'b.md': ['# B {#Deep-Learning}'] }).document('file:///ws/b.md')!);
  assert.deepEqual(findClosestIds('Deep-Learnin', index), ['Deep-Learning']);
});
