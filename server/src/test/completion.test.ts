import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { complete, CompletionClient, cursorTextIn, resolveCompletionItem } from '../features/completion';
import { subsequenceSpan } from '../features/fuzzyRank';
import { notCancelled, withCursor } from './support/cursor';
import { parseGlossaryDocument } from '../parse/parser';
import { indexOf, rangeText, uriOf } from './support/tinyWorkspace';
import { pandocFactsOfText } from './pandoc';

function completionsAt(files: Readonly<Record<string, readonly string[]>>, client: CompletionClient = { labelDetails: true, insertReplace: false, lineBreaks: true }) {
  const { index, uri, position, text } = withCursor(files);
  const list = complete(index, uri, cursorTextIn(TextDocument.create(uri, 'markdown', 1, text), position), position, notCancelled, client);
  return list?.items.map((item) => ({
    label: item.label,
    ...(item.labelDetails ? { labelDetails: item.labelDetails } : {}),
    detail: item.detail,
    documentation: item.documentation,
    // An edit, or one with two ranges (`insert|replace`).
    edit: item.textEdit === undefined ? undefined : 'range' in item.textEdit ? `${rangeText(item.textEdit.range)} ${item.textEdit.newText}` : `${rangeText(item.textEdit.insert)}|${rangeText(item.textEdit.replace)} ${item.textEdit.newText}`,
  }));
}

const workspace = {
  'Data-Scraping.md': ['## Data Scraping {#Data-Scraping .term}', '', '***Daten sammeln***', '', '### Details'],
  'Dataset.md': ['## Datensatz {#Dataset .term}'],
  'Gradient.md': ['## Gradient Descent {#Gradient-Descent .term}', '', '### Details'],
};

test('completion after ](# offers every id, entries first, each replacing nothing yet; a section says where it is', () => {
  const withSections = { ...workspace, 'Gradient.md': ['## Gradient Descent {#Gradient-Descent .term}', '', '### Schritte', '', '### Details {#gradient-details}'] };
  assert.deepEqual(completionsAt({ ...withSections, 'A.md': ['See [x](#‸'] }), [
    { label: 'Data-Scraping', detail: 'Data Scraping', documentation: 'Daten sammeln', edit: '0:9-0:9 Data-Scraping' },
    { label: 'Dataset', detail: 'Datensatz', documentation: undefined, edit: '0:9-0:9 Dataset' },
    { label: 'Gradient-Descent', detail: 'Gradient Descent', documentation: undefined, edit: '0:9-0:9 Gradient-Descent' },
    { label: 'details', detail: 'section "Details" in Data-Scraping.md', documentation: undefined, edit: '0:9-0:9 details' },
    { label: 'gradient-details', detail: 'section "Details" in Gradient.md', documentation: undefined, edit: '0:9-0:9 gradient-details' },
    { label: 'schritte', detail: 'section "Schritte" in Gradient.md', documentation: undefined, edit: '0:9-0:9 schritte' },
  ]);
  // An automatic id that headings of several files give (`details` here) leads to whichever file
  // comes first in the book, and a link to it is an `ambiguous-link`: it is not offered.
  assert.deepEqual(completionsAt({ ...workspace, 'A.md': ['See [x](#‸'] })?.map((item) => item.label), ['Data-Scraping', 'Dataset', 'Gradient-Descent']);
  // A level-2 heading without the term class (an entry's heading missing it) is a heading, no section.
  assert.deepEqual(completionsAt({ 'LAM.md': ['## Large Action Model (LAM) {#Large-Action-Model}', '', '### Aufbau'], 'A.md': ['See [x](#‸'] })?.map((item) => item.detail), [
    'heading "Large Action Model (LAM)" in LAM.md',
    'section "Aufbau" in LAM.md',
  ]);
  // A title that reads as the id does is not repeated beside it.
  assert.deepEqual(completionsAt({ 'LLM.md': ['## LLM {#LLM .term}'], 'A.md': ['See [x](#‸'] }), [{ label: 'LLM', detail: undefined, documentation: undefined, edit: '0:9-0:9 LLM' }]);
});

test('completion after ](# puts first the entry that the link\'s label names, by title (as a broken link\'s quick fixes find it) or as its id would read', () => {
  const files = {
    'Training.md': ['## Training {#Training .term}'],
    'Transformer.md': ['## Transformer {#Transformer .term}'],
    'LLM.md': ['## Large Language Model {#LLM .term}'],
    'Tokenizer.md': ['## Tokenizer {#Tokenizer .term}'],
  };
  const labels = (line: string) => completionsAt({ ...files, 'A.md': [line] })?.map((item) => item.label);
  assert.deepEqual(labels('[Transformer](#Tr‸'), ['Transformer', 'Training', 'Tokenizer']);
  assert.deepEqual(labels('[transformer](#‸'), ['Transformer', 'LLM', 'Tokenizer', 'Training']);
  assert.deepEqual(labels('[large  language model](#‸)'), ['LLM', 'Tokenizer', 'Training', 'Transformer']);
  // What is typed still filters: the named entry comes only when it matches.
  assert.deepEqual(labels('[Transformer](#Tok‸'), ['Tokenizer']);
  // Named as a broken link's quick fixes find it: with an ending, or by the abbreviation in its title.
  const withGan = (line: string) => completionsAt({ ...files, 'GAN.md': ['## Generative Adversarial Network (GAN) {#Generative-Adversarial-Network .term}'], 'A.md': [line] })?.map((item) => item.label);
  assert.deepEqual(withGan('[GANs](#‸')?.[0], 'Generative-Adversarial-Network');
  assert.deepEqual(withGan('[Transformers](#T‸'), ['Transformer', 'Tokenizer', 'Training', 'Generative-Adversarial-Network']);
  // A label wrapped onto the lines before names the entry too, but not one of another paragraph.
  const wrapped = (lines: string[]) => completionsAt({ ...files, 'ZSL.md': ['## Zero Shot Learning {#ZSL .term}'], 'A.md': lines })?.map((item) => item.label);
  assert.deepEqual(wrapped(['Ein [Zero', 'Shot', 'Learning](#‸']), ['ZSL', 'LLM', 'Tokenizer', 'Training', 'Transformer']);
  assert.deepEqual(wrapped(['[Zero Shot', '', 'Learning](#‸']), ['LLM', 'Tokenizer', 'Training', 'Transformer', 'ZSL']);
  assert.deepEqual(wrapped(['[Zero Shot', ' \t', 'Learning](#‸']), ['LLM', 'Tokenizer', 'Training', 'Transformer', 'ZSL']);
  // The same in a file with CRLF line endings (each line here ends in `\r`).
  assert.deepEqual(wrapped(['[Zero Shot\r', '\r', 'Learning](#‸']), ['LLM', 'Tokenizer', 'Training', 'Transformer', 'ZSL']);
});

