import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CancellationToken, CodeAction, TextDocumentEdit, TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultConfig, GlossaryConfig } from '../config';
import { DiagnosticCode } from '../diagnostics/codes';
import { computeDiagnostics } from '../diagnostics/computeDiagnostics';
import { codeActions } from '../features/codeActions';
import { linkMentionEdit, linkMentionsKind } from '../features/mentionLinks';
import { GlossaryDiagnostic } from '../diagnostics/diagnostic';
import { CliIo, runCli } from '../cli/main';
import { WorkspaceIndex } from '../index/workspaceIndex';
import { parseGlossaryDocument } from '../parse/parser';
import { Workspace } from '../workspace/workspace';
import { GlossarySession } from '../session/glossarySession';
import { InMemoryWorkspace } from '../workspace/inMemoryWorkspace';
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
    'Siehe <a href="https://tensorflow.org">die Seite zu TensorFlow</a> und <A HREF="x">mehr\nzu TensorFlow</A >.',
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

test('no mention inside a quotation that is more than the term (a quoted title, a quoted saying); a quotation that is the term is one', () => {
  const body = [
    'Im Paper "Chain of Thought Prompting in Large Language Models" und im Buch „Deep Learning mit TensorFlow“.',
    '',
    '- ***"Der Chatbot, der niemals müde wird"*** (ChatGPT)',
    '',
    'Umbenannt zu "TensorFlow", „Chatbot“ und »Chatbots« genannt; in `"TensorFlow, x"` ein Chatbot.',
    '',
    // A mark before a space opens no quotation, one after a space closes none: here nothing is quoted.
    'Ein 5" großer Rechner " mit Large Language Models.',
    '',
    '### Mehr {.explanation}',
    '',
    // An inch mark opens none; a quotation is the term with its punctuation and emphasis; a closer typed otherwise is none, a new opener starts anew.
    'Ein 24"-Monitor zeigt "*TensorFlow*," dann „Chatbots" und „Large Language Models im Alltag“.',
    '',
    // A German quotation closed with a straight mark, as typed on a keyboard without „“, is one.
    'Das Buch „Deep Learning kompakt" über Large Language Models.',
    '',
    '### Noch mehr {.explanation}',
    '',
    // A quotation inside another leaves the outer one whole; German single quotes ‚…‘ quote too.
    'Er schrieb „Ein "Hallo" an TensorFlow“ und ‚Deep Learning kompakt‘ über Chatbots.',
  ];
  const terms: [string, string][] = [
    ['TensorFlow', 'TensorFlow'],
    ['Chatbot', 'Chatbot'],
    ['Large Language Model', 'Large-Language-Model'],
    ['Deep Learning', 'Deep-Learning'],
  ];
  assert.deepEqual(mentionsOf(withTerms(body, terms), 'A.md'), [
    '6:14-6:24 TensorFlow -> #TensorFlow',
    '6:28-6:35 Chatbot -> #Chatbot',
    '8:28-8:49 Large Language Models -> #Large-Language-Model',
    '12:24-12:34 TensorFlow -> #TensorFlow',
    '12:44-12:52 Chatbots -> #Chatbot',
    '14:38-14:59 Large Language Models -> #Large-Language-Model',
    '18:72-18:80 Chatbots -> #Chatbot',
  ]);
});

