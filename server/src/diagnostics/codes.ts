/**
 * The stable diagnostic codes. They appear in the editor, in the command line's output, in the
 * `severity` map of `.glossary.json` and in quick fixes, so a code never changes once released.
 */
export enum DiagnosticCode {
  /** A link's id is defined nowhere in the workspace. */
  BrokenLink = 'broken-link',
  /** An explicit id is defined more than once in the workspace. */
  DuplicateAnchor = 'duplicate-anchor',
  /** The first entry of a `.md` file has an id that differs from the file name. */
  AnchorFileMismatch = 'anchor-file-mismatch',
  /** A `.md` file holds more than one entry. */
  MultipleEntries = 'multiple-entries',
  /** A `.md` entry file does not begin with `## Title {#Id .chapter .small .term}`. */
  MissingChapterHeading = 'missing-chapter-heading',
  /** An entry has no `{.seealso}` section. */
  MissingSeeAlso = 'missing-seealso',
  /** The see-also links are not in alphabetical order of their labels. */
  SeeAlsoUnsorted = 'seealso-unsorted',
  /** `[Index](#Index)` is missing from the see-also list or is not its last item. */
  SeeAlsoIndexNotLast = 'seealso-index-not-last',
  /** A see-also list links an id that it links already. */
  SeeAlsoDuplicate = 'seealso-duplicate',
  /** An item of a see-also list is followed by the next with nothing but blanks between them: in the book the two run together. */
  SeeAlsoSeparator = 'seealso-separator',
  /** An entry has sections after its see-also section, which the layout rules make its last. */
  SectionAfterSeeAlso = 'section-after-seealso',
  /** A section of an entry, one level below its heading, has none of the classes `.explanation`, `.haiku`, `.seealso`. */
  MissingSectionClass = 'missing-section-class',
  /** A section of an entry with a section class is written at level 2 (a chapter's) or above: in the book it is a chapter of its own. */
  SectionLevel = 'section-level',
  /** Sections stand between an entry's haiku section and its see-also section, which the layout rules make its last two. */
  SectionAfterHaiku = 'section-after-haiku',
  /** An entry has no haiku section (`.haiku`), which the layout rules give every entry before its see-also list. */
  MissingHaiku = 'missing-haiku',
  /** An entry does not end with the rule `----` that closes every entry of the chapter template. */
  MissingClosingRule = 'missing-closing-rule',
  /** A code block is fenced with backticks, or written by indenting, where the glossary's rule asks for `~~~`. */
  FenceStyle = 'fence-style',
  /** A code fence or comment is never closed in its file: in the book it runs on into the next files. */
  UnclosedBlock = 'unclosed-block',
  /** A line written as a heading goes on the paragraph above it (no blank line between): pandoc reads it as text. */
  HeadingInText = 'heading-in-text',
  /** A line opening a `~~~` code block goes on the paragraph above it (no blank line between): pandoc reads it and the code as text. */
  CodeBlockInText = 'code-block-in-text',
  /** The lines of a grid table do not meet the columns of its top border: pandoc reads the cells otherwise than they are written. */
  TableMisaligned = 'table-misaligned',
  /** A line ends in a carriage return without a line feed, which pandoc drops: it reads the line and the next as one. */
  LoneCarriageReturn = 'lone-carriage-return',
  /** A sentence of an entry's prose starts after another on the same line, where the writing rules start each on a line of its own. */
  SentenceMidLine = 'sentence-mid-line',
  /** A term's title, id or alias stands in another entry's prose without a link to it. */
  UnlinkedMention = 'unlinked-mention',
  /** An entry that the index page does not link. */
  NotInIndex = 'not-in-index',
  /** A link of the index page points at an id that no heading defines. */
  IndexLinkBroken = 'index-link-broken',
  /** Links point at `#Index` and no heading defines it. */
  IndexAnchorMissing = 'index-anchor-missing',
  /** An entry links a term in its body that its see-also list does not name. */
  SeeAlsoMissingBodyLink = 'seealso-missing-body-link',
  /** An entry's see-also list names an entry whose see-also list does not name it back. */
  SeeAlsoNotReciprocal = 'seealso-not-reciprocal',
  /** No other entry links to this entry. */
  OrphanEntry = 'orphan-entry',
  /** An entry links to itself. */
  SelfLink = 'self-link',
  /** A link points at an automatic id that headings in several files have: the book has it once. */
  AmbiguousLink = 'ambiguous-link',
  /** A link points at a file of the glossary by its path (`Claude.md`), which the book, joined from the files, does not hold. */
  FileLink = 'file-link',
  /** A link written so that the book shows it otherwise: a blank between `]` and `(#Id)` or a wiki link `[[Id]]`, which pandoc reads as text, or no text between its brackets. */
  LinkSyntax = 'link-syntax',
}

