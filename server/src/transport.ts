import { format } from 'node:util';
import {
  createServerPipeTransport,
  createServerSocketTransport,
  IPCMessageReader,
  IPCMessageWriter,
  Message,
  MessageReader,
  MessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver/node';
import { URI } from 'vscode-uri';

/** The connection named by the arguments, read as vscode-languageserver reads them; stdio when none is named. */
export interface Transport {
  readonly reader: MessageReader;
  readonly writer: MessageWriter;
  /** Over stdio: stdout carries the protocol, so nothing else may write to it. */
  readonly stdio: boolean;
}

export function transportOf(argv: readonly string[]): Transport {
  const value = (flag: string): string | undefined => {
    const at = argv.findIndex((argument) => argument === flag || argument.startsWith(`${flag}=`));
    return at < 0 ? undefined : argv[at] === flag ? argv[at + 1] : argv[at]!.slice(flag.length + 1);
  };
  if (argv.includes('--node-ipc')) {
    return { reader: new IPCMessageReader(process), writer: new IPCMessageWriter(process), stdio: false };
  }
  const port = value('--socket');
  if (port !== undefined && !argv.includes('--stdio')) {
    const [reader, writer] = createServerSocketTransport(Number.parseInt(port, 10));
    return { reader, writer, stdio: false };
  }
  const pipe = value('--pipe');
  if (pipe !== undefined && !argv.includes('--stdio')) {
    const [reader, writer] = createServerPipeTransport(pipe);
    return { reader, writer, stdio: false };
  }
  return { reader: new StreamMessageReader(process.stdin), writer: new StreamMessageWriter(process.stdout), stdio: true };
}

/** The properties of incoming messages that hold a document's or folder's URI. */
const uriProperties = new Set(['uri', 'rootUri', 'scopeUri', 'oldUri', 'newUri', 'targetUri']);

/**
 * Incoming `file:` URIs in the one spelling the server gives the files it lists (vscode-uri's, as
 * VS Code sends them): Neovim and Emacs send `C++%20(Sprache).md` for `C%2B%2B%20%28Sprache%29.md`,
 * which would otherwise be a second copy of the file. Outgoing URIs keep that spelling, which every
 * client reads as the same file.
 */
export function withCanonicalFileUris(reader: MessageReader): MessageReader {
  return {
    onError: reader.onError,
    onClose: reader.onClose,
    onPartialMessage: reader.onPartialMessage,
    listen: (callback) => reader.listen((message) => callback(canonicalFileUris(message) as Message)),
    dispose: () => reader.dispose(),
  };
}

function canonicalFileUris(value: unknown): unknown {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = canonicalFileUris(value[i]);
  } else if (typeof value === 'object' && value !== null) {
    const object = value as Record<string, unknown>;
    for (const key of Object.keys(object)) {
      const property = object[key];
      if (typeof property === 'string') {
        if (uriProperties.has(key) && property.startsWith('file:')) object[key] = canonicalFileUri(property);
      } else {
        object[key] = canonicalFileUris(property);
      }
    }
  }
  return value;
}

function canonicalFileUri(uri: string): string {
  try {
    return URI.parse(uri).toString();
  } catch {
    return uri;
  }
}

/**
 * Over stdio, output of `console` would corrupt the protocol on stdout: it goes to the client's
 * log instead (vscode-languageserver does the same when it opens stdio itself).
 */
export function consoleToLog(log: { log(message: string): void; error(message: string): void; warn(message: string): void; info(message: string): void }): void {
  console.log = (...args: unknown[]) => log.log(format(...args));
  console.info = (...args: unknown[]) => log.info(format(...args));
  console.debug = (...args: unknown[]) => log.log(format(...args));
  console.warn = (...args: unknown[]) => log.warn(format(...args));
  console.error = (...args: unknown[]) => log.error(format(...args));
}
