/**
 * Bad input (issue 6): each case is parsed, and where pandoc can say which ids and links a text
 * has, the parser must agree with it; the command line gives a clear message (no stack trace) and
 * exits with its documented status. Big inputs are made in a temporary folder, never committed.
 */

import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { CliIo, runCli } from '../cli/main';
import { readGlossaryFiles } from '../index/readGlossaryFiles';
import { maxContainerDepth } from '../parse/blocks';
import { parseGlossaryDocument } from '../parse/parser';
import { InMemoryFileContent, InMemoryWorkspace } from '../workspace/inMemoryWorkspace';
import { followLinks, NodeFileSystemWorkspace } from '../workspace/nodeWorkspace';
import { FileFilter, FileListing, ReadResult, Workspace } from '../workspace/workspace';
import { pandocFactsOfText } from './pandoc';

function parse(text: string) {
  return parseGlossaryDocument(text, 'file:///ws/A.md', 1);
}

/** Ids and link targets as the parser reads them, in pandoc's form. */
function facts(text: string): { ids: string[]; links: string[] } {
  const document = parse(text);
  return { ids: document.headings.map((h) => h.id), links: document.links.map((l) => l.target) };
}

async function assertLikePandoc(text: string): Promise<void> {
  assert.deepEqual(facts(text), await pandocFactsOfText(text));
}

const smallCases: Readonly<Record<string, string>> = {
  'an empty file': '',
  'a file of blank lines': '\n\n   \n\t\n',
  'a file that is only an attribute block': '{#Foo .chapter .small .term}\n',
  'an attribute block alone on a heading line': '## {#Foo .term}\n\n[x](#Foo)\n',
  'an unterminated {#': '## Foo {#Foo .term\n\n[Foo](#Foo) {#\n\n## Bar {#\n',
  '{#} with no id': '## Foo {#}\n\n## Bar {# .term}\n\n[x](#foo)\n',
  'ids with umlauts, dots, colons and emoji': [
    '## Übergröße {#Übergröße}',
    '## Version 1.2 {#v1.2}',
    '## Namespace {#ns:term}',
    '## Emoji 🚀 Rakete',
    '## 🚀 {#rocket-🚀}',
    '## Äpfel und Öl',
    '',
    '[a](#Übergröße) [b](#v1.2) [c](#ns:term) [d](#emoji-rakete) [e](#äpfel-und-öl) [f](#🚀)',
  ].join('\n'),
  'headings of every level and setext headings': [
    '# Eins', '## Zwei', '### Drei', '#### Vier', '##### Fünf', '###### Sechs', '####### Sieben ist Text',
    '', 'Setext eins', '===', '', 'Setext zwei', '---', '', 'Setext mit Id {#set}', '======', '',
    '#Kein Abstand', '', '## Geschlossen ##', '', '## Zwei', '',
  ].join('\n'),
  'CRLF line endings': '## A {#A .term}\r\n\r\n[B](#B)\r\n\r\nSetext\r\n---\r\n',
  'mixed line endings': '## A {#A .term}\r\n\n[B](#B)\r\n[C](#C)\n\nSetext\r\n===\n## D\r\n',
  'a UTF-8 byte order mark': '\uFEFF## A {#A .term}\n\n[B](#B)\n',
  'a link whose label spans 50 lines': `## A {#A}\n\n[${Array.from({ length: 50 }, (_, i) => `Zeile ${i}`).join('\n')}](#A)\n`,
  'nested quotes and lists, 50 levels': `${'> '.repeat(50)}[q](#q)\n\n${'- '.repeat(50)}[l](#l)\n\n${'> - '.repeat(25)}## Tief {#tief}\n`,
  'unclosed brackets, code and comments': '[[[[a](#a) `` ` <!-- [b](#b)\n\n## H <!--\n\n[c](#c)\n',
};

for (const [name, text] of Object.entries(smallCases)) {
  test(`bad input like pandoc: ${name}`, async () => {
    await assertLikePandoc(text);
  });
}

