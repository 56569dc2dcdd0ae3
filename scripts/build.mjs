// Bundles the TypeScript sources with esbuild. Each entry of `bundles` is one output file;
// the client and the language server bundles are added here when they exist.
import { build } from 'esbuild';
import { chmod } from 'node:fs/promises';

const common = {
  bundle: true,
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
];

for (const { executable, ...options } of bundles) {
  await build({ ...common, ...options });
  if (executable) {
    await chmod(options.outfile, 0o755);
  }
}
