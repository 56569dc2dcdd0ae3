import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadGlossary, LoadedGlossary } from '../cli/loadGlossary';
import { DiagnosticCode } from '../diagnostics/codes';
import { computeDiagnostics } from '../diagnostics/computeDiagnostics';
import { GlossaryDiagnostic } from '../diagnostics/diagnostic';
import { orphanEntries } from '../index/linkGraph';
import { URI } from 'vscode-uri';
import { NodeFileSystemWorkspace } from '../workspace/nodeWorkspace';
import { closestIdsByFullScan } from './support/closestIdsByFullScan';
import { findClosestIds } from '../index/closestIds';
import { replacementsFor } from '../diagnostics/replacements';
import { entryIdsNamedByFullScan } from './support/entryIdsNamedByFullScan';
import { pandocHeadingsOfFiles, pandocSeeAlsoLinksRunTogether } from './pandoc';

// The real glossary is test data beside the repository (../shared), never copied into it.
const repositoryRoot = path.resolve(__dirname, '../../../..');
const glossaryFolder = path.resolve(repositoryRoot, '../shared/corpus/ki-glossar/src/de');

interface Found {
  readonly glossary: LoadedGlossary;
  readonly diagnostics: readonly (GlossaryDiagnostic & { readonly file: string })[];
}

/** Every file of the glossary (the .md entries and the three .txt pages), as the facts were measured. */
async function checkRealGlossary(): Promise<Found> {
  const textPages = fs.readdirSync(glossaryFolder).filter((name) => name.endsWith('.txt')).sort();
  const warnings: string[] = [];
  const glossary = await loadGlossary([glossaryFolder, ...textPages.map((name) => path.join(glossaryFolder, name))], {
    cwd: repositoryRoot,
    workspace: new NodeFileSystemWorkspace(),
    warn: (message) => warnings.push(message),
  });
  assert.equal(glossary.kind, 'loaded');
  assert.deepEqual(warnings, []);
  const diagnostics = glossary.files.flatMap((file) =>
    computeDiagnostics(glossary.index.document(file.uri)!, glossary.index, glossary.config).map((diagnostic) => ({
      ...diagnostic,
      file: path.basename(file.displayPath),
    })),
  );
  return { glossary, diagnostics };
}

function withCode(found: Found, code: DiagnosticCode): readonly (GlossaryDiagnostic & { readonly file: string })[] {
  return found.diagnostics.filter((diagnostic) => diagnostic.code === code);
}

function distinctFiles(found: Found, code: DiagnosticCode): number {
  return new Set(withCode(found, code).map((diagnostic) => diagnostic.file)).size;
}

