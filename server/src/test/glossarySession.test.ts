import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { DiagnosticCode } from '../diagnostics/codes';
import { toLspDiagnostic } from '../features/diagnostics';
import { GlossarySession } from '../session/glossarySession';
import { InMemoryWorkspace } from '../workspace/inMemoryWorkspace';
import { entryLines, uriOf } from './support/tinyWorkspace';
import { buildReport } from '../report/glossaryReport';

function text(lines: readonly string[]): string {
  return lines.join('\n');
}

async function sessionOf(files: Record<string, string>) {
  // Every entry's see-also list ends with [Index](#Index), so the index page is always there.
  const workspace = new InMemoryWorkspace({ [uriOf('Index.md')]: '# Index {#Index}', ...files });
  const session = new GlossarySession(workspace, ['file:///ws']);
  const report = await session.load(undefined, []);
  return { workspace, session, report };
}

/** The codes of a file's diagnostics; orphan-entry aside, since these tiny glossaries link few of their entries. */
function codesOf(session: GlossarySession, name: string): string[] {
  return session.diagnosticsOf(uriOf(name)).map((diagnostic) => diagnostic.code).filter((code) => code !== DiagnosticCode.OrphanEntry);
}

const linkingToClaude = text(entryLines('A', 'A', ['[Claude](#Claude)']));
const claude = text(entryLines('Claude', 'Claude', []));

test('a file created on disk clears the broken links to its id in other files', async () => {
  const { workspace, session } = await sessionOf({ [uriOf('A.md')]: linkingToClaude, [uriOf('B.md')]: text(['[c](#Claude)']) });
  assert.deepEqual(codesOf(session, 'A.md'), [DiagnosticCode.BrokenLink]);
  workspace.set(uriOf('Claude.md'), claude);
  const change = await session.refreshFromDisk(uriOf('Claude.md'));
  assert.deepEqual([...change!.affectedUris].sort(), [uriOf('A.md'), uriOf('B.md'), uriOf('Claude.md')]);
  assert.deepEqual(codesOf(session, 'A.md'), []);
});

test('deleting the file brings the broken links back', async () => {
  const { workspace, session } = await sessionOf({ [uriOf('A.md')]: linkingToClaude, [uriOf('Claude.md')]: claude });
  // Told of a deletion while the file is still (or again) on disk: it stays.
  assert.equal(await session.removeFile(uriOf('Claude.md')), undefined);
  workspace.set(uriOf('Claude.md'), undefined);
  const change = await session.removeFile(uriOf('Claude.md'));
  assert.deepEqual([...change!.affectedUris], [uriOf('A.md')]);
  assert.deepEqual(codesOf(session, 'A.md'), [DiagnosticCode.BrokenLink]);
});


