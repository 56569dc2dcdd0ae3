import * as fs from 'node:fs';
import * as path from 'node:path';

/** The real glossary, read from `../shared` beside the repository; it is test data, never copied. */
export const corpusRoot = path.resolve(__dirname, '../../../../../shared/corpus/ki-glossar');

/** The folder of the real glossary's entries. */
export const corpusEntries = path.join(corpusRoot, 'src', 'de');

/** The entry files of the real glossary (the `.md` files and the three `.txt` pages), sorted. */
export function corpusFiles(): string[] {
  if (!fs.existsSync(corpusEntries)) {
    throw new Error(`The real glossary is missing at ${corpusEntries}: tests read it from ../shared beside the repository.`);
  }
  return fs
    .readdirSync(corpusEntries)
    .filter((name) => name.endsWith('.md') || name.endsWith('.txt'))
    .sort()
    .map((name) => path.join(corpusEntries, name));
}
