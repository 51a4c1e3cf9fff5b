// `runCardRetries`: the daily sweep of failed card payments. Dunwise does not charge cards: it
// tells the billing system which retries are due, queues card-update emails, and says when a
// customer's service is to be suspended.
import type { CardRetryPolicy } from '../core/card-retry/index.ts';
import type { LocalDate } from '../core/local-date.ts';
import { queueCardEmail } from './card-email.ts';
import { markRecovered } from './card-recovered.ts';
import type { CardFailure, CardStore, CardWriter } from './card-ports.ts';
import type { LedgerWriter } from './ports.ts';

export type CardRunInput = {
  readonly today: LocalDate;
  readonly policy: CardRetryPolicy;
  readonly approval: 'review' | 'auto';
  readonly actor?: string;
};

/** What one sweep did. */
export type CardRunReport = {
  /** card.retry_due events written (one per failure and retry day). */
  readonly retriesDue: readonly { failureId: number; on: LocalDate; retryNumber: number }[];
  readonly updateEmails: number;
  readonly finalEmails: number;
  readonly suspended: readonly { failureId: number; account: string | null }[];
  /** Failures whose invoice was paid some other way (a bank transfer). */
  readonly recovered: number;
};

/**
 * In one transaction (failures claimed, so concurrent sweeps skip each other's): a retry due
 * today or earlier is announced once as `card.retry_due`; a failure whose invoice is paid is
 * recovered; each failure with a known invoice gets its card-update email once, and a
 * `card-final` email when its retries have run out; after the grace period, `card.suspend`.
 * Running it twice on a day changes nothing the second time.
 */
export async function runCardRetries(store: CardStore, input: CardRunInput): Promise<CardRunReport> {
  const actor = input.actor ?? 'cards';
  return store.transaction(async (cards, ledger) => {
    const report = { retriesDue: [] as { failureId: number; on: LocalDate; retryNumber: number }[], updateEmails: 0, finalEmails: 0, suspended: [] as { failureId: number; account: string | null }[], recovered: 0 };
    for (const f of await cards.claim(['retrying', 'grace'])) {
      if (f.invoiceId !== null && f.invoiceOpenMinor === 0n) {
        await markRecovered(cards, f, input.today, `invoice ${f.invoiceNumber ?? ''} was paid another way`);
        report.recovered += 1;
        continue;
      }
      if (f.updateTouchId === null && (await queueCardEmail(cards, ledger, f, 'card-update', input.today, input.approval)) !== null) report.updateEmails += 1;
      if (f.status === 'retrying' && f.nextRetryOn !== null && f.nextRetryOn <= input.today && f.retryEmittedFor !== f.nextRetryOn) {
        await announceRetry(cards, f, f.nextRetryOn);
        report.retriesDue.push({ failureId: f.id, on: f.nextRetryOn, retryNumber: f.retryNumber ?? 0 });
      }
      if (f.status !== 'grace') continue;
      if (f.stopReason === 'schedule_exhausted' && f.finalTouchId === null && (await queueCardEmail(cards, ledger, f, 'card-final', input.today, input.approval)) !== null) report.finalEmails += 1;
      if (f.suspendOn !== null && f.suspendOn <= input.today) {
        await suspend(cards, ledger, f, input.today, actor);
        report.suspended.push({ failureId: f.id, account: f.accountRef });
      }
    }
    return report;
  });
}

async function announceRetry(cards: CardWriter, f: CardFailure, on: LocalDate): Promise<void> {
  await cards.emit({
    kind: 'card.retry_due',
    key: `card.retry_due:${f.id}:${on}`,
    accountId: f.accountId,
    payload: {
      failureId: f.id, retryNumber: f.retryNumber, dueOn: on, account: f.accountRef, invoice: f.invoiceNumber,
      stripeCustomer: f.customerId, stripeInvoice: f.stripeInvoiceId, paymentIntent: f.paymentIntentId,
      amountMinor: f.amountMinor.toString(), currency: f.currency, why: f.why,
    },
  });
  await cards.updateFailure(f.id, { retryEmittedFor: on });
}

async function suspend(cards: CardWriter, ledger: LedgerWriter, f: CardFailure, today: LocalDate, actor: string): Promise<void> {
  const last = f.attempts[f.attempts.length - 1];
  await cards.emit({
    kind: 'card.suspend',
    key: `card.suspend:${f.id}`,
    accountId: f.accountId,
    payload: {
      failureId: f.id, account: f.accountRef, accountName: f.accountName, invoice: f.invoiceNumber, stripeCustomer: f.customerId, stripeInvoice: f.stripeInvoiceId,
      amountMinor: f.amountMinor.toString(), currency: f.currency, firstFailedOn: f.firstFailedOn, graceEndedOn: f.graceEndsOn, reason: f.stopReason,
      lastDecline: last === undefined ? null : { rule: last.decline.rule, code: last.decline.code, text: last.decline.text },
    },
  });
  await cards.updateFailure(f.id, { status: 'suspended', suspendedOn: today, why: `suspended on ${today} after the grace period: ${f.why}` });
  if (f.accountRef !== null) await ledger.appendAudit([{ actor, entity: 'account', entityId: f.accountRef, action: 'card_suspension', detail: { failureId: f.id, invoice: f.invoiceNumber } }]);
}
