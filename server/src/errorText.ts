/** What an error says, for a message: its message, or what was thrown in its place. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** What an error says with where it was thrown, for the log: its stack where it has one. */
export function errorWithStack(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