test('ids with umlauts, dots and colons keep their text and ranges; an emoji is no identifier character (checked against pandoc above)', () => {
  const document = parse('## Übergröße {#Über.größe:x}\n\n## 🚀 Start {#🚀}\n');
  assert.equal(document.headings[0]!.id, 'Über.größe:x');
  assert.deepEqual(document.headings[0]!.idRange, { start: { line: 0, character: 15 }, end: { line: 0, character: 27 } });
  assert.equal(document.headings[1]!.id, 'start'); // pandoc: the block is text, and the emoji is dropped from the automatic id
});

test('a lone CR ends a line, as in editors and LSP positions (pandoc 2.17 deletes it instead)', () => {
  const document = parse('## A {#A}\r[B](#B)\r\rSetext\r===\r');
  assert.deepEqual(facts('## A {#A}\r[B](#B)\r\rSetext\r===\r'), { ids: ['A', 'setext'], links: ['B'] });
  assert.deepEqual(document.links[0]!.idRange?.start, { line: 1, character: 5 });
});

test('a byte order mark and CRLF shift no position', () => {
  const document = parse('\uFEFF## A {#A}\r\n\r\n[B](#B)\r\n');
  assert.deepEqual(document.anchors[0]!.idRange.start, { line: 0, character: 8 }); // the BOM is character 0
  assert.deepEqual(document.links[0]!.idRange?.start, { line: 2, character: 5 });
});

test('tabs are read as Pandoc reads them, expanded to four columns, and positions stay those of the file', () => {
  // A tab after `>` or after spaces is no code indentation: Pandoc sees these links (and their ids are renamed with the rest).
  const text = '\uFEFF>\t[quoted](#Beta)\n\n- item\n\n   \t[continued](#Beta)\n\nx\t\t[plain](#Beta) {\t}\n\n\t[code](#Code)\n';
  const document = parse(text);
  assert.deepEqual(facts(text), { ids: [], links: ['Beta', 'Beta', 'Beta'] });
  assert.deepEqual(
    document.links.map((link) => [link.range.start, link.idRange?.start]),
    [
      [{ line: 0, character: 3 }, { line: 0, character: 13 }],
      [{ line: 4, character: 4 }, { line: 4, character: 17 }],
      [{ line: 6, character: 3 }, { line: 6, character: 12 }],
    ],
  );
});

test('10,000 nested quotes or list levels: no stack overflow, and the link inside is found', () => {
  for (const marker of ['>', '> ', '- ', '* ', '1. ', '> - ']) {
    const document = parse(`${marker.repeat(10_000)}[tief](#Tief)\n`);
    assert.deepEqual(document.links.map((link) => link.target), ['Tief'], JSON.stringify(marker));
  }
  // Nested list items written on lines of their own, indented two more columns each.
  const lines = Array.from({ length: 1000 }, (_, level) => `${'  '.repeat(level)}- Ebene ${level} [l${level}](#L${level})`);
  const document = parse(lines.join('\n'));
  assert.equal(document.links.length, 1000);
});

test('10,000 nested images, links, spans or brackets: no stack overflow, and the text around them is read', () => {
  const nestings = {
    images: (n: number) => `${'![a '.repeat(n)}${']( x)'.repeat(n)}`,
    links: (n: number) => `${'[a '.repeat(n)}${']( x)'.repeat(n)}`,
    references: (n: number) => `${'[a '.repeat(n)}${'][k]'.repeat(n)}`,
    spans: (n: number) => `${'[a '.repeat(n)}${']{.c}'.repeat(n)}`,
    brackets: (n: number) => `${'['.repeat(n)}x${']'.repeat(n)}`,
  };
  for (const [name, nest] of Object.entries(nestings)) {
    // In a heading (its plain text and its attribute block, behind an emphasis) and in a paragraph.
    const document = parse(`## *Tief ${nest(10_000)} {#Tief}\n\nText *${nest(10_000)} [tief](#Tief)\n`);
    assert.deepEqual(document.links.at(-1)?.target, 'Tief', name);
    assert.equal(document.headings.length, 1, name);
  }
});

