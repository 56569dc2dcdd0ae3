import * as l10n from '@vscode/l10n';
import { describeDiagnosticCode } from '../diagnostics/descriptions';
import { textBefore } from '../features/entryPreview';
import { messagesLanguage } from '../localization';
import { GlossaryReport, LinkedEntry, ReportEntry, ReportGraph, ReportMissingEntry } from './glossaryReport';
import { circularLayout, PlacedNode, roundToTenth } from './graphLayout';

/** Rows a table shows before the rest folds into "show all". */
const visibleRows = 20;

/** Labels longer than this are cut in the graph, where they would cover other nodes. */
const maxLabelLength = 26;

/** The circle of the graph's nodes, in the middle of a square; the labels point out of it. */
const picture = { size: 1000, radius: 300 };

/** About how wide a character of a label is, in the picture's units (14 units high): wider than most. */
const labelCharacterWidth = 9;

/** Pixels per unit of the picture, where the page is wide enough: labels of 14 units show at about 11.5 px. */
const pictureScale = 0.82;

/** Where the names of the report lead (links that run an editor's commands); without, they are text. */
export interface ReportLinks {
  /** An entry's title: opens the entry. */
  readonly entry: (entry: ReportEntry) => string | undefined;
  /** A missing entry's id: creates the entry. */
  readonly missingEntry: (entry: ReportMissingEntry) => string | undefined;
}

const noLinks: ReportLinks = { entry: () => undefined, missingEntry: () => undefined };

/**
 * The report as one self-contained HTML page: inline CSS and an inline SVG of the link graph, no
 * scripts, nothing loaded from elsewhere (its Content-Security-Policy forbids it), every text
 * escaped. It opens in any browser and in a VS Code webview, whose theme colours it follows.
 */
export function renderReportHtml(report: GlossaryReport, links: ReportLinks = noLinks): string {
  const title = l10n.t('Glossary Report');
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(messagesLanguage())}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(`${title}: ${report.name}`)}</title>`,
    `<style>${styles}</style>`,
    '</head>',
    '<body>',
    `<header><h1>${escapeHtml(title)}</h1><p class="name">${escapeHtml(report.name)}</p></header>`,
    summarySection(report),
    graphSection(report.graph, links),
    mostLinkedSection(report.mostLinked, links),
    missingSection(report, links),
    orphansSection(report, links),
    problemsSection(report),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function summarySection({ summary }: GlossaryReport): string {
  const figures: [string, number, string?][] = [
    [l10n.t('Entries'), summary.entries],
    [l10n.t('Files'), summary.files],
    [l10n.t('Links'), summary.links],
    [l10n.t('Broken links'), summary.brokenLinks, summary.brokenLinks > 0 ? 'bad' : undefined],
    [l10n.t('Missing entries'), summary.missingEntries, summary.missingEntries > 0 ? 'bad' : undefined],
    [l10n.t('Orphans'), summary.orphans],
    [l10n.t('Errors'), summary.errors, summary.errors > 0 ? 'bad' : undefined],
    [l10n.t('Warnings'), summary.warnings],
    [l10n.t('Information'), summary.information],
    [l10n.t('Hints'), summary.hints],
  ];
  const cards = figures.map(
    ([label, value, tone]) => `<div class="figure${tone ? ` ${tone}` : ''}"><span class="value">${value}</span><span class="label">${escapeHtml(label)}</span></div>`,
  );
  return `<section class="summary">${cards.join('')}</section>`;
}

function graphSection(graph: ReportGraph, links: ReportLinks): string {
  const heading = `<h2>${escapeHtml(l10n.t('Link graph'))}</h2>`;
  if (graph.nodes.length === 0) {
    return `<section>${heading}<p>${escapeHtml(l10n.t('No entry links to another entry yet.'))}</p></section>`;
  }
  const note =
    graph.nodes.length === 1
      ? l10n.t('The most linked entry. The bigger the circle, the more links point at the entry.')
      : l10n.t('The {0} most linked entries and the links between them, darker where two entries link each other. The bigger the circle, the more links point at the entry.', graph.nodes.length);
  // A narrow window scrolls the picture, whose labels would be too small to read shrunk to its width.
  return `<section>${heading}<p class="note">${escapeHtml(note)}</p><div class="graph">${renderGraphSvg(graph, links)}</div></section>`;
}

/** The graph as an SVG element (well-formed XML), laid out the same way on every run. */
function renderGraphSvg(graph: ReportGraph, links: ReportLinks = noLinks): string {
  const indexOf = new Map(graph.nodes.map((node, i) => [node.id, i]));
  const pairs = graph.edges.map((edge) => [indexOf.get(edge.from)!, indexOf.get(edge.to)!] as const);
  const placed = circularLayout(graph.nodes.length, pairs, picture);
  const linked = new Set(graph.edges.map((edge) => `${edge.from}\n${edge.to}`));
  const curves = graph.edges
    // Links both ways are drawn once, stronger.
    .filter((edge) => !(linked.has(`${edge.to}\n${edge.from}`) && edge.from > edge.to))
    .map((edge) => curve(placed[indexOf.get(edge.from)!]!, placed[indexOf.get(edge.to)!]!, linked.has(`${edge.to}\n${edge.from}`)));
  const largest = Math.max(...graph.nodes.map((node) => node.links));
  const drawn = graph.nodes.map((node, i) => ({ node, place: placed[i]!, radius: nodeRadius(node, largest), label: labelText(node.title) }));
  const nodes = drawn.map(({ node, place, radius, label }) => graphNode(node, place, radius, label, links.entry(node)));
  const label = graph.nodes.length === 1 ? l10n.t('Link graph of the most linked entry') : l10n.t('Link graph of the {0} most linked entries', graph.nodes.length);
  const { x, y, width, height } = pictureBounds(drawn);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${x} ${y} ${width} ${height}" width="${Math.round(width * pictureScale)}" height="${Math.round(height * pictureScale)}" role="img" aria-label="${escapeHtml(label)}">`,
    `<g class="edges">${curves.join('')}</g>`,
    `<g class="nodes">${nodes.join('')}</g>`,
    '</svg>',
  ].join('\n');
}

