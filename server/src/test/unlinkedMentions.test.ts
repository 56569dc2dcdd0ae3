import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CodeAction, TextDocumentEdit, TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadGlossary } from '../cli/loadGlossary';
import { defaultConfig } from '../config';
import { DiagnosticCode } from '../diagnostics/codes';
import { computeDiagnostics } from '../diagnostics/computeDiagnostics';
import { codeActions } from '../features/codeActions';
import { linkMentionsKind } from '../features/mentionLinks';
import { GlossarySession } from '../session/glossarySession';
import { InMemoryWorkspace } from '../workspace/inMemoryWorkspace';
import { NodeFileSystemWorkspace } from '../workspace/nodeWorkspace';
import { corpusEntries } from './corpus';
import { entryLines, indexOf, rangeText, uriOf } from './support/tinyWorkspace';

const seedFile = path.resolve(corpusEntries, '../../../../seed/000_eda4c6bb4d24dcc7.txt');

type Files = Record<string, readonly string[]>;

/** The unlinked mentions of one file of a tiny workspace, as `line:character-line:character text -> #id`. */
function mentionsOf(files: Files, name: string): string[] {
  const index = indexOf(files);
  return computeDiagnostics(index.document(uriOf(name))!, index, defaultConfig, files[name]!.join('\n'))
    .filter((diagnostic) => diagnostic.code === DiagnosticCode.UnlinkedMention)
    .map((diagnostic) => (diagnostic.data.kind === DiagnosticCode.UnlinkedMention ? `${rangeText(diagnostic.range)} ${diagnostic.data.text} -> #${diagnostic.data.target}` : ''));
}

/** A workspace of term entries and the entry `A.md` with the given body. */
function withTerms(body: readonly string[], terms: readonly [title: string, id: string][] = [['TensorFlow', 'TensorFlow']]): Files {
  return {
    ...Object.fromEntries(terms.map(([title, id]) => [`${id}.md`, entryLines(title, id, [])])),
    'A.md': entryLines('A', 'A', [], body),
  };
}

test('the seed entry mentions TensorFlow without a link, once a TensorFlow entry exists', () => {
  const seed = fs.readFileSync(seedFile, 'utf8').split('\n');
  const files = { 'seed.txt': seed, 'TensorFlow.md': entryLines('TensorFlow', 'TensorFlow', []) };
  const found = mentionsOf(files, 'seed.txt');
  assert.deepEqual(found, ['22:33-22:43 TensorFlow -> #TensorFlow']);
  assert.equal(seed[22]!.slice(33, 43), 'TensorFlow');
  assert.deepEqual(mentionsOf({ 'seed.txt': seed }, 'seed.txt'), [], 'no entry, no mention');
});

test('a term is reported at its first mention in each section, and not in its own entry', () => {
  const files = {
    ...withTerms(['TensorFlow und TensorFlow.', '', '### Mehr {.explanation}', '', 'Noch einmal TensorFlow.']),
    'TensorFlow.md': entryLines('TensorFlow', 'TensorFlow', [], ['TensorFlow selbst.']),
  };
  assert.deepEqual(mentionsOf(files, 'A.md'), ['2:0-2:10 TensorFlow -> #TensorFlow', '6:12-6:22 TensorFlow -> #TensorFlow']);
  assert.deepEqual(mentionsOf(files, 'TensorFlow.md'), []);
});

test('no mention in headings, code, links, brackets, URLs, comments, tables, attributions, or a section that links the term', () => {
  const body = [
    '`TensorFlow` and `` a ` TensorFlow ``',
    '',
    '~~~',
    'TensorFlow',
    '~~~',
    '',
    '[TensorFlow](https://tensorflow.org), [see TensorFlow][ref], <https://x.org/TensorFlow>, https://TensorFlow.org',
    '',
    '<!-- TensorFlow -->',
    '',
    '| TensorFlow | x |',
    '',
    '- ***"Ein Zitat"*** (TensorFlow)',
    '',
    '### TensorFlow {.explanation}',
    '',
    'Here [TF](#TensorFlow) first, then TensorFlow again.',
    '',
    '[ref]: #TensorFlow',
  ];
  assert.deepEqual(mentionsOf(withTerms(body), 'A.md'), []);
});

