import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { CancellationToken, Connection, TextDocumentEdit } from 'vscode-languageserver';
import { unknownClient } from '../clientSupport';
import { answerRename } from '../renameRequest';
import { ServerServices } from '../serverServices';
import { GlossarySession } from '../session/glossarySession';
import { InMemoryWorkspace } from '../workspace/inMemoryWorkspace';
import { entryLines, uriOf } from './support/tinyWorkspace';

for (const reload of [false, true]) {
  test(`rename: a file that comes to link the id on disk while the rename reads the files it edits is edited too (${reload ? 'the glossary read again' : 'its event handled'})`, async () => {
    const text = (lines: readonly string[]): string => lines.join('\n');
    const workspace = new InMemoryWorkspace({
      [uriOf('Index.md')]: '# Index {#Index}',
      [uriOf('Keras.md')]: text(entryLines('Keras', 'Keras', [])),
      [uriOf('A.md')]: text(entryLines('A', 'A', ['[Keras](#Keras)'])),
      [uriOf('C.md')]: text(entryLines('C', 'C', [])),
    });
    const session = new GlossarySession(workspace, ['file:///ws']);
    await session.load(undefined, []);
    let arrived = false;
    const services: ServerServices = {
      session,
      connection: { sendNotification: async () => undefined } as unknown as Connection,
      client: { ...unknownClient, edits: { ...unknownClient.edits, documentChanges: true } },
      loaded: true,
      folderUris: ['file:///ws'],
      openDocuments: () => [],
      openDocument: () => undefined,
      afterDiskWork: async (work) => work(),
      publishChange: () => undefined,
      applyFileChanges: async () => undefined,
    };
    // B.md is written while the rename reads the files it edits, and the watcher's event for it handled.
    const readText = session.readText.bind(session);
    session.readText = async (uri) => {
      if (!arrived) {
        arrived = true;
        workspace.set(uriOf('B.md'), text(entryLines('B', 'B', ['[Keras](#Keras)'])));
        // (C.md gone too: the new index holds as many files, and has seen as many updates, as the old one.)
        workspace.set(uriOf('C.md'), undefined);
        if (reload) await session.load(undefined, []);
        else await session.refreshFromDisk(uriOf('B.md'));
      }
      return readText(uri);
    };
    const answer = await answerRename(services, { textDocument: { uri: uriOf('Keras.md') }, position: { line: 0, character: '## Keras {#'.length + 1 }, newName: 'Keras-Framework' }, CancellationToken.None);
    assert.ok(arrived, 'the rename read the files it edits');
    const edited = (answer?.edit.documentChanges ?? []).flatMap((change) => (TextDocumentEdit.is(change) ? [change.textDocument.uri] : [])).sort();
    assert.deepEqual(edited, [uriOf('A.md'), uriOf('B.md'), uriOf('Keras.md')]);
  });
}
