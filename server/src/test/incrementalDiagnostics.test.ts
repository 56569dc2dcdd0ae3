import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { resolveConfig } from '../config';
import { computeDiagnostics } from '../diagnostics/computeDiagnostics';
import { allDiagnosticCodes } from '../diagnostics/codes';
import { parseGlossaryDocument } from '../parse/parser';
import { seededRandom } from '../seededRandom';
import { comparable, entryLines, indexOf, uriOf } from './support/tinyWorkspace';

// The editor republishes only the files an update names as affected. Random updates and removals of
// small files (entries that link each other or ids that do not exist, an index page, notes without
// entries, so that the workspace keeps becoming a glossary and ceasing to be one): after each, the
// diagnostics so kept must equal those of a fresh index of the same files, for every code but the
// prose scan, which the session refreshes on its own.
const config = resolveConfig({
  severity: Object.fromEntries(allDiagnosticCodes.map((code) => [code, code === 'unlinked-mention' ? 'off' : 'information'])),
}).config;

const variants: Readonly<Record<string, readonly (readonly string[])[]>> = {
  'Apfel.md': [
    // A link close to README.md's #details, which becomes and ceases to be an entry's.
    entryLines('Apfel', 'Apfel', ['[Birne](#Birne)'], ['Siehe [D](#Detail).']),
    entryLines('Apfel', 'Apfel', ['[Birnen](#Birnen)', '[Apfel](#Apfel)']),
    // Its file's name is the id the links to #Apfel write: they say that renaming #Apfl mends them, while nothing else defines it.
    entryLines('Apfel', 'Apfl', []),
    [...entryLines('Apfel', 'Apfel', ['[Birne](#Birne)'], ['Siehe [Quitte](#Quitte).']), '', ...entryLines('Apfel, zweite Fassung', 'Apfel', [])],
    // The heading lower down: the other definitions of a duplicate id point at it.
    ['<!-- Entwurf -->', '', ...entryLines('Apfel', 'Apfel', ['[Birne](#Birne)'])],
  ],
  'Birne.md': [
    entryLines('Birne', 'Birne', ['[Apfel](#Apfel)']),
    entryLines('Birne', 'Birnen', ['[Quitte](#Quitte)']),
    ['## Birne {#Birne}', '', 'Kein Eintrag.'],
    ['## Birne {#Birne .chapter .small .term}', '', 'Ohne Siehe-auch.'],
    ['## Birne {#Birne .chapter .small .term}', '', '### Siehe {.seealso}', '', '[Quitte](#Quitte) |'],
    // An index link written #index: the list's last, unless a heading defines #index (notes.md), which makes it a term out of order.
    ['## Birne {#Birne .chapter .small .term}', '', '### Siehe {.seealso}', '', '[Quitte](#Quitte) |', '[Index](#index) |'],
    // The same twice: a link to #Quitte, and one to the index unless a heading defines #index.
    ['## Birne {#Birne .chapter .small .term}', '', '### Siehe {.seealso}', '', '[Index](#index) |', '[Quitte](#Quitte) |', '[Quitten](#Quitte) |', '[Index](#index) |'],
    // A link without its separator, which runs into the next.
    ['## Birne {#Birne .chapter .small .term}', '', '### Siehe {.seealso}', '', '[Quitte](#Quitte)', '[Index](#index) |'],
  ],
  'Quitte.md': [
    entryLines('Quitte', 'Quitte', ['[Birne](#Birne)', '[Apfel](#Apfel)'], ['```sh', 'x', '```']),
    entryLines('Quitte', 'Quitte', [], ['### Details', '', 'Mehr.']),
    // The same section's id written: a link to `Quitte.md#details` leads to it now (file-link's fix), no longer to an automatic id.
    entryLines('Quitte', 'Quitte', [], ['### Details {#details}', '', 'Mehr.']),
    // A section heading and a code block glued to the text above them: pandoc reads them as text.
    entryLines('Quitte', 'Quitte', ['[Birne](#Birne)'], ['Text.', '### Details {#Details}', '', 'Mehr:', '~~~', 'x', '~~~']),
    // Titles that broken links elsewhere name, by their ids or labels: their messages suggest these entries.
    entryLines('Quitten', 'Quitte-Frucht', ['[Birne](#Birne)']),
    entryLines('Gelbe Birne (GB)', 'Gelbe-Birne', ['[Apfel](#Apfel)']),
    // A fence left open: in the book it runs on into the next files.
    [...entryLines('Quitte', 'Quitte', ['[Birne](#Birne)']), '', '~~~', 'x'],
    // A section below the see-also list.
    [...entryLines('Quitte', 'Quitte', ['[Birne](#Birne)']), '', '### Nachtrag', '', 'Mehr.'],
    // Two sentences on a line.
    entryLines('Quitte', 'Quitte', ['[Birne](#Birne)'], ['Die Quitte ist gelb. Sie duftet.']),
    // A grid table whose row is wider than its border lines.
    entryLines('Quitte', 'Quitte', ['[Birne](#Birne)'], ['+-----+', '| Gelb und rund |', '+-----+']),
    // A line break that is a carriage return alone: pandoc joins the lines.
    entryLines('Quitte', 'Quitte', ['[Birne](#Birne)'], ['Die Quitte ist gelb.\rSie duftet.']),
    // A section between the haikus and the see-also list.
    entryLines('Quitte', 'Quitte', ['[Birne](#Birne)'], ['### KI-Haikus zu Quitte {.haiku}', '', 'Gelb.', '', '### Nachtrag {.explanation}', '', 'Mehr.']),
    // An entry named as Agent.md's second one: multiple-entries says there that this file holds it too.
    entryLines('Agenten', 'Agenten-Eintrag', ['[Birne](#Birne)']),
    // The same entry retitled in case alone, which the message there quotes; and another term under Agent.md's second entry's id.
    entryLines('agenten', 'Agenten-Eintrag', ['[Birne](#Birne)']),
    entryLines('Ganz Anderes', 'A2', ['[Birne](#Birne)']),
    // A section written as a chapter.
    entryLines('Quitte', 'Quitte', ['[Birne](#Birne)'], ['## Herkunft {.explanation}', '', 'Persien.']),
    // The same links to #Apfel once more: an orphan named Apfel.md counts them.
    entryLines('Quitte', 'Quitte', ['[Birne](#Birne)'], ['Siehe [Apfel](#Apfel).']),
    entryLines('Quitte', 'Quitte', ['[Birne](#Birne)'], ['Siehe [Apfel](#Apfel) und [A](#Apfel).']),
  ],
  // Two entries whose names differ by an ending, in either order, and an abbreviation: a broken link
  // naming "Agent" names both, whatever their order.
  'Agent.md': [
    [...entryLines('Agent', 'A1', []), '', ...entryLines('Agenten', 'A2', [])],
    [...entryLines('Agenten', 'A2', []), '', ...entryLines('Agent', 'A1', [])],
    entryLines('Agents (AG)', 'A1', []),
    ['Agenten, noch ohne Eintrag.'],
  ],
  '000-index.txt': [
    ['# Index {#Index}', '', '### A {.index}', '', '[Apfel](#Apfel) |'],
    ['# Register', '', '### B {.index}', '', '[Birne](#Birne) |'],
    // Entries listed under broken ids that clearly mean them, while they are entries of those ids.
    ['# Index {#Index}', '', '### B {.index}', '', '[Birnen](#Birnen) |', '[GB](#Gelbe-Birnen) |', '[Quitte](#quitte) |'],
  ],
  'notes.md': [['Notizen.', '', '```', 'code', '```', '', '[Apfel](#Apfel)'], ['# Notizen', '', 'Siehe [Quitte](#Quitte).'], ['Siehe [GB](#Gelb-Birne) und [Quitten](#Quittenbaum).'], ['Siehe [Agent](#Zzzzzz) und [AG](#Agentur).'], ['### Details', '', 'Siehe [d](#details).'], ['## Apfel {#Apfel}', '', 'Notiz.'], ['## Apfel {#Apfl}', '', 'Notiz.'], ['Vorweg.', '', '### Details', '', 'Siehe [d](#details).'], ['Siehe [D](#Detail).'], ['## Register {#index}', '', 'Notiz.'], ['Siehe [Birne](Birne.md), [D](Quitte.md#Details) und [I](000-index.txt).'], ['Siehe [B](birne.md), [A](agent.MD#A2), [D](Quitte.md#details) und [N](Nirgends.md).'], ['Siehe [Apfel] (#Apfel), [[Birne]], [](#Quitte), [A](Apfel) und [Birne]{#Birne}.'], ['Siehe [Q][Quitte-Frucht], [Gelbe-Birne], [Apfel] und [B][Birne].']],
  // notes.md's last two link files by their paths (file-link): they lead to the first entry of Birne.md
  // (which Birne.md's variants change), named in its case or another, to Quitte.md's #Details and
  // Agent.md's #A2 where they have them, to the index page's #Index; or to no file of the glossary.
  // Its last two: links pandoc reads as text or as nothing to click (link-syntax), one without its # (file-link), a span
  // taking a heading's id, which is then said to be a link meant; references to ids, text unless a heading is titled so.
  // A span's id: a duplicate-anchor with a heading's, no ambiguous-link (only headings are numbered).
  // A broken link's message says where a suggested section id leads: the heading's text and element count, or
  // that it is an entry's.
  'README.md': [['# Projekt', '', 'Text.'], ['Text ohne Überschrift, mit [Link](#Nirgends).'], ['# Projekt {#details}', '', 'Text.'], ['# Vorhaben {#details}', '', 'Text.'], ['# Projekt {#details .chapter .small .term}', '', 'Text.'], ['Ein [Projekt]{#details}.']],
};

