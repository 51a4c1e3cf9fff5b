import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeLocaleNumber, type DecimalStyle } from './numbers.ts';

type Case = [input: string, style: DecimalStyle | null, plain: string, evidence?: DecimalStyle | null];

const readable: Case[] = [
  ['1.234,56', null, '1234.56', 'comma'],
  ['1,234.56', null, '1234.56', 'dot'],
  ['1 234,56', null, '1234.56', 'comma'],
  ['1\u00a0234,56', null, '1234.56', 'comma'],
  ['1\u202f234,56', null, '1234.56', 'comma'],
  ["1'234.50", null, '1234.50', 'dot'],
  ['(123.45)', null, '-123.45', 'dot'],
  ['123.45-', null, '-123.45', 'dot'],
  ['-1.234.567', null, '-1234567', 'comma'],
  ['\u22125,5', null, '-5.5', 'comma'],
  ['€ 1.234,56', null, '1234.56', 'comma'],
  ['$1,234.56', null, '1234.56', 'dot'],
  ['EUR 12,50', null, '12.50', 'comma'],
  ['12.50 USD', null, '12.50', 'dot'],
  ['(CHF 1,000.00)', null, '-1000.00', 'dot'],
  ['1234', null, '1234', null],
  ['0,123', null, '0.123', 'comma'],
  ['1234,567', null, '1234.567', 'comma'],
  ['1,234', 'dot', '1234', null],
  ['1,234', 'comma', '1.234', null],
  ['1.234', 'comma', '1234', null],
  ['1234.5', 'dot', '1234.5', null],
  ['+7', null, '7', null],
];

for (const [input, style, plain, evidence = null] of readable) {
  test(`reads "${input}" with style ${style ?? 'auto'} as ${plain}`, () => {
    assert.deepEqual(normalizeLocaleNumber(input, style), { kind: 'ok', plain, evidence });
  });
}

const ambiguous = ['1,234', '1.234', '12,500', '999.000'];
for (const input of ambiguous) {
  test(`"${input}" stays ambiguous without evidence`, () => {
    assert.equal(normalizeLocaleNumber(input, null).kind, 'ambiguous');
  });
}

const broken: [string, DecimalStyle | null][] = [
  ['abc', null], ['', null], ['1.2.3,4,5', null], ['1,234.56', 'comma'], ['1.234,56', 'dot'],
  ['12,34,56', 'dot'], ['(-5)', null], ['5-5', null], ['1,,5', null], ['1.', 'dot'],
];
for (const [input, style] of broken) {
  test(`"${input}" with style ${style ?? 'auto'} is not a number`, () => {
    assert.equal(normalizeLocaleNumber(input, style).kind, 'error');
  });
}
