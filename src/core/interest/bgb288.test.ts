// § 288 BGB against the third-party unit tests of ameax/bgb-interest (MIT), read from
// ../shared/fixtures/reference/de_bgb288_BgbInterestTest.php (tests/Unit/BgbInterestTest.php at
// commit 8624a00b49b0). The PHP file is parsed here, so a changed fixture changes the test.
//
// Date mapping. ameax's calculate($amount, $due, $payment) counts PHP's diff($due, $payment) days
// at the rate of $due's half-year; its 2023-01-01 -> 2023-07-01 case is 181 days, all at the
// 1.62 % Basiszinssatz, which are exactly the days 2023-01-01..2023-06-30. Dunwise counts the days
// after dueDate up to and including until, so the same days are dueDate = $due - 1 and
// until = $payment - 1. Called with the literal dates, Dunwise would charge 2023-07-02..07-01 and
// put 1 July at the new 3.12 % (§ 247 (1) BGB: the rate changes on 1 July): see the last test.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFixture } from '../../../test/fixtures.ts';
import type { CurrencyCode } from '../currency.ts';
import { addDays, type LocalDate } from '../local-date.ts';
import { parseDecimal } from '../money.ts';
import { calculateInterest } from './calculate.ts';
import { canonicalPercentText } from './percent.ts';
import { parseRateTable, rateOn, type RateTable } from './rates.ts';
import { shippedRateTables } from './shipped.ts';
import type { InterestResult } from './types.ts';

const php = readFixture('reference/de_bgb288_BgbInterestTest.php').toString('utf8');
const eurCode = 'EUR' as CurrencyCode;

function eur(text: string): bigint {
  const parsed = parseDecimal(text, eurCode);
  assert.equal(parsed.kind, 'ok', text);
  return parsed.kind === 'ok' ? parsed.minor : 0n;
}

// The five Basiszinssatz values the PHP tests install with saveToJson (lines 13-19).
const phpRates = [...php.matchAll(/'(\d{4})-(\d{2})' => (-?\d+\.\d+)/g)].map((m) => ({
  from: `${m[1]}-${m[2]}-01` as LocalDate,
  ratePercent: m[3] ?? '',
}));
const phpTableParse = parseRateTable({
  source: 'ameax/bgb-interest tests/Unit/BgbInterestTest.php beforeEach',
  attribution: 'ameax/bgb-interest (MIT)',
  knownUntil: '2025-06-30',
  changes: phpRates,
});
assert.equal(phpTableParse.kind, 'ok');
const phpTable = (phpTableParse.kind === 'ok' ? phpTableParse.table : undefined) as RateTable;

type PhpCase = {
  title: string;
  amount: string;
  due: LocalDate;
  payment: LocalDate;
  consumer: boolean;
  totalInterest: string;
  totalDays?: number;
};

// Every it(...) block that calls calculate() and states a numeric total_interest.
const phpCases: PhpCase[] = php
  .split(/^it\(/m)
  .slice(1)
  .flatMap((block) => {
    const call =
      /->calculate\(\s*([\d.]+),\s*new DateTime\('([\d-]+)'\),\s*new DateTime\('([\d-]+)'\),\s*(true|false)/.exec(
        block,
      );
    const total = /\['total_interest'\]\)->toBe\(([\d.]+)\)/.exec(block);
    if (!call || !total) return [];
    const days = /\['total_days'\]\)->toBe\((\d+)\)/.exec(block);
    const found: PhpCase = {
      title: /^'([^']+)'/.exec(block)?.[1] ?? '?',
      amount: call[1] ?? '',
      due: call[2] as LocalDate,
      payment: call[3] as LocalDate,
      consumer: call[4] === 'true',
      totalInterest: total[1] ?? '',
    };
    return [days ? { ...found, totalDays: Number(days[1]) } : found];
  });

function deClaim(
  amount: string,
  due: LocalDate,
  payment: LocalDate,
  consumer: boolean,
  table: RateTable,
): InterestResult {
  return calculateInterest({
    law: 'de',
    principalMinor: eur(amount),
    currency: eurCode,
    dueDate: addDays(due, -1),
    until: addDays(payment, -1),
    businessToBusiness: !consumer,
    tables: { deBasiszinssatz: table },
  });
}

test('the PHP fixture yields the four cases with stated totals (328.28, 526.64, 0.0, 0.0)', () => {
  assert.deepEqual(
    phpCases.map((c) => c.totalInterest),
    ['328.28', '526.64', '0.0', '0.0'],
  );
  assert.equal(phpRates.length, 5);
});

