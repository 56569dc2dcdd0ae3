import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { Mask } from '../mentions/inlineMasks';
import { Lexicon, wordPattern } from '../mentions/lexicon';
import { ParagraphWords } from '../mentions/paragraphWords';
import { parseGlossaryDocument } from '../parse/parser';
import { WordFilterBuilder } from '../mentions/wordFilter';
import { seededRandom } from '../seededRandom';

/** The words as the regular expression finds them, less those reaching into a mask (the search going on after both). */
function expectedWords(text: string, masks: readonly Mask[]): string[] {
  const words: string[] = [];
  const pattern = new RegExp(wordPattern.source, wordPattern.flags);
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const end = match.index + match[0].length;
    const mask = masks.find(([from, to]) => to > match!.index && from < end);
    if (mask !== undefined) {
      pattern.lastIndex = Math.max(end, mask[1]);
      continue;
    }
    words.push(`${match.index}:${match[0]}`);
  }
  return words;
}

function foundWords(text: string, masks: readonly Mask[]): string[] {
  const words = new ParagraphWords(text, masks, new Lexicon([]), new WordFilterBuilder());
  return Array.from({ length: words.count }, (_, k) => `${words.start(k)}:${words.word(k)}`);
}

test('ParagraphWords finds the words [\\p{L}\\p{N}]+ finds, around masks: letters of every script, digits, surrogate pairs, lone surrogates', () => {
  const pieces = ['Modell', 'KI', 'ä', 'ß', 'Straße', '42', '²', 'Ωμέγα', '日本語', '𝐀𝐁', '😀', '\ud800', '\udc00', ' ', '-', '.', '\n', '[', '`', '_', 'x'];
  const random = seededRandom(7);
  for (let sample = 0; sample < 2000; sample++) {
    let text = '';
    const length = 1 + Math.floor(random() * 12);
    for (let k = 0; k < length; k++) text += pieces[Math.floor(random() * pieces.length)];
    // Masks end at the characters that close links, code and the like, never inside a surrogate pair.
    const splitsPair = (offset: number): boolean => /[\ud800-\udbff]/.test(text[offset - 1] ?? '') && /[\udc00-\udfff]/.test(text[offset] ?? '');
    const masks: Mask[] = [];
    for (let at = 0; at < text.length; at += 1 + Math.floor(random() * 10)) {
      const end = Math.min(text.length, at + 1 + Math.floor(random() * 5));
      if (random() < 0.3 && !splitsPair(at) && !splitsPair(end)) {
        masks.push([at, end]);
        at = end;
      }
    }
    assert.deepEqual(foundWords(text, masks), expectedWords(text, masks), JSON.stringify({ text, masks }));
  }
});

test('ParagraphWords: a word may start a form when the lexicon files one under it, as written or inflected; other words surely do not', () => {
  const entry = parseGlossaryDocument('## Modell {#Modell .term}\n', 'file:///Modell.md', 1).entries[0]!;
  const lexicon = new Lexicon([entry]);
  const words = new ParagraphWords('Ein Modell, zwei Modelle und modell', [], lexicon, new WordFilterBuilder());
  const starts = Array.from({ length: words.count }, (_, k) => [words.word(k), words.mayStartForm(k), lexicon.formsStartingWith(words.word(k), undefined) !== undefined]);
  // A yes is a maybe: "modell" falls on the slot of "Modell" (the hash is of the lower case), where the lexicon files nothing under it.
  assert.deepEqual(starts, [
    ['Ein', false, false],
    ['Modell', true, true],
    ['zwei', false, false],
    ['Modelle', true, true],
    ['und', false, false],
    ['modell', true, false],
  ]);
});
