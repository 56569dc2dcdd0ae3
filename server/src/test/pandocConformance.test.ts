/**
 * The parser agrees with pandoc on what is an id (of a heading or another element) and what is an internal link: on every
 * file of the real glossary, on corner cases the glossary does not contain, and on generated text.
 */

import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseGlossaryDocument } from '../parse/parser';
import {
  blockTexCommands,
  inlineTexCommands,
  texCommandArguments,
  texCommandsNeedingArgument,
  texCommandsReadingOn,
  texCommandsToGroupEnd,
  texCommandsWithoutOptions,
  texCommandsWithTokenArgument,
  texDefinitionCommands,
} from '../parse/texCommands';
import { corpusFiles } from './corpus';
import { generateDocument, generateElementDocument, generateEmphasisHeading, random } from './generate';
import { mapLimited, pandocFactsOfText, pandocReadingOfFile, pandocSeeAlsoLinksRunTogether, pandocTextsOfText, type PandocFacts, type PandocTexts } from './pandoc';

function ourFacts(text: string): PandocFacts {
  const document = parseGlossaryDocument(text, 'file:///test.md', 1);
  return { ids: document.anchors.map((a) => a.id), links: document.links.map((l) => l.target) };
}

/**
 * Heading texts and link labels as the parser reads them. Pandoc's `smart` extension curls quotes
 * and puts a no-break space after abbreviations such as `vs.`, which the titles shown in the editor
 * do not; the real glossary's texts are compared without them.
 */
function ourTexts(text: string): PandocTexts {
  const document = parseGlossaryDocument(text, 'file:///test.md', 1);
  return { headings: document.headings.map((h) => h.plainText), linkLabels: document.links.map((l) => l.label) };
}

function withoutSmartTypography(texts: PandocTexts): PandocTexts {
  const plain = (s: string) => s.replace(/[\u201c\u201d]/g, '"').replace(/[\u2018\u2019]/g, "'").replace(/\u00a0/g, ' ');
  return { headings: texts.headings.map(plain), linkLabels: texts.linkLabels.map(plain) };
}

test('every file of the real glossary has the ids, link targets, heading texts and link labels pandoc finds, in order', async () => {
  const files = corpusFiles();
  assert.equal(files.length, 347);
  const expected = await mapLimited(files, 4, pandocReadingOfFile);
  let links = 0;
  files.forEach((file, k) => {
    const text = fs.readFileSync(file, 'utf8');
    const actual = ourFacts(text);
    assert.deepEqual(actual, expected[k].facts, path.basename(file));
    assert.deepEqual(withoutSmartTypography(ourTexts(text)), withoutSmartTypography(expected[k].texts), path.basename(file));
    links += actual.links.length;
  });
  assert.equal(links, 5780);
});

/** Texts whose blanks pandoc joins, escapes, breaks and math; pandoc decides each. */
const textCases: readonly string[] = [
  '## Data  Scraping \t x `a  b` A\\ B $p  q$ C {#ds}\n\nSee [Large   Language\n  Model](#LLM) and [a\\\n   b  *c*](#x) and [ref  key][r].\n\n[r]: #R\n',
  '## *Ein*  **Titel** mit [Link  Text](#a) und ~~weg~~ {#t}\n\n- [Liste\n    eingerückt](#b) |\n',
  // an escaped space before the attribute block or the closing #s is the title's last character (a no-break space)
  '### Dritte \\ {.explanation}\n\n### Vierte \\  {#v}\n\n### Fünfte \\ ##\n\n### Sechste \\\\ {#s}\n',
  // a backslash that ends the line is a hard line break; blanks after it make it an escaped space
  '### Siebte \\\n\n### Achte \\  \n\nNeunte \\\n------\n\n### Zehnte \\\\\n\n### Elfte \\ \\\n',
];

test('heading texts and link labels: blanks joined as pandoc joins them', async () => {
  const expected = await mapLimited(textCases, 4, pandocTextsOfText);
  textCases.forEach((text, k) => assert.deepEqual(ourTexts(text), expected[k], JSON.stringify(text)));
});

