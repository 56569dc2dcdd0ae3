import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { CodeAction, TextDocumentEdit, TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultConfig, GlossaryConfig } from '../config';
import { DiagnosticCode } from '../diagnostics/codes';
import { computeDiagnostics } from '../diagnostics/computeDiagnostics';
import { codeActions, filesEditedByQuickFixes, OtherDocument } from '../features/codeActions';
import { indexAnchorEdit } from '../features/indexPageEdits';
import { parseGlossaryDocument } from '../parse/parser';
import { inboundLinkCounts, orphanEntries } from '../index/linkGraph';
import { loadGlossary } from '../cli/loadGlossary';
import { GlossarySession } from '../session/glossarySession';
import { NodeFileSystemWorkspace } from '../workspace/nodeWorkspace';
import { InMemoryWorkspace } from '../workspace/inMemoryWorkspace';
import { entryLines, indexOf, uriOf } from './support/tinyWorkspace';

const allOn: GlossaryConfig = {
  ...defaultConfig,
  severity: { ...defaultConfig.severity, [DiagnosticCode.SeeAlsoMissingBodyLink]: 'information', [DiagnosticCode.SeeAlsoNotReciprocal]: 'hint' },
};

/** An index page with letter sections, written as the real glossary's (trailing space included). */
const indexPage = ['', 'Alle Einträge.', '', '### A {.index} ', '', '[Apfel](#Apfel) |', '[Avocado](#Avocado) |', '', '### K {.index} ', '', '[Kirsche](#Kirsche) |', ''];

type Files = Record<string, readonly string[]>;

function codesOf(files: Files, name: string, config = allOn): string[] {
  const index = indexOf(files);
  return computeDiagnostics(index.document(uriOf(name))!, index, config).map((diagnostic) => diagnostic.code);
}

/** The quick fixes for one code in a file, with every other file's text at hand, and the texts after applying one. */
function fixesOf(files: Files, name: string, code: DiagnosticCode, lineBreak = '\n') {
  const index = indexOf(files, allOn, lineBreak);
  const uri = uriOf(name);
  const document = TextDocument.create(uri, 'markdown', 1, files[name]!.join(lineBreak));
  const diagnostics = computeDiagnostics(index.document(uri)!, index, allOn).filter((diagnostic) => diagnostic.code === code);
  const others = new Map<string, OtherDocument>();
  for (const diagnostic of diagnostics) {
    for (const other of filesEditedByQuickFixes(index, uri, diagnostics, diagnostic.range)) {
      const otherName = other.slice(uriOf('').length);
      others.set(other, { document: TextDocument.create(other, 'markdown', 1, files[otherName]!.join(lineBreak)), openVersion: null });
    }
  }
  const input = { index, config: allOn, document, diagnostics, documentChanges: true, createsFiles: true, renamesFiles: true, newEntryUri: () => undefined, otherDocuments: others };
  const actions = diagnostics.flatMap((diagnostic) => codeActions(input, diagnostic.range, ['quickfix']));
  const apply = (action: CodeAction): Record<string, string[]> => {
    const result: Record<string, string[]> = {};
    for (const change of action.edit?.documentChanges ?? []) {
      const edit = change as TextDocumentEdit;
      const text = edit.textDocument.uri === uri ? document : others.get(edit.textDocument.uri)!.document;
      result[edit.textDocument.uri.slice(uriOf('').length)] = TextDocument.applyEdits(text, edit.edits as TextEdit[]).split(lineBreak);
    }
    return result;
  };
  return { actions, apply };
}

test('orphan-entry: links from the index page and from the entry itself do not count; self-link is reported', () => {
  const files = {
    'index.txt': ['# Index {#Index}', ...indexPage],
    'Apfel.md': entryLines('Apfel', 'Apfel', ['[Apfel](#Apfel)'], ['[Kirsche](#Kirsche)']),
    'Kirsche.md': entryLines('Kirsche', 'Kirsche', []),
    'Avocado.md': entryLines('Avocado', 'Avocado', ['[Apfel](#Apfel)']),
  };
  assert.deepEqual(codesOf(files, 'Apfel.md'), [DiagnosticCode.SeeAlsoMissingBodyLink, DiagnosticCode.SelfLink]);
  assert.deepEqual(codesOf(files, 'Kirsche.md'), []);
  assert.deepEqual(codesOf(files, 'Avocado.md'), [DiagnosticCode.OrphanEntry, DiagnosticCode.SeeAlsoNotReciprocal]);
  const index = indexOf(files);
  assert.deepEqual(orphanEntries(index).map(({ entry }) => entry.id), ['Avocado']);
  assert.deepEqual(Object.fromEntries(inboundLinkCounts(index)), { Apfel: 1, Kirsche: 1, Avocado: 0 });
});

