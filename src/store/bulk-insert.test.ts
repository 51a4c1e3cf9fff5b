import assert from 'node:assert/strict';
import { test } from 'node:test';
import { arrayLiteral, dictionary } from './bulk-insert.ts';

test('array literals: numbers as they are, text always quoted and escaped, null as NULL', () => {
  assert.equal(arrayLiteral([1, null, 30, undefined], 'int'), '{1,NULL,30,NULL}');
  assert.equal(arrayLiteral([12345678901234567890n], 'bigint'), '{12345678901234567890}');
  assert.equal(arrayLiteral([true, false, null], 'boolean'), '{t,f,NULL}');
  assert.equal(arrayLiteral(['NULL', '', 'a,b', 'say "hi"', 'back\\slash', null], 'text'), '{"NULL","","a,b","say \\"hi\\"","back\\\\slash",NULL}');
  assert.equal(arrayLiteral([], 'text'), '{}');
});

test('a dictionary only when values repeat: 1-based positions, null kept', () => {
  assert.deepEqual(dictionary(['d0', null, 'd0', 'd7', 'd0', 'd7']), { codes: [1, null, 1, 2, 1, 2], distinct: ['d0', 'd7'] });
  assert.equal(dictionary(['a', 'b', 'c', 'd']), null);
  assert.equal(dictionary(Array.from({ length: 10_000 }, (_, i) => `v${i % 300}`)), null); // too many to look up by position
  assert.deepEqual(dictionary([null, null]), { codes: [null, null], distinct: [] });
});
