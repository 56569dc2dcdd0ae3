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
    { include: ['**/*.md', '!drafts/**'] },
    { exclude: ['!keep.md'] },
    { termClass: '' },
    { termClass: '  ' },
    { termClass: '.term' },
    { termClass: 'my term' },
    { termClass: '1st' },
    { chapterClasses: ['chapter', '.small'] },
    { chapterClasses: ['chapter', 'small term'] },
    ...['a*b', 'a/b', 'x,y', '(term)', '€uro', '٣x', 'a😀'].map((termClass) => ({ termClass })),
    { trace: { server: 'verbose' } },
  ];
  for (const json of refused) {
    assert.equal(validate(json), false, `the schema takes ${JSON.stringify(json)}`);
    assert.ok(resolveConfig(json).problems.length > 0, `the server takes ${JSON.stringify(json)}`);
  }
  const taken: unknown[] = [
    { $schema: './node_modules/pandoc-glossary/dist/glossary.schema.json' },
    { include: ['**/*.md', '**/*.txt'], exclude: ['drafts/**'], termClass: 'term', chapterClasses: ['chapter'] },
    { termClass: 'Begriff-1:ä.b', chapterClasses: ['kapitel', 'ü'] },
    { severity: { 'unlinked-mention': 'off', 'not-in-index': 'warning' } },
    { collation: 'en', entriesFolder: 'src/de', indexFile: '000-index.txt' },
  ];
  for (const json of taken) {
    assert.ok(validate(json), `the schema refuses ${JSON.stringify(json)}: ${JSON.stringify(validate.errors)}`);
    assert.deepEqual(resolveConfig(json).problems, [], JSON.stringify(json));
  }
});

test('the editor settings take `trace` (read by the client), and their problems name the settings as the editor does', () => {
  assert.deepEqual(resolveConfig(undefined, { trace: { server: 'verbose' } }).problems, []);
  assert.deepEqual(resolveConfig(undefined, { severity: 'off', indexFile: '../index.md', exclude: ['!x'] }).problems, [
    'editor settings: "glossary.severity" must be an object mapping diagnostic codes to severities.',
    'editor settings: "glossary.indexFile" must be a path inside the workspace root; "../index.md" leads out of it.',
    'editor settings: the patterns of "glossary.exclude" cannot be negated ("!x"): list what to leave out under "glossary.exclude".',
  ]);
});

test('inside .glossary.json, the descriptions say that its paths start at its own folder', () => {
  const entriesFolder = schema.properties['entriesFolder']!.description!;
  assert.match(entriesFolder, /relative to the folder of this file/);
  assert.match(entriesFolder, /`\.` is the folder of this file/);
  assert.doesNotMatch(JSON.stringify(schema), /workspace folder/);
});
