import { CodeActionKind, TextEdit } from 'vscode-languageserver';
import { DiagnosticCode } from '../diagnostics/codes';
import { GlossaryDiagnostic } from '../diagnostics/diagnostic';
import { Entry } from '../parse/model';
import { rangeContains } from './locate';
import { markdownLink } from './seeAlsoEdits';

/** The source action that links the first unlinked mention of every term in an entry. */
export const linkMentionsKind = `${CodeActionKind.Source}.linkMentions.glossary`;

/**
 * The link that replaces a mention: `TensorFlow` becomes `[TensorFlow](#TensorFlow)`. The label is
 * the text over the range as the file has it (a line break in it too), brackets escaped.
 */
export function linkMentionEdit(diagnostic: GlossaryDiagnostic): TextEdit | undefined {
  const { data } = diagnostic;
  return data.kind === DiagnosticCode.UnlinkedMention ? TextEdit.replace(diagnostic.range, markdownLink(data.text, data.target)) : undefined;
}

/** The links for the first unlinked mention of each term in the entry, in document order. */
export function linkFirstMentionsEdits(entry: Entry, diagnostics: readonly GlossaryDiagnostic[]): TextEdit[] {
  const linked = new Set<string>();
  const edits: TextEdit[] = [];
  const inEntry = diagnostics
    .filter((diagnostic) => rangeContains(entry.range, diagnostic.range.start))
    .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  for (const diagnostic of inEntry) {
    const { data } = diagnostic;
    if (data.kind === DiagnosticCode.UnlinkedMention && !linked.has(data.target)) {
      linked.add(data.target);
      edits.push(linkMentionEdit(diagnostic)!);
    }
  }
  return edits;
}
