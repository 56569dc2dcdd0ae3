import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { URI } from 'vscode-uri';
import { defaultConfig, entriesFolderUri, indexFileUri, parseConfigFileText, resolveConfig } from '../config';
import { DiagnosticCode } from '../diagnostics/codes';

test('without a file or settings, the documented defaults apply', () => {
  assert.deepEqual(resolveConfig(undefined), { config: defaultConfig, problems: [], fileProblems: [] });
  assert.deepEqual(defaultConfig.include, ['**/*.md']);
  assert.deepEqual(defaultConfig.chapterClasses, ['chapter', 'small', 'term']);
  assert.equal(defaultConfig.termClass, 'term');
  assert.equal(defaultConfig.collation, 'de');
  assert.equal(defaultConfig.severity[DiagnosticCode.BrokenLink], 'error');
  assert.equal(defaultConfig.severity[DiagnosticCode.FenceStyle], 'information');
});

test('the file sets fields and single severities; other severities keep their defaults', () => {
  const { config, problems } = resolveConfig({
    include: ['src/**/*.md', 'src/**/*.txt'],
    exclude: ['drafts/**'],
    termClass: 'entry',
    severity: { 'fence-style': 'off', 'broken-link': 'warning' },
    entriesFolder: 'src/de',
    indexFile: 'src/de/001-ki-index.txt',
    ignoreMentionsOf: ['Training'],
  });
  assert.deepEqual(problems, []);
  assert.deepEqual(config, {
    ...defaultConfig,
    include: ['src/**/*.md', 'src/**/*.txt'],
    exclude: ['drafts/**'],
    termClass: 'entry',
    severity: { ...defaultConfig.severity, 'fence-style': 'off', 'broken-link': 'warning' },
    entriesFolder: 'src/de',
    indexFile: 'src/de/001-ki-index.txt',
    ignoreMentionsOf: ['Training'],
  });
});

test('the workspace file wins over the editor settings, field by field and severity by severity', () => {
  const { config } = resolveConfig(
    { collation: 'en', severity: { 'broken-link': 'hint' } },
    { collation: 'sv', termClass: 'begriff', severity: { 'broken-link': 'off', 'missing-seealso': 'error' } },
  );
  assert.equal(config.collation, 'en');
  assert.equal(config.termClass, 'begriff');
  assert.equal(config.severity[DiagnosticCode.BrokenLink], 'hint');
  assert.equal(config.severity[DiagnosticCode.MissingSeeAlso], 'error');
});

test('invalid settings are listed one by one and fall back to their defaults', () => {
  const { config, problems } = resolveConfig({
    include: '**/*.md',
    termClass: 3,
    severity: { 'broken-links': 'error', 'fence-style': 'fatal' },
    colation: 'de',
    ignoreMentionsOf: 'Training',
  });
  assert.deepEqual(config, defaultConfig);
  assert.deepEqual(problems, [
    '.glossary.json: "include" must be an array of strings.',
    '.glossary.json: "termClass" must be a non-empty string.',
    '.glossary.json: unknown diagnostic code "broken-links" in "severity" (known: broken-link, duplicate-anchor, anchor-file-mismatch, multiple-entries, missing-chapter-heading, missing-seealso, seealso-unsorted, seealso-index-not-last, seealso-duplicate, seealso-separator, section-after-seealso, missing-section-class, section-level, section-after-haiku, missing-haiku, missing-closing-rule, fence-style, unclosed-block, heading-in-text, code-block-in-text, table-misaligned, lone-carriage-return, sentence-mid-line, unlinked-mention, not-in-index, index-link-broken, index-anchor-missing, seealso-missing-body-link, seealso-not-reciprocal, orphan-entry, self-link, ambiguous-link, file-link, link-syntax).',
    '.glossary.json: severity of "fence-style" must be one of error, warning, information, hint, off.',
    '.glossary.json: unknown setting "colation" (known: include, exclude, termClass, chapterClasses, severity, collation, entriesFolder, indexFile, ignoreMentionsOf).',
    '.glossary.json: "ignoreMentionsOf" must be an array of strings.',
  ]);
});

