/** Generated Pandoc Markdown for differential tests, from a seeded random generator. */

/** A small deterministic random generator, so that a failing seed can be replayed. */
export { seededRandom as random } from '../seededRandom';

/** Pieces of inline text a writer uses, with links, code, emphasis, escapes and raw HTML. */
const inlinePieces = [
  'Data Scraping', 'wörter und Sätze', '[Label](#Target)', '[Large Language Model](#Large-Language-Model)', '[A](#B) |',
  '`code [x](#in-code)`', '``a ` b``', '*emph*', '**strong**', '_under_', 'snake_case', '\\[not](#escaped)',
  '<span>[in span](#Span)</span>', '<!-- [hidden](#Comment) -->', '$x^2$', '[ref]', '[ref][]', '[Heading One]',
  '[^1]', '![image](#Img)', '[outer [inner](#Inner) text](#Outer)', '--', '...', '&amp;', '"quoted"', "it's",
  '[x](#a "title")', '[multi\nline](#Multi)', 'C#', '^[Anmerkung [in note](#In-Note)]', 'x^2^',
];

/** Block templates; `$` stands for a run of inline pieces. */
const blockTemplates = [
  '## $ {#Id .chapter .small .term}', '## $ {#Other-Id}', '### $ {.explanation}', '### $ {.seealso}', '# $', '## $ ##',
  '$', '$\n$', '- $\n- $', '1. $\n2. $', '> $\n> $', '    $', '```\n$\n```', '~~~sh\n$\n~~~',
  '$\n===', '$\n---', '----', '[ref]: #Ref-Id', '[^1]: $', 'Term\n\n:   $', '::: {.note}\n$\n:::',
  '<!--\n$\n-->', '| $ | $ |\n|---|---|\n| $ | $ |', '- $\n\n    $\n\n        $',
];

/** Inline pieces with attribute blocks: ids of spans, code, links, images and autolinks. */
const elementPieces = [
  '[span]{#Span-Id .note}', '`c`{#Code-Id}', '`raw`{=html}', '[l](#Target){#Link-Id}', '![i [l](#Alt)](p.png){#Image-Id}',
  '[a [b]{#Inner-Span} c](#Outer)', '<https://example.org>{#Auto-Id}', '[x]{id="Quoted-Id"}', '[e]{id="E\\_x"}', '[Label](#Target)',
  'Data Scraping', 'wörter', '`code`', '[ref]', '<span id="Html-Span" class="k">h</span>', '<span id=\'Open-Span\'>', '</span>',
];

/** Block templates for `elementPieces`: headings (which may end in an element's block), paragraphs, lists, quotes, fences and divs. */
const elementBlockTemplates = [
  '## $ {#Id .chapter .small .term}', '## $', '### $ {.explanation}', '$', '$\n$', '- $\n- $', '> $', '[ref]: #Ref-Id',
  '::: {#Div-Id .note}\n$\n:::', '::: note\n$\n:::', '   ::: {#Indented-Div}\n$\n   :::', '``` {#Block-Id .py}\n$\n```',
  '~~~ python extra\n$\n~~~', '``` {.python .numberLines\n    startFrom="10"}\n$\n```', '```py\n$\n```',
  '<div id="Html-Div">\n$\n</div>', '<DIV class="x" ID=Open-Div>\n$', '</div>',
  // attribute blocks that go on to the next line, as a wrapped line gives them
  '## $ {.chapter\n#Wrapped-Id .term}', '::: {.note\n#Wrapped-Div}\n$\n:::', '## $ [w]{.a\n#Wrapped-Span}',
];

/** A random document of the constructs above, as a writer might write it. */
export function generateDocument(next: () => number): string {
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  const singleLine = inlinePieces.filter((piece) => !piece.includes('\n'));
  const inline = (pieces: readonly string[], separators: readonly string[]) =>
    Array.from({ length: 1 + Math.floor(next() * 4) }, () => pick(pieces)).join(pick(separators));
  const block = () => {
    const template = pick(blockTemplates);
    // Headings and table rows are one line; paragraphs may run over several.
    const oneLine = /^(#|\||%)/.test(template);
    return template.replace(/\$/g, () => (oneLine ? inline(singleLine, [' ', '']) : inline(inlinePieces, [' ', '', '\n'])));
  };
  // Each footnote label is referenced and defined at most once.
  let references = 0;
  let definitions = 0;
  const blocks = Array.from({ length: 2 + Math.floor(next() * 8) }, block).map((b) =>
    b.replace(/\[\^1\]:/g, () => `[^${++definitions}]:`).replace(/\[\^1\](?!:)/g, () => `[^${++references}]`),
  );
  return blocks.join(pick(['\n\n', '\n\n', '\n']));
}


/** A random document of elements with attribute blocks, in the blocks they stand in. */
export function generateElementDocument(next: () => number): string {
  const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)];
  const inline = () => Array.from({ length: 1 + Math.floor(next() * 4) }, () => pick(elementPieces)).join(pick([' ', '', ' and ']));
  const blocks = Array.from({ length: 2 + Math.floor(next() * 6) }, () => pick(elementBlockTemplates).replace(/\$/g, inline));
  return blocks.join(pick(['\n\n', '\n\n', '\n']));
}

/** Pieces of a heading's text around emphasis: runs of `*` and `_`, words, and what is read as one piece. */
const emphasisPieces = ['*', '**', '***', '_', '__', 'a', 'b', ' ', ' ', 'c d', '`*`', '\\*', '[*l](#q)', 'x_y', '~~', '$*$'];

/** A random heading of emphasis runs, closed or not, ending in the attribute block `{#<id>}`. */
export function generateEmphasisHeading(next: () => number, id: string): string {
  const pieces = Array.from({ length: 1 + Math.floor(next() * 6) }, () => emphasisPieces[Math.floor(next() * emphasisPieces.length)]);
  return `## T ${pieces.join('')} {#${id}}`;
}