/** Corner cases the real glossary does not contain; pandoc decides each. */
const cornerCases: readonly string[] = [
  // an inline note `^[…]` is no link's label, and its text may hold links; a superscript before a link is none
  '2^10^[A](#A) and ^[A [n](#N)]^[B [n](#M)][Label](#Target) and [^1]^[Anmerkung [in note](#In-Note)]\n\na^b^c^[x](#X)\n\na^[x](#X)^b^[y](#Y)\n\n^[n]x^2^[a](#A)\n\n## [^1]^[Anmerkung [in note](#In-Note)] {.explanation}\n',
  // `- --` is a rule, not a list item: it goes on the item's text, and so does the heading under it
  '- a\nb\n- --\n# Data {#data}\n\n> a\n```\n```\n- x\n\n    [m](#Multi)\n',
  'Ein Satz.^[Quelle: Wikipedia][Mehr zu Alpha](#Alpha)\n\nSatz^[Anmerkung](#Nirgends)\n\n2^10^[A](#A)\n\nx\\^[B](#B)\n\na^[see [C](#C) here] and [D](#D)\n\na ^[E](#E)\n\n^[x `]` y][F](#F)\n',
  // automatic identifiers
  '# A\n# A\n# A {#a-1}\n# A',
  '# 123 Start\n# *Emph* and `code`\n# ???\n# \n# Ünïcödé Straße\n# a.b_c-d e\n# Émoji 🎉 here',
  // each character lowered alone (a final Σ is σ); words split at Haskell's spaces, not at U+2028, U+2029 or U+FEFF
  '# ΟΔΟΣ Σ\n# AΣ b\n# İstanbul\n# ǅemal\n# A\u2028B\n# C\u00a0D\n# E\u2009F\n# G\u2029H \ufeffI\u0085J\n# K\u3000L\u1680M',
  // emphasis as Pandoc pairs it: no `_` opens right after a word (dots in it) or a closed emphasis; a label is read apart
  '# **a**_b_ c\n# *a*_b_ d\n# x_y__z_ e\n# a._b_ f\n# ._b_ g\n# a.._b_ h\n# x..._b_ i\n# ***a** b* j\n# [*a](#l)* k\n# [a_b_](#m)_c_ l',
  '# snake_case_name and _emph_ word\n\n# a--b and a---b and a...b\n\n# Tom&amp;Jerry &auml;',
  '# [Link](#x) in heading\n\n# Note[^1] here\n\n[^1]: the note',
  '# C# {#csharp}\n\n# Title ## {#closed}\n\n# Trailing ##\n\n# Hash#inside',
  // an escaped space at the end of a title, before an attribute block or closing #s
  '### Siebte \\ {.x}\n\n### Achte \\ ##\n\n### Neunte\\ {.y}\n',
  "# It's \"quoted\"\n\n# Math $x^2$ here\n\n# <span>html</span> text",
  // attribute blocks
  '# H {-}\n# H2 {.unnumbered}\n# H3 {#id3 .a key=val}\n# H4 {  #id4  }\n# H5 {#a.b:c}\n# H6 {#ä}',
  '## T {.term #Id}\n\n## T {#Id2 key="a b" k2=v}\n\n## T {#Id3 .a.b}\n\n## T {}\n\n## T {.a} {#b}',
  '## T \\{#b}\n\n## T {#b}x\n\n## T {#123}\n\n## T {id=viakey}\n\n## T {#}',
  // a quoted value starts with no blank (else the quote is an unquoted value's, and the block text); a quote never closed is a value's character
  '## A {#a k="x}\n\n## B {#b key=}\n\n## C {#c data-x=it\'s}\n\n## D {#d k=a{b}\n\n## E {#e title="a \\"q\\" b"}\n\n## F {#f title=" leading space"}\n\n## G {#g k=\' x\'}\n\n## H {#h k="" .x}',
  // setext headings and rules
  'Setext\n======\n\nTwo {#two}\n---\n\npara\n\n----\n\n[x](#after-hr)',
  // headings need a blank line before them, and no indentation
  'para\n# not heading\n\n  # indented\n\n    # code',
  // code, math and raw HTML hold no links
  'text\n```\n[x](#in-fence)\n```\n\n~~~\n[y](#tilde)\n~~~\n\n```\n[z](#unclosed)',
  '`[x](#code)` ``a ` [y](#in) b`` [z](#out) $[m](#math)$ $ [n](#notmath)$',
  '<!-- [x](#comment) -->\n\n<!--\n[y](#block-comment)\n-->\n[z](#after)',
  'text <!-- [x](#a)\n\n[z](#z) --> [y](#b)',
  '<pre>\n[x](#pre)\n</pre>\n\n<div>\n[y](#indiv)\n</div>\n\n<span>[z](#span)</span> <a href="#raw">[w](#inhtml)</a>',
  // A closing tag of an inline element ends no paragraph, open element or not; an opening tag cut at its line is text.
  'Text\n<hr>\n\nPara\n</em>Setext {#s}\n---\n\n<div>\n\nPara\n</em>Setext {#t}\n---\n\n</div>\n\nText\n<pre class="a"\n[x](#x)\n</pre>',
  // Block-level and verbatim HTML interrupt a paragraph at any indentation; a comment does not; at a block's start, three spaces at most.
  'Text\n<pre>\n[x](#inpre)\n</pre> after [a](#after)\n\nText\n    <script>[y](#inscript)</script>\n\nText\n<div>\n[z](#indiv)\n</div>\n\nText\n<!-- [c](#comment) -->\n[d](#d)\n\n   <pre>[e](#e3)</pre>\n\n    <pre>[f](#code)</pre>\n\n<PRE class="x">one [g](#g)\ntwo İİ</PRE> after [h](#h)\n\nText\n</div>\n[i](#i)',
  '```{=html}\n<a href="#raw">[x](#rawblock)</a>\n```\n\n[y](#ok)',
  // Pandoc's inline parser ends a paragraph at a block-level or verbatim tag anywhere in a line, not in a link's label or in code;
  // a verbatim element runs past blank lines to its closing tag, which may hold spaces; a tag may span lines; unclosed, it stands alone.
  'Text <pre>[x](#x)</pre> and [a](#a)\n\nText [label\n<div>](#kept) `code\n<pre>` [b](#b)\n\nText <pre>\n\n[y](#y)\n\n</pre > [c](#c)\n\nText <textarea\nrows=2>[z](#z)</textarea>\n\n<pre\n class="a">[w](#w)</pre>\n\n* item <script>[s](#s)</script> [d](#d)\n\nText *a <style>[t](#t)</style> b* \\<pre>[e](#e)\n\n<pre> unclosed [u](#u)',
  // Which tags end a paragraph, and which begin raw HTML at a block's start, differ: pandoc's lists, measured.
  'Text </div>\n# After Div {#after-div}\n\nText <video>\n# Not After Video\n\nText </script>\n# Not After Script\n\n<del>[x](#x)</del>\n# After Del {#after-del}\n\n<dialog>\n# Not After Dialog\n\nText <meta>\n# After Meta\n\nText <iframe>\n# Not After Iframe',
  '<span title="[x](#a)">t</span> <my-el a="[y](#b)"> [z](#c)',
  // What Pandoc skips after raw HTML: after an opening tag the spaces, the line break and the next line's indentation; after a
  // closing tag or a comment the spaces; after <div> or a verbatim element nothing. An element opened in a container closes with it.
  'a </p>    [a](#a)\n\n<section>\n    [b](#b)\n</section>\n\n<hr/>\n    [c](#c)\n\n<!-- x -->    [d](#d)\n\n<pre>x</pre>    [code](#code)\n\n</p>\n    [code2](#code2)\n\n<td>[e](#e)</td> <td>    [f](#f)</td>\n\n> <video>\n> `</video>`\n\na </video>    [g](#g)',
  // A heading whose text holds a tag that ends a paragraph is none; a reference link's label keeps a tag from ending it, as an inline link's does.
  '## K {#k} <div>\n\n# Head <pre>x</pre> {#h}\n\n## Kept `<div>` {#kept}\n\n[a <div> b]\n\nx [a <hr> b][] y\n\n[a <div> b]: #z\n[a <hr> b]: #z2',
  // A `<!--` in code or in an attribute value opens no comment; a closing tag that closes its element, and `<pre/>`, are followed
  // by nothing skipped; an element opened in a quote stays open outside it only if opened outside; indented, a comment is inline.
  'Text `<!--` <hr> a\n\n# H {#h}\n\n[x](#x) -->\n\nText <span title="<!--"> <hr> a\n\n# H2 {#h2}\n\n-->\n\n<p>a</p> # No\n\n<section>\n[s](#s)\n</section>    [y](#y)\n\n<pre/> # No2\n\n# K {#k title="a <div> b"}\n\n<ins>\n> a </ins> b\n\nc </ins>\n# After {#after}\n\n  <!-- c --> # No3\n\nText <summary>x</summary>    [z](#z)',
  // Before each block of an HTML element's content Pandoc removes the indentation of the line after its opening tag.
  '<details>\n  # H {#h}\n\n  ## K {#k}\n</details>\n\n<section>\n  a\n\n    [x](#x)\n\n      [code](#code)\n</section>\n\n<p>\n  # Open {#open}\n',
  // a line break in a link's destination is a space of its URL: a title right after it is the URL's, after spaces it is a title
  '[a](#x\n"title") [b](#y\n  "t2") [c](#z "t\nx") [d](#w \n"t") [e](#v\n\'t\' ) [f](#u\n) [g](#s\nmore)',
  // five spaces or more after a list marker: the item's content starts one column after it, as indented code
  '-     code [a](#x)\n\n1.      [b](#y)\n\n-    [c](#z)\n\n-     code\n  [d](#d)\n\n-      [e](#e)\n      [f](#f)\n\n-      \n  [g](#g)\n\n1)     [h](#h)\n\n>  -     [i](#i)',
  // a note's lines lose four columns of indentation or none: `[^1]: # X` is no heading, as ` # X` is none
  '[^1]: # X {#x}\n\n[^2]: ::: {#d}\nx\n:::\n\n[^3]: <!-- c -->\n## H ##\n\n[^4]:    # W {#w}\n\n[^5]:\n  # Z {#z}\n\n[^6]: a\n\n    b\n   # K {#k}\n\n[^1] [^2] [^3] [^4] [^5] [^6]',
  // a note referenced only from notes is not shown; a line starting with a note's reference ends the note before it
  'a [^1] b\n\n[^1]: x [^2] [y](#y)\n\n[^2]: [z](#z) {#z2}\n\n[^3]: self [^3] [s](#s)\n\n[^4]: [o](#o)\n[^4] and [p](#p)',
  // the next item of an ordered list is an item, not a setext heading's text; a fenced block ends the item before it
  '1. a\n2. b\n--\n===\n~~~sh\n[A](#B) |\n~~~\n### Data Scraping {.explanation}\n\n1. a\n2) b\n--\n===\n~~~\n[C](#C)\n~~~\n\n#. a\n\n#. b\n--\nx\n```\n[E](#E)\n```',
  // a simple table with a header cuts its lines at the columns of its dashes (it needs a row); a line block ends at a line without `|` or a space
  '[text\n- --\nline](#M)\n\n[te xt\n---- ----\nli ne](#N)\n\nx [a](#a1) y\n--- ---\n[b](#b1) c\n--- ---\n\n[o](#O) --\n- -- --\n\n- [p](#P) --\n- -- --\n```\nc\n```',
  '| a [x](#x)\n| b\n  c [y](#y)\nd [e](#e)\n\n| [m\nline](#m)\n\n|\n| a\n\n | a [w](#w)\n\n> | q [v](#v)\n> | r\n\n| a |\n[multi\n- --\nline](#Multi)',
  // bracketed text is one piece whose inside is read apart: an unpaired `*` or `_` there opens no emphasis around it
  '## Glob-Muster [*.md] {#Glob}\n\n## Wildcard [*] {#Wildcard}\n\n## Platzhalter [_] {#P}\n\n## _a [b_]{.c} d {#x}\n\n## _a^[b_] c {#y}\n\n## _a [b_] c\n\n## *a [b* c](#l) d* e\n\n## x [^1] *y [^ z* w\n\n[^1]: n',
  // a table ends at any line of dashes; a multiline table's first row follows its header's dashes; a setext underline makes `## A` a setext heading
  'Term    Def\n------  ------\n[a](#b) [c](#d)\n------  ------\n## After {#after}\n\n---- ----\nx    y\n---- ----\n## H {#h}\n\n---- ----\nx    y\n---- ----\n## H2 {#h2}\n\n-------\nHead  [A](#A1)\n---- --\nrow1  a\n\nrow2  [b](#b1)\n-------\n\n## x ##\n----\n---',
  // a div's closing fence ends a table inside it: no row runs over it
  '::: {.note}\n--\n:::\nab\n---\n\n::: {.note}\nT  D\n-- --\n[a](#a) b\n:::\n[c](#c) d\n\n::: {.x}\n---- ----\nr1   [e](#e)\n:::\n---- ----',
  // the items of an ordered list keep its style: `i.` is a roman numeral, `j.` a letter
  'i. a\nj. b\n--\n\nv. a\nvi. b\n--\n\ni. a\nii. b\n--\n\na. x\ni. y\n--',
  // table columns count display width: wide characters take two, combining marks none
  'Begriff   Link\n-------   ----\n日本語語語 [a](#b)\nＡＡＡＡＡ [c](#d)\na\u0308a\u0308a\u0308a\u0308a\u0308a\u0308a\u0308a\u0308 [e](#f)\n❤❤❤❤❤❤❤❤❤❤[g](#h)',
  // tabs: Pandoc expands them to four columns before it parses
  '>\t[quoted](#q)\n\n>\t [q2](#q2)\n\n- item\n\n   \t[continued](#c)\n\n-\titem [a](#a)\n\n\tmore [m](#m)\n\n\t[code](#code)\n\n  \t[code2](#code2)\n\n# Tab\theading\t{#tab\tid}',
  // link forms
  '[x](#a b) [y](<#a b>) [z](#a\\_b) [w](#Caf%C3%A9) [v](#Café)',
  '[a [b](#c) d](#e) [[x]](#f) ![img](#img) [![img](#i2)](#outer)',
  '[multi\nline\n*label*](#ml) [x](#t "title") [y](#u \'t\') [z]( #v )',
  '[x]\n(#nospace) [x] (#space) \\[x](#esc) [y\\](#esc2)',
  '[x](#a){.cls} [y]{#span} [@cite](#c)',
  '[ref]\n\n[ref]: #target\n[x][ref] [y][REF] [z][] [w][missing]',
  '[Ref]: #r1 "t"\n[ref]: #r2\n\n[x][ref]',
  // A title block holds three `%` lines, each going on over indented lines: a fourth is text.
  '% Titel\n  weiter\n% Ich\n% 2026\n  mehr\n% vierte [x](#y)\n\n# H',
  // A definition's label may go on over lines, blank ones too, with its brackets balanced; a label left open defines nothing.
  'See [x][die Biene], [y][a b c], [z][a [b] c], [w][p q], [v][open].\n\n[die\nBiene]: #Bb\n\n[a\nb\nc]:\n#abc "T"\n\n[a [b] c]: #nested\n\n[p\n\nq]: #pq\n\n[open [x]: #no\n\n- [in\n  list]: #li\n\n  See [u][in list].',
  '# Heading Text\n\n[Heading Text] and [heading text][] and [Other]\n\n[Later Heading]\n\n# Later Heading',
  // containers
  '> # In Quote\n> [x](#q)\nlazy [y](#lazy)',
  '- # In List\n- [x](#l)\n\n  # H in item\n\n      [y](#item-code)\n\n1. one\n2. two [z](#o)',
  '- item\n\n    [x](#listcont)\n\n        [y](#listcode)',
  // lines starting with a letter or with emphasis: ordered-list markers of letters, bullets, rules, setext headings
  'a. # In letter item {#li}\n\niv) # Roman {#ri}\n\nB. # Initial {#bi}\n\nB.  # Two spaces {#b2}\n\nText. # not {#t}\n\n*emph* # not\n\n* # In bullet {#sb}\n\n_x_\n===\n\n***\n\n**bold** [b](#bold)\n\nÜber) # not {#u}',
  'Term [t](#term)\n\n:   Def [d](#def)\n\n    # H {#dh}',
  '[^1]\n\n[^1]: note [x](#fn)\n\n    # In note {#noteh}',
  '::: {.div}\n# In div {#divh}\n[x](#div)\n:::',
  '| a | b |\n|---|---|\n| [x](#pipe) | y |',
  // an inline tag left open at a heading's end takes in the lines up to its `>`, and stays out of the automatic id
  '# K <span\n>\n[x](#x)\n\n# K <span\n title="[y](#y)">\n[z](#z)\n\n# K <span\n>\n\n# L <em\n\n>\n\nS <span title="a\n===\nb">\n\n[w](#w)',
  // a comment left open at a heading's end, closed on a later line (text after it is read for its links only: see headingTail.test)
  '# K <!-- x\n[l](#z) -->\n\n[y](#y)\n\nS <!-- x\n===\n-->',
  // a pipe-table cell is plain text only: a tag that ends a paragraph ends the cell's text
  '| a <pre>[h](#h)</pre> | b |\n|---|---|\n| <div>[x](#x)</div> | [z](#z) <hr> [w](#w) |\n| [y](#y) <span> [v](#v) | `<div>` [u](#u) |',
  // a heading's text holding a tag that ends a paragraph is no heading, also when the tag closes on a later line
  '# K <div\n>\n[x](#x)\n\n# K2 <div\n\n>\n\n# K3 <div {#k3}\n>\n\nS <div>\n===\n\n[y](#y)\n\nS2 <hr>\n---\n\n# K4 <div class="x"\n  id="y">\n[z](#z)\n\n# K5 <div\nfoo>\n\nS3 <span>\n===',
  '+------------+-----+\n| [a](#ga)   | b   |\n+============+=====+\n| [c](#gc)   | d   |\n+------------+-----+',
  // simple and multiline tables bounded by lines of dashes: no headings inside, cells cut at the columns
  '----\n## A\n[x](#a)\n\n[y](#b)\n----\n\n## After',
  'x\n\n-----  -----\n[ab](#c) [de](#f)\n-----  -----\n',
  '----\nHeader\n--- ---\n[a](#x) [b](#y)\n----\n',
  '   ----\nA [x](#a)\n   ----\n',
  '- --\n  [x](#in-item)\n  --\n\n## A\n\n----\n\n## B',
  // an unclosed div fence or comment is text; a reference title on the next line
  '::: {.note}\n---\n\n<!--\n===',
  '[ref]: #Ref-Id\n"quoted"\n## H {#Id}\n\n[ref]: #Other\n  (paren)\n[ref]',
  '% Title [x](#title)\n% Author\n\n[y](#body)',
  '---\ntitle: "[x](#yaml)"\n---\n\n[y](#body)',
  // only a mapping is metadata: a sentence or a list between lines of dashes is Markdown
  '---\nMehr dazu [A](#A).\n\n---\n\n---\n- a [q](#q)\n---\n\n---\n# c\nkey: x [z](#z)\n---\n\n---\nx [m](#m)\n---',
  '---\n  title: x [a](#a)\n---\n\n---\n{title: x, b: "[b](#b)"}\n---\n\n---\n? complex\n: value [c](#c)\n---\n\n---\n!!map\nt: x [d](#d)\n---\n\n---\n[e, f]\n---\n\n[g](#g)',
  // a comment opened in a list item runs on over blank lines to its `-->`; in a quote it does not
  '- item <!-- x\n\n## Next {#Next}\n\n[a](#a) more -->\n\n## After {#After}\n\n> q <!-- y\n\n## Q {#Q}\n\n[b](#b) -->',
  // emphasis delimiters in math, code or a link of a heading leave its attribute block alone
  '## Vorhersage $\\hat{y}_i$ {#Vorhersage .chapter}\n\n### Aufruf mit `*args` {#Aufruf}\n\n### Formel $E = m*c^2$ {#formel}\n\n### Link [a*](#q) {#lnk}\n\n### Real *open {#notid}',
  // an emphasis run pandoc cannot close reads the rest of the heading, its attribute block too, as text; one it closes does not
  '## T **a* {#a1}\n\n## T *a** {#a2}\n\n## T ***a** {#a3}\n\n## T ***a* {#a4}\n\n## Real *a**b* {#a5}\n\n## T *a** b* {#a6}\n\n## T a*b {#a7}\n\n## T _a {#a8}',
  '## T **a**b* {#b1}\n\n## T *a*b** {#b2}\n\n## T **a*** {#b3}\n\n## T ~~a {#b4}\n\n## T ~a {#b5}\n\n## T *a **b** c* {#b6}\n\n## T ***a*** {#b7}\n\n## T **a *b* c** {#b8}\n\n## T ____a {#b9}\n\n## T *a_b* {#b10}\n\n## T ~~*a~~ {#b11}',
  // every HTML5 named entity, with its semicolon; raw HTML beginning with <br is a blank in an id
  '### Encoder &rarr; Decoder\n\n### Fran&ccedil;ois\n\n### &bdquo;Attention&ldquo; ist alles\n\n### A &notit; B &notin; C &amp D\n\n[x](#Fran&ccedil;ois)',
  '### Lange<br/>Überschrift\n\n### E<BR>F\n\n### G<brx>H\n\n### I <br> J',
  // ids of elements other than headings; a span's id does not count when pandoc numbers automatic ids
  '[x]{#a}\n\n# A\n\n# A',
  '::: {#d .note}\n## H {#h}\n:::\n\n```{#c .py}\nx\n```\n\nA `c`{#cs} and [l](#h){#lk} and ![i](p.png){#im} and [s [in]{#inner}]{#outer}',
  'para\n::: {#d}\ntext\n:::\n\n::: d\ntext\n:::\n\n:::: {#e}\n::: {#f}\nx\n:::\n::::',
  '[a [b]{#x} c](#y){#z}\n\n# [sp]{#q} head\n\n[a [b](#y) c]{#sp}\n\n`x` {#no}\n\n[r]{#rr}\n\n[r]: #target',
  '> ::: {#qd}\n> [x](#y)\n> :::\n\n- item\n\n  ``` {#li}\n  code\n  ```\n\n[![alt [l](#q)](i.png){#img}](#x){#lnk}',
  '[a[^1]](#x)\n\n[^1]: note [n](#z) [s]{#ns}\n\n    ::: {#indented}',
  // an attribute block right after code, a link, an image or a span is theirs, not the heading's
  '## Logo ![x [l](#q)](l.png){#logo}\n\n## Code `c`{.py}\n\n## Span [s]{#s}\n\n## Link [b](#c){#d}\n\n## Spaced [b](#c) {#e}\n\n## Stray ]{#f}',
  // ids written with escapes; autolinks take attributes; raw code is no text; a div's fences stand at the margin
  'Text [s]{id=a\\_b} and `c`{id="d\\.e"}.\n\n<http://x.org>{#auto .b} and <me@x.org>{#mail}\n\n# H <http://x.org>{#a}\n\n# A <http://a.b>{.c} B\n\n# A `c`{=html}\n\n# `c x`{=html} {.x}\n\n[c `x`{=html}](#y)',
  '   ::: {#d}\n   x\n   :::\n\n::: {#e}\nx\n   :::\n\n::: {#f}\nx\n :::\n:::\n\n- item\n\n  ::: {#li}\n  x\n  :::',
  // a fence's attribute block may go on to the next lines, with its id, but not over a blank line
  '``` {.python .numberLines\n    startFrom="10"}\nx = d[k](#y)\n\nprint(x)\n```\n\n# After',
  '::: {.a title="}"\n#dq}\nx\n:::\n\n## H {.a title="}"\n#hq}',
  '``` {.python\n  #code-id}\nx\n```\n\n- item\n\n  ~~~ {.py\n    #li-code .x}\n  x\n  ~~~\n\n``` {.python .numberLines\n    startFrom="10" id="q"}\nx\n```\n\n``` {.python\n\n #a}\nx\n```\n\n``` {\n.python\n#b\n}\nx\n```\n\n``` py{\n#c}\nx\n```',
  // `![x]{#s}` is no span, and no image: at a heading's end the block is the heading's; no autolink in a link's label
  'a ![x]{#s} b\n\n## A ![x]{#h}\n\n[a <http://x.y>{#al} c](#y)',
  // a link in an image's description is a link
  '![a [b](#x) c](p.png)',
  // raw HTML spans and divs with an id are pandoc's spans and divs when their closing tag follows
  '<span id="x">Text</span> and <a id="z"></a> <span id="open">no close\n\na <span id="a">x <span id="b">y</span> z</span>\n\n## Foo <span id="hs">bar</span>\n\n[link <span id="q">in</span>](#t)',
  '<span id="a&amp;b">b</span> <span id="x"/> <SPAN ID=Up class="c d">u</SPAN> <span id="x2">`</span>`</span> <span id="d1" id="d2">d</span>',
  '<div id="y">\nInner\n</div>\n\n<div id="yy">Inner</div>\n\nPara\n<div id="z">\nx\n</div>\n\n  <div id="i">\nx\n</div>\n\n- item\n\n  <div id="l">\n  x\n  </div>',
  '<div class="c" id=\'v\'>\n<div id="n">\nx\n</div>\n</div>\n\n<div id="a">\n<div id="b">\nx\n</div>\n\n<DIV ID="u">\n\n[a](#b)\n\n</DIV>\n\n<div id="open">\nno close',
  // a reference definition's attribute block gives the link that uses it its id; title and attributes may stand on the next lines
  '[r] and [s][t]\n\n[r]: #t {#lk .c}\n[t]: #u "title" {#lk2}\n\n[v] [w] [x] [y]\n\n[v]: #t\n  {#v1}\n[w]: #t "ti"\n{#w1}\n[x]: #t {#x1}\n{#x2}\n[y]: #t\n"ti"\n{#y1}',
  '[r] [r]{#own}\n\n[r]: #t {#lk}\n\n[u]: #t {#unused}\n\n[e]: https://x.org {#ext}\n\n[e]\n\n[z]: #t\n\n{#p}\n\n[z]\n\n[q]:\n#t {#q1}\n\n[q]\n\n![im]\n\n[im]: p.png {#imref}',
  // a div's tags in code, a comment, a table cell or a note pair with none outside; a tag may go on over lines
  '<div id="box">\n\nUse `<div>` here.\n\n</div>\n\n<div id="box2">\n\n~~~\n<div>\n~~~\n\n    <div>\n\n<!-- <div> -->\n\n</div>',
  '<div id="x1">\n`</div>`\n\n<div id="x2">\n    </div>\n\n<div id="x3">\n~~~\n</div>\n~~~\n\n<div id="x4">\n\n| a | b |\n|---|---|\n| </div> | c |\n\n<div id="x5">\n\n[^1]\n\n[^1]: </div>',
  '<div\nid="m1">\ny\n</div>\n\n<div id="m2"\n>\ny\n</div>\n\n<div class="a"\n  id=\'m3\' title="t">\n\ny\n\n</div>',
  // a comment or tag left open at a heading's end closes on a later line: the text after it is the heading's, and so is an attribute block there
  '# M <!-- x\n[l](#z2) --> [t](#t)\n\n# N <span x\n> [u](#u)\n\n# M <!-- x\ny --> t {#mm .c}\n\n# N <span x\n> u {#nn}\n\n# O <span x\n> [u](#u) {.c}',
  // an ATX heading's attribute block, or a span's in it, may go on over the next lines; not over a blank line, not with text after it, not after an open emphasis
  '## H {.a\n#h}\nmore [m](#h)\n\n# I {.a\n.b\n  title="x}y"\n  #i}\n\n## J {#j0} {.b\n#j}\n\n## [x]{.a\n#sp}\n\n> ## Q {.a\n#q}\n\n- ## L {.a\n  #l}',
  '## H {.a\n#h} x\n\n## K {.a\n\n#k}\n\n## M {.a\n## N {#n}\n\n## *E {.a\n#e}\n\n## F \\{.a\n#f}\n\nS {.a\n#s}\n---',
  // so may a fenced div's: then only colons may follow it, and the div needs its closing fence
  '::: {.note\n#n}\nx [a](#n)\n:::\n\n::: {.a\n.b\n#m\n} :::\nx\n:::\n\n::: {.a\ntitle="}"\n#t}\nx\n:::\n\n- item\n\n  ::: {.n\n  #li}\n  x\n  :::\n\n::: {.x\n#after} x\ny\n:::\n\n::: {.y\n#open}\nx',
  // a TeX command right before a heading's attribute block takes it as its argument (a backslash typed for a slash)
  '## Input\\Output {#io}\n\n## A \\textbf {#tb}\n\n## C\\\\D {#cd}\n\n## `a\\b` {#code}\n\n## Und\\Oder{#uo .explanation}\n\n[l](#io)',
  // its options and `*` too; but no citation whose argument is no key, no `\\verb` without its marks, and no command that takes `[` as its argument
  '## Input\\Output[x]{#io}\n\n## B\\Output*[x] [y] {#b}\n\n## C\\cite {#c}\n\n## D\\citep{#d}\n\n## E\\cite{a, b} {#e}\n\n## F\\cite[p]{#f}\n\n## G\\verb {#g}\n\n## H\\verb|a| {#h}\n\n## I\\verb* !a! {#i}\n\n## J\\verb|a {#j}\n\n## K\\emph[x]{#k}\n\n## L\\textbf*[x] {#l}\n\nx \\verb|[a](#m)| \\verb [b](#n) \\cite{[c](#o)} \\emph[d](#p)',
  // a div's class may be any word without blanks: an umlaut, a dot, colons after it, a brace left open
  '::: note\u00a0\nx\n:::\n### A1 {#a1}\n\n::: foo\u00a0bar\nx\n:::\n### A2 {#a2}\n\n::: {x}y\nx\n:::\n### A3 {#a3}\n\n::: {.a key="x}y"}\nx\n:::\n### A4 {#a4}\n\n::: .note\n## H {#h}\n:::\n\n::: Übersicht\n\nText.\n\n:::\n## Next {#n}\n\n::: {#a}\n::: Übung\nx\n:::\n:::\n## N {#n2}\n\n:::note:::\n[l](#l)\n:::\n\n::: {.note\nText [m](#m)\n:::\n## O {#o}\n\n:::: :x\ny\n::::\n## P {#p}\n\n::: {.a}x\n## Q {#q}\n:::',
  // a div's opening fence under a line of text is text: it opens no div inside another
  '::: {#a}\nx\n::: b\n:::\n\n::: {#c}\n## H\n::: {#d}\ny\n:::\n:::\n\n::: {#e}\n- item\n::: {#f}\ny\n:::\n:::\n\n::: {#g}\n```\nc\n```\n::: {#h}\ny\n:::\n:::',
  // attributes need no white space between them (`{.c#x}` is a class and an id); an identifier may hold dots
  '## A {.c#x}\n\n## B {#y#z .d-}\n\n## C {k="v".c-.e}\n\n## D {.c#x/}\n\n## E {-#e-}\n\n[a]{.c#s} `c`{#q.c} ![i](p.png){.c#p}\n\n``` {.c#cb}\ncode\n```\n\n::: {.c#dv}\ntext\n:::',
  // a heading in a note is shown where the note is referenced, and not at all when it is not; its automatic id is counted where the note is written
  'x[^1] and [^2]\n\n# A\n\n[^1]: a\n```\n```\n# A\n\n# A\n\n[^3]: b\n\n    ## Hidden {#hidden}\n\n[^2]: c\n\n    ## Shown {#shown}\n\n    ::: {#d}\n    x [l](#L)\n    :::\n\n[^4]: a\n```\n```\n### -- {.explanation}',
  // a value's quote never closed is part of an unquoted value; one closed past the `}` quotes it
  '## A {#a k="}\n\n## B {k=" #b}\n\n## C {#c k="x}\n\n## D {k="} x" #d}\n\n[s]{k=\'x #e}\n\n## F {k=\'x}\n\n## G {#g k="x y}',
  // a fence's info string: nothing, one word or an attribute block alone; else the line is text
  '~~~python extra\n[x](#y)\n~~~\n\n~~~{#c}{.x}\n[x](#y)\n~~~\n\n~~~ {#c} \n[x](#y)\n~~~\n\n~~~{=html} x\n[x](#y)\n~~~\n\n~~~py{#w}\n[x](#y)\n~~~',
  // raw TeX: a command with its options and arguments hides the links in them; a line of commands pandoc does not read inline is a block, so a heading may follow it
  '\\newpage\n## Term {#term}\n\n\\vspace{1em}\\noindent\n## Zwei {#zwei}\n\n\\clearpage \n# Drei\n\n  \\newpage\n## Vier {#vier}\n\n\\newpage x\n## Fuenf {#fuenf}',
  '\\foo [b](#y) \\foo[b](#y2) \\foo{a} [c](#z) \\foo{[d](#w)} \\emph{[e](#v)} \\foo{x}{y}[f](#u) \\foo [a] [g](#t)\n\nC:\\Programme\\Tool [h](#s) a\\foo@ [i](#r) \\fooä [j](#q) \\foo12 [k](#p) \\foo*[l](#o)',
  '\\foo{a [b](#y)\n\n\\foo{a}{b [c](#z)\n\n\\foo [a]{b [d](#x)\n\n\\foo[a [e](#w)\n\n\\foo{a\\}} [f](#v) Genauigkeit 95 % laut \\emph{[g](#u)} \\foo[x{]}] [h](#t) \\foo[x\\]] [i](#s)',
  `${'Wort '.repeat(250)}95 % laut \\emph{[a](#b)} und \\foo[x] [c](#d) und \`printf("%d")\` \\emph{[e](#f)}`,
  '[x \\foo{]}](#z) [y \\foo[a]b](#z2) *a \\foo{*} b* [z](#z3)\n\n# A \\foo{b} c\n\n## B \\foo{b} {#bb}\n\n## C \\foo{b {#cc}\n\n| a | b |\n|---|---|\n| \\foo{x|y} [l](#l1) | c |',
  '\\begin{center}\n[a](#x)\n\n## H {#h}\n\n\\end{center}\n## T\n\n\\begin{x}a\\begin{x}b\\end{x} [c](#y)\\end{x} [d](#z)\n\n\\begin{open}\n[e](#w)\n\ntext \\begin{y} [f](#v) \\end{y} [g](#u) \\end{q} [h](#s)',
  '\\SI{3}{kg} [s](#si) \\SIlist{1;2}{m} [t](#sl) \\address x [u](#ad) \\address [v](#ad2) \\bfseries a [w](#bf) {\\em b [x](#em)} [y](#after)\n\n\\address x\n## Addr {#addr}\n\n\\endinput\n## Never {#never}',
  '\\newcommand{\\x}{y}\n## Def {#def}\n\n\\def\\x{y}\n## Def2 {#def2}\n\n\\renewcommand{\\x}[1]{y [a](#b)}\n## D3 {#d3}\n\n\\newenvironment{e}{a}{b}\n## D4 {#d4}\n\n\\let\\a\\b\n## D5 {#d5}\n\n\\newcommand{\\y}{a\nb}\n## D6 {#d6}\n\nx \\newcommand{\\z}{[c](#d)} [e](#f)\n\n\\def\\x#1{[g](#h)}\n## D7 {#d7}',
  // commands pandoc reads itself: citations, images, footnotes, URLs, as writers use them
  '# Modell \\cite{vaswani2017}\n\n# Modell \\autocite[S.~3]{key}\n\n# Abb. \\includegraphics[width=5cm]{x.png}\n\nText\\footnote[2]{[a](#b)} und \\footnote [c](#d) und \\cite{[e](#f)} und \\cite [g](#h) und \\citep[S. 3]{k} [i](#j) und \\url{https://x.org} [k](#l)',
  '\\LaTeX [a](#x) \\ldots [b](#y) \\small{[c](#z)} \\small [d](#w) \\footnote [e](#v) \\footnote{[f](#u)} \\par[g](#t) \\item{[h](#s)}\n\n\\small{a}\n## Small {#sm}\n\n\\small\n## Small2 {#sm2}\n\n- \\item [b](#y)\n- \\vspace{1em} text [a](#a)\n  ## H {#h}',
  // Raw TeX that pandoc reads as a block ends a paragraph where it stands, mid-line too: an environment
  // other than a math one, or a block command such as \section (not \newpage or \vspace, read inline there).
  'Ein Bild:\n\\begin{center}\nBild\n\\end{center}\n### Details {#Tex-Details}\n',
  'Text \\begin{center}x\\end{center} more\n## H {#h}\n',
  'Text\n\\section{x}\n## H {#h}\n',
  'Text\n\\newpage\n## H {#h}\n',
  'Text \\begin{equation}x\\end{equation}\n## H {#h}\n',
  'Text \\begin{cent\n## H {#h}\n',
  'Text \\begin{center}\nx\n\n## H {#h}\n',
  'Text \\begin{center}x\\end{center} [a](#l) more\n',
  '- item \\begin{center}x\\end{center}\n## H {#h}\n',
  '> q \\section{a}\n## H {#h}\n',
  'Text \\section{a} more\n## H {#h}\n',
  'Text \\section{a}\n\n## H {#h}\n',
  '*em \\begin{center}x\\end{center} more*\n## H {#h}\n',
  'Text `\\begin{center}x\\end{center}`\n## H {#h}\n',
  'Text $\\begin{center}x\\end{center}$\n## H {#h}\n',
  '[a \\section{b} c](#l)\n## H {#h}\n',
  'Text \\begin{center}x\\end{center}\n::: {#d}\ny\n:::\n',
  'Text \\hrule\n## H {#h}\n',
  'Text \\item x\n## H {#h}\n',
  'Text \\begin{center}x\\end{center}\n- list\n',
  'Text \\begin{center}\n[a](#l)\n\\end{center}\n## H {#h}\n',
  '1. item \\begin{center}x\\end{center}\n## H {#h}\n',
  'Term\n: def \\section{a}\n## H {#h}\n',
  'Text \\begin{center}x\\end{center}\\begin{quote}y\\end{quote}\n## H {#h}\n',
  'Text \\include{x}\n## H {#h}\n',
  'Text \\documentclass{x}\n## H {#h}\n',
  // A heading's automatic id leaves references unresolved; an image in a link's label is read (its description holds no link).
  '## Siehe [Transformer][tr]\n\n[tr]: #transformer\n\n## [![Logo](logo.png)](#home) Projekt\n\n## [![Logo](logo.png)][r] Zwei\n\n[r]: #home\n\n[Siehe Transformer] [Siehe Transformertr] [Logo Projekt]\n\n## Bild ![a [b](#c) d](x.png) e\n\n## [x ![a [b](#c)][nope] y](#q) z\n',
  // Character references: resolved in <…> destinations, reference definitions and quoted attribute values, not after an escaped & or unquoted.
  '[w](<#A  B>) [x](<#A&#9;B>) [y](<#A&#32;&#32;B>) [z](#A&#32;&#32;B) [v](<#A&#xA0;B>) [u](<#T >)\n',
  '[a](<#A&#45;B>) [b][r] [c][s] [d](#A\\&#45;B) [e](<#A\\&#45;B>) [f](#C&amp;D)\n\n[r]: #A&#45;B\n[s]: <#A&#x2D;B&amp;C>\n\n## X {id="A&#45;B"}\n\n## Y {id=\'Y&amp;Z\'}\n\n## Z {id=Q&#45;R}\n\n[g]{id="S&#45;T"}\n',
  // A fence in a list item's first lines ends the item only when indented less than its content; a
  // backtick fence ends a paragraph only at the margin, where a quote's lazy line starts at its text.
  '- item\n  ~~~ {#li-text}\n  code\n  ~~~\n\n- item\n ~~~ {#li-out}\n code\n ~~~\n\n1. item\n  ~~~ {#ol-out}\n  x\n  ~~~\n\n-   item\n   ~~~ {#wide-out}\n   x\n   ~~~\n\n1. item\n   ``` {#ol-in}\n   x\n   ```\n',
  'Text\n  ``` {#indented}\n  code\n  ```\n\nText\n``` {#margin}\ncode\n```\n\n> quoted\n  ``` {#lazy}\n  code\n  ```\n',
  // In a list item, a lone `-` at the content's column underlines its text; a lazy line, indented less, underlines nothing.
  '- Titel\n  -   \n\n  Mehr [m](#m)\n\n1. Eins\n  ===\n\n- Zwei\n ---\n\n10. Drei\n   ===\n\n1. Vier\n   ===\n\n- a\n    -\n\n- b [l](#l)\n c\n',
  // A definition's marker and the spaces after it reach column 4: three spaces before it make none, more spaces after it begin code.
  'Term\n   : Def\n\n    Mehr [a](#a)\n\nTerm\n  :     Def [b](#b)\n\nTerm\n  : Def [c](#c)\n\nTerm\n:   Def [d](#d)\n\nTerm\n: Def [e](#e)\n\n    Mehr [f](#f)\n\nTerm\n :\tDef [g](#g)\n',
  // A definition list goes on over blank lines: a line with a definition under it (a table's caption), a heading too, is the term of its next item.
  'Begriff\n: Def [a](#a)\n\n### KI-Haikus zu X {#haiku .haiku}\n: Haikus zu [X](#X)\n\n+---+\n| a |\n+---+\n\n## Weiter {#weiter}\n',
  'B\n: D\n\n\n\n## H {#h}\n\n: C [c](#c)\n\nT\n: U\n\n## Nach {#nach}\n: x\n\n## Danach {#danach}\n\n\n: y\n\nB\n~ D\n\n## Tilde {#tilde}\n   : kein\n',
  // The closing tag of an open `<div>` (or of the innermost open element) ends a list item's, a quote's or a definition's lazy lines, and so closes the div; indented, it is the item's.
  '<div id="x">\n- item [a](#a)\n</div>\n\n<div id="y">\n> q\n</div>\n\n<div id="z">\nT\n: def [b](#b)\n</div>\n\n<div id="w">\n  - item\n</div>\n\n<div id="v">\n- item [c](#c)\n  </div>\n',
  '<details>\n- item [a](#a)\n</details>\n\n## H {#h}\n\n- item\n\n  <div id="in">\n  - sub [d](#d)\n  </div>\n',
  // A line indented as far as the item's content, right under its first lines, is the item's: a list under it is its own, a div's closing tag in it closes a div in it.
  '- item\n  <div id="in">\n  - sub [d](#d)\n  </div>\n\n1. one\n   2. two\n   <div id="two">\n   x\n   </div>\n\n- a\n - b\n   - c <div id="c">\n</div>\n',
  // After a destination in `<…>`, the `)` stands on the same line, unless a title comes between.
  '[a](<#a>\n) [b](<#b>\n"t") [c](<#c>  ) [d](#d\n)\n',
  // A footnote's lazy lines go on over it: the div is never closed.
  'Text[^1]\n\n<div id="x">\n[^1]: note [n](#n)\n</div>\n\n## After {#after}\n',
  // A pipe table indented by four columns, or over-indented in a list item, is code.
  '    | a |\n    |---|\n    | [x](#x) |\n\n- item\n\n      | a | b |\n      |---|---|\n      | [y](#y) | z |\n\n| c |\n|---|\n| [t](#t) |\n',
  '\\textbf{x}\n## Swallowed {#sw}\n\n\\emph{a} \\newpage\n## Also {#also}\n\n\\item [b](#y)\n\n\\newpage\\clearpage\n## After {#after}\n\n- \\newpage\n  ## In a list {#li}\n\n> \\newpage\n> ## In a quote {#q}',
];

