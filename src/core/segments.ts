import type { Segment } from './ledger.ts';
import { addDays, type LocalDate } from './local-date.ts';
import type { Policy, PolicyStep, Tone } from './policy/types.ts';

/** An account's payment history over the last twelve months, as segment rules read it. */
export type PaymentHistory = {
  readonly firstInvoiceOn: LocalDate | null;
  readonly paidInvoices: number;
  /** Paid more than `lateAfterDays` after the due date. */
  readonly paidLate: number;
  /** Average days after the due date, over paid invoices (negative = early). */
  readonly averageDaysLate: number;
  readonly openMinor: bigint;
};

/** Thresholds of the segment rules; the defaults are stated in `defaultSegmentRules`. */
export type SegmentRules = {
  readonly lateAfterDays: number;
  readonly chronicShareLate: number;
  readonly chronicAverageDaysLate: number;
  readonly chronicMinimumInvoices: number;
  readonly newAccountDays: number;
};

export const defaultSegmentRules: SegmentRules = {
  lateAfterDays: 7,
  chronicShareLate: 0.5,
  chronicAverageDaysLate: 15,
  chronicMinimumInvoices: 4,
  newAccountDays: 45,
};

/**
 * The segment an account falls in, and why: a manual override wins (strategic accounts are
 * named by hand); an account in its first billing cycle (first invoice within
 * `newAccountDays`, nothing paid yet) is new; one that paid at least half of its last twelve
 * months' invoices more than a week late, 15 days late on average, over at least four
 * invoices, is a chronic late payer; everyone else is standard.
 */
export function deriveSegment(history: PaymentHistory, override: Segment | null, today: LocalDate, rules: SegmentRules = defaultSegmentRules): { segment: Segment; why: string } {
  if (override !== null) return { segment: override, why: 'set by hand' };
  if (history.firstInvoiceOn !== null && history.firstInvoiceOn >= addDays(today, -rules.newAccountDays) && history.paidInvoices === 0) {
    return { segment: 'new_account', why: `first invoice on ${history.firstInvoiceOn}, nothing paid yet` };
  }
  const share = history.paidInvoices === 0 ? 0 : history.paidLate / history.paidInvoices;
  if (history.paidInvoices >= rules.chronicMinimumInvoices && share >= rules.chronicShareLate && history.averageDaysLate >= rules.chronicAverageDaysLate) {
    return { segment: 'chronic_late', why: `${history.paidLate} of ${history.paidInvoices} invoices paid more than ${rules.lateAfterDays} days late, ${Math.round(history.averageDaysLate)} days late on average` };
  }
  return { segment: 'standard', why: `${history.paidLate} of ${history.paidInvoices} invoices paid late in twelve months` };
}

const firmer: Record<Tone, Tone> = { soft: 'firm', firm: 'formal', formal: 'final', final: 'final' };

/**
 * The policy a segment gets from the base policy (step ids are kept, so an account that
 * changes segment never gets a step again that it already had): chronic late payers get every overdue step
 * about a third earlier and one tone firmer (the courtesy step before due stays soft); new
 * accounts get a setup-check courtesy note ten days before the first due date (right contact?
 * PO number?); strategic accounts are held by the planner and standard ones get the base.
 */
export function policyForSegment(base: Policy, segment: Segment): Policy {
  switch (segment) {
    case 'chronic_late': {
      const steps = base.steps.map((s): PolicyStep => (s.offsetDays <= 0 ? s : { ...s, offsetDays: Math.max(1, Math.round((s.offsetDays * 2) / 3)), tone: firmer[s.tone] }));
      return { ...base, id: `${base.id}/chronic-late`, name: `${base.name} (chronic late payers)`, steps: dedupeOffsets(steps) };
    }
    case 'new_account': {
      const setup: PolicyStep = { id: 'setup-check', offsetDays: -10, dayKind: 'calendar', channels: ['email'], tone: 'soft', template: 'setup-check', conditions: [], approval: 'review', action: 'none' };
      const steps = base.steps.some((s) => s.offsetDays === -10) ? base.steps : [setup, ...base.steps].sort((a, b) => a.offsetDays - b.offsetDays);
      return { ...base, id: `${base.id}/new-account`, name: `${base.name} (new accounts)`, steps };
    }
    case 'strategic':
    case 'standard':
      return base;
  }
}

/** Keeps offsets strictly increasing after shortening (two steps never share a day). */
function dedupeOffsets(steps: readonly PolicyStep[]): PolicyStep[] {
  const out: PolicyStep[] = [];
  for (const s of steps) {
    const previous = out[out.length - 1];
    out.push(previous && s.offsetDays <= previous.offsetDays ? { ...s, offsetDays: previous.offsetDays + 1 } : s);
  }
  return out;
}
