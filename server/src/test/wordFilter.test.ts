import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { WordFilter, WordFilterBuilder } from '../mentions/wordFilter';

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

test('WordFilterBuilder: used again after build, it starts empty and sizes each filter by its distinct words', () => {
  const builder = new WordFilterBuilder();
  const first = ['Modell', 'modell', 'MODELL', 'Daten'];
  for (const word of first) builder.add(`(${word})`, 1, word.length + 1);
  const one = builder.build();
  for (const word of first) assert.ok(one.mayHave(word.toLowerCase()), word);
  const others = Array.from({ length: 500 }, (_, k) => `wort${k}`);
  for (const word of others) builder.add(word, 0, word.length);
  const two = builder.build();
  assert.ok(others.every((word) => two.mayHave(word)));
  assert.ok(!two.mayHave('daten') || !two.mayHave('modell'), 'the second filter holds the words of the first');
  // Three spellings of one word count once: 2 distinct words fit the smallest filter, which 500 do not.
  const falseYes = others.filter((word) => one.mayHave(word)).length;
  assert.ok(falseYes < 10, `${falseYes} of 500 words not given are reported as present by the first filter`);
});
