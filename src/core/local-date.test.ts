import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixedClock } from './clock.ts';
import {
  addDays,
  addMonths,
  daysBetween,
  isoWeekday,
  parseLocalDate,
  type LocalDate,
} from './local-date.ts';

const d = (s: string): LocalDate => parseLocalDate(s) as LocalDate;

test('parseLocalDate refuses impossible days', () => {
  assert.equal(parseLocalDate('2024-02-29'), '2024-02-29');
  assert.equal(parseLocalDate('2023-02-29'), null);
  assert.equal(parseLocalDate('2023-02-30'), null);
  assert.equal(parseLocalDate('2023-13-01'), null);
  assert.equal(parseLocalDate('23-01-01'), null);
});

test('day arithmetic across month ends, leap years and DST', () => {
  assert.equal(addDays(d('2024-02-28'), 1), '2024-02-29');
  assert.equal(addDays(d('2023-12-31'), 1), '2024-01-01');
  assert.equal(addDays(d('2024-03-30'), 2), '2024-04-01'); // DST in Europe: still whole days
  assert.equal(daysBetween(d('2023-01-01'), d('2023-07-01')), 181);
  assert.equal(addMonths(d('2024-01-31'), 1), '2024-02-29');
  assert.equal(addMonths(d('2023-11-30'), 3), '2024-02-29');
  assert.equal(isoWeekday(d('2026-11-23')), 1);
  assert.equal(isoWeekday(d('2026-11-22')), 7);
});

test('today depends on the zone: the injected clock answers per zone', () => {
  const clock = fixedClock(new Date('2026-03-31T23:30:00Z'));
  assert.equal(clock.today('UTC'), '2026-03-31');
  assert.equal(clock.today('Europe/Berlin'), '2026-04-01');
  assert.equal(clock.today('America/New_York'), '2026-03-31');
});

test('epoch-day arithmetic agrees with the JavaScript calendar over four centuries', () => {
  for (let day = -200_000; day <= 200_000; day += 97) {
    const expected = new Date(day * 86_400_000).toISOString().slice(0, 10);
    const date = parseLocalDate(expected) as LocalDate;
    assert.equal(addDays(date, 0), expected);
    assert.equal(daysBetween(parseLocalDate('1970-01-01') as LocalDate, date), day);
    const js = new Date(day * 86_400_000).getUTCDay();
    assert.equal(isoWeekday(date), js === 0 ? 7 : js);
  }
});
