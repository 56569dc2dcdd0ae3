'use strict';
// Changes on disk and in the settings reach the server.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const vscode = require('vscode');
const { activateGlossary, diagnosticsWithCode, fileUri, waitFor } = require('../glossaryWorkspace');

describe('changes on disk and in the settings', () => {
  before(activateGlossary);

  it('reads a file that another program writes and forgets it when it is deleted', async () => {
    const written = fileUri('Written-Outside.md');
    fs.writeFileSync(written.fsPath, '## Written Outside {#Written-Outside .chapter .small .term}\n\nSee [nothing](#Nowhere-At-All).\n');
    try {
      const [diagnostic] = await diagnosticsWithCode(written, 'broken-link');
      assert.match(diagnostic.message, /Nowhere-At-All/);
    } finally {
      fs.rmSync(written.fsPath);
    }
    await diagnosticsWithCode(written, 'broken-link', 0);
  });

  it('applies the severity setting, and .glossary.json wins over it as on the command line', async () => {
    const settings = vscode.workspace.getConfiguration('glossary');
    const configFile = fileUri('.glossary.json');
    const original = fs.readFileSync(configFile.fsPath, 'utf8');
    const perplexity = fileUri('Perplexity.md');
    try {
      await settings.update('severity', { 'missing-seealso': 'off' }, vscode.ConfigurationTarget.Workspace);
      await diagnosticsWithCode(perplexity, 'missing-seealso', 0);

      fs.writeFileSync(configFile.fsPath, JSON.stringify({ ...JSON.parse(original), severity: { 'missing-seealso': 'error' } }));
      const [diagnostic] = await diagnosticsWithCode(perplexity, 'missing-seealso');
      assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    } finally {
      fs.writeFileSync(configFile.fsPath, original);
      await settings.update('severity', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitFor(
      () => vscode.languages.getDiagnostics(perplexity).some((d) => d.code === 'missing-seealso' && d.severity === vscode.DiagnosticSeverity.Warning),
      'the default severity is back',
    );
  });
});