test('no mention in raw TeX, inline or as a block; prose after a command is prose', () => {
  const body = ['\\textbf{TensorFlow} \\index{TensorFlow}', '', '\\begin{center}', 'TensorFlow', '\\end{center}', '', 'Fett: \\bfseries TensorFlow', '', '\\emph{x} TensorFlow'];
  // `\\bfseries` reaches to the paragraph's end.
  assert.deepEqual(mentionsOf(withTerms(body), 'A.md'), ['10:9-10:19 TensorFlow -> #TensorFlow']);
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

test('a letter with a combining accent is one letter: Kafé written as e and U+0301 is no mention of Kafe, and a link never splits it', () => {
  const body = ['Ein Kafe\u0301 und ein Kafe.'];
  const files = withTerms(body, [['Kafe', 'Kafe']]);
  assert.deepEqual(mentionsOf(files, 'A.md'), ['2:18-2:22 Kafe -> #Kafe']);
  // An accent on the term's last letter, and an accent after its ending.
  assert.deepEqual(mentionsOf(withTerms(['Der Agent\u0301, die Agente\u0301n.'], [['Agent', 'Agent']]), 'A.md'), []);
});

test('a term and its mention match however each writes its accents: composed (é) or as e and U+0301', () => {
  const body = ['Ein Kafe\u0301, dann ein Café und Ku\u0308nstliche Intelligenz.'];
  // The text as written: the range and the text of each finding are the writer's characters.
  assert.deepEqual(mentionsOf(withTerms(body, [['Café', 'Cafe'], ['Kafé', 'Kafe'], ['Künstliche Intelligenz', 'KI']]), 'A.md'), [
    '2:4-2:9 Kafe\u0301 -> #Kafe',
    '2:20-2:24 Café -> #Cafe',
    '2:29-2:52 Ku\u0308nstliche Intelligenz -> #KI',
  ]);
  // A title written decomposed finds the composed text.
  assert.deepEqual(mentionsOf(withTerms(['Ein Café.'], [['Cafe\u0301', 'Cafe']]), 'A.md'), ['2:4-2:8 Café -> #Cafe']);
});

test('between two names of one length, the one written exactly wins over an inflected one, whichever was filed first', () => {
  for (const terms of [
    [['Foo Bar', 'a'], ['Foo Bars', 'b']],
    [['Foo Bars', 'b'], ['Foo Bar', 'a']],
  ] as [string, string][][]) {
    assert.deepEqual(mentionsOf(withTerms(['Die Foo Bars und der Foo Bar.'], terms), 'A.md'), ['2:4-2:12 Foo Bars -> #b', '2:21-2:28 Foo Bar -> #a']);
  }
  // Two names of which one is an inflected form of the other: the one spelled with more letters, in either order of the files.
  const twins = [['Foo Bar Modell', 'c'], ['Foo Bar Modelle', 'd']] as [string, string][];
  const expected = ['2:4-2:19 Foo Bar Modelle -> #d'];
  assert.deepEqual(mentionsOf(withTerms(['Das Foo Bar Modelle hier.'], twins), 'A.md'), expected);
  assert.deepEqual(mentionsOf(withTerms(['Das Foo Bar Modelle hier.'], [...twins].reverse()), 'A.md'), expected);
});

test('a later word whose capital lowers to another letter is matched as written (İzmir, Ilıca)', () => {
  const terms = [['Hotel İzmir', 'Hotel-Izmir'], ['Kalte ılıca', 'Kalte-Ilica']] as [string, string][];
  assert.deepEqual(mentionsOf(withTerms(['Ein Hotel izmir und die Kalte Ilıca.'], terms), 'A.md'), [
    '2:4-2:15 Hotel izmir -> #Hotel-Izmir',
    '2:24-2:35 Kalte Ilıca -> #Kalte-Ilica',
  ]);
});

test('ids with hyphens as spaces, aliases and the parts of "Long Name (ABBR)" are forms of the term', () => {
  const files: Files = {
    'LLM.md': ['## Großes Sprachmodell {#LLM .chapter .small .term aliases="Sprachmodell, LLMs"}', '', 'x'],
    'Artificial-Neural-Network.md': entryLines('Artificial Neural Network (ANN)', 'Artificial-Neural-Network', []),
    'Bedrock.md': entryLines('Bedrock (Amazon)', 'Bedrock', []),
    // A name in capitals in the brackets that abbreviates nothing is no name of the term either.
    'ChatGPT.md': entryLines('ChatGPT (OpenAI)', 'ChatGPT', []),
    'DL.md': entryLines('DL (Deep Learning)', 'DL', []),
    'A.md': entryLines('A', 'A', [], ['Ein Sprachmodell ist ein ANN, bei Amazon und OpenAI, mit Deep Learning.']),
  };
  assert.deepEqual(mentionsOf(files, 'A.md'), ['2:4-2:16 Sprachmodell -> #LLM', '2:25-2:28 ANN -> #Artificial-Neural-Network', '2:57-2:70 Deep Learning -> #DL']);
});

test('a one-word term inside a longer name of capitalised words is no mention of it', () => {
  const body = ['Transfer Learning und Learning Rate, aber das Learning selbst.'];
  assert.deepEqual(mentionsOf(withTerms(body, [['Learning', 'Learning']]), 'A.md'), ['2:46-2:54 Learning -> #Learning']);
});

test('an article or preposition that opens a sentence makes no longer name of the term after it', () => {
  const terms: [string, string][] = [['Tokenizer', 'Tokenizer'], ['Benchmarks', 'Benchmarks']];
  const body = ['A Tokenizer cuts the text.', '', 'In Benchmarks zeigt es sich, nicht aber im Supervised Tokenizer.'];
  assert.deepEqual(mentionsOf(withTerms(body, terms), 'A.md'), ['2:2-2:11 Tokenizer -> #Tokenizer', '4:3-4:13 Benchmarks -> #Benchmarks']);
});

/** The code actions over the whole of `A.md`, and its text. */
function actionsOf(files: Files, only?: string[]): { actions: CodeAction[]; document: TextDocument } {
  const index = indexOf(files);
  const uri = uriOf('A.md');
  const document = TextDocument.create(uri, 'markdown', 1, files['A.md']!.join('\n'));
  const diagnostics = computeDiagnostics(index.document(uri)!, index, defaultConfig, document.getText());
  const whole = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };
  const actions = codeActions({ index, config: defaultConfig, document, diagnostics, documentChanges: true, renamesFiles: true, newEntryUri: () => undefined }, whole, only);
  return { actions, document };
}

function applied(action: CodeAction | undefined, document: TextDocument): string {
  assert.ok(action, 'the action exists');
  const edits = (action.edit?.documentChanges ?? []).flatMap((change) => (TextDocumentEdit.is(change) ? (change.edits as TextEdit[]) : []));
  return TextDocument.applyEdits(document, edits);
}

test('ignoreMentionsOf: the entries listed are not suggested, the others are; each hint offers to list its entry', () => {
  const files = withTerms(['Agenten und TensorFlow.'], [['TensorFlow', 'TensorFlow'], ['Agent', 'Agent']]);
  const index = indexOf(files);
  const uri = uriOf('A.md');
  const text = files['A.md']!.join('\n');
  const targets = (config: GlossaryConfig): string[] =>
    computeDiagnostics(index.document(uri)!, index, config, text).flatMap((diagnostic) => (diagnostic.data.kind === DiagnosticCode.UnlinkedMention ? [diagnostic.data.target] : []));
  assert.deepEqual(targets(defaultConfig), ['Agent', 'TensorFlow']);
  assert.deepEqual(targets({ ...defaultConfig, ignoreMentionsOf: ['TensorFlow', 'Nirgendwo'] }), ['Agent']);

  const document = TextDocument.create(uri, 'markdown', 1, text);
  const diagnostics = computeDiagnostics(index.document(uri)!, index, defaultConfig, text);
  const whole = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };
  const input = { index, config: defaultConfig, document, diagnostics, documentChanges: true, createsFiles: true, renamesFiles: true, newEntryUri: () => undefined };
  const ignoring = (configFileUri?: string): CodeAction[] => codeActions({ ...input, configFileUri }, whole, ['quickfix']).filter((action) => action.command?.command === 'glossary.ignoreMentionsOf');
  assert.deepEqual(
    ignoring('file:///ws/.glossary.json').map((action) => [action.title, action.isPreferred, action.command?.arguments]),
    [
      ['Do not suggest links to #Agent (in .glossary.json)', undefined, [{ id: 'Agent', configUri: 'file:///ws/.glossary.json' }]],
      ['Do not suggest links to #TensorFlow (in .glossary.json)', undefined, [{ id: 'TensorFlow', configUri: 'file:///ws/.glossary.json' }]],
    ],
  );
  assert.deepEqual(ignoring(undefined), [], 'without a workspace folder there is no file to keep the list in');
});

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