test('orphan-entry: two versions of an entry in one file, under one id, are one orphan', () => {
  const files = {
    'index.txt': ['# Index {#Index}', ...indexPage],
    'Avocado.md': [...entryLines('Avocado (2024)', 'Avocado', []), '', ...entryLines('Avocado (2025)', 'Avocado', [])],
    'Kirsche.md': entryLines('Kirsche', 'Kirsche', []),
  };
  assert.deepEqual(codesOf(files, 'Avocado.md').filter((code) => code === DiagnosticCode.OrphanEntry), [DiagnosticCode.OrphanEntry]);
  assert.deepEqual(orphanEntries(indexOf(files)).map(({ entry }) => entry.title), ['Avocado (2024)', 'Kirsche']);
});

test('self-link: not reported where another file gives the entry\'s id too (a stub that took the id of the entry it points to)', () => {
  const files = {
    'index.txt': ['# Index {#Index}', ...indexPage],
    'Artificial-Neural-Network.md': entryLines('Artificial Neural Network', 'Artificial-Neural-Network', ['[ANN](#Artificial-Neural-Network)']),
    'ANN.md': entryLines('ANN (Artificial Neural Network)', 'Artificial-Neural-Network', ['[Artificial Neural Network](#Artificial-Neural-Network)']),
  };
  const ofTheId = (codes: readonly string[]) => codes.filter((code) => code === DiagnosticCode.DuplicateAnchor || code === DiagnosticCode.SelfLink);
  assert.deepEqual(ofTheId(codesOf(files, 'ANN.md')), [DiagnosticCode.DuplicateAnchor]);
  assert.deepEqual(ofTheId(codesOf(files, 'Artificial-Neural-Network.md')), [DiagnosticCode.DuplicateAnchor]);
  const { 'ANN.md': _stub, ...alone } = files;
  assert.deepEqual(ofTheId(codesOf(alone, 'Artificial-Neural-Network.md')), [DiagnosticCode.SelfLink]);
});

test('orphan-entry: an entry whose links name the id its file name gives says so, until a heading gives that id', () => {
  const messagesOf = (files: Files, name: string): string[] => {
    const index = indexOf(files);
    return computeDiagnostics(index.document(uriOf(name))!, index, allOn)
      .filter((diagnostic) => diagnostic.code === DiagnosticCode.OrphanEntry)
      .map((diagnostic) => diagnostic.message);
  };
  const files: Files = {
    'index.txt': ['# Index {#Index}', ...indexPage],
    // The id lost its hyphen; the links (and a link of the entry to its own file name) did not.
    'Adversarial-Examples.md': entryLines('Adversarial Examples', 'AdversarialExamples', [], ['Siehe [oben](#Adversarial-Examples).']),
    'Apfel.md': entryLines('Apfel', 'Apfel', ['[AE](#Adversarial-Examples)'], ['Gegen [AE](#Adversarial-Examples).']),
  };
  assert.deepEqual(messagesOf(files, 'Adversarial-Examples.md'), [
    'No other entry links to "Adversarial Examples" (#AdversarialExamples), but 2 links point at #Adversarial-Examples (links from the index page not counted), the id its file name gives, which no heading defines: give the entry that id, or correct the links.',
  ]);
  files['Apfel.md'] = entryLines('Apfel', 'Apfel', ['[AE](#Adversarial-Examples)']);
  assert.deepEqual(messagesOf(files, 'Adversarial-Examples.md'), [
    'No other entry links to "Adversarial Examples" (#AdversarialExamples), but a link points at #Adversarial-Examples (links from the index page not counted), the id its file name gives, which no heading defines: give the entry that id, or correct the link.',
  ]);
  // Once a heading gives the file name's id, the links lead there: the orphan is one like any other.
  files['Notiz.md'] = ['Vorweg.', '', '### Adversarial Examples {#Adversarial-Examples}'];
  assert.deepEqual(messagesOf(files, 'Adversarial-Examples.md'), [
    'No other entry links to "Adversarial Examples" (#AdversarialExamples). Links from the index page and from the entry itself do not count.',
  ]);
});