test('completion filters by prefix ignoring case, then by subsequence, replacing the typed id', () => {
  assert.deepEqual(
    completionsAt({ ...workspace, 'A.md': ['[x](#dat‸'] })!.map((item) => `${item.label} ${item.edit}`),
    ['Data-Scraping 0:5-0:8 Data-Scraping', 'Dataset 0:5-0:8 Dataset'],
  );
  assert.deepEqual(
    completionsAt({ ...workspace, 'A.md': ['[x](#Gd‸'] })!.map((item) => item.label),
    ['Gradient-Descent'],
  );
  assert.deepEqual(
    completionsAt({ ...workspace, 'A.md': ['[x](#dsc‸'] })!.map((item) => item.label),
    // "desc" holds d, s, c closer together than "datasc".
    ['Gradient-Descent', 'Data-Scraping'],
  );
});

test('completion ranks prefix matches of entries, of sections, then subsequence matches of entries, of sections; the list is incomplete while typing', () => {
  const files = {
    'Kalender.md': ['## Kalender {#Kalender .term}', '', '### Regal'],
    'Alpha.md': ['## Alpha Beta {#Alpha-Beta .term}', '', '### Allgemeines'],
    'A.md': ['[x](#al‸'],
  };
  const { index, uri, position, lineBeforeCursor, lineAfterCursor } = withCursor(files);
  const list = complete(index, uri, { before: lineBeforeCursor, after: lineAfterCursor }, position, notCancelled)!;
  assert.deepEqual(
    list.items.map((item) => [item.label, item.sortText]),
    [['Alpha-Beta', '0'], ['allgemeines', '1'], ['Kalender', '2'], ['regal', '3']],
  );
  // The editor asks again as the writer types, so that the ranking is always the server's.
  assert.equal(list.isIncomplete, true);
  const everything = complete(index, uri, { before: '[x](#', after: '' }, { line: 0, character: 5 }, notCancelled)!;
  assert.equal(everything.isIncomplete, false);
});

test('what is typed found as one run inside an id or title ranks above its letters found scattered', () => {
  const files = {
    'ANN.md': ['## ANN (Artificial Neural Network) {#Artificial-Neural-Network .term}'],
    'Tiktoken.md': ['## Tiktoken {#Tiktoken .term}'],
  };
  assert.deepEqual(completionsAt({ ...files, 'A.md': ['[x](#tok‸'] })!.map((item) => item.label), ['Tiktoken', 'Artificial-Neural-Network']);
  assert.deepEqual(completionsAt({ ...files, 'A.md': ['Mehr zu [Tok‸'] })!.map((item) => item.label), ['[Tiktoken](#Tiktoken)', '[ANN](#Artificial-Neural-Network)']);
});

test('after [, the labels that two links or more of the glossary give an entry find it too, after the titles that begin with what is typed', () => {
  const files = {
    'ML.md': ['## Machine Learning {#Machine-Learning .term}'],
    'Maschinenbau.md': ['## Maschinenbau {#Maschinenbau .term}'],
    'A.md': ['Mit [maschinellen Lernen](#Machine-Learning) und [maschinellem Lernen](#Machine-Learning).'],
    'B.md': ['Durch [maschinellen Lernen](#Machine-Learning), einmal [maschinelles Lernen](#Machine-Learning).'],
  };
  assert.deepEqual(completionsAt({ ...files, 'C.md': ['Wir nutzen [masch‸'] })!.map((item) => item.label), ['[Maschinenbau](#Maschinenbau)', '[maschinellen Lernen](#Machine-Learning)']);
  // In any case, written as most links write it; an entry a title finds is not offered again by a label.
  assert.deepEqual(completionsAt({ ...files, 'D.md': ['[Maschinellen Lernen](#Machine-Learning)'], 'C.md': ['Wir nutzen [maschinelle‸'] })!.map((item) => item.label), ['[maschinellen Lernen](#Machine-Learning)']);
  // Typed as another spelling begins, that spelling: an editor such as Neovim keeps only the items that begin as typed.
  assert.deepEqual(completionsAt({ ...files, 'D.md': ['[Maschinellen Lernen](#Machine-Learning)'], 'C.md': ['Wir nutzen [Maschinelle‸'] })!.map((item) => item.label), ['[Maschinellen Lernen](#Machine-Learning)']);
  assert.deepEqual(completionsAt({ ...files, 'D.md': ['[Machine-Lernen](#Machine-Learning) [Machine-Lernen](#Machine-Learning)'], 'C.md': ['Wir nutzen [Machine‸'] })!.map((item) => item.label), ['[Machine Learning](#Machine-Learning)', '[Maschinenbau](#Maschinenbau)']);
  // Not in the entry's own file, and not for one letter.
  assert.deepEqual(completionsAt({ ...files, 'ML.md': [...files['ML.md'], '', 'Siehe [maschinell‸'] })!.map((item) => item.label), []);
  assert.ok(!completionsAt({ ...files, 'C.md': ['Wir nutzen [m‸'] })!.some((item) => item.label === '[maschinellen Lernen](#Machine-Learning)'));
});

test('after [, a title with a part in parentheses gives the link its name, or the part in parentheses where that is what was typed, as writers label links', () => {
  const files = {
    'CNN.md': ['## CNN (Convolutional Neural Network) {#CNN .term}'],
    'GPT.md': ['## GPT-4.5 (Stand Dezember 2024) {#GPT-4.5 .term}'],
  };
  const inserted = (line: string) => completionsAt({ ...files, 'A.md': [line] })!.map((item) => item.label);
  assert.deepEqual(inserted('Mit [CN‸'), ['[CNN](#CNN)']);
  assert.deepEqual(inserted('Mit [Conv‸'), ['[Convolutional Neural Network](#CNN)']);
  assert.deepEqual(inserted('Mit [gpt‸'), ['[GPT-4.5](#GPT-4.5)']);
  assert.deepEqual(inserted('Mit [CNN (Conv‸'), ['[CNN (Convolutional Neural Network)](#CNN)']);
  // A part in parentheses that abbreviates nothing is no name of the entry.
  assert.deepEqual(completionsAt({ 'Bedrock.md': ['## Bedrock (Amazon) {#Bedrock .term}'], 'A.md': ['Mit [Amaz‸'] })!.map((item) => item.label), ['[Bedrock](#Bedrock)']);
});

