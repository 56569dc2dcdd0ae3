// This server's work in-process: a GlossarySession over the files on disk (as the language server
// holds it) and the feature functions the server routes requests to, timed per call.
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { linkTo, median, noCancel, root, timeAsync, timeSync } from './common.mjs';

const require = createRequire(import.meta.url);
const out = (module) => path.join(root, 'out/server/src', module);
const optional = (module) => (fs.existsSync(`${out(module)}.js`) ? require(out(module)) : undefined);

const { URI } = require('vscode-uri');
const { GlossarySession } = require(out('session/glossarySession'));
const { NodeFileSystemWorkspace } = require(out('workspace/nodeWorkspace'));
const completion = require(out('features/completion'));
const { hoverAt } = require(out('features/hover'));
const { findDefinitions } = require(out('features/definition'));
const { findReferences } = require(out('features/references'));
// Features that are being added; their rows stay empty until they exist.
const renameModule = optional('features/rename');
const workspaceSymbolsModule = optional('features/workspaceSymbols');

/** The file and link every per-request figure is taken at (copy 0 keeps the real glossary's names). */
export const probe = { file: 'Data-Scraping.md', target: 'Large-Language-Model' };

export async function loadSession(dir, editorSettings = undefined) {
  const session = new GlossarySession(new NodeFileSystemWorkspace({ synchronousReads: true }), [URI.file(dir).toString()]);
  await session.load(editorSettings, []);
  return session;
}

/** Settings under which the editor scans every file's prose for unlinked mentions, as the command line does. */
const mentionsInProblems = { severity: { 'unlinked-mention': 'information' } };

/** The defined id with the most links to it, and where one of them sits. */
export function mostReferenced(index) {
  let best;
  for (const id of index.definedIds()) {
    const count = index.linksTo(id).length;
    if (best === undefined || count > best.count) best = { id, count };
  }
  const located = index.linksTo(best.id).find((candidate) => candidate.link.kind === 'inline') ?? index.linksTo(best.id)[0];
  const range = located.link.idRange ?? located.link.range;
  return { ...best, uri: located.uri, position: { line: range.start.line, character: range.start.character + 1 } };
}

/**
 * Cold start in-process (read, parse and index every file, then every file's diagnostics), and
 * the per-request figures on the index so built. `runs` for the cold start, `requestRuns` per call.
 */
export async function measureOurs(dir, { runs, requestRuns }) {
  let session;
  const diagnosticsByUri = new Map();
  const coldStart = await timeAsync(runs, async () => {
    session = await loadSession(dir);
    diagnosticsByUri.clear();
    for (const document of session.index.documents()) diagnosticsByUri.set(document.uri, session.diagnosticsOf(document.uri).length);
  });
  const coldStartEveryMention = await timeAsync(runs, async () => {
    const scanned = await loadSession(dir, mentionsInProblems);
    for (const document of scanned.index.documents()) scanned.diagnosticsOf(document.uri);
  });
  const index = session.index;
  const uri = URI.file(path.join(dir, probe.file)).toString();
  const at = linkTo(index.document(uri), probe.target);
  if (at === undefined) throw new Error(`no link to #${probe.target} in ${probe.file}`);
  const top = mostReferenced(index);

  const result = {
    coldStart,
    coldStartEveryMention,
    files: diagnosticsByUri.size,
    entries: [...index.entries()].length,
    ids: [...index.definedIds()].length,
    urisWithDiagnostics: [...diagnosticsByUri].filter(([, count]) => count > 0).map(([uri]) => uri),
    diagnostics: [...diagnosticsByUri.values()].reduce((sum, count) => sum + count, 0),
    probeUri: uri,
    probePosition: at.position,
    mostReferenced: top,
  };

  // Typed on a new line after line 8 of the file, which completion is given whole, as the server gives it.
  const lines = fs.readFileSync(URI.parse(uri).fsPath, 'utf8').split('\n');
  const line = 9;
  const complete = (typed) => {
    const typedLine = `Siehe [Text](#${typed}`;
    const position = { line, character: typedLine.length };
    return completion.complete(index, uri, { before: [...lines.slice(0, line), typedLine].join('\n'), after: `\n${lines.slice(line).join('\n')}` }, position, noCancel);
  };
  result.completionItems = complete('').items.length;
  result.completion = timeSync(requestRuns, () => complete(''));
  result.completionTypedItems = complete('Lar').items.length;
  result.completionTyped = timeSync(requestRuns, () => complete('Lar'));

  // The hover reads the linked entry's file for its explanation, as the server does for a closed file.
  const readText = (target) => session.readText(target);
  result.hover = await timeAsync(requestRuns, () => hoverAt(index, uri, at.position, noCancel, readText));
  result.definitionCount = findDefinitions(index, uri, at.position, noCancel).length;
  result.definition = timeSync(requestRuns, () => findDefinitions(index, uri, at.position, noCancel));
  result.referencesCount = findReferences(index, top.uri, top.position, true, noCancel).length;
  result.references = timeSync(requestRuns, () => findReferences(index, top.uri, top.position, true, noCancel));

  const rename = renameTask(session, top);
  if (rename) {
    result.renameEdits = rename.count();
    result.rename = timeSync(requestRuns, rename.run);
  }
  const symbols = workspaceSymbolsTask(session);
  if (symbols) {
    result.workspaceSymbolsCount = symbols.count();
    result.workspaceSymbols = timeSync(requestRuns, symbols.run);
  }
  return { result, session };
}