test('not-in-index: the fix adds the entry under its letter in collation order, or a new letter section in order', () => {
  const files = {
    'index.txt': indexPage,
    'Äsche.md': entryLines('Äsche', 'Aesche', []),
    'Birne.md': entryLines('Birne', 'Birne', []),
    'Zitrone.md': entryLines('Zitrone', 'Zitrone', []),
  };
  const aesche = fixesOf(files, 'Äsche.md', DiagnosticCode.NotInIndex);
  assert.deepEqual(aesche.actions.map((action) => action.title), ['Add "Äsche" to the index under "A"']);
  assert.deepEqual(aesche.apply(aesche.actions[0]!)['index.txt']!.slice(3, 8), ['### A {.index} ', '', '[Apfel](#Apfel) |', '[Äsche](#Aesche) |', '[Avocado](#Avocado) |']);
  const birne = fixesOf(files, 'Birne.md', DiagnosticCode.NotInIndex);
  assert.deepEqual(birne.apply(birne.actions[0]!)['index.txt']!.slice(6, 13), ['[Avocado](#Avocado) |', '', '### B {.index} ', '', '[Birne](#Birne) |', '', '### K {.index} ']);
  const zitrone = fixesOf(files, 'Zitrone.md', DiagnosticCode.NotInIndex);
  assert.deepEqual(zitrone.apply(zitrone.actions[0]!)['index.txt']!.slice(10), ['[Kirsche](#Kirsche) |', '', '### Z {.index} ', '', '[Zitrone](#Zitrone) |', '']);
  // Files whose lines end in CR LF or in a lone CR get the same lines, with their own line break.
  for (const lineBreak of ['\r\n', '\r']) {
    const crBirne = fixesOf(files, 'Birne.md', DiagnosticCode.NotInIndex, lineBreak);
    assert.deepEqual(crBirne.apply(crBirne.actions[0]!)['index.txt'], birne.apply(birne.actions[0]!)['index.txt']);
  }
  // The index page lists nothing that no heading defines.
  assert.deepEqual(codesOf(files, 'index.txt'), [DiagnosticCode.IndexLinkBroken, DiagnosticCode.IndexLinkBroken, DiagnosticCode.IndexLinkBroken]);
});

test('not-in-index: a new letter section copies the others\' attributes but not their id, and a last one goes before what closes the page', () => {
  const files = {
    'index.txt': ['## Index {#Index}', '', '### A {#idx-A .index}', '', '[Apfel](#Apfel) |', '', '### K {#idx-K .index lang="de"}', '', '[Kirsche](#Kirsche) |', '', '----', '', 'Ende.'],
    'Birne.md': entryLines('Birne', 'Birne', []),
    'Zitrone.md': entryLines('Zitrone', 'Zitrone', []),
  };
  const birne = fixesOf(files, 'Birne.md', DiagnosticCode.NotInIndex);
  assert.deepEqual(birne.apply(birne.actions[0]!)['index.txt']!.slice(4, 10), ['[Apfel](#Apfel) |', '', '### B {.index}', '', '[Birne](#Birne) |', '']);
  const zitrone = fixesOf(files, 'Zitrone.md', DiagnosticCode.NotInIndex);
  assert.deepEqual(zitrone.apply(zitrone.actions[0]!)['index.txt']!.slice(8), ['[Kirsche](#Kirsche) |', '', '### Z {.index}', '', '[Zitrone](#Zitrone) |', '', '----', '', 'Ende.']);
  // An umlaut goes under its letter, which the collation files it with (`Oben` would go there too).
  const oel = fixesOf({ ...files, 'Öl.md': entryLines('Öl', 'Oel', []) }, 'Öl.md', DiagnosticCode.NotInIndex);
  assert.deepEqual(oel.actions.map((action) => action.title), ['Add "Öl" to the index under "O"']);
  assert.deepEqual(oel.apply(oel.actions[0]!)['index.txt']!.slice(8, 13), ['[Kirsche](#Kirsche) |', '', '### O {.index}', '', '[Öl](#Oel) |']);
  // A setext heading is copied with its underline.
  const setext = { ...files, 'index.txt': ['A {#idx-A .index}', '---', '', '[Apfel](#Apfel) |'] };
  const fixed = fixesOf(setext, 'Zitrone.md', DiagnosticCode.NotInIndex);
  assert.deepEqual(fixed.apply(fixed.actions[0]!)['index.txt'], ['A {#idx-A .index}', '---', '', '[Apfel](#Apfel) |', '', 'Z {.index}', '---', '', '[Zitrone](#Zitrone) |', '']);
});

test('not-in-index: an entry the index names by its title counts as listed, wherever that link points (abbreviations point at the full entry)', () => {
  const files = {
    'index.txt': ['', '### A {.index} ', '', '[AGI](#Artificial-General-Intelligence) |', '[Artificial General Intelligence](#Artificial-General-Intelligence) |', ''],
    'AGI.md': entryLines('AGI', 'AGI', []),
    'Artificial-General-Intelligence.md': entryLines('Artificial General Intelligence', 'Artificial-General-Intelligence', []),
    'ASI.md': entryLines('ASI', 'ASI', []),
  };
  assert.ok(!codesOf(files, 'AGI.md').includes(DiagnosticCode.NotInIndex));
  assert.ok(!codesOf(files, 'Artificial-General-Intelligence.md').includes(DiagnosticCode.NotInIndex));
  const index = indexOf(files);
  const asi = computeDiagnostics(index.document(uriOf('ASI.md'))!, index, allOn).find((diagnostic) => diagnostic.code === DiagnosticCode.NotInIndex);
  assert.equal(asi?.message, 'The index page does not list the entry "ASI" (#ASI).');
});

