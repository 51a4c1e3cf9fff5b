import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SeenKeys } from './seen-keys.ts';

test('a key added is always found; keys never added are rarely taken for seen', () => {
  const seen = new SeenKeys(20); // 1 Mbit: small, so false positives can show
  for (let i = 0; i < 50_000; i++) seen.add(`INV-${i}`);
  for (let i = 0; i < 50_000; i++) assert.ok(seen.mightHave(`INV-${i}`), `INV-${i} was added`);
  let wrong = 0;
  for (let i = 50_000; i < 150_000; i++) if (seen.mightHave(`INV-${i}`)) wrong += 1;
  // Four probes, 50,000 keys in 2^20 bits: expected about 0.2 % false positives.
  assert.ok(wrong < 1000, `${wrong} of 100,000 unseen keys taken for seen`);
  assert.ok(!new SeenKeys(20).mightHave('INV-1'), 'an empty filter has seen nothing');
});

test('near-identical numbers are told apart', () => {
  const seen = new SeenKeys();
  seen.add('INV-123');
  assert.ok(seen.mightHave('INV-123'));
  assert.ok(!seen.mightHave('INV-12'));
  assert.ok(!seen.mightHave('INV-1234'));
  assert.ok(!seen.mightHave('inv-123'));
});
