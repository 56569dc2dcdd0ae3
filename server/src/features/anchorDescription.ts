import * as l10n from '@vscode/l10n';
import type { Anchor } from '../parse/model';

/** What an anchor is, in words for a detail or a title: `section "Title"`, `span "text"`, `code block`, … */
export function anchorDescription(anchor: Anchor): string {
  switch (anchor.element) {
    case 'heading':
      return l10n.t('section "{0}"', anchor.label);
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
