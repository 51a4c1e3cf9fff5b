import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BusinessCalendar } from '../core/business-calendar.ts';
import type { LocalDate } from '../core/local-date.ts';
import { dateHolidaysLookup } from './date-holidays.ts';

const calendar = new BusinessCalendar(dateHolidaysLookup());
const d = (s: string): LocalDate => s as LocalDate;

test('public holidays per country and region, weekends per country', () => {
  const cases: [string, string, string | null, string | null][] = [
    ['2026-12-25', 'DE', null, 'holiday'],
    ['2026-06-04', 'DE', 'BY', 'holiday'], // Fronleichnam in Bavaria
    ['2026-06-04', 'DE', 'HH', null], // ... but not in Hamburg
    ['2026-11-26', 'US', null, 'holiday'], // Thanksgiving
    ['2026-08-31', 'GB', null, 'holiday'], // summer bank holiday
    ['2026-07-14', 'FR', null, 'holiday'],
    ['2026-02-14', 'DE', null, 'weekend'], // a Saturday (and Valentine's Day is no holiday)
    ['2026-02-16', 'DE', null, null], // Rosenmontag is an observance, a working day
    ['2026-11-27', 'SA', null, 'weekend'], // Friday in Saudi Arabia
    ['2026-11-29', 'SA', null, null], // Sunday is a working day there
    ['2026-11-24', 'ZZ', null, null], // unknown country: weekends only
  ];
  for (const [day, country, region, expected] of cases) {
    assert.equal(calendar.whyNotBusinessDay(d(day), country, region)?.kind ?? null, expected, `${day} ${country} ${region ?? ''}`);
  }
  assert.deepEqual(calendar.whyNotBusinessDay(d('2025-10-03'), 'DE'), { kind: 'holiday', name: 'Tag der Deutschen Einheit' });
});

test('business-day arithmetic skips weekends and holidays', () => {
  assert.equal(calendar.onOrAfter(d('2026-12-24'), 'DE'), '2026-12-24');
  assert.equal(calendar.onOrAfter(d('2026-12-25'), 'DE'), '2026-12-28'); // 25, 26 holidays, 27 Sunday
  assert.equal(calendar.addBusinessDays(d('2026-12-23'), 3, 'DE'), '2026-12-29');
  assert.equal(calendar.addBusinessDays(d('2026-12-29'), -3, 'DE'), '2026-12-23');
  assert.equal(calendar.addBusinessDays(d('2026-04-02'), 1, 'GB'), '2026-04-07'); // Good Friday, Easter Monday
});
