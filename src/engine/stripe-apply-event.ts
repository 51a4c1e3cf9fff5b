// One Stripe event, by kind, inside the caller's transaction.
import { recordCardFailure } from './card-failure-record.ts';
import type { PaymentEvent } from './payment-events.ts';
import { applyStripeDispute } from './stripe-dispute.ts';
import { applyStripePayment } from './stripe-payment.ts';
import type { StripeContext, StripeOutcome, StripeTx } from './stripe-ports.ts';
import { reverseStripePayment } from './stripe-reversal.ts';

/** Applies an event: payments settle, refunds reopen, chargebacks dispute, failures schedule retries. */
export async function applyStripeEvent(tx: StripeTx, e: PaymentEvent, ctx: StripeContext): Promise<StripeOutcome> {
  switch (e.kind) {
    case 'payment_succeeded':
      return applyStripePayment(tx, e, ctx);
    case 'refunded':
      return reverseStripePayment(tx, e, ctx, { kind: 'cumulative', totalMinor: e.amount }, 'refunded');
    case 'dispute':
      return applyStripeDispute(tx, e, ctx);
    case 'payment_failed':
      return recordCardFailure(tx, e, ctx);
  }
}

/**
 * Applies queued events again (oldest first), in this transaction: those about `chargeId`
 * when given (a refund that arrived before its payment), else all. A queued payment already
 * holds a line in the cash queue and is resolved there (`dunwise cash apply`), not here.
 */
export async function applyQueued(tx: StripeTx, chargeId: string | null, ctx: StripeContext): Promise<{ eventId: string; outcome: StripeOutcome }[]> {
  const done: { eventId: string; outcome: StripeOutcome }[] = [];
  for (const queued of await tx.stripe.queuedEvents(chargeId)) {
    if (queued.event.kind === 'payment_succeeded' && queued.bankLineId !== null) continue;
    const outcome = await applyStripeEvent(tx, queued.event, ctx);
    if (outcome.status === 'queued' && outcome.reason === queued.reason) continue;
    await tx.stripe.finishEvent(queued.id, outcome);
    done.push({ eventId: queued.event.eventId, outcome });
  }
  return done;
}