test('an editor that orders the items by its own fuzzy match (VS Code) gets a filterText beginning with the typed run for a name holding it inside, the typed text for the entry the label names, none otherwise', () => {
  const files = {
    'ANN.md': ['## ANN (Artificial Neural Network) {#Artificial-Neural-Network .term}'],
    'Tiktoken.md': ['## Tiktoken {#Tiktoken .term}'],
    'Token.md': ['## Token {#Token .term}'],
  };
  const filterTexts = (line: string, rescores: boolean) => {
    const { index, uri, position, text } = withCursor({ ...files, 'A.md': [line] });
    const list = complete(index, uri, cursorTextIn(TextDocument.create(uri, 'markdown', 1, text), position), position, notCancelled, { labelDetails: true, insertReplace: false, rescores });
    return list!.items.map((item) => [item.label, item.filterText]);
  };
  // "Tiktoken" scores as "tok…", as "Token" does: above the scattered letters of "Artificial-Neural-Network".
  assert.deepEqual(filterTexts('[x](#tok‸', true), [['Token', undefined], ['Tiktoken', 'tokTiktoken'], ['Artificial-Neural-Network', undefined]]);
  assert.deepEqual(filterTexts('Mehr zu [Tok‸', true), [
    ['[Token](#Token)', undefined],
    ['[Tiktoken](#Tiktoken)', '[tok[Tiktoken](#Tiktoken)'],
    // Its label leaves the part in parentheses out: the editor matches the title, as the server did.
    ['[ANN](#Artificial-Neural-Network)', '[ANN (Artificial Neural Network) [ANN](#Artificial-Neural-Network)'],
  ]);
  // The entry the label names, first whatever is typed.
  assert.deepEqual(filterTexts('[Tiktoken](#Tok‸', true)[0], ['Tiktoken', 'TokTiktoken']);
  // The run as written, where lower case is longer than the name (`İ`).
  const dotted = { ...files, 'II.md': ['## İİ Tokenizer {#İİ-Tokenizer .term}'] };
  const { index, uri, position, text } = withCursor({ ...dotted, 'A.md': ['[x](#tok‸'] });
  const items = complete(index, uri, cursorTextIn(TextDocument.create(uri, 'markdown', 1, text), position), position, notCancelled, { labelDetails: true, insertReplace: false, rescores: true })!.items;
  assert.equal(items.find((item) => item.label === 'İİ-Tokenizer')?.filterText, 'Tokİİ-Tokenizer');
  // Other editors keep the server's order: no filterText, which would move Neovim's start of the word.
  assert.deepEqual(filterTexts('[x](#tok‸', false).map(([, filterText]) => filterText), [undefined, undefined, undefined]);
});

test('completion offers the ids as the workspace has them now: an id added or removed since the last completion', () => {
  const { index, uri, position, lineBeforeCursor, lineAfterCursor } = withCursor({ ...workspace, 'A.md': ['[x](#Gra‸'] });
  const labels = () => complete(index, uri, { before: lineBeforeCursor, after: lineAfterCursor }, position, notCancelled)?.items.map((item) => item.label);
  assert.deepEqual(labels(), ['Gradient-Descent']);
  index.update(parseGlossaryDocument('## Graph {#Graph .term}', uriOf('Graph.md'), 1, { termClass: 'term' }));
  assert.deepEqual(labels(), ['Gradient-Descent', 'Graph']);
  index.remove(uriOf('Gradient.md'));
  assert.deepEqual(labels(), ['Graph']);
});

test('a whole link is offered by the title an entry has now: retitled, or a heading that has just become an entry', () => {
  const { index, uri, position, lineBeforeCursor, lineAfterCursor } = withCursor({ ...workspace, 'Q.md': ['## Quanten {#Q}'], 'A.md': ['Siehe [Qua‸'] });
  const labels = () => complete(index, uri, { before: lineBeforeCursor, after: lineAfterCursor }, position, notCancelled)?.items.map((item) => item.label);
  assert.deepEqual(labels(), [], 'a heading without .term is no entry');
  index.update(parseGlossaryDocument('## Quanten {#Q .term}', uriOf('Q.md'), 2, { termClass: 'term' }));
  assert.deepEqual(labels(), ['[Quanten](#Q)']);
  index.update(parseGlossaryDocument('## Quantum {#Q .term}', uriOf('Q.md'), 3, { termClass: 'term' }));
  assert.deepEqual(labels(), ['[Quantum](#Q)']);
  index.update(parseGlossaryDocument('## Gradient Descent {#Gradient-Descent .term}', uriOf('Gradient.md'), 2, { termClass: 'term' }));
  index.update(parseGlossaryDocument('## Qualität {#Gradient-Descent .term}', uriOf('Gradient.md'), 3, { termClass: 'term' }));
  assert.deepEqual(labels(), ['[Qualität](#Gradient-Descent)', '[Quantum](#Q)'], 'an entry retitled to match what is typed');
});

test('an id completed inside an id written already replaces the whole id, not only what stands before the cursor', () => {
  assert.deepEqual(
    completionsAt({ ...workspace, 'A.md': ['[Data](#Dat‸a-Scrapping) |'] })!.map((item) => `${item.label} ${item.edit}`),
    ['Data-Scraping 0:8-0:22 Data-Scraping', 'Dataset 0:8-0:22 Dataset'],
  );
  // A link not closed yet: what follows the cursor is no id.
  assert.deepEqual(completionsAt({ ...workspace, 'A.md': ['Siehe [x](#Dat‸, und mehr.'] })!.map((item) => item.edit), ['0:11-0:14 Data-Scraping', '0:11-0:14 Dataset']);
});