test('whole words only, with German endings on the last word; never inside a longer word', () => {
  const terms: [string, string][] = [
    ['Agent', 'Agent'],
    ['Modell', 'Modell'],
    ['Large Language Model', 'Large-Language-Model'],
    ['KI', 'KI'],
  ];
  const body = ['Die Agentur und KI-Agenten; viele Agenten nutzen Modelle, Large Language Models und KI.'];
  assert.deepEqual(mentionsOf(withTerms(body, terms), 'A.md'), [
    '2:34-2:41 Agenten -> #Agent',
    '2:49-2:56 Modelle -> #Modell',
    '2:58-2:79 Large Language Models -> #Large-Language-Model',
  ]);
});

test('ids with hyphens as spaces, aliases and the parts of "Long Name (ABBR)" are forms of the term', () => {
  const files: Files = {
    'LLM.md': ['## Großes Sprachmodell {#LLM .chapter .small .term aliases="Sprachmodell, LLMs"}', '', 'x'],
    'Artificial-Neural-Network.md': entryLines('Artificial Neural Network (ANN)', 'Artificial-Neural-Network', []),
    'Bedrock.md': entryLines('Bedrock (Amazon)', 'Bedrock', []),
    'A.md': entryLines('A', 'A', [], ['Ein Sprachmodell ist ein ANN, bei Amazon.']),
  };
  assert.deepEqual(mentionsOf(files, 'A.md'), ['2:4-2:16 Sprachmodell -> #LLM', '2:25-2:28 ANN -> #Artificial-Neural-Network']);
});

test('a one-word term inside a longer name of capitalised words is no mention of it', () => {
  const body = ['Transfer Learning und Learning Rate, aber das Learning selbst.'];
  assert.deepEqual(mentionsOf(withTerms(body, [['Learning', 'Learning']]), 'A.md'), ['2:46-2:54 Learning -> #Learning']);
});

/** The code actions over the whole of `A.md`, and its text. */
function actionsOf(files: Files, only?: string[]): { actions: CodeAction[]; document: TextDocument } {
  const index = indexOf(files);
  const uri = uriOf('A.md');
  const document = TextDocument.create(uri, 'markdown', 1, files['A.md']!.join('\n'));
  const diagnostics = computeDiagnostics(index.document(uri)!, index, defaultConfig, document.getText());
  const whole = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };
  const actions = codeActions({ index, config: defaultConfig, document, diagnostics, documentChanges: true, newEntryUri: () => undefined }, whole, only);
  return { actions, document };
}

function applied(action: CodeAction | undefined, document: TextDocument): string {
  assert.ok(action, 'the action exists');
  const edits = (action.edit?.documentChanges ?? []).flatMap((change) => (TextDocumentEdit.is(change) ? (change.edits as TextEdit[]) : []));
  return TextDocument.applyEdits(document, edits);
}

test('the quick fix links the mention and leaves the rest of the text as it was, byte for byte', () => {
  const files = withTerms(['Mit TensorFlow  (2015)\r\nund mehr.']);
  const { actions, document } = actionsOf(files, ['quickfix']);
  const fix = actions.find((action) => action.title === 'Link "TensorFlow" to #TensorFlow');
  assert.equal(fix?.isPreferred, true);
  const before = document.getText();
  const at = before.indexOf('TensorFlow  (');
  assert.equal(applied(fix, document), `${before.slice(0, at)}[TensorFlow](#TensorFlow)${before.slice(at + 'TensorFlow'.length)}`);
});

test('the source action links the first mention of every term in the entry once', () => {
  const files = withTerms(['Agenten und TensorFlow.', '', '### Mehr {.explanation}', '', 'TensorFlow, Agent.'], [
    ['TensorFlow', 'TensorFlow'],
    ['Agent', 'Agent'],
  ]);
  const { actions, document } = actionsOf(files, ['source']);
  const action = actions.find((candidate) => candidate.kind === linkMentionsKind);
  assert.equal(action?.title, 'Link the first mention of every term in this entry');
  const text = applied(action, document).split('\n');
  assert.deepEqual(text.slice(2, 7), ['[Agenten](#Agent) und [TensorFlow](#TensorFlow).', '', '### Mehr {.explanation}', '', 'TensorFlow, Agent.']);
});

