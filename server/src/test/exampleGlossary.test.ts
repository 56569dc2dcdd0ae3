import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { runCli } from '../cli/main';
import { NodeFileSystemWorkspace } from '../workspace/nodeWorkspace';

const repositoryRoot = path.resolve(__dirname, '../../../..');

test('check on the shipped example glossary reports exactly its five deliberate mistakes and exits 1', async () => {
  let stdout = '';
  let stderr = '';
  const exitCode = await runCli(['check', 'example/glossary'], {
    cwd: repositoryRoot,
    workspace: new NodeFileSystemWorkspace(),
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  });
  assert.deepEqual({ exitCode, stderr, lines: stdout.split('\n') }, {
    exitCode: 1,
    stderr: 'glossary: 1 error, 3 warnings, 1 information, 0 hints in 5 of 8 files\n',
    lines: [
      'example/glossary/Embedding.md:15:1: warning seealso-unsorted The see-also links are not in alphabetical order: "Attention" belongs before "Tokenizer".',
      'example/glossary/LLM.md:1:27: warning anchor-file-mismatch The entry\'s id "Large-Language-Model" differs from the file name "LLM". Links to "Large-Language-Model": 7; to "LLM": 0.',
      'example/glossary/Perplexity.md:1:1: warning missing-seealso The entry "Perplexity" (#Perplexity) has no see-also section (a heading with the class .seealso).',
      'example/glossary/Tokenizer.md:10:1: information fence-style Code blocks in this glossary are fenced with ~~~, not with backticks.',
      'example/glossary/Transformer.md:11:57: error broken-link No heading defines the id "Tokeniser". Perhaps meant: Tokenizer.',
      '',
    ],
  });
});
