// Bundles the TypeScript sources with esbuild. Each entry of `bundles` is one output file: the
// language server with the command line, and the VS Code client. `--minify` is for the .vsix.
import { build } from 'esbuild';
import { chmod, readFile, writeFile } from 'node:fs/promises';

const minify = process.argv.includes('--minify');

const common = {
  bundle: true,
  minify,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
};

const bundles = [
  {
    entryPoints: ['server/src/main.ts'],
    outfile: 'dist/glossary.js',
    // jsonc-parser's main build is UMD, whose require calls of its own files esbuild cannot follow.
    alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
    banner: { js: '#!/usr/bin/env node' },
    executable: true,
  },
  {
    entryPoints: ['client/src/extension.ts'],
    outfile: 'dist/client.js',
    external: ['vscode'],
  },
];

for (const { executable, ...options } of bundles) {
  await build({ ...common, ...options });
  if (executable) {
    await chmod(options.outfile, 0o755);
  }
}

// The JSON schema of `.glossary.json`, made from the editor settings the manifest declares (the
// file takes the same settings without the `glossary.` prefix), with the English descriptions.
// VS Code validates the file and completes its keys with it (`jsonValidation` in package.json).
const manifest = JSON.parse(await readFile('package.json', 'utf8'));
const descriptions = JSON.parse(await readFile('package.nls.json', 'utf8'));
const described = (value) =>
  typeof value === 'string' ? value.replace(/^%(.+)%$/, (_, key) => descriptions[key] ?? key) : Array.isArray(value) ? value.map(described) : value !== null && typeof value === 'object' ? Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, described(inner)])) : value;
const fileSettings = Object.entries(manifest.contributes.configuration.properties).filter(([key]) => !key.startsWith('glossary.trace.'));
const schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  title: '.glossary.json',
  description: 'Settings of a Pandoc glossary, read by the editor and by `glossary check`. They win over the editor settings of the same name.',
  type: 'object',
  properties: {
    $schema: { type: 'string' },
    // `scope` tells VS Code where a setting may be set; it is no JSON schema keyword.
    ...Object.fromEntries(fileSettings.map(([key, { scope: _scope, ...setting }]) => [key.slice('glossary.'.length), described(setting)])),
  },
  additionalProperties: false,
};
// Inside the file itself, what it overrides goes without saying, and its paths start at its folder.
const forTheFile = (text) =>
  text
    .split(/(?<=\.)\s+/)
    .filter((sentence) => !sentence.includes('`.glossary.json`'))
    .join(' ')
    .replaceAll('relative to the workspace folder', 'relative to the folder of this file')
    .replaceAll('`.` is the workspace folder itself', '`.` is the folder of this file');
for (const setting of Object.values(schema.properties)) {
  // A path left empty is not set; the file may say so with null too, as it did before the editor settings were plain strings.
  if (setting.type === 'string' && setting.default === '') setting.type = ['string', 'null'];
  if (setting.markdownDescription !== undefined) setting.markdownDescription = forTheFile(setting.markdownDescription);
  // Other editors show `description`; VS Code prefers `markdownDescription`.
  if (setting.markdownDescription !== undefined && setting.description === undefined) setting.description = setting.markdownDescription;
}
await writeFile('dist/glossary.schema.json', `${JSON.stringify(schema, null, 2)}\n`);
