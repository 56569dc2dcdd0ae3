import * as l10n from '@vscode/l10n';
import { LocatedAnchor, WorkspaceIndex } from '../index/workspaceIndex';
import { GlossaryDocument, Link, Range } from '../parse/model';
import { comparePositions, entryContaining } from '../parse/positions';
import { fileLinkTarget, idWithoutHash, linkedFile, placeOfLinkedFile } from '../index/fileLinks';
import { DiagnosticCode } from './codes';
import { referenceKey } from '../parse/inline';
import { GlossaryConfig } from '../config';
import { Check } from './check';
import { fileNameFrom, isMarkdownFile } from '../workspace/uris';
import { findClosestIds } from '../index/closestIds';
import { replacementsFor, suggestionsText } from './replacements';
import { entryFileNamedAfter, mayTakeId } from '../index/entryQueries';
import { indexId, indexSections } from '../index/indexPage';

/**
 * The code that reports a link to an id that nothing defines, so that each such link is reported
 * once: `index-anchor-missing` for `#Index`, `index-link-broken` on the index page, else
 * `broken-link`. Undefined when the id is defined.
 */
export function unresolvedLinkCode(link: Link, index: WorkspaceIndex, onIndexPage: boolean): DiagnosticCode | undefined {
  if (index.isDefined(link.target)) {
    return undefined;
  }
  if (link.target === indexId) {
    return DiagnosticCode.IndexAnchorMissing;
  }
  return onIndexPage ? DiagnosticCode.IndexLinkBroken : DiagnosticCode.BrokenLink;
}

/**
 * How many links point at ids that nothing defines, as far as they are reported (`broken-link`,
 * `index-link-broken`, `index-anchor-missing` not set to off): the status bar's and the report's count.
 */
export function reportedBrokenLinkCount(index: WorkspaceIndex, severity: GlossaryConfig['severity']): number {
  const indexPage = index.indexPageUri();
  let count = 0;
  for (const document of index.documents()) {
    for (const link of document.links) {
      const code = unresolvedLinkCode(link, index, document.uri === indexPage);
      if (code !== undefined && severity[code] !== 'off') count++;
    }
  }
  return count;
}

/** Where a link whose id leads nowhere is marked: its id, or the link itself where the id is empty (`[x](#)`), as a range of no width underlines nothing. */
function unresolvedLinkRange(link: Link): Range {
  return link.idRange !== undefined && link.target !== '' ? link.idRange : link.range;
}

/** The links whose id no heading defines that are reported under `code` (see `unresolvedLinkCode`). */
export function unresolvedLinksCheck(code: DiagnosticCode.BrokenLink | DiagnosticCode.IndexLinkBroken): Check {
  return function* ({ document, index }) {
    const onIndexPage = document.uri === index.indexPageUri();
    if (code === DiagnosticCode.IndexLinkBroken && !onIndexPage) {
      return;
    }
    for (const link of document.links) {
      if (unresolvedLinkCode(link, index, onIndexPage) !== code) {
        continue;
      }
      yield {
        range: unresolvedLinkRange(link),
        code,
        message: brokenLinkMessage(link, document, index, onIndexPage),
        data: { kind: code, target: link.target },
        relatedInformation: [],
      };
    }
  };
}

/** `broken-link`: a link's id is defined nowhere in the workspace (outside the index page, other than `#Index`). */
export const checkBrokenLinks = unresolvedLinksCheck(DiagnosticCode.BrokenLink);

/**
 * What a broken link's message names: the entry that a file named after the id holds instead (the
 * real glossary's Claude.md holds a copy of CNN), and the ids its quick fixes offer, in their order
 * (the hover's too). The index page's links are said to be listed there.
 */