test('ids are completed in a pointed destination and in a reference definition too, as pandoc reads links there', async () => {
  const edits = (line: string) => completionsAt({ ...workspace, 'A.md': [line] })?.map((item) => item.edit);
  assert.deepEqual(edits('Siehe [x](<#Dat‸'), ['0:12-0:15 Data-Scraping', '0:12-0:15 Dataset']);
  // Closed by its `>`: the whole id is replaced.
  assert.deepEqual(edits('Siehe [x](<#Dat‸aset>)'), ['0:12-0:19 Data-Scraping', '0:12-0:19 Dataset']);
  assert.deepEqual(edits('[r]: #Dat‸'), ['0:6-0:9 Data-Scraping', '0:6-0:9 Dataset']);
  assert.deepEqual(edits('[r]: #Dat‸aset "Titel"'), ['0:6-0:13 Data-Scraping', '0:6-0:13 Dataset']);
  for (const eol of ['\n', '\r\n']) {
    const lines = completionsAt({ ...workspace, 'A.md': `[r]: #Dat‸aset${eol}Mehr.`.split('\n') })?.map((item) => item.edit);
    assert.deepEqual(lines, ['0:6-0:13 Data-Scraping', '0:6-0:13 Dataset'], JSON.stringify(eol));
  }
  assert.deepEqual(edits('   [r]:  <#Dat‸>'), ['0:11-0:14 Data-Scraping', '0:11-0:14 Dataset']);
  // The definition's label names the entry to put first.
  assert.deepEqual(completionsAt({ ...workspace, 'A.md': ['[Datensatz]: #‸'] })?.map((item) => item.label).slice(0, 1), ['Dataset']);
  // Not a definition: a note's, or one not at the start of its line.
  assert.equal(completionsAt({ ...workspace, 'A.md': ['[^1]: #Dat‸'] }), undefined);
  assert.equal(completionsAt({ ...workspace, 'A.md': ['Text [r]: #Dat‸'] }), undefined);
  // pandoc reads each as a link to the id completed.
  for (const line of ['Siehe [x](<#‸>).', '[x][r]\n\n[r]: #‸', '[x][r]\n\n[r]: <#‸>']) {
    const [first] = completionsAt({ ...workspace, 'A.md': line.split('\n') })!;
    const text = line.replace('‸', first!.label);
    assert.deepEqual((await pandocFactsOfText(text)).links, ['Data-Scraping'], text);
  }
});

test('an editor that lets the writer choose gets two ranges: insert at the cursor, or replace the rest of the word there', () => {
  const choosing: CompletionClient = { labelDetails: true, insertReplace: true };
  const edits = (line: string, client = choosing) => completionsAt({ ...workspace, 'A.md': [line] }, client)?.map((item) => item.edit);
  // In a link not closed yet, "replace" takes the rest of the id (not the sentence's full stop).
  assert.deepEqual(edits('Siehe [x](#Dat‸aset.'), ['0:11-0:14|0:11-0:18 Data-Scraping', '0:11-0:14|0:11-0:18 Dataset']);
  assert.deepEqual(edits('Siehe [x](#Dat‸aset.', { labelDetails: true, insertReplace: false }), ['0:11-0:14 Data-Scraping', '0:11-0:14 Dataset']);
  // In a closed link both replace the whole id: one range.
  assert.deepEqual(edits('[Data](#Dat‸a-Scrapping) |'), ['0:8-0:22 Data-Scraping', '0:8-0:22 Dataset']);
  // Nothing after the cursor: one range.
  assert.deepEqual(edits('Siehe [x](#Dat‸ und'), ['0:11-0:14 Data-Scraping', '0:11-0:14 Dataset']);
  // A label's word, with the `]` that closes the `[` typed.
  assert.deepEqual(edits('Mehr zu [Dat‸ensatz] hier'), ['0:8-0:12|0:8-0:19 [Data Scraping](#Data-Scraping)', '0:8-0:12|0:8-0:19 [Datensatz](#Dataset)']);
  assert.deepEqual(edits('Mehr zu [Dat‸ensatz hier'), ['0:8-0:12|0:8-0:18 [Data Scraping](#Data-Scraping)', '0:8-0:12|0:8-0:18 [Datensatz](#Dataset)']);
  // A label of several words, up to its `]`.
  assert.deepEqual(edits('Mehr zu [Dat‸a Scraping] hier'), ['0:8-0:12|0:8-0:23 [Data Scraping](#Data-Scraping)', '0:8-0:12|0:8-0:23 [Datensatz](#Dataset)']);
  // The `]` the editor closed the `[` with is in both.
  assert.deepEqual(edits('Mehr zu [Dat‸]'), ['0:8-0:13 [Data Scraping](#Data-Scraping)', '0:8-0:13 [Datensatz](#Dataset)']);
  // A combining mark is part of the word ("Café" written as e and U+0301); typed decomposed, an id still matches.
  const cafe = { ...workspace, 'Cafe.md': ['## Café {#Café .term}'] };
  assert.deepEqual(completionsAt({ ...cafe, 'A.md': ['[x](#Ca‸fe\u0301 mehr'] }, choosing)?.[0]?.edit, '0:5-0:7|0:5-0:10 Café');
  assert.deepEqual(completionsAt({ ...cafe, 'A.md': ['[x](#Cafe\u0301‸'] }, choosing)?.map((item) => item.edit), ['0:5-0:10 Café']);
});

test('no whole link is offered inside the label of a link written already, nor in code', () => {
  assert.deepEqual(completionsAt({ ...workspace, 'A.md': ['[Data ‸Scraping](#Data-Scraping) |'] }), undefined);
  assert.deepEqual(completionsAt({ ...workspace, 'A.md': ['[Data ‸Scraping][ref]', '', '[ref]: #Data-Scraping'] }), undefined);
  assert.deepEqual(completionsAt({ ...workspace, 'A.md': ['Text', '', '```python', 'x = [Dat‸', '```'] }), undefined);
  assert.deepEqual(completionsAt({ ...workspace, 'A.md': ['Code `x = [Dat‸]` here.'] }), undefined);
  assert.deepEqual(completionsAt({ ...workspace, 'A.md': ['Code ``x = `[Dat‸` `` here.'] }), undefined);
  assert.deepEqual(completionsAt({ ...workspace, 'A.md': ['<pre>', '[x](#Dat‸', '</pre>'] }), undefined);
  // Indented code, comments (over blank lines at the start of a block, within a paragraph) and code spans over lines.
  assert.deepEqual(completionsAt({ ...workspace, 'A.md': ['Text', '', '    x = [Dat‸', '    y'] }), undefined);
  assert.deepEqual(completionsAt({ ...workspace, 'A.md': ['- Item', '', '        [x](#Dat‸'] }), undefined);
  assert.deepEqual(completionsAt({ ...workspace, 'A.md': ['<!-- draft', '', 'see [Dat‸', '', '-->'] }), undefined);
  assert.deepEqual(completionsAt({ ...workspace, 'A.md': ['Text <!-- see', '[x](#Dat‸ --> more'] }), undefined);
  assert.deepEqual(completionsAt({ ...workspace, 'A.md': ['Code `x = 1', 'y = [Dat‸', 'z` here.'] }), undefined);
  // A comment over blank lines (pandoc reads it whole), math.
  assert.deepEqual(completionsAt({ ...workspace, 'A.md': ['Text <!-- draft', '', 'see [Dat‸', '', '-->'] }), undefined);
  assert.deepEqual(completionsAt({ ...workspace, 'A.md': ['Formel $x[Dat‸]$ hier.'] }), undefined);
  // Outside: a list item's continuation is no code, a comment closed on the line before, a code span that never closes in the paragraph,
  // a backtick in another list item or in the heading above, a dollar that opens no math.
  for (const lines of [
    ['- Item', '', '    more [Dat‸'],
    ['<!-- note -->', 'See [Dat‸'],
    ['Code `x', 'See [Dat‸', '', 'z` here.'],
    ['- Item with `code', '- Next [Dat‸ and ` more'],
    ['## Code `x', 'See [Dat‸ and ` y'],
    ['Costs $5 and [Dat‸'],
  ]) {
    assert.deepEqual(completionsAt({ ...workspace, 'A.md': lines })?.map((item) => item.label), ['[Data Scraping](#Data-Scraping)', '[Datensatz](#Dataset)'], lines.join('|'));
  }
  // Outside code: a closed span before the cursor, a lone backtick, an escaped one.
  for (const line of ['`code` and [Dat‸', 'A lone ` and [Dat‸ `` two', 'Escaped \\`[Dat‸ and `']) {
    assert.deepEqual(completionsAt({ ...workspace, 'A.md': [line] })?.map((item) => item.label), ['[Data Scraping](#Data-Scraping)', '[Datensatz](#Dataset)'], line);
  }
});

