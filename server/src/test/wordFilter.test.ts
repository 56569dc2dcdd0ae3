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

test('WordFilterBuilder: used again after build, it starts empty and sizes each filter by its distinct words in lower case', () => {
  const builder = new WordFilterBuilder();
  // Five spellings of two words: two distinct words, the smallest filter.
  for (const word of ['Modell', 'modell', 'MODELL', 'Daten', 'DATEN']) builder.add(`(${word})`, 1, word.length + 1);
  const one = builder.build();
  assert.equal(one.bitCount, 64);
  for (const word of ['modell', 'daten']) assert.ok(one.mayHave(word), word);
  const others = Array.from({ length: 500 }, (_, k) => `wort${k}`);
  for (const word of others) builder.add(word, 0, word.length);
  const two = builder.build();
  assert.equal(two.bitCount, 8192, '500 words need 8,000 bits, the next power of two');
  assert.ok(others.every((word) => two.mayHave(word)));
  assert.ok(!two.mayHave('daten') || !two.mayHave('modell'), 'the second filter holds the words of the first');
  builder.add('Rest', 0, 4);
  assert.equal(builder.clear().build().bitCount, 64, 'clear forgets the words added');
  assert.equal(WordFilter.of(['a', 'b', 'c', 'd', 'e']).bitCount, 128);
});
