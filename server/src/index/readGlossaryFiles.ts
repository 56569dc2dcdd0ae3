import * as l10n from '@vscode/l10n';
import { GlossaryConfig, indexFileUri } from '../config';
import { GlossaryDocument } from '../parse/model';
import { parseGlossaryDocument } from '../parse/parser';
import { hasIndexSections } from './indexPage';
import { FileProblem, ReadResult, Workspace } from '../workspace/workspace';
import { folderOfMost, folderPrefix, isInFolder } from '../workspace/uris';
import { literalPattern } from '../workspace/fileFilter';
import { TimeSlices } from '../timeSlices';
import { errorMessage } from '../errorText';
import type { CancellationToken } from 'vscode-languageserver';

/**
 * Turns a file's text into its model (the parser, with the workspace's parse options bound), or
 * into whatever else is worked out from the text before it is dropped.
 */
export type ParseFunction<T = GlossaryDocument> = (text: string, uri: string) => T;

/** The documents read from a list of files, and what went wrong on the way. */
export interface ReadFilesResult<T = GlossaryDocument> {
  /** The parsed documents, in the order of the URIs given. */
  readonly documents: readonly T[];
  /** Files left out (missing, unreadable, binary), with the reason. */
  readonly skipped: readonly FileProblem[];
  /** Files read with a warning (invalid UTF-8), still parsed. */
  readonly warnings: readonly FileProblem[];
}

/**
 * How many reads are started ahead of the parser: with asynchronous reads, enough to keep the file
 * system's thread pool busy while the parser works on the files already read, few enough that only
 * a handful of texts is alive. (The local disk is read with blocking calls, `synchronousReads`:
 * there the reads started ahead are done at once.)
 */
export const readConcurrency = 16;

/**
 * Reads the files given, in that order, and hands each text to `parse` (the parser, or other work
 * on a file read again); a text is dropped once `parse` returns, unless what it returns keeps it.
 * Up to `readConcurrency` reads are started ahead of the parser, since asynchronous reads one after
 * the other leave the process waiting on the file system most of the time. Cancelled, it stops
 * and gives what it has read.
 */
export async function readGlossaryFiles<T = GlossaryDocument>(workspace: Workspace, uris: readonly string[], parse: ParseFunction<T>, token?: CancellationToken): Promise<ReadFilesResult<T>> {
  const documents: T[] = [];
  const skipped: FileProblem[] = [];
  const warnings: FileProblem[] = [];
  const pending: Promise<ReadResult>[] = [];
  let next = 0;
  const startReads = (): void => {
    while (next < uris.length && pending.length < readConcurrency) {
      const read = workspace.readFile(uris[next++]!);
      read.catch(() => undefined); // awaited below, in order; this only keeps an early rejection from being unhandled
      pending.push(read);
    }
  };
  // Blocking reads and parsing would hold the event loop for seconds in a large glossary.
  const slices = new TimeSlices();
  for (let i = 0; i < uris.length && token?.isCancellationRequested !== true; i++) {
    if (slices.due) await slices.pause();
    startReads();
    const uri = uris[i]!;
    // A read that throws (an I/O error the workspace did not turn into a failure) skips its file.
    const result = await pending.shift()!.catch((error: unknown): ReadResult => ({
      kind: 'failure',
      reason: 'unreadable',
      message: l10n.t('skipped: cannot read the file ({0})', errorMessage(error)),
    }));
    if (result.kind === 'failure') {
      skipped.push({ uri, message: result.message });
      continue;
    }
    if (result.warning !== undefined) {
      warnings.push({ uri, message: result.warning });
    }
    documents.push(parse(result.text, uri));
  }
  return { documents, skipped, warnings };
}

/** The index page to read, and whether it is to be read besides the files the patterns list. */
export interface IndexPageToRead {
  /** The URI of the `indexFile` setting, whether or not the file exists; undefined when none is set. */
  readonly uri: string | undefined;
  /**
   * A page to read besides the files the patterns list: the configured one when it exists and the
   * patterns leave it out, or without the setting the page found beside them (see `unlistedIndexPage`).
   */
  readonly unlistedUri: string | undefined;
  /** What is wrong with the setting: a page that does not exist (else every link to #Index would advise setting it). */
  readonly problems: readonly string[];
  /** Without the setting, the folder where a `.txt` index page was looked for: one made there later may be it. */
  readonly searchedFolder?: string;
  /** The `indexFile` set but not on disk: the page is looked for as without the setting until it is made. */
  readonly missingUri?: string;
}

