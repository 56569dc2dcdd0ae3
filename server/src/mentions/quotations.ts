import type { Mask } from './inlineMasks';

/**
 * What closes each opening quotation mark: German „…“ (or „…”, or „…" as a keyboard without the
 * German closer types it) and ‚…‘ inside them, English “…”, guillemets »…« and «…», and a straight
 * "…". Other single quotes are left alone: `'` and `’` are also apostrophes.
 */
const closersOf: Readonly<Record<string, string>> = { '„': '“”"', '‚': '‘', '“': '”', '»': '«', '«': '»', '"': '"' };

const quotationMark = /["„“”»«‚‘]/g;

/** What may stand before a straight `"` that opens a quotation: nothing, a space, or an opening bracket or emphasis. */
const beforeOpening = /[\s([{*_/–—-]/;

/** What a quotation's ends are trimmed of before it is compared with a term: spaces, emphasis, punctuation. */
const trimmed = /[\s*_.,;:!?…]/;

/**
 * The quoted stretches of a paragraph's text, inside the marks and trimmed of spaces, emphasis and
 * punctuation at their ends, in order of their ends: the titles and sayings a writer quotes
 * (`"Chain of Thought Prompting Elicits Reasoning in Large Language Models"`), and those quoted
 * inside them (`„Er nannte es ‚Chatbot‘.“`). Marks inside a mask (a code span, a URL) do not count.
 * A straight `"` opens at the start or after a space or opening bracket, before a non-space (not an
 * inch mark, as in `24"-Monitor`), and closes after a non-space, before no letter or digit. A mark
 * closes the innermost quotation open, if it closes that one; else an opening mark opens another
 * inside it (`»Deep Learning“ und „Chatbot“` quotes "Chatbot"). One left open at the end of the
 * paragraph is none.
 */
export function quotationsOf(text: string, masks: readonly Mask[]): Mask[] {
  const quotations: Mask[] = [];
  const open: { readonly mark: string; readonly after: number }[] = [];
  let mask = 0;
  quotationMark.lastIndex = 0;
  for (let match = quotationMark.exec(text); match !== null; match = quotationMark.exec(text)) {
    const at = match.index;
    const mark = match[0];
    while (mask < masks.length && masks[mask]![1] <= at) mask++;
    if (mask < masks.length && masks[mask]![0] <= at) continue;
    const innermost = open.at(-1);
    if (innermost !== undefined && closersOf[innermost.mark]!.includes(mark) && (mark !== '"' || closesStraight(text, at))) {
      quotations.push(trim(text, innermost.after, at));
      open.pop();
    } else if (mark in closersOf && (mark !== '"' || opensStraight(text, at))) {
      open.push({ mark, after: at + 1 });
    }
  }
  return quotations;
}

function opensStraight(text: string, at: number): boolean {
  return (at === 0 || beforeOpening.test(text[at - 1]!)) && !/\s/.test(text[at + 1] ?? ' ');
}

function closesStraight(text: string, at: number): boolean {
  return !/\s/.test(text[at - 1] ?? ' ') && !/[\p{L}\p{N}]/u.test(text[at + 1] ?? ' ');
}

function trim(text: string, from: number, to: number): Mask {
  while (from < to && trimmed.test(text[from]!)) from++;
  while (to > from && trimmed.test(text[to - 1]!)) to--;
  return [from, to];
}

/**
 * Whether a stretch of the text lies inside a quotation and is not all of it: a term inside a
 * quoted title is part of the title, while a quotation that is the term itself (`"Copilot"`,
 * `"[Do Anything Now](#Do-Anything-Now)"`) is linked as a whole.
 */
export function isInsideQuotation(quotations: readonly Mask[], start: number, end: number): boolean {
  return quotations.some(([from, to]) => from <= start && end <= to && (from < start || end < to));
}
