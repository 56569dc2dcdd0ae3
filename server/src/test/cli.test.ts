import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CliIo, runCli } from '../cli/main';
import { productVersion } from '../productVersion';
import { InMemoryFileContent, InMemoryWorkspace } from '../workspace/inMemoryWorkspace';
import { entryLines } from './support/tinyWorkspace';

interface CliRun {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the command line in `/ws` on files given as path -> lines (or raw content). */
async function run(argv: readonly string[], files: Readonly<Record<string, readonly string[] | InMemoryFileContent>>, extra: Partial<CliIo> = {}): Promise<CliRun> {
  const workspace = new InMemoryWorkspace(
    Object.fromEntries(Object.entries(files).map(([name, content]) => [`file:///ws/${name}`, Array.isArray(content) ? content.join('\n') : (content as InMemoryFileContent)])),
  );
  let stdout = '';
  let stderr = '';
  const exitCode = await runCli(argv, {
    cwd: '/ws',
    workspace,
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    ...extra,
  });
  return { exitCode, stdout, stderr };
}

/** A small glossary: one broken link, one file-name mismatch, a .txt index page and a draft. */
const glossary = {
  '.git/HEAD': 'ref: refs/heads/main',
  'g/001-index.txt': ['# Index {#Index}'],
  'g/Apfel.md': entryLines('Apfel', 'Apfel', ['[Birne](#Birne)', '[Kirsche](#Kirsche)']),
  'g/Birne.md': entryLines('Birne', 'Pear', ['[Apfel](#Apfel)']),
  'g/sub/Quitte.md': entryLines('Quitte', 'Quitte', ['[Apfel](#Apfel)']),
  'g/drafts/Zitrone.md': entryLines('Zitrone', 'Zitrone', []),
};

test('check prints path:line:column: severity code message a line, files sorted by path, and exits 1 on an error', async () => {
  const result = await run(['check', 'g', 'g/001-index.txt'], glossary);
  assert.deepEqual(result, {
    exitCode: 1,
    stdout: [
      'g/Apfel.md:7:10: error broken-link No heading defines the id "Birne". The entry "Birne" in Birne.md has the id "Pear": rename it "Birne", after its file, and every link to "Birne" leads to it. Perhaps meant: Pear.',
      'g/Apfel.md:8:12: error broken-link No heading defines the id "Kirsche".',
      `g/Birne.md:1:1: information orphan-entry No other entry links to "Birne" (#Pear), but a link points at #Birne (links from the index page not counted), the id its file name gives, which no heading defines: give the entry that id, or correct the link.`,
      'g/Birne.md:1:12: warning anchor-file-mismatch The entry\'s id "Pear" differs from the file name "Birne". Links to "Pear": 0; to "Birne": 1.',
      'g/drafts/Zitrone.md:1:1: information orphan-entry No other entry links to "Zitrone" (#Zitrone). Links from the index page and from the entry itself do not count.',
      'g/sub/Quitte.md:1:1: information orphan-entry No other entry links to "Quitte" (#Quitte). Links from the index page and from the entry itself do not count.',
      '',
    ].join('\n'),
    // How many of each severity, on standard error so that standard output holds only findings.
    stderr: 'glossary: 2 errors, 1 warning, 3 information, 0 hints in 4 of 5 files\n',
  });
});

test('check on a folder without any entry says so and reports what Markdown gets wrong, not the glossary\'s layout', async () => {
  const result = await run(['check', 'docs'], {
    'docs/README.md': ['# My project', '', 'See [install](#install) and [usage](#usage).', '', '## Install', '', '```sh', 'npm install', '```'],
    'docs/notes.md': ['Some notes.'],
  });
  assert.deepEqual(result, {
    exitCode: 1,
    stdout: 'docs/README.md:3:38: error broken-link No heading defines the id "usage".\n',
    stderr: 'glossary: No entry (a heading with the class .term) in these files: they are checked as Markdown, without the glossary\'s layout rules.\nglossary: 1 error, 0 warnings, 0 information, 0 hints in 1 of 2 files\n',
  });
  // A tool reading the JSON or SARIF output is told too: a CI step given the wrong folder passes, and only this says why.
  const noEntry = "No entry (a heading with the class .term) in these files: they are checked as Markdown, without the glossary's layout rules.";
  const json = await run(['check', 'docs', '--format', 'json'], { 'docs/notes.md': ['Some notes.'] });
  assert.deepEqual([json.exitCode, JSON.parse(json.stdout).warnings], [0, [noEntry]]);
  const sarif = await run(['check', 'docs', '--format', 'sarif'], { 'docs/notes.md': ['Some notes.'] });
  assert.deepEqual(JSON.parse(sarif.stdout).runs[0].invocations[0].toolExecutionNotifications, [{ level: 'warning', message: { text: noEntry } }]);
  assert.deepEqual(JSON.parse((await run(['check', 'g', '--format', 'json'], glossary)).stdout).warnings, []);
  const report = await run(['report', 'docs', '--format', 'json'], { 'docs/README.md': ['# My project', '', '```sh', 'x', '```'] });
  assert.equal(report.exitCode, 0);
  assert.match(report.stderr, /^glossary: No entry \(a heading with the class \.term\)/);
  assert.equal(JSON.parse(report.stdout).name, 'docs');
  // Named after the folder it is run in, not ".".
  const here = await run(['report', '.', '--format', 'json'], { 'README.md': ['# My project'] });
  assert.equal(JSON.parse(here.stdout).name, 'ws');
});

test('a folder expands to its .md files sorted by path; .txt files come only when named; files keep the order given', async () => {
  const result = await run(['index', 'g/sub/Quitte.md', 'g', 'g/001-index.txt'], glossary);
  assert.equal(result.exitCode, 0);
  const paths = (JSON.parse(result.stdout) as { files: { path: string }[] }).files.map((file) => file.path);
  assert.deepEqual(paths, ['g/sub/Quitte.md', 'g/Apfel.md', 'g/Birne.md', 'g/drafts/Zitrone.md', 'g/001-index.txt']);
});

test('the index page found beside the entries of a folder comes in its place among them, sorted by path', async () => {
  const withIndexPage = { ...glossary, 'g/001-index.txt': ['# Index {#Index}', '', '### A {.index}', '', '[Apfel](#Apfel) |'], 'g/Zwetschge.txt': ['Notiz'] };
  const result = await run(['index', 'g'], withIndexPage);
  const paths = (JSON.parse(result.stdout) as { files: { path: string }[] }).files.map((file) => file.path);
  assert.deepEqual(paths, ['g/001-index.txt', 'g/Apfel.md', 'g/Birne.md', 'g/drafts/Zitrone.md', 'g/sub/Quitte.md']);
  // Beside a file named before the folder, and one after it, it stays in the folder's run.
  const named = await run(['index', 'g/sub/Quitte.md', 'g', 'g/Zwetschge.txt'], withIndexPage);
  const namedPaths = (JSON.parse(named.stdout) as { files: { path: string }[] }).files.map((file) => file.path);
  assert.deepEqual(namedPaths, ['g/sub/Quitte.md', 'g/001-index.txt', 'g/Apfel.md', 'g/Birne.md', 'g/drafts/Zitrone.md', 'g/Zwetschge.txt']);
});

test('index --format json prints anchors and links with 1-based positions of the id text', async () => {
  const result = await run(['index', 'g/sub/Quitte.md', '--format', 'json'], glossary);
  assert.deepEqual(JSON.parse(result.stdout), {
    files: [
      {
        path: 'g/sub/Quitte.md',
        anchors: [
          { id: 'Quitte', line: 1, column: 13, explicit: true, element: 'heading', classes: ['chapter', 'small', 'term'] },
          { id: 'verwandte-themen', line: 5, column: 5, explicit: false, element: 'heading', classes: ['seealso'] },
        ],
        links: [
          { target: 'Apfel', line: 7, column: 10 },
          { target: 'Index', line: 8, column: 10 },
        ],
      },
    ],
  });
  assert.equal(result.exitCode, 0);
});

test('check --format json prints every diagnostic with 1-based start and exclusive end', async () => {
  const result = await run(['check', '--format=json', 'g/Birne.md', 'g/Apfel.md', 'g/001-index.txt'], glossary);
  assert.deepEqual(JSON.parse(result.stdout), {
    diagnostics: [
      {
        path: 'g/Birne.md', line: 1, column: 1, endLine: 1, endColumn: 39, severity: 'information', code: 'orphan-entry',
        message: `No other entry links to "Birne" (#Pear), but a link points at #Birne (links from the index page not counted), the id its file name gives, which no heading defines: give the entry that id, or correct the link.`,
      },
      {
        path: 'g/Birne.md', line: 1, column: 12, endLine: 1, endColumn: 16, severity: 'warning', code: 'anchor-file-mismatch',
        message: 'The entry\'s id "Pear" differs from the file name "Birne". Links to "Pear": 0; to "Birne": 1.',
      },
      {
        path: 'g/Apfel.md', line: 7, column: 10, endLine: 7, endColumn: 15, severity: 'error', code: 'broken-link',
        message: 'No heading defines the id "Birne". The entry "Birne" in Birne.md has the id "Pear": rename it "Birne", after its file, and every link to "Birne" leads to it. Perhaps meant: Pear.',
      },
      {
        path: 'g/Apfel.md', line: 8, column: 12, endLine: 8, endColumn: 19, severity: 'error', code: 'broken-link',
        message: 'No heading defines the id "Kirsche".',
      },
    ],
    // As on stderr: in 2 of the 3 files read.
    counts: { error: 2, warning: 1, information: 1, hint: 0, filesWithFindings: 2, filesChecked: 3 },
    // No file was skipped or read with a warning.
    files: [],
    failures: [],
    warnings: [],
  });
  assert.equal(result.exitCode, 1);
});

test('check --format sarif prints a SARIF 2.1.0 log with a rule per code and 1-based regions', async () => {
  const result = await run(['check', 'g/Apfel.md', 'g/Birne.md', 'g/001-index.txt', '--format', 'sarif'], glossary);
  assert.equal(result.exitCode, 1);
  const log = JSON.parse(result.stdout);
  assert.equal(log.version, '2.1.0');
  assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
  const [sarifRun] = log.runs;
  assert.equal(sarifRun.tool.driver.name, 'glossary');
  assert.deepEqual(
    sarifRun.tool.driver.rules.map((rule: { id: string; defaultConfiguration: unknown }) => [rule.id, rule.defaultConfiguration]),
    [
      ['broken-link', { level: 'error' }],
      ['duplicate-anchor', { level: 'error' }],
      ['anchor-file-mismatch', { level: 'warning' }],
      ['multiple-entries', { level: 'note' }],
      ['missing-chapter-heading', { level: 'warning' }],
      ['missing-seealso', { level: 'warning' }],
      ['seealso-unsorted', { level: 'warning' }],
      ['seealso-index-not-last', { level: 'warning' }],
      ['seealso-duplicate', { level: 'warning' }],
      ['seealso-separator', { level: 'warning' }],
      ['section-after-seealso', { level: 'warning' }],
      ['missing-section-class', { level: 'warning' }],
      ['section-level', { level: 'warning' }],
      ['section-after-haiku', { level: 'warning' }],
      ['missing-haiku', { enabled: false }],
      ['missing-closing-rule', { level: 'note' }],
      ['fence-style', { level: 'note' }],
      ['unclosed-block', { level: 'warning' }],
      ['heading-in-text', { level: 'warning' }],
      ['code-block-in-text', { level: 'warning' }],
      ['table-misaligned', { level: 'warning' }],
      ['lone-carriage-return', { level: 'warning' }],
      ['sentence-mid-line', { level: 'note' }],
      ['unlinked-mention', { level: 'note' }],
      ['not-in-index', { level: 'note' }],
      ['index-link-broken', { level: 'error' }],
      ['index-anchor-missing', { level: 'warning' }],
      ['seealso-missing-body-link', { enabled: false }],
      ['seealso-not-reciprocal', { enabled: false }],
      ['orphan-entry', { level: 'note' }],
      ['self-link', { level: 'warning' }],
      ['ambiguous-link', { level: 'warning' }],
      ['file-link', { level: 'warning' }],
      ['link-syntax', { level: 'warning' }],
    ],
  );
  assert.deepEqual(sarifRun.results[0], {
    ruleId: 'broken-link',
    ruleIndex: 0,
    level: 'error',
    message: { text: 'No heading defines the id "Birne". The entry "Birne" in Birne.md has the id "Pear": rename it "Birne", after its file, and every link to "Birne" leads to it. Perhaps meant: Pear.' },
    locations: [
      { physicalLocation: { artifactLocation: { uri: 'g/Apfel.md', uriBaseId: '%SRCROOT%' }, region: { startLine: 7, startColumn: 10, endLine: 7, endColumn: 15 } } },
    ],
  });
  assert.deepEqual(
    sarifRun.results.map((result: { ruleId: string; level: string }) => [result.ruleId, result.level]),
    [['broken-link', 'error'], ['broken-link', 'error'], ['orphan-entry', 'note'], ['anchor-file-mismatch', 'warning']],
  );
});

test('check exits 0 when only warnings are printed', async () => {
  const result = await run(['check', 'g/Birne.md', 'g/Apfel.md', 'g/001-index.txt'], {
    ...glossary,
    'g/Apfel.md': entryLines('Apfel', 'Apfel', ['[Birne](#Pear)']),
  });
  assert.equal(result.exitCode, 0);
  assert.match(result.stdout, /^g\/Birne\.md:1:12: warning anchor-file-mismatch /);
});

test('check --min-severity leaves out the less severe findings, in every format; the counts and the exit status stay', async () => {
  const severitiesIn = (stdout: string): string[] => [...new Set(stdout.split('\n').filter(Boolean).map((line) => line.split(' ')[1]!))].sort();
  const all = await run(['check', 'g'], glossary);
  assert.deepEqual(severitiesIn(all.stdout), ['error', 'information', 'warning']);
  const warnings = await run(['check', 'g', '--min-severity', 'warning'], glossary);
  assert.deepEqual(severitiesIn(warnings.stdout), ['error', 'warning']);
  assert.equal(warnings.stderr, all.stderr);
  const errors = await run(['check', 'g', '--min-severity=error'], glossary);
  assert.deepEqual({ exitCode: errors.exitCode, severities: severitiesIn(errors.stdout) }, { exitCode: 1, severities: ['error'] });
  const json = JSON.parse((await run(['check', 'g', '--format', 'json', '--min-severity', 'error'], glossary)).stdout) as { diagnostics: { severity: string }[]; counts: Record<string, number> };
  assert.deepEqual([...new Set(json.diagnostics.map((diagnostic) => diagnostic.severity))], ['error']);
  // The counts are of everything found, as on stderr.
  assert.ok(json.counts['warning']! > 0 && json.counts['information']! > 0, JSON.stringify(json.counts));
  const sarif = JSON.parse((await run(['check', 'g', '--format', 'sarif', '--min-severity', 'error'], glossary)).stdout) as { runs: { results: { level: string }[] }[] };
  assert.deepEqual([...new Set(sarif.runs[0]!.results.map((result) => result.level))], ['error']);
  // The counts go to stderr in every format, beside the report on stdout.
  for (const format of ['json', 'sarif']) assert.equal((await run(['check', 'g', '--format', format], glossary)).stderr, all.stderr, format);
  assert.deepEqual(await run(['check', 'g', '--min-severity', 'fatal'], glossary), {
    exitCode: 2,
    stdout: '',
    stderr: 'glossary: unknown severity "fatal" for --min-severity (known: error, warning, information, hint)\nTry "glossary --help".\n',
  });
});

test('check --fail-on fails the run for a finding of that level or above, printed or not', async () => {
  const onlyWarnings = { ...glossary, 'g/Apfel.md': entryLines('Apfel', 'Apfel', ['[Birne](#Pear)']) };
  const paths = ['g/Birne.md', 'g/Apfel.md', 'g/001-index.txt'];
  assert.equal((await run(['check', ...paths], onlyWarnings)).exitCode, 0);
  assert.equal((await run(['check', ...paths, '--fail-on', 'warning'], onlyWarnings)).exitCode, 1);
  // Left out of the output, a warning still fails the run: the output shows less, the gate stays.
  const hidden = await run(['check', ...paths, '--fail-on=warning', '--min-severity', 'error'], onlyWarnings);
  assert.deepEqual({ exitCode: hidden.exitCode, stdout: hidden.stdout }, { exitCode: 1, stdout: '' });
  assert.equal((await run(['check', ...paths, '--fail-on', 'hint', '--format', 'sarif'], onlyWarnings)).exitCode, 1);
  assert.equal((await run(['check', 'g', '--fail-on', 'error'], glossary)).exitCode, 1);
  // `none`: the findings are printed and fail nothing (a SARIF upload step goes on), while bad usage still fails.
  const none = await run(['check', 'g', '--fail-on', 'none'], glossary);
  assert.deepEqual([none.exitCode, none.stdout.split('\n').filter((line) => line.includes(' error ')).length], [0, 2]);
  assert.equal((await run(['check', 'nowhere', '--fail-on', 'none'], glossary)).exitCode, 2);
  assert.deepEqual(await run(['check', 'g', '--fail-on', 'warnings'], glossary), {
    exitCode: 2,
    stdout: '',
    stderr: 'glossary: unknown severity "warnings" for --fail-on (known: error, warning, information, hint, none)\nTry "glossary --help".\n',
  });
  assert.equal((await run(['check', 'g', '--fail-on'], glossary)).stderr, 'glossary: --fail-on needs a value: error, warning, information, hint, none\nTry "glossary --help".\n');
  assert.equal((await run(['check', 'g', '--min-severity', 'none'], glossary)).exitCode, 2);
  assert.equal((await run(['report', 'g', '--fail-on', 'error'], glossary)).stderr, 'glossary: --fail-on is an option of "check", not of "report"\nTry "glossary --help".\n');
});

test('check FILE resolves its links against the whole glossary of the file and reports only that file', async () => {
  const files = {
    '.git/HEAD': 'ref: refs/heads/main',
    'g/Apfel.md': entryLines('Apfel', 'Apfel', ['[Birne](#Birne)', '[Kirsche](#Kirsche)', '[Quitte](#Quitte)']),
    'g/Birne.md': entryLines('Birne', 'Birne', ['[Nirgends](#Nirgends)']),
    'g/Index.md': ['# Index {#Index}'],
    'g/sub/Quitte.md': entryLines('Quitte', 'Quitte', []),
    'g/Bin.md': new Uint8Array([0x23, 0x00]),
    'other/Kirsche.md': entryLines('Kirsche', 'Kirsche', []),
  };
  // Birne (beside it) and Quitte (below its folder) are found; Kirsche lives in another folder.
  const result = await run(['check', 'g/Apfel.md'], files);
  assert.deepEqual(result, {
    exitCode: 1,
    stdout: [
      'g/Apfel.md:1:1: information orphan-entry No other entry links to "Apfel" (#Apfel). Links from the index page and from the entry itself do not count.',
      'g/Apfel.md:8:12: error broken-link No heading defines the id "Kirsche".',
      '',
    ].join('\n'),
    // The glossary's other files are read quietly: Bin.md is not named, so not reported.
    stderr: 'glossary: 1 error, 0 warnings, 1 information, 0 hints in 1 of 1 file\n',
  });
  // index prints only what is written in the file, so it reads no other file.
  const indexed = JSON.parse((await run(['index', 'g/Apfel.md'], files)).stdout) as { files: { path: string }[] };
  assert.deepEqual(indexed.files.map((file) => file.path), ['g/Apfel.md']);
});

test('check FILE takes the folder of .glossary.json as the glossary, with its patterns, and counts duplicates across it', async () => {
  const result = await run(['check', 'g/sub/Quitte.md', '--format', 'json'], {
    '.git/HEAD': 'ref: refs/heads/main',
    '.glossary.json': JSON.stringify({ include: ['g/**/*.md'], exclude: ['g/drafts/**'] }),
    'g/sub/Quitte.md': entryLines('Quitte', 'Quitte', ['[Apfel](#Apfel)', '[Zitrone](#Zitrone)']),
    'g/Apfel.md': entryLines('Apfel', 'Quitte', []),
    'g/Index.md': ['# Index {#Index}'],
    'g/drafts/Zitrone.md': entryLines('Zitrone', 'Zitrone', []),
    'notes/Apfel.md': entryLines('Apfel', 'Apfel', []),
  });
  const diagnostics = (JSON.parse(result.stdout) as { diagnostics: { path: string; code: string; message: string }[] }).diagnostics;
  assert.deepEqual(
    diagnostics.map(({ path, code, message }) => `${path} ${code} ${message}`),
    [
      'g/sub/Quitte.md orphan-entry No other entry links to "Quitte" (#Quitte). Links from the index page and from the entry itself do not count.',
      'g/sub/Quitte.md duplicate-anchor The id "Quitte" is defined 2 times in the glossary, also at ../Apfel.md:1.',
      // Not "Quitte": links to it lead to this entry, whose file is named after it.
      'g/sub/Quitte.md broken-link No heading defines the id "Apfel". The file ../Apfel.md holds the entry "Apfel", whose id is "Quitte".',
      'g/sub/Quitte.md broken-link No heading defines the id "Zitrone".',
    ],
  );
});

test('.glossary.json in an ancestor folder is used, with patterns relative to its folder', async () => {
  const result = await run(['check', 'g'], {
    ...glossary,
    '.glossary.json': JSON.stringify({ include: ['g/**/*.md', 'g/**/*.txt'], exclude: ['g/drafts/**'], severity: { 'broken-link': 'warning' } }),
  });
  assert.equal(result.exitCode, 0);
  assert.deepEqual(result.stdout.split('\n').map((line) => line.split(': ')[0]), [
    'g/Apfel.md:7:10',
    'g/Apfel.md:8:12',
    'g/Birne.md:1:1',
    'g/Birne.md:1:12',
    'g/sub/Quitte.md:1:1',
    '',
  ]);
});

test('a .glossary.json that cannot be read is bad usage, not a folder without one (whose parent\'s would then apply)', async () => {
  const parent = { '.glossary.json': JSON.stringify({ severity: { 'broken-link': 'off' } }) };
  for (const [content, problem] of [
    [{ unreadable: 'EACCES' }, 'g/.glossary.json cannot be read (its permissions, or it is a folder).'],
    [new Uint8Array([123, 0, 125]), 'g/.glossary.json is not a text file.'],
  ] as const) {
    assert.deepEqual(await run(['check', 'g'], { ...glossary, ...parent, 'g/.glossary.json': content }), {
      exitCode: 2,
      stdout: '',
      stderr: `glossary: ${problem}\nglossary: the glossary was not read: correct the configuration first\n`,
    });
  }
});

test('the search for .glossary.json stops at the git root', async () => {
  const result = await run(['check', 'repo/g/Birne.md'], {
    '.glossary.json': JSON.stringify({ severity: { 'anchor-file-mismatch': 'off' } }),
    'repo/.git/HEAD': 'ref',
    'repo/g/Birne.md': entryLines('Birne', 'Pear', []),
  });
  assert.match(result.stdout, /anchor-file-mismatch/);
});

test('an invalid .glossary.json is bad usage: every problem is listed, nothing is checked', async () => {
  const result = await run(['check', 'g'], { ...glossary, 'g/.glossary.json': '{"include": "*.md", "severity": {"broken-link": "fatal"}}' });
  assert.deepEqual(result, {
    exitCode: 2,
    stdout: '',
    stderr: [
      'glossary: g/.glossary.json: "include" must be an array of strings.',
      'glossary: g/.glossary.json: severity of "broken-link" must be one of error, warning, information, hint, off.',
      'glossary: the glossary was not read: correct the configuration first',
      '',
    ].join('\n'),
  });
});

test('check FOLDER inside the folder of .glossary.json judges its files within that whole glossary, as check FILE does', async () => {
  const files = { ...glossary, '.glossary.json': JSON.stringify({ include: ['g/**/*.md', 'g/**/*.txt'], exclude: ['g/drafts/**'] }) };
  const folder = await run(['check', 'g/sub'], files);
  const file = await run(['check', 'g/sub/Quitte.md'], files);
  // Quitte's link to Apfel (in g/) resolves.
  assert.equal(folder.stdout, file.stdout);
  assert.doesNotMatch(folder.stdout, /broken-link/);
  assert.equal(folder.exitCode, 0);
});

test('paths under different settings files are refused, naming both: one run checks one glossary', async () => {
  const files = { ...glossary, 'g/.glossary.json': '{}', 'other/Pflaume.md': entryLines('Pflaume', 'Pflaume', []) };
  const result = await run(['check', 'g', 'other/Pflaume.md'], files);
  assert.deepEqual(result, {
    exitCode: 2,
    stdout: '',
    stderr: 'glossary: g and other/Pflaume.md belong to different glossaries (settings: g/.glossary.json; no .glossary.json): check each glossary on its own.\n',
  });
  assert.equal((await run(['check', 'g/Apfel.md', 'g/sub'], files)).exitCode, 1, 'two paths under one settings file are one glossary');
});

test('a negated include or exclude pattern is refused: a file is taken in when any pattern matches it', async () => {
  const result = await run(['check', 'g'], { ...glossary, 'g/.glossary.json': JSON.stringify({ include: ['**/*.md', '!drafts/**'] }) });
  assert.equal(result.exitCode, 2);
  assert.match(result.stderr, /^glossary: g\/\.glossary\.json: the patterns of "include" cannot be negated \("!drafts\/\*\*"\): list what to leave out under "exclude"\.\n/);
});

test('a .glossary.json further down than the folder checked is said to be unused: its files are checked with the first path\'s settings', async () => {
  const nested = { ...glossary, 'g/sub/.glossary.json': JSON.stringify({ severity: { 'broken-link': 'off' } }), 'g/sub/Notiz.md': ['Notiz.'] };
  const result = await run(['check', 'g'], nested);
  assert.match(result.stderr, /^glossary: g\/sub\/\.glossary\.json is not used: the files below it are checked with the default settings; check its folder on its own\n/);
  const withSettings = await run(['check', 'g'], { ...nested, 'g/.glossary.json': '{}' });
  assert.match(withSettings.stderr, /^glossary: g\/sub\/\.glossary\.json is not used: the files below it are checked with g\/\.glossary\.json; check its folder on its own\n/);
  // Both named as the PATH was written.
  assert.match((await run(['check', '/ws/g'], { ...nested, 'g/.glossary.json': '{}' })).stderr, /^glossary: \/ws\/g\/sub\/\.glossary\.json is not used: the files below it are checked with \/ws\/g\/\.glossary\.json; check its folder on its own\n/);
  // Checked on its own, it is used.
  assert.doesNotMatch((await run(['check', 'g/sub'], nested)).stderr, /is not used/);
  // A code-scanning upload learns of it too: a notification of the SARIF log, at the file.
  const sarif = JSON.parse((await run(['check', 'g', '--format', 'sarif'], nested)).stdout) as { runs: { invocations: { toolExecutionNotifications: unknown[] }[] }[] };
  assert.deepEqual(sarif.runs[0]!.invocations[0]!.toolExecutionNotifications, [
    {
      level: 'warning',
      message: { text: 'g/sub/.glossary.json is not used: the files below it are checked with the default settings; check its folder on its own' },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'g/sub/.glossary.json', uriBaseId: '%SRCROOT%' } } }],
    },
  ]);
});

