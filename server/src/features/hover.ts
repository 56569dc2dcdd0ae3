import * as l10n from '@vscode/l10n';
import { CancellationToken, Hover, Position } from 'vscode-languageserver';
import { fileNameFrom } from '../workspace/uris';
import { filesSharingAutomaticId } from '../diagnostics/linkChecks';
import { LocatedAnchor, WorkspaceIndex } from '../index/workspaceIndex';
import { Anchor, Link } from '../parse/model';
import { comparePositions } from '../parse/positions';
import { anchorsOfPreferredFirst, copyNamedAfter, entryAt, entryFileNamedAfter, entryWithId, holdsEveryLineOf, isFileNameMeant, misnamedEntryFile } from '../index/entryQueries';
import { entryPreview, type ListItemPreview } from './entryPreview';
import { linkPartAt, locateAt } from './locate';
import { Markup, markdownMarkup } from './markdownText';
import { namedByLabelNote, replacementsFor, suggestionNote } from '../diagnostics/replacements';
import { messagesLanguage } from '../localization';
import { indexId } from '../index/indexPage';

/**
 * What to show over a link (its target's title, summary, lead paragraph, first explanation, file
 * and line, and how many links point at it; for a broken link the ids it may have meant, as its
 * quick fixes offer them) or over a heading or an element's `{#id}` (how many links point at it,
 * from how many entries and other files). The Markdown is never trusted: writer text is escaped.
 * A client that asks for plain text gets it (`markup`).
 */
export async function hoverAt(
  index: WorkspaceIndex,
  uri: string,
  position: Position,
  token: CancellationToken,
  readText: TextReader = async () => undefined,
  markup: Markup = markdownMarkup,
): Promise<Hover | null> {
  const document = index.document(uri);
  const item = document && locateAt(document, position);
  if (item === undefined || token.isCancellationRequested) {
    return null;
  }
  const lines = item.kind === 'link' ? await linkHover(index, uri, item.link, readText, markup) : anchorHover(index, uri, item.anchor, markup);
  // A reference link's label and id stand in its definition, elsewhere in the file: the hover covers what the cursor is on.
  const range = item.kind === 'anchor' ? item.anchor.range : linkPartAt(item.link, position);
  return { contents: { kind: markup.kind, value: lines.join('\n\n') }, range };
}

/** The current text of a file (the editor's for an open one), or undefined when it cannot be read. */
export type TextReader = (uri: string) => Promise<string | undefined>;

