import { defaultConfig, GlossaryConfig } from '../../config';
import { computeDiagnostics } from '../../diagnostics/computeDiagnostics';
import { GlossaryDiagnostic } from '../../diagnostics/diagnostic';
import { WorkspaceIndex } from '../../index/workspaceIndex';
import { Range } from '../../parse/model';
import { parseGlossaryDocument } from '../../parse/parser';

/** The URI of a file of a tiny test workspace rooted at `/ws`. */
export function uriOf(name: string): string {
  return `file:///ws/${name}`;
}

/** Parses and indexes files given as name -> lines. */
export function indexOf(files: Readonly<Record<string, readonly string[]>>, config: GlossaryConfig = defaultConfig, lineBreak = '\n'): WorkspaceIndex {
  const index = new WorkspaceIndex();
  for (const [name, lines] of Object.entries(files)) {
    index.update(parseGlossaryDocument(lines.join(lineBreak), uriOf(name), 1, { termClass: config.termClass }));
  }
  return index;
}

/** A range written as `line:character-line:character`, 0-based, so expected answers stay short. */
export function rangeText(range: Range): string {
  return `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

/** A diagnostic with its ranges written as text. */
export type ComparableDiagnostic = Omit<GlossaryDiagnostic, 'range' | 'relatedInformation'> & {
  readonly range: string;
  readonly relatedInformation: readonly { readonly uri: string; readonly range: string; readonly message: string }[];
};

/** The diagnostics of one file of a tiny workspace, in a form to compare as a whole. */
export function diagnosticsOf(
  files: Readonly<Record<string, readonly string[]>>,
  name: string,
  config: GlossaryConfig = defaultConfig,
): readonly ComparableDiagnostic[] {
  const index = indexOf(files, config);
  return computeDiagnostics(index.document(uriOf(name))!, index, config).map(comparable);
}

/** Replaces the ranges of a diagnostic (also those inside its data) by their text form. */
export function comparable(diagnostic: GlossaryDiagnostic): ComparableDiagnostic {
  return JSON.parse(
    JSON.stringify(diagnostic, (_key, value: unknown) => (isRange(value) ? rangeText(value) : value)),
  ) as ComparableDiagnostic;
}

function isRange(value: unknown): value is Range {
  return typeof value === 'object' && value !== null && 'start' in value && 'end' in value && Object.keys(value).length === 2;
}

/** The lines of a well-formed entry file: chapter heading, text, see-also list ending with the index. */
export function entryLines(title: string, id: string, seeAlso: readonly string[], body: readonly string[] = ['Some text.']): string[] {
  return [
    `## ${title} {#${id} .chapter .small .term}`,
    '',
    ...body,
    '',
    '### Verwandte Themen {.seealso}',
    '',
    ...seeAlso.map((link) => `${link} |`),
    '[Index](#Index) |',
    '',
    '----',
  ];
}
