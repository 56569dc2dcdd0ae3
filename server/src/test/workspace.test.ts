import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { InMemoryWorkspace } from '../workspace/inMemoryWorkspace';
import { NodeFileSystemWorkspace, toUri, writeFileWhole } from '../workspace/nodeWorkspace';
import { Workspace } from '../workspace/workspace';
import { GlossarySession } from '../session/glossarySession';
import { createFileMatcher, literalPath, literalPattern } from '../workspace/fileFilter';

const defaultFilter = { include: ['**/*.md'], exclude: [] };

function inMemory(): InMemoryWorkspace {
  return new InMemoryWorkspace({
    'file:///ws/b.md': 'b',
    'file:///ws/a.md': 'a',
    'file:///ws/notes.txt': 'txt',
    'file:///ws/sub/c.md': 'c',
    'file:///ws/drafts/d.md': 'd',
    'file:///ws/node_modules/pkg/readme.md': 'no',
    'file:///ws/.git/x.md': 'no',
    'file:///other/e.md': 'e',
  });
}

test('in memory: a folder lists its matching files sorted by path, skipping node_modules and .git, and its folders', async () => {
  const listing = await inMemory().listFiles('file:///ws', defaultFilter);
  assert.deepEqual(listing.uris, ['file:///ws/a.md', 'file:///ws/b.md', 'file:///ws/drafts/d.md', 'file:///ws/sub/c.md']);
  assert.deepEqual(listing.problems, []);
  assert.deepEqual([...listing.folders].sort(), ['file:///ws', 'file:///ws/drafts', 'file:///ws/sub']);
});

test('in memory: exclude patterns leave out whole folders; include patterns add other extensions', async () => {
  const listing = await inMemory().listFiles('file:///ws', { include: ['**/*.md', '**/*.txt'], exclude: ['drafts/**'] });
  assert.deepEqual(listing.uris, ['file:///ws/a.md', 'file:///ws/b.md', 'file:///ws/notes.txt', 'file:///ws/sub/c.md']);
});

test('an exclude pattern naming a folder leaves out the files in it, with or without a trailing slash, in a listing and one file at a time', async () => {
  for (const exclude of ['drafts', 'drafts/', 'drafts/**']) {
    const listing = await inMemory().listFiles('file:///ws', { include: ['**/*.md'], exclude: [exclude] });
    assert.deepEqual(listing.uris, ['file:///ws/a.md', 'file:///ws/b.md', 'file:///ws/sub/c.md'], exclude);
    const matcher = createFileMatcher({ include: ['**/*.md'], exclude: [exclude] }, 'file:///ws');
    assert.equal(matcher.includesFile('drafts/new.md'), false, exclude);
    assert.equal(matcher.includesFile('drafts.md'), true, exclude);
  }
});

test('a literal pattern names its path alone, and gives it back for showing', () => {
  // Each path beside one that the pattern, unescaped, would match too.
  const paths: [string, string | undefined][] = [['README.md', undefined], ['WRITING [rules].md', 'WRITING r.md'], ['notes*.md', 'notes-old.md'], ['x?.md', 'xy.md'], ['a/{b,c}/(d)!+@|.md', undefined], ['back\\slash.md', undefined]];
  for (const [path, alike] of paths) {
    const matcher = createFileMatcher({ include: ['**/*.md'], exclude: [literalPattern(path)] }, 'file:///ws');
    assert.equal(matcher.includesFile(path), false, path);
    if (alike !== undefined) assert.equal(matcher.includesFile(alike), true, alike);
    assert.equal(literalPath(literalPattern(path)), path);
  }
});

test('in memory: patterns are relative to the base folder when a subfolder is listed', async () => {
  const listing = await inMemory().listFiles('file:///ws/sub', { include: ['sub/*.md'], exclude: [], baseUri: 'file:///ws' });
  assert.deepEqual(listing.uris, ['file:///ws/sub/c.md']);
});

test('in memory: stat tells files, implicit folders and nothing apart', async () => {
  const workspace = inMemory();
  assert.equal(await workspace.stat('file:///ws/a.md'), 'file');
  assert.equal(await workspace.stat('file:///ws/sub'), 'directory');
  assert.equal(await workspace.stat('file:///ws/none.md'), undefined);
});

