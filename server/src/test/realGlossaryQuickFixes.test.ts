import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { CodeAction, RenameFile, TextDocumentEdit, TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { defaultConfig } from '../config';
import { DiagnosticCode } from '../diagnostics/codes';
import { computeDiagnostics } from '../diagnostics/computeDiagnostics';
import { GlossaryDiagnostic } from '../diagnostics/diagnostic';
import { codeActions } from '../features/codeActions';
import { WorkspaceIndex } from '../index/workspaceIndex';
import { parseGlossaryDocument } from '../parse/parser';
import { corpusEntries, corpusFiles } from './corpus';

/** Every file of the real glossary, parsed and indexed, with its text. */
function realGlossary(): { index: WorkspaceIndex; documents: TextDocument[] } {
  const index = new WorkspaceIndex();
  const documents = corpusFiles().map((file) => TextDocument.create(URI.file(file).toString(), 'markdown', 1, fs.readFileSync(file, 'utf8')));
  for (const document of documents) {
    index.update(parseGlossaryDocument(document.getText(), document.uri, 1, { termClass: defaultConfig.termClass }));
  }
  return { index, documents };
}

function isSameDiagnostic(a: GlossaryDiagnostic, b: GlossaryDiagnostic): boolean {
  return a.code === b.code && JSON.stringify(a.range) === JSON.stringify(b.range);
}

/** The span of text between the first and the last difference of two texts. */
function changedSpan(before: string, after: string): { start: number; endBefore: number } {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) {
    start++;
  }
  let suffix = 0;
  while (suffix < before.length - start && suffix < after.length - start && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) {
    suffix++;
  }
  return { start, endBefore: before.length - suffix };
}

test('every quick fix on the real glossary changes only the ranges it names, in its own file, and fixes its diagnostic', () => {
  const { index, documents } = realGlossary();
  const newEntryUri = (id: string): string => URI.file(`${corpusEntries}/${id}.md`).toString();
  const commands = new Set<string>();
  const applied = new Map<string, number>();
  let renames = 0;
  for (const document of documents) {
    const model = index.document(document.uri)!;
    const diagnostics = computeDiagnostics(model, index, defaultConfig);
    const input = { index, config: defaultConfig, document, diagnostics, documentChanges: true, newEntryUri };
    for (const diagnostic of diagnostics) {
      const actions: CodeAction[] = codeActions(input, diagnostic.range, ['quickfix']).filter((action) =>
        action.diagnostics?.some((candidate) => candidate.code === diagnostic.code && JSON.stringify(candidate.range) === JSON.stringify(diagnostic.range)),
      );
      for (const action of actions) {
        const changes = action.edit?.documentChanges ?? [];
        if (changes.length === 0) {
          assert.ok(action.command, `${action.title} has an edit or a command`);
          commands.add(action.title);
          continue;
        }
        if (RenameFile.is(changes[0])) {
          const rename = changes[0];
          assert.equal(rename.oldUri, document.uri);
          assert.equal(fs.existsSync(URI.parse(rename.newUri).fsPath), false, `${action.title} would not overwrite a file`);
          assert.deepEqual(rename.options, { overwrite: false, ignoreIfExists: false });
          renames++;
          continue;
        }
        assert.equal(changes.length, 1);
        const change = changes[0] as TextDocumentEdit;
        assert.equal(change.textDocument.uri, document.uri, `${action.title} edits only its own file`);
        const edits = change.edits as TextEdit[];
        const before = document.getText();
        const after = TextDocument.applyEdits(document, edits);
        // Every byte outside the named ranges stays as it was.
        const span = changedSpan(before, after);
        const first = Math.min(...edits.map((edit) => document.offsetAt(edit.range.start)));
        const last = Math.max(...edits.map((edit) => document.offsetAt(edit.range.end)));
        assert.ok(span.start >= first && span.endBefore <= last, `${action.title} in ${document.uri} changes text outside its ranges`);
        // The diagnostic it was offered for is gone afterwards.
        const fixedIndex = new WorkspaceIndex();
        for (const other of index.documents()) {
          fixedIndex.update(other.uri === document.uri ? parseGlossaryDocument(after, document.uri, 2, { termClass: 'term' }) : other);
        }
        const remaining = computeDiagnostics(fixedIndex.document(document.uri)!, fixedIndex, defaultConfig);
        const expectGone = diagnostic.code === DiagnosticCode.DuplicateAnchor ? DiagnosticCode.AnchorFileMismatch : diagnostic.code;
        const stillThere = remaining.filter((candidate) => candidate.code === expectGone && isSameDiagnostic(candidate, { ...diagnostic, code: expectGone }));
        if (diagnostic.code !== DiagnosticCode.SeeAlsoUnsorted && diagnostic.code !== DiagnosticCode.SeeAlsoIndexNotLast) {
          assert.deepEqual(stillThere, [], `${action.title} fixes ${diagnostic.code} in ${document.uri}`);
        } else {
          const entryLine = diagnostic.range.start.line;
          const listProblems = remaining.filter(
            (candidate) =>
              (candidate.code === DiagnosticCode.SeeAlsoUnsorted || candidate.code === DiagnosticCode.SeeAlsoIndexNotLast) &&
              Math.abs(candidate.range.start.line - entryLine) < 40,
          );
          assert.deepEqual(listProblems.map((problem) => problem.message), [], `${action.title} in ${document.uri}`);
          // Sorting moves links, it never drops one.
          const targets = (text: string): string[] => parseGlossaryDocument(text, document.uri, 0, { termClass: 'term' }).links.map((link) => link.target).sort();
          assert.deepEqual(targets(after).filter((id) => id !== 'Index'), targets(before).filter((id) => id !== 'Index'));
        }
        const kind = action.title.replace(/".*"/, '"…"');
        applied.set(kind, (applied.get(kind) ?? 0) + 1);
      }
    }
  }
  // Each kind of fix was exercised on the real glossary.
  assert.deepEqual([...applied.keys()].sort(), [
    'Add a see-also section',
    'Change the id to "…", as the file is named',
    'Change to "…"',
    'Sort the see-also list (Index last)',
  ]);
  assert.ok(renames > 0, 'some files can be renamed after their id');
  // Claude.md exists (it holds a copy of CNN), so the entry Claude cannot be created over it.
  assert.ok(commands.has('Create entry "Neural-Network"'));
  assert.ok(!commands.has('Create entry "Claude"'));
});
