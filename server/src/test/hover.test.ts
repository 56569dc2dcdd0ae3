import { shorten, textBefore } from '../features/entryPreview';
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { MarkupContent } from 'vscode-languageserver';
import { hoverAt } from '../features/hover';
import { prepareRename, RenameRefused } from '../features/rename';
import { cancelled, notCancelled, withCursor } from './support/cursor';
import { entryLines, uriOf } from './support/tinyWorkspace';

async function hoverTextAt(files: Readonly<Record<string, readonly string[]>>): Promise<string | undefined> {
  const { index, uri, position } = withCursor(files);
  const texts = new Map(Object.entries(files).map(([name, lines]) => [uriOf(name), lines.join('\n')]));
  const hover = await hoverAt(index, uri, position, notCancelled, async (target) => texts.get(target));
  return hover === null ? undefined : (hover.contents as MarkupContent).value;
}

const modelEntry = ['## Large Language Model {#LLM .chapter .small .term}', '', '***Ein Sprachmodell <b>groß</b>***', '', 'Text.'];

test('hover on a link shows the title, summary, file and line, the link count, and the lead paragraph', async () => {
  assert.equal(
    await hoverTextAt({ 'A.md': entryLines('A', 'A', ['[LLM](#LLM‸)']), 'LLM.md': modelEntry, 'B.md': ['[x](#LLM)'] }),
    [
      '**Large Language Model** `LLM`',
      // As pandoc reads it: markup and raw HTML left out.
      '*Ein Sprachmodell groß*',
      // Where and how linked before the preview, which may scroll in a hover.
      'LLM\\.md:1 · 2 links point here.',
      'Text\\.',
    ].join('\n\n'),
  );
});

test('a summary holding a reference link is shown once, with the lead paragraph after it', async () => {
  for (const summary of ['***Ein [Modell][m] für Text***', '***Ein [Modell] für Text***']) {
    const entry = ['## Eintrag {#E .chapter .small .term}', '', summary, '', 'Die Definition.', '', '[m]: #LLM', '[Modell]: #LLM'];
    const text = await hoverTextAt({ 'A.md': ['[x](#E‸)'], 'E.md': entry, 'LLM.md': modelEntry });
    assert.match(text!, /^\*\*Eintrag\*\* `E`\n\n\*Ein Modell für Text\*\n\nE\\\.md:1 · 1 link points here\.\n\nDie Definition\\\.$/, summary);
  }
});

test('a tab in a title or in the explanation\'s heading keeps the lead and the explanation in the hover', async () => {
  const tabbed = ['## Large\tLanguage Model {#LLM .chapter .small .term}', '', '***Ein Sprachmodell***', '', 'Text.', '', '### Was\tist das? {.explanation}', '', 'Erklärt.'];
  const text = await hoverTextAt({ 'A.md': entryLines('A', 'A', ['[LLM](#LLM‸)']), 'LLM.md': tabbed });
  assert.match(text!, /\n\nText\\\.\n\n/);
  assert.match(text!, /Erklärt\\\./);
});

