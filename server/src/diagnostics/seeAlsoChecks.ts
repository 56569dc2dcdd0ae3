import * as l10n from '@vscode/l10n';
import { DiagnosticCode } from './codes';
import { Check } from './check';
import type { Entry, Heading, Link, SeeAlso, Section } from '../parse/model';
import { indexId } from '../index/indexPage';
import { classedSections, sectionClassWrittenAmiss } from './fileChecks';
import type { WorkspaceIndex } from '../index/workspaceIndex';

/**
 * The links of a see-also section to the index: those to `#Index`; where there is none, those
 * written in another case (`#index`) that no heading defines, a slip that the sort fix corrects.
 */
export function indexLinksOf(seeAlso: SeeAlso, index: Pick<WorkspaceIndex, 'isDefined'>): ReadonlySet<Link> {
  const exact = seeAlso.links.filter((link) => link.target === indexId);
  if (exact.length > 0) {
    return new Set(exact);
  }
  return new Set(seeAlso.links.filter((link) => link.target.toLowerCase() === indexId.toLowerCase() && !index.isDefined(link.target)));
}

/** A check of the entries that lack a section the layout rules give every entry, reported at their heading. */
function entriesLacking(code: DiagnosticCode.MissingSeeAlso | DiagnosticCode.MissingHaiku, has: (entry: Entry) => boolean, message: (entry: Entry) => string): Check {
  return function* ({ document }) {
    for (const entry of document.entries) {
      if (has(entry)) continue;
      yield { range: entry.heading.range, code, message: message(entry), data: { kind: code, entryId: entry.id }, relatedInformation: [] };
    }
  };
}

/** `missing-seealso`: an entry has no `{.seealso}` section. */
export const checkSeeAlsoPresent = entriesLacking(
  DiagnosticCode.MissingSeeAlso,
  // A see-also heading whose class is written amiss (`{.see-also}`) is missing-section-class's, whose fix corrects it.
  (entry) => entry.seeAlso !== undefined || writesClassAmiss(entry, 'seealso'),
  (entry) => l10n.t('The entry "{0}" (#{1}) has no see-also section (a heading with the class .seealso).', entry.title, entry.id),
);

/**
 * `missing-closing-rule`: an entry has no rule (`----`) after its see-also list, where the chapter
 * template closes every entry with one: in the book its last line runs into the next entry without
 * the separator the others have. Marked on the list's last link, where the rule belongs. An entry
 * without a see-also list is `missing-seealso`'s, whose fix adds the rule with the list.
 */
export const checkClosingRule: Check = function* ({ document }) {
  for (const entry of document.entries) {
    if (entry.seeAlso === undefined) continue;
    const last = entry.seeAlso.links.at(-1) ?? headingUnderlinedByRule(entry) ?? entry.seeAlso.section.heading;
    if (entry.closingRuleLine !== undefined && entry.closingRuleLine > last.range.end.line) continue;
    yield {
      range: last.range,
      code: DiagnosticCode.MissingClosingRule,
      message:
        entry.ruleUnderTextLine === undefined
          ? l10n.t('The entry "{0}" (#{1}) does not end with the rule ---- that closes every entry: in the book, the next entry follows without it.', entry.title, entry.id)
          : headingUnderlinedByRule(entry) === undefined
            ? l10n.t('The rule ---- that closes the entry "{0}" (#{1}) stands right under a line of text, which pandoc reads as that text: put a blank line above the rule.', entry.title, entry.id)
            : l10n.t('The rule ---- that closes the entry "{0}" (#{1}) stands right under a line of text, which pandoc reads as a heading it underlines: put a blank line above the rule.', entry.title, entry.id),
      data: { kind: DiagnosticCode.MissingClosingRule, entryId: entry.id },
      relatedInformation: [],
    };
  }
};

const collators = new Map<string, Intl.Collator>();

/** The collator of a locale, ignoring case and accents; built once per locale. */
export function seeAlsoCollator(locale: string): Intl.Collator {
  let collator = collators.get(locale);
  if (!collator) {
    collator = new Intl.Collator(locale, { sensitivity: 'base' });
    collators.set(locale, collator);
  }
  return collator;
}

/**
 * The links of a see-also section that form its list, in order: a link in a sentence of the
 * section (`Einen Überblick gibt [KI](#KI).`) is none of its items.
 */
export function seeAlsoList(seeAlso: SeeAlso): readonly Link[] {
  return seeAlso.links.every((link) => link.listed) ? seeAlso.links : seeAlso.links.filter((link) => link.listed);
}