test('an indexFile that does not exist is named with the settings file, and nothing is checked', async () => {
  const result = await run(['check', 'g/Apfel.md'], { ...glossary, 'g/.glossary.json': JSON.stringify({ indexFile: 'nope.txt' }) });
  assert.deepEqual(result, {
    exitCode: 2,
    stdout: '',
    stderr: 'glossary: g/.glossary.json: "indexFile" names "nope.txt", which does not exist.\nglossary: the glossary was not read: correct the configuration first\n',
  });
  const folder = await run(['check', 'g/Apfel.md'], { ...glossary, 'g/sub/Notiz.md': 'Notiz.', 'g/.glossary.json': JSON.stringify({ indexFile: 'sub' }) });
  assert.match(folder.stderr, /^glossary: g\/\.glossary\.json: "indexFile" names "sub", which is not a file\.\n/);
});

test('unknown options, unknown commands, unknown formats and missing paths are bad usage with a clear message', async () => {
  const cases: [readonly string[], string][] = [
    [['check', 'g', '--verbose'], 'glossary: unknown option "--verbose"'],
    // An option of another command is named as such.
    [['check', 'g', '--output', 'r.html'], 'glossary: --output is an option of "report", not of "check"'],
    [['index', 'g', '--min-severity=error'], 'glossary: --min-severity is an option of "check", not of "index"'],
    [['compile', 'g'], 'glossary: unknown command "compile"'],
    [['check', 'g', '--format', 'xml'], 'glossary: unknown format "xml" for "check" (known: text, json, sarif)'],
    [['index', 'g', '--format', 'text'], 'glossary: unknown format "text" for "index" (known: json)'],
    [['check', 'g', '--format'], 'glossary: --format needs a value: text, json, sarif'],
    [['check', 'g', '--min-severity', '--format', 'json'], 'glossary: --min-severity needs a value: error, warning, information, hint'],
    [['--bogus'], 'glossary: unknown option "--bogus"; a command comes first: check, index, report or lsp'],
    [['check'], 'glossary: "check" needs at least one PATH (a file or a folder)'],
    // `check "$DIR"` with DIR unset must not check the current folder instead.
    [['check', ''], 'glossary: a PATH is empty'],
    [['report', 'g', ''], 'glossary: a PATH is empty'],
    [[], 'glossary: a command is needed: check, index, report or lsp'],
    [['--version', 'extra'], 'glossary: --version takes no arguments, not "extra"'],
    [['version', '--verbose'], 'glossary: version takes no arguments, not "--verbose"'],
  ];
  for (const [argv, message] of cases) {
    assert.deepEqual(await run(argv, glossary), { exitCode: 2, stdout: '', stderr: `${message}\nTry "glossary --help".\n` }, argv.join(' '));
  }
  assert.deepEqual(await run(['check', 'g', 'nowhere.md', 'none'], glossary), {
    exitCode: 2,
    stdout: '',
    stderr: 'glossary: no such file or folder: nowhere.md\nglossary: no such file or folder: none\n',
  });
  // A file's path written as a folder's is refused, as the shell's tools refuse it; a folder's may end so.
  assert.deepEqual(await run(['check', 'g/', 'g/Apfel.md/', 'g/Birne.md/.'], glossary), {
    exitCode: 2,
    stdout: '',
    stderr: 'glossary: a file, not a folder: g/Apfel.md/\nglossary: a file, not a folder: g/Birne.md/.\n',
  });
});

