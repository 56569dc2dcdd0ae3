'use strict';
/**
 * The extension-host test suite's entry point, as @vscode/test-electron expects: VS Code loads this
 * module (--extensionTestsPath) in the extension host and awaits run(). It runs every
 * `*.test.js` below this folder with mocha from the project's node_modules.
 *
 * Environment (passed through runTests' extensionTestsEnv or the shell):
 *   GLOSSARY_VSCODE_GREP   only run tests whose full title matches this pattern
 */
const fs = require('node:fs');
const path = require('node:path');
const Mocha = require('mocha');

/**
 * Runs every `*.test.js` below `folder` (another suite's index.js can call this with its own
 * folder); rejects when a test fails, which makes VS Code exit with a non-zero code.
 */
async function runTestsIn(folder) {
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    color: false, // the output goes through the browser console (code-server) or a pipe (desktop)
    timeout: 30000,
    slow: 5000,
    grep: process.env.GLOSSARY_VSCODE_GREP || undefined,
  });
  const files = fs
    .readdirSync(folder, { recursive: true })
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  for (const f of files) mocha.addFile(path.join(folder, f));

  const stats = await new Promise((resolve, reject) => {
    try {
      const runner = mocha.run(() => resolve(runner.stats));
    } catch (err) {
      reject(err);
    }
  });
  // A closing line that CI's log reader counts (mocha's own summary says "passing"/"failing").
  console.log(`vscode: ${stats.passes} passed, ${stats.failures} failed, ${stats.pending} skipped`);
  if (stats.failures > 0) throw new Error(`${stats.failures} extension-host test(s) failed`);
  if (stats.tests === 0) throw new Error('no extension-host test ran');
}

/** Runs the smoke suite of this folder. */
function run() {
  return runTestsIn(__dirname);
}

module.exports = { run, runTestsIn };
