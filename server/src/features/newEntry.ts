import * as l10n from '@vscode/l10n';
import { Range } from 'vscode-languageserver';
import { GlossaryConfig } from '../config';
import { WorkspaceIndex } from '../index/workspaceIndex';
import { seeAlsoHeadingText } from './seeAlsoEdits';

/** Characters an id cannot hold: they end it in `{#Id}` or `(#Id)`, or cannot stand in a file name. */
const forbiddenInId = /[\s{}()[\]<>#/\\:*?"|`\u0000-\u001f\u007f]/u;

/** The id a title proposes: the title as typed, with runs of white space as hyphens (`Data Scraping` → `Data-Scraping`). */
export function proposeEntryId(title: string): string {
  return title.trim().replace(/\s+/g, '-');
}

/**
 * Why a string cannot be an id that a link and a file name share, or undefined when it can.
 * Pandoc accepts more in `{#…}`, but an entry's id is also its file name.
 */
export function idProblem(id: string): string | undefined {
  if (id === '') {
    return l10n.t('The id is empty.');
  }
  const forbidden = forbiddenInId.exec(id);
  if (forbidden) {
    const shown = /\s/.test(forbidden[0]) ? l10n.t('white space') : `"${forbidden[0]}"`;
    return l10n.t('The id "{0}" contains {1}, which an id or a file name cannot hold.', id, shown);
  }
  // Half of a surrogate pair (an emoji an edit cut in two) can be neither a file name nor a URI.
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(id)) {
    return l10n.t('The id "{0}" holds half of a character.', id);
  }
  if (id.startsWith('.') || id.startsWith('-')) {
    return l10n.t('The id "{0}" must not begin with "{1}".', id, id[0]!);
  }
  if (id.length > 200) {
    return l10n.t('The id is longer than 200 characters.');
  }
  return undefined;
}

/** Why a new entry with this id cannot be created: an invalid id, or one the workspace defines. */
export function newEntryProblem(id: string, index: WorkspaceIndex): string | undefined {
  const invalid = idProblem(id);
  if (invalid !== undefined) {
    return invalid;
  }
  const existing = index.anchorsOf(id)[0];
  if (existing) {
    return l10n.t('The id "{0}" is already defined in {1}.', id, decodeURIComponent(existing.uri.slice(existing.uri.lastIndexOf('/') + 1)));
  }
  return undefined;
}

/** The URI of a new entry's file in the entries folder, or undefined when it would leave the workspace folder. */
export function newEntryUri(id: string, entriesFolderUri: string, workspaceFolderUri: string): string | undefined {
  const folder = entriesFolderUri.replace(/\/+$/, '');
  const root = workspaceFolderUri.replace(/\/+$/, '');
  // `entriesFolder` comes from settings; `..` in it must not lead out of the workspace.
  if (folder !== root && !folder.startsWith(`${root}/`)) {
    return undefined;
  }
  if (folder.split('/').some((segment) => segment === '..' || segment === '%2E%2E' || segment === '.')) {
    return undefined;
  }
  return `${folder}/${encodeURIComponent(id)}.md`;
}

/** The text of a new entry and where its first placeholder (the summary) is. */
export interface EntryText {
  readonly text: string;
  readonly placeholder: Range;
}

/** The summary placeholder of a new entry, selected for the writer to type over. */
const summaryPlaceholder = 'Kurzbeschreibung';

/**
 * A new entry following the glossary's chapter rule: the heading with the id and the chapter
 * classes, the summary line, an explanation section, the see-also list ending with the index, and
 * the closing rule.
 */
export function entryTemplate(title: string, id: string, config: GlossaryConfig, index: WorkspaceIndex): EntryText {
  const classes = config.chapterClasses.map((name) => ` .${name}`).join('');
  const lines = [
    `## ${title} {#${id}${classes}}`,
    '',
    `***${summaryPlaceholder}***`,
    '',
    '### Beschreibung {.explanation}',
    '',
    '',
    '',
    `### ${seeAlsoHeadingText(index)} {.seealso}`,
    '',
    '[Index](#Index) |',
    '',
    '----',
    '',
  ];
  return {
    text: lines.join('\n'),
    placeholder: { start: { line: 2, character: 3 }, end: { line: 2, character: 3 + summaryPlaceholder.length } },
  };
}
