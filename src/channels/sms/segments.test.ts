import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkE164 } from './e164.ts';
import { smsSize } from './segments.ts';

test('GSM-7: 160 in one segment, then 153 per segment', () => {
  assert.deepEqual(smsSize('a'.repeat(160)), { encoding: 'GSM-7', units: 160, segments: 1 });
  assert.deepEqual(smsSize('a'.repeat(161)), { encoding: 'GSM-7', units: 161, segments: 2 });
  assert.deepEqual(smsSize('a'.repeat(306)), { encoding: 'GSM-7', units: 306, segments: 2 });
  assert.deepEqual(smsSize('a'.repeat(307)), { encoding: 'GSM-7', units: 307, segments: 3 });
  assert.equal(smsSize('').segments, 0);
});

test('the euro sign and brackets are GSM-7 extension characters: two septets, never split', () => {
  assert.deepEqual(smsSize('€'.repeat(80)), { encoding: 'GSM-7', units: 160, segments: 1 });
  assert.deepEqual(smsSize('€'.repeat(81)), { encoding: 'GSM-7', units: 162, segments: 2 });
  // 152 septets, then a 2-septet € that does not fit in 153: it opens segment two.
  assert.equal(smsSize('a'.repeat(152) + '€' + 'b'.repeat(10)).segments, 2);
  assert.equal(smsSize('a'.repeat(152) + '€' + 'b'.repeat(152)).segments, 3);
  assert.equal(smsSize('Rechnung über 1.234,56 € ist fällig. Ñu à Ø').encoding, 'GSM-7');
});

test('one character outside GSM-7 makes the whole text UCS-2: 70, then 67 per segment', () => {
  assert.deepEqual(smsSize('á'.repeat(70)), { encoding: 'UCS-2', units: 70, segments: 1 });
  assert.deepEqual(smsSize('a'.repeat(70) + 'ç'), { encoding: 'UCS-2', units: 71, segments: 2 });
  assert.equal(smsSize('x'.repeat(134) + 'ú').segments, 3);
  // An emoji is a surrogate pair: two units, kept together.
  assert.equal(smsSize('x'.repeat(66) + '😀' + 'y'.repeat(10)).segments, 2);
  assert.equal(smsSize('x'.repeat(66) + '😀').units, 68);
});

test('E.164 numbers: clear reasons for the usual mistakes', () => {
  assert.deepEqual(checkE164('+4915112345678'), { kind: 'ok', number: '+4915112345678' });
  const reason = (n: string) => {
    const r = checkE164(n);
    return r.kind === 'invalid' ? r.reason : 'ok';
  };
  assert.match(reason('015112345678'), /must start with \+/);
  assert.match(reason('+49 151 12345678'), /remove spaces/);
  assert.match(reason('+49151abc'), /only digits/);
  assert.match(reason('+0151123456'), /never start with 0/);
  assert.match(reason('+49151'), /too short/);
  assert.match(reason('+4915112345678901'), /more than 15 digits/);
});
