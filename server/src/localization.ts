import * as l10n from '@vscode/l10n';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/**
 * Where the `l10n/` folder is: beside the bundle (`dist/` → `../l10n`), or at the repository root
 * for the output of tsc (`out/server/src` → `../../../l10n`), which the tests run.
 */
function defaultBundleFolder(): string {
  const besideBundle = path.join(__dirname, '..', 'l10n');
  const atRoot = path.join(__dirname, '..', '..', '..', 'l10n');
  return existsSync(besideBundle) || !existsSync(atRoot) ? besideBundle : atRoot;
}

/** The language `useLocale` chose. */
let language = 'en';

/** A language tag such as `de`, `de-DE` or `de-CH`; anything else (a path, say) is no locale. */
const languageTag = /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/;

/**
 * Loads the translations of the server's messages for a locale such as `de` or `de-CH`, from the
 * `l10n/bundle.l10n.<locale>.json` files shipped beside the bundle (`dist/` → `../l10n`). English
 * (or no locale), an unknown locale or an unreadable bundle give the English messages, also when
 * another language was in use before.
 */
export function useLocale(locale: string | undefined, bundleFolder = defaultBundleFolder()): void {
  l10n.config({ contents: {} });
  language = 'en';
  if (locale === undefined) {
    return;
  }
  const wanted = locale.toLowerCase().replace(/_/g, '-');
  if (!languageTag.test(wanted)) {
    return;
  }
  for (const candidate of [wanted, wanted.split('-')[0]!]) {
    const file = path.join(bundleFolder, `bundle.l10n.${candidate}.json`);
    if (!existsSync(file)) {
      continue;
    }
    try {
      l10n.config({ contents: JSON.parse(readFileSync(file, 'utf8')) as Record<string, string> });
      language = candidate;
    } catch {
      // A damaged bundle must not stop the server; the messages stay English.
    }
    return;
  }
}

/** The language of the messages in use (`useLocale`): a tag such as `de`, or `en`. */
export function messagesLanguage(): string {
  return language;
}

/**
 * The language of the messages as command-line tools choose it: the first of `LC_ALL`,
 * `LC_MESSAGES` and `LANG` that is set and not empty, without its codeset and modifier
 * (`de_DE.UTF-8` → `de-DE`). `C` and `POSIX` (with any codeset), or none set, give undefined: English.
 */
export function localeOfEnvironment(environment: Readonly<Record<string, string | undefined>>): string | undefined {
  const value = [environment['LC_ALL'], environment['LC_MESSAGES'], environment['LANG']].find((setting) => setting !== undefined && setting !== '');
  if (value === undefined) {
    return undefined;
  }
  const language = value.split(/[.@]/)[0]!.replace(/_/g, '-');
  return language === '' || language === 'C' || language === 'POSIX' ? undefined : language;
}
