// Finding the Dunwise invoice and account a Stripe event is about.
import type { PaymentEvent } from './payment-events.ts';
import type { LinkedInvoice, StripeTx } from './stripe-ports.ts';

/** What an event was linked to, and how. */
export type EventLink = {
  /** The invoices it names, in its currency; empty when only the customer is known. */
  readonly invoices: readonly LinkedInvoice[];
  /** Invoices it names in another currency (never applied automatically). */
  readonly otherCurrency: readonly LinkedInvoice[];
  readonly accountId: number | null;
  readonly via: 'invoice_number' | 'stripe_invoice' | 'customer' | 'none';
};

/**
 * Links an event, most specific first: the Stripe invoice's number or a metadata invoice
 * number equal to a Dunwise invoice number or payment reference; the Dunwise invoice learned
 * for the Stripe invoice before; the account linked to the Stripe customer (by hand, learned,
 * or an account whose reference is the customer id).
 */
export async function linkEvent(tx: StripeTx, e: PaymentEvent): Promise<EventLink> {
  const keys = [...new Set([e.invoiceNumber, ...e.references].filter((k): k is string => k !== null && k.trim() !== ''))];
  const named = keys.length === 0 ? [] : await tx.stripe.invoicesNamed(keys);
  const split = (list: readonly LinkedInvoice[]) => ({
    invoices: list.filter((i) => i.currency === e.currency),
    otherCurrency: list.filter((i) => i.currency !== e.currency),
  });
  if (named.length > 0) {
    const s = split(named);
    return { ...s, accountId: (s.invoices[0] ?? s.otherCurrency[0])?.accountId ?? null, via: 'invoice_number' };
  }
  const learned = e.invoiceId === null ? null : await tx.stripe.linkedInvoice(e.invoiceId);
  if (learned !== null) {
    const s = split(await tx.stripe.invoicesById([learned]));
    if (s.invoices.length + s.otherCurrency.length > 0) return { ...s, accountId: (s.invoices[0] ?? s.otherCurrency[0])?.accountId ?? null, via: 'stripe_invoice' };
  }
  const accountId = e.customerId === null ? null : await tx.stripe.customerAccount(e.customerId);
  return { invoices: [], otherCurrency: [], accountId, via: accountId === null ? 'none' : 'customer' };
}

/** Remembers what an applied event taught: its customer's account and its Stripe invoice's Dunwise invoice. */
export async function learnLinks(tx: StripeTx, e: PaymentEvent, accountId: number, invoiceId: number | null): Promise<void> {
  if (e.customerId !== null) await tx.stripe.link({ kind: 'customer', stripeId: e.customerId, accountId, invoiceId: null, source: 'learned' });
  if (e.invoiceId !== null && invoiceId !== null) await tx.stripe.link({ kind: 'invoice', stripeId: e.invoiceId, accountId, invoiceId, source: 'learned' });
}
