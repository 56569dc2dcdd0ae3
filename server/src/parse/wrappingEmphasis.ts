/**
 * How many emphasis marks wrap a link alone, read from the text before it and after it on its
 * lines: `*[B](#B)*` 1, `**_[B](#B)_**` 3, `~~[B](#B)~~` 2, `*[A](#A) | [B](#B)*` 0 for each link.
 * The marks before mirror those after; they belong to the link as an item of a list, and move with
 * it.
 */
export function wrappingMarks(before: string, after: string): number {
  const opening = /[*_~]*$/.exec(before)![0];
  const closing = /^[*_~]*/.exec(after)![0];
  let count = Math.min(opening.length, closing.length);
  while (count > 0 && [...opening.slice(-count)].reverse().join('') !== closing.slice(0, count)) count--;
  return count;
}
