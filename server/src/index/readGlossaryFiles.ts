import { GlossaryDocument } from '../parse/model';
import { FileProblem, Workspace } from '../workspace/workspace';

/** Turns a file's text into its model (the parser, with the workspace's parse options bound). */
export type ParseFunction = (text: string, uri: string) => GlossaryDocument;

/** The documents read from a list of files, and what went wrong on the way. */
export interface ReadFilesResult {
  /** The parsed documents, in the order of the URIs given. */
  readonly documents: readonly GlossaryDocument[];
  /** Files left out (missing, unreadable, binary), with the reason. */
  readonly skipped: readonly FileProblem[];
  /** Files read with a warning (invalid UTF-8), still parsed. */
  readonly warnings: readonly FileProblem[];
}

/** Reads and parses each file once; the texts are dropped as soon as they are parsed. */
export async function readGlossaryFiles(workspace: Workspace, uris: readonly string[], parse: ParseFunction): Promise<ReadFilesResult> {
  const documents: GlossaryDocument[] = [];
  const skipped: FileProblem[] = [];
  const warnings: FileProblem[] = [];
  for (const uri of uris) {
    const result = await workspace.readFile(uri);
    if (result.kind === 'failure') {
      skipped.push({ uri, message: result.message });
      continue;
    }
    if (result.warning !== undefined) {
      warnings.push({ uri, message: result.warning });
    }
    documents.push(parse(result.text, uri));
  }
  return { documents, skipped, warnings };
}