test('random updates and removals: the diagnostics of the affected files equal a fresh index\'s, also when the workspace gains or loses its last entry', () => {
  const random = seededRandom(3);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const names = Object.keys(variants);
  const files: Record<string, readonly string[]> = { 'notes.md': variants['notes.md']![0]!, 'README.md': variants['README.md']![0]! };
  const index = indexOf(files, config);
  const diagnose = (name: string, of = index) => computeDiagnostics(of.document(uriOf(name))!, of, config).map(comparable);
  const kept = new Map(Object.keys(files).map((name) => [name, diagnose(name)]));
  let switches = 0;
  const seenCodes = new Set<string>();
  for (let step = 0; step < 1000; step++) {
    const name = pick(names);
    const hadEntries = index.hasEntries();
    let affected: ReadonlySet<string>;
    if (files[name] !== undefined && random() < 0.3) {
      delete files[name];
      kept.delete(name);
      affected = index.remove(uriOf(name)).affectedUris;
    } else {
      files[name] = pick(variants[name]!);
      affected = index.update(parseGlossaryDocument(files[name]!.join('\n'), uriOf(name), step + 2, { termClass: config.termClass })).affectedUris;
    }
    if (index.hasEntries() !== hadEntries) switches++;
    for (const uri of affected) {
      const affectedName = uri.slice(uriOf('').length);
      if (files[affectedName] !== undefined) kept.set(affectedName, diagnose(affectedName));
    }
    const fresh = indexOf(files, config);
    for (const current of Object.keys(files)) {
      const expected = diagnose(current, fresh);
      assert.deepEqual(kept.get(current), expected, `step ${step}: ${current} after ${name} changed`);
      for (const diagnostic of expected) seenCodes.add(diagnostic.code);
    }
  }
  assert.ok(switches >= 10, `the workspace became a glossary or ceased to be one ${switches} times`);
  assert.deepEqual(allDiagnosticCodes.filter((code) => !seenCodes.has(code) && code !== 'unlinked-mention'), [], 'every code came up');
});

