import type { Segment } from '../core/ledger.ts';
import { addDays, daysBetween, type LocalDate } from '../core/local-date.ts';
import { defaultSegmentRules, deriveSegment, type SegmentRules } from '../core/segments.ts';
import type { CaseAdminStore } from './case-admin-ports.ts';

/** One account's raw payment history, as the store reads it. */
export type HistoryRow = {
  readonly accountId: number;
  readonly override: Segment | null;
  readonly current: Segment;
  readonly firstInvoiceOn: LocalDate | null;
  /** Invoices paid in the window: due date and the date of the last payment applied. */
  readonly paid: readonly { readonly dueDate: LocalDate; readonly paidOn: LocalDate }[];
  readonly openMinor: bigint;
};

export interface SegmentHistorySource {
  /** Every account's history of invoices paid since `since`, in pages of `limit` accounts after `afterId`. */
  histories(since: LocalDate, afterId: number, limit: number): Promise<HistoryRow[]>;
}

/**
 * Derives every account's segment from its last twelve months of payments, value and tenure
 * (a manual override wins) and stores the segment with its reason; the cadence engine picks the
 * segment's policy at the next run. A periodic job: it reads all accounts, page by page.
 */
export async function refreshSegments(source: SegmentHistorySource, store: CaseAdminStore, today: LocalDate, rules: SegmentRules = defaultSegmentRules): Promise<Record<Segment, number> & { changed: number }> {
  const counts = { standard: 0, strategic: 0, new_account: 0, chronic_late: 0, changed: 0 };
  const since = addDays(today, -365);
  for (let after = 0; ; ) {
    const page = await source.histories(since, after, 1000);
    if (page.length === 0) break;
    await store.transaction(async (tx) => {
      for (const h of page) {
        const late = h.paid.filter((p) => daysBetween(p.dueDate, p.paidOn) > rules.lateAfterDays).length;
        const average = h.paid.length === 0 ? 0 : h.paid.reduce((s, p) => s + daysBetween(p.dueDate, p.paidOn), 0) / h.paid.length;
        const { segment, why } = deriveSegment({ firstInvoiceOn: h.firstInvoiceOn, paidInvoices: h.paid.length, paidLate: late, averageDaysLate: average, openMinor: h.openMinor }, h.override, today, rules);
        counts[segment] += 1;
        if (segment !== h.current) counts.changed += 1;
        await tx.setSegment(h.accountId, segment, h.override, why);
      }
    });
    after = page[page.length - 1]?.accountId ?? after;
  }
  return counts;
}