/** A link as a curve bent towards the centre, so that the links through the middle stay apart. */
function curve(a: PlacedNode, b: PlacedNode, mutual: boolean): string {
  const centre = picture.size / 2;
  const bend = (from: number, to: number): number => roundToTenth(centre + ((from + to) / 2 - centre) * 0.3);
  return `<path d="M${a.x} ${a.y} Q${bend(a.x, b.x)} ${bend(a.y, b.y)} ${b.x} ${b.y}"${mutual ? ' class="mutual"' : ''}/>`;
}

/** The radius of an entry's circle: its area grows with its links. */
function nodeRadius(node: LinkedEntry, largest: number): number {
  return roundToTenth(3 + 11 * Math.sqrt(node.links / largest));
}

function labelText(title: string): string {
  return title.length > maxLabelLength ? `${textBefore(title, maxLabelLength - 1)}…` : title;
}

/** The distance from a node's centre to where its label starts. */
const labelGap = (radius: number): number => radius + 5;

/**
 * The part of the picture that the nodes and their labels take, with a margin: a long label at the
 * top or a side reaches out of the square around the circle, and a graph of one or two entries
 * needs less than it.
 */
function pictureBounds(drawn: readonly { readonly place: PlacedNode; readonly radius: number; readonly label: string }[]): { x: number; y: number; width: number; height: number } {
  const margin = 16;
  let [left, top, right, bottom] = [Infinity, Infinity, -Infinity, -Infinity];
  const include = (x: number, y: number, reach: number): void => {
    left = Math.min(left, x - reach);
    right = Math.max(right, x + reach);
    top = Math.min(top, y - reach);
    bottom = Math.max(bottom, y + reach);
  };
  for (const { place, radius, label } of drawn) {
    include(place.x, place.y, radius);
    // The label runs outwards along the node's angle; half its height is room enough on either side.
    const length = labelGap(radius) + [...label].length * labelCharacterWidth;
    const radians = (place.angle * Math.PI) / 180;
    include(place.x + length * Math.cos(radians), place.y + length * Math.sin(radians), 10);
  }
  const x = Math.floor(left - margin);
  const y = Math.floor(top - margin);
  return { x, y, width: Math.ceil(right + margin) - x, height: Math.ceil(bottom + margin) - y };
}

/** A circle sized by the entry's links, its label pointing away from the centre, upright on the left; a link to the entry when `href` is given. */
function graphNode(node: LinkedEntry, { x, y, angle }: PlacedNode, radius: number, text: string, href: string | undefined): string {
  const links = node.links === 1 ? l10n.t('1 link points here.') : l10n.t('{0} links point here.', node.links);
  const tooltip = `${node.title} (#${node.id}): ${links}`;
  const onLeft = angle > 90;
  const gap = labelGap(radius);
  const label = onLeft
    ? `<text x="${roundToTenth(x - gap)}" y="${y}" text-anchor="end" transform="rotate(${roundToTenth(angle - 180)} ${x} ${y})">`
    : `<text x="${roundToTenth(x + gap)}" y="${y}" transform="rotate(${angle} ${x} ${y})">`;
  const shapes = `<title>${escapeHtml(tooltip)}</title><circle cx="${x}" cy="${y}" r="${radius}"/>${label}${escapeHtml(text)}</text>`;
  return href === undefined ? `<g>${shapes}</g>` : `<a href="${escapeHtml(href)}">${shapes}</a>`;
}

