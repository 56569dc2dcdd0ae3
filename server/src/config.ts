import * as l10n from '@vscode/l10n';
import { parse as parseJsonWithErrors, ParseErrorCode, visit as visitJson, type ParseError } from 'jsonc-parser';
import { URI, Utils } from 'vscode-uri';
import {
  DiagnosticCode,
  SeveritySetting,
  severitySettings,
  allDiagnosticCodes,
  defaultSeverities,
  isDiagnosticCode,
} from './diagnostics/codes';
import { isAttributeName } from './parse/attributes';

/** The workspace file that the command line and the editor both read, at the glossary's root. */
export const configFileName = '.glossary.json';

/** Settings of a glossary workspace. Paths and patterns are relative to the folder of `.glossary.json`, else to the workspace root. */
export interface GlossaryConfig {
  /** Glob patterns (picomatch) of the files that belong to the glossary. Default `["**\/*.md"]`. */
  readonly include: readonly string[];
  /** Glob patterns of files to leave out. Default `[]`; `node_modules` and `.git` are always skipped. */
  readonly exclude: readonly string[];
  /** The class that makes a heading an entry. Default `term`. */
  readonly termClass: string;
  /** The classes the first heading of an entry file must carry. Default `["chapter", "small", "term"]`. */
  readonly chapterClasses: readonly string[];
  /** The severity of each diagnostic code, `off` to disable it. Defaults: see `defaultSeverities`. */
  readonly severity: Readonly<Record<DiagnosticCode, SeveritySetting>>;
  /** The locale whose collation orders see-also lists. Default `de`. */
  readonly collation: string;
  /** Where new entries are created; `undefined` means the folder holding most entries, else the root. */
  readonly entriesFolder: string | undefined;
  /** The file holding the alphabetical index of all entries, when there is one. */
  readonly indexFile: string | undefined;
  /** Ids of entries whose names are not suggested as unlinked mentions (words too common to link each time). Default `[]`. */
  readonly ignoreMentionsOf: readonly string[];
}

/** The settings used when neither the workspace file nor the editor sets anything. */
export const defaultConfig: GlossaryConfig = {
  include: ['**/*.md'],
  exclude: [],
  termClass: 'term',
  chapterClasses: ['chapter', 'small', 'term'],
  severity: defaultSeverities,
  collation: 'de',
  entriesFolder: undefined,
  indexFile: undefined,
  ignoreMentionsOf: [],
};

/** A configuration together with what was wrong in the settings it was resolved from. */
export interface ResolvedConfig {
  readonly config: GlossaryConfig;
  /** One readable sentence per problem; the offending settings fall back to their defaults. */
  readonly problems: readonly string[];
  /** The last of the problems, those of the settings file (the others are the editor's settings'). */
  readonly fileProblems: readonly string[];
}

type Overrides = { -readonly [K in keyof GlossaryConfig]?: GlossaryConfig[K] };

/**
 * Resolves the configuration from the parsed `.glossary.json` (or `undefined` when there is none)
 * and the editor's settings. The workspace file wins over the editor, so that the command line,
 * which sees only the file, reports what the editor shows. Never throws; problems name the file as
 * `fileName`.
 */
export function resolveConfig(fileJson: unknown, editorSettings?: unknown, fileName = configFileName): ResolvedConfig {
  const editorProblems: string[] = [];
  const fileProblems: string[] = [];
  // In the editor a setting is found by its full name, `glossary.collation`.
  const fromEditor = readSettings(editorSettings, l10n.t('editor settings'), editorProblems, 'glossary.');
  const fromFile = readSettings(fileJson, fileName, fileProblems, '');
  const config: GlossaryConfig = {
    ...defaultConfig,
    ...fromEditor,
    ...fromFile,
    severity: { ...defaultConfig.severity, ...fromEditor.severity, ...fromFile.severity },
  };
  return { config, problems: [...editorProblems, ...fileProblems], fileProblems };
}

/**
 * The folder URI where a new entry is created: the configured `entriesFolder` (relative to
 * `settingsFolderUri`: the folder of `.glossary.json`, else the workspace root), else the folder holding most entries (`WorkspaceIndex.folderOfMostEntries()`),
 * else the workspace root.
 */
