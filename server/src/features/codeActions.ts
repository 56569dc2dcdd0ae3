import * as l10n from '@vscode/l10n';
import { CodeAction, CodeActionKind, Command, CreateFile, Diagnostic, Position, Range, RenameFile, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { configFileName, GlossaryConfig } from '../config';
import { entryFileUri, fileNameFrom, fileNameId, isMarkdownFile } from '../workspace/uris';
import { DiagnosticCode } from '../diagnostics/codes';
import { GlossaryDiagnostic } from '../diagnostics/diagnostic';
import { sectionsAfterHaiku, seeAlsoCollator, seeAlsoList } from '../diagnostics/seeAlsoChecks';
import { attributeBlockReadAsText, blanksAfterAttributeBlock, chapterLevel, idWithoutHashAt, isChapterHeadingBelowFirstLine, sectionClasses, sectionClassWrittenAmiss, sectionsWrittenAsChapters } from '../diagnostics/fileChecks';
import { WorkspaceIndex } from '../index/workspaceIndex';
import { Entry, GlossaryDocument, Heading, Link, Section } from '../parse/model';
import { parseGlossaryDocument } from '../parse/parser';
import { textFingerprint } from '../parse/fingerprint';
import { parseAttributeBlock } from '../parse/attributes';
import { CreateEntryParams, ExcludeFilesParams, IgnoreMentionsParams, ServerCommands, ShowFileParams } from '../protocol';
import { excludePatterns, filesToLeaveOut } from './leaveOut';
import { anchorPlace } from '../index/anchorDescription';
import { indexId } from '../index/indexPage';
import { toLspDiagnostic } from './diagnostics';
import { rangeContains, sameRange } from './locate';
import { titleForMissingId } from './missingEntries';
import { entryTemplate, idAttribute, readsAsHeading } from './newEntry';
import { headingAttributeEdit } from './headingEdits';
import { fencedIndentedCodeEdits, tildeFenceEdits, unindentedCodeEdits } from './fenceEdits';
import { lineUpTableEdits } from './tableEdits';
import { neverReplace } from './workspaceEdits';
import { idEditsByUri } from './rename';
import { copyNamedAfter, holdsEveryLineOf, definedOnce, entryWithId, fileNameIdUnlikeEntry, isCopyUnderOtherName, isFileNameMeant, linksToIdAndFileName, misnamedEntryFile, titleUntoldById } from '../index/entryQueries';
import { linkFirstMentionsEdits, linkMentionEdit, linkMentionsKind } from './mentionLinks';
import { addToIndexEdit, indexAnchorEdit, newIndexPageText } from './indexPageEdits';
import { addSeeAlsoEdit, closingRuleEdit, insertSeeAlsoLinkEdit, labelText, lineBreakOf, lineText, removeSeeAlsoLinkEdit, seeAlsoHeadingText, separatorAfterEdit, sortSeeAlsoEdits, titleLink } from './seeAlsoEdits';
import { replacementsFor } from '../diagnostics/replacements';
import { listedElsewhere } from '../diagnostics/linkChecks';
import { comparePositions, entryContaining } from '../parse/positions';
import { idProblem, newEntryProblem, newIdProblem } from '../index/idRules';

/** The source action that puts every see-also list of a file in order and lines up its misaligned tables. */
export const fixAllKind = `${CodeActionKind.SourceFixAll}.glossary`;

/**
 * The source action that starts every sentence of a file reported by `sentence-mid-line` on a line
 * of its own. Not a fix-all: a setting that fixes all on save would then rewrap the writer's prose.
 */
export const sentencesOnNewLinesKind = `${CodeActionKind.Source}.sentencesOnNewLines.glossary`;

/** What the code actions of one document are computed from. */
export interface CodeActionInput {
  readonly index: WorkspaceIndex;
  readonly config: GlossaryConfig;
  /** The document's text at the version its model in the index was parsed from. */
  readonly document: TextDocument;
  /** The server's current diagnostics of the document. */
  readonly diagnostics: readonly GlossaryDiagnostic[];
  /** Whether the client takes versioned document changes (`documentChanges`). */
  readonly documentChanges: boolean;
  /** Whether it renames files (a `RenameFile` among them): else no file is offered to be renamed. */
  readonly renamesFiles: boolean;
  /** Whether it creates files (a `CreateFile` among them): else no fix creates one with an edit. */
  readonly createsFiles?: boolean;
  /** Where an index page made for the glossary goes (see `GlossarySession.newIndexPageUri`); undefined when none is to be made. */
  readonly newIndexPageUri?: string;
  /** The files among those the quick fixes read that are symbolic links or have other hard links: a fix that writes one whole may write another. */
  readonly filesLinkedOnDisk?: ReadonlySet<string>;
  /** The file a new entry with an id would be created as; undefined when it cannot be. */
  readonly newEntryUri: (id: string) => string | undefined;
  /** The glossary's `.glossary.json` (read, or where it would be made); undefined without a workspace folder. */
  readonly configFileUri?: string;
  /** The folder whose paths the patterns of `.glossary.json` name in every workspace folder (see `GlossarySession.patternsFolderUri`). */
  readonly patternsFolderUri?: string;
  /** The texts of the other files that quick fixes edit (`filesEditedByQuickFixes`); a fix whose file is missing is not offered. */
  readonly otherDocuments?: ReadonlyMap<string, OtherDocument>;
}

/** Another file's text: the editor's when it is open, else the text on disk (a fix is offered only when it is the text its model was parsed from). */
export interface OtherDocument {
  readonly document: TextDocument;
  /** The editor's version of the file when it is open, null when it is not. */
  readonly openVersion: number | null;
  /** Of a file open in the editor, its text on disk, where it was read. */
  readonly savedText?: string;
}

/** Diagnostics as the editor names them in a code-action request. */
export type NamedDiagnostic = Pick<Diagnostic, 'code' | 'range'>;

/**
 * The diagnostics whose quick fixes are asked for. The Problems panel asks with the range of the
 * diagnostic picked (and VS Code names every diagnostic that range touches): that diagnostic's
 * fixes alone, so that an unsorted see-also list does not offer the fixes of the broken links in
 * it; of several with that range, those the editor names (a client naming the one picked gets its
 * fixes alone). Else those touching the range (the cursor, a selection) and those the editor names
 * (Neovim names those of the cursor's line, wherever on the line they are).
 */
function askedFor(diagnostics: readonly GlossaryDiagnostic[], range: Range, named: readonly NamedDiagnostic[]): GlossaryDiagnostic[] {
  const isNamed = (diagnostic: GlossaryDiagnostic) => named.some((other) => other.code === diagnostic.code && sameRange(other.range, diagnostic.range));
  const picked = isEmpty(range) ? [] : diagnostics.filter((diagnostic) => sameRange(diagnostic.range, range));
  if (picked.length > 0) {
    const pickedAndNamed = picked.filter(isNamed);
    return pickedAndNamed.length > 0 ? pickedAndNamed : picked;
  }
  return diagnostics.filter((diagnostic) => overlaps(diagnostic.range, range) || isNamed(diagnostic));
}

/**
 * The diagnostics of an unsorted see-also list (`seealso-unsorted`, `seealso-index-not-last`) with
 * the cursor anywhere in it: its sort is at hand there, not only on the pair the diagnostic marks.
 */
function unsortedListAt(diagnostics: readonly GlossaryDiagnostic[], model: GlossaryDocument, range: Range, asked: readonly GlossaryDiagnostic[]): GlossaryDiagnostic[] {
  if (!isEmpty(range)) {
    return [];
  }
  return diagnostics.filter((diagnostic) => {
    const sortable = diagnostic.code === DiagnosticCode.SeeAlsoUnsorted || diagnostic.code === DiagnosticCode.SeeAlsoIndexNotLast;
    const list = sortable && !asked.includes(diagnostic) ? entryContaining(model, diagnostic.range.start)?.seeAlso?.section.range : undefined;
    return list !== undefined && rangeContains(list, range.start);
  });
}

/** The other files whose text the quick fixes asked for edit: the index page, another entry, the files linking to an id changed. */
export function filesEditedByQuickFixes(index: WorkspaceIndex, uri: string, diagnostics: readonly GlossaryDiagnostic[], range: Range, named: readonly NamedDiagnostic[] = []): string[] {
  const uris = new Set<string>();
  for (const diagnostic of askedFor(diagnostics, range, named)) {
    const { data } = diagnostic;
    if (data.kind === DiagnosticCode.NotInIndex || data.kind === DiagnosticCode.IndexAnchorMissing) {
      uris.add(data.indexPageUri ?? uri);
    } else if (data.kind === DiagnosticCode.SeeAlsoNotReciprocal) {
      uris.add(data.otherUri);
    } else if (data.kind === DiagnosticCode.AnchorFileMismatch || data.kind === DiagnosticCode.DuplicateAnchor) {
      if (data.kind === DiagnosticCode.AnchorFileMismatch) filesOfIdChange(index, uri, data.entryId).forEach((other) => uris.add(other));
      copyNamedAfter(index, fileNameId(uri), uri)?.originals.forEach((other) => uris.add(other));
    } else if (data.kind === DiagnosticCode.BrokenLink || data.kind === DiagnosticCode.IndexLinkBroken) {
      const misnamed = misnamedEntryFile(index, data.target, uri);
      if (misnamed !== undefined) filesOfIdChange(index, misnamed.uri, misnamed.entry.id).forEach((other) => uris.add(other));
      const copy = copyNamedAfter(index, data.target, uri);
      [copy?.uri ?? [], copy?.originals ?? []].flat().forEach((other) => uris.add(other));
    }
  }
  uris.delete(uri);
  return [...uris].filter((other) => index.document(other) !== undefined);
}

/** The files that changing the id of the entry in `uri` edits: that file, and those linking to the id, which change along (as a rename does) unless it is defined more than once. */
function filesOfIdChange(index: WorkspaceIndex, uri: string, id: string): string[] {
  return [uri, ...(definedOnce(index, id) ? index.linksTo(id).map((located) => located.uri) : [])];
}

/** Whether a code action kind is among those the client asks for (`only`: all when undefined), a kind counting as its sub-kinds' too. */
export function isKindAskedFor(kind: string, only: readonly string[] | undefined): boolean {
  return only === undefined || only.some((prefix) => kind === prefix || kind.startsWith(`${prefix}.`));
}

/**
 * The quick fixes for the diagnostics asked for (see `askedFor`), and the source actions of the
 * entry at the range or of the file. `only` restricts the kinds, as the client asks.
 */
export function codeActions(input: CodeActionInput, range: Range, only: readonly string[] | undefined, named: readonly NamedDiagnostic[] = []): CodeAction[] {
  const model = input.index.document(input.document.uri);
  if (model === undefined) {
    return [];
  }
  const wanted = (kind: string): boolean => isKindAskedFor(kind, only);
  const actions: CodeAction[] = [];
  if (wanted(CodeActionKind.QuickFix)) {
    const asked = askedFor(input.diagnostics, range, named);
    actions.push(...oneAnswerEach([...asked, ...unsortedListAt(input.diagnostics, model, range, asked)].flatMap((diagnostic) => quickFixes(input, model, diagnostic))));
  }
  if (wanted(fixAllKind)) {
    const fixAll = fixAllOf(input, model);
    if (fixAll) {
      actions.push(fixAll);
    }
  }
  if (wanted(sentencesOnNewLinesKind)) {
    const sentences = sentencesOnNewLines(input, model);
    if (sentences) {
      actions.push(sentences);
    }
  }
  if (wanted(linkMentionsKind)) {
    const linkAll = linkFirstMentions(input, model, range);
    if (linkAll) {
      actions.push(linkAll);
    }
  }
  return actions;
}

function quickFixes(input: CodeActionInput, model: GlossaryDocument, diagnostic: GlossaryDiagnostic): CodeAction[] {
  const data = diagnostic.data;
  switch (data.kind) {
    case DiagnosticCode.BrokenLink:
    case DiagnosticCode.IndexLinkBroken:
      return brokenLinkFixes(input, model, diagnostic, data.target);
    case DiagnosticCode.DuplicateAnchor:
      return data.linkMeant ? spanAsLinkFixes(input, diagnostic, data.id) : idFileFixes(input, model, diagnostic);
    case DiagnosticCode.AnchorFileMismatch:
      return idFileFixes(input, model, diagnostic);
    case DiagnosticCode.SeeAlsoUnsorted:
    case DiagnosticCode.SeeAlsoIndexNotLast: {
      const entry = entryContaining(model, diagnostic.range.start);
      const edits = entry ? sortSeeAlsoEdits(entry, input.document, seeAlsoCollator(input.config.collation), input.index) : [];
      return edits.length === 0 ? [] : [quickFix(l10n.t('Sort the see-also list (Index last)'), diagnostic, editOf(input, edits), true)];
    }
    case DiagnosticCode.MissingSeeAlso: {
      const entry = model.entries.find((candidate) => candidate.id === data.entryId && rangeContains(candidate.heading.range, diagnostic.range.start));
      if (entry === undefined) {
        return [];
      }
      // A see-also heading written right under text (heading-in-text) is there, read as text: it
      // needs the blank line it lacks, not a second section.
      const unread = model.headingsInText.find((range) => rangeContains(entry.range, range.start) && givesSeeAlsoClass(input.document.getText(range)));
      if (unread !== undefined) {
        return [quickFix(l10n.t('Insert a blank line before the see-also heading'), diagnostic, editOf(input, [blankLineBefore(input.document, unread.start, 'toMargin')]), true)];
      }
      // A section without a section class that lists the index's link, as see-also lists end, is the list: it needs the class, not a second list.
      const unnamed = entry.sections.find((section) => !section.heading.classes.some((name) => sectionClasses.includes(name)) && listsIndexLink(entry, section));
      // Its class written, but read as text for a no-break space after the block: that blank goes.
      const blanksFix = unnamed && blanksAfterBlockFix(input, unnamed.heading, diagnostic);
      if (blanksFix !== undefined) {
        return [blanksFix];
      }
      const classEdit = unnamed && headingAttributeEdit(unnamed.heading, input.document, '.seealso');
      if (unnamed !== undefined && classEdit !== undefined && readsWithClass(input.document, unnamed.heading, classEdit, 'seealso')) {
        return [quickFix(l10n.t('Give the section "{0}" the class .seealso', unnamed.heading.plainText), diagnostic, editOf(input, [classEdit]), true)];
      }
      const edit = addSeeAlsoEdit(entry, input.document, seeAlsoHeadingText(input.index));
      return [quickFix(l10n.t('Add a see-also section'), diagnostic, editOf(input, [edit]), true)];
    }
    case DiagnosticCode.SelfLink:
      return selfLinkFixes(input, model, diagnostic, data.entryId);
    case DiagnosticCode.MissingClosingRule: {
      const entry = model.entries.find((candidate) => candidate.id === data.entryId && rangeContains(candidate.range, diagnostic.range.start));
      if (entry === undefined) return [];
      const title = entry.ruleUnderTextLine === undefined ? l10n.t('Close the entry with the rule ----') : l10n.t('Put a blank line above the rule ----');
      return [quickFix(title, diagnostic, editOf(input, [closingRuleEdit(entry, input.document)]), true)];
    }
    case DiagnosticCode.FileLink: {
      // The URL written, in the link or in a reference link's definition, becomes the id: the label stays. Preferred
      // only where the file holds the entry it is named for: Claude.md holding a copy of CNN is no link to CNN meant.
      const file = data.fileUri === undefined ? undefined : input.index.document(data.fileUri);
      // A link without its `#` (`[Crawler](Web-Crawling)`) is reported where a heading gives the id.
      const preferred = file === undefined || fileNameIdUnlikeEntry(file) === undefined;
      return data.id === undefined ? [] : [quickFix(l10n.t('Link the id "#{0}" instead of the file', data.id), diagnostic, editOf(input, [TextEdit.replace(diagnostic.range, `#${data.id}`)]), preferred)];
    }
    case DiagnosticCode.FenceStyle: {
      if (data.indented) return indentedCodeFixes(input, model, diagnostic);
      const fence = model.codeFences.find((candidate) => sameRange(candidate.openingRange, diagnostic.range));
      const edits = fence && tildeFenceEdits(input.document, fence);
      const title = fence?.afterText ? l10n.t('Fence the code block with ~~~, after a blank line') : l10n.t('Fence the code block with ~~~');
      return edits === undefined ? [] : [quickFix(title, diagnostic, editOf(input, edits), true)];
    }
    case DiagnosticCode.HeadingInText:
      // A definition list's term: a blank line above does not end the list.
      if (data.definitionTerm) return [];
      if (data.missingSpace) {
        const marks = /^#+/.exec(input.document.getText(diagnostic.range))?.[0] ?? '#';
        const afterMarks = { line: diagnostic.range.start.line, character: diagnostic.range.start.character + marks.length };
        // A no-break space, which pandoc takes for none, is replaced.
        const noBreak = input.document.getText({ start: afterMarks, end: { line: afterMarks.line, character: afterMarks.character + 1 } }) === '\u00A0';
        const edit = noBreak ? TextEdit.replace({ start: afterMarks, end: { line: afterMarks.line, character: afterMarks.character + 1 } }, ' ') : TextEdit.insert(afterMarks, ' ');
        return [quickFix(l10n.t('Put a space after {0}', marks), diagnostic, editOf(input, [edit]), true)];
      }
      return [quickFix(l10n.t('Insert a blank line before the heading'), diagnostic, editOf(input, [blankLineBeforeHeading(input.document, diagnostic.range.start)]), true)];
    case DiagnosticCode.SentenceMidLine:
      return sentenceOnNewLineFixes(input, model, diagnostic);
    case DiagnosticCode.LinkSyntax:
      return linkSyntaxFixes(input, model, diagnostic);
    case DiagnosticCode.CodeBlockInText:
      return [quickFix(l10n.t('Insert a blank line before the code block'), diagnostic, editOf(input, [blankLineBefore(input.document, diagnostic.range.start, 'keepIndentation')]), true)];
    case DiagnosticCode.LoneCarriageReturn:
      return lineFeedFixes(input, model, diagnostic);
    case DiagnosticCode.TableMisaligned: {
      const edits = lineUpTableEdits(input.document, diagnostic.range.start.line);
      return edits === undefined || edits.length === 0 ? [] : [quickFix(l10n.t("Line up the table's columns"), diagnostic, editOf(input, edits), true)];
    }
    case DiagnosticCode.SeeAlsoDuplicate: {
      // A second label of the id (an alias) may be meant: removing it is offered, not preferred.
      const removal = seeAlsoLinkRemoval(input, model, diagnostic, data.alias !== true);
      return removal === undefined ? [] : [removal];
    }
    case DiagnosticCode.SeeAlsoSeparator: {
      const seeAlso = entryContaining(model, diagnostic.range.start)?.seeAlso;
      const link = seeAlso?.runTogether.find((candidate) => sameRange(candidate.range, diagnostic.range));
      if (seeAlso === undefined || link === undefined) return [];
      const edit = separatorAfterEdit(input.document, seeAlso, link);
      return [quickFix(l10n.t('Put "{0}" after the link', edit.newText.trim()), diagnostic, editOf(input, [edit]), true)];
    }
    case DiagnosticCode.NotInIndex:
      return addToIndexFixes(input, model, diagnostic, data.entryId, data.indexPageUri);
    case DiagnosticCode.IndexAnchorMissing:
      return indexAnchorFixes(input, diagnostic, data.indexPageUri);
    case DiagnosticCode.MissingChapterHeading:
      return [...leaveOutFixes(input, model, diagnostic), ...chapterHeadingFixes(input, model, diagnostic)];
    case DiagnosticCode.MissingSectionClass:
      return sectionClassFixes(input, model, diagnostic);
    case DiagnosticCode.SectionLevel:
      return sectionLevelFixes(input, model, diagnostic);
    case DiagnosticCode.SectionAfterHaiku:
      return aboveHaikusFixes(input, model, diagnostic);
    case DiagnosticCode.SeeAlsoMissingBodyLink:
      return bodyLinkToSeeAlsoFixes(input, model, diagnostic, data.target);
    case DiagnosticCode.SeeAlsoNotReciprocal:
      return reciprocalSeeAlsoFixes(input, model, diagnostic, data.entryId, data.otherId, data.otherUri);
    case DiagnosticCode.UnlinkedMention: {
      const edit = linkMentionEdit(diagnostic);
      const link = edit === undefined ? [] : [quickFix(l10n.t('Link "{0}" to #{1}', data.text.replace(/\s+/g, ' '), data.target), diagnostic, editOf(input, [edit]), true)];
      return [...link, ...ignoreMentionFix(input, diagnostic, data.target)];
    }
    default:
      return [];
  }
}

/**
 * Every carriage return without a line feed made a line break as most of the file's others are
 * (CRLF or LF), but one right before a line break (`\r\r\n`) removed: pandoc reads the two as one
 * line break, and so does the text then.
 */
function lineFeedFixes(input: CodeActionInput, model: GlossaryDocument, diagnostic: GlossaryDiagnostic): CodeAction[] {
  if (model.loneCarriageReturns.length === 0) {
    return [];
  }
  const text = input.document.getText();
  const [lineBreak, name] = mostLineBreaksAreCrlf(text) ? ['\r\n', 'CRLF'] : ['\n', 'LF'];
  const beforeLineBreak = (range: Range): boolean => text.startsWith('\r\n', input.document.offsetAt(range.end));
  const removed = model.loneCarriageReturns.filter(beforeLineBreak);
  const replaced = model.loneCarriageReturns.filter((range) => !beforeLineBreak(range));
  const title =
    removed.length === 0
      ? replaced.length === 1
        ? l10n.t('Write the line break as {0}', name)
        : l10n.t('Write the {0} line breaks as {1}', replaced.length, name)
      : replaced.length === 0
        ? removed.length === 1
          ? l10n.t('Remove the carriage return before the line break')
          : l10n.t('Remove the {0} carriage returns before line breaks', removed.length)
        : l10n.t('Write the carriage returns as {0} line breaks, and remove those right before line breaks', name);
  // Those at the end of the text, which the check leaves out (pandoc joins nothing there), go too.
  const contentEnd = text.trimEnd().length;
  const atTheEnd = [...text.slice(contentEnd).matchAll(/\r(?!\n)/g)].map(({ index }) => TextEdit.replace({ start: input.document.positionAt(contentEnd + index), end: input.document.positionAt(contentEnd + index + 1) }, lineBreak));
  // One right before CRLF goes; in a file of LF line breaks, that line break is written as LF too.
  const removal = (range: Range): TextEdit =>
    lineBreak === '\n' ? TextEdit.replace({ start: range.start, end: input.document.positionAt(input.document.offsetAt(range.end) + 2) }, '\n') : TextEdit.replace(range, '');
  const edits = model.loneCarriageReturns.map((range) => (beforeLineBreak(range) ? removal(range) : TextEdit.replace(range, lineBreak)));
  return [quickFix(title, diagnostic, editOf(input, [...edits, ...atTheEnd]), true)];
}

/** Whether more of the text's line breaks are CRLF than LF, leaving out those after a carriage return without a line feed. */
function mostLineBreaksAreCrlf(text: string): boolean {
  const count = (pattern: RegExp): number => text.match(pattern)?.length ?? 0;
  return count(/(?<!\r)\r\n/g) > count(/(?<!\r)\n/g);
}

/** Whether a line written as a heading ends in an attribute block with the class `.seealso`. */
function givesSeeAlsoClass(line: string): boolean {
  return parseAttributeBlock(line, line.lastIndexOf('{'))?.classes.includes('seealso') ?? false;
}

/**
 * A blank line before a heading pandoc reads as text. Its indentation stays where it places the
 * heading in its list item (`  ### Zwei` under `- Eins`); else (a line that went on lazily, less
 * indented than the item's text) the heading goes to its quote's margin, as pandoc reads no
 * indented heading.
 */
function blankLineBeforeHeading(document: TextDocument, at: Position): TextEdit {
  const kept = blankLineBefore(document, at, 'keepIndentation');
  const edited = parseGlossaryDocument(TextDocument.applyEdits(document, [kept]), document.uri, document.version);
  return edited.headings.some((heading) => heading.range.start.line === at.line + 1) ? kept : blankLineBefore(document, at, 'toMargin');
}

/**
 * A blank line before the block written at `at`: in a quote (`> `), a line of the quote's marks, as
 * the quote goes on past it. With `toMargin`, the block then starts at the quote's margin (other
 * indentation goes); with `keepIndentation`, it keeps its place, in its list item.
 */
function blankLineBefore(document: TextDocument, at: Position, indentation: 'toMargin' | 'keepIndentation'): TextEdit {
  const start = { line: at.line, character: 0 };
  const marks = document.getText({ start, end: at }).replace(/[^>]+$/, '');
  const lineEnd = document.getText({ start: { line: at.line - 1, character: Number.MAX_SAFE_INTEGER }, end: start });
  if (indentation === 'keepIndentation') return TextEdit.insert(start, `${marks}${lineEnd}`);
  return TextEdit.replace({ start, end: at }, `${marks}${lineEnd}${marks === '' ? '' : `${marks} `}`);
}

/**
 * Start a sentence on a new line: the blanks before it become a line break and the marks that
 * carry the paragraph on, those of its quotes (`> `) and, as blanks, of its list item (`- `,
 * `1. `, `[^1]: `), so that the sentence stays in its paragraph.
 */
function sentenceOnNewLineFixes(input: CodeActionInput, model: GlossaryDocument, diagnostic: GlossaryDiagnostic): CodeAction[] {
  const edit = sentenceOnNewLineEdits(input, model)(diagnostic);
  return edit === undefined ? [] : [quickFix(l10n.t('Start the sentence on a new line'), diagnostic, editOf(input, [edit]), true)];
}

const sentenceEditsByRequest = new WeakMap<CodeActionInput, (diagnostic: GlossaryDiagnostic) => TextEdit | undefined>();

/**
 * For a request, the edit that starts the sentence of a `sentence-mid-line` diagnostic on a new
 * line: the blanks before it replaced by a line break and, on the new line, the marks of its quotes
 * and (as blanks) its list item's indentation, as the paragraph's other lines have them. The
 * sentences are looked up by range and each line is read once: one line may hold thousands.
 */
function sentenceOnNewLineEdits(input: CodeActionInput, model: GlossaryDocument): (diagnostic: GlossaryDiagnostic) => TextEdit | undefined {
  let editOfSentence = sentenceEditsByRequest.get(input);
  if (editOfSentence !== undefined) return editOfSentence;
  const { document } = input;
  const keyOf = ({ start, end }: Range): string => `${start.line}:${start.character}:${end.line}:${end.character}`;
  const sentences = new Map(model.sentencesMidLine.map((sentence) => [keyOf(sentence.range), sentence]));
  const lines = new Map<number, string>();
  const textOf = (line: number): string => {
    let text = lines.get(line);
    if (text === undefined) lines.set(line, (text = lineText(document, line)));
    return text;
  };
  const blanks = /[ \t]+/y;
  const lineBreak = lineBreakOf(document);
  editOfSentence = (diagnostic) => {
    const sentence = sentences.get(keyOf(diagnostic.range));
    const { line, character } = diagnostic.range.start;
    blanks.lastIndex = character;
    const found = sentence === undefined ? null : blanks.exec(textOf(line));
    if (found === null) {
      return undefined;
    }
    // An HTML block's opening tag before the paragraph (`<div>`) is none of its marks: left out, its `>` would be read as text.
    const marks = textOf(sentence!.marksEnd.line).slice(0, sentence!.marksEnd.character).replace(/<[^<>]*>/g, '').replace(/[^> \t]/g, ' ');
    return TextEdit.replace({ start: diagnostic.range.start, end: { line, character: character + found[0].length } }, lineBreak + marks);
  };
  sentenceEditsByRequest.set(input, editOfSentence);
  return editOfSentence;
}

/** Stop suggesting the term: its id goes to `ignoreMentionsOf` in `.glossary.json` (a server command, which edits that file). */
function ignoreMentionFix(input: CodeActionInput, diagnostic: GlossaryDiagnostic, id: string): CodeAction[] {
  if (input.configFileUri === undefined) {
    return [];
  }
  const action = quickFix(l10n.t('Do not suggest links to #{0} (in {1})', id, configFileName), diagnostic, undefined, false);
  const params: IgnoreMentionsParams = { id, configUri: input.configFileUri };
  action.command = Command.create(action.title, ServerCommands.ignoreMentionsOf, params);
  return [action];
}

/**
 * Leave a file that is no entry out of the glossary, with the other such files of its folder
 * (see `filesToLeaveOut`): their patterns go to `exclude` in `.glossary.json` (a server command,
 * which edits that file).
 */
function leaveOutFixes(input: CodeActionInput, model: GlossaryDocument, diagnostic: GlossaryDiagnostic): CodeAction[] {
  const leftOut = input.configFileUri === undefined || input.patternsFolderUri === undefined ? undefined : filesToLeaveOut(input.index, model.uri, input.patternsFolderUri);
  if (leftOut === undefined) {
    return [];
  }
  const [first, ...others] = leftOut.paths;
  const title = leftOut.folder
    ? l10n.t('Leave the folder {0} out of the glossary (in {1})', first!, configFileName)
    : others.length === 0
      ? l10n.t('Leave {0} out of the glossary (in {1})', first!, configFileName)
      : others.length === 1
        ? l10n.t('Leave {0} and {1} out of the glossary (in {2})', first!, others[0]!, configFileName)
        : l10n.t('Leave {0} and the {1} other files of its folder without an entry out of the glossary (in {2})', first!, others.length, configFileName);
  const action = quickFix(title, diagnostic, undefined, leftOut.preferred);
  const params: ExcludeFilesParams = { patterns: excludePatterns(leftOut.paths), configUri: input.configFileUri! };
  action.command = Command.create(action.title, ServerCommands.excludeFiles, params);
  return [action];
}

/** Replace the id with one of the closest existing ids; or create the missing entry. */
function brokenLinkFixes(
  input: CodeActionInput,
  model: GlossaryDocument,
  diagnostic: GlossaryDiagnostic,
  target: string,
): CodeAction[] {
  const actions: CodeAction[] = [];
  // An implicit heading reference (`[Heading Text]`) has no id written anywhere to replace.
  const link = model.links.find((candidate) => candidate.idRange !== undefined && sameRange(candidate.idRange, diagnostic.range));
  const misnamed = misnamedEntryFile(input.index, target, model.uri);
  const idChange = misnamed === undefined ? undefined : fileNameIdFix(input, misnamed.uri, misnamed.entry, diagnostic);
  if (idChange?.isPreferred) {
    actions.push(idChange);
  }
  if (link !== undefined) {
    const replacements = replacementsFor(input.index, link, { uri: model.uri, id: entryContaining(model, link.range.start)?.id }, { related: true });
    // A second listing of an entry on the index page goes: corrected, it would list the entry twice.
    const removal = diagnostic.code === DiagnosticCode.IndexLinkBroken ? secondListingRemoval(input, model, link, diagnostic, replacements, !idChange?.isPreferred) : undefined;
    if (removal !== undefined) {
      actions.push(removal);
    }
    for (const id of replacements.ids) {
      const edit = editOf(input, [TextEdit.replace(diagnostic.range, id)]);
      actions.push(quickFix(changeToTitle(id, input.index), diagnostic, edit, removal === undefined && !idChange?.isPreferred && id === replacements.preferred));
    }
  }
  if (idChange !== undefined && !idChange.isPreferred) {
    actions.push(idChange);
  }
  const newFile = newEntryProblem(target, input.index) === undefined ? input.newEntryUri(target) : undefined;
  // An existing file is never replaced: `Claude.md` holding another entry keeps the fix away, and
  // so does `PyTorch.md` from `pyTorch.md`, one file on Windows and macOS (the command refuses both).
  // The command creates the file with an edit, or on disk where the editor's edits cannot.
  if (newFile !== undefined && input.index.documentsNamedAlike(newFile).length === 0) {
    const params: CreateEntryParams = { title: titleForMissingId(target, input.index.linksTo(target).map(({ link }) => link.label)), id: target };
    const action = quickFix(l10n.t('Create entry "{0}"', target), diagnostic, undefined, false);
    action.command = Command.create(action.title, ServerCommands.createEntry, params);
    actions.push(action);
  }
  const overCopy = entryOverCopyFix(input, diagnostic, copyNamedAfter(input.index, target, model.uri));
  return overCopy === undefined ? actions : [...actions, overCopy];
}

/**
 * The entry a file's name calls for, written from the chapter template over the copy of another
 * file's entry that the file holds (the real glossary's Claude.md holds CNN.md's text while 54
 * links wait for `#Claude`). Offered only while the original holds every line of the copy, in
 * order (Deep-Fake.md holds all of the older copy in Decision-Transformer.md): nothing written is lost.
 */
function entryOverCopyFix(input: CodeActionInput, diagnostic: GlossaryDiagnostic, copy: ReturnType<typeof copyNamedAfter>): CodeAction | undefined {
  const id = copy === undefined ? undefined : fileNameId(copy.uri);
  const file = copy === undefined ? undefined : fileToEdit(input, copy.uri);
  if (copy === undefined || id === undefined || file === undefined || newIdProblem(input.index, id) !== undefined) {
    return undefined;
  }
  const text = file.text.document.getText();
  // Through a link the copy may be the original itself (Claude.md a link to CNN.md): writing it would write both.
  // Without word of the links (`filesLinkedOnDisk`), any file may be one.
  const linked = (uri: string): boolean => input.filesLinkedOnDisk?.has(uri) !== false;
  const original = copy.originals.find((uri) => {
    const other: OtherDocument | undefined = uri === input.document.uri ? { document: input.document, openVersion: input.document.version } : input.otherDocuments?.get(uri);
    // An original open in the editor holds the copy's lines on disk too: unsaved, they could be discarded after the fix.
    const texts = other === undefined ? [] : [other.document.getText(), ...(other.openVersion === null ? [] : [other.savedText])];
    return !linked(uri) && texts.length > 0 && texts.every((originalText) => originalText !== undefined && holdsEveryLineOf(originalText, text));
  });
  if (linked(copy.uri)) {
    return undefined;
  }
  if (original === undefined) {
    return undefined;
  }
  const title = titleForMissingId(id, input.index.linksTo(id).map(({ link }) => link.label));
  const template = entryTemplate(title, id, input.config, input.index);
  const entryText = template.text.replaceAll('\n', lineBreakOf(file.text.document));
  const edit = editOfOther(input, file.text, [TextEdit.replace(Range.create(Position.create(0, 0), file.text.document.positionAt(text.length)), entryText)]);
  const originalName = fileNameFrom(original, input.document.uri);
  const fixTitle =
    copy.uri === input.document.uri
      ? l10n.t('Write the entry "{0}" over this copy of {1}', title, originalName)
      : l10n.t('Write the entry "{0}" in {1}, over its copy of {2}', title, fileNameFrom(copy.uri, input.document.uri), originalName);
  const action = quickFix(fixTitle, diagnostic, edit, false);
  // Run after the edit: the writer goes on in the new entry, its summary selected, as after "Create entry".
  action.command = Command.create(fixTitle, ServerCommands.showFile, { uri: copy.uri, selection: template.placeholder } satisfies ShowFileParams);
  return action;
}

/**
 * Remove the line of a broken link on the index page that lists an entry listed already (see
 * `listedElsewhere`), preferred unless the entry's id is the one to change; only where the line
 * holds that link alone (with its ` |`).
 */
function secondListingRemoval(input: CodeActionInput, model: GlossaryDocument, link: Link, diagnostic: GlossaryDiagnostic, replacements: { readonly preferred?: string }, isPreferred: boolean): CodeAction | undefined {
  const listed = listedElsewhere(model, link, replacements);
  const line = link.range.start.line;
  const text = lineText(input.document, line);
  const alone = link.range.end.line === line && text.slice(0, link.range.start.character).trim() === '' && /^\s*\|?\s*$/.test(text.slice(link.range.end.character));
  if (listed === undefined || !alone) {
    return undefined;
  }
  // The file's last line (without a line break after it) goes with the line break before it.
  const last = line === input.document.lineCount - 1 && line > 0;
  const edit = TextEdit.del(last ? { start: { line: line - 1, character: lineText(input.document, line - 1).length }, end: { line, character: text.length } } : { start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  return quickFix(l10n.t('Remove the line: the index lists "{0}" already, on line {1}', listed.id, listed.line + 1), diagnostic, editOf(input, [edit]), isPreferred);
}

/**
 * "Change to" an id, and what it is when the id does not tell (ids may differ in case alone): the
 * entry, when its title reads otherwise, or the section or element and its file.
 */
/**
 * A link of an entry to itself: pointed at the entry its label names (`[RoBERTa](#BERT)` in
 * BERT.md, where RoBERTa is an entry), preferred; or, in a sentence, the link removed and its text
 * kept. A see-also list's link, removed so, would leave its text in the list.
 */
function selfLinkFixes(input: CodeActionInput, model: GlossaryDocument, diagnostic: GlossaryDiagnostic, entryId: string): CodeAction[] {
  const link = model.links.find((candidate) => sameRange(candidate.range, diagnostic.range));
  if (link === undefined) {
    return [];
  }
  const named = link.kind === 'inline' && link.idRange !== undefined ? input.index.entryIdsNamed(link.label).filter((id) => id !== entryId).slice(0, 3) : [];
  const actions = named.map((id, k) => quickFix(changeToTitle(id, input.index), diagnostic, editOf(input, [TextEdit.replace(link.idRange!, id)]), k === 0));
  if (!link.listed) {
    const unlinked = TextEdit.replace(link.range, input.document.getText(link.labelRange));
    actions.push(quickFix(l10n.t('Remove the link, keeping its text'), diagnostic, editOf(input, [unlinked]), named.length === 0));
  } else {
    const removal = seeAlsoLinkRemoval(input, model, diagnostic, named.length === 0);
    if (removal !== undefined) actions.push(removal);
  }
  return actions;
}

/**
 * Takes the link the diagnostic marks out of its entry's see-also list, where pandoc then reads
 * the list one link shorter and otherwise as it was.
 */
function seeAlsoLinkRemoval(input: CodeActionInput, model: GlossaryDocument, diagnostic: GlossaryDiagnostic, isPreferred: boolean): CodeAction | undefined {
  const entryIndex = model.entries.findIndex((entry) => rangeContains(entry.range, diagnostic.range.start));
  const seeAlso = model.entries[entryIndex]?.seeAlso;
  const links = seeAlso === undefined ? [] : seeAlsoList(seeAlso);
  const link = links.find((candidate) => sameRange(candidate.range, diagnostic.range));
  const edit = link && removeSeeAlsoLinkEdit(input.document, links, link);
  if (link === undefined || edit === undefined) return undefined;
  const edited = parseGlossaryDocument(TextDocument.applyEdits(input.document, [edit]), input.document.uri, input.document.version, { termClass: input.config.termClass }).entries[entryIndex]?.seeAlso;
  const written = (kept: readonly Link[]): string[] => kept.map((each) => `${each.label}\u0000${each.target}`);
  if (edited === undefined || written(seeAlsoList(edited)).join('\n') !== written(links.filter((each) => each !== link)).join('\n')) return undefined;
  return quickFix(l10n.t('Remove this link to #{0} from the see-also list', link.target), diagnostic, editOf(input, [edit]), isPreferred);
}

function changeToTitle(id: string, index: WorkspaceIndex): string {
  if (entryWithId(index, id) !== undefined) {
    const title = titleUntoldById(index, id);
    return title === undefined ? l10n.t('Change to "{0}"', id) : l10n.t('Change to "{0}", the entry "{1}"', id, title);
  }
  const place = anchorPlace(index, id);
  return place === undefined ? l10n.t('Change to "{0}"', id) : l10n.t('Change to "{0}", the {1}', id, place);
}

/** List the entry on the index page, under its letter in collation order. */
function addToIndexFixes(input: CodeActionInput, model: GlossaryDocument, diagnostic: GlossaryDiagnostic, entryId: string, indexPageUri: string): CodeAction[] {
  const entry = model.entries.find((candidate) => candidate.id === entryId && rangeContains(candidate.heading.range, diagnostic.range.start));
  const page = fileToEdit(input, indexPageUri);
  if (entry === undefined || page === undefined) {
    return [];
  }
  const collator = seeAlsoCollator(input.config.collation);
  const { edit, letter } = addToIndexEdit(page.model, page.text.document, entry.title, entry.id, collator, input.config.collation);
  const title = letter === undefined ? l10n.t('Add "{0}" to the index', entry.title) : l10n.t('Add "{0}" to the index under "{1}"', entry.title, letter);
  return [quickFix(title, diagnostic, editOfOther(input, page.text, [edit]), true)];
}

/** Give the index page's heading the id `Index`, or put such a heading at its top; without an index page, create one. */
function indexAnchorFixes(input: CodeActionInput, diagnostic: GlossaryDiagnostic, indexPageUri: string | undefined): CodeAction[] {
  if (indexPageUri === undefined) {
    return newIndexPageFix(input, diagnostic);
  }
  const page = fileToEdit(input, indexPageUri);
  if (page === undefined) {
    return [];
  }
  const { edit, newHeading } = indexAnchorEdit(page.model, page.text.document);
  const title = newHeading === undefined ? l10n.t("Give the index page's heading the id Index") : l10n.t('Add the heading "{0}" to the top of the index page', newHeading);
  return [quickFix(title, diagnostic, editOfOther(input, page.text, [edit]), true)];
}

/**
 * A new index page where the glossary reads it (`newIndexPageUri`) that lists every entry; for a
 * client that creates files. Never over a file: the editor refuses when one is there (and the
 * request leaves the fix out when one is on disk, see `withoutFilesOntoPathsOnDisk`).
 */
function newIndexPageFix(input: CodeActionInput, diagnostic: GlossaryDiagnostic): CodeAction[] {
  const uri = input.newIndexPageUri;
  if (!input.createsFiles || uri === undefined) {
    return [];
  }
  const entries = new Map<string, string>();
  for (const document of input.index.documents()) {
    for (const entry of document.entries) if (!entries.has(entry.id)) entries.set(entry.id, entry.title);
  }
  const text = newIndexPageText([...entries].map(([id, title]) => ({ id, title })), seeAlsoCollator(input.config.collation), input.config.collation);
  const edit: WorkspaceEdit = { documentChanges: [CreateFile.create(uri, neverReplace), TextDocumentEdit.create({ uri, version: null }, [TextEdit.insert(Position.create(0, 0), text)])] };
  const name = fileNameFrom(uri, input.document.uri);
  const title = entries.size === 1 ? l10n.t('Create the index page {0}, listing the entry', name) : l10n.t('Create the index page {0}, listing the {1} entries', name, entries.size);
  return [quickFix(title, diagnostic, edit, true)];
}

/**
 * Make the heading on the first line the chapter heading: level 2, with its id (the file's name
 * when it has none) and the configured classes before its own, its text as written. A block of
 * words and classes that ends the text, its id's `#` missing (`{Neuronales Netz .chapter .small
 * .term}`, a snippet left before the id mirrored the title), gives way to the block, with its
 * classes, preferred then. Not offered where that would drop what the heading holds (key=value
 * attributes, another attribute block that pandoc reads as text), give it an id another heading
 * has, or where pandoc would read no id after its text.
 */
function chapterHeadingFixes(input: CodeActionInput, model: GlossaryDocument, diagnostic: GlossaryDiagnostic): CodeAction[] {
  const heading = model.headings[0];
  if (heading !== undefined && isChapterHeadingBelowFirstLine(heading, input.config.chapterClasses)) {
    const moved = chapterHeadingToFirstLineEdit(input.document, heading);
    return moved === undefined ? [] : [quickFix(l10n.t('Move the chapter heading to the first line'), diagnostic, editOf(input, [moved]), true)];
  }
  if (heading === undefined || heading.range.start.line !== 0 || heading.keyValues.length > 0 || heading.text.trim() === '') {
    return [];
  }
  const blanksFix = blanksAfterBlockFix(input, heading, diagnostic);
  if (blanksFix !== undefined) {
    return [blanksFix];
  }
  // The text as written: the model's has its tabs expanded, as pandoc reads it. (A tab in a code
  // span then stands for as many spaces as its column at the new level gives.)
  const written = input.document.getText(heading.textRange);
  const wordsBlock = heading.explicitId ? undefined : idWithoutHashAt(written);
  const text = wordsBlock === undefined ? written : written.slice(0, wordsBlock).trimEnd();
  const id = heading.explicitId ? heading.id : fileNameId(input.document.uri);
  if (text.trim() === '' || (!heading.explicitId && ((wordsBlock === undefined && attributeBlockReadAsText(heading.text) !== undefined) || idProblem(id) !== undefined || input.index.isDefined(id)))) {
    return [];
  }
  const chapterClasses = input.config.chapterClasses;
  const ownClasses = wordsBlock === undefined ? heading.classes : (written.slice(wordsBlock).match(/(?<=\s)\.[A-Za-z][\w-]*/g) ?? []).map((name) => name.slice(1));
  const classes = [...chapterClasses, ...ownClasses.filter((name) => !chapterClasses.includes(name))];
  const attributes = idAttribute(id, classes);
  // Markup the heading leaves open (`### Unclosed **star`) would make the block text after it.
  if (!readsAsHeading(wordsBlock === undefined ? heading.text : text, attributes, id)) {
    return [];
  }
  const line = `## ${text} ${attributes}`;
  // Only the classes missing, only the level (the real glossary's `### Haiku {#Haiku .chapter
  // .small .term}`), or the id's #: the writer surely meant this heading.
  const onlyLevelWrong = chapterClasses.every((name) => heading.classes.includes(name));
  const preferred = (heading.explicitId && (heading.level === 2 || onlyLevelWrong)) || wordsBlock !== undefined;
  return [quickFix(l10n.t('Make it the chapter heading: {0}', line), diagnostic, editOf(input, [TextEdit.replace(heading.range, line)]), preferred)];
}

/**
 * Moves a chapter heading below the first line to it: blank lines above it go, comments go below it
 * (a blank line between). Undefined where anything else stands above it, which is the writer's to place.
 */
function chapterHeadingToFirstLineEdit(document: TextDocument, heading: Heading): TextEdit | undefined {
  const above = document.getText({ start: { line: 0, character: 0 }, end: heading.range.start });
  const comments = above.match(/<!--[\s\S]*?-->/g) ?? [];
  if (above.replace(/<!--[\s\S]*?-->/g, '').trim() !== '') return undefined;
  const lineBreak = lineBreakOf(document);
  const headingText = document.getText(heading.range);
  const after = comments.length === 0 ? '' : `${lineBreak}${lineBreak}${comments.join(lineBreak)}`;
  return TextEdit.replace({ start: { line: 0, character: 0 }, end: heading.range.end }, `${headingText}${after}`);
}

/** Of an indented code block: fence it with `~~~`, or take the indentation away, if the lines are text. Neither is preferred: which one was meant, only the writer knows. */
function indentedCodeFixes(input: CodeActionInput, model: GlossaryDocument, diagnostic: GlossaryDiagnostic): CodeAction[] {
  const block = model.indentedCode.find((candidate) => sameRange(candidate.firstLine, diagnostic.range));
  if (block === undefined) return [];
  const fenced = fencedIndentedCodeEdits(input.document, block);
  const unindented = unindentedCodeEdits(input.document, block);
  return [
    ...(fenced === undefined ? [] : [quickFix(l10n.t('Fence the code block with ~~~'), diagnostic, editOf(input, fenced), false)]),
    ...(unindented === undefined ? [] : [quickFix(l10n.t('Take the indentation away: the lines are text'), diagnostic, editOf(input, unindented), false)]),
  ];
}

/**
 * Give a section the class it lacks: `.explanation`; `.haiku` where its heading speaks of haikus and
 * the entry has none yet, preferred then; `.seealso` where the entry has no see-also section,
 * preferred where the section links the index, as see-also lists end. Not offered where pandoc
 * would not read the class, or where the heading ends in an attribute block it reads as text.
 */
function sectionClassFixes(input: CodeActionInput, model: GlossaryDocument, diagnostic: GlossaryDiagnostic): CodeAction[] {
  const entry = entryContaining(model, diagnostic.range.start);
  const section = entry?.sections.find((candidate) => sameRange(candidate.heading.range, diagnostic.range));
  const blanksFix = section && blanksAfterBlockFix(input, section.heading, diagnostic);
  if (blanksFix !== undefined) {
    return [blanksFix];
  }
  if (entry === undefined || section === undefined) {
    return [];
  }
  // A section class written amiss (`{.see-also}`, `{haiku}`) is corrected in place, preferred.
  const correction = sectionClassCorrection(input, section.heading, diagnostic);
  // A block pandoc reads as text (`{.explanation` unclosed, `{haiku}`) is the writer's to mend: a second block after it would hide it.
  if (section.heading.attributesRange === undefined && (correction !== undefined || attributeBlockReadAsText(section.heading.text) !== undefined)) {
    return correction === undefined ? [] : [correction];
  }
  const haiku = /haiku/i.test(section.heading.plainText) && !entry.sections.some((other) => other.heading.classes.includes('haiku'));
  const seeAlso = entry.seeAlso === undefined;
  const offered = ['explanation', ...(haiku ? ['haiku'] : []), ...(seeAlso ? ['seealso'] : [])];
  const listsIndex = seeAlso && listsIndexLink(entry, section);
  const preferred = correction !== undefined ? undefined : haiku ? 'haiku' : listsIndex ? 'seealso' : 'explanation';
  const added = offered.flatMap((name) => {
    const edit = headingAttributeEdit(section.heading, input.document, `.${name}`);
    return readsWithClass(input.document, section.heading, edit, name) ? [quickFix(l10n.t('Give the section the class .{0}', name), diagnostic, editOf(input, [edit]), name === preferred)] : [];
  });
  return correction === undefined ? added : [correction, ...added];
}

/**
 * The fix of a section class written amiss (see `sectionClassWrittenAmiss`): `.see-also` becomes
 * `.seealso` in its attribute block, `{haiku}` at the end of the heading's text `{.haiku}`; only
 * where pandoc then reads the heading with the class, its text as it was but for the block.
 */
function sectionClassCorrection(input: CodeActionInput, heading: Heading, diagnostic: GlossaryDiagnostic): CodeAction | undefined {
  const amiss = sectionClassWrittenAmiss(heading);
  if (amiss === undefined) return undefined;
  const within = amiss.kind === 'class' ? heading.attributesRange! : heading.textRange;
  const written = input.document.getText(within);
  const at = amiss.kind === 'class' ? [...written.matchAll(/[^\s{}]+/g)].find((token) => token[0] === amiss.written)?.index : written.lastIndexOf(amiss.written);
  if (at === undefined || at < 0) return undefined;
  const start = input.document.offsetAt(within.start) + at;
  const replacement = amiss.kind === 'class' ? `.${amiss.meant}` : `{.${amiss.meant}}`;
  const edit = TextEdit.replace({ start: input.document.positionAt(start), end: input.document.positionAt(start + amiss.written.length) }, replacement);
  const read = headingAsEdited(input.document, heading, edit);
  const text = amiss.kind === 'class' ? heading.text : heading.text.slice(0, heading.text.lastIndexOf('{')).trimEnd();
  if (read === undefined || read.level !== heading.level || read.text !== text || !read.classes.includes(amiss.meant)) {
    return undefined;
  }
  return quickFix(l10n.t('Write {0} instead of {1}', replacement, amiss.written), diagnostic, editOf(input, [edit]), true);
}

/**
 * Remove the blanks other than spaces and tabs after a heading's attribute block (a no-break space),
 * after which pandoc reads the block as text; preferred. Only where pandoc then reads the block.
 */
function blanksAfterBlockFix(input: CodeActionInput, heading: Heading, diagnostic: GlossaryDiagnostic): CodeAction | undefined {
  // Counted in the text as written: the model's has its tabs expanded.
  const blanks = heading.attributesRange === undefined ? blanksAfterAttributeBlock(input.document.getText(heading.textRange)) : undefined;
  if (blanks === undefined) {
    return undefined;
  }
  const end = heading.textRange.end;
  const edit = TextEdit.del({ start: { line: end.line, character: end.character - blanks }, end });
  const read = headingAsEdited(input.document, heading, edit);
  return read?.attributesRange !== undefined && read.level === heading.level
    ? quickFix(l10n.t('Remove the blank after the attribute block, which makes it text'), diagnostic, editOf(input, [edit]), true)
    : undefined;
}

/** The heading as pandoc reads it with an edit of its lines, read alone. */
function headingAsEdited(document: TextDocument, heading: Heading, edit: TextEdit): Heading | undefined {
  const lines = TextDocument.create('untitled:heading', 'markdown', 0, document.getText({ start: { line: heading.range.start.line, character: 0 }, end: heading.range.end }));
  const shift = (position: Position): Position => ({ line: position.line - heading.range.start.line, character: position.character });
  const edited = TextDocument.applyEdits(lines, [{ range: { start: shift(edit.range.start), end: shift(edit.range.end) }, newText: edit.newText }]);
  return parseGlossaryDocument(edited, 'untitled:heading', 0).headings[0];
}

/** Whether a section holds the index's link in a list of links, as see-also lists end; a link to the index in a sentence is none. */
function listsIndexLink(entry: Entry, section: Section): boolean {
  return entry.bodyLinks.some((link) => link.target === indexId && link.listed && rangeContains(section.range, link.range.start));
}

/** Whether the heading, edited, reads as the same heading with the class (a block pandoc reads as text would stay text). */
function readsWithClass(document: TextDocument, heading: Heading, edit: TextEdit, name: string): boolean {
  const read = headingAsEdited(document, heading, edit);
  // The text as written: read alone, the heading's references (`[KI][ki]`) resolve to nothing.
  return read !== undefined && read.level === heading.level && read.text === heading.text && read.classes.includes(name);
}

/** A heading and the level a fix writes it at. */
type HeadingMove = { readonly heading: Heading; readonly level: number };

/** A span `[label]{#Id}` written as the link meant, `[label](#Id)`: its braces become parentheses, where nothing but the id stands in them. */
function spanAsLinkFixes(input: CodeActionInput, diagnostic: GlossaryDiagnostic, id: string): CodeAction[] {
  const { start, end } = diagnostic.range;
  const block = { start: { line: start.line, character: start.character - 2 }, end: { line: end.line, character: end.character + 1 } };
  if (start.character < 2 || input.document.getText(block) !== `{#${input.document.getText(diagnostic.range)}}`) return [];
  return [quickFix(l10n.t('Write a link to #{0}: {1} for {2}', id, `(#${id})`, `{#${id}}`), diagnostic, editOf(input, [TextEdit.replace(block, `(#${input.document.getText(diagnostic.range)})`)]), true)];
}

/**
 * The fixes of `link-syntax`: the blank between `]` and `(` removed; a wiki link or a reference
 * written as a link to the id it holds or the entry it names (`[[Data Scraping]]`), titled as the
 * entry where it holds the id alone; a link without text given the title of the entry it leads to.
 */
function linkSyntaxFixes(input: CodeActionInput, model: GlossaryDocument, diagnostic: GlossaryDiagnostic): CodeAction[] {
  const textLink = model.textLinks.find((candidate) => sameRange(candidate.range, diagnostic.range));
  if (textLink === undefined) return [];
  if (textLink.gapRange !== undefined) {
    return [quickFix(l10n.t('Remove the blank between ] and ('), diagnostic, editOf(input, [TextEdit.del(textLink.gapRange)]), true)];
  }
  if (textLink.kind === 'doubleBrackets' || textLink.kind === 'reference') {
    const id = input.index.isDefined(textLink.target) ? textLink.target : input.index.entryIdsNamed(textLink.target)[0];
    if (id === undefined) return [];
    const title = entryWithId(input.index, id)?.entry.title;
    const link = titleLink(textLink.label === id && title ? title : textLink.label, id);
    return [quickFix(l10n.t('Write the link {0}', link), diagnostic, editOf(input, [TextEdit.replace(textLink.range, link)]), true)];
  }
  const title = textLink.target === '' ? undefined : entryWithId(input.index, textLink.target)?.entry.title;
  if (!title) return [];
  return [quickFix(l10n.t('Write "{0}" as the link\'s text', title), diagnostic, editOf(input, [TextEdit.replace(textLink.labelRange, labelText(title))]), true)];
}

/**
 * Write a section that is written as a chapter at level 3 (`##` made `###`), preferred; where the
 * entry has more such sections, also all of them at once. Its subsections go down as far (`### Sub`
 * under it made `####`), so that they stay its own; they end at the next heading with a section
 * class, which is the entry's already (the see-also list after Google-Assistant.md's last section)
 * and would otherwise take the headings after it as its own. Only headings written with `#`s (a heading underlined with `---` would have to be written anew),
 * and only where pandoc then reads each as the same heading at its new level.
 */
function sectionLevelFixes(input: CodeActionInput, model: GlossaryDocument, diagnostic: GlossaryDiagnostic): CodeAction[] {
  const entry = entryContaining(model, diagnostic.range.start);
  const sections = entry === undefined ? [] : sectionsWrittenAsChapters(entry);
  const level = chapterLevel + 1;
  // Each section's headings with the levels they go to, or undefined where one cannot be written so.
  const lowered = (section: Section): HeadingMove[] | undefined => {
    const shift = level - section.heading.level;
    const start = model.headings.indexOf(section.heading);
    const end = model.headings.findIndex(
      (heading, k) => k > start && (heading.level <= section.heading.level || heading.classes.some((name) => sectionClasses.includes(name)) || !rangeContains(entry!.range, heading.range.start)),
    );
    const under = model.headings.slice(start + 1, end < 0 ? undefined : end);
    const moves = [section.heading, ...under].map((heading) => ({ heading, level: Math.min(6, heading.level + shift) }));
    return moves.every(({ heading }) => heading.range.start.line === heading.range.end.line && lineText(input.document, heading.range.start.line).startsWith('#'.repeat(heading.level))) ? moves : undefined;
  };
  const editsOf = (moves: readonly HeadingMove[]): TextEdit[] =>
    moves.map(({ heading, level: to }) => TextEdit.replace({ start: { line: heading.range.start.line, character: 0 }, end: { line: heading.range.start.line, character: heading.level } }, '#'.repeat(to)));
  // Pandoc must read each heading as before, at its new level.
  const readsSo = (moves: readonly HeadingMove[]): boolean => {
    const after = parseGlossaryDocument(TextDocument.applyEdits(input.document, editsOf(moves)), model.uri, model.version).headings;
    return moves.every(({ heading, level: to }) => {
      const read = after.find((candidate) => candidate.range.start.line === heading.range.start.line);
      return read !== undefined && read.level === to && read.text === heading.text && read.classes.join(' ') === heading.classes.join(' ');
    });
  };
  const section = sections.find((candidate) => sameRange(candidate.heading.range, diagnostic.range));
  const own = section === undefined ? undefined : lowered(section);
  if (own === undefined || !readsSo(own)) {
    return [];
  }
  const one = quickFix(l10n.t('Write the section at level {0} ({1})', level, '#'.repeat(level)), diagnostic, editOf(input, editsOf(own)), true);
  const all = sections.map(lowered).filter((moves) => moves !== undefined);
  return all.length > 1 && readsSo(all.flat())
    ? [one, quickFix(l10n.t('Write the {0} sections of the entry written as chapters at level {1}', all.length, level), diagnostic, editOf(input, editsOf(all.flat())), false)]
    : [one];
}

/**
 * Move the sections between an entry's haikus and its see-also list above the haikus: each section
 * with its lines up to the next, in their order, then the haiku sections. Not offered where the
 * entry's closing `----` or a div's fence stands among them (either would move away from its
 * pair), or where the new order would change what pandoc reads of a heading (an automatic id
 * numbered in document order, `#claude-1`, would pass to another heading).
 */
function aboveHaikusFixes(input: CodeActionInput, model: GlossaryDocument, diagnostic: GlossaryDiagnostic): CodeAction[] {
  const entry = entryContaining(model, diagnostic.range.start);
  const found = entry && sectionsAfterHaiku(entry);
  if (entry === undefined || found === undefined || !sameRange(found.between[0]!.heading.range, diagnostic.range)) {
    return [];
  }
  const document = input.document;
  const startLine = (section: Section): number => section.heading.range.start.line;
  const blocks = [...found.haikus, ...found.between].map(startLine).sort((a, b) => a - b);
  const regionStart = blocks[0]!;
  const regionEnd = startLine(found.seeAlso);
  const lines = (from: number, to: number): string => document.getText({ start: { line: from, character: 0 }, end: { line: to, character: 0 } });
  const closingRule = entry.closingRuleLine;
  if ((closingRule !== undefined && closingRule > regionStart && closingRule < regionEnd) || /^ {0,3}(?::::|<\/?div\b)/im.test(lines(regionStart, regionEnd))) {
    return [];
  }
  // Each block ends in a blank line before the heading that follows it, as pandoc needs one before a heading.
  const blockEnd = (start: number): number => blocks.find((line) => line > start) ?? regionEnd;
  const blockText = (start: number): string => {
    const text = lines(start, blockEnd(start));
    return /(?:\r\n|\n|\r)[ \t]*(?:\r\n|\n|\r)$/.test(text) ? text : text + lineBreakOf(document);
  };
  const haikuLines = new Set(found.haikus.map(startLine));
  const newOrder = [...blocks.filter((line) => !haikuLines.has(line)), ...blocks.filter((line) => haikuLines.has(line))];
  const edit = TextEdit.replace({ start: { line: regionStart, character: 0 }, end: { line: regionEnd, character: 0 } }, newOrder.map(blockText).join(''));
  // Pandoc must read the same headings, with the same ids, in the new order.
  const headingsBetween = (from: number, to: number): Heading[] => model.headings.filter((heading) => heading.range.start.line >= from && heading.range.start.line < to);
  const expected = [...headingsBetween(0, regionStart), ...newOrder.flatMap((start) => headingsBetween(start, blockEnd(start))), ...headingsBetween(regionEnd, Number.MAX_SAFE_INTEGER)];
  const read = (heading: Heading): string => `${heading.level} ${heading.id} ${heading.text} {${heading.classes.join(' ')}}`;
  const after = parseGlossaryDocument(TextDocument.applyEdits(document, [edit]), model.uri, model.version);
  if (after.headings.map(read).join('\n') !== expected.map(read).join('\n')) {
    return [];
  }
  const title =
    found.between.length === 1
      ? l10n.t('Move the section "{0}" above the haikus', found.between[0]!.heading.plainText)
      : l10n.t('Move the {0} sections from "{1}" on above the haikus', found.between.length, found.between[0]!.heading.plainText);
  return [quickFix(title, diagnostic, editOf(input, [edit]), true)];
}

/** Name the linked term in the entry's see-also list, in order, with the title of its entry. */
function bodyLinkToSeeAlsoFixes(input: CodeActionInput, model: GlossaryDocument, diagnostic: GlossaryDiagnostic, target: string): CodeAction[] {
  const entry = entryContaining(model, diagnostic.range.start);
  const label = entryWithId(input.index, target)?.entry.title ?? target;
  const edit = entry && insertSeeAlsoLinkEdit(entry, input.document, seeAlsoCollator(input.config.collation), input.index, label, target);
  return edit === undefined ? [] : [quickFix(l10n.t('Add "{0}" to the see-also list', label), diagnostic, editOf(input, [edit]), true)];
}

/** Name this entry in the see-also list of the entry it names (in that entry's file). */
function reciprocalSeeAlsoFixes(
  input: CodeActionInput,
  model: GlossaryDocument,
  diagnostic: GlossaryDiagnostic,
  entryId: string,
  otherId: string,
  otherUri: string,
): CodeAction[] {
  const entry = entryContaining(model, diagnostic.range.start);
  const other = fileToEdit(input, otherUri);
  const otherEntry = other?.model.entries.find((candidate) => candidate.id === otherId);
  if (entry === undefined || entry.id !== entryId || other === undefined || otherEntry === undefined) {
    return [];
  }
  const edit = insertSeeAlsoLinkEdit(otherEntry, other.text.document, seeAlsoCollator(input.config.collation), input.index, entry.title, entry.id);
  return edit === undefined ? [] : [quickFix(l10n.t('Add "{0}" to the see-also list of "{1}"', entry.title, otherEntry.title), diagnostic, editOfOther(input, other.text, [edit]), true)];
}

/**
 * A file a quick fix edits, this one or another, with its model; undefined when its text is not at
 * hand or is not the text the model was parsed from (another version in the editor, or a closed
 * file changed on disk since it was indexed), since the model's positions would not fit it.
 */
function fileToEdit(input: CodeActionInput, uri: string): { readonly model: GlossaryDocument; readonly text: OtherDocument } | undefined {
  const model = input.index.document(uri);
  const text = uri === input.document.uri ? { document: input.document, openVersion: input.document.version } : input.otherDocuments?.get(uri);
  if (model === undefined || text === undefined) {
    return undefined;
  }
  const matches = text.openVersion !== null ? text.openVersion === model.version : textFingerprint(text.document.getText()) === model.fingerprint;
  return matches ? { model, text } : undefined;
}

/** Make the first entry's id and the file name agree: change the id, or rename the file. */
function idFileFixes(input: CodeActionInput, model: GlossaryDocument, diagnostic: GlossaryDiagnostic): CodeAction[] {
  const entry = model.entries[0];
  const idRange = entry?.heading.idRange;
  if (entry === undefined || idRange === undefined || !sameRange(idRange, diagnostic.range) || !isMarkdownFile(model.uri)) {
    return [];
  }
  const idChange = fileNameIdFix(input, model.uri, entry, diagnostic);
  const copy = copyNamedAfter(input.index, fileNameId(model.uri), model.uri);
  const overCopy = copy?.uri === model.uri ? entryOverCopyFix(input, diagnostic, copy) : undefined;
  const actions: CodeAction[] = [idChange, overCopy].filter((action) => action !== undefined);
  const newUri = idProblem(entry.id) === undefined ? entryFileUri(entry.id, { besideUri: model.uri }) : undefined;
  // Nor onto a file whose name differs in case alone: one file on Windows and macOS.
  if (diagnostic.code === DiagnosticCode.AnchorFileMismatch && input.renamesFiles && newUri !== undefined && !input.index.documentsNamedAlike(newUri).some((other) => other.uri !== model.uri)) {
    // overwrite: false and ignoreIfExists: false make the editor refuse when the file exists meanwhile.
    const rename = RenameFile.create(model.uri, newUri, neverReplace);
    // Preferred where the links write the id and none the file's name (`Github.md` giving `#GitHub`): the name is the slip.
    const { toId, toName } = linksToIdAndFileName(input.index, entry.id, fileNameId(model.uri));
    const idMeant = idChange?.isPreferred !== true && (toId ?? 0) > 0 && (toName ?? 0) === 0;
    actions.push(quickFix(l10n.t('Rename the file to "{0}.md"', entry.id), diagnostic, { documentChanges: [rename] }, idMeant));
  }
  return actions;
}

/**
 * Change the id of a file's entry to the file's name, as a rename does (see `entryIdChange`):
 * offered at its heading (`anchor-file-mismatch`) and at a broken link that writes the name. Named
 * the same from both places in the file itself, so that one action answers both; from a link in
 * another file, the id it changes is named (the diagnostic names its file). Undefined when the
 * name can be no id, or is one already, or the entry is a copy of another's (`isCopyUnderOtherName`).
 */
function fileNameIdFix(input: CodeActionInput, uri: string, entry: Entry, diagnostic: GlossaryDiagnostic): CodeAction | undefined {
  const nameId = fileNameId(uri);
  const change = nameId === entry.id || newIdProblem(input.index, nameId) !== undefined || isCopyUnderOtherName(input.index, uri, entry) ? undefined : entryIdChange(input, uri, entry, nameId);
  if (change === undefined) {
    return undefined;
  }
  const title =
    uri === input.document.uri
      ? change.links === 0
        ? l10n.t('Change the id to "{0}", after the file', nameId)
        : change.links === 1
          ? l10n.t('Change the id to "{0}", after the file, with the link to it', nameId)
          : l10n.t('Change the id to "{0}", after the file, with the {1} links to it', nameId, change.links)
      : change.links === 0
        ? l10n.t('Change the id "{0}" to "{1}", after its file', entry.id, nameId)
        : change.links === 1
          ? l10n.t('Change the id "{0}" to "{1}", after its file, with the link to it', entry.id, nameId)
          : l10n.t('Change the id "{0}" to "{1}", after its file, with the {2} links to it', entry.id, nameId, change.links);
  const resolved = input.index.linksTo(nameId).length;
  const told = resolved === 0 ? title : resolved === 1 ? l10n.t('{0} (resolves 1 broken link)', title) : l10n.t('{0} (resolves {1} broken links)', title, resolved);
  return quickFix(told, diagnostic, change.edit, isFileNameMeant(input.index, entry, nameId));
}

/**
 * The heading's id changed as a rename changes it: with every link to it, unless the id is
 * defined more than once (the links keep leading to the others). Undefined when a file to edit is
 * not at hand as indexed (see `fileToEdit`): changing the heading alone would break the links in
 * it, so the fix waits until the file is indexed anew.
 */
function entryIdChange(input: CodeActionInput, uri: string, entry: Entry, newId: string): { readonly edit: WorkspaceEdit; readonly links: number } | undefined {
  const id = entry.id;
  const idRange = entry.heading.idRange;
  if (idRange === undefined) {
    return undefined;
  }
  const alone = !definedOnce(input.index, id);
  const edits = idEditsByUri(input.index, uri, { id, range: idRange, alone }, newId);
  const files: { readonly file: OtherDocument; readonly edits: TextEdit[] }[] = [];
  for (const [target, fileEdits] of edits) {
    const file = fileToEdit(input, target);
    if (file === undefined) {
      return undefined;
    }
    files.push({ file: file.text, edits: fileEdits });
  }
  // Links, not places edited: links sharing one reference definition are edited there once.
  const links = alone ? 0 : input.index.linksTo(id).filter((located) => located.link.idRange !== undefined).length;
  return { edit: editOfFiles(input, files), links };
}

/**
 * Every see-also list of the file in order and its links separated, and every table reported
 * misaligned lined up, as one source action (the edits cannot meet: a table's lines start with `+`
 * or `|`, a list's with links); undefined when there is nothing to do.
 */
function fixAllOf(input: CodeActionInput, model: GlossaryDocument): CodeAction | undefined {
  const collator = seeAlsoCollator(input.config.collation);
  const sorts = model.entries.flatMap((entry) => sortSeeAlsoEdits(entry, input.document, collator, input.index));
  const tables = input.diagnostics
    .filter((diagnostic) => diagnostic.code === DiagnosticCode.TableMisaligned)
    .flatMap((diagnostic) => lineUpTableEdits(input.document, diagnostic.range.start.line) ?? []);
  const separated = withSeparatorsAfter(input, [...sorts, ...tables]);
  if (sorts.length === 0 && tables.length === 0 && separated === undefined) {
    return undefined;
  }
  return { title: fixAllTitle(sorts.length > 0, separated !== undefined, tables.length > 0), kind: fixAllKind, edit: editOf(input, separated ?? [...sorts, ...tables]) };
}

/** What the source action does, as it does it: the lists in order, the links separated, the tables lined up. */
function fixAllTitle(sorts: boolean, separates: boolean, linesUp: boolean): string {
  if (!linesUp) {
    if (!sorts) return l10n.t('Separate the links of all see-also lists of this file');
    return separates ? l10n.t('Sort all see-also lists of this file and separate their links') : l10n.t('Sort all see-also lists of this file');
  }
  if (sorts) {
    return separates ? l10n.t('Sort all see-also lists, separate their links and line up all tables of this file') : l10n.t('Sort all see-also lists and line up all tables of this file');
  }
  return separates ? l10n.t('Separate the links of all see-also lists and line up all tables of this file') : l10n.t('Line up all tables of this file');
}

/**
 * The edits `edits` make, and the list's separator after each see-also link that runs into the
 * next (`seealso-separator`) once they are made, as edits of the lines that change. A sort moves a
 * link's note, and the separator after it, along with the link: the links run together are found
 * on the sorted text. Undefined where none is, or where the lines would not stay the lines they
 * are (a sort that adds the index link; the quick fix then separates them).
 */
function withSeparatorsAfter(input: CodeActionInput, edits: readonly TextEdit[]): TextEdit[] | undefined {
  const { uri, version } = input.document;
  const sorted = TextDocument.create(uri, 'markdown', version, TextDocument.applyEdits(input.document, [...edits]));
  const separators = parseGlossaryDocument(sorted.getText(), uri, version, { termClass: input.config.termClass }).entries.flatMap(
    ({ seeAlso }) => seeAlso?.runTogether.map((link) => separatorAfterEdit(sorted, seeAlso, link)) ?? [],
  );
  const lines = TextDocument.applyEdits(sorted, separators).split(/\r\n|\r|\n/);
  if (separators.length === 0 || lines.length !== input.document.lineCount) return undefined;
  return lines.flatMap((text, line) => {
    const written = lineText(input.document, line);
    return text === written ? [] : [TextEdit.replace({ start: { line, character: 0 }, end: { line, character: written.length } }, text)];
  });
}

/** Every sentence that starts mid-line started on a new line, as one source action; undefined when none does. */
function sentencesOnNewLines(input: CodeActionInput, model: GlossaryDocument): CodeAction | undefined {
  const editOfSentence = sentenceOnNewLineEdits(input, model);
  const edits = input.diagnostics.filter((diagnostic) => diagnostic.code === DiagnosticCode.SentenceMidLine).flatMap((diagnostic) => editOfSentence(diagnostic) ?? []);
  if (edits.length === 0) {
    return undefined;
  }
  return { title: l10n.t('Start every sentence of this file on a new line'), kind: sentencesOnNewLinesKind, edit: editOf(input, edits) };
}

/** The first unlinked mention of every term in the entry at `range` linked, as one source action. */
function linkFirstMentions(input: CodeActionInput, model: GlossaryDocument, range: Range): CodeAction | undefined {
  const entry = entryContaining(model, range.start);
  const edits = entry ? linkFirstMentionsEdits(entry, input.diagnostics) : [];
  if (edits.length === 0) {
    return undefined;
  }
  return { title: l10n.t('Link the first mention of every term in this entry'), kind: linkMentionsKind, edit: editOf(input, edits) };
}

/**
 * The same fix for several diagnostics (sorting a list that is unsorted and has Index elsewhere
 * than last) is one action naming them all. Where the diagnostics of preferred fixes nest (a broken
 * link inside an unsorted see-also list), only the innermost keeps the preference: Auto Fix then
 * has one answer at the cursor, the fix of what is under it.
 */
function oneAnswerEach(fixes: readonly CodeAction[]): CodeAction[] {
  const byEffect = new Map<string, CodeAction>();
  for (const fix of fixes) {
    const key = JSON.stringify([fix.title, fix.edit, fix.command]);
    const same = byEffect.get(key);
    if (same === undefined) {
      byEffect.set(key, fix);
    } else {
      same.diagnostics = [...(same.diagnostics ?? []), ...(fix.diagnostics ?? [])];
      if (fix.isPreferred) same.isPreferred = true;
    }
  }
  const merged = [...byEffect.values()];
  // By start, so that the ranges inside a fix's are found by a binary search: a line may hold thousands of fixes.
  const preferredRanges = merged
    .filter((fix) => fix.isPreferred)
    .flatMap((fix) => fix.diagnostics ?? [])
    .map((diagnostic) => diagnostic.range)
    .sort((a, b) => comparePositions(a.start, b.start));
  for (const fix of merged) {
    if (fix.isPreferred && holdsOneOf((fix.diagnostics ?? []).map((diagnostic) => diagnostic.range), preferredRanges)) {
      delete fix.isPreferred;
    }
  }
  return merged;
}

/** Whether one of the ranges (sorted by start) lies strictly inside each of `outers`. */
function holdsOneOf(outers: readonly Range[], sortedRanges: readonly Range[]): boolean {
  if (outers.length === 0) return sortedRanges.length > 0;
  const from = outers.reduce((latest, outer) => (comparePositions(outer.start, latest) > 0 ? outer.start : latest), outers[0]!.start);
  const to = outers.reduce((earliest, outer) => (comparePositions(outer.end, earliest) < 0 ? outer.end : earliest), outers[0]!.end);
  let low = 0;
  let high = sortedRanges.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (comparePositions(sortedRanges[middle]!.start, from) < 0) low = middle + 1;
    else high = middle;
  }
  for (let k = low; k < sortedRanges.length && comparePositions(sortedRanges[k]!.start, to) <= 0; k++) {
    const inner = sortedRanges[k]!;
    if (outers.every((outer) => strictlyInside(inner, outer))) return true;
  }
  return false;
}

function strictlyInside(inner: Range, outer: Range): boolean {
  return rangeContains(outer, inner.start) && rangeContains(outer, inner.end) && !sameRange(inner, outer);
}

function quickFix(title: string, diagnostic: GlossaryDiagnostic, edit: WorkspaceEdit | undefined, isPreferred: boolean): CodeAction {
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [toLspDiagnostic(diagnostic)],
    ...(edit ? { edit } : {}),
    ...(isPreferred ? { isPreferred } : {}),
  };
}

/** Edits of the document, tied to its version when the client checks versions. */
function editOf(input: CodeActionInput, edits: TextEdit[]): WorkspaceEdit {
  return editOfOther(input, { document: input.document, openVersion: input.document.version }, edits);
}

/** Edits of a file, this one or another, tied to the version the editor has open when the client checks versions. */
function editOfOther(input: CodeActionInput, file: OtherDocument, edits: TextEdit[]): WorkspaceEdit {
  return editOfFiles(input, [{ file, edits }]);
}

/** Edits of several files, each tied to the version the editor has open when the client checks versions. */
function editOfFiles(input: CodeActionInput, files: readonly { readonly file: OtherDocument; readonly edits: TextEdit[] }[]): WorkspaceEdit {
  return input.documentChanges
    ? { documentChanges: files.map(({ file, edits }) => TextDocumentEdit.create({ uri: file.document.uri, version: file.openVersion }, edits)) }
    : { changes: Object.fromEntries(files.map(({ file, edits }) => [file.document.uri, edits])) };
}

function overlaps(a: Range, b: Range): boolean {
  return rangeContains(a, b.start) || rangeContains(a, b.end) || rangeContains(b, a.start);
}

function isEmpty(range: Range): boolean {
  return range.start.line === range.end.line && range.start.character === range.end.character;
}