test('hover on a broken link says so briefly and names the ids its quick fixes offer: an entry named by title before a close spelling', async () => {
  assert.equal(
    await hoverTextAt({ 'A.md': ['[x](#llm‸)'], 'LLM.md': modelEntry }),
    '**Broken link** `llm`\n\nPerhaps meant: `LLM` (Large Language Model)\n\nThis is the only link to this id.',
  );
  const files = { 'Generative-Adversarial-Network.md': ['## Generative Adversarial Network (GAN) {#Generative-Adversarial-Network .term}'], 'DAN.md': ['## DAN {#DAN .term}'] };
  assert.equal(
    await hoverTextAt({ ...files, 'A.md': ['[GAN](#GAN‸)'] }),
    '**Broken link** `GAN`\n\nPerhaps meant: `Generative-Adversarial-Network` (GAN)\n\nThis is the only link to this id.',
  );
  const agents = { 'Agent.md': ['## Agent {#Agent .term}'], 'Systeme.md': ['## Systeme aus Agenten {#Agenten-Systeme .term}'] };
  assert.equal(
    await hoverTextAt({ ...agents, 'A.md': ['[Agent](#Agenten-System‸)'] }),
    '**Broken link** `Agenten-System`\n\nPerhaps meant: `Agent` (named by the link\\\'s text), `Agenten-Systeme` (Systeme aus Agenten)\n\nThis is the only link to this id.',
  );
  // No spelling comes close: the entry of a narrower term is suggested, as its quick fix is.
  assert.equal(
    await hoverTextAt({ ...files, 'ANN.md': ['## Artificial Neural Network {#Artificial-Neural-Network .term}'], 'A.md': ['[Netz](#Neural-Network‸)'] }),
    '**Broken link** `Neural-Network`\n\nPerhaps meant: `Artificial-Neural-Network`\n\nThis is the only link to this id.',
  );
  // How much hangs on the id: here two links in one file.
  assert.equal(await hoverTextAt({ ...files, 'A.md': ['[x](#Quantum‸) [y](#Quantum)'] }), '**Broken link** `Quantum`\n\nNo existing id comes close enough to suggest.\n\n2 links in this file point at this id.');
  // A section's id says where it leads.
  assert.equal(
    (await hoverTextAt({ ...files, 'Hybrid.md': ['## Hybride KI {#Hybride-KI .term}', '', '### Neurosymbolische Systeme'], 'A.md': ['[x](#Neurosymbolische-Systeme‸)'] }))?.replace(/\\(.)/g, '$1'),
    '**Broken link** `Neurosymbolische-Systeme`\n\nPerhaps meant: `neurosymbolische-systeme` (section "Neurosymbolische Systeme" in Hybrid.md)\n\nThis is the only link to this id.',
  );
  // A file named after the missing id that holds a copy of another entry (the real glossary's Claude.md
  // holds one of CNN): the quick fix writes the entry over it, as long as CNN.md holds every line of it.
  const cnn = ['## Convolutional Neural Network {#CNN .term}'];
  assert.equal(
    (await hoverTextAt({ ...files, 'CNN.md': cnn, 'Claude.md': cnn, 'A.md': ['[Claude](#Claude‸)'] }))?.replace(/\\(.)/g, '$1'),
    '**Broken link** `Claude`\n\nNo existing id comes close enough to suggest.\n\nThe file Claude.md holds a copy of CNN.md: a quick fix writes the entry for this id over it.\n\nThis is the only link to this id.',
  );
  assert.equal(
    (await hoverTextAt({ ...files, 'CNN.md': cnn, 'Claude.md': [...cnn, '', 'Anthropic.'], 'A.md': ['[Claude](#Claude‸)'] }))?.replace(/\\(.)/g, '$1').split('\n\n')[2],
    'A file Claude.md exists, but its entry "Convolutional Neural Network" has the id "CNN".',
  );
  // A file whose entry's id a quick fix can change to the file's name, first when that is the fix to apply.
  const vision = { 'Computer-Vision.md': ['## Computer Vision {#ComputerVision .term}'], 'B.md': ['[b](#Computer-Vision)'] };
  assert.deepEqual((await hoverTextAt({ ...vision, 'A.md': ['[a](#Computer-Vision‸)'] }))?.replace(/\\(.)/g, '$1').split('\n\n'), [
    '**Broken link** `Computer-Vision`',
    'A file Computer-Vision.md exists, and its entry "Computer Vision" has the id "ComputerVision": a quick fix changes that id to the file\'s name.',
    'Perhaps meant: `ComputerVision` (Computer Vision)',
    '2 links in 2 files point at this id.',
  ]);
});

test('hover on a link that names no id (`[x](#)`, as while it is typed) says so; rename refuses it', async () => {
  assert.equal(await hoverTextAt({ 'A.md': ['[x](‸#)'] }), '**Broken link**\n\nThe link names no id after \\#\\.');
  const { index, uri, position } = withCursor({ 'A.md': ['[x](#‸)'] });
  assert.throws(() => prepareRename(index, uri, position), RenameRefused);
});