function mostLinkedSection(entries: readonly LinkedEntry[], links: ReportLinks): string {
  if (entries.length === 0) {
    return section(l10n.t('Most linked entries'), l10n.t('No entry links to another entry yet.'), '');
  }
  const header = [l10n.t('Entry'), l10n.t('Id'), l10n.t('File'), l10n.t('Links')];
  const rows = entries.map((entry) => [...entryCells(entry, links), String(entry.links)]);
  return section(l10n.t('Most linked entries'), l10n.t('The entries with the most links pointing at them (links from the index page, and from an entry with the same id, not counted).'), table(header, rows, 1));
}

function missingSection({ missingEntries, summary }: GlossaryReport, links: ReportLinks): string {
  // The links to the index page's heading are broken links too, but no entry is missing.
  const indexNote =
    summary.brokenIndexLinks === 0
      ? ''
      : `<p class="note">${escapeHtml(
          summary.brokenIndexLinks === 1
            ? l10n.t('1 link points at #Index, which no heading defines: give the index page\'s heading the id Index.')
            : l10n.t('{0} links point at #Index, which no heading defines: give the index page\'s heading the id Index.', summary.brokenIndexLinks),
        )}</p>`;
  if (missingEntries.length === 0) {
    return section(l10n.t('Missing entries'), summary.brokenIndexLinks === 0 ? l10n.t('Every link points at an existing entry.') : l10n.t('No link points at a missing entry.'), indexNote);
  }
  const header = [l10n.t('Id'), l10n.t('Existing id meant'), l10n.t('Links'), l10n.t('Files')];
  const rows = missingEntries.map((entry) => [
    linked(code(entry.id), links.missingEntry(entry), l10n.t('Create the entry "{0}"', entry.id)),
    entry.meant === undefined ? '' : code(entry.meant),
    String(entry.referenceCount),
    String(entry.fileCount),
  ]);
  const intro = l10n.t('Ids that links point at but no heading defines, most referenced first: the entries still to write, or links to correct where they clearly mean an existing id.');
  return section(l10n.t('Missing entries'), intro, indexNote + table(header, rows, 2));
}

function orphansSection({ orphans }: GlossaryReport, links: ReportLinks): string {
  if (orphans.length === 0) {
    return section(l10n.t('Orphans'), l10n.t('Every entry is linked from another entry.'), '');
  }
  const rows = orphans.map((entry) => entryCells(entry, links));
  return section(l10n.t('Orphans'), l10n.t('Entries that no other entry or page links to; links from the index page and from the entry itself do not count.'), table([l10n.t('Entry'), l10n.t('Id'), l10n.t('File')], rows, 0));
}

function problemsSection({ problems }: GlossaryReport): string {
  if (problems.length === 0) {
    return section(l10n.t('Problems'), l10n.t('No problems found.'), '');
  }
  const rows = problems.map((problem) => [code(problem.code), escapeHtml(describeDiagnosticCode(problem.code)), `<span class="${problem.severity}">${escapeHtml(severityName(problem.severity))}</span>`, String(problem.count)]);
  const intro = l10n.t('The diagnostics of all files, per code (run "glossary check" or open the Problems panel for each place).');
  return section(l10n.t('Problems'), intro, table([l10n.t('Code'), l10n.t('Description'), l10n.t('Severity'), l10n.t('Count')], rows, 1));
}

function severityName(severity: string): string {
  switch (severity) {
    case 'error':
      return l10n.t('error');
    case 'warning':
      return l10n.t('warning');
    case 'information':
      return l10n.t('information');
    default:
      return l10n.t('hint');
  }
}

function section(heading: string, intro: string, body: string): string {
  return `<section><h2>${escapeHtml(heading)}</h2><p class="note">${escapeHtml(intro)}</p>${body}</section>`;
}

function entryCells(entry: ReportEntry, links: ReportLinks): string[] {
  const place = `${entry.file}:${entry.line}`;
  return [linked(escapeHtml(entry.title), links.entry(entry), l10n.t('Open {0}', place)), code(entry.id), escapeHtml(place)];
}

/** `html` as a link to `href` with the tooltip `title`, or as it is without `href`. */
function linked(html: string, href: string | undefined, title: string): string {
  return href === undefined ? html : `<a href="${escapeHtml(href)}" title="${escapeHtml(title)}">${html}</a>`;
}