test('not-in-index: an entry the index lists under a broken id that clearly means it is reported once, as the index page\'s index-link-broken', () => {
  const files = {
    'index.txt': ['', '### A {.index} ', '', '[Adversarial Examples](#Adversarial-Examples) |', '[Agents](#Agents) |', '[GAN](#GAN) |', ''],
    'Adversarial-Examples.md': entryLines('Adversarial Examples!', 'AdversarialExamples', []),
    'Agent.md': entryLines('Agent', 'Agent', []),
    // #GAN is close to #DAN in spelling, which may mean another thing: DAN is still missing from the index.
    'DAN.md': entryLines('DAN', 'DAN', []),
  };
  assert.deepEqual(codesOf(files, 'index.txt'), [DiagnosticCode.IndexLinkBroken, DiagnosticCode.IndexLinkBroken, DiagnosticCode.IndexLinkBroken]);
  assert.ok(!codesOf(files, 'Adversarial-Examples.md').includes(DiagnosticCode.NotInIndex));
  assert.ok(!codesOf(files, 'Agent.md').includes(DiagnosticCode.NotInIndex));
  assert.ok(codesOf(files, 'DAN.md').includes(DiagnosticCode.NotInIndex));
  // With index-link-broken off, the entry is reported where it is missing.
  const withoutIndexLinks = { ...allOn, severity: { ...allOn.severity, [DiagnosticCode.IndexLinkBroken]: 'off' } } as const;
  assert.ok(codesOf(files, 'Agent.md', withoutIndexLinks).includes(DiagnosticCode.NotInIndex));
});

test('not-in-index: an entry whose file the index names by a broken id (Papierclip-Maximierer.md giving #Paperclip-Maximierer) is listed under it; a copy of another entry under another term\'s name is not', () => {
  const files = {
    'index.txt': ['', '### P {.index}', '', '[Papierclip-Maximierer](#Papierclip-Maximierer) |', '[Claude](#Claude) |', ''],
    'Papierclip-Maximierer.md': entryLines('Paperclip-Maximierer', 'Paperclip-Maximierer', []),
    'CNN.md': entryLines('CNN', 'CNN', []),
    // A copy of CNN's entry: the index's #Claude means an entry yet to write, not this one.
    'Claude.md': entryLines('CNN', 'CNN', []),
    'Fremd.md': entryLines('Fremd', 'Fremd', []),
  };
  assert.deepEqual(codesOf(files, 'index.txt'), [DiagnosticCode.IndexLinkBroken, DiagnosticCode.IndexLinkBroken]);
  assert.ok(!codesOf(files, 'Papierclip-Maximierer.md').includes(DiagnosticCode.NotInIndex));
  assert.ok(codesOf(files, 'Claude.md').includes(DiagnosticCode.NotInIndex));
  assert.ok(codesOf(files, 'Fremd.md').includes(DiagnosticCode.NotInIndex));
  // Under another name, the file is no longer the one the index names: its entry is missing from the index.
  const { 'Papierclip-Maximierer.md': moved, ...rest } = files;
  assert.ok(codesOf({ ...rest, 'Paperclip.md': moved }, 'Paperclip.md').includes(DiagnosticCode.NotInIndex));
});

test('not-in-index: the index page gaining a link labelled with an entry\'s title updates that entry, pointing where it may', async () => {
  const workspace = new InMemoryWorkspace({
    [uriOf('.glossary.json')]: JSON.stringify({ include: ['*.md'], indexFile: 'index.txt' }),
    [uriOf('index.txt')]: indexPage.join('\n'),
    [uriOf('Apfel.md')]: entryLines('Apfel', 'Apfel', []).join('\n'),
    [uriOf('AGI.md')]: entryLines('AGI', 'AGI', []).join('\n'),
  });
  const session = new GlossarySession(workspace, ['file:///ws']);
  await session.load(undefined, []);
  const listed = () => !session.diagnosticsOf(uriOf('AGI.md')).some((diagnostic) => diagnostic.code === DiagnosticCode.NotInIndex);
  assert.equal(listed(), false);
  const withAgi = indexPage.map((line) => (line === '[Apfel](#Apfel) |' ? '[AGI](#Apfel) |\n[Apfel](#Apfel) |' : line));
  const change = session.updateOpen({ uri: uriOf('index.txt'), version: 2, text: withAgi.join('\n') })!;
  assert.deepEqual([...change.affectedUris].sort(), [uriOf('AGI.md'), uriOf('index.txt')]);
  assert.equal(listed(), true);
});