test('an entry retitled in the editor changes the message of the broken links elsewhere whose label names it, and no other file', async () => {
  const { session } = await sessionOf({
    [uriOf('A.md')]: text(entryLines('A', 'A', ['[Large Language Models](#LLMs)'])),
    [uriOf('B.md')]: text(entryLines('B', 'B', ['[Sprachmodell](#Sprachmodell-x)', '[Large Language Models](#A)'])),
    [uriOf('LLM.md')]: text(entryLines('LLM', 'LLM', [])),
  });
  const messages = (name: string) => session.diagnosticsOf(uriOf(name)).filter((diagnostic) => diagnostic.code === DiagnosticCode.BrokenLink).map((diagnostic) => diagnostic.message);
  assert.deepEqual(messages('A.md'), ['No heading defines the id "LLMs". Perhaps meant: LLM.']);
  const retitled = session.updateOpen({ uri: uriOf('LLM.md'), version: 2, text: text(entryLines('Large Language Model', 'LLM', [])) });
  // B.md links by that label too, to an id that exists: its diagnostics stay as they are.
  assert.deepEqual([...retitled!.affectedUris].sort(), [uriOf('A.md'), uriOf('LLM.md')]);
  assert.deepEqual(messages('A.md'), ['No heading defines the id "LLMs". Perhaps meant: LLM.']);
  assert.deepEqual(messages('B.md'), ['No heading defines the id "Sprachmodell-x".']);
  session.updateOpen({ uri: uriOf('LLM.md'), version: 3, text: text(entryLines('Sprachmodelle', 'LLM', [])) });
  assert.deepEqual(messages('B.md'), ['No heading defines the id "Sprachmodell-x". Perhaps meant: LLM (named by the link\'s text).']);
});
test('a document the editor still shows after its file was deleted is out of the glossary until its file is written again', async () => {
  const { workspace, session } = await sessionOf({ [uriOf('A.md')]: linkingToClaude, [uriOf('Claude.md')]: claude });
  session.updateOpen({ uri: uriOf('Claude.md'), version: 1, text: claude });
  workspace.set(uriOf('Claude.md'), undefined);
  assert.deepEqual([...(await session.removeFile(uriOf('Claude.md')))!.affectedUris], [uriOf('A.md')]);
  assert.equal(session.index.document(uriOf('Claude.md')), undefined);
  assert.deepEqual(codesOf(session, 'A.md'), [DiagnosticCode.BrokenLink]);
  // Typed into, it stays out; the text typed is what counts once it is saved.
  const edited = claude.replace('{#Claude', '{#Claude-AI');
  assert.equal(session.updateOpen({ uri: uriOf('Claude.md'), version: 2, text: edited }), undefined);
  assert.equal(session.counts().entryCount, 1);
  workspace.set(uriOf('Claude.md'), edited);
  await session.refreshFromDisk(uriOf('Claude.md'));
  assert.equal(session.index.document(uriOf('Claude.md'))?.anchors[0]?.id, 'Claude-AI');
  assert.equal(session.counts().entryCount, 2);

  // Read anew (a restart) with the document still open and its file gone: it is not counted.
  workspace.set(uriOf('Claude.md'), undefined);
  await session.load(undefined, [{ uri: uriOf('Claude.md'), version: 3, text: claude }]);
  assert.equal(session.index.document(uriOf('Claude.md')), undefined);
  assert.deepEqual(codesOf(session, 'A.md'), [DiagnosticCode.BrokenLink]);
  // Saved again, it counts again.
  workspace.set(uriOf('Claude.md'), claude);
  await session.refreshFromDisk(uriOf('Claude.md'));
  assert.deepEqual(codesOf(session, 'A.md'), []);
});

test('a document without its file: an edit that comes while the disk is asked is what counts', async () => {
  const { workspace, session } = await sessionOf({ [uriOf('A.md')]: linkingToClaude, [uriOf('Claude.md')]: claude });
  const uri = uriOf('Claude.md');
  session.updateOpen({ uri, version: 1, text: claude });
  workspace.set(uri, undefined);
  await session.removeFile(uri);
  // Saved, and typed into at once: the edit is handled while the server asks the disk about the save.
  workspace.set(uri, claude);
  const saved = session.refreshFromDisk(uri);
  session.updateOpen({ uri, version: 2, text: claude.replace('{#Claude', '{#Claude-AI') });
  await saved;
  assert.equal(session.index.document(uri)?.anchors[0]?.id, 'Claude-AI');

  // Read anew while the writer types into it, its file gone: it stays out whenever the edits come.
  workspace.set(uri, undefined);
  await session.removeFile(uri);
  let version = 3;
  let done = false;
  const loading = session.load(undefined, [{ uri, version, text: claude }]).then(() => (done = true));
  while (!done) {
    session.updateOpen({ uri, version: ++version, text: `${claude}\nNoch ${version}.` });
    await Promise.resolve();
  }
  await loading;
  session.updateOpen({ uri, version: ++version, text: claude });
  assert.equal(session.index.document(uri), undefined);
  assert.deepEqual(codesOf(session, 'A.md'), [DiagnosticCode.BrokenLink]);
});

