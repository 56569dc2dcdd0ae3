import { WorkspaceIndex } from '../index/workspaceIndex';
import { GlossaryDocument } from '../parse/model';
import { comparePaths, literalPattern } from '../workspace/fileFilter';
import { folderOf, isInFolder, pathInFolder } from '../workspace/uris';

/** What "leave out of the glossary" leaves out: paths relative to the patterns' folder, and whether it is the fix to apply. */
export interface LeftOut {
  readonly paths: readonly string[];
  /** Whether `paths` is one folder, with everything in it. */
  readonly folder: boolean;
  readonly preferred: boolean;
}

/**
 * What "leave out of the glossary" leaves out for a file that holds no entry, in a folder whose
 * files hold none while other folders hold the entries: a project's README, license and writing
 * rules beside the folder of its entries (the real glossary's root beside `src/de`). The folder
 * goes when nothing below it holds an entry or the index page; else its files that hold no entry,
 * each by name. A file whose ids links from the rest of the glossary lead to stays (with its
 * folder): left out, those links would break. Undefined elsewhere: for a file of the entries'
 * folders, whose layout the glossary checks rightly, and for a file outside `baseUri`, the folder
 * the patterns of `.glossary.json` name paths in (in every workspace folder).
 *
 * The fix to apply is the project's root case, entries below the folder; not a folder beside them
 * (a second language's first draft, still without its classes), nor files with an explicit id.
 */
export function filesToLeaveOut(index: WorkspaceIndex, uri: string, baseUri: string): LeftOut | undefined {
  const folder = folderOf(uri);
  if (!isInFolder(uri, baseUri)) {
    return undefined;
  }
  const indexPage = index.indexPageUri();
  const beside: GlossaryDocument[] = [];
  let entriesBelow = false;
  let entriesElsewhere = false;
  for (const document of index.documents()) {
    const holdsEntries = document.entries.length > 0;
    if (folderOf(document.uri) === folder) {
      if (holdsEntries) return undefined;
      if (document.uri !== indexPage) beside.push(document);
    } else if (holdsEntries) {
      entriesElsewhere = true;
      entriesBelow ||= isInFolder(document.uri, folder);
    }
  }
  const asked = beside.find((document) => document.uri === uri);
  if (!entriesElsewhere || asked === undefined || isLinkedFromOutside(index, asked, (other) => folderOf(other) !== folder)) {
    return undefined;
  }
  const relative = (target: string): string => pathInFolder(target, baseUri)!;
  const belowFolder = [...index.documents()].filter((document) => isInFolder(document.uri, folder));
  const wholeFolder =
    !entriesBelow &&
    folder !== baseUri &&
    (indexPage === undefined || !isInFolder(indexPage, folder)) &&
    !belowFolder.some((document) => isLinkedFromOutside(index, document, (other) => !isInFolder(other, folder)));
  if (wholeFolder) {
    return { paths: [relative(folder)], folder: true, preferred: false };
  }
  // The file asked about first, the others by name.
  const others = beside.filter((document) => document !== asked && !isLinkedFromOutside(index, document, (other) => folderOf(other) !== folder)).sort((a, b) => comparePaths(a.uri, b.uri));
  const files = [asked, ...others];
  const preferred = entriesBelow && !files.some((document) => document.headings.some((heading) => heading.explicitId));
  return { paths: files.map((document) => relative(document.uri)), folder: false, preferred };
}

/** Whether links from files that `outside` takes in lead to ids the document gives. */
function isLinkedFromOutside(index: WorkspaceIndex, document: GlossaryDocument, outside: (uri: string) => boolean): boolean {
  return document.anchors.some((anchor) => index.linksTo(anchor.id).some((located) => outside(located.uri)));
}

/** The patterns of `exclude` that name the paths (relative to the folder of `.glossary.json`), and nothing else. */
export function excludePatterns(paths: readonly string[]): string[] {
  return paths.map(literalPattern);
}
