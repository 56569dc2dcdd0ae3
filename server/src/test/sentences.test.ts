import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { sentenceStartsIn } from '../parse/sentences';

/** The first words of the sentences that start after another on a line. */
const startsIn = (line: string): string[] => sentenceStartsIn(line).map(({ blankStart, blankEnd, wordEnd }) => `${line.slice(blankStart, blankEnd).length}:${line.slice(blankEnd, wordEnd)}`);

test('a sentence starts after . ! or ? behind a word, blanks and a capital letter, perhaps behind quotes, brackets or emphasis', () => {
  assert.deepEqual(startsIn('Computer Vision ermöglicht es. Diese Technologie bildet die Grundlage.'), ['1:Diese']);
  assert.deepEqual(startsIn('Was ist KI? Eine Frage! Keine Antwort.'), ['1:Eine', '1:Keine']);
  assert.deepEqual(startsIn('Er sagte: "Nein." Dann ging er.  **Sehr** gut.'), ['1:Dann', '2:**Sehr**']);
  assert.deepEqual(startsIn('Das ist **wichtig.** „Zitat“ folgt. [Link](#Link) dazu.'), ['1:„Zitat“', '1:[Link](#Link)']);
  assert.deepEqual(startsIn('Ende (siehe oben). Der Rest.'), []);
  // After a link as after its label: a word, or a number, which ends no ordinal there.
  assert.deepEqual(startsIn('CEO von [OpenAI](#OpenAI). Steuert die Strategie.'), ['1:Steuert']);
  assert.deepEqual(startsIn('Mit [GPT-4](#GPT-4). Es folgt [GPT-5](https://openai.com/gpt-5). Dann'), ['1:Es', '1:Dann']);
  assert.deepEqual(startsIn('Siehe [Abschnitt vgl](#Abschnitt). Der Rest, [x] (Klammer). Ende, [a](#b c). D'), []);
});

test('no sentence ends at an abbreviation, an ordinal, an initial, an ellipsis or a run of marks, nor before a parenthesis or a small letter', () => {
  for (const line of [
    'Forschungsfreiheit vs. Sicherheit',
    'Nach der Übernahme für ca. 500 Millionen Dollar',
    'am 1. Januar 2020, im 19. Jahrhundert',
    'z.B. Der Test, i.d.R. Die Regel, u.a. Google',
    'Dr. Müller und Prof. Schmidt, Yoshua Bengio (geb. 1964)',
    'J. R. R. Tolkien',
    'Ende... Und dann',
    '***??? TODO***',
    '***"Die geheimen Stellschrauben der KI."*** (ChatGPT)',
    'Die Version 2.0 kam. dann die nächste.',
    'sind gem. Art. 22 DSGVO eingeschränkt, lt. AI Act, rund 1,8 Bio. Parameter, insbes. Sprachmodelle',
    'Prof. Dr. rer. nat. Bernhard Schölkopf und Dipl.-Ing. Konrad Zuse',
    'Im II. Weltkrieg knackte Turing die Enigma',
    // An enumerator, which in a list item would start a list.
    'Zwei Varianten. B) ist besser. II. Weltkrieg.',
    // Quotations, a one-liner and braces hold no sentence to split.
    'Er sagte: „Hallo. Wie gehts?“ und ging.',
    '- ***"KI mit Gefühlen? Noch Fantasie, aber faszinierend"*** (Grok)',
    'Text \\textbf{Eins. Zwei} hier, [T]{title="Eins. Zwei"} da.',
  ]) {
    assert.deepEqual(startsIn(line), [], line);
  }
});

test('only the part of the line between from and to is read', () => {
  const line = '> Eins. Zwei. Drei.';
  assert.deepEqual(sentenceStartsIn(line, 2, 12).map(({ blankEnd }) => line.slice(blankEnd, blankEnd + 4)), ['Zwei']);
});
