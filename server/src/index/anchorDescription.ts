import * as l10n from '@vscode/l10n';
import { fileNameOf } from '../workspace/uris';
import type { WorkspaceIndex } from './workspaceIndex';
import type { Anchor } from '../parse/model';
import { isPageLevel } from './entryQueries';

/**
 * What an anchor is, in words for a detail or a title: `section "Title"`, `span "text"`, `code
 * block`, … A heading of level 1 or 2 that is no entry's (an entry's heading without the term
 * class, a page's title) is a heading rather than a section of an entry.
 */
function anchorDescription(anchor: Anchor): string {
  switch (anchor.element) {
    case 'heading':
      return isPageLevel(anchor) ? l10n.t('heading "{0}"', anchor.label) : l10n.t('section "{0}"', anchor.label);
    case 'span':
      return l10n.t('span "{0}"', anchor.label);
    case 'link':
      return l10n.t('link "{0}"', anchor.label);
    case 'image':
      return l10n.t('image "{0}"', anchor.label);
    case 'div':
      return l10n.t('div');
    case 'codeBlock':
      return l10n.t('code block');
    case 'code':
      return l10n.t('inline code "{0}"', anchor.label);
  }
}

/**
 * Where an id leads that is not an entry's: the section or element, its file, and how many other
 * files give the same id (`section "Neurosymbolische Systeme" in Hybrid-AI.md`). Undefined for an
 * id nothing gives. Such an id names no entry, so a suggestion of it says where it would lead.
 */
export function anchorPlace(index: WorkspaceIndex, id: string): string | undefined {
  const anchors = index.anchorsOf(id);
  const first = anchors[0];
  if (first === undefined) return undefined;
  const otherFiles = new Set(anchors.map((located) => located.uri)).size - 1;
  const what = anchorDescription(first.anchor);
  const file = fileNameOf(first.uri);
  if (otherFiles === 0) return l10n.t('{0} in {1}', what, file);
  return otherFiles === 1 ? l10n.t('{0} in {1} and one other file', what, file) : l10n.t('{0} in {1} and {2} other files', what, file, otherFiles);
}
