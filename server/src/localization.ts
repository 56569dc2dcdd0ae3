import * as l10n from '@vscode/l10n';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/**
 * Loads the translations of the server's messages for a locale such as `de` or `de-CH`, from the
 * `l10n/bundle.l10n.<locale>.json` files shipped beside the bundle (`dist/` → `../l10n`). English,
 * an unknown locale or an unreadable bundle leave the English messages in place.
 */
export function useLocale(locale: string | undefined, bundleFolder = path.join(__dirname, '..', 'l10n')): void {
  if (locale === undefined) {
    return;
  }
  const language = locale.toLowerCase();
  for (const candidate of [language, language.split('-')[0]!]) {
    const file = path.join(bundleFolder, `bundle.l10n.${candidate}.json`);
    if (!existsSync(file)) {
      continue;
    }
    try {
      l10n.config({ contents: JSON.parse(readFileSync(file, 'utf8')) as Record<string, string> });
    } catch {
      // A damaged bundle must not stop the server; the messages stay English.
    }
    return;
  }
}