/** Rename of the most referenced id to a new one, when the feature exists (prepare and edit). */
function renameTask(session, top) {
  const renameId = renameModule?.renameId;
  if (typeof renameId !== 'function') return undefined;
  const options = { openVersions: new Map(), documentChanges: false };
  const run = () => {
    renameModule.prepareRename(session.index, top.uri, top.position);
    return renameId(session.index, top.uri, top.position, `${top.id}-renamed`, options);
  };
  const count = () => {
    const edit = run();
    const changes = edit?.changes ?? {};
    return Object.values(changes).reduce((sum, edits) => sum + edits.length, 0);
  };
  return { run, count };
}

function workspaceSymbolsTask(session) {
  const find = workspaceSymbolsModule?.workspaceSymbols ?? workspaceSymbolsModule?.findWorkspaceSymbols;
  if (typeof find !== 'function') return undefined;
  const run = () => find(session.index, '', noCancel);
  return { run, count: () => run()?.length ?? 0 };
}

/**
 * One keystroke's work in-process, as the server does it on a change: the open file re-parsed and
 * re-indexed, then the diagnostics of every file the change affects. (Over stdio the server also
 * waits for typing to pause before it publishes; that wait is not work.) Alternately inserts and
 * deletes one character at `textAt` (plain text) and at `idAt` (a link's id); medians per kind,
 * the first two of each left out as warm-up. Leaves the file open with its text as on disk.
 */
export function keystrokeWork(session, { uri, textAt, idAt }, keystrokes) {
  const original = fs.readFileSync(URI.parse(uri).fsPath, 'utf8');
  const lineStarts = [0];
  for (let at = original.indexOf('\n'); at >= 0; at = original.indexOf('\n', at + 1)) lineStarts.push(at + 1);
  const offsetOf = (position) => lineStarts[position.line] + position.character;
  let version = 1;
  session.updateOpen({ uri, version, text: original });
  const times = { text: [], id: [] };
  for (let stroke = 0; stroke < 2 * keystrokes; stroke++) {
    const kind = stroke % 4 < 2 ? 'text' : 'id';
    const offset = offsetOf(kind === 'text' ? textAt : idAt);
    const text = stroke % 2 === 0 ? `${original.slice(0, offset)}x${original.slice(offset)}` : original;
    const start = performance.now();
    const change = session.updateOpen({ uri, version: ++version, text });
    for (const affected of change?.affectedUris ?? []) session.diagnosticsOf(affected);
    times[kind].push(performance.now() - start);
  }
  const warm = (list) => list.slice(Math.min(2, list.length - 1));
  return { text: median(warm(times.text)), id: median(warm(times.id)) };
}
