import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { CancellationTokenSource, DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';
import { GlossaryReport } from '../server/src/report/glossaryReport';
import { EntryLocation, MissingEntriesRequest, ProposeEntryRequest, ReportLinkCommands, ReportRequest } from '../server/src/protocol';
import { corpusEntries, repositoryRoot, serverScript, startServer } from './support/lspServer';

const exampleGlossary = path.join(repositoryRoot, 'example', 'glossary');

test('the built server answers glossary/report with the report of the workspace and its HTML page', async (t) => {
  const server = await startServer(exampleGlossary, { signal: t.signal });
  try {
    await server.settle();
    const { report, html } = await server.connection.sendRequest(ReportRequest, null);
    assert.equal(report.name, 'glossary');
    assert.equal(report.summary.entries, 7);
    assert.deepEqual(report.missingEntries, [{ id: 'Tokeniser', title: 'Tokeniser', referenceCount: 1, fileCount: 1 }]);
    assert.ok(report.mostLinked.every((entry) => !entry.file.includes('/') && entry.file.endsWith('.md')), 'files are named by their path in the workspace folder');
    assert.match(html, /^<!DOCTYPE html>[\s\S]*<h1>Glossary Report<\/h1>/);
    // Some clients send `"params": null` for a request without parameters.
    const viaNull = (await server.connection.sendRequest('glossary/report', null)) as { report: GlossaryReport; webviewHtml?: string };
    assert.deepEqual(viaNull.report.summary, report.summary);
    assert.equal(viaNull.webviewHtml, undefined, 'the page with command links only when asked for');
    // Others send no parameters at all, as the request had none at first.
    const withoutParams = (await server.connection.sendRequest('glossary/report')) as { report: GlossaryReport };
    assert.deepEqual(withoutParams.report.summary, report.summary);
    assert.doesNotMatch(html, /command:/);

    // For VS Code's webview: each entry's title opens its file at the heading, a missing entry's id creates it.
    const { webviewHtml = '' } = await server.connection.sendRequest(ReportRequest, { commandLinks: true });
    const unescape = (text: string) => text.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));
    const links = [...webviewHtml.matchAll(/<a href="command:([\w.]+)\?([^"]+)"(?: title="([^"]*)")?>/g)].map(([, command, query, title]) => ({
      command,
      argument: JSON.parse(decodeURIComponent(unescape(query!)))[0],
      title: title === undefined ? undefined : unescape(title),
    }));
    assert.deepEqual(
      links.filter((link) => link.command === ReportLinkCommands.createMissingEntry),
      [{ command: ReportLinkCommands.createMissingEntry, argument: { id: 'Tokeniser' }, title: 'Create the entry "Tokeniser"' }],
    );
    const opened = links.filter((link) => link.command === ReportLinkCommands.openEntry);
    // Every most linked entry in its table and in the graph, and every orphan.
    assert.equal(opened.length, report.mostLinked.length + report.graph.nodes.length + report.orphans.length);
    for (const { argument } of opened) {
      const { uri, line } = argument as EntryLocation;
      const heading = fs.readFileSync(URI.parse(uri).fsPath, 'utf8').split('\n')[line];
      assert.match(heading ?? '', /^#+ .*\{#/, `${uri} has a heading on line ${line}`);
    }
    const attention = report.mostLinked.find((entry) => entry.id === 'Attention')!;
    assert.ok(
      opened.some(({ argument, title }) => isDeepStrictEqual(argument, { uri: URI.file(path.join(exampleGlossary, 'Attention.md')).toString(), line: attention.line - 1, id: 'Attention' }) && title === `Open Attention.md:${attention.line}`),
      'the title of Attention opens Attention.md at its heading',
    );
  } finally {
    await server.shutdown();
  }
});

