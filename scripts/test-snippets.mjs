#!/usr/bin/env node
// Tests for snippets/glossary.code-snippets.
//
// Every snippet is parsed with a small implementation of VS Code's snippet syntax (the subset the
// file may use: $n, ${n}, ${n:default}, ${n|a,b|}, ${n/regex/format/flags}, \ escapes), checked
// for its tab stops (1..n without gaps, one $0), expanded as VS Code would with sample input, and
// the result is read by Pandoc (`pandoc -f markdown -t json`), which must find the structure the
// author's rules ask for (../shared/corpus/ki-glossar/MARKDOWN-STRUCTURE.md).
//
// Usage: node scripts/test-snippets.mjs        (needs pandoc on PATH; exit code 0 when all pass)
//        node scripts/test-snippets.mjs --print "New glossary chapter" ["Title typed into $1"]
//                                             (prints an expansion, for a look or `| pandoc`)

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
// The id the New Entry command proposes for a title (compiled by tsc before the tests run), where no
// link waits for another: a closing parenthesis left out (`Mixture of Experts (MoE)`).
const requireCompiled = createRequire(import.meta.url);
const { newEntryIdFor } = requireCompiled('../out/server/src/index/entryQueries.js');
const { WorkspaceIndex } = requireCompiled('../out/server/src/index/workspaceIndex.js');
const newEntryId = (title) => newEntryIdFor(new WorkspaceIndex(), title);

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const file = join(root, 'snippets', 'glossary.code-snippets');

// ---------------------------------------------------------------- snippet syntax (subset)

/** Parses a snippet body into nodes: strings, {tabstop, children?, choices?, transform?}. */
export function parseSnippet(src) {
  let i = 0;
  const fail = (msg) => { throw new Error(`${msg} at offset ${i} of ${JSON.stringify(src)}`); };
  const int = () => {
    const m = /^\d+/.exec(src.slice(i));
    if (!m) return null;
    i += m[0].length;
    return Number(m[0]);
  };
  // text until one of the stop characters; \ escapes the characters in `escapable`
  const text = (stops, escapable) => {
    let out = '';
    while (i < src.length && !stops.includes(src[i])) {
      if (src[i] === '\\' && escapable.includes(src[i + 1])) { out += src[i + 1]; i += 2; }
      else out += src[i++];
    }
    return out;
  };
  const parseAny = (stops) => {
    const nodes = [];
    while (i < src.length && !stops.includes(src[i])) {
      if (src[i] === '$') {
        i++;
        if (src[i] === '{') {
          i++;
          const n = int();
          if (n === null) fail('variables are not supported');
          if (src[i] === '}') { i++; nodes.push({ tabstop: n }); }
          else if (src[i] === ':') {
            i++;
            const children = parseAny(['}']);
            if (src[i++] !== '}') fail('unclosed placeholder');
            nodes.push({ tabstop: n, children });
          } else if (src[i] === '|') {
            i++;
            const choices = [];
            for (;;) {
              choices.push(text([',', '|'], ['$', '}', '\\', ',', '|']));
              if (src[i] === ',') { i++; continue; }
              if (src[i] === '|' && src[i + 1] === '}') { i += 2; break; }
              fail('bad choice');
            }
            nodes.push({ tabstop: n, choices });
          } else if (src[i] === '/') {
            i++;
            const regex = text(['/'], ['/']);
            if (src[i++] !== '/') fail('bad transform');
            const format = text(['/'], ['/', '$', '\\']);
            if (src[i++] !== '/') fail('bad transform');
            const flags = text(['}'], []);
            if (src[i++] !== '}') fail('bad transform');
            nodes.push({ tabstop: n, transform: { regex: new RegExp(regex, flags), format } });
          } else fail('bad placeholder');
        } else {
          const n = int();
          if (n === null) fail('variables are not supported');
          nodes.push({ tabstop: n });
        }
      } else {
        nodes.push(text(['$', ...stops], ['$', '}', '\\']));
      }
    }
    return nodes;
  };
  const nodes = parseAny([]);
  if (i !== src.length) fail('unexpected }');
  return nodes;
}

function walk(nodes, visit) {
  for (const n of nodes) {
    if (typeof n === 'string') continue;
    visit(n);
    if (n.children) walk(n.children, visit);
  }
}

/**
 * The format string of a transform: $n / ${n} insert capture groups, ${n:+text} inserts text when
 * group n matched, ${n:?if:else} one text or the other; the rest is literal.
 */
