import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { findClosestIds } from '../index/closestIds';
import { WorkspaceIndex } from '../index/workspaceIndex';
import { seededRandom } from '../seededRandom';
import { Anchor, defaultParseOptions, GlossaryDocument, Heading, Link, Range } from '../parse/model';
import { parseGlossaryDocument } from '../parse/parser';

// The index reads only ids, explicitness and link targets, so these documents are built by hand
// (independent of the parser); each anchor and link sits on its own line.

function lineRange(line: number): Range {
  return { start: { line, character: 0 }, end: { line, character: 1 } };
}

function heading(id: string, explicit: boolean, line: number): Heading {
  return {
    level: 2, text: id, plainText: id, textRange: lineRange(line), range: lineRange(line), id, explicitId: explicit,
    idRange: explicit ? lineRange(line) : undefined, idAfterHash: explicit ? 'apart' : undefined, attributesRange: undefined, classes: [], keyValues: [],
  };
}

/** A document defining `anchors` (`#Id` explicit, `id` automatic) and linking to `links`. */
function documentOf(uri: string, anchors: readonly string[], links: readonly string[]): GlossaryDocument {
  const headings = anchors.map((written, line) => {
    const explicit = written.startsWith('#');
    return heading(explicit ? written.slice(1) : written, explicit, line);
  });
  const anchorList: Anchor[] = headings.map((h) => ({
    id: h.id, explicit: h.explicitId, idRange: h.range, writtenIdRange: h.idRange, idAfterHash: h.idAfterHash, element: 'heading', heading: h, range: h.range, label: h.plainText, classes: h.classes,
  }));
  const linkList: Link[] = links.map((target, i) => {
    const range = lineRange(anchors.length + i);
    return { target, kind: 'inline', label: target, range, labelRange: range, idRange: range, listed: true, definitionLabelRange: undefined };
  });
  return {
    uri, version: 1, lineCount: anchors.length + links.length, end: { line: 0, character: 0 }, fingerprint: 0, headings,
    anchors: anchorList, links: linkList, fileLinks: [], textLinks: [], entries: [], codeFences: [], verbatim: [], unclosedBlocks: [], headingsInText: [], headingsAsTerms: [], headingsWithoutSpace: [], fencesInText: [], indentedCode: [], sentencesMidLine: [], misalignedTables: [], loneCarriageReturns: [],
  };
}

/** The document as one entry, named by its first anchor, holding all its links. */
function asEntry(document: GlossaryDocument): GlossaryDocument {
  const heading = document.headings[0]!;
  const range = { start: heading.range.start, end: { line: document.lineCount, character: 0 } };
  const entry = { heading, id: heading.id, title: heading.id, summary: undefined, sections: [], seeAlso: undefined, bodyLinks: document.links, range, closingRuleLine: undefined, ruleUnderTextLine: undefined };
  return { ...document, entries: [entry] };
}

function indexOf(...documents: GlossaryDocument[]): WorkspaceIndex {
  const index = new WorkspaceIndex();
  documents.forEach((document) => index.update(document));
  return index;
}

const a = documentOf('file:///ws/A.md', ['#A', 'details'], ['B', 'C']);
const b = documentOf('file:///ws/B.md', ['#B'], ['A', 'Gone']);
const c = documentOf('file:///ws/C.md', ['#C'], ['A', 'B']);

test('anchorsOf and linksTo answer with the documents that define and link an id, ordered by URI', () => {
  const index = indexOf(c, a, b);
  assert.deepEqual(index.anchorsOf('A').map(({ uri, anchor }) => [uri, anchor.id, anchor.explicit]), [['file:///ws/A.md', 'A', true]]);
  assert.deepEqual(index.linksTo('A').map(({ uri }) => uri), ['file:///ws/B.md', 'file:///ws/C.md']);
  assert.deepEqual(index.documentsLinkingTo('B'), ['file:///ws/A.md', 'file:///ws/C.md']);
  assert.deepEqual([...index.definedIds()].sort(), ['A', 'B', 'C', 'details']);
  assert.equal(index.isDefined('Gone'), false);
  assert.deepEqual(index.linksTo('Gone').map(({ uri, link }) => [uri, link.target]), [['file:///ws/B.md', 'Gone']]);
  assert.deepEqual(index.anchorsOf('Nothing'), []);
});