async function linkHover(index: WorkspaceIndex, uri: string, link: Link, readText: TextReader, m: Markup): Promise<string[]> {
  // `[label](#)`, as while a link is typed: there is no id to say anything of.
  if (link.target === '') {
    return [m.strong(l10n.t('Broken link')), m.text(l10n.t('The link names no id after #.'))];
  }
  const anchors = anchorsOfPreferredFirst(index, link.target);
  if (anchors.length === 0) {
    // Short: VS Code shows the diagnostic's message (no heading defines the id) right above.
    const title = `${m.strong(l10n.t('Broken link'))} ${m.code(link.target)}`;
    // How much hangs on the missing id: one stray link, or an entry yet to write.
    const count = brokenLinkCountText(index.linksTo(link.target).length, index.documentsLinkingTo(link.target).length);
    if (link.target === indexId) {
      // What is missing, in a line: the diagnostic above tells what to do.
      const page = index.indexPageUri();
      const missing = page === undefined ? l10n.t('There is no index page.') : l10n.t('The index page, {0}, has no heading with the id Index.', fileNameFrom(page, uri));
      return [title, m.text(missing), count];
    }
    // The ids the quick fixes offer, in their order: an entry named by title comes before a close spelling.
    const linkingEntry = entryAt(index, uri, link.range.start);
    const { ids, namedByLabel } = replacementsFor(index, link, { uri, id: linkingEntry?.id }, { related: true });
    const named = (id: string): string => {
      const note = namedByLabel.has(id) ? namedByLabelNote() : suggestionNote(index, id, true);
      return note === undefined ? m.code(id) : `${m.code(id)} (${m.text(note)})`;
    };
    const suggestion = ids.length > 0 ? l10n.t('Perhaps meant: {0}', ids.map(named).join(', ')) : l10n.t('No existing id comes close enough to suggest.');
    const file = await fileNamedAfter(index, link.target, uri, readText, m);
    // In the order of the quick fixes: the id change first when it is the one to apply.
    return file?.first ? [title, file.text, suggestion, count] : [title, suggestion, ...(file ? [file.text] : []), count];
  }
  const first = anchors[0]!;
  const entry = entryWithId(index, link.target);
  const title = entry?.entry.title ?? first.anchor.label;
  // The id beside the title, unless it reads the same (`LLM`).
  const lines = [title === '' ? m.code(link.target) : title === link.target ? m.strong(title) : `${m.strong(title)} ${m.code(link.target)}`];
  if (entry?.entry.summary !== undefined) {
    lines.push(m.emphasis(entry.entry.summary));
  }
  // Where the entry is and how linked, on one line above the preview: a long preview scrolls in a hover.
  lines.push(`${m.text(placesText(anchors, uri))} · ${linkCountText(index.linksTo(link.target).length)}`);
  if (anchors.length > 1) {
    lines.push(
      filesSharingAutomaticId(index, link.target) !== undefined
        ? sharedAutomaticIdText(anchors.length, link.target, m)
        : entry !== undefined
          ? m.text(l10n.t('Defined {0} times; the entry shown is the one in {1}.', anchors.length, `${fileNameFrom(entry.uri, uri)}:${entry.entry.heading.range.start.line + 1}`))
          : l10n.t('Defined {0} times.', anchors.length),
    );
  }
  const text = entry && (await readText(entry.uri));
  const preview = entry && text !== undefined ? await entryPreview(entry.entry, text) : {};
  if (preview.lead !== undefined) lines.push(m.text(preview.lead));
  if (preview.explanation?.paragraph !== undefined) lines.push(m.text(preview.explanation.paragraph));
  if (preview.explanation !== undefined && preview.explanation.items.length > 0) {
    // A list as Markdown shows one, its items' bold labels kept.
    const item = ({ label, text }: ListItemPreview): string => `- ${label === undefined ? '' : m.strong(label)}${m.text(text)}`;
    lines.push([...preview.explanation.items.map(item), ...(preview.explanation.more ? ['- …'] : [])].join('\n'));
  }
  return lines;
}

/**
 * What the hover of a broken link tells of an entry file named after the missing id whose entry
 * has another id: that a quick fix changes its id to the file's name (`Computer-Vision.md` giving
 * `{#ComputerVision}`), `first` when that is the fix to apply; for a copy of another entry
 * (`Claude.md` holding CNN's), that a quick fix writes the entry over it where the other file
 * holds every line of it (as the fix is offered), else no more than what the file holds.
 */
async function fileNamedAfter(index: WorkspaceIndex, id: string, linkingUri: string, readText: TextReader, m: Markup): Promise<{ readonly text: string; readonly first: boolean } | undefined> {
  const named = entryFileNamedAfter(index, id, linkingUri);
  if (named === undefined) {
    return undefined;
  }
  const file = fileNameFrom(named.uri, linkingUri);
  const copy = copyNamedAfter(index, id, linkingUri);
  const copyText = copy === undefined ? undefined : await readText(copy.uri);
  for (const original of copy === undefined || copyText === undefined ? [] : copy.originals) {
    const originalText = await readText(original);
    if (originalText !== undefined && copyText !== undefined && holdsEveryLineOf(originalText, copyText)) {
      return { text: m.text(l10n.t('The file {0} holds a copy of {1}: a quick fix writes the entry for this id over it.', file, fileNameFrom(original, linkingUri))), first: false };
    }
  }
  if (misnamedEntryFile(index, id, linkingUri) === undefined) {
    return { text: m.text(l10n.t('A file {0} exists, but its entry "{1}" has the id "{2}".', file, named.entry.title, named.entry.id)), first: false };
  }
  return {
    text: m.text(l10n.t('A file {0} exists, and its entry "{1}" has the id "{2}": a quick fix changes that id to the file\'s name.', file, named.entry.title, named.entry.id)),
    first: isFileNameMeant(index, named.entry, id),
  };
}

/** How many places of a duplicated id the hover lists. */
const maxPlacesShown = 5;

/** How many files without an entry a heading's hover names among the sources of its links. */
const maxOtherFilesNamed = 3;

