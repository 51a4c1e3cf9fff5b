import type { LocalDate } from '../local-date.ts';
import { Reason } from './reasons.ts';
import type { CaseState } from './types.ts';

/** An invoice of a touch as it stands at the moment of sending. */
export type GuardInvoice = { readonly invoiceId: number; readonly openMinor: bigint; readonly disputed: boolean };

export type GuardVerdict =
  | { readonly kind: 'send' }
  | { readonly kind: 'narrow'; readonly keep: readonly number[]; readonly dropped: readonly { invoiceId: number; reason: Reason }[] }
  | { readonly kind: 'drop'; readonly reason: Reason; readonly dropped: readonly { invoiceId: number; reason: Reason }[] };

/**
 * The check every dispatcher makes right before sending (invariant 1): each invoice of the
 * touch must still be open and undisputed, and its case neither paused nor snoozed, nor all
 * sending paused. Otherwise the touch is narrowed to what is still owed, or dropped, with the
 * reason. A payment or reply that lands between planning and sending thus cancels it.
 */
export function guardTouch(invoices: readonly GuardInvoice[], state: CaseState, today: LocalDate, globalPause: boolean): GuardVerdict {
  if (globalPause) return { kind: 'drop', reason: Reason.globalPause, dropped: [] };
  const caseReason = blockingState(state, today);
  if (caseReason) return { kind: 'drop', reason: caseReason, dropped: invoices.map((i) => ({ invoiceId: i.invoiceId, reason: caseReason })) };
  const dropped: { invoiceId: number; reason: Reason }[] = [];
  const keep: number[] = [];
  for (const i of invoices) {
    if (i.disputed) dropped.push({ invoiceId: i.invoiceId, reason: Reason.disputed });
    else if (i.openMinor <= 0n) dropped.push({ invoiceId: i.invoiceId, reason: Reason.paid });
    else keep.push(i.invoiceId);
  }
  if (keep.length === 0) return { kind: 'drop', reason: dropped[0]?.reason ?? Reason.paid, dropped };
  return dropped.length === 0 ? { kind: 'send' } : { kind: 'narrow', keep, dropped };
}

function blockingState(state: CaseState, today: LocalDate): Reason | null {
  switch (state.kind) {
    case 'active':
      return null;
    case 'paused':
      return state.until !== null && state.until <= today ? null : Reason.paused;
    case 'snoozed':
      return state.until <= today ? null : state.reason === 'promise' ? Reason.promise : Reason.snoozed;
    case 'plan':
      return Reason.onPlan;
    case 'escalated':
      return Reason.strategic;
    case 'closed':
      return Reason.paid;
  }
}
