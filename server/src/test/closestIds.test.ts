import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { CloseIdFinder, couldBeClosestId, findClosestIds, singularOf } from '../index/closestIds';
import { seededRandom } from '../seededRandom';
import { closestIdsByFullScan } from './support/closestIdsByFullScan';
import { indexOf } from './support/tinyWorkspace';

test('singularOf strips English plural endings only', () => {
  assert.deepEqual(['models', 'technologies', 'boxes', 'classes', 'class', 'gpt', 'lms'].map(singularOf), [
    'model', 'technology', 'box', 'class', 'class', 'gpt', 'lm',
  ]);
});

test('a close spelling is named when it may be a misspelling, not another term (pairs from the real glossary\'s broken links)', () => {
  const ids = [
    'Few-Shot-Learning', 'Web-Crawling', 'Deep-Learning', 'AI-Security', 'Embodied-AI', 'Multi-Modal-LLM', 'Text-to-Music',
    'GPT-4V', 'GPT-4o', 'GPT-4', 'DAN', 'NLG', 'NLU', 'LoRA', 'GPU', 'GPT', 'LLM', 'CNN', 'RNN', 'AGI',
    'Paperclip-Maximierer', 'Kontext-Fenster', 'ComputerVision', 'Artificial-Super-Intelligence', 'Modell-Training',
  ];
  const index = indexOf({ 'ids.md': ids.map((id) => `# ${id} {#${id}}`) });
  const closest = (query: string): readonly string[] => findClosestIds(query, index);
  // Another word, or an abbreviation a letter away: another term.
  for (const query of ['Zero-Shot-Learning', 'Web-Browsing', 'Meta-Learning', 'Data-Security', 'Disembodied-AI', 'Dismbodied-AI', 'Multi-Modal-AI', 'Text-to-Audio', 'GAN', 'NLP', 'Sora', 'GRU', 'Git', 'SLM', 'ANN', 'AI']) {
    assert.deepEqual(closest(query), [], query);
  }
  assert.deepEqual(closest('GPT-4v'), ['GPT-4V']);
  assert.deepEqual(closest('GPT-5'), []);
  // Letters left out or added, hyphens, case: the same term.
  assert.deepEqual(closest('Papierclip-Maximierer'), ['Paperclip-Maximierer']);
  assert.deepEqual(closest('Kontextfenster'), ['Kontext-Fenster']);
  assert.deepEqual(closest('Computer-Vision'), ['ComputerVision']);
  assert.deepEqual(closest('Artificial-Superintelligence'), ['Artificial-Super-Intelligence']);
  assert.deepEqual(closest('Model-Trainng'), ['Modell-Training']);
  // Short ids too, by their hyphens alone.
  assert.deepEqual(closest('GPT4'), ['GPT-4']);
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
  index.remove('file:///ws/b.md');
  assert.deepEqual(findClosestIds('Deep-Learnin', index), []);
});

/** Random ids over a small alphabet (so that they share pieces), and ids a few edits away from others. */
function randomIds(seed: number): { randomId: () => string; edited: (id: string) => string; random: () => number } {
  const random = seededRandom(seed);
  const alphabet = 'aAbcdeEs-.1';
  const randomId = (): string => Array.from({ length: 1 + Math.floor(random() * 14) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
  const edited = (id: string): string => {
    const at = Math.floor(random() * (id.length + 1));
    const letter = alphabet[Math.floor(random() * alphabet.length)]!;
    return [`${id.slice(0, at)}${letter}${id.slice(at)}`, `${id.slice(0, at)}${id.slice(at + 1)}`, `${id.slice(0, at)}${letter}${id.slice(at + 1)}`][Math.floor(random() * 3)]!;
  };
  return { randomId, edited, random };
}

test('findClosestIds finds exactly what a full scan finds, for random ids and ids edited from them', () => {
  const { randomId, edited, random } = randomIds(11);
  const ids = new Set<string>();
  for (let i = 0; i < 400; i++) {
    ids.add(i % 3 === 0 || ids.size === 0 ? randomId() : edited(edited([...ids][Math.floor(random() * ids.size)]!)));
  }
  const valid = [...ids].filter((id) => /^[a-zA-Z]/.test(id) && !/[-.]$/.test(id));
  const index = indexOf({ 'ids.md': valid.map((id) => `# ${id} {#${id}}`) });
  assert.ok([...index.definedIds()].length > 100);
  let named = 0;
  for (const query of [...valid.flatMap((id) => [edited(edited(edited(id))), edited(edited(id))]), ...Array.from({ length: 100 }, randomId)]) {
    const expected = closestIdsByFullScan(query, index);
    assert.deepEqual(findClosestIds(query, index), expected, query);
    named += expected.length;
  }
  assert.ok(named > 100, `the queries come close to ids (${named} named)`);
});

test('CloseIdFinder finds exactly the members that a full scan with couldBeClosestId finds, after additions and deletions', () => {
  const { randomId, edited, random } = randomIds(7);
  const members = new Set<string>();
  for (let i = 0; i < 600; i++) {
    const id = i % 3 === 0 || members.size === 0 ? randomId() : edited(edited([...members][Math.floor(random() * members.size)]!));
    members.add(id);
  }
  const finder = new CloseIdFinder(members);
  for (const gone of [...members].filter((_, i) => i % 5 === 0)) {
    members.delete(gone);
    finder.delete(gone);
  }
  const queries = [...[...members].slice(0, 150).map((id) => edited(edited(edited(id)))), ...Array.from({ length: 100 }, randomId), 'models', 'MODEL'];
  finder.add('model');
  members.add('model');
  let found = 0;
  for (const query of queries) {
    const expected = [...members].filter((member) => couldBeClosestId(member, query)).sort();
    assert.deepEqual([...finder.membersCloseTo(query)].sort(), expected, query);
    found += expected.length;
  }
  assert.ok(found > 100, `the queries come close to members (${found} found)`);
});