test('updating one document replaces only its contribution; the other documents are untouched', () => {
  const index = indexOf(a, b, c);
  const anchorsOfBBefore = index.anchorsOf('B');
  const editedA = documentOf('file:///ws/A.md', ['#A', 'more'], ['B']);
  index.update(editedA);
  assert.equal(index.document('file:///ws/A.md'), editedA);
  assert.equal(index.document('file:///ws/B.md'), b);
  assert.equal(index.document('file:///ws/C.md'), c);
  assert.deepEqual(index.anchorsOf('B'), anchorsOfBBefore);
  assert.deepEqual(index.linksTo('C'), []);
  assert.deepEqual(index.linksTo('B').map(({ uri }) => uri), ['file:///ws/A.md', 'file:///ws/C.md']);
  assert.equal(index.isDefined('details'), false);
  assert.equal(index.isDefined('more'), true);
});

test('an edit that keeps every definition and link target reports no changed id and affects only the edited document', () => {
  const index = indexOf(a, b, c);
  const change = index.update(documentOf('file:///ws/A.md', ['#A', 'details'], ['C', 'B']));
  assert.deepEqual(change, { changedIds: new Set(), affectedUris: new Set(['file:///ws/A.md']) });
});

test('an edit that drops or adds a link affects the documents defining its target as an entry (their inbound links changed)', () => {
  const index = indexOf(a, asEntry(b), c);
  const dropped = index.update(documentOf('file:///ws/A.md', ['#A', 'details'], ['C']));
  assert.deepEqual(dropped, { changedIds: new Set(), affectedUris: new Set(['file:///ws/A.md', 'file:///ws/B.md']) });
  const added = index.update(documentOf('file:///ws/A.md', ['#A', 'details'], ['C', 'B', 'Gone']));
  assert.deepEqual(added.affectedUris, new Set(['file:///ws/A.md', 'file:///ws/B.md']));
});

test('a document gaining .index headings becomes the index page and affects every document; a configured page wins', () => {
  const index = indexOf(asEntry(a), b, c);
  assert.equal(index.indexPageUri(), undefined);
  const page = documentOf('file:///ws/index.txt', [], ['A']);
  const withSections = { ...page, headings: [{ ...heading('a', false, 0), classes: ['index'] }] };
  const change = index.update(withSections);
  assert.equal(index.indexPageUri(), 'file:///ws/index.txt');
  assert.deepEqual(change.affectedUris, new Set(['file:///ws/A.md', 'file:///ws/B.md', 'file:///ws/C.md', 'file:///ws/index.txt']));
  assert.deepEqual(index.update({ ...withSections, links: [] }).affectedUris, new Set(['file:///ws/index.txt', 'file:///ws/A.md']), 'a link less: its target');
  index.useIndexPage('file:///ws/C.md');
  assert.equal(index.indexPageUri(), 'file:///ws/C.md');
  index.useIndexPage('file:///ws/missing.txt');
  assert.equal(index.indexPageUri(), 'file:///ws/index.txt', 'a configured page that is not indexed gives way');
});

test('creating or deleting the configured index page affects every document, .index sections or not', () => {
  const index = indexOf(asEntry(a), asEntry(b), asEntry(c));
  index.useIndexPage('file:///ws/index.txt');
  const created = index.update(documentOf('file:///ws/index.txt', [], ['A']));
  assert.equal(index.indexPageUri(), 'file:///ws/index.txt');
  assert.deepEqual(created.affectedUris, new Set(['file:///ws/A.md', 'file:///ws/B.md', 'file:///ws/C.md', 'file:///ws/index.txt']));
  const deleted = index.remove('file:///ws/index.txt');
  assert.equal(index.indexPageUri(), undefined);
  assert.deepEqual(deleted.affectedUris, new Set(['file:///ws/A.md', 'file:///ws/B.md', 'file:///ws/C.md']));
});

test('an id that appears reports the documents linking to it', () => {
  const index = indexOf(a, b, c);
  const versionBefore = index.definitionsVersion;
  const change = index.update(documentOf('file:///ws/Gone.md', ['#Gone'], []));
  assert.deepEqual(change, { changedIds: new Set(['Gone']), affectedUris: new Set(['file:///ws/Gone.md', 'file:///ws/B.md']) });
  assert.notEqual(index.definitionsVersion, versionBefore);
});

