import * as l10n from '@vscode/l10n';
import { Severity, severities } from '../diagnostics/codes';

/** The output formats of `check`; `index` knows only `json`. */
export type OutputFormat = 'text' | 'json' | 'sarif';

/** The output formats of `report`. */
export type ReportFormat = 'html' | 'json';

/** A command line understood. */
export type CliCommand =
  | { readonly kind: 'help' }
  | { readonly kind: 'version' }
  | { readonly kind: 'lsp' }
  | { readonly kind: 'index'; readonly paths: readonly string[]; readonly format: 'json' }
  | CheckCommand
  | ReportCommand;

/** `check PATH... [--format text|json|sarif] [--min-severity LEVEL] [--fail-on LEVEL]`. */
export interface CheckCommand {
  readonly kind: 'check';
  readonly paths: readonly string[];
  readonly format: OutputFormat;
  /** The least severe diagnostics printed. */
  readonly minSeverity: Severity;
  /** The least severe diagnostics that fail the run (exit status 1), printed or not; `none`: no finding does, bad usage still does (exit status 2). */
  readonly failOn: Severity | 'none';
}

/** `report PATH... [--format html|json] [--output FILE]`. */
export interface ReportCommand {
  readonly kind: 'report';
  readonly paths: readonly string[];
  readonly format: ReportFormat;
  /** The file to write; standard output when not given. */
  readonly output: string | undefined;
}

/** A command line not understood, with the sentence that says why. */
export interface UsageError {
  readonly kind: 'usageError';
  readonly message: string;
}

/** What `--fail-on` takes: a severity, or `none`, which leaves findings out of the exit status. */
const failOnLevels = [...severities, 'none'] as const;

const formatsOf = { index: ['json'], check: ['text', 'json', 'sarif'], report: ['html', 'json'] } as const;

/**
 * The options that take a value, per command. `--locale` is read before the arguments are parsed
 * (`explicitLocale`), so that even the messages about them are in its language.
 */
const valueOptionsOf = { index: ['--format', '--locale'], check: ['--format', '--min-severity', '--fail-on', '--locale'], report: ['--format', '--output', '--locale'] } as const;

/**
 * The language asked for with `--locale LANG` or `--locale=LANG` (the last one given) anywhere
 * before `--`, or undefined. It wins over the environment (LC_ALL, LC_MESSAGES, LANG).
 */
export function explicitLocale(argv: readonly string[]): string | undefined {
  let locale: string | undefined;
  for (let i = 0; i < argv.length && argv[i] !== '--'; i++) {
    const value = optionAt(argv, i, '--locale')?.value;
    const language = value === undefined ? undefined : languageOf(value);
    // Anything but a language (`--locale --stdio`) is left to the argument check, or, for lsp, ignored.
    if (language !== undefined && isLanguageTag(language)) {
      locale = language;
    }
  }
  return locale;
}

/**
 * The option `name` at `argv[i]`, as `--name VALUE` (two arguments) or `--name=VALUE` (one), or
 * undefined when another argument stands there.
 */
function optionAt(argv: readonly string[], i: number, name: string): { readonly value: string | undefined; readonly width: 1 | 2 } | undefined {
  const argument = argv[i];
  if (argument === name) return { value: argv[i + 1], width: 2 };
  return argument?.startsWith(`${name}=`) ? { value: argument.slice(name.length + 1), width: 1 } : undefined;
}

/**
 * The `--locale LANG` options before the command (`explicitLocale` reads them), and the arguments
 * from the command on.
 */
function splitLeadingLocales(argv: readonly string[]): { readonly locales: readonly (string | undefined)[]; readonly rest: readonly string[] } {
  const locales: (string | undefined)[] = [];
  let start = 0;
  for (let locale = optionAt(argv, start, '--locale'); locale !== undefined; locale = optionAt(argv, start, '--locale')) {
    locales.push(locale.value);
    start += locale.width;
  }
  return { locales, rest: argv.slice(start) };
}

