import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseConfigFileText, resolveConfig } from '../config';
import { Connection } from 'vscode-languageserver';
import { addIgnoredMention, settingsListEdits, type SettingsListKey } from '../features/settingsLists';
import { GlossarySession } from '../session/glossarySession';
import { InMemoryWorkspace } from '../workspace/inMemoryWorkspace';

/** The text of `.glossary.json` after the edits, which the configuration reads back with the items listed under `key`. */
function edited(text: string | undefined, items: string | readonly string[], inherited: readonly string[] = [], key: SettingsListKey = 'ignoreMentionsOf'): string {
  const added = typeof items === 'string' ? [items] : items;
  const result = settingsListEdits(text, key, added, inherited);
  assert.ok('edits' in result, 'error' in result ? result.error : '');
  const after = TextDocument.applyEdits(TextDocument.create('file:///ws/.glossary.json', 'json', 1, text ?? ''), [...result.edits]);
  const { json, problems } = parseConfigFileText(after);
  assert.deepEqual(problems, []);
  const listed = resolveConfig(json).config[key];
  assert.ok(added.every((item) => listed.includes(item)), after);
  return after;
}

test('a missing or empty .glossary.json is made with the list', () => {
  const made = '{\n  "ignoreMentionsOf": ["Training"]\n}\n';
  assert.equal(edited(undefined, 'Training'), made);
  assert.equal(edited('\n  \n', 'Training'), made);
});

test('the list is added to the object, or the id to the list, and the rest of the file stays byte for byte', () => {
  assert.equal(
    edited('{\n  "indexFile": "000-index.txt"\n}\n', 'Training'),
    '{\n  "indexFile": "000-index.txt",\n  "ignoreMentionsOf": ["Training"]\n}\n',
  );
  assert.equal(
    edited('{\n    "include": ["**/*.md"],\n    "ignoreMentionsOf": ["Daten"]\n}', 'Training'),
    '{\n    "include": ["**/*.md"],\n    "ignoreMentionsOf": ["Daten", "Training"]\n}',
  );
  assert.equal(edited('{ "ignoreMentionsOf": [ ] }', 'Training'), '{ "ignoreMentionsOf": ["Training"] }');
  // Items on one line below the bracket: the new one goes on a line of its own, as indented as that line.
  assert.equal(edited('{\n  "ignoreMentionsOf": [\n    "A", "B"\n  ]\n}', 'T'), '{\n  "ignoreMentionsOf": [\n    "A", "B",\n    "T"\n  ]\n}');
  // Tabs and CRLF line breaks, as the writer has them.
  assert.equal(
    edited('{\r\n\t"ignoreMentionsOf": [\r\n\t\t"Daten"\r\n\t]\r\n}\r\n', 'Training'),
    '{\r\n\t"ignoreMentionsOf": [\r\n\t\t"Daten",\r\n\t\t"Training"\r\n\t]\r\n}\r\n',
  );
});

test('a list made anew starts with the ids of the editor setting, which the file\'s list replaces', () => {
  assert.equal(edited(undefined, 'Daten', ['Training', 'Daten']), '{\n  "ignoreMentionsOf": ["Training", "Daten"]\n}\n');
  assert.equal(edited('{ "collation": "de" }', 'Daten', ['Training']), '{ "collation": "de", "ignoreMentionsOf": ["Training", "Daten"] }');
  assert.equal(edited('{}', 'Daten'), '{\n  "ignoreMentionsOf": ["Daten"]\n}');
  assert.equal(edited('{\r\n\t"collation": "de"\r\n}\r\n', 'Daten'), '{\r\n\t"collation": "de",\r\n\t"ignoreMentionsOf": ["Daten"]\r\n}\r\n');
  // A list in the file is the one that counts: the setting's ids are not added to it.
  assert.equal(edited('{ "ignoreMentionsOf": ["KI"] }', 'Daten', ['Training']), '{ "ignoreMentionsOf": ["KI", "Daten"] }');
});

test('a file that is no JSON object or a list that is no list of ids: a clear reason, no edit; an id listed already: no edit', () => {
  assert.deepEqual(settingsListEdits('{ "include": [', 'ignoreMentionsOf', ['Training']), { error: '.glossary.json is not a valid JSON object: correct it first.' });
  assert.deepEqual(settingsListEdits('["Training"]', 'ignoreMentionsOf', ['Training']), { error: '.glossary.json is not a valid JSON object: correct it first.' });
  assert.deepEqual(settingsListEdits('{ "ignoreMentionsOf": "Daten" }', 'ignoreMentionsOf', ['Training']), { error: '"ignoreMentionsOf" in .glossary.json must be a list of ids: correct it first.' });
  assert.deepEqual(settingsListEdits('{ "ignoreMentionsOf": ["Daten", 3] }', 'ignoreMentionsOf', ['Training']), { error: '"ignoreMentionsOf" in .glossary.json must be a list of ids: correct it first.' });
  assert.deepEqual(settingsListEdits('{ "ignoreMentionsOf": ["Training"] }', 'ignoreMentionsOf', ['Training']), { listedAlready: true });
  // JSON.parse takes the last of two equal keys, the edit would find the first.
  assert.deepEqual(settingsListEdits('{ "ignoreMentionsOf": ["A"], "ignoreMentionsOf": ["B"] }', 'ignoreMentionsOf', ['Training']), { error: '.glossary.json has "ignoreMentionsOf" twice: correct it first.' });
  assert.deepEqual(settingsListEdits('{ "ignoreMentionsOf": null }', 'ignoreMentionsOf', ['Training']), { error: '"ignoreMentionsOf" in .glossary.json must be a list of ids: correct it first.' });
});

