import * as l10n from '@vscode/l10n';
import { WorkspaceIndex } from '../index/workspaceIndex';
import { comparableForm, findClosestIds, singularOf } from '../index/closestIds';
import { Link } from '../parse/model';
import { anchorPlace } from '../index/anchorDescription';
import { entryWithId, titleUntoldById } from '../index/entryQueries';
import { fileNameId } from '../workspace/uris';
import { parenthesisedParts } from '../mentions/lexicon';

/** How many ids a broken link is offered in its place at most. */
const maxSuggestedIds = 3;

/**
 * The ids a broken link may have meant, best first, at most three: the entries that its id, then
 * its label, names by title (`[Transformer](#Transformer-Architecture)`), then the closest ids by
 * spelling. `preferred` is the one to apply without asking (Auto Fix) when the choice is clear:
 * the one entry its id names, or an entry id that is an obvious variant of it. A close spelling
 * may mean another thing (#GAN is not #DAN, #Zero-Shot-Learning not #Few-Shot-Learning), the id
 * may be an entry yet to write, and a section's automatic id is never that clear:
 * `#Neurosymbolische-Systeme` is an entry yet to write, not the section of another. The entry that
 * holds the link (`linkingEntry`) is never offered: `#Modelle` in Modell.md is no self-link.
 * (Unless another file gives its id too, and this file is not the one named after it: the entry
 * may have taken another's id. The real glossary's CNN.md is offered no `#CNN`, Claude.md, which
 * holds a copy of its entry, is.)
 * With `related`, as the quick fixes and the hover ask, the entries of a narrower or broader term
 * fill the places left (`entryIdsAround`: Artificial-Neural-Network for `#Neural-Network`); the
 * message, worked out for every broken link of the glossary, goes without them.
 */
export function replacementsFor(
  index: WorkspaceIndex,
  { target, label }: Pick<Link, 'target' | 'label'>,
  linkingEntry: { readonly uri: string; readonly id: string | undefined } | undefined,
  { related = false } = {},
): { readonly ids: string[]; readonly preferred?: string; readonly namedByLabel: ReadonlySet<string> } {
  const closestIds = findClosestIds(target, index);
  const own = linkingEntry?.id !== undefined && holdsItsOwnId(index, linkingEntry.id, linkingEntry.uri) ? linkingEntry.id : undefined;
  const others = (ids: readonly string[]): string[] => (own === undefined ? [...ids] : ids.filter((id) => id !== own));
  // "Diffusion Models" for `#Diffusion-Models` (its id being `DiffusionModels`), "Generative
  // Adversarial Network (GAN)" for `#GAN`. (The file name is no such sign: the real glossary's
  // `Claude.md` holds a copy of the entry CNN.)
  const named = others(index.entryIdsNamed(target, maxSuggestedIds + 1)).slice(0, maxSuggestedIds);
  const labelled = others(index.entryIdsNamed(label, maxSuggestedIds + 1));
  const entries = [...new Set([...named, ...labelled])].slice(0, maxSuggestedIds);
  const close = others(closestIds).filter((id) => !entries.includes(id));
  const closest = others(closestIds)[0];
  const preferred =
    named.length === 1 ? named[0]! : named.length === 0 && closest !== undefined && isObviousVariant(target, closest) && entryWithId(index, closest) !== undefined ? closest : undefined;
  const around = related ? others(index.entryIdsAround(target)).filter((id) => !entries.includes(id) && !close.includes(id)) : [];
  const ids = [...entries, ...close, ...around].slice(0, maxSuggestedIds);
  // Suggested for the link's text alone (`[Catastrophic Forgetting](#Transfer-Learning)`): the id itself looks nothing like it.
  const namedByLabel = new Set(ids.filter((id) => labelled.includes(id) && !named.includes(id) && !closestIds.includes(id)));
  return { ids, ...(preferred !== undefined ? { preferred } : {}), namedByLabel };
}

/**
 * Whether the entry `id` in `uri` is the one its id names: no other file gives the id, or this file
 * is named after it. (Definers and file names alone, which the index follows for every file that
 * gives the id: whether a heading elsewhere is an entry is not.)
 */
function holdsItsOwnId(index: WorkspaceIndex, id: string, uri: string): boolean {
  return index.definingDocumentCount(id) === 1 || fileNameId(uri) === id;
}

/** A suggestion that differs from the missing id only in case, hyphens or a plural ending: the writer surely meant it. */
function isObviousVariant(missing: string, suggestion: string): boolean {
  // Hyphens and underscores aside too: `#PromptEngineering` is `#Prompt-Engineering`.
  const a = comparableForm(missing).replace(/[-_]/g, '');
  const b = comparableForm(suggestion).replace(/[-_]/g, '');
  return a === b || singularOf(a) === singularOf(b);
}

/**
 * What a suggested id is, where the id does not tell: one that is no entry's says where it leads
 * (`section "Neurosymbolische Systeme" in Hybrid-AI.md`); with `entryTitles`, an entry's gives its
 * title where that reads otherwise than the id.
 */
export function suggestionNote(index: WorkspaceIndex, id: string, entryTitles: boolean): string | undefined {
  if (entryWithId(index, id) === undefined) return anchorPlace(index, id);
  const title = entryTitles ? titleUntoldById(index, id) : undefined;
  // Of "CNN (Convolutional Neural Network)" beside `CNN`, the part the id does not tell: no parentheses in parentheses.
  const parts = title === undefined ? undefined : parenthesisedParts(title);
  const readsAsId = (text: string): boolean => text.trim().replace(/\s+/g, '-') === id;
  return parts === undefined ? title : readsAsId(parts.name) ? parts.qualifier : readsAsId(parts.qualifier) ? parts.name : title;
}

/**
 * Suggested ids as a message lists them: `Prompt-Engineering, prompt-engineering (section "Prompt
 * Engineering" in Prompt.md)`, `Catastrophic-Forgetting (named by the link's text)`.
 */
export function suggestionsText(index: WorkspaceIndex, ids: readonly string[], namedByLabel: ReadonlySet<string>): string {
  return ids
    .map((id) => {
      const note = namedByLabel.has(id) ? namedByLabelNote() : suggestionNote(index, id, false);
      return note === undefined ? id : `${id} (${note})`;
    })
    .join(', ');
}

/** What a suggestion named by the link's text alone says of itself. */
export function namedByLabelNote(): string {
  return l10n.t("named by the link's text");
}