test('hover on a link to #Index that no heading defines tells, in a line, that there is no index page (the diagnostic above tells what to do)', async () => {
  const text = await hoverTextAt({ 'A.md': entryLines('A', 'A', []).map((line) => line.replace('(#Index)', '(#Index‸)')) });
  // As shown: the Markdown escapes taken away.
  assert.equal(
    text?.replace(/\\(.)/g, '$1'),
    [
      '**Broken link** `Index`',
      'There is no index page.',
      'This is the only link to this id.',
    ].join('\n\n'),
  );
  const withPage = await hoverTextAt({
    'A.md': entryLines('A', 'A', []).map((line) => line.replace('(#Index)', '(#Index‸)')),
    'Register.md': ['# Register', '', '### A {.index}', '', '[A](#A) |'],
  });
  assert.equal(withPage?.replace(/\\(.)/g, '$1').split('\n\n')[1], 'The index page, Register.md, has no heading with the id Index.');
});

test('hover on a link to an automatic id that several files give lists five places and tells what pandoc makes of it', async () => {
  const files: Record<string, readonly string[]> = { 'A.md': ['[x](#anwendungsbereiche‸)'] };
  for (const name of ['B', 'C', 'D', 'E', 'F', 'G', 'H']) files[`${name}.md`] = [`## ${name} {#${name} .term}`, '', '### Anwendungsbereiche {.explanation}'];
  const text = await hoverTextAt(files);
  assert.equal(
    text?.replace(/\\(.)/g, '$1'),
    [
      '**Anwendungsbereiche** `anwendungsbereiche`',
      'B.md:3, C.md:3, D.md:3, E.md:3, F.md:3 and 2 more · 1 link points here.',
      'Defined 7 times. In the book, pandoc gives this automatic id to the first such heading only and numbers the others (anwendungsbereiche-1, anwendungsbereiche-2, …): an explicit {#id} is safer to link to.',
    ].join('\n\n'),
  );
});

test('hover on an entry heading counts the links and where they come from: entries, the index page, other files', async () => {
  assert.equal(
    await hoverTextAt({
      'LLM.md': ['## Large ‸Language Model {#LLM .chapter .small .term}'],
      'A.md': entryLines('A', 'A', ['[LLM](#LLM)'], ['Uses [LLM](#LLM) twice.']),
      'B.md': ['[x](#LLM)'],
    }),
    '`LLM`\n\n3 links point here. Sources: 1 entry and 1 file without an entry (B\\.md).',
  );
  // On the index page, a link is the index page's, though an entry follows below.
  assert.equal(
    await hoverTextAt({ 'LLM.md': ['## Large ‸Language Model {#LLM .chapter .small .term}'], 'Index.md': ['# Index {#Index}', '', '### L {.index}', '', '[LLM](#LLM) |', '', '## Anhang {#Anhang .term}'] }),
    '`LLM`\n\n1 link points here. Sources: the index page.',
  );
  // A link above the entry of its file comes from that entry's file.
  assert.equal(
    await hoverTextAt({ 'LLM.md': ['## Large ‸Language Model {#LLM .chapter .small .term}'], 'A.md': ['Vorwort: siehe [LLM](#LLM).', '', ...entryLines('A', 'A', [])] }),
    '`LLM`\n\n1 link points here. Sources: 1 entry.',
  );
  assert.equal(
    await hoverTextAt({
      'LLM.md': ['## Large ‸Language Model {#LLM .chapter .small .term}'],
      'A.md': entryLines('A', 'A', ['[LLM](#LLM)']),
      'C.md': entryLines('C', 'C', ['[LLM](#LLM)']),
      'Index.md': ['# Index {#Index}', '', '## L {.index}', '', '[LLM](#LLM) |'],
    }),
    '`LLM`\n\n3 links point here. Sources: 2 entries and the index page.',
  );
});

