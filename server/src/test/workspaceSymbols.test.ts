import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { workspaceSymbols } from '../features/workspaceSymbols';
import { missingEntries, titleForMissingId } from '../features/missingEntries';
import { loadGlossary } from '../cli/loadGlossary';
import { NodeFileSystemWorkspace } from '../workspace/nodeWorkspace';
import { corpusEntries, corpusFiles } from './corpus';
import { notCancelled } from './support/cursor';
import { indexOf } from './support/tinyWorkspace';
import { proposeEntryId } from '../index/idRules';

const index = indexOf({
  'A.md': ['## Data Scraping {#Data-Scraping .term}', '', '[x](#Claude) [y](#Claude) [z](#GPT)'],
  'B.md': ['## Datensatz {#Dataset .term}', '', '## Not a term', '', '[x](#Claude)'],
  'C.md': ['## Gradient Descent {#Gradient-Descent .term}', '', '[Index](#Index) |'],
});

test('workspace symbols: every term by title or id, prefix matches before subsequence matches', () => {
  assert.deepEqual(
    workspaceSymbols(index, 'dat', notCancelled).map((symbol) => `${symbol.name} ${symbol.containerName} ${symbol.location.uri.slice(11)}`),
    ['Data Scraping #Data-Scraping A.md', 'Datensatz #Dataset B.md'],
  );
  assert.deepEqual(workspaceSymbols(index, 'gdt', notCancelled).map((symbol) => symbol.name), ['Gradient Descent']);
  assert.equal(workspaceSymbols(index, '', notCancelled).length, 3);
  // A search without a letter or digit matches no name's words.
  for (const query of ['(', '😀', ' - ']) assert.deepEqual(workspaceSymbols(index, query, notCancelled), [], query);
  assert.deepEqual(workspaceSymbols(index, 'Not', notCancelled), []);
  // A prefix match ("Deep Learning") comes before a subsequence match ("Datensatz"), whatever their alphabetical order.
  const withDeep = indexOf({ 'A.md': ['## Datensatz {#Dataset .term}'], 'B.md': ['## Deep Learning {#Deep-Learning .term}'] });
  assert.deepEqual(workspaceSymbols(withDeep, 'de', notCancelled).map((symbol) => symbol.name), ['Deep Learning', 'Datensatz']);
  // Found by its id alone, a term shows the id in its name: VS Code lists only names that hold the letters typed, in order.
  assert.deepEqual(workspaceSymbols(index, 'Data-Scr', notCancelled).map((symbol) => symbol.name), ['Data Scraping {#Data-Scraping}']);
  assert.deepEqual(workspaceSymbols(index, 'dataset', notCancelled).map((symbol) => symbol.name), ['Datensatz {#Dataset}']);
  assert.deepEqual(workspaceSymbols(index, 'data scr', notCancelled).map((symbol) => symbol.name), ['Data Scraping']);
});

test('workspace symbols: a search in words finds the term whatever stands between them; a word or the initials rank before a subsequence', () => {
  const terms = indexOf({
    'KI.md': ['## KI-Modell {#KI-Modell .term}'],
    'API.md': ['## Application Programming Interface {#API .term}'],
    'GAN.md': ['## Generative Adversarial Network (GAN) {#Generative-Adversarial-Network .term}'],
    'Gen.md': ['## Generative AI {#GenAI .term}'],
  });
  const names = (query: string) => workspaceSymbols(terms, query, notCancelled).map((symbol) => symbol.name);
  assert.deepEqual(names('ki modell'), ['KI-Modell']);
  assert.deepEqual(names('kimodell'), ['KI-Modell']);
  assert.deepEqual(names('modell'), ['KI-Modell']);
  // "GAN" is a word of one title and the initials of its words; "Application Programming Interface" holds g, a, n in order only.
  assert.deepEqual(names('GAN'), ['Generative Adversarial Network (GAN)', 'Application Programming Interface']);
  assert.deepEqual(names('gen'), ['Generative Adversarial Network (GAN)', 'Generative AI']);
  // Words searched begin words in turn, or the name run together: a beginning, before "GAN" as initials.
  assert.deepEqual(names('gen ai'), ['Generative AI', 'Generative Adversarial Network (GAN)']);
  assert.deepEqual(names('generativea'), ['Generative Adversarial Network (GAN)', 'Generative AI']);
  assert.deepEqual(names('adv net'), ['Generative Adversarial Network (GAN)']);
});

test('workspace symbols: a term whose id or title is the query comes first, even past the cap on answers', () => {
  const files: Record<string, string[]> = { 'KI.md': ['## Künstliche Intelligenz {#KI .term}'] };
  for (let n = 0; n < 600; n++) files[`KI-${n}.md`] = [`## KI-Agent ${n} {#KI-Agent-${n} .term}`];
  const symbols = workspaceSymbols(indexOf(files), 'KI', notCancelled);
  assert.equal(symbols.length, 500);
  assert.equal(symbols[0]?.containerName, '#KI');
  assert.equal(workspaceSymbols(indexOf(files), 'künstliche intelligenz', notCancelled)[0]?.name, 'Künstliche Intelligenz');
  // An empty search is no name: a heading without text (named by its id) is not put first by it.
  const untitled = indexOf({ 'A.md': ['## Alpha {#Alpha .term}'], 'Y.md': ['## {#Yyy .term}'] });
  assert.deepEqual(workspaceSymbols(untitled, '', notCancelled).map((symbol) => symbol.name), ['Alpha', 'Yyy']);
});

const german = new Intl.Collator('de', { sensitivity: 'base' });

