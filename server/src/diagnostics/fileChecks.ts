import * as l10n from '@vscode/l10n';
import { distance } from 'fastest-levenshtein';
import type { Entry, GlossaryDocument, Heading, Range, Section } from '../parse/model';
import { DiagnosticCode } from './codes';
import type { DiagnosticData } from './diagnostic';
import { Check } from './check';
import { fileNameFrom, fileNameId, isMarkdownFile } from '../workspace/uris';
import { messagesLanguage } from '../localization';
import { fileNameIdUnlikeEntry, linksToIdAndFileName } from '../index/entryQueries';
import type { LocatedEntry, WorkspaceIndex } from '../index/workspaceIndex';
import { texCommandTaking } from '../parse/headingAttributes';

/** `anchor-file-mismatch`: the first entry of a `.md` file has an id other than the file name. */
export const checkAnchorFileMatch: Check = function* ({ document, index }) {
  const expectedId = fileNameIdUnlikeEntry(document);
  const firstEntry = document.entries[0];
  if (expectedId === undefined || firstEntry === undefined) {
    return;
  }
  // Where a heading in another file gives the file's name as id, the entry cannot take it, and the
  // quick fix that would is not offered: the message says why. Where that file is named after this
  // entry's id, the two have swapped ids (the real glossary's LLM.md and Large-Language-Model.md),
  // and the file cannot be renamed after its id either.
  const holder = index.anchorsOf(expectedId).find((located) => located.uri !== document.uri && located.anchor.heading !== undefined);
  const holderNote =
    holder === undefined
      ? []
      : fileNameId(holder.uri) === firstEntry.id
        ? [l10n.t('{0} gives the id "{1}": the two files have swapped ids.', fileNameFrom(holder.uri, document.uri), expectedId)]
        : [l10n.t('{0} gives the id "{1}" already.', fileNameFrom(holder.uri, document.uri), expectedId)];
  // Which of the two the links write tells which one is meant: the file's name, or the id, when the
  // name is misspelled.
  const { toId, toName } = linksToIdAndFileName(index, firstEntry.id, expectedId);
  const counted = [...(toId === undefined ? [] : [{ id: firstEntry.id, links: toId }]), ...(toName === undefined ? [] : [{ id: expectedId, links: toName }])];
  const [first, second] = counted;
  const linksNote =
    counted.every((count) => count.links === 0)
      ? []
      : second === undefined
        ? [l10n.t('Links to "{0}": {1}.', first!.id, first!.links)]
        : [l10n.t('Links to "{0}": {1}; to "{2}": {3}.', first!.id, first!.links, second.id, second.links)];
  yield {
    range: firstEntry.heading.idRange ?? firstEntry.heading.range,
    code: DiagnosticCode.AnchorFileMismatch,
    message: [l10n.t('The entry\'s id "{0}" differs from the file name "{1}".', firstEntry.id, expectedId), ...holderNote, ...linksNote].join(' '),
    data: { kind: DiagnosticCode.AnchorFileMismatch, entryId: firstEntry.id },
    relatedInformation: [],
  };
};

/**
 * `multiple-entries`: a `.md` file holds more than one entry; each entry after the first is
 * reported. Where another file holds an entry of the same name, this one is a copy to drop rather
 * than an entry to move (DeepSpeed.md's "Diffusion Models" beside Diffusion-Models.md).
 */
