import * as l10n from '@vscode/l10n';
import { Connection, CreateFile, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { findNodeAtLocation, parseTree, type Node, type ParseError } from 'jsonc-parser';
import { configFileName } from '../config';
import { ExcludeFilesParams, IgnoreMentionsParams, SettingsEditResult } from '../protocol';
import { GlossarySession } from '../session/glossarySession';
import { applyOrReason, neverReplace } from './workspaceEdits';
import { literalPath } from '../workspace/fileFilter';
import { lineBreakIn } from './seeAlsoEdits';

/** The lists of `.glossary.json` that quick fixes add to: entries not suggested as mentions, files left out. */
export type SettingsListKey = 'ignoreMentionsOf' | 'exclude';

/**
 * The edits that add `items` to the list `key` in the text of `.glossary.json`, touching nothing
 * else of the file; or why not: the file is no JSON object, or its list is no list of strings; or
 * that it lists them all already. When the file has no list (or no file is given, and the edits
 * make one), the list made starts with `inherited`, what the editor's setting lists: the file's
 * list replaces the setting's, which would otherwise come back.
 */
export function settingsListEdits(
  text: string | undefined,
  key: SettingsListKey,
  items: readonly string[],
  inherited: readonly string[] = [],
): { readonly edits: readonly TextEdit[] } | { readonly error: string } | { readonly listedAlready: true } {
  const document = TextDocument.create('file:///config.json', 'json', 0, text ?? '');
  const made = `[${[...new Set([...inherited, ...items])].map((item) => JSON.stringify(item)).join(', ')}]`;
  if (text === undefined || text.trim() === '') {
    const created = `{\n  ${JSON.stringify(key)}: ${made}\n}\n`;
    return { edits: [TextEdit.replace({ start: { line: 0, character: 0 }, end: document.positionAt(document.getText().length) }, created)] };
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (root === undefined || errors.length > 0 || root.type !== 'object') {
    return { error: l10n.t('{0} is not a valid JSON object: correct it first.', configFileName) };
  }
  if ((root.children ?? []).filter((property) => property.children?.[0]?.value === key).length > 1) {
    return { error: l10n.t('{0} has "{1}" twice: correct it first.', configFileName, key) };
  }
  const list = findNodeAtLocation(root, [key]);
  if (list !== undefined && (list.type !== 'array' || list.children?.some((item) => item.type !== 'string'))) {
    return {
      error: key === 'exclude'
        ? l10n.t('"{0}" in {1} must be a list of patterns: correct it first.', key, configFileName)
        : l10n.t('"{0}" in {1} must be a list of ids: correct it first.', key, configFileName),
    };
  }
  const missing = [...new Set(items)].filter((item) => !list?.children?.some((listed) => listed.value === item));
  if (missing.length === 0) {
    return { listedAlready: true };
  }
  const eol = lineBreakIn(text) ?? '\n';
  const change = list === undefined ? appendTo(text, root, [`${JSON.stringify(key)}: ${made}`], eol) : appendTo(text, list, missing.map((item) => JSON.stringify(item)), eol);
  return { edits: [TextEdit.replace({ start: document.positionAt(change.offset), end: document.positionAt(change.offset + change.length) }, change.content)] };
}

/**
 * The insertion of members at the end of an object or an array, laid out as the others are: on
 * their line, or each on a line of its own as indented as the last one; into an empty one, in its brackets.
 */
function appendTo(text: string, container: Node, added: readonly string[], eol: string): { offset: number; length: number; content: string } {
  const members = container.children ?? [];
  const last = members.at(-1);
  if (last === undefined) {
    const open = text[container.offset]!;
    const close = text[container.offset + container.length - 1]!;
    return { offset: container.offset, length: container.length, content: open === '{' ? `{${eol}  ${added.join(`,${eol}  `)}${eol}${close}` : `${open}${added.join(', ')}${close}` };
  }
  const onItsOwnLine = /\n/.test(text.slice(container.offset, members[0]!.offset));
  const indent = /^[ \t]*/.exec(text.slice(text.lastIndexOf('\n', last.offset) + 1))![0];
  const separator = onItsOwnLine ? `,${eol}${indent}` : ', ';
  return { offset: last.offset + last.length, length: 0, content: added.map((member) => `${separator}${member}`).join('') };
}

/** What the server can do with the client's editor: see `addToSettingsList`. */
export interface SettingsEditClient {
  readonly documentChanges: boolean;
  readonly createsFiles: boolean;
  readonly settingsEdits: boolean;
}

/**
 * The command behind "Do not suggest links to #Id": adds the id to `ignoreMentionsOf` in the
 * glossary's `.glossary.json` (see `addToSettingsList`).
 */
export function addIgnoredMention(params: IgnoreMentionsParams | undefined, session: GlossarySession, connection: Connection, client: SettingsEditClient): Promise<SettingsEditResult> {
  if (typeof params?.id !== 'string' || params.id === '' || typeof params.configUri !== 'string') {
    return Promise.resolve({ error: l10n.t('The command needs the id of an entry and the settings file to write it to.') });
  }
  return addToSettingsList('ignoreMentionsOf', [params.id], params.configUri, l10n.t('Do not suggest links to #{0}', params.id), session, connection, client);
}

/**
 * The command behind "Leave README.md out of the glossary": adds patterns that name files to
 * `exclude` in the glossary's `.glossary.json` (see `addToSettingsList`).
 */
export function excludeFiles(params: ExcludeFilesParams | undefined, session: GlossarySession, connection: Connection, client: SettingsEditClient): Promise<SettingsEditResult> {
  const patterns = params?.patterns;
  if (!Array.isArray(patterns) || patterns.length === 0 || patterns.some((pattern) => typeof pattern !== 'string' || pattern === '') || typeof params!.configUri !== 'string') {
    return Promise.resolve({ error: l10n.t('The command needs the files to leave out and the settings file to write them to.') });
  }
  return addToSettingsList('exclude', patterns, params!.configUri, l10n.t('Leave {0} out of the glossary', patterns.map(literalPath).join(', ')), session, connection, client);
}

/**
 * Adds items to a list of the glossary's `.glossary.json` (made in the first workspace folder when
 * there is none), worked out from the file on disk. The server is told of no editor's buffer of the
 * file, so where the edit would land in one with unsaved changes, the server writes the file itself
 * (never over a file made or changed meanwhile; the editor keeps its buffer and tells the writer
 * that the file changed) and reads the settings again. Only a client that says it refuses the edit
 * over unsaved changes and saves it (`settingsEdits`, the extension's) gets a workspace edit
 * (`label`), undoable there, and its save has the server read the settings again.
 */
async function addToSettingsList(
  key: SettingsListKey,
  items: readonly string[],
  uri: string,
  label: string,
  session: GlossarySession,
  connection: Connection,
  client: SettingsEditClient,
): Promise<SettingsEditResult> {
  if (uri !== session.configFileUri()) {
    return { error: l10n.t('The glossary reads its settings from another file now: ask for the fix again.') };
  }
  const text = await session.readText(uri);
  const change = settingsListEdits(text, key, items, session.config[key]);
  if ('error' in change) {
    return change;
  }
  if ('listedAlready' in change) {
    // The settings read are older than the file (changed where no editor told of it).
    return { uri, listedAlready: true };
  }
  const edits = [...change.edits];
  if (!client.settingsEdits || (text === undefined && !client.createsFiles)) {
    const written = TextDocument.applyEdits(TextDocument.create(uri, 'json', 0, text ?? ''), edits);
    const failure = text === undefined ? await session.createFile(uri, written) : await session.replaceFile(uri, text, written);
    return failure === undefined ? { uri, written: true } : { error: l10n.t('{0} was not changed: {1}', configFileName, failure) };
  }
  const edit: WorkspaceEdit = !client.documentChanges
    ? { changes: { [uri]: edits } }
    : { documentChanges: [...(text === undefined ? [CreateFile.create(uri, neverReplace)] : []), TextDocumentEdit.create({ uri, version: null }, edits)] };
  const refused = await applyOrReason(connection, label, edit);
  return refused === undefined ? { uri } : { error: l10n.t('{0} was not changed: {1}', configFileName, refused) };
}