test('hover on a heading whose id is given again elsewhere says where, and which place the links lead to', async () => {
  const files = (cursorIn: 'LLM' | 'Copy'): Record<string, readonly string[]> => ({
    'LLM.md': [`## Large ${cursorIn === 'LLM' ? '‸' : ''}Language Model {#LLM .chapter .small .term}`],
    // In the book's order Copy.md comes first; the links' hover and definition show the entry in LLM.md.
    'Copy.md': [`## Again ${cursorIn === 'Copy' ? '‸' : ''}{#LLM .term}`],
    'A.md': entryLines('A', 'A', ['[LLM](#LLM)']),
  });
  const unescaped = async (cursorIn: 'LLM' | 'Copy') => (await hoverTextAt(files(cursorIn)))?.replace(/\\(.)/g, '$1');
  assert.equal(await unescaped('LLM'), '`LLM`\n\nDefined 2 times, also in Copy.md:1.\n\n1 link points here. Sources: 1 entry.');
  assert.equal(await unescaped('Copy'), '`LLM`\n\nDefined 2 times; links to it lead to the one in LLM.md:1.\n\n1 link points here. Sources: 1 entry.');
});

test('hover on an entry heading names the files without an entry that link to it, when they are few', async () => {
  const others = (count: number): Record<string, readonly string[]> =>
    Object.fromEntries([['LLM.md', ['## Large ‸Language Model {#LLM .chapter .small .term}']], ...Array.from({ length: count }, (_, i) => [`Notiz-${i + 1}.md`, ['[x](#LLM)']])]);
  const unescaped = async (count: number) => (await hoverTextAt(others(count)))?.replace(/\\(.)/g, '$1');
  assert.equal(await unescaped(1), '`LLM`\n\n1 link points here. Sources: 1 file without an entry (Notiz-1.md).');
  assert.equal(await unescaped(3), '`LLM`\n\n3 links point here. Sources: 3 files without an entry (Notiz-1.md, Notiz-2.md, and Notiz-3.md).');
  assert.equal(await unescaped(4), '`LLM`\n\n4 links point here. Sources: 4 files without an entry.');
});

test('hover on an entry heading says one link and one entry in the singular, and no link as such', async () => {
  assert.equal(
    await hoverTextAt({ 'LLM.md': ['## Large ‸Language Model {#LLM .chapter .small .term}'], 'A.md': entryLines('A', 'A', ['[LLM](#LLM)']) }),
    '`LLM`\n\n1 link points here. Sources: 1 entry.',
  );
  assert.equal(await hoverTextAt({ 'LLM.md': ['## Large ‸Language Model {#LLM .chapter .small .term}'], 'A.md': entryLines('A', 'A', []) }), '`LLM`\n\nNo link points here.');
  assert.equal(
    await hoverTextAt({ 'LLM.md': ['## Large ‸Language Model {#LLM .chapter .small .term}'], 'A.md': entryLines('A', 'A', ['[LLM](#LLM)'], ['Uses [LLM](#LLM).']) }),
    '`LLM`\n\n2 links point here. Sources: 1 entry.',
  );
});

test('hover on a link to an id that two files give explicitly says it is defined twice and whose entry it shows, without the note on automatic ids', async () => {
  const text = await hoverTextAt({ 'A.md': ['[x](#LLM‸)'], 'LLM.md': modelEntry, 'Copy.md': ['## Again {#LLM .term}'] });
  // The places, the one whose entry is shown first (in the book's order, Copy.md comes first).
  assert.match(text ?? '', /\n\nLLM\\\.md:1, Copy\\\.md:1 · 1 link points here\.\n\nDefined 2 times; the entry shown is the one in LLM\\\.md:1\\\.\n\n/);
  // A span's id defined twice: no entry is shown.
  const spans = await hoverTextAt({ 'A.md': ['[x](#Kern‸)'], 'B.md': ['Ein [Satz]{#Kern}.'], 'C.md': ['Ein [Satz]{#Kern}.'] });
  assert.match(spans ?? '', /\n\nDefined 2 times\.$/);
  // The same id given automatically by a heading of another file: the note.
  const mixed = await hoverTextAt({ 'A.md': ['[x](#llm‸)'], 'LLM.md': ['## Large Language Model {#llm .term}'], 'B.md': ['## B {#B .term}', '', '### LLM'] });
  assert.match((mixed ?? '').replace(/\\(.)/g, '$1'), /Defined 2 times\. In the book, pandoc gives this automatic id to the first such heading only/);
});

