import * as l10n from '@vscode/l10n';
import { Range } from 'vscode-languageserver';
import { GlossaryConfig } from '../config';
import { indexId } from '../diagnostics/seeAlsoChecks';
import { WorkspaceIndex } from '../index/workspaceIndex';
import { commonHeadingText, seeAlsoHeadingText } from './seeAlsoEdits';
import { entryFileUri, fileNameFrom, fileNameOf, isInFolder } from '../workspace/uris';
import { messagesLanguage } from '../localization';
import { parseGlossaryDocument } from '../parse/parser';
import { escapeMarkdown } from './markdownText';

/**
 * The id a title proposes: the title as typed, with runs of white space as hyphens and the
 * characters an id cannot hold left out (`Data Scraping` → `Data-Scraping`, `DL (Deep Learning)`
 * → `DL-Deep-Learning`, `Input/Output` → `InputOutput`), and the dots of an abbreviation at the
 * end too (`BPE & Co.` → `BPE-Co`), which would give the file name `BPE-Co..md`, and at the start
 * (`.NET` → `NET`), which pandoc reads in no `{#.NET}` and which would hide the file.
 */
export function proposeEntryId(title: string): string {
  return title
    .trim()
    .replace(/[^\p{L}\p{N}_.\s-]/gu, '')
    .replace(/\s+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '');
}

/**
 * Why a string cannot be the id of a new entry, or undefined when it can: it is also the entry's
 * file name, so letters, digits and `- _ .` only (pandoc takes `:` too, which Windows refuses in a
 * file name), and not `.` or `-` first. An id that does not begin with a letter is written
 * `{id="3D-Druck"}`, as pandoc reads no other (see `idAttribute`).
 */
export function idProblem(id: string): string | undefined {
  if (id === '') {
    return l10n.t('The id is empty.');
  }
  if (id.length > 200) {
    return l10n.t('The id is longer than 200 characters.');
  }
  // File systems count a name's bytes: 255 at most, `.md` included (`Ü` takes two, `漢` three).
  const bytes = new TextEncoder().encode(id).length;
  if (bytes > 252) {
    return l10n.t('The id is too long for a file name: its letters take {0} bytes, and a file name holds at most 255 with ".md".', bytes);
  }
  const foreign = [...new Set(id.match(/[^\p{L}\p{N}_.-]/gu))];
  if (foreign.length > 0) {
    const shown = foreign.map((character) => (character === ' ' ? l10n.t('a space') : /\s/.test(character) ? l10n.t('white space') : l10n.t('"{0}"', character)));
    return l10n.t('The id "{0}" contains {1}: an id holds only letters, digits, hyphens (-), underscores (_) and dots (.).', id, listOf(shown));
  }
  if (id.startsWith('.') || id.startsWith('-')) {
    return l10n.t('The id "{0}" must not begin with "{1}".', id, id[0]!);
  }
  return undefined;
}

/** Items joined as a sentence of the messages' language says them: `a space and "!"`, `„?“, „!“ und „&“`. */
function listOf(items: readonly string[]): string {
  return new Intl.ListFormat(messagesLanguage(), { type: 'conjunction' }).format(items);
}

/**
 * Why an id cannot replace the id written in a heading's `{#…}`, or undefined when it can: an id
 * of a new entry (`idProblem`) that begins with a letter, as pandoc reads no other after `#`.
 */
export function headingIdProblem(id: string): string | undefined {
  return idProblem(id) ?? (/^\p{L}/u.test(id) ? undefined : l10n.t('The id "{0}" must begin with a letter to stand in {#…}.', id));
}

/** The attribute block of a new entry's heading: `{#Id .classes}`, or `{id="3D-Druck" .classes}` for an id pandoc reads only so. */
export function idAttribute(id: string, classes: readonly string[]): string {
  const classList = classes.map((name) => ` .${name}`).join('');
  return /^\p{L}/u.test(id) ? `{#${id}${classList}}` : `{id="${id}"${classList}}`;
}

/** Whether pandoc reads `## text {attributes}`, alone on its line, as a heading with the id (and, given, that plain text). */
export function readsAsHeading(text: string, attributes: string, id: string, plainText?: string): boolean {
  const heading = parseGlossaryDocument(`## ${text} ${attributes}\n`, 'untitled:heading', 0).headings[0];
  return heading !== undefined && heading.explicitId && heading.id === id && (plainText === undefined || heading.plainText === plainText);
}

/**
 * Why a title cannot be the text of a new entry's heading, or undefined when it can: pandoc must
 * read the heading's attribute block after it, which markup left open (a `*` or `_` without its
 * pair) makes text, and the entry would have no id.
 */
export function titleProblem(title: string, id: string, classes: readonly string[]): string | undefined {
  if (/[\r\n]/.test(title)) {
    return l10n.t('A title is one line.');
  }
  return readsAsHeading(title, idAttribute(id, classes), id)
    ? undefined
    : l10n.t('After the title "{0}" pandoc would read no id: it leaves markup open, such as a * or _ without its pair. Write such a character with a backslash before it (\\*).', title);
}