test(`containers deeper than ${maxContainerDepth} levels are read as paragraphs, shallower ones as pandoc does`, async () => {
  const shallow = `${'> '.repeat(maxContainerDepth - 1)}## Tief {#tief}\n`;
  await assertLikePandoc(shallow);
  assert.deepEqual(facts(`${'> '.repeat(maxContainerDepth + 10)}## Tief {#tief}\n\n[a](#tief)`), { ids: [], links: ['tief'] });
});

test('100,000 links in one file, a line of 1 MB, a paragraph of 10,000 lines', () => {
  const links = Array.from({ length: 100_000 }, (_, i) => `[L${i}](#T${i % 100})`).join(' ');
  assert.equal(parse(`## A {#A}\n\n${links}\n`).links.length, 100_000);
  const line = `## A {#A}\n\n${'Wort [x](#A) '.repeat(80_000)}`;
  assert.ok(line.length > 1_000_000);
  assert.equal(parse(line).links.length, 80_000);
  const megabyteOfText = 'a'.repeat(1 << 20);
  assert.deepEqual(facts(`# ${megabyteOfText} {#lang}\n\n${megabyteOfText}`), { ids: ['lang'], links: [] });
  assert.equal(parse('[a](#b)\n'.repeat(10_000)).links.length, 10_000);
});

interface CliRun {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

async function runIn(cwd: string, workspace: Workspace, argv: readonly string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { cwd, workspace, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), writtenFile: followLinks };
  const exitCode = await runCli(argv, io);
  return { exitCode, stdout, stderr };
}

async function runInMemory(argv: readonly string[], files: Readonly<Record<string, InMemoryFileContent>>): Promise<CliRun> {
  const workspace = new InMemoryWorkspace(Object.fromEntries(Object.entries(files).map(([name, content]) => [`file:///ws/${name}`, content])));
  return runIn('/ws', workspace, argv);
}

const goodEntry = '## A {#A .chapter .small .term}\n\n[A](#A)\n\n### Siehe {.seealso}\n\n[Index](#Index) |\n\n----\n';

function assertNoStackTrace(run: CliRun): void {
  assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
  assert.doesNotMatch(run.stdout, /\n\s+at /, 'no stack trace');
}

test('command line: empty, attribute-only, BOM, CRLF and invalid UTF-8 files are read; invalid UTF-8 is reported', async () => {
  const run = await runInMemory(['index', 'g'], {
    'g/A.md': goodEntry,
    'g/Empty.md': '',
    'g/Attr.md': '{#Foo}',
    'g/Bom.md': '\uFEFF## B {#B}\r\n',
    'g/Bad.md': new Uint8Array([0x23, 0x23, 0x20, 0x43, 0x20, 0xff, 0xfe, 0x20, 0x7b, 0x23, 0x43, 0x7d, 0x0a]),
  });
  assert.equal(run.exitCode, 0);
  assert.equal(run.stderr, 'glossary: g/Bad.md: invalid UTF-8; read with replacement characters (U+FFFD)\n');
  const files = (JSON.parse(run.stdout) as { files: { path: string; anchors: { id: string }[] }[] }).files;
  assert.deepEqual(
    files.map((file) => [file.path, file.anchors.map((anchor) => anchor.id)]),
    [['g/A.md', ['A', 'siehe']], ['g/Attr.md', []], ['g/Bad.md', ['C']], ['g/Bom.md', ['B']], ['g/Empty.md', []]],
  );
  assertNoStackTrace(run);
});

test('command line: a binary file named .md is skipped with a message', async () => {
  const run = await runInMemory(['check', 'g'], { 'g/A.md': goodEntry, 'g/Bild.md': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]) });
  assert.equal(run.stderr, 'glossary: g/Bild.md: skipped: binary file (contains NUL bytes)\nglossary: 0 errors, 2 warnings, 1 information, 0 hints in 1 of 1 file\n');
  assert.equal(run.exitCode, 0); // A.md's link to #Index is a warning (index-anchor-missing), no error
  assertNoStackTrace(run);
});

test('command line: an unreadable file (as root chmod does not stop reading, so the failure is injected) is skipped with a message', async () => {
  const run = await runInMemory(['check', 'g'], { 'g/A.md': goodEntry, 'g/Index.md': '# Index {#Index}', 'g/Gesperrt.md': { unreadable: 'EACCES' } });
  assert.equal(run.stderr, 'glossary: g/Gesperrt.md: skipped: cannot read the file (EACCES)\nglossary: 0 errors, 2 warnings, 1 information, 0 hints in 2 of 2 files\n');
  assert.equal(run.exitCode, 0);
});