test('writer text cannot smuggle a command link into the hover', async () => {
  const text = await hoverTextAt({
    'A.md': ['[x](#E‸)'],
    'E.md': ['## [Click](command:evil) {#E .term}', '', '***<img src=x onerror=alert(1)>***'],
  });
  assert.ok(text !== undefined && !/(?<!\\)\]\(command:/.test(text) && !/(?<!\\)</.test(text), text);
});

test('hover answers nothing on plain text or once cancelled', async () => {
  assert.equal(await hoverTextAt({ 'A.md': ['plain ‸text'] }), undefined);
  const { index, uri, position } = withCursor({ 'A.md': ['[x](#A‸)', '', '## A {#A}'] });
  assert.equal(await hoverAt(index, uri, position, cancelled), null);
});

test('hover shows the first paragraph of the first explanation section as plain text, shortened, and the first items of the list it leads in to, their bold labels kept', async () => {
  const long = Array.from({ length: 80 }, (_, i) => `Wort${i}`).join(' ');
  const entry = [
    '## Large Language Model {#LLM .chapter .small .term}',
    '',
    '***Ein Sprachmodell***',
    '',
    '### Haiku {.haiku}',
    '',
    'Not this.',
    '',
    '### Beschreibung {.explanation}',
    '',
    'Ein **großes** [Modell](#Model) mit `Code`',
    'über zwei Zeilen.',
    '',
    'Nicht der zweite Absatz.',
  ];
  assert.equal(
    await hoverTextAt({ 'A.md': ['[x](#LLM‸)'], 'LLM.md': entry }),
    ['**Large Language Model** `LLM`', '*Ein Sprachmodell*', 'LLM\\.md:1 · 1 link points here.', 'Ein großes Modell mit Code über zwei Zeilen\\.'].join('\n\n'),
  );
  // Raw HTML, a comment too, is markup that the book does not show.
  const withHtml = [...entry.slice(0, 10), 'Ein <!-- [C](#X) --> <b>großes</b> Modell.'];
  assert.equal((await hoverTextAt({ 'A.md': ['[x](#LLM‸)'], 'LLM.md': withHtml }))!.split('\n\n')[3], 'Ein großes Modell\\.');
  // A paragraph that leads in to a list goes on with its items, a list as Markdown shows one; a section that begins with a list shows them.
  const explanationOf = async (body: readonly string[]) => (await hoverTextAt({ 'A.md': ['[x](#LLM‸)'], 'LLM.md': [...entry.slice(0, 10), ...body] }))!.split('\n\n').slice(3);
  const leadIn = ['Es beruht auf:', '', '- **Transformer**: Aufmerksamkeit', '  - nicht die Unterpunkte', '- *Skalierung*', '', 'Nicht danach.'];
  assert.deepEqual(await explanationOf(leadIn), ['Es beruht auf:', '- **Transformer**: Aufmerksamkeit\n- Skalierung']);
  assert.deepEqual(await explanationOf(leadIn.slice(2)), ['- **Transformer**: Aufmerksamkeit\n- Skalierung']);
  // An item that only labels its sub-list is named without its colon.
  const labels = ['Es beruht auf:', '', '- **Bausteine**:', '  - **Encoder**: liest', '- **Verfahren**:', '  - Training'];
  assert.deepEqual(await explanationOf(labels), ['Es beruht auf:', '- **Bausteine**\n- **Verfahren**']);
  // The first three items, and that more follow; each item shortened.
  const many = ['Es beruht auf:', '', ...['Eins', 'Zwei', 'Drei', 'Vier', 'Fünf'].map((word) => `- ${word} ${'lang '.repeat(30)}`)];
  const [, list] = await explanationOf(many);
  assert.deepEqual(list!.split('\n').map((line) => line.slice(0, 8)), ['- Eins l', '- Zwei l', '- Drei l', '- …']);
  assert.ok(list!.split('\n').every((line) => line.length <= 94), list);
  // An item's first sentence (not ended by an abbreviation); the label parted from the text as written.
  const sentences = ['- **Erkennung**: Muster werden im Bild bzw. Text erkannt. Danach folgt mehr.', '- Extraktion der Daten.', '- **Monte-Carlo-Suche** (MCTS): Effiziente Suche', '- **Latenter Raum** (auch Code genannt):', '- **Fazit:** gut'];
  assert.deepEqual((await explanationOf(sentences)).map((text) => text.replace(/\\(.)/g, '$1')), [
    ['- **Erkennung**: Muster werden im Bild bzw. Text erkannt.', '- Extraktion der Daten.', '- **Monte-Carlo-Suche** (MCTS): Effiziente Suche', '- …'].join('\n'),
  ]);
  assert.deepEqual(await explanationOf(['- **Latenter Raum** (auch Code genannt):']), ['- **Latenter Raum** \\(auch Code genannt\\)']);
  assert.deepEqual(await explanationOf(['- **Fazit:** gut', '- **Nur** ein Wort']), ['- **Fazit**: gut\n- **Nur** ein Wort']);
  const shortened = await hoverTextAt({ 'A.md': ['[x](#LLM‸)'], 'LLM.md': [...entry.slice(0, 10), long] });
  const paragraph = shortened!.split('\n\n')[3]!;
  assert.ok(paragraph.endsWith('…') && paragraph.length <= 300 && paragraph.startsWith('Wort0 Wort1'), paragraph);
});