export function entriesFolderUri(config: GlossaryConfig, settingsFolderUri: string, folderOfMostEntries: string | undefined): string {
  if (config.entriesFolder !== undefined) {
    return uriUnder(settingsFolderUri, config.entriesFolder);
  }
  return folderOfMostEntries ?? settingsFolderUri;
}

/**
 * The URI of the configured index page (`indexFile`, relative to the workspace root, the folder
 * of `.glossary.json` when there is one); undefined when none is configured.
 */
export function indexFileUri(config: GlossaryConfig, rootUri: string): string | undefined {
  return config.indexFile === undefined ? undefined : uriUnder(rootUri, config.indexFile);
}

/**
 * A path relative to a folder URI ('/' or '\\' between segments), as a URI encoded as the
 * workspace listing encodes its files (vscode-uri), with `.` and `..` resolved.
 */
function uriUnder(rootUri: string, relativePath: string): string {
  return Utils.joinPath(URI.parse(rootUri), ...pathSegments(relativePath)).toString();
}

function pathSegments(relativePath: string): string[] {
  return relativePath.split(/[\\/]+/).filter((segment) => segment !== '' && segment !== '.');
}

/** Whether a relative path leads out of the folder it is relative to (`..` beyond it, or an absolute path). */
function leavesFolder(relativePath: string): boolean {
  if (/^(?:[\\/]|[a-zA-Z]:)/.test(relativePath)) {
    return true;
  }
  let depth = 0;
  for (const segment of pathSegments(relativePath)) {
    depth += segment === '..' ? -1 : 1;
    if (depth < 0) {
      return true;
    }
  }
  return false;
}

/**
 * Parses the text of `.glossary.json`; a syntax error becomes a problem, not an exception, which
 * names the file as `fileName`. An empty file sets nothing (an editor creating the file reports it
 * before its text is saved).
 */
export function parseConfigFileText(text: string, fileName = configFileName): { readonly json: unknown; readonly problems: readonly string[]; readonly problemAt?: { readonly line: number; readonly column: number } } {
  if (text.trim() === '') {
    return { json: undefined, problems: [] };
  }
  try {
    const json: unknown = JSON.parse(text);
    const twice = keyWrittenTwice(text);
    if (twice === undefined) return { json, problems: [] };
    const at = lineAndColumnAt(text, twice.offset);
    return { json, problems: [l10n.t('{0}: "{1}" is written twice in one object (the second time on line {2}), and only the last would count.', fileName, twice.key, at.line)], problemAt: at };
  } catch {
    // JSON.parse explains in English only; the place of the first error is said in any language.
    const errors: ParseError[] = [];
    try {
      parseJsonWithErrors(text, errors, { disallowComments: true });
    } catch {
      // Nested deeper than the stack goes (`[[[[…`): no place is said.
    }
    const error = errors[0];
    if (error === undefined) {
      return { json: undefined, problems: [l10n.t('{0} is not valid JSON.', fileName)] };
    }
    const { reason, offset } = syntaxError(text, errors);
    const at = lineAndColumnAt(text, offset);
    const { line, column } = at;
    return {
      json: undefined,
      problems: [reason === undefined ? l10n.t('{0} is not valid JSON (line {1}, column {2}).', fileName, line, column) : l10n.t('{0} is not valid JSON (line {1}, column {2}): {3}.', fileName, line, column, reason)],
      problemAt: at,
    };
  }
}

/** The innermost list (`[`) or object (`{`) open at `offset` of a JSON text, or undefined. */
function innermostOpenAt(text: string, offset: number): '[' | '{' | undefined {
  const open: ('[' | '{')[] = [];
  let inString = false;
  for (let k = 0; k < offset; k++) {
    const ch = text[k];
    if (inString) {
      if (ch === '\\') k++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === '[' || ch === '{') open.push(ch);
    else if (ch === ']' || ch === '}') open.pop();
  }
  return open.at(-1);
}

/**
 * Where the first JSON syntax error is (a comma after the last item, found at the bracket after it,
 * where the comma is), and what is wrong there, where it is what settings files of other programs
 * allow (a comment, that comma) or one mark is missing; else no reason.
 */
