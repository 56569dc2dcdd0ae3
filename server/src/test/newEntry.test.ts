import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { ApplyWorkspaceEditParams, ApplyWorkspaceEditResult, Connection, SnippetTextEdit, TextDocumentEdit, TextEdit } from 'vscode-languageserver';
import { createEntry } from '../features/createEntry';
import { CreateEntryParams } from '../protocol';
import { defaultConfig } from '../config';
import { useLocale } from '../localization';
import { entryTemplate, idAttribute, newEntryUri, titleProblem } from '../features/newEntry';
import { titleForMissingId } from '../features/missingEntries';
import { parseGlossaryDocument } from '../parse/parser';
import { GlossarySession } from '../session/glossarySession';
import { InMemoryWorkspace } from '../workspace/inMemoryWorkspace';
import { idProblem, proposeEntryId, startsWithLetter } from '../index/idRules';

test('a title proposes the id the writer would type: spaces become hyphens, what an id cannot hold is left out', () => {
  assert.equal(proposeEntryId('  Data Scraping '), 'Data-Scraping');
  assert.equal(proposeEntryId('Künstliche   Intelligenz'), 'Künstliche-Intelligenz');
  assert.equal(proposeEntryId('DL (Deep Learning)'), 'DL-Deep-Learning');
  assert.equal(proposeEntryId('Trust & Safety'), 'Trust-Safety');
  assert.equal(proposeEntryId('Was ist KI?'), 'Was-ist-KI');
  assert.equal(proposeEntryId('.NET'), 'NET');
  assert.equal(proposeEntryId('GPT-4o'), 'GPT-4o');
  assert.equal(proposeEntryId('Input/Output'), 'InputOutput');
  assert.equal(proposeEntryId('„Quoted“ Mensch–Maschine'), 'Quoted-MenschMaschine');
  assert.equal(proposeEntryId('3D Modeling'), '3D-Modeling');
  // Dots stay inside an id, not at its end (the file would be `Tokenizer-BPE-Co..md`).
  assert.equal(proposeEntryId('Tokenizer: BPE & Co.'), 'Tokenizer-BPE-Co');
  assert.equal(proposeEntryId('GPT-4.5 usw. …'), 'GPT-4.5-usw');
});

test('an id a file name cannot hold is refused with the reason; in {#…} it must also begin with a letter', () => {
  for (const good of ['Data-Scraping', 'Übersicht.v2', 'snake_case', 'Ωμέγα', 'GPT-4o', '3D-Modeling', '_x']) {
    assert.equal(idProblem(good), undefined, good);
  }
  assert.match(idProblem('')!, /empty/);
  assert.match(idProblem('a\tb')!, /white space/);
  assert.match(idProblem('C++')!, /"\+"/);
  // Every character that cannot stand in an id is named, once, as a sentence lists them.
  assert.equal(idProblem('DL-(Deep-Learning)'), 'The id "DL-(Deep-Learning)" contains "(" and ")": an id holds only letters, digits, hyphens (-), underscores (_) and dots (.) here, since an entry\'s id also names its file.');
  assert.equal(idProblem('Web Crawling! Wer? Wie!'), 'The id "Web Crawling! Wer? Wie!" contains a space, "!", and "?": an id holds only letters, digits, hyphens (-), underscores (_) and dots (.) here, since an entry\'s id also names its file.');
  assert.match(idProblem('-x')!, /must not begin with "-"/);
  // A file name holds 255 bytes: 200 ASCII letters fit, 130 umlauts (260 bytes) or 90 CJK characters (270) do not.
  assert.equal(idProblem('a'.repeat(200)), undefined);
  assert.equal(idProblem('Ü'.repeat(126)), undefined);
  assert.equal(idProblem('Ü'.repeat(130)), 'The id is too long for a file name: its letters take 260 bytes, and a file name holds at most 255 with ".md".');
  assert.match(idProblem('漢'.repeat(90))!, /270 bytes/);
  for (const bad of ['../x', 'a/b', 'a\\b', 'a:b', 'a}b', '.hidden', 'x\u0000y', 'Trust-&-Safety', 'x\ud800']) {
    assert.ok(idProblem(bad) !== undefined, bad);
  }
});