test('hover shows the lead paragraph, the writer\'s own definition, past the quoted one-liners and the summary', async () => {
  const turing = [
    '## Alan Turing {#Alan-Turing .chapter .small .term}',
    '',
    '- ***"Der Großvater der KI"***  (Grok)',
    '',
    '**Alan Turing** (1912-1954) war ein britischer Mathematiker',
    'und Logiker.',
    '',
    'Nicht der zweite Absatz.',
    '',
    '### Beiträge {.explanation}',
    '',
    'Turings Arbeiten.',
  ];
  // As shown: the Markdown escapes taken away; without the place and the link count, the summary and the preview.
  const whole = (text: string | undefined) => text!.replace(/\\(.)/g, '$1').split('\n\n');
  const shown = (text: string | undefined) => whole(text).filter((part) => !/^\S+\.md:\d+ · \d+ links? points? here\.$/.test(part));
  assert.deepEqual(whole(await hoverTextAt({ 'A.md': ['[x](#Alan-Turing‸)'], 'Alan-Turing.md': turing })), [
    '**Alan Turing** `Alan-Turing`',
    // The one-liner with who said it.
    '*"Der Großvater der KI" (Grok)*',
    'Alan-Turing.md:1 · 1 link points here.',
    'Alan Turing (1912-1954) war ein britischer Mathematiker und Logiker.',
    'Turings Arbeiten.',
  ]);
  // The one-liners above the writer's own line in bold italics: that line is the summary.
  const summaryBelow = ['## Alan Turing {#Alan-Turing .chapter .small .term}', '', '- ***"Der Großvater der KI"***  (Grok)', '', '***Mathematiker und Logiker***', '', '**Alan Turing** war Brite.'];
  assert.deepEqual(shown(await hoverTextAt({ 'A.md': ['[x](#Alan-Turing‸)'], 'Alan-Turing.md': summaryBelow })).slice(0, 3), ['**Alan Turing** `Alan-Turing`', '*Mathematiker und Logiker*', 'Alan Turing war Brite.']);
  // A word in bold italics in a sentence below is no line of the writer's own.
  const stressedBelow = [...summaryBelow.slice(0, 3), '', 'Ein Satz mit ***betontem*** Wort.'];
  assert.deepEqual(shown(await hoverTextAt({ 'A.md': ['[x](#Alan-Turing‸)'], 'Alan-Turing.md': stressedBelow }))[1], '*"Der Großvater der KI" (Grok)*');
  // A summary paragraph of its own is not shown twice; an abbreviation's entry shows all it says.
  const agi = ['## AGI {#AGI .chapter .small .term}', '', '***Allgemeine KI***', '', '**AGI** steht für "[Artificial General Intelligence](#AGI-Full)".', '', '### Siehe {.seealso}', '', '[Index](#Index) |'];
  assert.deepEqual(shown(await hoverTextAt({ 'A.md': ['[x](#AGI‸)'], 'AGI.md': agi })).slice(0, 3), ['**AGI**', '*Allgemeine KI*', 'AGI steht für "Artificial General Intelligence".']);
  // Bold italics in the lead are no summary; a pandoc div or a pipe table is no lead.
  const emphatic = ['## Sehr {#Sehr .chapter .small .term}', '', '::: {.note}', 'Hinweis im Div.', ':::', '', '| a | b |', '|---|---|', '| 1 | 2 |', '', 'Das ist ***sehr wichtig*** hier.', '', '### E {.explanation}', '', 'E.'];
  assert.deepEqual(shown(await hoverTextAt({ 'A.md': ['[x](#Sehr‸)'], 'Sehr.md': emphatic })).slice(1, 3), ['*sehr wichtig*', 'Das ist sehr wichtig hier.']);
  // A text that no longer fits the model (changed on disk, not yet read again) shows no preview.
  const { index, uri, position } = withCursor({ 'A.md': ['[x](#AGI‸)'], 'AGI.md': agi });
  const changed = await hoverAt(index, uri, position, notCancelled, async () => 'other text');
  assert.deepEqual(whole((changed!.contents as MarkupContent).value), ['**AGI**', '*Allgemeine KI*', 'AGI.md:1 · 1 link points here.']);
});

