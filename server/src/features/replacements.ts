import { WorkspaceIndex } from '../index/workspaceIndex';
import { Entry } from '../parse/model';
import { comparableForm, singularOf } from '../diagnostics/closestIds';
import { abbreviates, endingsOf } from '../mentions/lexicon';
import { entryWithId } from './entryOf';

/** How many ids a broken link is offered in its place at most. */
const maxSuggestedIds = 3;

/**
 * The ids a broken link may have meant, best first, at most three: the entries that its id, then
 * its label, names by title (`[Transformer](#Transformer-Architecture)`), then the closest ids by
 * spelling. `preferred` is the one to apply without asking (Auto Fix) when the choice is clear:
 * the one entry its id names, or an entry id that is an obvious variant of it. A close spelling
 * may mean another thing (#GAN is not #DAN, #Zero-Shot-Learning not #Few-Shot-Learning), the id
 * may be an entry yet to write, and a section's automatic id is never that clear:
 * `#Neurosymbolische-Systeme` is an entry yet to write, not the section of another.
 */
export function replacementsFor(index: WorkspaceIndex, target: string, label: string, closestIds: readonly string[]): { readonly ids: string[]; readonly preferred?: string } {
  const [named = [], labelled = []] = entriesNamedBy([target, label], index);
  const entries = [...named, ...labelled.filter((entry) => !named.some((other) => other.id === entry.id))].slice(0, maxSuggestedIds);
  const close = closestIds.filter((id) => !entries.some((entry) => entry.id === id));
  const closest = closestIds[0];
  const preferred =
    named.length === 1 ? named[0]!.id : named.length === 0 && closest !== undefined && isObviousVariant(target, closest) && entryWithId(index, closest) !== undefined ? closest : undefined;
  return { ids: [...entries.map((entry) => entry.id), ...close].slice(0, maxSuggestedIds), ...(preferred !== undefined ? { preferred } : {}) };
}

/**
 * The entries each of the names (a missing id, a link's label) names by their title rather than by
 * a close spelling: "Diffusion Models" for `#Diffusion-Models` (its id being `DiffusionModels`), and
 * "Generative Adversarial Network (GAN)" for `#GAN` or `#Generative-Adversarial-Network`. Hyphens
 * count as spaces, and a plural or German ending as none. (The file name is no such sign: the real
 * glossary's `Claude.md` holds a copy of the entry CNN.) One pass over the entries for all names.
 */
function entriesNamedBy(names: readonly string[], index: WorkspaceIndex): Entry[][] {
  const words = (text: string) => singularOf(text.replace(/[-_\s]+/g, ' ').trim().toLowerCase());
  // German endings too, as mentions take them: "kognitive Architektur" names "Kognitive Architekturen".
  const inflects = (base: string, inflected: string): boolean => inflected.startsWith(base) && endingsOf(base.slice(base.lastIndexOf(' ') + 1)).includes(inflected.slice(base.length));
  const sameName = (a: string, b: string): boolean => a === b || inflects(a, b) || inflects(b, a);
  const wanted = names.map(words);
  const named: Entry[][] = names.map(() => []);
  for (const document of index.documents()) {
    for (const entry of document.entries) {
      // "X (Y)" names X and Y when one abbreviates the other ("Bedrock (Amazon)" is no "Amazon").
      const parts = /^(.*?)\s*\(([^()]+)\)\s*$/.exec(entry.title);
      const titles = (parts && (abbreviates(parts[1]!, parts[2]!) || abbreviates(parts[2]!, parts[1]!)) ? [entry.title, parts[1]!, parts[2]!] : [entry.title]).map(words);
      wanted.forEach((name, k) => {
        const list = named[k]!;
        if (list.length < maxSuggestedIds && titles.some((title) => sameName(title, name)) && !list.some((other) => other.id === entry.id)) list.push(entry);
      });
    }
  }
  return named;
}

/** A suggestion that differs from the missing id only in case, hyphens or a plural ending: the writer surely meant it. */
function isObviousVariant(missing: string, suggestion: string): boolean {
  // Hyphens and underscores aside too: `#PromptEngineering` is `#Prompt-Engineering`.
  const a = comparableForm(missing).replace(/[-_]/g, '');
  const b = comparableForm(suggestion).replace(/[-_]/g, '');
  return a === b || singularOf(a) === singularOf(b);
}
