// Randomized edits over stdio (issue 6, "Edits"): the built server on a temporary copy of part of
// the real glossary takes thousands of incremental edits of random text and Markdown syntax at
// random positions (inside links and attribute blocks, past the end of a line or of the document),
// some with duplicate or out-of-order versions, interleaved with requests and with files created,
// changed and deleted on disk. Every answer must be well-formed and fit the text the document had
// when the request was sent (the server handles messages in order, so a request sent right after a
// change must answer for the changed text). Afterwards the server is alive and its diagnostics, its
// workspace symbols, missing entries and document outlines equal those of a fresh server started
// on the final files.
//
// GLOSSARY_TEST_SEED=<n> replays a run (the seed is printed in every failure); GLOSSARY_TEST_EDITS
// sets the number of edits (default 2,500); GLOSSARY_TEST_PROGRESS=1 logs every edit and request to
// stderr and writes the open documents to the temporary folder (for a server that hangs);
// GLOSSARY_TEST_SERVER runs another build of the server, GLOSSARY_TEST_NODE_ARGS=--prof profiles it.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { URI } from 'vscode-uri';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CancellationTokenSource,
  CodeActionRequest,
  CompletionRequest,
  DefinitionRequest,
  DidChangeTextDocumentNotification,
  DidChangeWatchedFilesNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentSymbolRequest,
  FileChangeType,
  HoverRequest,
  LSPErrorCodes,
  Position,
  PrepareRenameRequest,
  Range,
  ReferencesRequest,
  RenameRequest,
  ResponseError,
  TextDocumentContentChangeEvent,
  TextDocumentEdit,
  TextEdit,
  WorkspaceEdit,
  WorkspaceSymbolRequest,
} from 'vscode-languageserver/node';
import { corpusEntries, diagnosticsByUri, linkedSubset, StartedServer, startServer } from './support/lspServer';
import { random as seededRandom } from '../server/src/test/generate';

const seed = Number(process.env.GLOSSARY_TEST_SEED ?? 20261129);
const editCount = Number(process.env.GLOSSARY_TEST_EDITS ?? 2500);
const replay = `seed ${seed}; replay with GLOSSARY_TEST_SEED=${seed}`;
/** The text with each lone surrogate (half an emoji, left by an edit that split one) replaced by U+FFFD, as UTF-8 stores it. */
const wellFormed = (text: string): string => text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

/** Adds the seed to any failure of `body`, so that every failure message says how to replay it. */
async function withSeed(body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    if (error instanceof Error) {
      error.message = `${error.message}\n[${replay}]`;
    }
    throw error;
  }
}

/**
 * The copy of `count` linked entries of the real glossary, Data-Scraping.md first, with its index
 * page and every rule on (the link-graph rules read other files: the index page, other see-also lists).
 */
function copySubset(count: number, mentions: 'hint' | 'information' = 'hint'): { folder: string; names: string[] } {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'glossary-random-edits-'));
  const names = [...linkedSubset(corpusEntries, 'Data-Scraping.md', count), '001-ki-index.txt'];
  for (const name of names) {
    fs.copyFileSync(path.join(corpusEntries, name), path.join(folder, name));
  }
  const severity = { 'seealso-missing-body-link': 'information', 'seealso-not-reciprocal': 'hint', 'unlinked-mention': mentions };
  fs.writeFileSync(path.join(folder, '.glossary.json'), JSON.stringify({ include: ['*.md'], indexFile: '001-ki-index.txt', severity }));
  return { folder, names };
}

const lineLength = (document: TextDocument, line: number): number =>
  document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '').length;

/** Whether a position lies inside the document's text (not clamped: a line that exists, a character on it). */
function positionInside(document: TextDocument, position: Position): boolean {
  return (
    Number.isInteger(position.line) &&
    Number.isInteger(position.character) &&
    position.line >= 0 &&
    position.character >= 0 &&
    position.line < document.lineCount &&
    position.character <= lineLength(document, position.line)
  );
}

function rangeInside(document: TextDocument, range: Range): boolean {
  const ordered = range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character);
  return ordered && positionInside(document, range.start) && positionInside(document, range.end);
}

const describe = (range: Range): string => `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;

/**
 * What the server may know of a file: the open document's text at send time, or any text it had
 * on disk until the answer came (a file written while a request is under way may be read for it).
 */
interface Snapshot {
  readonly open: ReadonlyMap<string, TextDocument>;
  readonly disk: ReadonlyMap<string, readonly string[]>;
}

function checkRangeIn(snapshot: Snapshot, uri: string, range: Range, what: string): void {
  const open = snapshot.open.get(uri);
  if (open) {
    assert.ok(rangeInside(open, range), `${what}: range ${describe(range)} outside ${path.basename(uri)} (version ${open.version}, ${open.lineCount} lines)`);
    return;
  }
  const texts = snapshot.disk.get(uri);
  assert.ok(texts !== undefined, `${what}: ${uri} is no file of the workspace`);
  assert.ok(
    texts.some((text) => rangeInside(TextDocument.create(uri, 'markdown', 0, text), range)),
    `${what}: range ${describe(range)} fits no text ${path.basename(uri)} had on disk`,
  );
}

/** Checks a workspace edit: open documents at the version the request saw, ranges inside, no overlaps. */
function checkWorkspaceEdit(snapshot: Snapshot, edit: WorkspaceEdit, what: string): void {
  const byUri: [string, TextEdit[], number | null][] = [];
  for (const change of edit.documentChanges ?? []) {
    if (TextDocumentEdit.is(change)) {
      byUri.push([change.textDocument.uri, change.edits as TextEdit[], change.textDocument.version]);
    }
  }
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) {
    byUri.push([uri, edits, null]);
  }
  for (const [uri, edits, version] of byUri) {
    const open = snapshot.open.get(uri);
    if (open && version !== null) {
      assert.equal(version, open.version, `${what}: edit of ${path.basename(uri)} for version ${version}, the editor has ${open.version}`);
    }
    for (const textEdit of edits) {
      assert.equal(typeof textEdit.newText, 'string', `${what}: newText`);
      checkRangeIn(snapshot, uri, textEdit.range, what);
    }
    if (open) {
      assert.doesNotThrow(() => TextDocument.applyEdits(open, edits), `${what}: edits of ${path.basename(uri)} overlap`);
    }
  }
}

/**
 * An id as written compared with the id as read: backslash escapes resolved (`#Language\-Model`, `#a\ b`),
 * percent-decoded, white space (a label across lines) collapsed.
 */