test('missing entries: ids linked but defined nowhere, most referenced first, then in the glossary\'s collation; #Index, without an index page, is none', () => {
  assert.deepEqual(missingEntries(index, german), [
    { id: 'Claude', title: 'Claude', referenceCount: 3, fileCount: 2 },
    { id: 'GPT', title: 'GPT', referenceCount: 1, fileCount: 1 },
  ]);
  const tied = indexOf({ 'A.md': ['[z](#Zulu) [a](#apfel) [z](#zebra) [ä](#Äpfel) [b](#Birne) [b](#Birne)'] });
  assert.deepEqual(missingEntries(tied, german).map((entry) => entry.id), ['Birne', 'apfel', 'Äpfel', 'zebra', 'Zulu']);
});

test('a missing entry is titled as the links name it: the most used label that names the id, else the id with spaces', () => {
  assert.equal(titleForMissingId('Self-Attention', ['Self-Attention', 'Self Attention', 'Self-Attention', 'hier']), 'Self-Attention');
  assert.equal(titleForMissingId('GPT-4v', ['GPT-4V']), 'GPT-4V');
  assert.equal(titleForMissingId('DL-Deep-Learning', ['DL (Deep Learning)', 'Deep Learning']), 'DL (Deep Learning)');
  assert.equal(titleForMissingId('Zero-Shot-Learning', ['dort', 'Zero-Shot\n  Learning']), 'Zero-Shot Learning');
  assert.equal(titleForMissingId('Large-Language-Model', ['LLM', 'hier']), 'Large Language Model');
  assert.equal(titleForMissingId('Models', ['models']), 'Models');
  // The first letter, after a quotation mark or a bracket too.
  assert.equal(titleForMissingId('Copilot', ['„copilot“']), '„Copilot“');
  assert.equal(titleForMissingId('GAN', ['(GAN)']), '(GAN)');
});

test('on the real glossary, the missing entries are titled as their links write them', async () => {
  const loaded = await loadGlossary(corpusFiles(), { cwd: corpusEntries, workspace: new NodeFileSystemWorkspace(), warn: assert.fail });
  assert.equal(loaded.kind, 'loaded');
  const titles = new Map(missingEntries(loaded.index, german).map((entry) => [entry.id, entry.title]));
  // 19 of the 21 links write "Self-Attention"; the id alone would give "Self Attention".
  assert.equal(titles.get('Self-Attention'), 'Self-Attention');
  assert.equal(titles.get('GPT-4v'), 'GPT-4V');
  // Hyphens aside, which stand for what an id cannot hold, and which ids run together leave out.
  assert.equal(titles.get('CI--CD'), 'CI/CD');
  assert.equal(titles.get('PromptEngineering'), 'Prompt Engineering');
  const named = [...titles].filter(([id, title]) => title !== id.replace(/-/g, ' '));
  assert.equal(named.length, 58, 'titles taken from labels');
  const withoutHyphens = (text: string) => text.toLowerCase().replace(/-/g, '');
  for (const [id, title] of named) assert.equal(withoutHyphens(proposeEntryId(title)), withoutHyphens(id), `${id}: ${title}`);

  // Read without its index page (the .md files only), the 347 links to #Index are broken, but no entry to write.
  const entriesOnly = await loadGlossary(corpusFiles().filter((file) => file.endsWith('.md')), { cwd: corpusEntries, workspace: new NodeFileSystemWorkspace(), warn: assert.fail });
  assert.equal(entriesOnly.kind, 'loaded');
  assert.equal(entriesOnly.index.linksTo('Index').length, 347);
  assert.equal(missingEntries(entriesOnly.index, german).some((entry) => entry.id === 'Index'), false);
});

test('workspace symbols: of the terms holding the search\'s letters in order, the one holding them closest together comes first', () => {
  const terms = indexOf({
    'CIRL.md': ['## Cooperative Inverse Reinforcement Learning {#CIRL .term}'],
    'GPT.md': ['## Generative Pre-Trained Transformer {#GPT .term}'],
    'Transformer.md': ['## Transformer {#Transformer .term}'],
    'RLHF.md': ['## Reinforcement Learning from Human Feedback {#RLHF .term}'],
  });
  const names = (query: string) => workspaceSymbols(terms, query, notCancelled).map((symbol) => symbol.name);
  // "trfrm" spans "transform" (9 letters) in Transformer and in GPT's title, the shorter name first;
  // "tLearningFrom" (13) in RLHF's title, and "tiveInverseReinforcem" (21) in CIRL's.
  assert.deepEqual(names('trfrm'), ['Transformer', 'Generative Pre-Trained Transformer', 'Reinforcement Learning from Human Feedback', 'Cooperative Inverse Reinforcement Learning']);
});

test('workspace symbols on the real glossary: "trfrm" finds Transformer first, "tok" Tiktoken before ANN', async () => {
  const loaded = await loadGlossary(corpusFiles(), { cwd: corpusEntries, workspace: new NodeFileSystemWorkspace(), warn: assert.fail });
  assert.equal(loaded.kind, 'loaded');
  const real = loaded.index;
  const names = (query: string) => workspaceSymbols(real, query, notCancelled).map((symbol) => symbol.name);
  assert.equal(names('trfrm')[0], 'Transformer');
  const tok = names('tok');
  const [tiktoken, ann] = [tok.indexOf('Tiktoken'), tok.findIndex((name) => name.startsWith('ANN'))];
  assert.ok(tiktoken >= 0 && ann >= 0 && tiktoken < ann, tok.join(', '));
});
