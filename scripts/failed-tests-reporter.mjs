// A test reporter for Node's runner that writes one line per failed test: its file, its name and
// the first line of its error. The spec reporter's account of a failure (an assertion's whole actual
// and expected values) can be longer than the end of a CI log that is kept; this line is printed after it.
import * as path from 'node:path';

/** The first line of what a failure says; a test that failed only through its subtests is left to them. */
function firstLineOf(error) {
  const cause = error?.cause ?? error;
  return String(cause?.message ?? cause).split('\n')[0].slice(0, 400);
}

export default async function* failedTests(source) {
  for await (const event of source) {
    if (event.type !== 'test:fail') continue;
    const { name, file, details } = event.data;
    if (details.error?.failureType === 'subtestsFailed') continue;
    const where = file === undefined ? '' : `${path.relative(process.cwd(), file)}: `;
    yield `✖ ${where}${name}: ${firstLineOf(details.error)}\n`;
  }
}