/** Why a value given to `--locale` is none, or undefined. */
function localeProblem(value: string | undefined): UsageError | undefined {
  // A value that looks like an option is the option forgotten: `--locale --format json`.
  if (value === undefined || value === '' || value.startsWith('--')) return usageError(missingValueMessage('--locale', 'check'));
  return isLanguageTag(languageOf(value)) ? undefined : usageError(l10n.t('"{0}" is not a language; --locale takes one such as de or en', value));
}

/**
 * The language of a value given to `--locale`, which may be written as `LANG` is (`--locale
 * "$LANG"`): its character set and modifier left out (`de_DE.UTF-8`, `de_DE@euro`), `C` and
 * `POSIX` (`C.UTF-8` on many CI machines) English.
 */
function languageOf(value: string): string {
  const language = value.split(/[.@]/)[0]!;
  return language === 'C' || language === 'POSIX' ? 'en' : language;
}

/** A language such as `de`, `en`, `de-CH` or `de_DE`. */
function isLanguageTag(value: string): boolean {
  return /^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$/.test(value);
}

/** An option the command does not take: named with a command that does, when one does (`check --output`). */
function unknownOptionMessage(argument: string, command: keyof typeof valueOptionsOf): string {
  const name = argument.split('=')[0]!;
  const taker = (Object.keys(valueOptionsOf) as (keyof typeof valueOptionsOf)[]).find((other) => (valueOptionsOf[other] as readonly string[]).includes(name));
  return taker === undefined ? l10n.t('unknown option "{0}"', argument) : l10n.t('{0} is an option of "{1}", not of "{2}"', name, taker, command);
}

/**
 * The options of `lsp`: the connections (`transportOf` reads them; `--socket` and `--pipe` with a
 * value), the editor's process that vscode-languageserver watches (`--clientProcessId=PID`, which
 * VS Code passes), and `--locale`.
 */
const serverOptions = ['--stdio', '--node-ipc', '--socket', '--pipe', '--clientProcessId', '--locale'] as const;
const serverFlags: readonly string[] = ['--stdio', '--node-ipc'];

/**
 * What is wrong with the arguments of `lsp`, or undefined: an argument that is none of its options
 * or their values, a flag given a value, a connection without its port or pipe, or a port or
 * process id that is no number. Each would leave the server on stdio or end it with an error.
 */
function serverArgumentsProblem(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i]!;
    const [name, written] = argument.split(/=(.*)/s) as [string, string | undefined];
    if (!(serverOptions as readonly string[]).includes(name) || (written !== undefined && serverFlags.includes(name))) {
      return l10n.t('unknown option "{0}" for "lsp" (known: {1})', argument, serverOptions.join(', '));
    }
    if (serverFlags.includes(name)) continue;
    // A value after a blank (`--socket 5000`, `--locale de`); an option there is none (`--locale --stdio`), and is checked itself.
    const value = written ?? (argv[i + 1]?.startsWith('--') === false ? argv[++i] : undefined);
    // The server ignores a locale it cannot use, as editors pass theirs.
    if (name === '--locale') continue;
    if (value === undefined || value === '') return l10n.t('{0} of "lsp" needs a value', name);
    const port = name === '--socket' ? Number(value) : undefined;
    if ((port !== undefined && !(/^\d+$/.test(value) && port < 65536)) || (name === '--clientProcessId' && !/^\d+$/.test(value))) {
      return name === '--socket' ? l10n.t('--socket needs a port number from 0 to 65535, not "{0}"', value) : l10n.t('--clientProcessId needs a process id, not "{0}"', value);
    }
  }
  return undefined;
}