test('in memory: binary, invalid UTF-8, unreadable and missing files read as the disk would', async () => {
  const workspace = new InMemoryWorkspace({
    'file:///ws/binary.md': new Uint8Array([0x23, 0x00, 0x41]),
    'file:///ws/latin1.md': new Uint8Array([0x47, 0x72, 0xfc, 0xdf]),
    'file:///ws/locked.md': { unreadable: 'EACCES' },
  });
  assert.deepEqual(await workspace.readFile('file:///ws/binary.md'), {
    kind: 'failure',
    reason: 'binary',
    message: 'skipped: binary file (contains NUL bytes)',
  });
  assert.deepEqual(await workspace.readFile('file:///ws/latin1.md'), {
    kind: 'text',
    text: 'Gr\uFFFD\uFFFD',
    warning: 'invalid UTF-8; read with replacement characters (U+FFFD)',
  });
  assert.deepEqual(await workspace.readFile('file:///ws/locked.md'), {
    kind: 'failure',
    reason: 'unreadable',
    message: 'skipped: cannot read the file (EACCES)',
  });
  assert.deepEqual(await workspace.readFile('file:///ws/none.md'), {
    kind: 'failure',
    reason: 'notFound',
    message: 'skipped: file not found',
  });
});

/** Makes a temporary folder with the given files and runs the test on it. */
async function withTempFolder(files: Record<string, string | Uint8Array>, run: (root: string, workspace: Workspace) => Promise<void>): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-workspace-'));
  try {
    for (const [relative, content] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
      fs.writeFileSync(path.join(root, relative), content);
    }
    await run(root, new NodeFileSystemWorkspace());
  } finally {
    fs.chmodSync(root, 0o755);
    fs.rmSync(root, { recursive: true, force: true });
  }
}

test('file system: a folder lists its matching files sorted by path, skipping node_modules and .git, and the folders it read', async () => {
  await withTempFolder(
    { 'b.md': 'b', 'a.md': 'a', 'x.txt': 'x', 'sub/c.md': 'c', 'leer/notiz.txt': 'n', 'alt/d.md': 'd', 'node_modules/p/r.md': 'r', '.git/h.md': 'h' },
    async (root, workspace) => {
      const listing = await workspace.listFiles(toUri(root), { include: ['**/*.md'], exclude: ['alt'] });
      assert.deepEqual(listing.uris, ['a.md', 'b.md', 'sub/c.md'].map((name) => toUri(path.join(root, name))));
      assert.deepEqual([...listing.problems].sort((a, b) => a.uri.localeCompare(b.uri)), []);
      // A folder without a glossary file is listed too: a file may be made in it later.
      assert.deepEqual([...listing.folders].sort(), ['', 'leer', 'sub'].map((name) => toUri(path.join(root, name))).sort());
    },
  );
});

test('file system: a symbolic link loop ends the walk instead of hanging; a link named as a glossary file that leads nowhere is a problem', async () => {
  await withTempFolder({ 'sub/a.md': 'a' }, async (root, workspace) => {
    fs.symlinkSync(root, path.join(root, 'sub', 'loop'));
    fs.symlinkSync(path.join(root, 'missing'), path.join(root, 'dangling.md'));
    fs.symlinkSync('self.md', path.join(root, 'self.md'));
    const listing = await workspace.listFiles(toUri(root), defaultFilter);
    assert.deepEqual(listing.uris, [toUri(path.join(root, 'sub/a.md'))]);
    // A link named as a file of the glossary that leads nowhere is told of (a link to a folder, or named otherwise, is not).
    assert.deepEqual([...listing.problems].sort((a, b) => a.uri.localeCompare(b.uri)), [
      { uri: toUri(path.join(root, 'dangling.md')), message: `skipped: a symbolic link to ${path.join(root, 'missing')}, which does not exist` },
      { uri: toUri(path.join(root, 'self.md')), message: 'skipped: cannot read the file (ELOOP)' },
    ]);
    // Each is there, as what it is: nothing may be created in its place.
    const kinds = await Promise.all(['sub/a.md', 'sub', 'sub/loop', 'dangling.md', 'self.md', 'none.md'].map((name) => workspace.stat(toUri(path.join(root, name)))));
    assert.deepEqual(kinds, ['file', 'directory', 'directory', 'danglingLink', 'linkLoop', undefined]);
  });
});