test('the entries of the document itself are not offered: a link to them is a self-link', () => {
  const own = { ...workspace, 'Data-Scraping.md': [...workspace['Data-Scraping.md'], '', 'See [Dat‸'] };
  assert.deepEqual(completionsAt(own)?.map((item) => item.label), ['[Datensatz](#Dataset)']);
  const ownId = { ...workspace, 'Data-Scraping.md': [...workspace['Data-Scraping.md'], '', 'See [x](#Dat‸'] };
  assert.deepEqual(completionsAt(ownId)?.map((item) => item.label), ['Dataset']);
});

test('completion offers nothing outside a link target', () => {
  assert.equal(completionsAt({ ...workspace, 'A.md': ['Some text ‸'] }), undefined);
  assert.equal(completionsAt({ ...workspace, 'A.md': ['[x](#Done) more‸'] }), undefined);
});

test('after [, the entries matching the text typed insert a whole link, replacing the [ and a closing ]', () => {
  assert.deepEqual(completionsAt({ ...workspace, 'A.md': ['Mehr zu [dat‸]'] }), [
    { label: '[Data Scraping](#Data-Scraping)', detail: 'Daten sammeln', documentation: undefined, edit: '0:8-0:13 [Data Scraping](#Data-Scraping)' },
    { label: '[Datensatz](#Dataset)', detail: undefined, documentation: undefined, edit: '0:8-0:13 [Datensatz](#Dataset)' },
  ]);
  // By the title, where the id does not match what is typed.
  assert.deepEqual(completionsAt({ ...workspace, 'A.md': ['Mehr zu [Datens‸'] })?.map((item) => item.label), ['[Datensatz](#Dataset)']);
  assert.equal(completionsAt({ ...workspace, 'A.md': ['An image ![dat‸'] }), undefined);
  // Right after `[` every entry, so that an editor that does not complete as one types shows a list it then asks again for; a blank is no title.
  assert.deepEqual(completionsAt({ ...workspace, 'A.md': ['Just [‸]'] })?.map((item) => item.edit), [
    '0:5-0:7 [Data Scraping](#Data-Scraping)',
    '0:5-0:7 [Datensatz](#Dataset)',
    '0:5-0:7 [Gradient Descent](#Gradient-Descent)',
  ]);
  assert.equal(completionsAt({ ...workspace, 'A.md': ['- [ ‸'] }), undefined);
  assert.equal(completionsAt({ ...workspace, 'A.md': ['Editing [dat‸](#Dataset)'] }), undefined);
  // Nor in the label of a span or of a reference definition.
  assert.equal(completionsAt({ ...workspace, 'A.md': ['[Dat‸]{.x}'] }), undefined);
  assert.equal(completionsAt({ ...workspace, 'A.md': ['[Dat‸]: #foo'] }), undefined);
  // `]:` within a line ends no definition's label: a link is offered there.
  assert.deepEqual(completionsAt({ ...workspace, 'A.md': ['Siehe [Dat‸]: mehr'] })?.map((item) => item.edit), ['0:6-0:11 [Data Scraping](#Data-Scraping)', '0:6-0:11 [Datensatz](#Dataset)']);
});

test('a whole link escapes the brackets and backslashes of the title, so that pandoc reads the label as it is', () => {
  const files = { 'Arr.md': ['## Array a\\[i\\] {#Arr .term}'], 'A.md': ['Mehr zu [arr‸'] };
  assert.deepEqual(completionsAt(files)?.map((item) => item.edit), ['0:8-0:12 [Array a\\[i\\]](#Arr)']);
});