test('an id that disappears reports the documents linking to it, without the removed document', () => {
  const index = indexOf(a, b, c);
  const change = index.remove('file:///ws/A.md');
  assert.deepEqual(change, { changedIds: new Set(['A', 'details']), affectedUris: new Set(['file:///ws/B.md', 'file:///ws/C.md']) });
  assert.equal(index.document('file:///ws/A.md'), undefined);
  assert.equal(index.isDefined('A'), false);
  assert.deepEqual(index.linksTo('B').map(({ uri }) => uri), ['file:///ws/C.md']);
});

test('a second definition of an id reports the first definer too (it becomes a duplicate)', () => {
  const index = indexOf(a, b, c);
  const change = index.update(documentOf('file:///ws/D.md', ['#C'], []));
  assert.deepEqual(change, {
    changedIds: new Set(['C']),
    affectedUris: new Set(['file:///ws/D.md', 'file:///ws/A.md', 'file:///ws/C.md']),
  });
  assert.deepEqual(index.anchorsOf('C').map(({ uri }) => uri), ['file:///ws/C.md', 'file:///ws/D.md']);
});

test('another definition of an automatic id affects the documents defining it explicitly, not those with the automatic id too', () => {
  const index = indexOf(a, b, c, documentOf('file:///ws/D.md', ['#D', 'details'], []), documentOf('file:///ws/E.md', ['#details'], []));
  const change = index.update(documentOf('file:///ws/F.md', ['#F', 'details'], []));
  assert.deepEqual(change.changedIds, new Set(['details', 'F']));
  assert.deepEqual(change.affectedUris, new Set(['file:///ws/F.md', 'file:///ws/E.md']));
});

test('an id turning from automatic to explicit counts as changed', () => {
  const index = indexOf(a, b, c);
  const change = index.update(documentOf('file:///ws/A.md', ['#A', '#details'], ['B', 'C']));
  assert.deepEqual(change.changedIds, new Set(['details']));
});

test('a heading that keeps its id but changes its text affects the broken links close to the id (their messages tell where it leads)', () => {
  const project = documentOf('file:///ws/README.md', ['#details'], []);
  const index = indexOf(project, documentOf('file:///ws/L.md', [], ['Detail']), b);
  const relabelled = { ...project, anchors: project.anchors.map((anchor) => ({ ...anchor, label: 'Vorhaben' })) };
  assert.deepEqual(index.update(relabelled), { changedIds: new Set(), affectedUris: new Set(['file:///ws/README.md', 'file:///ws/L.md']) });
  assert.deepEqual(index.update(relabelled).affectedUris, new Set(['file:///ws/README.md']), 'the same text again');
});

test('a heading that keeps its id but becomes an entry\'s, or ceases to be one, affects the broken links close to the id (their messages tell where a section\'s leads)', () => {
  const notes = documentOf('file:///ws/notes.md', ['#details'], []);
  // Another entry first: the glossary's first entry would affect every file.
  const index = indexOf(notes, documentOf('file:///ws/L.md', [], ['Detail']), asEntry(b));
  const entry = asEntry(notes);
  // A title that names no broken link: only the id's closeness ties the link to it.
  const asNote = { ...entry, entries: entry.entries.map((held) => ({ ...held, title: 'Notiz' })) };
  assert.deepEqual(index.update(asNote), { changedIds: new Set(), affectedUris: new Set(['file:///ws/notes.md', 'file:///ws/L.md']) });
  assert.deepEqual(index.update(notes).affectedUris, new Set(['file:///ws/notes.md', 'file:///ws/L.md']), 'an entry no more');
});

test('a heading that keeps its id and text but changes between level 2 and 3 affects the broken links close to the id (a heading or a section, their messages say)', () => {
  const parsed = (uri: string, lines: readonly string[]) => parseGlossaryDocument(lines.join('\n'), uri, 1, defaultParseOptions);
  const index = indexOf(parsed('file:///ws/A.md', ['### Details {#details}']), parsed('file:///ws/L.md', ['[d](#detail)']), asEntry(b));
  assert.deepEqual(index.update(parsed('file:///ws/A.md', ['## Details {#details}'])).affectedUris, new Set(['file:///ws/A.md', 'file:///ws/L.md']));
  assert.deepEqual(index.update(parsed('file:///ws/A.md', ['## Details {#details}', '', 'Text.'])).affectedUris, new Set(['file:///ws/A.md']), 'the same level');
});

