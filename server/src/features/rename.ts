import * as l10n from '@vscode/l10n';
import { Position, Range, RenameFile, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { WorkspaceIndex } from '../index/workspaceIndex';
import { linkPartAt, locateAt, sameRange } from './locate';
import { neverReplace } from './workspaceEdits';
import { baseIdentifier } from '../parse/identifiers';
import { entryFileUri, fileNameFrom, fileNameId, fileNameOf, isMarkdownFile } from '../workspace/uris';
import { indexId } from '../index/indexPage';
import { newIdProblem, startsWithLetter } from '../index/idRules';
import type { IdAfterHash } from '../parse/model';

/** Why a rename cannot happen, in words for the writer. */
export class RenameRefused extends Error {}

/** The id under the cursor that a rename changes, and where it is written. */
export interface RenameTarget {
  readonly id: string;
  readonly range: Range;
  /** A definition of an id defined more than once: it alone is renamed. */
  readonly alone?: boolean;
}

/**
 * The id at a position that can be renamed: a link's id, or an explicit `{#Id}` of a heading or
 * another element. Throws `RenameRefused` elsewhere, for an automatic id, which is not written
 * anywhere, and for an id written with escapes.
 */
export function prepareRename(index: WorkspaceIndex, uri: string, position: Position): RenameTarget {
  const document = index.document(uri);
  const item = document && locateAt(document, position);
  if (item?.kind === 'link' && item.link.idRange !== undefined && item.link.target !== '') {
    const anchors = index.anchorsOf(item.link.target);
    if (anchors.some((located) => !located.anchor.explicit)) {
      throw new RenameRefused(l10n.t('"{0}" is an automatic id; give its heading an explicit {#id} to rename it.', item.link.target));
    }
    refuseIndexOrDuplicate(index, item.link.target, uri);
    if (anchors.some((located) => located.anchor.writtenIdRange === undefined)) {
      throw new RenameRefused(l10n.t('The id "{0}" is written with escapes; rename it there by hand.', item.link.target));
    }
    refuseRenumbering(index, anchors.map((located) => located.uri), item.link.target);
    // An editor drops a range off the cursor's line (VS Code then asks its own Markdown rename):
    // where the id is written elsewhere (a reference link's definition), the range is the part of the link the cursor is on.
    const idRange = item.link.idRange;
    const onCursorLine = idRange.start.line <= position.line && position.line <= idRange.end.line;
    return { id: item.link.target, range: onCursorLine ? idRange : linkPartAt(item.link, position) };
  }
  const idRange = item?.kind === 'anchor' ? item.anchor.writtenIdRange : undefined;
  if (item?.kind === 'anchor' && idRange !== undefined) {
    if (item.anchor.id === indexId) {
      throw new RenameRefused(indexIdKeptReason());
    }
    // Of an id defined more than once, the definition at the cursor is renamed alone: that makes it unique.
    const definers = index.anchorsOf(item.anchor.id);
    if (definers.filter((located) => located.uri === uri).length === 1) refuseRenumbering(index, [uri], item.anchor.id);
    return definers.length > 1 ? { id: item.anchor.id, range: idRange, alone: true } : { id: item.anchor.id, range: idRange };
  }
  if (item?.kind === 'anchor' && item.anchor.explicit) {
    throw new RenameRefused(l10n.t('The id "{0}" is written with escapes; rename it there by hand.', item.anchor.id));
  }
  if (item?.kind === 'anchor') {
    throw new RenameRefused(l10n.t('This heading has an automatic id; write an explicit {#id} to rename it.'));
  }
  if (item?.kind === 'link' && item.link.kind === 'implicitHeading') {
    throw new RenameRefused(l10n.t('This link names the heading "{0}" by its text and writes no id: rename the heading\'s text, or write the link with its id, [{0}](#{1}).', item.link.label, item.link.target));
  }
  throw new RenameRefused(l10n.t('Only an id can be renamed: put the cursor on a link (#Id) or on an {#Id}.'));
}

/**
 * Refuses, from a link, the ids a rename must leave alone: the index page's, which every see-also
 * list links last, and one defined in several places, where it is not known which one is meant.
 */
function refuseIndexOrDuplicate(index: WorkspaceIndex, id: string, fromUri: string): void {
  if (id === indexId) {
    throw new RenameRefused(indexIdKeptReason());
  }
  const definers = index.anchorsOf(id);
  if (definers.length > 1) {
    const files = [...new Set(definers.map((located) => fileNameFrom(located.uri, fromUri)))].join(', ');
    throw new RenameRefused(l10n.t('The id "{0}" is defined {1} times ({2}): rename it at one of its {#id}s, which gives that one alone the new id.', id, definers.length, files));
  }
}

/**
 * Refuses a rename that would change automatic ids of the files that define `id`, in use by links:
 * pandoc numbers a heading whose automatic id an explicit one took (`{#kern}`, then `### Kern` is
 * `kern-1`). Without `{#kern}` that heading is `kern`, and the links to `#kern-1` would break.
 */
function refuseRenumbering(index: WorkspaceIndex, definerUris: readonly string[], id: string): void {
  for (const uri of new Set(definerUris)) {
    for (const anchor of index.document(uri)?.anchors ?? []) {
      const numbered = !anchor.explicit && anchor.heading !== undefined && anchor.id.startsWith(`${id}-`) && /^\d+$/.test(anchor.id.slice(id.length + 1));
      if (numbered && baseIdentifier(anchor.heading!.plainText) === id && index.linksTo(anchor.id).length > 0) {
        throw new RenameRefused(
          l10n.t('Renaming "{0}" would change the automatic id "{1}" of the heading "{2}" in {3}, and the links to it would break: write {4} in that heading first.', id, anchor.id, anchor.heading!.plainText, fileNameOf(uri), `{#${anchor.id}}`),
        );
      }
    }
  }
}

/** Why `Index` itself is not renamed. */
function indexIdKeptReason(): string {
  return l10n.t('"{0}" cannot be renamed: it is the index page\'s id, which every see-also list links last.', indexId);
}

/**
 * The entry file a rename of `id` to `newId` renames along: the `.md` file named after the id
 * whose heading gives it. `inTheWay` is the file that keeps it from being renamed, which the rename
 * leaves alone: one of the glossary whose name is the new one, or differs from it in case alone
 * (one file on Windows and macOS), or the file of the new name on disk outside the glossary
 * (`filesOnDisk`, which the caller has looked for).
 */
export function entryFileRename(
  index: WorkspaceIndex,
  id: string,
  newId: string,
  filesOnDisk: ReadonlySet<string> = new Set(),
): { readonly from: string; readonly to: string; readonly inTheWay: string | undefined } | undefined {
  // A file is named after its entry's heading, not after a span or figure in it.
  const definer = index.anchorsOf(id).find((located) => located.anchor.heading !== undefined)?.uri;
  if (definer === undefined || !isMarkdownFile(definer) || fileNameId(definer) !== id) {
    return undefined;
  }
  const to = entryFileUri(newId, { besideUri: definer });
  const inTheWay = index.documentsNamedAlike(to).find((document) => document.uri !== definer)?.uri ?? (filesOnDisk.has(to) ? to : undefined);
  return { from: definer, to, inTheWay };
}

/** How the client takes edits of several files. */
export interface RenameOptions {
  /**
   * Whether a document is open in the editor: its edit carries the version of the text indexed,
   * which the edit was worked out on, so that the editor refuses it when it holds other text.
   */
  readonly isOpen: (uri: string) => boolean;
  /** Whether the client takes versioned `documentChanges`, and file renames among them. */
  readonly documentChanges: boolean;
  readonly renamesFiles: boolean;
  /** Files known to exist on disk, though not in the glossary, where the entry file would be renamed to. */
  readonly filesOnDisk?: ReadonlySet<string>;
  /** Told when the entry file keeps its name because another file is in the way (see `entryFileRename`). */
  readonly fileKept?: (from: string, inTheWay: string) => void;
}

/**
 * The edits that give the target's id the new one, by file: where it is defined and every link to
 * it; of an id defined more than once, the definition at the target alone, as the links keep
 * leading to the others.
 */
export function idEditsByUri(index: WorkspaceIndex, uri: string, target: RenameTarget, newId: string): Map<string, TextEdit[]> {
  const editsByUri = new Map<string, Map<string, TextEdit>>();
  const add = (file: string, range: Range, idAfterHash?: IdAfterHash): void => {
    let edits = editsByUri.get(file);
    if (!edits) {
      edits = new Map();
      editsByUri.set(file, edits);
    }
    // Links sharing one reference definition share its id range: edit it once.
    edits.set(`${range.start.line}:${range.start.character}`, definitionEdit(range, idAfterHash, newId));
  };
  if (target.alone) {
    const anchor = index.document(uri)?.anchors.find((candidate) => candidate.writtenIdRange !== undefined && sameRange(candidate.writtenIdRange, target.range));
    add(uri, target.range, anchor?.idAfterHash);
  } else {
    for (const { uri: definer, anchor } of index.anchorsOf(target.id)) {
      // Only where the id is written (prepareRename refuses the others): never a heading's title.
      add(definer, anchor.writtenIdRange!, anchor.idAfterHash);
    }
    for (const { uri: linker, link } of index.linksTo(target.id)) {
      if (link.idRange !== undefined) {
        add(linker, link.idRange);
      }
    }
  }
  return new Map([...editsByUri].map(([file, edits]) => [file, [...edits.values()]]));
}

/**
 * The edit that writes the new id where the old one is written (at `range`): in its place, but for
 * one written `#id` when pandoc reads the new one only as `id="…"` (it does not begin with a
 * letter), which then takes the place of `#id`, set apart by a space where `#id` was glued to an
 * attribute beside it (`{.chapter#Id}`).
 */
function definitionEdit(range: Range, idAfterHash: IdAfterHash | undefined, newId: string): TextEdit {
  if (idAfterHash === undefined || startsWithLetter(newId)) {
    return TextEdit.replace(range, newId);
  }
  const withHash = { start: { line: range.start.line, character: range.start.character - 1 }, end: range.end };
  const before = idAfterHash === 'gluedBefore' || idAfterHash === 'gluedBoth' ? ' ' : '';
  const after = idAfterHash === 'gluedAfter' || idAfterHash === 'gluedBoth' ? ' ' : '';
  return TextEdit.replace(withHash, `${before}id="${newId}"${after}`);
}

/**
 * Renames an id: every heading or element that defines it and every link to it in the workspace, in one edit.
 * An entry file named after the old id is renamed along, when the client can rename files and no
 * file of the new name exists (see `entryFileRename`). Refuses an invalid new id, `Index`, and one
 * that is already defined.
 */
export function renameId(index: WorkspaceIndex, uri: string, position: Position, newId: string, options: RenameOptions): WorkspaceEdit {
  const target = prepareRename(index, uri, position);
  const id = target.id;
  if (newId === id) {
    return {};
  }
  const problem = newIdProblem(index, newId, uri);
  if (problem !== undefined) {
    throw new RenameRefused(problem);
  }
  const editsByUri = idEditsByUri(index, uri, target, newId);
  if (!options.documentChanges) {
    return { changes: Object.fromEntries(editsByUri) };
  }
  const documentChanges: (TextDocumentEdit | RenameFile)[] = [...editsByUri].map(([editedUri, edits]) =>
    TextDocumentEdit.create({ uri: editedUri, version: options.isOpen(editedUri) ? (index.document(editedUri)?.version ?? null) : null }, edits),
  );
  const file = options.renamesFiles && !target.alone ? entryFileRename(index, id, newId, options.filesOnDisk) : undefined;
  if (file?.inTheWay !== undefined) {
    options.fileKept?.(file.from, file.inTheWay);
  } else if (file !== undefined) {
    documentChanges.push(RenameFile.create(file.from, file.to, neverReplace));
  }
  return { documentChanges };
}
