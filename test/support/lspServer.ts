// A language server started as an editor starts it (the built dist/glossary.js over stdio), with
// what the tests need around it: the last diagnostics published per URI, every notification
// counted, and a robust "settled" (the index is built, every message sent so far is processed, and
// the server has been quiet for a while).
import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { GlossaryStatus, StatusNotification } from '../../server/src/protocol';
import {
  createProtocolConnection,
  Diagnostic,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  type ServerCapabilities,
  ProtocolConnection,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  WorkspaceSymbolRequest,
} from 'vscode-languageserver/node';


export const repositoryRoot = path.resolve(__dirname, '..', '..', '..');
export const serverScript = process.env.GLOSSARY_TEST_SERVER ?? path.join(repositoryRoot, 'dist', 'glossary.js');
export const corpusEntries = path.resolve(repositoryRoot, '../shared/corpus/ki-glossar/src/de');

const started = new Set<ChildProcess>();
process.once('exit', () => started.forEach((child) => child.kill()));

export interface StartedServer {
  readonly connection: ProtocolConnection;
  /** What the server announced in its answer to initialize. */
  readonly capabilities: ServerCapabilities;
  readonly child: ChildProcess;
  /** The last diagnostics published for each URI (an empty list once cleared). */
  readonly diagnostics: Map<string, Diagnostic[]>;
  /** How many times diagnostics were published for each URI. */
  readonly publishCounts: Map<string, number>;
  /** The document version the last diagnostics of each URI were published with, if any. */
  readonly publishedVersions: Map<string, number | undefined>;
  /** Every status notification, in order. */
  readonly statuses: GlossaryStatus[];
  /** What the server wrote to stderr (the console messages go to the client as log messages). */
  readonly stderr: () => string;
  /** Log messages (`window/logMessage`) the server sent. */
  readonly logs: string[];
  /** Whether the process has exited. */
  readonly exited: () => boolean;
  /** Waits until the condition holds after some notification (or now), or fails after `timeoutMs`. */
  waitUntil(condition: () => boolean, what: string, timeoutMs?: number): Promise<void>;
  /**
   * Waits until the server has settled: it has reported `ready`, has answered a request sent after
   * every message so far (it handles messages in order), and then sent no notification for `quietMs`.
   */
  settle(quietMs?: number): Promise<void>;
  /** Shuts the server down as an editor does and waits for the process to exit. */
  shutdown(): Promise<void>;
}

export interface StartOptions {
  readonly capabilities?: object;
  readonly initializationOptions?: object;
  readonly onConnection?: (connection: ProtocolConnection) => void;
  /** The test's signal (`t.signal`): aborted when the test times out or is cancelled. */
  readonly signal?: AbortSignal;
  /** The workspace folders, when more than `folder` (which is the root). */
  readonly workspaceFolders?: readonly string[];
  /**
   * How the initialize request names `folder`: as root URI and workspace folder (the default); by
   * the deprecated `rootPath` alone, as clients older than `rootUri` do; by `rootPath` beside a
   * `rootUri` of null, which says that no folder is open (Helix started without a root); or not at
   * all (an editor started on a single file).
   */
  readonly namingFolder?: 'rootUriAndFolders' | 'rootPath' | 'rootPathAndNullRootUri' | 'none';
}

/**
 * The capabilities with what editors commonly say of diagnostics, code actions and markup (related
 * places and data taken, code actions taken and their preference shown, Markdown shown), where the
 * test names none: a test of other capabilities is of such a client. A test names `codeAction`,
 * `publishDiagnostics`, `hover` or `completion` to be a client without them.
 */
function withUsualTextDocumentCapabilities(capabilities: { textDocument?: object }): object {
  const textDocument: Record<string, unknown> = { ...capabilities.textDocument };
  const markup = ['markdown', 'plaintext'];
  textDocument['hover'] ??= { contentFormat: markup };
  textDocument['completion'] ??= { completionItem: { documentationFormat: markup } };
  textDocument['codeAction'] ??= { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } }, isPreferredSupport: true };
  textDocument['publishDiagnostics'] ??= { relatedInformation: true };
  return { ...capabilities, textDocument };
}

