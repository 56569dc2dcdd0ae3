import { GlossaryConfig } from '../config';
import { allDiagnosticCodes, DiagnosticCode, Severity } from '../diagnostics/codes';
import { GlossaryDiagnostic } from '../diagnostics/diagnostic';
import { seeAlsoCollator } from '../diagnostics/seeAlsoChecks';
import { missingEntries } from '../features/missingEntries';
import { LocatedEntry, WorkspaceIndex } from '../index/workspaceIndex';
import { MissingEntry } from '../protocol';
import { inboundLinkCounts, orphanEntries } from '../index/linkGraph';
import { indexId } from '../index/indexPage';
import { reportedBrokenLinkCount } from '../diagnostics/linkChecks';
import { entryWithId } from '../index/entryQueries';
import { replacementsFor } from '../diagnostics/replacements';

/**
 * The Glossary Report: the numbers, lists and link graph of a whole glossary, as the command line
 * prints it (`glossary report`) and the editor shows it. Plain JSON.
 */
export interface GlossaryReport {
  /** What the report is about: the glossary's folder or the paths given. */
  readonly name: string;
  readonly summary: ReportSummary;
  /** The diagnostics of all files, counted per code; codes without any are left out. */
  readonly problems: readonly ProblemCount[];
  /** Ids that links point at but no heading defines, most referenced first. */
  readonly missingEntries: readonly ReportMissingEntry[];
  /** Entries that no other entry or page links to, the index page aside (`orphan-entry`), by title. */
  readonly orphans: readonly ReportEntry[];
  /** The entries with the most inbound links, most linked first (see `ReportOptions.mostLinkedCount`). */
  readonly mostLinked: readonly LinkedEntry[];
  /** The most linked entries and the links between them. */
  readonly graph: ReportGraph;
}

export interface ReportSummary {
  readonly files: number;
  readonly entries: number;
  /** Internal links `[..](#Id)` in all files. */
  readonly links: number;
  /** Links whose id no heading defines, as far as they are reported (as the status bar counts them). */
  readonly brokenLinks: number;
  /** Of them, the links to `#Index` while no heading defines it (no entry is missing there). */
  readonly brokenIndexLinks: number;
  readonly missingEntries: number;
  readonly orphans: number;
  /** Diagnostics per severity. */
  readonly errors: number;
  readonly warnings: number;
  readonly information: number;
  readonly hints: number;
}

export interface ReportMissingEntry extends MissingEntry {
  /** The existing id the links clearly mean (`ComputerVision` for `#Computer-Vision`), as the preferred quick fix offers it. */
  readonly meant?: string;
}

export interface ProblemCount {
  readonly code: DiagnosticCode;
  readonly severity: Severity;
  readonly count: number;
}

export interface ReportEntry {
  readonly id: string;
  readonly title: string;
  /** The file holding the entry, as the caller names files. */
  readonly file: string;
  /** The line of the entry's heading, 1-based (as `glossary check` counts lines). */
  readonly line: number;
}

export interface LinkedEntry extends ReportEntry {
  /** How many links point at it, from other entries and pages (not the index page). */
  readonly links: number;
}

export interface ReportGraph {
  readonly nodes: readonly LinkedEntry[];
  /** Entry `from` links to entry `to`, both among the nodes; one edge however many links. */
  readonly edges: readonly { readonly from: string; readonly to: string }[];
}

export interface ReportOptions {
  readonly name: string;
  /** How a file is named in the report (a path relative to the glossary, say). */
  readonly fileName: (uri: string) => string;
  /** The diagnostics of a file, as the editor or `glossary check` reports them. */
  readonly diagnosticsOf: (uri: string) => readonly GlossaryDiagnostic[];
  /** How many entries `mostLinked` lists (more, up to `graphNodeCount`, where the last ones are linked as often); default 25. */
  readonly mostLinkedCount?: number;
  /** How many entries the graph shows; default 40, so that it stays readable. */
  readonly graphNodeCount?: number;
}

