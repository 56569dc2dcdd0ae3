import * as path from 'node:path';
import { CancellationToken } from 'vscode-languageserver';
import { URI, Utils } from 'vscode-uri';
import { GlossaryConfig } from '../config';
import { GlossaryDiagnostic } from '../diagnostics/diagnostic';
import { WorkspaceIndex } from '../index/workspaceIndex';
import type { GlossaryReportResult } from '../protocol';
import { buildReport } from './glossaryReport';
import { renderReportHtml } from './reportHtml';
import { isInFolder } from '../workspace/uris';

/**
 * The report of the editor's workspace, named after its first folder, with each file named by its
 * path in the workspace folder that holds it.
 */
export function workspaceReport(
  index: WorkspaceIndex,
  config: GlossaryConfig,
  folderUris: readonly string[],
  diagnosticsOf: (uri: string) => readonly GlossaryDiagnostic[],
): GlossaryReportResult {
  const folders = folderUris.map((uri) => URI.parse(uri));
  const report = buildReport(index, config, {
    diagnosticsOf,
    name: folders[0] ? Utils.basename(folders[0]) : '',
    fileName: (uri) => {
      const file = URI.parse(uri);
      const folder = folders.find((candidate) => isInFolder(file.path, candidate.path));
      return folder ? path.posix.relative(folder.path, file.path) : file.fsPath;
    },
  });
  return { report, html: renderReportHtml(report) };
}

/** How long the diagnostics are worked out before other work (requests, cancellation) gets its turn. */
const timeSliceMs = 20;

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
  let sliceStart = performance.now();
  for (const uri of uris) {
    if (performance.now() - sliceStart > timeSliceMs) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
    if (token.isCancellationRequested) {
      return undefined;
    }
    byUri.set(uri, diagnosticsOf(uri));
  }
  return byUri;
}
