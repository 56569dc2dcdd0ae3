import * as l10n from '@vscode/l10n';
import { Entry, GlossaryDocument } from '../parse/model';
import { WorkspaceIndex } from '../index/workspaceIndex';
import { Check } from './check';
import { fileNameOf } from '../workspace/uris';
import { replacementsFor } from './replacements';
import { entryFileNamedAfter, isCopyUnderOtherName } from '../index/entryQueries';
import { DiagnosticCode } from './codes';
import { unresolvedLinkCode, unresolvedLinksCheck } from './linkChecks';

/** `not-in-index`: an entry that the index page does not link (only when the glossary has an index page). */
export const checkListedInIndex: Check = function* ({ document, index, config }) {
  const indexPageUri = index.indexPageUri();
  const indexPage = indexPageUri === undefined ? undefined : index.document(indexPageUri);
  if (indexPage === undefined || indexPage === document) {
    return;
  }
  // An entry listed under a broken id that clearly means it (`#DataScraping`) is `index-link-broken`'s, whose fix corrects the listing.
  const listedUnderBrokenIds = (id: string): boolean => config.severity[DiagnosticCode.IndexLinkBroken] !== 'off' && index.entriesListedUnderBrokenIds(entriesMeantByBrokenIndexLinks).has(id);
  for (const entry of document.entries) {
    if (!listsEntry(indexPage, entry) && !listedUnderBrokenIds(entry.id)) {
      yield {
        range: entry.heading.range,
        code: DiagnosticCode.NotInIndex,
        message: l10n.t('The index page does not list the entry "{0}" (#{1}).', entry.title, entry.id),
        data: { kind: DiagnosticCode.NotInIndex, entryId: entry.id, indexPageUri: indexPage.uri },
        relatedInformation: [],
      };
    }
  }
};

/**
 * The ids of the entries that the index page lists under an id no heading defines, which that
 * broken link clearly means: its preferred replacement (`#DataScraping` for `Data-Scraping`,
 * `[CNN](#Convolutional-Neural-Network)` for the entry titled "CNN (Convolutional Neural Network)"),
 * or the entry of the file named as the id (`#Papierclip-Maximierer` for the entry
 * `Paperclip-Maximierer` in Papierclip-Maximierer.md), unless that is a copy of another entry.
 * Kept by the index (`WorkspaceIndex.entriesListedUnderBrokenIds`), which tells these entries when
 * they come or go; with the ids of the entries of files so named (`read`).
 */
function entriesMeantByBrokenIndexLinks(index: WorkspaceIndex, indexPage: GlossaryDocument): { ids: Set<string>; read: Set<string> } {
  const ids = new Set<string>();
  const read = new Set<string>();
  for (const link of indexPage.links) {
    if (unresolvedLinkCode(link, index, true) === DiagnosticCode.IndexLinkBroken) {
      const { preferred } = replacementsFor(index, link, undefined);
      if (preferred !== undefined) ids.add(preferred);
      const named = entryFileNamedAfter(index, link.target, indexPage.uri);
      if (named === undefined) continue;
      // Whether it is a copy depends on the other entries of its id, which the page's diagnostics do not read.
      read.add(named.entry.id);
      if (!isCopyUnderOtherName(index, named.uri, named.entry)) ids.add(named.entry.id);
    }
  }
  return { ids, read };
}

/** `index-link-broken`: a link of the index page points at an id that no heading defines. */
export const checkIndexLinks = unresolvedLinksCheck(DiagnosticCode.IndexLinkBroken);

/** `index-anchor-missing`: a link points at `#Index` and no heading defines it. */
export const checkIndexAnchor: Check = function* ({ document, index }) {
  const onIndexPage = document.uri === index.indexPageUri();
  for (const link of document.links) {
    if (unresolvedLinkCode(link, index, onIndexPage) !== DiagnosticCode.IndexAnchorMissing) {
      continue;
    }
    yield {
      range: link.idRange ?? link.range,
      code: DiagnosticCode.IndexAnchorMissing,
      message: indexAnchorMissingMessage(index),
      data: { kind: DiagnosticCode.IndexAnchorMissing, indexPageUri: index.indexPageUri() },
      relatedInformation: [],
    };
  }
};

/** Why no heading defines `#Index`, and what to do: read the index page, or give its heading the id. */
function indexAnchorMissingMessage(index: WorkspaceIndex): string {
  const indexPageUri = index.indexPageUri();
  return indexPageUri === undefined
    ? l10n.t('There is no index page: no heading defines the id "Index", and no file of the glossary has .index sections. Create one (in the editor, a quick fix does), or, if it is left out (a .txt page, while "include" reads only **/*.md), name it in the setting "indexFile" or add its pattern to "include".')
    : l10n.t('No heading defines the id "Index": the index page, {0}, needs a heading with the id {#Index}.', fileNameOf(indexPageUri));
}

/**
 * Whether the index page lists an entry: by its id, or by its title, as the index may name an entry
 * and point elsewhere (`[AGI](#Artificial-General-Intelligence)` lists the entry AGI).
 */
export function listsEntry(indexPage: GlossaryDocument, entry: Pick<Entry, 'id' | 'title'>): boolean {
  const listed = listedBy(indexPage);
  return listed.ids.has(entry.id) || listed.labels.has(entry.title);
}

interface IndexListing {
  readonly ids: ReadonlySet<string>;
  readonly labels: ReadonlySet<string>;
}

const listingByPage = new WeakMap<GlossaryDocument, IndexListing>();

/** The ids an index page links and the labels it gives them, worked out once per version of the page. */
function listedBy(indexPage: GlossaryDocument): IndexListing {
  let listing = listingByPage.get(indexPage);
  if (listing === undefined) {
    listing = { ids: new Set(indexPage.links.map((link) => link.target)), labels: new Set(indexPage.links.map((link) => link.label)) };
    listingByPage.set(indexPage, listing);
  }
  return listing;
}