test('the lead is the paragraph after the summary, whatever remark makes of the summary\'s markup; hard breaks part words; an explanation passes over comments, divs and tables', async () => {
  // Without the place and the link count.
  const shown = (text: string | undefined) => text!.replace(/\\(.)/g, '$1').split('\n\n').filter((part) => !/^\S+\.md:\d+ · \d+ links? points? here\.$/.test(part));
  // As in the real glossary's AlphaGo.md and Layer-Normalization.md.
  const alphaGo = [
    '## AlphaGo {#AlphaGo .chapter .small .term}',
    '',
    "***Speziell für das Brettspiel *'Go'* entwickelte KI*** ",
    '',
    '- ***"Die KI, die Go-Meister zum Staunen brachte"***  (Grok)',
    '',
    '**AlphaGo** ist ein KI-System.',
  ];
  assert.deepEqual(shown(await hoverTextAt({ 'A.md': ['[x](#AlphaGo‸)'], 'AlphaGo.md': alphaGo })).slice(1, 3), ["*Speziell für das Brettspiel 'Go' entwickelte KI*", 'AlphaGo ist ein KI-System.']);
  const todo = ['## Layer Normalization {#LN .chapter .small .term}', '', '***??? TODO ***', '', '**Layer Normalization** normalisiert.'];
  assert.deepEqual(shown(await hoverTextAt({ 'A.md': ['[x](#LN‸)'], 'LN.md': todo })).slice(1, 3), ['*??? TODO*', 'Layer Normalization normalisiert.']);
  const summaryWithCode = ['## C {#C .chapter .small .term}', '', '***Mit `Code` &lt;und&gt; [Link](#X)***', '', 'Die Definition.'];
  assert.equal(shown(await hoverTextAt({ 'A.md': ['[x](#C‸)'], 'C.md': summaryWithCode }))[2], 'Die Definition.');
  // A lead that opens with the start of the summary in bold italics is the lead.
  const sameStart = ['## K {#K .chapter .small .term}', '', '***KI-System***', '', '***KI*** ist ein Begriff.'];
  assert.equal(shown(await hoverTextAt({ 'A.md': ['[x](#K‸)'], 'K.md': sameStart }))[2], 'KI ist ein Begriff.');
  const sameWords = ['## K {#K .chapter .small .term}', '', '***KI***', '', '***KI*** ist ein Begriff.'];
  assert.equal(shown(await hoverTextAt({ 'A.md': ['[x](#K‸)'], 'K.md': sameWords }))[2], 'KI ist ein Begriff.');

  const breaks = ['## B {#B .chapter .small .term}', '', 'Zeile eins\\', 'Zeile zwei mit  ', 'Zeile drei.', '', '### E {.explanation}', '', 'Eins\\', 'zwei.'];
  assert.deepEqual(shown(await hoverTextAt({ 'A.md': ['[x](#B‸)'], 'B.md': breaks })).slice(1, 3), ['Zeile eins Zeile zwei mit Zeile drei.', 'Eins zwei.']);

  const explained = (body: string[]) => ['## E {#E .chapter .small .term}', '', '***E***', '', '### Beschreibung {.explanation}', '', ...body, '', 'Erster Absatz.', '', 'Zweiter.'];
  for (const before of [['::: {.note}', 'Hinweis', ':::'], ['| a | b |', '|---|---|', '| 1 | 2 |'], ['<!-- Kommentar -->']]) {
    assert.equal(shown(await hoverTextAt({ 'A.md': ['[x](#E‸)'], 'E.md': explained(before) }))[2], 'Erster Absatz.', before.join(' / '));
  }
});

