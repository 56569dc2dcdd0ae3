/** A part of a request's params that the protocol requires and the handlers read. */
type Part = 'textDocument' | 'position' | 'range' | 'context' | 'diagnostics' | 'newName' | 'query' | 'command' | 'files';

/** The parts each request needs, by the name the server logs it under (`runSafely`'s `name`). */
const requiredParts: Readonly<Record<string, readonly Part[]>> = {
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
};

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);
const isPosition = (value: unknown): boolean => isObject(value) && Number.isSafeInteger(value.line) && (value.line as number) >= 0 && Number.isSafeInteger(value.character) && (value.character as number) >= 0;

const partProblems: Readonly<Record<Part, (params: Record<string, unknown>) => string | undefined>> = {
  textDocument: ({ textDocument }) => (isObject(textDocument) && typeof textDocument.uri === 'string' ? undefined : 'textDocument.uri must be a string'),
  position: ({ position }) => (isPosition(position) ? undefined : 'position must have a line and a character, whole numbers from 0'),
  range: ({ range }) => (isObject(range) && isPosition(range.start) && isPosition(range.end) ? undefined : 'range must have a start and an end position'),
  context: ({ context }) => (isObject(context) ? undefined : 'context must be an object'),
  diagnostics: ({ context }) => (isObject(context) && Array.isArray(context.diagnostics) ? undefined : 'context.diagnostics must be an array'),
  newName: ({ newName }) => (typeof newName === 'string' ? undefined : 'newName must be a string'),
  query: ({ query }) => (typeof query === 'string' ? undefined : 'query must be a string'),
  command: ({ command }) => (typeof command === 'string' ? undefined : 'command must be a string'),
  files: ({ files }) => (Array.isArray(files) && files.every((file) => isObject(file) && typeof file.uri === 'string') ? undefined : 'files must be an array of objects with a uri string'),
};

/**
 * What is wrong with a request's params, or undefined: a client that leaves out a part the protocol
 * requires gets an InvalidParams error that names it, rather than an empty answer.
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
