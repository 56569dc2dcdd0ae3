/** Questions about `file:` URIs as strings: the server compares the URIs it was given without parsing them. */

/** The URI of the folder that holds a file or folder, without a trailing `/`. */
export function folderOf(uri: string): string {
  return uri.slice(0, uri.lastIndexOf('/'));
}

/** A folder's URI with one trailing `/`: what the URIs of everything inside it start with. */
export function folderPrefix(folderUri: string): string {
  return folderUri.endsWith('/') ? folderUri : `${folderUri}/`;
}

/**
 * How a file is named to a reader of the file `fromUri`: its name when the two share a folder, else
 * its path from that folder (`sub/Attention.md`, `../de/Claude.md`), so that files of one name in
 * different folders are told apart.
 */
export function fileNameFrom(uri: string, fromUri: string): string {
  const target = uri.split('/');
  const from = folderOf(fromUri).split('/');
  let shared = 0;
  while (shared < from.length && shared < target.length - 1 && target[shared] === from[shared]) shared++;
  const segments = [...from.slice(shared).map(() => '..'), ...target.slice(shared)];
  return segments.map(decodedUriText).join('/');
}

/** Percent-encoded text decoded; a malformed escape is kept as written. */
export function decodedUriText(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The path (decoded, with `/`) of a URI inside a folder; undefined outside it. */
export function pathInFolder(uri: string, folderUri: string): string | undefined {
  const prefix = folderPrefix(folderUri);
  return uri.startsWith(prefix) ? decodeURIComponent(uri.slice(prefix.length)) : undefined;
}

/** Whether a URI (or a path) names something inside a folder, at any depth. */
export function isInFolder(uri: string, folderUri: string): boolean {
  return uri.startsWith(folderPrefix(folderUri));
}

/** The folder (without a trailing `/`) whose files, directly in it, weigh the most; the first by name on a tie. */
export function folderOfMost(weightedUris: Iterable<readonly [uri: string, weight: number]>): string | undefined {
  const weights = new Map<string, number>();
  for (const [uri, weight] of weightedUris) {
    const folder = folderOf(uri);
    weights.set(folder, (weights.get(folder) ?? 0) + weight);
  }
  let most: string | undefined;
  for (const [folder, weight] of weights) {
    const mostWeight = most === undefined ? -1 : weights.get(most)!;
    if (weight > mostWeight || (weight === mostWeight && folder < most!)) most = folder;
  }
  return most;
}

/**
 * The form in which two file URIs name one file on a file system that ignores case (Windows,
 * macOS): decoded first, as `%C3%84` (Ä) and `%C3%A4` (ä) differ in more than case, and composed,
 * as macOS also takes `ä` and `a` with a combining `¨` for one name.
 */
export function caseFoldedUri(uri: string): string {
  return decodedUriText(uri).normalize('NFC').toLowerCase();
}

/** Whether the file is a `.md` file, which the one-entry-per-file rules apply to. */
export function isMarkdownFile(uri: string): boolean {
  return uri.toLowerCase().endsWith('.md');
}

/** The file name of a URI, without its folder. */
export function fileNameOf(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}

/**
 * The file name without folder and extension, as the id of its entry should read: composed (NFC),
 * as ids are typed, though macOS may give the name with decomposed umlauts.
 */
export function fileNameId(uri: string): string {
  const name = fileNameOf(uri).normalize('NFC');
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

/** The file of the entry with this id in a folder (`<Id>.md`), or beside the file `besideUri`. */
export function entryFileUri(id: string, folder: { readonly folderUri: string } | { readonly besideUri: string }): string {
  const folderUri = 'folderUri' in folder ? folder.folderUri.replace(/\/+$/, '') : folderOf(folder.besideUri);
  return `${folderUri}/${encodeURIComponent(id)}.md`;
}
