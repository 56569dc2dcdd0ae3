'use strict';
// A tiny stdio language server for testing the Neovim harness (test/nvim/harness.lua) before the
// glossary server exists: hover, definition and completion of `#Id` links, and a diagnostic for
// each link to an id that no `{#Id ...}` heading attribute in the document's folder defines.
// Built on vscode-languageserver from node_modules. Not the glossary server; do not grow it.
const fs = require('node:fs');
const path = require('node:path');
const { URI } = require('vscode-uri');
const { createConnection, TextDocuments, TextDocumentSyncKind, DiagnosticSeverity, CompletionItemKind } = require('vscode-languageserver/node');
const { TextDocument } = require('vscode-languageserver-textdocument');

const connection = createConnection(); // --stdio from the command line
const documents = new TextDocuments(TextDocument);

/** id -> { uri, line, character } for every `{#Id` in the Markdown files beside `uri`. */
function definedIds(uri) {
  const dir = path.dirname(URI.parse(uri).fsPath);
  const ids = new Map();
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.md'))) {
    const fileUri = URI.file(path.join(dir, name)).toString();
    const text = documents.get(fileUri)?.getText() ?? fs.readFileSync(path.join(dir, name), 'utf8');
    text.split('\n').forEach((line, i) => {
      for (const m of line.matchAll(/\{#([\w-]+)/g)) ids.set(m[1], { uri: fileUri, line: i, character: m.index + 2 });
    });
  }
  return ids;
}

/** The `#Id` of a link `](#Id)` at a position: { id, range }. */
function linkAt(doc, pos) {
  const line = doc.getText({ start: { line: pos.line, character: 0 }, end: { line: pos.line + 1, character: 0 } });
  for (const m of line.matchAll(/\]\(#([\w-]+)\)/g)) {
    const start = m.index + 3;
    const end = start + m[1].length;
    if (pos.character >= start - 1 && pos.character <= end) {
      return { id: m[1], range: { start: { line: pos.line, character: start }, end: { line: pos.line, character: end } } };
    }
  }
  return undefined;
}

function validate(doc) {
  const ids = definedIds(doc.uri);
  const diagnostics = [];
  doc.getText().split('\n').forEach((line, i) => {
    for (const m of line.matchAll(/\]\(#([\w-]+)\)/g)) {
      if (ids.has(m[1])) continue;
      diagnostics.push({
        range: { start: { line: i, character: m.index + 3 }, end: { line: i, character: m.index + 3 + m[1].length } },
        severity: DiagnosticSeverity.Warning,
        code: 'missing-id',
        source: 'mini-lsp',
        message: `No entry defines #${m[1]}`,
      });
    }
  });
  connection.sendDiagnostics({ uri: doc.uri, diagnostics });
}

connection.onInitialize(() => ({
  capabilities: {
    textDocumentSync: TextDocumentSyncKind.Incremental,
    hoverProvider: true,
    definitionProvider: true,
    completionProvider: { triggerCharacters: ['#'] },
  },
  serverInfo: { name: 'mini-lsp', version: '0.0.1' },
}));
connection.onHover(({ textDocument, position }) => {
  const doc = documents.get(textDocument.uri);
  const link = doc && linkAt(doc, position);
  return link ? { contents: { kind: 'markdown', value: `**#${link.id}**` }, range: link.range } : null;
});
connection.onDefinition(({ textDocument, position }) => {
  const doc = documents.get(textDocument.uri);
  const link = doc && linkAt(doc, position);
  const def = link && definedIds(doc.uri).get(link.id);
  return def ? { uri: def.uri, range: { start: { line: def.line, character: def.character }, end: { line: def.line, character: def.character + link.id.length } } } : null;
});
connection.onCompletion(({ textDocument }) =>
  [...definedIds(textDocument.uri).keys()].map((id) => ({ label: id, kind: CompletionItemKind.Reference })),
);
documents.onDidChangeContent((e) => validate(e.document));
documents.listen(connection);
connection.listen();
