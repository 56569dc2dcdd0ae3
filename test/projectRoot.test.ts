import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { CodeAction, CodeActionRequest, DiagnosticSeverity, DidOpenTextDocumentNotification, ExecuteCommandRequest, MessageType, ShowMessageNotification, ShowMessageParams } from 'vscode-languageserver/node';
import { corpusEntries, serverScript, startServer } from './support/lspServer';

// The real glossary's repository opened at its root, as a writer opens a project: its README,
// license and writing rules beside `src/de` are no entries, and one quick fix leaves them out.

const repository = path.resolve(corpusEntries, '..', '..');

test('opened at the repository root, the files beside src/de are offered to be left out; then the editor reports what glossary check reports for src/de', { timeout: 120_000 }, async (t) => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-project-root-'));
  t.after(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const root = path.join(tmp, 'ki-glossar');
  fs.cpSync(repository, root, { recursive: true });
  fs.chmodSync(root, 0o755);
  const projectFiles = fs.readdirSync(root).filter((name) => name.endsWith('.md')).sort();
  assert.deepEqual(projectFiles, ['LICENSE.md', 'MARKDOWN-STRUCTURE.md', 'README.md', 'WRITING-STYLE.md']);
  const uriOf = (name: string): string => URI.file(path.join(root, name)).toString();
  const configUri = uriOf('.glossary.json');

  // A client that takes no edits of settings (as Neovim): the server writes .glossary.json itself, and says so.
  const messages: ShowMessageParams[] = [];
  const server = await startServer(root, { signal: t.signal, onConnection: (connection) => connection.onNotification(ShowMessageNotification.type, (params) => void messages.push(params)) });
  try {
    await server.settle();
    for (const name of projectFiles) {
      assert.ok(server.diagnostics.get(uriOf(name))?.some((diagnostic) => diagnostic.code === 'missing-chapter-heading'), `${name} is held to an entry's layout`);
    }
    // The writer opens README.md and asks for its quick fixes.
    const readme = uriOf('README.md');
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: readme, languageId: 'markdown', version: 1, text: fs.readFileSync(path.join(root, 'README.md'), 'utf8') } });
    await server.settle();
    const heading = server.diagnostics.get(readme)!.find((diagnostic) => diagnostic.code === 'missing-chapter-heading')!;
    const actions = (await server.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: readme }, range: heading.range, context: { diagnostics: [heading] } })) as CodeAction[];
    const leaveOut = actions.find((action) => action.command?.command === 'glossary.excludeFiles');
    assert.equal(leaveOut?.title, 'Leave README.md and the 3 other files of its folder without an entry out of the glossary (in .glossary.json)', actions.map((action) => action.title).join(', '));
    assert.equal(leaveOut.isPreferred, true);

    const result = await server.connection.sendRequest(ExecuteCommandRequest.type, { command: leaveOut.command!.command, arguments: leaveOut.command!.arguments });
    assert.deepEqual(result, { uri: configUri, written: true });
    assert.equal(fs.readFileSync(path.join(root, '.glossary.json'), 'utf8'), '{\n  "exclude": ["README.md", "LICENSE.md", "MARKDOWN-STRUCTURE.md", "WRITING-STYLE.md"]\n}\n');
    await server.waitUntil(() => projectFiles.every((name) => server.diagnostics.get(uriOf(name))?.length === 0), 'the project files\' diagnostics to go');
    assert.deepEqual(messages, [{ type: MessageType.Info, message: `${path.join(root, '.glossary.json')} leaves out of the glossary now, in "exclude": README.md, LICENSE.md, MARKDOWN-STRUCTURE.md, WRITING-STYLE.md.` }]);
    await server.settle();

    // What stays is what the command line reports for the entries' folder (closed files: no hints).
    const check = spawnSync(process.execPath, [serverScript, 'check', path.join(root, 'src', 'de'), '--format', 'json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const reported = (JSON.parse(check.stdout) as { diagnostics: { path: string; line: number; code: string; severity: string }[] }).diagnostics;
    const expected = reported.filter((diagnostic) => diagnostic.severity !== 'hint').map((diagnostic) => `${path.relative(root, path.resolve(diagnostic.path))}:${diagnostic.line} ${diagnostic.code}`).sort();
    const shown = [...server.diagnostics].flatMap(([uri, list]) =>
      list.filter((diagnostic) => diagnostic.severity !== DiagnosticSeverity.Hint).map((diagnostic) => `${path.relative(root, URI.parse(uri).fsPath)}:${diagnostic.range.start.line + 1} ${String(diagnostic.code)}`),
    );
    assert.ok(expected.length > 1000);
    assert.deepEqual(shown.sort(), expected);
  } finally {
    await server.shutdown();
  }
});
