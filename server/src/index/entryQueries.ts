import { fileNameId, folderOf, isMarkdownFile } from '../workspace/uris';
import type { LocatedAnchor, WorkspaceIndex } from './workspaceIndex';
import type { Anchor, Entry, GlossaryDocument, Position } from '../parse/model';
import { entryContaining } from '../parse/positions';
import { abbreviates } from '../mentions/lexicon';
import { newIdProblem, proposeEntryId } from './idRules';

/**
 * The id a new entry with this title gets: the title's, but for a closing parenthesis (`Mixture of
 * Experts (MoE)` is `#Mixture-of-Experts`, as the glossary writes such ids: `Gated Recurrent Unit
 * (GRU)` is `#Gated-Recurrent-Unit`); where links wait for the whole title's id, or for what the
 * parenthesis holds (`ANN (Artificial Neural Network)`), that one.
 */
export function newEntryIdFor(index: WorkspaceIndex, title: string): string {
  const parenthesis = /^(.*\S)\s*\(([^()]*)\)$/s.exec(title.trim());
  const candidates = (parenthesis === null ? [title] : [parenthesis[1]!, title, parenthesis[2]!]).map(proposeEntryId).filter((id) => id !== '');
  return candidates.find((id) => !index.isDefined(id) && index.linksTo(id).length > 0) ?? candidates[0] ?? proposeEntryId(title);
}

/**
 * The entry an id names, with its file: when the id is duplicated, the one in the file named after
 * it (LLM.md's for `#LLM`, not a copy's elsewhere), else the first.
 */
export function entryWithId(index: WorkspaceIndex, id: string): { readonly uri: string; readonly entry: Entry } | undefined {
  const entries = index.anchorsOf(id).flatMap(({ uri }) => {
    const entry = index.document(uri)?.entries.find((candidate) => candidate.id === id);
    return entry === undefined ? [] : [{ uri, entry }];
  });
  return entries.find(({ uri }) => fileNameId(uri) === id) ?? entries[0];
}

/**
 * The places that define an id, in the book's order, the one `entryWithId` names (its hover's) first:
 * where a link to an id defined twice leads, in any way it is followed.
 */
export function anchorsOfPreferredFirst(index: WorkspaceIndex, id: string): readonly LocatedAnchor[] {
  const anchors = index.anchorsOf(id);
  const preferred = anchors.length > 1 ? entryWithId(index, id)?.uri : undefined;
  const at = anchors.findIndex(({ uri, anchor }) => uri === preferred && anchor.id === id);
  return at <= 0 ? anchors : [anchors[at]!, ...anchors.slice(0, at), ...anchors.slice(at + 1)];
}

/**
 * The title of the entry an id names, when the id does not tell it (`GAN` for "Generative
 * Adversarial Network (GAN)"); undefined for an id that is its title with hyphens for spaces, and
 * for an id that names no entry.
 */
export function titleUntoldById(index: WorkspaceIndex, id: string): string | undefined {
  const title = entryWithId(index, id)?.entry.title;
  return title === undefined || title.replace(/\s+/g, '-') === id ? undefined : title;
}

/**
 * The entry file named after an id whose entry has another id: `Computer-Vision.md` giving
 * `{#ComputerVision}` while links write `#Computer-Vision`, or the real glossary's `Claude.md`
 * holding a copy of the entry CNN. Of several files so named, the one in the folder of `nearUri`;
 * undefined when none is so named, or it is not clear which.
 */
export function entryFileNamedAfter(index: WorkspaceIndex, id: string, nearUri: string): { readonly uri: string; readonly entry: Entry } | undefined {
  const files = index.markdownFilesNamed(id);
  const uri = files.length === 1 ? files[0] : files.find((candidate) => folderOf(candidate) === folderOf(nearUri));
  const entry = uri === undefined ? undefined : index.document(uri)?.entries[0];
  return uri !== undefined && entry !== undefined && entry.id !== id ? { uri, entry } : undefined;
}

/**
 * Whether the entry is a copy of another under a file named for another term: another file holds
 * an entry with the same id and title, and the file's name names another term (the real
 * glossary's Claude.md holding CNN's, Decision-Transformer.md holding Deep Fake's). Giving it its
 * file's name would send the links meant for the entry yet to write to the copy.
 */
export function isCopyUnderOtherName(index: WorkspaceIndex, uri: string, entry: Entry): boolean {
  return originalsOfCopy(index, uri, entry).length > 0;
}

/** The files holding the entry that `entry` copies under a file named for another term (see `isCopyUnderOtherName`); none when it is no such copy. */
function originalsOfCopy(index: WorkspaceIndex, uri: string, entry: Entry): string[] {
  if ([entry.title, entry.id].some((name) => namesOneTerm(fileNameId(uri), name))) return [];
  const holdsEntry = (other: string) => index.document(other)?.entries.some((candidate) => candidate.id === entry.id && candidate.title === entry.title) === true;
  return [...new Set(index.anchorsOf(entry.id).map((located) => located.uri))].filter((other) => other !== uri && holdsEntry(other));
}

