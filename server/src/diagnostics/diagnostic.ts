import { Range } from '../parse/model';
import { DiagnosticCode, Severity } from './codes';

/** Another place that explains a diagnostic (for example the other definitions of a duplicate id). */
export interface RelatedInformation {
  readonly uri: string;
  readonly range: Range;
  readonly message: string;
}

/**
 * The id a finding is about, and what the quick fixes of its code read besides its range (the
 * others work on the document's model, which is current when they are asked for).
 */
export type DiagnosticData =
  | { readonly kind: DiagnosticCode.BrokenLink; readonly target: string }
  /** `linkMeant`: a span `[label]{#Id}` taking a heading's id, where a link `[label](#Id)` was meant. */
  | { readonly kind: DiagnosticCode.DuplicateAnchor; readonly id: string; readonly linkMeant?: true }
  | { readonly kind: DiagnosticCode.AnchorFileMismatch; readonly entryId: string }
  | { readonly kind: DiagnosticCode.MultipleEntries; readonly entryId: string }
  | { readonly kind: DiagnosticCode.MissingChapterHeading }
  | { readonly kind: DiagnosticCode.MissingSeeAlso; readonly entryId: string }
  | { readonly kind: DiagnosticCode.SeeAlsoUnsorted }
  | { readonly kind: DiagnosticCode.SeeAlsoIndexNotLast }
  | { readonly kind: DiagnosticCode.SeeAlsoDuplicate; readonly target: string; readonly alias?: true }
  | { readonly kind: DiagnosticCode.SeeAlsoSeparator }
  | { readonly kind: DiagnosticCode.SectionAfterSeeAlso }
  | { readonly kind: DiagnosticCode.MissingSectionClass }
  | { readonly kind: DiagnosticCode.SectionLevel }
  | { readonly kind: DiagnosticCode.SectionAfterHaiku }
  | { readonly kind: DiagnosticCode.MissingHaiku; readonly entryId: string }
  | { readonly kind: DiagnosticCode.MissingClosingRule; readonly entryId: string }
  | { readonly kind: DiagnosticCode.FenceStyle; readonly indented?: true }
  | { readonly kind: DiagnosticCode.UnclosedBlock }
  /** `definitionTerm`: read as a definition list's term, which no blank line above mends; `missingSpace`: no blank after the `#` marks. */
  | { readonly kind: DiagnosticCode.HeadingInText; readonly definitionTerm?: true; readonly missingSpace?: true }
  | { readonly kind: DiagnosticCode.CodeBlockInText }
  | { readonly kind: DiagnosticCode.TableMisaligned }
  | { readonly kind: DiagnosticCode.LoneCarriageReturn }
  | { readonly kind: DiagnosticCode.SentenceMidLine }
  | { readonly kind: DiagnosticCode.UnlinkedMention; readonly target: string; readonly text: string }
  | { readonly kind: DiagnosticCode.NotInIndex; readonly entryId: string; readonly indexPageUri: string }
  | { readonly kind: DiagnosticCode.IndexLinkBroken; readonly target: string }
  /** `indexPageUri` is undefined when the glossary has no index page to give the id. */
  | { readonly kind: DiagnosticCode.IndexAnchorMissing; readonly indexPageUri: string | undefined }
  | { readonly kind: DiagnosticCode.SeeAlsoMissingBodyLink; readonly entryId: string; readonly target: string }
  | { readonly kind: DiagnosticCode.SeeAlsoNotReciprocal; readonly entryId: string; readonly otherId: string; readonly otherUri: string }
  | { readonly kind: DiagnosticCode.OrphanEntry; readonly entryId: string }
  | { readonly kind: DiagnosticCode.SelfLink; readonly entryId: string }
  | { readonly kind: DiagnosticCode.AmbiguousLink; readonly target: string }
  /** `id` is the id the link leads to in the book, in the file `fileUri`; undefined where the file gives none it could, or there is no such file. */
  | { readonly kind: DiagnosticCode.FileLink; readonly id: string | undefined; readonly fileUri: string | undefined }
  | { readonly kind: DiagnosticCode.LinkSyntax };

/**
 * A diagnostic independent of the editor: the language server turns it into an LSP diagnostic,
 * the command line prints it.
 */
export interface GlossaryDiagnostic {
  readonly range: Range;
  readonly severity: Severity;
  readonly code: DiagnosticCode;
  readonly message: string;
  readonly data: DiagnosticData;
  readonly relatedInformation: readonly RelatedInformation[];
}
