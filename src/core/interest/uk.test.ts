// UK Late Payment of Commercial Debts (Interest) Act 1998 against published worked examples.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CurrencyCode } from '../currency.ts';
import type { LocalDate } from '../local-date.ts';
import { calculateInterest } from './calculate.ts';
import { mergeRateTable } from './merge.ts';
import type { RateTable } from './rates.ts';
import { shippedRateTables } from './shipped.ts';
import type { InterestInput, InterestResult } from './types.ts';

const gbp = 'GBP' as CurrencyCode;

function uk(
  principalMinor: bigint,
  dueDate: string,
  until: string,
  extra: Partial<InterestInput> = {},
): InterestResult {
  return calculateInterest({
    law: 'uk',
    principalMinor,
    currency: gbp,
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

test('Daniels Silverman example: GBP 1,000 at 12 % (reference rate 4 %) for 30 days is GBP 9.86', () => {
  // http://www.danielssilverman.co.uk/interest.php : "£1,000 x 12% = £120 ... 32.9 pence x 30 days
  // = £9.86". Placed in 1 Jan-30 Jun 2003, whose reference rate (Bank Rate on 31 Dec 2002) was 4 %.
  const r = ok(uk(100_000n, '2003-03-01', '2003-03-31'));
  assert.equal(r.days, 30);
  assert.equal(r.periods[0]?.referenceRatePercent, '4.00');
  assert.equal(r.ratePercent, '12.00');
  assert.equal(r.interestMinor, 986n);
  assert.equal(r.fixedCompensationMinor, 7000n, 'a GBP 1,000 debt is in the GBP 70 band');
});

test('published examples that round the daily interest first differ by design (exact: 169.49, 32.67)', () => {
  // https://support.paidnice.com/en/articles/11600906 : GBP 5,000, 12.25 %, 101 days;
  // "£1.68/day x 101 = £169.68" rounds the daily rate first. Exact: 5000 x 12.25 % x 101/365 =
  // 169.486 -> 169.49. 12.25 % is the rate of 1 Jul-31 Dec 2025 (Bank Rate 4.25 % on 30 June 2025).
  const paidnice = ok(uk(500_000n, '2025-07-01', '2025-10-10'));
  assert.equal(paidnice.days, 101);
  assert.equal(paidnice.ratePercent, '12.25');
  assert.equal(paidnice.interestMinor, 16_949n);
  assert.equal(paidnice.fixedCompensationMinor, 7000n);
  // https://toolfy.io/blog/statutory-interest-calculator-late-payment-uk : GBP 2,000, 5.25 % + 8 %,
  // 45 days, published "GBP 32.66" after rounding 45/365 to 0.1233. Exact: 32.671 -> 32.67.
  // 13.25 % is the rate of 1 Jan-30 Jun 2024 (Bank Rate 5.25 % on 31 December 2023).
  const toolfy = ok(uk(200_000n, '2024-02-01', '2024-03-17'));
  assert.equal(toolfy.days, 45);
  assert.equal(toolfy.ratePercent, '13.25');
  assert.equal(toolfy.interestMinor, 3267n);
});

test('reference rates match the published half-year table of payontime.co.uk', () => {
  // https://payontime.co.uk/how-to-calculate-late-payment-interest-and-compensation (reference rate table)
  const published: [string, string][] = [
    ['2024-01-01', '5.25'],
    ['2023-07-01', '5.00'],
    ['2023-01-01', '3.50'],
    ['2022-07-01', '1.25'],
    ['2022-01-01', '0.25'],
    ['2021-07-01', '0.10'],
    ['2020-01-01', '0.75'],
    ['2018-07-01', '0.50'],
    ['2017-01-01', '0.25'],
    ['2016-07-01', '0.50'],
  ];
  for (const [halfYear, reference] of published) {
    const r = ok(uk(100_000n, halfYear, halfYear.replace(/-01$/, '-02')));
    assert.equal(r.periods[0]?.referenceRatePercent, reference, halfYear);
  }
});

test('the rate is fixed per half-year: the Bank Rate rise of 3 August 2023 does not change July-December 2023', () => {
  const r = ok(uk(1_000_000n, '2023-07-31', '2023-09-30'));
  assert.equal(r.periods.length, 1);
  assert.equal(r.ratePercent, '13.00');
});

test('a claim over 1 January is split: 13.00 % for December 2023, 13.25 % from 1 January 2024', () => {
  const r = ok(uk(1_000_000n, '2023-11-30', '2024-02-29'));
  assert.deepEqual(
    r.periods.map((p) => [p.from, p.to, p.days, p.ratePercent, p.interestMinor]),
    [
      ['2023-12-01', '2023-12-31', 31, '13.00', 11_041n], // 10000 x 13 % x 31/365 = 110.4110
      ['2024-01-01', '2024-02-29', 60, '13.25', 21_781n], // 10000 x 13.25 % x 60/365 = 217.8082
    ],
  );
  assert.equal(r.interestMinor, 32_822n);
  assert.equal(r.days, 91);
  assert.equal(r.fixedCompensationMinor, 10_000n, 'GBP 10,000 is in the GBP 100 band');
});

test('fixed sums by band: under 1,000 -> 40; 1,000-9,999.99 -> 70; 10,000 and more -> 100', () => {
  const bands: [bigint, bigint][] = [
    [1n, 4000n],
    [99_999n, 4000n],
    [100_000n, 7000n],
    [999_999n, 7000n],
    [1_000_000n, 10_000n],
  ];
  for (const [principal, fixed] of bands) {
    assert.equal(
      ok(uk(principal, '2024-03-01', '2024-03-02')).fixedCompensationMinor,
      fixed,
      `${principal}`,
    );
  }
  assert.equal(
    ok(uk(100_000n, '2024-03-01', '2024-03-01')).fixedCompensationMinor,
    0n,
    'not late yet',
  );
});

test('1 January 2026 needs Bank Rate on 31 December 2025, beyond the shipped table: rate_unknown', () => {
  assert.deepEqual(uk(100_000n, '2025-12-15', '2026-01-10'), {
    kind: 'rate_unknown',
    table: 'boeBankRate',
    needsRateFor: '2025-12-31',
    knownUntil: '2025-11-06',
    cause: 'after_known_until',
  });
  ok(uk(100_000n, '2025-12-15', '2025-12-31'));
});

test('a user extension of the Bank Rate table makes 2026 computable', () => {
  // Test figures, not Bank of England data: the user states Bank Rate stayed 4.00 % to 31 January 2026.
  const merged = mergeRateTable(shippedRateTables.boeBankRate as RateTable, {
    source: 'test extension',
    attribution: 'test',
    knownUntil: '2026-01-31',
    changes: [{ from: '2025-08-07', ratePercent: '4' }],
  });
  assert.equal(merged.kind, 'ok');
  if (merged.kind !== 'ok') return;
  const r = ok(uk(100_000n, '2025-12-15', '2026-01-10', { tables: { boeBankRate: merged.table } }));
  assert.deepEqual(
    r.periods.map((p) => [p.from, p.to, p.ratePercent]),
    [
      ['2025-12-16', '2025-12-31', '12.25'], // Bank Rate 4.25 % on 30 June 2025
      ['2026-01-01', '2026-01-10', '12.00'], // Bank Rate 4.00 % on 31 December 2025 (per the extension)
    ],
  );
});

test('refusals: consumer debts, other currencies, debts due before the 2002 regime', () => {
  assert.equal(
    uk(100_000n, '2024-03-01', '2024-04-01', { businessToBusiness: false }).kind,
    'error',
  );
  assert.equal(
    uk(100_000n, '2024-03-01', '2024-04-01', { currency: 'EUR' as CurrencyCode }).kind,
    'error',
  );
  assert.equal(uk(100_000n, '2002-08-06', '2002-09-01').kind, 'error');
  assert.equal(
    uk(100_000n, '2024-03-01', '2024-04-01', { contractualRatePercent: '10' }).kind,
    'error',
  );
});