test('corner cases: the same ids and link targets as pandoc', async () => {
  const expected = await mapLimited(cornerCases, 4, pandocFactsOfText);
  cornerCases.forEach((text, k) => assert.deepEqual(ourFacts(text), expected[k], JSON.stringify(text)));
});

test('TeX commands of the measured lists: the same ids and link targets as pandoc', async () => {
  // Each name, and one on no list, before links in brackets and in braces, and alone on a line
  // above a heading, with and without an argument. These forms misuse two kinds of command, which
  // corner cases above give as written: macro definitions (`\newcommand{\x}{y}`), and siunitx's
  // `\SI` and `\SIlist`, which read their unit from the text after them when its braces are
  // missing (`\SI{a} text [g](`).
  const misused = new Set([...texDefinitionCommands, 'SI', 'SIlist']);
  const lists = [inlineTexCommands, blockTexCommands, texCommandsWithoutOptions, texCommandArguments.keys(), texCommandsNeedingArgument, texCommandsWithTokenArgument, texCommandsReadingOn, texCommandsToGroupEnd];
  const names = [...new Set(lists.flatMap((list) => [...list])), 'unknownCommand'].filter((name) => !misused.has(name));
  assert.ok(names.length > 400);
  const documents = names.map(
    (name) => `a \\${name} [c](#z) b\n\nb \\${name}{[d](#y)}{[e](#x)}{[f](#w)}\n\n\\${name}{a}\n## T {#t}\n\n\\${name}\n## U {#u}\n\n\\${name}{a} text [g](#v)`,
  );
  const expected = await mapLimited(documents, 4, pandocFactsOfText);
  documents.forEach((text, k) => assert.deepEqual(ourFacts(text), expected[k], JSON.stringify(text)));
});

