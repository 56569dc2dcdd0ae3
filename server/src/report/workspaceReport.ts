import * as path from 'node:path';
import { CancellationToken } from 'vscode-languageserver';
import { URI, Utils } from 'vscode-uri';
import { GlossaryConfig } from '../config';
import { GlossaryDiagnostic } from '../diagnostics/diagnostic';
import { WorkspaceIndex } from '../index/workspaceIndex';
import { EntryLocation, GlossaryReportResult, ReportLinkCommands } from '../protocol';
import { buildReport } from './glossaryReport';
import { renderReportHtml, ReportLinks } from './reportHtml';
import { isInFolder } from '../workspace/uris';
import { TimeSlices } from '../timeSlices';

/**
 * The report of the editor's workspace, named after its first folder, with each file named by its
 * path in the workspace folder that holds it; with `commandLinks`, also its page for VS Code's
 * webview, whose names run the client's `ReportLinkCommands`.
 */
export function workspaceReport(
  index: WorkspaceIndex,
  config: GlossaryConfig,
  folderUris: readonly string[],
  diagnosticsOf: (uri: string) => readonly GlossaryDiagnostic[],
  { commandLinks = false }: { readonly commandLinks?: boolean } = {},
): GlossaryReportResult {
  const folders = folderUris.map((uri) => URI.parse(uri));
  // A file name may stand for a file in each of several workspace folders.
  const urisOfFileName = new Map<string, string[]>();
  const report = buildReport(index, config, {
    diagnosticsOf,
    name: folders[0] ? Utils.basename(folders[0]) : '',
    fileName: (uri) => {
      const file = URI.parse(uri);
      const folder = folders.find((candidate) => isInFolder(file.path, candidate.path));
      const name = folder ? path.posix.relative(folder.path, file.path) : file.fsPath;
      const uris = urisOfFileName.get(name);
      if (uris === undefined) urisOfFileName.set(name, [uri]);
      else if (!uris.includes(uri)) uris.push(uri);
      return name;
    },
  });
  const html = renderReportHtml(report);
  if (!commandLinks) {
    return { report, html };
  }
  const links: ReportLinks = {
    entry: ({ id, file, line }) => {
      const uri = urisOfFileName.get(file)?.find((candidate) => index.document(candidate)?.entries.some((entry) => entry.id === id && entry.heading.range.start.line === line - 1));
      return uri === undefined ? undefined : commandLink(ReportLinkCommands.openEntry, { uri, line: line - 1, id } satisfies EntryLocation);
    },
    missingEntry: ({ id }) => commandLink(ReportLinkCommands.createMissingEntry, { id }),
  };
  return { report, html, webviewHtml: renderReportHtml(report, links) };
}

/** A `command:` URI that runs `command` with `argument` (VS Code's form: the arguments as a JSON array). */
function commandLink(command: string, argument: unknown): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify([argument]))}`;
}

/**
 * The diagnostics of each file, worked out in slices of about 20 ms between which the server
 * handles other messages; undefined once the token is cancelled.
 */
export async function diagnosticsOfFiles(
  uris: readonly string[],
  diagnosticsOf: (uri: string) => readonly GlossaryDiagnostic[],
  token: CancellationToken,
): Promise<Map<string, readonly GlossaryDiagnostic[]> | undefined> {
  const byUri = new Map<string, readonly GlossaryDiagnostic[]>();
  const slices = new TimeSlices();
  for (const uri of uris) {
    if (slices.due) await slices.pause();
    if (token.isCancellationRequested) {
      return undefined;
    }
    byUri.set(uri, diagnosticsOf(uri));
  }
  return byUri;
}
