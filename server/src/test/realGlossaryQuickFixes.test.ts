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
import { codeActions, sentencesOnNewLinesKind } from '../features/codeActions';
import { WorkspaceIndex } from '../index/workspaceIndex';
import { parseGlossaryDocument } from '../parse/parser';
import { corpusEntries, corpusFiles } from './corpus';
import { pandocReadingWithoutSoftBreaks } from './pandoc';

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

/** A fix that changes an entry's id, and the links to it in other files: at the entry's heading, or at a link that writes its file's name. */
const isIdChange = (action: CodeAction): boolean => /^Change the id (to .* links? to it|".*" to ".*", after its file)/.test(action.title);
const isHeadingIdChange = (action: CodeAction): boolean => isIdChange(action) && action.title.startsWith('Change the id to');
/** A fix that writes a new entry over a file's copy of another entry, offered at the links that wait for it too. */
const isEntryOverCopy = (action: CodeAction): boolean => action.title.startsWith('Write the entry');

/** Every rule on, the link-graph rules that are off by default too, so that their fixes are applied as well. */
const config = {
  ...defaultConfig,
  severity: { ...defaultConfig.severity, [DiagnosticCode.SeeAlsoMissingBodyLink]: 'information', [DiagnosticCode.SeeAlsoNotReciprocal]: 'hint' },
} as const;

/** The fixes that edit another file than the diagnostic's: the index page, or the other entry of a see-also pair. */
const editsOtherFiles = new Set<string>([DiagnosticCode.NotInIndex, DiagnosticCode.IndexAnchorMissing, DiagnosticCode.SeeAlsoNotReciprocal]);

