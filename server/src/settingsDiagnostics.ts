import { Connection, Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import { diagnosticSource } from './features/diagnostics';
import type { ConfigProblem } from './session/glossarySession';

/**
 * The mistakes of `.glossary.json` as diagnostics of that file, at their place in the file on disk
 * where it is known (else at its start), so that the Problems view lists them while they last: the
 * notification of a mistake stays in the editor's list after the file is corrected. Each load
 * replaces them; a shutdown clears them.
 */
export class SettingsDiagnostics {
  private shownOn = new Set<string>();
  private disposed = false;

  constructor(private readonly connection: Connection) {}

  show(problems: readonly ConfigProblem[]): void {
    if (this.disposed) return;
    const byUri = new Map<string, Diagnostic[]>();
    for (const { message, file } of problems) {
      if (file === undefined) continue;
      const at = file.at ?? { line: 0, character: 0 };
      const diagnostics = byUri.get(file.uri) ?? [];
      diagnostics.push({ range: { start: at, end: at }, severity: DiagnosticSeverity.Warning, source: diagnosticSource, message });
      byUri.set(file.uri, diagnostics);
    }
    for (const uri of this.shownOn) {
      if (!byUri.has(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    }
    for (const [uri, diagnostics] of byUri) void this.connection.sendDiagnostics({ uri, diagnostics });
    this.shownOn = new Set(byUri.keys());
  }

  /** Clears what is shown, and shows nothing more (a load still running at shutdown). */
  dispose(): void {
    this.show([]);
    this.disposed = true;
  }
}
