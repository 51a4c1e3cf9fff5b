// `receiveStripeEvent`: one verified Stripe event into the ledger, exactly once.
import type { PaymentEvent } from './payment-events.ts';
import { applyQueued, applyStripeEvent } from './stripe-apply-event.ts';
import type { StripeContext, StripeOutcome, StripeStore } from './stripe-ports.ts';

/** What became of a received event; `duplicate` when its id was received before (nothing applied). */
export type ReceiveResult = {
  readonly eventId: string;
  readonly type: string;
  readonly status: StripeOutcome['status'] | 'duplicate';
  readonly reason: string;
  readonly detail: Readonly<Record<string, unknown>>;
  /** Earlier queued events this one unblocked (a refund that came before its payment). */
  readonly unblocked: readonly { eventId: string; reason: string }[];
};

/**
 * Records the event and applies it in one transaction: the event row (unique by Stripe's event
 * id) commits with its effects or not at all, so a redelivered event applies nothing twice and
 * a crash applies nothing half. An event that cannot be linked is kept as queued, with its body.
 */
export async function receiveStripeEvent(store: StripeStore, input: { readonly event: PaymentEvent; readonly body: string; readonly ctx: StripeContext }): Promise<ReceiveResult> {
  const e = input.event;
  return store.transaction(async (tx) => {
    const id = await tx.stripe.claimEvent(e, input.body);
    if (id === null) return { eventId: e.eventId, type: e.type, status: 'duplicate', reason: 'seen_before', detail: {}, unblocked: [] };
    const outcome = await applyStripeEvent(tx, e, input.ctx);
    await tx.stripe.finishEvent(id, outcome);
    const unblocked = e.kind === 'payment_succeeded' && outcome.status === 'applied' && e.chargeId !== null ? await applyQueued(tx, e.chargeId, input.ctx) : [];
    return { eventId: e.eventId, type: e.type, status: outcome.status, reason: outcome.reason, detail: outcome.detail, unblocked: unblocked.map((u) => ({ eventId: u.eventId, reason: u.outcome.reason })) };
  });
}
