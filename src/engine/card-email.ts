// Card-update emails go through the outbox like any reminder: a touch on the failed invoice's
// case, approved or waiting for review, sent by the dispatcher (which re-checks, at sending
// time, that the invoice is still open: a payment in between cancels it).
import type { LocalDate } from '../core/local-date.ts';
import type { CardFailure, CardWriter } from './card-ports.ts';
import type { LedgerWriter } from './ports.ts';

/** Which email: at the failure (update your card), or when retries ended (suspension ahead). */
export type CardEmailStep = 'card-update' | 'card-final';

/**
 * Queues the step's email for a failure once (the touch's idempotency key names the failure;
 * the invoice gets each step at most once). Needs the Dunwise invoice: a failure known only by
 * its Stripe customer has nothing to quote. Returns the touch id, or null when nothing was queued.
 */
export async function queueCardEmail(cards: CardWriter, ledger: LedgerWriter, f: Pick<CardFailure, 'id' | 'accountId' | 'invoiceId' | 'currency'>, step: CardEmailStep, today: LocalDate, approval: 'review' | 'auto'): Promise<number | null> {
  if (f.accountId === null || f.invoiceId === null) return null;
  await ledger.markCasesForPlanning([{ accountId: f.accountId, currency: f.currency }]);
  const touchId = await cards.queueTouch({
    accountId: f.accountId,
    currency: f.currency,
    invoiceId: f.invoiceId,
    stepId: step,
    tone: step === 'card-update' ? 'soft' : 'firm',
    plannedOn: today,
    status: approval === 'auto' ? 'approved' : 'pending_review',
    idempotencyKey: `${step}:${f.id}`,
  });
  if (touchId !== null) await cards.updateFailure(f.id, step === 'card-update' ? { updateTouchId: touchId } : { finalTouchId: touchId });
  return touchId;
}