test('every quick fix on the real glossary changes only the ranges it names, in its own file or the one it is about, and fixes its diagnostic', () => {
  const { index, documents } = realGlossary();
  // Open in the editor, each as saved.
  const otherDocuments = new Map(documents.map((document) => [document.uri, { document, openVersion: document.version, savedText: document.getText() }]));
  const newEntryUri = (id: string): string => URI.file(`${corpusEntries}/${id}.md`).toString();
  const commands = new Set<string>();
  const applied = new Map<string, number>();
  const brokenLinkFixes = new Map<string, string[]>();
  const idChangedToFileName = new Map<string, boolean>();
  const entriesOverCopies = new Set<string>();
  let renames = 0;
  let idChanges = 0;
  let linkSideIdChanges = 0;
  for (const document of documents) {
    const model = index.document(document.uri)!;
    // With the text, so that the unlinked mentions are found and their fixes applied too.
    const diagnostics = computeDiagnostics(model, index, config, document.getText());
    // A copy of the real glossary, as the tests read it, has no symbolic or hard links.
    const input = { index, config, document, diagnostics, documentChanges: true, createsFiles: true, renamesFiles: true, newEntryUri, otherDocuments, filesLinkedOnDisk: new Set<string>() };
    for (const diagnostic of diagnostics) {
      const actions: CodeAction[] = codeActions(input, diagnostic.range, ['quickfix']).filter((action) =>
        action.diagnostics?.some((candidate) => candidate.code === diagnostic.code && JSON.stringify(candidate.range) === JSON.stringify(diagnostic.range)),
      );
      const name = document.uri.slice(document.uri.lastIndexOf('/') + 1);
      if (diagnostic.code === DiagnosticCode.AnchorFileMismatch || diagnostic.code === DiagnosticCode.DuplicateAnchor) {
        const offered = actions.some((action) => action.title.startsWith('Change the id to'));
        idChangedToFileName.set(name, offered || idChangedToFileName.get(name) === true);
      }
      if (diagnostic.code === DiagnosticCode.BrokenLink) {
        brokenLinkFixes.set(`${name}:${diagnostic.range.start.line + 1} #${(diagnostic.data as { target: string }).target}`, actions.map((action) => `${action.title}${action.isPreferred ? ' (preferred)' : ''}`));
      }
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
          // Under its new name, the file's id and name agree.
          index.remove(document.uri);
          index.update(parseGlossaryDocument(document.getText(), rename.newUri, 1, { termClass: 'term' }));
          const renamed = computeDiagnostics(index.document(rename.newUri)!, index, config, document.getText());
          assert.deepEqual(renamed.filter((candidate) => candidate.code === DiagnosticCode.AnchorFileMismatch), [], `${action.title} fixes anchor-file-mismatch`);
          index.remove(rename.newUri);
          index.update(model);
          renames++;
          continue;
        }
        const edited = (changes as TextDocumentEdit[]).map((change) => {
          if (!editsOtherFiles.has(diagnostic.code) && !isIdChange(action) && !isEntryOverCopy(action)) {
            assert.equal(change.textDocument.uri, document.uri, `${action.title} edits only its own file`);
          }
          const text = otherDocuments.get(change.textDocument.uri)!.document;
          const edits = change.edits as TextEdit[];
          const before = text.getText();
          const after = TextDocument.applyEdits(text, edits);
          // Every byte outside the named ranges stays as it was.
          const first = Math.min(...edits.map((edit) => text.offsetAt(edit.range.start)));
          const last = Math.max(...edits.map((edit) => text.offsetAt(edit.range.end)));
          assert.ok(after.startsWith(before.slice(0, first)) && after.endsWith(before.slice(last)), `${action.title} in ${text.uri} changes text outside its ranges`);
          return { uri: text.uri, before, after };
        });
        assert.ok(edited.length === 1 || isIdChange(action), `${action.title} edits one file`);
        // The diagnostic it was offered for is gone afterwards.
        // (The edited files are swapped in and back, rather than indexing the glossary anew for each of some 2,000 fixes.)
        const originals = edited.map(({ uri }) => index.document(uri)!);
        const linksBefore = isHeadingIdChange(action) ? index.linksTo(model.entries[0]!.id).length : 0;
        edited.forEach(({ uri, after }) => index.update(parseGlossaryDocument(after, uri, 2, { termClass: 'term' })));
        const ownText = edited.find(({ uri }) => uri === document.uri)?.after ?? document.getText();
        if (isEntryOverCopy(action)) {
          // The copy's file now holds the entry its name calls for, and the copied text is in the original still.
          const [{ uri, before, after }] = edited as [{ uri: string; before: string; after: string }];
          const written = index.document(uri)!.entries;
          assert.deepEqual(written.map((entry) => entry.id), [uri.slice(uri.lastIndexOf('/') + 1, -'.md'.length)], action.title);
          const original = documents.find((other) => other.uri !== uri && action.title.endsWith(` copy of ${other.uri.slice(other.uri.lastIndexOf('/') + 1)}`))!;
          const originalLines = original.getText().split('\n');
          assert.ok(before.split('\n').every((line) => originalLines.includes(line)), action.title);
          assert.match(after, /^## .* \{#.* \.chapter \.small \.term\}\n[^]*\[Index\]\(#Index\) \|\n\n----\n$/);
          entriesOverCopies.add(`${action.title} (${index.linksTo(written[0]!.id).length} links)`);
        }
        const remaining = computeDiagnostics(index.document(document.uri)!, index, config, ownText);
        // No fix makes an entry link to itself (Benchmarks.md's `#Benchmark` is not changed to `#Benchmarks`).
        const selfLinks = (list: readonly GlossaryDiagnostic[]): number => list.filter((candidate) => candidate.code === DiagnosticCode.SelfLink).length;
        assert.ok(selfLinks(remaining) <= selfLinks(diagnostics), `${action.title} in ${document.uri} makes the entry link to itself`);
        if (isHeadingIdChange(action)) {
          // The links come along: none is left at the old id, and the new one has them (and those that named it already).
          assert.equal(index.linksTo(model.entries[0]!.id).length, 0, action.title);
          assert.ok(index.linksTo(index.document(document.uri)!.entries[0]!.id).length >= linksBefore, action.title);
          idChanges++;
        }
        const linkSide = /^Change the id "([^"]+)" to "[^"]+", after its file/.exec(action.title);
        if (linkSide !== null) {
          // From a broken link: the other entry's id changed, and its links with it.
          assert.equal(index.linksTo(linkSide[1]!).length, 0, action.title);
          linkSideIdChanges++;
        }
        originals.forEach((original) => index.update(original));
        const { before, after } = edited[0]!;
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
        const kind = action.title.replace(/"[^"]*"/g, '"…"').replace(/^(Link "…" to #).*/, '$1…').replace(/^(Remove this link to #)\S+/, '$1…').replace(/ in [^ ]+\.md$/, ' in …').replace(/the (\d+ )?links?/, 'the N links')
          .replace(/^Change the id "…" in \S+ to/, 'Change the id "…" in … to')
          .replace(/\(resolves \d+ broken links?\)/, '(resolves N broken links)')
          .replace(/, on line \d+$/, ', on line N')
          .replace(/ in \S+, over its copy of \S+$/, ' in …, over its copy of …')
          .replace(/ over this copy of \S+$/, ' over this copy of …');
        applied.set(kind, (applied.get(kind) ?? 0) + 1);
      }
    }
  }
  // Each kind of fix was exercised on the real glossary.
  assert.deepEqual([...applied.keys()].sort(), [
    'Add "…" to the index under "…"',
    'Add "…" to the see-also list',
    'Add "…" to the see-also list of "…"',
    'Add a see-also section',
    'Add the heading "…" to the top of the index page',
    'Change the id "…" to "…", after its file (resolves N broken links)',
    'Change the id "…" to "…", after its file, with the N links to it (resolves N broken links)',
    'Change the id to "…", after the file',
    'Change the id to "…", after the file (resolves N broken links)',
    'Change the id to "…", after the file, with the N links to it',
    'Change the id to "…", after the file, with the N links to it (resolves N broken links)',
    'Change to "…"',
    'Change to "…", the entry "…"',
    'Change to "…", the section "…" in …',
    // CPU.md, whose see-also list no rule closes.
    'Close the entry with the rule ----',
    'Fence the code block with ~~~',
    'Fence the code block with ~~~, after a blank line',
    // Hallucination.md's "### Leaderboard".
    'Give the section the class .explanation',
    // LangChain.md's three code blocks glued to their list items' text.
    'Insert a blank line before the code block',
    'Link "…" to #…',
    // The three first headings that are not chapter headings: a level-3 one, and two without classes.
    'Make it the chapter heading: ## Haiku {#Haiku .chapter .small .term}',
    'Make it the chapter heading: ## LAM {#LAM .chapter .small .term}',
    'Make it the chapter heading: ## Large Action Model (LAM) {#Large-Action-Model .chapter .small .term}',
    // The see-also link without its separator (Cooperative-Inverse-Reinforcement-Learning.md).
    'Put "…" after the N links',
    // The index page's second listings of 12 entries (`#PromptEngineering` beside `#Prompt-Engineering`).
    'Remove the line: the index lists "…" already, on line N',
    // A see-also list's link to its own entry (BERT.md), and second links to #DSGVO and #Parameter-Efficient-Fine-Tuning.
    'Remove this link to #… from the see-also list',
    'Sort the see-also list (Index last)',
    'Start the sentence on a new line',
    // Google-Assistant.md's eight sections written "## … {.explanation}".
    'Write the 8 sections of the entry written as chapters at level 3',
    'Write the entry "…" in …, over its copy of …',
    'Write the entry "…" over this copy of …',
    'Write the section at level 3 (###)',
  ]);
  // Of the 36 files whose id differs from their name, 16 can take the id's name; for the other 20 a file of that name exists.
  assert.equal(renames, 16);
  // 14 ids that can take their file's name are linked from other files, and those links change along.
  assert.equal(idChanges, 14);
  // And 56 broken links write the name of a file whose entry has another id, which can change with its links.
  assert.equal(linkSideIdChanges, 56);
  // Claude.md exists (it holds a copy of CNN), so the entry Claude cannot be created over it.
  assert.ok(commands.has('Create entry "Neural-Network"'));
  assert.ok(!commands.has('Create entry "Claude"'));
  // Nor entries whose files would differ from existing ones in case alone (PyTorch.md, GPT-4V.md, Evals.md).
  assert.deepEqual(['pyTorch', 'GPT-4v', 'evals'].filter((id) => commands.has(`Create entry "${id}"`)), []);

  // A fix names what it changes to where the id does not tell; a section's automatic id is never
  // preferred (applied by Auto Fix), though it differs in case alone: this entry is yet to write.
  assert.deepEqual(brokenLinkFixes.get('ACT-R.md:114 #Neurosymbolische-Systeme'), [
    'Change to "neurosymbolische-systeme", the section "Neurosymbolische Systeme" in Hybrid-AI.md',
    'Create entry "Neurosymbolische-Systeme"',
  ]);
  assert.deepEqual(brokenLinkFixes.get('Tiktoken.md:44 #PromptEngineering'), [
    'Change to "Prompt-Engineering" (preferred)',
    'Change to "prompt-engineering", the section "Prompt Engineering" in Prompt.md',
    'Create entry "PromptEngineering"',
  ]);
  // Computer-Vision.md gives #ComputerVision (1 link), while 25 links write #Computer-Vision: the
  // file's name and the links agree, and the entry's id, changed with its link, is the fix to apply.
  assert.deepEqual(brokenLinkFixes.get('CNN.md:140 #Computer-Vision'), [
    'Change the id "ComputerVision" to "Computer-Vision", after its file, with the link to it (resolves 25 broken links) (preferred)',
    'Change to "ComputerVision", the entry "Computer Vision"',
  ]);
  // GAN.md gives #Generative-Adversarial-Network, which 13 links write: the entry its title names comes first.
  assert.deepEqual(brokenLinkFixes.get('Data-Augmentation.md:135 #GAN')?.map((title) => title.replace(/\d+ (links|broken)/g, 'N $1')), [
    'Change to "Generative-Adversarial-Network", the entry "Generative Adversarial Network (GAN)" (preferred)',
    'Change the id "Generative-Adversarial-Network" to "GAN", after its file, with the N links to it (resolves N broken links)',
  ]);
  // Five files hold copies of other entries (id and title) under names of other terms: their ids are
  // not changed to their names, which would send the links meant for those terms to the copies.
  const copies = ['Autonomous-Agent.md', 'Claude.md', 'Context-Window.md', 'Decision-Transformer.md', 'Instruction-Tuning.md'];
  assert.deepEqual(copies.map((name) => idChangedToFileName.get(name)), copies.map(() => false));
  // Of the 55 files whose entry's id differs from their name or is defined twice, 29 can take their file's name as id.
  assert.deepEqual([idChangedToFileName.size, [...idChangedToFileName.values()].filter(Boolean).length], [55, 29]);
  // Claude.md holds a copy of CNN, whose id is defined twice: its id is no fix for #Claude, but
  // the entry Claude written over the copy is, which CNN.md holds line for line.
  assert.deepEqual(brokenLinkFixes.get('Anthropic.md:4 #Claude'), ['Write the entry "Claude" in Claude.md, over its copy of CNN.md']);
  // Three copies are CNN.md's, Constitutional-AI.md's and Information-Retrieval.md's texts byte for
  // byte, and 95 links wait for their names; Decision-Transformer.md is an older Deep-Fake.md, all
  // of whose lines that file holds. Autonomous-Agent.md has lines Attention-Mechanism.md lacks: no fix.
  assert.deepEqual([...entriesOverCopies].sort(), [
    'Write the entry "Claude" in Claude.md, over its copy of CNN.md (54 links)',
    'Write the entry "Claude" over this copy of CNN.md (54 links)',
    'Write the entry "Context Window" in Context-Window.md, over its copy of Constitutional-AI.md (22 links)',
    'Write the entry "Context Window" over this copy of Constitutional-AI.md (22 links)',
    'Write the entry "Decision Transformer" over this copy of Deep-Fake.md (0 links)',
    'Write the entry "Instruction Tuning" in Instruction-Tuning.md, over its copy of Information-Retrieval.md (19 links)',
    'Write the entry "Instruction Tuning" over this copy of Information-Retrieval.md (19 links)',
  ]);
});