/**
 * A title given as plain text (a link's label) as the text of a heading that pandoc reads back as
 * that text, with its id: as it is where it can be, else with the characters that start markup
 * escaped (`co*de`, from the label `` `co*de` ``, would leave a `*` open). Undefined when no
 * escaping gives it back.
 */
export function headingTextOf(plainTitle: string): string | undefined {
  const startsMarkup = (text: string): string => text.replace(/[\\`*_[\]<>$^~@{}&]/g, (character) => `\\${character}`);
  // The parser reads no superscript, subscript, strikeout, math or citation: text with their marks is escaped untried.
  const asIs = /[$^~@]/.test(plainTitle) ? [] : [plainTitle];
  return [...asIs, startsMarkup(plainTitle), escapeMarkdown(plainTitle)].find((text) => readsAsHeading(text, '{#Id}', 'Id', plainTitle));
}

/** Why a new entry with this id cannot be created: an invalid id, or one taken (see `idTakenProblem`). */
export function newEntryProblem(id: string, index: WorkspaceIndex): string | undefined {
  return idProblem(id) ?? idTakenProblem(index, id);
}

/**
 * Why a valid id cannot be given to a new entry or by a rename: `Index`, or an id the workspace
 * defines (its file named as seen from `fromUri`, when given).
 */
export function idTakenProblem(index: WorkspaceIndex, id: string, fromUri?: string): string | undefined {
  if (id === indexId) {
    return l10n.t('The id "{0}" belongs to the index page, which every see-also list links last.', id);
  }
  const existing = index.anchorsOf(id)[0];
  return existing === undefined ? undefined : l10n.t('The id "{0}" is already defined in {1}.', id, fromUri === undefined ? fileNameOf(existing.uri) : fileNameFrom(existing.uri, fromUri));
}


/** The URI of a new entry's file in the entries folder, or undefined when it would leave the workspace folder. */
export function newEntryUri(id: string, entriesFolderUri: string, workspaceFolderUri: string): string | undefined {
  const folder = entriesFolderUri.replace(/\/+$/, '');
  const root = workspaceFolderUri.replace(/\/+$/, '');
  // `entriesFolder` comes from settings, resolved against the settings folder: it must lie in the workspace folder.
  if (folder !== root && !isInFolder(folder, root)) {
    return undefined;
  }
  // A URI not resolved so (`file:///ws/../etc`) would pass for one inside.
  if (folder.split('/').some((segment) => segment === '..' || segment === '%2E%2E' || segment === '.')) {
    return undefined;
  }
  return entryFileUri(id, { folderUri: folder });
}

/** The text of a new entry, where its first placeholder is, and the same text as a snippet. */
export interface EntryText {
  readonly text: string;
  /** The summary placeholder, selected for the writer to type over. */
  readonly placeholder: Range;
  /**
   * The text in snippet syntax, for an editor that takes snippets in workspace edits: Tab goes
   * from the summary to the explanation, then to the see-also list.
   */
  readonly snippet: string;
}

/** A piece of a new entry: text, or a tab stop of the snippet holding its default text. */
type TemplatePart = string | { readonly tabStop: number; readonly text: string };

/**
 * A new entry following the glossary's chapter rule: the heading with the id and the chapter
 * classes, the summary line, an explanation section, the see-also list ending with the index, and
 * the closing rule. The section headings take the glossary's wording; the summary's placeholder,
 * typed over, is in the editor's language.
 */
export function entryTemplate(title: string, id: string, config: GlossaryConfig, index: WorkspaceIndex): EntryText {
  const summary = { tabStop: 1, text: l10n.t('Short description') };
  // The first explanation heading most entries share (one entry's own wording is no pattern).
  const explanationHeading = commonHeadingText(index, (entry) => entry.sections.find((section) => section.heading.classes.includes('explanation'))?.heading, l10n.t('Description'), 2);
  const parts: TemplatePart[] = [
    `## ${title} ${idAttribute(id, config.chapterClasses)}\n\n***`,
    summary,
    `***\n\n### ${explanationHeading} {.explanation}\n\n`,
    { tabStop: 2, text: '' },
    `\n\n### ${seeAlsoHeadingText(index)} {.seealso}\n\n`,
    { tabStop: 0, text: '' },
    '[Index](#Index) |\n\n----\n',
  ];
  const textOf = (part: TemplatePart): string => (typeof part === 'string' ? part : part.text);
  const text = parts.map(textOf).join('');
  const before = parts.slice(0, parts.indexOf(summary)).map(textOf).join('').split('\n');
  const start = { line: before.length - 1, character: before[before.length - 1]!.length };
  return {
    text,
    placeholder: { start, end: { line: start.line, character: start.character + summary.text.length } },
    snippet: parts.map((part) => (typeof part === 'string' ? escapeSnippetText(part) : tabStopSnippet(part))).join(''),
  };
}

function tabStopSnippet({ tabStop, text }: { readonly tabStop: number; readonly text: string }): string {
  return text === '' ? `$${tabStop}` : `\${${tabStop}:${escapeSnippetText(text)}}`;
}

/** Text as snippet syntax reads it literally (a title may hold `$`, `}` or `\`). */
function escapeSnippetText(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}
