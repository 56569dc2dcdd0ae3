'use strict';
// .glossary.json in VS Code: its keys are completed and described, and a wrong value is marked,
// by VS Code's JSON support with the schema the extension contributes.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const { activateGlossary, openFile, positionOf, revert, waitFor } = require('../glossaryWorkspace');

describe('.glossary.json', () => {
  before(async () => {
    await activateGlossary();
  });

  it('offers every setting as a key, described', async () => {
    const document = await openFile('.glossary.json');
    const inObject = positionOf(document, '"include"');
    const list = await waitFor(async () => {
      const completions = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', document.uri, inObject);
      const labels = completions.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
      return labels.some((label) => label.includes('termClass')) && completions;
    }, 'the settings are completed');
    const labels = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label).replace(/"/g, ''));
    // Every setting of the schema the extension contributes, but those the file holds already.
    const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'dist', 'glossary.schema.json'), 'utf8'));
    const inFile = Object.keys(JSON.parse(document.getText()));
    const settings = Object.keys(schema.properties).filter((key) => key !== '$schema' && !inFile.includes(key));
    assert.ok(settings.length >= 7, settings.join(', '));
    for (const key of settings) {
      assert.ok(labels.includes(key), `${key} is not offered (offered: ${labels.join(', ')})`);
    }
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', document.uri, positionOf(document, '"indexFile"', 2));
    const text = hovers.flatMap((hover) => hover.contents).map((content) => content.value ?? String(content)).join('\n');
    assert.ok(text.includes(schema.properties.indexFile.description), text);
  });

  it('marks a severity that does not exist and a setting that does not exist', async () => {
    const document = await openFile('.glossary.json');
    try {
      const edit = new vscode.WorkspaceEdit();
      edit.insert(document.uri, positionOf(document, '"include"'), '"severity": { "broken-link": "loud" }, "colation": "de", ');
      assert.ok(await vscode.workspace.applyEdit(edit));
      const problems = await waitFor(() => {
        const found = vscode.languages.getDiagnostics(document.uri);
        return found.length >= 2 && found;
      }, 'VS Code marks the wrong settings');
      const marked = problems.map((problem) => document.getText(problem.range));
      assert.ok(marked.includes('"loud"'), `marked: ${marked.join(', ')}`);
      assert.ok(marked.includes('"colation"'), `marked: ${marked.join(', ')}`);
    } finally {
      await revert(document);
    }
  });
});