function brokenLinkMessage(link: Link, document: GlossaryDocument, index: WorkspaceIndex, onIndexPage: boolean): string {
  const { target } = link;
  // `[label](#)`, as while a link is typed, names no id to look for.
  if (target === '') {
    return l10n.t('The link names no id after #.');
  }
  const closestIds = findClosestIds(target, index);
  if (closestIds[0]?.normalize('NFC') === target.normalize('NFC')) {
    return l10n.t('No heading defines the id "{0}" in these characters: a heading gives it with its letters encoded otherwise (such as ö as one character, or as o and a combining ¨), which pandoc takes for another id.', target);
  }
  const replacements = replacementsFor(index, link, { uri: document.uri, id: entryContaining(document, link.range.start)?.id });
  const { ids, namedByLabel } = replacements;
  const listedAt = onIndexPage ? listedElsewhere(document, link, replacements) : undefined;
  return [
    onIndexPage ? l10n.t('The index lists "{0}", which no heading defines.', target) : l10n.t('No heading defines the id "{0}".', target),
    ...fileNamedAfterNote(index, target, document.uri, ids),
    ...(ids.length === 0 ? [] : [l10n.t('Perhaps meant: {0}.', suggestionsText(index, ids, namedByLabel))]),
    ...(listedAt === undefined ? [] : [l10n.t('The index lists "{0}" already, on line {1}.', listedAt.id, listedAt.line + 1)]),
  ].join(' ');
}

/**
 * Where the index page lists the id a broken link of it clearly means (its preferred replacement)
 * under another link: the broken one is a second listing (`#PromptEngineering` beside
 * `#Prompt-Engineering`), to remove rather than to correct. A listing is a link standing as an item
 * of a list of links, in a letter section where the page has them; a link in a sentence lists nothing.
 */
export function listedElsewhere(indexPage: GlossaryDocument, link: Link, { preferred }: { readonly preferred?: string }): { readonly id: string; readonly line: number } | undefined {
  const listings = preferred === undefined ? [] : indexPage.links.filter((candidate) => candidate !== link && candidate.target === preferred && candidate.listed);
  if (listings.length === 0) return undefined;
  const sections = indexSections(indexPage);
  const inSections = new Set(sections.flatMap((section) => section.links));
  const other = listings.find((candidate) => sections.length === 0 || inSections.has(candidate));
  return other === undefined ? undefined : { id: preferred!, line: other.range.start.line };
}

/**
 * The sentence a broken link's message says of a file named after its id that holds another entry:
 * news for a copy (Claude.md holding CNN), unless a suggested id leads to that entry already; for an
 * entry whose id is the odd one out (Computer-Vision.md giving `#ComputerVision`), that renaming the
 * one id mends every such link, where the suggestion alone would have the writer correct each link.
 */
function fileNamedAfterNote(index: WorkspaceIndex, target: string, linkingUri: string, suggestedIds: readonly string[]): string[] {
  const named = entryFileNamedAfter(index, target, linkingUri);
  if (named === undefined) {
    return [];
  }
  const file = fileNameFrom(named.uri, linkingUri);
  if (!suggestedIds.includes(named.entry.id)) {
    return [l10n.t('The file {0} holds the entry "{1}", whose id is "{2}".', file, named.entry.title, named.entry.id)];
  }
  return !mayTakeId(index, named.entry, target)
    ? []
    : [l10n.t('The entry "{1}" in {0} has the id "{2}": rename it "{3}", after its file, and every link to "{3}" leads to it.', file, named.entry.title, named.entry.id, target)];
}

/** How many of an id's other definitions a duplicate-anchor message names (the rest are counted). */
const maxPlacesNamed = 3;

/** Where an id's other definitions are, seen from the file `fromUri`, as `Claude.md:1, CNN.md:4 and 2 more`. */
function placesOf(others: readonly LocatedAnchor[], count: number, fromUri: string): string {
  const named = others.slice(0, maxPlacesNamed).map((other) => `${fileNameFrom(other.uri, fromUri)}:${other.anchor.idRange.start.line + 1}`);
  return count > named.length ? l10n.t('{0} and {1} more', named.join(', '), count - named.length) : named.join(', ');
}

/**
 * In how many files headings give an id when at least one of them gives it automatically, or
 * undefined when fewer than two files do. Pandoc joins the files into one book and gives each id
 * once, numbering repeated automatic ids across it (`beschreibung`, `beschreibung-1`, …): a link to
 * such an id leads to whichever of those files comes first, though each file alone gives its
 * heading the id. Explicit ids alone are `duplicate-anchor`'s, and so is an element's id that a
 * heading gives too: pandoc numbers no heading's id for a span's, both keep it.
 */
