// Stripe webhook bodies for tests, shaped as Stripe sends them, normalised by the real adapter.
import { normaliseStripeEvent } from '../../src/cash/stripe.ts';
import type { CardRetryPolicy } from '../../src/core/card-retry/index.ts';
import type { LocalDate } from '../../src/core/local-date.ts';
import type { PaymentEvent } from '../../src/engine/payment-events.ts';
import type { StripeContext } from '../../src/engine/stripe-ports.ts';

/** Seconds since the epoch at noon UTC of a day. */
export const at = (day: string): number => Date.parse(`${day}T12:00:00Z`) / 1000;

export type StripeObject = Record<string, unknown>;

/** An event body: `{id, type, created, data: {object}}`. */
export function stripeBody(id: string, type: string, day: string, object: StripeObject): string {
  return JSON.stringify({ id, object: 'event', type, created: at(day), data: { object } });
}

/** The normalised event of a body (throws when the adapter refuses it). */
export function stripeEvent(body: string): PaymentEvent {
  const r = normaliseStripeEvent(JSON.parse(body));
  if (!r.ok) throw new Error(`not an event Dunwise applies: ${JSON.stringify(r)}`);
  return r.event;
}

export function invoiceObject(over: StripeObject): StripeObject {
  return { id: 'in_1', object: 'invoice', number: null, customer: 'cus_1', customer_name: 'Acme GmbH', currency: 'eur', amount_due: 10000, amount_paid: 10000, charge: 'ch_1', payment_intent: 'pi_1', metadata: {}, ...over };
}

export function chargeObject(over: StripeObject): StripeObject {
  return { id: 'ch_1', object: 'charge', amount: 10000, amount_refunded: 0, currency: 'eur', customer: 'cus_1', invoice: null, payment_intent: 'pi_1', billing_details: { name: 'Acme GmbH' }, metadata: {}, ...over };
}

/** A failed charge with Stripe's outcome fields. */
export function failedCharge(over: StripeObject, outcome: StripeObject, brand = 'visa'): StripeObject {
  return chargeObject({ status: 'failed', failure_code: 'card_declined', outcome: { type: 'issuer_declined', ...outcome }, payment_method_details: { type: 'card', card: { brand } }, ...over });
}

export function disputeObject(over: StripeObject): StripeObject {
  return { id: 'dp_1', object: 'dispute', amount: 10000, currency: 'eur', charge: 'ch_1', reason: 'fraudulent', status: 'needs_response', ...over };
}

export const testCardPolicy: CardRetryPolicy = { retryDays: [1, 3, 5, 7], graceDays: 7 };

/** The context a test applies events with: card emails approved at once. */
export function stripeContext(today: string, over: Partial<StripeContext> = {}): StripeContext {
  return { today: today as LocalDate, actor: 'test', cardPolicy: testCardPolicy, cardEmails: 'auto', ...over };
}
