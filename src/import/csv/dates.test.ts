import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLocaleDate, type DateOrder } from './dates.ts';

type Case = [input: string, order: DateOrder | null, date: string, evidence?: 'dmy' | 'mdy' | null];

const readable: Case[] = [
  ['2024-03-12', null, '2024-03-12'],
  ['2024-03-12 00:00:00', null, '2024-03-12'],
  ['2024-03-12T23:30:00+01:00', null, '2024-03-12'],
  ['2024-03-12T10:00:00Z', null, '2024-03-12'],
  ['2024/03/12', null, '2024-03-12'],
  ['20240312', null, '2024-03-12'],
  ['12.03.2024', null, '2024-03-12'],
  ['1.3.2024', null, '2024-03-01'],
  ['13/03/2024', null, '2024-03-13', 'dmy'],
  ['03/13/2024', null, '2024-03-13', 'mdy'],
  ['3/13/2024 9:05 AM', null, '2024-03-13', 'mdy'],
  ['05/05/2024', null, '2024-05-05'],
  ['03/04/2024', 'dmy', '2024-04-03'],
  ['03/04/2024', 'mdy', '2024-03-04'],
  ['12-03-2024', 'dmy', '2024-03-12'],
  ['12 Mar 2024', null, '2024-03-12'],
  ['12-Mar-2024', null, '2024-03-12'],
  ['12 March 2024', null, '2024-03-12'],
  ['Mar 12, 2024', null, '2024-03-12'],
  ['12. März 2024', null, '2024-03-12'],
  ['3 déc. 2024', null, '2024-12-03'],
  ['29.02.2024', null, '2024-02-29'],
];
for (const [input, order, date, evidence = null] of readable) {
  test(`reads "${input}" (${order ?? 'auto'}) as ${date}`, () => {
    assert.deepEqual(parseLocaleDate(input, order), { kind: 'ok', date, evidence });
  });
}

test('a slash date with both parts at most 12 is ambiguous in auto', () => {
  assert.equal(parseLocaleDate('03/04/2024', null).kind, 'ambiguous');
});

const broken: [string, DateOrder | null][] = [
  ['30.02.2024', null], ['2023-02-29', null], ['31/04/2024', 'dmy'], ['2024-13-01', null], ['20241301', null],
  ['12 Foo 2024', null], ['yesterday', null], ['12/03/24', null], ['13/13/2024', null], ['03/04/2024', 'ymd'],
];
for (const [input, order] of broken) {
  test(`"${input}" (${order ?? 'auto'}) is a problem`, () => {
    const read = parseLocaleDate(input, order);
    assert.equal(read.kind, 'error', JSON.stringify(read));
  });
}
