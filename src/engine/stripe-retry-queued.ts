// `retryQueuedStripeEvents`: queued Stripe events tried again, after a link or a payment was added.
import { applyQueued } from './stripe-apply-event.ts';
import type { StripeContext, StripeStore } from './stripe-ports.ts';

/** Each event that moved out of the queue, and what became of it. */
export type RetryReport = { readonly done: readonly { eventId: string; status: string; reason: string }[]; readonly stillQueued: number };

/** Applies every queued event again in one transaction; those still unlinked stay queued, untouched. */
export async function retryQueuedStripeEvents(store: StripeStore, ctx: StripeContext): Promise<RetryReport> {
  const done = await store.transaction((tx) => applyQueued(tx, null, ctx));
  const stillQueued = (await store.events(['queued'], 100_000)).length;
  return { done: done.map((d) => ({ eventId: d.eventId, status: d.outcome.status, reason: d.outcome.reason })), stillQueued };
}