/** `seealso-unsorted`: the see-also links (without `[Index](#Index)`) are not in alphabetical order of their labels. */
export const checkSeeAlsoSorted: Check = function* ({ document, index, config }) {
  const collator = seeAlsoCollator(config.collation);
  for (const { seeAlso } of document.entries) {
    if (seeAlso === undefined) {
      continue;
    }
    const indexLinks = indexLinksOf(seeAlso, index);
    const links = seeAlsoList(seeAlso).filter((link) => !indexLinks.has(link));
    const firstMisplaced = links.findIndex((link, i) => i > 0 && collator.compare(links[i - 1]!.label, link.label) > 0);
    if (firstMisplaced < 0) {
      continue;
    }
    // The two links in the wrong order, which the message names: the writer sees where (the fix sorts the whole list).
    const [before, after] = [links[firstMisplaced - 1]!.label, links[firstMisplaced]!.label];
    // In order by their characters alone ("PII" before "Personally …"): the capitals came first.
    const byCase = before < after && before.toLowerCase() > after.toLowerCase();
    yield {
      range: { start: links[firstMisplaced - 1]!.range.start, end: links[firstMisplaced]!.range.end },
      code: DiagnosticCode.SeeAlsoUnsorted,
      message: byCase
        ? l10n.t('The see-also links are not in alphabetical order (capitals do not sort first): "{0}" belongs before "{1}".', after, before)
        : l10n.t('The see-also links are not in alphabetical order: "{0}" belongs before "{1}".', after, before),
      data: { kind: DiagnosticCode.SeeAlsoUnsorted },
      relatedInformation: [],
    };
  }
};

/**
 * The heading that the closing rule, written right under the see-also list's last line, makes of
 * that line (`[Index](#Index) |` over `----`); `missing-closing-rule` says why, and its fix, a blank
 * line, gives the list its line back.
 */
export function headingUnderlinedByRule(entry: Entry): Heading | undefined {
  const line = entry.ruleUnderTextLine;
  const seeAlsoHeading = entry.seeAlso?.section.heading;
  if (line === undefined || seeAlsoHeading === undefined) return undefined;
  return entry.sections.find((section) => section.heading.range.end.line === line && section.heading.range.start.line > seeAlsoHeading.range.end.line)?.heading;
}

/** `seealso-index-not-last`: `[Index](#Index)` is missing from the see-also list or not its last item. */
export const checkSeeAlsoEndsWithIndex: Check = function* ({ document, index }) {
  for (const entry of document.entries) {
    const seeAlso = entry.seeAlso;
    if (seeAlso === undefined) {
      continue; // missing-seealso says it
    }
    if (headingUnderlinedByRule(entry) !== undefined) {
      continue; // the list's last line is a heading for now: missing-closing-rule says it
    }
    // Any link counts as the last: `Zurück zum [Index](#Index).` ends the section too.
    const links = seeAlso.links;
    const lastLink = links[links.length - 1];
    if (lastLink?.target === indexId) {
      continue;
    }
    const indexLinks = indexLinksOf(seeAlso, index);
    const indexLink = links.find((link) => indexLinks.has(link));
    yield {
      range: indexLink?.range ?? seeAlso.section.heading.range,
      code: DiagnosticCode.SeeAlsoIndexNotLast,
      message:
        indexLink === undefined
          ? l10n.t('The see-also list should end with [Index](#Index).')
          : indexLink.target === indexId
            ? l10n.t('[Index](#Index) should be the last item of the see-also list.')
            : l10n.t('The see-also list should end with [Index](#Index); its link to the index writes #{0} instead.', indexLink.target),
      data: { kind: DiagnosticCode.SeeAlsoIndexNotLast },
      relatedInformation: [],
    };
  }
};

/**
 * `seealso-duplicate`: a see-also list links an id it links already (`[Parameter Efficient Fine
 * Tuning]` and `[Parameter-Efficient Fine-Tuning]`, both to `#Parameter-Efficient-Fine-Tuning`):
 * each later link is reported, naming the first, and whether it names the id otherwise (an alias,
 * `[GDPR](#DSGVO)` after `[DSGVO](#DSGVO)`, may be meant). Of the list's index links, where it ends
 * with one, those before it (where it does not, `seealso-index-not-last` tells).
 */