const decoded = (text: string): string => {
  // Pandoc escapes a space too, and a backslash at the end of a line is a hard line break: in a
  // link target both are white space.
  let result = text.replace(/\\(\r?\n| |[!-/:-@[-`{-~])/g, '$1');
  try {
    result = decodeURI(result);
  } catch {
    // Not percent-encoded.
  }
  return result.replace(/\s+/g, ' ');
};

/** Errors a request may answer with: a refusal the writer reads (rename), or a cancellation. */
function acceptableError(error: unknown, refusalAllowed: boolean): boolean {
  if (!(error instanceof ResponseError)) {
    return false;
  }
  return error.code === LSPErrorCodes.RequestCancelled || error.code === LSPErrorCodes.ContentModified || (refusalAllowed && error.code === LSPErrorCodes.RequestFailed);
}

const snippets = [
  '[', ']', '(', ')', '](#', '{#', '}', '{', ' .term', ' .chapter .small .term', '{.seealso}', '{.explanation}', '## ', '### ', '#', '***', '**', '*', '_',
  '`', '```', '~~~', '\n', '\n\n', '\r\n', '|', ' | ', '\\', 'ä', 'Ö', 'ü', 'ß', '😀', '👩‍💻', '𝔊', '----', '> ', '- ', '1. ', '<!-- ', ' -->', '[^1]', '[^1]: x',
  '[Index](#Index) |', '[LLM](#Large-Language-Model)', '[x](#Data-Sc', '## Neu {#Neu .chapter .small .term}\n', '{#Data-Scraping}', '[Data Scraping]', '[Data Scraping]: #Data-Scraping',
  '{#a:b.c}', '{# }', '{#}', '## {ä}', '{[}', '](#)', '[]()', '[a](#ä-ö)', '\t', '  ', '=====', '-----\n',
];
const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZäöüÄÖÜß0123456789 -_.:#[](){}|*`~\n';

// At `hint`, unlinked mentions are worked out for open documents only; at `information`, closed
// files are scanned too, and kept up to date from their texts when the terms change.
for (const mentions of ['hint', 'information'] as const) test(`thousands of random edits, requests and file changes leave the server alive and equal to a fresh one (unlinked-mention at ${mentions})`, { timeout: 180_000 }, (t) =>
  withSeed(async () => {
    const random = seededRandom(seed);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const below = (limit: number): number => Math.floor(random() * limit);
    const chance = (p: number): boolean => random() < p;

    const { folder, names } = copySubset(40, mentions);
    let server: StartedServer | undefined;
    let fresh: StartedServer | undefined;
    try {
      const uriOf = (name: string): string => URI.file(path.join(folder, name)).toString();
      const disk = new Map<string, string[]>(names.map((name) => [uriOf(name), [fs.readFileSync(path.join(folder, name), 'utf8')]]));
      const onDisk = new Set(names.map(uriOf));
      server = await startServer(folder, { signal: t.signal });
      const { connection } = server;
      await server.settle();

      // The editor's documents, mirrored with the same incremental updates the server applies.
      const open = new Map<string, TextDocument>();
      const versions = new Map<string, number>();
      const openFile = async (uri: string): Promise<void> => {
        const text = fs.readFileSync(URI.parse(uri).fsPath, 'utf8');
        const version = (versions.get(uri) ?? 0) + 1;
        versions.set(uri, version);
        open.set(uri, TextDocument.create(uri, 'markdown', version, text));
        await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version, text } });
      };
      const openNames = ['Data-Scraping.md', ...names.filter((name) => name !== 'Data-Scraping.md').slice(0, 4)];
      for (const name of openNames) {
        await openFile(uriOf(name));
      }

      const writeDisk = async (uri: string, text: string | undefined, type: FileChangeType): Promise<void> => {
        const file = URI.parse(uri).fsPath;
        if (text === undefined) {
          fs.rmSync(file, { force: true });
          onDisk.delete(uri);
        } else {
          fs.writeFileSync(file, text);
          onDisk.add(uri);
          disk.set(uri, [...(disk.get(uri) ?? []), text]);
        }
        await connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri, type }] });
      };

      // Where edits and requests go: anywhere, inside links and attribute blocks, past a line's end.
      const interesting = (document: TextDocument): number[] => {
        const text = document.getText();
        const offsets: number[] = [];
        for (const match of text.matchAll(/\]\(#|\{#|\{\.|\[/g)) {
          offsets.push(match.index!);
        }
        return offsets;
      };
      const randomPosition = (document: TextDocument): Position => {
        const roll = random();
        if (roll < 0.45) {
          const offsets = interesting(document);
          if (offsets.length > 0) {
            return document.positionAt(pick(offsets) + below(12));
          }
        }
        if (roll < 0.6) {
          const line = below(document.lineCount);
          return { line, character: lineLength(document, line) + 1 + below(8) };
        }
        if (roll < 0.65) {
          return { line: document.lineCount + below(3), character: below(10) };
        }
        return document.positionAt(below(document.getText().length + 1));
      };
      // Requests go mostly onto ids (of links and of headings), where the features have something to say.
      const requestPosition = (document: TextDocument): Position => {
        if (chance(0.6)) {
          const ids = [...document.getText().matchAll(/\]\(#[^)\s]*|\{#[^\s}]*/g)];
          if (ids.length > 0) {
            const id = pick(ids);
            return document.positionAt(id.index! + below(id[0].length + 1));
          }
        }
        return randomPosition(document);
      };
      const randomText = (): string => {
        if (chance(0.6)) {
          return pick(snippets);
        }
        let text = '';
        for (let i = below(16) + 1; i > 0; i--) {
          text += letters[below(letters.length)];
        }
        return text;
      };
      const randomChange = (document: TextDocument): TextDocumentContentChangeEvent => {
        if (chance(0.005)) {
          // The whole text at once, as some editors send after a large change.
          return { text: document.getText().split('\n').reverse().join('\n') };
        }
        const original = path.join(corpusEntries, path.basename(URI.parse(document.uri).fsPath));
        if (chance(0.01) && fs.existsSync(original)) {
          // The writer reverts to the entry as it was, links and all (so that the edits keep finding some).
          return { text: fs.readFileSync(original, 'utf8') };
        }
        const start = randomPosition(document);
        const roll = random();
        if (roll < 0.5) {
          return { range: { start, end: start }, text: randomText() };
        }
        const startOffset = document.offsetAt(start);
        const end = roll < 0.95 ? document.positionAt(startOffset + below(roll < 0.85 ? 8 : 200)) : randomPosition(document);
        // Ranges the wrong way round are not sent: the protocol requires start <= end.
        const [from, to] = document.offsetAt(end) < startOffset ? [end, start] : [start, end];
        return { range: { start: from, end: to }, text: roll < 0.7 ? '' : randomText() };
      };

      let outOfOrder = 0;
      let duplicates = 0;
      const sendEdit = async (uri: string): Promise<void> => {
        const document = open.get(uri)!;
        const changes: TextDocumentContentChangeEvent[] = [];
        // Several changes in one notification apply one after the other; each is made on the text so far.
        const scratch = TextDocument.create(uri, 'markdown', 0, document.getText());
        for (let i = chance(0.15) ? below(3) + 2 : 1; i > 0; i--) {
          const change = randomChange(scratch);
          changes.push(change);
          TextDocument.update(scratch, [change], 0);
        }
        // Versions normally increase; a few repeat the last one or go back. The protocol forbids both,
        // but the server must not crash on them: it applies every change in the order received, takes
        // the version given, and answers and diagnoses the resulting text (checked below like any other).
        const highest = versions.get(uri)!;
        let version = highest + 1;
        if (chance(0.02)) {
          version = document.version;
          duplicates++;
        } else if (chance(0.02)) {
          version = Math.max(0, document.version - 1 - below(5));
          outOfOrder++;
        }
        versions.set(uri, Math.max(highest, version));
        TextDocument.update(document, changes, version);
        if (process.env.GLOSSARY_TEST_PROGRESS) {
          console.error(`edit ${path.basename(uri)} version ${version}: ${JSON.stringify(changes)}`);
          fs.writeFileSync(path.join(os.tmpdir(), `progress-edit-${path.basename(URI.parse(uri).fsPath)}`), document.getText());
        }
        await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
      };

      const snapshot = (): Snapshot => ({
        open: new Map([...open].map(([uri, document]) => [uri, TextDocument.create(uri, 'markdown', document.version, document.getText())])),
        // The texts written so far and those written before the answer: every write adds a text.
        disk,
      });

      // Quick fixes and renames the server offered; now and then the writer applies one, as an editor does.
      let offered: { title: string; edit: WorkspaceEdit }[] = [];
      let applied = 0;
      const applyOffered = async (): Promise<void> => {
        const choice = offered.length > 0 && chance(0.3) ? pick(offered) : undefined;
        offered = [];
        const textEdits: [string, TextEdit[]][] = [];
        for (const change of choice?.edit.documentChanges ?? []) {
          if (!TextDocumentEdit.is(change)) {
            return; // Creating or renaming files: the protocol test applies those.
          }
          textEdits.push([change.textDocument.uri, change.edits as TextEdit[]]);
        }
        textEdits.push(...Object.entries(choice?.edit.changes ?? {}));
        for (const [uri, edits] of textEdits) {
          const document = open.get(uri);
          if (document) {
            // Sent as one change per edit, from the end of the text backwards, as editors do.
            const changes = [...edits]
              .sort((a, b) => document.offsetAt(b.range.start) - document.offsetAt(a.range.start))
              .map((edit) => ({ range: edit.range, text: edit.newText }));
            const version = versions.get(uri)! + 1;
            versions.set(uri, version);
            TextDocument.update(document, changes, version);
            await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
          } else if (onDisk.has(uri)) {
            const file = URI.parse(uri).fsPath;
            await writeDisk(uri, TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 0, fs.readFileSync(file, 'utf8')), edits), FileChangeType.Changed);
          }
        }
        applied += choice ? 1 : 0;
      };
      const requestCounts = new Map<string, number>();
      // Requests that found something (a hover, a definition, ...), so that the run shows it reached the features.
      const foundCounts = new Map<string, number>();
      const found = (kind: string, something: unknown): void => {
        if (something !== null && something !== undefined && !(Array.isArray(something) && something.length === 0)) {
          foundCounts.set(kind, (foundCounts.get(kind) ?? 0) + 1);
        }
      };
      const sendRequests = (): Promise<void>[] => {
        const pending: Promise<void>[] = [];
        const seen = snapshot();
        for (let n = below(3) + 1; n > 0; n--) {
          const uri = pick([...open.keys()]);
          const document = seen.open.get(uri)!;
          const position = requestPosition(document);
          const textDocument = { uri };
          const kind = pick(['hover', 'definition', 'completion', 'codeAction', 'prepareRename', 'rename', 'references', 'documentSymbol'] as const);
          const what = `${kind} at ${position.line}:${position.character} in ${path.basename(uri)} version ${document.version}`;
          if (process.env.GLOSSARY_TEST_PROGRESS) {
            console.error(what);
          }
          requestCounts.set(kind, (requestCounts.get(kind) ?? 0) + 1);
          const answer = async (): Promise<void> => {
            switch (kind) {
              case 'hover': {
                const hover = await connection.sendRequest(HoverRequest.type, { textDocument, position }).catch((error: unknown) => {
                  assert.ok(acceptableError(error, false), `${what}: ${String(error)}`);
                  return null;
                });
                found(kind, hover);
                if (hover) {
                  assert.equal(typeof (hover.contents as { value: string }).value, 'string', what);
                  if (hover.range) {
                    checkRangeIn(seen, uri, hover.range, what);
                    // A hover is over a link, a heading (a setext underline may end in blanks), an element
                    // with an id (`code`{#id}, []{#id}, <span id="id">), or the label or the id of a reference definition
                    // (`[r]: #Id`, its URL up to the line's end where no title follows) of the text the request was made on.
                    const before = document.getText({ start: { line: hover.range.start.line, character: 0 }, end: hover.range.start });
                    const held = document.getText(hover.range);
                    assert.ok(/^(\[|#|[^\n]*\n[=-]+[ \t]*$)|\{[^{}\n]*#[^{}\n]*\}|\bid=/.test(held) || /\]:[ \t]*<?#$/.test(before), `${what}: hover range ${describe(hover.range)} holds ${JSON.stringify(held)}`);
                  }
                }
                break;
              }
              case 'definition': {
                const locations = await connection.sendRequest(DefinitionRequest.type, { textDocument, position });
                found(kind, locations);
                for (const location of Array.isArray(locations) ? locations : locations ? [locations] : []) {
                  assert.ok('uri' in location, `${what}: a Location`);
                  checkRangeIn(seen, location.uri, location.range, what);
                }
                break;
              }
              case 'references': {
                const locations = await connection.sendRequest(ReferencesRequest.type, { textDocument, position, context: { includeDeclaration: chance(0.5) } });
                found(kind, locations);
                for (const location of locations ?? []) {
                  checkRangeIn(seen, location.uri, location.range, what);
                }
                break;
              }
              case 'completion': {
                const completion = await connection.sendRequest(CompletionRequest.type, { textDocument, position });
                const items = Array.isArray(completion) ? completion : (completion?.items ?? []);
                found(kind, items);
                for (const item of items) {
                  assert.equal(typeof item.label, 'string', what);
                  const edit = item.textEdit;
                  if (edit) {
                    const range = 'range' in edit ? edit.range : edit.replace;
                    checkRangeIn(seen, uri, range, what);
                    assert.ok(range.start.line === range.end.line, `${what}: a completion replaces text on one line`);
                  }
                }
                break;
              }
              case 'codeAction': {
                const end = chance(0.5) ? position : randomPosition(document);
                const range = document.offsetAt(end) < document.offsetAt(position) ? { start: end, end: position } : { start: position, end };
                // Answered after a look at the disk (is a file to be created there already?), the actions
                // of a document closed meanwhile are outdated (ContentModified).
                const actions = await connection.sendRequest(CodeActionRequest.type, { textDocument, range, context: { diagnostics: server!.diagnostics.get(uri) ?? [] } }).catch((error: unknown) => {
                  assert.ok(acceptableError(error, false), `${what}: ${String(error)}`);
                  return null;
                });
                found(kind, actions);
                for (const action of actions ?? []) {
                  assert.equal(typeof action.title, 'string', what);
                  if ('edit' in action && action.edit) {
                    checkWorkspaceEdit(seen, action.edit, `${what}: "${action.title}"`);
                    offered.push({ title: action.title, edit: action.edit });
                  }
                }
                break;
              }
              case 'prepareRename': {
                try {
                  const prepared = await connection.sendRequest(PrepareRenameRequest.type, { textDocument, position });
                  found(kind, prepared);
                  if (prepared && 'range' in prepared) {
                    checkRangeIn(seen, uri, prepared.range, what);
                    // The range is the id in the text the request was made on, or, where the id is written on
                    // another line than the cursor's (a reference link's definition), the link there: an editor
                    // drops a range off the cursor's line. Either way it holds the cursor's line.
                    // (A link target is read as Pandoc reads it: a space in it becomes %20, a line break a space.)
                    const { start, end } = prepared.range;
                    assert.ok(start.line <= position.line && position.line <= end.line, `${what}: range ${describe(prepared.range)} off the cursor's line`);
                    const held = document.getText(prepared.range);
                    if (!held.startsWith('[')) assert.equal(decoded(held), decoded(prepared.placeholder), `${what}: range ${describe(prepared.range)}`);
                  }
                } catch (error) {
                  if (error instanceof assert.AssertionError) {
                    throw error;
                  }
                  assert.ok(acceptableError(error, true), `${what}: ${String(error)}`);
                }
                break;
              }
              case 'rename': {
                try {
                  const edit = await connection.sendRequest(RenameRequest.type, { textDocument, position, newName: `Umbenannt-${below(1000)}` });
                  found(kind, edit);
                  if (edit) {
                    checkWorkspaceEdit(seen, edit, what);
                    offered.push({ title: what, edit });
                  }
                } catch (error) {
                  if (error instanceof assert.AssertionError) {
                    throw error;
                  }
                  assert.ok(acceptableError(error, true), `${what}: ${String(error)}`);
                }
                break;
              }
              case 'documentSymbol': {
                const symbols = await connection.sendRequest(DocumentSymbolRequest.type, { textDocument });
                found(kind, symbols);
                const walk = (list: readonly { range?: Range; selectionRange?: Range; children?: unknown[] }[]): void => {
                  for (const symbol of list) {
                    if (symbol.range) {
                      checkRangeIn(seen, uri, symbol.range, what);
                    }
                    if (symbol.selectionRange) {
                      checkRangeIn(seen, uri, symbol.selectionRange, what);
                    }
                    walk((symbol.children ?? []) as typeof list);
                  }
                };
                walk((symbols ?? []) as { range?: Range }[]);
                break;
              }
            }
          };
          pending.push(answer());
        }
        return pending;
      };

      const allNames = (): string[] => [...onDisk].map((uri) => path.basename(URI.parse(uri).fsPath));
      let created = 0;
      const diskChange = async (): Promise<void> => {
        const closed = [...onDisk].filter((uri) => !open.has(uri));
        const roll = random();
        if (roll < 0.4) {
          // A new entry linking to existing ids and perhaps to one that nothing defines.
          const id = `Zufall-${++created}`;
          const links = Array.from({ length: below(4) + 1 }, () => {
            const target = pick(allNames()).replace(/\.md$/, '');
            return `[${target}](#${chance(0.8) ? target : `${target}-x`})`;
          });
          const text = `## Zufall ${created} {#${id} .chapter .small .term}\n\n${links.join(' ')}\n\n### Verwandte oder andere interessante Themen: {.seealso}\n\n${links.join(' |\n')} |\n[Index](#Index) |\n\n----\n`;
          await writeDisk(uriOf(`${id}.md`), text, FileChangeType.Created);
        } else if (roll < 0.7 && closed.length > 0) {
          const uri = pick(closed);
          const text = fs.readFileSync(URI.parse(uri).fsPath, 'utf8');
          const document = TextDocument.create(uri, 'markdown', 0, text);
          const at = document.offsetAt(randomPosition(document));
          await writeDisk(uri, text.slice(0, at) + randomText() + text.slice(at + below(10)), FileChangeType.Changed);
        } else if (closed.length > 0 && roll < 0.9) {
          await writeDisk(pick(closed), undefined, FileChangeType.Deleted);
        } else {
          // The file of an open document is deleted: the document leaves the glossary until it is saved again.
          await writeDisk(pick([...open.keys()]), undefined, FileChangeType.Deleted);
        }
      };

      const started = Date.now();
      let edits = 0;
      while (edits < editCount) {
        const uri = pick([...open.keys()]);
        for (let n = below(8) + 1; n > 0 && edits < editCount; n--, edits++) {
          await sendEdit(chance(0.8) ? uri : pick([...open.keys()]));
        }
        // Requests follow the edits without waiting: they must answer for the text as changed.
        const pending = sendRequests();
        if (chance(0.03)) {
          await diskChange();
        }
        if (chance(0.005)) {
          // The writer saves and closes a document, or closes it without saving, and opens another.
          const closing = pick([...open.keys()].filter(() => open.size > 2));
          if (closing) {
            if (chance(0.5)) {
              await writeDisk(closing, open.get(closing)!.getText(), FileChangeType.Changed);
            }
            open.delete(closing);
            await connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: closing } });
          }
          const candidates = [...onDisk].filter((other) => !open.has(other));
          if (candidates.length > 0) {
            await openFile(pick(candidates));
          }
        }
        if (process.env.GLOSSARY_TEST_PROGRESS) {
          console.error(`${edits} edits, ${Date.now() - started} ms, documents of ${[...open.values()].map((document) => document.getText().length).join(', ')} characters`);
          for (const [uri, document] of open) {
            fs.writeFileSync(path.join(os.tmpdir(), `progress-${path.basename(URI.parse(uri).fsPath)}`), document.getText());
          }
        }
        await Promise.all(pending);
        await applyOffered();
      }
      const editing = Date.now() - started;
      assert.equal(server.exited(), false, 'the server is alive after the edits');

      // Lone surrogates (an edit that split an emoji) cannot be written as UTF-8: the writer fixes them.
      for (const [uri, document] of open) {
        const text = document.getText();
        if (wellFormed(text) !== text) {
          const version = versions.get(uri)! + 1;
          versions.set(uri, version);
          const change = { range: { start: { line: 0, character: 0 }, end: document.positionAt(text.length) }, text: wellFormed(text) };
          TextDocument.update(document, [change], version);
          await connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [change] });
        }
      }
      // The final files: every open document as the editor has it, the rest as on disk; the file of
      // an open document deleted on disk stays deleted.
      for (const [uri, document] of open) {
        if (onDisk.has(uri)) fs.writeFileSync(URI.parse(uri).fsPath, document.getText());
      }
      await server.settle();
      const errors = server.logs.filter((message) => / failed:|Unhandled|Error/.test(message));
      assert.deepEqual(errors, [], 'no request failed inside the server');

      fresh = await startServer(folder, { signal: t.signal });
      await reopen(fresh, [...open.values()]);
      const describeServer = async (started: StartedServer): Promise<unknown> => {
        const symbols = (await started.connection.sendRequest(WorkspaceSymbolRequest.type, { query: '' })) ?? [];
        const outlines: Record<string, unknown> = {};
        for (const uri of [...open.keys()].sort()) {
          outlines[uri] = await started.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
        }
        return {
          diagnostics: diagnosticsByUri(started.diagnostics),
          symbols: symbols.map((symbol) => JSON.stringify(symbol)).sort(),
          missing: await started.connection.sendRequest('glossary/missingEntries', null),
          outlines,
          counts: { ...started.statuses.at(-1), state: undefined },
        };
      };
      const expected = (await describeServer(fresh)) as { diagnostics: Record<string, string[]> };
      // The mentions that the last changes of titles bring are worked out in the background, a moment
      // after those changes are published: the edited server may still be at it, and gets up to 10 s.
      const edited = server;
      const converged = await edited
        .waitUntil(() => isDeepStrictEqual(diagnosticsByUri(edited.diagnostics), expected.diagnostics), 'the diagnostics of a fresh server', 10_000)
        .then(() => true, () => false);
      const after = (await describeServer(server)) as { diagnostics: Record<string, string[]> };
      assert.deepEqual(after.diagnostics, expected.diagnostics, `the diagnostics equal those of a fresh server on the final files${converged ? '' : ' (not within 10 s)'}`);
      assert.deepEqual(after, expected, 'the index equals that of a fresh server on the final files');
      assert.ok(Object.keys(expected.diagnostics).length > 10, 'the comparison covers the diagnostics of many files');
      const closedMentions = Object.entries(after.diagnostics)
        .filter(([uri]) => !open.has(uri))
        .flatMap(([, published]) => published.filter((diagnostic) => diagnostic.includes('"code":"unlinked-mention"')));
      if (mentions === 'hint') assert.deepEqual(closedMentions, [], 'no mention hint is published for a closed file');
      else assert.ok(closedMentions.length > 10, `the comparison covers the mentions of closed files (${closedMentions.length})`);
      for (const kind of requestCounts.keys()) {
        assert.ok((foundCounts.get(kind) ?? 0) > 0, `some ${kind} request found something`);
      }
      console.log(
        `random edits (${replay}): ${edits} edits (${duplicates} with a repeated version, ${outOfOrder} with an older one) in ${editing} ms, ` +
          `requests ${JSON.stringify(Object.fromEntries(requestCounts))} of which found something ${JSON.stringify(Object.fromEntries(foundCounts))}, ${applied} quick fixes or renames applied, ${created} files created, ${onDisk.size} files at the end, open documents of ${[...open.values()].map((document) => document.getText().length).join(', ')} characters`,
      );
      await server.shutdown();
    } finally {
      server?.child.kill();
      fresh?.child.kill();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  }),
);