test('the source action starts every sentence of the real glossary\'s 25 files on a line of its own: none is left mid-line, and pandoc reads the same text', async () => {
  const { index, documents } = realGlossary();
  const fixed: string[] = [];
  for (const document of documents) {
    const diagnostics = computeDiagnostics(index.document(document.uri)!, index, defaultConfig);
    const input = { index, config: defaultConfig, document, diagnostics, documentChanges: true, renamesFiles: true, newEntryUri: () => undefined };
    const [action, ...others] = codeActions(input, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, [sentencesOnNewLinesKind]);
    assert.deepEqual(others, []);
    const sentences = diagnostics.filter((diagnostic) => diagnostic.code === DiagnosticCode.SentenceMidLine);
    if (action === undefined) {
      assert.deepEqual(sentences, [], document.uri);
      continue;
    }
    const edits = (action.edit?.documentChanges ?? []).flatMap((change) => (TextDocumentEdit.is(change) ? (change.edits as TextEdit[]) : []));
    assert.equal(edits.length, sentences.length, document.uri);
    const text = TextDocument.applyEdits(document, edits);
    const reparsed = parseGlossaryDocument(text, document.uri, 2, { termClass: defaultConfig.termClass });
    assert.deepEqual(reparsed.sentencesMidLine, [], document.uri);
    assert.equal(await pandocReadingWithoutSoftBreaks(text), await pandocReadingWithoutSoftBreaks(document.getText()), `pandoc reads ${document.uri} as before`);
    fixed.push(document.uri.slice(document.uri.lastIndexOf('/') + 1));
  }
  assert.equal(fixed.length, 25);
  assert.ok(fixed.includes('KI-Markt-2025.md'));
});