test('--help prints the usage and exits 0', async () => {
  const result = await run(['--help'], {});
  assert.equal(result.exitCode, 0);
  assert.match(result.stdout, /^Usage: glossary <command> \[options\]\n/);
  assert.match(result.stdout, /check PATH\.\.\. \[--format text\|json\|sarif\]/);
  assert.deepEqual(await run(['check', '--help'], {}), { ...result });
});

test('--version prints the version of package.json and exits 0', async () => {
  const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../../package.json'), 'utf8')) as { version: string };
  // After a command too, as `--help` is: the server does not start.
  for (const argv of [['--version'], ['-V'], ['version'], ['check', 'g', '--version'], ['report', 'g', '-V'], ['lsp', '--stdio', '--version'], ['lsp', '-V']]) {
    assert.deepEqual(await run(argv, {}, { startLanguageServer: () => assert.fail('started') }), { exitCode: 0, stdout: `glossary ${manifest.version}\n`, stderr: '' }, argv.join(' '));
  }
  assert.match((await run(['--help'], {})).stdout, /\n {2}--version {3,}print the version\n/);
  assert.equal(productVersion(), manifest.version);
});

test('binary and unreadable files are skipped with a message; invalid UTF-8 is warned about and still checked', async () => {
  const result = await run(['check', 'g'], {
    'g/Bin.md': new Uint8Array([0x23, 0x00]),
    'g/Locked.md': { unreadable: 'EACCES' },
    'g/Latin.md': new Uint8Array([...Buffer.from('## Gr\xfc {#Latin .chapter .small .term}\n\n[x](#Nowhere)\n', 'latin1')]),
  });
  // In the order of the files, as their findings are.
  assert.deepEqual(result.stderr.split('\n'), [
    'glossary: g/Bin.md: skipped: binary file (contains NUL bytes)',
    'glossary: g/Latin.md: invalid UTF-8; read with replacement characters (U+FFFD)',
    'glossary: g/Locked.md: skipped: cannot read the file (EACCES)',
    'glossary: 1 error, 1 warning, 1 information, 0 hints in 1 of 1 file',
    '',
  ]);
  assert.deepEqual(result.stdout.split('\n').map((line) => line.split(' ').slice(0, 3).join(' ')), [
    'g/Latin.md:1:1: warning missing-seealso',
    'g/Latin.md:1:1: information orphan-entry',
    'g/Latin.md:3:6: error broken-link',
    '',
  ]);
  assert.equal(result.exitCode, 1);
});

