// § 288 BGB with the shipped Bundesbank table: splitting, the 2014 reform, and the table's limits.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CurrencyCode } from '../currency.ts';
import type { LocalDate } from '../local-date.ts';
import { calculateInterest } from './calculate.ts';
import { shippedRateTables } from './shipped.ts';
import type { InterestInput, InterestResult } from './types.ts';

function de(
  principalMinor: bigint,
  dueDate: string,
  until: string,
  extra: Partial<InterestInput> = {},
): InterestResult {
  return calculateInterest({
    law: 'de',
    principalMinor,
    currency: 'EUR' as CurrencyCode,
    dueDate: dueDate as LocalDate,
    until: until as LocalDate,
    tables: shippedRateTables,
    ...extra,
  });
}

function ok(result: InterestResult) {
  assert.equal(
    result.kind,
    'ok',
    JSON.stringify(result, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}` : v)),
  );
  if (result.kind !== 'ok') throw new Error('unreachable');
  return result;
}

test('B2B over 1 July, 1 January and 1 July: four periods, 10.62 % to 12.62 %', () => {
  const r = ok(de(1_000_000n, '2023-06-15', '2024-07-15'));
  assert.deepEqual(
    r.periods.map((p) => [p.from, p.to, p.days, p.ratePercent, p.interestMinor]),
    [
      ['2023-06-16', '2023-06-30', 15, '10.62', 4364n], // 10000 x 10.62 % x 15/365 = 43.6438
      ['2023-07-01', '2023-12-31', 184, '12.12', 61_098n], // x 12.12 % x 184/365 = 610.9808
      ['2024-01-01', '2024-06-30', 182, '12.62', 62_927n], // x 12.62 % x 182/365 = 629.2712
      ['2024-07-01', '2024-07-15', 15, '12.37', 5084n], // x 12.37 % x 15/365 = 50.8356
    ],
  );
  assert.equal(r.interestMinor, 4364n + 61_098n + 62_927n + 5084n);
  assert.equal(r.days, 396);
  assert.equal(r.fixedCompensationMinor, 4000n);
});

test('half-years with the same Basiszinssatz form one period (-0.88 % from July 2016 to December 2022)', () => {
  const r = ok(de(1_000_000n, '2016-06-30', '2022-12-31', { businessToBusiness: false }));
  assert.deepEqual(
    r.periods.map((p) => [p.from, p.to, p.ratePercent]),
    [['2016-07-01', '2022-12-31', '4.12']],
  );
});

test('the 2014 reform: due 28 July 2014 keeps +8 and no Pauschale; due 29 July 2014 gets +9 and EUR 40', () => {
  const before = ok(de(100_000n, '2014-07-28', '2014-08-28'));
  assert.deepEqual([before.ratePercent, before.fixedCompensationMinor], ['7.27', 0n]);
  const after = ok(de(100_000n, '2014-07-29', '2014-08-28'));
  assert.deepEqual([after.ratePercent, after.fixedCompensationMinor], ['8.27', 4000n]);
});

test('beyond the shipped Basiszinssatz (known until 2025-12-31) the result is rate_unknown, not 1.27 % again', () => {
  ok(de(100_000n, '2025-11-30', '2025-12-31'));
  assert.deepEqual(de(100_000n, '2025-11-30', '2026-01-01'), {
    kind: 'rate_unknown',
    table: 'deBasiszinssatz',
    needsRateFor: '2026-01-01',
    knownUntil: '2025-12-31',
    cause: 'after_known_until',
  });
  assert.equal(
    (de(100_000n, '2001-11-30', '2002-01-31') as { cause?: string }).cause,
    'before_first_rate',
    'the shipped series starts in 2002',
  );
});

test('refusals: non-EUR debts', () => {
  assert.equal(
    de(100_000n, '2024-03-01', '2024-04-01', { currency: 'CHF' as CurrencyCode }).kind,
    'error',
  );
});
