import { Entry } from '../parse/model';

/**
 * The entry an abbreviation stub points at: "**GPU** steht für [Graphics Processing Unit](#…)".
 * A stub is short (no section but its see-also, at most `stubLines` lines before it), its prose
 * links one entry only, and its title is one word (its parts may be joined by hyphens:
 * "POS-Tagging") with two or more capitals. Its names are names of the entry it points at, where
 * they abbreviate that entry's title (the lexicon checks it, see `abbreviates`): a mention of "GPU"
 * is linked there, and never suggested in that entry. Nor does a stub list back the entries whose
 * see-also lists name it (`seealso-not-reciprocal`).
 */
export function abbreviationStubTarget(entry: Entry): string | undefined {
  const title = entry.title.trim();
  if (!/^[\p{L}\p{M}\p{N}]+(?:-[\p{L}\p{M}\p{N}]+)*$/u.test(title) || (title.match(/\p{Lu}/gu)?.length ?? 0) < 2) {
    return undefined;
  }
  if (entry.sections.some((section) => section !== entry.seeAlso?.section)) {
    return undefined;
  }
  const proseEnd = entry.seeAlso?.section.range.start.line ?? entry.closingRuleLine ?? entry.range.end.line + 1;
  if (proseEnd - entry.heading.range.end.line - 1 > stubLines) {
    return undefined;
  }
  const targets = new Set(entry.bodyLinks.map((link) => link.target));
  const [target] = targets;
  return targets.size === 1 && target !== entry.id ? target : undefined;
}

/** How many lines of prose an abbreviation stub may have (blank ones included). */
const stubLines = 6;
