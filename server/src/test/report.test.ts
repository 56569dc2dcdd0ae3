import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CliIo, runCli } from '../cli/main';
import { loadGlossary } from '../cli/loadGlossary';
import { defaultConfig } from '../config';
import { computeDiagnostics } from '../diagnostics/computeDiagnostics';
import { WorkspaceIndex } from '../index/workspaceIndex';
import { buildReport, GlossaryReport } from '../report/glossaryReport';
import { renderReportHtml } from '../report/reportHtml';
import { NodeFileSystemWorkspace } from '../workspace/nodeWorkspace';
import { InMemoryFileContent, InMemoryWorkspace } from '../workspace/inMemoryWorkspace';
import { corpusEntries, corpusFiles } from './corpus';
import { entryLines, indexOf, uriOf } from './support/tinyWorkspace';

const indexPageName = '001-ki-index.txt';

function diagnosticsIn(index: WorkspaceIndex): (uri: string) => ReturnType<typeof computeDiagnostics> {
  return (uri) => computeDiagnostics(index.document(uri)!, index, defaultConfig);
}

/** The report of the real glossary: every .md entry and the three .txt pages, as the facts were measured. */
async function realGlossaryReport(): Promise<GlossaryReport> {
  const loaded = await loadGlossary(corpusFiles(), { cwd: corpusEntries, workspace: new NodeFileSystemWorkspace(), warn: assert.fail });
  assert.equal(loaded.kind, 'loaded');
  const { index, config } = loaded;
  return buildReport(index, config, { name: 'ki-glossar', fileName: (uri) => path.basename(decodeURIComponent(uri)), diagnosticsOf: diagnosticsIn(index) });
}

