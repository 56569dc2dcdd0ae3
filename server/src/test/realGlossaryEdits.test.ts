import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { resolveConfig } from '../config';
import { allDiagnosticCodes } from '../diagnostics/codes';
import { computeDiagnostics } from '../diagnostics/computeDiagnostics';
import { findClosestIds } from '../index/closestIds';
import { WorkspaceIndex } from '../index/workspaceIndex';
import { GlossaryDocument } from '../parse/model';
import { parseGlossaryDocument } from '../parse/parser';
import { seededRandom } from '../seededRandom';
import { corpusFiles } from './corpus';
import { comparable, ComparableDiagnostic, uriOf } from './support/tinyWorkspace';
import { fileNameIdUnlikeEntry } from '../index/entryQueries';

// The editor republishes only the files an update names as affected. On the real glossary, random
// edits of the kinds a writer makes (an entry's id or title changed, an id close to a missing one
// renamed, a link pointed elsewhere, a label of the index page changed, a section's heading a level
// up, a span giving an entry's id, the term class or see-also class dropped, a file deleted,
// restored or created under a missing id, the `{#Index}` heading added): after each, the
// diagnostics so kept must equal those of a fresh index of the same files, in every file, for every
// code but the prose scan (which the session refreshes on its own). Leaving out any one rule of `WorkspaceIndex`'s affected files fails this test (each was tried);
// that a heading's level is part of a relabelled id is tested in workspaceIndex.test.ts alone.
const config = resolveConfig({
  severity: Object.fromEntries(allDiagnosticCodes.map((code) => [code, code === 'unlinked-mention' ? 'off' : 'information'])),
}).config;

type Texts = Map<string, string>;
/** An edit of a file's text: the new text of the file named, or of the file it names itself. */
type Edit = (texts: Texts, name: string) => string | readonly [string, string] | undefined;

const steps = 150;