function anchorHover(index: WorkspaceIndex, uri: string, anchor: Anchor, m: Markup): string[] {
  const id = anchor.id;
  const links = index.linksTo(id);
  const definedAgain = definedAgainText(index, uri, anchor, m);
  if (links.length === 0) {
    return [m.code(id), ...definedAgain, linkCountText(0)];
  }
  const indexPage = index.indexPageUri();
  const fromEntries = new Set<string>();
  const fromOtherFiles = new Set<string>();
  let fromIndexPage = false;
  for (const located of links) {
    const entry = entryAt(index, located.uri, located.link.range.start);
    // A line above the first entry of a file belongs to that entry's file, unless it is the index page.
    const fileEntry = entry ?? (located.uri === indexPage ? undefined : index.document(located.uri)?.entries[0]);
    if (fileEntry !== undefined) fromEntries.add(`${located.uri}#${fileEntry.id}`);
    else if (located.uri === indexPage) fromIndexPage = true;
    else fromOtherFiles.add(located.uri);
  }
  const sources = [
    ...(fromEntries.size === 0 ? [] : [fromEntries.size === 1 ? l10n.t('1 entry') : l10n.t('{0} entries', fromEntries.size)]),
    ...(fromIndexPage ? [l10n.t('the index page')] : []),
    ...(fromOtherFiles.size === 0 ? [] : [otherFilesText([...fromOtherFiles].map((other) => fileNameFrom(other, uri)), m)]),
  ];
  return [m.code(id), ...definedAgain, `${linkCountText(links.length)} ${l10n.t('Sources: {0}.', new Intl.ListFormat(messagesLanguage()).format(sources))}`];
}

function sharedAutomaticIdText(count: number, id: string, m: Markup): string {
  return m.text(l10n.t('Defined {0} times. In the book, pandoc gives this automatic id to the first such heading only and numbers the others ({1}-1, {1}-2, …): an explicit {#id} is safer to link to.', count, id));
}

/** The files without an entry that links come from, named when they are few: the writer need not look for them. */
function otherFilesText(names: readonly string[], m: Markup): string {
  if (names.length > maxOtherFilesNamed) return l10n.t('{0} files without an entry', names.length);
  const named = m.text(new Intl.ListFormat(messagesLanguage()).format(names));
  return names.length === 1 ? l10n.t('1 file without an entry ({0})', named) : l10n.t('{0} files without an entry ({1})', names.length, named);
}

/**
 * For an id given more than once, where else, and which place the links lead to (the one a link's
 * hover shows): the links counted are the id's, not this heading's alone.
 */
function definedAgainText(index: WorkspaceIndex, uri: string, anchor: Anchor, m: Markup): string[] {
  const anchors = anchorsOfPreferredFirst(index, anchor.id);
  if (anchors.length < 2) return [];
  const isThis = (located: LocatedAnchor): boolean => located.uri === uri && comparePositions(located.anchor.range.start, anchor.range.start) === 0;
  if (filesSharingAutomaticId(index, anchor.id) !== undefined) {
    return [sharedAutomaticIdText(anchors.length, anchor.id, m)];
  }
  if (!isThis(anchors[0]!)) {
    return [m.text(l10n.t('Defined {0} times; links to it lead to the one in {1}.', anchors.length, placesText(anchors.slice(0, 1), uri)))];
  }
  return [m.text(l10n.t('Defined {0} times, also in {1}.', anchors.length, placesText(anchors.slice(1), uri)))];
}

/** Places as `file:line`, the first few of them, relative to the file hovered. */
function placesText(anchors: readonly LocatedAnchor[], uri: string): string {
  const where = anchors.slice(0, maxPlacesShown).map((located) => `${fileNameFrom(located.uri, uri)}:${located.anchor.range.start.line + 1}`);
  const more = anchors.length - where.length;
  return more > 0 ? l10n.t('{0} and {1} more', where.join(', '), more) : where.join(', ');
}

function brokenLinkCountText(links: number, files: number): string {
  if (links === 1) {
    return l10n.t('This is the only link to this id.');
  }
  return files === 1 ? l10n.t('{0} links in this file point at this id.', links) : l10n.t('{0} links in {1} files point at this id.', links, files);
}

function linkCountText(count: number): string {
  if (count === 0) {
    return l10n.t('No link points here.');
  }
  return count === 1 ? l10n.t('1 link points here.') : l10n.t('{0} links point here.', count);
}