function syntaxError(text: string, errors: readonly ParseError[]): { readonly reason: string | undefined; readonly offset: number } {
  const { offset } = errors[0]!;
  const before = text.slice(0, offset).trimEnd();
  if ((text[offset] === '}' || text[offset] === ']') && before.endsWith(',') && innermostOpenAt(text, offset) === (text[offset] === '}' ? '{' : '[')) {
    return { reason: l10n.t('a comma after the last item, which JSON does not allow'), offset: before.length - 1 };
  }
  return { reason: syntaxErrorReason(text, errors), offset };
}

/** What is wrong at a JSON syntax error, where it is a comment or one mark is missing (see `syntaxError`); else undefined. */
function syntaxErrorReason(text: string, errors: readonly ParseError[]): string | undefined {
  const { error, offset } = errors[0]!;
  const at = text[offset];
  if (error === ParseErrorCode.InvalidCommentToken) return l10n.t('a comment, which JSON does not allow');
  if (at === '}' || at === ']') {
    // A list closed with `}` (`[1, }`), or an object with `]`: its own mark is missing there, whatever else is read wrong first.
    const open = innermostOpenAt(text, offset);
    if (open === '[' && at === '}') return l10n.t('a closing ] is missing');
    if (open === '{' && at === ']') return l10n.t('a closing } is missing');
  }
  if (at === "'") return l10n.t('single quotes, where JSON takes double quotes');
  switch (error) {
    case ParseErrorCode.CloseBracketExpected:
      return l10n.t('a closing ] is missing');
    case ParseErrorCode.CloseBraceExpected:
      return l10n.t('a closing } is missing');
    case ParseErrorCode.CommaExpected:
      return l10n.t('a comma is missing');
    case ParseErrorCode.ColonExpected:
      return l10n.t('a colon is missing after the key');
    case ParseErrorCode.EndOfFileExpected:
      return l10n.t('more text after the settings object');
    default:
      return undefined;
  }
}

/** The first key written a second time in one object, where it is written so: JSON.parse keeps the last without a word. */
function keyWrittenTwice(text: string): { readonly key: string; readonly offset: number } | undefined {
  const keysOfOpenObjects: Set<string>[] = [];
  let twice: { key: string; offset: number } | undefined;
  try {
    visitJson(text, {
      onObjectBegin: () => void keysOfOpenObjects.push(new Set()),
      onObjectEnd: () => void keysOfOpenObjects.pop(),
      onObjectProperty: (key, offset) => {
        const keys = keysOfOpenObjects.at(-1);
        if (keys?.has(key)) twice ??= { key, offset };
        keys?.add(key);
      },
    });
  } catch {
    // Nested deeper than the stack goes: JSON.parse read it, and its keys go unchecked.
  }
  return twice;
}

