import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { URI } from 'vscode-uri';
import { runCli } from '../cli/main';
import { InMemoryWorkspace } from '../workspace/inMemoryWorkspace';
import { NodeFileSystemWorkspace } from '../workspace/nodeWorkspace';
import { corpusEntries, corpusFiles } from './corpus';
import { entryLines } from './support/tinyWorkspace';

/**
 * The SARIF 2.1.0 schema (rtm.5, the version that json.schemastore.org serves as sarif-2.1.0.json and
 * code scanning reads) as @microsoft/jest-sarif ships it. It is a draft-04 schema; one of its
 * patterns (`language`) is not valid with the `u` flag, so patterns are compiled without it.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const sarifSchema = require('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json') as object;

const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validateSarif = ajv.compile(sarifSchema);

function assertValidSarif(text: string): void {
  const log: unknown = JSON.parse(text);
  const valid = validateSarif(log);
  assert.ok(valid, `not valid SARIF 2.1.0:\n${JSON.stringify(validateSarif.errors, undefined, 2)}`);
}

async function sarifOf(argv: readonly string[], workspace: InMemoryWorkspace | NodeFileSystemWorkspace, cwd: string): Promise<string> {
  let stdout = '';
  await runCli([...argv, '--format', 'sarif'], { cwd, workspace, stdout: (text) => (stdout += text), stderr: () => undefined });
  return stdout;
}

test('the schema check itself rejects a log that breaks SARIF 2.1.0', () => {
  assert.equal(validateSarif({ version: '2.1.0', runs: [{ tool: { driver: {} } }] }), false); // a driver needs a name
  assert.equal(validateSarif({ version: '2.0.0', runs: [] }), false);
  assert.equal(validateSarif({ version: '2.1.0', runs: [], extra: 1 }), false);
});

test('check --format sarif is valid SARIF 2.1.0: every rule, disabled rules, file names to escape, absolute paths', async () => {
  const workspace = new InMemoryWorkspace({
    'file:///ws/.git/HEAD': 'ref: refs/heads/main',
    'file:///ws/.glossary.json': JSON.stringify({ severity: { 'fence-style': 'off', 'seealso-unsorted': 'hint' } }),
    [URI.file('/ws/g/Äpfel und Birnen.md').toString()]: entryLines('Äpfel', 'Aepfel', ['[Zebra](#Zebra)', '[Birne](#Birne)']).join('\n'),
    [URI.file('/ws/g/C#50%.md').toString()]: ['## C {#C .chapter}', '', '## D {#D .chapter .small .term}', '', '```', 'x', '```'].join('\n'),
  });
  const relative = await sarifOf(['check', 'g'], workspace, '/ws');
  assertValidSarif(relative);
  type Location = { uri: string; uriBaseId?: string };
  type Log = { runs: { originalUriBaseIds?: Record<string, { uri: string }>; results: { locations: { physicalLocation: { artifactLocation: Location } }[] }[] }[] };
  const locationsOf = (sarif: string) => (JSON.parse(sarif) as Log).runs[0]!.results.map((result) => result.locations[0]!.physicalLocation.artifactLocation);
  const uris = locationsOf(relative).map((location) => location.uri);
  assert.ok(uris.includes('g/%C3%84pfel%20und%20Birnen.md') && uris.includes('g/C%2350%25.md'), uris.join(' '));
  // Relative paths name their base, the folder the command ran in, which the run resolves.
  assert.deepEqual(new Set(locationsOf(relative).map((location) => location.uriBaseId)), new Set(['%SRCROOT%']));
  assert.deepEqual((JSON.parse(relative) as Log).runs[0]!.originalUriBaseIds, { '%SRCROOT%': { uri: 'file:///ws/' } });
  // The tool names its version, as `glossary --version` prints it.
  const driver = (JSON.parse(relative) as { runs: { tool: { driver: { version?: string; semanticVersion?: string } } }[] }).runs[0]!.tool.driver;
  const manifestVersion = (JSON.parse(fs.readFileSync(path.join(__dirname, '../../../../package.json'), 'utf8')) as { version: string }).version;
  assert.deepEqual([driver.version, driver.semanticVersion], [manifestVersion, manifestVersion]);
  // A file outside the working folder is named by its whole URI, however its path was given.
  for (const [paths, cwd] of [[['/ws/g'], '/elsewhere'], [['../ws/g'], '/elsewhere']] as const) {
    const outside = await sarifOf(['check', ...paths], workspace, cwd);
    assertValidSarif(outside);
    assert.ok(locationsOf(outside).every((location) => location.uri.startsWith('file:///ws/g/') && location.uriBaseId === undefined), `${paths.join(' ')} from ${cwd}`);
  }
  // One inside it is relative to it, given as an absolute path or with `./` and `..` in it (as a CI step passes `$GITHUB_WORKSPACE/g`).
  for (const path of ['/ws/g', './g', 'g/../g']) {
    const inside = await sarifOf(['check', path], workspace, '/ws');
    assert.deepEqual(locationsOf(inside), locationsOf(relative), path);
  }
  // Run in a folder of the repository (a CI step's working-directory), the paths stay relative to its root, which code scanning resolves them against.
  const fromSubfolder = await sarifOf(['check', '.'], workspace, '/ws/g');
  assertValidSarif(fromSubfolder);
  assert.deepEqual(locationsOf(fromSubfolder), locationsOf(relative));
  assert.deepEqual((JSON.parse(fromSubfolder) as Log).runs[0]!.originalUriBaseIds, { '%SRCROOT%': { uri: 'file:///ws/' } });
  // Outside a repository they are relative to the folder the command ran in.
  const unversioned = new InMemoryWorkspace({ [URI.file('/plain/g/A.md').toString()]: entryLines('A', 'A', ['[B](#B)']).join('\n') });
  const plain = await sarifOf(['check', '.'], unversioned, '/plain/g');
  assert.deepEqual([[...new Set(locationsOf(plain).map((location) => location.uri))], (JSON.parse(plain) as Log).runs[0]!.originalUriBaseIds], [['A.md'], { '%SRCROOT%': { uri: 'file:///plain/g/' } }]);
});

test('check --format sarif gives each rule a name, a description and help that code scanning shows beside an alert', async () => {
  const workspace = new InMemoryWorkspace({ 'file:///ws/.git/HEAD': 'ref: refs/heads/main', 'file:///ws/g/A.md': entryLines('A', 'A', []).join('\n') });
  type Rule = { id: string; name: string; shortDescription: { text: string }; fullDescription: { text: string }; help: { text: string } };
  const rules = (JSON.parse(await sarifOf(['check', 'g'], workspace, '/ws')) as { runs: { tool: { driver: { rules: Rule[] } } }[] }).runs[0]!.tool.driver.rules;
  const brokenLink = rules.find((rule) => rule.id === 'broken-link')!;
  assert.equal(brokenLink.name, 'BrokenLink');
  assert.equal(brokenLink.fullDescription.text, "A link's id is defined nowhere in the workspace.");
  assert.equal(
    brokenLink.help.text,
    'A link\'s id is defined nowhere in the workspace.\n\nIn VS Code, the Pandoc Glossary extension shows this finding where it stands, with the quick fixes it has. Its severity is set under "severity" in .glossary.json, where "broken-link": "off" turns it off.',
  );
  assert.ok(rules.every((rule) => /^[A-Z][A-Za-z]+$/.test(rule.name) && rule.help.text.startsWith(rule.fullDescription.text) && rule.help.text.includes(`"${rule.id}": "off"`)), JSON.stringify(rules.map((rule) => rule.name)));
});

test('check --format sarif on the whole real glossary is valid SARIF 2.1.0', async () => {
  const files = corpusFiles().filter((file) => file.endsWith('.txt'));
  const sarif = await sarifOf(['check', corpusEntries, ...files], new NodeFileSystemWorkspace(), process.cwd());
  assertValidSarif(sarif);
  assert.equal((JSON.parse(sarif) as { runs: { results: unknown[] }[] }).runs[0]!.results.length > 2000, true);
});

test('check --format sarif tells of the files skipped or read with a warning, and that the run failed when a file named could not be read', async () => {
  const workspace = new InMemoryWorkspace({
    'file:///ws/.git/HEAD': 'ref: refs/heads/main',
    'file:///ws/g/Apfel.md': entryLines('Apfel', 'Apfel', []).join('\n'),
    'file:///ws/g/Locked.md': { unreadable: 'EACCES' },
    'file:///ws/g/Latin.md': new Uint8Array([...Buffer.from('## Caf'), 0xe9, ...Buffer.from(' {#Cafe .term}\n')]),
  });
  type Run = { invocations: { executionSuccessful: boolean; toolExecutionNotifications: { level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
  const runOf = (text: string): Run => (JSON.parse(text) as { runs: Run[] }).runs[0]!;
  const folder = await sarifOf(['check', 'g'], workspace, '/ws');
  assertValidSarif(folder);
  const [invocation] = runOf(folder).invocations;
  assert.equal(invocation!.executionSuccessful, true);
  assert.deepEqual(
    invocation!.toolExecutionNotifications.map((note) => [note.level, note.locations[0]!.physicalLocation.artifactLocation.uri, note.message.text]),
    // In the order of the files.
    [
      ['note', 'g/Latin.md', 'invalid UTF-8; read with replacement characters (U+FFFD)'],
      ['warning', 'g/Locked.md', 'skipped: cannot read the file (EACCES)'],
    ],
  );
  // A folder that cannot be listed is told too.
  const unlistable = Object.assign(Object.create(workspace) as InMemoryWorkspace, {
    listFiles: async (...args: Parameters<InMemoryWorkspace['listFiles']>) => ({ ...(await workspace.listFiles(...args)), problems: [{ uri: 'file:///ws/g/privat', message: 'skipped: cannot read the folder (EACCES)' }] }),
  });
  const withFolder = runOf(await sarifOf(['check', 'g'], unlistable, '/ws')).invocations[0]!;
  assert.deepEqual(withFolder.toolExecutionNotifications[0], { level: 'warning', message: { text: 'skipped: cannot read the folder (EACCES)' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'g/privat', uriBaseId: '%SRCROOT%' } } }] });
  const named = await sarifOf(['check', 'g/Apfel.md', 'g/Locked.md'], workspace, '/ws');
  assertValidSarif(named);
  assert.equal(runOf(named).invocations[0]!.executionSuccessful, false);
});

test('check --format sarif that checks nothing (a mistake in .glossary.json, no such folder) still writes a log, failed, that says why', async () => {
  const workspace = new InMemoryWorkspace({
    'file:///ws/.git/HEAD': 'ref: refs/heads/main',
    'file:///ws/.glossary.json': '{ "severity": { "broken-link": "loud" } }',
    'file:///ws/Apfel.md': entryLines('Apfel', 'Apfel', []).join('\n'),
  });
  let stdout = '';
  let stderr = '';
  const exit = await runCli(['check', '.', '--format', 'sarif'], { cwd: '/ws', workspace, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) });
  assert.equal(exit, 2);
  assertValidSarif(stdout);
  const run = (JSON.parse(stdout) as { runs: { results: unknown[]; invocations: { executionSuccessful: boolean; toolExecutionNotifications: { level: string; message: { text: string } }[] }[] }[] }).runs[0]!;
  assert.deepEqual(run.results, []);
  assert.equal(run.invocations[0]!.executionSuccessful, false);
  const told = run.invocations[0]!.toolExecutionNotifications.map((note) => `${note.level}: ${note.message.text}`);
  // What stderr says, each message a notification.
  assert.deepEqual(told, stderr.trim().split('\n').map((line) => `error: ${line.replace(/^glossary: /, '')}`));
  assert.match(told.join('\n'), /broken-link/);
  // Each names the settings file as its place, where code scanning shows it; from a subfolder too.
  const placesOf = (sarif: string) => (JSON.parse(sarif) as { runs: { invocations: { toolExecutionNotifications: { locations?: unknown }[] }[] }[] }).runs[0]!.invocations[0]!.toolExecutionNotifications.map((note) => note.locations);
  const atSettings = [{ physicalLocation: { artifactLocation: { uri: '.glossary.json', uriBaseId: '%SRCROOT%' } } }];
  assert.deepEqual(placesOf(stdout), told.map(() => atSettings));
  const fromSubfolder = new InMemoryWorkspace({ ...Object.fromEntries(['file:///ws/.git/HEAD', 'file:///ws/.glossary.json'].map((uri) => [uri, uri.endsWith('HEAD') ? 'ref: refs/heads/main' : '{ "severity": { "broken-link": "loud" } }'])), 'file:///ws/g/Apfel.md': entryLines('Apfel', 'Apfel', []).join('\n') });
  assert.deepEqual(new Set(placesOf(await sarifOf(['check', '.'], fromSubfolder, '/ws/g')).map((places) => JSON.stringify(places))), new Set([JSON.stringify(atSettings)]));
  const missing = await sarifOf(['check', 'nowhere'], workspace, '/ws');
  assertValidSarif(missing);
  assert.match(missing, /no such file or folder: nowhere/);
  assert.deepEqual(placesOf(missing), [undefined]);
  // A file skipped on the way is told too, as a warning.
  const unreadable = new InMemoryWorkspace({ 'file:///ws/.git/HEAD': 'ref: refs/heads/main', 'file:///ws/u/Locked.md': { unreadable: 'EACCES' } });
  const skipped = await sarifOf(['check', 'u/Locked.md'], unreadable, '/ws');
  assertValidSarif(skipped);
  const notes = (JSON.parse(skipped) as { runs: { invocations: { toolExecutionNotifications: { level: string; message: { text: string } }[] }[] }[] }).runs[0]!.invocations[0]!.toolExecutionNotifications;
  assert.deepEqual(notes.map((note) => note.level), ['error', 'warning']);
  assert.match(notes[1]!.message.text, /EACCES/);
  assert.deepEqual((notes[1] as unknown as { locations: unknown }).locations, [{ physicalLocation: { artifactLocation: { uri: 'u/Locked.md', uriBaseId: '%SRCROOT%' } } }]);
});