test('a reload takes the open documents as they are when the new index takes over: typed into, opened or closed meanwhile', async () => {
  const { workspace, session } = await sessionOf({ [uriOf('A.md')]: linkingToClaude, [uriOf('Claude.md')]: claude, [uriOf('B.md')]: text(entryLines('B', 'B', [])) });
  const claudeUri = uriOf('Claude.md');
  let open = [{ uri: claudeUri, version: 1, text: claude }, { uri: uriOf('B.md'), version: 1, text: text(entryLines('B', 'B', [])) }];
  const loading = session.load(undefined, () => open);
  // While the files are read: Claude.md is typed into (its id renamed), B.md is closed after an unsaved edit, A.md opened.
  open = [
    { uri: claudeUri, version: 2, text: claude.replace('{#Claude', '{#Claude-AI') },
    { uri: uriOf('A.md'), version: 1, text: linkingToClaude },
  ];
  workspace.set(uriOf('B.md'), text(entryLines('B2', 'B2', [])));
  await loading;
  assert.equal(session.index.document(claudeUri)?.version, 2);
  assert.equal(session.index.document(claudeUri)?.anchors[0]?.id, 'Claude-AI');
  assert.deepEqual(codesOf(session, 'A.md'), [DiagnosticCode.BrokenLink]);
  // B.md as it is on disk now, no longer as the editor held it.
  assert.deepEqual(session.index.document(uriOf('B.md'))?.entries.map((entry) => entry.id), ['B2']);
});

test('a reload: a document closed while the disk is asked about another open file is read from disk', async () => {
  const notes = uriOf('notes.txt');
  let open = [{ uri: uriOf('Claude.md'), version: 3, text: claude }, { uri: notes, version: 1, text: 'x' }];
  class ClosingWhileAsked extends InMemoryWorkspace {
    override async stat(uri: string): ReturnType<InMemoryWorkspace['stat']> {
      if (uri === notes) open = open.filter((document) => document.uri !== uriOf('Claude.md'));
      return super.stat(uri);
    }
  }
  const workspace = new ClosingWhileAsked({ [uriOf('Index.md')]: '# Index {#Index}', [uriOf('A.md')]: linkingToClaude, [uriOf('Claude.md')]: claude, [notes]: 'x' });
  const session = new GlossarySession(workspace, ['file:///ws']);
  await session.load(undefined, () => open);
  assert.ok(session.index.document(uriOf('Claude.md')), 'Claude.md is in the index, read from disk');
  assert.deepEqual(codesOf(session, 'A.md'), []);
});

test('an open document is parsed once per version and wins over the disk until closed', async () => {
  const { session } = await sessionOf({ [uriOf('A.md')]: linkingToClaude, [uriOf('Claude.md')]: claude });
  const renamed = text(entryLines('Claude', 'Claude', []).map((line) => line.replace('{#Claude', '{#Claude-AI')));
  assert.deepEqual([...session.updateOpen({ uri: uriOf('Claude.md'), version: 2, text: renamed })!.affectedUris].sort(), [uriOf('A.md'), uriOf('Claude.md')]);
  assert.equal(session.updateOpen({ uri: uriOf('Claude.md'), version: 2, text: renamed }), undefined);
  assert.equal(await session.refreshFromDisk(uriOf('Claude.md')), undefined);
  assert.deepEqual(codesOf(session, 'A.md'), [DiagnosticCode.BrokenLink]);
  await session.closeOpen(uriOf('Claude.md'));
  assert.deepEqual(codesOf(session, 'A.md'), []);
});

test('files outside the include patterns are neither indexed nor picked up', async () => {
  const { workspace, session } = await sessionOf({ [uriOf('.glossary.json')]: '{"include": ["*.md"]}', [uriOf('A.md')]: linkingToClaude });
  workspace.set(uriOf('notes/Claude.md'), claude);
  assert.equal(await session.refreshFromDisk(uriOf('notes/Claude.md')), undefined);
  assert.equal(session.isConfigFile(uriOf('.glossary.json')), true);
  assert.equal(session.isConfigFile('file:///.glossary.json'), true, 'above the folder, where it is looked up too');
  assert.equal(session.isConfigFile(uriOf('fixtures/.glossary.json')), false, 'in a subfolder: it configures nothing');
  assert.equal(session.isConfigFile('file:///wsx/.glossary.json'), false);
});