test('random edits of the real glossary: the diagnostics of the affected files equal a fresh index\'s in every file', () => {
  const original: Texts = new Map(corpusFiles().map((file) => [path.basename(file), fs.readFileSync(file, 'utf8')]));
  const texts: Texts = new Map(original);
  const random = seededRandom(11);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const names = [...original.keys()];
  const parse = (name: string, text: string, version: number): GlossaryDocument => parseGlossaryDocument(text, uriOf(name), version, { termClass: config.termClass });

  const documents = new Map<string, GlossaryDocument>([...texts].map(([name, text]) => [name, parse(name, text, 1)]));
  const indexOfDocuments = (): WorkspaceIndex => {
    const index = new WorkspaceIndex();
    documents.forEach((document) => index.update(document));
    return index;
  };
  const index = indexOfDocuments();
  const diagnose = (name: string, of: WorkspaceIndex): ComparableDiagnostic[] => computeDiagnostics(of.document(uriOf(name))!, of, config).map(comparable);
  const kept = new Map([...documents.keys()].map((name) => [name, diagnose(name, index)]));

  /** Ids that links write and no heading gives, as the index knows them now. */
  const brokenTargets = (): string[] => [...new Set([...documents.values()].flatMap((document) => document.links.map((link) => link.target)))].filter((id) => id !== '' && !index.isDefined(id));
  const firstHeadingId = /\{#([^\s}]+)/;
  const edits: Readonly<Record<string, Edit>> = {
    // The entry's id: the file's name, a letter dropped, a plural.
    entryId: (current, name) => {
      const text = current.get(name)!;
      const id = firstHeadingId.exec(text)?.[1];
      if (id === undefined) return undefined;
      const next = pick([path.parse(name).name, id.slice(0, -1), `${id}s`]);
      return text.replace(`{#${id}`, `{#${next}`);
    },
    // The entry's title: another entry's, one that a broken link names, or a word more.
    title: (current, name) => {
      const text = current.get(name)!;
      const other = /^##? ([^{\n]+)\{/m.exec(current.get(pick(names)) ?? '')?.[1];
      const named = `${pick(brokenTargets()).replace(/-/g, ' ')} `;
      return text.replace(/^(##? )([^{\n]+)\{/m, (_, marks: string, title: string) => `${marks}${pick([other ?? title, named, `${title.trim()} (neu) `])}{`);
    },
    // An id close to a missing one (which its links suggest) renamed or taken away.
    closeId: (current) => {
      const close = findClosestIds(pick(brokenTargets()), index).filter((id) => index.anchorsOf(id).some((located) => located.anchor.explicit));
      if (close.length === 0) return undefined;
      const id = pick(close);
      const name = index.anchorsOf(id)[0]!.uri.slice(uriOf('').length);
      if (!current.has(name)) return undefined;
      return [name, current.get(name)!.replace(`{#${id}`, pick([`{#${id}x`, '{']))];
    },
    // A link pointed at a defined id, a missing one, a file's name, or a misspelling of its own.
    relink: (current, name) => {
      const text = current.get(name)!;
      const targets = [...text.matchAll(/\]\(#([^)\s]*)\)/g)];
      if (targets.length === 0) return undefined;
      const chosen = pick(targets);
      const defined = [...documents.values()].flatMap((document) => document.anchors.map((anchor) => anchor.id));
      const next = pick([pick(defined), pick(brokenTargets()), path.parse(pick(names)).name, `${chosen[1]!}x`, chosen[1]!.slice(1)]);
      return text.slice(0, chosen.index) + `](#${next})` + text.slice(chosen.index + chosen[0].length);
    },
    // A label of the index page (which lists an entry by its title too): another entry's title, or a word more.
    indexLabel: (current) => {
      const name = index.indexPageUri()?.slice(uriOf('').length);
      const text = name === undefined ? undefined : current.get(name);
      const labels = text === undefined ? [] : [...text.matchAll(/\[([^\]\n]+)\]\(#/g)];
      if (labels.length === 0) return undefined;
      const chosen = pick(labels);
      const title = pick([...documents.values()].flatMap((document) => document.entries.map((entry) => entry.title)));
      return [name!, text!.slice(0, chosen.index) + `[${pick([title, `${chosen[1]!} neu`])}](#` + text!.slice(chosen.index + chosen[0].length)];
    },
    // A section's heading a level up (a heading then, no section), or as it was.
    headingLevel: (current, name) => {
      const text = current.get(name)!;
      return text === original.get(name) ? text.replace('\n### ', '\n## ') : original.get(name)!;
    },
    // A span giving the id of an entry whose file is named otherwise, or taken away: while it stands, renaming that entry after its file would not take the links to the file's name.
    spanId: (current, name) => {
      const text = current.get(name)!;
      const span = /\n\nSiehe \[dort\]\{#[^}]+\}\.\n$/.exec(text);
      if (span !== null) return text.slice(0, span.index) + '\n';
      const misnamed = [...documents.values()].filter((document) => fileNameIdUnlikeEntry(document) !== undefined);
      return misnamed.length === 0 ? undefined : `${text}\n\nSiehe [dort]{#${pick(misnamed).entries[0]!.id}}.\n`;
    },
    // The term class taken away, or given back.
    termClass: (current, name) => {
      const text = current.get(name)!;
      return text.includes(' .term}') ? text.replace(' .term}', '}') : original.get(name)!;
    },
    // The see-also section no longer marked as one, or marked again.
    seeAlso: (current, name) => {
      const text = current.get(name)!;
      return text.includes('{.seealso}') ? text.replace('{.seealso}', '{.related}') : original.get(name)!;
    },
    // The `{#Index}` heading that the see-also lists link to, added at the top, or taken away.
    indexHeading: (current, name) => {
      const text = current.get(name)!;
      return text.startsWith('# Index {#Index}\n\n') ? text.slice('# Index {#Index}\n\n'.length) : `# Index {#Index}\n\n${text}`;
    },
  };

  let created = 0;
  const applied = new Map<string, number>();
  for (let step = 0; step < steps; step++) {
    const roll = random();
    let name: string;
    let text: string | undefined;
    let kind: string;
    if (roll < 0.1) {
      // A file deleted, or one deleted before restored.
      const deleted = names.filter((candidate) => !texts.has(candidate));
      kind = deleted.length > 0 && random() < 0.5 ? 'restore' : 'delete';
      name = kind === 'restore' ? pick(deleted) : pick([...texts.keys()]);
      text = kind === 'restore' ? original.get(name) : undefined;
    } else if (roll < 0.2) {
      // A new file named after a missing id: the entry it should be, or a copy of another under its name.
      kind = 'create';
      const target = pick(brokenTargets().filter((id) => /^[\p{L}\p{N}-]+$/u.test(id)));
      name = `${target}.md`;
      text = random() < 0.5 ? `## ${target.replace(/-/g, ' ')} {#${target} .chapter .small .term}\n\nNeu.\n` : texts.get(pick([...texts.keys()].filter((other) => other.endsWith('.md'))))!;
      if (!original.has(name)) {
        names.push(name);
        original.set(name, text);
        created++;
      }
    } else {
      kind = pick(Object.keys(edits));
      name = pick([...texts.keys()]);
      const edited = edits[kind]!(texts, name);
      if (edited === undefined) continue;
      [name, text] = typeof edited === 'string' ? [name, edited] : edited;
      if (text === texts.get(name)) continue;
    }
    applied.set(kind, (applied.get(kind) ?? 0) + 1);
    let affected: ReadonlySet<string>;
    if (text === undefined) {
      texts.delete(name);
      documents.delete(name);
      kept.delete(name);
      affected = index.remove(uriOf(name)).affectedUris;
    } else {
      texts.set(name, text);
      documents.set(name, parse(name, text, step + 2));
      affected = index.update(documents.get(name)!).affectedUris;
    }
    for (const uri of affected) {
      const affectedName = uri.slice(uriOf('').length);
      if (documents.has(affectedName)) kept.set(affectedName, diagnose(affectedName, index));
    }
    const fresh = indexOfDocuments();
    for (const current of documents.keys()) {
      assert.deepEqual(kept.get(current), diagnose(current, fresh), `step ${step}: ${current} after ${kind} of ${name}`);
    }
  }
  // Every kind of edit came up, and files were created.
  assert.deepEqual([...applied.keys()].sort(), ['create', 'delete', 'restore', ...Object.keys(edits)].sort());
  assert.ok(created > 0);
});
