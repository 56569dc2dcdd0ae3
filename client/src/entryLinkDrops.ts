import * as vscode from 'vscode';
import { LanguageClient, State } from 'vscode-languageclient/node';
import { EntryLinksRequest } from '../../server/src/protocol';
import { glossaryDocuments } from './languageClient';

/**
 * Files of the glossary dragged from the Explorer into an entry (with Shift held, which drops them
 * into the text), or copied there and pasted, become links to their ids, `[Claude](#Claude)`:
 * VS Code's own Markdown links the files (`[Claude.md](Claude.md)`), which the book, joined from the
 * files, does not have. Other files are left to it. Its edits are `markdown.link`; this one is a
 * kind of it, which the defaults of `editor.dropIntoEditor.preferences` and
 * `editor.pasteAs.preferences` put first (package.json's `configurationDefaults`): without them,
 * which of the two VS Code applies depends on the order the extensions registered theirs.
 */
export const entryLinkKind = vscode.DocumentDropOrPasteEditKind.Empty.append('markdown', 'link', 'glossary');

const uriListMime = 'text/uri-list';

export function registerEntryLinkDrops(client: LanguageClient): vscode.Disposable {
  const linksFor = async (document: vscode.TextDocument, position: vscode.Position, dataTransfer: vscode.DataTransfer, token: vscode.CancellationToken): Promise<string | undefined> => {
    const uriList = await dataTransfer.get(uriListMime)?.asString();
    const uris = uriList === undefined ? [] : parseUriList(uriList);
    if (uris.length === 0 || token.isCancellationRequested || client.state !== State.Running) return undefined;
    const converter = client.code2ProtocolConverter;
    const answer = await client.sendRequest(
      EntryLinksRequest,
      { textDocument: { uri: converter.asUri(document.uri) }, position: converter.asPosition(position), files: uris.map((uri) => ({ uri: converter.asUri(uri) })) },
      token,
    );
    return answer?.text;
  };
  // A title's brackets are escaped in its label: each `](#` ends a link.
  const title = (text: string): string => (text.split('](#').length > 2 ? vscode.l10n.t('Insert Glossary Links') : vscode.l10n.t('Insert Glossary Link'));
  const provider: vscode.DocumentDropEditProvider & vscode.DocumentPasteEditProvider = {
    async provideDocumentDropEdits(document, position, dataTransfer, token) {
      const text = await linksFor(document, position, dataTransfer, token);
      return text === undefined ? undefined : new vscode.DocumentDropEdit(text, title(text), entryLinkKind);
    },
    async provideDocumentPasteEdits(document, ranges, dataTransfer, _context, token) {
      const text = ranges.length === 1 ? await linksFor(document, ranges[0]!.start, dataTransfer, token) : undefined;
      return text === undefined ? undefined : [new vscode.DocumentPasteEdit(text, title(text), entryLinkKind)];
    },
  };
  return vscode.Disposable.from(
    vscode.languages.registerDocumentDropEditProvider(glossaryDocuments, provider, { providedDropEditKinds: [entryLinkKind], dropMimeTypes: [uriListMime] }),
    vscode.languages.registerDocumentPasteEditProvider(glossaryDocuments, provider, { providedPasteEditKinds: [entryLinkKind], pasteMimeTypes: [uriListMime] }),
  );
}

/** The URIs of a `text/uri-list` (RFC 2483): one per line, `#` lines comments. */
function parseUriList(list: string): vscode.Uri[] {
  const uris: vscode.Uri[] = [];
  for (const line of list.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    try {
      uris.push(vscode.Uri.parse(trimmed, true));
    } catch {
      return [];
    }
  }
  return uris;
}