export const checkSeeAlsoDuplicates: Check = function* ({ document, index }) {
  for (const { seeAlso } of document.entries) {
    if (seeAlso === undefined) continue;
    const indexLinks = indexLinksOf(seeAlso, index);
    const list = seeAlsoList(seeAlso);
    const lastLink = list.at(-1);
    const endsWithIndex = lastLink !== undefined && indexLinks.has(lastLink);
    const firstLinks = new Map<string, Link>();
    for (const link of list) {
      if (indexLinks.has(link)) {
        if (!endsWithIndex || link === lastLink) continue;
        yield {
          range: link.range,
          code: DiagnosticCode.SeeAlsoDuplicate,
          message: l10n.t('The see-also list ends with [Index](#Index), on line {0}: this link to the index is one too many.', lastLink.range.start.line + 1),
          data: { kind: DiagnosticCode.SeeAlsoDuplicate, target: link.target },
          relatedInformation: [{ uri: document.uri, range: lastLink.range, message: l10n.t('The link to the index that ends the list.') }],
        };
        continue;
      }
      const first = firstLinks.get(link.target);
      if (first === undefined) {
        firstLinks.set(link.target, link);
        continue;
      }
      yield {
        range: link.range,
        code: DiagnosticCode.SeeAlsoDuplicate,
        message: l10n.t('The see-also list links #{0} already, as "{1}" on line {2}.', link.target, first.label, first.range.start.line + 1),
        data: { kind: DiagnosticCode.SeeAlsoDuplicate, target: link.target, ...(sameLetters(first.label, link.label) ? {} : { alias: true as const }) },
        relatedInformation: [{ uri: document.uri, range: first.range, message: l10n.t('The first link to #{0} in the list.', link.target) }],
      };
    }
  }
};

/**
 * `seealso-separator`: an item of a see-also list is followed by the next with nothing but blanks
 * between them (the real glossary's `[Alignment](#Alignment)` on a line without its ` |`): in the
 * book the two run together, "Alignment Preference Learning".
 */
export const checkSeeAlsoSeparators: Check = function* ({ document }) {
  for (const { seeAlso } of document.entries) {
    for (const link of seeAlso?.runTogether ?? []) {
      const next = seeAlso!.links[seeAlso!.links.indexOf(link) + 1]!;
      yield {
        range: link.range,
        code: DiagnosticCode.SeeAlsoSeparator,
        message: l10n.t('Nothing separates the see-also link "{0}" from the next, "{1}": in the book the two run together as "{0} {1}".', link.label, next.label),
        data: { kind: DiagnosticCode.SeeAlsoSeparator },
        relatedInformation: [],
      };
    }
  }
};

/** Whether two labels name a term alike, but for case, blanks, hyphens and punctuation ("Parameter Efficient Fine Tuning", "Parameter-Efficient Fine-Tuning"). */
function sameLetters(a: string, b: string): boolean {
  const letters = (label: string): string => label.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
  return letters(a) === letters(b);
}

/**
 * `section-after-seealso`: headings of an entry follow its see-also section, which the layout rules
 * make the entry's last (sections of level 4 come before it too). Reported once, at the first of them.
 */
export const checkSeeAlsoLast: Check = function* ({ document, config }) {
  for (const entry of document.entries) {
    const seeAlsoHeading = entry.seeAlso?.section.heading;
    if (seeAlsoHeading === undefined) {
      continue;
    }
    const underlined = headingUnderlinedByRule(entry);
    const after = entry.sections.filter((section) => section.heading.range.start.line > seeAlsoHeading.range.start.line && section.heading !== underlined);
    const first = after[0];
    if (first === undefined) {
      continue;
    }
    yield {
      range: first.heading.range,
      code: DiagnosticCode.SectionAfterSeeAlso,
      message: sectionsAfterSeeAlsoMessage(entry, after, config.termClass),
      data: { kind: DiagnosticCode.SectionAfterSeeAlso },
      relatedInformation: [{ uri: document.uri, range: seeAlsoHeading.range, message: l10n.t('The see-also section of the entry.') }],
    };
  }
};

/**
 * The sections of an entry's section level (`###` under `##`, at the margin: not in a quote or list
 * item) from its first haiku section to its see-also section, which the layout rules make the
 * entry's last two: the haiku sections (there may be several) and the others, which stand between.
 * Undefined when there are no others, the entry lacks either section, the haikus follow the list
 * (which `section-after-seealso` reports), or a heading above the section level stands between
 * (another chapter, or a setext underline: no sections to move).
 */
