import * as l10n from '@vscode/l10n';
import { Connection, CreateFile, TextDocumentEdit, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { applyEdits, findNodeAtLocation, modify, parseTree, type Edit, type Node, type ParseError } from 'jsonc-parser';
import { configFileName } from '../config';
import { IgnoreMentionsParams, IgnoreMentionsResult } from '../protocol';
import { GlossarySession } from '../session/glossarySession';

/** The key of `.glossary.json` that lists the entries whose names are not suggested as mentions. */
const key = 'ignoreMentionsOf';

/**
 * The edits that add `id` to `ignoreMentionsOf` in the text of `.glossary.json` (the list made when
 * missing; the file made when `text` is undefined), touching nothing else of the file; or why not:
 * the file is no JSON object, its list is no list of strings, or it names the id already.
 */
export function ignoreMentionEdits(text: string | undefined, id: string): { readonly edits: readonly TextEdit[]; readonly text: string } | { readonly error: string } {
  const document = TextDocument.create('file:///config.json', 'json', 0, text ?? '');
  if (text === undefined || text.trim() === '') {
    const created = `${JSON.stringify({ [key]: [id] }, undefined, 2)}\n`;
    return { edits: [TextEdit.replace({ start: { line: 0, character: 0 }, end: document.positionAt(document.getText().length) }, created)], text: created };
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (root === undefined || errors.length > 0 || root.type !== 'object') {
    return { error: l10n.t('{0} is not a valid JSON object: correct it first.', configFileName) };
  }
  const list = findNodeAtLocation(root, [key]);
  if (list !== undefined && (list.type !== 'array' || list.children?.some((item) => item.type !== 'string'))) {
    return { error: l10n.t('"{0}" in {1} must be a list of ids: correct it first.', key, configFileName) };
  }
  if (list?.children?.some((item) => item.value === id)) {
    return { error: l10n.t('{0} lists "{1}" in "{2}" already.', configFileName, id, key) };
  }
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const formattingOptions = { insertSpaces: !/^\t/m.test(text), tabSize: indentWidthOf(text), eol };
  const changes = list === undefined ? modify(text, [key], [id], { formattingOptions }) : [appendTo(text, list, JSON.stringify(id), eol)];
  const edits = changes.map((change) => TextEdit.replace({ start: document.positionAt(change.offset), end: document.positionAt(change.offset + change.length) }, change.content));
  return { edits, text: applyEdits(text, changes) };
}

/** The insertion of a value at the end of an array, laid out as its items are: on one line, or each on its own. */
function appendTo(text: string, list: Node, value: string, eol: string): Edit {
  const items = list.children ?? [];
  const last = items.at(-1);
  if (last === undefined) {
    return { offset: list.offset + 1, length: list.length - 2, content: value };
  }
  const onItsOwnLine = /\n/.test(text.slice(list.offset, items[0]!.offset));
  const indent = /[ \t]*$/.exec(text.slice(text.lastIndexOf('\n', last.offset) + 1, last.offset))![0];
  return { offset: last.offset + last.length, length: 0, content: onItsOwnLine ? `,${eol}${indent}${value}` : `, ${value}` };
}

/** The indentation of the first indented line, in spaces; 2 when there is none. */
function indentWidthOf(text: string): number {
  const indent = /^( +)\S/m.exec(text);
  return indent ? indent[1]!.length : 2;
}

/**
 * Adds an id to `ignoreMentionsOf` in the workspace's `.glossary.json` (made beside the glossary
 * when there is none) with a workspace edit the editor applies, so it can be undone there. The
 * edit is worked out from the file on disk; the editor saves it, and the server reloads the
 * configuration when the file changes, as after any change of `.glossary.json`.
 */
export async function ignoreMentionsOf(
  params: IgnoreMentionsParams | undefined,
  session: GlossarySession,
  connection: Connection,
  client: { readonly documentChanges: boolean; readonly createFiles: boolean },
): Promise<IgnoreMentionsResult> {
  const id = typeof params?.id === 'string' ? params.id : '';
  const uri = session.configFileUri();
  if (id === '' || uri === undefined) {
    return { error: l10n.t('Open a folder to keep its settings in {0}.', configFileName) };
  }
  const text = await session.readText(uri);
  const change = ignoreMentionEdits(text, id);
  if ('error' in change) {
    return change;
  }
  if (text === undefined && !client.createFiles) {
    return { error: l10n.t('This editor cannot create files for the language server.') };
  }
  const edits = [...change.edits];
  const edit: WorkspaceEdit = !client.documentChanges
    ? { changes: { [uri]: edits } }
    : { documentChanges: [...(text === undefined ? [CreateFile.create(uri, { overwrite: false, ignoreIfExists: false })] : []), TextDocumentEdit.create({ uri, version: null }, edits)] };
  const applied = await connection.workspace.applyEdit({ label: l10n.t('Do not suggest links to #{0}', id), edit });
  if (!applied.applied) {
    return { error: l10n.t('{0} was not changed: {1}', configFileName, applied.failureReason ?? l10n.t('the editor refused the edit.')) };
  }
  return { uri };
}