test('the real glossary reproduces the facts measured with pandoc', async (t) => {
  assert.ok(fs.existsSync(glossaryFolder), `the real glossary is missing at ${glossaryFolder}: tests read it from ../shared beside the repository`);
  const found = await checkRealGlossary();

  await t.test('347 files are read: 344 entries and 3 text pages', () => {
    assert.equal(found.glossary.files.length, 347);
  });

  await t.test('5,780 internal links', () => {
    const links = found.glossary.files.reduce((sum, file) => sum + found.glossary.index.document(file.uri)!.links.length, 0);
    assert.equal(links, 5780);
  });

  await t.test('2,075 links to ids defined nowhere, 314 distinct; Index 347, Neural-Network 57, Claude 54; each reported once', () => {
    // By code: the 347 links to #Index are index-anchor-missing, the index page's own 212 (pandoc's
    // links of 001-ki-index.txt to ids no file defines) index-link-broken, the other 1,516 broken-link.
    const broken = withCode(found, DiagnosticCode.BrokenLink);
    const onIndexPage = withCode(found, DiagnosticCode.IndexLinkBroken);
    const toIndex = withCode(found, DiagnosticCode.IndexAnchorMissing);
    assert.deepEqual([broken.length, onIndexPage.length, toIndex.length], [1516, 212, 347]);
    assert.deepEqual([...new Set(onIndexPage.map((diagnostic) => diagnostic.file))], ['001-ki-index.txt']);
    const perTarget = new Map<string, number>([['Index', toIndex.length]]);
    for (const diagnostic of [...broken, ...onIndexPage]) {
      if (diagnostic.data.kind === DiagnosticCode.BrokenLink || diagnostic.data.kind === DiagnosticCode.IndexLinkBroken) {
        perTarget.set(diagnostic.data.target, (perTarget.get(diagnostic.data.target) ?? 0) + 1);
      }
    }
    assert.equal([...perTarget.values()].reduce((sum, count) => sum + count, 0), 2075);
    assert.equal(perTarget.size, 314);
    const mostReferenced = [...perTarget].sort((a, b) => b[1] - a[1]).slice(0, 3);
    assert.deepEqual(mostReferenced, [['Index', 347], ['Neural-Network', 57], ['Claude', 54]]);
  });

  await t.test('each broken link names the entries its id and label name by title, then the closest ids, each as a full scan finds them', () => {
    const { index } = found.glossary;
    const named = new Map<string, readonly string[]>();
    const checked = new Set<string>();
    let beyondSpelling = 0;
    for (const link of [...index.documents()].flatMap((document) => document.links)) {
      if (index.isDefined(link.target) || link.target === '' || link.target === 'Index' || named.has(`${link.target} [${link.label}]`)) continue;
      const closestIds = findClosestIds(link.target, index);
      for (const name of [link.target, link.label].filter((name) => !checked.has(name))) {
        checked.add(name);
        assert.deepEqual(index.entryIdsNamed(name), entryIdsNamedByFullScan(name, index), name);
      }
      if (!checked.has(`#${link.target}`)) {
        checked.add(`#${link.target}`);
        assert.deepEqual(closestIds, closestIdsByFullScan(link.target, index), link.target);
      }
      const { ids } = replacementsFor(index, link, undefined);
      if (index.entryIdsNamed(link.target).length + index.entryIdsNamed(link.label).length > 0) {
        named.set(`${link.target} [${link.label}]`, ids);
        if (ids.some((id) => !closestIds.includes(id))) beyondSpelling++;
      }
    }
    // Broken links (id and label) that name an entry by title, and those of them naming one that the spelling alone does not find.
    assert.deepEqual([named.size, beyondSpelling], [46, 21]);
    assert.deepEqual(named.get('GAN [GANs]'), ['Generative-Adversarial-Network']);
    // CNN.md and Claude.md both hold the entry CNN: it is offered once.
    assert.deepEqual(named.get('Convolutional-Neural-Network [CNN]'), ['CNN']);
    for (const [link, ids] of named) assert.equal(new Set(ids).size, ids.length, link);
    assert.deepEqual(named.get('Transformer-Architecture [Transformer]'), ['Transformer']);
    assert.deepEqual(named.get('Kognitiv-Architektur [kognitive Architektur]'), ['Kognitive-Architectures']);
    const gan = withCode(found, DiagnosticCode.BrokenLink).find((diagnostic) => diagnostic.data.kind === DiagnosticCode.BrokenLink && diagnostic.data.target === 'GAN');
    assert.equal(gan?.message, 'No heading defines the id "GAN". The entry "Generative Adversarial Network (GAN)" in GAN.md has the id "Generative-Adversarial-Network": rename it "GAN", after its file, and every link to "GAN" leads to it. Perhaps meant: Generative-Adversarial-Network.');
    // A section's automatic id, suggested for an entry yet to write, says where it leads.
    const neurosymbolic = withCode(found, DiagnosticCode.BrokenLink).filter((diagnostic) => diagnostic.data.kind === DiagnosticCode.BrokenLink && diagnostic.data.target === 'Neurosymbolische-Systeme');
    assert.equal(neurosymbolic.length, 18);
    // Claude.md holds a copy of CNN: the 53 links to #Claude outside the index page say so.
    const claude = withCode(found, DiagnosticCode.BrokenLink).filter((diagnostic) => diagnostic.data.kind === DiagnosticCode.BrokenLink && diagnostic.data.target === 'Claude');
    assert.deepEqual([...new Set(claude.map((diagnostic) => diagnostic.message))], ['No heading defines the id "Claude". The file Claude.md holds the entry "CNN (Convolutional Neural Network)", whose id is "CNN".']);
    assert.equal(claude.length, 53);
    // The index page's listing of #Claude says the same.
    const listed = withCode(found, DiagnosticCode.IndexLinkBroken).filter((diagnostic) => diagnostic.data.kind === DiagnosticCode.IndexLinkBroken && diagnostic.data.target === 'Claude');
    assert.deepEqual(listed.map((diagnostic) => diagnostic.message), ['The index lists "Claude", which no heading defines. The file Claude.md holds the entry "CNN (Convolutional Neural Network)", whose id is "CNN".']);
    // Computer-Vision.md's entry has the id #ComputerVision: its 24 links are told that one rename mends them.
    const vision = withCode(found, DiagnosticCode.BrokenLink).filter((diagnostic) => diagnostic.data.kind === DiagnosticCode.BrokenLink && diagnostic.data.target === 'Computer-Vision');
    assert.equal(vision.length, 24);
    assert.deepEqual(
      [...new Set(vision.map((diagnostic) => diagnostic.message))],
      ['No heading defines the id "Computer-Vision". The entry "Computer Vision" in Computer-Vision.md has the id "ComputerVision": rename it "Computer-Vision", after its file, and every link to "Computer-Vision" leads to it. Perhaps meant: ComputerVision.'],
    );
    assert.equal(neurosymbolic[0]?.message, 'No heading defines the id "Neurosymbolische-Systeme". Perhaps meant: neurosymbolische-systeme (section "Neurosymbolische Systeme" in Hybrid-AI.md).');
  });

  await t.test('19 explicit ids defined more than once, by 39 headings; CNN in CNN.md and Claude.md', () => {
    const duplicates = withCode(found, DiagnosticCode.DuplicateAnchor);
    assert.equal(duplicates.length, 39);
    const ids = new Set(duplicates.map((diagnostic) => (diagnostic.data.kind === DiagnosticCode.DuplicateAnchor ? diagnostic.data.id : '')));
    assert.equal(ids.size, 19);
    const cnn = duplicates.filter((diagnostic) => diagnostic.data.kind === DiagnosticCode.DuplicateAnchor && diagnostic.data.id === 'CNN');
    assert.deepEqual(cnn.map((diagnostic) => diagnostic.file).sort(), ['CNN.md', 'Claude.md']);
  });

  await t.test('2 entries have no see-also section', () => {
    assert.equal(withCode(found, DiagnosticCode.MissingSeeAlso).length, 2);
  });

  await t.test('160 entries open with a summary in bold italics: 95 of their own, 65 one of the quoted one-liners, which keeps who said it', () => {
    const entries = found.glossary.files.flatMap((file) => found.glossary.index.document(file.uri)!.entries);
    const summaries = entries.map((entry) => entry.summary).filter((summary) => summary !== undefined);
    const quoted = summaries.filter((summary) => / \((by )?(ChatGPT|Claude|Grok|ich)\)$/.test(summary));
    assert.deepEqual([summaries.length, quoted.length], [160, 65]);
    assert.equal(entries.find((entry) => entry.id === 'Artificial-General-Intelligence')?.summary, '"Die Traum-KI, die alles kann – irgendwann mal" (Grok)');
    // The one-liners above the writer's own line: the writer's line.
    assert.equal(entries.find((entry) => entry.id === 'Reinforcement-Learning-from-Human-Feedback')?.summary, 'Methode zur Optimierung von KI-Modellen via menschlichen Feedbacks anstatt via Feedback-Signalen');
  });

  await t.test('3 .md files do not start with the chapter heading', () => {
    assert.deepEqual(withCode(found, DiagnosticCode.MissingChapterHeading).map((diagnostic) => diagnostic.file), [
      'Haiku.md',
      'LAM.md',
      'Large-Action-Model.md',
    ]);
  });

  await t.test("36 files whose first entry's id differs from the file name, among them FPGA.md, LLM.md, Large-Language-Model.md", () => {
    const mismatches = withCode(found, DiagnosticCode.AnchorFileMismatch);
    assert.equal(mismatches.length, 36);
    for (const file of ['FPGA.md', 'LLM.md', 'Large-Language-Model.md', 'Claude.md']) {
      assert.ok(mismatches.some((diagnostic) => diagnostic.file === file), file);
    }
    // LLM.md and Large-Language-Model.md give each other's names as ids (and hold the same text): no fix can be offered, and the message says why.
    assert.deepEqual(
      mismatches.filter((diagnostic) => / gives the id /.test(diagnostic.message)).map((diagnostic) => `${diagnostic.file}: ${diagnostic.message}`),
      [
        'LLM.md: The entry\'s id "Large-Language-Model" differs from the file name "LLM". Large-Language-Model.md gives the id "LLM": the two files have swapped ids. Links to "Large-Language-Model": 112.',
        'Large-Language-Model.md: The entry\'s id "LLM" differs from the file name "Large-Language-Model". LLM.md gives the id "Large-Language-Model": the two files have swapped ids. Links to "LLM": 110.',
      ],
    );
  });

  await t.test('3 files hold more than one entry: DeepSpeed.md three, GPT-4.5.md and Text-to-Text-Transfer-Transformer.md two', () => {
    const extraEntries = withCode(found, DiagnosticCode.MultipleEntries).map((diagnostic) => diagnostic.file);
    assert.deepEqual(extraEntries, ['DeepSpeed.md', 'DeepSpeed.md', 'GPT-4.5.md', 'Text-to-Text-Transfer-Transformer.md']);
    // GPT-4.5.md holds two dated versions of one entry, with the same id: no other entry to move out.
    assert.equal(
      withCode(found, DiagnosticCode.MultipleEntries)[2]!.message,
      'This file holds a second entry with the id "GPT-4.5": "GPT-4.5 (Stand März 2025)", after "GPT-4.5 (Stand Dezember 2024)" on line 1. The rule is one entry per file: keep one version, or give this one an id and a file of its own.',
    );
  });

  // Counted on pandoc's JSON AST: the headings after an entry's first .seealso heading, before the next .term heading.
  await t.test('1 entry has sections after its see-also list: LaMDA.md repeats its 7 sections below the list', () => {
    assert.deepEqual(
      withCode(found, DiagnosticCode.SectionAfterSeeAlso).map((diagnostic) => `${diagnostic.file}:${diagnostic.range.start.line + 1} ${diagnostic.message}`),
      ['LaMDA.md:122 7 sections, from "Technische Grundlagen" on, follow the see-also list of "Language Model for Dialog Application (LaMDA)", which should end the entry, and repeat titles of sections above it: is the entry there twice?'],
    );
  });

  // Counted on pandoc's JSON AST: the headings one level below a .term heading, before the next one, with none of the three classes.
  await t.test('1 section lacks its class: Hallucination.md\'s "### Leaderboard"', () => {
    assert.deepEqual(
      withCode(found, DiagnosticCode.MissingSectionClass).map((diagnostic) => `${diagnostic.file}:${diagnostic.range.start.line + 1}`),
      ['Hallucination.md:84'],
    );
  });

  // Pandoc reads the same: the headings of level 2 or 1 with a section class after a .term heading,
  // before the next one (the book's --shift-heading-level-by=-1 makes them chapters).
  await t.test('8 sections are written as chapters, all in Google-Assistant.md ("## Funktionsweise und Technologie {.explanation}")', async () => {
    const sections = withCode(found, DiagnosticCode.SectionLevel);
    assert.deepEqual(new Set(sections.map((diagnostic) => diagnostic.file)), new Set(['Google-Assistant.md']));
    const files = found.glossary.files.filter((file) => file.displayPath.endsWith('.md')).map((file) => file.displayPath);
    let inEntry = false;
    const asChapters = (await pandocHeadingsOfFiles(files)).filter((heading) => {
      if (heading.classes.includes('term')) inEntry = true;
      return inEntry && heading.level <= 2 && !heading.classes.includes('term') && heading.classes.some((name) => ['explanation', 'haiku', 'seealso'].includes(name));
    });
    assert.equal(asChapters.length, 8);
    assert.deepEqual(
      sections.map((diagnostic) => /"(.*)"/.exec(diagnostic.message)![1]),
      asChapters.map((heading) => heading.text),
    );
  });

  // Counted on the files: after each of the 35 `.haiku` headings the next heading is the see-also one.
  await t.test('no entry has sections between its haikus and its see-also list (35 entries have haikus)', () => {
    const entries = found.glossary.files.flatMap((file) => found.glossary.index.document(file.uri)?.entries ?? []);
    assert.equal(entries.filter((entry) => entry.sections.some((section) => section.heading.classes.includes('haiku'))).length, 35);
    assert.deepEqual(withCode(found, DiagnosticCode.SectionAfterHaiku), []);
  });

  // The writing rules start each sentence on a new line; the one-liners' `***"…"*** (ChatGPT)`,
  // the placeholders `***??? TODO***` and quotations hold none to split.
  await t.test('153 sentences in 25 files start on the line of the one before, none of them in a one-liner or after a placeholder', () => {
    const sentences = withCode(found, DiagnosticCode.SentenceMidLine);
    assert.equal(sentences.length, 153);
    assert.equal(new Set(sentences.map((diagnostic) => diagnostic.file)).size, 25);
    assert.ok(sentences.some((diagnostic) => diagnostic.file === 'Computer-Vision.md' && diagnostic.range.start.line === 6), 'Computer-Vision.md: "… zu interpretieren. Diese Technologie …"');
    // After a link: "CEO von [OpenAI](#OpenAI). Steuert …".
    const afterLinks = sentences.filter((diagnostic) => diagnostic.file === 'KI-Persönlichkeiten-in-der-Geschichte.md' && [37, 39, 41].includes(diagnostic.range.start.line + 1));
    assert.equal(afterLinks.length, 3);
    for (const diagnostic of sentences) {
      const before = fs.readFileSync(path.join(glossaryFolder, diagnostic.file), 'utf8').split('\n')[diagnostic.range.start.line]!.slice(0, diagnostic.range.start.character);
      const where = `${diagnostic.file}:${diagnostic.range.start.line + 1}`;
      assert.doesNotMatch(before, /\?\?\?/, where);
      assert.equal((before.match(/\*\*\*/g) ?? []).length % 2, 0, where);
    }
  });

  await t.test('56 files have a see-also list out of German alphabetical order', () => {
    assert.equal(distinctFiles(found, DiagnosticCode.SeeAlsoUnsorted), 56);
  });

  await t.test('1 see-also link runs into the next, as pandoc reads the book: [Alignment] of Cooperative-Inverse-Reinforcement-Learning.md, without its " |"', async () => {
    const runTogether = withCode(found, DiagnosticCode.SeeAlsoSeparator);
    assert.deepEqual(runTogether.map((diagnostic) => `${diagnostic.file}:${diagnostic.range.start.line + 1}`), ['Cooperative-Inverse-Reinforcement-Learning.md:71']);
    const entries = found.glossary.files.filter((file) => file.uri.endsWith('.md')).map((file) => URI.parse(file.uri).fsPath);
    assert.deepEqual(await pandocSeeAlsoLinksRunTogether(entries), ['Alignment']);
  });

  // Counted independently on pandoc's JSON AST of each file (entries: headings with .term; an
  // entry's see-also list: its first .seealso section up to the next heading or ----; the index
  // page: 001-ki-index.txt).
  await t.test('the index page 001-ki-index.txt is found by its .index sections and misses 67 of the 346 entries (16 more it names by title only, as [AGI](#Artificial-General-Intelligence)); 4 of them it lists under broken ids meaning them, which index-link-broken reports', () => {
    assert.equal(path.basename(found.glossary.index.indexPageUri() ?? ''), '001-ki-index.txt');
    const page = found.glossary.index.document(found.glossary.index.indexPageUri()!)!;
    const listedIds = new Set(page.links.map((link) => link.target));
    const listedLabels = new Set(page.links.map((link) => link.label));
    const entries = found.glossary.files.flatMap((file) => found.glossary.index.document(file.uri)?.entries ?? []);
    assert.equal(entries.filter((entry) => !listedIds.has(entry.id)).length, 83);
    const missed = entries.filter((entry) => !listedIds.has(entry.id) && !listedLabels.has(entry.title));
    assert.equal(missed.length, 67);
    // `[Adversarial Examples](#Adversarial-Examples)` for {#AdversarialExamples}; `[CNN](#Convolutional-Neural-Network)` for the entry CNN, twice (Claude.md holds a copy);
    // `[Papierclip-Maximierer](#Papierclip-Maximierer)` for {#Paperclip-Maximierer} in Papierclip-Maximierer.md.
    const reported = withCode(found, DiagnosticCode.NotInIndex).map((diagnostic) => (diagnostic.data.kind === DiagnosticCode.NotInIndex ? diagnostic.data.entryId : ''));
    assert.equal(reported.length, 63);
    assert.deepEqual(missed.map((entry) => entry.id).filter((id) => !reported.includes(id)).sort(), ['AdversarialExamples', 'CNN', 'CNN', 'Paperclip-Maximierer']);
  });

  await t.test('54 entries that no other entry or page links to (the index page and self-links aside; GPT-4.5.md\'s two versions one); 1 self-link (BERT), the stubs ANN and DL with their targets\' ids left to duplicate-anchor', () => {
    assert.equal(withCode(found, DiagnosticCode.OrphanEntry).length, 54);
    assert.equal(orphanEntries(found.glossary.index).length, 54);
    assert.ok(withCode(found, DiagnosticCode.OrphanEntry).some((diagnostic) => diagnostic.data.kind === DiagnosticCode.OrphanEntry && diagnostic.data.entryId === 'AI-Fails'));
    assert.deepEqual(withCode(found, DiagnosticCode.SelfLink).map((diagnostic) => diagnostic.data.kind === DiagnosticCode.SelfLink && diagnostic.data.entryId), ['BERT']);
  });

  // Counted with a pandoc Lua filter: the links to each file name's id from the other .md files.
  await t.test('6 of the orphans are linked by the id their file name gives, which their heading does not: the message counts those links', () => {
    const linkedByFileName = withCode(found, DiagnosticCode.OrphanEntry)
      .map((diagnostic) => /but (a|\d+) links? points? at #(\S+) \(links from the index page not counted\), the id its file name gives/.exec(diagnostic.message))
      .filter((match) => match !== null)
      .map((match) => `${match[2]} ${match[1] === 'a' ? 1 : Number(match[1])}`);
    assert.deepEqual(linkedByFileName.sort(), ['Adversarial-Examples 6', 'Computer-Vision 24', 'FPGA 1', 'LIDA 8', 'LaMDA 1', 'Papierclip-Maximierer 1']);
  });

  await t.test('when turned on: 418 body links missing from their see-also list, 1,210 see-also links not named in return (187 more link abbreviation stubs such as AGI.md; two lists name one entry twice)', () => {
    const config = { ...found.glossary.config, severity: { ...found.glossary.config.severity, [DiagnosticCode.SeeAlsoMissingBodyLink]: 'information', [DiagnosticCode.SeeAlsoNotReciprocal]: 'hint' } } as const;
    const all = found.glossary.files.flatMap((file) => computeDiagnostics(found.glossary.index.document(file.uri)!, found.glossary.index, config));
    assert.equal(all.filter((diagnostic) => diagnostic.code === DiagnosticCode.SeeAlsoMissingBodyLink).length, 418);
    // Of an id that two files define, the entry in the file named after it is the one whose list counts (Deep-Learning.md's, not a copy's).
    const notReciprocal = all.filter((diagnostic) => diagnostic.code === DiagnosticCode.SeeAlsoNotReciprocal);
    assert.equal(notReciprocal.length, 1210);
    assert.ok(!notReciprocal.some((diagnostic) => diagnostic.data.kind === DiagnosticCode.SeeAlsoNotReciprocal && ['AGI', 'GPU', 'RAG', 'POS-Tagging'].includes(diagnostic.data.otherId)));
  });

  // Counted on pandoc's JSON AST of the entry files: the .term headings with no .haiku heading after them, before the next .term heading.
  await t.test('when turned on: 311 entries without haikus, as pandoc reads the book', async () => {
    const config = { ...found.glossary.config, severity: { ...found.glossary.config.severity, [DiagnosticCode.MissingHaiku]: 'information' } } as const;
    const reported = found.glossary.files.flatMap((file) => computeDiagnostics(found.glossary.index.document(file.uri)!, found.glossary.index, config)).filter((diagnostic) => diagnostic.code === DiagnosticCode.MissingHaiku);
    const files = found.glossary.files.filter((file) => file.displayPath.endsWith('.md')).map((file) => file.displayPath);
    const entries: { readonly title: string; haikus: boolean }[] = [];
    for (const heading of await pandocHeadingsOfFiles(files)) {
      // (Pandoc's smart punctuation writes "vs. System" with a no-break space, which the title does not hold.)
      if (heading.classes.includes('term')) entries.push({ title: heading.text.replaceAll('\u00a0', ' '), haikus: false });
      else if (heading.classes.includes('haiku') && entries.length > 0) entries.at(-1)!.haikus = true;
    }
    const withoutHaikus = entries.filter((entry) => !entry.haikus).map((entry) => entry.title);
    assert.equal(reported.length, 311);
    assert.deepEqual(reported.map((diagnostic) => /"(.*)" \(#/.exec(diagnostic.message)![1]), withoutHaikus);
  });
});

test('with the default include **/*.md, the index page 001-ki-index.txt beside the entries is found and read all the same, and its #Index is missing', async () => {
  const glossary = await loadGlossary([glossaryFolder], { cwd: repositoryRoot, workspace: new NodeFileSystemWorkspace(), warn: () => undefined });
  assert.equal(glossary.kind, 'loaded');
  if (glossary.kind !== 'loaded') return;
  const indexPage = path.join(glossaryFolder, '001-ki-index.txt');
  assert.equal(glossary.index.indexPageUri(), URI.file(indexPage).toString());
  // The other pages (000-ki-title.txt, 002-ki-lizenz.txt) are not: the entries and the index page.
  assert.equal(glossary.files.length, 345);
  const diagnostics = glossary.files.flatMap((file) => computeDiagnostics(glossary.index.document(file.uri)!, glossary.index, glossary.config));
  const count = (code: DiagnosticCode): number => diagnostics.filter((diagnostic) => diagnostic.code === code).length;
  // As with every page read: the index page's own broken links, the entries it misses, the same 347 links to #Index.
  assert.deepEqual(
    [count(DiagnosticCode.NotInIndex), count(DiagnosticCode.IndexLinkBroken), count(DiagnosticCode.IndexAnchorMissing), count(DiagnosticCode.BrokenLink), count(DiagnosticCode.OrphanEntry)],
    [63, 212, 347, 1516, 54],
  );
  const messages = new Set(diagnostics.filter((diagnostic) => diagnostic.code === DiagnosticCode.IndexAnchorMissing).map((diagnostic) => diagnostic.message));
  assert.deepEqual([...messages], ['No heading defines the id "Index": the index page, 001-ki-index.txt, needs a heading with the id {#Index}.']);
});