test('a bad .glossary.json is reported and the defaults are used', async () => {
  const { report, session } = await sessionOf({ [uriOf('.glossary.json')]: '{"termClass": 3}', [uriOf('A.md')]: linkingToClaude });
  // Shown on the settings file too, where the Problems view lists it while it lasts.
  assert.deepEqual(report.configProblems.map(({ meanwhile, file }) => [meanwhile, file?.uri]), [['withoutSetting', uriOf('.glossary.json')]]);
  assert.equal(session.config.termClass, 'term');
  // Not JSON: the file's settings are all left aside, and the place of the mistake is said, the comma's, not the bracket's after it.
  const broken = await sessionOf({ [uriOf('.glossary.json')]: '{\n  "termClass": "begriff",\n}', [uriOf('A.md')]: linkingToClaude });
  assert.deepEqual(broken.report.configProblems, [
    {
      message: '.glossary.json is not valid JSON (line 2, column 25): a comma after the last item, which JSON does not allow.',
      meanwhile: 'withoutFile',
      file: { uri: uriOf('.glossary.json'), at: { line: 1, character: 24 } },
    },
  ]);
  // A setting of the editor's own is no mistake of the file.
  const editor = new GlossarySession(new InMemoryWorkspace({ [uriOf('.glossary.json')]: '{}', [uriOf('A.md')]: linkingToClaude }), ['file:///ws']);
  assert.deepEqual((await editor.load({ termClass: 3 }, [])).configProblems.map(({ file }) => file), [undefined]);
});

test('an LSP diagnostic carries code, source, related information, and as data only the id a link points at', async () => {
  const duplicate = text(['## X {#X .term}', '', '[m](#Missing)']);
  const { session } = await sessionOf({ [uriOf('A.md')]: duplicate, [uriOf('B.md')]: duplicate });
  const lsp = session.diagnosticsOf(uriOf('A.md')).map((diagnostic) => toLspDiagnostic(diagnostic));
  const duplicated = lsp.find((diagnostic) => diagnostic.code === DiagnosticCode.DuplicateAnchor)!;
  assert.equal(duplicated.source, 'glossary');
  assert.equal(duplicated.data, undefined);
  assert.deepEqual(duplicated.relatedInformation?.map((related) => related.location.uri), [uriOf('B.md')]);
  // The closest ids stay with the server, which works out its quick fixes from its own diagnostics.
  assert.deepEqual(lsp.find((diagnostic) => diagnostic.code === DiagnosticCode.BrokenLink)?.data, { target: 'Missing' });
});

test('a workspace without an entry or a .glossary.json is no glossary: the editor reports nothing there, though the status counts its broken links', async () => {
  const readme = '# Projekt\n\nSiehe [Setup](#1-setup).\n\n## 1. Setup\n';
  const plain = await sessionOf({ [uriOf('README.md')]: readme });
  assert.equal(plain.session.isGlossary(), false);
  assert.deepEqual(plain.session.diagnosticsOf(uriOf('README.md')), []);
  assert.equal(plain.session.counts().brokenLinkCount, 1);
  // With a .glossary.json, the same folder is a glossary without entries yet: its links are checked.
  const configured = await sessionOf({ [uriOf('README.md')]: readme, [uriOf('.glossary.json')]: '{}' });
  assert.equal(configured.session.isGlossary(), true);
  assert.deepEqual(configured.session.diagnosticsOf(uriOf('README.md')).map((diagnostic) => diagnostic.code), [DiagnosticCode.BrokenLink]);
  // A first entry makes the folder a glossary, and every file's diagnostics change with it.
  plain.workspace.set(uriOf('Entry.md'), text(entryLines('Entry', 'Entry', [])));
  const change = await plain.session.refreshFromDisk(uriOf('Entry.md'));
  assert.ok(change?.affectedUris.has(uriOf('README.md')));
  assert.equal(plain.session.isGlossary(), true);
  assert.ok(plain.session.diagnosticsOf(uriOf('README.md')).some((diagnostic) => diagnostic.code === DiagnosticCode.BrokenLink));
});

test('the status and the report count the links to undefined ids that are reported: none of a code set to off', async () => {
  const files = {
    'file:///ws/A.md': '## A {#A .term}\n\n[x](#Missing) [y](#Gone) [Index](#Index) [e](#)\n',
    'file:///ws/B.md': '## B {#B .term}\n\n[z](#Missing)\n',
  };
  const counted = async (severity: Record<string, string>): Promise<number> => {
    const session = new GlossarySession(new InMemoryWorkspace(files), ['file:///ws']);
    await session.load({ severity }, []);
    const report = buildReport(session.index, session.config, { name: 'ws', fileName: (uri) => uri, diagnosticsOf: (uri) => session.diagnosticsOf(uri, true) });
    assert.equal(report.summary.brokenLinks, session.counts().brokenLinkCount, 'the report counts as the status bar');
    return session.counts().brokenLinkCount;
  };
  // Four broken links (the empty id too) and one link to the missing #Index (index-anchor-missing).
  assert.equal(await counted({}), 5);
  assert.equal(await counted({ 'broken-link': 'off' }), 1);
  assert.equal(await counted({ 'broken-link': 'hint', 'index-anchor-missing': 'off' }), 4);
});