test('in a see-also section a whole link comes with the list separator, which the list shows', () => {
  const entry = ['## Z {#Z .term}', '', '### Siehe auch {.seealso}', '', '[Grad‸', '[Index](#Index) |'];
  assert.deepEqual(completionsAt({ ...workspace, 'Z.md': entry })?.map((item) => [item.edit, item.labelDetails]), [
    ['4:0-4:5 [Gradient Descent](#Gradient-Descent) |', { detail: ' |', description: undefined }],
  ]);
  // With a summary, the details hold it (VS Code shows them instead of the item's detail); a client without them gets none.
  const withSummary = { ...workspace, 'Gradient.md': ['## Gradient Descent {#Gradient-Descent .term}', '', '***Abstieg***'], 'Z.md': entry };
  assert.deepEqual(completionsAt(withSummary)?.map((item) => [item.labelDetails, item.detail]), [[{ detail: ' |', description: 'Abstieg' }, 'Abstieg']]);
  assert.deepEqual(completionsAt(withSummary, { labelDetails: false, insertReplace: false })?.map((item) => [item.edit, item.labelDetails]), [['4:0-4:5 [Gradient Descent](#Gradient-Descent) |', undefined]]);
  // A separator already after the cursor is not written twice.
  const separated = ['## Z {#Z .term}', '', '### Siehe auch {.seealso}', '', '[Grad‸ |', '[Index](#Index) |'];
  assert.deepEqual(completionsAt({ ...workspace, 'Z.md': separated })?.map((item) => [item.edit, item.labelDetails]), [['4:0-4:5 [Gradient Descent](#Gradient-Descent)', undefined]]);
  // Before an item on the same line (where New Entry's last stop leaves the cursor, before `[Index](#Index) |`), the link gets a line of its own.
  // The blanks before the item go with the line break.
  for (const [line, replaced] of [['[Grad‸[Index](#Index) |', '4:0-4:5'], ['[Grad‸] [Index](#Index) |', '4:0-4:7'], ['[Grad‸ \t[Index](#Index) |', '4:0-4:7']] as const) {
    const before = { ...workspace, 'Z.md': ['## Z {#Z .term}', '', '### Siehe auch {.seealso}', '', line] };
    assert.deepEqual(completionsAt(before)?.map((item) => [item.edit, item.labelDetails]), [[`${replaced} [Gradient Descent](#Gradient-Descent) |\n`, { detail: ' |', description: undefined }]], line);
  }
  const crlf = { ...workspace, 'Z.md': ['## Z {#Z .term}\r', '\r', '### Siehe auch {.seealso}\r', '\r', '[Grad‸[Index](#Index) |\r', ''] };
  assert.deepEqual(completionsAt(crlf)?.map((item) => item.edit), ['4:0-4:5 [Gradient Descent](#Gradient-Descent) |\r\n']);
  // An editor that takes an item's text as a word (Neovim 0.7's omnifunc) would write the line break as a NUL byte: the separator alone.
  const beforeIndex = { ...workspace, 'Z.md': ['## Z {#Z .term}', '', '### Siehe auch {.seealso}', '', '[Grad‸[Index](#Index) |'] };
  assert.deepEqual(completionsAt(beforeIndex, { labelDetails: false, insertReplace: false })?.map((item) => item.edit), ['4:0-4:5 [Gradient Descent](#Gradient-Descent) |']);
  // After another item on the line, the separator too.
  const second = { ...workspace, 'Z.md': ['## Z {#Z .term}', '', '### Siehe auch {.seealso}', '', '[Datensatz](#Dataset) | [Grad‸', '[Index](#Index) |'] };
  assert.deepEqual(completionsAt(second)?.map((item) => item.edit), ['4:24-4:29 [Gradient Descent](#Gradient-Descent) |']);
  // A link in a sentence of the section is no item of the list: no separator.
  const prose = { ...workspace, 'Z.md': ['## Z {#Z .term}', '', '### Siehe auch {.seealso}', '', 'Mehr bei [Grad‸ und anderen.', '[Index](#Index) |'] };
  assert.deepEqual(completionsAt(prose)?.map((item) => item.edit), ['4:9-4:14 [Gradient Descent](#Gradient-Descent)']);
  // Before words that are no item, the separator alone.
  const words = { ...workspace, 'Z.md': ['## Z {#Z .term}', '', '### Siehe auch {.seealso}', '', '[Grad‸ Abstieg', '[Index](#Index) |'] };
  assert.deepEqual(completionsAt(words)?.map((item) => item.edit), ['4:0-4:5 [Gradient Descent](#Gradient-Descent) |']);
});

test('in a see-also section the ids it links already, and its entry\'s own, come last: completing one would link it twice, or to itself', () => {
  const list = (file: string, heading: string, items: readonly string[]) => ({ ...workspace, [file]: [heading, '', '### Siehe auch {.seealso}', '', ...items, '[Index](#Index) |'] });
  const gradient = '## Gradient Descent {#Gradient-Descent .term}';
  // Outside a list, and in one that links neither, Data Scraping comes first.
  assert.deepEqual(completionsAt({ ...workspace, 'Gradient.md': [gradient, '', '[Datensatz](#Dataset) und [Data-Scraping](#Data-Scraping), [Da‸'] })?.map((item) => item.label), ['[Data Scraping](#Data-Scraping)', '[Datensatz](#Dataset)']);
  assert.deepEqual(completionsAt(list('Gradient.md', gradient, ['[Da‸']))?.map((item) => item.label), ['[Data Scraping](#Data-Scraping)', '[Datensatz](#Dataset)']);
  // Linked in the list already, it comes last; the list's own entry is offered nowhere in its file.
  assert.deepEqual(completionsAt(list('Gradient.md', gradient, ['[Data Scraping](#Data-Scraping) |', '[Da‸']))?.map((item) => item.label), ['[Datensatz](#Dataset)', '[Data Scraping](#Data-Scraping)']);
  assert.deepEqual(completionsAt(list('Data-Scraping.md', '## Data Scraping {#Data-Scraping .term}', ['[Da‸']))?.map((item) => item.label), ['[Datensatz](#Dataset)']);
  // The link whose id is being written is not one linked already.
  const withCard = { ...list('Gradient.md', gradient, ['[Datensatz](#Dataset‸) |']), 'Dataset-Card.md': ['## Dataset Card {#Dataset-Card .term}'] };
  assert.deepEqual(completionsAt(withCard)?.map((item) => item.label), ['Dataset', 'Dataset-Card']);
  // After `](#` too.
  assert.deepEqual(completionsAt(list('Gradient.md', gradient, ['[Data Scraping](#Data-Scraping) |', '[Daten](#Da‸)']))?.map((item) => item.label), ['Dataset', 'Data-Scraping', 'details']);
});

test('in a see-also section an id completed in a link the editor closed gets the separator after the link\'s `)`', () => {
  const at = (line: string, inSeeAlso = true) => {
    const lines = inSeeAlso ? ['## Z {#Z .term}', '', '### Siehe auch {.seealso}', '', line, '[Index](#Index) |'] : ['## Z {#Z .term}', '', line];
    const { index, uri, position, text } = withCursor({ ...workspace, 'Z.md': lines });
    const list = complete(index, uri, cursorTextIn(TextDocument.create(uri, 'markdown', 1, text), position), position, notCancelled, { labelDetails: false, insertReplace: false, lineBreaks: true });
    const item = list!.items.find((candidate) => candidate.label === 'Gradient-Descent')!;
    return item.additionalTextEdits?.map((edit) => `${rangeText(edit.range)} ${edit.newText}`);
  };
  assert.deepEqual(at('[Gradient](#Grad‸)'), ['4:17-4:17  |']);
  assert.deepEqual(at('[Gradient](#‸)'), ['4:13-4:13  |']);
  // Before an item on the same line, a line break too, in place of the blanks there.
  assert.deepEqual(at('[Gradient](#Grad‸)[Index](#Index) |'), ['4:17-4:17  |\n']);
  assert.deepEqual(at('[Gradient](#Grad‸)  [Index](#Index) |'), ['4:17-4:19  |\n']);
  // After another item on the line too; not in a sentence of the section.
  assert.deepEqual(at('[Datensatz](#Dataset) | [Gradient](#Grad‸)'), ['4:41-4:41  |']);
  assert.equal(at('Mehr bei [Gradient](#Grad‸) und anderen.'), undefined);
  // Not where the separator is there, the link is not closed, or it is no see-also list.
  assert.equal(at('[Gradient](#Grad‸) |'), undefined);
  assert.equal(at('[Gradient](#Grad‸'), undefined);
  assert.equal(at('[Gradient](#Grad‸ "Titel")'), undefined);
  assert.equal(at('[Gradient](#Grad‸)', false), undefined);
});