/** What the raw text says, read without the parser: entry headings and `](#id)` links per file. */
function rawFacts(): { readonly entryCount: number; readonly entryFiles: Map<string, Set<string>>; readonly inboundLinks: Map<string, number> } {
  const texts = corpusFiles().map((file) => [path.basename(file), fs.readFileSync(file, 'utf8')] as const);
  const entryFiles = new Map<string, Set<string>>();
  let entryCount = 0;
  for (const [name, text] of texts) {
    for (const [, attributes] of text.matchAll(/^#{1,6}\s.*\{([^}]*)\}\s*$/gm)) {
      const id = /#([^\s}]+)/.exec(attributes!)?.[1];
      if (/\.term\b/.test(attributes!) && id !== undefined) {
        entryCount++;
        entryFiles.set(id, (entryFiles.get(id) ?? new Set()).add(name));
      }
    }
  }
  // Links from the index page, and from an entry's own file, are no inbound links.
  const inboundLinks = new Map<string, number>();
  for (const [name, text] of texts.filter(([name]) => name !== indexPageName)) {
    for (const [, id] of text.matchAll(/\]\(#([^)\s]+)\)/g)) {
      if (entryFiles.get(id!)?.has(name) === false) {
        inboundLinks.set(id!, (inboundLinks.get(id!) ?? 0) + 1);
      }
    }
  }
  return { entryCount, entryFiles, inboundLinks };
}

test('the report of the real glossary agrees with the measured facts and a count of the raw text', async (t) => {
  const report = await realGlossaryReport();
  const raw = rawFacts();

  await t.test('files, entries, links, broken links and missing ids', () => {
    const { files, entries, links, brokenLinks, brokenIndexLinks, missingEntries } = report.summary;
    // The 347 links to #Index are broken (the index page has no {#Index} heading), but no entry is missing.
    assert.deepEqual(
      { files, entries, links, brokenLinks, brokenIndexLinks, missingEntries },
      { files: 347, entries: raw.entryCount, links: 5780, brokenLinks: 2075, brokenIndexLinks: 347, missingEntries: 313 },
    );
    assert.equal(brokenLinks, brokenIndexLinks + report.missingEntries.reduce((sum, { referenceCount }) => sum + referenceCount, 0));
    assert.equal(entries, 346);
  });

  await t.test('missing entries come most referenced first: Neural-Network 57, Claude 54, Reinforcement-Learning 46', () => {
    assert.deepEqual(
      report.missingEntries.slice(0, 3).map(({ id, referenceCount }) => [id, referenceCount]),
      [['Neural-Network', 57], ['Claude', 54], ['Reinforcement-Learning', 46]],
    );
    assert.equal(report.missingEntries.length, 313);
    // Where the links clearly mean an existing id (Computer-Vision.md gives `{#ComputerVision}`), the report says so, as the preferred quick fix offers it.
    const meant = new Map(report.missingEntries.filter((entry) => entry.meant !== undefined).map((entry) => [entry.id, entry.meant]));
    assert.equal(meant.get('Computer-Vision'), 'ComputerVision');
    assert.equal(meant.get('GPT-4v'), 'GPT-4V');
    assert.equal(meant.has('Neural-Network'), false);
    const html = renderReportHtml(report);
    assert.match(html, /<td><code>Computer-Vision<\/code><\/td><td><code>ComputerVision<\/code><\/td><td class="number">25<\/td>/);
  });

  await t.test('orphans are the entries whose id no file but the index page and its own links to', () => {
    const expected = [...raw.entryFiles.keys()].filter((id) => !raw.inboundLinks.has(id)).sort();
    assert.deepEqual([...new Set(report.orphans.map((entry) => entry.id))].sort(), expected);
    assert.equal(report.summary.orphans, report.orphans.length);
  });

  await t.test('the most linked entries and their inbound links, those linked alike in German collation, none left out that is linked as often as the last', () => {
    const counted = [...raw.inboundLinks].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const shown = report.mostLinked.map((entry): [string, number] => [entry.id, entry.links]);
    assert.deepEqual(new Set(shown), new Set(counted.filter(([, links]) => links >= shown.at(-1)![1])));
    assert.deepEqual(shown.slice(0, 2), [['Large-Language-Model', 110], ['LLM', 110]], 'Large Language Model before Large Language Model (LLM)');
    const german = new Intl.Collator('de', { sensitivity: 'base' });
    report.mostLinked.slice(1).forEach((entry, i) => {
      const before = report.mostLinked[i]!;
      assert.ok(before.links > entry.links || german.compare(before.title, entry.title) <= 0, `${before.title} before ${entry.title}`);
    });
    // 25 asked, and TPU linked 31 times as Emergent Abilities, the 25th.
    assert.deepEqual([report.mostLinked.length, report.mostLinked.at(-1)?.id, report.mostLinked[24]?.links], [26, 'TPU', 31]);
    // Each row names the entry's file and line.
    assert.match(renderReportHtml(report), /<td><code>TPU<\/code><\/td><td>TPU\.md:1<\/td><td class="number">31<\/td>/);
  });

  await t.test('the graph holds the 40 most linked entries and only links between them', () => {
    assert.equal(report.graph.nodes.length, 40);
    assert.deepEqual(report.graph.nodes.slice(0, 26), report.mostLinked);
    const ids = new Set(report.graph.nodes.map((node) => node.id));
    assert.ok(report.graph.edges.length > 40);
    assert.ok(report.graph.edges.every((edge) => ids.has(edge.from) && ids.has(edge.to) && edge.from !== edge.to));
  });

  await t.test('the diagnostics are counted per code, the most severe first, then the most frequent', () => {
    assert.equal(report.problems.find((problem) => problem.code === 'duplicate-anchor')?.count, 39);
    assert.deepEqual(report.problems.slice(0, 3).map((problem) => [problem.code, problem.count]), [['broken-link', 1516], ['index-link-broken', 212], ['duplicate-anchor', 39]]);
    const severities = ['error', 'warning', 'information', 'hint'];
    report.problems.slice(1).forEach((problem, i) => {
      const before = report.problems[i]!;
      const order = severities.indexOf(before.severity) - severities.indexOf(problem.severity);
      assert.ok(order < 0 || (order === 0 && before.count >= problem.count), `${before.code} before ${problem.code}`);
    });
    const { errors, warnings, information, hints } = report.summary;
    assert.equal(errors + warnings + information + hints, report.problems.reduce((sum, problem) => sum + problem.count, 0));
  });

  await t.test('the HTML page shows the numbers and a well-formed graph of 40 nodes, the same on every run', () => {
    const html = renderReportHtml(report);
    assert.equal(html, renderReportHtml(report));
    assert.match(html, /<span class="value">2075<\/span><span class="label">Broken links<\/span>/);
    const { information, hints } = report.summary;
    assert.match(html, new RegExp(`<span class="value">${information}</span><span class="label">Information</span>`));
    assert.match(html, new RegExp(`<span class="value">${hints}</span><span class="label">Hints</span>`));
    // The links to #Index are said beside the missing entries, whose links add up to the rest.
    assert.match(html, /<p class="note">347 links point at #Index, which no heading defines: give the index page&#39;s heading the id Index\.<\/p>/);
    // The picture scrolls in a narrow window, its labels at their size; the note says what the darker lines are.
    assert.match(html, /<div class="graph"><svg /);
    assert.match(html, /darker where two entries link each other/);
    const svg = onlyMatch(html, /<svg[\s\S]*<\/svg>/g);
    assert.deepEqual(xmlProblems(svg), []);
    assert.equal(svg.match(/<circle /g)?.length, 40);
    assert.deepEqual(labelsOutsideThePicture(svg), []);
  });
});

/**
 * The labels of a graph whose far end lies outside the SVG's viewBox, each estimated at 0.6 of its
 * 14-unit height a character (ordinary text, not a row of W's), along the angle it is turned to.
 */
function labelsOutsideThePicture(svg: string): string[] {
  const [left, top, width, height] = onlyMatch(svg, /viewBox="[^"]*"/g).slice(9, -1).split(' ').map(Number) as [number, number, number, number];
  const texts = [...svg.matchAll(/<text x="([-\d.]+)" y="([-\d.]+)"( text-anchor="end")? transform="rotate\(([-\d.]+) [-\d.]+ [-\d.]+\)">([^<]*)<\/text>/g)];
  assert.ok(texts.length > 0, 'labels found');
  return texts.flatMap(([, x, y, anchoredAtEnd, angle, text]) => {
    const length = [...text!].length * 14 * 0.6 * (anchoredAtEnd ? -1 : 1);
    const radians = (Number(angle) * Math.PI) / 180;
    const end = { x: Number(x) + length * Math.cos(radians), y: Number(y) + length * Math.sin(radians) };
    return end.x < left || end.x > left + width || end.y < top || end.y > top + height ? [`${text} ends at ${Math.round(end.x)},${Math.round(end.y)}`] : [];
  });
}

test('long titles in the graph: every label lies inside the picture, cut after 26 characters', () => {
  const titles = ['Datenschutzgrundverordnungsdurchführung', 'Rechtsschutzversicherungsgesellschaften', 'Kurz', 'Ein mittellanger Titel', 'Noch ein sehr langer Titel für den Test', 'Modell'];
  const ids = titles.map((_, i) => `E${i}`);
  const files = Object.fromEntries(ids.map((id, i) => [`${id}.md`, entryLines(titles[i]!, id, ids.filter((other) => other !== id).map((other) => `[x](#${other})`))]));
  const index = indexOf(files);
  const svg = onlyMatch(renderReportHtml(buildReport(index, defaultConfig, { name: 'g', fileName: (uri) => uri, diagnosticsOf: diagnosticsIn(index) })), /<svg[\s\S]*<\/svg>/g);
  assert.deepEqual(labelsOutsideThePicture(svg), []);
  assert.match(svg, />Datenschutzgrundverordnun…<\/text>/);
});

test('every text of the page is escaped, and the page loads nothing and runs nothing', () => {
  // The heading's escaped '\<' is a plain '<' in the entry's title.
  const index = indexOf({
    'A.md': entryLines('\\<script>alert("x")\\</script> & \'Ü\'', 'A', ['[B](#B)', '[gone](#<img src=x>)']),
    'B.md': entryLines('B', 'B', ['[A](#A)']),
  });
  const report = buildReport(index, defaultConfig, { name: '<b>name</b>', fileName: (uri) => `${uri}"><i>`, diagnosticsOf: diagnosticsIn(index) });
  const html = renderReportHtml(report);
  assert.doesNotMatch(html, /<script|<img|<b>|<i>|src=x>/i);
  assert.match(html, /&#60;script&#62;alert\(&#34;x&#34;\)&#60;\/script&#62; &#38; &#39;Ü&#39;/);
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">/);
  assert.doesNotMatch(html, /https?:\/\/(?!www\.w3\.org\/2000\/svg")/, 'nothing but the SVG namespace is a URL');
  assert.deepEqual(xmlProblems(onlyMatch(html, /<svg[\s\S]*<\/svg>/g)), []);
});

test('with links, the entries\' titles (tables and graph) and the missing ids are links, their hrefs escaped; the SVG stays well-formed', () => {
  const index = indexOf({
    'A.md': entryLines('A', 'A', ['[B](#B)', '[gone](#Gone)']),
    'B.md': entryLines('B', 'B', ['[A](#A)']),
    'C.md': entryLines('C', 'C', []),
  });
  const report = buildReport(index, defaultConfig, { name: 'g', fileName: (uri) => uri, diagnosticsOf: diagnosticsIn(index) });
  assert.doesNotMatch(renderReportHtml(report), /<a /, 'no links without ReportLinks');
  const html = renderReportHtml(report, {
    entry: ({ id, line }) => `open:${id}:${line}?"<>&`,
    missingEntry: ({ id }) => `create:${id}`,
  });
  const hrefs = [...html.matchAll(/<a href="([^"]*)"/g)].map(([, href]) => href);
  // A and B in the graph and in the most linked table, C as an orphan; Gone as a missing entry.
  assert.deepEqual(hrefs.sort(), ['create:Gone', 'open:A:1?&#34;&#60;&#62;&#38;', 'open:A:1?&#34;&#60;&#62;&#38;', 'open:B:1?&#34;&#60;&#62;&#38;', 'open:B:1?&#34;&#60;&#62;&#38;', 'open:C:1?&#34;&#60;&#62;&#38;']);
  assert.match(html, /<td><a href="open:C:1[^"]*" title="Open file:\/\/\/ws\/C\.md:1">C<\/a><\/td>/);
  assert.deepEqual(xmlProblems(onlyMatch(html, /<svg[\s\S]*<\/svg>/g)), []);
  // An entry the caller cannot place stays text.
  assert.doesNotMatch(renderReportHtml(report, { entry: () => undefined, missingEntry: () => undefined }), /<a /);
});

test('a graph of one entry with one link says so in the singular', () => {
  const index = indexOf({ 'A.md': entryLines('A', 'A', ['[B](#B)']), 'B.md': entryLines('B', 'B', []) });
  const report = buildReport(index, defaultConfig, { name: 'g', fileName: (uri) => uri, diagnosticsOf: diagnosticsIn(index) });
  assert.deepEqual(
    report.graph.nodes.map(({ id, links }) => [id, links]),
    [['B', 1]],
  );
  const html = renderReportHtml(report);
  // In the middle of a picture that holds it and its label, not at the top of a square made for forty.
  assert.match(html, /<circle cx="500" cy="500" r="14"\/><text x="519" y="500" transform="rotate\(0 500 500\)">B<\/text>/);
  assert.match(html, /viewBox="470 470 84 60"/);
  assert.match(html, /<title>B \(#B\): 1 link points here\.<\/title>/);
  assert.match(html, /<p class="note">The most linked entry\. /);
  assert.match(html, /aria-label="Link graph of the most linked entry"/);
  assert.doesNotMatch(html, /\b1 links|\b1 most linked entries/);
});

test('a glossary without links reports no graph and no missing entries', () => {
  const index = indexOf({ 'A.md': entryLines('A', 'A', []), 'Index.md': ['# Index {#Index}'] });
  const report = buildReport(index, defaultConfig, { name: 'g', fileName: (uri) => uri, diagnosticsOf: diagnosticsIn(index) });
  assert.deepEqual(report.graph, { nodes: [], edges: [] });
  assert.deepEqual(report.orphans, [{ id: 'A', title: 'A', file: uriOf('A.md'), line: 1 }]);
  const html = renderReportHtml(report);
  assert.doesNotMatch(html, /<svg/);
  assert.match(html, /Every link points at an existing entry\./);
  // The table of the most linked entries, empty, is a sentence too.
  assert.match(html, /<h2>Most linked entries<\/h2><p class="note">No entry links to another entry yet\.<\/p><\/section>/);
  // A is listed nowhere, not even on the index page: the note says no more than that nothing else links to it.
  assert.match(html, /Entries that no other entry or page links to; links from the index page and from the entry itself do not count\./);
  assert.doesNotMatch(html, /but the index page/);
});

/** A small glossary: A and B link each other, C is linked by nobody, two links to the missing D. */
const glossary = {
  '.git/HEAD': 'ref: refs/heads/main',
  'g/A.md': entryLines('Apfel', 'A', ['[Birne](#B)', '[Dattel](#D)']),
  'g/B.md': entryLines('Birne', 'B', ['[Apfel](#A)', '[Dattel](#D)']),
  'g/C.md': entryLines('Cashew', 'C', ['[Apfel](#A)']),
  'g/Index.md': ['# Index {#Index}'],
};

interface ReportRun {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly written: Map<string, string>;
}

async function runReport(argv: readonly string[], extra: Partial<CliIo> = {}, moreFiles: Record<string, InMemoryFileContent> = {}): Promise<ReportRun> {
  const files = { ...glossary, ...moreFiles };
  const workspace = new InMemoryWorkspace(Object.fromEntries(Object.entries(files).map(([name, content]) => [`file:///ws/${name}`, Array.isArray(content) ? content.join('\n') : content])));
  const written = new Map<string, string>();
  let stdout = '';
  let stderr = '';
  const exitCode = await runCli(['report', ...argv], {
    cwd: '/ws',
    workspace,
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    writeFile: (filePath, text) => written.set(filePath, text),
    ...extra,
  });
  return { exitCode, stdout, stderr, written };
}

test('report --format json prints the report of the files given', async () => {
  const result = await runReport(['g', '--format', 'json']);
  assert.equal(result.exitCode, 0);
  assert.equal(result.stderr, '');
  const report = JSON.parse(result.stdout) as GlossaryReport;
  assert.deepEqual(Object.keys(report), ['name', 'summary', 'problems', 'missingEntries', 'orphans', 'mostLinked', 'graph']);
  assert.equal(report.name, 'g');
  const { errors, warnings, information, hints, ...counts } = report.summary;
  assert.deepEqual(counts, { files: 4, entries: 3, links: 8, brokenLinks: 2, brokenIndexLinks: 0, missingEntries: 1, orphans: 1 });
  assert.deepEqual(report.missingEntries, [{ id: 'D', title: 'D', referenceCount: 2, fileCount: 2 }]);
  assert.deepEqual(report.orphans, [{ id: 'C', title: 'Cashew', file: 'C.md', line: 1 }]);
  assert.deepEqual(report.mostLinked, [
    { id: 'A', title: 'Apfel', file: 'A.md', line: 1, links: 2 },
    { id: 'B', title: 'Birne', file: 'B.md', line: 1, links: 1 },
  ]);
  assert.deepEqual(report.graph.edges, [{ from: 'A', to: 'B' }, { from: 'B', to: 'A' }]);
  assert.deepEqual(report.problems[0], { code: 'broken-link', severity: 'error', count: 2 });
  assert.equal(errors + warnings + information + hints, report.problems.reduce((sum, problem) => sum + problem.count, 0));
});

test('report prints HTML by default and writes it with --output, saying where', async () => {
  const printed = await runReport(['g']);
  assert.equal(printed.exitCode, 0);
  assert.match(printed.stdout, /^<!DOCTYPE html>\n[\s\S]*<h1>Glossary Report<\/h1>[\s\S]*<\/html>\n$/);
  const written = await runReport(['g', '--output=out/report.html']);
  assert.deepEqual(written, { exitCode: 0, stdout: '', stderr: 'glossary: report written to out/report.html\n', written: new Map([['/ws/out/report.html', printed.stdout]]) });  // `-` is standard output, as for other tools.
  assert.deepEqual(await runReport(['g', '--output', '-']), { ...printed, written: new Map() });
  // A file ending in .json gets JSON, unless --format says otherwise.
  const json = await runReport(['g', '--output', 'report.json']);
  assert.equal(JSON.parse(json.written.get('/ws/report.json')!).name, 'g');
  assert.match((await runReport(['g', '--output', 'report.json', '--format', 'html'])).written.get('/ws/report.json')!, /^<!DOCTYPE html>/);
});

test('report refuses to write over a file of the glossary, and says why a file cannot be written', async () => {
  const overEntry = await runReport(['g', '--output', 'g/A.md']);
  assert.deepEqual(overEntry, {
    exitCode: 2,
    stdout: '',
    stderr: 'glossary: g/A.md is a file of the glossary: the report is not written over it\n',
    written: new Map(),
  });
  // Node's errors, as fs.writeFileSync throws them, in words.
  const failing = await runReport(['g', '--output', 'r.html'], {
    writeFile: () => {
      throw Object.assign(new Error("ENOENT: no such file or directory, open '/x/r.html'"), { code: 'ENOENT' });
    },
  });
  assert.equal(failing.exitCode, 2);
  assert.equal(failing.stderr, 'glossary: cannot write r.html: its folder does not exist\n');
  // The output a symbolic link to a file in a folder that does not exist: that folder is the one missing.
  const throughLink = await runReport(['g', '--output', 'r.html'], {
    writtenFile: (filePath) => (filePath === '/ws/r.html' ? '/gone/r.html' : filePath),
    writeFile: () => {
      throw Object.assign(new Error("ENOENT: no such file or directory, open '/gone/r.html'"), { code: 'ENOENT' });
    },
  });
  assert.equal(throughLink.stderr, 'glossary: cannot write r.html: it leads to /gone/r.html, whose folder does not exist\n');
  const strange = await runReport(['g', '--output', 'r.html'], {
    writeFile: () => {
      throw Object.assign(new Error('EROFS: read-only file system'), { code: 'EROFS' });
    },
  });
  assert.equal(strange.stderr, 'glossary: cannot write r.html: EROFS: read-only file system\n');
  const nowhere = await runReport(['g', '--output', 'r.html'], { writeFile: undefined });
  assert.equal(nowhere.exitCode, 2);
});

test('report --output never writes into a file of the glossary, nor over an existing file that is not an .html, .htm or .json', async () => {
  const refused = async (argv: readonly string[], message: string, moreFiles: Record<string, InMemoryFileContent> = {}): Promise<void> => {
    const result = await runReport(argv, {}, moreFiles);
    assert.deepEqual(result, { exitCode: 2, stdout: '', stderr: `glossary: ${message}\n`, written: new Map() }, argv.join(' '));
  };
  // Only A.md is read, but B.md is an entry of the same glossary (the folder of the file given).
  await refused(['g/A.md', '--output', 'g/B.md'], 'g/B.md is a file of the glossary: the report is not written over it');
  // A new file that the include patterns take in would join the glossary.
  await refused(['g/A.md', '--output', 'g/Neu.md'], 'g/Neu.md would become a file of the glossary (its include patterns take it in): the report is not written there');
  // With a .glossary.json, its folder and its patterns decide, and the configuration itself is kept.
  const config = { '.glossary.json': JSON.stringify({ include: ['**/*.md'], indexFile: 'seiten/index.txt' }), 'seiten/index.txt': '# Index {#Index}' };
  await refused(['g/A.md', '--output', 'entwurf/neu.md'], 'entwurf/neu.md would become a file of the glossary (its include patterns take it in): the report is not written there', config);
  await refused(['g', '--output', '../ws/seiten/index.txt'], '../ws/seiten/index.txt is a file of the glossary: the report is not written over it', config);
  await refused(['g', '--format', 'json', '--output', '.glossary.json'], '.glossary.json is a file of the glossary: the report is not written over it', config);
  // A .glossary.json not written yet would be read as settings: by this glossary's files, or by those of another folder.
  await refused(['g', '--format', 'json', '--output', '.glossary.json'], '.glossary.json would be read as the settings of a glossary: the report is not written there');
  await refused(['g', '--format', 'json', '--output', 'anderswo/.glossary.json'], 'anderswo/.glossary.json would be read as the settings of a glossary: the report is not written there', config);
  // Another folder's existing .glossary.json holds settings, not a file of this glossary.
  await refused(['g', '--format', 'json', '--output', 'anderswo/.glossary.json'], 'anderswo/.glossary.json holds the settings of a glossary: the report is not written over it', { 'anderswo/.glossary.json': '{}' });
  // A folder, the glossary's or any other, is named as a folder.
  await refused(['g', '--output', 'g'], 'g is a folder: --output names the file to write');
  await refused(['g', '--output', 'seiten'], 'seiten is a folder: --output names the file to write', config);
  // A file named to be read is never written over, though it could not be read.
  const binary = new Uint8Array([97, 0, 98]);
  const result = await runReport(['page.html', 'g/A.md', '--output', 'page.html'], {}, { 'page.html': binary });
  assert.deepEqual([result.exitCode, result.written.size, result.stderr.split('\n').at(-2)], [2, 0, 'glossary: page.html is a file of the glossary: the report is not written over it']);
  // Outside the glossary, an existing file is replaced only when it is a page or JSON.
  await refused(['g', '--output', 'README.md'], 'README.md exists and is not an .html, .htm or .json file: the report replaces only such files', { 'README.md': '# Read me' });
  await refused(['g', '--output', 'notes.txt'], 'notes.txt exists and is not an .html, .htm or .json file: the report replaces only such files', { 'notes.txt': 'x' });
  for (const name of ['old.html', 'OLD.HTM', 'report.json', 'new-report.txt']) {
    const result = await runReport(['g', '--output', name], {}, { 'old.html': '<p>old</p>', 'OLD.HTM': '<p>old</p>', 'report.json': '{}' });
    assert.equal(result.exitCode, 0, `${name}: ${result.stderr}`);
    assert.deepEqual([...result.written.keys()], [`/ws/${name}`]);
  }
});

test('report: bad usage exits with 2 and a clear message', async () => {
  for (const [argv, message] of [
    [['g', '--format', 'sarif'], 'unknown format "sarif" for "report" (known: html, json)'],
    [['g', '--output'], '--output needs the name of the file to write'],
    [['g', '--locale='], '--locale needs a language, such as de or en'],
    [['--output', 'x.html'], '"report" needs at least one PATH (a file or a folder)'],
    [['nowhere'], 'no such file or folder: nowhere'],
  ] as const) {
    const result = await runReport(argv);
    assert.equal(result.exitCode, 2, argv.join(' '));
    assert.equal(result.stderr.split('\n')[0], `glossary: ${message}`);
    assert.equal(result.stdout, '');
  }
  const check = await runCli(['check', 'g', '--output', 'x'], { cwd: '/ws', workspace: new InMemoryWorkspace({}), stdout: () => {}, stderr: () => {} });
  assert.equal(check, 2, '--output belongs to report only');
});

function onlyMatch(text: string, pattern: RegExp): string {
  const matches = text.match(pattern) ?? [];
  assert.equal(matches.length, 1);
  return matches[0]!;
}

/**
 * Why a text is not well-formed XML, as far as the report's SVG can go wrong: tags that do not
 * nest, attributes not quoted, a raw `<` or a bare `&` in text or attribute values.
 */
function xmlProblems(xml: string): string[] {
  const problems: string[] = [];
  const open: string[] = [];
  const entity = /&(?:#\d+|#x[\da-f]+|amp|lt|gt|quot|apos);/gi;
  const token = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g;
  for (const [, closing, name, attributes, selfClosing, text, stray] of xml.matchAll(token)) {
    if (stray !== undefined) {
      problems.push('a "<" that starts no tag');
    } else if (text !== undefined || attributes !== undefined) {
      const content = (text ?? attributes!).replace(entity, '');
      if (content.includes('&')) {
        problems.push(`a bare "&" in ${JSON.stringify(text ?? attributes)}`);
      }
    }
    if (name === undefined) {
      continue;
    }
    if (closing) {
      const expected = open.pop();
      if (expected !== name) {
        problems.push(`</${name}> closes <${expected}>`);
      }
    } else if (!selfClosing) {
      open.push(name);
    }
  }
  return open.length > 0 ? [...problems, `unclosed: ${open.join(', ')}`] : problems;
}