test('the file watcher patterns: the last segment of each include pattern, and the index page by name (or extension)', async () => {
  const patternsOf = async (config: object, files: Record<string, string> = {}): Promise<string[]> => {
    const session = new GlossarySession(new InMemoryWorkspace({ 'file:///ws/.glossary.json': JSON.stringify(config), ...files }), ['file:///ws']);
    await session.load(undefined, []);
    return session.watchedFilePatterns();
  };
  assert.deepEqual(await patternsOf({}), ['**/*.md']);
  assert.deepEqual(await patternsOf({ include: ['{docs/a,notes}/*.md', 'src/**', 'x/*.txt'] }), ['**/*', '**/*.md', '**/*.txt']);
  assert.deepEqual(await patternsOf({ include: ['{docs/*.md,notes/*.txt}', '{glossar/*.md,index.md}'] }), ['**/*.md', '**/*.txt', '**/index.md']);
  assert.deepEqual(await patternsOf({ indexFile: 'Index.txt' }, { 'file:///ws/Index.txt': '# Index {#Index}' }), ['**/*.md', '**/Index.txt']);
  assert.deepEqual(await patternsOf({ indexFile: 'Index[1].txt' }, { 'file:///ws/Index[1].txt': '# Index {#Index}' }), ['**/*.md', '**/*.txt']);
});

test('without indexFile, a .txt page with .index sections beside the *.md entries is read and is the index page while it has them; other pages are not read', async () => {
  const page = ['# Alphabetischer Index {#Index .unnumbered}', '', '## A {.index}', '', '[Apfel](#Apfel) |'];
  const workspace = new InMemoryWorkspace({
    [uriOf('000-title.txt')]: '% Das Glossar',
    [uriOf('001-index.txt')]: text(page),
    [uriOf('Apfel.md')]: text(entryLines('Apfel', 'Apfel', [])),
    [uriOf('Birne.md')]: text(entryLines('Birne', 'Birne', [])),
  });
  const session = new GlossarySession(workspace, ['file:///ws']);
  await session.load(undefined, []);
  assert.equal(session.index.indexPageUri(), uriOf('001-index.txt'));
  assert.equal(session.isGlossaryFile(uriOf('001-index.txt')), true);
  assert.equal(session.isGlossaryFile(uriOf('000-title.txt')), false);
  // Another .txt page there becomes the index page once it has .index sections: the server reads
  // the glossary again then, and not for the title page saved.
  assert.equal(await session.indexPageChanged(uriOf('000-title.txt'), false), false);
  workspace.set(uriOf('000-title.txt'), text(page));
  assert.equal(await session.indexPageChanged(uriOf('000-title.txt'), false), true);
  assert.equal(await session.indexPageChanged(uriOf('001-index.txt'), false), false);
  workspace.set('file:///ws/sub/other.txt', text(page));
  assert.equal(await session.indexPageChanged('file:///ws/sub/other.txt', false), false);
  assert.deepEqual(session.watchedFilePatterns(), ['**/*.md', '**/*.txt', '**/001-index.txt']);
  // Birne is missing from the index page; Apfel is there.
  assert.deepEqual(codesOf(session, 'Birne.md'), [DiagnosticCode.NotInIndex]);
  assert.deepEqual(codesOf(session, 'Apfel.md'), []);
  // The page loses its .index sections: it is no index page any more, as a fresh load would find.
  session.updateOpen({ uri: uriOf('001-index.txt'), version: 1, text: text(['# Alphabetischer Index {#Index .unnumbered}', '', 'Bald.']) });
  assert.equal(session.index.indexPageUri(), undefined);
  assert.deepEqual(codesOf(session, 'Birne.md'), []);
  // indexFile names another page: that one is the index page, and the .txt page is not read.
  workspace.set(uriOf('.glossary.json'), JSON.stringify({ indexFile: 'Index.md' }));
  workspace.set(uriOf('Index.md'), text(page));
  await session.load(undefined, []);
  assert.equal(session.index.indexPageUri(), uriOf('Index.md'));
  assert.equal(session.index.document(uriOf('001-index.txt')), undefined);
  assert.equal(await session.indexPageChanged(uriOf('000-title.txt'), false), false);
});

