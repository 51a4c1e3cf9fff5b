// Money Stripe sends back (a refund, a lost chargeback): the payment's invoices reopen through
// the same reversal as a returned bank credit (cash-reverse.ts).
import { reverseCredit } from './cash-reverse.ts';
import type { PaymentEvent } from './payment-events.ts';
import type { StripeContext, StripeOutcome, StripeTx } from './stripe-ports.ts';

/** How much to send back: a refund's cumulative total, or a lost dispute's amount once per dispute. */
export type ReversalAmount = { readonly kind: 'cumulative'; readonly totalMinor: bigint } | { readonly kind: 'once'; readonly amountMinor: bigint; readonly key: string };

/**
 * Reverses the payment of the event's charge by what has not been sent back yet: charge.refunded
 * carries the refunded total so far, so a second partial refund reverses only the difference,
 * and the same event twice reverses nothing. Queued when the payment was never seen.
 */
export async function reverseStripePayment(tx: StripeTx, e: PaymentEvent, ctx: StripeContext, amount: ReversalAmount, reason: string): Promise<StripeOutcome> {
  const credit = await tx.stripe.paymentLine(e.chargeId, e.kind === 'refunded' ? e.invoiceId : null);
  if (credit === null) return { status: 'queued', reason: 'payment_unknown', detail: { charge: e.chargeId, note: 'applied when the payment event arrives; `dunwise cash stripe-retry` tries again' } };
  const entryId = amount.kind === 'once' ? `stripe:${amount.key}` : `stripe:${e.eventId}`;
  if (amount.kind === 'once' && (await tx.cash.knownEntryIds([entryId])).size > 0) return { status: 'ignored', reason: 'already_reversed', detail: { bankLine: credit.id } };
  const before = await tx.stripe.reversedOn(credit.id);
  const wanted = amount.kind === 'cumulative' ? amount.totalMinor - before : amount.amountMinor;
  const back = wanted < credit.amount - before ? wanted : credit.amount - before;
  if (back <= 0n) return { status: 'ignored', reason: 'already_reversed', detail: { bankLine: credit.id, reversedMinor: before.toString() } };
  const importId = await tx.ledger.startImport({ kind: 'stripe', file: `stripe:${e.eventId}`, fileHash: e.eventId });
  const lineId = await tx.cash.insertLine(
    {
      entryId, importId, file: 'stripe', fileHash: e.eventId, statementAccount: 'stripe',
      bookingDate: e.created, valueDate: e.created, amount: -back, currency: e.currency,
      counterpartyName: credit.counterpartyName, counterpartyIban: null, reference: credit.reference, remittance: `${e.type} ${e.objectId}`,
      endToEndId: credit.endToEndId, bankReference: credit.bankReference,
    },
    { status: 'applied', reason: 'reversal', reversesLineId: credit.id },
  );
  const outcome = await reverseCredit(tx.ledger, tx.cash, credit, lineId, back, ctx.actor);
  const full = before + back >= credit.amount;
  if (full) await tx.cash.updateLine(credit.id, credit.status === 'applied' ? { status: 'applied', reason: 'reversed' } : { status: 'ignored', reason: 'returned' });
  await tx.ledger.appendAudit([{ actor: ctx.actor, entity: 'bank_line', entityId: String(credit.id), action: 'reversed', detail: { by: lineId, event: e.eventId, type: e.type, amountMinor: back.toString(), full } }]);
  await tx.ledger.finishImport(importId, 'imported', 1, 0);
  return {
    status: 'applied',
    reason,
    detail: { bankLine: lineId, reversedLine: credit.id, amountMinor: back.toString(), currency: e.currency, reopened: outcome.reopened.map((r) => ({ number: r.number, openMinor: r.openMinor.toString() })), fromUnappliedMinor: outcome.unappliedTakenMinor.toString() },
    bankLineId: lineId,
  };
}
