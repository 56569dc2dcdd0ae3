import { GlossaryConfig } from '../config';
import type { WorkspaceIndex } from '../index/workspaceIndex';
import { GlossaryDocument } from '../parse/model';
import { GlossaryDiagnostic } from './diagnostic';
import { folderOf } from '../workspace/uris';

/** What every check reads: one document, the whole workspace, the settings. */
export interface CheckContext {
  readonly document: GlossaryDocument;
  readonly index: WorkspaceIndex;
  readonly config: GlossaryConfig;
  /**
   * The text the document was parsed from, when at hand; the index keeps no texts. Checks that read
   * the prose (`unlinked-mention`) fall back to what they found in it before.
   */
  readonly text: string | undefined;
}

/** A diagnostic before the configured severity is applied. */
export type Finding = Omit<GlossaryDiagnostic, 'severity'>;

/** One rule: the findings of a single diagnostic code in one document. */
export type Check = (context: CheckContext) => Iterable<Finding>;

/** Whether the document is a `.md` file, which the one-entry-per-file rules apply to. */
export function isMarkdownFile(uri: string): boolean {
  return uri.toLowerCase().endsWith('.md');
}

/**
 * The id a `.md` file's name gives, when its first entry has another (`Computer-Vision.md` giving
 * `{#ComputerVision}`); undefined when they agree, or the file holds no entry or is no `.md` file.
 */
export function fileNameIdUnlikeEntry(document: GlossaryDocument): string | undefined {
  const firstEntry = document.entries[0];
  if (!isMarkdownFile(document.uri) || firstEntry === undefined) return undefined;
  const nameId = fileNameId(document.uri);
  return firstEntry.id.normalize('NFC') === nameId ? undefined : nameId;
}

/** The file name of a URI, without its folder. */
export function fileNameOf(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}

/**
 * The file name without folder and extension, as the id of its entry should read: composed (NFC),
 * as ids are typed, though macOS may give the name with decomposed umlauts.
 */
export function fileNameId(uri: string): string {
  const name = fileNameOf(uri).normalize('NFC');
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/** The file of the entry with this id in a folder (`<Id>.md`), or beside the file `besideUri`. */
export function entryFileUri(id: string, folder: { readonly folderUri: string } | { readonly besideUri: string }): string {
  const folderUri = 'folderUri' in folder ? folder.folderUri.replace(/\/+$/, '') : folderOf(folder.besideUri);
  return `${folderUri}/${encodeURIComponent(id)}.md`;
}
