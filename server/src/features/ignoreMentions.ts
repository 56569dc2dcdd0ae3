import * as l10n from '@vscode/l10n';
import { Connection, CreateFile, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { findNodeAtLocation, parseTree, type Node, type ParseError } from 'jsonc-parser';
import { configFileName } from '../config';
import { IgnoreMentionsParams, IgnoreMentionsResult } from '../protocol';
import { GlossarySession } from '../session/glossarySession';

/** The key of `.glossary.json` that lists the entries whose names are not suggested as mentions. */
const key = 'ignoreMentionsOf';

/**
 * The edits that add `id` to `ignoreMentionsOf` in the text of `.glossary.json`, touching nothing
 * else of the file; or why not: the file is no JSON object, its list is no list of strings, or it
 * names the id already. When the file has no list (or no file is given, and the edits make one),
 * the list made starts with `inherited`, the ids the editor's setting lists: the file's list
 * replaces the setting's, which would otherwise come back.
 */
export function ignoreMentionEdits(text: string | undefined, id: string, inherited: readonly string[] = []): { readonly edits: readonly TextEdit[] } | { readonly error: string } {
  const document = TextDocument.create('file:///config.json', 'json', 0, text ?? '');
  const made = `[${[...new Set([...inherited, id])].map((item) => JSON.stringify(item)).join(', ')}]`;
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
    return { error: l10n.t('"{0}" in {1} must be a list of ids: correct it first.', key, configFileName) };
  }
  if (list?.children?.some((item) => item.value === id)) {
    return { error: l10n.t('{0} lists "{1}" in "{2}" already.', configFileName, id, key) };
  }
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const change = list === undefined ? appendTo(text, root, `${JSON.stringify(key)}: ${made}`, eol) : appendTo(text, list, JSON.stringify(id), eol);
  return { edits: [TextEdit.replace({ start: document.positionAt(change.offset), end: document.positionAt(change.offset + change.length) }, change.content)] };
}

/**
 * The insertion of a member at the end of an object or an array, laid out as the others are: on
 * their line, or on a line of its own as indented as the last one; into an empty one, in its brackets.
 */
function appendTo(text: string, container: Node, member: string, eol: string): { offset: number; length: number; content: string } {
  const members = container.children ?? [];
  const last = members.at(-1);
  if (last === undefined) {
    const open = text[container.offset]!;
    const close = text[container.offset + container.length - 1]!;
    return { offset: container.offset, length: container.length, content: open === '{' ? `{${eol}  ${member}${eol}${close}` : `${open}${member}${close}` };
  }
  const onItsOwnLine = /\n/.test(text.slice(container.offset, members[0]!.offset));
  const indent = /^[ \t]*/.exec(text.slice(text.lastIndexOf('\n', last.offset) + 1))![0];
  return { offset: last.offset + last.length, length: 0, content: onItsOwnLine ? `,${eol}${indent}${member}` : `, ${member}` };
}

/**
 * The text on disk that the last edit of the settings file was worked out from. An editor that
 * applies the edit to its buffer without saving it (most do but VS Code, whose client saves) leaves
 * that text on disk: another edit worked out from it would land in the wrong place of the buffer.
 */
const unsavedEdits = new WeakMap<GlossarySession, { readonly uri: string; readonly textBefore: string | undefined }>();

/** The settings file changed on disk (saved, or undone and saved): the next edit starts from what is there. */
export function settingsFileChanged(session: GlossarySession): void {
  unsavedEdits.delete(session);
}

/**
 * The command behind "Do not suggest links to #Id": adds the id to `ignoreMentionsOf` in the
 * glossary's `.glossary.json` (made in the first workspace folder when there is none) with a
 * workspace edit the editor applies, so it can be undone there; an editor that cannot create
 * files gets a new file written by the server. The edit is worked out from the
 * file on disk; the editor is to save it (VS Code's client does), and the server reloads the
 * configuration when the file changes, as after any change of `.glossary.json`. While the file on
 * disk is still the one the last edit started from, the next is refused once (see `unsavedEdits`).
 */
export async function addIgnoredMention(
  params: IgnoreMentionsParams | undefined,
  session: GlossarySession,
  connection: Connection,
  client: { readonly documentChanges: boolean; readonly createsFiles: boolean },
): Promise<IgnoreMentionsResult> {
  if (typeof params?.id !== 'string' || params.id === '' || typeof params.configUri !== 'string') {
    return { error: l10n.t('The command needs the id of an entry and the settings file to write it to.') };
  }
  const { id, configUri: uri } = params;
  if (uri !== session.configFileUri()) {
    return { error: l10n.t('The glossary reads its settings from another file now: ask for the fix again.') };
  }
  const text = await session.readText(uri);
  const previous = unsavedEdits.get(session);
  unsavedEdits.delete(session);
  // A file the edit created may be on disk empty, its text in the editor only.
  if (previous?.uri === uri && (previous.textBefore ?? '') === (text ?? '')) {
    // Asked again regardless, the writer was told: the file is then taken as it is on disk.
    return { error: l10n.t('Save {0} first: the id added to it before is not saved yet.', configFileName) };
  }
  const change = ignoreMentionEdits(text, id, session.config.ignoreMentionsOf);
  if ('error' in change) {
    return change;
  }
  if (text === undefined && !client.createsFiles) {
    // An editor that cannot create files (Neovim) gets the file from the server, never over one made meanwhile.
    const created = TextDocument.applyEdits(TextDocument.create(uri, 'json', 0, ''), [...change.edits]);
    const failure = await session.createFile(uri, created);
    return failure === undefined ? { uri, written: true } : { error: l10n.t('{0} was not created: {1}', configFileName, failure) };
  }
  const edits = [...change.edits];
  const edit: WorkspaceEdit = !client.documentChanges
    ? { changes: { [uri]: edits } }
    : { documentChanges: [...(text === undefined ? [CreateFile.create(uri, { overwrite: false, ignoreIfExists: false })] : []), TextDocumentEdit.create({ uri, version: null }, edits)] };
  const applied = await connection.workspace.applyEdit({ label: l10n.t('Do not suggest links to #{0}', id), edit });
  if (!applied.applied) {
    return { error: l10n.t('{0} was not changed: {1}', configFileName, applied.failureReason ?? l10n.t('the editor refused the edit.')) };
  }
  unsavedEdits.set(session, { uri, textBefore: text });
  return { uri };
}
