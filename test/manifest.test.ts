import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultConfig } from '../server/src/config';
import { allDiagnosticCodes, defaultSeverities } from '../server/src/diagnostics/codes';
import { describeDiagnosticCode } from '../server/src/diagnostics/descriptions';
import { useLocale } from '../server/src/localization';

// The editor's settings are the keys of .glossary.json, with the same defaults, so that the
// settings UI shows what the server and the command line do when nothing is set.
const repositoryRoot = path.resolve(__dirname, '..', '..');

interface SettingSchema {
  readonly default?: unknown;
  readonly description?: string;
  readonly enum?: readonly string[];
  readonly properties?: Readonly<Record<string, SettingSchema>>;
}

const manifest = JSON.parse(fs.readFileSync(path.join(repositoryRoot, 'package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Readonly<Record<string, SettingSchema>> } };
};
const settings = manifest.contributes.configuration.properties;

test('the editor settings are the keys of .glossary.json and trace.server', () => {
  const expected = [...Object.keys(defaultConfig).map((key) => `glossary.${key}`), 'glossary.trace.server'].sort();
  assert.deepEqual(Object.keys(settings).sort(), expected);
});

test('each setting defaults to what the server uses when nothing is set', () => {
  for (const [key, value] of Object.entries(defaultConfig)) {
    // A path the server finds by itself is an empty string in the editor (its Settings UI edits strings).
    assert.deepEqual(settings[`glossary.${key}`]!.default, value ?? '', `glossary.${key}`);
  }
});

test('glossary.severity has one property per diagnostic code, with its default severity', () => {
  const severity = settings['glossary.severity']!;
  assert.deepEqual(Object.keys(severity.properties ?? {}), [...allDiagnosticCodes]);
  for (const code of allDiagnosticCodes) {
    const property = severity.properties![code]!;
    assert.equal(property.default, defaultSeverities[code], code);
    assert.deepEqual(property.enum, ['error', 'warning', 'information', 'hint', 'off'], code);
  }
});

test('each code is described in the settings as the command line and SARIF describe it, in English and German', () => {
  const severity = settings['glossary.severity']!;
  for (const [locale, file] of [['en', 'package.nls.json'], ['de', 'package.nls.de.json']] as const) {
    const texts = JSON.parse(fs.readFileSync(path.join(repositoryRoot, file), 'utf8')) as Record<string, string>;
    useLocale(locale);
    try {
      for (const code of allDiagnosticCodes) {
        const key = /^%(.+)%$/.exec(String(severity.properties![code]!.description))?.[1];
        assert.equal(texts[key!], describeDiagnosticCode(code), `${code} in ${file}`);
      }
    } finally {
      useLocale(undefined);
    }
  }
});