function applyFormat(format, match) {
  return format.replace(/\$(\d+)|\$\{(\d+)\}|\$\{(\d+):\+([^}]*)\}|\$\{(\d+):\?([^:}]*):([^}]*)\}/g, (_, a, b, c, ifMatched, d, ifText, elseText) => {
    // As VS Code: a group that matched the empty string counts as not matched.
    if (c !== undefined) return match[Number(c)] ? ifMatched : '';
    if (d !== undefined) return match[Number(d)] ? ifText : elseText;
    return match[Number(a ?? b)] ?? '';
  });
}

/**
 * Expands as VS Code does once the user has typed `values[n]` into tab stop n and tabbed on:
 * a tab stop's value is what the user typed, else its default (placeholder text or first choice);
 * every mirror shows that value, a mirror with a transform shows it transformed.
 */
export function expandSnippet(nodes, values = {}) {
  const defaults = new Map();
  walk(nodes, (n) => {
    if (defaults.has(n.tabstop)) return;
    if (n.children) defaults.set(n.tabstop, n.children);
    else if (n.choices) defaults.set(n.tabstop, [n.choices[0]]);
  });
  const valueOf = (t, seen = new Set()) => {
    if (t in values) return values[t];
    if (seen.has(t)) throw new Error(`tab stop ${t} contains itself`);
    return render(defaults.get(t) ?? [], new Set([...seen, t]));
  };
  const render = (list, seen) => list.map((n) => {
    if (typeof n === 'string') return n;
    if (n.tabstop === 0) return '';
    const v = valueOf(n.tabstop, seen);
    if (!n.transform) return v;
    const { regex, format } = n.transform;
    return v.replace(regex, (...m) => applyFormat(format, m));
  }).join('');
  return render(nodes, new Set());
}

// ---------------------------------------------------------------- pandoc