for (const c of phpCases) {
  test(`ameax: ${c.title} -> ${c.totalInterest}`, () => {
    for (const table of [phpTable, shippedRateTables.deBasiszinssatz as RateTable]) {
      const result = deClaim(c.amount, c.due, c.payment, c.consumer, table);
      assert.equal(result.kind, 'ok');
      if (result.kind !== 'ok') return;
      assert.equal(result.interestMinor, eur(c.totalInterest));
      if (c.totalDays !== undefined) assert.equal(result.days, c.totalDays);
      if (c.totalDays === 0) assert.deepEqual(result.periods, []);
    }
  });
}

test('ameax: the installed base rates equal the shipped Bundesbank table', () => {
  for (const { from, ratePercent } of phpRates) {
    const shipped = rateOn(shippedRateTables.deBasiszinssatz as RateTable, from);
    assert.equal(
      shipped.kind === 'known' ? shipped.ratePercent : null,
      canonicalPercentText(ratePercent),
      from,
    );
  }
});

test('ameax lines 72-92: 2023 splits into two periods at 1 July, 6.62 % then 8.12 % (consumer)', () => {
  const result = deClaim(
    '10000.00',
    '2023-01-01' as LocalDate,
    '2024-01-01' as LocalDate,
    true,
    phpTable,
  );
  assert.equal(result.kind, 'ok');
  if (result.kind !== 'ok') return;
  assert.deepEqual(
    result.periods.map((p) => [
      p.from,
      p.to,
      p.days,
      p.referenceRatePercent,
      p.ratePercent,
      p.interestMinor,
    ]),
    [
      ['2023-01-01', '2023-06-30', 181, '1.62', '6.62', eur('328.28')],
      ['2023-07-01', '2023-12-31', 184, '3.12', '8.12', eur('409.34')],
    ],
  );
  // Lines 211-228: the total is the sum of the periods.
  assert.equal(result.interestMinor, eur('737.62'));
  assert.equal(result.ratePercent, '8.12');
  assert.equal(result.fixedCompensationMinor, 0n, 'no Pauschale for a consumer');
});

test('ameax lines 125-147: a claim over the turn of the year has a period ending 2023-12-31', () => {
  const result = deClaim(
    '10000.00',
    '2023-06-15' as LocalDate,
    '2024-03-15' as LocalDate,
    true,
    phpTable,
  );
  assert.equal(result.kind, 'ok');
  assert.ok(result.kind === 'ok' && result.periods.some((p) => p.to === '2023-12-31'));
});

test('ameax lines 174-209: zero or negative principal and a missing rate table are refused', () => {
  const base = {
    law: 'de',
    currency: eurCode,
    dueDate: '2023-01-01' as LocalDate,
    until: '2023-07-01' as LocalDate,
  } as const;
  assert.equal(
    calculateInterest({ ...base, principalMinor: 0n, tables: shippedRateTables }).kind,
    'error',
  );
  assert.equal(
    calculateInterest({ ...base, principalMinor: -100000n, tables: shippedRateTables }).kind,
    'error',
  );
  assert.equal(calculateInterest({ ...base, principalMinor: 100000n, tables: {} }).kind, 'error');
});

// Not reproduced: lines 149-172 (configurable surcharges; Dunwise's points are the statutory ones,
// other rates go through law 'contractual') and 230-481 (partial payments; calculateInterest
// takes one principal, so a caller computes one claim per outstanding balance).

test('literal ameax dates: 1 July 2023 is charged at the new Basiszinssatz, 328.69 not 328.28', () => {
  const result = calculateInterest({
    law: 'de',
    principalMinor: eur('10000.00'),
    currency: eurCode,
    dueDate: '2023-01-01' as LocalDate,
    until: '2023-07-01' as LocalDate,
    businessToBusiness: false,
    tables: shippedRateTables,
  });
  assert.equal(result.kind, 'ok');
  if (result.kind !== 'ok') return;
  assert.equal(result.days, 181);
  // 10000 x 6.62 % x 180/365 = 326.4658 -> 326.47; 10000 x 8.12 % x 1/365 = 2.2247 -> 2.22
  assert.deepEqual(
    result.periods.map((p) => p.interestMinor),
    [eur('326.47'), eur('2.22')],
  );
  assert.equal(result.interestMinor, eur('328.69'));
});
