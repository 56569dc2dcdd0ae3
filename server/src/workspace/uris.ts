/** Questions about `file:` URIs as strings: the server compares the URIs it was given without parsing them. */

/** The URI of the folder that holds a file or folder, without a trailing `/`. */
export function folderOf(uri: string): string {
  return uri.slice(0, uri.lastIndexOf('/'));
}

/** A folder's URI with one trailing `/`: what the URIs of everything inside it start with. */
export function folderPrefix(folderUri: string): string {
  return folderUri.endsWith('/') ? folderUri : `${folderUri}/`;
}

/** Whether a URI (or a path) names something inside a folder, at any depth. */
export function isInFolder(uri: string, folderUri: string): boolean {
  return uri.startsWith(folderPrefix(folderUri));
}
