import * as path from 'node:path';
import { URI, Utils } from 'vscode-uri';
import { GlossaryConfig } from '../config';
import { GlossaryDiagnostic } from '../diagnostics/diagnostic';
import { WorkspaceIndex } from '../index/workspaceIndex';
import type { GlossaryReportResult } from '../protocol';
import { buildReport } from './glossaryReport';
import { renderReportHtml } from './reportHtml';

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
      const folder = folders.find((candidate) => file.path.startsWith(`${candidate.path.replace(/\/$/, '')}/`));
      return folder ? path.posix.relative(folder.path, file.path) : file.fsPath;
    },
  });
  return { report, html: renderReportHtml(report) };
}