test('hover on a reference link\'s id in its definition (its `#` too) covers the definition\'s `#id`, and on its label the label, where the cursor is, not the link lines above', async () => {
  const files = { 'A.md': ['## A {#A .term}', '', 'Siehe [die Biene][bee].', '', '[bee]: #B‸b'], 'Bb.md': ['## Bb {#Bb .term}'] };
  const { index, uri, position } = withCursor(files);
  const atDefinition = await hoverAt(index, uri, position, notCancelled);
  assert.deepEqual(atDefinition?.range, { start: { line: 4, character: 7 }, end: { line: 4, character: 10 } });
  const atHash = await hoverAt(index, uri, { line: 4, character: 7 }, notCancelled);
  assert.deepEqual(atHash?.range, atDefinition?.range);
  // On the definition's label `[bee]`: the same hover, over the label; on the blank before the `#`: nothing.
  const atLabel = await hoverAt(index, uri, { line: 4, character: 2 }, notCancelled);
  assert.deepEqual(atLabel?.range, { start: { line: 4, character: 0 }, end: { line: 4, character: 5 } });
  assert.equal((atLabel?.contents as MarkupContent).value, (atDefinition?.contents as MarkupContent).value);
  assert.equal(await hoverAt(index, uri, { line: 4, character: 6 }, notCancelled), null);
  const atLink = await hoverAt(index, uri, { line: 2, character: 9 }, notCancelled);
  assert.deepEqual(atLink?.range, { start: { line: 2, character: 6 }, end: { line: 2, character: 22 } });
  assert.equal((atLink?.contents as MarkupContent).value, (atDefinition?.contents as MarkupContent).value);
});

test('a text shortened where an emoji stands keeps the emoji whole or leaves it out, never half of it', () => {
  assert.equal(shorten('🙂🙂🙂🙂🙂🙂', 4), '🙂…');
  // Not inside a parenthesis or quote it opens, nor after a word left on its hyphen.
  assert.equal(shorten('Generiert Bilder, die täuschend echt (aus dem Nichts) wirken', 45), 'Generiert Bilder, die täuschend echt…');
  assert.equal(shorten('Ganz am Anfang stand der Begriff "Artificial Intelligence" von 1956', 45), 'Ganz am Anfang stand der Begriff…');
  assert.equal(shorten('Vektoren erlauben Abstands- und Ähnlichkeitsmaße', 30), 'Vektoren erlauben…');
  assert.equal(shorten('Ein Wort (kurz) und noch viele weitere Wörter danach', 30), 'Ein Wort (kurz) und noch…');
  // The outer of two left open.
  assert.equal(shorten('Am Anfang stand eine Zeile und (siehe "Kapitel drei über das Schneiden") Ende', 50), 'Am Anfang stand eine Zeile und…');
  assert.equal(textBefore('ab🙂cd', 3), 'ab');
  assert.equal(textBefore('ab🙂cd', 4), 'ab🙂');
  assert.ok(!/[\ud800-\udfff]/u.test(shorten('x'.repeat(10) + '🙂'.repeat(30), 26)));
});
