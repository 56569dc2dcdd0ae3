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

  it('puts the separator after a see-also link run into the next, and Fix All sorts the list and separates its links', async () => {
    const document = await openFile('Embedding.md');
    try {
      const edit = new vscode.WorkspaceEdit();
      const tokenizer = positionOf(document, '[Tokenizer](#Tokenizer) |');
      edit.delete(document.uri, new vscode.Range(tokenizer.translate(0, '[Tokenizer](#Tokenizer)'.length), tokenizer.translate(0, '[Tokenizer](#Tokenizer) |'.length)));
      assert.ok(await vscode.workspace.applyEdit(edit));
      const [diagnostic] = await diagnosticsWithCode(document.uri, 'seealso-separator');
      assert.equal(document.getText(diagnostic.range), '[Tokenizer](#Tokenizer)');
      assert.ok((await quickFixesAt(document.uri, diagnostic.range)).get('Put "|" after the link'), 'no separator fix');
      const whole = new vscode.Range(0, 0, document.lineCount, 0);
      const [fixAll] = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', document.uri, whole, vscode.CodeActionKind.SourceFixAll.value);
      assert.equal(fixAll?.title, 'Sort all see-also lists of this file and separate their links');
      assert.ok(await vscode.workspace.applyEdit(fixAll.edit));
      assert.deepEqual(document.getText().split('topics: {.seealso}\n\n')[1].split('\n\n')[0].split('\n'), ['[Attention](#Attention) |', '[Fine-Tuning](#Fine-Tuning) |', '[Tokenizer](#Tokenizer) |', '[Index](#Index) |']);
      await diagnosticsWithCode(document.uri, 'seealso-separator', 0);
      await diagnosticsWithCode(document.uri, 'seealso-unsorted', 0);
    } finally {
      await revert(document);
    }
  });

  it("lines up the snippet's haiku table once its lines are written", async () => {
    const document = await openFile('Embedding.md');
    const editor = vscode.window.activeTextEditor;
    try {
      const end = await append(document, '\n\n');
      editor.selection = new vscode.Selection(end, end);
      await vscode.commands.executeCommand('editor.action.insertSnippet', { langId: 'markdown', name: 'Haiku table' });
      const lines = ['Embedding', 'Punkte im Raum', 'Nähe ist Bedeutung', 'Vektor, still', 'Wörter', 'als Zahlen', 'leuchten', 'Abstand', 'verrät', 'was sie meinen'];
      for (const text of lines) {
        await vscode.commands.executeCommand('type', { text });
        await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
      }
      const [diagnostic] = await diagnosticsWithCode(document.uri, 'table-misaligned');
      const whole = new vscode.Range(0, 0, document.lineCount, 0);
      const fixAll = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', document.uri, whole, vscode.CodeActionKind.SourceFixAll.value);
      assert.match(fixAll.map((action) => action.title).join(), /line up all tables of this file/);
      const fix = (await quickFixesAt(document.uri, diagnostic.range)).get("Line up the table's columns");
      assert.ok(fix?.isPreferred, "no preferred fix \"Line up the table's columns\"");
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      await diagnosticsWithCode(document.uri, 'table-misaligned', 0);
      const table = document.getText().split('\n').filter((line) => /^[+|]/.test(line));
      assert.equal(table.length, 7);
      assert.deepEqual([...new Set(table.map((line) => line.length))], [table[0].length], table.join('\n'));
      assert.match(table[3], /^\| Punkte im Raum\\ +\| Wörter\\ +\| Abstand\\ +\|$/);
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
  it('gives a section without a class .explanation, and moves a section between the haikus and the see-also list above the haikus', async () => {
    const document = await openFile('Embedding.md');
    try {
      const edit = new vscode.WorkspaceEdit();
      edit.insert(document.uri, positionOf(document, '### Related'), '### AI Haikus on Embedding {.haiku}\n\nPoints in the dark.\n\n### Benchmarks\n\nMTEB compares them.\n\n');
      assert.ok(await vscode.workspace.applyEdit(edit));
      const [unclassed] = await diagnosticsWithCode(document.uri, 'missing-section-class');
      assert.equal(document.getText(unclassed.range), '### Benchmarks');
      const giveClass = (await quickFixesAt(document.uri, unclassed.range)).get('Give the section the class .explanation');
      assert.ok(giveClass, 'no fix "Give the section the class .explanation"');
      assert.ok(await vscode.workspace.applyEdit(giveClass.edit));
      await diagnosticsWithCode(document.uri, 'missing-section-class', 0);
      const [between] = await diagnosticsWithCode(document.uri, 'section-after-haiku');
      const move = (await quickFixesAt(document.uri, between.range)).get('Move the section "Benchmarks" above the haikus');
      assert.ok(move, 'no fix "Move the section "Benchmarks" above the haikus"');
      assert.ok(await vscode.workspace.applyEdit(move.edit));
      assert.match(document.getText(), /### Uses \{\.explanation\}[\s\S]*\n### Benchmarks \{\.explanation\}\n\nMTEB compares them\.\n\n### AI Haikus on Embedding \{\.haiku\}\n\nPoints in the dark\.\n\n### Related/);
      await diagnosticsWithCode(document.uri, 'section-after-haiku', 0);
    } finally {
      await revert(document);
    }
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

  it('starts every sentence of the file on a new line with the source action, which no fix-all on save runs', async () => {
    const document = await openFile('Perplexity.md');
    try {
      const edit = new vscode.WorkspaceEdit();
      edit.insert(document.uri, positionOf(document, '\n\n----'), ' Lower is better. No model reaches one.');
      assert.ok(await vscode.workspace.applyEdit(edit));
      await diagnosticsWithCode(document.uri, 'sentence-mid-line', 2);
      const whole = new vscode.Range(0, 0, document.lineCount, 0);
      const fixAll = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', document.uri, whole, vscode.CodeActionKind.SourceFixAll.value);
      assert.deepEqual(fixAll.map((action) => action.title), []);
      const [sourceAction] = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', document.uri, whole, 'source.sentencesOnNewLines.glossary');
      assert.equal(sourceAction?.title, 'Start every sentence of this file on a new line');
      assert.ok(await vscode.workspace.applyEdit(sourceAction.edit));
      assert.match(document.getText(), /log-likelihood per token\.\nLower is better\.\nNo model reaches one\.\n\n----/);
      await diagnosticsWithCode(document.uri, 'sentence-mid-line', 0);
    } finally {
      await revert(document);
    }
  });

  it('adds a link to the see-also list of a closed entry, the edit worked out when the fix is picked (codeAction/resolve)', async () => {
    const settings = vscode.workspace.getConfiguration('glossary');
    const otherUri = fileUri('Fine-Tuning.md');
    const otherBefore = fs.readFileSync(otherUri.fsPath, 'utf8');
    const created = fileUri('Quantization.md');
    fs.writeFileSync(created.fsPath, '## Quantization {#Quantization .chapter .small .term}\n\n***Fewer bits per weight.***\n\n### Related and other interesting topics: {.seealso}\n\n[Fine-Tuning](#Fine-Tuning) |\n[Index](#Index) |\n\n----\n');
    try {
      await settings.update('severity', { 'seealso-not-reciprocal': 'warning' }, vscode.ConfigurationTarget.Workspace);
      const document = await openFile('Quantization.md');
      const [diagnostic] = await diagnosticsWithCode(document.uri, 'seealso-not-reciprocal');
      const title = 'Add "Quantization" to the see-also list of "Fine-Tuning"';
      const offered = (await quickFixesAt(document.uri, diagnostic.range)).get(title);
      assert.ok(offered, `no fix "${title}"`);
      assert.equal(offered.edit, undefined, 'the edit of the closed file waits until the fix is picked');
      // While the light bulb shows, another program adds a paragraph above Fine-Tuning's see-also list.
      const changed = otherBefore.replace('### Related', 'A second paragraph.\n\n### Related');
      fs.writeFileSync(otherUri.fsPath, changed);
      // Picked: VS Code resolves the action, as the light bulb does.
      const resolved = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value, 100);
      const picked = resolved.find((action) => action.title === title);
      assert.ok(picked?.edit, 'the fix has its edit once resolved');
      assert.ok(await vscode.workspace.applyEdit(picked.edit));
      const other = await vscode.workspace.openTextDocument(otherUri);
      assert.equal(other.getText(), changed.replace('[Perplexity](#Perplexity) |', '[Perplexity](#Perplexity) |\n[Quantization](#Quantization) |'));
      await revert(other);
      await revert(document);
    } finally {
      await settings.update('severity', undefined, vscode.ConfigurationTarget.Workspace);
      fs.writeFileSync(otherUri.fsPath, otherBefore);
      await deleteFile(created);
    }
    await waitFor(() => api.status().entryCount === 7, 'the deleted entry is no longer counted');
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
  it('leaves a folder of notes without an entry out of the glossary: exclude in .glossary.json, which is saved, and its problems go', async () => {
    const configUri = fileUri('.glossary.json');
    const before = fs.readFileSync(configUri.fsPath, 'utf8');
    const notes = fileUri('notes');
    fs.mkdirSync(notes.fsPath, { recursive: true });
    fs.writeFileSync(fileUri('notes/Todo.md').fsPath, '# Todo\n\nAsk about Perplexity.\n');
    try {
      const document = await openFile('notes/Todo.md');
      const [heading] = await diagnosticsWithCode(document.uri, 'missing-chapter-heading');
      const fix = (await quickFixesAt(document.uri, heading.range)).get('Leave the folder notes out of the glossary (in .glossary.json)');
      assert.ok(fix?.command, 'no fix "Leave the folder notes out of the glossary"');
      // A folder beside the entries may be a new language's first drafts: offered, not the fix to apply.
      assert.notEqual(fix.isPreferred, true);
      const done = await vscode.commands.executeCommand(fix.command.command, ...fix.command.arguments);
      assert.deepEqual(done, { uri: configUri.toString() });
      assert.equal((await vscode.workspace.openTextDocument(configUri)).isDirty, false, 'the edited .glossary.json is saved');
      assert.equal(fs.readFileSync(configUri.fsPath, 'utf8'), before.replace(/"\n}/, '",\n  "exclude": ["notes"]\n}'));
      await diagnosticsWithCode(document.uri, 'missing-chapter-heading', 0);
    } finally {
      await deleteFile(fileUri('notes/Todo.md'));
      fs.writeFileSync(configUri.fsPath, before);
      await waitFor(async () => (await vscode.workspace.openTextDocument(configUri)).getText() === before, '.glossary.json to be as before');
      fs.rmSync(notes.fsPath, { recursive: true, force: true });
    }
  });
});