test('generated documents: the same ids and link targets as pandoc', async () => {
  const seed = Number(process.env.GLOSSARY_TEST_SEED ?? 20261129);
  const next = random(seed);
  const samples = Array.from({ length: 200 }, () => generateDocument(next));
  const expected = await mapLimited(samples, 4, pandocFactsOfText);
  samples.forEach((text, k) =>
    assert.deepEqual(ourFacts(text), expected[k], `seed ${seed}, sample ${k}: ${JSON.stringify(text)}`),
  );
});

test('generated documents of elements with attribute blocks: the same ids and link targets as pandoc', async () => {
  const seed = Number(process.env.GLOSSARY_TEST_SEED ?? 20261130);
  const next = random(seed);
  const samples = Array.from({ length: 200 }, () => generateElementDocument(next));
  const expected = await mapLimited(samples, 4, pandocFactsOfText);
  samples.forEach((text, k) =>
    assert.deepEqual(ourFacts(text), expected[k], `seed ${seed}, sample ${k}: ${JSON.stringify(text)}`),
  );
});

test('generated headings of emphasis runs: the attribute block is the id exactly where pandoc reads it so', async () => {
  const seed = Number(process.env.GLOSSARY_TEST_SEED ?? 20261201);
  const next = random(seed);
  const headings = Array.from({ length: 400 }, (_, k) => generateEmphasisHeading(next, `x${k}`));
  const text = headings.join('\n\n');
  const explicit = (ids: readonly string[]) => ids.map((id, k) => `${id === `x${k}` ? 'explicit' : 'automatic'}: ${headings[k]}`);
  const { ids } = await pandocFactsOfText(text);
  assert.deepEqual(explicit(ourFacts(text).ids), explicit(ids), `seed ${seed}`);
});

