'use strict';
// The commands of the extension, with the input answered by arguments or by accepting the quick pick.
const assert = require('node:assert/strict');
const fs = require('node:fs');
const vscode = require('vscode');
const { activateGlossary, openFile, positionOf, append, revert, fileUri, deleteFile, waitFor, acceptQuickPick } = require('../glossaryWorkspace');

describe('commands', () => {
  let api;
  before(async () => {
    api = await activateGlossary();
  });

  it('are listed in the command palette with the category "Glossary"', async () => {
    const extension = vscode.extensions.getExtension('pandoc-glossary.pandoc-glossary');
    const titles = extension.packageJSON.contributes.commands.map((command) => `${command.category}: ${command.title}`);
    assert.deepEqual(titles, [
      'Glossary: New Entry…',
      'Glossary: Show Missing Entries',
      'Glossary: Show Links to This Id',
      'Glossary: Show Report',
      "Glossary: Turn Off VS Code's Markdown Link Suggestions Here",
      'Glossary: Restart Server',
    ]);
    const registered = await vscode.commands.getCommands(true);
    for (const command of ['glossary.newEntry', 'glossary.showMissingEntries', 'glossary.showReferences', 'glossary.showReport', 'glossary.turnOffMarkdownLinkSuggestions', 'glossary.restartServer']) {
      assert.ok(registered.includes(command), `${command} is not registered`);
    }
  });

  it('New Entry creates the file from the template, shows it with the cursor in it and counts the entry', async () => {
    const created = fileUri('Prompt-Engineering.md');
    try {
      const uri = await vscode.commands.executeCommand('glossary.newEntry', 'Prompt Engineering');
      assert.equal(uri, created.toString());
      assert.match(fs.readFileSync(created.fsPath, 'utf8'), /^## Prompt Engineering \{#Prompt-Engineering \.chapter \.small \.term\}\n/);
      const editor = await waitFor(
        () => vscode.window.activeTextEditor?.document.uri.toString() === uri && vscode.window.activeTextEditor,
        'the new entry is shown',
      );
      // The summary placeholder is selected, and Tab goes on to the explanation and the see-also list.
      const selected = () => editor.document.getText(editor.selection);
      await waitFor(() => selected() === 'Short description', 'the summary placeholder is selected');
      await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
      assert.deepEqual([editor.selection.active.line, editor.document.lineAt(editor.selection.active.line - 2).text], [6, '### Description {.explanation}']);
      await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
      assert.equal(editor.document.lineAt(editor.selection.active.line).text, '[Index](#Index) |');
      assert.equal(editor.selection.active.character, 0);
      assert.equal(editor.document.isDirty, false, 'the new entry is saved');
      assert.equal(editor.document.getText(), fs.readFileSync(created.fsPath, 'utf8'));
      await waitFor(() => api.status().entryCount === 8, 'the status counts 8 entries');
    } finally {
      await deleteFile(created);
    }
    await waitFor(() => api.status().entryCount === 7, 'the status counts 7 entries again');
  });

  it('New Entry refuses an id that exists and creates nothing', async () => {
    const files = fs.readdirSync(fileUri('.').fsPath);
    const attention = fs.readFileSync(fileUri('Attention.md').fsPath, 'utf8');
    const uri = await vscode.commands.executeCommand('glossary.newEntry', 'Attention');
    assert.equal(uri, undefined);
    assert.deepEqual(fs.readdirSync(fileUri('.').fsPath), files);
    assert.equal(fs.readFileSync(fileUri('Attention.md').fsPath, 'utf8'), attention);
  });

  it('New Entry refuses braces after the term that hold more than the id, or an id whose braces are left open, and creates nothing', async () => {
    const files = fs.readdirSync(fileUri('.').fsPath);
    // Pandoc would read the first block as heading text, and the id would be made of it (Neu-Begriff-.unnumbered).
    const alone = 'In braces after the term, write the id alone, as {#Id}: the classes of a new entry come from the settings (chapterClasses).';
    const refusals = [
      ['Neu (Begriff) {.unnumbered}', alone],
      ['Neu {#Neu .wichtig}', alone],
      ['Neu {lang=de}', alone],
      ['Neu {-}', alone],
      ['Neu {# Neu}', 'An id holds no blanks: write {#Neu}.'],
      ['KI {#KI Begriff}', 'An id holds no blanks: write {#KI-Begriff}.'],
      ['Neu {#Neu', 'The braces after the term are not closed: write the id as {#Id}.'],
      ['Neu {.x', 'The braces after the term are not closed: write the id as {#Id}.'],
    ];
    // The messages the command shows, caught on their way to the window (the extension shares this API object).
    const shown = [];
    const showErrorMessage = vscode.window.showErrorMessage;
    vscode.window.showErrorMessage = async (message) => void shown.push(message);
    try {
      for (const [typed] of refusals) {
        assert.equal(await vscode.commands.executeCommand('glossary.newEntry', typed), undefined, typed);
      }
    } finally {
      vscode.window.showErrorMessage = showErrorMessage;
    }
    assert.deepEqual(shown, refusals.map(([, message]) => message));
    assert.deepEqual(fs.readdirSync(fileUri('.').fsPath), files);
    // Braces of other text are part of the term.
    const created = fileUri('Menge-x.md');
    try {
      assert.equal(await vscode.commands.executeCommand('glossary.newEntry', 'Menge {x}'), created.toString());
      assert.match(fs.readFileSync(created.fsPath, 'utf8'), /^## Menge \{x\} \{#Menge-x \.chapter \.small \.term\}\n/);
    } finally {
      await deleteFile(created);
    }
  });

  it('New Entry takes the id written in braces after the term; an id beginning with a digit is written id="…"', async () => {
    assert.equal(await vscode.commands.executeCommand('glossary.newEntry', 'C++ {#C++}'), undefined);
    const digit = fileUri('3D-Modeling.md');
    try {
      assert.equal(await vscode.commands.executeCommand('glossary.newEntry', '3D Modeling'), digit.toString());
      // Pandoc reads an id beginning with a digit only so; the entry satisfies the chapter rule.
      assert.match(fs.readFileSync(digit.fsPath, 'utf8'), /^## 3D Modeling \{id="3D-Modeling" \.chapter \.small \.term\}\n/);
      await waitFor(() => api.status().entryCount === 8, 'the status counts 8 entries');
      assert.deepEqual(vscode.languages.getDiagnostics(digit).filter((diagnostic) => diagnostic.code === 'missing-chapter-heading'), []);
    } finally {
      await deleteFile(digit);
    }
    const created = fileUri('Modeling-3D.md');
    try {
      const uri = await vscode.commands.executeCommand('glossary.newEntry', '3D Modeling {#Modeling-3D}');
      assert.equal(uri, created.toString());
      assert.match(fs.readFileSync(created.fsPath, 'utf8'), /^## 3D Modeling \{#Modeling-3D \.chapter \.small \.term\}\n/);
    } finally {
      await deleteFile(created);
    }
    // A closing parenthesis is left out of the id, as the glossary's ids leave it out.
    const parenthesised = fileUri('Gated-Recurrent-Unit.md');
    try {
      assert.equal(await vscode.commands.executeCommand('glossary.newEntry', 'Gated Recurrent Unit (GRU)'), parenthesised.toString());
      assert.match(fs.readFileSync(parenthesised.fsPath, 'utf8'), /^## Gated Recurrent Unit \(GRU\) \{#Gated-Recurrent-Unit /);
    } finally {
      await deleteFile(parenthesised);
    }
  });

  it('Show Missing Entries offers the ids without entry and creates the one picked', async () => {
    const document = await openFile('Perplexity.md');
    const created = fileUri('Model-Collapse.md');
    try {
      await append(document, '\n[Model-Collapse](#Model-Collapse) and again [collapse](#Model-Collapse).\n');
      await waitFor(() => api.status().brokenLinkCount === 3, 'the status counts 3 broken links');
      // The most referenced id comes first: Model-Collapse (2 links) before Tokeniser (1).
      const picked = await acceptQuickPick(vscode.commands.executeCommand('glossary.showMissingEntries'), 'the first missing entry is picked');
      assert.equal(picked, created.toString());
      // The heading is written as the link names the entry, with its hyphen.
      assert.match(fs.readFileSync(created.fsPath, 'utf8'), /^## Model-Collapse \{#Model-Collapse /);
      await waitFor(() => api.status().brokenLinkCount === 1, 'the status counts 1 broken link');
    } finally {
      await revert(document);
      await deleteFile(created);
    }
  });

  it('Show Missing Entries opens the file of an id picked whose file exists with another id at that id, where its quick fixes are, and creates nothing', async () => {
    await waitFor(() => api.status().entryCount === 7, 'the entry the test before deleted is gone');
    const files = fs.readdirSync(fileUri('.').fsPath);
    const document = await openFile('Perplexity.md');
    try {
      // LLM.md holds the entry #Large-Language-Model: an entry #LLM cannot be created beside it.
      await append(document, '\n[LLM](#LLM) and [LLM](#LLM) again.\n');
      await waitFor(() => api.status().brokenLinkCount === 3, 'the status counts 3 broken links');
      assert.equal(await acceptQuickPick(vscode.commands.executeCommand('glossary.showMissingEntries'), 'the first missing entry is picked'), undefined);
      const editor = vscode.window.activeTextEditor;
      assert.equal(editor?.document.uri.toString(), fileUri('LLM.md').toString());
      const cursor = editor.selection.active;
      assert.equal(editor.document.getText(editor.document.getWordRangeAtPosition(cursor, /[\w-]+/)), 'Large-Language-Model');
      const fixes = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', editor.document.uri, new vscode.Range(cursor, cursor), vscode.CodeActionKind.QuickFix.value);
      assert.ok(fixes.some((fix) => fix.title.startsWith('Change the id to "LLM"')), fixes.map((fix) => fix.title).join(', '));
      assert.deepEqual(fs.readdirSync(fileUri('.').fsPath), files);
    } finally {
      await revert(document);
    }
  });

  it('Show Links to This Id opens the references view on the id at the cursor', async () => {
    const referencesView = vscode.extensions.getExtension('vscode.references-view');
    assert.ok(referencesView, 'VS Code has no references view');
    assert.equal(referencesView.isActive, false, 'the references view is active before the command');
    const document = await openFile('Transformer.md');
    const position = positionOf(document, '(#Attention)', 3);
    vscode.window.activeTextEditor.selection = new vscode.Selection(position, position);
    await vscode.commands.executeCommand('glossary.showReferences');
    assert.equal(referencesView.isActive, true, 'the command did not reach the references view');
  });

  it('Show Links to This Id on text that is no link and no id says so instead of showing no results', async () => {
    const document = await openFile('Transformer.md');
    const text = positionOf(document, 'is all it needs');
    const link = positionOf(document, '(#Attention)', 3);
    const shown = [];
    const showInformationMessage = vscode.window.showInformationMessage;
    vscode.window.showInformationMessage = async (message) => void shown.push(message);
    try {
      vscode.window.activeTextEditor.selection = new vscode.Selection(text, text);
      await vscode.commands.executeCommand('glossary.showReferences');
      vscode.window.activeTextEditor.selection = new vscode.Selection(link, link);
      await vscode.commands.executeCommand('glossary.showReferences');
    } finally {
      vscode.window.showInformationMessage = showInformationMessage;
    }
    assert.deepEqual(shown, ['The cursor is on no link and no id of the glossary: put it on a link, or on the id of a heading.']);
  });

  it('Show Report opens the Glossary Report of the workspace in a webview without scripts, one tab however often it is shown', async () => {
    // The entry that an earlier test created and deleted is gone from the index.
    await waitFor(() => api.status().entryCount === 7, 'the status counts 7 entries');
    const panel = await vscode.commands.executeCommand('glossary.showReport');
    try {
      assert.equal(panel.title, 'Glossary Report');
      assert.equal(panel.webview.options.enableScripts, false);
      assert.match(panel.webview.html, /<h1>Glossary Report<\/h1>/);
      assert.match(panel.webview.html, /<span class="value">7<\/span><span class="label">Entries<\/span>/);
      assert.match(panel.webview.html, /<svg [^>]*role="img"/);
      await waitFor(
        () =>
          vscode.window.tabGroups.all
            .flatMap((group) => group.tabs)
            .some((tab) => tab.label === 'Glossary Report' && tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('glossary.report')),
        'a tab shows the report',
      );
      // Shown again, the report is made anew in its tab, not in a second one.
      panel.webview.html = '';
      assert.equal(await vscode.commands.executeCommand('glossary.showReport'), panel);
      assert.match(panel.webview.html, /<h1>Glossary Report<\/h1>/);
      const reportTabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.label === 'Glossary Report');
      assert.equal(reportTabs.length, 1);
    } finally {
      panel.dispose();
    }
  });

  it("the report's links run only its own two commands: a title opens the entry at its heading beside the report, a missing id creates the entry", async () => {
    const panel = await vscode.commands.executeCommand('glossary.showReport');
    const created = fileUri('Tokeniser.md');
    try {
      assert.deepEqual([...panel.webview.options.enableCommandUris].sort(), ['glossary.createMissingEntry', 'glossary.openEntry']);
      const links = [...panel.webview.html.matchAll(/<a href="command:([\w.]+)\?([^"]+)"/g)].map(([, command, query]) => ({
        command,
        argument: JSON.parse(decodeURIComponent(query.replace(/&#(\d+);/g, (_, code) => String.fromCharCode(Number(code)))))[0],
      }));
      assert.ok(links.every((link) => link.command === 'glossary.openEntry' || link.command === 'glossary.createMissingEntry'));

      // As a click on the link runs it: the command with the link's argument.
      const attention = links.find((link) => link.command === 'glossary.openEntry' && link.argument.uri.endsWith('/Attention.md'));
      assert.ok(attention, 'the report links to Attention.md');
      const editor = await vscode.commands.executeCommand('glossary.openEntry', attention.argument);
      assert.equal(editor.document.uri.toString(), fileUri('Attention.md').toString());
      assert.match(editor.document.lineAt(editor.selection.active.line).text, /^## Attention \{#Attention /);
      assert.equal(editor.viewColumn, vscode.ViewColumn.Two, 'the entry opens beside the report');
      assert.ok(panel.visible, 'the report stays in view');

      const tokeniser = links.find((link) => link.command === 'glossary.createMissingEntry');
      assert.deepEqual(tokeniser.argument, { id: 'Tokeniser' });
      assert.equal(await vscode.commands.executeCommand('glossary.createMissingEntry', tokeniser.argument), created.toString());
      assert.match(fs.readFileSync(created.fsPath, 'utf8'), /^## Tokeniser \{#Tokeniser /);
      await waitFor(() => api.status().brokenLinkCount === 0, 'the status counts no broken link');
      // Clicked again, the link no longer names a missing entry: nothing is created, the writer is told.
      assert.equal(await vscode.commands.executeCommand('glossary.createMissingEntry', tokeniser.argument), undefined);
      // Lines added above the heading since the report was made: the heading is found by its id.
      const moved = await vscode.commands.executeCommand('glossary.openEntry', attention.argument);
      await moved.edit((edit) => edit.insert(new vscode.Position(0, 0), '<!-- neu -->\n\n'));
      const found = await vscode.commands.executeCommand('glossary.openEntry', attention.argument);
      assert.equal(found.selection.active.line, attention.argument.line + 2);
      // An entry whose id is automatic (no {#id}): the server tells where its heading is now.
      await found.edit((edit) => {
        const heading = found.document.lineAt(attention.argument.line + 2);
        edit.replace(heading.range, heading.text.replace('#Attention ', ''));
        edit.insert(new vscode.Position(0, 0), 'Noch ein Absatz.\n\n');
      });
      const automatic = await vscode.commands.executeCommand('glossary.openEntry', { ...attention.argument, id: 'attention' });
      assert.equal(automatic.selection.active.line, attention.argument.line + 4);
      assert.equal(automatic.document.lineAt(automatic.selection.active.line).text, '## Attention {.chapter .small .term}');
      await revert(found.document);
      // An argument that is no location or id, from another extension say, does nothing.
      assert.equal(await vscode.commands.executeCommand('glossary.openEntry', 'Attention.md'), undefined);
      assert.equal(await vscode.commands.executeCommand('glossary.openEntry', { ...attention.argument, line: -1 }), undefined);
      assert.equal(await vscode.commands.executeCommand('glossary.createMissingEntry', 'Tokeniser'), undefined);
      // An entry deleted since the report was made: the command says why it did not open it, rather than failing.
      const gone = { ...attention.argument, uri: attention.argument.uri.replace(/Attention\.md$/, 'Gone.md') };
      assert.equal(await vscode.commands.executeCommand('glossary.openEntry', gone), undefined);
    } finally {
      panel.dispose();
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await deleteFile(created);
      await waitFor(() => api.status().entryCount === 7, 'the created entry is gone');
    }
  });

  it("Turn Off VS Code's Markdown Link Suggestions writes the folder's settings, and after ](# only the glossary's ids are offered", async () => {
    const folder = vscode.workspace.workspaceFolders[0];
    const markdown = () => vscode.workspace.getConfiguration('markdown', folder);
    const document = await openFile('LLM.md');
    const idsOffered = async () => {
      const position = await append(document, '\nSee [the training](#');
      try {
        const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', document.uri, position, '#');
        return list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
      } finally {
        await revert(document);
      }
    };
    try {
      // VS Code's own suggestion: the heading "Training {.explanation}" under an id Pandoc does not give.
      const before = await idsOffered();
      assert.ok(before.includes('#training-explanation'), `VS Code's own suggestion is offered: ${before.join(', ')}`);
      await markdown().update('validate.enabled', true, vscode.ConfigurationTarget.WorkspaceFolder);
      assert.equal(await vscode.commands.executeCommand('glossary.turnOffMarkdownLinkSuggestions'), 2);
      const settings = JSON.parse(fs.readFileSync(fileUri('.vscode/settings.json').fsPath, 'utf8'));
      assert.deepEqual(settings, { 'markdown.validate.enabled': true, 'markdown.suggest.paths.enabled': false, 'markdown.validate.fragmentLinks.enabled': 'ignore' });
      const after = await waitFor(async () => {
        const ids = await idsOffered();
        return !ids.some((id) => id.startsWith('#')) && ids;
      }, "VS Code's own suggestions are gone");
      assert.ok(after.includes('Transformer'), `the glossary's ids are offered: ${after.join(', ')}`);
      assert.equal(await vscode.commands.executeCommand('glossary.turnOffMarkdownLinkSuggestions'), 0, 'nothing is left to turn off');
    } finally {
      for (const key of ['suggest.paths.enabled', 'validate.enabled', 'validate.fragmentLinks.enabled']) {
        await markdown().update(key, undefined, vscode.ConfigurationTarget.WorkspaceFolder);
      }
    }
  });

  it('Restart Server restarts the server, which reports the workspace again', async () => {
    const statuses = [];
    const listening = api.onDidChangeStatus((status) => statuses.push(status));
    try {
      await vscode.commands.executeCommand('glossary.restartServer');
      await waitFor(() => statuses.some((status) => status.state === 'ready'), 'the restarted server reports ready');
      assert.equal(api.statusBarText(), '$(book) 7 entries · 1 broken link');
    } finally {
      listening.dispose();
    }
  });
});
