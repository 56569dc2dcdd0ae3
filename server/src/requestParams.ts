/** A part of a message's params that the protocol requires and the handlers read. */
type Part =
  | 'textDocument'
  | 'position'
  | 'range'
  | 'context'
  | 'diagnostics'
  | 'newName'
  | 'query'
  | 'command'
  | 'files'
  | 'openedDocument'
  | 'changedDocument'
  | 'contentChanges'
  | 'changes'
  | 'event'
  | 'renamedFiles'
  | 'capabilities'
  | 'folders'
  | 'locale';

/**
 * The parts each message needs, by the name the server logs it under: requests as `runSafely`'s
 * `name`, notifications as `ignoringMalformed`'s. A notification listed with no parts needs only
 * params that are an object.
 */
const requiredParts: Readonly<Record<string, readonly Part[]>> = {
  initialize: ['capabilities', 'folders', 'locale'],
  definition: ['textDocument', 'position'],
  hover: ['textDocument', 'position'],
  completion: ['textDocument', 'position'],
  references: ['textDocument', 'position', 'context'],
  prepareRename: ['textDocument', 'position'],
  rename: ['textDocument', 'position', 'newName'],
  documentLink: ['textDocument'],
  documentSymbol: ['textDocument'],
  diagnostic: ['textDocument'],
  codeAction: ['textDocument', 'range', 'context', 'diagnostics'],
  workspaceSymbol: ['query'],
  executeCommand: ['command'],
  'glossary/entryLinks': ['textDocument', 'position', 'files'],
  didOpen: ['openedDocument'],
  didChange: ['changedDocument', 'contentChanges'],
  didClose: ['textDocument'],
  didSave: ['textDocument'],
  didChangeConfiguration: [],
  didChangeWatchedFiles: ['changes'],
  didChangeWorkspaceFolders: ['event'],
  didDeleteFiles: ['files'],
  didRenameFiles: ['renamedFiles'],
};

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
const isWholeNumber = (value: unknown): boolean => Number.isSafeInteger(value) && (value as number) >= 0;
const isPosition = (value: unknown): boolean => isObject(value) && isWholeNumber(value.line) && isWholeNumber(value.character);
const isRange = (value: unknown): boolean => isObject(value) && isPosition(value.start) && isPosition(value.end);
const hasStrings = (value: unknown, ...keys: string[]): boolean => isObject(value) && keys.every((key) => typeof value[key] === 'string');
const isListOf = (value: unknown, isItem: (item: unknown) => boolean): boolean => Array.isArray(value) && value.every(isItem);
const isAbsentOr = (value: unknown, isGiven: (value: unknown) => boolean): boolean => value === undefined || value === null || isGiven(value);
const isFileChange = (change: unknown): boolean => hasStrings(change, 'uri') && [1, 2, 3].includes((change as { type: unknown }).type as number);
// The whole text, or a range (absent, not null: null is taken for one) with its length perhaps; any
// other change fails half way through the changes.
const isContentChange = (change: unknown): boolean => {
  const { range, rangeLength } = change as { range?: unknown; rangeLength?: unknown };
  return hasStrings(change, 'text') && (range === undefined ? rangeLength === undefined : isRange(range) && (rangeLength === undefined || isWholeNumber(rangeLength)));
};

const partProblems: Readonly<Record<Part, (params: Record<string, unknown>) => string | undefined>> = {
  textDocument: ({ textDocument }) => (isObject(textDocument) && typeof textDocument.uri === 'string' ? undefined : 'textDocument.uri must be a string'),
  position: ({ position }) => (isPosition(position) ? undefined : 'position must have a line and a character, whole numbers from 0'),
  range: ({ range }) => (isRange(range) ? undefined : 'range must have a start and an end position'),
  context: ({ context }) => (isObject(context) ? undefined : 'context must be an object'),
  diagnostics: ({ context }) => (isObject(context) && Array.isArray(context.diagnostics) ? undefined : 'context.diagnostics must be an array'),
  newName: ({ newName }) => (typeof newName === 'string' ? undefined : 'newName must be a string'),
  query: ({ query }) => (typeof query === 'string' ? undefined : 'query must be a string'),
  command: ({ command }) => (typeof command === 'string' ? undefined : 'command must be a string'),
  files: ({ files }) => (isListOf(files, (file) => hasStrings(file, 'uri')) ? undefined : 'files must be an array of objects with a uri string'),
  openedDocument: ({ textDocument }) =>
    hasStrings(textDocument, 'uri', 'languageId', 'text') && Number.isSafeInteger((textDocument as { version: unknown }).version)
      ? undefined
      : 'textDocument must have a uri, a languageId and a text (strings) and a version (a whole number)',
  changedDocument: ({ textDocument }) =>
    hasStrings(textDocument, 'uri') && Number.isSafeInteger((textDocument as { version: unknown }).version) ? undefined : 'textDocument must have a uri (a string) and a version (a whole number)',
  contentChanges: ({ contentChanges }) =>
    isListOf(contentChanges, isContentChange) ? undefined : 'contentChanges must be an array of changes, each a text with an optional range (and range length)',
  changes: ({ changes }) => (isListOf(changes, isFileChange) ? undefined : 'changes must be an array of objects with a uri string and a type of 1, 2 or 3'),
  event: ({ event }) =>
    isObject(event) && isListOf(event.added, (folder) => hasStrings(folder, 'uri')) && isListOf(event.removed, (folder) => hasStrings(folder, 'uri'))
      ? undefined
      : 'event must have added and removed arrays of folders with a uri string',
  renamedFiles: ({ files }) => (isListOf(files, (file) => hasStrings(file, 'oldUri', 'newUri')) ? undefined : 'files must be an array of objects with oldUri and newUri strings'),
  capabilities: ({ capabilities }) => (isObject(capabilities) ? undefined : 'capabilities must be an object'),
  folders: ({ workspaceFolders, rootUri, rootPath }) => {
    if (!isAbsentOr(workspaceFolders, (folders) => isListOf(folders, (folder) => hasStrings(folder, 'uri')))) return 'workspaceFolders must be null or an array of folders with a uri string';
    if (!isAbsentOr(rootUri, (uri) => typeof uri === 'string')) return 'rootUri must be a string or null';
    return isAbsentOr(rootPath, (folder) => typeof folder === 'string') ? undefined : 'rootPath must be a string or null';
  },
  locale: ({ locale }) => (isAbsentOr(locale, (given) => typeof given === 'string') ? undefined : 'locale must be a string'),
};

/**
 * What is wrong with a message's params, or undefined: a client that leaves out a part the protocol
 * requires gets an InvalidParams error that names it, rather than an empty answer, and a
 * notification without it is ignored rather than half applied.
 */
export function paramsProblem(name: string, params: unknown): string | undefined {
  const parts = requiredParts[name];
  if (parts === undefined) {
    return undefined;
  }
  if (!isObject(params)) {
    return 'params must be an object';
  }
  for (const part of parts) {
    const problem = partProblems[part](params);
    if (problem !== undefined) return problem;
  }
  return undefined;
}