export function filesSharingAutomaticId(index: WorkspaceIndex, id: string): number | undefined {
  // Most ids are an entry's, defined in one file: counted before any anchor is looked at.
  if (index.definingDocumentCount(id) < 2) return undefined;
  const headings = index.anchorsOf(id).filter((located) => located.anchor.heading !== undefined);
  const files = new Set(headings.map((located) => located.uri)).size;
  return files >= 2 && headings.some((located) => !located.anchor.explicit) ? files : undefined;
}

/** `ambiguous-link`: a link points at an id that headings in several files give, automatically in one at least (see `filesSharingAutomaticId`). */
export const checkAmbiguousLinks: Check = function* ({ document, index }) {
  for (const link of document.links) {
    const files = filesSharingAutomaticId(index, link.target);
    if (files === undefined) {
      continue;
    }
    yield {
      range: link.idRange ?? link.range,
      code: DiagnosticCode.AmbiguousLink,
      message: l10n.t(
        'Headings in {0} files give the id "{1}", automatically in some: in the book, pandoc gives it to the first of them only and numbers the automatic others ({1}-1, …), so this link leads to whichever file comes first. Give the heading meant an explicit {#id} no other heading has, and link to that.',
        files,
        link.target,
      ),
      data: { kind: DiagnosticCode.AmbiguousLink, target: link.target },
      // The places are in the hover; as related information they would go stale when the lines of those files move.
      relatedInformation: [],
    };
  }
};

/**
 * `file-link`: a link points at a file of the glossary by its path (`[Claude](Claude.md)`, as VS
 * Code's Markdown completes and drops links), or at a Markdown file the glossary does not hold.
 * Pandoc joins the files into one book, which has no such file: in it the link leads nowhere.
 * Reported once per URL written (a reference definition's serves all its links); links to other
 * files (images, PDFs) are no finding.
 */
export const checkFileLinks: Check = function* ({ document, index }) {
  const reported = new Set<string>();
  for (const link of document.fileLinks) {
    const target = fileLinkTarget(document.uri, link);
    const file = linkedFile(index, target);
    const { line, character } = link.urlRange.start;
    // An id that a heading gives, written as a path (`[Crawler](Web-Crawling)`): the link's `#` is missing.
    const written = file === undefined ? idWithoutHash(link) : undefined;
    const hashMissing = written !== undefined && index.isDefined(written);
    if ((file === undefined && !isMarkdownFile(target.uri) && !hashMissing) || reported.has(`${line}:${character}`)) continue;
    reported.add(`${line}:${character}`);
    if (hashMissing) {
      yield {
        range: link.urlRange,
        code: DiagnosticCode.FileLink,
        message: l10n.t('The link points at a file "{0}", which the book does not have: a link to the id {0} is written with # before it, #{0}.', written),
        data: { kind: DiagnosticCode.FileLink, id: written, fileUri: undefined },
        relatedInformation: [],
      };
      continue;
    }
    const name = fileNameFrom(file?.uri ?? target.uri, document.uri);
    const placeId = file && placeOfLinkedFile(file, target.fragment)?.id;
    // The entry's own file leads back to the entry: its id would be a self-link, so none is offered.
    const ownEntry = file?.uri === document.uri && placeId !== undefined && entryContaining(document, link.urlRange.start)?.id === placeId;
    const id = ownEntry ? undefined : placeId;
    const what =
      file === undefined
        ? l10n.t('No file of the glossary has that name.')
        : ownEntry
          ? l10n.t("It is this entry's own file: in the book, the link would lead back to #{0} itself. Remove the link, or link another entry.", placeId)
          : id !== undefined
            ? l10n.t('Link its id instead: #{0}.', id)
            : target.fragment === undefined
              ? l10n.t('Give a heading of it an id, and link that.')
              : file.anchors.some((anchor) => anchor.id === target.fragment)
                ? l10n.t('Its heading gives the id "{0}" automatically, as headings in other files may: give it an explicit {#id}, and link that.', target.fragment)
                : l10n.t('No heading of {0} gives the id "{1}".', name, target.fragment);
    yield {
      range: link.urlRange,
      code: DiagnosticCode.FileLink,
      message: `${l10n.t("The link points at the file {0}, which the book does not have: pandoc joins the glossary's files into one.", name)} ${what}`,
      data: { kind: DiagnosticCode.FileLink, id, fileUri: file?.uri },
      relatedInformation: [],
    };
  }
};