test('glossary report --locale de writes the page with German headings, and --output says where', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-report-'));
  try {
    const output = path.join(folder, 'bericht.html');
    const result = spawnSync(process.execPath, [serverScript, 'report', exampleGlossary, '--locale', 'de', '--output', output], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stderr, `glossary: Bericht in ${output} geschrieben\n`);
    assert.match(fs.readFileSync(output, 'utf8'), /<h1>Glossar-Bericht<\/h1>[\s\S]*<h2>Fehlende Einträge<\/h2>/);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

test('glossary report --output does not follow a symbolic link into the glossary, nor write a glossary file under another name', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-report-link-'));
  try {
    const glossary = path.join(folder, 'g');
    fs.cpSync(exampleGlossary, glossary, { recursive: true });
    const entry = path.join(glossary, 'Attention.md');
    const before = fs.readFileSync(entry, 'utf8');
    // A page name that leads to an entry, and one that leads to an entry not written yet.
    fs.symlinkSync(entry, path.join(folder, 'bericht.html'));
    fs.symlinkSync(path.join(glossary, 'Neu.md'), path.join(folder, 'neu.html'));
    // Another name of an entry's file (a hard link), and a page that an entry is a symbolic link to.
    fs.linkSync(entry, path.join(folder, 'zweitname.html'));
    fs.linkSync(path.join(glossary, '.glossary.json'), path.join(folder, 'einstellungen.json'));
    fs.writeFileSync(path.join(folder, 'ziel.html'), '## Ziel {#Ziel .term}\n');
    fs.symlinkSync(path.join(folder, 'ziel.html'), path.join(glossary, 'Ziel.md'));
    fs.writeFileSync(path.join(folder, 'notizen.txt'), 'Notizen\n');
    fs.symlinkSync(path.join(folder, 'notizen.txt'), path.join(folder, 'notizen.html'));
    fs.symlinkSync(path.join(glossary, '.glossary.json'), path.join(folder, 'einstellungen-link.json'));
    fs.mkdirSync(path.join(folder, 'anders'));
    fs.symlinkSync(path.join(folder, 'anders', '.glossary.json'), path.join(folder, 'andere.json'));
    for (const [output, message] of [
      ['bericht.html', 'bericht.html leads to g/Attention.md, a file of the glossary: the report is not written over it'],
      ['zweitname.html', 'zweitname.html is a file of the glossary: the report is not written over it'],
      ['einstellungen.json', 'einstellungen.json is a file of the glossary: the report is not written over it'],
      ['ziel.html', 'ziel.html is a file of the glossary: the report is not written over it'],
      ['neu.html', 'neu.html leads to g/Neu.md, which would become a file of the glossary (its include patterns take it in): the report is not written there'],
      // A page name that leads to a file outside the glossary that is no page.
      ['notizen.html', 'notizen.html leads to notizen.txt, which is not an .html, .htm or .json file: the report replaces only such files'],
      // A name that leads to the glossary's settings, and one that leads to settings not written yet.
      ['einstellungen-link.json', 'einstellungen-link.json leads to g/.glossary.json, a file of the glossary: the report is not written over it'],
      ['andere.json', `andere.json leads to ${path.join('anders', '.glossary.json')}, which would be read as the settings of a glossary: the report is not written there`],
    ]) {
      const result = spawnSync(process.execPath, [serverScript, 'report', glossary, '--output', output], { cwd: folder, encoding: 'utf8' });
      assert.equal(result.status, 2, result.stderr);
      assert.equal(result.stderr, `glossary: ${message}\n`);
    }
    assert.equal(fs.readFileSync(entry, 'utf8'), before);
    assert.equal(fs.readFileSync(path.join(folder, 'ziel.html'), 'utf8'), '## Ziel {#Ziel .term}\n');
    assert.equal(fs.readFileSync(path.join(folder, 'notizen.txt'), 'utf8'), 'Notizen\n');
    assert.ok(!fs.existsSync(path.join(glossary, 'Neu.md')));
    // A file named to be read, which could not be read (binary), under another name: a symbolic or a hard link.
    fs.writeFileSync(path.join(glossary, 'seite.html'), 'a\0b');
    fs.symlinkSync(path.join(glossary, 'seite.html'), path.join(glossary, 'verweis.html'));
    fs.linkSync(path.join(glossary, 'seite.html'), path.join(glossary, 'hart.html'));
    for (const [input, output] of [['verweis.html', 'seite.html'], ['seite.html', 'hart.html'], ['seite.html', 'seite.html']]) {
      const result = spawnSync(process.execPath, [serverScript, 'report', input!, 'Attention.md', '--output', output!], { cwd: glossary, encoding: 'utf8' });
      assert.equal(result.status, 2, result.stderr);
      assert.match(result.stderr, new RegExp(`glossary: ${output} is a file of the glossary: the report is not written over it\n$`));
    }
    assert.equal(fs.readFileSync(path.join(glossary, 'seite.html'), 'utf8'), 'a\0b');
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

test('glossary/report sent before the first load is done waits for it, and agrees with glossary report --format json', { timeout: 60_000 }, async (t) => {
  const server = await startServer(corpusEntries, { signal: t.signal });
  try {
    // Sent at once after initialized: the server is still reading the 347 files.
    assert.ok(!server.statuses.some((status) => status.state === 'ready'), 'sent before the glossary is read');
    const { report } = await server.connection.sendRequest(ReportRequest, null);
    const cli = spawnSync(process.execPath, [serverScript, 'report', corpusEntries, '--format', 'json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    assert.equal(cli.status, 0, cli.stderr);
    const expected = JSON.parse(cli.stdout) as GlossaryReport;
    assert.ok(report.summary.entries > 300, `the whole glossary is reported (${report.summary.entries} entries)`);
    // The same numbers and findings, unlinked mentions of closed files included.
    assert.deepEqual(report.summary, expected.summary);
    assert.deepEqual(report.problems, expected.problems);
    assert.deepEqual(report.missingEntries, expected.missingEntries);
    assert.deepEqual(report.orphans, expected.orphans);
    assert.ok(report.problems.some((problem) => problem.code === 'unlinked-mention' && problem.count > 1000));
  } finally {
    await server.shutdown();
  }
});

test('glossary/missingEntries and glossary/proposeEntry sent before the first load is done wait for it', { timeout: 60_000 }, async (t) => {
  const server = await startServer(corpusEntries, { signal: t.signal });
  try {
    // Sent at once after initialized: answered from an empty glossary, every link would count as fine and every id as free.
    assert.ok(!server.statuses.some((status) => status.state === 'ready'), 'sent before the glossary is read');
    const [missing, proposed] = await Promise.all([
      server.connection.sendRequest(MissingEntriesRequest),
      server.connection.sendRequest(ProposeEntryRequest, { title: 'Large Language Model' }),
    ]);
    assert.ok(missing.some((entry) => entry.id === 'Claude'), 'the links to the missing #Claude are counted');
    assert.ok(proposed.problem, `#Large-Language-Model exists already: ${JSON.stringify(proposed)}`);
    await server.settle();
    assert.deepEqual(missing, await server.connection.sendRequest(MissingEntriesRequest), 'the same answer as once the glossary is read');
    // Parameters missing or of another type (from another editor) propose nothing, without an internal error.
    const problemOf = async (params: unknown): Promise<string | undefined> => ((await server.connection.sendRequest('glossary/proposeEntry', params)) as { problem?: string }).problem;
    assert.equal(await problemOf(null), 'The id is empty.');
    assert.equal(await problemOf({ title: 42, id: {} }), 'The id is empty.');
  } finally {
    await server.shutdown();
  }
});

test('a cancelled glossary/report is answered with RequestCancelled, and the server goes on', { timeout: 60_000 }, async (t) => {
  const server = await startServer(corpusEntries, { signal: t.signal });
  try {
    const source = new CancellationTokenSource();
    const cancelled = server.connection.sendRequest(ReportRequest, null, source.token);
    source.cancel();
    await assert.rejects(cancelled, (error: unknown) => error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled);
    const { report } = await server.connection.sendRequest(ReportRequest, null);
    assert.ok(report.summary.entries > 300);
  } finally {
    await server.shutdown();
  }
});

test('glossary/report right after the terms change counts the unlinked mentions of closed files as found anew', { timeout: 60_000 }, async (t) => {
  const server = await startServer(corpusEntries, { signal: t.signal });
  try {
    await server.settle();
    const mentions = (report: GlossaryReport): number | undefined => report.problems.find((problem) => problem.code === 'unlinked-mention')?.count;
    const before = (await server.connection.sendRequest(ReportRequest, null)).report;
    // ACT-R is retitled "Daten", a word that well over a hundred closed files hold: their mentions change.
    const uri = URI.file(path.join(corpusEntries, 'ACT-R.md')).toString();
    const text = fs.readFileSync(path.join(corpusEntries, 'ACT-R.md'), 'utf8');
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const retitled = text.replace(/^## ACT-R \{/, '## Daten {');
    assert.notEqual(retitled, text);
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text: retitled }] });
    const early = (await server.connection.sendRequest(ReportRequest, null)).report;
    await server.settle();
    const settled = (await server.connection.sendRequest(ReportRequest, null)).report;
    assert.ok(mentions(settled)! > mentions(before)! + 50, `${mentions(before)} -> ${mentions(settled)}`);
    assert.equal(mentions(early), mentions(settled));
  } finally {
    await server.shutdown();
  }
});