test('pandoc reads every id a new entry may get as written in its heading, and reads in {#…} exactly the valid ones that start with a letter', () => {
  const candidates = ['A', 'a1', 'Ä-b', 'x_y.z', '3D', '3D-Modeling', '_x', '-x', '.x', 'C++', 'a&b', 'x!', 'Ölbild', 'GPT-4o', 'ǅemal', '²x'];
  const readBy = (markdown: string): [string, string[]][] => {
    const result = spawnSync('pandoc', ['-f', 'markdown', '-t', 'json'], { input: markdown, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    return (JSON.parse(result.stdout) as { blocks: { c: [number, [string, string[]]] }[] }).blocks.map((block) => block.c[1]);
  };
  const inBraces = readBy(candidates.map((id) => `## T {#${id} .term}\n`).join('\n'));
  candidates.forEach((id, k) => {
    const pandocTakesIt = inBraces[k]![0] === id && inBraces[k]![1].includes('term');
    assert.equal(idProblem(id) === undefined && startsWithLetter(id), pandocTakesIt, `${id}: pandoc ${pandocTakesIt ? 'reads' : 'does not read'} it in {#…}`);
  });
  const accepted = candidates.filter((id) => idProblem(id) === undefined);
  const asWritten = readBy(accepted.map((id) => `## T ${idAttribute(id, ['chapter', 'term'])}\n`).join('\n'));
  accepted.forEach((id, k) => assert.deepEqual(asWritten[k]!.slice(0, 2), [id, ['chapter', 'term']], idAttribute(id, ['chapter', 'term'])));
  assert.ok(accepted.includes('3D-Modeling') && accepted.includes('_x'));
});

test('an entry made for a broken link gets a heading that pandoc reads with its id and as the link\'s label', () => {
  // Labels as writers write them; markup characters in a label's text would leave the heading's markup open.
  const labels = ['`co*de`', 'a\\*b\\_c', 'Unclosed \\*\\*star', '„Copilot“', '(GAN)', '"Attention"', '\\<b\\>', 'x\\^2\\^', 'E-Mail \\@home', 'R&D', '\\[x\\]', 'Foo {bar}', '*Emph* Text', 'a&amp;b', 'Preis \\$5 und \\$6'];
  type Inline = { t: string; c?: unknown };
  const stringify = (inlines: readonly Inline[]): string =>
    inlines
      .map(({ t, c }): string => {
        if (t === 'Str') return c as string;
        if (t === 'Space' || t === 'SoftBreak') return ' ';
        if (t === 'Code' || t === 'Math') return (c as [unknown, string])[1];
        if (t === 'Quoted') return (c as [{ t: string }, Inline[]])[0].t === 'DoubleQuote' ? `“${stringify((c as [unknown, Inline[]])[1])}”` : `‘${stringify((c as [unknown, Inline[]])[1])}’`;
        if (t === 'Link' || t === 'Span') return stringify((c as [unknown, Inline[]])[1]);
        if (Array.isArray(c) && c.every((item) => typeof item === 'object' && item !== null && 't' in item)) return stringify(c as Inline[]);
        assert.fail(`no text for ${t}`);
      })
      .join('');
  const titles = labels.map((label) => {
    const plain = parseGlossaryDocument(`[${label}](#X)`, 'file:///ws/A.md', 1).links[0]!.label;
    return titleForMissingId(proposeEntryId(plain), [plain]);
  });
  const markdown = labels.map((label, k) => `## ${titles[k]} {#Id${k} .chapter .small .term}\n\n[${label}](#X)\n`).join('\n');
  const result = spawnSync('pandoc', ['-f', 'markdown', '-t', 'json'], { input: markdown, encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  const blocks = (JSON.parse(result.stdout) as { blocks: { t: string; c: unknown }[] }).blocks;
  labels.forEach((label, k) => {
    const [level, [id], heading] = blocks[2 * k]!.c as [number, [string], Inline[]];
    const [link] = blocks[2 * k + 1]!.c as [{ c: [unknown, Inline[]] }];
    assert.deepEqual([level, id, stringify(heading)], [2, `Id${k}`, stringify(link.c[1])], `${label} -> ${titles[k]}`);
  });
  // Written as they are where pandoc reads them so.
  assert.deepEqual(titles.slice(3, 6), ['„Copilot“', '(GAN)', '"Attention"']);
  assert.equal(titles[0], 'co\\*de');
});

test('a title that would keep pandoc from reading the id after it is refused, with the reason', async () => {
  assert.equal(titleProblem('GPT-4.5 *(Stand März 2025)*', 'GPT-4.5', ['chapter', 'term']), undefined);
  assert.equal(titleProblem('co\\*de', 'code', ['chapter', 'term']), undefined);
  assert.match(titleProblem('co*de', 'code', ['chapter', 'term'])!, /^After the title "co\*de" pandoc would read no id: it leaves markup open/);
  assert.equal(titleProblem('Neu\nZeile', 'Neu-Zeile', ['chapter', 'term']), 'A title is one line.');
  const session = new GlossarySession(new InMemoryWorkspace({ 'file:///ws/A.md': '## A {#A .term}' }), ['file:///ws']);
  await session.load(undefined, []);
  assert.deepEqual(await session.proposeEntry('Unclosed **star'), {
    id: 'Unclosed-star',
    uri: undefined,
    problem: titleProblem('Unclosed **star', 'Unclosed-star', defaultConfig.chapterClasses),
    idProblem: false,
    linkCount: 0,
  });
});

test('a new entry titled with an abbreviation in parentheses gets the id without it, or the one links wait for, and says how many', async () => {
  const session = new GlossarySession(
    new InMemoryWorkspace({
      'file:///ws/A.md': '## A {#A .term}\n\n[MoE](#Mixture-of-Experts) [m](#Mixture-of-Experts) [ANN](#Artificial-Neural-Network) [x](#A)\n',
    }),
    ['file:///ws'],
  );
  await session.load(undefined, []);
  const proposed = async (title: string) => {
    const { id, linkCount } = await session.proposeEntry(title);
    return [id, linkCount];
  };
  assert.deepEqual(await proposed('Mixture of Experts (MoE)'), ['Mixture-of-Experts', 2]);
  assert.deepEqual(await proposed('Gated Recurrent Unit (GRU)'), ['Gated-Recurrent-Unit', 0]);
  // The parenthesis holds what the links name.
  assert.deepEqual(await proposed('ANN (Artificial Neural Network)'), ['Artificial-Neural-Network', 1]);
  assert.deepEqual(await proposed('Data Scraping'), ['Data-Scraping', 0]);
  // A title that is a parenthesis alone keeps it.
  assert.deepEqual(await proposed('(Stand 2025)'), ['Stand-2025', 0]);
});

test('a new entry whose name differs from a file\'s in the case of an umlaut alone is refused: one file on Windows and macOS', async () => {
  // As VS Code names the file: `Ä` encoded as `%C3%84`, which in lower case (`%c3%84`) is not `ä` (`%C3%A4`).
  const session = new GlossarySession(new InMemoryWorkspace({ 'file:///ws/%C3%84pfel.md': '## Äpfel {#Äpfel .term}' }), ['file:///ws']);
  await session.load(undefined, []);
  const proposed = await session.proposeEntry('äpfel');
  assert.equal(proposed.problem, 'The file äpfel.md would differ from Äpfel.md in case alone: on Windows and macOS they are one file.');
});

test('a new entry never lands outside the workspace folder', () => {
  assert.equal(newEntryUri('X', 'file:///ws/entries', 'file:///ws'), 'file:///ws/entries/X.md');
  assert.equal(newEntryUri('X', 'file:///elsewhere', 'file:///ws'), undefined);
  assert.equal(newEntryUri('X', 'file:///ws/../etc', 'file:///ws'), undefined);
  assert.equal(newEntryUri('X', 'file:///wsx', 'file:///ws'), undefined);
});

test('the session refuses an entries folder outside the workspace, an existing id and an existing file', async () => {
  const workspace = new InMemoryWorkspace({
    'file:///ws/.glossary.json': JSON.stringify({ entriesFolder: '../outside' }),
    'file:///ws/A.md': '## A {#A .term}',
  });
  const session = new GlossarySession(workspace, ['file:///ws']);
  await session.load(undefined, []);
  // Only a problem with the id is one another id solves (the input box then says how to choose it).
  assert.deepEqual(await session.proposeEntry('New'), { id: 'New', uri: undefined, problem: 'The entries folder "../outside" lies outside the workspace folder.', idProblem: false, linkCount: 0 });
  assert.match((await session.proposeEntry('A'))!.problem!, /already defined in A\.md/);
  assert.deepEqual(await session.proposeEntry('???'), { id: '', uri: undefined, problem: '"???" holds no letter or digit to make an id of.', idProblem: true, linkCount: 0 });
  assert.equal((await session.proposeEntry('A')).idProblem, true);
  // #Index is the index page's.
  assert.deepEqual(await session.proposeEntry('Index'), { id: 'Index', uri: undefined, problem: 'The id "Index" belongs to the index page, which every see-also list links last.', idProblem: true, linkCount: 0 });

  const plain = new GlossarySession(new InMemoryWorkspace({ 'file:///ws/A.md': '## A {#A .term}', 'file:///ws/B.txt': 'x', 'file:///ws/Free.md': '' }), ['file:///ws']);
  await plain.load(undefined, []);
  assert.deepEqual(await plain.proposeEntry('Data Scraping'), { id: 'Data-Scraping', uri: 'file:///ws/Data-Scraping.md', problem: undefined, idProblem: false, linkCount: 0 });
  assert.match((await plain.proposeEntry('Free'))!.problem!, /exists already/);
  // A file name told apart by case alone is one file on Windows and macOS.
  assert.deepEqual(await plain.proposeEntry('a'), { id: 'a', uri: 'file:///ws/a.md', problem: 'The file a.md would differ from A.md in case alone: on Windows and macOS they are one file.', idProblem: true, linkCount: 0 });
  assert.equal((await plain.proposeEntry('Free')).idProblem, true);
});

test('entriesFolder in a .glossary.json above the workspace folder starts at the folder of that file, as indexFile and include do', async () => {
  const workspace = new InMemoryWorkspace({
    'file:///repo/.glossary.json': JSON.stringify({ entriesFolder: 'src/de', indexFile: 'src/de/Index.md' }),
    'file:///repo/src/de/A.md': '## A {#A .term}',
    'file:///repo/src/de/Index.md': '# Index {#Index}\n\n[A](#A)\n',
  });
  const session = new GlossarySession(workspace, ['file:///repo/src/de']);
  await session.load(undefined, []);
  assert.deepEqual(await session.proposeEntry('Neu'), { id: 'Neu', uri: 'file:///repo/src/de/Neu.md', problem: undefined, idProblem: false, linkCount: 0 });
  // The editor setting, with no .glossary.json, starts at the workspace folder.
  const plain = new GlossarySession(new InMemoryWorkspace({ 'file:///ws/src/A.md': '## A {#A .term}', 'file:///ws/B.md': '## B {#B .term}' }), ['file:///ws']);
  await plain.load({ entriesFolder: 'src' }, []);
  assert.equal((await plain.proposeEntry('Neu')).uri, 'file:///ws/src/Neu.md');
});

test('an entry made from the template for an id beginning with a digit keeps the chapter rule and is linked by #3D-Modeling', async () => {
  const index = new GlossarySession(new InMemoryWorkspace({ 'file:///ws/Index.md': '# Index {#Index}\n' }), ['file:///ws']);
  await index.load(undefined, []);
  const { text } = entryTemplate('3D Modeling', '3D-Modeling', defaultConfig, index.index);
  const session = new GlossarySession(
    new InMemoryWorkspace({ 'file:///ws/Index.md': '# Index {#Index}\n\n[3D Modeling](#3D-Modeling) |\n', 'file:///ws/3D-Modeling.md': text }),
    ['file:///ws'],
  );
  await session.load(undefined, []);
  assert.ok(session.index.isDefined('3D-Modeling'));
  const codes: string[] = session.diagnosticsOf('file:///ws/3D-Modeling.md').map((diagnostic) => diagnostic.code);
  assert.ok(!codes.includes('missing-chapter-heading') && !codes.includes('anchor-file-mismatch'), codes.join(', '));
});

test('the template takes its section headings from the glossary, in its language, and its summary placeholder from the editor', async () => {
  const entry = (id: string, explanation: string, seeAlso: string): string =>
    `## ${id} {#${id} .chapter .small .term}\n\n***${id}***\n\n### ${explanation} {.explanation}\n\nText.\n\n### ${seeAlso} {.seealso}\n\n[Index](#Index) |\n\n----\n`;
  const templateIn = async (files: Record<string, string>): Promise<string> => {
    const session = new GlossarySession(new InMemoryWorkspace(files), ['file:///ws']);
    await session.load(undefined, []);
    return entryTemplate('New', 'New', defaultConfig, session.index).text;
  };
  const sections = (text: string): string[] => [...text.matchAll(/^### (.*)$/gm)].map((match) => match[1]!);
  const english = { 'file:///ws/A.md': entry('A', 'Overview', 'See also'), 'file:///ws/B.md': entry('B', 'Overview', 'See also'), 'file:///ws/C.md': entry('C', 'History', 'Related') };
  assert.deepEqual(sections(await templateIn(english)), ['Overview {.explanation}', 'See also {.seealso}']);
  // Each entry's explanation worded its own way: no pattern to follow.
  const ownWording = { 'file:///ws/A.md': entry('A', 'How it works', 'See also'), 'file:///ws/B.md': entry('B', 'Uses', 'See also') };
  assert.deepEqual(sections(await templateIn(ownWording)), ['Description {.explanation}', 'See also {.seealso}']);
  assert.match(await templateIn(ownWording), /^\*\*\*Short description\*\*\*$/m);
  // The glossary's first entry (the chapter snippet's) tells its language: the second follows it.
  assert.deepEqual(sections(await templateIn({ 'file:///ws/A.md': entry('A', 'Beschreibung', 'Verwandte Themen') })), ['Beschreibung {.explanation}', 'Verwandte Themen {.seealso}']);
  try {
    useLocale('de');
    // A glossary with nothing to copy yet gets the editor's language.
    assert.deepEqual(sections(await templateIn({ 'file:///ws/A.md': '## A {#A .term}' })), ['Beschreibung {.explanation}', 'Verwandte oder andere interessante Themen: {.seealso}']);
    assert.match(await templateIn(english), /^\*\*\*Kurzbeschreibung\*\*\*\n\n### Overview \{\.explanation\}$/m);
  } finally {
    useLocale(undefined);
  }
});

test('createEntry: a title is needed, and an edit the editor refuses is reported with its reason', async () => {
  const session = new GlossarySession(new InMemoryWorkspace({ 'file:///ws/A.md': '## A {#A .term}' }), ['file:///ws']);
  await session.load(undefined, []);
  const edits: ApplyWorkspaceEditParams[] = [];
  const shown: string[] = [];
  let answer: ApplyWorkspaceEditResult = { applied: true };
  const connection = {
    workspace: { applyEdit: async (params: ApplyWorkspaceEditParams) => (edits.push(params), answer) },
    window: { showDocument: async ({ uri }: { uri: string }) => (shown.push(uri), { success: true }) },
  } as unknown as Connection;
  const client = { createsFiles: true, showsDocuments: true, snippetEdits: false, openDocument: () => undefined };

  assert.deepEqual((await createEntry({ title: '  ' }, session, connection, client)).result, { error: 'A new entry needs a title.' });
  assert.deepEqual((await createEntry(undefined, session, connection, client)).result, { error: 'A new entry needs a title.' });
  assert.deepEqual((await createEntry({ title: 'A' }, session, connection, client)).result, { error: 'The id "A" is already defined in A.md.' });
  assert.equal(edits.length, 0, 'no edit was sent for any of these');

  answer = { applied: false, failureReason: 'the file exists' };
  assert.deepEqual((await createEntry({ title: 'Birne' }, session, connection, client)).result, { error: 'The entry "Birne" was not created: the file exists' });
  answer = { applied: false };
  assert.deepEqual((await createEntry({ title: 'Birne' }, session, connection, client)).result, { error: 'The entry "Birne" was not created: the editor refused the edit.' });
  assert.equal(session.index.document('file:///ws/Birne.md'), undefined);
  assert.equal(shown.length, 0);

  answer = { applied: true };
  const created = await createEntry({ title: 'Birne' }, session, connection, client);
  assert.deepEqual(created.result, { uri: 'file:///ws/Birne.md' });
  assert.deepEqual([...created.change!.affectedUris], ['file:///ws/Birne.md']);
  assert.equal(session.index.document('file:///ws/Birne.md')?.entries[0]?.id, 'Birne');
  assert.deepEqual(shown, ['file:///ws/Birne.md']);
  // The edit creates the file without replacing one, and writes the template into it.
  const [create, write] = edits.at(-1)!.edit.documentChanges!;
  assert.deepEqual(create, { kind: 'create', uri: 'file:///ws/Birne.md', options: { overwrite: false, ignoreIfExists: false } });
  assert.match(((write as TextDocumentEdit).edits[0] as TextEdit).newText, /^## Birne \{#Birne \.chapter \.small \.term\}\n/);
});

/** A glossary of `files` in memory, and `createEntry` from an editor whose edits cannot create files: the server writes them. */
async function creatingOnDisk(files: Record<string, string>) {
  const workspace = new InMemoryWorkspace(files);
  const session = new GlossarySession(workspace, ['file:///ws']);
  await session.load(undefined, []);
  const connection = { workspace: { applyEdit: async () => assert.fail('no edit is sent') } } as unknown as Connection;
  const client = { createsFiles: false, showsDocuments: false, snippetEdits: false, openDocument: () => undefined };
  return { workspace, session, create: (params: CreateEntryParams) => createEntry(params, session, connection, client) };
}

test('createEntry for an editor whose edits cannot create files: the server writes the file, never over one, and says where it is', async () => {
  const { workspace, session, create } = await creatingOnDisk({ 'file:///ws/A.md': '## A {#A .term}' });
  const created = await create({ title: 'Birne' });
  assert.deepEqual(created.result, { uri: 'file:///ws/Birne.md' });
  const written = await workspace.readFile('file:///ws/Birne.md');
  assert.match(written.kind === 'text' ? written.text : '', /^## Birne \{#Birne \.chapter \.small \.term\}\n/);
  assert.equal(session.index.document('file:///ws/Birne.md')?.entries[0]?.id, 'Birne');
  assert.equal(created.notice, 'The entry "Birne" was created: /ws/Birne.md');
  // A file written by another program between the check and the write stays as it is.
  const createFile = workspace.createFile.bind(workspace);
  workspace.createFile = async (uri, text) => (workspace.set(uri, 'written meanwhile'), createFile(uri, text));
  assert.deepEqual((await create({ title: 'Kirsche' })).result, { error: 'The entry "Kirsche" was not created: the file exists already' });
  assert.deepEqual(await workspace.readFile('file:///ws/Kirsche.md'), { kind: 'text', text: 'written meanwhile', warning: undefined });
});

test('createEntry written by the server: its line breaks are those of the entries beside it', async () => {
  const { workspace, session, create } = await creatingOnDisk({ 'file:///ws/A.md': '## A {#A .term}\r\n\r\nText.\r\n', 'file:///ws/lf/B.md': '## B {#B .term}\n' });
  const created = await create({ title: 'Birne' });
  assert.deepEqual(created.result, { uri: 'file:///ws/Birne.md' });
  const written = await workspace.readFile('file:///ws/Birne.md');
  const text = written.kind === 'text' ? written.text : '';
  assert.match(text, /^## Birne \{#Birne \.chapter \.small \.term\}\r\n\r\n\*\*\*/);
  assert.equal(text.match(/\n/g)?.length, text.match(/\r\n/g)?.length, 'every line break is CRLF');
  assert.equal(session.index.document('file:///ws/Birne.md')?.entries[0]?.summary, 'Short description');
});

/** The text a snippet inserts when each tab stop keeps its default text. */
function snippetText(snippet: string): string {
  return snippet.replace(/\\([$}\\])|\$\{\d+:((?:\\.|[^}\\])*)\}|\$\d+/g, (_, escaped?: string, text?: string) => escaped ?? (text ?? '').replace(/\\(.)/g, '$1'));
}

test('createEntry for an editor taking snippets in edits: once the file is shown, its text becomes a snippet with tab stops, unless the writer typed meanwhile', async () => {
  const session = new GlossarySession(new InMemoryWorkspace({ 'file:///ws/A.md': '## A {#A .term}' }), ['file:///ws']);
  await session.load(undefined, []);
  const edits: ApplyWorkspaceEditParams[] = [];
  const open = new Map<string, { version: number; getText(): string }>();
  const connection = {
    workspace: {
      applyEdit: async (params: ApplyWorkspaceEditParams) => {
        edits.push(params);
        const write = params.edit.documentChanges?.find((change): change is TextDocumentEdit => 'edits' in change && 'newText' in change.edits[0]!);
        if (write !== undefined) {
          const text = (write.edits[0] as TextEdit).newText;
          open.set(write.textDocument.uri, { version: 3, getText: () => text });
        }
        return { applied: true };
      },
    },
    window: { showDocument: async () => ({ success: true }) },
  } as unknown as Connection;
  const client = { createsFiles: true, showsDocuments: true, snippetEdits: true, openDocument: (uri: string) => open.get(uri) };

  const title = 'Kosten in $ {netto}';
  const created = await createEntry({ title, id: 'Kosten' }, session, connection, client);
  assert.deepEqual(created.result, { uri: 'file:///ws/Kosten.md' });
  assert.equal(edits.length, 2);
  const text = open.get('file:///ws/Kosten.md')!.getText();
  const [snippetChange] = edits[1]!.edit.documentChanges as TextDocumentEdit[];
  assert.deepEqual(snippetChange!.textDocument, { uri: 'file:///ws/Kosten.md', version: 3 });
  const [snippetEdit] = snippetChange!.edits as SnippetTextEdit[];
  assert.deepEqual(snippetEdit!.range, { start: { line: 0, character: 0 }, end: { line: text.split('\n').length - 1, character: 0 } });
  const snippet = snippetEdit!.snippet.value;
  // The snippet writes the text as it stands, the title's $ and } included, and Tab goes from the summary to the explanation to the see-also list.
  assert.equal(snippetText(snippet), text);
  assert.match(snippet, /^## Kosten in \\\$ \{netto\\\} \{#Kosten /);
  assert.deepEqual([...snippet.matchAll(/\$\{?(\d+)/g)].map((match) => match[1]), ['1', '2', '0']);
  assert.match(snippet, /\*\*\*\$\{1:Short description\}\*\*\*\n\n### Description \{\.explanation\\\}\n\n\$2\n\n### .*\{\.seealso\\\}\n\n\$0\[Index\]\(#Index\) \|\n/);

  // A file changed before the snippet is sent keeps what the writer wrote.
  open.clear();
  connection.workspace.applyEdit = (async (params: ApplyWorkspaceEditParams) => {
    edits.push(params);
    open.set('file:///ws/Birne.md', { version: 4, getText: () => 'typed' });
    return { applied: true };
  }) as typeof connection.workspace.applyEdit;
  assert.deepEqual((await createEntry({ title: 'Birne' }, session, connection, client)).result, { uri: 'file:///ws/Birne.md' });
  assert.equal(edits.length, 3, 'no snippet edit over a changed text');

  // An editor that writes new files with CRLF (VS Code's "files.eol") holds the same text: the tab stops come all the same.
  connection.workspace.applyEdit = (async (params: ApplyWorkspaceEditParams) => {
    edits.push(params);
    const write = params.edit.documentChanges?.find((change): change is TextDocumentEdit => 'edits' in change && 'newText' in change.edits[0]!);
    if (write !== undefined) open.set(write.textDocument.uri, { version: 3, getText: () => (write.edits[0] as TextEdit).newText.replaceAll('\n', '\r\n') });
    return { applied: true };
  }) as typeof connection.workspace.applyEdit;
  assert.deepEqual((await createEntry({ title: 'Zitrone' }, session, connection, client)).result, { uri: 'file:///ws/Zitrone.md' });
  assert.equal(edits.length, 5, 'the snippet edit over the CRLF text');
  assert.ok('snippet' in ((edits[4]!.edit.documentChanges![0] as TextDocumentEdit).edits[0] as SnippetTextEdit));
});