test('file system: a folder reached through symbolic links too is listed under its own path, whatever order the folder gives; the links are told with where they lead', async () => {
  await withTempFolder({ 'de/A.md': 'a', 'de/sub/B.md': 'b' }, async (root, workspace) => {
    for (const name of ['aktuell', 'AA', 'zz']) fs.symlinkSync('de', path.join(root, name));
    const listing = await workspace.listFiles(toUri(root), defaultFilter);
    assert.deepEqual(listing.uris, ['de/A.md', 'de/sub/B.md'].map((name) => toUri(path.join(root, name))));
    assert.deepEqual(
      listing.links.map((link) => [path.basename(link.uri), link.realUri]).sort(),
      ['AA', 'aktuell', 'zz'].map((name) => [name, toUri(fs.realpathSync(path.join(root, 'de')))]),
    );
    // Named by the link's path, the files are listed there, once, and the link is no alias; a hidden folder too.
    for (const real of ['de', '.v3']) {
      if (real === '.v3') fs.renameSync(path.join(root, 'de'), path.join(root, '.v3'));
      fs.rmSync(path.join(root, 'aktuell'));
      fs.symlinkSync(real, path.join(root, 'aktuell'));
      const throughLink = await workspace.listFiles(toUri(root), { include: ['aktuell/**/*.md'], exclude: [] });
      assert.deepEqual(throughLink.uris, ['aktuell/A.md', 'aktuell/sub/B.md'].map((name) => toUri(path.join(root, name))), real);
    }
  });
});

test('file system: links that multiply the ways to a folder (two in each of a chain of folders, to the next) read each folder a few times, not once for each way', async () => {
  const chain = Object.fromEntries(Array.from({ length: 16 }, (_, k) => [`d${k}/T${k}.md`, 't']));
  await withTempFolder(chain, async (root, workspace) => {
    for (let k = 0; k < 15; k++) for (const name of ['a', 'b']) fs.symlinkSync(`../d${k + 1}`, path.join(root, `d${k}`, name));
    const listing = await workspace.listFiles(toUri(root), defaultFilter);
    assert.equal(listing.uris.length, 16);
    // The root, the 16 folders under their own paths, and each at most three times more through links (2^15 ways lead to the last).
    assert.ok(listing.folders.length <= 1 + 4 * 16, `${listing.folders.length} folders read`);
  });
});

test('file system: folders below which no include pattern takes in a file are not read, and their links use up no reads of the folder the patterns name', async () => {
  await withTempFolder({ 'de/A.md': 'a', 'assets/bild.md': 'b', 'C++/C.md': 'c' }, async (root, workspace) => {
    // Met before `aktuell` in the listing's order: each a read of `de` through a link, which alone would use up its reads.
    for (const name of ['a1', 'a2', 'a3']) fs.symlinkSync('de', path.join(root, name));
    fs.symlinkSync('de', path.join(root, 'aktuell'));
    const listing = await workspace.listFiles(toUri(root), { include: ['aktuell/**', 'C\\+\\+/*.md'], exclude: [] });
    assert.deepEqual(listing.uris, ['C++/C.md', 'aktuell/A.md'].map((name) => toUri(path.join(root, name))));
    assert.deepEqual(listing.folders, [root, path.join(root, 'C++'), path.join(root, 'aktuell')].map(toUri));
  });
  // A pattern that starts with a wildcard or a brace, or is negated, may take in a file anywhere.
  const matcher = (include: string[]) => createFileMatcher({ include, exclude: [] }, 'file:///ws');
  for (const include of [['**/*.md'], ['{de,en}/*.md'], ['!x/**'], ['*/A.md']]) assert.equal(matcher(include).skipsFolder('assets/bilder'), false, include.join());
  assert.deepEqual(['', 'de', 'de/alt', 'deutsch', 'assets'].map((folder) => matcher(['de/*.md']).skipsFolder(folder)), [false, false, false, true, true]);
  // Patterns based above the listed folder (its settings file's folder).
  assert.deepEqual(['', 'de', 'en'].map((folder) => createFileMatcher({ include: ['sub/de/**'], exclude: [], baseUri: 'file:///ws' }, 'file:///ws/sub').skipsFolder(folder)), [false, false, true]);
});

