'use strict';
// With VS Code's display language German (--locale=de) the writer sees the extension in German:
// the manifest (package.nls.de.json), the client's and the server's messages (l10n/).
const assert = require('node:assert/strict');
const vscode = require('vscode');
const { activateGlossary, openFile, positionOf, diagnosticsWithCode, fileUri } = require('../glossaryWorkspace');

/** A localized manifest string reads as `{ value, original }` in packageJSON. */
const shown = (title) => (typeof title === 'string' ? title : title.value);

describe('the extension in German', () => {
  let api;
  before(async () => {
    assert.equal(vscode.env.language, 'de');
    api = await activateGlossary();
  });

  it('shows the command titles in German', () => {
    const extension = vscode.extensions.getExtension('pandoc-glossary.pandoc-glossary');
    const titles = extension.packageJSON.contributes.commands.map((command) => `${shown(command.category)}: ${shown(command.title)}`);
    assert.deepEqual(titles, [
      'Glossar: Neuer Eintrag…',
      'Glossar: Fehlende Einträge anzeigen',
      'Glossar: Links auf diese ID anzeigen',
      'Glossar: Bericht anzeigen',
      'Glossar: Markdown-Linkvorschläge von VS Code hier ausschalten',
      'Glossar: Server neu starten',
    ]);
  });

  it('shows the Glossary Report in German', async () => {
    const panel = await vscode.commands.executeCommand('glossary.showReport');
    try {
      assert.equal(panel.title, 'Glossar-Bericht');
      assert.match(panel.webview.html, /<h1>Glossar-Bericht<\/h1>[\s\S]*<span class="label">Einträge<\/span>[\s\S]*<h2>Linkgraph<\/h2>/);
    } finally {
      panel.dispose();
    }
  });

  it('reports a broken link in German', async () => {
    const [diagnostic] = await diagnosticsWithCode(fileUri('Transformer.md'), 'broken-link');
    assert.equal(diagnostic.message, 'Keine Überschrift hat die ID „Tokeniser“. Vielleicht gemeint: Tokenizer.');
  });

  it('counts the links in the hover in German', async () => {
    const document = await openFile('Attention.md');
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', document.uri, positionOf(document, '{#Attention', 2));
    const text = hovers.flatMap((hover) => hover.contents.map((content) => content.value ?? String(content))).join('\n');
    assert.match(text, /\d+ Links verweisen hierher\. Herkunft: (?:1 Eintrag|\d+ Einträge)\b/);
  });

  it('offers the snippets by their German prefixes', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: '' });
    const offered = async (prefix) => {
      const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(0, 0));
      const snippet = list.items.find((item) => item.kind === vscode.CompletionItemKind.Snippet && (item.label.label ?? item.label) === prefix);
      return snippet?.insertText.value ?? snippet?.insertText;
    };
    const entry = await offered('eintrag');
    assert.match(entry, /\.chapter \.small \.term/);
    assert.equal(entry, await offered('chapter'));
    assert.match(await offered('kapitel'), /\{\$\{1\/.*\.chapter \.small \.term\}/);
    assert.match(await offered('beschreibung'), /\{\.explanation\}/);
    assert.match(await offered('siehe-auch'), /\{\.seealso\}/);
    assert.equal(await offered('verweis'), '[${1:Label}](#${2:Id})$0');
  });

  it('shows the status bar in German', () => {
    assert.equal(api.statusBarText(), '$(book) 7 Einträge · 1 defekter Link');
  });
});