/**
 * The index page set as `indexFile`, relative to the glossary's root (the folder of
 * `.glossary.json`, or the workspace folder). It belongs to the glossary even when the include
 * patterns leave it out (`*.txt` pages with the default `**\/*.md`). Without the setting, a `.txt`
 * page with `.index` sections beside the glossary's files is read too (see `unlistedIndexPage`);
 * the index is then the first file holding such sections, as always without the setting.
 */
export async function indexPageToRead(
  workspace: Workspace,
  config: GlossaryConfig,
  rootUri: string | undefined,
  listed: ReadonlySet<string>,
): Promise<IndexPageToRead> {
  const found = async (): Promise<IndexPageToRead> => {
    const searchedFolder = folderOfMost([...listed].map((uri) => [uri, 1] as const));
    const unlistedUri = searchedFolder === undefined ? undefined : await unlistedIndexPage(workspace, config, rootUri, searchedFolder, listed);
    return { uri: undefined, unlistedUri, problems: [], searchedFolder };
  };
  if (config.indexFile === undefined || config.indexFile.trim() === '') {
    return found();
  }
  const uri = rootUri === undefined ? undefined : indexFileUri(config, rootUri);
  const kind = uri === undefined || listed.has(uri) ? 'file' : await workspace.stat(uri);
  const isFile = uri !== undefined && kind === 'file';
  if (uri !== undefined && !isFile) {
    const problem = kind === undefined || kind === 'danglingLink' ? l10n.t('"indexFile" names "{0}", which does not exist.', config.indexFile ?? '') : l10n.t('"indexFile" names "{0}", which is not a file.', config.indexFile ?? '');
    return { ...(await found()), problems: [problem], missingUri: uri };
  }
  return { uri, unlistedUri: isFile && !listed.has(uri) ? uri : undefined, problems: [] };
}

/** No index page is larger: a bigger `.txt` beside the entries (a log) is not read to find out. */
const maxIndexPageBytes = 2 * 1024 * 1024;

/** The class `.index` in an attribute block somewhere in a text: a look before the text is parsed. */
const indexClassPattern = /\{[^}\n]*\.index[\s}]/;

/**
 * A `.txt` page that the include patterns leave out (and the exclude patterns do not), in the
 * folder holding most of the listed files, with `.index` sections: the index page of a glossary
 * whose entries are `*.md` (as the real glossary's `001-ki-index.txt`, which pandoc's book takes
 * from the Makefile's list of files). The first by name; undefined when no such page has them.
 */
async function unlistedIndexPage(
  workspace: Workspace,
  config: GlossaryConfig,
  rootUri: string | undefined,
  folder: string,
  listed: ReadonlySet<string>,
): Promise<string | undefined> {
  // The exclude patterns are relative to the glossary's root, as for every file; the page is looked
  // for in the folder alone, whose path from the root the include pattern holds.
  const base = rootUri !== undefined && isInFolder(folder, rootUri) ? rootUri : folder;
  const folderPath = folder === base ? '' : `${literalPattern(decodeURIComponent(folder.slice(folderPrefix(base).length)))}/`;
  const { uris } = await workspace.listFiles(folder, { include: [`${folderPath}*.txt`], exclude: config.exclude, baseUri: base });
  for (const uri of uris) {
    if (!listed.has(uri) && (await holdsIndexSections(workspace, uri))) return uri;
  }
  return undefined;
}

/** Whether a file, not too large for an index page, has `.index` sections (looked for in its text before it is parsed). */
export async function holdsIndexSections(workspace: Workspace, uri: string): Promise<boolean> {
  if (((await workspace.fileSize(uri)) ?? Infinity) > maxIndexPageBytes) return false;
  const read = await workspace.readFile(uri);
  return read.kind === 'text' && indexClassPattern.test(read.text) && hasIndexSections(parseGlossaryDocument(read.text, uri, 0));
}
