import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

// Every message the writer sees exists in English (the source) and German: the `l10n.t` messages
// of server and client in l10n/bundle.l10n.de.json, the manifest's `%key%` strings in both
// package.nls files.
const repositoryRoot = path.resolve(__dirname, '..', '..');
const readJson = (file: string): Record<string, unknown> => JSON.parse(fs.readFileSync(path.join(repositoryRoot, file), 'utf8')) as Record<string, unknown>;

function sourceFiles(folder: string): string[] {
  return fs
    .readdirSync(path.join(repositoryRoot, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.split(path.sep).includes('test'))
    .map((file) => path.join(repositoryRoot, folder, file));
}

/** The messages of `l10n.t(...)` and `vscode.l10n.t(...)` calls; a call without a literal message is a problem. */
function localizedMessages(file: string, problems: string[]): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const messages: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && isL10nT(node.expression)) {
      const [message] = node.arguments;
      if (message !== undefined && ts.isStringLiteralLike(message)) {
        messages.push(message.text);
      } else {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart());
        problems.push(`${path.relative(repositoryRoot, file)}:${line + 1}: l10n.t needs a string literal as its message`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return messages;
}

function isL10nT(expression: ts.Expression): boolean {
  if (!ts.isPropertyAccessExpression(expression) || expression.name.text !== 't') {
    return false;
  }
  const target = expression.expression;
  return (ts.isIdentifier(target) && target.text === 'l10n') || (ts.isPropertyAccessExpression(target) && target.name.text === 'l10n');
}

const placeholders = (message: string): string[] => [...new Set(message.match(/\{\d+\}/g) ?? [])].sort();

test('every l10n.t message of server and client has a German translation with the same placeholders', () => {
  const problems: string[] = [];
  const messages = new Set([...sourceFiles('server/src'), ...sourceFiles('client/src')].flatMap((file) => localizedMessages(file, problems)));
  assert.ok(messages.size > 50, `only ${messages.size} messages found: is the extraction broken?`);
  const german = readJson('l10n/bundle.l10n.de.json');
  for (const message of messages) {
    const translation = german[message];
    if (typeof translation !== 'string' || translation.trim() === '') {
      problems.push(`no German translation: ${JSON.stringify(message)}`);
    } else if (placeholders(translation).join() !== placeholders(message).join()) {
      problems.push(`placeholders differ: ${JSON.stringify(message)} -> ${JSON.stringify(translation)}`);
    }
  }
  for (const key of Object.keys(german)) {
    if (!messages.has(key)) {
      problems.push(`translation of a message no source uses any more: ${JSON.stringify(key)}`);
    }
  }
  assert.deepEqual(problems, []);
});

test('every %key% of package.json is in package.nls.json and package.nls.de.json, and they hold no other keys', () => {
  const keys = [...fs.readFileSync(path.join(repositoryRoot, 'package.json'), 'utf8').matchAll(/"%([^"%]+)%"/g)].map((match) => match[1]!);
  assert.ok(keys.includes('command.newEntry'), 'the manifest is not localized');
  const used = [...new Set(keys)].sort();
  for (const file of ['package.nls.json', 'package.nls.de.json']) {
    const bundle = readJson(file);
    assert.deepEqual(Object.keys(bundle).sort(), used, `${file} has other keys than package.json uses`);
    for (const [key, value] of Object.entries(bundle)) {
      assert.ok(typeof value === 'string' && value.trim() !== '', `${file}: ${key} is empty`);
    }
  }
});
