import { Range } from '../parse/model';
import { DiagnosticCode, Severity } from './codes';

/** Another place that explains a diagnostic (for example the other definitions of a duplicate id). */
export interface RelatedInformation {
  readonly uri: string;
  readonly range: Range;
  readonly message: string;
}

/** A link of a see-also list, as a quick fix needs it to reorder the list. */
export interface SeeAlsoItem {
  readonly label: string;
  readonly target: string;
  /** Range of the whole link in the document. */
  readonly range: Range;
}

/** What a quick fix for each code needs, so that code actions recompute nothing. */
export type DiagnosticData =
  | { readonly kind: DiagnosticCode.BrokenLink; readonly target: string; readonly closestIds: readonly string[] }
  | { readonly kind: DiagnosticCode.DuplicateAnchor; readonly id: string; readonly definitionCount: number }
  | { readonly kind: DiagnosticCode.AnchorFileMismatch; readonly entryId: string; readonly fileNameId: string }
  | { readonly kind: DiagnosticCode.MultipleEntries; readonly entryId: string; readonly firstEntryId: string; readonly entryRange: Range }
  | {
      readonly kind: DiagnosticCode.MissingChapterHeading;
      readonly expectedClasses: readonly string[];
      /** The first heading's level and missing parts, when the file has a heading at all. */
      readonly firstHeading: { readonly level: number; readonly id: string | undefined; readonly missingClasses: readonly string[] } | undefined;
    }
  | { readonly kind: DiagnosticCode.MissingSeeAlso; readonly entryId: string; readonly insertLine: number }
  | {
      readonly kind: DiagnosticCode.SeeAlsoUnsorted;
      /** The see-also links other than `[Index](#Index)`, in the order they should have. */
      readonly sorted: readonly SeeAlsoItem[];
    }
  | { readonly kind: DiagnosticCode.SeeAlsoIndexNotLast; readonly indexPresent: boolean; readonly insertLine: number }
  | { readonly kind: DiagnosticCode.FenceStyle; readonly blockRange: Range }
  | { readonly kind: DiagnosticCode.UnlinkedMention; readonly target: string; readonly text: string }
  | { readonly kind: DiagnosticCode.NotInIndex; readonly entryId: string; readonly indexPageUri: string }
  | { readonly kind: DiagnosticCode.IndexLinkBroken; readonly target: string; readonly closestIds: readonly string[] }
  /** `indexPageUri` is undefined when the glossary has no index page to give the id. */
  | { readonly kind: DiagnosticCode.IndexAnchorMissing; readonly indexPageUri: string | undefined }
  | { readonly kind: DiagnosticCode.SeeAlsoMissingBodyLink; readonly entryId: string; readonly target: string }
  | { readonly kind: DiagnosticCode.SeeAlsoNotReciprocal; readonly entryId: string; readonly otherId: string; readonly otherUri: string }
  | { readonly kind: DiagnosticCode.OrphanEntry; readonly entryId: string }
  | { readonly kind: DiagnosticCode.SelfLink; readonly entryId: string }
  | { readonly kind: DiagnosticCode.AmbiguousLink; readonly target: string };

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