/** Reads the arguments after the program name. Never throws. */
export function parseArguments(argv: readonly string[]): CliCommand | UsageError {
  const leading = splitLeadingLocales(argv);
  const [command, ...rest] = leading.rest;
  // The language server takes what its editor passes, and ignores a locale it cannot use.
  const leadingProblem = command === 'lsp' ? undefined : leading.locales.map(localeProblem).find((problem) => problem !== undefined);
  if (leadingProblem !== undefined) {
    return leadingProblem;
  }
  if (command === undefined) {
    return usageError(l10n.t('a command is needed: check, index, report or lsp'));
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    return { kind: 'help' };
  }
  if (command === '--version' || command === '-V' || command === 'version') {
    const extra = splitLeadingLocales(rest).rest[0];
    return extra === undefined ? { kind: 'version' } : usageError(l10n.t('{0} takes no arguments, not "{1}"', command, extra));
  }
  if (command === 'lsp') {
    if (rest.includes('--help') || rest.includes('-h')) return { kind: 'help' };
    if (rest.includes('--version') || rest.includes('-V')) return { kind: 'version' };
    // The rest are the transport's options (`--stdio`, `--socket=PORT`), which the server reads: a
    // misspelt one would leave the server on stdio, where the editor does not listen.
    const problem = serverArgumentsProblem(rest);
    return problem === undefined ? { kind: 'lsp' } : usageError(problem);
  }
  if (command !== 'index' && command !== 'check' && command !== 'report') {
    return usageError(command.startsWith('-') ? l10n.t('unknown option "{0}"; a command comes first: check, index, report or lsp', command) : l10n.t('unknown command "{0}"', command));
  }
  const paths: string[] = [];
  const values = new Map<string, string>();
  for (let i = 0; i < rest.length; i++) {
    const argument = rest[i]!;
    const option = (valueOptionsOf[command] as readonly string[]).find((name) => optionAt(rest, i, name) !== undefined);
    if (argument === '--help' || argument === '-h') {
      return { kind: 'help' };
    } else if (argument === '--version' || argument === '-V') {
      return { kind: 'version' };
    } else if (option !== undefined) {
      const { value, width } = optionAt(rest, i, option)!;
      i += width - 1;
      const problem = option === '--locale' ? localeProblem(value) : value === undefined || value === '' || value.startsWith('--') ? usageError(missingValueMessage(option, command)) : undefined;
      if (problem !== undefined || value === undefined) {
        return problem ?? usageError(missingValueMessage(option, command));
      }
      values.set(option, value);
    } else if (argument === '--') {
      paths.push(...rest.slice(i + 1));
      break;
    } else if (argument.startsWith('-') && argument !== '-') {
      return usageError(unknownOptionMessage(argument, command));
    } else {
      paths.push(argument);
    }
  }
  if (paths.length === 0) {
    return usageError(l10n.t('"{0}" needs at least one PATH (a file or a folder)', command));
  }
  if (paths.includes('')) {
    // `check "$DIR"` with DIR unset: reading the current folder instead would pass a typo in CI.
    return usageError(l10n.t('a PATH is empty'));
  }
  const knownFormats: readonly string[] = formatsOf[command];
  // Without --format, a report written to `x.json` is JSON.
  const formatOfOutput = command === 'report' && /\.json$/i.test(values.get('--output') ?? '') ? 'json' : undefined;
  const chosenFormat = values.get('--format') ?? formatOfOutput ?? knownFormats[0]!;
  if (!knownFormats.includes(chosenFormat)) {
    return usageError(l10n.t('unknown format "{0}" for "{1}" (known: {2})', chosenFormat, command, knownFormats.join(', ')));
  }
  switch (command) {
    case 'index':
      return { kind: 'index', paths, format: 'json' };
    case 'check': {
      const minSeverity = values.get('--min-severity') ?? 'hint';
      const failOn = values.get('--fail-on') ?? 'error';
      for (const [option, value, known] of [['--min-severity', minSeverity, severities], ['--fail-on', failOn, failOnLevels]] as const) {
        if (!(known as readonly string[]).includes(value)) {
          return usageError(l10n.t('unknown severity "{0}" for {1} (known: {2})', value, option, known.join(', ')));
        }
      }
      return { kind: 'check', paths, format: chosenFormat as OutputFormat, minSeverity: minSeverity as Severity, failOn: failOn as CheckCommand['failOn'] };
    }
    case 'report':
      // `-` is standard output, as for other tools.
      return { kind: 'report', paths, format: chosenFormat as ReportFormat, output: values.get('--output') === '-' ? undefined : values.get('--output') };
  }
}