test('another definition of the id of an entry not named as its file, coming or going, affects the broken links to the file\'s name (whether renaming the entry would take them)', () => {
  const entry = asEntry(documentOf('file:///ws/Large-Language-Model.md', ['#LLM'], []));
  const linking = documentOf('file:///ws/Other.md', [], ['Large-Language-Model']);
  const index = indexOf(entry, linking, asEntry(b));
  const span = { ...documentOf('file:///ws/Third.md', ['#LLM'], []), headings: [] };
  assert.deepEqual(index.update(span).affectedUris, new Set(['file:///ws/Third.md', 'file:///ws/Large-Language-Model.md', 'file:///ws/Other.md']));
  assert.deepEqual(index.remove('file:///ws/Third.md').affectedUris, new Set(['file:///ws/Large-Language-Model.md', 'file:///ws/Other.md']));
});

test('a file named after a broken link\'s id that comes, goes or holds another entry affects that link (its message tells which entry the file holds)', () => {
  const linking = documentOf('file:///ws/L.md', [], ['Claude']);
  const copy = asEntry(documentOf('file:///ws/Claude.md', ['#CNN'], []));
  // Another entry first: the glossary's first entry would affect every file.
  const index = indexOf(linking, asEntry(b));
  assert.deepEqual(index.update(copy).affectedUris, new Set(['file:///ws/Claude.md', 'file:///ws/L.md']), 'created');
  const retitled = { ...copy, entries: copy.entries.map((entry) => ({ ...entry, title: 'Convolutional Neural Network' })) };
  assert.deepEqual(index.update(retitled).affectedUris, new Set(['file:///ws/Claude.md', 'file:///ws/L.md']), 'another title');
  assert.deepEqual(index.update({ ...retitled, version: 2 }).affectedUris, new Set(['file:///ws/Claude.md']), 'the same entry');
  assert.deepEqual(index.remove('file:///ws/Claude.md').affectedUris, new Set(['file:///ws/L.md']), 'deleted');
});

test('removing an unknown document changes nothing', () => {
  const index = indexOf(a);
  assert.deepEqual(index.remove('file:///ws/none.md'), { changedIds: new Set(), affectedUris: new Set() });
});

test('documents are listed in the order they were first added', () => {
  const index = indexOf(b, a);
  index.update(documentOf('file:///ws/B.md', ['#B'], []));
  assert.deepEqual([...index.documents()].map((document) => document.uri), ['file:///ws/B.md', 'file:///ws/A.md']);
});

test('folderOfMostEntries names the folder whose documents hold the most entries', () => {
  const withEntries = (uri: string, count: number): GlossaryDocument => ({
    ...documentOf(uri, [], []),
    // Real entries: the index reads their names (the terms of unlinked mentions).
    entries: Array.from({ length: count }, (_, k) => parseGlossaryDocument(`## T${k} {#T${k} .term}`, uri, 0, defaultParseOptions).entries[0]!),
  });
  const index = indexOf(withEntries('file:///ws/a.md', 1), withEntries('file:///ws/src/b.md', 1), withEntries('file:///ws/src/c.md', 1));
  assert.equal(index.folderOfMostEntries(), 'file:///ws/src');
  assert.equal(new WorkspaceIndex().folderOfMostEntries(), undefined);
});

