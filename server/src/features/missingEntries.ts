import { WorkspaceIndex } from '../index/workspaceIndex';
import { MissingEntry } from '../protocol';
import { escapeMarkdown } from './markdownText';
import { headingTextOf } from './newEntry';
import { indexId } from '../index/indexPage';
import { proposeEntryId } from '../index/idRules';

/**
 * The ids that links point at but no heading defines, most referenced first, then by title in the
 * glossary's collation; not `#Index`, which the index page defines when it is read
 * (`index-anchor-missing` tells when not).
 */
export function missingEntries(index: WorkspaceIndex, collator: Intl.Collator): MissingEntry[] {
  const missing: MissingEntry[] = [];
  for (const id of index.linkedIds()) {
    // `[label](#)` names no id, and so no entry to make.
    if (id !== '' && id !== indexId && !index.isDefined(id)) {
      const links = index.linksTo(id);
      missing.push({ id, title: titleForMissingId(id, links.map(({ link }) => link.label)), referenceCount: links.length, fileCount: index.documentsLinkingTo(id).length });
    }
  }
  return missing.sort((a, b) => b.referenceCount - a.referenceCount || collator.compare(a.title, b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The heading text for an entry that links point at: the label the links use most among those
 * that name the id (`[Self-Attention](#Self-Attention)`, `[GPT-4V](#GPT-4v)`, `[CI/CD](#CI--CD)`), its
 * first letter as the id's, else the id with a space for each run of hyphens (a label such as
 * "hier" names no entry). Written
 * so that pandoc reads the label back (see `headingTextOf`).
 */
export function titleForMissingId(id: string, labels: readonly string[]): string {
  // Hyphens aside: they stand for what an id cannot hold (`CI--CD` for "CI/CD", whose proposed id is `CICD`).
  const comparable = (text: string): string => text.toLowerCase().replace(/-/g, '');
  const counts = new Map<string, number>();
  for (const label of labels) {
    const title = label.replace(/\s+/g, ' ').trim();
    if (comparable(proposeEntryId(title)) === comparable(id)) counts.set(title, (counts.get(title) ?? 0) + 1);
  }
  let best: [title: string, count: number] | undefined;
  for (const [title, count] of counts) {
    if (best === undefined || count > best[1] || (count === best[1] && title < best[0])) best = [title, count];
  }
  const fromId = id.replace(/-+/g, ' ');
  if (best === undefined) return headingTextOf(fromId) ?? escapeMarkdown(fromId);
  // A label in running text may start in lower case ("die [models](#Models)"); a heading starts as its id does.
  // Its first letter, that is: a label may begin with a quotation mark or a bracket ("„Copilot“").
  const initial = String.fromCodePoint(id.codePointAt(0)!);
  const title = best[0].replace(/[\p{L}\p{N}]/u, (first) => (first.toLowerCase() === initial.toLowerCase() ? initial : first));
  return headingTextOf(title) ?? headingTextOf(fromId) ?? escapeMarkdown(fromId);
}