test('a glossary read before its first entry file finds the index page beside the first one made', async () => {
  const page = ['# Index {#Index}', '', '## A {.index}', '', '[Apfel](#Apfel) |'];
  const workspace = new InMemoryWorkspace({ [uriOf('001-index.txt')]: text(page) });
  const session = new GlossarySession(workspace, ['file:///ws']);
  await session.load(undefined, []);
  assert.equal(session.index.indexPageUri(), undefined);
  workspace.set(uriOf('Apfel.md'), text(entryLines('Apfel', 'Apfel', [])));
  workspace.set(uriOf('Birne.md'), text(entryLines('Birne', 'Birne', [])));
  // The server reads the glossary again, as a fresh load would find the page.
  assert.equal(await session.indexPageChanged(uriOf('Apfel.md'), false), true);
  await session.load(undefined, []);
  assert.equal(session.index.indexPageUri(), uriOf('001-index.txt'));
  assert.deepEqual(codesOf(session, 'Birne.md'), [DiagnosticCode.NotInIndex]);
  // From then on, a new entry is no reason to read it all again.
  workspace.set(uriOf('Quitte.md'), text(entryLines('Quitte', 'Quitte', [])));
  assert.equal(await session.indexPageChanged(uriOf('Quitte.md'), false), false);
});

test('an index page made beside the entries after the glossary was read is found when it is read again', async () => {
  const workspace = new InMemoryWorkspace({ [uriOf('Apfel.md')]: text(entryLines('Apfel', 'Apfel', [])), [uriOf('Birne.md')]: text(entryLines('Birne', 'Birne', [])) });
  const session = new GlossarySession(workspace, ['file:///ws']);
  await session.load(undefined, []);
  assert.equal(session.index.indexPageUri(), undefined);
  workspace.set(uriOf('index.txt'), text(['# Index {#Index}', '', '## A {.index}', '', '[Apfel](#Apfel) |']));
  assert.equal(await session.indexPageChanged(uriOf('index.txt'), false), true);
  await session.load(undefined, []);
  assert.equal(session.index.indexPageUri(), uriOf('index.txt'));
  assert.deepEqual(codesOf(session, 'Birne.md'), [DiagnosticCode.NotInIndex]);
});

test('the .txt index page is not looked for in pages the exclude patterns leave out, nor in one too large for an index page', async () => {
  const page = text(['# Index {#Index}', '', '## A {.index}', '', '[Apfel](#Apfel) |']);
  const entries = { [uriOf('Apfel.md')]: text(entryLines('Apfel', 'Apfel', [])) };
  const load = async (files: Record<string, string>): Promise<GlossarySession> => {
    const session = new GlossarySession(new InMemoryWorkspace({ ...entries, ...files }), ['file:///ws']);
    await session.load(undefined, []);
    return session;
  };
  assert.equal((await load({ [uriOf('index.txt')]: page })).index.indexPageUri(), uriOf('index.txt'));
  assert.equal((await load({ [uriOf('index.txt')]: page, [uriOf('.glossary.json')]: JSON.stringify({ exclude: ['index.txt'] }) })).index.indexPageUri(), undefined);
  // The patterns are relative to the glossary's root, also for a page in a folder below it (with characters of patterns in its name).
  const nested = async (exclude: string[]): Promise<string | undefined> => {
    const folder = 'file:///ws/src%20%28alt%29';
    const files = { [`${folder}/Apfel.md`]: text(entryLines('Apfel', 'Apfel', [])), [`${folder}/index.txt`]: page, [uriOf('.glossary.json')]: JSON.stringify({ exclude }) };
    const session = new GlossarySession(new InMemoryWorkspace(files), ['file:///ws']);
    await session.load(undefined, []);
    return session.index.indexPageUri();
  };
  assert.equal(await nested(['src (alt)/index.txt']), undefined);
  assert.equal(await nested(['index.txt']), 'file:///ws/src%20%28alt%29/index.txt');
  assert.equal(await nested(['src*/*.txt']), undefined);
  const log = (await load({ [uriOf('build.txt')]: `${page}\n${'x'.repeat(3 * 1024 * 1024)}` })).index;
  assert.equal(log.indexPageUri(), undefined);
  assert.equal(log.document(uriOf('build.txt')), undefined);
});