export const checkOneEntryPerFile: Check = function* ({ document, index }) {
  const [firstEntry, ...extraEntries] = document.entries;
  if (!isMarkdownFile(document.uri) || firstEntry === undefined) {
    return;
  }
  for (const entry of extraEntries) {
    const elsewhere = entry.id === firstEntry.id ? undefined : sameNamedEntryElsewhere(index, entry, document.uri);
    yield {
      range: entry.heading.range,
      code: DiagnosticCode.MultipleEntries,
      // The same id again is a second version of the first entry (GPT-4.5.md holds two dated ones), not another entry.
      message:
        elsewhere !== undefined
          ? l10n.t('This file holds {0} entries; the rule is one entry per file. The entry "{1}" (#{2}) is in {3} too, as "{4}" (#{5}): keep one of them.', document.entries.length, entry.title, entry.id, fileNameFrom(elsewhere.uri, document.uri), elsewhere.entry.title, elsewhere.entry.id)
          : entry.id !== firstEntry.id
          ? l10n.t('This file holds {0} entries; the rule is one entry per file. The entry "{1}" (#{2}) could move to a file of its own.', document.entries.length, entry.title, entry.id)
          : entry.title === firstEntry.title
            ? l10n.t('This file holds the entry "{0}" again, with the same id; the rule is one entry per file. Keep one version, or give this one an id and a file of its own.', entry.title)
            : l10n.t('This file holds a second entry with the id "{0}": "{1}", after "{2}" on line {3}. The rule is one entry per file: keep one version, or give this one an id and a file of its own.', entry.id, entry.title, firstEntry.title, firstEntry.heading.range.start.line + 1),
      data: { kind: DiagnosticCode.MultipleEntries, entryId: entry.id },
      relatedInformation: [{ uri: document.uri, range: firstEntry.heading.range, message: l10n.t('The first entry of the file.') }],
    };
  }
};

/** The entry of another file that goes by the name of this one's title (see `entriesNamed`), if any. */
function sameNamedEntryElsewhere(index: WorkspaceIndex, entry: Entry, uri: string): LocatedEntry | undefined {
  return index.entriesNamed(entry.title).find((named) => named.uri !== uri);
}

/** Whether a file's first heading is a chapter heading in all but its place: below the first line. */
export function isChapterHeadingBelowFirstLine(heading: Heading, chapterClasses: readonly string[]): boolean {
  return heading.range.start.line > 0 && heading.range.start.character === 0 && heading.level === 2 && heading.explicitId && heading.text.trim() !== '' && chapterClasses.every((name) => heading.classes.includes(name));
}

/**
 * `missing-chapter-heading`: a `.md` file does not begin (on its first line) with a level-2 heading
 * that has an explicit id and the chapter classes. Only in a glossary (a workspace with an entry),
 * and not on the index page (`# Index {#Index}` written as a `.md` file), which is no chapter.
 */
