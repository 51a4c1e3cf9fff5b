import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { LocalDate } from '../core/local-date.ts';
import { findDates } from './dates.ts';

const future = (text: string, ref: string, lang = 'en'): (string | null)[] =>
  findDates(text, ref as LocalDate, lang).map((m) => m.future);

test('dates are resolved against the day the reply arrived', () => {
  const cases: [string, string, string, string][] = [
    // text, received (weekday), lang, expected first future reading
    ['we pay on the 15th', '2025-03-10', 'en', '2025-03-15'],
    ['we pay on the 5th', '2025-03-10', 'en', '2025-04-05'], // already past this month
    ['next Friday', '2025-03-27', 'en', '2025-03-28'], // Thursday -> the next day
    ['by Friday', '2025-04-04', 'en', '2025-04-11'], // on a Friday -> a week later
    ['end of the month', '2025-02-20', 'en', '2025-02-28'],
    ['15/12', '2025-11-03', 'en', '2025-12-15'],
    ['15.12.', '2025-11-03', 'de', '2025-12-15'],
    ['December 15', '2025-11-03', 'en', '2025-12-15'],
    ['15 décembre', '2025-11-03', 'fr', '2025-12-15'],
    ['15. Dezember', '2025-11-03', 'de', '2025-12-15'],
    ['on January 9th', '2025-12-19', 'en', '2026-01-09'], // next year
    ['in two weeks', '2025-05-07', 'en', '2025-05-21'],
    ['in zehn Tagen', '2025-04-29', 'de', '2025-05-09'],
    ['nächste Woche', '2025-07-01', 'de', '2025-07-11'], // Friday of next week
    ['fin du mois', '2025-06-09', 'fr', '2025-06-30'],
    ["d'ici la fin de la semaine", '2025-03-10', 'fr', '2025-03-14'],
    ['le 1er avril', '2025-03-24', 'fr', '2025-04-01'],
    ['Ende September', '2025-09-02', 'de', '2025-09-30'],
    ['mi-octobre', '2025-10-01', 'fr', '2025-10-15'],
    ['am 1.8.', '2025-07-23', 'de', '2025-08-01'],
    ['05/30/2025', '2025-06-02', 'en', '2025-05-30'], // month first only when day first is impossible
    ['tomorrow', '2025-12-31', 'en', '2026-01-01'],
    ['Jahresende', '2025-12-12', 'de', '2025-12-31'],
  ];
  for (const [text, ref, lang, want] of cases) assert.equal(future(text, ref, lang)[0], want, `${text} @ ${ref}`);
});

test('past readings for payments already made', () => {
  const [m] = findDates('wurde am 10.03. überwiesen', '2025-03-12' as LocalDate, 'de');
  assert.equal(m?.past, '2025-03-10');
  const [y] = findDates('virement effectué hier', '2025-03-19' as LocalDate, 'fr');
  assert.equal(y?.past, '2025-03-18');
  assert.deepEqual(findDates('wir sind hier', '2025-03-19' as LocalDate, 'de'), []); // German "hier" = here
});

test('amounts, times and percentages are not dates', () => {
  const ref = '2025-05-13' as LocalDate;
  assert.deepEqual(findDates('2.380,00 EUR and 845,50 € and 12.50 and 2.5% at 10:00', ref), []);
  assert.deepEqual(findDates('Guten Morgen', ref, 'de'), []);
});
