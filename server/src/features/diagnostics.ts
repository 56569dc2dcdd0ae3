import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import { Severity } from '../diagnostics/codes';
import { GlossaryDiagnostic } from '../diagnostics/diagnostic';

/** The `source` every diagnostic of this server carries. */
export const diagnosticSource = 'glossary';

const severities: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What a client takes in a diagnostic besides its range, severity, code, source, message and data. */
export interface DiagnosticShape {
  /** Other places the message speaks of (`relatedInformation`). */
  readonly relatedInformation: boolean;
}

const everything: DiagnosticShape = { relatedInformation: true };

/** Turns a neutral diagnostic into an LSP one, shaped as the client takes it; `data` names the id a link points at. */
export function toLspDiagnostic(diagnostic: GlossaryDiagnostic, shape: DiagnosticShape = everything): Diagnostic {
  return {
    range: diagnostic.range,
    severity: severities[diagnostic.severity],
    code: diagnostic.code,
    source: diagnosticSource,
    message: diagnostic.message,
    // Of the data only the id a link points at reaches the client, for clients and scripts that
    // filter on it. The rest (closest ids, the index page) serves the server's own quick fixes,
    // worked out from its own diagnostics: sent along, it was two fifths of the bytes published.
    // Sent whether or not the client says it keeps data for its code actions (`dataSupport`, which
    // Neovim 0.7 leaves out): the quick fixes need none of it.
    ...('target' in diagnostic.data ? { data: { target: diagnostic.data.target } } : {}),
    ...(shape.relatedInformation && diagnostic.relatedInformation.length > 0
      ? {
          relatedInformation: diagnostic.relatedInformation.map((related) => ({
            location: { uri: related.uri, range: related.range },
            message: related.message,
          })),
        }
      : {}),
  };
}