export const checkChapterHeading: Check = function* ({ document, index, config }) {
  if (!isMarkdownFile(document.uri) || !index.hasEntries() || document.uri === index.indexPageUri()) {
    return;
  }
  const firstHeading = document.headings[0];
  const expectedClasses = config.chapterClasses;
  const missingClasses = expectedClasses.filter((name) => !firstHeading?.classes.includes(name));
  const isChapterHeading =
    firstHeading !== undefined &&
    firstHeading.range.start.line === 0 &&
    firstHeading.level === 2 &&
    firstHeading.explicitId &&
    missingClasses.length === 0 &&
    firstHeading.text.trim() !== '';
  // `##Title {#Id …}` is reported, with its fix, as a heading without a space after its marks.
  if (isChapterHeading || document.headingsWithoutSpace[0]?.start.line === 0) {
    return;
  }
  // A chapter heading below the first line: blank lines or a comment above it.
  if (firstHeading !== undefined && isChapterHeadingBelowFirstLine(firstHeading, expectedClasses)) {
    yield {
      range: firstHeading.range,
      code: DiagnosticCode.MissingChapterHeading,
      message: l10n.t('The chapter heading stands on line {0}: the layout rules put it on the first line of the file, with nothing above it.', firstHeading.range.start.line + 1),
      data: { kind: DiagnosticCode.MissingChapterHeading },
      relatedInformation: [],
    };
    return;
  }
  const headingOnFirstLine = firstHeading?.range.start.line === 0 ? firstHeading : undefined;
  const classList = expectedClasses.map((name) => `.${name}`).join(' ');
  // What is wrong with a heading on the first line, so that the writer need not compare it with the rule.
  const blockAsText = headingOnFirstLine === undefined || headingOnFirstLine.attributesRange !== undefined ? undefined : (unclosedEmphasisIn(document, headingOnFirstLine) ?? attributeBlockReadAsText(headingOnFirstLine.text));
  const faults = headingOnFirstLine === undefined ? [] : [
    ...(headingOnFirstLine.level === 2 ? [] : [l10n.t('is of level {0} instead of 2', headingOnFirstLine.level)]),
    // `## {#Id .chapter .small .term}`: in the book, a chapter without a name.
    ...(headingOnFirstLine.text.trim() === '' ? [l10n.t('has no title before its attribute block')] : []),
    // The id and classes are missing because of the block: that is what the writer has to mend.
    ...(blockAsText !== undefined ? [blockAsText] : [
      ...(headingOnFirstLine.explicitId ? [] : [l10n.t('has no id {#…}')]),
      ...(missingClasses.length === 0 ? [] : [l10n.t('lacks {0}', missingClasses.map((name) => `.${name}`).join(' '))]),
    ]),
  ];
  yield {
    range: headingOnFirstLine?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    code: DiagnosticCode.MissingChapterHeading,
    message:
      faults.length === 0
        ? l10n.t('The file does not begin with a level-2 heading that has an id and the classes {0}.', classList)
        : l10n.t('The chapter heading (the first heading) {0}.', new Intl.ListFormat(messagesLanguage()).format(faults)),
    data: { kind: DiagnosticCode.MissingChapterHeading },
    relatedInformation: [],
  };
};

/** The classes of an entry's sections: `.explanation`, and for the last two `.haiku` and `.seealso`. */
export const sectionClasses: readonly string[] = ['explanation', 'haiku', 'seealso'];

/**
 * The sections of an entry that the layout rules give a section class: its headings one level below
 * its own (`###` under `##`), as pandoc nests them. Not those under a heading of the entry's level
 * or above that is no entry's (an appendix's `### Quellen` under `## Anhang`, or under a section
 * written `##`, which `section-level` reports), which are that heading's subsections; nor a heading in a quote, list item
 * or note, which starts further in than the margin (pandoc reads no heading indented at the margin).
 */
export function classedSections(entry: Entry): Section[] {
  const level = entry.heading.level + 1;
  const firstOther = entry.sections.findIndex((section) => section.heading.level < level);
  return entry.sections.slice(0, firstOther < 0 ? undefined : firstOther).filter((section) => section.heading.level === level && section.heading.range.start.character === 0);
}

/**
 * The section class a class or word written near it means (`see-also`, `Explanation`,
 * `explantion`, `haikus`): the same letters but for case, hyphens and underscores, or an edit away
 * (two from one of seven letters or more). Undefined for any other: `Haiti` is no haiku.
 */
function sectionClassMeant(written: string): string | undefined {
  const letters = written.toLowerCase().replace(/[-_]/g, '');
  return sectionClasses.find((name) => name === letters) ?? sectionClasses.find((name) => distance(name, letters) <= (name.length >= 7 ? 2 : 1));
}

/**
 * A section class written amiss in a heading that has none: a class near one (`{.see-also}`), or a
 * word near one in braces without its dot (`{haiku}`), which pandoc reads as the heading's text.
 * With what is written (`.see-also`, `{haiku}`) and the class meant.
 */
export function sectionClassWrittenAmiss(heading: Heading): { readonly kind: 'class' | 'text'; readonly written: string; readonly meant: string } | undefined {
  if (heading.classes.some((name) => sectionClasses.includes(name))) return undefined;
  for (const name of heading.classes) {
    const meant = sectionClassMeant(name);
    if (meant !== undefined) return { kind: 'class', written: `.${name}`, meant };
  }
  const bareWord = heading.attributesRange === undefined ? /\{[ \t]*([\p{L}_-]+)[ \t]*\}[ \t]*$/u.exec(heading.text) : null;
  const meant = bareWord === null ? undefined : sectionClassMeant(bareWord[1]!);
  return meant === undefined ? undefined : { kind: 'text', written: bareWord![0].trim(), meant };
}