test('lsp starts the language server through the hook, or is bad usage without one', async () => {
  let started = 0;
  assert.equal((await run(['lsp'], {}, { startLanguageServer: () => void started++ })).exitCode, 0);
  assert.equal(started, 1);
  assert.deepEqual(await run(['lsp'], {}), { exitCode: 2, stdout: '', stderr: 'glossary: the language server is not available here\n' });
  // `lsp --help` prints the help; it does not start a server that waits on stdin.
  const help = await run(['lsp', '--stdio', '--help'], {}, { startLanguageServer: () => void started++ });
  assert.equal(started, 1);
  assert.equal(help.exitCode, 0);
  assert.match(help.stdout, /^Usage: glossary <command>/);
  // The options editors pass (VS Code: `--node-ipc --clientProcessId=PID`), with their values written either way.
  for (const argv of [['--stdio'], ['--node-ipc', '--clientProcessId=4711'], ['--socket', '5000'], ['--socket=5000', '--clientProcessId', '4711'], ['--pipe=/tmp/p', '--locale', 'de'], ['--locale', '--stdio']]) {
    assert.equal((await run(['lsp', ...argv], {}, { startLanguageServer: () => void started++ })).exitCode, 0, argv.join(' '));
  }
  assert.equal(started, 7);
  // A misspelt one would leave the server on stdio, where the editor does not listen: it is bad usage, and no server starts.
  for (const [argv, unknown] of [[['--soket=5000'], '--soket=5000'], [['--stdio', 'extra'], 'extra'], [['--locale', '--soket=5000'], '--soket=5000'], [['--stdio=yes'], '--stdio=yes']] as const) {
    assert.deepEqual(await run(['lsp', ...argv], {}, { startLanguageServer: () => void started++ }), {
      exitCode: 2,
      stdout: '',
      stderr: `glossary: unknown option "${unknown}" for "lsp" (known: --stdio, --node-ipc, --socket, --pipe, --clientProcessId, --locale)\nTry "glossary --help".\n`,
    });
  }
  // A connection without its port or pipe, or with a port or process id that is no number, would leave the server on stdio or end it with an error.
  for (const [argv, message] of [
    [['--socket'], '--socket of "lsp" needs a value'],
    [['--pipe='], '--pipe of "lsp" needs a value'],
    [['--pipe', '--stdio'], '--pipe of "lsp" needs a value'],
    [['--socket=abc'], '--socket needs a port number from 0 to 65535, not "abc"'],
    [['--socket', '70000'], '--socket needs a port number from 0 to 65535, not "70000"'],
    [['--stdio', '--clientProcessId=abc'], '--clientProcessId needs a process id, not "abc"'],
  ] as const) {
    assert.deepEqual(await run(['lsp', ...argv], {}, { startLanguageServer: () => void started++ }), { exitCode: 2, stdout: '', stderr: `glossary: ${message}\nTry "glossary --help".\n` }, argv.join(' '));
  }
  assert.equal(started, 7);
  // A connection the process cannot give (`--node-ipc` from a shell) is said, and is bad usage.
  assert.deepEqual(await run(['lsp', '--node-ipc'], {}, { startLanguageServer: () => 'no channel' }), { exitCode: 2, stdout: '', stderr: 'glossary: no channel\n' });
});