function pandocJson(markdown) {
  const r = spawnSync('pandoc', ['-f', 'markdown', '-t', 'json'], { input: markdown, encoding: 'utf8' });
  if (r.error) throw new Error(`pandoc could not be run (${r.error.code}): install it, e.g. apt-get install -y pandoc`);
  if (r.status !== 0) throw new Error(`pandoc failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}
const inlineText = (x) => {
  if (Array.isArray(x)) return x.map(inlineText).join('');
  if (!x || typeof x !== 'object') return '';
  if (x.t === 'Str') return x.c;
  if (x.t === 'Space' || x.t === 'SoftBreak') return ' ';
  return inlineText(x.c);
};
const collect = (x, type, out = []) => {
  if (Array.isArray(x)) x.forEach((y) => collect(y, type, out));
  else if (x && typeof x === 'object') {
    if (x.t === type) out.push(x);
    if ('c' in x) collect(x.c, type, out);
  }
  return out;
};
const headers = (doc) => doc.blocks
  .map((b, index) => ({ b, index }))
  .filter(({ b }) => b.t === 'Header')
  .map(({ b, index }) => ({ index, level: b.c[0], id: b.c[1][0], classes: b.c[1][1], text: inlineText(b.c[2]) }));
/** The links in the blocks after header h, up to the next header. */
const linksAfter = (doc, h) => {
  const next = headers(doc).find((x) => x.index > h.index);
  return collect(doc.blocks.slice(h.index + 1, next ? next.index : undefined), 'Link').map((l) => l.c[2][0]);
};
/** Grid-table lines must all be as long as the border, with | only where the border has +. */
function checkGridTables(markdown) {
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!/^\+[-=:+]+\+$/.test(lines[i])) continue;
    const border = lines[i];
    for (let j = i + 1; j < lines.length && /^[|+]/.test(lines[j]); j++) {
      const l = lines[j];
      if (l.length !== border.length) return `table line ${j + 1} is ${l.length} wide, the border ${border.length}`;
      for (let c = 0; c < l.length; c++) {
        if ((l[c] === '|' || l[c] === '+') && border[c] !== '+') return `table line ${j + 1}: ${l[c]} at column ${c + 1} is not under a +`;
      }
    }
    while (i + 1 < lines.length && /^[|+]/.test(lines[i + 1])) i++;
  }
  return null;
}

// ---------------------------------------------------------------- tests

if (process.argv[2] === '--print') {
  const all = JSON.parse(readFileSync(file, 'utf8'));
  const s = all[process.argv[3]];
  if (!s) { console.error(`no snippet named ${JSON.stringify(process.argv[3])}; there are: ${Object.keys(all).join(', ')}`); process.exit(2); }
  process.stdout.write(expandSnippet(parseSnippet([].concat(s.body).join('\n')), process.argv[4] ? { 1: process.argv[4] } : {}) + '\n');
  process.exit(0);
}

let passed = 0;
let failed = 0;
function test(name, fn) {
  try { fn(); passed++; console.log(`  ok   ${name}`); }
  catch (e) { failed++; console.log(`  FAIL ${name}\n       ${String(e.message).replace(/\n/g, '\n       ')}`); }
}
function assert(cond, msg) { if (!cond) throw new Error(msg); }
function eq(actual, expected, what) {
  assert(JSON.stringify(actual) === JSON.stringify(expected), `${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

let snippets;
test('the file is valid JSON with prefix, body and description for every snippet', () => {
  snippets = JSON.parse(readFileSync(file, 'utf8'));
  for (const [name, s] of Object.entries(snippets)) {
    const prefixes = [].concat(s.prefix ?? []);
    assert(prefixes.length > 0 && prefixes.every((p) => typeof p === 'string' && /^[\w-]+$/.test(p)), `${name}: prefix`);
    assert(typeof s.body === 'string' || (Array.isArray(s.body) && s.body.every((l) => typeof l === 'string')), `${name}: body`);
    assert(typeof s.description === 'string' && s.description.length > 20, `${name}: description`);
  }
  for (const name of ['New glossary chapter', 'Explanation section', 'Haiku table', 'See-also section', 'Internal link']) {
    assert(snippets[name], `missing snippet "${name}"`);
  }
});
if (!snippets) process.exit(1);

const bodyOf = (name) => [].concat(snippets[name].body).join('\n');

// VS Code has no translations for snippet files: the German prefixes are snippets of their own,
// named and described in German, with the very bodies of the English ones.
const germanOf = {
  'New glossary chapter': 'Neues Glossar-Kapitel',
  'Explanation section': 'Beschreibungsabschnitt',
  'Haiku table': 'Haiku-Tabelle',
  'See-also section': 'Siehe-auch-Abschnitt',
  'Internal link': 'Interner Link',
};
test('each German snippet has the body of its English one, and no prefix is offered twice, nor one of VS Code\'s own Markdown snippets', () => {
  for (const [english, german] of Object.entries(germanOf)) {
    assert(snippets[german], `missing snippet "${german}"`);
    eq(bodyOf(german), bodyOf(english), `${german}: the body of ${english}`);
  }
  const prefixes = Object.values(snippets).flatMap((s) => [].concat(s.prefix));
  eq(prefixes.filter((p, k) => prefixes.indexOf(p) !== k), [], "prefixes offered twice");
  // VS Code's own Markdown snippets (its markdown-basics extension) come first under the same prefix: `link` gave `[text](https://)`.
  const builtIn = ['bold', 'italic', 'quote', 'code', 'fenced codeblock', 'heading1', 'heading2', 'heading3', 'heading4', 'heading5', 'heading6', 'unordered list', 'ordered list', 'horizontal rule', 'link', 'image', 'strikethrough', 'inline math', 'fenced math'];
  eq(prefixes.filter((p) => builtIn.includes(p)), [], "prefixes of VS Code's own Markdown snippets");
});
const parsed = {};
for (const name of Object.keys(snippets)) {
  test(`${name}: parses; tab stops 1..n without gaps and one $0`, () => {
    parsed[name] = parseSnippet(bodyOf(name));
    const stops = new Set();
    let zeros = 0;
    walk(parsed[name], (n) => { if (n.tabstop === 0) zeros++; else stops.add(n.tabstop); });
    eq(zeros, 1, '$0 count');
    const sorted = [...stops].sort((a, b) => a - b);
    eq(sorted, sorted.map((_, k) => k + 1), 'tab stops');
  });
}

const title = 'Open und Closed Source';
const mirroredId = 'Open-und-Closed-Source';
test('New glossary chapter: the transform turns the typed title into the id', () => {
  const nodes = parsed['New glossary chapter'];
  const out = expandSnippet(nodes, { 1: title });
  assert(out.startsWith(`## ${title} {#${mirroredId} .chapter .small .term}\n`), `first line: ${out.split('\n')[0]}`);
  eq(expandSnippet(nodes, { 1: 'Data  Scraping\tTool' }).split('\n')[0], '## Data  Scraping\tTool {#Data-Scraping-Tool .chapter .small .term}', 'runs of blanks');
  // Brackets and punctuation are left out as the New Entry command proposes, a closing parenthesis too, and pandoc reads the id.
  const titles = ['DL (Deep Learning)', 'Trust & Safety', 'C++', 'Was ist KI?', 'Large Action Model (LAM)', 'Input/Output', 'Mensch–Maschine', 'Rock’n’Roll',
    '„Quoted“ Term', 'KI: Grundlagen', 'A+B', 'A - B', 'GPT-4o', 'Node.js', 'snake_case', '«Agent»', 'Prompt-Engineering (PE) …', 'Q&A-Bot', 'Tokenizer: BPE & Co.', '3D usw. .', '.NET', '(.NET) Core', '. 3D', 'x {y} [z] <w> | #1 ~ ^ ` $ % @ = ; !'];
  titles.push('3D Modeling', '5G', '_Privat', 'A × B', 'Preis €', 'Marke™', 'A → B', 'Wort‐Binde', 'x‑y', 'emoji 🎉 x', 'Ωμέγα Σ', 'Straße (ß)');
  // Letters and digits of every script, as New Entry keeps them.
  titles.push('Föderiertes Lernen (FL)', 'A (B) (C)', 'A.(B)', 'A!  (B)  ', '!! (LLM)', '(FL)', 'A (B).', 'A (B) x');
  titles.push('深度学习', '大規模 言語モデル (LLM)', 'تعلم الآلة', '٣ أبعاد', 'עברית', 'ภาษาไทย', '한국어 모델', 'Ⅻ Apostel');
  for (const typed of titles) {
    const id = newEntryId(typed);
    // Pandoc reads an id beginning with a digit or _ only as id="…", which New Entry writes too.
    const attribute = /^[\p{N}_]/u.test(id) ? `{id="${id}"` : `{#${id}`;
    eq(expandSnippet(nodes, { 1: typed }).split('\n')[0], `## ${typed} ${attribute} .chapter .small .term}`, typed);
    // Braces, or an underscore that opens emphasis in the title, make the heading text, whatever the id.
    if (!/[{}_]/.test(typed)) eq(pandocJson(expandSnippet(nodes, { 1: typed })).blocks.find((block) => block.t === 'Header')?.c[1][0], id, `pandoc reads the id of ${typed}`);
  }
});
test('New glossary chapter: the id mirrored as the title is typed is New Entry\'s, for every title of up to 5 characters of letters, digits, dots, blanks, hyphens and punctuation', () => {
  const nodes = parsed['New glossary chapter'];
  const alphabet = ['a', 'ö', '1', '_', '.', ' ', '-', '?'];
  const differing = [];
  const visit = (typed) => {
    if (typed.trim() !== '' && newEntryId(typed) !== '') {
      const id = newEntryId(typed);
      const expected = `${/^[\p{N}_]/u.test(id) ? `id="${id}"` : `#${id}`} .chapter`;
      const line = expandSnippet(nodes, { 1: typed }).split('\n')[0];
      if (line !== `## ${typed} {${expected} .small .term}`) differing.push(`${JSON.stringify(typed)}: ${line}, New Entry: ${expected}`);
    }
    if (typed.length < 5) for (const character of alphabet) visit(typed + character);
  };
  visit('');
  eq(differing.slice(0, 10), [], `${differing.length} titles`);
});
test('New glossary chapter: $0 is at the very end, after the closing ----', () => {
  const body = bodyOf('New glossary chapter');
  assert(/\n----\n\$0$/.test(body), 'body does not end in ----, $0');
});
test('New glossary chapter: Pandoc reads the expansion as a complete entry', () => {
  const md = expandSnippet(parsed['New glossary chapter'], { 1: title });
  const tableError = checkGridTables(md);
  assert(!tableError, tableError);
  const doc = pandocJson(md);
  const hs = headers(doc);
  eq({ level: hs[0]?.level, id: hs[0]?.id, classes: hs[0]?.classes, text: hs[0]?.text },
    { level: 2, id: mirroredId, classes: ['chapter', 'small', 'term'], text: title }, 'chapter header');
  assert(doc.blocks[hs[0].index + 1].t === 'Para' && collect(doc.blocks[hs[0].index + 1], 'Strong').length, 'summary line ***…*** after the heading');
  const oneLiners = doc.blocks.find((b) => b.t === 'BulletList');
  assert(oneLiners, 'no list of one-liners');
  eq(oneLiners.c.map((item) => inlineText(item).replace(/^.*\(/, '(')), ['(ChatGPT)', '(Claude)', '(Grok)'], 'one-liners');
  assert(oneLiners.c.every((item) => collect(item, 'Quoted').length || /[“"]/.test(inlineText(item))), 'one-liners are quoted');
  assert(hs.some((h) => h.level === 3 && h.classes.includes('explanation')), 'no ### … {.explanation}');
  const haiku = hs.find((h) => h.classes.includes('haiku'));
  assert(haiku && haiku.level === 3 && haiku.text === `KI-Haikus zu ${title}`, 'no ### KI-Haikus zu <title> {.haiku}');
  const tables = collect(doc.blocks, 'Table');
  eq(tables.length, 1, 'tables');
  const table = tables[0];
  eq(table.c[2].length, 3, 'table columns');
  eq(collect(table.c[3], 'Plain').map(inlineText), ['Claude', 'ChatGPT', 'Grok'], 'table header');
  assert(inlineText(table.c[1]).includes(`Haikus zu ${title}`), 'table caption');
  assert(collect(table.c[4], 'LineBreak').length === 6, 'each haiku cell has three lines (two \\ line breaks)');
  const seealso = hs.find((h) => h.classes.includes('seealso'));
  assert(seealso && seealso.level === 3, 'no ### … {.seealso}');
  assert(seealso.index > doc.blocks.indexOf(table), 'the see-also section comes after the haiku table');
  const links = linksAfter(doc, seealso);
  assert(links.length >= 2, 'see-also has no links');
  eq(links.at(-1), '#Index', 'last see-also link');
  eq(doc.blocks.at(-1).t, 'HorizontalRule', 'closing ----');
});
test('Explanation section: an H3 with class explanation and text', () => {
  const doc = pandocJson(expandSnippet(parsed['Explanation section']));
  const [h] = headers(doc);
  eq([h.level, h.classes, h.text], [3, ['explanation'], 'Beschreibung'], 'header');
  eq(doc.blocks.at(-1).t, 'Para', 'text after the heading');
});
test('Haiku table: an H3 with class haiku and a 3-column grid table Claude | ChatGPT | Grok', () => {
  const md = expandSnippet(parsed['Haiku table'], { 1: 'Data Scraping' });
  const tableError = checkGridTables(md);
  assert(!tableError, tableError);
  const doc = pandocJson(md);
  const [h] = headers(doc);
  eq([h.level, h.classes, h.text], [3, ['haiku'], 'KI-Haikus zu Data Scraping'], 'header');
  const [table] = collect(doc.blocks, 'Table');
  assert(table, 'no table');
  eq(collect(table.c[3], 'Plain').map(inlineText), ['Claude', 'ChatGPT', 'Grok'], 'table header');
});
test('See-also section: an H3 with class seealso whose last link is #Index', () => {
  const doc = pandocJson(expandSnippet(parsed['See-also section'], { 1: 'Data Scraping', 2: 'Data-Scraping' }));
  const [h] = headers(doc);
  eq([h.level, h.classes], [3, ['seealso']], 'header');
  eq(linksAfter(doc, h), ['#Data-Scraping', '#Index'], 'links');
});
test('Internal link: [Label](#Id)', () => {
  eq(expandSnippet(parsed['Internal link'], { 1: 'Data Scraping', 2: 'Data-Scraping' }), '[Data Scraping](#Data-Scraping)', 'expansion');
  const doc = pandocJson(expandSnippet(parsed['Internal link'], { 2: 'Data-Scraping' }));
  const [link] = collect(doc.blocks, 'Link');
  eq([inlineText(link.c[1]), link.c[2][0]], ['Label', '#Data-Scraping'], 'link');
});
test('the expander itself: escapes, choices, nested defaults, transforms', () => {
  eq(expandSnippet(parseSnippet('a\\$1 \\} \\\\ ${1:x ${2:y}} $2 ${3|p,q|} ${1/(x)\\s/$1-/g}$0'), { 2: 'Z' }),
    'a$1 } \\ x Z Z p x-Z', 'expansion');
});

console.log(`snippets: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