test('command line: a read that throws is reported as an unreadable file, not an internal error', async () => {
  const workspace = new InMemoryWorkspace({ 'file:///ws/g/A.md': goodEntry, 'file:///ws/g/Index.md': '# Index {#Index}', 'file:///ws/g/Wirft.md': 'x' });
  const throwing: Workspace = {
    stat: (uri) => workspace.stat(uri),
    fileSize: (uri) => workspace.fileSize(uri),
    listFiles: (uri, filter) => workspace.listFiles(uri, filter),
    readFile: (uri) => (uri.endsWith('Wirft.md') ? Promise.reject(new Error('EIO: i/o error, read')) : workspace.readFile(uri)),
    createFile: (uri, text) => workspace.createFile(uri, text),
    replaceFile: (uri, expected, text) => workspace.replaceFile(uri, expected, text),
  };
  const run = await runIn('/ws', throwing, ['check', 'g']);
  assert.equal(run.stderr, 'glossary: g/Wirft.md: skipped: cannot read the file (EIO: i/o error, read)\nglossary: 0 errors, 2 warnings, 1 information, 0 hints in 2 of 2 files\n');
  assert.equal(run.exitCode, 0);
});

test('command line: a file deleted or renamed while the index is built is skipped with a message', async () => {
  const files = new InMemoryWorkspace({
    'file:///ws/g/A.md': goodEntry,
    'file:///ws/g/Index.md': '# Index {#Index}',
    'file:///ws/g/Weg.md': '## Weg {#Weg}',
    'file:///ws/g/Alt.md': '## Alt {#Alt}',
  });
  // The listing is taken, then one file is deleted and one renamed before they are read.
  const racing: Workspace = {
    stat: (uri) => files.stat(uri),
    fileSize: (uri) => files.fileSize(uri),
    createFile: (uri, text) => files.createFile(uri, text),
    replaceFile: (uri, expected, text) => files.replaceFile(uri, expected, text),
    listFiles: async (uri: string, filter: FileFilter): Promise<FileListing> => {
      const listing = await files.listFiles(uri, filter);
      files.set('file:///ws/g/Weg.md', undefined);
      files.set('file:///ws/g/Alt.md', undefined);
      files.set('file:///ws/g/Neu.md', '## Alt {#Alt}');
      return listing;
    },
    readFile: (uri: string): Promise<ReadResult> => files.readFile(uri),
  };
  const run = await runIn('/ws', racing, ['check', 'g']);
  assert.equal(run.stderr, 'glossary: g/Alt.md: skipped: file not found\nglossary: g/Weg.md: skipped: file not found\nglossary: 0 errors, 2 warnings, 1 information, 0 hints in 2 of 2 files\n');
  assert.equal(run.exitCode, 0);
});

