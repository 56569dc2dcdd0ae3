'use strict';
// Quick fixes through executeCodeActionProvider, applied as VS Code applies them.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const vscode = require('vscode');
const { activateGlossary, openFile, diagnosticsWithCode, append, revert, fileUri, deleteFile, waitFor, positionOf } = require('../glossaryWorkspace');

async function quickFixesAt(uri, range) {
  const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value);
  return new Map(actions.map((action) => [action.title, action]));
}

describe('quick fixes', () => {
  let api;
  before(async () => {
    api = await activateGlossary();
  });

  it('changes a broken link to the closest id', async () => {
    const document = await openFile('Transformer.md');
    try {
      const [diagnostic] = await diagnosticsWithCode(document.uri, 'broken-link');
      const fix = (await quickFixesAt(document.uri, diagnostic.range)).get('Change to "Tokenizer"');
      assert.ok(fix, 'no fix "Change to "Tokenizer""');
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.match(document.getText(), /\[Tokeniser\]\(#Tokenizer\) produced/);
      await diagnosticsWithCode(document.uri, 'broken-link', 0);
    } finally {
      await revert(document);
    }
  });

  it('sorts a see-also list with Index last', async () => {
    const document = await openFile('Embedding.md');
    try {
      const [diagnostic] = await diagnosticsWithCode(document.uri, 'seealso-unsorted');
      const fix = (await quickFixesAt(document.uri, diagnostic.range)).get('Sort the see-also list (Index last)');
      assert.ok(fix, 'no sort fix');
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      const links = document.getText().split('topics: {.seealso}')[1].match(/\]\(#[^)]+\)/g);
      assert.deepEqual(links, ['](#Attention)', '](#Fine-Tuning)', '](#Tokenizer)', '](#Index)']);
      await diagnosticsWithCode(document.uri, 'seealso-unsorted', 0);
    } finally {
      await revert(document);
    }
  });

  it('creates the entry a broken link points at, with the command of the fix', async () => {
    const document = await openFile('Perplexity.md');
    const created = fileUri('Data-Scraping.md');
    try {
      await append(document, '\nCorpora come from [Data Scraping](#Data-Scraping).\n');
      const [diagnostic] = await diagnosticsWithCode(document.uri, 'broken-link');
      const fix = (await quickFixesAt(document.uri, diagnostic.range)).get('Create entry "Data-Scraping"');
      assert.ok(fix?.command, 'no create-entry fix with a command');
      await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
      assert.ok(fs.existsSync(created.fsPath), 'Data-Scraping.md was not created');
      assert.match(fs.readFileSync(created.fsPath, 'utf8'), /^## Data Scraping \{#Data-Scraping \.chapter \.small \.term\}/);
      await diagnosticsWithCode(document.uri, 'broken-link', 0);
    } finally {
      await revert(document);
      await deleteFile(created);
    }
    await waitFor(() => api.status().entryCount === 7, 'the deleted entry is no longer counted');
  });
  it('links an unlinked mention, and offers the source action that links every first mention', async () => {
    const document = await openFile('Perplexity.md');
    try {
      const edit = new vscode.WorkspaceEdit();
      edit.insert(document.uri, positionOf(document, 'It is the exponential'), 'A Tokenizer cuts the text first; a Transformer reads the tokens.\n');
      assert.ok(await vscode.workspace.applyEdit(edit));
      const mentions = await diagnosticsWithCode(document.uri, 'unlinked-mention', 2);
      const tokenizer = mentions.find((diagnostic) => document.getText(diagnostic.range) === 'Tokenizer');
      assert.ok(tokenizer, mentions.map((diagnostic) => document.getText(diagnostic.range)).join(', '));
      const fix = (await quickFixesAt(document.uri, tokenizer.range)).get('Link "Tokenizer" to #Tokenizer');
      assert.ok(fix, 'no fix "Link "Tokenizer" to #Tokenizer"');
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      assert.match(document.getText(), /A \[Tokenizer\]\(#Tokenizer\) cuts the text first; a Transformer reads/);
      await diagnosticsWithCode(document.uri, 'unlinked-mention', 1);

      const whole = new vscode.Range(0, 0, document.lineCount, 0);
      const [sourceAction] = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', document.uri, whole, 'source.linkMentions.glossary');
      assert.equal(sourceAction?.title, 'Link the first mention of every term in this entry');
      assert.ok(await vscode.workspace.applyEdit(sourceAction.edit));
      assert.match(document.getText(), /a \[Transformer\]\(#Transformer\) reads the tokens/);
      await diagnosticsWithCode(document.uri, 'unlinked-mention', 0);
    } finally {
      await revert(document);
    }
  });

  it('stops suggesting a term: its id goes to ignoreMentionsOf in .glossary.json, which is saved; unsaved changes there are left alone', async () => {
    const configUri = fileUri('.glossary.json');
    const before = fs.readFileSync(configUri.fsPath, 'utf8');
    const document = await openFile('Perplexity.md');
    try {
      const edit = new vscode.WorkspaceEdit();
      edit.insert(document.uri, positionOf(document, 'It is the exponential'), 'A Tokenizer cuts the text first.\n');
      assert.ok(await vscode.workspace.applyEdit(edit));
      const [mention] = await diagnosticsWithCode(document.uri, 'unlinked-mention', 1);
      const fix = (await quickFixesAt(document.uri, mention.range)).get('Do not suggest links to #Tokenizer (in .glossary.json)');
      assert.ok(fix?.command, 'no fix "Do not suggest links to #Tokenizer"');

      // The writer has typed in .glossary.json without saving: the edit would miss its place.
      const config = await vscode.workspace.openTextDocument(configUri);
      const typing = new vscode.WorkspaceEdit();
      typing.insert(configUri, new vscode.Position(config.lineCount - 1, 0), ' ');
      assert.ok(await vscode.workspace.applyEdit(typing));
      assert.deepEqual(await vscode.commands.executeCommand(fix.command.command, ...fix.command.arguments), { error: 'unsaved' });
      assert.equal(fs.readFileSync(configUri.fsPath, 'utf8'), before);
      await revert(config);

      const done = await vscode.commands.executeCommand(fix.command.command, ...fix.command.arguments);
      assert.deepEqual(done, { uri: configUri.toString() });
      assert.equal(config.isDirty, false, 'the edited .glossary.json is saved');
      assert.equal(fs.readFileSync(configUri.fsPath, 'utf8'), before.replace(/"\n}/, '",\n  "ignoreMentionsOf": ["Tokenizer"]\n}'));
      await diagnosticsWithCode(document.uri, 'unlinked-mention', 0);
    } finally {
      await revert(document);
      fs.writeFileSync(configUri.fsPath, before);
      await waitFor(async () => (await vscode.workspace.openTextDocument(configUri)).getText() === before, '.glossary.json to be as before');
    }
  });
});