/** Starts the built server on a workspace folder and sends initialize and initialized. */
export async function startServer(folder: string, options: StartOptions = {}): Promise<StartedServer> {
  const nodeArguments = process.env.GLOSSARY_TEST_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArguments, serverScript, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  // A test that times out never reaches its cleanup: its signal kills the server, which would
  // otherwise keep the test process alive (and a server left over is killed when the process exits).
  started.add(child);
  options.signal?.addEventListener('abort', () => child.kill(), { once: true });
  let stderrText = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => {
    stderrText += chunk;
  });
  let hasExited = false;
  child.once('exit', () => {
    started.delete(child);
    hasExited = true;
    wakeAll();
  });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const diagnostics = new Map<string, Diagnostic[]>();
  const publishCounts = new Map<string, number>();
  const publishedVersions = new Map<string, number | undefined>();
  const statuses: GlossaryStatus[] = [];
  const logs: string[] = [];
  let lastNotification = Date.now();
  const waiters = new Set<() => void>();
  const wakeAll = (): void => waiters.forEach((wake) => wake());
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    diagnostics.set(params.uri, params.diagnostics);
    publishCounts.set(params.uri, (publishCounts.get(params.uri) ?? 0) + 1);
    publishedVersions.set(params.uri, params.version);
    lastNotification = Date.now();
    wakeAll();
  });
  connection.onNotification(StatusNotification, (params) => {
    statuses.push(params);
    lastNotification = Date.now();
    wakeAll();
  });
  connection.onNotification('window/logMessage', (params: { message: string }) => {
    logs.push(params.message);
    lastNotification = Date.now();
    wakeAll();
  });
  connection.onNotification('window/showMessage', (params: { message: string }) => {
    logs.push(params.message);
    lastNotification = Date.now();
    wakeAll();
  });
  // Servers may ask to register watchers, show documents or apply edits; tests that care pass onConnection.
  connection.onRequest('client/registerCapability', () => null);
  options.onConnection?.(connection);
  connection.listen();

  const waitUntil = (condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        if (condition()) {
          waiters.delete(check);
          clearTimeout(timer);
          resolve();
        } else if (hasExited) {
          waiters.delete(check);
          clearTimeout(timer);
          reject(new Error(`the server exited while waiting for ${what}; stderr: ${stderrText.slice(-2000)}`));
        }
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      waiters.add(check);
      check();
    });

  const folderUri = URI.file(folder).toString();
  const { capabilities } = await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    ...(options.namingFolder === 'rootPath'
      ? // Without rootUri, which the protocol's types require since it was introduced.
        ({ rootPath: folder } as unknown as { rootUri: null })
      : options.namingFolder === 'rootPathAndNullRootUri'
        ? { rootPath: folder, rootUri: null, workspaceFolders: [] }
        : options.namingFolder === 'none'
          ? { rootUri: null, workspaceFolders: null }
          : { rootUri: folderUri, workspaceFolders: (options.workspaceFolders ?? [folder]).map((each) => ({ uri: URI.file(each).toString(), name: path.basename(each) })) }),
    initializationOptions: options.initializationOptions,
    capabilities: withUsualTextDocumentCapabilities(
      options.capabilities ?? {
        workspace: { applyEdit: true, workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename'] } },
        textDocument: { documentSymbol: { hierarchicalDocumentSymbolSupport: true } },
      },
    ),
  });
  await connection.sendNotification(InitializedNotification.type, {});

  const settle = async (quietMs = 400): Promise<void> => {
    await waitUntil(() => statuses.some((status) => status.state === 'ready'), 'the index to be ready');
    // Answered only after every earlier message has been handled.
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'settle' }),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`the server did not answer within 30 s${hasExited ? ' (it exited)' : ''}`)), 30_000);
      }),
    ]).finally(() => clearTimeout(timer));
    const answeredAt = Date.now();
    for (;;) {
      const since = Date.now() - Math.max(answeredAt, lastNotification);
      if (since >= quietMs) {
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, quietMs - since + 5));
    }
  };

  const shutdown = async (): Promise<void> => {
    if (hasExited) {
      return;
    }
    await connection.sendRequest(ShutdownRequest.type);
    const exited = new Promise((resolve) => (hasExited ? resolve(undefined) : child.once('exit', resolve)));
    await connection.sendNotification(ExitNotification.type);
    await exited;
    connection.dispose();
  };

  return { connection, capabilities, child, diagnostics, publishCounts, publishedVersions, statuses, logs, stderr: () => stderrText, exited: () => hasExited, waitUntil, settle, shutdown };
}

/** The diagnostics of every URI that has some, each list in a stable order, for comparing two servers. */
export function diagnosticsByUri(diagnostics: ReadonlyMap<string, readonly Diagnostic[]>): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const uri of [...diagnostics.keys()].sort()) {
    const list = diagnostics.get(uri)!;
    if (list.length > 0) {
      result[uri] = list.map((diagnostic) => JSON.stringify(diagnostic)).sort();
    }
  }
  return result;
}

/**
 * Picks up to `count` glossary files that link each other, starting from `start`: breadth first
 * over the ids each file links to and the files linking to its ids, in name order.
 */
export function linkedSubset(folder: string, start: string, count: number): string[] {
  const names = fs.readdirSync(folder).filter((name) => name.endsWith('.md')).sort();
  const texts = new Map(names.map((name) => [name, fs.readFileSync(path.join(folder, name), 'utf8')]));
  const definedIn = new Map<string, string>();
  for (const [name, text] of texts) {
    for (const match of text.matchAll(/\{#([^\s}]+)/g)) {
      definedIn.set(match[1]!, name);
    }
  }
  const targetsOf = (text: string): string[] => [...text.matchAll(/\]\(#([^)\s]+)\)/g)].map((match) => match[1]!);
  const chosen: string[] = [];
  const queue = [start];
  while (queue.length > 0 && chosen.length < count) {
    const name = queue.shift()!;
    if (chosen.includes(name) || !texts.has(name)) {
      continue;
    }
    chosen.push(name);
    const text = texts.get(name)!;
    const ids = [...text.matchAll(/\{#([^\s}]+)/g)].map((match) => match[1]!);
    const outgoing = targetsOf(text).map((id) => definedIn.get(id)).filter((file): file is string => file !== undefined);
    const incoming = names.filter((other) => targetsOf(texts.get(other)!).some((id) => ids.includes(id)));
    queue.push(...[...new Set([...outgoing, ...incoming])].sort());
  }
  return chosen;
}