test('command line on disk: symbolic link loops, a folder named x.md, a FIFO, binary and big files', { timeout: 60_000 }, async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-bad-input-'));
  try {
    const g = path.join(root, 'g');
    fs.mkdirSync(path.join(g, 'sub'), { recursive: true });
    fs.writeFileSync(path.join(g, 'A.md'), goodEntry);
    fs.writeFileSync(path.join(g, 'Index.md'), '# Index {#Index}\n');
    fs.symlinkSync(g, path.join(g, 'sub', 'zurück')); // a loop back to the glossary
    fs.symlinkSync(path.join(g, 'sub', 'loop'), path.join(g, 'sub', 'loop')); // a link to itself
    fs.symlinkSync(path.join(g, 'A.md'), path.join(g, 'Verweis.md')); // a link to a file is a file
    fs.mkdirSync(path.join(g, 'Ordner.md'));
    execFileSync('mkfifo', [path.join(g, 'Rohr.md')]);
    fs.writeFileSync(path.join(g, 'Bild.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
    fs.writeFileSync(path.join(g, 'Kaputt.md'), Buffer.from([0x23, 0x20, 0xc3, 0x28, 0x0a]));
    // 50 MB: entries of an ordinary size, each with an id of its own, one after the other in one file.
    const body = `${'Ein Satz mit [einem Link](#A) und *Betonung* und `Code`. '.repeat(30)}\n\n### Siehe {.seealso}\n\n[Index](#Index) |\n\n----\n\n`;
    const big = fs.openSync(path.join(g, 'Gross.md'), 'w');
    for (let written = 0, entry = 0; written < 50 << 20; entry++) {
      written += fs.writeSync(big, `## Eintrag ${entry} {#Eintrag-${entry} .chapter .small .term}\n\n${body}`);
    }
    fs.closeSync(big);

    const workspace = new NodeFileSystemWorkspace({ synchronousReads: true });
    const run = await runIn(root, workspace, ['check', 'g', '--format', 'json']);
    assertNoStackTrace(run);
    const [skipped, invalid, counts] = run.stderr.split('\n');
    assert.deepEqual([skipped, invalid], ['glossary: g/Bild.md: skipped: binary file (contains NUL bytes)', 'glossary: g/Kaputt.md: invalid UTF-8; read with replacement characters (U+FFFD)']);
    assert.match(counts!, /^glossary: 2 errors, \d+ warnings, \d+ information, 0 hints in 5 of 5 files$/);
    // The symbolic link to A.md is a file of its own that defines #A again: the only errors, so exit 1.
    const { diagnostics, files: notes } = JSON.parse(run.stdout) as { diagnostics: { path: string; code: string; severity: string }[]; files: unknown[] };
    // The JSON tells of the same files as stderr.
    assert.deepEqual(notes, [
      { path: 'g/Bild.md', message: 'skipped: binary file (contains NUL bytes)', skipped: true },
      { path: 'g/Kaputt.md', message: 'invalid UTF-8; read with replacement characters (U+FFFD)', skipped: false },
    ]);
    const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error').map((diagnostic) => `${diagnostic.path} ${diagnostic.code}`);
    assert.deepEqual(errors, ['g/A.md duplicate-anchor', 'g/Verweis.md duplicate-anchor']);
    assert.equal(run.exitCode, 1);
    // Every entry of the 50 MB file is read: each one after the first is reported as another entry of the file.
    assert.ok(diagnostics.filter((diagnostic) => diagnostic.path === 'g/Gross.md' && diagnostic.code === 'multiple-entries').length > 20_000);

    // The FIFO and the folder named like a file, given by name, are refused clearly.
    const fifo = await runIn(root, workspace, ['check', 'g/Rohr.md']);
    assert.equal(fifo.exitCode, 2);
    assert.match(fifo.stderr, /^glossary: neither a file nor a folder: g\/Rohr\.md\n$/);
    // A link leading back to itself is told as what it is, not as a missing file.
    fs.symlinkSync('Schleife.md', path.join(g, 'Schleife.md'));
    const loop = await runIn(root, workspace, ['check', 'g/Schleife.md']);
    assert.equal(loop.exitCode, 2);
    assert.equal(loop.stderr, 'glossary: a loop of symbolic links, leading to no file or folder: g/Schleife.md\n');
    fs.rmSync(path.join(g, 'Schleife.md'));
    // So is a link that leads where nothing is.
    fs.symlinkSync('Fehlt.md', path.join(g, 'Verwaist.md'));
    const dangling = await runIn(root, workspace, ['check', 'g/Verwaist.md']);
    assert.equal(dangling.exitCode, 2);
    assert.equal(dangling.stderr, 'glossary: a symbolic link to a file or folder that does not exist: g/Verwaist.md\n');
    fs.rmSync(path.join(g, 'Verwaist.md'));
    // The glossary named twice, once through a link to its folder, is read once: no duplicate ids.
    fs.symlinkSync(g, path.join(root, 'Glossar'));
    fs.rmSync(path.join(g, 'Gross.md'));
    const twice = await runIn(root, workspace, ['index', 'g', 'Glossar', 'Glossar/A.md', 'g/A.md', '--format', 'json']);
    const { files } = JSON.parse(twice.stdout) as { files: { path: string; anchors: { id: string }[] }[] };
    assert.deepEqual(files.filter((file) => file.anchors.some((anchor) => anchor.id === 'A')).map((file) => file.path), ['g/A.md', 'g/Verweis.md']);
    const folder = await runIn(root, workspace, ['index', 'g/Ordner.md']);
    assert.deepEqual(folder, { exitCode: 2, stdout: '', stderr: 'glossary: no glossary files found in g/Ordner.md: no file there matches the include patterns (**/*.md)\n' });
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('command line on disk: a working folder entered through a symbolic link ($PWD) reads each file once; no report goes into the glossary through the link', async () => {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-linked-cwd-')));
  try {
    const one = path.join(root, 'one');
    fs.mkdirSync(one);
    fs.writeFileSync(path.join(one, 'Beta.md'), goodEntry.replace(/A/g, 'Beta'));
    fs.writeFileSync(path.join(one, 'Alpha.md'), goodEntry.replace(/A/g, 'Alpha').replace('[Alpha](#Alpha)', '[Beta](#Beta)'));
    fs.symlinkSync(one, path.join(root, 'lk'));
    // The shell's $PWD names the link; the process's working folder is where it leads.
    const pwd = path.join(root, 'lk');
    const workspace = new NodeFileSystemWorkspace({ synchronousReads: true });
    const runs = async () => {
      for (const argv of [['check', `${pwd}/Beta.md`, 'Alpha.md'], ['check', pwd, 'Beta.md'], ['check', `${pwd}/Beta.md`, '.']]) {
        const run = await runIn(one, workspace, argv);
        assert.doesNotMatch(run.stdout + run.stderr, /duplicate-anchor|no glossary files|different glossaries/, argv.join(' '));
        assert.equal(run.exitCode, 0, argv.join(' '));
      }
    };
    await runs();
    fs.writeFileSync(path.join(one, '.glossary.json'), '{}\n');
    await runs();
    const report = await runIn(root, workspace, ['report', 'lk', '--output', 'one/New.md']);
    assert.match(report.stderr, /one\/New\.md would become a file of the glossary/);
    assert.equal(report.exitCode, 2);
    // A linked folder inside a glossary is read with that glossary's settings, where it is named.
    const gloss = path.join(root, 'gloss');
    fs.mkdirSync(gloss);
    fs.writeFileSync(path.join(gloss, '.glossary.json'), '{ "severity": { "broken-link": "off" } }\n');
    fs.rmSync(path.join(one, '.glossary.json'));
    fs.writeFileSync(path.join(one, 'Broken.md'), goodEntry.replace(/A/g, 'Broken').replace('[Broken](#Broken)', '[Nowhere](#Nowhere)'));
    fs.symlinkSync(one, path.join(gloss, 'de'));
    for (const argv of [['check', 'de'], ['check', 'de/Broken.md']]) {
      const run = await runIn(gloss, workspace, argv);
      // Broken.md is checked (its other findings are there), and its broken link is off, as the settings say.
      assert.equal(run.exitCode, 0, argv.join(' '));
      assert.match(run.stdout, /^de\/Broken\.md:1:1: information orphan-entry /m, argv.join(' '));
      assert.doesNotMatch(run.stdout, /broken-link/, argv.join(' '));
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('readGlossaryFiles: a rejected read is a skipped file', async () => {
  const workspace: Workspace = {
    stat: async () => 'file',
    fileSize: async () => 1,
    listFiles: async () => ({ uris: [], folders: [], links: [], problems: [] }),
    readFile: async (uri) => {
      if (uri.endsWith('b.md')) throw new Error('boom');
      return { kind: 'text', text: '# X', warning: undefined };
    },
    createFile: async () => 'not here',
    replaceFile: async () => 'not here',
  };
  const read = await readGlossaryFiles(workspace, ['file:///a.md', 'file:///b.md', 'file:///c.md'], (text, uri) => parseGlossaryDocument(text, uri, 0));
  assert.deepEqual(read.documents.map((document) => document.uri), ['file:///a.md', 'file:///c.md']);
  assert.deepEqual(read.skipped, [{ uri: 'file:///b.md', message: 'skipped: cannot read the file (boom)' }]);
});