/** Editor settings that raise `unlinked-mention` to a severity the Problems panel lists: closed files are scanned too. */
const listedInProblems = { severity: { [DiagnosticCode.UnlinkedMention]: 'information' } };

test('at the default hint, only open files are scanned for mentions: closed files are not read for them, and the report reads them once', async () => {
  const files: Record<string, string> = {
    [uriOf('Index.md')]: '# Index {#Index}',
    [uriOf('TensorFlow.md')]: entryLines('TensorFlow', 'TensorFlow', []).join('\n'),
    [uriOf('A.md')]: entryLines('A', 'A', [], ['Mit TensorFlow und Keras gebaut.']).join('\n'),
    [uriOf('B.md')]: entryLines('B', 'B', [], ['Auch Keras.']).join('\n'),
  };
  const { workspace, reads } = countingWorkspace(files);
  const session = new GlossarySession(workspace, ['file:///ws']);
  await session.load(undefined, []);
  const mentionsIn = (name: string, closedFileMentions = false): string[] =>
    session.diagnosticsOf(uriOf(name), closedFileMentions).flatMap((diagnostic) => (diagnostic.data.kind === DiagnosticCode.UnlinkedMention ? [rangeText(diagnostic.range)] : []));
  assert.deepEqual(mentionsIn('A.md'), [], 'a closed file has no mention hints');

  session.updateOpen({ uri: uriOf('A.md'), version: 1, text: files[uriOf('A.md')]! });
  assert.deepEqual(mentionsIn('A.md'), ['2:4-2:14'], 'opened, it has');
  // A new term is looked for in the open file only: no closed file is read for it.
  reads.length = 0;
  session.updateOpen({ uri: uriOf('Keras.md'), version: 1, text: entryLines('Keras', 'Keras', []).join('\n') });
  assert.equal(session.mentionsOutdated(), true);
  assert.deepEqual([...(await session.refreshMentions()).affectedUris], [uriOf('A.md')]);
  assert.deepEqual(reads, []);
  assert.deepEqual(mentionsIn('A.md'), ['2:4-2:14', '2:19-2:24']);
  assert.deepEqual(mentionsIn('B.md'), []);

  // A report cancelled reads nothing, and leaves the mentions outdated for the next.
  session.updateOpen({ uri: uriOf('PyTorch.md'), version: 1, text: entryLines('PyTorch', 'PyTorch', []).join('\n') });
  assert.deepEqual([...(await session.refreshMentions(true, CancellationToken.Cancelled)).affectedUris], []);
  assert.deepEqual(reads, []);
  assert.equal(session.mentionsOutdated(), true);

  // The workspace report counts every file's mentions: the closed files are read for it, once,
  // and none of them is to be published again (their hints are not).
  assert.deepEqual([...(await session.refreshMentions(true)).affectedUris], []);
  assert.equal(session.mentionsOutdated(), false);
  assert.deepEqual(reads.sort(), [uriOf('B.md'), uriOf('Index.md'), uriOf('TensorFlow.md')]);
  assert.deepEqual(mentionsIn('B.md', true), ['2:5-2:10']);
  assert.deepEqual(mentionsIn('B.md'), [], 'and still published without them');
  reads.length = 0;
  await session.refreshMentions(true);
  assert.deepEqual(reads, []);

  // Closed again, the file's hints are gone.
  await session.closeOpen(uriOf('A.md'));
  assert.deepEqual(mentionsIn('A.md'), []);
});

test('a term added while a load looks for mentions leaves the mentions outdated, so that they are looked for again', async () => {
  // The real glossary's mention pass takes longer than a time slice: between slices the term comes.
  const files = Object.fromEntries(
    fs.readdirSync(corpusEntries).filter((name) => name.endsWith('.md')).map((name) => [uriOf(name), fs.readFileSync(path.join(corpusEntries, name), 'utf8')]),
  );
  const term = { uri: uriOf('Rechenleistung.md'), version: 1, text: entryLines('Rechenleistung', 'Rechenleistung', []).join('\n') };
  const session = new GlossarySession(new InMemoryWorkspace(files), ['file:///ws']);
  const loading = session.load(listedInProblems, []);
  let added = false;
  while (!added) {
    await new Promise((resolve) => setImmediate(resolve));
    // The new index serves: its mention pass runs.
    if (session.counts().fileCount > 0) {
      session.updateOpen(term);
      added = true;
    }
  }
  await loading;
  assert.equal(session.mentionsOutdated(), true);
  await session.refreshMentions();
  assert.equal(session.mentionsOutdated(), false);
  // Every file mentioning the term has its hint, as where the term was there from the start (the
  // pass may have read some files before the term came, others after).
  const mentionsOfTerm = (of: GlossarySession): string[] =>
    Object.keys(files).flatMap((uri) => of.diagnosticsOf(uri).flatMap((diagnostic) => (diagnostic.data.kind === DiagnosticCode.UnlinkedMention && diagnostic.data.target === 'Rechenleistung' ? [`${uri} ${rangeText(diagnostic.range)}`] : [])));
  const fresh = new GlossarySession(new InMemoryWorkspace({ ...files, [term.uri]: term.text }), ['file:///ws']);
  await fresh.load(listedInProblems, []);
  assert.ok(mentionsOfTerm(fresh).length > 0);
  assert.deepEqual(mentionsOfTerm(session), mentionsOfTerm(fresh));
});

test('at information, an entry file added on disk brings the mention to a closed file, and deleting it takes it away', async () => {
  const workspace = new InMemoryWorkspace({
    [uriOf('Index.md')]: '# Index {#Index}',
    [uriOf('A.md')]: entryLines('A', 'A', [], ['Mit TensorFlow gebaut.']).join('\n'),
  });
  const session = new GlossarySession(workspace, ['file:///ws']);
  await session.load(listedInProblems, []);
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
  await session.removeFile(uriOf('TensorFlow.md'));
  assert.deepEqual([...(await session.refreshMentions()).affectedUris], [uriOf('A.md')]);
  assert.deepEqual(mentionsInA(), []);
});