export function sectionsAfterHaiku(entry: Entry): { readonly haikus: readonly Section[]; readonly between: readonly Section[]; readonly seeAlso: Section } | undefined {
  const seeAlso = entry.seeAlso?.section;
  const level = entry.heading.level + 1;
  const atMargin = entry.sections.filter((section) => section.heading.range.start.character === 0 && section.heading.level <= level);
  const first = atMargin.findIndex((section) => section.heading.level === level && section.heading.classes.includes('haiku'));
  const last = seeAlso === undefined ? -1 : atMargin.indexOf(seeAlso);
  if (first < 0 || last < first) {
    return undefined;
  }
  const region = atMargin.slice(first, last);
  if (region.some((section) => section.heading.level < level)) {
    return undefined;
  }
  const isHaiku = (section: Section): boolean => section.heading.classes.includes('haiku');
  const between = region.filter((section) => !isHaiku(section));
  return between.length === 0 ? undefined : { haikus: region.filter(isHaiku), between, seeAlso: seeAlso! };
}

/** `section-after-haiku`: sections stand between an entry's haiku and see-also sections. Reported once, at the first of them. */
export const checkHaikusBeforeSeeAlso: Check = function* ({ document }) {
  for (const entry of document.entries) {
    const found = sectionsAfterHaiku(entry);
    if (found === undefined) {
      continue;
    }
    const { haikus, between } = found;
    const first = between[0]!.heading.plainText;
    yield {
      range: between[0]!.heading.range,
      code: DiagnosticCode.SectionAfterHaiku,
      message:
        between.length === 1
          ? l10n.t('The section "{0}" stands between the haikus and the see-also list of "{1}", which should end the entry: move it above the haikus.', first, entry.title)
          : l10n.t('{0} sections, from "{1}" on, stand between the haikus and the see-also list of "{2}", which should end the entry: move them above the haikus.', between.length, first, entry.title),
      data: { kind: DiagnosticCode.SectionAfterHaiku },
      relatedInformation: [{ uri: document.uri, range: haikus[0]!.heading.range, message: l10n.t('The haiku section of the entry.') }],
    };
  }
};

/** Whether a section of the entry that `missing-section-class` reports writes `name` amiss (see `sectionClassWrittenAmiss`). */
function writesClassAmiss(entry: Entry, name: string): boolean {
  return classedSections(entry).some((section) => sectionClassWrittenAmiss(section.heading)?.meant === name);
}

/**
 * `missing-haiku`: an entry has no haiku section (a heading with the class `.haiku`, as the `haiku`
 * snippet writes it), which the layout rules give every entry before its see-also list.
 */
export const checkHaikuPresent = entriesLacking(
  DiagnosticCode.MissingHaiku,
  (entry) => entry.sections.some((section) => section.heading.classes.includes('haiku')) || writesClassAmiss(entry, 'haiku'),
  (entry) => l10n.t('The entry "{0}" (#{1}) has no haiku section (a heading with the class .haiku).', entry.title, entry.id),
);

/** What the sections after an entry's see-also list (`after`, at least one) seem to be, and what to do. */
function sectionsAfterSeeAlsoMessage(entry: Entry, after: readonly Section[], termClass: string): string {
  const first = after[0]!.heading.plainText;
  // A heading of the entry heading's level (or above) is no section to move up: another chapter without `.term`, say.
  if (after[0]!.heading.level <= entry.heading.level) {
    return l10n.t('The heading "{0}" follows the see-also list of "{1}", which should end the entry; it has the level of an entry\'s heading but not the class .{2}: if it begins another entry, give it .{2} and a file of its own.', first, entry.title, termClass);
  }
  // A body pasted twice (LaMDA.md), its see-also list too, repeats the titles above the list: moving it would keep both copies.
  const titlesAbove = new Set(entry.sections.slice(0, entry.sections.length - after.length).map((section) => section.heading.plainText));
  if (after.length > 1 && after.every((section) => titlesAbove.has(section.heading.plainText))) {
    return l10n.t('{0} sections, from "{1}" on, follow the see-also list of "{2}", which should end the entry, and repeat titles of sections above it: is the entry there twice?', after.length, first, entry.title);
  }
  return after.length === 1
    ? l10n.t('The section "{0}" follows the see-also list of "{1}", which should end the entry: move it above the list.', first, entry.title)
    : l10n.t('{0} sections, from "{1}" on, follow the see-also list of "{2}", which should end the entry: move them above the list.', after.length, first, entry.title);
}
