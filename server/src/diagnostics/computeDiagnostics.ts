import { GlossaryConfig } from '../config';
import { WorkspaceIndex } from '../index/workspaceIndex';
import { GlossaryDocument } from '../parse/model';
import { Check } from './check';
import { DiagnosticCode } from './codes';
import { GlossaryDiagnostic } from './diagnostic';
import { checkAnchorFileMatch, checkChapterHeading, checkCodeBlocksInText, checkFenceStyle, checkHeadingsInText, checkLoneCarriageReturns, checkOneEntryPerFile, checkSectionClasses, checkSectionLevels, checkSentencesMidLine, checkTableAlignment, checkUnclosedBlocks } from './fileChecks';
import { checkIndexAnchor, checkIndexLinks, checkListedInIndex } from './indexChecks';
import { checkAmbiguousLinks, checkBrokenLinks, checkDuplicateAnchors, checkFileLinks, checkLinkSyntax } from './linkChecks';
import { checkUnlinkedMentions } from './mentionChecks';
import { checkOrphanEntries, checkSeeAlsoNamesBodyLinks, checkSeeAlsoReciprocal, checkSelfLinks } from './linkGraphChecks';
import { checkClosingRule, checkHaikuPresent, checkHaikusBeforeSeeAlso, checkSeeAlsoDuplicates, checkSeeAlsoEndsWithIndex, checkSeeAlsoSeparators, checkSeeAlsoLast, checkSeeAlsoPresent, checkSeeAlsoSorted } from './seeAlsoChecks';

const checks: Readonly<Record<DiagnosticCode, Check>> = {
  [DiagnosticCode.BrokenLink]: checkBrokenLinks,
  [DiagnosticCode.DuplicateAnchor]: checkDuplicateAnchors,
  [DiagnosticCode.AnchorFileMismatch]: checkAnchorFileMatch,
  [DiagnosticCode.MultipleEntries]: checkOneEntryPerFile,
  [DiagnosticCode.MissingChapterHeading]: checkChapterHeading,
  [DiagnosticCode.MissingSeeAlso]: checkSeeAlsoPresent,
  [DiagnosticCode.SeeAlsoUnsorted]: checkSeeAlsoSorted,
  [DiagnosticCode.SeeAlsoIndexNotLast]: checkSeeAlsoEndsWithIndex,
  [DiagnosticCode.SeeAlsoDuplicate]: checkSeeAlsoDuplicates,
  [DiagnosticCode.SeeAlsoSeparator]: checkSeeAlsoSeparators,
  [DiagnosticCode.SectionAfterSeeAlso]: checkSeeAlsoLast,
  [DiagnosticCode.MissingSectionClass]: checkSectionClasses,
  [DiagnosticCode.SectionLevel]: checkSectionLevels,
  [DiagnosticCode.SectionAfterHaiku]: checkHaikusBeforeSeeAlso,
  [DiagnosticCode.MissingHaiku]: checkHaikuPresent,
  [DiagnosticCode.MissingClosingRule]: checkClosingRule,
  [DiagnosticCode.FenceStyle]: checkFenceStyle,
  [DiagnosticCode.UnclosedBlock]: checkUnclosedBlocks,
  [DiagnosticCode.HeadingInText]: checkHeadingsInText,
  [DiagnosticCode.CodeBlockInText]: checkCodeBlocksInText,
  [DiagnosticCode.TableMisaligned]: checkTableAlignment,
  [DiagnosticCode.LoneCarriageReturn]: checkLoneCarriageReturns,
  [DiagnosticCode.SentenceMidLine]: checkSentencesMidLine,
  [DiagnosticCode.UnlinkedMention]: checkUnlinkedMentions,
  [DiagnosticCode.NotInIndex]: checkListedInIndex,
  [DiagnosticCode.IndexLinkBroken]: checkIndexLinks,
  [DiagnosticCode.IndexAnchorMissing]: checkIndexAnchor,
  [DiagnosticCode.SeeAlsoMissingBodyLink]: checkSeeAlsoNamesBodyLinks,
  [DiagnosticCode.SeeAlsoNotReciprocal]: checkSeeAlsoReciprocal,
  [DiagnosticCode.OrphanEntry]: checkOrphanEntries,
  [DiagnosticCode.SelfLink]: checkSelfLinks,
  [DiagnosticCode.AmbiguousLink]: checkAmbiguousLinks,
  [DiagnosticCode.FileLink]: checkFileLinks,
  [DiagnosticCode.LinkSyntax]: checkLinkSyntax,
};

/**
 * The diagnostics of one document against the whole workspace, in document order; the one
 * definition that the editor and the command line share. Rules set to `off` are not run. `text`
 * is the text the document was parsed from, for the checks that read the prose.
 */
export function computeDiagnostics(document: GlossaryDocument, index: WorkspaceIndex, config: GlossaryConfig, text?: string): readonly GlossaryDiagnostic[] {
  const context = { document, index, config, text };
  const diagnostics: GlossaryDiagnostic[] = [];
  for (const [code, check] of Object.entries(checks) as [DiagnosticCode, Check][]) {
    const severity = config.severity[code];
    if (severity === 'off') {
      continue;
    }
    for (const finding of check(context)) {
      diagnostics.push({ ...finding, severity });
    }
  }
  return diagnostics.sort(
    (a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
  );
}