test('a folder listing more files than a call takes arguments (about 125,000 in Node 20) is read', async () => {
  const files = new Map<string, string>();
  for (let n = 0; n < 250_000; n++) files.set(`file:///ws/notes/${n}.md`, '');
  files.set('file:///ws/A.md', '## A {#A .term}\n\n[x](#Missing)\n');
  const session = new GlossarySession(new InMemoryWorkspace(files), ['file:///ws']);
  await session.load(undefined, []);
  assert.deepEqual(session.counts(), { entryCount: 1, fileCount: 250_001, brokenLinkCount: 1 });
});

test('the index page found beside the entries, deleted or without .index sections on disk, calls for reading the glossary again: another page may be it', async () => {
  const page = text(['# Index {#Index}', '', '## A {.index}', '', '[Apfel](#Apfel) |']);
  const workspace = new InMemoryWorkspace({ [uriOf('001-index.txt')]: page, [uriOf('Apfel.md')]: text(entryLines('Apfel', 'Apfel', [])) });
  const session = new GlossarySession(workspace, ['file:///ws']);
  await session.load(undefined, []);
  // A copy that sorts first is the index page once read again; deleted, the first one is it again.
  workspace.set(uriOf('000-copy.txt'), page);
  assert.equal(await session.indexPageChanged(uriOf('000-copy.txt'), false), true);
  await session.load(undefined, []);
  assert.equal(session.index.indexPageUri(), uriOf('000-copy.txt'));
  assert.equal(session.index.document(uriOf('001-index.txt')), undefined);
  workspace.set(uriOf('000-copy.txt'), undefined);
  assert.equal(await session.indexPageChanged(uriOf('000-copy.txt'), true), true);
  await session.load(undefined, []);
  assert.equal(session.index.indexPageUri(), uriOf('001-index.txt'));
  // The page saved without its sections is no index page; saved with them, no reason to read again.
  assert.equal(await session.indexPageChanged(uriOf('001-index.txt'), false), false);
  workspace.set(uriOf('001-index.txt'), text(['# Index {#Index}', '', 'Bald.']));
  assert.equal(await session.indexPageChanged(uriOf('001-index.txt'), false), true);
  await session.load(undefined, []);
  assert.equal(session.index.document(uriOf('001-index.txt')), undefined);
});

test('an indexFile that does not exist: the page beside the entries is found as without the setting, and the file made later is read', async () => {
  const page = text(['# Index {#Index}', '', '## A {.index}', '', '[Apfel](#Apfel) |']);
  const workspace = new InMemoryWorkspace({
    [uriOf('.glossary.json')]: JSON.stringify({ indexFile: 'sub/Register.txt' }),
    [uriOf('001-index.txt')]: page,
    [uriOf('Apfel.md')]: text(entryLines('Apfel', 'Apfel', [])),
  });
  const session = new GlossarySession(workspace, ['file:///ws']);
  assert.deepEqual((await session.load(undefined, [])).configProblems.map((problem) => problem.message), ['"indexFile" names "sub/Register.txt", which does not exist.']);
  assert.equal(session.index.indexPageUri(), uriOf('001-index.txt'));
  assert.deepEqual(codesOf(session, 'Apfel.md'), []);
  assert.ok(session.watchedFilePatterns().includes('**/Register.txt'));
  // The folder moved in with the page in it (reported alone), or the page made in it.
  workspace.set('file:///ws/sub/Register.txt', page);
  assert.equal(await session.indexPageChanged('file:///ws/sub', false), true);
  assert.equal(await session.indexPageChanged('file:///ws/sub/Register.txt', false), true);
  assert.equal(await session.indexPageChanged('file:///ws/sub/Other.txt', false), false);
  await session.load(undefined, []);
  assert.equal(session.index.indexPageUri(), 'file:///ws/sub/Register.txt');
  // Deleted again, or with its folder: the page beside the entries is it again.
  assert.equal(await session.indexPageChanged('file:///ws/sub/Register.txt', true), true);
  assert.equal(await session.indexPageChanged('file:///ws/sub', true), true);
  workspace.set('file:///ws/sub/Register.txt', undefined);
  await session.load(undefined, []);
  assert.equal(session.index.indexPageUri(), uriOf('001-index.txt'));
});

