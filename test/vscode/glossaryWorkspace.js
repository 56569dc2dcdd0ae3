'use strict';
// Helpers for the extension-host suites that run on a copy of example/glossary.
const assert = require('node:assert/strict');
const vscode = require('vscode');

const extensionId = 'pandoc-glossary.pandoc-glossary';

/**
 * Activates the extension and waits until the server has indexed the workspace; returns its API.
 * Turns auto save off, as on the desktop (VS Code in the browser saves after a delay), so that
 * the tests' unsaved edits stay unsaved until they revert them.
 */
async function activateGlossary() {
  await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Global);
  const extension = vscode.extensions.getExtension(extensionId);
  assert.ok(extension, `${extensionId} is not loaded`);
  const api = await extension.activate();
  await waitFor(() => api.status()?.state === 'ready', 'the server reports ready');
  return api;
}

/** Polls `check` until it returns a truthy value, which it returns; fails after `timeoutMs`. */
async function waitFor(check, what, timeoutMs = 15000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) assert.fail(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Accepts the active item of the quick pick that a running command shows, once it is shown, and
 * returns what the command returns. (Accepting while no quick pick is open does nothing.)
 */
async function acceptQuickPick(command, what) {
  let done = false;
  const result = command.finally(() => (done = true));
  await waitFor(async () => {
    if (!done) await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    return done;
  }, what);
  return result;
}

/** The URI of a file of the workspace. */
function fileUri(relativePath) {
  return vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, relativePath);
}

/** Opens a file of the workspace in an editor. */
async function openFile(relativePath) {
  const document = await vscode.workspace.openTextDocument(fileUri(relativePath));
  await vscode.window.showTextDocument(document);
  return document;
}

/** The position of the first occurrence of `needle` in the document, moved by `offset` characters. */
function positionOf(document, needle, offset = 0) {
  const index = document.getText().indexOf(needle);
  assert.ok(index >= 0, `"${needle}" is not in ${document.uri.path}`);
  return document.positionAt(index + offset);
}

/** The diagnostics of a file with the given code, once there are `count` of them. */
function diagnosticsWithCode(uri, code, count = 1) {
  const matching = () => vscode.languages.getDiagnostics(uri).filter((d) => d.code === code);
  return waitFor(() => matching().length === count && matching(), `${uri.path} has ${count} "${code}" diagnostic(s)`);
}

/** Appends text at the end of a document (unsaved) and returns the position after it. */
async function append(document, text) {
  const end = document.lineAt(document.lineCount - 1).range.end;
  const edit = new vscode.WorkspaceEdit();
  edit.insert(document.uri, end, text);
  assert.ok(await vscode.workspace.applyEdit(edit), 'the edit was not applied');
  return document.positionAt(document.getText().length);
}

module.exports = { activateGlossary, waitFor, fileUri, openFile, positionOf, diagnosticsWithCode, append, acceptQuickPick };

/** Throws away the unsaved changes of a document. */
async function revert(document) {
  await vscode.window.showTextDocument(document);
  await vscode.commands.executeCommand('workbench.action.files.revert');
}

/** Closes the editors of a file and deletes it, if it exists. */
async function deleteFile(uri) {
  const tabs = vscode.window.tabGroups.all.flatMap((group) => group.tabs).filter((tab) => tab.input?.uri?.toString() === uri.toString());
  await vscode.window.tabGroups.close(tabs);
  await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
}

/** Whether a rename was ended by the glossary (the server refused, or it does not run), not handed on to VS Code's Markdown rename. */
function isGlossaryRefusal(error) {
  return error?.renameRefusedByTheGlossary === true;
}

module.exports.revert = revert;
module.exports.isGlossaryRefusal = isGlossaryRefusal;
module.exports.deleteFile = deleteFile;
