import * as vscode from 'vscode';
import { LanguageClient, State } from 'vscode-languageclient/node';
import { EntryLinksRequest } from '../../server/src/protocol';
import { glossaryDocuments } from './languageClient';

/**
 * Files of the glossary dragged from the Explorer into an entry (with Shift held, which drops them
 * into the text), or copied there and pasted, become links to their ids, `[Claude](#Claude)`, or
 * items of the see-also list or listings of the index page, in order (see the server's
 * `entryLinksEdit`): VS Code's own Markdown links the files (`[Claude.md](Claude.md)`), which the book, joined from the
 * files, does not have. Other files are left to it. Its edits are `markdown.link`; this one is a
 * kind of it, which the defaults of `editor.dropIntoEditor.preferences` and
 * `editor.pasteAs.preferences` put first (package.json's `configurationDefaults`): without them,
 * which of the two VS Code applies depends on the order the extensions registered theirs.
 */
const entryLinkKind = vscode.DocumentDropOrPasteEditKind.Empty.append('markdown', 'link', 'glossary');

const uriListMime = 'text/uri-list';

export function registerEntryLinkDrops(client: LanguageClient): vscode.Disposable {
  const linksFor = async (document: vscode.TextDocument, position: vscode.Position, dataTransfer: vscode.DataTransfer, token: vscode.CancellationToken): Promise<{ text: string; title: string; additionalEdit?: vscode.WorkspaceEdit } | undefined> => {
    const uriList = await dataTransfer.get(uriListMime)?.asString();
    const uris = uriList === undefined ? [] : parseUriList(uriList);
    if (uris.length === 0 || token.isCancellationRequested || client.state !== State.Running) return undefined;
    const converter = client.code2ProtocolConverter;
    const params = { textDocument: { uri: converter.asUri(document.uri) }, position: converter.asPosition(position), files: uris.map((uri) => ({ uri: converter.asUri(uri) })) };
    // Refused (the text changed while the links were worked out) or failed, the drop is left to VS Code's own links.
    const answer = await client.sendRequest(EntryLinksRequest, params, token).catch(() => null);
    if (answer === null || token.isCancellationRequested) return undefined;
    if (answer.list === undefined) return { text: answer.text, title: uris.length > 1 ? vscode.l10n.t('Insert Glossary Links') : vscode.l10n.t('Insert Glossary Link') };
    // Into a see-also list or onto the index page: the links go into its lists in order, wherever they were dropped (none where it has them all).
    const additionalEdit = new vscode.WorkspaceEdit();
    additionalEdit.set(document.uri, await client.protocol2CodeConverter.asTextEdits(answer.edits, token));
    const added = answer.edits.length > 0;
    const title =
      answer.list === 'index'
        ? added ? vscode.l10n.t('Add to the Index in Order') : vscode.l10n.t('Listed in the Index Already')
        : added ? vscode.l10n.t('Add to the See-Also List in Order') : vscode.l10n.t('Listed in the See-Also List Already');
    return { text: answer.text, title, additionalEdit };
  };
  const provider: vscode.DocumentDropEditProvider & vscode.DocumentPasteEditProvider = {
    async provideDocumentDropEdits(document, position, dataTransfer, token) {
      const links = await linksFor(document, position, dataTransfer, token);
      if (links === undefined) return undefined;
      const edit = new vscode.DocumentDropEdit(links.text, links.title, entryLinkKind);
      edit.additionalEdit = links.additionalEdit;
      return edit;
    },
    async provideDocumentPasteEdits(document, ranges, dataTransfer, _context, token) {
      const links = ranges.length === 1 ? await linksFor(document, ranges[0]!.start, dataTransfer, token) : undefined;
      // Pasted over a selection in a list, the selection would go and the links land elsewhere in order: that is left to the other providers.
      if (links === undefined || (links.additionalEdit !== undefined && !ranges[0]!.isEmpty)) return undefined;
      const edit = new vscode.DocumentPasteEdit(links.text, links.title, entryLinkKind);
      edit.additionalEdit = links.additionalEdit;
      return [edit];
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