test('the real glossary\'s see-also lists with their separators mutated: the links run together where pandoc runs them together', async () => {
  const seed = Number(process.env.GLOSSARY_TEST_SEED ?? 20261205);
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  // What a line of the list may lose or gain: its separator, its line break, blanks that break the line or not, a quote's or list's mark.
  const mutations: ((line: string) => string)[] = [
    (line) => line.replace(/ \|\s*$/, ''),
    (line) => line.replace(/ \|\s*$/, ' '),
    (line) => line.replace(/\s*$/, '  '),
    (line) => line.replace(/ \|\s*$/, '\t'),
    (line) => line.replace(/ \|\s*$/, ' \t'),
    (line) => `> ${line}`,
    (line) => `- ${line}`,
    (line) => `  ${line}`,
    (line) => line.replace(/ \|\s*$/, ' \\'),
    (line) => `${line.replace(/ \|\s*$/, '')} `,
  ];
  const lists = corpusFiles()
    .filter((file) => file.endsWith('.md'))
    .flatMap((file) => {
      const lines = fs.readFileSync(file, 'utf8').split(/\r?\n/);
      const start = lines.findIndex((line) => /\{\.seealso\}\s*$/.test(line));
      const end = lines.findIndex((line, k) => k > start && /^(----|#)/.test(line));
      return start < 0 ? [] : [lines.slice(start, end < 0 ? undefined : end)];
    });
  const text = lists
    .map((list) => list.map((line) => (/^\[/.test(line) && next() < 0.3 ? pick(mutations)(line) : line)))
    // Two lines of a list now and then become one.
    .map((list) => list.flatMap((line, k) => (k > 0 && /^\[/.test(line) && next() < 0.1 ? [`\u0000${line}`] : [line])).join('\n').replaceAll('\n\u0000', ' '))
    .map((list, k) => `## Entry ${k} {#E${k} .chapter .small .term}\n\n${list}\n\n----\n`)
    .join('\n');
  const ours = parseGlossaryDocument(text, 'file:///ws/Lists.md', 1).entries.flatMap((entry) => entry.seeAlso?.runTogether.map((link) => link.label) ?? []);
  const theirs = await pandocSeeAlsoLinksRunTogether([], text);
  assert.ok(theirs.length > 20, `the mutations run links together (seed ${seed}): ${theirs.length}`);
  assert.deepEqual(ours, theirs, `seed ${seed}`);
});

test('unclosed-block is reported exactly where pandoc, joining the file with the next one, loses that file\'s headings', async () => {
  // The next file opens with a heading, then closes whatever may still be open: a long fence, a comment.
  const next = '\n\n## Next {#Next}\n\n~~~~\nx\n~~~~\n\nmore -->\n\n## After {#After}\n';
  const cases = ['Text.\n\n~~~sh\nx', 'Text <!-- x', '<!-- x\n\ny', 'a\n<!-- x\nb', '<pre>\n<!-- x', '- item\n\n  ~~~\n  x', '- item <!-- x', '> ~~~\n> x', '> q <!-- x', 'Code `<!--` here.', '~~~\nclosed\n~~~'];
  for (const text of cases) {
    const reported = parseGlossaryDocument(text, 'file:///a.md', 1).unclosedBlocks.some((block) => block.kind !== 'emphasis');
    const { ids } = await pandocFactsOfText(text + next);
    assert.equal(reported, !ids.includes('Next'), `${JSON.stringify(text)}: pandoc's ids ${JSON.stringify(ids)}`);
  }
});
