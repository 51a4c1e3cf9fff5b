// A failed card payment (invoice.payment_failed, charge.failed, payment_intent.payment_failed):
// the declined attempt is recorded once, classified, and the retry schedule planned again.
import { classifyDecline, planRetry, type DeclineInfo, type RetryPlan } from '../core/card-retry/index.ts';
import { maxMinor } from '../core/money.ts';
import { queueCardEmail } from './card-email.ts';
import type { CardAttempt, CardFailure, CardSchedule } from './card-ports.ts';
import type { PaymentEvent } from './payment-events.ts';
import { linkEvent } from './stripe-link.ts';
import type { StripeContext, StripeOutcome, StripeTx } from './stripe-ports.ts';

const noDetail: DeclineInfo = { failureCode: null, failureMessage: null, declineCode: null, networkDeclineCode: null, adviceCode: null, networkAdviceCode: null, cardBrand: null };

/** The stored schedule of a plan. */
export function scheduleOf(plan: RetryPlan): CardSchedule {
  return plan.kind === 'retry'
    ? { status: 'retrying', nextRetryOn: plan.on, retryNumber: plan.retryNumber, stopReason: null, graceEndsOn: null, suspendOn: null, why: plan.why }
    : { status: 'grace', nextRetryOn: null, retryNumber: null, stopReason: plan.reason, graceEndsOn: plan.graceEndsOn, suspendOn: plan.suspendOn, why: plan.why };
}

/**
 * Records the declined attempt on its payment's failure (found by Stripe invoice, payment
 * intent or charge; created at the first decline). One attempt told by two events (charge.failed
 * and invoice.payment_failed) counts once, the more detailed classification kept. The schedule
 * is planned again from all attempts, and the card-update email queued when the failure's
 * invoice is known. A failure whose account is unknown is kept and scheduled, and the event
 * queued until `dunwise cash stripe-link` names the account.
 */
export async function recordCardFailure(tx: StripeTx, e: PaymentEvent, ctx: StripeContext): Promise<StripeOutcome> {
  if (e.amount === 0n) return { status: 'ignored', reason: 'zero_amount', detail: {} };
  if (e.amount < 0n || e.amount > maxMinor) return { status: 'queued', reason: 'amount_out_of_range', detail: { amountMinor: e.amount.toString() } };
  const raw = e.decline ?? noDetail;
  const attempt: CardAttempt = { eventId: e.eventId, chargeId: e.chargeId, on: e.created, decline: classifyDecline(raw), raw };
  const link = await linkEvent(tx, e);
  const invoice = link.invoices[0] ?? null;
  const accountId = invoice?.accountId ?? link.accountId;
  let failure = await tx.cards.findFailure({ stripeInvoiceId: e.invoiceId, paymentIntentId: e.paymentIntentId, chargeId: e.chargeId });
  if (failure === null) {
    const id = await tx.cards.insertFailure({
      ...scheduleOf(planRetry([attempt], ctx.cardPolicy)),
      accountId, invoiceId: invoice?.id ?? null, customerId: e.customerId, stripeInvoiceId: e.invoiceId, paymentIntentId: e.paymentIntentId,
      currency: e.currency, amountMinor: e.amount, firstFailedOn: e.created,
    });
    await tx.cards.addAttempt(id, attempt);
  } else {
    await addOrReclassify(tx, failure, attempt);
    await tx.cards.updateFailure(failure.id, {
      ...(failure.accountId === null && accountId !== null ? { accountId } : {}),
      ...(failure.invoiceId === null && invoice !== null ? { invoiceId: invoice.id } : {}),
      ...(failure.stripeInvoiceId === null && e.invoiceId !== null ? { stripeInvoiceId: e.invoiceId } : {}),
      ...(failure.paymentIntentId === null && e.paymentIntentId !== null ? { paymentIntentId: e.paymentIntentId } : {}),
    });
  }
  failure = await tx.cards.findFailure({ stripeInvoiceId: e.invoiceId, paymentIntentId: e.paymentIntentId, chargeId: e.chargeId });
  if (failure === null) throw new Error('the failure just written is gone');
  if (failure.status === 'retrying' || failure.status === 'grace') await tx.cards.updateFailure(failure.id, scheduleOf(planRetry(failure.attempts, ctx.cardPolicy)));
  const emailed = failure.updateTouchId === null ? await queueCardEmail(tx.cards, tx.ledger, failure, 'card-update', ctx.today, ctx.cardEmails) : null;
  const after = (await tx.cards.failure(failure.id)) ?? failure;
  const detail = {
    cardFailure: failure.id, status: after.status, decline: attempt.decline.rule, category: attempt.decline.category, code: attempt.decline.code,
    nextRetryOn: after.nextRetryOn, suspendOn: after.suspendOn, why: after.why, ...(emailed === null ? {} : { cardUpdateTouch: emailed }),
  };
  if (after.accountId === null) return { status: 'queued', reason: 'customer_unlinked', detail: { ...detail, next: `dunwise cash stripe-link ${e.customerId ?? '<customer>'} <account>` }, cardFailureId: failure.id };
  return { status: 'applied', reason: after.invoiceId === null ? 'failure_recorded_no_invoice' : 'failure_recorded', detail, cardFailureId: failure.id };
}

async function addOrReclassify(tx: StripeTx, failure: CardFailure, attempt: CardAttempt): Promise<void> {
  if (await tx.cards.addAttempt(failure.id, attempt)) return;
  const told = failure.attempts.find((a) => a.chargeId !== null && a.chargeId === attempt.chargeId);
  if (told !== undefined && attempt.chargeId !== null && told.decline.rule === 'no_detail' && attempt.decline.rule !== 'no_detail') await tx.cards.reclassifyAttempt(attempt.chargeId, attempt);
}
