// A chargeback (charge.dispute.*): the invoices the charge paid get a dispute, so they are never
// dunned while the bank decides; a lost chargeback also reopens them; a won one resolves it.
import { openDisputeIn } from './open-dispute.ts';
import { resolveDisputeIn } from './resolve-dispute.ts';
import type { PaymentEvent } from './payment-events.ts';
import type { StripeContext, StripeOutcome, StripeTx } from './stripe-ports.ts';
import { reverseStripePayment } from './stripe-reversal.ts';

// Stripe's dispute statuses that end it in the creditor's favour (won, or an inquiry closed).
const inFavour = new Set(['won', 'warning_closed']);

/**
 * Applies a dispute event by its status. Open statuses open a `chargeback` dispute on each
 * invoice the charge paid (the existing open-dispute use-case, in this transaction). `lost`
 * reverses the payment once per dispute and keeps (or opens) the dispute: whether to dun again
 * is a person's decision. `won` and `warning_closed` resolve a dispute an earlier event opened.
 */
export async function applyStripeDispute(tx: StripeTx, e: PaymentEvent, ctx: StripeContext): Promise<StripeOutcome> {
  const status = e.disputeStatus ?? 'needs_response';
  if (inFavour.has(status)) return resolve(tx, e, ctx);
  if (status === 'charge_refunded') return { status: 'ignored', reason: 'refund_handles_it', detail: { status } };
  if (status === 'lost') {
    const reversal = await reverseStripePayment(tx, e, ctx, { kind: 'once', amountMinor: e.amount, key: `dispute-lost:${e.objectId}` }, 'chargeback_lost');
    if (reversal.status === 'queued') return reversal;
    const opened = await openOnInvoices(tx, e, ctx);
    return { ...reversal, detail: { ...reversal.detail, disputes: opened.detail } };
  }
  return openOnInvoices(tx, e, ctx);
}

/** The invoices the charge's payment was ever applied to (also after a reversal); null when the charge is unknown. */
async function invoicesOfCharge(tx: StripeTx, e: PaymentEvent): Promise<string[] | null> {
  const credit = await tx.stripe.paymentLine(e.chargeId, null);
  if (credit === null || credit.paymentId === null) return null;
  return tx.stripe.invoicesOfPayment(credit.paymentId);
}

async function openOnInvoices(tx: StripeTx, e: PaymentEvent, ctx: StripeContext): Promise<StripeOutcome> {
  const numbers = await invoicesOfCharge(tx, e);
  if (numbers === null) return { status: 'queued', reason: 'payment_unknown', detail: { charge: e.chargeId } };
  if (numbers.length === 0) return { status: 'queued', reason: 'payment_not_applied', detail: { charge: e.chargeId, note: 'apply the payment (dunwise cash queue), then dunwise cash stripe-retry' } };
  const results: Record<string, string> = {};
  for (const number of numbers) {
    results[number] = await openDisputeIn(tx.admin, { invoiceNumber: number, reason: 'chargeback', owner: null, on: ctx.today, actor: ctx.actor, detail: { stripeDispute: e.objectId, stripeReason: e.disputeReason, charge: e.chargeId } });
  }
  const anyOpened = Object.values(results).includes('opened');
  return { status: anyOpened ? 'applied' : 'ignored', reason: anyOpened ? 'dispute_opened' : 'already_disputed', detail: results };
}

async function resolve(tx: StripeTx, e: PaymentEvent, ctx: StripeContext): Promise<StripeOutcome> {
  if (!(await tx.stripe.openedDispute(e.objectId))) return { status: 'ignored', reason: 'no_dispute_to_resolve', detail: { status: e.disputeStatus } };
  const numbers = (await invoicesOfCharge(tx, e)) ?? [];
  const resolved: string[] = [];
  for (const number of numbers) {
    if (await resolveDisputeIn(tx.admin, { invoiceNumber: number, on: ctx.today, note: `Stripe dispute ${e.objectId} ${e.disputeStatus ?? ''}`, actor: ctx.actor })) resolved.push(number);
  }
  return { status: resolved.length > 0 ? 'applied' : 'ignored', reason: resolved.length > 0 ? 'dispute_resolved' : 'no_dispute_to_resolve', detail: { resolved, status: e.disputeStatus } };
}