// The language of the messages: --locale, else LC_ALL, LC_MESSAGES, LANG of `io.environment`. A run
// without an environment (every other test here) is English, whatever the developer's shell says.
const german = { LANG: 'de_DE.UTF-8' };

test('LANG=de_DE.UTF-8 gives German help, usage errors and diagnostics; the codes and JSON keys stay', async () => {
  const help = await run(['--help'], {}, { environment: german });
  assert.equal(help.exitCode, 0);
  assert.match(help.stdout, /^Aufruf: glossary <Befehl> \[Optionen\]\n/);
  assert.match(help.stdout, /\nExit-Status: 0, wenn keine Meldung/);
  // The prose is wrapped in either language, which a translation line by line did not do.
  for (const text of [help.stdout, (await run(['--help'], {})).stdout]) {
    assert.deepEqual(text.split('\n').filter((line) => [...line].length > 90), []);
  }
  assert.deepEqual(await run([], {}, { environment: german }), {
    exitCode: 2,
    stdout: '',
    stderr: 'glossary: ein Befehl fehlt: check, index, report oder lsp\nSiehe „glossary --help“.\n',
  });
  const checked = await run(['check', 'g', 'g/001-index.txt'], glossary, { environment: german });
  assert.equal(checked.exitCode, 1);
  assert.match(checked.stdout, /^g\/Apfel\.md:7:10: error broken-link Keine Überschrift hat die ID „Birne“\. Der Eintrag „Birne“ in Birne\.md hat die ID „Pear“: Benennen Sie sie nach der Datei in „Birne“ um, dann führt jeder Link auf „Birne“ zu ihm\. Vielleicht gemeint: Pear\.\n/);
  const json = JSON.parse((await run(['check', 'g/Apfel.md', '--format', 'json'], glossary, { environment: german })).stdout) as { diagnostics: Record<string, unknown>[] };
  assert.deepEqual(Object.keys(json.diagnostics[0]!), ['path', 'line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'message']);
  assert.ok(json.diagnostics.some((diagnostic) => diagnostic.code === 'broken-link' && diagnostic.message === 'Keine Überschrift hat die ID „Kirsche“.'));
  // The report's page says its language, and says what each code of its problems means.
  const page = (await run(['report', 'g'], glossary, { environment: german })).stdout;
  assert.match(page, /^<!DOCTYPE html>\n<html lang="de">/);
  assert.match(page, /<td><code>broken-link<\/code><\/td><td>Die ID eines Links ist nirgends im Arbeitsbereich vergeben\.<\/td>/);
  // The next run without an environment is English again: the language is chosen anew each run.
  assert.match((await run(['--help'], {})).stdout, /^Usage: glossary <command> \[options\]\n/);
  assert.match((await run(['report', 'g'], glossary)).stdout, /^<!DOCTYPE html>\n<html lang="en">/);
});

test('LC_ALL wins over LC_MESSAGES and LANG, LC_MESSAGES over LANG; C, POSIX, empty and untranslated languages are English', async () => {
  const languageOf = async (environment: Record<string, string | undefined>): Promise<string> => {
    const { stderr } = await run([], {}, { environment });
    return stderr.startsWith('glossary: ein Befehl fehlt') ? 'de' : stderr.startsWith('glossary: a command is needed') ? 'en' : stderr;
  };
  const cases: [Record<string, string | undefined>, string][] = [
    [{ LC_ALL: 'C', LANG: 'de_DE.UTF-8' }, 'en'],
    [{ LC_ALL: 'POSIX', LC_MESSAGES: 'de_DE.UTF-8' }, 'en'],
    [{ LC_ALL: 'de_DE.UTF-8', LANG: 'C' }, 'de'],
    [{ LC_ALL: '', LANG: 'de_DE.UTF-8' }, 'de'],
    [{ LC_MESSAGES: 'de_AT.UTF-8', LANG: 'en_US.UTF-8' }, 'de'],
    [{ LC_MESSAGES: 'C.UTF-8', LANG: 'de_DE.UTF-8' }, 'en'],
    [{ LANG: 'de_CH.UTF-8@euro' }, 'de'],
    [{ LANG: 'de' }, 'de'],
    [{ LANG: 'fr_FR.UTF-8' }, 'en'],
    [{ LANG: 'C.UTF-8' }, 'en'],
    [{ LANG: '../../etc/passwd' }, 'en'],
    [{}, 'en'],
  ];
  for (const [environment, language] of cases) {
    assert.equal(await languageOf(environment), language, JSON.stringify(environment));
  }
});

test('--locale, given to any command, wins over the environment', async () => {
  const english = await run(['check', 'g/Apfel.md', '--locale', 'en'], glossary, { environment: german });
  assert.match(english.stdout, /error broken-link No heading defines the id "Kirsche"\./);
  const germanRun = await run(['index', '--locale=de', 'nowhere.md'], glossary, { environment: { LC_ALL: 'C' } });
  assert.deepEqual(germanRun, { exitCode: 2, stdout: '', stderr: 'glossary: Datei oder Ordner nicht gefunden: nowhere.md\n' });
  assert.match((await run(['check', '--help', '--locale', 'de'], {})).stdout, /^Aufruf: glossary/);
  assert.match((await run(['--help', '--locale', 'en'], {}, { environment: german })).stdout, /^Usage: glossary/);
  // Before the command too.
  assert.match((await run(['--locale', 'de', '--help'], {})).stdout, /^Aufruf: glossary/);
  assert.match((await run(['--locale=en', 'check', 'g/Apfel.md'], glossary, { environment: german })).stdout, /error broken-link No heading defines the id "Kirsche"\./);
  // Even the messages about the arguments are in the language asked for.
  assert.equal((await run(['check', '--locale', 'de'], glossary)).stderr, 'glossary: „check“ braucht mindestens einen PFAD (eine Datei oder einen Ordner)\nSiehe „glossary --help“.\n');
  assert.equal((await run(['index', 'g', '--locale'], glossary)).stderr, 'glossary: --locale needs a language, such as de or en\nTry "glossary --help".\n');
  // An option where the language should be is the language forgotten; a value that is not a language tag is refused.
  assert.equal((await run(['check', 'g', '--locale', '--format', 'json'], glossary)).stderr, 'glossary: --locale needs a language, such as de or en\nTry "glossary --help".\n');
  assert.equal((await run(['check', 'g', '--locale', 'de/x'], glossary)).stderr, 'glossary: "de/x" is not a language; --locale takes one such as de or en\nTry "glossary --help".\n');
  assert.equal((await run(['check', 'g', '--locale=de_DE', '--format', 'json'], glossary)).exitCode, 1);
  // Before the command, the same.
  assert.deepEqual(await run(['--locale', 'de/x', 'check', 'g'], glossary), { exitCode: 2, stdout: '', stderr: 'glossary: "de/x" is not a language; --locale takes one such as de or en\nTry "glossary --help".\n' });
  // Written as LANG is (`--locale "$LANG"`): the character set left out, C (`C.UTF-8` on CI machines) English.
  assert.match((await run(['--locale=de_DE.UTF-8', 'check', 'g'], glossary)).stdout, /error broken-link Keine Überschrift/);
  assert.match((await run(['check', 'g', '--locale', 'C.UTF-8'], glossary, { environment: german })).stdout, /error broken-link No heading defines the id "Kirsche"\./);
  assert.equal((await run(['check', 'g', '--locale', 'de_DE@euro'], glossary)).exitCode, 1);
  assert.equal((await run(['--locale', '--help'], glossary)).stderr, 'glossary: --locale needs a language, such as de or en\nTry "glossary --help".\n');
  assert.equal((await run(['index', 'g', '--locale', 'de'], glossary)).exitCode, 0);
});

test('a folder with no file the patterns take in is bad usage (2) for check, index and report, and names the patterns', async () => {
  const notes = { '.git/HEAD': 'ref', 'docs/notes.txt': 'Some notes.' };
  for (const command of ['check', 'index', 'report']) {
    assert.deepEqual(await run([command, 'docs'], notes), {
      exitCode: 2,
      stdout: '',
      stderr: 'glossary: no glossary files found in docs: no file there matches the include patterns (**/*.md)\n',
    }, command);
  }
  // A pattern with a typo in .glossary.json takes in nothing: that fails too.
  const typo = await run(['check', 'g'], { ...glossary, '.glossary.json': JSON.stringify({ include: ['g/**/*.mdx'], exclude: ['g/drafts/**'] }) });
  assert.deepEqual(typo, {
    exitCode: 2,
    stdout: '',
    stderr: 'glossary: no glossary files found in g: no file there matches the include patterns (g/**/*.mdx) and not the exclude patterns (g/drafts/**)\n',
  });
  assert.equal((await run(['check', 'docs'], notes, { environment: german })).stderr, 'glossary: keine Glossardateien in docs gefunden: Dort passt keine Datei zu den include-Mustern (**/*.md)\n');
  // Beside a path that holds files, an empty folder fails all the same.
  assert.deepEqual(await run(['check', 'g', 'docs'], { ...glossary, ...notes }), {
    exitCode: 2,
    stdout: '',
    stderr: 'glossary: no glossary files found in docs: no file there matches the include patterns (**/*.md)\n',
  });
});

test('a folder whose files are all skipped is bad usage (2): nothing was checked', async () => {
  const files = { 'g/Bin.md': new Uint8Array([0x23, 0x00]), 'g/Locked.md': { unreadable: 'EACCES' } };
  for (const command of ['check', 'index', 'report']) {
    assert.deepEqual(await run([command, 'g'], files), {
      exitCode: 2,
      stdout: '',
      stderr: [
        'glossary: g/Bin.md: skipped: binary file (contains NUL bytes)',
        'glossary: g/Locked.md: skipped: cannot read the file (EACCES)',
        'glossary: no glossary file could be read from g',
        '',
      ].join('\n'),
    }, command);
  }
});

test('a file named on the command line that cannot be read is bad usage (2); the other files are still reported', async () => {
  const files = {
    ...glossary,
    'g/Locked.md': { unreadable: 'EACCES' },
    'g/Bin.md': new Uint8Array([0x23, 0x00]),
    'g/Clean.md': entryLines('Clean', 'Clean', [], ['See [Apfel](#Apfel).']),
  };
  const checked = await run(['check', 'g/Apfel.md', 'g/Locked.md', 'g/001-index.txt'], files);
  assert.equal(checked.exitCode, 2);
  assert.equal(checked.stderr, 'glossary: g/Locked.md: skipped: cannot read the file (EACCES)\nglossary: 2 errors, 0 warnings, 0 information, 0 hints in 1 of 2 files\n');
  assert.match(checked.stdout, /^g\/Apfel\.md:7:10: error broken-link No heading defines the id "Birne"\. The entry "Birne" in Birne\.md has the id "Pear": rename it "Birne", after its file, and every link to "Birne" leads to it\. Perhaps meant: Pear\.\n/);
  // A named binary file is not checked either; a clean file beside it does not make the run pass.
  const binary = await run(['check', 'g/Clean.md', 'g/Bin.md'], files);
  assert.deepEqual({ exitCode: binary.exitCode, stderr: binary.stderr }, { exitCode: 2, stderr: 'glossary: g/Bin.md: skipped: binary file (contains NUL bytes)\nglossary: 0 errors, 1 warning, 1 information, 0 hints in 1 of 1 file\n' });
  const indexed = await run(['index', 'g/Apfel.md', 'g/Locked.md'], files);
  assert.equal(indexed.exitCode, 2);
  assert.deepEqual((JSON.parse(indexed.stdout) as { files: { path: string }[] }).files.map((file) => file.path), ['g/Apfel.md']);
  const reported = await run(['report', 'g/Apfel.md', 'g/Locked.md', '--format', 'json'], files);
  assert.equal(reported.exitCode, 2);
  assert.equal((JSON.parse(reported.stdout) as { summary: { files: number } }).summary.files, 1);
  // Named alone, nothing was read at all.
  assert.deepEqual(await run(['check', 'g/Locked.md'], files), {
    exitCode: 2,
    stdout: '',
    stderr: 'glossary: g/Locked.md: skipped: cannot read the file (EACCES)\nglossary: no glossary file could be read from g/Locked.md\n',
  });
  // A tool reading the JSON or SARIF output learns which file was skipped and why the run fails.
  const binaryNote = { path: 'g/Bin.md', message: 'skipped: binary file (contains NUL bytes)', skipped: true };
  const json = (argv: readonly string[]) => run(['check', ...argv, '--format', 'json'], files).then(({ stdout }) => JSON.parse(stdout) as { files: unknown[]; failures: string[] });
  assert.deepEqual(await json(['g/Clean.md', 'g/Bin.md']).then(({ files, failures }) => ({ files, failures })), {
    files: [binaryNote],
    failures: ['g/Bin.md could not be read: the run fails, though the other files were checked'],
  });
  assert.deepEqual(await json(['g/Bin.md']).then(({ files, failures }) => ({ files, failures })), { files: [binaryNote], failures: ['no glossary file could be read from g/Bin.md'] });
  type Notification = { level: string; message: { text: string }; locations?: unknown[] };
  const sarif = async (argv: readonly string[]) => {
    const invocation = (JSON.parse((await run(['check', ...argv, '--format', 'sarif'], files)).stdout) as { runs: { invocations: { executionSuccessful: boolean; toolExecutionNotifications: Notification[] }[] }[] }).runs[0]!.invocations[0]!;
    return [invocation.executionSuccessful, invocation.toolExecutionNotifications.map(({ level, message }) => [level, message.text])];
  };
  assert.deepEqual(await sarif(['g/Clean.md', 'g/Bin.md']), [false, [['error', 'g/Bin.md could not be read: the run fails, though the other files were checked'], ['warning', 'skipped: binary file (contains NUL bytes)']]]);
  assert.deepEqual(await sarif(['g/Bin.md']), [false, [['error', 'no glossary file could be read from g/Bin.md'], ['warning', 'skipped: binary file (contains NUL bytes)']]]);
});

test('a file skipped while walking a folder stays a warning: the exit status is the diagnostics\'', async () => {
  const result = await run(['check', 'g'], {
    '.git/HEAD': 'ref',
    'g/Index.md': ['# Index {#Index}', '', '[Apfel](#Apfel)'],
    'g/Apfel.md': entryLines('Apfel', 'Apfel', []),
    'g/Bin.md': new Uint8Array([0x23, 0x00]),
    'g/Locked.md': { unreadable: 'EACCES' },
  });
  assert.equal(result.stderr, 'glossary: g/Bin.md: skipped: binary file (contains NUL bytes)\nglossary: g/Locked.md: skipped: cannot read the file (EACCES)\nglossary: 0 errors, 1 warning, 0 information, 0 hints in 1 of 2 files\n');
  assert.doesNotMatch(result.stdout, / error /);
  assert.equal(result.exitCode, 0);
});

test('check --format json that checks nothing still prints its output: no diagnostics, and why under failures', async () => {
  const workspace = new InMemoryWorkspace({ 'file:///ws/.git/HEAD': 'ref: refs/heads/main', 'file:///ws/.glossary.json': '{ "collation": 3 }', 'file:///ws/A.md': '## A {#A .term}\n' });
  let stdout = '';
  const exitCode = await runCli(['check', '.', '--format', 'json'], { cwd: '/ws', workspace, stdout: (text) => (stdout += text), stderr: () => undefined });
  assert.equal(exitCode, 2);
  const output = JSON.parse(stdout) as { diagnostics: unknown[]; files: unknown[]; failures: string[] };
  assert.deepEqual([output.diagnostics, output.files], [[], []]);
  assert.deepEqual((output as unknown as { counts: unknown }).counts, { error: 0, warning: 0, information: 0, hint: 0, filesWithFindings: 0, filesChecked: 0 });
  assert.match(output.failures.join('\n'), /collation/);
});