test('a mention over a CRLF line break is linked byte for byte, and named on one line', () => {
  const files = withTerms(['Ein Large\r\nLanguage Model ist groß.'], [['Large Language Model', 'Large-Language-Model']]);
  const { actions, document } = actionsOf(files, ['quickfix']);
  const fix = actions.find((action) => action.title === 'Link "Large Language Model" to #Large-Language-Model');
  assert.ok(fix, actions.map((action) => action.title).join(', '));
  assert.equal(fix.diagnostics?.[0]?.message, '"Large Language Model" is an entry of the glossary: link it to #Large-Language-Model.');
  const before = document.getText();
  const at = before.indexOf('Large\r\n');
  const expected = `${before.slice(0, at)}[Large\r\nLanguage Model](#Large-Language-Model)${before.slice(at + 'Large\r\nLanguage Model'.length)}`;
  assert.equal(applied(fix, document), expected);
});

test('a "Long Name (ABBR)" title is linked with its closing parenthesis, and the label is escaped', () => {
  const files = withTerms(['**Artificial General Intelligence (AGI)** ist ein Ziel.'], [['Artificial General Intelligence (AGI)', 'Artificial-General-Intelligence']]);
  const { actions, document } = actionsOf(files, ['quickfix']);
  const fix = actions.find((action) => action.title.startsWith('Link "Artificial General Intelligence (AGI)"'));
  assert.ok(fix, actions.map((action) => action.title).join(', '));
  assert.equal(applied(fix, document).split('\n')[2], '**[Artificial General Intelligence (AGI)](#Artificial-General-Intelligence)** ist ein Ziel.');
  const range = { start: { line: 2, character: 0 }, end: { line: 2, character: 8 } };
  const diagnostic = { range, code: DiagnosticCode.UnlinkedMention, data: { kind: DiagnosticCode.UnlinkedMention, target: 'X', text: 'a[b]\\c' } } as unknown as GlossaryDiagnostic;
  assert.equal(linkMentionEdit(diagnostic)?.newText, '[a\\[b\\]\\\\c](#X)');
});

/** An abbreviation stub as the real glossary writes them: "**GPU** steht für [Graphics Processing Unit](#…)". */
const gpuStub = [
  '## GPU {#GPU .chapter .small .term}',
  '',
  '**GPU** steht für "[Graphics Processing Unit](#Graphics-Processing-Unit)".',
  '',
  '### Verwandte oder andere interessante Themen: {.seealso}',
  '',
  '[Graphics Processing Unit](#Graphics-Processing-Unit) |',
  '[Index](#Index) |',
  '',
  '----',
];