/** The processor time a process has used so far, in milliseconds (Linux; 0 elsewhere). */
function cpuMsOf(pid: number): number {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    // utime and stime, the 14th and 15th fields of the whole line, in clock ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/**
 * Opens the documents in a server, as an editor restarted with them open does, and waits until it
 * settles: the unlinked-mention hints are worked out for open documents only.
 */
async function reopen(server: StartedServer, documents: readonly TextDocument[]): Promise<void> {
  for (const document of documents) {
    const textDocument = { uri: document.uri, languageId: 'markdown', version: 1, text: document.getText() };
    await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument });
  }
  await server.settle();
}

/** A server on a copy of 40 linked entries with Data-Scraping.md open, settled. */
async function openDataScraping(signal: AbortSignal): Promise<{ folder: string; server: StartedServer; uri: string; document: TextDocument; uriOf: (name: string) => string }> {
  const { folder } = copySubset(40);
  const uriOf = (name: string): string => URI.file(path.join(folder, name)).toString();
  const server = await startServer(folder, { signal });
  const uri = uriOf('Data-Scraping.md');
  const document = TextDocument.create(uri, 'markdown', 1, fs.readFileSync(path.join(folder, 'Data-Scraping.md'), 'utf8'));
  await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text: document.getText() } });
  await server.settle();
  return { folder, server, uri, document, uriOf };
}