/** Whether every line of `part` stands in `whole`, in the same order (other lines between them or not). */
export function holdsEveryLineOf(whole: string, part: string): boolean {
  const wholeLines = whole.split(/\r\n|\n|\r/);
  let at = 0;
  return part.split(/\r\n|\n|\r/).every((line) => {
    while (at < wholeLines.length && wholeLines[at] !== line) at++;
    return at++ < wholeLines.length;
  });
}

/**
 * The entry file named after an id that holds a copy of another file's entry (the real glossary's
 * Claude.md holding CNN's, while links wait for `#Claude`), with the files holding that entry.
 */
export function copyNamedAfter(index: WorkspaceIndex, id: string, nearUri: string): { readonly uri: string; readonly entry: Entry; readonly originals: readonly string[] } | undefined {
  const named = entryFileNamedAfter(index, id, nearUri);
  const originals = named === undefined ? [] : originalsOfCopy(index, named.uri, named.entry);
  return named === undefined || originals.length === 0 ? undefined : { ...named, originals };
}

/** The longest name taken for an abbreviation of another ("QLoRA"). */
const maxAbbreviationLength = 6;

/**
 * Whether two names may be of one term: a word in common ("Graphics-Processor-Unit", "Graphics
 * Processing Unit"), the same letters ("Auto-GPT", "AutoGPT"), or one the other's abbreviation
 * ("QLoRA", "Quantized Low Rank Adaption").
 */
function namesOneTerm(a: string, b: string): boolean {
  const words = (text: string) => text.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 1);
  const inB = new Set(words(b));
  if (words(a).some((word) => inB.has(word))) return true;
  const [short, long] = [a, b].map((text) => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')).sort((x, y) => x.length - y.length) as [string, string];
  return short === long || (short.length <= maxAbbreviationLength && short[0] === long[0] && abbreviates(short, long));
}

/** Whether one heading or element alone gives an id: a rename of it carries its links along. */
export function definedOnce(index: WorkspaceIndex, id: string): boolean {
  return index.anchorsOf(id).length === 1;
}

/**
 * How many links write a file's entry's id, and how many the id its file's name gives, which tells
 * which of the two the writer means; each undefined where its links lead elsewhere too (an id that
 * another anchor gives as well, or a name's id that a heading gives).
 */
export function linksToIdAndFileName(index: WorkspaceIndex, entryId: string, nameId: string): { readonly toId?: number; readonly toName?: number } {
  return {
    ...(definedOnce(index, entryId) ? { toId: index.linksTo(entryId).length } : {}),
    ...(index.isDefined(nameId) ? {} : { toName: index.linksTo(nameId).length }),
  };
}

/**
 * The entry file named as a broken link writes the id, its entry having another (`Computer-Vision.md`
 * giving `#ComputerVision`), whose id can become the file's name: its id may be the odd one out.
 * Not a copy of another entry under another file's name (the real glossary's `Claude.md` holds one
 * of CNN): its id is defined twice.
 */
export function misnamedEntryFile(index: WorkspaceIndex, target: string, linkingUri: string): { readonly uri: string; readonly entry: Entry } | undefined {
  const named = entryFileNamedAfter(index, target, linkingUri);
  return named !== undefined && mayTakeId(index, named.entry, target) ? named : undefined;
}

/** Whether an entry's id can become `id` with its links: it alone gives its id, and `id` is free. */
export function mayTakeId(index: WorkspaceIndex, entry: Entry, id: string): boolean {
  return definedOnce(index, entry.id) && newIdProblem(index, id) === undefined;
}

/**
 * Whether an entry's id is surely meant to be its file's name, so that changing it is the fix to
 * apply without asking (Auto Fix): the entry is no copy (its id is defined once), its title names
 * the file ("Computer Vision" in `Computer-Vision.md`), and more links write the file's name, broken
 * till now, than the entry's id.
 */
export function isFileNameMeant(index: WorkspaceIndex, entry: Entry, nameId: string): boolean {
  return (
    definedOnce(index, entry.id) &&
    proposeEntryId(entry.title).toLowerCase() === nameId.toLowerCase() &&
    index.linksTo(nameId).length > index.linksTo(entry.id).length
  );
}

/** The entry of a document that holds a position. */
export function entryAt(index: WorkspaceIndex, uri: string, position: Position): Entry | undefined {
  const document = index.document(uri);
  return document && entryContaining(document, position);
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

/** Whether an anchor is a heading of level 1 or 2, which `anchorDescription` calls a heading rather than a section. */
export function isPageLevel(anchor: Anchor): boolean {
  return anchor.heading !== undefined && anchor.heading.level <= 2;
}