test('index-anchor-missing: each link to #Index once (no broken-link); the fix gives the index page a heading with the id', () => {
  const files = { 'index.txt': indexPage, 'Apfel.md': entryLines('Apfel', 'Apfel', []) };
  assert.deepEqual(codesOf(files, 'Apfel.md', defaultConfig), [DiagnosticCode.OrphanEntry, DiagnosticCode.IndexAnchorMissing]);
  const created = fixesOf(files, 'Apfel.md', DiagnosticCode.IndexAnchorMissing);
  assert.deepEqual(created.actions.map((action) => action.title), ['Add the heading "## Index {#Index}" to the top of the index page']);
  // The page opens with a blank line, which then stands below the heading: one, not two.
  assert.deepEqual(created.apply(created.actions[0]!)['index.txt']!.slice(0, 3), ['## Index {#Index}', '', 'Alle Einträge.']);
  const withoutBlank = fixesOf({ ...files, 'index.txt': indexPage.slice(1) }, 'Apfel.md', DiagnosticCode.IndexAnchorMissing);
  assert.deepEqual(withoutBlank.apply(withoutBlank.actions[0]!)['index.txt']!.slice(0, 3), ['## Index {#Index}', '', 'Alle Einträge.']);
  // Metadata the page opens with stays first: pandoc reads a `%` title block only there, and only
  // three `%` lines of it (a fourth is text). A YAML block, metadata anywhere, stays where it is too.
  const metadataPages: [string[], string[]][] = [
    [['---', 'title: KI-Glossar', '---'], ['---', 'title: KI-Glossar', '---', '']],
    [['---', 'title: KI-Glossar', '...', ''], ['---', 'title: KI-Glossar', '...', '']],
    [['% KI-Glossar', '% Ich'], ['% KI-Glossar', '% Ich', '']],
    [['% KI-Glossar', '  für alle', '% Ich', '% 2026', '% mehr'], ['% KI-Glossar', '  für alle', '% Ich', '% 2026', '']],
  ];
  for (const [metadata, above] of metadataPages) {
    const page = fixesOf({ ...files, 'index.txt': [...metadata, ...indexPage.slice(1)] }, 'Apfel.md', DiagnosticCode.IndexAnchorMissing);
    const fixed = page.apply(page.actions[0]!)['index.txt']!;
    const expected = [...above, '## Index {#Index}', ''];
    assert.deepEqual(fixed.slice(0, expected.length), expected, metadata.join('|'));
    if (metadata[0]!.startsWith('%')) {
      const read = JSON.parse(execFileSync('pandoc', ['-f', 'markdown', '-t', 'json'], { input: fixed.join('\n'), encoding: 'utf8' }));
      assert.deepEqual([read.meta.title?.t, read.blocks[0].t, read.blocks[0].c[1][0]], ['MetaInlines', 'Header', 'Index'], metadata.join('|'));
    }
  }
  // A page of metadata alone: the heading goes after it, no blank line after the heading.
  for (const metadata of [['---', 'title: KI-Glossar', '---', ''], ['% KI-Glossar']]) {
    const text = TextDocument.create(uriOf('index.txt'), 'markdown', 1, metadata.join('\n'));
    const { edit } = indexAnchorEdit(parseGlossaryDocument(text.getText(), text.uri, 1), text);
    assert.deepEqual(TextDocument.applyEdits(text, [edit]).split('\n'), [...metadata.filter((line) => line !== ''), '', '# Index {#Index}', ''], metadata.join('|'));
  }
  const withHeading = { ...files, 'index.txt': ['# Alphabetischer Index {.unnumbered}', ...indexPage] };
  const given = fixesOf(withHeading, 'Apfel.md', DiagnosticCode.IndexAnchorMissing);
  assert.deepEqual(given.actions.map((action) => action.title), ["Give the index page's heading the id Index"]);
  assert.deepEqual(given.apply(given.actions[0]!)['index.txt']![0], '# Alphabetischer Index {#Index .unnumbered}');
  // After closing hashes, where pandoc still reads the attribute block (before them it would be text); a setext heading's text line.
  for (const [heading, fixed] of [[['## Index ##  '], '## Index ## {#Index}  '], [['Index', '====='], 'Index {#Index}']] as const) {
    const page = fixesOf({ ...files, 'index.txt': [...heading, ...indexPage] }, 'Apfel.md', DiagnosticCode.IndexAnchorMissing);
    assert.deepEqual(page.apply(page.actions[0]!)['index.txt']![0], fixed);
  }
});

test('seealso-missing-body-link: the seed entry links Cohere in its text only; the fix adds it in order, separators as written', () => {
  const seed = fs.readFileSync(path.resolve(__dirname, '../../../../../shared/seed/000_eda4c6bb4d24dcc7.txt'), 'utf8').split('\n');
  const targets = ['AI-Act', 'AI-Safety', 'Anthropic', 'Cohere', 'Eleuther-AI', 'Foundation-Model', 'Google-DeepMind', 'Hugging-Face', 'LLM-as-a-Service', 'LoRA', 'Meta-AI', 'Mistral-AI', 'OpenAI', 'PyTorch', 'QLoRA', 'Self-Hosted-LLM', 'StabilityAI', 'TensorFlow', 'AI-Act'];
  const files: Files = { 'Open-Closed-Source-KI.md': seed };
  for (const id of targets) {
    files[`${id}.md`] = entryLines(id.replace(/-/g, ' '), id, []);
  }
  const { actions, apply } = fixesOf(files, 'Open-Closed-Source-KI.md', DiagnosticCode.SeeAlsoMissingBodyLink);
  assert.deepEqual(actions.map((action) => action.title), ['Add "Cohere" to the see-also list']);
  const after = apply(actions[0]!)['Open-Closed-Source-KI.md']!;
  const list = after.slice(after.indexOf('### Verwandte oder andere interessante Themen: {.seealso}'));
  assert.deepEqual(list.slice(2, 7), ['[AI Act](#AI-Act) |', '[AI Safety](#AI-Safety) |', '[Anthropic](#Anthropic) |', '[Cohere](#Cohere) |', '[Eleuther-AI](#Eleuther-AI) |']);
  assert.equal(after.length, seed.length + 1);
});

