/** The npm package of pandoc's official WebAssembly build, which the tests run as pandoc 3. */
declare module 'pandoc-wasm' {
  /** Runs pandoc with the options of a defaults file on `stdin`. */
  export function convert(options: Record<string, unknown>, stdin: string | null, files: Record<string, unknown>): Promise<{ stdout: string; stderr: string }>;
}