test('session: the folder of an index page named in the settings is watched, though no include pattern reaches it and the page is not made yet', async () => {
  await withTempFolder({ 'de/A.md': '## A {#A .chapter .small .term}\n', 'buch/Titel.md': '% Titel\n' }, async (root, workspace) => {
    fs.writeFileSync(path.join(root, '.glossary.json'), JSON.stringify({ include: ['de/**'], indexFile: 'buch/000-index.txt' }));
    const session = new GlossarySession(workspace, [toUri(root)]);
    await session.load(undefined, []);
    assert.deepEqual([...session.foldersOnDisk()].sort(), [root, path.join(root, 'buch'), path.join(root, 'de')].map(toUri).sort());
  });
});

test('session: a file of a folder also reached through a symbolic link is indexed once, under its own path, whatever path an event or the editor names', async () => {
  const entry = '## A {#A .chapter .small .term}\n\nText.\n\n### Siehe {.seealso}\n\n[Index](#Index) |\n\n----\n';
  await withTempFolder({ 'de/Index.md': '# Index {#Index}\n', 'de/A.md': entry }, async (root, workspace) => {
    fs.symlinkSync('de', path.join(root, 'aktuell'));
    const session = new GlossarySession(workspace, [toUri(root)]);
    await session.load(undefined, []);
    const indexed = (): string[] => [...session.index.documents()].map((document) => document.uri).sort();
    assert.deepEqual(indexed(), ['de/A.md', 'de/Index.md'].map((name) => toUri(path.join(root, name))));
    fs.appendFileSync(path.join(root, 'de', 'A.md'), '\n');
    // As a watcher reports the write, and as a writer opening the file through the link names it.
    for (const folder of ['de', 'aktuell']) await session.refreshFromDisk(toUri(path.join(root, folder, 'A.md')));
    session.updateOpen({ uri: toUri(path.join(root, 'aktuell', 'A.md')), version: 1, text: entry });
    assert.equal(indexed().length, 2);
    assert.deepEqual(session.diagnosticsOf(toUri(path.join(root, 'de', 'A.md'))).filter((diagnostic) => diagnostic.code === 'duplicate-anchor'), []);
    // A link made while the server runs, reported as a folder created, brings no copy either.
    fs.symlinkSync('de', path.join(root, 'neu'));
    assert.deepEqual(await session.addFolder(toUri(path.join(root, 'neu'))), []);
    await session.refreshFromDisk(toUri(path.join(root, 'neu', 'A.md')));
    assert.equal(indexed().length, 2);
  });
});

test('session: a workspace folder opened through a symbolic link (as macOS opens /tmp), with a link in it made later: no file is read twice', async () => {
  const entry = '## A {#A .chapter .small .term}\n\nText.\n';
  await withTempFolder({ 'real/de/Index.md': '# Index {#Index}\n', 'real/de/A.md': entry }, async (root, workspace) => {
    fs.symlinkSync('real', path.join(root, 'opened'));
    const folder = path.join(root, 'opened');
    const session = new GlossarySession(workspace, [toUri(folder)]);
    await session.load(undefined, []);
    fs.symlinkSync('de', path.join(folder, 'neu'));
    assert.deepEqual(await session.addFolder(toUri(path.join(folder, 'neu'))), []);
    assert.deepEqual([...session.index.documents()].map((document) => path.relative(folder, new URL(document.uri).pathname)).sort(), ['de/A.md', 'de/Index.md']);
  });
});

/** Every path to a file below a folder, symbolic links followed (a few levels deep: links in a circle give endless paths). */
function pathsBelow(folder: string, depth = 6): string[] {
  if (depth === 0) return [];
  return fs.readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    const stat = fs.statSync(full, { throwIfNoEntry: false });
    return stat?.isDirectory() ? pathsBelow(full, depth - 1) : stat?.isFile() ? [full] : [];
  });
}