/**
 * A table of HTML cells whose last `numericColumns` columns hold numbers (aligned right); rows past
 * the first few fold into a `<details>` that needs no script.
 */
function table(header: readonly string[], rows: readonly (readonly string[])[], numericColumns: number): string {
  const cellClass = (column: number): string => (column >= header.length - numericColumns ? ' class="number"' : '');
  const head = `<tr>${header.map((cell, column) => `<th${cellClass(column)}>${escapeHtml(cell)}</th>`).join('')}</tr>`;
  const body = (part: readonly (readonly string[])[]): string =>
    part.map((row) => `<tr>${row.map((cell, column) => `<td${cellClass(column)}>${cell}</td>`).join('')}</tr>`).join('\n');
  // A narrow window scrolls the table, not the page.
  const first = `<div class="table"><table><thead>${head}</thead><tbody>\n${body(rows.slice(0, visibleRows))}\n</tbody></table></div>`;
  if (rows.length <= visibleRows) {
    return first;
  }
  const more = escapeHtml(l10n.t('{0} more', rows.length - visibleRows));
  return `${first}<details><summary>${more}</summary><div class="table"><table><thead>${head}</thead><tbody>\n${body(rows.slice(visibleRows))}\n</tbody></table></div></details>`;
}

function code(text: string): string {
  return `<code>${escapeHtml(text)}</code>`;
}

/** Escapes text for HTML and XML content and double- or single-quoted attribute values. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

// VS Code's theme variables where the page is shown in a webview, plain colours in a browser.
const styles = `
:root { color-scheme: light dark; --fg: var(--vscode-foreground, #1f2328); --bg: var(--vscode-editor-background, #ffffff);
  --muted: var(--vscode-descriptionForeground, #656d76); --line: var(--vscode-panel-border, #d0d7de);
  --accent: var(--vscode-textLink-foreground, #0969da); --bad: var(--vscode-errorForeground, #cf222e);
  --card: var(--vscode-sideBar-background, #f6f8fa); }
body { font-family: var(--vscode-font-family, system-ui, -apple-system, "Segoe UI", sans-serif); color: var(--fg); background: var(--bg);
  max-width: 1000px; margin: 0 auto; padding: 24px; line-height: 1.45; }
h1 { margin: 0; font-size: 1.8em; } h2 { margin: 1.6em 0 0.3em; font-size: 1.3em; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
.name { margin: 4px 0 16px; color: var(--muted); word-break: break-all; }
.note { color: var(--muted); margin: 0.3em 0 0.8em; }
.summary { display: grid; grid-template-columns: repeat(auto-fill, minmax(160px, 1fr)); gap: 10px; }
.figure { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; }
.figure .value { display: block; font-size: 1.7em; font-weight: 600; font-variant-numeric: tabular-nums; }
.figure .label { color: var(--muted); }
.figure.bad .value, .error { color: var(--bad); }
table { border-collapse: collapse; width: 100%; margin-bottom: 8px; }
.table { overflow-x: auto; }
th, td { text-align: left; padding: 4px 10px; border-bottom: 1px solid var(--line); vertical-align: top; }
td code { white-space: nowrap; }
th { font-weight: 600; }
.number { text-align: right; font-variant-numeric: tabular-nums; }
code { font-family: var(--vscode-editor-font-family, ui-monospace, monospace); font-size: 0.92em; }
details summary { cursor: pointer; color: var(--accent); margin: 6px 0; }
a { color: var(--accent); text-decoration: none; } a:hover { text-decoration: underline; }
svg a:hover text { text-decoration: underline; } svg a:hover circle { fill-opacity: 1; }
.graph { overflow-x: auto; }
svg { display: block; margin: 0 auto; height: auto; border: 1px solid var(--line); border-radius: 8px; background: var(--card); }
svg .edges path { fill: none; stroke: var(--accent); stroke-opacity: 0.18; stroke-width: 1; }
svg .edges path.mutual { stroke-opacity: 0.45; stroke-width: 1.5; }
svg circle { fill: var(--accent); fill-opacity: 0.85; stroke: var(--bg); stroke-width: 1.5; }
svg text { font-size: 14px; fill: var(--fg); dominant-baseline: central; }
/* On paper nothing scrolls or folds: the folded rows print, and the picture shrinks to the page. */
@media print { details::details-content { content-visibility: visible; display: contents; } details > summary { display: none; }
  .table, .graph { overflow: visible; } td code { white-space: normal; overflow-wrap: anywhere; } svg { max-width: 100%; } }
`.trim();