test('seealso-missing-body-link: a term that sorts after "Index" goes before a link to the index written #index', () => {
  const files = {
    'A.md': entryLines('A', 'A', [], ['Siehe [Z](#Z).']).map((line) => line.replace('[Index](#Index)', '[Index](#index)')),
    'Z.md': entryLines('Z', 'Z', []),
  };
  const { actions, apply } = fixesOf(files, 'A.md', DiagnosticCode.SeeAlsoMissingBodyLink);
  const after = apply(actions[0]!)['A.md']!;
  assert.deepEqual(after.slice(after.indexOf('### Verwandte Themen {.seealso}') + 2, -2), ['[Z](#Z) |', '[Index](#index) |']);
});

test('seealso-missing-body-link leaves out links to ids of no entry: a section, a figure', () => {
  const files = {
    'Apfel.md': entryLines('Apfel', 'Apfel', ['[Birne](#Birne)'], [
      'Siehe [die Birne](#Birne), [ihre Sorten](#sorten) und [die Abbildung](#fig-apfel).',
      '',
      '![Ein Apfel](apfel.png){#fig-apfel}',
    ]),
    'Birne.md': [...entryLines('Birne', 'Birne', ['[Apfel](#Apfel)']), '', '### Sorten'],
  };
  assert.deepEqual(codesOf(files, 'Apfel.md').filter((code) => code === DiagnosticCode.SeeAlsoMissingBodyLink), []);
  const withKirsche = { ...files, 'Apfel.md': files['Apfel.md'].map((line) => line.replace('[ihre Sorten](#sorten)', '[Kirsche](#Kirsche)')), 'Kirsche.md': entryLines('Kirsche', 'Kirsche', []) };
  assert.deepEqual(codesOf(withKirsche, 'Apfel.md').filter((code) => code === DiagnosticCode.SeeAlsoMissingBodyLink), [DiagnosticCode.SeeAlsoMissingBodyLink]);
});

test('seealso-not-reciprocal: the fix edits the other entry\'s file, in order, Index last', () => {
  const files = {
    'Apfel.md': entryLines('Apfel', 'Apfel', ['[Birne](#Birne)']),
    'Birne.md': entryLines('Birne', 'Birne', ['[Zitrone](#Zitrone)']),
    'Zitrone.md': entryLines('Zitrone', 'Zitrone', ['[Birne](#Birne)']),
  };
  const { actions, apply } = fixesOf(files, 'Apfel.md', DiagnosticCode.SeeAlsoNotReciprocal);
  assert.deepEqual(actions.map((action) => action.title), ['Add "Apfel" to the see-also list of "Birne"']);
  assert.deepEqual(apply(actions[0]!)['Birne.md']!.slice(6, 9), ['[Apfel](#Apfel) |', '[Zitrone](#Zitrone) |', '[Index](#Index) |']);
  assert.deepEqual(codesOf(files, 'Zitrone.md').filter((code) => code === DiagnosticCode.SeeAlsoNotReciprocal), []);
});

test('seealso-not-reciprocal and seealso-missing-body-link name the other entry by its id; an entry a list names twice is reported once', () => {
  const files = {
    'Apfel.md': entryLines('Apfel', 'Apfel', ['[Birne](#Gelbe-Birne)', '[Gelbe Birne](#Gelbe-Birne)'], ['Anders als [Zitronen](#Zitrone).']),
    'Gelbe-Birne.md': entryLines('Gelbe Birne', 'Gelbe-Birne', []),
    'Zitrone.md': entryLines('Zitrone', 'Zitrone', []),
  };
  const index = indexOf(files);
  const messages = computeDiagnostics(index.document(uriOf('Apfel.md'))!, index, allOn)
    .filter((diagnostic) => diagnostic.code === DiagnosticCode.SeeAlsoNotReciprocal || diagnostic.code === DiagnosticCode.SeeAlsoMissingBodyLink)
    .map((diagnostic) => diagnostic.message);
  assert.deepEqual(messages.sort(), [
    'The entry links #Zitrone in its text, but its see-also list does not name it.',
    'The see-also list of #Gelbe-Birne does not name "Apfel" in return.',
  ]);
});

