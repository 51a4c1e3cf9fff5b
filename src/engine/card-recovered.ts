// A failed card payment that got paid after all: retries end and the billing system is told.
import type { LocalDate } from '../core/local-date.ts';
import type { CardFailure, CardWriter } from './card-ports.ts';

/** Marks the failure recovered and writes `card.recovered` once (a suspended customer may be restored). */
export async function markRecovered(cards: CardWriter, f: CardFailure, paidOn: LocalDate, why: string): Promise<void> {
  await cards.updateFailure(f.id, { status: 'recovered', recoveredOn: paidOn, nextRetryOn: null, why });
  await cards.emit({
    kind: 'card.recovered',
    key: `card.recovered:${f.id}`,
    accountId: f.accountId,
    payload: { failureId: f.id, account: f.accountRef, invoice: f.invoiceNumber, stripeInvoice: f.stripeInvoiceId, paymentIntent: f.paymentIntentId, paidOn, wasSuspended: f.status === 'suspended' },
  });
}