test('typing in a section heading costs as much in a workspace 20 times larger (affected files, closest ids)', () => {
  // Each file defines an entry id and the automatic id of a section heading, and links to an id
  // defined nowhere (random ids, as unlike each other as real ones); the edited file's heading id
  // changes on every keystroke.
  const random = seededRandom(3);
  const randomId = (): string => Array.from({ length: 12 }, () => String.fromCharCode(97 + Math.floor(random() * 26))).join('');
  const workspace = (files: number): WorkspaceIndex => {
    const index = new WorkspaceIndex();
    for (let k = 0; k < files; k++) {
      index.update(documentOf(`file:///ws/E${k}.md`, [k === 0 ? '#Entry-number-0' : `#${randomId()}`, 'grundprinzipien'], [k === 0 ? 'Missing-entry-0' : randomId()]));
    }
    return index;
  };
  // A scaling check, not a speed check: processor time (which another process on the machine does
  // not add to), the best of five rounds of 1,000 keystrokes (rounds of 100, a few milliseconds,
  // measured noise as much as work), at 500 and at 10,000 files in the same run. Work that grows
  // with the workspace would take about 20 times as long; it takes about 3 (larger maps, caches); 5
  // leaves room for a busy machine.
  const keystrokes = (index: WorkspaceIndex): number => {
    let best = Infinity;
    for (let round = 0; round < 5; round++) {
      const start = process.cpuUsage();
      for (let stroke = 0; stroke < 1000; stroke++) {
        const heading = stroke % 2 === 0 ? 'grundprinzipiex' : 'grundprinzipien';
        const change = index.update(documentOf('file:///ws/E0.md', ['#Entry-number-0', heading], ['Missing-entry-0']));
        assert.equal(change.affectedUris.size, 1);
        findClosestIds('Missing-entry-0', index);
      }
      const { user, system } = process.cpuUsage(start);
      best = Math.min(best, user + system);
    }
    return best;
  };
  const small = workspace(500);
  const large = workspace(10_000);
  keystrokes(small);
  keystrokes(large);
  const ratio = keystrokes(large) / keystrokes(small);
  assert.ok(ratio < 5, `20x the files, ${ratio.toFixed(1)}x the time per keystroke`);
});

test('entryIdsNamed: the entries a name names by title, endings and abbreviations allowed, each id once, by URI then id; reordering a file changes neither them nor other files', () => {
  const parse = (name: string, lines: readonly string[], version = 1) => parseGlossaryDocument(lines.join('\n'), `file:///ws/${name}`, version);
  const agents = ['## Agent {#A2 .term}', '', 'Text.', '', '## Agenten {#A1 .term}', '', 'Text.'];
  const swapped = [...agents.slice(4), '', ...agents.slice(0, 3)];
  const index = indexOf(
    parse('Z.md', agents),
    parse('B.md', ['## Agents (AG) {#A3 .term}', '', 'Text.', '', '## Agent {#A1 .term}', '', 'Kopie.']),
    parse('Empty.md', ['## {#Empty .term}', '', 'Text.']),
    parse('L.md', ['[Agent](#Zzzzzz), [s](#Qqq).']),
  );
  assert.deepEqual(index.entryIdsNamed('Agent'), ['A1', 'A3', 'A2']);
  assert.deepEqual(index.entryIdsNamed('agenten'), ['A1', 'A3', 'A2']);
  assert.deepEqual(index.entryIdsNamed('AG'), ['A3']);
  assert.deepEqual(index.entryIdsNamed('Agent', 2), ['A1', 'A3']);
  // A heading without text names nothing.
  assert.deepEqual([index.entryIdsNamed('s'), index.entryIdsNamed('')], [[], []]);
  const change = index.update(parse('Z.md', swapped, 2));
  // B.md defines A1 too: its duplicate-anchor points at the heading that moved. L.md reads nothing new.
  assert.deepEqual([...change.affectedUris].sort(), ['file:///ws/B.md', 'file:///ws/Z.md']);
  assert.deepEqual(index.entryIdsNamed('Agent'), ['A1', 'A3', 'A2']);
  // Retitled: the file with the broken link naming it is affected, and B.md, whose second entry
  // "Agent" multiple-entries may say another file holds too; not Empty.md.
  const retitled = index.update(parse('Z.md', swapped.map((line) => line.replace('## Agent {', '## Makler {')), 3));
  assert.deepEqual([...retitled.affectedUris].sort(), ['file:///ws/B.md', 'file:///ws/L.md', 'file:///ws/Z.md']);
  // Retitled in case alone, the same name: B.md, whose message quotes the title, is affected; L.md reads nothing new.
  const recased = index.update(parse('Z.md', swapped.map((line) => line.replace('## Agent {', '## Makler {').replace('## Agenten {', '## agenten {')), 4));
  assert.deepEqual([...recased.affectedUris].sort(), ['file:///ws/B.md', 'file:///ws/Z.md']);
  assert.deepEqual(index.entriesNamed('Agenten').map(({ uri, entry }) => `${uri} ${entry.title}`), ['file:///ws/B.md Agent', 'file:///ws/B.md Agents (AG)', 'file:///ws/Z.md agenten']);
});