function missingValueMessage(option: string, command: keyof typeof formatsOf): string {
  switch (option) {
    case '--output':
      return l10n.t('--output needs the name of the file to write');
    case '--locale':
      return l10n.t('--locale needs a language, such as de or en');
    case '--min-severity':
      return l10n.t('{0} needs a value: {1}', option, severities.join(', '));
    case '--fail-on':
      return l10n.t('{0} needs a value: {1}', option, failOnLevels.join(', '));
    default:
      return l10n.t('--format needs a value: {0}', formatsOf[command].join(', '));
  }
}

function usageError(message: string): UsageError {
  return { kind: 'usageError', message };
}

/** The width the prose of `glossary --help` is wrapped to, in any language. */
const helpWidth = 90;

/** A paragraph broken into lines of at most `helpWidth` characters, at spaces. */
function wrapped(paragraph: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of paragraph.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > helpWidth) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  return [...lines, line];
}

/** The text of `glossary --help`. */
export function helpText(): string {
  return [
    l10n.t('Usage: glossary <command> [options]'),
    '',
    l10n.t('Commands:'),
    l10n.t('  check PATH... [--format text|json|sarif] [--min-severity LEVEL] [--fail-on LEVEL]'),
    l10n.t('                                            print the diagnostics of the glossary files;'),
    l10n.t('                                            LEVEL error, warning or information leaves'),
    l10n.t('                                            out the less severe (default: hint, all);'),
    l10n.t('                                            --fail-on LEVEL: exit status 1 for a finding'),
    l10n.t('                                            of LEVEL or above (default: error; none:'),
    l10n.t('                                            never for a finding)'),
    l10n.t('  index PATH... [--format json]             print the ids and internal links of each file'),
    l10n.t('  report PATH... [--format html|json] [--output FILE]'),
    l10n.t('                                            the Glossary Report: counts, missing entries,'),
    l10n.t('                                            orphans, the most linked entries and a picture'),
    l10n.t('                                            of the link graph (html: a page for browsers)'),
    l10n.t('  lsp [--stdio|--node-ipc|--socket=PORT|--pipe=NAME] [--clientProcessId=PID]'),
    l10n.t('                                            start the language server (default: stdio);'),
    l10n.t('                                            it ends with the process PID'),
    l10n.t('  --version                                 print the version'),
    '',
    ...wrapped(l10n.t('A PATH is a file or a folder. A folder expands to its files that match the "include" patterns (default **/*.md) and not the "exclude" patterns of .glossary.json, sorted by path; node_modules and .git are skipped. A file named explicitly is always read. .glossary.json is looked up in the folder of each PATH and its ancestors, up to the root of the git repository; all PATHs must come under the same one (or none).')),
    '',
    ...wrapped(l10n.t('check prints a line per diagnostic (path:line:column: severity code message) on standard output, and how many of each severity it found on standard error. Lines and columns count from 1; a column counts UTF-16 code units, as editors that speak LSP do (an emoji counts two).')),
    '',
    ...wrapped(l10n.t('report writes to standard output, or to FILE with --output. FILE must not belong to the glossary (a file its include patterns take in, its index page, .glossary.json), and a FILE that exists is replaced only when its name ends in .html, .htm or .json.')),
    '',
    ...wrapped(l10n.t('Messages, and the headings of the report, are in the language of LC_ALL, LC_MESSAGES or LANG (German for de_DE.UTF-8; English for C, POSIX or a language without a translation). --locale LANG before or after the command chooses it instead: --locale de, --locale en.')),
    '',
    ...wrapped(l10n.t('Exit status: 0 no error-severity diagnostic (with --fail-on: none of its level or above), 1 some, 2 bad usage, which includes a .glossary.json with a mistake (nothing is checked), a folder PATH without a file the include patterns take in, no file read at all, and a file named as a PATH that cannot be read (the others are still read and reported). report exits with 0 once written, whatever the report holds, and 2 for bad usage. 3 is an internal error of glossary itself.')),
    '',
  ].join('\n');
}
