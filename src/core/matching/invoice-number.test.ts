import assert from 'node:assert/strict';
import { test } from 'node:test';
import { invoiceNumberKeys, isOneTypo, numberWindows, typoVariants } from './invoice-number.ts';

test('invoice-number keys tolerate case, separators and leading zeros', () => {
  const cases: [string, string[]][] = [
    ['INV-2024-000123', ['INV2024000123', 'INV2024123']],
    ['inv 2024 000123', ['INV2024000123', 'INV2024123']],
    ['INV/2024/123', ['INV2024123']],
    ['INV-0012', ['INV12']],
    ['00042', ['42']],
    ['Rëchnung', ['RECHNUNG']],
  ];
  for (const [text, keys] of cases) assert.deepEqual(invoiceNumberKeys(text), keys, text);
});

test('number windows join up to four words with short separators and need a digit', () => {
  const w = numberWindows('Payment inv 2024 000123, INV-2024-7');
  assert.ok(w.includes('INV2024000123'));
  assert.ok(w.includes('INV2024123'));
  assert.ok(w.includes('INV20247'));
  assert.ok(!w.includes('PAYMENT'));
  // A comma ends a number.
  assert.ok(!w.some((k) => k.startsWith('INV2024000123INV')));
});

test('one typo is tolerated, a prefix never', () => {
  const cases: [string, string, boolean][] = [
    ['INV2024123', 'INV2024124', true], // changed digit
    ['INV2024123', 'INV2024132', true], // swapped neighbours
    ['INV2024123', 'INV202423', true], // lost digit inside
    ['INV2024123', 'INV20241223', true], // doubled digit inside
    ['INV12', 'INV123', false], // prefix
    ['INV123', 'INV12', false], // prefix the other way
    ['INV2024123', 'INV20241234', false], // extra digit at the end is a prefix match
    ['INV2024123', 'INV2024123', false], // identical is not a typo
    ['INV2024123', 'INV2024321', false], // two edits
    ['A1234', 'A1243', true],
    ['A12', 'A13', false], // too short to guess
  ];
  for (const [a, b, want] of cases) assert.equal(isOneTypo(a, b), want, `${a} ~ ${b}`);
});

test('typo variants are exactly what isOneTypo accepts, never a prefix', () => {
  const v = typoVariants('INV2024123');
  assert.ok(v.includes('INV2024124'));
  assert.ok(v.includes('INV2024132'));
  assert.ok(v.includes('INV202413'));
  assert.ok(!v.includes('INV202412'));
  assert.ok(!v.includes('INV20241234'));
  for (const x of v) assert.ok(isOneTypo('INV2024123', x), x);
});
