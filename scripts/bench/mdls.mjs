// The comparable work of vscode-markdown-languageservice (the engine of VS Code's built-in Markdown
// features) on the same files: an in-memory IWorkspace holding every file, markdown-it as parser.
// Its texts are read before any timing; a fresh language service is a cold one.
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as md from 'vscode-markdown-languageservice';
import { noCancel, timeAsync } from './common.mjs';

const require = createRequire(import.meta.url);
const MarkdownIt = require('markdown-it');
const { TextDocument } = require('vscode-languageserver-textdocument');
const { URI } = require('vscode-uri');

const noEvent = () => ({ dispose() {} });

class MemoryWorkspace {
  constructor(folder, documents) {
    this.folder = URI.file(folder);
    this.documents = new Map(documents.map((document) => [document.uri, document]));
    this.onDidChangeMarkdownDocument = noEvent;
    this.onDidCreateMarkdownDocument = noEvent;
    this.onDidDeleteMarkdownDocument = noEvent;
  }
  get workspaceFolders() {
    return [this.folder];
  }
  async getAllMarkdownDocuments() {
    return this.documents.values();
  }
  hasMarkdownDocument(resource) {
    return this.documents.has(resource.toString());
  }
  async openMarkdownDocument(resource) {
    return this.documents.get(resource.toString());
  }
  async stat(resource) {
    const uri = resource.toString();
    if (this.documents.has(uri)) return { isDirectory: false };
    return uri === this.folder.toString() ? { isDirectory: true } : undefined;
  }
  async readDirectory(resource) {
    if (resource.toString() !== this.folder.toString()) return [];
    return [...this.documents.keys()].map((uri) => [path.posix.basename(URI.parse(uri).path), { isDirectory: false }]);
  }
}

const diagnosticOptions = {
  validateReferences: md.DiagnosticLevel.warning,
  validateFragmentLinks: md.DiagnosticLevel.warning,
  validateFileLinks: md.DiagnosticLevel.warning,
  validateMarkdownFileLinkFragments: md.DiagnosticLevel.warning,
  validateUnusedLinkDefinitions: md.DiagnosticLevel.warning,
  validateDuplicateLinkDefinitions: md.DiagnosticLevel.warning,
  ignoreLinks: [],
};

/** Every file's text, read once (not timed). */
export function readTexts(dir) {
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => ({ uri: URI.file(path.join(dir, name)).toString(), text: fs.readFileSync(path.join(dir, name), 'utf8') }));
}

/** A cold language service over fresh documents of the texts. */
export function createService(dir, texts) {
  const documents = texts.map(({ uri, text }) => TextDocument.create(uri, 'markdown', 1, text));
  const markdownIt = MarkdownIt({ html: true });
  const parser = { slugifier: md.githubSlugifier, tokenize: async (document) => markdownIt.parse(document.getText(), {}) };
  const logger = { level: md.LogLevel.Off, log() {} };
  const service = md.createLanguageService({ workspace: new MemoryWorkspace(dir, documents), parser, logger });
  const byUri = new Map(documents.map((document) => [document.uri, document]));
  return { service, documents, document: (uri) => byUri.get(uri) };
}

/**
 * `probe`: the link the per-request figures are taken at ({ uri, position }); `heading`: the
 * heading of the most referenced id ({ uri, position }), where its references are asked for.
 * `coldRuns` for the operations that need a fresh service, `requestRuns` per warm call.
 */
export async function measureMdls(dir, { probe, heading, coldRuns, requestRuns }) {
  const texts = readTexts(dir);
  const result = {};

  let diagnostics = 0;
  result.coldDiagnostics = await timeAsync(coldRuns, async () => {
    const { service, documents } = createService(dir, texts);
    diagnostics = 0;
    for (const document of documents) diagnostics += (await service.computeDiagnostics(document, diagnosticOptions, noCancel)).length;
    service.dispose();
  });
  result.diagnostics = diagnostics;

  result.workspaceSymbols = await timeAsync(coldRuns, async () => {
    const { service } = createService(dir, texts);
    result.workspaceSymbolsCount = (await service.getWorkspaceSymbols('', noCancel)).length;
    service.dispose();
  });

  const { service, document } = createService(dir, texts);
  const headingDocument = document(heading.uri);
  const context = { includeDeclaration: true };
  result.referencesFirst = await timeAsync(1, async () => {
    result.referencesCount = (await service.getReferences(headingDocument, heading.position, context, noCancel)).length;
  });
  result.references = await timeAsync(requestRuns, () => service.getReferences(headingDocument, heading.position, context, noCancel));

  const probeDocument = document(probe.uri);
  const definitionOf = async () => {
    const found = await service.getDefinition(probeDocument, probe.position, noCancel);
    return found === undefined ? 0 : Array.isArray(found) ? found.length : 1;
  };
  result.definitionCount = await definitionOf();
  result.definition = await timeAsync(requestRuns, definitionOf);

  // Its completion of every heading of the workspace is offered after `](##`; `](#` lists only the
  // headings of the same file.
  const typedLine = 'Siehe [Text](##';
  const typed = TextDocument.create(probe.uri, 'markdown', 2, `${typedLine}\n${probeDocument.getText()}`);
  const completionOptions = { includeWorkspaceHeaderCompletions: md.IncludeWorkspaceHeaderCompletions.onDoubleHash };
  const complete = () => service.getCompletionItems(typed, { line: 0, character: typedLine.length }, completionOptions, noCancel);
  result.completionItems = (await complete()).length;
  result.completion = await timeAsync(requestRuns, complete);

  const rename = async () => {
    await service.prepareRename(headingDocument, heading.position, noCancel);
    return service.getRenameEdit(headingDocument, heading.position, 'Renamed Heading', noCancel);
  };
  await rename();
  result.rename = await timeAsync(requestRuns, rename);
  service.dispose();
  return result;
}