/** Every diagnostic code, in the order of the documentation. */
export const allDiagnosticCodes: readonly DiagnosticCode[] = Object.values(DiagnosticCode);

/** How a diagnostic is shown. */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

/** The severities, most severe first. */
export const severities: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

/** A severity, or `off` to disable the rule. */
export type SeveritySetting = Severity | 'off';

/** What a severity setting may be. */
export const severitySettings: readonly SeveritySetting[] = [...severities, 'off'];

/** The default severity of each code. */
export const defaultSeverities: Readonly<Record<DiagnosticCode, SeveritySetting>> = {
  [DiagnosticCode.BrokenLink]: 'error',
  [DiagnosticCode.DuplicateAnchor]: 'error',
  [DiagnosticCode.AnchorFileMismatch]: 'warning',
  [DiagnosticCode.MultipleEntries]: 'information',
  [DiagnosticCode.MissingChapterHeading]: 'warning',
  [DiagnosticCode.MissingSeeAlso]: 'warning',
  [DiagnosticCode.SeeAlsoUnsorted]: 'warning',
  [DiagnosticCode.SeeAlsoIndexNotLast]: 'warning',
  [DiagnosticCode.SeeAlsoDuplicate]: 'warning',
  [DiagnosticCode.SeeAlsoSeparator]: 'warning',
  [DiagnosticCode.SectionAfterSeeAlso]: 'warning',
  [DiagnosticCode.MissingSectionClass]: 'warning',
  [DiagnosticCode.SectionLevel]: 'warning',
  [DiagnosticCode.SectionAfterHaiku]: 'warning',
  // Off: a glossary in the making writes its haikus last (the real one has them in 35 of its 346 entries).
  [DiagnosticCode.MissingHaiku]: 'off',
  [DiagnosticCode.MissingClosingRule]: 'information',
  [DiagnosticCode.FenceStyle]: 'information',
  [DiagnosticCode.UnclosedBlock]: 'warning',
  [DiagnosticCode.HeadingInText]: 'warning',
  [DiagnosticCode.CodeBlockInText]: 'warning',
  [DiagnosticCode.TableMisaligned]: 'warning',
  [DiagnosticCode.LoneCarriageReturn]: 'warning',
  [DiagnosticCode.SentenceMidLine]: 'hint',
  [DiagnosticCode.UnlinkedMention]: 'hint',
  [DiagnosticCode.NotInIndex]: 'information',
  [DiagnosticCode.IndexLinkBroken]: 'error',
  [DiagnosticCode.IndexAnchorMissing]: 'warning',
  [DiagnosticCode.SeeAlsoMissingBodyLink]: 'off',
  [DiagnosticCode.SeeAlsoNotReciprocal]: 'off',
  [DiagnosticCode.OrphanEntry]: 'information',
  [DiagnosticCode.SelfLink]: 'warning',
  [DiagnosticCode.AmbiguousLink]: 'warning',
  [DiagnosticCode.FileLink]: 'warning',
  [DiagnosticCode.LinkSyntax]: 'warning',
};

/** Whether a string is one of the diagnostic codes. */
export function isDiagnosticCode(value: string): value is DiagnosticCode {
  return (allDiagnosticCodes as readonly string[]).includes(value);
}