test('seealso-not-reciprocal: an abbreviation stub, which points at one entry alone, is not asked to list back; an entry that stops being one is, in a session as in a fresh load', async () => {
  const stub = ['## AGI {#AGI .chapter .small .term}', '', '**AGI** steht für "[Artificial General Intelligence](#Artificial-General-Intelligence)".', '', '### Siehe auch {.seealso}', '', '[Artificial General Intelligence](#Artificial-General-Intelligence) |', '[Index](#Index) |', '', '----'];
  const grown = [...stub.slice(0, 4), '### Geschichte {.explanation}', '', 'Der Begriff ist alt.', '', ...stub.slice(4)];
  const files = {
    'OpenAI.md': entryLines('OpenAI', 'OpenAI', ['[AGI](#AGI)']),
    'AGI.md': stub,
    'Artificial-General-Intelligence.md': entryLines('Artificial General Intelligence', 'Artificial-General-Intelligence', []),
  };
  const reciprocal = (found: readonly string[]) => found.filter((code) => code === DiagnosticCode.SeeAlsoNotReciprocal);
  assert.deepEqual(reciprocal(codesOf(files, 'OpenAI.md')), []);
  assert.deepEqual(reciprocal(codesOf({ ...files, 'AGI.md': grown }, 'OpenAI.md')), [DiagnosticCode.SeeAlsoNotReciprocal]);
  const workspace = new InMemoryWorkspace({
    [uriOf('.glossary.json')]: JSON.stringify({ include: ['*.md'], severity: { 'seealso-not-reciprocal': 'hint' } }),
    ...Object.fromEntries(Object.entries(files).map(([name, lines]) => [uriOf(name), lines.join('\n')])),
  });
  const session = new GlossarySession(workspace, ['file:///ws']);
  await session.load(undefined, []);
  const sessionCodes = () => reciprocal(session.diagnosticsOf(uriOf('OpenAI.md')).map((diagnostic) => diagnostic.code));
  assert.deepEqual(sessionCodes(), []);
  // AGI.md gets a section of its own: no stub any more, and OpenAI.md, which names it, is told.
  const change = session.updateOpen({ uri: uriOf('AGI.md'), version: 2, text: grown.join('\n') })!;
  assert.ok(change.affectedUris.has(uriOf('OpenAI.md')));
  assert.deepEqual(sessionCodes(), [DiagnosticCode.SeeAlsoNotReciprocal]);
});

test('editing one file updates the link-graph diagnostics of the others, and only theirs', async () => {
  const workspace = new InMemoryWorkspace({
    [uriOf('.glossary.json')]: JSON.stringify({ include: ['*.md'], indexFile: 'index.txt', severity: { 'seealso-not-reciprocal': 'hint' } }),
    [uriOf('index.txt')]: indexPage.join('\n'),
    [uriOf('Apfel.md')]: entryLines('Apfel', 'Apfel', ['[Kirsche](#Kirsche)']).join('\n'),
    [uriOf('Kirsche.md')]: entryLines('Kirsche', 'Kirsche', []).join('\n'),
    [uriOf('Avocado.md')]: entryLines('Avocado', 'Avocado', []).join('\n'),
  });
  const session = new GlossarySession(workspace, ['file:///ws']);
  await session.load(undefined, []);
  // The configured index page is read although the include patterns leave .txt files out.
  assert.equal(session.index.indexPageUri(), uriOf('index.txt'));
  const codes = (name: string): string[] => session.diagnosticsOf(uriOf(name)).map((diagnostic) => diagnostic.code);
  assert.deepEqual(codes('Kirsche.md'), [DiagnosticCode.IndexAnchorMissing]);
  assert.deepEqual(codes('Apfel.md'), [DiagnosticCode.OrphanEntry, DiagnosticCode.SeeAlsoNotReciprocal, DiagnosticCode.IndexAnchorMissing]);

  // Kirsche names Apfel in return: Apfel's see-also diagnostic goes, Avocado is untouched.
  const reciprocal = session.updateOpen({ uri: uriOf('Kirsche.md'), version: 2, text: entryLines('Kirsche', 'Kirsche', ['[Apfel](#Apfel)']).join('\n') })!;
  assert.deepEqual([...reciprocal.affectedUris].sort(), [uriOf('Apfel.md'), uriOf('Kirsche.md')]);
  assert.deepEqual(codes('Apfel.md'), [DiagnosticCode.IndexAnchorMissing]);
  // Typing text that touches no link republishes the edited file alone.
  const typing = session.updateOpen({ uri: uriOf('Kirsche.md'), version: 3, text: entryLines('Kirsche', 'Kirsche', ['[Apfel](#Apfel)'], ['Mehr Text.']).join('\n') })!;
  assert.deepEqual([...typing.affectedUris], [uriOf('Kirsche.md')]);
  // The index page drops Avocado: only Avocado is affected and gets not-in-index.
  const page = session.updateOpen({ uri: uriOf('index.txt'), version: 2, text: indexPage.filter((line) => !line.includes('Avocado')).join('\n') })!;
  assert.deepEqual([...page.affectedUris].sort(), [uriOf('Avocado.md'), uriOf('index.txt')]);
  assert.deepEqual(codes('Avocado.md'), [DiagnosticCode.NotInIndex, DiagnosticCode.OrphanEntry, DiagnosticCode.IndexAnchorMissing]);
  // The index page gets the id Index: every link to it is fine again.
  const anchored = session.updateOpen({ uri: uriOf('index.txt'), version: 3, text: ['# Index {#Index}', ...indexPage].join('\n') })!;
  assert.ok(anchored.affectedUris.has(uriOf('Avocado.md')) && anchored.affectedUris.has(uriOf('Apfel.md')));
  assert.deepEqual(codes('Apfel.md'), []);
});

