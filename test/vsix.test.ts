import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// Packages the extension as `npm run package` does (with the bundles that are in dist/ now) into
// a temporary .vsix and checks what a writer would install.
const repositoryRoot = path.resolve(__dirname, '..', '..');
const vsce = path.join(repositoryRoot, 'node_modules', '@vscode', 'vsce', 'vsce');

/** The options that `npm run package` gives `vsce package`. */
function vscePackageOptions(): string[] {
  const scripts = (JSON.parse(fs.readFileSync(path.join(repositoryRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const [, options] = scripts['package']!.split('vsce package');
  assert.ok(options !== undefined, 'npm run package does not call vsce package');
  return options.trim().split(/\s+/).filter((option) => option !== '');
}

/** The file names in a zip archive, read from its central directory. */
function zipEntryNames(archive: Buffer): string[] {
  const endOfDirectory = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(endOfDirectory >= 0, 'not a zip archive');
  const count = archive.readUInt16LE(endOfDirectory + 10);
  let offset = archive.readUInt32LE(endOfDirectory + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    assert.equal(archive.readUInt32LE(offset), 0x02014b50, 'damaged central directory');
    const nameLength = archive.readUInt16LE(offset + 28);
    const extraLength = archive.readUInt16LE(offset + 30);
    const commentLength = archive.readUInt16LE(offset + 32);
    names.push(archive.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

test('the .vsix holds the bundles, the settings schema, translations, grammars, snippets and icon, and no sources, tests or node_modules', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-vsix-'));
  try {
    const vsix = path.join(folder, 'pandoc-glossary.vsix');
    const result = spawnSync(process.execPath, [vsce, 'package', ...vscePackageOptions(), '--out', vsix], { cwd: repositoryRoot, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr + result.stdout);
    const files = zipEntryNames(fs.readFileSync(vsix)).filter((name) => name.startsWith('extension/')).map((name) => name.slice('extension/'.length));

    for (const expected of [
      'package.json',
      'package.nls.json',
      'package.nls.de.json',
      'dist/client.js',
      'dist/glossary.js',
      'dist/glossary.schema.json',
      'l10n/bundle.l10n.de.json',
      'syntaxes/pandoc-glossary.injection.tmLanguage.json',
      'syntaxes/pandoc-glossary.links.injection.tmLanguage.json',
      'snippets/glossary.code-snippets',
      'images/icon.png',
      'images/readme-hover.png',
      'LICENSE.txt',
      'readme.md',
      'changelog.md',
    ]) {
      assert.ok(files.includes(expected), `${expected} is missing from the .vsix: ${files.join(', ')}`);
    }
    const unwanted = files.filter((file) => /(^|\/)(src|test|node_modules|out|example)\//.test(file) || file.endsWith('.ts') || file.endsWith('.map'));
    assert.deepEqual(unwanted, []);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
