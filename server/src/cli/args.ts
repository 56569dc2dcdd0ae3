import * as l10n from '@vscode/l10n';

/** The output formats of `check`; `index` knows only `json`. */
export type OutputFormat = 'text' | 'json' | 'sarif';

/** A command line understood. */
export type CliCommand =
  | { readonly kind: 'help' }
  | { readonly kind: 'lsp' }
  | { readonly kind: 'index'; readonly paths: readonly string[]; readonly format: 'json' }
  | { readonly kind: 'check'; readonly paths: readonly string[]; readonly format: OutputFormat };

/** A command line not understood, with the sentence that says why. */
export interface UsageError {
  readonly kind: 'usageError';
  readonly message: string;
}

const formatsOf = { index: ['json'], check: ['text', 'json', 'sarif'] } as const;

/** Reads the arguments after the program name. Never throws. */
export function parseArguments(argv: readonly string[]): CliCommand | UsageError {
  const [command, ...rest] = argv;
  if (command === undefined) {
    return usageError(l10n.t('a command is needed: check, index or lsp'));
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    return { kind: 'help' };
  }
  if (command === 'lsp') {
    return { kind: 'lsp' };
  }
  if (command !== 'index' && command !== 'check') {
    return usageError(l10n.t('unknown command "{0}"', command));
  }
  const paths: string[] = [];
  let format: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const argument = rest[i]!;
    if (argument === '--help' || argument === '-h') {
      return { kind: 'help' };
    } else if (argument === '--format' || argument.startsWith('--format=')) {
      const value = argument === '--format' ? rest[++i] : argument.slice('--format='.length);
      if (value === undefined || value === '') {
        return usageError(l10n.t('--format needs a value: {0}', formatsOf[command].join(', ')));
      }
      format = value;
    } else if (argument === '--') {
      paths.push(...rest.slice(i + 1));
      break;
    } else if (argument.startsWith('-') && argument !== '-') {
      return usageError(l10n.t('unknown option "{0}"', argument));
    } else {
      paths.push(argument);
    }
  }
  if (paths.length === 0) {
    return usageError(l10n.t('"{0}" needs at least one PATH (a file or a folder)', command));
  }
  const knownFormats: readonly string[] = formatsOf[command];
  const chosenFormat = format ?? knownFormats[0]!;
  if (!knownFormats.includes(chosenFormat)) {
    return usageError(l10n.t('unknown format "{0}" for "{1}" (known: {2})', chosenFormat, command, knownFormats.join(', ')));
  }
  return command === 'index'
    ? { kind: 'index', paths, format: 'json' }
    : { kind: 'check', paths, format: chosenFormat as OutputFormat };
}

function usageError(message: string): UsageError {
  return { kind: 'usageError', message };
}

/** The text of `glossary --help`. */
export function helpText(): string {
  return [
    l10n.t('Usage: glossary <command> [options]'),
    '',
    l10n.t('Commands:'),
    l10n.t('  check PATH... [--format text|json|sarif]  print the diagnostics of the glossary files'),
    l10n.t('  index PATH... [--format json]             print the ids and internal links of each file'),
    l10n.t('  lsp                                       start the language server on stdio'),
    '',
    l10n.t('A PATH is a file or a folder. A folder expands to its files that match the "include"'),
    l10n.t('patterns (default **/*.md) and not the "exclude" patterns of .glossary.json, sorted by'),
    l10n.t('path; node_modules and .git are skipped. A file named explicitly is always read.'),
    l10n.t('.glossary.json is looked up in the folder of the first PATH and its ancestors, up to'),
    l10n.t('the root of the git repository.'),
    '',
    l10n.t('Exit status: 0 no error-severity diagnostic, 1 some error, 2 bad usage.'),
    '',
  ].join('\n');
}
