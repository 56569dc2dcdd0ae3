import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ignoreMentionEdits } from '../features/ignoreMentions';

/** The text of `.glossary.json` after the edits, checked against the text the function says it makes. */
function edited(text: string | undefined, id: string): string {
  const result = ignoreMentionEdits(text, id);
  assert.ok('edits' in result, 'error' in result ? result.error : '');
  const after = TextDocument.applyEdits(TextDocument.create('file:///ws/.glossary.json', 'json', 1, text ?? ''), [...result.edits]);
  assert.equal(after, result.text);
  return after;
}

test('a missing or empty .glossary.json is made with the list', () => {
  const made = '{\n  "ignoreMentionsOf": [\n    "Training"\n  ]\n}\n';
  assert.equal(edited(undefined, 'Training'), made);
  assert.equal(edited('\n  \n', 'Training'), made);
});

test('the list is added to the object, or the id to the list, and the rest of the file stays byte for byte', () => {
  assert.equal(
    edited('{\n  "indexFile": "000-index.txt"\n}\n', 'Training'),
    '{\n  "indexFile": "000-index.txt",\n  "ignoreMentionsOf": [\n    "Training"\n  ]\n}\n',
  );
  assert.equal(
    edited('{\n    "include": ["**/*.md"],\n    "ignoreMentionsOf": ["Daten"]\n}', 'Training'),
    '{\n    "include": ["**/*.md"],\n    "ignoreMentionsOf": ["Daten", "Training"]\n}',
  );
  assert.equal(edited('{ "ignoreMentionsOf": [ ] }', 'Training'), '{ "ignoreMentionsOf": ["Training"] }');
  // Tabs and CRLF line breaks, as the writer has them.
  assert.equal(
    edited('{\r\n\t"ignoreMentionsOf": [\r\n\t\t"Daten"\r\n\t]\r\n}\r\n', 'Training'),
    '{\r\n\t"ignoreMentionsOf": [\r\n\t\t"Daten",\r\n\t\t"Training"\r\n\t]\r\n}\r\n',
  );
});

test('a file that is no JSON object, a list that is no list of ids, or an id listed already: a clear reason, no edit', () => {
  assert.deepEqual(ignoreMentionEdits('{ "include": [', 'Training'), { error: '.glossary.json is not a valid JSON object: correct it first.' });
  assert.deepEqual(ignoreMentionEdits('["Training"]', 'Training'), { error: '.glossary.json is not a valid JSON object: correct it first.' });
  assert.deepEqual(ignoreMentionEdits('{ "ignoreMentionsOf": "Daten" }', 'Training'), { error: '"ignoreMentionsOf" in .glossary.json must be a list of ids: correct it first.' });
  assert.deepEqual(ignoreMentionEdits('{ "ignoreMentionsOf": ["Daten", 3] }', 'Training'), { error: '"ignoreMentionsOf" in .glossary.json must be a list of ids: correct it first.' });
  assert.deepEqual(ignoreMentionEdits('{ "ignoreMentionsOf": ["Training"] }', 'Training'), { error: '.glossary.json lists "Training" in "ignoreMentionsOf" already.' });
});
