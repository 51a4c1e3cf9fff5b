// Directive 2011/7/EU and France (Code de commerce L441-10) against published rates and examples.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CurrencyCode } from '../currency.ts';
import type { LocalDate } from '../local-date.ts';
import { calculateInterest } from './calculate.ts';
import { mergeRateTable } from './merge.ts';
import type { RateTable } from './rates.ts';
import { shippedRateTables } from './shipped.ts';
import type { InterestInput, InterestResult } from './types.ts';

const eur = 'EUR' as CurrencyCode;

function claim(
  law: 'eu' | 'fr',
  principalMinor: bigint,
  dueDate: string,
  until: string,
  extra: Partial<InterestInput> = {},
): InterestResult {
  return calculateInterest({
    law,
    principalMinor,
    currency: eur,
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

test('France, heropay.eu example: EUR 1,000 late 30 days at 14.5 % is EUR 11.92, plus the EUR 40 indemnity', () => {
  // https://www.heropay.eu/blog/comment-facturer-penalites : "1 000 € en retard de 30 jours à 14,5 % = 11,92 €".
  // 14.5 % = ECB rate in force on 1 January 2024 (4.50 %) + 10 points.
  const r = ok(claim('fr', 100_000n, '2024-01-31', '2024-03-01'));
  assert.equal(r.days, 30);
  assert.equal(r.periods[0]?.referenceRatePercent, '4.50');
  assert.equal(r.ratePercent, '14.50');
  assert.equal(r.interestMinor, 1192n);
  assert.equal(r.fixedCompensationMinor, 4000n);
});

test('France, published half-year rates: 11 % in 2010 (tlf-blog), 14.25 % for July-December 2024 (Bpifrance)', () => {
  // http://www.tlf-blog.com/actualites/317-delais-de-paiement-et-penalites-de-retard.html : "11% (1% + 10%)" for 2010.
  assert.equal(ok(claim('fr', 100_000n, '2010-03-01', '2010-03-02')).ratePercent, '11.00');
  // https://bpifrance-creation.fr/boiteaoutils/taux-penalites-retard : "Depuis le mois de juin 2024 ... 4,25 soit 14,25 %".
  assert.equal(ok(claim('fr', 100_000n, '2024-09-01', '2024-09-02')).ratePercent, '14.25');
});

test('EU directive, getinvoicepdf.com table: 10.15 % for January-June 2026 (ECB 2.15 % on 1 January)', () => {
  // https://getinvoicepdf.com/articles/eu-late-payment-directive.html : "1 Jan – 30 Jun 2026 | 2.15% | 10.15%".
  // EUR 3,000 x 10.15 % x 30/365 = 25.0274 -> 25.03.
  const r = ok(claim('eu', 300_000n, '2026-02-28', '2026-03-30'));
  assert.equal(r.ratePercent, '10.15');
  assert.equal(r.interestMinor, 2503n);
  assert.equal(r.fixedCompensationMinor, 4000n);
});

test('EU directive: July-December 2026 needs the ECB rate of 1 July 2026, beyond the table: rate_unknown', () => {
  // The same page reports a June 2026 ECB rise to 2.40 %; the shipped table ends 2026-04-16, so
  // Dunwise must say it does not know rather than reuse 2.15 %.
  assert.deepEqual(claim('eu', 300_000n, '2026-06-15', '2026-07-15'), {
    kind: 'rate_unknown',
    table: 'ecbMro',
    needsRateFor: '2026-07-01',
    knownUntil: '2026-04-16',
    cause: 'after_known_until',
  });
});

test('EU directive: a claim over 1 July is split; the ECB cut of 12 June 2024 only counts from 1 July', () => {
  const r = ok(claim('eu', 500_000n, '2024-05-31', '2024-08-31'));
  assert.deepEqual(
    r.periods.map((p) => [
      p.from,
      p.to,
      p.days,
      p.referenceRatePercent,
      p.ratePercent,
      p.interestMinor,
    ]),
    [
      ['2024-06-01', '2024-06-30', 30, '4.50', '12.50', 5137n], // 5000 x 12.5 % x 30/365 = 51.3699
      ['2024-07-01', '2024-08-31', 62, '4.25', '12.25', 10_404n], // 5000 x 12.25 % x 62/365 = 104.0411
    ],
  );
  assert.equal(r.interestMinor, 15_541n);
  assert.equal(r.ratePercent, '12.25');
});

test('ECB variable-rate tenders (2000-06-28..2008-10-14): rate_unknown unless the user supplies the rates', () => {
  assert.deepEqual(claim('eu', 100_000n, '2005-03-01', '2005-04-01'), {
    kind: 'rate_unknown',
    table: 'ecbMro',
    needsRateFor: '2005-01-01',
    knownUntil: '2026-04-16',
    cause: 'gap_in_table',
  });
  // Test figures, not ECB data: a user file filling the gap.
  const merged = mergeRateTable(shippedRateTables.ecbMro as RateTable, {
    source: 'test extension',
    attribution: 'test',
    knownUntil: '2008-10-14',
    changes: [
      { from: '2000-06-28', ratePercent: '4.25' },
      { from: '2003-06-09', ratePercent: '2.00' },
    ],
  });
  assert.equal(merged.kind, 'ok');
  if (merged.kind !== 'ok') return;
  assert.equal(merged.table.knownUntil, '2026-04-16');
  const r = ok(
    claim('eu', 100_000n, '2005-03-01', '2005-04-01', { tables: { ecbMro: merged.table } }),
  );
  assert.equal(r.ratePercent, '10.00');
  assert.equal(
    ok(claim('eu', 100_000n, '2009-03-01', '2009-03-02', { tables: { ecbMro: merged.table } }))
      .ratePercent,
    '10.50',
  );
});

test('refusals: non-EUR debts, consumer debts, a missing table', () => {
  for (const law of ['eu', 'fr'] as const) {
    assert.equal(
      claim(law, 100_000n, '2024-03-01', '2024-04-01', { currency: 'SEK' as CurrencyCode }).kind,
      'error',
    );
    assert.equal(
      claim(law, 100_000n, '2024-03-01', '2024-04-01', { businessToBusiness: false }).kind,
      'error',
    );
    assert.equal(claim(law, 100_000n, '2024-03-01', '2024-04-01', { tables: {} }).kind, 'error');
  }
});
