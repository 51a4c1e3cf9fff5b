// Contractual interest: any currency exponent, day counts, rounding, and money never as a float.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { CurrencyCode } from '../currency.ts';
import type { LocalDate } from '../local-date.ts';
import { calculateInterest } from './calculate.ts';
import type { InterestInput, InterestResult } from './types.ts';

function contractual(
  currency: string,
  principalMinor: bigint,
  dueDate: string,
  until: string,
  extra: Partial<InterestInput>,
): InterestResult {
  return calculateInterest({
    law: 'contractual',
    principalMinor,
    currency: currency as CurrencyCode,
    dueDate: dueDate as LocalDate,
    until: until as LocalDate,
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

test('agenceipro.com example: EUR 15,000 late 30 days at 15 % is EUR 184.93', () => {
  // https://agenceipro.com/zoom-sur-les-penalites-de-retard : "Un retard de 30 jours sur une facture de
  // 15 000 € TTC avec un taux de 15 % entraînerait des pénalités de 184,93 €."
  const r = ok(
    contractual('EUR', 1_500_000n, '2025-03-31', '2025-04-30', { contractualRatePercent: '15' }),
  );
  assert.equal(r.days, 30);
  assert.equal(r.interestMinor, 18_493n);
  assert.equal(r.ratePercent, '15.00');
  assert.equal(r.fixedCompensationMinor, 0n);
});

test('JPY (0 decimals): JPY 123,457 at 8 % for 45 days is JPY 1,218 (1217.658 rounded)', () => {
  const r = ok(
    contractual('JPY', 123_457n, '2025-01-31', '2025-03-17', {
      contractualRatePercent: '8',
      contractualFixedFeeMinor: 1000n,
    }),
  );
  assert.equal(r.days, 45);
  assert.equal(r.interestMinor, 1218n);
  assert.equal(r.fixedCompensationMinor, 1000n);
});

test('KWD (3 decimals): KWD 1,234.567 at 7.25 % for 61 days is KWD 14.959 (14.95855 rounded)', () => {
  const r = ok(
    contractual('KWD', 1_234_567n, '2025-02-28', '2025-04-30', { contractualRatePercent: '7.25' }),
  );
  assert.equal(r.days, 61);
  assert.equal(r.interestMinor, 14_959n);
});

test('day counts over a year end: act/365 167.12, act/360 169.44, act/act 166.89 (30/365 + 31/366)', () => {
  const base = { contractualRatePercent: '10' } as const;
  const expected: [InterestInput['dayCount'], bigint][] = [
    ['act/365', 16_712n],
    ['act/360', 16_944n],
    ['act/act', 16_689n],
  ];
  for (const [dayCount, minor] of expected) {
    const r = ok(
      contractual(
        'EUR',
        1_000_000n,
        '2023-12-01',
        '2024-01-31',
        dayCount === undefined ? base : { ...base, dayCount },
      ),
    );
    assert.equal(r.days, 61);
    assert.equal(r.interestMinor, minor, dayCount);
    assert.equal(r.dayCount, dayCount);
  }
});

test('rounding is half-up on the exact value: 0.5 minor units rounds up, 0.49999 down', () => {
  // 73 x 10 % x 25/365 = 0.5 exactly
  assert.equal(
    ok(contractual('EUR', 73n, '2025-01-01', '2025-01-26', { contractualRatePercent: '10' }))
      .interestMinor,
    1n,
  );
  // 73 x 9.9999 % x 25/365 = 0.499995
  assert.equal(
    ok(contractual('EUR', 73n, '2025-01-01', '2025-01-26', { contractualRatePercent: '9.9999' }))
      .interestMinor,
    0n,
  );
  const r = ok(
    contractual('EUR', 73n, '2025-01-01', '2025-01-26', { contractualRatePercent: '10' }),
  );
  assert.equal(r.rounding, 'half-up to the minor unit per period');
});

test('a fixed fee alone: charged once late, not before', () => {
  const late = ok(
    contractual('EUR', 50_000n, '2025-01-01', '2025-01-02', { contractualFixedFeeMinor: 2500n }),
  );
  assert.deepEqual(
    [late.interestMinor, late.fixedCompensationMinor, late.periods.length, late.days],
    [0n, 2500n, 0, 1],
  );
  const onTime = ok(
    contractual('EUR', 50_000n, '2025-01-01', '2025-01-01', {
      contractualFixedFeeMinor: 2500n,
      contractualRatePercent: '5',
    }),
  );
  assert.deepEqual(
    [onTime.interestMinor, onTime.fixedCompensationMinor, onTime.days, onTime.ratePercent],
    [0n, 0n, 0, '0.00'],
  );
});

test('refusals: no terms, a non-decimal or negative rate, a negative fee, an unknown currency', () => {
  const refused: Partial<InterestInput>[] = [
    {},
    { contractualRatePercent: '1,5' },
    { contractualRatePercent: '1e2' },
    { contractualRatePercent: '' },
    { contractualRatePercent: '-1' },
    { contractualFixedFeeMinor: -1n },
  ];
  for (const extra of refused) {
    assert.equal(
      contractual('EUR', 100n, '2025-01-01', '2025-02-01', extra).kind,
      'error',
      JSON.stringify(extra, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}` : v)),
    );
  }
  assert.equal(
    contractual('EURO', 100n, '2025-01-01', '2025-02-01', { contractualRatePercent: '5' }).kind,
    'error',
  );
});

test('money never passes through a float: bigint results, and no parseFloat/toFixed in this folder', () => {
  const r = ok(
    contractual('EUR', 9_007_199_254_740_991n, '2000-01-01', '2025-01-01', {
      contractualRatePercent: '2',
    }),
  );
  // 2^53-1 x 2 % x 9132/365: far beyond float precision, still exact
  assert.equal(typeof r.interestMinor, 'bigint');
  assert.equal(
    r.interestMinor,
    (9_007_199_254_740_991n * 2n * 9132n * 2n + 36_500n) / (36_500n * 2n),
  );
  const folder = new URL('.', import.meta.url);
  const sources = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter(
    (f) => f.endsWith('.ts') && !f.endsWith('.test.ts'),
  );
  assert.ok(sources.length >= 10);
  for (const file of sources) {
    const text = readFileSync(new URL(file, folder), 'utf8');
    assert.doesNotMatch(text, /parseFloat|toFixed|Number\.parseFloat/, file);
  }
});