test('an entry file added on disk brings the mention hint to a closed file, and deleting it takes it away', async () => {
  const workspace = new InMemoryWorkspace({
    [uriOf('Index.md')]: '# Index {#Index}',
    [uriOf('A.md')]: entryLines('A', 'A', [], ['Mit TensorFlow gebaut.']).join('\n'),
  });
  const session = new GlossarySession(workspace, ['file:///ws']);
  await session.load(undefined, []);
  const mentionsInA = (): string[] =>
    session.diagnosticsOf(uriOf('A.md')).filter((diagnostic) => diagnostic.code === DiagnosticCode.UnlinkedMention).map((diagnostic) => rangeText(diagnostic.range));
  assert.deepEqual(mentionsInA(), []);

  workspace.set(uriOf('TensorFlow.md'), entryLines('TensorFlow', 'TensorFlow', []).join('\n'));
  await session.refreshFromDisk(uriOf('TensorFlow.md'));
  assert.equal(session.mentionsOutdated(), true);
  assert.deepEqual([...(await session.refreshMentions()).affectedUris], [uriOf('A.md')]);
  assert.deepEqual(mentionsInA(), ['2:4-2:14']);
  assert.equal(session.mentionsOutdated(), false);

  // An edit of ordinary text changes no term: nothing else is read again.
  session.updateOpen({ uri: uriOf('TensorFlow.md'), version: 2, text: entryLines('TensorFlow', 'TensorFlow', [], ['Anderer Text.']).join('\n') });
  assert.equal(session.mentionsOutdated(), false);
  await session.closeOpen(uriOf('TensorFlow.md'));

  workspace.set(uriOf('TensorFlow.md'), undefined);
  session.removeFile(uriOf('TensorFlow.md'));
  assert.deepEqual([...(await session.refreshMentions()).affectedUris], [uriOf('A.md')]);
  assert.deepEqual(mentionsInA(), []);
});

test('the real glossary: concrete mentions, each term at most once per section, none in its own entry', async () => {
  const glossary = await loadGlossary([corpusEntries], { cwd: corpusEntries, workspace: new NodeFileSystemWorkspace(), warn: () => undefined });
  assert.equal(glossary.kind, 'loaded');
  if (glossary.kind !== 'loaded') return;
  const found: { file: string; line: number; text: string; target: string }[] = [];
  for (const file of glossary.files) {
    const text = fs.readFileSync(new URL(file.uri), 'utf8');
    const document = glossary.index.document(file.uri)!;
    for (const diagnostic of computeDiagnostics(document, glossary.index, glossary.config, text)) {
      if (diagnostic.data.kind === DiagnosticCode.UnlinkedMention) {
        found.push({ file: path.basename(file.displayPath), line: diagnostic.range.start.line, text: diagnostic.data.text, target: diagnostic.data.target });
        const entry = document.entries.find((candidate) => candidate.range.start.line <= diagnostic.range.start.line && diagnostic.range.start.line <= candidate.range.end.line);
        assert.notEqual(entry?.id, diagnostic.data.target, `${file.displayPath}: no mention of an entry in itself`);
      }
    }
  }
  const has = (file: string, line: number, text: string, target: string): boolean =>
    found.some((mention) => mention.file === file && mention.line === line - 1 && mention.text === text && mention.target === target);
  assert.ok(has('Text-to-3D.md', 36, 'NeRF', 'NeRF'), 'NeRF in Text-to-3D, line 36 (line 15 links it, in another section)');
  assert.ok(has('LLaVA.md', 34, 'Training', 'Training'));
  assert.ok(has('Normalization.md', 104, 'GRUs', 'GRU') || found.some((mention) => mention.text === 'GRUs'), 'a plural ending');
  assert.ok(!found.some((mention) => mention.text === 'Amazon'), '"Bedrock (Amazon)" is not named Amazon');
  assert.ok(!found.some((mention) => mention.target === 'KI'), 'two-letter terms are not looked for');
  // Measured: 1,737 hints in 344 entries (5,780 links), at most 20 in one file.
  assert.equal(found.length, 1737);
  const perFile = new Map<string, number>();
  found.forEach((mention) => perFile.set(mention.file, (perFile.get(mention.file) ?? 0) + 1));
  assert.equal(Math.max(...perFile.values()), 20);
});