test('an entry of a file named as a broken index link stops being listed by it when another file copies it: not-in-index comes to every entry of its id', () => {
  const files: Record<string, readonly string[]> = {
    '001-index.txt': ['# Index {#Index}', '', '### A {.index}', '', '[Transformer](#Transformer) |'],
    // Listed by #Transformer, its file's name, until another file holds an entry of its id and title.
    'Transformer.md': entryLines('Netz', 'Anthropic', []),
    'Agent.md': [...entryLines('Agent', 'Agent', []), '', ...entryLines('KI', 'Anthropic', [])],
    'Claude.md': entryLines('Netz', 'KI', []),
  };
  const index = indexOf(files, config);
  const diagnose = (name: string, of = index) => computeDiagnostics(of.document(uriOf(name))!, of, config).map(comparable);
  const kept = new Map(Object.keys(files).map((name) => [name, diagnose(name)]));
  for (const title of ['Netz', 'Netz 2', 'Netz']) {
    files['Claude.md'] = entryLines(title, 'Anthropic', []);
    const affected = index.update(parseGlossaryDocument(files['Claude.md'].join('\n'), uriOf('Claude.md'), 2, { termClass: config.termClass })).affectedUris;
    for (const uri of affected) kept.set(uri.slice(uriOf('').length), diagnose(uri.slice(uriOf('').length)));
    const fresh = indexOf(files, config);
    for (const name of Object.keys(files)) assert.deepEqual(kept.get(name), diagnose(name, fresh), `${name} after Claude.md became "${title}"`);
  }
  assert.ok(kept.get('Transformer.md')!.some((diagnostic) => diagnostic.code === 'not-in-index'));
});
