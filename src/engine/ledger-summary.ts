import { agingBuckets, agingThresholds, type AgingBucket } from '../core/aging.ts';
import type { LocalDate } from '../core/local-date.ts';
import type { LedgerReader } from './ports.ts';

/** Aging of one currency: open invoice amounts per bucket, never summed across currencies. */
export type CurrencyAging = {
  readonly currency: string;
  readonly buckets: Readonly<Record<AgingBucket, { openMinor: bigint; count: number }>>;
  readonly totalMinor: bigint;
  readonly count: number;
  readonly openCreditMinor: bigint;
  readonly unappliedCashMinor: bigint;
};

/** The receivables on a day: aging per currency, open credits and unapplied cash. */
export async function ledgerSummary(reader: LedgerReader, today: LocalDate): Promise<{ asOf: LocalDate; currencies: CurrencyAging[] }> {
  const [aging, credits, cash] = await Promise.all([reader.agingTotals(agingThresholds(today)), reader.openCredits(), reader.unappliedCash()]);
  const currencies = new Set([...aging.map((a) => a.currency), ...credits.map((c) => c.currency), ...cash.map((c) => c.currency)]);
  const out: CurrencyAging[] = [];
  for (const currency of [...currencies].sort()) {
    const buckets = Object.fromEntries(agingBuckets.map((b) => [b, { openMinor: 0n, count: 0 }])) as Record<AgingBucket, { openMinor: bigint; count: number }>;
    let totalMinor = 0n;
    let count = 0;
    for (const row of aging.filter((a) => a.currency === currency)) {
      buckets[row.bucket as AgingBucket] = { openMinor: row.openMinor, count: row.count };
      totalMinor += row.openMinor;
      count += row.count;
    }
    out.push({
      currency,
      buckets,
      totalMinor,
      count,
      openCreditMinor: credits.find((c) => c.currency === currency)?.openMinor ?? 0n,
      unappliedCashMinor: cash.find((c) => c.currency === currency)?.unappliedMinor ?? 0n,
    });
  }
  return { asOf: today, currencies: out };
}
