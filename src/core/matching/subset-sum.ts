// One payment for several invoices: which 2..k open invoices of one account add up to it.
import type { MatchSettings } from './settings.ts';
import type { OpenInvoice } from './types.ts';

// Enough to see that a payment is ambiguous; more would only repeat that.
const maxResults = 8;

/**
 * Combinations of 2 to `settings.subsetSize` invoices whose open amounts sum exactly to
 * `paidMinor`. (With a bank-charge tolerance, a dozen invoices give some combination within it
 * by chance far too often; fees on combined payments are recognised when the payment names the
 * invoices.) Only the `settings.subsetCandidates`
 * oldest invoices not larger than the payment are searched, so the work stays bounded
 * (12 invoices, 4 at most: 781 combinations).
 */
export function findCombinations(
  paidMinor: bigint,
  invoices: readonly OpenInvoice[],
  settings: MatchSettings,
): OpenInvoice[][] {
  const pool = invoices
    .filter((i) => i.openMinor > 0n && i.openMinor < paidMinor)
    .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.id - b.id))
    .slice(0, settings.subsetCandidates);
  const found: OpenInvoice[][] = [];
  const chosen: OpenInvoice[] = [];
  const walk = (start: number, total: bigint): void => {
    if (found.length >= maxResults) return;
    if (chosen.length >= 2 && total === paidMinor) {
      found.push([...chosen]);
    }
    if (chosen.length === settings.subsetSize || total >= paidMinor) return;
    for (let i = start; i < pool.length; i++) {
      const inv = pool[i] as OpenInvoice;
      chosen.push(inv);
      walk(i + 1, total + inv.openMinor);
      chosen.pop();
    }
  };
  walk(0, 0n);
  return found;
}
