#!/usr/bin/env node
'use strict';
/**
 * Runs the extension-host test suite with @vscode/test-electron's runTests().
 *
 *   node test/vscode/runTest.js                      VS Code 1.100 served by code-server (default;
 *                                                    works offline, see ../shared/docs/E2E.md)
 *   node test/vscode/runTest.js --vscode=desktop     desktop VS Code downloaded by test-electron
 *                                                    (needs internet, and a display or xvfb-run)
 *   node test/vscode/runTest.js --vscode=/path/code  a VS Code executable you have
 *
 * Options (each also as an environment variable):
 *   --vscode=code-server|desktop|PATH      GLOSSARY_VSCODE          (default code-server)
 *   --vscode-version=VERSION               GLOSSARY_VSCODE_VERSION  desktop only (default 1.100.3)
 *   --suite=PATH                           GLOSSARY_VSCODE_SUITE    (default test/vscode/suite/index.js)
 *   --workspace=PATH                       GLOSSARY_VSCODE_WORKSPACE (default test/fixtures/smoke);
 *                                          the tests get a fresh copy of it in a temporary folder
 *   --no-copy                              GLOSSARY_VSCODE_NO_COPY=1  open the folder itself
 *   --no-folder                            GLOSSARY_VSCODE_NO_FOLDER=1  open an empty window, as for a
 *                                          single file; the suite finds the folder's copy in the
 *                                          environment variable GLOSSARY_VSCODE_FILES
 *   --extension=PATH                       GLOSSARY_VSCODE_EXTENSION (default: the repository root)
 *   --grep=PATTERN                         GLOSSARY_VSCODE_GREP     only tests whose title matches
 *   --locale=LANG                          GLOSSARY_VSCODE_LOCALE   VS Code's display language
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { runTests } = require('@vscode/test-electron');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const CODE_SERVER_HOST = path.join(REPO_ROOT, 'scripts', 'e2e', 'code-server-host');

function option(name, envName, fallback) {
  const prefix = `--${name}=`;
  const arg = process.argv.slice(2).find((a) => a.startsWith(prefix));
  if (arg) return arg.slice(prefix.length);
  return process.env[envName] || fallback;
}

async function main() {
  const vscode = option('vscode', 'GLOSSARY_VSCODE', 'code-server');
  const extensionDevelopmentPath = path.resolve(option('extension', 'GLOSSARY_VSCODE_EXTENSION', REPO_ROOT));
  const extensionTestsPath = path.resolve(option('suite', 'GLOSSARY_VSCODE_SUITE', path.join(__dirname, 'suite', 'index.js')));
  const workspace = path.resolve(option('workspace', 'GLOSSARY_VSCODE_WORKSPACE', path.join(REPO_ROOT, 'test', 'fixtures', 'smoke')));
  const grep = option('grep', 'GLOSSARY_VSCODE_GREP', '');
  const locale = option('locale', 'GLOSSARY_VSCODE_LOCALE', '');

  // Tests may create and change files: they get a copy, so the fixture stays as it is.
  const noCopy = process.argv.includes('--no-copy') || process.env.GLOSSARY_VSCODE_NO_COPY === '1';
  const tmp = noCopy ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-vscode-ws-'));
  const folder = tmp ? path.join(tmp, path.basename(workspace)) : workspace;
  if (tmp) fs.cpSync(workspace, folder, { recursive: true });
  process.on('exit', () => tmp && fs.rmSync(tmp, { recursive: true, force: true }));

  const noFolder = process.argv.includes('--no-folder') || process.env.GLOSSARY_VSCODE_NO_FOLDER === '1';
  const launchArgs = [...(noFolder ? [] : [folder]), ...(locale ? [`--locale=${locale}`] : [])];
  const testsEnv = { ...(grep ? { GLOSSARY_VSCODE_GREP: grep } : {}), ...(noFolder ? { GLOSSARY_VSCODE_FILES: folder } : {}) };
  const common = {
    extensionDevelopmentPath,
    extensionTestsPath,
    launchArgs,
    extensionTestsEnv: Object.keys(testsEnv).length > 0 ? testsEnv : undefined,
  };

  if (vscode === 'desktop') {
    // test-electron downloads (and caches in .vscode-test/) the desktop build.
    const version = option('vscode-version', 'GLOSSARY_VSCODE_VERSION', '1.100.3');
    console.log(`[runTest] desktop VS Code ${version} (downloaded by @vscode/test-electron)`);
    await runTests({ ...common, version });
    return;
  }
  const vscodeExecutablePath = vscode === 'code-server' ? CODE_SERVER_HOST : path.resolve(vscode);
  console.log(`[runTest] VS Code executable: ${path.relative(process.cwd(), vscodeExecutablePath) || vscodeExecutablePath}`);
  await runTests({ ...common, vscodeExecutablePath });
}

main().catch((err) => {
  console.error(`[runTest] ${err && err.message ? err.message : err}`);
  process.exit(1);
});
