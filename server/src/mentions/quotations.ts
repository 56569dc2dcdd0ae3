import type { Mask } from './inlineMasks';

/**
 * What closes each opening quotation mark: German „…“ (or „…”), English “…”, guillemets »…« and
 * «…». A straight `"` closes itself.
 */
const closersOf: Readonly<Record<string, string>> = { '„': '“”', '“': '”', '»': '«', '«': '»', '"': '"' };

const quotationMark = /["„“”»«]/g;

/**
 * The quoted stretches of a paragraph's text, inside the marks, in order: the titles and sayings a
 * writer quotes (`"Chain of Thought Prompting Elicits Reasoning in Large Language Models"`). Marks
 * inside a mask (a code span, a URL) do not count. A straight `"` opens before a non-space and
 * closes after one; a quotation left open at the end of the paragraph is none.
 */
export function quotationsOf(text: string, masks: readonly Mask[]): Mask[] {
  const quotations: Mask[] = [];
  let open: { readonly mark: string; readonly after: number } | undefined;
  let mask = 0;
  quotationMark.lastIndex = 0;
  for (let match = quotationMark.exec(text); match !== null; match = quotationMark.exec(text)) {
    const at = match.index;
    const mark = match[0];
    while (mask < masks.length && masks[mask]![1] <= at) mask++;
    if (mask < masks.length && masks[mask]![0] <= at) continue;
    if (open !== undefined && closersOf[open.mark]!.includes(mark) && (mark !== '"' || !/\s/.test(text[at - 1]!))) {
      quotations.push([open.after, at]);
      open = undefined;
    } else if (open === undefined && mark in closersOf && !/\s/.test(text[at + 1] ?? ' ')) {
      open = { mark, after: at + 1 };
    }
  }
  return quotations;
}

/**
 * Whether a stretch of the text lies inside a quotation and is not all of it: a term inside a
 * quoted title is part of the title, while a quotation that is the term itself (`"Copilot"`,
 * `"[Do Anything Now](#Do-Anything-Now)"`) is linked as a whole.
 */
export function isInsideQuotation(quotations: readonly Mask[], start: number, end: number): boolean {
  return quotations.some(([from, to]) => from <= start && end <= to && (from < start || end < to));
}