/**
 * `link-syntax`: links written so that the book shows them otherwise (see `TextLink`): pandoc reads
 * `[label] (#Id)` and `[[Id]]` as text, and a link without text shows nothing to click (only in a
 * workspace with an entry).
 */
export const checkLinkSyntax: Check = function* ({ document, index }) {
  if (!index.hasEntries()) {
    return;
  }
  for (const textLink of document.textLinks) {
    if (textLink.kind === 'reference' && !isIdMeant(index, textLink.target)) continue;
    yield {
      range: textLink.range,
      code: DiagnosticCode.LinkSyntax,
      message:
        textLink.kind === 'blankBeforeTarget'
          ? l10n.t('pandoc reads no link here: no blank may stand between ] and (, and the book shows the target as text.')
          : textLink.kind === 'doubleBrackets'
            ? l10n.t('pandoc reads no wiki link [[…]]: in the book the brackets stand in the text. A link is written [label](#Id).')
            : textLink.kind === 'reference'
              ? l10n.t('pandoc reads no link here: no reference definition gives [{0}], and no heading is titled so. A link to the id is written [label](#{0}).', textLink.target)
              : l10n.t('The link has no text between its brackets: in the book there is nothing to see or click.'),
      data: { kind: DiagnosticCode.LinkSyntax },
      relatedInformation: [],
    };
  }
};

/**
 * Whether a reference that no definition gives (`[Web-Crawling]`) means an id: one that a heading
 * gives, whose title is not the key (`[LLM]` is a link to a heading titled "LLM" in the book).
 */
function isIdMeant(index: WorkspaceIndex, key: string): boolean {
  return index.isDefined(key) && !index.anchorsOf(key).some(({ anchor }) => anchor.element === 'heading' && referenceKey(anchor.label) === referenceKey(key));
}

/** How many other definitions a `duplicate-anchor` diagnostic lists as related information. */
const maxRelatedDefinitions = 20;

/** `duplicate-anchor`: an explicit id defined more than once; every explicit occurrence is reported. */
export const checkDuplicateAnchors: Check = function* ({ document, index }) {
  // A file can hold thousands of ids: those it alone defines once are told apart without a lookup,
  // and each other id is looked up once.
  const countInFile = new Map<string, number>();
  for (const anchor of document.anchors) {
    countInFile.set(anchor.id, (countInFile.get(anchor.id) ?? 0) + 1);
  }
  const definitionsById = new Map<string, ReturnType<typeof index.anchorsOf>>();
  for (const anchor of document.anchors) {
    if (!anchor.explicit || (countInFile.get(anchor.id) === 1 && index.definingDocumentCount(anchor.id) === 1)) {
      continue;
    }
    let definitions = definitionsById.get(anchor.id);
    if (definitions === undefined) {
      definitions = index.anchorsOf(anchor.id);
      definitionsById.set(anchor.id, definitions);
    }
    if (definitions.length < 2) {
      continue;
    }
    const others: LocatedAnchor[] = [];
    for (const other of definitions) {
      if (others.length === maxRelatedDefinitions) {
        break;
      }
      if (other.uri !== document.uri || comparePositions(other.anchor.idRange.start, anchor.idRange.start) !== 0) {
        others.push(other);
      }
    }
    const places = placesOf(others, definitions.length - 1, document.uri);
    // `[Crawler]{#Web-Crawling}`, braces typed for parentheses: a span that takes a heading's id, where a link was meant.
    const linkMeant = anchor.element === 'span' && anchor.classes.length === 0 && others.some((other) => other.anchor.element === 'heading');
    yield {
      range: anchor.idRange,
      code: DiagnosticCode.DuplicateAnchor,
      message: linkMeant
        ? l10n.t('The span {0} gives the id "{1}" again, which a heading gives at {2}: a link to it is written with parentheses, {3}.', `[${anchor.label}]{#${anchor.id}}`, anchor.id, places, `[${anchor.label}](#${anchor.id})`)
        : l10n.t('The id "{0}" is defined {1} times in the glossary, also at {2}.', anchor.id, definitions.length, places),
      data: { kind: DiagnosticCode.DuplicateAnchor, id: anchor.id, ...(linkMeant ? { linkMeant } : {}) },
      relatedInformation: others.map((other) => ({
        uri: other.uri,
        range: other.anchor.idRange,
        message: l10n.t('"{0}" is also defined here.', anchor.id),
      })),
    };
  }
};
