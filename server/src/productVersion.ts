import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The product's version, from its package.json: beside `dist/` in the built bundle and in the
 * installed extension, some folders further up in the compiled tests. Undefined if none is found.
 */
export function productVersion(): string | undefined {
  for (let folder = __dirname; ; folder = path.dirname(folder)) {
    try {
      const manifest = JSON.parse(fs.readFileSync(path.join(folder, 'package.json'), 'utf8')) as { name?: unknown; version?: unknown };
      if (manifest.name === 'pandoc-glossary' && typeof manifest.version === 'string') return manifest.version;
    } catch {
      // No manifest here, or not ours: go on up.
    }
    if (path.dirname(folder) === folder) return undefined;
  }
}