test('a rename that changes the case alone, on a file system that ignores case: the old name leaves the glossary', async () => {
  // Windows and macOS find `llm.md` while only `LLM.md` is there; their folder listing has the name as written.
  const names = new Set([uriOf('llm.md'), uriOf('A.md')]);
  const named = (uri: string): string => [...names].find((other) => other.toLowerCase() === uri.toLowerCase()) ?? uri;
  class CaseIgnoringWorkspace extends InMemoryWorkspace {
    override stat(uri: string) {
      return super.stat(named(uri));
    }
    override readFile(uri: string) {
      return super.readFile(named(uri));
    }
  }
  const llm = text(entryLines('LLM', 'LLM', []));
  const workspace = new CaseIgnoringWorkspace({ [uriOf('llm.md')]: llm, [uriOf('A.md')]: text(entryLines('A', 'A', ['[LLM](#LLM)'])) });
  const session = new GlossarySession(workspace, ['file:///ws']);
  await session.load(undefined, []);
  workspace.set(uriOf('llm.md'), undefined);
  workspace.set(uriOf('LLM.md'), llm);
  names.delete(uriOf('llm.md'));
  names.add(uriOf('LLM.md'));
  // Deleted llm.md, created LLM.md, as an editor reports the rename.
  await session.removeFile(uriOf('llm.md'));
  await session.refreshFromDisk(uriOf('LLM.md'));
  assert.deepEqual([...session.index.documents()].map((document) => document.uri).sort(), [uriOf('A.md'), uriOf('LLM.md')]);
  assert.deepEqual(codesOf(session, 'LLM.md'), [DiagnosticCode.IndexAnchorMissing], 'no duplicate-anchor, no anchor-file-mismatch');

  // Open in the editor while renamed back, which reports the files first and closes the old document after:
  // closed, it is not read again under the name that is gone.
  session.updateOpen({ uri: uriOf('LLM.md'), version: 1, text: llm });
  workspace.set(uriOf('LLM.md'), undefined);
  workspace.set(uriOf('llm.md'), llm);
  names.delete(uriOf('LLM.md'));
  names.add(uriOf('llm.md'));
  await session.removeFile(uriOf('LLM.md'));
  await session.refreshFromDisk(uriOf('llm.md'));
  await session.closeOpen(uriOf('LLM.md'));
  session.updateOpen({ uri: uriOf('llm.md'), version: 1, text: llm });
  assert.deepEqual([...session.index.documents()].map((document) => document.uri).sort(), [uriOf('A.md'), uriOf('llm.md')]);
});

test('an index page made for the glossary goes where it is read: the folder holding most of its files, or the indexFile set', async () => {
  const entry = (id: string): string => text(entryLines(id, id, []));
  const files = {
    'file:///ws/README.md': '# Notes\n',
    'file:///ws/NOTES.md': '# Notes\n',
    'file:///ws/TODO.md': '# To do\n',
    'file:///ws/entries/A.md': entry('A'),
    'file:///ws/entries/B.md': entry('B'),
  };
  const plain = new GlossarySession(new InMemoryWorkspace(files), ['file:///ws']);
  await plain.load(undefined, []);
  assert.equal(plain.newIndexPageUri(), 'file:///ws/000-index.txt');
  const configured = new GlossarySession(new InMemoryWorkspace({ ...files, 'file:///ws/.glossary.json': '{ "indexFile": "Register.txt" }' }), ['file:///ws']);
  await configured.load(undefined, []);
  assert.equal(configured.newIndexPageUri(), 'file:///ws/Register.txt');
  // Made, it is the index page: none is to be made any more.
  const made = new GlossarySession(new InMemoryWorkspace({ ...files, 'file:///ws/000-index.txt': '## Index {#Index}\n\n### A {.index}\n\n[A](#A) |\n' }), ['file:///ws']);
  await made.load(undefined, []);
  assert.equal(made.index.indexPageUri(), 'file:///ws/000-index.txt');
});
