import assert from 'node:assert/strict';
import { test } from 'node:test';
import { closest, didYouMean, editDistance } from './suggest.ts';
import { parseCount } from './plain/numbers.ts';
import { formatWeekdays, parseWeekdays } from './plain/weekdays.ts';

test('edit distance counts a swap of neighbours as one edit', () => {
  const table: [string, string, number][] = [
    ['email', 'email', 0],
    ['emial', 'email', 1],
    ['emal', 'email', 1],
    ['leter', 'letter', 1],
    ['fax', 'email', 4],
    ['', 'sms', 3],
  ];
  for (const [a, b, d] of table) assert.equal(editDistance(a, b), d, `${a} ${b}`);
});

test('closest only offers plausible typos', () => {
  const known = ['email', 'letter', 'sms', 'whatsapp'];
  assert.equal(closest('Emial', known), 'email');
  assert.equal(closest('whatsap', known), 'whatsapp');
  assert.equal(closest('fax', known), null);
  assert.equal(didYouMean('smss', known), '; did you mean "sms"?');
  assert.equal(didYouMean('sms', known), '');
});

test('counts in digits and words', () => {
  const table: [string, number | null][] = [
    ['14', 14],
    ['a', 1],
    ['an', 1],
    ['one', 1],
    ['two', 2],
    ['fourteen', 14],
    ['thirty', 30],
    ['forty-five', 45],
    ['ninety', 90],
    ['zero', 0],
    ['many', null],
    ['twenty-ten', null],
  ];
  for (const [word, n] of table) assert.equal(parseCount(word), n, word);
});

test('weekday lists read and print back', () => {
  const table: [string, number[]][] = [
    ['Tuesday to Thursday', [2, 3, 4]],
    ['tue through thu', [2, 3, 4]],
    ['Monday, Wednesday and Friday', [1, 3, 5]],
    ['Fridays or Mondays', [1, 5]],
    ['weekdays', [1, 2, 3, 4, 5]],
    ['any day', []],
  ];
  for (const [text, days] of table) {
    assert.deepEqual(parseWeekdays(text), days, text);
    assert.deepEqual(parseWeekdays(formatWeekdays(days)), days, text);
  }
});