test('an empty include list is a mistake, an empty exclude list none', () => {
  assert.deepEqual(resolveConfig({ include: [], exclude: [] }).problems, ['.glossary.json: "include" must be an array of at least one pattern.']);
});

test('a class setting takes a name as pandoc reads it after a dot, and says so of one written with its dot', () => {
  assert.deepEqual(resolveConfig({ termClass: '.term', chapterClasses: ['chapter', 'small term'] }).problems, [
    '.glossary.json: "termClass" must be a class name without its dot ("term", not ".term").',
    '.glossary.json: "chapterClasses" must be a class name as pandoc reads it after a dot: a letter, then letters, digits and - _ : . ("small term" is none).',
  ]);
  assert.deepEqual(resolveConfig({ termClass: 'Begriff-1:ä.b', chapterClasses: ['kapitel', 'ü'] }).problems, []);
});

test('a wrong editor setting is named as the editor names it, glossary.collation', () => {
  const { problems } = resolveConfig(undefined, { collation: 42, colation: 'de' });
  assert.deepEqual(problems, [
    'editor settings: "glossary.collation" must be a locale known here, such as "de" or "en".',
    'editor settings: unknown setting "glossary.colation" (known: glossary.include, glossary.exclude, glossary.termClass, glossary.chapterClasses, glossary.severity, glossary.collation, glossary.entriesFolder, glossary.indexFile, glossary.ignoreMentionsOf).',
  ]);
});

test('a collation that is no locale is a problem, not a crash', () => {
  const { config, problems } = resolveConfig({ collation: 'not a locale!' });
  assert.equal(config.collation, 'de');
  assert.equal(problems.length, 1);
  assert.match(problems[0]!, /"collation" must be a locale/);
});

test('a settings value that is not an object is a problem', () => {
  assert.deepEqual(resolveConfig([1, 2]).problems, ['.glossary.json: the settings must be a JSON object.']);
});

test('a config file with a JSON syntax error gives a problem naming the file', () => {
  const { json, problems } = parseConfigFileText('{\n  "include": [}');
  assert.equal(json, undefined);
  assert.deepEqual(problems, ['.glossary.json is not valid JSON (line 2, column 15): a closing ] is missing.']);
  // What JSON allows nowhere, though VS Code's settings do: a comment, a trailing comma. What is wrong is said where it is one of these, or a mark missing.
  const cases: [string, string][] = [
    ['{ // note\n}', '(line 1, column 3): a comment, which JSON does not allow'],
    // The comma is said where it stands, not at the bracket after it, where JSON finds it out of place.
    ['{"include": ["*.md"],}', '(line 1, column 21): a comma after the last item, which JSON does not allow'],
    ['{"include": ["*.md",\n  ]}', '(line 1, column 20): a comma after the last item, which JSON does not allow'],
    ["{'include': []}", '(line 1, column 2): single quotes, where JSON takes double quotes'],
    ['{"include": [] "exclude": []}', '(line 1, column 16): a comma is missing'],
    ['{"include" []}', '(line 1, column 12): a colon is missing after the key'],
    ['{"include": []', '(line 1, column 15): a closing } is missing'],
    ['{"include": ["*.md"}', '(line 1, column 20): a closing ] is missing'],
    ['{"include": []}}', '(line 1, column 16): more text after the settings object'],
    // A comma before a list's mark that is missing is none too many.
    ['{"include": [1, }', '(line 1, column 17): a closing ] is missing'],
    ['{"a": {"b": 1,]}', '(line 1, column 15): a closing } is missing'],
    // Each said where it is: a comma too many before a list's own mark, a colon missing before a list left open.
    ['{"include": ["a",]', '(line 1, column 17): a comma after the last item, which JSON does not allow'],
    ['{"a" 1, "b": [}', '(line 1, column 6): a colon is missing after the key'],
    ['{"a": "x]", "b": [1, }', '(line 1, column 22): a closing ] is missing'],
  ];
  for (const [text, said] of cases) assert.deepEqual(parseConfigFileText(text).problems, [`.glossary.json is not valid JSON ${said}.`], text);
  // Nested deeper than a parser's stack: said so, no crash.
  assert.deepEqual(parseConfigFileText(`{"a":${'['.repeat(200_000)}`).problems, ['.glossary.json is not valid JSON.']);
});

