// Bundles the TypeScript sources with esbuild. Each entry of `bundles` is one output file: the
// language server with the command line, and the VS Code client. `--minify` is for the .vsix.
import { build } from 'esbuild';
import { chmod } from 'node:fs/promises';

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
