import * as l10n from '@vscode/l10n';
import { entryWithId, fileNameIdUnlikeEntry } from '../index/entryQueries';
import { firstEntryWithItsId, hasInboundLink, inboundLinkCountAs, selfLinks } from '../index/linkGraph';
import { WorkspaceIndex } from '../index/workspaceIndex';
import { GlossaryDocument, Entry } from '../parse/model';
import { Check } from './check';
import { DiagnosticCode } from './codes';
import { indexId } from '../index/indexPage';
import { abbreviationStubTarget } from '../index/abbreviationStubs';

/** `orphan-entry`: nothing links to the entry but the index page and the entry itself. */
export const checkOrphanEntries: Check = function* ({ document, index }) {
  for (const entry of document.entries) {
    if (!hasInboundLink(index, entry.id) && firstEntryWithItsId(document.entries, entry)) {
      yield {
        range: entry.heading.range,
        code: DiagnosticCode.OrphanEntry,
        message: orphanMessage(document, entry, index),
        data: { kind: DiagnosticCode.OrphanEntry, entryId: entry.id },
        relatedInformation: [],
      };
    }
  }
};

/**
 * An orphan's message. When links name the id the file's name gives, which no heading gives
 * (`{#ComputerVision}` in Computer-Vision.md, linked as `#Computer-Vision`), the entry is linked in
 * the writer's eyes: the message says where those links went.
 */
function orphanMessage(document: GlossaryDocument, entry: Entry, index: WorkspaceIndex): string {
  const nameId = entry === document.entries[0] ? fileNameIdUnlikeEntry(document) : undefined;
  const links = nameId === undefined || index.isDefined(nameId) ? 0 : inboundLinkCountAs(index, nameId, entry.id);
  if (links === 1) {
    return l10n.t('No other entry links to "{0}" (#{1}), but a link points at #{2} (links from the index page not counted), the id its file name gives, which no heading defines: give the entry that id, or correct the link.', entry.title, entry.id, nameId!);
  }
  if (links > 1) {
    return l10n.t('No other entry links to "{0}" (#{1}), but {2} links point at #{3} (links from the index page not counted), the id its file name gives, which no heading defines: give the entry that id, or correct the links.', entry.title, entry.id, links, nameId!);
  }
  return l10n.t('No other entry links to "{0}" (#{1}). Links from the index page and from the entry itself do not count.', entry.title, entry.id);
}

/**
 * `self-link`: an entry links to its own id. Not where another file gives that id too: there the
 * entry took another's id (the real glossary's ANN.md, a "see Artificial Neural Network" stub with
 * the id `Artificial-Neural-Network`), its links meant the other, and duplicate-anchor says so.
 */
export const checkSelfLinks: Check = function* ({ document, index }) {
  for (const entry of document.entries) {
    if (index.definingDocumentCount(entry.id) > 1) continue;
    for (const link of selfLinks(entry)) {
      yield {
        range: link.range,
        code: DiagnosticCode.SelfLink,
        message: l10n.t('The entry "{0}" (#{1}) links to itself.', entry.title, entry.id),
        data: { kind: DiagnosticCode.SelfLink, entryId: entry.id },
        relatedInformation: [],
      };
    }
  }
};

/**
 * `seealso-missing-body-link`: an entry links a term in its body (its first link to it) that its
 * see-also list does not name. Links to itself, to `#Index` and to ids of no entry (a section, a
 * span, a figure, or nothing) are left out.
 */
export const checkSeeAlsoNamesBodyLinks: Check = function* ({ document, index }) {
  for (const entry of document.entries) {
    if (entry.seeAlso === undefined) {
      continue; // missing-seealso says it
    }
    const named = new Set(entry.seeAlso.links.map((link) => link.target));
    for (const link of entry.bodyLinks) {
      if (named.has(link.target) || link.target === entry.id || link.target === indexId || entryWithId(index, link.target) === undefined) {
        continue;
      }
      named.add(link.target); // the first mention only
      yield {
        range: link.range,
        code: DiagnosticCode.SeeAlsoMissingBodyLink,
        // The other entry by its id: its title may change without this file's diagnostics being worked out again.
        message: l10n.t('The entry links #{0} in its text, but its see-also list does not name it.', link.target),
        data: { kind: DiagnosticCode.SeeAlsoMissingBodyLink, entryId: entry.id, target: link.target },
        relatedInformation: [],
      };
    }
  }
};

/**
 * `seealso-not-reciprocal`: the see-also list names an entry whose see-also list does not name this
 * entry; not an abbreviation stub (AGI.md: "**AGI** steht für …"), which points at one entry alone.
 */
export const checkSeeAlsoReciprocal: Check = function* ({ document, index }) {
  for (const entry of document.entries) {
    // Each entry named once: a second link to it (`[DSGVO]`, `[GDPR](#DSGVO)`) is seealso-duplicate's.
    const reported = new Set<string>();
    for (const link of entry.seeAlso?.links ?? []) {
      if (link.target === entry.id || link.target === indexId || reported.has(link.target)) {
        continue;
      }
      const other = entryWithId(index, link.target);
      const otherSeeAlso = other?.entry.seeAlso;
      if (other === undefined || otherSeeAlso === undefined || otherSeeAlso.links.some((back) => back.target === entry.id) || abbreviationStubTarget(other.entry) !== undefined) {
        continue; // no entry, or no see-also list (missing-seealso says it), or it names this one, or a stub
      }
      reported.add(link.target);
      yield {
        range: link.range,
        code: DiagnosticCode.SeeAlsoNotReciprocal,
        // The other entry by its id: its title may change without this file's diagnostics being worked out again.
        message: l10n.t('The see-also list of #{0} does not name "{1}" in return.', link.target, entry.title || `#${entry.id}`),
        data: { kind: DiagnosticCode.SeeAlsoNotReciprocal, entryId: entry.id, otherId: link.target, otherUri: other.uri },
        relatedInformation: [],
      };
    }
  }
};
