import * as l10n from '@vscode/l10n';
import { unlinkedMentions } from '../mentions/unlinkedMentions';
import { Check } from './check';
import { DiagnosticCode } from './codes';

/**
 * `unlinked-mention`: a term stands in another entry's prose without a link, first in its section;
 * not for the entries of `ignoreMentionsOf`.
 */
export const checkUnlinkedMentions: Check = function* ({ document, index, config, text }) {
  const ignored = new Set(config.ignoreMentionsOf);
  for (const mention of unlinkedMentions(document, index, text)) {
    if (ignored.has(mention.term.id)) {
      continue;
    }
    // A mention may run over a line break: the message shows it on one line.
    const written = mention.text.replace(/\s+/g, ' ');
    yield {
      range: mention.range,
      code: DiagnosticCode.UnlinkedMention,
      // "APIs" or "LLM" is no entry's title: the message names the entry it stands for.
      message:
        written === mention.term.title
          ? l10n.t('"{0}" is an entry of the glossary: link it to #{1}.', written, mention.term.id)
          : l10n.t('"{0}" names the entry "{1}": link it to #{2}.', written, mention.term.title, mention.term.id),
      data: { kind: DiagnosticCode.UnlinkedMention, target: mention.term.id, text: mention.text },
      relatedInformation: [],
    };
  }
};
