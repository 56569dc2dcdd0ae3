import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { Memo } from '../memo';

test('a memo works an answer out once per key, and lets the oldest go when its limit is reached', () => {
  const workedOut: string[] = [];
  const memo = new Memo<number>(3);
  const length = (key: string): number => memo.answer(key, (asked) => (workedOut.push(asked), asked.length));
  assert.deepEqual(['T', 'Tr', 'T', 'Tra'].map(length), [1, 2, 1, 3]);
  assert.deepEqual(workedOut, ['T', 'Tr', 'Tra']);
  assert.equal(memo.size, 3);
  // The fourth key finds the memo full: the oldest goes, and is worked out again when asked.
  assert.equal(length('Tran'), 4);
  assert.equal(memo.size, 3);
  assert.equal(length('Tra'), 3);
  assert.equal(length('T'), 1);
  assert.deepEqual(workedOut, ['T', 'Tr', 'Tra', 'Tran', 'T']);
  memo.clear();
  assert.equal(memo.size, 0);
});
