import { WorkspaceIndex } from '../index/workspaceIndex';
import { literalPattern } from '../workspace/fileFilter';
import { folderOf, folderPrefix, isInFolder } from '../workspace/uris';

/**
 * What "leave out of the glossary" leaves out (paths relative to the folder of `.glossary.json`)
 * for a file that holds no entry, in a folder whose files hold none while other folders hold the
 * entries: a project's README, license and writing rules beside the folder of its entries (the
 * real glossary's root beside `src/de`). The folder goes when nothing below it holds an entry, and
 * it is neither the settings file's nor the index page's; else its files that hold no entry, each
 * by name. Undefined
 * elsewhere: for a file of the entries' folders, whose layout the glossary checks rightly, and for
 * a file outside the folder of `.glossary.json`, which its patterns cannot name.
 */
export function filesToLeaveOut(index: WorkspaceIndex, uri: string, configFileUri: string): { readonly paths: readonly string[]; readonly folder: boolean } | undefined {
  const folder = folderOf(uri);
  const base = folderOf(configFileUri);
  if (!isInFolder(uri, base)) {
    return undefined;
  }
  const indexPage = index.indexPageUri();
  const beside: string[] = [];
  let entriesBelow = false;
  let entriesElsewhere = false;
  for (const document of index.documents()) {
    const holdsEntries = document.entries.length > 0;
    if (folderOf(document.uri) === folder) {
      if (holdsEntries) return undefined;
      if (document.uri !== indexPage) beside.push(document.uri);
    } else if (holdsEntries) {
      entriesElsewhere = true;
      entriesBelow ||= isInFolder(document.uri, folder);
    }
  }
  if (!entriesElsewhere || !beside.includes(uri)) {
    return undefined;
  }
  const relative = (target: string): string => decodeURIComponent(target.slice(folderPrefix(base).length));
  if (!entriesBelow && folder !== base && (indexPage === undefined || folderOf(indexPage) !== folder)) {
    return { paths: [relative(folder)], folder: true };
  }
  // The file asked about first, the others by name.
  return { paths: [uri, ...beside.filter((other) => other !== uri).sort()].map(relative), folder: false };
}

/** The patterns of `exclude` that name the paths (relative to the folder of `.glossary.json`), and nothing else. */
export function excludePatterns(paths: readonly string[]): string[] {
  return paths.map(literalPattern);
}