/** Writes files (name -> text, '/' between folders) into a new temporary folder; gives its path. */
function folderWith(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-index-page-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), content);
  }
  return root;
}

test('an indexFile leading out of the workspace root is refused: a configuration problem, no page read or edited outside', async (t) => {
  const root = folderWith({
    'g/.glossary.json': JSON.stringify({ indexFile: '../outside/idx.md' }),
    'g/A.md': entryLines('A', 'A', []).join('\n'),
    'outside/idx.md': '### A {.index}\n\n[B](#B) |\n',
  });
  t.after(() => fs.rmSync(root, { recursive: true }));
  const folder = path.join(root, 'g');
  const problem = '.glossary.json: "indexFile" must be a path inside the workspace root; "../outside/idx.md" leads out of it.';
  const session = new GlossarySession(new NodeFileSystemWorkspace(), [URI.file(folder).toString()]);
  const report = await session.load(undefined, []);
  assert.deepEqual(report.configProblems.map((each) => each.message), [problem]);
  assert.deepEqual([...session.index.documents()].map((document) => path.basename(URI.parse(document.uri).fsPath)), ['A.md']);
  assert.equal(session.index.indexPageUri(), undefined);
  assert.ok(!session.diagnosticsOf(URI.file(path.join(folder, 'A.md')).toString()).some((diagnostic) => diagnostic.code === DiagnosticCode.NotInIndex));
  // The command line names the settings file by its path from where it runs (the PATH given relative to it).
  const loaded = await loadGlossary(['g'], { cwd: root, workspace: new NodeFileSystemWorkspace(), warn: assert.fail });
  assert.deepEqual(loaded, { kind: 'failure', messages: [`g/${problem}`, 'the glossary was not read: correct the configuration first'], settingsFile: 'g/.glossary.json' });
});

test('an indexFile that does not exist is a configuration problem, for the editor and the command line', async (t) => {
  const root = folderWith({ '.glossary.json': JSON.stringify({ indexFile: '001-ki-indx.txt' }), 'A.md': entryLines('A', 'A', []).join('\n') });
  t.after(() => fs.rmSync(root, { recursive: true }));
  const problem = '"indexFile" names "001-ki-indx.txt", which does not exist.';
  const session = new GlossarySession(new NodeFileSystemWorkspace(), [URI.file(root).toString()]);
  assert.deepEqual((await session.load(undefined, [])).configProblems.map((each) => each.message), [problem]);
  // The editor may have the setting from its own settings; the command line, only from the file, which it names.
  const loaded = await loadGlossary(['.'], { cwd: root, workspace: new NodeFileSystemWorkspace(), warn: assert.fail });
  assert.deepEqual(loaded, { kind: 'failure', messages: [`.glossary.json: ${problem}`, 'the glossary was not read: correct the configuration first'], settingsFile: '.glossary.json' });
});

test('an indexFile whose name holds ( ) ! \' * is indexed once, under the URI the workspace listing gives it', async (t) => {
  const name = "index (de) 'A'!*.txt";
  const root = folderWith({
    '.glossary.json': JSON.stringify({ include: ['*.md', '*.txt'], indexFile: name }),
    [name]: ['# Index {#Index}', ...indexPage].join('\n'),
    'Apfel.md': entryLines('Apfel', 'Apfel', []).join('\n'),
  });
  t.after(() => fs.rmSync(root, { recursive: true }));
  const session = new GlossarySession(new NodeFileSystemWorkspace(), [URI.file(root).toString()]);
  await session.load(undefined, []);
  const pageUri = URI.file(path.join(root, name)).toString();
  assert.deepEqual([...session.index.documents()].map((document) => document.uri).sort(), [URI.file(path.join(root, 'Apfel.md')).toString(), pageUri]);
  assert.equal(session.index.indexPageUri(), pageUri);
  assert.equal(session.isGlossaryFile(pageUri), true);
});