test('files left out: the patterns missing from "exclude" are added to it, each once; the file then leaves them out', () => {
  const add = (text: string | undefined, patterns: readonly string[], inherited: readonly string[] = []): string => edited(text, patterns, inherited, 'exclude');
  assert.equal(add(undefined, ['README.md', 'LICENSE.md']), '{\n  "exclude": ["README.md", "LICENSE.md"]\n}\n');
  assert.equal(add('{\n  "exclude": ["drafts/**", "LICENSE.md"]\n}\n', ['README.md', 'LICENSE.md', 'README.md']), '{\n  "exclude": ["drafts/**", "LICENSE.md", "README.md"]\n}\n');
  // One pattern per line: each added on a line of its own.
  assert.equal(add('{\n  "exclude": [\n    "drafts"\n  ]\n}\n', ['README.md', 'LICENSE.md']), '{\n  "exclude": [\n    "drafts",\n    "README.md",\n    "LICENSE.md"\n  ]\n}\n');
  assert.equal(add('{ "exclude": [] }', ['README.md', 'LICENSE.md']), '{ "exclude": ["README.md", "LICENSE.md"] }');
  // The editor's patterns start a list made anew, as the file's list replaces them.
  assert.equal(add('{ "collation": "de" }', ['notes'], ['drafts/**']), '{ "collation": "de", "exclude": ["drafts/**", "notes"] }');
  assert.deepEqual(settingsListEdits('{ "exclude": ["README.md"] }', 'exclude', ['README.md']), { listedAlready: true });
  assert.deepEqual(settingsListEdits('{ "exclude": "README.md" }', 'exclude', ['LICENSE.md']), { error: '"exclude" in .glossary.json must be a list of patterns: correct it first.' });
});

test('for an editor other than the extension the server writes .glossary.json, and only while it holds the text the id was added to', async () => {
  const workspace = new InMemoryWorkspace({ 'file:///ws/.glossary.json': '{\n  "collation": "de"\n}\n', 'file:///ws/A.md': '## A {#A .term}' });
  const session = new GlossarySession(workspace, ['file:///ws']);
  await session.load(undefined, []);
  const connection = { workspace: { applyEdit: async () => assert.fail('no edit is sent') } } as unknown as Connection;
  const client = { documentChanges: true, createsFiles: true, settingsEdits: false };
  const params = { id: 'A', configUri: 'file:///ws/.glossary.json' };
  assert.deepEqual(await addIgnoredMention(params, session, connection, client), { uri: params.configUri, written: true });
  const written = await workspace.readFile(params.configUri);
  assert.equal(written.kind === 'text' ? written.text : '', '{\n  "collation": "de",\n  "ignoreMentionsOf": ["A"]\n}\n');
  // Saved by another program between the read and the write: that text stays.
  const replaceFile = workspace.replaceFile.bind(workspace);
  workspace.replaceFile = async (uri, expected, text) => (workspace.set(uri, '{ "termClass": "x" }'), replaceFile(uri, expected, text));
  assert.deepEqual(await addIgnoredMention({ ...params, id: 'B' }, session, connection, client), { error: '.glossary.json was not changed: the file changed meanwhile' });
  assert.deepEqual(await workspace.readFile(params.configUri), { kind: 'text', text: '{ "termClass": "x" }', warning: undefined });
});

test('files are left out by patterns only where the folder of .glossary.json holds every workspace folder: else they would name paths in another one too', async () => {
  const patternsFolder = async (files: Record<string, string>, folders: string[]): Promise<string | undefined> => {
    const session = new GlossarySession(new InMemoryWorkspace(files), folders);
    await session.load(undefined, []);
    return session.patternsFolderUri();
  };
  assert.equal(await patternsFolder({ 'file:///ws/A.md': '## A {#A .term}' }, ['file:///ws']), 'file:///ws');
  assert.equal(await patternsFolder({ 'file:///ws/.glossary.json': '{}', 'file:///ws/a/A.md': '## A {#A .term}', 'file:///ws/b/B.md': '# B' }, ['file:///ws/a', 'file:///ws/b']), 'file:///ws');
  assert.equal(await patternsFolder({ 'file:///a/A.md': '## A {#A .term}', 'file:///b/B.md': '# B' }, ['file:///a', 'file:///b']), undefined);
});