test('a request sent right after a change answers for the changed text; cancelled requests answer at once', { timeout: 120_000 }, (t) =>
  withSeed(async () => {
    const random = seededRandom(seed + 1);
    const { folder, server, uri, document } = await openDataScraping(t.signal);
    try {
      const { connection } = server;
      const textDocument = { uri };
      const target = '](#Large-Language-Model)';
      let version = 1;
      const change = (changes: TextDocumentContentChangeEvent[], nextVersion = ++version): Promise<void> => {
        TextDocument.update(document, changes, nextVersion);
        return connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: nextVersion }, contentChanges: changes });
      };

      // Each change moves the link (lines above it, text before it on its line), and the requests that
      // follow it at once, without waiting, ask about the link where it now is. The server handles
      // messages in order and answers each request before it reads the next change, so every answer
      // must fit the text as changed: positions of the old text would miss the link or lie elsewhere.
      const pending: Promise<void>[] = [];
      for (let round = 0; round < 150; round++) {
        const at = document.positionAt(document.getText().indexOf(target));
        const roll = random();
        if (roll < 0.4) {
          await change([{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n'.repeat(1 + Math.floor(random() * 3)) }]);
        } else if (roll < 0.6 && document.getText().startsWith('\n')) {
          await change([{ range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, text: '' }]);
        } else {
          const lineStart = { line: at.line, character: 0 };
          await change([{ range: { start: lineStart, end: lineStart }, text: 'ü😀'.repeat(1 + Math.floor(random() * 20)) }]);
        }
        const snapshot = TextDocument.create(uri, 'markdown', document.version, document.getText());
        const idStart = document.positionAt(document.getText().indexOf(target) + 3);
        const what = `round ${round}, version ${snapshot.version}, the link at ${idStart.line}:${idStart.character}`;
        pending.push(
          (async () => {
            // A hover reads the linked entry's file: when the next change arrives meanwhile, it is
            // cancelled (ContentModified) rather than answered for the old text.
            const hover = await connection.sendRequest(HoverRequest.type, { textDocument, position: idStart }).catch((error: unknown) => {
              assert.ok(error instanceof ResponseError && error.code === LSPErrorCodes.ContentModified, `${what}: ${String(error)}`);
              return 'modified' as const;
            });
            if (hover !== 'modified') {
              assert.ok(hover?.range, `${what}: a hover`);
              assert.match(snapshot.getText(hover.range), /^\[[^\]]*\]\(#Large-Language-Model\)$/, `${what}: hover range ${describe(hover.range)}`);
            }
          })(),
          (async () => {
            const prepared = await connection.sendRequest(PrepareRenameRequest.type, { textDocument, position: idStart });
            assert.ok(prepared && 'range' in prepared, `${what}: a rename target`);
            assert.equal(snapshot.getText(prepared.range), 'Large-Language-Model', `${what}: rename range ${describe(prepared.range)}`);
          })(),
          (async () => {
            const definitions = await connection.sendRequest(DefinitionRequest.type, { textDocument, position: idStart });
            assert.deepEqual((definitions as { uri: string }[]).map((location) => path.basename(URI.parse(location.uri).fsPath)), ['LLM.md'], what);
          })(),
        );
      }
      await Promise.all(pending);

      // A request whose answer takes a while (a hover reads the linked entry's file) while a change
      // arrives: answered before the server takes the change, it fits the text it was asked on; answered
      // after (a request sent after the change was answered first), it must fit the new text or be
      // cancelled (ContentModified), never carry positions of the old text.
      const overlaps = { before: 0, modified: 0, after: 0 };
      for (let round = 0; round < 40; round++) {
        const asked = TextDocument.create(uri, 'markdown', document.version, document.getText());
        const idStart = asked.positionAt(asked.getText().indexOf(target) + 3);
        const order: string[] = [];
        const hover = connection.sendRequest(HoverRequest.type, { textDocument, position: idStart }).then(
          (answer) => {
            order.push('hover');
            return answer;
          },
          (error: unknown) => {
            order.push('hover');
            return error;
          },
        );
        void change([{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }]);
        const changed = TextDocument.create(uri, 'markdown', document.version, document.getText());
        const later = connection.sendRequest(DocumentSymbolRequest.type, { textDocument }).then(() => order.push('later'));
        const [answer] = await Promise.all([hover, later]);
        const what = `round ${round}: a hover asked on version ${asked.version}, answered ${order[0] === 'hover' ? 'before' : 'after'} the change to version ${changed.version}`;
        if (answer instanceof Error) {
          assert.ok(answer instanceof ResponseError && answer.code === LSPErrorCodes.ContentModified, `${what}: ${String(answer)}`);
          overlaps.modified++;
        } else {
          const range = (answer as { range?: Range } | null)?.range;
          assert.ok(range, `${what}: a hover`);
          if (order[0] === 'hover') {
            overlaps.before++;
            assert.match(asked.getText(range), /^\[[^\]]*\]\(#Large-Language-Model\)$/, `${what}: ${describe(range)}`);
          } else {
            overlaps.after++;
            assert.match(changed.getText(range), /^\[[^\]]*\]\(#Large-Language-Model\)$/, `${what}: ${describe(range)} holds positions of the old text`);
          }
        }
      }
      console.log(`hover across a change (${replay}): ${JSON.stringify(overlaps)}`);

      // A heading whose text is a brace pair that is no attribute block (this once looped forever).
      await change([{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '## {ä}\n\n## {} x}\n\n' }]);
      const outline = await connection.sendRequest(DocumentSymbolRequest.type, { textDocument });
      assert.ok((outline ?? []).length > 0, 'the server answers after a heading `## {ä}`');

      // A change that repeats the last version number (the protocol forbids it; the editor is wrong)
      // is still applied, in the order received: the answers and diagnostics follow the new text.
      const end = document.positionAt(document.getText().length);
      await change([{ range: { start: end, end }, text: '\nNeu: [Claude](#Claude-Repeated-A)\n' }]);
      const repeatedEnd = document.positionAt(document.getText().length);
      await change([{ range: { start: repeatedEnd, end: repeatedEnd }, text: 'Noch: [Claude](#Claude-Repeated-B)\n' }], version);
      const renameTargetAt = async (text: string): Promise<unknown> => {
        try {
          const prepared = await connection.sendRequest(PrepareRenameRequest.type, { textDocument, position: document.positionAt(document.getText().indexOf(text) + 2) });
          return prepared && 'placeholder' in prepared ? prepared.placeholder : prepared;
        } catch (error) {
          return String(error);
        }
      };
      assert.equal(await renameTargetAt('#Claude-Repeated-B'), 'Claude-Repeated-B', 'a change with a repeated version is indexed');
      // An older version number: applied all the same.
      const olderEnd = document.positionAt(document.getText().length);
      await change([{ range: { start: olderEnd, end: olderEnd }, text: 'Älter: [Claude](#Claude-Older-C)\n' }], version - 5);
      assert.equal(await renameTargetAt('#Claude-Older-C'), 'Claude-Older-C', 'a change with an older version is indexed');
      await server.settle();
      const brokenTargets = (server.diagnostics.get(uri) ?? []).filter((d) => d.code === 'broken-link').map((d) => (d.data as { target?: string } | undefined)?.target);
      for (const id of ['Claude-Repeated-A', 'Claude-Repeated-B', 'Claude-Older-C']) {
        assert.ok(brokenTargets.includes(id), `the broken link to #${id} is reported: ${brokenTargets.join(', ')}`);
      }

      // Cancellation: 300 requests, each cancelled right after it is sent, answer at once, with
      // nothing (a cancelled request answers empty) or a cancellation error, or with a valid answer
      // when the server had already handled it; then the server answers the next request as usual.
      const idStart = document.positionAt(document.getText().indexOf(target) + 3);
      const startedAt = Date.now();
      const cancelled = await Promise.all(
        Array.from({ length: 300 }, (_, i) => {
          const source = new CancellationTokenSource();
          const request =
            i % 2 === 0
              ? connection.sendRequest(ReferencesRequest.type, { textDocument, position: idStart, context: { includeDeclaration: true } }, source.token)
              : connection.sendRequest(WorkspaceSymbolRequest.type, { query: '' }, source.token);
          source.cancel();
          return request.then(
            (result) => (result === null || (Array.isArray(result) && result.length === 0) ? 'empty' : 'answered'),
            (error: unknown) => {
              assert.ok(acceptableError(error, false), String(error));
              return 'cancelled';
            },
          );
        }),
      );
      const cancelMs = Date.now() - startedAt;
      const outcomes = cancelled.reduce<Record<string, number>>((counts, outcome) => ({ ...counts, [outcome]: (counts[outcome] ?? 0) + 1 }), {});
      assert.ok(cancelMs < 10_000, `300 cancelled requests took ${cancelMs} ms`);
      assert.ok((outcomes.empty ?? 0) + (outcomes.cancelled ?? 0) > 0, `some requests were cancelled: ${JSON.stringify(outcomes)}`);
      const references = await connection.sendRequest(ReferencesRequest.type, { textDocument, position: idStart, context: { includeDeclaration: true } });
      assert.ok((references ?? []).length > 1, 'the next request is answered');
      console.log(`cancellation (${replay}): 300 cancelled requests settled in ${cancelMs} ms: ${JSON.stringify(outcomes)}`);
      await server.shutdown();
    } finally {
      server.child.kill();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  }),
);

test('a burst of 1,000 keystrokes is coalesced: far fewer publications, the last for the final text', { timeout: 120_000 }, (t) =>
  withSeed(async () => {
    const { folder, server, uri, document } = await openDataScraping(t.signal);
    let fresh: StartedServer | undefined;
    try {
      const { connection } = server;
      // One keystroke after a quiet period is published promptly.
      const endOfFirstLine = { line: 1, character: 0 };
      TextDocument.update(document, [{ range: { start: endOfFirstLine, end: endOfFirstLine }, text: '[x](#Nirgendwo)\n' }], 2);
      const typedAt = Date.now();
      await connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version: 2 },
        contentChanges: [{ range: { start: endOfFirstLine, end: endOfFirstLine }, text: '[x](#Nirgendwo)\n' }],
      });
      await server.waitUntil(() => (server.diagnostics.get(uri) ?? []).some((d) => (d.data as { target?: string } | undefined)?.target === 'Nirgendwo'), 'the broken link typed', 10_000);
      const firstPublishMs = Date.now() - typedAt;
      await server.settle();

      // 1,000 keystrokes typed into one line as fast as the client can send them.
      const typed = ' Siehe [Large Language Model](#Large-Language-Model), [Claude](#Claude) und [Neu](#Neu-Eintrag).';
      const line = document.lineCount - 1;
      const before = server.publishCounts.get(uri) ?? 0;
      const cpuBefore = cpuMsOf(server.child.pid!);
      const startedAt = Date.now();
      const sends: Promise<void>[] = [];
      let character = lineLength(document, line);
      for (let i = 0; i < 1000; i++) {
        const at = { line, character };
        const change = { range: { start: at, end: at }, text: typed[i % typed.length]! };
        character++;
        TextDocument.update(document, [change], 3 + i);
        sends.push(connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 3 + i }, contentChanges: [change] }));
      }
      await Promise.all(sends);
      const sentMs = Date.now() - startedAt;
      // The index itself is up to date at once: a request right after the burst sees its last link.
      const lastLink = document.getText().lastIndexOf('(#Large-Language-Model)');
      const definitions = await connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: document.positionAt(lastLink + 4) });
      assert.deepEqual((definitions as { uri: string }[]).map((location) => path.basename(URI.parse(location.uri).fsPath)), ['LLM.md']);
      const answeredMs = Date.now() - startedAt;
      const cpuMs = cpuMsOf(server.child.pid!) - cpuBefore;
      await server.settle();
      const publications = (server.publishCounts.get(uri) ?? 0) - before;
      console.log(
        `coalescing: first keystroke published after ${firstPublishMs} ms; 1,000 keystrokes sent in ${sentMs} ms, handled in ${answeredMs} ms (${cpuMs} ms of the server's processor time), ${publications} publications for the file`,
      );
      assert.ok(publications >= 1 && publications <= 50, `1,000 keystrokes gave ${publications} publications of the file's diagnostics`);

      // The last publication is that of the final text: a fresh server on it publishes the same.
      fs.writeFileSync(URI.parse(uri).fsPath, document.getText());
      fresh = await startServer(folder, { signal: t.signal });
      await reopen(fresh, [document]);
      assert.deepEqual(diagnosticsByUri(server.diagnostics), diagnosticsByUri(fresh.diagnostics));
      await server.shutdown();
    } finally {
      server.child.kill();
      fresh?.child.kill();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  }),
);
