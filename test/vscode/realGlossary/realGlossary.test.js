'use strict';
// The editor and the command line report the same on the real glossary (344 entries): every
// error, warning and information of every file, and, in a file the writer opens, its hints too
// (at the default severity, the editor looks for unlinked mentions in open files only).
const assert = require('node:assert/strict');
const { spawnSync } = require('node:child_process');
const { isDeepStrictEqual } = require('node:util');
const path = require('node:path');
const vscode = require('vscode');
const { activateGlossary, waitFor } = require('../glossaryWorkspace');

const cli = path.resolve(__dirname, '..', '..', '..', 'dist', 'glossary.js');

/** Runs the command line (`glossary check` exits with 1 when it reports an error) and parses its JSON. */
function runCommandLine(...args) {
  // In desktop VS Code process.execPath is Electron, which runs as Node with this variable.
  const result = spawnSync(process.execPath, [cli, ...args, '--format', 'json'], {
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  assert.ok(result.status === 0 || result.status === 1, `glossary ${args.join(' ')} failed: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

/** The diagnostics VS Code shows for the files in the folder (or one file) as `file:line code`, sorted; the hints too when asked. */
function editorFindings(folder, withHints = false) {
  const diagnostics = vscode.languages.getDiagnostics().filter(([uri]) => uri.fsPath.startsWith(folder));
  return diagnostics
    .flatMap(([uri, list]) =>
      list.filter((diagnostic) => withHints || diagnostic.severity !== vscode.DiagnosticSeverity.Hint).map((diagnostic) => `${path.basename(uri.fsPath)}:${diagnostic.range.start.line + 1} ${diagnostic.code}`),
    )
    .sort();
}

/** The diagnostics of the command line's JSON as `file:line code`, sorted. */
function findingsOf(reported) {
  return reported.map((diagnostic) => `${path.basename(diagnostic.path)}:${diagnostic.line} ${diagnostic.code}`).sort();
}

function countByCode(codes) {
  const counts = {};
  for (const code of [...codes].sort()) counts[code] = (counts[code] ?? 0) + 1;
  return counts;
}

describe('the real glossary', () => {
  let api;
  before(async function () {
    this.timeout(60000);
    api = await activateGlossary();
  });

  it('shows the diagnostics that glossary check reports, and counts its files, entries and broken links in the status bar', async function () {
    this.timeout(60000);
    const folder = vscode.workspace.workspaceFolders[0].uri.fsPath;
    const reported = runCommandLine('check', folder).diagnostics;
    const expected = countByCode(reported.filter((diagnostic) => diagnostic.severity !== 'hint').map((diagnostic) => diagnostic.code));
    const { files } = runCommandLine('index', folder);
    const entryCount = files.flatMap((file) => file.anchors).filter((anchor) => anchor.classes.includes('term')).length;
    assert.ok((expected['broken-link'] ?? 0) > 0, 'the real glossary has broken links');
    // Every finding in its file and on its line, as check reports it.
    const expectedFindings = findingsOf(reported.filter((diagnostic) => diagnostic.severity !== 'hint'));
    await waitFor(() => isDeepStrictEqual(editorFindings(folder), expectedFindings), 'the editor shows what the command line reports', 30000).catch(() =>
      assert.deepEqual(editorFindings(folder), expectedFindings),
    );
    // The status bar counts every link to an id that nothing defines, whichever code reports it.
    const brokenLinkCount = ['broken-link', 'index-link-broken', 'index-anchor-missing'].reduce((sum, code) => sum + (expected[code] ?? 0), 0);
    assert.deepEqual(api.status(), { state: 'ready', entryCount, fileCount: files.length, brokenLinkCount, hasConfigFile: false, indexPageUri: vscode.Uri.file(path.join(folder, '001-ki-index.txt')).toString() });
    assert.equal(api.statusBarText(), `$(book) ${entryCount} entries · ${brokenLinkCount} broken links`);

    // The three files with the most hints, opened: each shows all that check reports for it.
    const hintsByPath = countByCode(reported.filter((diagnostic) => diagnostic.severity === 'hint').map((diagnostic) => diagnostic.path));
    assert.ok(Object.values(hintsByPath).reduce((sum, count) => sum + count, 0) > 1000, 'the real glossary has many unlinked mentions');
    // Unlinked mentions are looked for in open files only; sentences on the line of the one before are found while parsing, in every file.
    const closedFindings = findingsOf(reported.filter((diagnostic) => diagnostic.severity !== 'hint' || diagnostic.code === 'sentence-mid-line'));
    assert.ok(closedFindings.length > expectedFindings.length, 'the real glossary has sentences on the line of the one before');
    assert.deepEqual(editorFindings(folder, true), closedFindings, 'no closed file has unlinked-mention hints');
    const mostHinted = Object.entries(hintsByPath).sort(([, a], [, b]) => b - a).slice(0, 3).map(([file]) => file);
    for (const file of mostHinted) {
      const fsPath = path.resolve(folder, file);
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(fsPath));
      const ofFile = findingsOf(reported.filter((diagnostic) => path.resolve(folder, diagnostic.path) === fsPath));
      await waitFor(() => isDeepStrictEqual(editorFindings(fsPath, true), ofFile), `${file} to show what check reports for it`, 15000).catch(() =>
        assert.deepEqual(editorFindings(fsPath, true), ofFile, file),
      );
    }
  });
});
