import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { WordFilter } from '../mentions/wordFilter';

test('WordFilter: every word given, in any case, is found in lower case; other words are rarely', () => {
  const words = ['Modelle', 'KI', 'Über', 'ÄRGER', 'daß', 'GPT4o', 'Straße', 'İstanbul', 'naïve', 'x'];
  const filter = WordFilter.of(new Set(words));
  for (const word of words) {
    assert.ok(filter.mayHave(word.toLowerCase()), word);
  }
  const others = Array.from({ length: 2000 }, (_, k) => `wort${k}`);
  const falseYes = others.filter((word) => filter.mayHave(word)).length;
  assert.ok(falseYes < 20, `${falseYes} of ${others.length} words not given are reported as present`);
});

test('WordFilter: a word with any Latin-1 letter, or beyond, is found by its toLowerCase', () => {
  for (let code = 0x20; code <= 0x17f; code++) {
    const word = `Wort${String.fromCharCode(code)}e`;
    assert.ok(WordFilter.of(new Set([word])).mayHave(word.toLowerCase()), `U+${code.toString(16)}`);
  }
});
