import { GlossaryConfig } from '../config';
import type { WorkspaceIndex } from '../index/workspaceIndex';
import { GlossaryDocument } from '../parse/model';
import { GlossaryDiagnostic } from './diagnostic';

/** What every check reads: one document, the whole workspace, the settings. */
export interface CheckContext {
  readonly document: GlossaryDocument;
  readonly index: WorkspaceIndex;
  readonly config: GlossaryConfig;
  /**
   * The text the document was parsed from, when at hand; the index keeps no texts. Checks that read
   * the prose (`unlinked-mention`) fall back to what they found in it before.
   */
  readonly text: string | undefined;
}

/** A diagnostic before the configured severity is applied. */
export type Finding = Omit<GlossaryDiagnostic, 'severity'>;

/** One rule: the findings of a single diagnostic code in one document. */
export type Check = (context: CheckContext) => Iterable<Finding>;