test('an entry\'s item resolved, as the editor shows it selected, gets the entry\'s lead paragraph after its summary', async () => {
  const files = {
    'Data-Scraping.md': ['## Data Scraping {#Data-Scraping .term}', '', '***Daten sammeln***', '', '**Data Scraping** ist die *automatisierte* Extraktion.', '', '### Details'],
    'Dataset.md': ['## Datensatz {#Dataset .term}', '', '### Mehr'],
  };
  const texts = new Map(Object.entries(files).map(([name, lines]) => [uriOf(name), lines.join('\n')]));
  const resolved = async (cursorLine: string, label: string) => {
    const { index, uri, position, text } = withCursor({ ...files, 'A.md': [cursorLine] });
    const list = complete(index, uri, cursorTextIn(TextDocument.create(uri, 'markdown', 1, text), position), position, notCancelled, { labelDetails: true, insertReplace: false });
    const item = list!.items.find((candidate) => candidate.label === label)!;
    const once = await resolveCompletionItem(index, item, async (target) => texts.get(target));
    // Resolved again (an editor may), the item stays as it is.
    assert.deepEqual(await resolveCompletionItem(index, once, async (target) => texts.get(target)), once);
    return once.documentation;
  };
  assert.deepEqual(await resolved('[x](#‸', 'Data-Scraping'), { kind: 'markdown', value: '*Daten sammeln*\n\nData Scraping ist die automatisierte Extraktion\\.' });
  // After `[`, the summary is the item's detail: the documentation is the lead alone.
  assert.deepEqual(await resolved('[Dat‸', '[Data Scraping](#Data-Scraping)'), { kind: 'markdown', value: 'Data Scraping ist die automatisierte Extraktion\\.' });
  // An entry without a lead paragraph, and a section's id, keep what they had.
  assert.equal(await resolved('[x](#‸', 'Dataset'), undefined);
  assert.equal(await resolved('[x](#‸', 'details'), undefined);
});

test('an id completed inside a link with a title replaces the whole id, and the title stays', () => {
  for (const [line, edit] of [
    ['Siehe [x](#Dat‸a-Scrapping "t") hier.', '0:11-0:25 Data-Scraping'],
    ["Siehe [x](#Dat‸a-Scrapping 't') hier.", '0:11-0:25 Data-Scraping'],
    ['Siehe [x](#Dat‸a-Scrapping (t)) hier.', '0:11-0:25 Data-Scraping'],
    // Not a title: the link is open, and what follows is prose.
    ['Siehe [x](#Dat‸a-Scrapping und "so" weiter', '0:11-0:14 Data-Scraping'],
  ]) {
    assert.equal(completionsAt({ ...workspace, 'A.md': [line!] })?.[0]?.edit, edit, line);
  }
});

test('after [, a title with parentheses goes on matching; a note\'s ^[ is no link, and a ] that closes an earlier bracket stays', () => {
  const files = { ...workspace, 'LLM.md': ['## Large Language Model (LLM) {#LLM .term}'] };
  assert.deepEqual(completionsAt({ ...files, 'A.md': ['See [Large Language Model (LL‸'] })?.map((item) => item.edit), ['0:4-0:29 [Large Language Model (LLM)](#LLM)']);
  assert.equal(completionsAt({ ...workspace, 'A.md': ['Text.^[Dat‸]'] }), undefined);
  // Without an editor's closing bracket, the `]` ends the note and is kept; with it, that one goes.
  assert.deepEqual(completionsAt({ ...workspace, 'A.md': ['Text.^[See [Dat‸]'] })?.map((item) => item.edit), ['0:11-0:15 [Data Scraping](#Data-Scraping)', '0:11-0:15 [Datensatz](#Dataset)']);
  // An escaped `\^[` opens no note: the editor's `]` goes.
  assert.deepEqual(completionsAt({ ...workspace, 'A.md': ['Text \\^[x [Dat‸]'] })?.map((item) => item.edit), ['0:10-0:15 [Data Scraping](#Data-Scraping)', '0:10-0:15 [Datensatz](#Dataset)']);
  assert.deepEqual(completionsAt({ ...workspace, 'A.md': ['Text.^[See [Dat‸]]'] })?.map((item) => item.edit), ['0:11-0:16 [Data Scraping](#Data-Scraping)', '0:11-0:16 [Datensatz](#Dataset)']);
  assert.deepEqual(completionsAt({ ...workspace, 'A.md': ['(see [Dat‸])'] })?.map((item) => item.edit), ['0:5-0:10 [Data Scraping](#Data-Scraping)', '0:5-0:10 [Datensatz](#Dataset)']);
  // The note opened on the line before; a bracket in code opens nothing.
  assert.deepEqual(completionsAt({ ...workspace, 'A.md': ['Text.^[See', '[Dat‸]'] })?.map((item) => item.edit), ['1:0-1:4 [Data Scraping](#Data-Scraping)', '1:0-1:4 [Datensatz](#Dataset)']);
  assert.deepEqual(completionsAt({ ...workspace, 'A.md': ['Use `a[0` and [Dat‸]'] })?.map((item) => item.edit), ['0:14-0:19 [Data Scraping](#Data-Scraping)', '0:14-0:19 [Datensatz](#Dataset)']);
  // A bracket of plain text earlier (`[0, 1)`), also in an earlier paragraph of a CRLF file, closes with nothing: the editor's `]` goes.
  assert.deepEqual(completionsAt({ ...workspace, 'A.md': ['Werte [0, 1) und [Dat‸]'] })?.map((item) => item.edit), ['0:17-0:22 [Data Scraping](#Data-Scraping)', '0:17-0:22 [Datensatz](#Dataset)']);
  assert.deepEqual(completionsAt({ ...workspace, 'A.md': ['b [0, 1)\r', '\r', 'See [Dat‸]'] })?.map((item) => item.edit), ['2:4-2:9 [Data Scraping](#Data-Scraping)', '2:4-2:9 [Datensatz](#Dataset)']);
  // An escaped backslash before `[` escapes nothing: a link is offered; an escaped `[` is none.
  assert.deepEqual(completionsAt({ ...workspace, 'A.md': ['Pfad C:\\\\[Dat‸'] })?.map((item) => item.edit), ['0:9-0:13 [Data Scraping](#Data-Scraping)', '0:9-0:13 [Datensatz](#Dataset)']);
  assert.equal(completionsAt({ ...workspace, 'A.md': ['Pfad C:\\\\\\[Dat‸'] }), undefined);
});