test('a key written twice in one object is a problem, as JSON.parse would keep the last without a word; the same key in two objects is none', () => {
  const { json, problems } = parseConfigFileText('{\n  "include": ["**/*.md"],\n  "include": ["**/*.txt"]\n}');
  assert.deepEqual(json, { include: ['**/*.txt'] });
  assert.deepEqual(problems, ['.glossary.json: "include" is written twice in one object (the second time on line 3), and only the last would count.']);
  assert.deepEqual(parseConfigFileText('{"severity": {"broken-link": "off", "self-link": "off", "broken-link": "hint"}}', 'g/.glossary.json').problems, [
    'g/.glossary.json: "broken-link" is written twice in one object (the second time on line 1), and only the last would count.',
  ]);
  assert.deepEqual(parseConfigFileText('{"severity": {"off": 1}, "x": {"off": 2}, "off": 3}').problems, []);
  // Nested deeper than the key check's stack: read, and no crash.
  assert.deepEqual(parseConfigFileText(`${'['.repeat(100_000)}${']'.repeat(100_000)}`).problems, []);
});

test('new entries go to the configured folder, else to the folder holding most entries, else to the root', () => {
  const { config } = resolveConfig({ entriesFolder: 'src/de/' });
  assert.equal(entriesFolderUri(config, 'file:///ws', 'file:///ws/other'), 'file:///ws/src/de');
  assert.equal(entriesFolderUri(defaultConfig, 'file:///ws', 'file:///ws/src/de'), 'file:///ws/src/de');
  assert.equal(entriesFolderUri(defaultConfig, 'file:///ws', undefined), 'file:///ws');
  assert.equal(entriesFolderUri(resolveConfig({ entriesFolder: '.' }).config, 'file:///ws', 'file:///ws/src/de'), 'file:///ws');
});

test('an empty path, as the Settings UI leaves it, or null is not set: the folder and the index page are found', () => {
  for (const unset of ['', '  ', null]) {
    const inEditor = resolveConfig(undefined, { entriesFolder: unset, indexFile: unset });
    const inFileOverEditor = resolveConfig({ entriesFolder: unset, indexFile: unset }, { entriesFolder: 'src', indexFile: 'i.md' });
    for (const { config, problems } of [inEditor, inFileOverEditor]) {
      assert.deepEqual(problems, []);
      assert.equal(entriesFolderUri(config, 'file:///ws', 'file:///ws/src/de'), 'file:///ws/src/de', JSON.stringify(unset));
      assert.equal(indexFileUri(config, 'file:///ws'), undefined, JSON.stringify(unset));
    }
  }
});

test('indexFile: a path leaving the workspace root is refused with a problem; inside it, . and .. are resolved', () => {
  for (const outside of ['../outside/idx.md', 'a/../../idx.md', '/etc/idx.md', '\\\\server\\idx.md', 'C:\\idx.md']) {
    const { config, problems } = resolveConfig({ indexFile: outside });
    assert.equal(config.indexFile, undefined, outside);
    assert.deepEqual(problems, [`.glossary.json: "indexFile" must be a path inside the workspace root; "${outside}" leads out of it.`]);
    assert.equal(indexFileUri(config, 'file:///tmp/o/g'), undefined);
  }
  const { config, problems } = resolveConfig({ indexFile: './pages/../src\\de/idx.md' });
  assert.deepEqual(problems, []);
  assert.equal(indexFileUri(config, 'file:///tmp/o/g'), 'file:///tmp/o/g/src/de/idx.md');
  assert.equal(entriesFolderUri(resolveConfig({ entriesFolder: 'a/../src' }).config, 'file:///ws', undefined), 'file:///ws/src');
});

test('indexFile: the URI is encoded as the workspace listing encodes file names (vscode-uri), parentheses and all', () => {
  const { config } = resolveConfig({ indexFile: "pages/index (de) – A*B'!.txt" });
  const listed = URI.file("/tmp/g/pages/index (de) – A*B'!.txt").toString();
  assert.equal(indexFileUri(config, URI.file('/tmp/g').toString()), listed);
});
