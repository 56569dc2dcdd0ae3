import picomatch from 'picomatch';
import { FileFilter } from './workspace';
import { folderPrefix, pathInFolder } from './uris';

/** Folders that never belong to a glossary. */
const alwaysSkippedFolders: readonly string[] = ['node_modules', '.git'];

/** A compiled `FileFilter`: questions about paths relative to the listed folder, with `/`. */
export interface FileMatcher {
  /** Whether a file belongs to the glossary. */
  includesFile(relativePath: string): boolean;
  /** Whether a file given by its URI lies in the folder and belongs to the glossary. */
  includesUri(uri: string): boolean;
  /** The path of a file or folder inside the listed folder, undefined outside it. */
  relativePath(uri: string): string | undefined;
  /**
   * Whether a folder and everything below it is left out: an excluded or always skipped folder, or
   * one below which no include pattern can take in a file (with `"include": ["de/**"]`, `assets`).
   */
  skipsFolder(relativePath: string): boolean;
}

/** A path or name as a pattern that matches it alone: the characters patterns give a meaning to, escaped. */
export function literalPattern(path: string): string {
  return path.replace(/[\\*?[\](){}!+@|]/g, '\\$&');
}

/** The path a pattern of `literalPattern` names, for showing it. */
export function literalPath(pattern: string): string {
  return pattern.replace(/\\(.)/g, '$1');
}

/** Compiles the include and exclude patterns once for a listing of the folder `folderUri`. */
export function createFileMatcher(filter: FileFilter, folderUri: string): FileMatcher {
  const isIncluded = picomatch([...filter.include]);
  const isExcluded = filter.exclude.length > 0 ? picomatch(filter.exclude.flatMap(withFolderContents)) : () => false;
  const prefix = pathPrefix(filter.baseUri, folderUri);
  const isAlwaysSkipped = (relativePath: string): boolean =>
    relativePath.split('/').some((segment) => alwaysSkippedFolders.includes(segment));
  const includesFile = (relativePath: string): boolean => !isAlwaysSkipped(relativePath) && isIncluded(prefix + relativePath) && !isExcluded(prefix + relativePath);
  const mayIncludeBelow = includeBelowTest(filter.include);
  const relativePath = (uri: string): string | undefined => pathInFolder(uri, folderUri);
  return {
    includesFile,
    includesUri: (uri) => {
      const path = relativePath(uri);
      return path !== undefined && includesFile(path);
    },
    relativePath,
    skipsFolder: (relativePath) => isAlwaysSkipped(relativePath) || isExcluded(prefix + relativePath) || !mayIncludeBelow(prefix + relativePath),
  };
}

/**
 * Whether a file below a folder may match one of the include patterns: the folder lies on the way
 * to the fixed start of a pattern (`de` of `de/**`), or below it. A pattern that starts with a
 * wildcard or a brace, or is negated, may take in a file anywhere.
 */
function includeBelowTest(include: readonly string[]): (folder: string) => boolean {
  const starts = include.map((pattern) => {
    const { base, negated } = picomatch.scan(pattern);
    return negated ? '' : literalPath(base).replace(/\/+$/, '');
  });
  return (folder) => {
    const path = folder.replace(/\/+$/, '');
    return starts.some((start) => start === '' || path === '' || path === start || path.startsWith(`${start}/`) || start.startsWith(`${path}/`));
  };
}

/**
 * An exclude pattern leaves out a folder it names with everything in it, written as `.gitignore`
 * would have it or not: `drafts`, `drafts/` and `drafts/**` alike.
 */
function withFolderContents(pattern: string): string[] {
  const folder = pattern.replace(/\/+$/, '');
  return folder === '' ? [] : [folder, `${folder}/**`];
}

/** The path from the patterns' base folder to the listed folder, with a trailing `/`, or ''. */
function pathPrefix(baseUri: string | undefined, folderUri: string): string {
  if (baseUri === undefined) {
    return '';
  }
  return pathInFolder(folderPrefix(folderUri), baseUri) ?? '';
}

/** Orders paths the same way on every machine (UTF-16 code units, not the locale). */
export function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
