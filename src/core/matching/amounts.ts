// How a paid amount relates to what is owed: exact, short by a bank fee, partial, or over.
import { formatMoney } from '../money.ts';
import type { CurrencyCode } from '../currency.ts';
import type { MatchSettings } from './settings.ts';
import type { Allocation, OpenInvoice, Signal } from './types.ts';

/**
 * The largest shortfall treated as bank charges on `owedMinor`: the larger of
 * `feeToleranceBasisPoints` of it and `feeToleranceMinor`, but never more than 5 % of it (so a
 * small invoice is not "paid" by a fraction of it).
 */
export function feeTolerance(owedMinor: bigint, settings: MatchSettings): bigint {
  const share = (owedMinor * settings.feeToleranceBasisPoints) / 10_000n;
  const fixed = settings.feeToleranceMinor < owedMinor / 20n ? settings.feeToleranceMinor : owedMinor / 20n;
  return share > fixed ? share : fixed;
}

/** The amount evidence for paying `paidMinor` against invoices owing `owedMinor` in total. */
export type AmountFit = {
  readonly signal: Signal;
  readonly shortMinor: bigint;
  readonly remainderMinor: bigint;
};

/** Classifies a payment against what the invoices owe, and says so in words. */
export function amountFit(
  paidMinor: bigint,
  invoices: readonly OpenInvoice[],
  currency: CurrencyCode,
  settings: MatchSettings,
): AmountFit {
  const owed = invoices.reduce((s, i) => s + i.openMinor, 0n);
  const w = settings.weights;
  const m = (minor: bigint): string => formatMoney({ minor, currency });
  const many = invoices.length > 1;
  if (paidMinor === owed) {
    const signal: Signal = many
      ? { kind: 'amount_combined', weight: w.amountCombined, text: `the amount ${m(paidMinor)} is exactly the sum of these ${invoices.length} open invoices` }
      : { kind: 'amount_exact', weight: w.amountExact, text: `the amount ${m(paidMinor)} is exactly what the invoice still owes` };
    return { signal, shortMinor: 0n, remainderMinor: 0n };
  }
  if (paidMinor > owed) {
    const extra = paidMinor - owed;
    return {
      signal: { kind: 'amount_over', weight: w.amountOver, text: `${m(extra)} more than the ${m(owed)} owed; the rest stays unapplied` },
      shortMinor: 0n,
      remainderMinor: extra,
    };
  }
  const short = owed - paidMinor;
  const tolerance = feeTolerance(owed, settings);
  if (short <= tolerance) {
    return {
      signal: { kind: 'amount_fee', weight: w.amountFee, text: `${m(short)} less than the ${m(owed)} owed, within the bank-charge tolerance of ${m(tolerance)}` },
      shortMinor: short,
      remainderMinor: 0n,
    };
  }
  return {
    signal: { kind: 'amount_partial', weight: w.amountPartial, text: `a part payment: ${m(paidMinor)} of ${m(owed)} owed` },
    shortMinor: 0n,
    remainderMinor: 0n,
  };
}

/**
 * Spreads `paidMinor` over invoices, oldest due date first. When `shortMinor` is written off,
 * each invoice is settled and the shortfall comes off the last one's cash.
 */
export function allocate(paidMinor: bigint, invoices: readonly OpenInvoice[]): Allocation[] {
  const ordered = [...invoices].sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.id - b.id));
  const out: Allocation[] = [];
  let left = paidMinor;
  for (const inv of ordered) {
    if (left <= 0n) break;
    const put = left < inv.openMinor ? left : inv.openMinor;
    out.push({ invoiceId: inv.id, amountMinor: put });
    left -= put;
  }
  return out;
}
