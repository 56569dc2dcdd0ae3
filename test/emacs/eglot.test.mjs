// The glossary language server under Emacs's eglot (Debian's emacs-nox and elpa-eglot), configured
// as the README says: the diagnostics flymake shows and go-to-definition across files, on a copy of
// the example glossary. Builds nothing: `npm run build` makes dist/glossary.js.
//
//   npm run build && node --test --test-reporter=spec test/emacs/
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

const REPO = path.resolve(import.meta.dirname, '..', '..');

test('eglot shows the glossary\'s diagnostics and goes from a link to the entry in another file', { timeout: 120_000 }, () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-eglot-'));
  try {
    fs.cpSync(path.join(REPO, 'example', 'glossary'), root, { recursive: true });
    // project.el finds the glossary by version control (Emacs 28 knows no other root marker).
    execFileSync('git', ['init', '-q', root]);
    const result = path.join(root, 'result.json');
    const run = spawnSync('emacs', ['--batch', '--no-init-file', '-l', path.join(REPO, 'test', 'emacs', 'eglot-check.el')], {
      encoding: 'utf8',
      timeout: 100_000,
      env: {
        ...process.env,
        GLOSSARY_SERVER: path.join(REPO, 'dist', 'glossary.js'),
        GLOSSARY_FILE: path.join(root, 'Transformer.md'),
        GLOSSARY_LINK: '[Large Language Model](#',
        GLOSSARY_RESULT: result,
        HOME: root,
      },
    });
    assert.equal(run.status, 0, `emacs failed: ${run.stderr.slice(-3000)}`);
    const { diagnostics, definitions } = JSON.parse(fs.readFileSync(result, 'utf8'));
    // What `glossary check` reports for the file, as eglot hands it to flymake.
    const broken = diagnostics.find((diagnostic) => /Tokeniser/.test(diagnostic.text));
    assert.ok(broken, JSON.stringify(diagnostics));
    assert.equal(broken.line, 11);
    assert.equal(broken.column, 56);
    assert.match(broken.type, /error/);
    assert.match(broken.text, /No heading defines the id "Tokeniser"\. Perhaps meant: Tokenizer\./);
    assert.deepEqual(definitions, [{ file: 'LLM.md', line: 1 }]);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
