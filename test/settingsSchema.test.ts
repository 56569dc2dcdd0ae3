import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { defaultConfig, resolveConfig } from '../server/src/config';
import { allDiagnosticCodes } from '../server/src/diagnostics/codes';

// dist/glossary.schema.json (written by `npm run build`) is what VS Code validates and completes
// `.glossary.json` with. It must take what the server takes and refuse what the server refuses.
const repositoryRoot = path.resolve(__dirname, '..', '..');
const schema = JSON.parse(fs.readFileSync(path.join(repositoryRoot, 'dist', 'glossary.schema.json'), 'utf8')) as {
  properties: Record<string, { description?: string; properties?: Record<string, unknown> }>;
};
const validate = new Ajv({ strict: false }).compile(schema);

test('the schema names every setting of .glossary.json, each described, and every diagnostic code', () => {
  assert.deepEqual(Object.keys(schema.properties).sort(), ['$schema', ...Object.keys(defaultConfig)].sort());
  for (const [key, setting] of Object.entries(schema.properties)) {
    if (key !== '$schema') assert.ok(setting.description !== undefined && !setting.description.startsWith('%'), `${key} has a description`);
  }
  assert.deepEqual(Object.keys(schema.properties['severity']!.properties!).sort(), [...allDiagnosticCodes].sort());
});

test('the example glossary\'s .glossary.json and the defaults are valid', () => {
  const example = JSON.parse(fs.readFileSync(path.join(repositoryRoot, 'example', 'glossary', '.glossary.json'), 'utf8'));
  assert.ok(validate(example), JSON.stringify(validate.errors));
  assert.ok(validate({ ...defaultConfig, entriesFolder: '', indexFile: '' }), JSON.stringify(validate.errors));
  assert.ok(validate({ ...defaultConfig, entriesFolder: null, indexFile: null }), JSON.stringify(validate.errors));
});

test('what the schema refuses, the server refuses too (and falls back to the default)', () => {
  const refused: unknown[] = [
    { include: '**/*.md' },
    { exclude: [1] },
    { termClass: 3 },
    { chapterClasses: 'chapter' },
    { severity: { 'broken-link': 'loud' } },
    { severity: { 'no-such-code': 'error' } },
    { severity: 'off' },
    { collation: ['de'] },
    { indexFile: 7 },
    { entriesFolder: false },
    { unknownSetting: true },
  ];
  for (const json of refused) {
    assert.equal(validate(json), false, `the schema takes ${JSON.stringify(json)}`);
    assert.ok(resolveConfig(json).problems.length > 0, `the server takes ${JSON.stringify(json)}`);
  }
  const taken: unknown[] = [
    { $schema: './node_modules/pandoc-glossary/dist/glossary.schema.json' },
    { include: ['**/*.md', '**/*.txt'], exclude: ['drafts/**'], termClass: 'term', chapterClasses: ['chapter'] },
    { severity: { 'unlinked-mention': 'off', 'not-in-index': 'warning' } },
    { collation: 'en', entriesFolder: 'src/de', indexFile: '000-index.txt' },
  ];
  for (const json of taken) {
    assert.ok(validate(json), `the schema refuses ${JSON.stringify(json)}: ${JSON.stringify(validate.errors)}`);
    assert.deepEqual(resolveConfig(json).problems, [], JSON.stringify(json));
  }
});