test('session: whatever name an event gives a file reached through symbolic links, it belongs to the glossary under the name the listing read it by, and under no other', async () => {
  // Each layout: the workspace folders, files (with `->` a symbolic link to a folder, relative to where it stands) and the include patterns.
  const layouts: { readonly name: string; readonly folders: string[]; readonly entries: Record<string, string>; readonly include?: string[] }[] = [
    { name: 'a link inside a linked outside folder', folders: ['w'], entries: { 'o/A.md': '', 'o2/X.md': '', 'o/inner': '-> ../o2', 'w/x': '-> ../o', 'w/y': '-> ../o2' } },
    { name: 'links to a hidden folder and to its subfolder', folders: ['w'], entries: { 'w/.d/sub/F.md': '', 'w/x': '-> .d', 'w/y': '-> .d/sub' } },
    { name: 'a link only the patterns name, through another', folders: ['w'], include: ['aktuell/**/*.md', 'en/**/*.md'], entries: { 'w/en/X.md': '', 'w/de/A.md': '', 'w/de/inner': '-> ../en', 'w/aktuell': '-> de' } },
    { name: 'two links, each path taken in at another depth', folders: ['w'], include: ['x/sub/*.md', 'y/*.md'], entries: { 'w/d/A.md': '', 'w/d/sub/B.md': '', 'w/x': '-> d', 'w/y': '-> d' } },
    { name: 'a link into another workspace folder', folders: ['one', 'two'], entries: { 'two/de/A.md': '', 'one/B.md': '', 'one/aktuell': '-> ../two/de' } },
  ];
  for (const layout of layouts) {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-links-'));
    try {
      for (const [relative, content] of Object.entries(layout.entries)) {
        fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
        if (content.startsWith('-> ')) fs.symlinkSync(content.slice(3), path.join(root, relative));
        else fs.writeFileSync(path.join(root, relative), `## ${path.basename(relative, '.md')} {#${path.basename(relative, '.md')} .chapter .small .term}\n`);
      }
      const folders = layout.folders.map((folder) => toUri(path.join(root, folder)));
      const session = new GlossarySession(new NodeFileSystemWorkspace(), folders);
      await session.load(layout.include && { include: layout.include }, []);
      const indexed = [...session.index.documents()].map((document) => document.uri).sort();
      const named = layout.folders.flatMap((folder) => pathsBelow(path.join(root, folder))).map(toUri).filter((uri) => session.isGlossaryFile(uri));
      assert.deepEqual([...new Set(named)].sort(), indexed, layout.name);
      // One file for each real place.
      assert.equal(new Set(indexed.map((uri) => fs.realpathSync(new URL(uri).pathname))).size, indexed.length, layout.name);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  }
});

test('session: a file made later in a folder that only a symbolic link\'s path takes in (a hidden folder) belongs to the glossary under the link\'s path', async () => {
  await withTempFolder({ 'Index.md': '# Index {#Index}\n', '.v3/leer.txt': '' }, async (root, workspace) => {
    fs.symlinkSync('.v3', path.join(root, 'aktuell'));
    const session = new GlossarySession(workspace, [toUri(root)]);
    await session.load(undefined, []);
    fs.writeFileSync(path.join(root, '.v3', 'N.md'), '## N {#N .chapter .small .term}\n');
    assert.equal(session.isGlossaryFile(toUri(path.join(root, '.v3', 'N.md'))), false);
    assert.equal(session.isGlossaryFile(toUri(path.join(root, 'aktuell', 'N.md'))), true);
    await session.refreshFromDisk(toUri(path.join(root, 'aktuell', 'N.md')));
    assert.ok(session.index.isDefined('N'));
  });
});

test('session: an index page named in the settings through a symbolic link to the entries\' folder is read again when it changes', async () => {
  await withTempFolder({ 'de/Index.txt': '# Index {#Index}\n', 'de/A.md': '## A {#A .chapter .small .term}\n' }, async (root, workspace) => {
    fs.symlinkSync('de', path.join(root, 'aktuell'));
    fs.writeFileSync(path.join(root, '.glossary.json'), JSON.stringify({ indexFile: 'aktuell/Index.txt' }));
    const session = new GlossarySession(workspace, [toUri(root)]);
    await session.load(undefined, []);
    const page = toUri(path.join(root, 'aktuell', 'Index.txt'));
    assert.equal(session.index.indexPageUri(), page);
    fs.appendFileSync(path.join(root, 'de', 'Index.txt'), '\n[A](#A)\n');
    await session.refreshFromDisk(page);
    assert.deepEqual(session.index.document(page)?.links.map((link) => link.target), ['A']);
  });
});

test('file system: binary files are skipped, invalid UTF-8 is replaced with a warning, a BOM is dropped', async () => {
  await withTempFolder(
    {
      'binary.md': new Uint8Array([0x23, 0x20, 0x00, 0x01]),
      'latin1.md': new Uint8Array([0x47, 0x72, 0xfc, 0xdf, 0x0a]),
      'bom.md': new Uint8Array([0xef, 0xbb, 0xbf, 0x23, 0x20, 0x41]),
    },
    async (root, workspace) => {
      const read = (name: string) => workspace.readFile(toUri(path.join(root, name)));
      assert.deepEqual(await read('binary.md'), { kind: 'failure', reason: 'binary', message: 'skipped: binary file (contains NUL bytes)' });
      assert.deepEqual(await read('latin1.md'), {
        kind: 'text',
        text: 'Gr\uFFFD\uFFFD\n',
        warning: 'invalid UTF-8; read with replacement characters (U+FFFD)',
      });
      assert.deepEqual(await read('bom.md'), { kind: 'text', text: '# A', warning: undefined });
      assert.deepEqual(await read('none.md'), { kind: 'failure', reason: 'notFound', message: 'skipped: file not found' });
    },
  );
});

/**
 * The standard output of a script of this module's folder run by a user that the permissions stop:
 * root reads and writes every file, so as root the child process runs as `nobody`.
 */
function runUnprivileged(script: string): string {
  const becomeNobody = process.getuid?.() === 0 ? 'process.setgid(65534); process.setuid(65534);' : '';
  const child = spawnSync(process.execPath, ['-e', `${becomeNobody}\n${script}`], { encoding: 'utf8' });
  assert.equal(child.status, 0, child.stderr);
  return child.stdout;
}

/** What the workspace reports for `locked.md` and the folder listing of `root`, read by a user that the permissions stop. */
function readAsUnprivileged(root: string): { readonly locked: unknown; readonly problems: unknown } {
  fs.chmodSync(root, 0o755);
  const output = runUnprivileged(`
    const { NodeFileSystemWorkspace, toUri } = require(${JSON.stringify(require.resolve('../workspace/nodeWorkspace'))});
    const workspace = new NodeFileSystemWorkspace();
    const root = ${JSON.stringify(root)};
    (async () => {
      const locked = await workspace.readFile(toUri(require('node:path').join(root, 'locked.md')));
      const { problems } = await workspace.listFiles(toUri(root), ${JSON.stringify(defaultFilter)});
      process.stdout.write(JSON.stringify({ locked, problems }));
    })();`);
  return JSON.parse(output) as { locked: unknown; problems: unknown };
}

test('file system: a file is written whole, and one that may not be written is not replaced, though its folder would let it be', async () => {
  await withTempFolder({ 'settings.json': 'old' }, async (root) => {
    const file = path.join(root, 'settings.json');
    writeFileWhole(file, 'new');
    assert.equal(fs.readFileSync(file, 'utf8'), 'new');
    fs.chmodSync(file, 0o444);
    fs.chmodSync(root, 0o777);
    const code = runUnprivileged(`
      try {
        require(${JSON.stringify(require.resolve('../workspace/nodeWorkspace'))}).writeFileWhole(${JSON.stringify(file)}, 'newer');
        process.stdout.write('written');
      } catch (error) {
        process.stdout.write(error.code);
      }`);
    assert.equal(code, 'EACCES');
    assert.equal(fs.readFileSync(file, 'utf8'), 'new');
    assert.deepEqual(fs.readdirSync(root), ['settings.json'], 'no file is left beside it');
  });
});

test('file system: a file written whole keeps its other names (hard links), its permissions and its owner', async () => {
  await withTempFolder({ 'settings.json': 'old' }, async (root) => {
    const file = path.join(root, 'settings.json');
    const other = path.join(root, 'other-name.json');
    fs.linkSync(file, other);
    writeFileWhole(file, 'new');
    assert.equal(fs.readFileSync(other, 'utf8'), 'new', 'the other name reads the new text');
    fs.unlinkSync(other);
    fs.chmodSync(file, 0o640);
    // Root may give a file any owner: one of another owner keeps it (another user writes it in place, as it cannot give one).
    const owner = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : { uid: fs.statSync(file).uid, gid: fs.statSync(file).gid };
    fs.chownSync(file, owner.uid, owner.gid);
    writeFileWhole(file, 'newer');
    const stats = fs.statSync(file);
    assert.deepEqual({ text: fs.readFileSync(file, 'utf8'), mode: stats.mode & 0o777, uid: stats.uid, gid: stats.gid }, { text: 'newer', mode: 0o640, ...owner });
    assert.deepEqual(fs.readdirSync(root), ['settings.json']);
  });
});

test('file system: unreadable files and folders are reported, not thrown', async () => {
  await withTempFolder({ 'locked.md': 'x', 'closed/a.md': 'a' }, async (root) => {
    fs.chmodSync(path.join(root, 'locked.md'), 0o000);
    fs.chmodSync(path.join(root, 'closed'), 0o000);
    const { locked, problems } = readAsUnprivileged(root);
    assert.deepEqual(locked, { kind: 'failure', reason: 'unreadable', message: 'skipped: cannot read the file (EACCES)' });
    assert.deepEqual(problems, [{ uri: toUri(path.join(root, 'closed')), message: 'skipped: cannot read the folder (EACCES)' }]);
    fs.chmodSync(path.join(root, 'closed'), 0o755);
  });
});

test('file system: reading a folder as a file is an unreadable file', async () => {
  await withTempFolder({ 'sub/a.md': 'a' }, async (root, workspace) => {
    assert.deepEqual(await workspace.readFile(toUri(path.join(root, 'sub'))), {
      kind: 'failure',
      reason: 'unreadable',
      message: 'skipped: cannot read the file (EISDIR)',
    });
  });
});

test('file system: a file is replaced only while it holds the text expected, and keeps its byte order mark', async () => {
  await withTempFolder({ 'with-bom.json': '\uFEFF{\r\n    "a": 1\r\n}\r\n', 'without.json': '{}\n' }, async (root) => {
    const workspace = new NodeFileSystemWorkspace();
    const uri = (name: string): string => toUri(path.join(root, name));
    const bytes = (name: string): string => fs.readFileSync(path.join(root, name)).toString('hex');
    assert.equal(await workspace.replaceFile(uri('with-bom.json'), '{}', '{ "b": 2 }'), 'the file changed meanwhile');
    assert.equal(await workspace.replaceFile(uri('with-bom.json'), '{\r\n    "a": 1\r\n}\r\n', '{\r\n    "a": 2\r\n}\r\n'), undefined);
    assert.equal(bytes('with-bom.json'), Buffer.from('\uFEFF{\r\n    "a": 2\r\n}\r\n', 'utf8').toString('hex'));
    assert.equal(await workspace.replaceFile(uri('without.json'), '{}\n', '{ "b": 2 }\n'), undefined);
    assert.equal(fs.readFileSync(path.join(root, 'without.json'), 'utf8'), '{ "b": 2 }\n');
    assert.equal(await workspace.replaceFile(uri('gone.json'), '{}', '{}'), 'the file changed meanwhile');
  });
});

test('file system: a new file is written in UTF-8, and one that exists is left as it is', async () => {
  await withTempFolder({ 'old.md': 'old' }, async (root) => {
    const workspace = new NodeFileSystemWorkspace();
    assert.equal(await workspace.createFile(toUri(path.join(root, 'Ärger.md')), '## Ärger'), undefined);
    assert.equal(fs.readFileSync(path.join(root, 'Ärger.md'), 'utf8'), '## Ärger');
    assert.equal(await workspace.createFile(toUri(path.join(root, 'old.md')), 'new'), 'the file exists already');
    assert.equal(fs.readFileSync(path.join(root, 'old.md'), 'utf8'), 'old');
    assert.equal(await workspace.createFile(toUri(path.join(root, 'missing', 'x.md')), 'x'), 'its folder does not exist');
    // A folder that is there but takes no new files answers ENOENT too (Linux's /proc, for root as well).
    if (process.platform === 'linux') assert.equal(await workspace.createFile(toUri('/proc/glossary-test.md'), 'x'), 'its folder takes no new files');
  });
});
