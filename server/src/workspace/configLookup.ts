import * as l10n from '@vscode/l10n';
import { URI, Utils } from 'vscode-uri';
import { configFileName, parseConfigFileText } from '../config';
import { Workspace } from './workspace';

/** The `.glossary.json` that applies to a folder, if any. */
export interface FoundConfigFile {
  /** The parsed JSON, or `undefined` when there is no file or it is not valid JSON. */
  readonly json: unknown;
  /** The folder holding the file: the workspace root that patterns are relative to. */
  readonly folderUri: string | undefined;
  /** The file, as its problems name it. */
  readonly fileName: string;
  readonly problems: readonly string[];
  /** Where in the file the first problem is (1-based), when a place is known. */
  readonly problemAt?: { readonly line: number; readonly column: number };
}

/** The URI of the settings file a folder would hold. */
export function configFileUriIn(folderUri: string): string {
  return Utils.joinPath(URI.parse(folderUri), configFileName).toString();
}

/**
 * Looks for `.glossary.json` in a folder and its ancestors, stopping at the first folder that
 * holds `.git` (the repository root) or at the file-system root. Its problems name it as `nameOf`
 * says (the command line: its path).
 */
export async function findConfigFile(workspace: Workspace, startFolderUri: string, nameOf: (configUri: string) => string = () => configFileName): Promise<FoundConfigFile> {
  let folder = URI.parse(startFolderUri);
  for (;;) {
    const candidate = configFileUriIn(folder.toString());
    const read = await workspace.readFile(candidate);
    if (read.kind === 'text') {
      const fileName = nameOf(candidate);
      return { ...parseConfigFileText(read.text, fileName), folderUri: folder.toString(), fileName };
    }
    // A settings file that is there but cannot be read is a mistake to tell, not a folder without one.
    if (read.reason !== 'notFound') {
      const fileName = nameOf(candidate);
      const problem = read.reason === 'binary' ? l10n.t('{0} is not a text file.', fileName) : l10n.t('{0} cannot be read (its permissions, or it is a folder).', fileName);
      return { json: undefined, folderUri: folder.toString(), fileName, problems: [problem] };
    }
    const parent = Utils.dirname(folder);
    if ((await isRepositoryRoot(workspace, folder)) || parent.toString() === folder.toString()) {
      return { json: undefined, folderUri: undefined, fileName: configFileName, problems: [] };
    }
    folder = parent;
  }
}

/** Whether a folder holds `.git`: the root of a git repository (or of a work tree, where `.git` is a file). */
async function isRepositoryRoot(workspace: Workspace, folder: URI): Promise<boolean> {
  return (await workspace.stat(Utils.joinPath(folder, '.git').toString())) !== undefined;
}

/** The root of the git repository a folder is in (the folder itself or an ancestor holding `.git`), or undefined. */
export async function repositoryRootOf(workspace: Workspace, folderUri: string): Promise<string | undefined> {
  for (let folder = URI.parse(folderUri); ; folder = Utils.dirname(folder)) {
    if (await isRepositoryRoot(workspace, folder)) return folder.toString();
    if (Utils.dirname(folder).toString() === folder.toString()) return undefined;
  }
}

/** The folder of the glossary a file belongs to, and whether a `.glossary.json` says so. */
export interface GlossaryFolder {
  readonly folderUri: string;
  readonly configured: boolean;
}

/**
 * The glossary a file belongs to, as the command line reads a file's: the folder of the
 * `.glossary.json` that applies to it (see `findConfigFile`), else the file's own folder.
 */
export async function glossaryFolderOf(workspace: Workspace, fileUri: string): Promise<GlossaryFolder> {
  const ownFolder = Utils.dirname(URI.parse(fileUri)).toString();
  const found = await findConfigFile(workspace, ownFolder);
  return found.folderUri !== undefined ? { folderUri: found.folderUri, configured: true } : { folderUri: ownFolder, configured: false };
}