test('an abbreviation stub: its name is not suggested in the entry it points at, and elsewhere links that entry', () => {
  const files: Files = {
    'GPU.md': gpuStub,
    'Graphics-Processing-Unit.md': entryLines('Graphics Processing Unit', 'Graphics-Processing-Unit', [], ['GPUs rechnen parallel.']),
    'A.md': entryLines('A', 'A', [], ['Eine GPU rechnet.', '', '### Mehr {.explanation}', '', 'Die [GPU](#GPU) ist eine Graphics Processing Unit.']),
  };
  assert.deepEqual(mentionsOf(files, 'Graphics-Processing-Unit.md'), []);
  // The second section links the stub: that links the entry, so its long name is no hint there.
  assert.deepEqual(mentionsOf(files, 'A.md'), ['2:5-2:8 GPU -> #Graphics-Processing-Unit']);
  // A title of parts joined by hyphens, such as "POS-Tagging", may be a stub too.
  const posStub = gpuStub.map((line) => line.replaceAll('GPU', 'GPU-Tagging'));
  assert.deepEqual(mentionsOf({ ...files, 'GPU.md': posStub, 'Graphics-Processing-Unit.md': entryLines('Graphics Processing Unit Tagging', 'Graphics-Processing-Unit', [], ['GPU-Tagging rechnet.']) }, 'Graphics-Processing-Unit.md'), []);
  // A short entry whose title abbreviates nothing it links is no stub.
  const notStub = { ...files, 'GPU.md': gpuStub.map((line) => line.replace('**GPU** steht', '**GPU** heißt')).map((line) => line.replace(/Graphics Processing Unit\]\(#Graphics-Processing-Unit\)"/, 'Grafikchip](#A)"')) };
  assert.deepEqual(mentionsOf(notStub, 'Graphics-Processing-Unit.md'), ['2:0-2:4 GPUs -> #GPU']);
});

test('an entry that becomes or stops being an abbreviation stub changes the hints of the open files that link it, as a fresh load gives them', async () => {
  const files: Record<string, string> = {
    [uriOf('Index.md')]: '# Index {#Index}',
    [uriOf('GPU.md')]: gpuStub.join('\n'),
    [uriOf('Graphics-Processing-Unit.md')]: entryLines('Graphics Processing Unit', 'Graphics-Processing-Unit', []).join('\n'),
    [uriOf('A.md')]: entryLines('A', 'A', [], ['Die [GPU](#GPU) ist eine Graphics Processing Unit.']).join('\n'),
  };
  const session = new GlossarySession(new InMemoryWorkspace(files), ['file:///ws']);
  await session.load(undefined, []);
  session.updateOpen({ uri: uriOf('A.md'), version: 1, text: files[uriOf('A.md')]! });
  const mentionsInA = (): string[] => session.diagnosticsOf(uriOf('A.md')).flatMap((diagnostic) => (diagnostic.data.kind === DiagnosticCode.UnlinkedMention ? [`${rangeText(diagnostic.range)} #${diagnostic.data.target}`] : []));
  // The section links the stub, which links the entry: its long name is no hint.
  assert.deepEqual(mentionsInA(), []);
  // GPU gets a section of its own: no stub any more, so the long name in A.md is an unlinked entry.
  const entry = gpuStub.flatMap((line) => (line.startsWith('### Verwandte') ? ['### Mehr {.explanation}', '', 'Rechnet parallel.', '', line] : [line]));
  session.updateOpen({ uri: uriOf('GPU.md'), version: 1, text: entry.join('\n') });
  await session.refreshMentions();
  assert.deepEqual(mentionsInA(), ['2:25-2:49 #Graphics-Processing-Unit']);
  // A stub again: the hint goes.
  session.updateOpen({ uri: uriOf('GPU.md'), version: 2, text: gpuStub.join('\n') });
  await session.refreshMentions();
  assert.deepEqual(mentionsInA(), []);
});

test('of two entries with one id, the one in the first file by name is the term, whichever was read first', async () => {
  const agentic = (id: string): string => entryLines('Agentic AI', id, []).join('\n');
  const files: Record<string, string> = {
    [uriOf('Index.md')]: '# Index {#Index}',
    [uriOf('Agentic-AI.md')]: agentic('Deep-Learning'),
    [uriOf('Deep-Learning.md')]: entryLines('DL (Deep Learning)', 'Deep-Learning', []).join('\n'),
    [uriOf('GPU.md')]: entryLines('GPU', 'GPU', [], ['Für Deep Learning.']).join('\n'),
  };
  const messagesOf = (session: GlossarySession): string[] =>
    session.diagnosticsOf(uriOf('GPU.md'), true).flatMap((diagnostic) => (diagnostic.data.kind === DiagnosticCode.UnlinkedMention ? [diagnostic.message] : []));
  const fresh = new GlossarySession(new InMemoryWorkspace(files), ['file:///ws']);
  await fresh.load(listedInProblems, []);
  await fresh.refreshMentions(true);
  assert.deepEqual(messagesOf(fresh), ['"Deep Learning" names the entry "Agentic AI": link it to #Deep-Learning.']);
  // Read the other way round: Agentic-AI.md gets the id on disk after Deep-Learning.md was read.
  const workspace = new InMemoryWorkspace({ ...files, [uriOf('Agentic-AI.md')]: agentic('Agentic-AI') });
  const edited = new GlossarySession(workspace, ['file:///ws']);
  await edited.load(listedInProblems, []);
  workspace.set(uriOf('Agentic-AI.md'), files[uriOf('Agentic-AI.md')]!);
  await edited.refreshFromDisk(uriOf('Agentic-AI.md'));
  await edited.refreshMentions(true);
  assert.deepEqual(messagesOf(edited), messagesOf(fresh));
});

test('no mention in suspended compounds, gender forms, indented code, math, comments over blank lines, or lower-case English', () => {
  const terms: [string, string][] = [
    ['Tensor', 'Tensor'],
    ['Agent', 'Agent'],
    ['Learning', 'Learning'],
    ['TensorFlow', 'TensorFlow'],
  ];
  const body = [
    'Für Tensor- und Matrixberechnungen, Daten- und -Tensor, Agent:innen und Agent*innen ("learning to learn").',
    'Tensor-, Agent-/Modellkosten, [LLM](#LLM)-Agenten, **[RLHF](#RLHF)-Tensor**, "Do Anything Now"-Agent, `x`-Learning.',
    '',
    '    TensorFlow im Code',
    '    Agent',
    '',
    'Formel $Tensor + x$ und $$Agent$$, aber $5 und $10 für Learning.',
    '',
    '<!-- Kommentar',
    '',
    'Tensor im Kommentar',
    '',
    'Ende --> danach TensorFlow.',
    '',
    '- Liste',
    '',
    '    Fortsetzung mit Agent.',
  ];
  assert.deepEqual(mentionsOf(withTerms(body, terms), 'A.md'), [
    '8:55-8:63 Learning -> #Learning',
    '14:16-14:26 TensorFlow -> #TensorFlow',
    '18:20-18:25 Agent -> #Agent',
  ]);
});

test('code spans and math end where pandoc ends them: text after an unclosed run of backticks, or between a $ that closes nothing and math, is prose', () => {
  const terms: [string, string][] = [['Tensor', 'Tensor']];
  // Pandoc: `` literal, the code span "y", then Tensor` as text; $x$5 is no math (a digit follows), $y$ is.
  assert.deepEqual(mentionsOf(withTerms(['x ``` y `Tensor` z'], terms), 'A.md'), ['2:9-2:15 Tensor -> #Tensor']);
  assert.deepEqual(mentionsOf(withTerms(['a $x$5 und Tensor $y$'], terms), 'A.md'), ['2:11-2:17 Tensor -> #Tensor']);
  assert.deepEqual(mentionsOf(withTerms(['a `Tensor` and $Tensor$'], terms), 'A.md'), []);
});

test('no mention where a link would be read as something else: an image after !, a citation after @, a link with attributes before {', () => {
  const terms: [string, string][] = [['TensorFlow', 'TensorFlow']];
  // (Only the first mention of a section is named: each case is a paragraph of its own.)
  assert.deepEqual(mentionsOf(withTerms(['Toll!TensorFlow, @TensorFlow und TensorFlow{.x} nicht.'], terms), 'A.md'), []);
  assert.deepEqual(mentionsOf(withTerms(['Aber TensorFlow! schon.'], terms), 'A.md'), ['2:5-2:15 TensorFlow -> #TensorFlow']);
  assert.deepEqual(mentionsOf(withTerms(['Und (@x, TensorFlow) auch.'], terms), 'A.md'), ['2:9-2:19 TensorFlow -> #TensorFlow']);
});

test('no mention inside an HTML element pandoc keeps verbatim (pre, script, style, textarea), and after it on its line; in a div, as pandoc reads Markdown there', () => {
  const terms: [string, string][] = [
    ['Tensor', 'Tensor'],
    ['Agent', 'Agent'],
    ['Modell', 'Modell'],
  ];
  const body = ['<pre>', 'Tensor als Text', '</pre>', '', '<SCRIPT type="x">', 'var Agent;', '</SCRIPT>', '', '<div>', 'Ein Agent.', '</div>', '', 'Danach ein Tensor.'];
  assert.deepEqual(mentionsOf(withTerms(body, terms), 'A.md'), ['11:4-11:9 Agent -> #Agent', '14:11-14:17 Tensor -> #Tensor']);
  // An element on one line with prose after it; one that interrupts a paragraph; prose after the closing tag.
  const inline = ['<pre>Modell</pre> Ein Agent hier.', '', 'Text davor', '<pre>', 'der Tensor', '</pre> und ein Modell.'];
  assert.deepEqual(mentionsOf(withTerms(inline, terms), 'A.md'), ['2:22-2:27 Agent -> #Agent', '7:15-7:21 Modell -> #Modell']);
});

test('at information, a heading edit that changes no form leaves the terms alone; a new title reads again only the files holding its first word', async () => {
  const files: Record<string, string> = {
    [uriOf('Index.md')]: '# Index {#Index}',
    [uriOf('Bahn.md')]: entryLines('Zug', 'Bahn', [], ['Ein Zug.']).join('\n'),
    [uriOf('A.md')]: entryLines('A', 'A', [], ['Mit TensorFlow gebaut.']).join('\n'),
    [uriOf('B.md')]: entryLines('B', 'B', [], ['Ohne das Wort.']).join('\n'),
    [uriOf('C.md')]: entryLines('C', 'C', [], ['Ein Zug fährt.']).join('\n'),
  };
  const { workspace, reads } = countingWorkspace(files);
  const session = new GlossarySession(workspace, ['file:///ws']);
  await session.load(listedInProblems, []);
  assert.deepEqual(reads.filter((uri) => uri.endsWith('.md')).sort(), Object.keys(files).sort(), 'each file is read once at load');
  const mentionsIn = (name: string): string[] =>
    session.diagnosticsOf(uriOf(name)).flatMap((diagnostic) => (diagnostic.data.kind === DiagnosticCode.UnlinkedMention ? [`${rangeText(diagnostic.range)} ${diagnostic.data.text}`] : []));
  assert.deepEqual(mentionsIn('C.md'), ['2:4-2:7 Zug']);
  const zug = (heading: string): string => [heading, ...entryLines('Zug', 'Bahn', [], ['Ein Zug.']).slice(1)].join('\n');
  const version = session.index.termsVersion;
  session.updateOpen({ uri: uriOf('Bahn.md'), version: 2, text: zug('## *Zug* {#Bahn .chapter .small .term .neu lang=de}') });
  assert.equal(session.index.termsVersion, version, 'a class, an attribute or emphasis changes no form');
  assert.equal(session.mentionsOutdated(), false);

  reads.length = 0;
  session.updateOpen({ uri: uriOf('Bahn.md'), version: 3, text: zug('## TensorFlow {#Bahn .chapter .small .term}') });
  assert.equal(session.mentionsOutdated(), true);
  assert.deepEqual([...(await session.refreshMentions()).affectedUris].sort(), [uriOf('A.md'), uriOf('C.md')]);
  assert.deepEqual(reads.sort(), [uriOf('A.md'), uriOf('C.md')], 'A holds the new form, C the old one; B and the index are not read');
  assert.deepEqual(mentionsIn('A.md'), ['2:4-2:14 TensorFlow']);
  assert.deepEqual(mentionsIn('C.md'), []);
  assert.deepEqual(mentionsIn('B.md'), []);
});

test('at information, an entry retitled under the same id is named by its new title in the mentions of the other files', async () => {
  const files: Record<string, string> = {
    [uriOf('Index.md')]: '# Index {#Index}',
    [uriOf('Gamma.md')]: entryLines('Gamma', 'Gamma', [], ['Text.']).join('\n'),
    [uriOf('Beta.md')]: entryLines('Beta', 'Beta', [], ['Beta verweist auf Gamma.']).join('\n'),
  };
  const session = new GlossarySession(new InMemoryWorkspace(files), ['file:///ws']);
  await session.load(listedInProblems, []);
  const messagesIn = (name: string): string[] => session.diagnosticsOf(uriOf(name)).filter((diagnostic) => diagnostic.code === DiagnosticCode.UnlinkedMention).map((diagnostic) => diagnostic.message);
  assert.deepEqual(messagesIn('Beta.md'), ['"Gamma" is an entry of the glossary: link it to #Gamma.']);
  session.updateOpen({ uri: uriOf('Gamma.md'), version: 2, text: entryLines('Delta', 'Gamma', [], ['Text.']).join('\n') });
  assert.ok((await session.refreshMentions()).affectedUris.has(uriOf('Beta.md')), 'the file that mentions it is published again');
  assert.deepEqual(messagesIn('Beta.md'), ['"Gamma" names the entry "Delta": link it to #Gamma.']);
});

test('at information, a new title whose first word lowers differently in its two initials (ılık, Ilık) still reaches the closed files that hold it', async () => {
  const files: Record<string, string> = {
    [uriOf('Index.md')]: '# Index {#Index}',
    [uriOf('B.md')]: entryLines('Zug', 'B', [], ['Ein Text.']).join('\n'),
    [uriOf('A.md')]: entryLines('A', 'A', [], ['Die Ilık Su hier.']).join('\n'),
  };
  const session = new GlossarySession(new InMemoryWorkspace(files), ['file:///ws']);
  await session.load(listedInProblems, []);
  const mentionsIn = (name: string): string[] =>
    session.diagnosticsOf(uriOf(name)).flatMap((diagnostic) => (diagnostic.data.kind === DiagnosticCode.UnlinkedMention ? [`${rangeText(diagnostic.range)} ${diagnostic.data.text}`] : []));
  assert.deepEqual(mentionsIn('A.md'), []);
  session.updateOpen({ uri: uriOf('B.md'), version: 2, text: files[uriOf('B.md')]!.replace('## Zug', '## ılık Su') });
  assert.deepEqual([...(await session.refreshMentions()).affectedUris], [uriOf('A.md')]);
  assert.deepEqual(mentionsIn('A.md'), ['2:4-2:11 Ilık Su']);
});

test('with unlinked-mention off, no file is read for mentions: neither at load nor when the terms change', async () => {
  const files: Record<string, string> = {
    [uriOf('.glossary.json')]: JSON.stringify({ severity: { 'unlinked-mention': 'off' } }),
    [uriOf('A.md')]: entryLines('A', 'A', [], ['Mit TensorFlow gebaut.']).join('\n'),
    [uriOf('TensorFlow.md')]: entryLines('TensorFlow', 'TensorFlow', []).join('\n'),
  };
  const { workspace, reads } = countingWorkspace(files);
  const session = new GlossarySession(workspace, ['file:///ws']);
  await session.load(undefined, []);
  assert.deepEqual(reads.filter((uri) => uri.endsWith('.md')).sort(), [uriOf('A.md'), uriOf('TensorFlow.md')]);
  reads.length = 0;
  session.updateOpen({ uri: uriOf('TensorFlow.md'), version: 2, text: entryLines('Tensor Flow', 'TensorFlow', []).join('\n') });
  assert.equal(session.mentionsOutdated(), false);
  await session.refreshMentions();
  assert.deepEqual(reads, []);
});

test('glossary check reads each file once and still reports unlinked mentions', async () => {
  const files: Record<string, string> = {
    [uriOf('A.md')]: entryLines('A', 'A', [], ['Mit TensorFlow gebaut.']).join('\n'),
    [uriOf('TensorFlow.md')]: entryLines('TensorFlow', 'TensorFlow', []).join('\n'),
  };
  const { workspace, reads } = countingWorkspace(files);
  let stdout = '';
  const io: CliIo = { cwd: '/ws', workspace, stdout: (text) => (stdout += text), stderr: () => undefined } as CliIo;
  await runCli(['check', '.'], io);
  assert.deepEqual(reads.filter((uri) => uri.endsWith('.md')).sort(), [uriOf('A.md'), uriOf('TensorFlow.md')]);
  assert.match(stdout, /A\.md:3:5: hint unlinked-mention "TensorFlow"/);
});

/** An in-memory workspace that records the URIs it reads. */
function countingWorkspace(files: Record<string, string>): { workspace: Workspace; reads: string[] } {
  const workspace = new InMemoryWorkspace(files);
  const reads: string[] = [];
  const readFile = workspace.readFile.bind(workspace);
  workspace.readFile = (uri: string) => {
    reads.push(uri);
    return readFile(uri);
  };
  return { workspace, reads };
}

/** Where a section starts: the innermost heading at or above the line within the entry. */
function sectionStart(document: ReturnType<typeof parseGlossaryDocument>, line: number): number {
  return Math.max(...document.headings.filter((heading) => heading.range.start.line <= line).map((heading) => heading.range.start.line));
}

test('the real glossary: mentions at known places, and none inside links, code or headings, nor in its own entry, nor twice per section', () => {
  const index = new WorkspaceIndex();
  const texts = new Map<string, string>();
  for (const name of fs.readdirSync(corpusEntries).sort()) {
    const text = fs.readFileSync(path.join(corpusEntries, name), 'utf8');
    texts.set(name, text);
    index.update(parseGlossaryDocument(text, name, 0, { termClass: defaultConfig.termClass }));
  }
  const found: { file: string; line: number; character: number; text: string; target: string }[] = [];
  const perSection = new Set<string>();
  for (const [name, text] of texts) {
    const document = index.document(name)!;
    const lines = text.split(/\r\n|\r|\n/);
    for (const diagnostic of computeDiagnostics(document, index, defaultConfig, text)) {
      const { data } = diagnostic;
      if (data.kind !== DiagnosticCode.UnlinkedMention) continue;
      const { start, end } = diagnostic.range;
      found.push({ file: name, line: start.line + 1, character: start.character, text: data.text, target: data.target });
      const where = `${name}:${start.line + 1}:${start.character + 1} "${data.text}"`;
      // The text is the file's own over the range.
      if (start.line === end.line) assert.equal(lines[start.line]!.slice(start.character, end.character), data.text, where);
      const overlaps = (range: { start: { line: number; character: number }; end: { line: number; character: number } }): boolean =>
        (range.start.line < end.line || (range.start.line === end.line && range.start.character < end.character)) &&
        (start.line < range.end.line || (start.line === range.end.line && start.character < range.end.character));
      assert.ok(!document.links.some((link) => overlaps(link.range)), `${where} lies in a link`);
      assert.ok(!document.headings.some((heading) => heading.range.start.line <= start.line && start.line <= heading.range.end.line), `${where} lies in a heading`);
      assert.ok(!document.codeFences.some((fence) => fence.range.start.line <= start.line && start.line <= fence.range.end.line), `${where} lies in code`);
      assert.ok(!/`/.test(lines[start.line]!.slice(0, start.character).replace(/`[^`]*`/g, '')), `${where} lies in a code span`);
      const entry = document.entries.find((candidate) => candidate.range.start.line <= start.line && start.line <= candidate.range.end.line);
      assert.ok(entry, `${where} lies in an entry`);
      assert.notEqual(entry.id, data.target, `${where}: no mention of an entry in itself`);
      const section = `${name}:${sectionStart(document, start.line)}:${data.target}`;
      assert.ok(!perSection.has(section), `${where}: the term was reported before in this section`);
      perSection.add(section);
      const linkedInSection = entry.bodyLinks.some((link) => link.target === data.target && sectionStart(document, link.range.start.line) === sectionStart(document, start.line));
      assert.ok(!linkedInSection, `${where}: the section links the term already`);
    }
  }
  const at = (file: string, line: number, text: string): { target: string } | undefined => found.find((mention) => mention.file === file && mention.line === line && mention.text === text);
  // Read in the files: Text-to-3D.md line 36 names NeRF (line 15 links it, in another section).
  assert.match(texts.get('Text-to-3D.md')!.split('\n')[35]!, /NeRF/);
  assert.equal(at('Text-to-3D.md', 36, 'NeRF')?.target, 'Neural-Radiance-Fields', 'NeRF is a stub of Neural Radiance Fields');
  // Normalization.md line 104: "... LSTMs oder GRUs": plural endings on acronyms.
  assert.match(texts.get('Normalization.md')!.split('\n')[103]!, /LSTMs.*GRUs/);
  assert.equal(at('Normalization.md', 104, 'GRUs')?.target, 'Gated-Recurrent-Unit');
  // DeepMind.md line 49: "**Artificial General Intelligence (AGI)**": the whole name, parentheses closed.
  assert.match(texts.get('DeepMind.md')!.split('\n')[48]!, /^- \*\*Artificial General Intelligence \(AGI\)\*\*/);
  assert.equal(found.find((mention) => mention.file === 'DeepMind.md' && mention.line === 49)?.text, 'Artificial General Intelligence (AGI)');
  assert.equal(at('DeepMind.md', 49, 'Artificial General Intelligence (AGI)')?.target, 'Artificial-General-Intelligence');
  // Graphics-Processing-Unit.md speaks of GPUs throughout; GPU.md is its stub.
  assert.ok(!found.some((mention) => mention.file === 'Graphics-Processing-Unit.md' && mention.text.startsWith('GPU')));
  // Part-of-Speech-Tagging.md line 34 opens with "POS-Tagging"; POS-Tagging.md, a title of two parts, is its stub.
  assert.match(texts.get('Part-of-Speech-Tagging.md')!.split('\n')[33]!, /^POS-Tagging /);
  assert.ok(!found.some((mention) => mention.file === 'Part-of-Speech-Tagging.md' && mention.text.startsWith('POS')));
  // Graphics-Processor-Unit.md line 14: "Tensor- und Matrixberechnungen" is no mention of Tensor.
  assert.match(texts.get('Graphics-Processor-Unit.md')!.split('\n')[13]!, /Tensor- und/);
  assert.ok(!found.some((mention) => mention.file === 'Graphics-Processor-Unit.md' && mention.line === 14 && mention.target === 'Tensor'));
  // Common-Crawl-Foundation.md line 96: "[LLM](#LLM)-Training" is a compound, no mention of Training.
  assert.match(texts.get('Common-Crawl-Foundation.md')!.split('\n')[95]!, /\[LLM\]\(#LLM\)-Training/);
  assert.ok(!found.some((mention) => mention.file === 'Common-Crawl-Foundation.md' && mention.line === 96 && mention.target === 'Training'));
  // Few-Shot-Learning.md line 22: ("learning to learn") is English, no mention of Learning.
  assert.ok(!found.some((mention) => mention.file === 'Few-Shot-Learning.md' && mention.line === 22 && mention.target === 'Learning'));
  assert.ok(!found.some((mention) => mention.text === 'Amazon'), '"Bedrock (Amazon)" is not named Amazon');
  assert.ok(!found.some((mention) => mention.target === 'KI'), 'two-letter terms are not looked for');
  assert.ok(!found.some((mention) => mention.text.includes('(') !== mention.text.includes(')')), 'no half parentheses');
});

// Closed files are scanned for mentions (severity information). A term's file is deleted and made
// again (git checkout/stash, an undo) before the delayed mention refresh runs; meanwhile a closed
// file mentioning the term is published (for another reason) without that mention, since
// `unlinkedMentions` without a text filters the kept findings by `isDefined`. The refresh then
// reworks the file, compares with the unfiltered findings (`reworkMentions`), sees no change, and
// never republishes it: the editor keeps showing the file without the mention.
test('a closed file published while a mentioned term was gone is published again when the term is back', async () => {
  const text = (lines: readonly string[]) => lines.join('\n');
  const quitte = text(entryLines('Quitte', 'Quitte', []));
  const workspace = new InMemoryWorkspace({
    [uriOf('Index.md')]: '# Index {#Index}',
    [uriOf('Apfel.md')]: text(entryLines('Apfel', 'Apfel', [], ['Der Apfel ist runder als die Quitte.'])),
    [uriOf('Quitte.md')]: quitte,
  });
  const session = new GlossarySession(workspace, ['file:///ws']);
  await session.load({ severity: { 'unlinked-mention': 'information' } }, []);
  const apfel = uriOf('Apfel.md');
  const mentions = () => session.diagnosticsOf(apfel).filter((diagnostic) => diagnostic.code === 'unlinked-mention').map((diagnostic) => diagnostic.message);
  // What the editor shows: the diagnostics as last published for the affected files.
  let shown = mentions();
  const publish = (change: { readonly affectedUris: ReadonlySet<string> } | undefined) => {
    if (change?.affectedUris.has(apfel)) shown = mentions();
  };
  assert.deepEqual(shown, ['"Quitte" is an entry of the glossary: link it to #Quitte.']);

  workspace.set(uriOf('Quitte.md'), undefined);
  publish(await session.removeFile(uriOf('Quitte.md')));
  // Another file now links to #Apfel: Apfel.md is published (its orphan-entry goes), without the mention.
  workspace.set(uriOf('B.md'), text(entryLines('B', 'B', ['[Apfel](#Apfel)'])));
  publish(await session.refreshFromDisk(uriOf('B.md')));
  assert.deepEqual(shown, []);

  // Quitte.md is back before the refresh (300 ms after a publication in server.ts) has run.
  workspace.set(uriOf('Quitte.md'), quitte);
  publish(await session.refreshFromDisk(uriOf('Quitte.md')));
  assert.ok(session.mentionsOutdated());
  publish(await session.refreshMentions());

  assert.deepEqual(mentions(), ['"Quitte" is an entry of the glossary: link it to #Quitte.'], 'the diagnostics worked out now');
  assert.deepEqual(shown, mentions(), 'Apfel.md published again');
});
