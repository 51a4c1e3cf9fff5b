// Shipped rate tables: they agree with the reference files, validate, and extend safely.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFixture } from '../../../test/fixtures.ts';
import type { LocalDate } from '../local-date.ts';
import { mergeRateTable } from './merge.ts';
import { canonicalPercentText } from './percent.ts';
import { parseRateTable, rateOn, type RateTable } from './rates.ts';
import { shippedRateTables } from './shipped.ts';

const de = shippedRateTables.deBasiszinssatz as RateTable;
const ecb = shippedRateTables.ecbMro as RateTable;
const boe = shippedRateTables.boeBankRate as RateTable;

function textOn(table: RateTable, date: string): string | null {
  const found = rateOn(table, date as LocalDate);
  return found.kind === 'known' ? found.ratePercent : null;
}

test('every shipped table names its source and attribution and says how far it is known', () => {
  assert.deepEqual(
    [de.knownUntil, ecb.knownUntil, boe.knownUntil],
    ['2025-12-31', '2026-04-16', '2025-11-06'],
  );
  for (const table of [de, ecb, boe]) {
    assert.ok(table.source.length > 20 && table.attribution.length > 10);
    for (const c of table.changes)
      assert.ok(
        c.ratePercent === null || /^-?\d+\.\d{2,}$/.test(c.ratePercent),
        c.ratePercent ?? '',
      );
  }
  assert.ok(
    de.changes.every((c) => /-0[17]-01$/.test(c.from)),
    'the Basiszinssatz changes on 1 January and 1 July only',
  );
});

test('the ECB table equals the FRED daily file on every day, with the variable-rate window unknown', () => {
  const rows = readFixture('reference/ecb_mro_fixed_rate_daily_FRED_ECBMRRFR.csv')
    .toString('utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1);
  assert.ok(rows.length > 9000);
  for (const row of rows) {
    const [date = '', value = ''] = row.split(',');
    assert.equal(textOn(ecb, date), value === '' ? null : canonicalPercentText(value), date);
  }
  assert.deepEqual(rateOn(ecb, '2004-01-01' as LocalDate), {
    kind: 'unknown',
    cause: 'gap_in_table',
  });
  assert.equal(textOn(ecb, '2000-06-27'), '4.25');
  assert.equal(textOn(ecb, '2008-10-15'), '3.75');
});

test('the Bank Rate table holds every row of the Bank of England file and the later changes', () => {
  const rows = readFixture('reference/uk_boe_bank_rate_changes_1975-2024.csv')
    .toString('utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1);
  const months = 'JanFebMarAprMayJunJulAugSepOctNovDec';
  for (const row of rows) {
    const [, dd, mon, yy, value] = /^(\d{2})-(\w{3})-(\d{2}),(.+)$/.exec(row) ?? [];
    const year = Number(yy) >= 75 ? `19${yy}` : `20${yy}`;
    const month = String(months.indexOf(mon ?? '?') / 3 + 1).padStart(2, '0');
    assert.equal(textOn(boe, `${year}-${month}-${dd}`), canonicalPercentText(value ?? ''), row);
  }
  assert.equal(textOn(boe, '2025-06-30'), '4.25');
  assert.equal(textOn(boe, '2025-11-06'), '4.00');
  assert.deepEqual(rateOn(boe, '2025-11-07' as LocalDate), {
    kind: 'unknown',
    cause: 'after_known_until',
  });
  assert.deepEqual(rateOn(boe, '1975-01-19' as LocalDate), {
    kind: 'unknown',
    cause: 'before_first_rate',
  });
});

test('the Basiszinssatz table equals the Bundesbank change points', () => {
  const text = readFixture('reference/de_basiszinssatz_change_points.json').toString('utf8');
  const points = [...text.matchAll(/"(\d{4}-\d{2})":\s*(-?[\d.]+)/g)];
  assert.equal(points.length, de.changes.length);
  for (const [, month, value] of points)
    assert.equal(textOn(de, `${month}-01`), canonicalPercentText(value ?? ''), month);
  assert.equal(textOn(de, '2020-06-30'), '-0.88');
});

test('parseRateTable refuses float rates, unsorted changes and changes after knownUntil', () => {
  const good = {
    source: 's',
    attribution: 'a',
    knownUntil: '2025-12-31',
    changes: [{ from: '2025-01-01', ratePercent: '3.62' }],
  };
  assert.equal(parseRateTable(good).kind, 'ok');
  const bad: unknown[] = [
    { ...good, changes: [{ from: '2025-01-01', ratePercent: 3.62 }] },
    { ...good, changes: [{ from: '2025-01-01', ratePercent: '3,62' }] },
    {
      ...good,
      changes: [
        { from: '2025-07-01', ratePercent: '1' },
        { from: '2025-01-01', ratePercent: '2' },
      ],
    },
    {
      ...good,
      changes: [
        { from: '2025-01-01', ratePercent: '1' },
        { from: '2025-01-01', ratePercent: '2' },
      ],
    },
    { ...good, knownUntil: '2024-12-31' },
    { ...good, knownUntil: '2025-02-30' },
    { ...good, attribution: '' },
    { ...good, changes: [] },
    [good],
  ];
  for (const value of bad) assert.equal(parseRateTable(value).kind, 'error', JSON.stringify(value));
});

test('mergeRateTable extends, fills gaps, and refuses holes and contradictions', () => {
  const base = {
    source: 'base',
    attribution: 'a',
    knownUntil: '2025-06-30',
    changes: [{ from: '2025-01-01', ratePercent: '2.00' }],
  };
  const parsed = parseRateTable(base);
  assert.equal(parsed.kind, 'ok');
  if (parsed.kind !== 'ok') return;
  const extended = mergeRateTable(parsed.table, {
    source: 'ext',
    attribution: 'b',
    knownUntil: '2025-12-31',
    changes: [
      { from: '2025-03-01', ratePercent: '2' },
      { from: '2025-09-01', ratePercent: '1.75' },
    ],
  });
  assert.equal(extended.kind, 'ok');
  if (extended.kind !== 'ok') return;
  assert.deepEqual(extended.table.changes, [
    { from: '2025-01-01', ratePercent: '2.00' },
    { from: '2025-09-01', ratePercent: '1.75' },
  ]);
  assert.equal(extended.table.knownUntil, '2025-12-31');
  assert.equal(extended.table.source, 'base; extended by ext');
  const hole = mergeRateTable(parsed.table, {
    source: 'e',
    attribution: 'b',
    knownUntil: '2025-12-31',
    changes: [{ from: '2025-07-02', ratePercent: '1' }],
  });
  assert.match(hole.kind === 'error' ? hole.reason : '', /2025-07-01 would be missing/);
  const conflict = mergeRateTable(parsed.table, {
    source: 'e',
    attribution: 'b',
    knownUntil: '2025-12-31',
    changes: [{ from: '2025-06-01', ratePercent: '2.5' }],
  });
  assert.match(conflict.kind === 'error' ? conflict.reason : '', /says 2\.5 % on 2025-06-01/);
  assert.equal(mergeRateTable(parsed.table, { changes: [] }).kind, 'error');
  const adjacent = mergeRateTable(parsed.table, {
    source: 'e',
    attribution: 'b',
    knownUntil: '2025-12-31',
    changes: [{ from: '2025-07-01', ratePercent: '1.5' }],
  });
  assert.equal(adjacent.kind === 'ok' ? textOn(adjacent.table, '2025-07-01') : null, '1.5');
});