/** The 1-based line and column of an offset in the text. */
function lineAndColumnAt(text: string, offset: number): { readonly line: number; readonly column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

/** What a class setting must be, told with the name given: `.term` is written without its dot. */
function classNameExpected(given: string): string {
  return given.startsWith('.') && isAttributeName(given.slice(1))
    ? l10n.t('a class name without its dot ("{0}", not "{1}")', given.slice(1), given)
    : l10n.t('a class name as pandoc reads it after a dot: a letter, then letters, digits and - _ : . ("{0}" is none)', given);
}

function readSettings(settings: unknown, source: string, problems: string[], namePrefix: string): Overrides {
  if (settings === undefined || settings === null) {
    return {};
  }
  if (!isPlainObject(settings)) {
    problems.push(l10n.t('{0}: the settings must be a JSON object.', source));
    return {};
  }
  const overrides: Overrides = {};
  const problem = (key: string, expected: string): void => {
    problems.push(l10n.t('{0}: "{1}" must be {2}.', source, namePrefix + key, expected));
  };
  const unknownSetting = (key: string): void => {
    problems.push(l10n.t('{0}: unknown setting "{1}" (known: {2}).', source, namePrefix + key, knownSettings.map((known) => namePrefix + known).join(', ')));
  };
  for (const [key, value] of Object.entries(settings)) {
    switch (key) {
      case 'include':
      case 'exclude':
        if (isStringArray(value) && value.some((pattern) => pattern.startsWith('!'))) {
          // A file is taken in when any pattern matches it: `!drafts/**` would take in every other file.
          problems.push(l10n.t('{0}: the patterns of "{1}" cannot be negated ("{2}"): list what to leave out under "{3}".', source, namePrefix + key, value.find((pattern) => pattern.startsWith('!'))!, `${namePrefix}exclude`));
        } else if (key === 'include' && isStringArray(value) && value.length === 0) {
          // No pattern takes in no file: the glossary would be empty.
          problem(key, l10n.t('an array of at least one pattern'));
        } else if (isStringArray(value)) {
          overrides[key] = value;
        } else {
          problem(key, l10n.t('an array of strings'));
        }
        break;
      case 'chapterClasses':
        if (isStringArray(value) && value.every(isAttributeName)) {
          overrides[key] = value;
        } else {
          problem(key, isStringArray(value) ? classNameExpected(value.find((name) => !isAttributeName(name))!) : l10n.t('an array of strings'));
        }
        break;
      case 'ignoreMentionsOf':
        if (isStringArray(value)) {
          overrides[key] = value;
        } else {
          problem(key, l10n.t('an array of strings'));
        }
        break;
      case 'termClass':
        if (typeof value === 'string' && isAttributeName(value)) {
          overrides.termClass = value;
        } else {
          problem(key, typeof value === 'string' && value.trim() !== '' ? classNameExpected(value) : l10n.t('a non-empty string'));
        }
        break;
      case 'collation':
        if (typeof value === 'string' && isSupportedLocale(value)) {
          overrides.collation = value;
        } else {
          problem(key, l10n.t('a locale known here, such as "de" or "en"'));
        }
        break;
      case 'entriesFolder':
      case 'indexFile':
        if (key === 'indexFile' && typeof value === 'string' && leavesFolder(value)) {
          // Its quick fixes would edit a file outside the glossary.
          problems.push(l10n.t('{0}: "{1}" must be a path inside the workspace root; "{2}" leads out of it.', source, namePrefix + key, value));
        } else if (typeof value === 'string' || value === null) {
          // Empty is how the editor's Settings UI leaves a path unset (null, as JSON may say, too).
          overrides[key] = value === null || value.trim() === '' ? undefined : value;
        } else {
          problem(key, l10n.t('a path relative to the workspace root'));
        }
        break;
      case 'severity':
        overrides.severity = readSeverities(value, source, problems, namePrefix + key) as GlossaryConfig['severity'];
        break;
      case '$schema':
        break;
      case 'trace':
        // The editor's `glossary.trace.server`, read by the client; the file has no such setting.
        if (namePrefix === '') unknownSetting(key);
        break;
      default:
        unknownSetting(key);
    }
  }
  return overrides;
}

const knownSettings: readonly string[] = Object.keys(defaultConfig);

function readSeverities(value: unknown, source: string, problems: string[], name: string): Partial<Record<DiagnosticCode, SeveritySetting>> {
  if (!isPlainObject(value)) {
    problems.push(l10n.t('{0}: "{1}" must be an object mapping diagnostic codes to severities.', source, name));
    return {};
  }
  const severities: Partial<Record<DiagnosticCode, SeveritySetting>> = {};
  for (const [code, level] of Object.entries(value)) {
    if (!isDiagnosticCode(code)) {
      problems.push(l10n.t('{0}: unknown diagnostic code "{1}" in "{2}" (known: {3}).', source, code, name, allDiagnosticCodes.join(', ')));
    } else if (typeof level !== 'string' || !(severitySettings as readonly string[]).includes(level)) {
      problems.push(l10n.t('{0}: severity of "{1}" must be one of {2}.', source, code, severitySettings.join(', ')));
    } else {
      severities[code] = level as SeveritySetting;
    }
  }
  return severities;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringArray(value: unknown): value is readonly string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

function isSupportedLocale(locale: string): boolean {
  try {
    return Intl.Collator.supportedLocalesOf([locale]).length > 0;
  } catch {
    return false;
  }
}