/** Works out the report of every document in the index. */
export function buildReport(index: WorkspaceIndex, config: GlossaryConfig, options: ReportOptions): GlossaryReport {
  const mostLinkedCount = options.mostLinkedCount ?? 25;
  const graphNodeCount = options.graphNodeCount ?? 40;
  const collator = seeAlsoCollator(config.collation);
  const missing = missingEntries(index, collator).map((entry): ReportMissingEntry => {
    const { preferred } = replacementsFor(index, { target: entry.id, label: '' }, undefined);
    return preferred === undefined ? entry : { ...entry, meant: preferred };
  });
  const problems = countProblems(index, options.diagnosticsOf);
  const orphans = orphanEntries(index)
    .map((located) => reportEntry(located, options))
    .sort(titleOrder(collator));
  // Those linked alike in the glossary's order; the list goes on, up to the graph's size, while they are linked as often as its last.
  const mostLinked = [...inboundLinkCounts(index)]
    .filter(([, count]) => count > 0)
    .map(([id, count]): LinkedEntry => ({ ...reportEntry(entryWithId(index, id)!, options), links: count }))
    .sort((a, b) => b.links - a.links || titleOrder(collator)(a, b));
  const listed = mostLinked.slice(0, mostLinkedCount);
  const graphNodes = mostLinked.slice(0, graphNodeCount);
  return {
    name: options.name,
    summary: summarize(index, config, missing, orphans, problems),
    problems,
    missingEntries: missing,
    orphans,
    mostLinked: [...listed, ...mostLinked.slice(listed.length, Math.max(graphNodeCount, listed.length)).filter((entry) => entry.links === listed.at(-1)?.links)],
    graph: { nodes: graphNodes, edges: edgesBetween(graphNodes.map(({ id }) => entryWithId(index, id)!)) },
  };
}

function summarize(index: WorkspaceIndex, config: GlossaryConfig, missing: readonly MissingEntry[], orphans: readonly ReportEntry[], problems: readonly ProblemCount[]): ReportSummary {
  let files = 0;
  let links = 0;
  for (const document of index.documents()) {
    files++;
    links += document.links.length;
  }
  // The links to `#Index` are broken too when the index page is not read, but no entry is missing.
  const brokenIndexLinks = index.isDefined(indexId) || config.severity[DiagnosticCode.IndexAnchorMissing] === 'off' ? 0 : index.linksTo(indexId).length;
  const diagnostics = (severity: Severity): number => sum(problems.filter((problem) => problem.severity === severity).map((problem) => problem.count));
  return {
    files,
    entries: [...index.entries()].length,
    links,
    brokenLinks: reportedBrokenLinkCount(index, config.severity),
    brokenIndexLinks,
    missingEntries: missing.length,
    orphans: orphans.length,
    errors: diagnostics('error'),
    warnings: diagnostics('warning'),
    information: diagnostics('information'),
    hints: diagnostics('hint'),
  };
}

/** The links among some entries: one edge per linking entry and linked entry, links to itself left out. */
function edgesBetween(entries: readonly LocatedEntry[]): ReportGraph['edges'] {
  const ids = new Set(entries.map(({ entry }) => entry.id));
  return entries.flatMap(({ entry }) => {
    const targets = new Set([...entry.bodyLinks, ...(entry.seeAlso?.links ?? [])].map((link) => link.target));
    return [...targets].filter((target) => ids.has(target) && target !== entry.id).map((target) => ({ from: entry.id, to: target }));
  });
}

/** The diagnostics per code, the most severe first, then the most frequent. */
function countProblems(index: WorkspaceIndex, diagnosticsOf: ReportOptions['diagnosticsOf']): ProblemCount[] {
  const counts = new Map<DiagnosticCode, ProblemCount>();
  for (const document of index.documents()) {
    for (const { code, severity } of diagnosticsOf(document.uri)) {
      counts.set(code, { code, severity, count: (counts.get(code)?.count ?? 0) + 1 });
    }
  }
  const rank = (severity: Severity): number => severityOrder.indexOf(severity);
  return allDiagnosticCodes.flatMap((code) => counts.get(code) ?? []).sort((a, b) => rank(a.severity) - rank(b.severity) || b.count - a.count);
}

const severityOrder: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

function reportEntry({ uri, entry }: LocatedEntry, options: ReportOptions): ReportEntry {
  return { id: entry.id, title: entry.title || entry.id, file: options.fileName(uri), line: entry.heading.range.start.line + 1 };
}

function sum(numbers: Iterable<number>): number {
  let total = 0;
  for (const number of numbers) {
    total += number;
  }
  return total;
}

/** Alphabetical by title in the glossary's collation, then by id, so that the order is total. */
function titleOrder(collator: Intl.Collator): (a: ReportEntry, b: ReportEntry) => number {
  return (a, b) => collator.compare(a.title, b.title) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