test('a file whose lines end in a lone \\r (as old Mac files do) completes as one with \\n or \\r\\n: code in an earlier paragraph is closed there, a definition is at its line\'s start', () => {
  const lines = ['## Neu {#Neu .chapter .small .term}', '', 'Ein Backtick ` allein.', '', 'Siehe [x](#Dat', '', 'Und `code` hier.', '', '[r]: #Dat'];
  for (const eol of ['\n', '\r\n', '\r']) {
    const text = lines.join(eol);
    const uri = uriOf('Neu.md');
    const index = indexOf({ ...workspace, 'Neu.md': [text] });
    const editsAt = (line: number) => {
      const position = { line, character: lines[line]!.length };
      const list = complete(index, uri, cursorTextIn(TextDocument.create(uri, 'markdown', 1, text), position), position, notCancelled, { labelDetails: true, insertReplace: false });
      return list?.items.map((item) => item.textEdit && 'range' in item.textEdit && `${rangeText(item.textEdit.range)} ${item.textEdit.newText}`);
    };
    assert.deepEqual(editsAt(4), ['4:11-4:14 Data-Scraping', '4:11-4:14 Dataset'], JSON.stringify(eol));
    assert.deepEqual(editsAt(8), ['8:6-8:9 Data-Scraping', '8:6-8:9 Dataset'], JSON.stringify(eol));
  }
});

test('a <!-- in code opens no comment: completion goes on after it', () => {
  const expected = ['Data-Scraping', 'Dataset'];
  assert.deepEqual(completionsAt({ ...workspace, 'A.md': ['Write `<!--` to open. See [x](#Dat‸). Close with `-->`.'] })?.map((item) => item.label), expected);
  assert.deepEqual(completionsAt({ ...workspace, 'A.md': ['~~~', '<!--', '~~~', '', 'See [x](#Dat‸).', '', '~~~', '-->', '~~~'] })?.map((item) => item.label), expected);
  // A comment that is one still hides it.
  assert.equal(completionsAt({ ...workspace, 'A.md': ['Text <!-- see [x](#Dat‸) -->'] }), undefined);
});

test('in a Markdown file outside the glossary, code is no place for links either', () => {
  const { index, position, text } = withCursor({ ...workspace, 'A.md': ['~~~python', 'x = [Dat‸', '~~~'] });
  const outside = 'file:///elsewhere/Draft.md';
  index.remove(uriOf('A.md'));
  const completeIn = (body: string) => complete(index, outside, cursorTextIn(TextDocument.create(outside, 'markdown', 1, body), position), position, notCancelled);
  assert.equal(index.document(outside), undefined);
  assert.equal(completeIn(text), null);
  assert.deepEqual(completeIn(text.replace('~~~python', 'Some text'))?.items.map((item) => item.label), ['[Data Scraping](#Data-Scraping)', '[Datensatz](#Dataset)'], 'outside code it is');
});

test('an automatic id numbered in its file (a second "Kern" is kern-1) is not offered when another file has the heading too: the book numbers across files', () => {
  const files = {
    'Alpha.md': ['## Alpha {#Alpha .term}', '', '### Kern'],
    'Beta.md': ['## Beta {#Beta .term}', '', '### Kern'],
    'Gamma.md': ['## Gamma {#Gamma .term}', '', '### Kern', '', '### Kern', '', '### Teil 2'],
  };
  assert.deepEqual(completionsAt({ ...files, 'A.md': ['See [x](#‸'] })?.map((item) => item.label), ['Alpha', 'Beta', 'Gamma', 'teil-2']);
  // A heading whose own text ends in a number (`GPT-4`, `Phase 2`) is no number of another's id.
  const written = { 'Alpha.md': ['## Alpha {#Alpha .term}', '', '### GPT'], 'Beta.md': ['## Beta {#Beta .term}', '', '### GPT-4', '', '### Phase 2'], 'Gamma.md': ['## Gamma {#Gamma .term}', '', '### Phase'] };
  assert.deepEqual(completionsAt({ ...written, 'A.md': ['See [x](#‸'] })?.map((item) => item.label), ['Alpha', 'Beta', 'Gamma', 'gpt', 'gpt-4', 'phase', 'phase-2']);
  // Alone in the glossary, the file's numbering is the book's.
  assert.deepEqual(completionsAt({ 'Gamma.md': files['Gamma.md'], 'A.md': ['See [x](#ke‸'] })?.map((item) => item.label), ['kern', 'kern-1']);
});

test('of the ids and titles holding the typed letters in order, the one holding them closest together comes first', () => {
  const files = {
    'CIRL.md': ['## Cooperative Inverse Reinforcement Learning {#Cooperative-Inverse-Reinforcement-Learning .term}'],
    'Transformer.md': ['## Transformer {#Transformer .term}'],
  };
  assert.deepEqual(completionsAt({ ...files, 'A.md': ['[x](#trfrm‸'] })!.map((item) => item.label), ['Transformer', 'Cooperative-Inverse-Reinforcement-Learning']);
  assert.deepEqual(completionsAt({ ...files, 'A.md': ['Mehr zu [trfrm‸'] })!.map((item) => item.label), ['[Transformer](#Transformer)', '[Cooperative Inverse Reinforcement Learning](#Cooperative-Inverse-Reinforcement-Learning)']);
});

test('the span of a subsequence match is its shortest stretch holding the letters in order', () => {
  assert.equal(subsequenceSpan('trfrm', 'transformer'), 9);
  // The later start gives the shorter stretch: "tok" whole in "tiktoken", not t…o…k from its first t.
  assert.equal(subsequenceSpan('tok', 'tiktoken'), 3);
  assert.equal(subsequenceSpan('tok', 'annartificialneuralnetwork'), 5);
  assert.equal(subsequenceSpan('abc', 'acb'), undefined);
  assert.equal(subsequenceSpan('', 'x'), 0);
});
