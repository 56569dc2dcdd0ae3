import * as l10n from '@vscode/l10n';
import { Range } from 'vscode-languageserver';
import { GlossaryConfig } from '../config';
import { WorkspaceIndex } from '../index/workspaceIndex';
import { commonHeadingText, seeAlsoHeadingText } from './seeAlsoEdits';
import { entryFileUri, isInFolder } from '../workspace/uris';
import { parseGlossaryDocument } from '../parse/parser';
import { escapeMarkdown } from './markdownText';
import { startsWithLetter } from '../index/idRules';

/** The attribute block of a new entry's heading: `{#Id .classes}`, or `{id="3D-Druck" .classes}` for an id pandoc reads only so. */
export function idAttribute(id: string, classes: readonly string[]): string {
  const classList = classes.map((name) => ` .${name}`).join('');
  return startsWithLetter(id) ? `{#${id}${classList}}` : `{id="${id}"${classList}}`;
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
  // The explanation heading most entries share (one of many entries' own wording is no pattern; the only entry's is).
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