/**
 * `missing-section-class`: a section of an entry (see `classedSections`) carries none of the
 * section classes, which the layout rules give each of them.
 */
export const checkSectionClasses: Check = function* ({ document }) {
  for (const entry of document.entries) {
    for (const { heading } of classedSections(entry)) {
      if (heading.classes.some((name) => sectionClasses.includes(name))) {
        continue;
      }
      // No attribute block read at all: one at the end of the text may be what pandoc reads as text.
      const blockAsText = heading.attributesRange === undefined ? (unclosedEmphasisIn(document, heading) ?? attributeBlockReadAsText(heading.text)) : undefined;
      const rule = l10n.t('The layout rules give every level-{0} section of an entry the class .explanation, the haikus .haiku and the see-also list .seealso.', heading.level);
      const amiss = sectionClassWrittenAmiss(heading);
      const withoutBlock = heading.plainText.replace(/\s*\{[^{]*$/, '');
      let message: string;
      if (amiss?.kind === 'class') {
        message = l10n.t('The section "{0}" has the class {1}, which is none of the section classes: perhaps .{2} is meant.', heading.plainText, amiss.written, amiss.meant);
      } else if (amiss?.kind === 'text') {
        message = l10n.t('The section "{0}" ends in {1}, which pandoc reads as text: a class is written with a dot, {2}.', withoutBlock, amiss.written, `{.${amiss.meant}}`);
      } else {
        message = blockAsText === undefined ? l10n.t('The section "{0}" has no section class.', heading.plainText) : l10n.t('The section "{0}" {1}.', withoutBlock, blockAsText);
      }
      yield {
        range: heading.range,
        code: DiagnosticCode.MissingSectionClass,
        message: `${message} ${rule}`,
        data: { kind: DiagnosticCode.MissingSectionClass },
        relatedInformation: [],
      };
    }
  }
};

/** The level of an entry's heading, whose sections the layout rules write one level below (`###`). */
export const chapterLevel = 2;

/**
 * The sections of an entry written at the level of a chapter or above (`## Funktionsweise
 * {.explanation}` under `## Google Assistant {#Google-Assistant …}`): in the book each becomes a
 * chapter of its own. Without a section class only above the entry's see-also list, amid the
 * entry: after it, such a heading may be an appendix (`## Anhang`; `section-after-seealso` tells
 * of it). Not those in a quote, list item or note.
 */
export function sectionsWrittenAsChapters(entry: Entry): Section[] {
  const seeAlsoLine = entry.seeAlso?.section.heading.range.start.line ?? -1;
  return entry.sections.filter(
    ({ heading }) =>
      heading.level <= chapterLevel &&
      heading.range.start.character === 0 &&
      (heading.classes.some((name) => sectionClasses.includes(name)) || heading.range.start.line < seeAlsoLine),
  );
}

/** `section-level`: a section of an entry written as a chapter (see `sectionsWrittenAsChapters`). */
export const checkSectionLevels: Check = function* ({ document }) {
  for (const entry of document.entries) {
    for (const { heading } of sectionsWrittenAsChapters(entry)) {
      yield {
        range: heading.range,
        code: DiagnosticCode.SectionLevel,
        message:
          heading.plainText === ''
            ? l10n.t('This heading without text is written as a chapter ({0}): in the book it becomes an empty chapter amid the entry. Remove it, or write the section meant at level {1} ({2}).', '#'.repeat(heading.level), chapterLevel + 1, '#'.repeat(chapterLevel + 1))
            : l10n.t(
                'The section "{0}" is written as a chapter ({1}): in the book it becomes a chapter of its own. The layout rules write the sections of an entry at level {2} ({3}).',
                heading.plainText,
                '#'.repeat(heading.level),
                chapterLevel + 1,
                '#'.repeat(chapterLevel + 1),
              ),
        data: { kind: DiagnosticCode.SectionLevel },
        relatedInformation: [{ uri: document.uri, range: entry.heading.range, message: l10n.t('The heading of the entry.') }],
      };
    }
  }
};

/** Why a heading's attribute block is text when a `*` or `_` run before it is never closed (as `unclosed-block` says there). */
function unclosedEmphasisIn(document: GlossaryDocument, heading: Heading): string | undefined {
  const line = heading.range.start.line;
  const run = document.unclosedBlocks.find((block) => block.kind === 'emphasis' && block.range.start.line === line);
  return run && l10n.t('has an attribute block that pandoc reads as text, as the {0} before it is never closed, and so neither an id nor classes', run.marker);
}

/**
 * Why a heading's text ends in what was meant as its attribute block, which pandoc reads as text:
 * `{#Id .chapter .small .term` without its `}`, `{#Id .chapter, .term}` with a comma, or
 * `{Neuronales Netz .chapter .small .term}`, whose id lacks its `#` (a snippet left before the id
 * mirrored the title). Undefined when the text ends in no such block (a `{.x}` in code further on is none).
 */
export function attributeBlockReadAsText(text: string): string | undefined {
  if (idWithoutHashAt(text) !== undefined) {
    return l10n.t('has an attribute block that pandoc reads as text, as it begins with text instead of an id (#…) or a class, and so neither an id nor classes');
  }
  const open = text.lastIndexOf('{');
  const block = open < 0 ? '' : text.slice(open);
  // An id, a class or a key=value first: what an attribute block begins with. Right after code, a
  // span's or a link's brackets or an image's parenthesis, it is that element's (`` `f()`{.python} ``).
  if (!/^\{\s*(?:[#.]|[A-Za-z][\w-]*=)/.test(block) || /[`\])]/.test(text.charAt(open - 1))) {
    return undefined;
  }
  if (!block.includes('}')) {
    return l10n.t('has an attribute block not closed with }, which pandoc reads as text, and so neither an id nor classes');
  }
  const blanksAfter = blanksAfterAttributeBlock(block);
  if (blanksAfter !== undefined) {
    const blank = [...block.slice(-blanksAfter)].find((ch) => ch !== ' ' && ch !== '\t')!;
    return l10n.t('has an attribute block that pandoc reads as text, as a blank other than a space follows it (U+{0}), and so neither an id nor classes', blank.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0'));
  }
  const command = texCommandTaking(text, open);
  if (command !== undefined) {
    return l10n.t('has an attribute block that pandoc reads as the argument of the TeX command {0} before it (a backslash typed for a slash?), and so neither an id nor classes', command);
  }
  return /\}[ \t]*$/.test(block) ? l10n.t('has an attribute block that pandoc reads as text, as it holds what no attribute block may (such as a comma), and so neither an id nor classes') : undefined;
}

/**
 * How many blanks follow the `}` that ends a heading's text where one of them is no space or tab (a
 * no-break space, typed with Option+Space after `}` on a German Mac keyboard): pandoc reads the
 * attribute block before them as text. Undefined where there are no such blanks.
 */
export function blanksAfterAttributeBlock(text: string): number | undefined {
  const blanks = /\}(\s+)$/.exec(text)?.[1];
  return blanks !== undefined && /[^ \t]/.test(blanks) ? blanks.length : undefined;
}

/**
 * Where a heading's text ends in a block of words and classes, `{Neuronales Netz .chapter .small
 * .term}`: meant as its attribute block, with the id's `#` missing. Undefined where it ends otherwise.
 */
export function idWithoutHashAt(text: string): number | undefined {
  const open = text.lastIndexOf('{');
  const block = text.slice(open);
  const meant = open >= 0 && !/[`\])]/.test(text.charAt(open - 1)) && /^\{\s*[\p{L}\p{N}][^{}#=]*\}\s*$/u.test(block) && /\s\.[A-Za-z][\w-]*\s*\}\s*$/.test(block);
  return meant ? open : undefined;
}

/**
 * `unclosed-block`: a code fence or comment never closed in its file (see `UnclosedBlock`).
 * Pandoc reads it as text in the file alone; the book joins the files, and there it swallows the
 * next files up to the next fence or `-->`. Also an emphasis run never closed in a heading, which
 * makes its attribute block text (only in a workspace with an entry).
 */
export const checkUnclosedBlocks: Check = function* ({ document, index }) {
  if (!index.hasEntries()) {
    return;
  }
  for (const block of document.unclosedBlocks) {
    yield {
      range: block.range,
      code: DiagnosticCode.UnclosedBlock,
      message:
        block.kind === 'fence'
          ? l10n.t('This code block is never closed: in the book, which joins the files, it runs on into the files after this one up to the next line of at least {0}, and their headings and links are lost.', block.marker)
          : block.kind === 'comment'
            ? l10n.t('This comment is never closed with -->: in the book, which joins the files, it hides the files after this one up to the next -->, or, where none follows, shows as text.')
            : l10n.t('This {0} is never closed: pandoc reads the rest of the heading as its text, the attribute block too, so the heading gets neither its id nor its classes.', block.marker),
      data: { kind: DiagnosticCode.UnclosedBlock },
      relatedInformation: [],
    };
  }
};

/** Lines written as a block that pandoc reads as text, with what the diagnostic says of them. */
interface BlockInText {
  readonly linesOf: (document: GlossaryDocument) => readonly Range[];
  readonly message: () => string;
  readonly data: DiagnosticData & { readonly kind: DiagnosticCode.HeadingInText | DiagnosticCode.CodeBlockInText };
}

/**
 * Blocks written where pandoc reads them as text: right under a line of text, as a definition
 * list's next term, or without a blank after a heading's marks (only in a workspace with an entry).
 * The glossary's layout rules set headings and code blocks apart with blank lines.
 */
function blockInTextCheck(...kinds: readonly BlockInText[]): Check {
  return function* ({ document, index }) {
    if (!index.hasEntries()) {
      return;
    }
    for (const { linesOf, message, data } of kinds) {
      for (const range of linesOf(document)) {
        yield { range, code: data.kind, message: message(), data, relatedInformation: [] };
      }
    }
  };
}

/** `heading-in-text`: a line written as a heading that pandoc reads as text: the section, its id and classes are lost. */
export const checkHeadingsInText = blockInTextCheck(
  {
    linesOf: (document) => document.headingsInText,
    message: () => l10n.t('pandoc reads this line as text, not as a heading: a heading needs a blank line before it.'),
    data: { kind: DiagnosticCode.HeadingInText },
  },
  {
    linesOf: (document) => document.headingsAsTerms,
    message: () =>
      l10n.t(
        'pandoc reads this line as a term of the definition list above it, not as a heading, as the line under it begins with ":" or "~" (as a table\'s caption): the list goes on over blank lines. Write the caption below its table, or end the list with a paragraph.',
      ),
    data: { kind: DiagnosticCode.HeadingInText, definitionTerm: true },
  },
  {
    linesOf: (document) => document.headingsWithoutSpace,
    message: () => l10n.t('pandoc reads this line as text, not as a heading: a heading needs a space after its # marks.'),
    data: { kind: DiagnosticCode.HeadingInText, missingSpace: true },
  },
);

/** `code-block-in-text`: a line opening a code block with `~~~`: the code, up to the closing fence, is text too. */
export const checkCodeBlocksInText = blockInTextCheck({
  linesOf: (document) => document.fencesInText,
  message: () => l10n.t('pandoc reads this line and the code after it as text, not as a code block: a code block needs a blank line before it.'),
  data: { kind: DiagnosticCode.CodeBlockInText },
});

/**
 * `table-misaligned`: a grid table whose rows do not meet its border lines' columns, at its first
 * such line (only in a workspace with an entry). The chapter template's haiku table is aligned
 * for its placeholders, so that every haiku written into it moves its `|`.
 */
export const checkTableAlignment: Check = function* ({ document, index }) {
  if (!index.hasEntries()) {
    return;
  }
  for (const range of document.misalignedTables) {
    yield {
      range,
      code: DiagnosticCode.TableMisaligned,
      message: l10n.t("The lines of this table do not meet the columns of its top border: pandoc reads the cells otherwise than they are written (one cell over several columns, or no table at all)."),
      data: { kind: DiagnosticCode.TableMisaligned },
      relatedInformation: [],
    };
  }
};

/**
 * `lone-carriage-return`: lines that end in a carriage return alone (only in a workspace with an
 * entry). Reported once, at the first: a file saved with old Mac line endings has one on every line.
 */
export const checkLoneCarriageReturns: Check = function* ({ document, index }) {
  const [first] = document.loneCarriageReturns;
  if (first === undefined || !index.hasEntries()) {
    return;
  }
  const count = document.loneCarriageReturns.length;
  yield {
    range: first,
    code: DiagnosticCode.LoneCarriageReturn,
    message:
      count === 1
        ? l10n.t('This line ends in a carriage return without a line feed: the editor shows a line break there, but pandoc drops the carriage return and reads the line and the next as one.')
        : l10n.t('This line and {0} more of this file end in a carriage return without a line feed: the editor shows line breaks there, but pandoc drops the carriage returns and reads each of these lines and the next as one.', count - 1),
    data: { kind: DiagnosticCode.LoneCarriageReturn },
    relatedInformation: [],
  };
};

/**
 * `fence-style`: a code block fenced with backticks, or written by indenting its lines, where the
 * glossary's rule asks for `~~~` (only in a workspace with an entry). Indented lines are as often
 * text indented by mistake, which the book shows as code.
 */
export const checkFenceStyle: Check = function* ({ document, index }) {
  if (!index.hasEntries()) {
    return;
  }
  for (const block of document.indentedCode) {
    yield {
      range: block.firstLine,
      code: DiagnosticCode.FenceStyle,
      message: l10n.t('Indented by four spaces or a tab, these lines are a code block in the book. Code blocks in this glossary are fenced with ~~~; if the lines are text, take the indentation away.'),
      data: { kind: DiagnosticCode.FenceStyle, indented: true },
      relatedInformation: [],
    };
  }
  for (const fence of document.codeFences) {
    if (fence.fence === '`') {
      yield {
        range: fence.openingRange,
        code: DiagnosticCode.FenceStyle,
        message: fence.afterText
          ? l10n.t('Code blocks in this glossary are fenced with ~~~, not with backticks. Put a blank line before this one too: right under a line of text, pandoc reads a ~~~ fence as text.')
          : l10n.t('Code blocks in this glossary are fenced with ~~~, not with backticks.'),
        data: { kind: DiagnosticCode.FenceStyle },
        relatedInformation: [],
      };
    }
  }
};

/**
 * `sentence-mid-line`: a sentence of an entry file's prose starts after another on the same line
 * (see `GlossaryDocument.sentencesMidLine`); the writing rules start each sentence on a new line.
 */
export const checkSentencesMidLine: Check = function* ({ document }) {
  if (document.entries.length === 0) {
    return;
  }
  for (const { range } of document.sentencesMidLine) {
    yield {
      range,
      code: DiagnosticCode.SentenceMidLine,
      message: l10n.t('A new sentence starts here, on the line of the one before: the writing rules start each sentence on a new line.'),
      data: { kind: DiagnosticCode.SentenceMidLine },
      relatedInformation: [],
    };
  }
};
