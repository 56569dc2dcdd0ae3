import * as l10n from '@vscode/l10n';
import { DiagnosticCode } from './codes';

/** One sentence per code saying what it reports (for `--help`, SARIF rules, settings docs). */
export function describeDiagnosticCode(code: DiagnosticCode): string {
  switch (code) {
    case DiagnosticCode.BrokenLink:
      return l10n.t("A link's id is defined nowhere in the workspace.");
    case DiagnosticCode.DuplicateAnchor:
      return l10n.t('An explicit id is defined more than once in the workspace.');
    case DiagnosticCode.AnchorFileMismatch:
      return l10n.t('The first entry of a .md file has an id that differs from the file name.');
    case DiagnosticCode.MultipleEntries:
      return l10n.t('A .md file holds more than one entry.');
    case DiagnosticCode.MissingChapterHeading:
      return l10n.t('A .md entry file does not begin with a level-2 heading with an id and the chapter classes.');
    case DiagnosticCode.MissingSeeAlso:
      return l10n.t('An entry has no see-also section.');
    case DiagnosticCode.SeeAlsoUnsorted:
      return l10n.t('The see-also links are not in alphabetical order of their labels.');
    case DiagnosticCode.SeeAlsoSeparator:
      return l10n.t('A see-also link is followed by the next with nothing but blanks between them: in the book the two run together.');
    case DiagnosticCode.SeeAlsoDuplicate:
      return l10n.t('A see-also list links an id that it links already.');
    case DiagnosticCode.SeeAlsoIndexNotLast:
      return l10n.t('[Index](#Index) is missing from the see-also list or not its last item.');
    case DiagnosticCode.SectionAfterSeeAlso:
      return l10n.t('An entry has sections after its see-also section, which should be its last.');
    case DiagnosticCode.MissingSectionClass:
      return l10n.t('A section of an entry, one level below its heading (### under ##), has none of the classes .explanation, .haiku and .seealso.');
    case DiagnosticCode.SectionLevel:
      return l10n.t("A section of an entry is written as a chapter (## instead of ###): in the book it is a chapter of its own.");
    case DiagnosticCode.SectionAfterHaiku:
      return l10n.t("Sections stand between an entry's haiku section and its see-also section, which should be its last two.");
    case DiagnosticCode.MissingHaiku:
      return l10n.t('An entry has no haiku section (a heading with the class .haiku).');
    case DiagnosticCode.MissingClosingRule:
      return l10n.t('An entry does not end with the rule ---- that closes every entry of the chapter template (any rule pandoc reads: ---, ***, ___ too).');
    case DiagnosticCode.FenceStyle:
      return l10n.t('A code block is fenced with backticks, or written by indenting, instead of fenced with ~~~.');
    case DiagnosticCode.UnclosedBlock:
      return l10n.t('A code block or comment is never closed (in the book it runs on into the next files), or an emphasis in a heading (its attribute block is then text).');
    case DiagnosticCode.HeadingInText:
      return l10n.t("pandoc reads a line written as a heading as text: it follows the text above it without a blank line, it has no space after its # marks, or it follows a definition list and has a definition (: or ~) under it, which makes it the list's next term.");
    case DiagnosticCode.CodeBlockInText:
      return l10n.t('A code block (~~~) follows the text above it without a blank line: pandoc reads it as text.');
    case DiagnosticCode.TableMisaligned:
      return l10n.t("The lines of a grid table do not meet the columns of its top border: pandoc reads the cells otherwise than they are written.");
    case DiagnosticCode.LoneCarriageReturn:
      return l10n.t('A line ends in a carriage return without a line feed (as in old Mac files): pandoc drops the carriage return and reads the line and the next as one.');
    case DiagnosticCode.SentenceMidLine:
      return l10n.t("A sentence of an entry's text starts after another on the same line, where the writing rules start each sentence on a new line.");
    case DiagnosticCode.UnlinkedMention:
      return l10n.t("A term's title, id or alias stands in another entry's text without a link to it (the first mention in each section).");
    case DiagnosticCode.NotInIndex:
      return l10n.t('The index page does not list an entry (only when the glossary has an index page).');
    case DiagnosticCode.IndexLinkBroken:
      return l10n.t('A link of the index page points at an id that no heading defines.');
    case DiagnosticCode.IndexAnchorMissing:
      return l10n.t('Links point at #Index and no heading defines it.');
    case DiagnosticCode.SeeAlsoMissingBodyLink:
      return l10n.t('An entry links a term in its text that its see-also list does not name.');
    case DiagnosticCode.SeeAlsoNotReciprocal:
      return l10n.t('An entry names another in its see-also list that does not name it in return.');
    case DiagnosticCode.OrphanEntry:
      return l10n.t('No other entry links to an entry (the index page and the entry itself do not count).');
    case DiagnosticCode.SelfLink:
      return l10n.t('An entry links to itself.');
    case DiagnosticCode.AmbiguousLink:
      return l10n.t('A link points at an automatic id that headings in several files have: in the book, pandoc gives it to the first of them only.');
    case DiagnosticCode.FileLink:
      return l10n.t('A link points at a file of the glossary by its path (Claude.md), which the book, joined from the files, does not have, or at a name written as an id without its # (Claude); link its id (#Claude).');
    case DiagnosticCode.LinkSyntax:
      return l10n.t('A link is written so that the book shows it otherwise: with a blank between ] and (#Id) or as a wiki link [[Id]], which pandoc reads as text, or without text between its brackets.');
  }
}
