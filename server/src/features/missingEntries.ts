import { indexId } from '../diagnostics/seeAlsoChecks';
import { WorkspaceIndex } from '../index/workspaceIndex';
import { MissingEntry } from '../protocol';
import { proposeEntryId } from './newEntry';

/**
 * The ids that links point at but no heading defines, most referenced first, then by id; not
 * `#Index`, which the index page defines when it is read (`index-anchor-missing` tells when not).
 */
export function missingEntries(index: WorkspaceIndex): MissingEntry[] {
  const missing: MissingEntry[] = [];
  for (const id of index.linkedIds()) {
    // `[label](#)` names no id, and so no entry to make.
    if (id !== '' && id !== indexId && !index.isDefined(id)) {
      const links = index.linksTo(id);
      missing.push({ id, title: titleForMissingId(id, links.map(({ link }) => link.label)), referenceCount: links.length, fileCount: index.documentsLinkingTo(id).length });
    }
  }
  return missing.sort((a, b) => b.referenceCount - a.referenceCount || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The heading text for an entry that links point at: the label the links use most among those
 * that name the id (`[Self-Attention](#Self-Attention)`, `[GPT-4V](#GPT-4v)`), with the first
 * letter of the id, else the id with
 * spaces for hyphens (a label such as "hier" names no entry).
 */
export function titleForMissingId(id: string, labels: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const label of labels) {
    const title = label.replace(/\s+/g, ' ').trim();
    if (proposeEntryId(title).toLowerCase() === id.toLowerCase()) counts.set(title, (counts.get(title) ?? 0) + 1);
  }
  let best: [title: string, count: number] | undefined;
  for (const [title, count] of counts) {
    if (best === undefined || count > best[1] || (count === best[1] && title < best[0])) best = [title, count];
  }
  // A label in running text may start in lower case ("die [models](#Models)"); a heading starts as its id does.
  if (best === undefined) return id.replace(/-/g, ' ');
  const initial = (text: string): string => String.fromCodePoint(text.codePointAt(0)!);
  return initial(id) + best[0].slice(initial(best[0]).length);
}
