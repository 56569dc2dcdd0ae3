import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ReportRequest } from '../server/src/protocol';
import { repositoryRoot, serverScript, startServer } from './support/lspServer';

const exampleGlossary = path.join(repositoryRoot, 'example', 'glossary');

test('the built server answers glossary/report with the report of the workspace and its HTML page', async (t) => {
  const server = await startServer(exampleGlossary, { signal: t.signal });
  try {
    await server.settle();
    const { report, html } = await server.connection.sendRequest(ReportRequest);
    assert.equal(report.name, 'glossary');
    assert.equal(report.summary.entries, 7);
    assert.deepEqual(report.missingEntries, [{ id: 'Tokeniser', referenceCount: 1, fileCount: 1 }]);
    assert.ok(report.mostLinked.every((entry) => !entry.file.includes('/') && entry.file.endsWith('.md')), 'files are named by their path in the workspace folder');
    assert.match(html, /^<!DOCTYPE html>[\s\S]*<h1>Glossary Report<\/h1>/);
  } finally {
    await server.shutdown();
  }
});

test('glossary report --locale de writes the page with German headings, and --output says where', () => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-report-'));
  try {
    const output = path.join(folder, 'bericht.html');
    const result = spawnSync(process.execPath, [serverScript, 'report', exampleGlossary, '--locale', 'de', '--output', output], { encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stderr, `glossary: Bericht geschrieben nach ${output}\n`);
    assert.match(fs.readFileSync(output, 'utf8'), /<h1>Glossar-Bericht<\/h1>[\s\S]*<h2>Fehlende Einträge<\/h2>/);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
