import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { defaultConfig, GlossaryConfig, resolveConfig } from '../config';
import { findClosestIds } from '../index/closestIds';
import { computeDiagnostics } from '../diagnostics/computeDiagnostics';
import { diagnosticsOf as allDiagnosticsOf, entryLines, indexOf, uriOf } from './support/tinyWorkspace';
import { TextDocumentEdit, TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActions } from '../features/codeActions';
import { sortSeeAlsoEdits } from '../features/seeAlsoEdits';
import { pandocBlocksOfText, pandocCodeBlocksOfText, pandocSeeAlsoLinksRunTogether } from './pandoc';

type Files = Parameters<typeof allDiagnosticsOf>[0];

/**
 * The diagnostics of a file, with a preface page linking every entry of the files (as the real
 * glossary's pages link its entries), so that no entry is an orphan: linkGraphChecks.test.ts tests
 * `orphan-entry`.
 */
function diagnosticsOf(files: Files, name: string, config: GlossaryConfig = defaultConfig): ReturnType<typeof allDiagnosticsOf> {
  const ids = Object.entries(files)
    .filter(([fileName]) => fileName.endsWith('.md'))
    .flatMap(([, lines]) => lines.flatMap((line) => /^#+ .*\{#([^\s}]+)[^}]*\.term\b/.exec(line)?.[1] ?? []));
  return allDiagnosticsOf({ ...files, '000-preface.txt': ids.map((id) => `[${id}](#${id})`) }, name, config);
}

/**
 * The diagnostics of a see-also list whose links stand in for other entries with its own entry's
 * id, but `self-link` (after checking that it is reported `count` times) and `seealso-duplicate`.
 */
function withoutSelfLinks(diagnostics: ReturnType<typeof allDiagnosticsOf>, count: number): ReturnType<typeof allDiagnosticsOf> {
  assert.equal(diagnostics.filter((diagnostic) => diagnostic.code === 'self-link').length, count);
  return diagnostics.filter((diagnostic) => diagnostic.code !== 'self-link' && diagnostic.code !== 'seealso-duplicate');
}

/** The page that defines `#Index`, as the real glossary's index page would if it had the id. */
const indexPage = { '001-index.txt': ['# Index {#Index}', '', '[Apfel](#Apfel) |'] };

test('a well-formed entry file has no diagnostics', () => {
  const files = {
    ...indexPage,
    'Apfel.md': entryLines('Apfel', 'Apfel', ['[Birne](#Birne)']),
    'Birne.md': entryLines('Birne', 'Birne', ['[Apfel](#Apfel)']),
  };
  assert.deepEqual(diagnosticsOf(files, 'Apfel.md'), []);
  assert.deepEqual(diagnosticsOf(files, 'Birne.md'), []);
});

test('broken-link: a link to an id defined nowhere is an error naming the ids it may have meant', () => {
  const files = {
    ...indexPage,
    'Neural-Network.md': entryLines('Neural Network', 'Neural-Network', []),
    'Deep-Learning.md': entryLines('Deep Learning', 'Deep-Learning', ['[Neural Network](#Neural-Network)'], ['See [networks](#Neural-Networks) and [x](#Nowhere).']),
  };
  assert.deepEqual(diagnosticsOf(files, 'Deep-Learning.md'), [
    {
      range: '2:16-2:31',
      severity: 'error',
      code: 'broken-link',
      message: 'No heading defines the id "Neural-Networks". Perhaps meant: Neural-Network.',
      data: { kind: 'broken-link', target: 'Neural-Networks' },
      relatedInformation: [],
    },
    {
      range: '2:42-2:49',
      severity: 'error',
      code: 'broken-link',
      message: 'No heading defines the id "Nowhere".',
      data: { kind: 'broken-link', target: 'Nowhere' },
      relatedInformation: [],
    },
  ]);
});

test('raw TeX: a heading under \\newpage is an entry, and a link inside a TeX command is none (as pandoc reads them)', () => {
  const files = {
    ...indexPage,
    'Apfel.md': ['\\newpage', ...entryLines('Apfel', 'Apfel', ['[Birne](#Birne)'])],
    'Birne.md': entryLines('Birne', 'Birne', ['[Apfel](#Apfel)'], ['Siehe \\emph{[Nirgends](#Nirgends)} und C:\\Programme\\Tool [Auch nicht](#Nirgends).']),
  };
  assert.deepEqual(diagnosticsOf(files, 'Birne.md'), []);
  // The author's rule wants the heading on the first line; the entry and its id stand.
  assert.deepEqual(
    diagnosticsOf(files, 'Apfel.md').map((diagnostic) => diagnostic.code),
    ['missing-chapter-heading'],
  );
  assert.ok(indexOf({ ...files }).isDefined('Apfel'));
});

test('findClosestIds ranks equal-ignoring-case first, then singular/plural, then edit distance, at most three', () => {
  const index = indexOf({
    'ids.md': ['# A {#Model}', '# B {#models}', '# C {#Modell}', '# D {#Mode}', '# E {#Modem}', '# F {#Unrelated}'],
  });
  assert.deepEqual(findClosestIds('MODELS', index), ['models', 'Model', 'Modell']);
  assert.deepEqual(findClosestIds('Technologies', indexOf({ 't.md': ['# T {#Technology}'] })), ['Technology']);
  assert.deepEqual(findClosestIds('Zzzzzz', index), []);
});

test('duplicate-anchor: every explicit definition of a twice-defined id is an error with the others as related information', () => {
  const files = {
    ...indexPage,
    'CNN.md': entryLines('CNN', 'CNN', []),
    'Claude.md': entryLines('Claude', 'CNN', []),
  };
  const duplicates = (name: string) => diagnosticsOf(files, name).filter((diagnostic) => diagnostic.code === 'duplicate-anchor');
  assert.deepEqual(duplicates('CNN.md'), [
    {
      range: '0:9-0:12',
      severity: 'error',
      code: 'duplicate-anchor',
      message: 'The id "CNN" is defined 2 times in the glossary, also at Claude.md:1.',
      data: { kind: 'duplicate-anchor', id: 'CNN' },
      relatedInformation: [{ uri: 'file:///ws/Claude.md', range: '0:12-0:15', message: '"CNN" is also defined here.' }],
    },
  ]);
  assert.deepEqual(
    duplicates('Claude.md').map((diagnostic) => diagnostic.relatedInformation),
    [[{ uri: 'file:///ws/CNN.md', range: '0:9-0:12', message: '"CNN" is also defined here.' }]],
  );
  // Of five definitions, the message names three of the other four and counts the last.
  const five = { ...indexPage, ...Object.fromEntries(['A', 'B', 'C', 'D', 'E'].map((name) => [`${name}.md`, entryLines(name, 'CNN', [])])) };
  assert.deepEqual(
    diagnosticsOf(five, 'C.md').filter((diagnostic) => diagnostic.code === 'duplicate-anchor').map((diagnostic) => diagnostic.message),
    ['The id "CNN" is defined 5 times in the glossary, also at A.md:1, B.md:1, D.md:1 and 1 more.'],
  );
  // Files of one name in other folders are named by their path from the file's folder.
  const folders = { ...indexPage, ...Object.fromEntries(['de/Attention.md', 'de/alt/Attention.md', 'en/Attention.md'].map((file) => [file, entryLines('Attention', 'Attention', [])])) };
  assert.deepEqual(
    diagnosticsOf(folders, 'de/Attention.md').filter((diagnostic) => diagnostic.code === 'duplicate-anchor').map((diagnostic) => diagnostic.message),
    ['The id "Attention" is defined 3 times in the glossary, also at alt/Attention.md:1, ../en/Attention.md:1.'],
  );
});

test('duplicate-anchor: automatic ids repeated across files are no error', () => {
  const files = {
    ...indexPage,
    'A.md': entryLines('A', 'A', [], ['### Details {.explanation}', '', 'Text.']),
    'B.md': entryLines('B', 'B', [], ['### Details {.explanation}', '', 'Text.']),
  };
  assert.deepEqual(diagnosticsOf(files, 'A.md').map((diagnostic) => diagnostic.code), []);
});

test('anchor-file-mismatch: the first entry of Claude.md defining #CNN is a warning', () => {
  const files = { ...indexPage, 'Claude.md': entryLines('CNN', 'CNN', []) };
  assert.deepEqual(diagnosticsOf(files, 'Claude.md'), [
    {
      range: '0:9-0:12',
      severity: 'warning',
      code: 'anchor-file-mismatch',
      message: 'The entry\'s id "CNN" differs from the file name "Claude". Links to "CNN": 1; to "Claude": 0.',
      data: { kind: 'anchor-file-mismatch', entryId: 'CNN' },
      relatedInformation: [],
    },
  ]);
});

test('anchor-file-mismatch: where another file gives the file\'s name as id, the message names it, and says when the two have swapped ids', () => {
  const mismatch = (files: Record<string, readonly string[]>, name: string) =>
    diagnosticsOf(files, name).filter((diagnostic) => diagnostic.code === 'anchor-file-mismatch').map((diagnostic) => diagnostic.message);
  const swapped = { ...indexPage, 'LLM.md': entryLines('Large Language Model', 'Large-Language-Model', []), 'Large-Language-Model.md': entryLines('LLM', 'LLM', []) };
  assert.deepEqual(mismatch(swapped, 'LLM.md'), ['The entry\'s id "Large-Language-Model" differs from the file name "LLM". Large-Language-Model.md gives the id "LLM": the two files have swapped ids. Links to "Large-Language-Model": 1.']);
  const taken = { ...indexPage, 'Claude.md': entryLines('CNN', 'CNN', []), 'Anthropic.md': entryLines('Claude', 'Claude', []) };
  assert.deepEqual(mismatch(taken, 'Claude.md'), ['The entry\'s id "CNN" differs from the file name "Claude". Anthropic.md gives the id "Claude" already. Links to "CNN": 1.']);
  // The links to the file's name count only while nothing gives that id: here they lead to a span.
  const span = { ...indexPage, 'Claude.md': entryLines('CNN', 'CNN', []), 'B.md': ['Ein [Claude]{#Claude}.', '', 'Siehe [c](#Claude) und [c](#Claude).'] };
  assert.deepEqual(mismatch(span, 'Claude.md'), ['The entry\'s id "CNN" differs from the file name "Claude". Links to "CNN": 1.']);
  const unlinked = { ...span, 'B.md': ['Siehe [c](#Claude) und [c](#Claude).'] };
  assert.deepEqual(mismatch(unlinked, 'Claude.md'), ['The entry\'s id "CNN" differs from the file name "Claude". Links to "CNN": 1; to "Claude": 2.']);
});

test('composed and decomposed umlauts: a file name that macOS decomposed matches its id; a link typed decomposed is broken, as in pandoc, and says why', () => {
  const decomposed = 'Größe'.normalize('NFD');
  const files = { ...indexPage, [`${decomposed}.md`]: entryLines('Größe', 'Größe', []), 'A.md': entryLines('A', 'A', [], [`Siehe [Größe](#${decomposed}).`]) };
  assert.deepEqual(diagnosticsOf(files, `${decomposed}.md`), []);
  const broken = diagnosticsOf(files, 'A.md').filter((diagnostic) => diagnostic.code === 'broken-link');
  assert.deepEqual(broken.map((diagnostic) => [diagnostic.message, diagnostic.data]), [
    [
      `No heading defines the id "${decomposed}" in these characters: a heading gives it with its letters encoded otherwise (such as ö as one character, or as o and a combining ¨), which pandoc takes for another id.`,
      { kind: 'broken-link', target: decomposed },
    ],
  ]);
});

test('index-link-broken says of an empty id and of decomposed umlauts what broken-link says', () => {
  const decomposed = 'Größe'.normalize('NFD');
  const files = {
    '001-index.txt': ['# Index {#Index}', '', '## G {.index}', '', `[Größe](#${decomposed}) |`, '[Leer](#) |'],
    'Größe.md': entryLines('Größe', 'Größe', []),
  };
  assert.deepEqual(
    diagnosticsOf(files, '001-index.txt').filter((diagnostic) => diagnostic.code === 'index-link-broken').map((diagnostic) => diagnostic.message),
    [
      `No heading defines the id "${decomposed}" in these characters: a heading gives it with its letters encoded otherwise (such as ö as one character, or as o and a combining ¨), which pandoc takes for another id.`,
      'The link names no id after #.',
    ],
  );
});

test('multiple-entries: each entry after the first of a .md file is reported as information', () => {
  const files = {
    ...indexPage,
    'DeepSpeed.md': [...entryLines('DeepSpeed', 'DeepSpeed', []), '', ...entryLines('Digital Twin', 'DigitalTwin', [])],
  };
  assert.deepEqual(diagnosticsOf(files, 'DeepSpeed.md'), [
    {
      range: '10:0-10:52',
      severity: 'information',
      code: 'multiple-entries',
      message: 'This file holds 2 entries; the rule is one entry per file. The entry "Digital Twin" (#DigitalTwin) could move to a file of its own.',
      data: { kind: 'multiple-entries', entryId: 'DigitalTwin' },
      relatedInformation: [{ uri: 'file:///ws/DeepSpeed.md', range: '0:0-0:47', message: 'The first entry of the file.' }],
    },
  ]);
  // Another file holds an entry of its name: a copy to keep once, not to move.
  const withCopy = { ...files, 'Digital-Twin.md': entryLines('Digital Twins', 'Digital-Twin', []) };
  assert.deepEqual(diagnosticsOf(withCopy, 'DeepSpeed.md').filter((diagnostic) => diagnostic.code === 'multiple-entries').map((diagnostic) => diagnostic.message), [
    'This file holds 2 entries; the rule is one entry per file. The entry "Digital Twin" (#DigitalTwin) is in Digital-Twin.md too, as "Digital Twins" (#Digital-Twin): keep one of them.',
  ]);
  // An entry of another name that shares the id is no copy of it.
  const sharingTheId = { ...files, 'Zwilling.md': entryLines('Ganz Anderes', 'DigitalTwin', []) };
  assert.match(diagnosticsOf(sharingTheId, 'DeepSpeed.md').find((diagnostic) => diagnostic.code === 'multiple-entries')!.message, /could move to a file of its own/);
});

test('multiple-entries: an entry with the first one\'s id is a second version of it: the message says so, with both titles where they differ', () => {
  const message = (second: string) => {
    const files = { ...indexPage, 'GPT-4.5.md': [...entryLines('GPT-4.5 (Stand Dezember 2024)', 'GPT-4.5', []), '', ...entryLines(second, 'GPT-4.5', [])] };
    return diagnosticsOf(files, 'GPT-4.5.md').find((diagnostic) => diagnostic.code === 'multiple-entries')?.message;
  };
  assert.equal(
    message('GPT-4.5 (Stand März 2025)'),
    'This file holds a second entry with the id "GPT-4.5": "GPT-4.5 (Stand März 2025)", after "GPT-4.5 (Stand Dezember 2024)" on line 1. The rule is one entry per file: keep one version, or give this one an id and a file of its own.',
  );
  assert.equal(
    message('GPT-4.5 (Stand Dezember 2024)'),
    'This file holds the entry "GPT-4.5 (Stand Dezember 2024)" again, with the same id; the rule is one entry per file. Keep one version, or give this one an id and a file of its own.',
  );
});

test('an index page written as a .md file is no chapter: it gets no missing-chapter-heading', () => {
  const files = {
    'Index.md': ['## Index {#Index}', '', '### A {.index}', '', '[Apfel](#Apfel) |'],
    'Apfel.md': entryLines('Apfel', 'Apfel', []),
  };
  assert.deepEqual(allDiagnosticsOf(files, 'Index.md'), []);
  // Without its .index sections it is no index page, and the rule holds.
  const plain = { ...files, 'Index.md': ['## Index {#Index}', '', '[Apfel](#Apfel) |'] };
  assert.deepEqual(allDiagnosticsOf(plain, 'Index.md').map((diagnostic) => diagnostic.code), ['missing-chapter-heading']);
});

test('missing-chapter-heading: a level-3 term heading, a heading without classes, and text before the heading are warnings', () => {
  const files = {
    ...indexPage,
    'Haiku.md': ['### Haiku {#Haiku .chapter .small .term}', '', 'Text.'],
    'LAM.md': ['## LAM {#LAM}', '', 'Text.'],
    'Late.md': ['Text first.', '', '## Late {#Late .chapter .small .term}'],
  };
  const message = 'The chapter heading (the first heading) is of level 3 instead of 2.';
  const chapterDiagnostics = (name: string) => diagnosticsOf(files, name).filter((diagnostic) => diagnostic.code === 'missing-chapter-heading');
  assert.deepEqual(chapterDiagnostics('Haiku.md'), [
    {
      range: '0:0-0:40',
      severity: 'warning',
      code: 'missing-chapter-heading',
      message,
      data: { kind: 'missing-chapter-heading' },
      relatedInformation: [],
    },
  ]);
  assert.deepEqual(chapterDiagnostics('LAM.md').map((diagnostic) => diagnostic.message), [
    'The chapter heading (the first heading) lacks .chapter .small .term.',
  ]);
  // A chapter heading in all but its place is said to stand where it stands.
  assert.deepEqual(chapterDiagnostics('Late.md').map((diagnostic) => diagnostic.message), [
    'The chapter heading stands on line 3: the layout rules put it on the first line of the file, with nothing above it.',
  ]);
  const bare = { ...files, 'Bare.md': ['# Bare', '', 'Text.'] };
  assert.deepEqual(diagnosticsOf(bare, 'Bare.md').filter((diagnostic) => diagnostic.code === 'missing-chapter-heading').map((diagnostic) => diagnostic.message), [
    'The chapter heading (the first heading) is of level 1 instead of 2, has no id {#…}, and lacks .chapter .small .term.',
  ]);
  // An attribute block that pandoc reads as text is what to mend, not the id and classes it lost.
  const unclosed = {
    ...files,
    'Pre-Training.md': ['## Pre-Training {#Pre-Training .chapter .small .term', '', 'Text.'],
    'Comma.md': ['## Comma {#Comma .chapter, .small, .term}'],
    'Written.md': ['## Written {id="Written" .chapter .small .term'],
    'Code.md': ['## Ein `{.x}` Beispiel'],
    'Emphasis.md': ['## Modell **GPT-4* {#Emphasis .chapter .small .term}'],
    // The chapter snippet left before its id mirrored the title.
    'Neuronales-Netz.md': ['## Neuronales Netz {Neuronales Netz .chapter .small .term}'],
    // A no-break space after the block (Option+Space after `}` on a German Mac keyboard).
    'Roboter.md': ['## Roboter {#Roboter .chapter .small .term}\u00a0'],
    'Untitled.md': ['## {#Untitled .chapter .small .term}', '', 'Text.'],
    // A backslash typed for a slash: `\Output` is a TeX command, whose argument the block is.
    'Input.md': ['## Input\\Output {#Input .chapter .small .term}'],
    'Untitled-H3.md': ['### {#Untitled-H3 .chapter .small .term}'],
    'Image.md': ['## ![](logo.png) {#Image .chapter .small .term}'],
  };
  const messageOf = (name: string) => diagnosticsOf(unclosed, name).find((diagnostic) => diagnostic.code === 'missing-chapter-heading')?.message;
  assert.match(messageOf('Written.md')!, /^The chapter heading \(the first heading\) has an attribute block not closed with \}/);
  // A {.x} in code, not at the end of the heading, was no attribute block.
  assert.match(messageOf('Code.md')!, /^The chapter heading \(the first heading\) has no id \{#…\} and lacks \.chapter \.small \.term\.$/);
  assert.deepEqual(diagnosticsOf(unclosed, 'Pre-Training.md').filter((diagnostic) => diagnostic.code === 'missing-chapter-heading').map((diagnostic) => diagnostic.message), [
    'The chapter heading (the first heading) has an attribute block not closed with }, which pandoc reads as text, and so neither an id nor classes.',
  ]);
  assert.deepEqual(diagnosticsOf(unclosed, 'Comma.md').filter((diagnostic) => diagnostic.code === 'missing-chapter-heading').map((diagnostic) => diagnostic.message), [
    'The chapter heading (the first heading) has an attribute block that pandoc reads as text, as it holds what no attribute block may (such as a comma), and so neither an id nor classes.',
  ]);
  assert.equal(messageOf('Input.md'), 'The chapter heading (the first heading) has an attribute block that pandoc reads as the argument of the TeX command \\Output before it (a backslash typed for a slash?), and so neither an id nor classes.');
  // pandoc reads a heading with no text before its block: a chapter without a name in the book.
  assert.equal(messageOf('Untitled.md'), 'The chapter heading (the first heading) has no title before its attribute block.');
  assert.equal(messageOf('Untitled-H3.md'), 'The chapter heading (the first heading) is of level 3 instead of 2 and has no title before its attribute block.');
  // An image alone is a title, though its plain text is empty.
  assert.equal(messageOf('Image.md'), undefined);
  // Marked on the heading, where it is.
  assert.deepEqual(chapterDiagnostics('Late.md').map((diagnostic) => diagnostic.range), ['2:0-2:37']);
  // A ** that a single * does not close makes the block text: that is the reason given, as unclosed-block gives it.
  assert.equal(messageOf('Emphasis.md'), 'The chapter heading (the first heading) has an attribute block that pandoc reads as text, as the ** before it is never closed, and so neither an id nor classes.');
  assert.equal(messageOf('Roboter.md'), 'The chapter heading (the first heading) has an attribute block that pandoc reads as text, as a blank other than a space follows it (U+00A0), and so neither an id nor classes.');
  assert.equal(messageOf('Neuronales-Netz.md'), 'The chapter heading (the first heading) has an attribute block that pandoc reads as text, as it begins with text instead of an id (#…) or a class, and so neither an id nor classes.');
});

test('missing-chapter-heading: the chapter classes come from the configuration', () => {
  const { config } = resolveConfig({ chapterClasses: ['term'] });
  const files = { ...indexPage, 'X.md': ['## X {#X .term}', '', '### See {.seealso}', '', '[Index](#Index)', '', '----'] };
  assert.deepEqual(diagnosticsOf(files, 'X.md', config), []);
});

test('missing-seealso: an entry without a see-also section is a warning on its heading', () => {
  const files = { ...indexPage, 'Bare.md': ['## Bare {#Bare .chapter .small .term}', '', 'Only text.', '', '----'] };
  assert.deepEqual(diagnosticsOf(files, 'Bare.md'), [
    {
      range: '0:0-0:37',
      severity: 'warning',
      code: 'missing-seealso',
      message: 'The entry "Bare" (#Bare) has no see-also section (a heading with the class .seealso).',
      data: { kind: 'missing-seealso', entryId: 'Bare' },
      relatedInformation: [],
    },
  ]);
});

test('missing-closing-rule: an entry without a rule after its see-also list (as the real glossary\'s CPU.md) is information on the list\'s last link; its fix closes it as pandoc reads a rule', async () => {
  const list = ['## CPU {#CPU .chapter .small .term}', '', 'Text.', '', '### Siehe {.seealso}', '', '[Index](#Index)'];
  const findings = (lines: readonly string[]) => diagnosticsOf({ ...indexPage, 'CPU.md': lines }, 'CPU.md').filter((diagnostic) => diagnostic.code === 'missing-closing-rule');
  assert.deepEqual(findings([...list, '']), [
    {
      range: '6:0-6:15',
      severity: 'information',
      code: 'missing-closing-rule',
      message: 'The entry "CPU" (#CPU) does not end with the rule ---- that closes every entry: in the book, the next entry follows without it.',
      data: { kind: 'missing-closing-rule', entryId: 'CPU' },
      relatedInformation: [],
    },
  ]);
  // Any rule after the list closes it (`---` too); one amid the entry does not; `----` right under the list's text is no rule but a heading's underline.
  assert.deepEqual(findings([...list, '', '---']), []);
  assert.deepEqual(findings(['## CPU {#CPU .chapter .small .term}', '', 'Text.', '', '----', '', '### Siehe {.seealso}', '', '[Index](#Index)']).length, 1);
  assert.deepEqual(findings([...list, '----']).length, 1);
  // A rule in a div (`:::` or a closed `<div>`) does not close the entry: pandoc's last block is the div. Unclosed, the fence or tag is text or raw HTML, and the rule closes it.
  for (const after of [['::: note', '', '----', '', ':::'], ['<div>', '', '----', '', '</div>'], ['<div>', '<div>', '', '----', '', '</div>', '</div>'], ['<div>', '', '----'], ['::: note', '', '----']]) {
    const lines = [...list, '', ...after, ''];
    const blocks = pandocBlocksOfText(lines.join('\n'));
    assert.equal(findings(lines).length, blocks.at(-1)?.t === 'HorizontalRule' ? 0 : 1, after.join('\n'));
  }
  // Without a list, missing-seealso reports the entry, and its fix adds the rule with the list.
  assert.deepEqual(findings(['## CPU {#CPU .chapter .small .term}', '', 'Text.']), []);
  // Each entry of a file is closed on its own.
  assert.deepEqual(findings([...list, '', '## GPU {#GPU .chapter .small .term}', '', '### Siehe {.seealso}', '', '[Index](#Index)', '', '----']).map((finding) => finding.range), ['6:0-6:15']);
  // There the message says what pandoc reads instead, and nothing else is reported of the list: a
  // one-line list over `----` is a heading for now, which no sort or section rule should act on.
  const underHeading = [...list.slice(0, -1), '[Index](#Index) |', '----'];
  assert.deepEqual(
    diagnosticsOf({ ...indexPage, 'CPU.md': underHeading }, 'CPU.md').map(({ range, code, message }) => [range, code, message]),
    [['6:0-7:4', 'missing-closing-rule', 'The rule ---- that closes the entry "CPU" (#CPU) stands right under a line of text, which pandoc reads as a heading it underlines: put a blank line above the rule.']],
  );
  const lastBlock = (lines: readonly string[]): string | undefined => pandocBlocksOfText(lines.join('\n')).at(-1)?.t;
  assert.equal(lastBlock(underHeading), 'Header');
  const underText = [...list.slice(0, -1), '[GPU](#GPU) |', '[Index](#Index)', '----'];
  assert.deepEqual(
    findings(underText).map(({ range, message }) => [range, message]),
    [['7:0-7:15', 'The rule ---- that closes the entry "CPU" (#CPU) stands right under a line of text, which pandoc reads as that text: put a blank line above the rule.']],
  );
  assert.equal(lastBlock(underText), 'Para');
  const model = indexOf({ ...indexPage, 'CPU.md': underHeading }).document(uriOf('CPU.md'))!;
  assert.deepEqual(sortSeeAlsoEdits(model.entries[0]!, TextDocument.create(uriOf('CPU.md'), 'markdown', 1, underHeading.join('\n')), new Intl.Collator('de'), { isDefined: () => true }), []);
  const closedBy = (lines: readonly string[], title = 'Close the entry with the rule ----'): string => {
    const index = indexOf({ ...indexPage, 'CPU.md': lines });
    const uri = uriOf('CPU.md');
    const document = TextDocument.create(uri, 'markdown', 1, lines.join('\n'));
    const diagnostics = computeDiagnostics(index.document(uri)!, index, defaultConfig).filter((diagnostic) => diagnostic.code === 'missing-closing-rule');
    const [fix] = codeActions({ index, config: defaultConfig, document, diagnostics, documentChanges: true, renamesFiles: true, newEntryUri: () => undefined }, diagnostics[0]!.range, ['quickfix']);
    assert.deepEqual([fix?.title, fix?.isPreferred], [title, true]);
    const closed = TextDocument.applyEdits(document, (fix!.edit!.documentChanges![0] as TextDocumentEdit).edits as TextEdit[]);
    const blocks = pandocBlocksOfText(closed);
    assert.equal(blocks.at(-1)?.t, 'HorizontalRule', closed);
    assert.deepEqual(findings(closed.split('\n')), []);
    return closed;
  };
  assert.equal(closedBy([...list, '']), [...list, '', '----', ''].join('\n'));
  // A rule written right under the list, which pandoc reads as its text (or a one-line list's heading underline): the blank line goes before it.
  const blankAbove = 'Put a blank line above the rule ----';
  assert.equal(closedBy([...list, '----'], blankAbove), [...list, '', '----'].join('\n'));
  assert.equal(closedBy(underHeading, blankAbove), [...list.slice(0, -1), '[Index](#Index) |', '', '----'].join('\n'));
  assert.equal(closedBy([...list.slice(0, -1), '[GPU](#GPU) |', '[Index](#Index)', '***', ''], blankAbove), [...list.slice(0, -1), '[GPU](#GPU) |', '[Index](#Index)', '', '***', ''].join('\n'));
});

test('seealso-unsorted: labels out of German order (case and umlauts ignored, Index left out) are a warning on the first pair out of order, which it names', () => {
  const files = {
    ...indexPage,
    'Apfel.md': ['## Apfel {#Apfel .chapter .small .term}', '', '### Siehe {.seealso}', '', '[Zebra](#Apfel) |', '[Index](#Index) |', '[äsche](#Apfel) |', '[Birne](#Apfel) |', '[Index](#Index) |', '', '----'],
  };
  // The links stand in for other entries with Apfel's own id: self-links, beside the point here.
  assert.deepEqual(withoutSelfLinks(diagnosticsOf(files, 'Apfel.md'), 3), [
    {
      range: '4:0-6:15',
      severity: 'warning',
      code: 'seealso-unsorted',
      message: 'The see-also links are not in alphabetical order: "äsche" belongs before "Zebra".',
      data: { kind: 'seealso-unsorted' },
      relatedInformation: [],
    },
  ]);
});

test('seealso-unsorted: in a long list, the pair out of order is marked, not the whole list', () => {
  const labels = ['Chain-of-Thought', 'Emergent Abilities', 'LLM', 'Prompt Engineering', 'Prompt', 'System-Prompt'];
  const files = { ...indexPage, 'Apfel.md': entryLines('Apfel', 'Apfel', labels.map((label) => `[${label}](#Apfel)`)) };
  const unsorted = diagnosticsOf(files, 'Apfel.md').filter((diagnostic) => diagnostic.code === 'seealso-unsorted');
  const lines = entryLines('Apfel', 'Apfel', labels.map((label) => `[${label}](#Apfel)`));
  assert.deepEqual(
    unsorted.map((diagnostic) => [diagnostic.range, diagnostic.message]),
    [[`${lines.indexOf('[Prompt Engineering](#Apfel) |')}:0-${lines.indexOf('[Prompt](#Apfel) |')}:16`, 'The see-also links are not in alphabetical order: "Prompt" belongs before "Prompt Engineering".']],
  );
});

test('seealso-unsorted: a pair in order only by putting capitals first says that the order does not', () => {
  const labels = ['Agent', 'PII', 'Personally Identifiable Information', 'Zebra'];
  const files = { ...indexPage, 'Apfel.md': entryLines('Apfel', 'Apfel', labels.map((label) => `[${label}](#Apfel)`)) };
  assert.deepEqual(
    diagnosticsOf(files, 'Apfel.md').filter((diagnostic) => diagnostic.code === 'seealso-unsorted').map((diagnostic) => diagnostic.message),
    ['The see-also links are not in alphabetical order (capitals do not sort first): "Personally Identifiable Information" belongs before "PII".'],
  );
});

test('seealso-unsorted: a list sorted ignoring case and accents has no diagnostic', () => {
  const files = { ...indexPage, 'Apfel.md': entryLines('Apfel', 'Apfel', ['[apfel](#Apfel)', '[Äsche](#Apfel)', '[birne](#Apfel)', '[Zebra](#Apfel)']) };
  assert.deepEqual(withoutSelfLinks(diagnosticsOf(files, 'Apfel.md'), 4), []);
  // Labels that collate as equal are in order either way round.
  for (const labels of [['Apfel', 'apfel'], ['apfel', 'Apfel']]) {
    const same = { ...indexPage, 'Apfel.md': entryLines('Apfel', 'Apfel', labels.map((label) => `[${label}](#Apfel)`)) };
    assert.deepEqual(withoutSelfLinks(diagnosticsOf(same, 'Apfel.md'), 2), []);
  }
});

test('seealso-index-not-last: a list without [Index](#Index) or with it before other links is a warning', () => {
  const files = {
    ...indexPage,
    'Apfel.md': entryLines('Apfel', 'Apfel', []),
    'NoIndex.md': ['## NoIndex {#NoIndex .chapter .small .term}', '', '### Siehe {.seealso}', '', '[Apfel](#Apfel) |', '', '----'],
    'Early.md': ['## Early {#Early .chapter .small .term}', '', '### Siehe {.seealso}', '', '[Index](#Index) |', '[Apfel](#Apfel) |', '', '----'],
  };
  assert.deepEqual(diagnosticsOf(files, 'NoIndex.md'), [
    {
      range: '2:0-2:20',
      severity: 'warning',
      code: 'seealso-index-not-last',
      message: 'The see-also list should end with [Index](#Index).',
      data: { kind: 'seealso-index-not-last' },
      relatedInformation: [],
    },
  ]);
  assert.deepEqual(diagnosticsOf(files, 'Early.md'), [
    {
      range: '4:0-4:15',
      severity: 'warning',
      code: 'seealso-index-not-last',
      message: '[Index](#Index) should be the last item of the see-also list.',
      data: { kind: 'seealso-index-not-last' },
      relatedInformation: [],
    },
  ]);
});

test('seealso-duplicate: a see-also list linking an id again is a warning on each later link, naming the first; an index link before the one that ends the list too', () => {
  const files = {
    ...indexPage,
    'Apfel.md': entryLines('Apfel', 'Apfel', []),
    'Twice.md': ['## Twice {#Twice .chapter .small .term}', '', 'Siehe [Apfel](#Apfel).', '', '### Siehe {.seealso}', '', '[Apfel](#Apfel) |', '[Index](#Index) |', '[Äpfel](#Apfel) |', '[Apfel](#Apfel) |', '[Index](#Index)', '', '----'],
    // Without the index last, seealso-index-not-last tells of the first, and the sort puts both last.
    'Early.md': ['## Early {#Early .chapter .small .term}', '', '### Siehe {.seealso}', '', '[Index](#Index) |', '[Apfel](#Apfel) |', '[Index](#Index) |', '[Apfel](#apfel) |', '', '----'],
  };
  const found = (name: string) => diagnosticsOf(files, name).filter((diagnostic) => diagnostic.code === 'seealso-duplicate');
  const secondLink = (line: number, target: string, message: string, first: number, firstMessage: string, alias = false) => ({
    range: `${line}:0-${line}:15`,
    severity: 'warning',
    code: 'seealso-duplicate',
    message,
    data: { kind: 'seealso-duplicate', target, ...(alias ? { alias: true } : {}) },
    relatedInformation: [{ uri: uriOf('Twice.md'), range: `${first}:0-${first}:15`, message: firstMessage }],
  });
  const againApfel = 'The see-also list links #Apfel already, as "Apfel" on line 7.';
  assert.deepEqual(found('Twice.md'), [
    secondLink(7, 'Index', 'The see-also list ends with [Index](#Index), on line 11: this link to the index is one too many.', 10, 'The link to the index that ends the list.'),
    // Another label: an alias, which may be meant.
    secondLink(8, 'Apfel', againApfel, 6, 'The first link to #Apfel in the list.', true),
    secondLink(9, 'Apfel', againApfel, 6, 'The first link to #Apfel in the list.'),
  ]);
  // A link to the index in a sentence after the list is none of its items: the list's own is no second one.
  assert.deepEqual(diagnosticsOf({ ...files, 'Back.md': ['## Back {#Back .chapter .small .term}', '', '### Siehe {.seealso}', '', '[Apfel](#Apfel) |', '[Index](#Index)', '', 'Zurück zum [Index](#Index).', '', '----'] }, 'Back.md').filter((diagnostic) => diagnostic.code === 'seealso-duplicate'), []);
  // #apfel is another id (a broken link), and the index links are seealso-index-not-last's.
  assert.deepEqual(found('Early.md'), []);
});

test('seealso-separator: a see-also link followed by the next with nothing but blanks between them is a warning, where pandoc runs the two together', async () => {
  const list = (...items: string[]) => ['## Apfel {#Apfel .chapter .small .term}', '', '### Siehe {.seealso}', '', ...items, '', '----'];
  const cases: [string[], string[]][] = [
    [['[Birne](#Birne) |', '[Quitte](#Quitte)', '[Zitrone](#Zitrone) |', '[Index](#Index)'], ['Quitte']],
    [['[Birne](#Birne) [Quitte](#Quitte) |', '[Index](#Index) |'], ['Birne']],
    // With no separator anywhere, every item but the last.
    [['[Birne](#Birne)', '[Quitte](#Quitte)', '[Index](#Index)'], ['Birne', 'Quitte']],
    // Separated: by `|` or `·`, a blank line, a line break that pandoc keeps (two spaces, a backslash), list markers.
    [['[Birne](#Birne) · [Quitte](#Quitte) ·', '[Index](#Index)'], []],
    [['[Birne](#Birne)', '', '[Quitte](#Quitte)', '', '[Index](#Index)'], []],
    [['[Birne](#Birne)  ', '[Quitte](#Quitte)\\', '[Index](#Index)'], []],
    // A tab at a line's end is the spaces it expands to: two or more break the line, one does not.
    [['[BB](#Birne)\t', '[Quitte](#Quitte) \t', '[Birne](#Birne)\t', '[Index](#Index)'], ['Birne']],
    [['- [Birne](#Birne)', '- [Quitte](#Quitte)', '- [Index](#Index)'], []],
    // Within a list item, or a quote, two links still run together.
    [['- [Birne](#Birne) [Quitte](#Quitte)', '- [Index](#Index)'], ['Birne']],
    [['> [Birne](#Birne)', '> [Quitte](#Quitte) |', '', '[Index](#Index)'], ['Birne']],
    // A line going on without its mark goes on the quote's paragraph; a mark more, or one under a line of no quote, is text.
    [['> [Birne](#Birne)', '[Quitte](#Quitte) |', '', '[Index](#Index)'], ['Birne']],
    // After such a line, the quote's mark goes on with the paragraph.
    [['> [Birne](#Birne) |', '[Quitte](#Quitte)', '> [Zitrone](#Zitrone) |', '', '[Index](#Index)'], ['Quitte']],
    [['> [Birne](#Birne)', '> > [Quitte](#Quitte) |', '', '[Index](#Index)'], []],
    [['[Birne](#Birne)', '> [Quitte](#Quitte) |', '', '[Index](#Index)'], []],
    [['- [Birne](#Birne)', '  > [Quitte](#Quitte) |', '', '[Index](#Index)'], []],
    // The last item needs no separator.
    [['[Birne](#Birne) |', '[Index](#Index)'], []],
    // Emphasis that wraps a link alone is the item's, no separator; a star with blanks around it is text that parts them.
    [['*[Birne](#Birne)*', '[Index](#Index)'], ['Birne']],
    [['**[Birne](#Birne)** |', '_[Quitte](#Quitte)_ ~~[Zitrone](#Zitrone)~~ |', '[Index](#Index)'], ['Quitte']],
    [['[Birne](#Birne) * [Quitte](#Quitte) |', '*[Index](#Index) |*'], []],
  ];
  for (const [items, labels] of cases) {
    const files = { ...indexPage, 'Apfel.md': list(...items) };
    const found = diagnosticsOf(files, 'Apfel.md').filter((diagnostic) => diagnostic.code === 'seealso-separator');
    assert.deepEqual(found.map((diagnostic) => diagnostic.message.match(/^Nothing separates the see-also link "([^"]*)"/)?.[1]), labels, items.join('|'));
    assert.deepEqual(await pandocSeeAlsoLinksRunTogether([], list(...items).join('\n')), labels, `pandoc: ${items.join('|')}`);
  }
  // Links in a sentence are no items of the list: prose, which pandoc runs together as it is written.
  const sentence = { ...indexPage, 'Apfel.md': list('[Birne](#Birne) |', '[Index](#Index)', '', 'Mehr bei [Quitte](#Quitte) [Zitrone](#Zitrone).') };
  assert.deepEqual(diagnosticsOf(sentence, 'Apfel.md').filter((diagnostic) => diagnostic.code === 'seealso-separator'), []);
  const [first] = diagnosticsOf({ ...indexPage, 'Apfel.md': list(...cases[0]![0]) }, 'Apfel.md').filter((diagnostic) => diagnostic.code === 'seealso-separator');
  assert.deepEqual(first, {
    range: '5:0-5:17',
    severity: 'warning',
    code: 'seealso-separator',
    message: 'Nothing separates the see-also link "Quitte" from the next, "Zitrone": in the book the two run together as "Quitte Zitrone".',
    data: { kind: 'seealso-separator' },
    relatedInformation: [],
  });
});

test('section-after-seealso: sections after the see-also list, which should end the entry, are a warning on the first of them; a section repeated from above says the entry may be there twice', () => {
  const entry = (...tail: string[]): string[] => ['## Apfel {#Apfel .chapter .small .term}', '', '### Beschreibung {.explanation}', '', 'Text.', '', '### Siehe {.seealso}', '', '[Index](#Index) |', '', ...tail];
  const files = { ...indexPage, 'Apfel.md': entry('#### Nachtrag', '', 'Mehr.', '', '### Geschichte {.explanation}', '', 'Alt.', '', '----') };
  assert.deepEqual(diagnosticsOf(files, 'Apfel.md'), [
    {
      range: '10:0-10:13',
      severity: 'warning',
      code: 'section-after-seealso',
      message: '2 sections, from "Nachtrag" on, follow the see-also list of "Apfel", which should end the entry: move them above the list.',
      data: { kind: 'section-after-seealso' },
      relatedInformation: [{ uri: uriOf('Apfel.md'), range: '6:0-6:20', message: 'The see-also section of the entry.' }],
    },
  ]);
  const one = diagnosticsOf({ ...files, 'Apfel.md': entry('### Geschichte {.explanation}', '', 'Alt.', '', '----') }, 'Apfel.md');
  assert.deepEqual(one.map((diagnostic) => diagnostic.message), ['The section "Geschichte" follows the see-also list of "Apfel", which should end the entry: move it above the list.']);
  const twice = diagnosticsOf({ ...files, 'Apfel.md': entry('----', '', '### Beschreibung {.explanation}', '', 'Text.', '', '### Siehe {.seealso}', '', '[Index](#Index) |') }, 'Apfel.md');
  assert.match(twice.map((diagnostic) => diagnostic.message).join(), /^2 sections, from "Beschreibung" on, .* is the entry there twice\?$/);
  // One section of a title used above is a section to move, not a copy of the entry.
  const repeatedOnce = diagnosticsOf({ ...files, 'Apfel.md': entry('### Beschreibung {.explanation}', '', 'Mehr.', '', '----') }, 'Apfel.md');
  assert.deepEqual(repeatedOnce.map((diagnostic) => diagnostic.message), ['The section "Beschreibung" follows the see-also list of "Apfel", which should end the entry: move it above the list.']);
  // Text after the list is no section: not reported.
  assert.deepEqual(diagnosticsOf({ ...files, 'Apfel.md': entry('Nachtrag.', '', '----') }, 'Apfel.md'), []);
  // A heading of the entry's level without .term is no section to move above the list.
  const chapter = diagnosticsOf({ ...files, 'Apfel.md': entry('## Anhang', '', 'Mehr.', '', '### Quellen', '', 'Alt.', '', '----') }, 'Apfel.md');
  assert.deepEqual(chapter.map((diagnostic) => `${diagnostic.code} ${diagnostic.range} ${diagnostic.message}`), [
    'section-after-seealso 10:0-10:9 The heading "Anhang" follows the see-also list of "Apfel", which should end the entry; it has the level of an entry\'s heading but not the class .term: if it begins another entry, give it .term and a file of its own.',
  ]);
});

test('missing-section-class: a section one level below the entry heading without .explanation, .haiku or .seealso is a warning; subsections of another heading, other levels, quotes and list items are not checked', () => {
  const apfel = (...body: string[]): Files => ({ ...indexPage, 'Apfel.md': entryLines('Apfel', 'Apfel', [], body) });
  const found = (...body: string[]): string[] =>
    diagnosticsOf(apfel(...body), 'Apfel.md')
      .filter((diagnostic) => diagnostic.code === 'missing-section-class')
      .map((diagnostic) => `${diagnostic.range} ${diagnostic.message}`);
  const rule = 'The layout rules give every level-3 section of an entry the class .explanation, the haikus .haiku and the see-also list .seealso.';
  assert.deepEqual(diagnosticsOf(apfel('### Leaderboard', '', 'Text.'), 'Apfel.md'), [
    {
      range: '2:0-2:15',
      severity: 'warning',
      code: 'missing-section-class',
      message: `The section "Leaderboard" has no section class. ${rule}`,
      data: { kind: 'missing-section-class' },
      relatedInformation: [],
    },
  ]);
  // An id or another class is no section class; closing hashes are no part of the title; the
  // attributes of code, a span or a link at the end of the text are theirs, the heading has none.
  assert.deepEqual(found('### Quellen {#quellen .wide}', '', '### *Ende* ###', '', '### Die Funktion `f()`{.python}', '', '### Mit [x]{.y}', '', '### A {.x} {.y}', '', 'Text.'), [
    `2:0-2:28 The section "Quellen" has no section class. ${rule}`,
    `4:0-4:14 The section "Ende" has no section class. ${rule}`,
    `6:0-6:31 The section "Die Funktion f()" has no section class. ${rule}`,
    `8:0-8:15 The section "Mit x" has no section class. ${rule}`,
    `10:0-10:15 The section "A {.x}" has no section class. ${rule}`,
  ]);
  // An attribute block that pandoc reads as text: the message says why the class is not there.
  assert.deepEqual(found('### Leaderboard {.explanation', '', 'Text.'), [
    `2:0-2:29 The section "Leaderboard" has an attribute block not closed with }, which pandoc reads as text, and so neither an id nor classes. ${rule}`,
  ]);
  // Each of the three classes; a level-4 heading; a heading in a quote, a list item.
  assert.deepEqual(found('### Beschreibung {.explanation}', '', '#### Detail', '', '> ### Zitat', '', '- ### Punkt', '', '### KI-Haikus zu Apfel {.haiku}', '', 'Reif.'), []);
  // Under a heading of the entry's level, as pandoc nests them: that heading's subsections (sections
  // written `##`, as Google-Assistant.md's are, or an appendix).
  assert.deepEqual(found('## Funktionsweise {.explanation}', '', '### Spracherkennung', '', 'Text.', '', '## Anhang', '', '### Quellen', '', 'Buch.'), []);
  // Under an entry heading of level 3, the sections of level 4.
  const level3 = { ...indexPage, 'Haiku.md': ['### Haiku {#Haiku .chapter .small .term}', '', '#### Form', '', '### Beispiel {.explanation}', '', '#### Siehe {.seealso}', '', '[Index](#Index) |'] };
  assert.deepEqual(
    diagnosticsOf(level3, 'Haiku.md').filter((diagnostic) => diagnostic.code === 'missing-section-class').map((diagnostic) => diagnostic.message),
    ['The section "Form" has no section class. The layout rules give every level-4 section of an entry the class .explanation, the haikus .haiku and the see-also list .seealso.'],
  );
});

test('section-level: a section written as a chapter (## or #), with a section class or amid the entry, is a warning, pointing at the entry heading; an appendix after the see-also list, sections in quotes and level-3 sections are not', () => {
  const apfel = (...body: string[]): Files => ({ ...indexPage, 'Apfel.md': entryLines('Apfel', 'Apfel', [], body) });
  const found = (...body: string[]) => diagnosticsOf(apfel(...body), 'Apfel.md').filter((diagnostic) => diagnostic.code === 'section-level');
  assert.deepEqual(found('## Beschreibung {.explanation}', '', 'Text.'), [
    {
      range: '2:0-2:30',
      severity: 'warning',
      code: 'section-level',
      message: 'The section "Beschreibung" is written as a chapter (##): in the book it becomes a chapter of its own. The layout rules write the sections of an entry at level 3 (###).',
      data: { kind: 'section-level' },
      relatedInformation: [{ uri: uriOf('Apfel.md'), range: '0:0-0:39', message: 'The heading of the entry.' }],
    },
  ]);
  assert.deepEqual(found('# Haikus {.haiku}', '', 'Rot.').map((diagnostic) => diagnostic.message), ['The section "Haikus" is written as a chapter (#): in the book it becomes a chapter of its own. The layout rules write the sections of an entry at level 3 (###).']);
  assert.deepEqual(found('Beschreibung {.explanation}', '------------', '', 'Text.').length, 1);
  // Without a class too, amid the entry: above its see-also list, it splits the entry in the book.
  assert.deepEqual(found('### Beschreibung {.explanation}', '', 'Text.', '', '## Notizen', '', 'Mehr.').map(({ range, message }) => [range, message]), [
    ['6:0-6:10', 'The section "Notizen" is written as a chapter (##): in the book it becomes a chapter of its own. The layout rules write the sections of an entry at level 3 (###).'],
  ]);
  // A heading without text is an empty chapter in the book.
  assert.deepEqual(found('Text.', '', '##', '', 'Mehr.').map(({ message }) => message), ['This heading without text is written as a chapter (##): in the book it becomes an empty chapter amid the entry. Remove it, or write the section meant at level 3 (###).']);
  // After the see-also list, an appendix is a chapter (section-after-seealso tells of it); the entry's own sections and a quoted heading are none.
  const appendix = { ...indexPage, 'Apfel.md': [...entryLines('Apfel', 'Apfel', [], ['### Quellen {.explanation}', '', 'Buch.', '', '> ## Zitat {.explanation}']), '', '## Anhang', '', 'Mehr.'] };
  assert.deepEqual(diagnosticsOf(appendix, 'Apfel.md').filter((diagnostic) => diagnostic.code === 'section-level'), []);
});

test('section-after-haiku: sections between the haikus and the see-also list are a warning on the first of them; level-4 sections, quotes and an entry without haikus are not', () => {
  const apfel = (...body: string[]): Files => ({ ...indexPage, 'Apfel.md': entryLines('Apfel', 'Apfel', [], body) });
  const found = (...body: string[]) => diagnosticsOf(apfel(...body), 'Apfel.md').filter((diagnostic) => diagnostic.code === 'section-after-haiku');
  const haikus = ['### KI-Haikus zu Apfel {.haiku}', '', 'Rot und rund.'];
  assert.deepEqual(found('### Beschreibung {.explanation}', '', 'Text.', '', ...haikus, '', '### Geschichte {.explanation}', '', 'Alt.'), [
    {
      range: '10:0-10:29',
      severity: 'warning',
      code: 'section-after-haiku',
      message: 'The section "Geschichte" stands between the haikus and the see-also list of "Apfel", which should end the entry: move it above the haikus.',
      data: { kind: 'section-after-haiku' },
      relatedInformation: [{ uri: uriOf('Apfel.md'), range: '6:0-6:31', message: 'The haiku section of the entry.' }],
    },
  ]);
  assert.deepEqual(
    found(...haikus, '', '### Geschichte {.explanation}', '', '#### Früher', '', '### Quellen {.explanation}', '', 'Buch.').map((diagnostic) => diagnostic.message),
    ['2 sections, from "Geschichte" on, stand between the haikus and the see-also list of "Apfel", which should end the entry: move them above the haikus.'],
  );
  // A second haiku section is one of the haikus.
  assert.deepEqual(
    found('### Haikus von ChatGPT {.haiku}', '', 'Eins.', '', '### Geschichte {.explanation}', '', 'Alt.', '', '### Haikus von Claude {.haiku}', '', 'Zwei.').map((diagnostic) => diagnostic.message),
    ['The section "Geschichte" stands between the haikus and the see-also list of "Apfel", which should end the entry: move it above the haikus.'],
  );
  assert.deepEqual(found('### Haikus von ChatGPT {.haiku}', '', 'Eins.', '', '### Haikus von Claude {.haiku}', '', 'Zwei.'), []);
  // A heading above the section level between them is no section to move: another chapter, or a
  // `----` right under the haiku text, which makes it a setext heading.
  assert.deepEqual(found(...haikus, '', '## Anhang', '', '### Quellen {.explanation}', '', 'Buch.'), []);
  assert.deepEqual(found(...haikus, '----'), []);
  // A haiku heading in a quote is no haiku section.
  assert.deepEqual(found('> ### Ein Haiku {.haiku}', '> Zitat.', '', '### Geschichte {.explanation}', '', 'Alt.', '', ...haikus), []);
  // A level-4 section belongs to the haiku section; a heading in a quote is none; haikus last, or none, are fine.
  assert.deepEqual(found(...haikus, '', '#### Von Claude', '', 'Süß.', '', '> ### Zitat', '', '> Wort.'), []);
  assert.deepEqual(found('### Beschreibung {.explanation}', '', 'Text.', '', ...haikus), []);
  assert.deepEqual(found('### Beschreibung {.explanation}', '', 'Text.'), []);
});

test('missing-haiku: off by default; enabled, an entry without a .haiku section is reported at its heading, one with haikus (at any level, in a quote too) is not', () => {
  const apfel = (...body: string[]): Files => ({ ...indexPage, 'Apfel.md': entryLines('Apfel', 'Apfel', [], body) });
  const enabled = { ...defaultConfig, severity: { ...defaultConfig.severity, 'missing-haiku': 'information' as const } };
  const found = (config: GlossaryConfig, ...body: string[]) => diagnosticsOf(apfel(...body), 'Apfel.md', config).filter((diagnostic) => diagnostic.code === 'missing-haiku');
  assert.deepEqual(found(defaultConfig, '### Beschreibung {.explanation}', '', 'Text.'), []);
  assert.deepEqual(found(enabled, '### Beschreibung {.explanation}', '', 'Text.'), [
    {
      range: '0:0-0:39',
      severity: 'information',
      code: 'missing-haiku',
      message: 'The entry "Apfel" (#Apfel) has no haiku section (a heading with the class .haiku).',
      data: { kind: 'missing-haiku', entryId: 'Apfel' },
      relatedInformation: [],
    },
  ]);
  assert.deepEqual(found(enabled, '### KI-Haikus zu Apfel {.haiku}', '', 'Rot und rund.'), []);
  assert.deepEqual(found(enabled, '#### Haikus {.haiku}', '', 'Rot und rund.'), []);
  assert.deepEqual(found(enabled, '> ### Ein Haiku {.haiku}', '> Rot und rund.'), []);
  // A class pandoc reads as text (a no-break space after the block) is missing-section-class's to fix; the entry has no haikus.
  assert.equal(found(enabled, '### KI-Haikus zu Apfel {.haiku}\u00a0', '', 'Rot und rund.').length, 1);
});

test('sentence-mid-line: a sentence after another on a line of an entry file is a hint, in paragraphs, list items, quotes and notes; not in headings, tables, code or labels, nor in a file without entries', () => {
  const files = {
    ...indexPage,
    'Apfel.md': entryLines('Apfel', 'Apfel', [], [
      'Der Apfel ist rund. Er wächst am Baum.',
      '',
      '- **Sorten**: Es gibt viele. Manche sind rot.',
      '',
      '> Ein Zitat. Noch ein Satz.[^1]',
      '',
      '[^1]: Eine Note. Mit zwei Sätzen.',
      '',
      '### Ein Titel. Mit Punkt {.explanation}',
      '',
      '| Spalte. Eins | Zwei |',
      '|---|---|',
      '| a. B | c |',
      '',
      'Code `x. Y` und [ein Link. Mit Punkt](#Apfel) hier.',
      '',
      '~~~',
      'Code. Mehr Code.',
      '~~~',
    ]),
    'notes.md': ['Notizen. Zwei Sätze.'],
  };
  const found = diagnosticsOf(files, 'Apfel.md').filter((diagnostic) => diagnostic.code === 'sentence-mid-line');
  assert.deepEqual(found.map((diagnostic) => diagnostic.range), ['2:19-2:22', '4:28-4:35', '6:12-6:17', '8:16-8:20']);
  assert.equal(found[0]!.message, 'A new sentence starts here, on the line of the one before: the writing rules start each sentence on a new line.');
  assert.equal(found[0]!.severity, 'hint');
  assert.deepEqual(diagnosticsOf(files, 'notes.md').filter((diagnostic) => diagnostic.code === 'sentence-mid-line'), []);
  // A line written as a heading or a fence under text is to be set apart (heading-in-text, code-block-in-text), not split.
  const glued = { ...indexPage, 'Apfel.md': entryLines('Apfel', 'Apfel', [], ['Text davor', '### Titel. Zwei {.explanation}', '', 'Beispiel:', '~~~', 'Frage. Er kauft zwei.', '~~~']) };
  assert.deepEqual(diagnosticsOf(glued, 'Apfel.md').map((diagnostic) => diagnostic.code), ['heading-in-text', 'code-block-in-text']);
});

test('a folder without any entry is no glossary: no layout checks, but links are still checked; the first entry brings them to every file', () => {
  const files = {
    'README.md': ['# My project', '', 'See [install](#install) and [usage](#usage).', '', '## Install', '', '```sh', 'npm install', '```'],
    'notes.md': ['Some notes.'],
  };
  assert.deepEqual(allDiagnosticsOf(files, 'README.md').map((diagnostic) => diagnostic.code), ['broken-link']);
  assert.deepEqual(allDiagnosticsOf(files, 'notes.md'), []);

  const index = indexOf(files);
  const change = index.update(indexOf({ 'Apfel.md': entryLines('Apfel', 'Apfel', []) }).document(uriOf('Apfel.md'))!);
  assert.deepEqual([...change.affectedUris].sort(), ['Apfel.md', 'README.md', 'notes.md'].map(uriOf));
  const codesOf = (name: string) => computeDiagnostics(index.document(uriOf(name))!, index, defaultConfig).map((diagnostic) => diagnostic.code);
  assert.deepEqual(codesOf('README.md'), ['missing-chapter-heading', 'broken-link', 'fence-style']);
  assert.deepEqual(codesOf('notes.md'), ['missing-chapter-heading']);
  assert.deepEqual([...index.remove(uriOf('Apfel.md')).affectedUris].sort(), ['README.md', 'notes.md'].map(uriOf));
  assert.deepEqual(codesOf('notes.md'), []);
});

test('fence-style: a backtick fence is information, marked from its first backtick (in a list item or quote too); a tilde fence is fine', () => {
  const files = {
    ...indexPage,
    'Code.md': entryLines('Code', 'Code', [], ['```sh', 'echo hi', '```', '', '~~~sh', 'echo ok', '~~~', '', '- item', '', '  ```python', '  x', '  ```', '', '> ```', '> y', '> ```']),
  };
  const fenceStyle = {
    severity: 'information',
    code: 'fence-style',
    message: 'Code blocks in this glossary are fenced with ~~~, not with backticks.',
    data: { kind: 'fence-style' },
    relatedInformation: [],
  };
  assert.deepEqual(diagnosticsOf(files, 'Code.md'), [
    { range: '2:0-2:5', ...fenceStyle },
    { range: '12:2-12:11', ...fenceStyle },
    { range: '16:2-16:5', ...fenceStyle },
  ]);
});

test('fence-style: a code block written by indenting (four spaces, a tab, in a list item, in a quote) is information, marked on its first line, where pandoc reads code', async () => {
  const body = ['Text.', '', '    indented text', '      goes on', '', 'Between.', '', '\tafter a tab', '', '- item', '', '      in the item', '', '>     quoted', '', '- item', '  three spaces are none'];
  const files = { ...indexPage, 'Code.md': entryLines('Code', 'Code', [], body) };
  const message = 'Indented by four spaces or a tab, these lines are a code block in the book. Code blocks in this glossary are fenced with ~~~; if the lines are text, take the indentation away.';
  assert.deepEqual(
    diagnosticsOf(files, 'Code.md').filter((diagnostic) => diagnostic.code === 'fence-style').map((diagnostic) => [diagnostic.range, diagnostic.severity, diagnostic.message, diagnostic.data]),
    [
      ['4:4-4:17', 'information', message, { kind: 'fence-style', indented: true }],
      ['9:1-9:12', 'information', message, { kind: 'fence-style', indented: true }],
      ['13:6-13:17', 'information', message, { kind: 'fence-style', indented: true }],
      ['15:6-15:12', 'information', message, { kind: 'fence-style', indented: true }],
    ],
  );
  // As pandoc reads the entry: a code block for each of them.
  assert.deepEqual(await pandocCodeBlocksOfText(files['Code.md'].join('\n')), ['indented text\n  goes on', 'after a tab', 'in the item', 'quoted']);
});

test('fence-style: a backtick fence right under a line of text (Layer-Normalization.md) also asks for the blank line that a ~~~ fence needs there', () => {
  const files = {
    ...indexPage,
    'Code.md': entryLines('Code', 'Code', [], ['- **PyTorch**:', '  ```python', '  x', '  ```', '', 'Text:', '```sh', 'y', '```', '', '### Beispiel {.explanation}', '```sh', 'z', '```']),
  };
  const messages = (name: string) => diagnosticsOf(files, name).map((diagnostic) => `${diagnostic.range} ${diagnostic.message}`);
  const withBlankLine = 'Code blocks in this glossary are fenced with ~~~, not with backticks. Put a blank line before this one too: right under a line of text, pandoc reads a ~~~ fence as text.';
  assert.deepEqual(messages('Code.md'), [
    `3:2-3:11 ${withBlankLine}`,
    `8:0-8:5 ${withBlankLine}`,
    '13:0-13:5 Code blocks in this glossary are fenced with ~~~, not with backticks.',
  ]);
  // As the message says: the same blocks fenced with ~~~ are text under the lines of text, code under the heading.
  const tilde = files['Code.md'].map((line) => line.replace('```', '~~~'));
  const codeBlocks = pandocBlocksOfText(tilde.join('\n')).filter((block) => block.t === 'CodeBlock');
  assert.equal(codeBlocks.length, 1);
  assert.deepEqual(diagnosticsOf({ ...files, 'Code.md': tilde }, 'Code.md').map((diagnostic) => diagnostic.code), ['code-block-in-text', 'code-block-in-text']);
});

test('unclosed-block: a code fence or comment (at a block\'s start or within a paragraph) never closed at the top level is a warning; one in a list item runs on too; a fence in a list item or quote is bounded there, a comment in code is none', () => {
  const files = {
    ...indexPage,
    'Code.md': entryLines('Code', 'Code', [], ['Text.', '', '~~~sh', 'echo hi']),
    'Note.md': entryLines('Note', 'Note', [], ['<!-- TODO: more', '', 'Text.']),
    'Inner.md': entryLines('Inner', 'Inner', [], ['- item', '', '  ~~~', '  code', '', '> ~~~', '> quoted <!-- open', '', 'Code `<!--` here.']),
    'Item.md': entryLines('Item', 'Item', [], ['- item <!-- open', '', 'Text.']),
    'Inline.md': entryLines('Inline', 'Inline', [], ['Text <!-- TODO: more', '', 'Text.']),
  };
  assert.deepEqual(diagnosticsOf(files, 'Code.md').filter((diagnostic) => diagnostic.code === 'unclosed-block'), [
    {
      range: '4:0-4:3',
      severity: 'warning',
      code: 'unclosed-block',
      message: 'This code block is never closed: in the book, which joins the files, it runs on into the files after this one up to the next line of at least ~~~, and their headings and links are lost.',
      data: { kind: 'unclosed-block' },
      relatedInformation: [],
    },
  ]);
  assert.deepEqual(diagnosticsOf(files, 'Note.md').filter((diagnostic) => diagnostic.code === 'unclosed-block').map((diagnostic) => [diagnostic.range, diagnostic.message]), [
    ['2:0-2:4', 'This comment is never closed with -->: in the book, which joins the files, it hides the files after this one up to the next -->, or, where none follows, shows as text.'],
  ]);
  assert.deepEqual(diagnosticsOf(files, 'Inline.md').filter((diagnostic) => diagnostic.code === 'unclosed-block').map((diagnostic) => diagnostic.range), ['2:5-2:9']);
  // A comment opened in a list item runs on past it (Pandoc's list lines skip comments whole).
  assert.deepEqual(diagnosticsOf(files, 'Item.md').filter((diagnostic) => diagnostic.code === 'unclosed-block').map((diagnostic) => diagnostic.range), ['2:7-2:11']);
  assert.deepEqual(diagnosticsOf(files, 'Inner.md').filter((diagnostic) => diagnostic.code === 'unclosed-block'), []);
});

test('unclosed-block: a run of emphasis in a heading that pandoc cannot close, which makes the attribute block text, is a warning on the run', () => {
  const heading = '## Modell **GPT-4* {#GPT-4 .chapter .small .term}';
  const files = { ...indexPage, 'GPT-4.md': [heading, '', 'Text.'], 'Fine.md': ['## Modell **GPT-4** {#Fine .chapter .small .term}', '', 'Text.'] };
  assert.deepEqual(diagnosticsOf(files, 'GPT-4.md').filter((diagnostic) => diagnostic.code === 'unclosed-block').map((diagnostic) => [diagnostic.range, diagnostic.message]), [
    ['0:10-0:12', 'This ** is never closed: pandoc reads the rest of the heading as its text, the attribute block too, so the heading gets neither its id nor its classes.'],
  ]);
  assert.deepEqual(diagnosticsOf(files, 'Fine.md').filter((diagnostic) => diagnostic.code === 'unclosed-block'), []);
});

test('broken-link: a link that names no id after # says so, and offers no ids, though its label names an entry', () => {
  const files = { ...indexPage, 'Apfel.md': entryLines('Apfel', 'Apfel', [], ['Siehe [Apfel](#) und [](#).']) };
  assert.deepEqual(
    diagnosticsOf(files, 'Apfel.md').filter((diagnostic) => diagnostic.code === 'broken-link').map((diagnostic) => [diagnostic.range, diagnostic.message]),
    // Marked on the whole link: a range of no width after the # underlines nothing.
    [['2:6-2:16', 'The link names no id after #.'], ['2:21-2:26', 'The link names no id after #.']],
  );
});

test('broken-link: the message names first the entries that the id, then the label, names by title, then the closest ids, as the quick fixes offer them', () => {
  const files = {
    ...indexPage,
    'GAN.md': entryLines('Generative Adversarial Network (GAN)', 'Generative-Adversarial-Network', []),
    'DAN.md': entryLines('DAN', 'DAN', []),
    'Architektur.md': entryLines('Kognitive Architekturen', 'Kognitive-Architectures', []),
    'Agent.md': entryLines('Agent', 'Agent', []),
    'Systeme.md': entryLines('Systeme aus Agenten', 'Agenten-Systeme', []),
    'A.md': entryLines('A', 'A', [], ['[GANs](#GAN), [kognitive Architektur](#Kognitiv-Architektur), [x](#DAM), [Agent](#Agenten-System).']),
  };
  assert.deepEqual(
    diagnosticsOf(files, 'A.md').filter((diagnostic) => diagnostic.code === 'broken-link').map((diagnostic) => diagnostic.message),
    [
      // Not DAN: an abbreviation a letter away is another term.
      'No heading defines the id "GAN". The entry "Generative Adversarial Network (GAN)" in GAN.md has the id "Generative-Adversarial-Network": rename it "GAN", after its file, and every link to "GAN" leads to it. Perhaps meant: Generative-Adversarial-Network.',
      // An entry named by the link's text alone says so: its id may look nothing like the one written.
      'No heading defines the id "Kognitiv-Architektur". Perhaps meant: Kognitive-Architectures (named by the link\'s text).',
      'No heading defines the id "DAM".',
      'No heading defines the id "Agenten-System". Perhaps meant: Agent (named by the link\'s text), Agenten-Systeme.',
    ],
  );
});

test('broken-link: a suggested id that is no entry\'s says where it leads, the section and its file', () => {
  const files = {
    ...indexPage,
    'Hybrid.md': entryLines('Hybride KI', 'Hybride-KI', [], ['### Neurosymbolische Systeme', '', 'Text.']),
    'A.md': entryLines('A', 'A', [], ['Siehe [Neurosymbolische Systeme](#Neurosymbolische-Systeme).']),
  };
  assert.deepEqual(
    diagnosticsOf(files, 'A.md').filter((diagnostic) => diagnostic.code === 'broken-link').map((diagnostic) => diagnostic.message),
    ['No heading defines the id "Neurosymbolische-Systeme". Perhaps meant: neurosymbolische-systeme (section "Neurosymbolische Systeme" in Hybrid.md).'],
  );
});

test('broken-link: a file named after the id that holds another entry is named; where a suggestion leads to that entry, that renaming its id mends the links', () => {
  const cnn = entryLines('CNN (Convolutional Neural Network)', 'CNN', []);
  const files = {
    ...indexPage,
    'CNN.md': cnn,
    // A copy of another entry under the name of one yet to write, as the real glossary's Claude.md.
    'Claude.md': cnn,
    'Computer-Vision.md': entryLines('Computer Vision', 'ComputerVision', []),
    'A.md': entryLines('A', 'A', [], ['[Claude](#Claude), [Computer Vision](#Computer-Vision).']),
  };
  assert.deepEqual(
    diagnosticsOf(files, 'A.md').filter((diagnostic) => diagnostic.code === 'broken-link').map((diagnostic) => diagnostic.message),
    [
      'No heading defines the id "Claude". The file Claude.md holds the entry "CNN (Convolutional Neural Network)", whose id is "CNN".',
      'No heading defines the id "Computer-Vision". The entry "Computer Vision" in Computer-Vision.md has the id "ComputerVision": rename it "Computer-Vision", after its file, and every link to "Computer-Vision" leads to it. Perhaps meant: ComputerVision.',
    ],
  );
  // A copy close to the file's name (its id defined twice) is no entry to rename: the suggestion says enough.
  const copied = { ...files, 'Computer-Vision.md': entryLines('Computer Vision', 'ComputerVision', []), 'ComputerVision.md': entryLines('Computer Vision', 'ComputerVision', []) };
  assert.deepEqual(
    diagnosticsOf(copied, 'A.md').filter((diagnostic) => diagnostic.code === 'broken-link').map((diagnostic) => diagnostic.message)[1],
    'No heading defines the id "Computer-Vision". Perhaps meant: ComputerVision.',
  );
});

test('links inside code are not checked', () => {
  const files = { ...indexPage, 'Code.md': entryLines('Code', 'Code', [], ['~~~', '[x](#Nowhere)', '~~~', '', 'Inline `[y](#Nowhere)`.']) };
  assert.deepEqual(diagnosticsOf(files, 'Code.md'), []);
});

test('a severity set to off disables its rule; another severity replaces the default', () => {
  const files = { ...indexPage, 'Claude.md': entryLines('CNN', 'CNN', ['[Gone](#Gone)']) };
  const { config } = resolveConfig({ severity: { 'anchor-file-mismatch': 'off', 'broken-link': 'hint' } });
  assert.deepEqual(
    diagnosticsOf(files, 'Claude.md', config).map((diagnostic) => [diagnostic.code, diagnostic.severity]),
    [['broken-link', 'hint']],
  );
  assert.deepEqual(
    diagnosticsOf(files, 'Claude.md', defaultConfig).map((diagnostic) => [diagnostic.code, diagnostic.severity]),
    [['anchor-file-mismatch', 'warning'], ['broken-link', 'error']],
  );
});

test('.md rules do not apply to other files, such as the .txt index page', () => {
  const files = { ...indexPage, '002-lizenz.txt': ['# Lizenz', '', 'Text.'] };
  assert.deepEqual(diagnosticsOf(files, '002-lizenz.txt'), []);
});

test('ambiguous-link: a link to an automatic id that headings in several files have, which the book gives the first of them only', () => {
  const files = {
    ...indexPage,
    'Apfel.md': entryLines('Apfel', 'Apfel', ['[Birne](#Birne)'], ['### Details', '', 'Text.']),
    'Birne.md': entryLines('Birne', 'Birne', ['[Apfel](#Apfel)'], ['### Details', '', 'Text.', '', '### Details', '', 'Noch einmal.', '', 'Siehe [a](#details) und [b](#details-1).']),
    'Quitte.md': entryLines('Quitte', 'Quitte', ['[Apfel](#Apfel)'], ['Siehe [q](#details).']),
  };
  const ambiguous = (name: string) => diagnosticsOf(files, name).filter((diagnostic) => diagnostic.code === 'ambiguous-link');
  assert.deepEqual(ambiguous('Quitte.md').map(({ range, severity, message }) => ({ range, severity, message })), [
    {
      range: '2:11-2:18',
      severity: 'warning',
      message: 'Headings in 2 files give the id "details", automatically in some: in the book, pandoc gives it to the first of them only and numbers the automatic others (details-1, …), so this link leads to whichever file comes first. Give the heading meant an explicit {#id} no other heading has, and link to that.',
    },
  ]);
  // A file that has the heading itself is no exception: `#details` is still in two files.
  assert.ok(ambiguous('Birne.md').some((diagnostic) => (diagnostic.data as { target: string }).target === 'details'));
  // An explicit id that another file's heading gives automatically: which one the book keeps depends on the order too.
  const mixed = { ...files, 'Apfel.md': entryLines('Apfel', 'Apfel', ['[Birne](#Birne)'], ['### Anders {#details}']) };
  assert.deepEqual(diagnosticsOf(mixed, 'Quitte.md').filter((diagnostic) => diagnostic.code === 'ambiguous-link').map((diagnostic) => diagnostic.range), ['2:11-2:18']);
  // One file alone, or explicit ids (duplicate-anchor reports those), is no ambiguity.
  const single = { ...files, 'Apfel.md': entryLines('Apfel', 'Apfel', ['[Birne](#Birne)']) };
  assert.deepEqual(diagnosticsOf(single, 'Quitte.md').filter((diagnostic) => diagnostic.code === 'ambiguous-link'), []);
  const explicit = { ...files, 'Apfel.md': entryLines('Apfel', 'Apfel', ['[Birne](#Birne)'], ['### Details {#Details-A}']), 'Birne.md': entryLines('Birne', 'Birne', ['[Apfel](#Apfel)'], ['### Details {#Details-A}']), 'Quitte.md': entryLines('Quitte', 'Quitte', [], ['[q](#Details-A)']) };
  assert.deepEqual(diagnosticsOf(explicit, 'Quitte.md').filter((diagnostic) => diagnostic.code === 'ambiguous-link'), []);
});
