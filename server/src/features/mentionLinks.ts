import { CodeActionKind, TextEdit } from 'vscode-languageserver';
import { DiagnosticCode } from '../diagnostics/codes';
import { GlossaryDiagnostic } from '../diagnostics/diagnostic';
import { Entry } from '../parse/model';
import { rangeContains } from './locate';

/** The source action that links the first unlinked mention of every term in an entry. */
export const linkMentionsKind = `${CodeActionKind.Source}.linkMentions.glossary`;

/** The link that replaces a mention: `TensorFlow` becomes `[TensorFlow](#TensorFlow)`. */
export function linkMentionEdit(diagnostic: GlossaryDiagnostic): TextEdit | undefined {
  const { data } = diagnostic;
  return data.kind === DiagnosticCode.UnlinkedMention ? TextEdit.replace(diagnostic.range, `[${data.text}](#${data.target})`) : undefined;
}

/** The links for the first unlinked mention of each term in the entry, in document order. */
export function linkFirstMentionsEdits(entry: Entry, diagnostics: readonly GlossaryDiagnostic[]): TextEdit[] {
  const linked = new Set<string>();
  const edits: TextEdit[] = [];
  const inEntry = diagnostics
    .filter((diagnostic) => rangeContains(entry.range, diagnostic.range.start))
    .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  for (const diagnostic of inEntry) {
    const edit = linkMentionEdit(diagnostic);
    if (edit !== undefined && diagnostic.data.kind === DiagnosticCode.UnlinkedMention && !linked.has(diagnostic.data.target)) {
      linked.add(diagnostic.data.target);
      edits.push(edit);
    }
  }
  return edits;
}
