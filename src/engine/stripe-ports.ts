// What applying Stripe events needs from the store: the events (once each), the links from
// Stripe's customers and invoices to Dunwise's, and every writer of one transaction.
import type { CardRetryPolicy } from '../core/card-retry/index.ts';
import type { LocalDate } from '../core/local-date.ts';
import type { OpenInvoice } from '../core/matching/types.ts';
import type { CardWriter } from './card-ports.ts';
import type { CaseAdminTx } from './case-admin-ports.ts';
import type { CashWriter, InvoiceBalance, StoredBankLine } from './cash-ports.ts';
import type { PaymentEvent } from './payment-events.ts';
import type { LedgerWriter } from './ports.ts';

/** What became of an event. */
export const StripeEventStatus = { applied: 'applied', queued: 'queued', ignored: 'ignored' } as const;
export type StripeEventStatus = (typeof StripeEventStatus)[keyof typeof StripeEventStatus];

/** The outcome of one event, as stored and reported. */
export type StripeOutcome = {
  readonly status: StripeEventStatus;
  /** A named reason: paid, part_paid, reversed, dispute_opened, queued_unlinked, failure_recorded, ... */
  readonly reason: string;
  readonly detail: Readonly<Record<string, unknown>>;
  readonly bankLineId?: number | null;
  readonly cardFailureId?: number | null;
};

/** A stored event. */
export type StoredStripeEvent = {
  readonly id: number;
  readonly event: PaymentEvent;
  readonly status: StripeEventStatus;
  readonly reason: string | null;
  readonly detail: Readonly<Record<string, unknown>> | null;
  readonly bankLineId: number | null;
  readonly cardFailureId: number | null;
  readonly receivedAt: string;
};

/** An invoice found for an event, with its status (open, paid). */
export type LinkedInvoice = InvoiceBalance & { readonly status: string };

/** Stripe-specific operations inside one transaction. */
export interface StripeWriter {
  /** Records a new event as `queued` (the outcome follows); null when its id was recorded before. */
  claimEvent(event: PaymentEvent, body: string): Promise<number | null>;
  /** Records what became of an event. */
  finishEvent(id: number, outcome: StripeOutcome): Promise<void>;
  /** Queued events, oldest first; only those about this charge when given. */
  queuedEvents(chargeId: string | null): Promise<StoredStripeEvent[]>;
  /** The account linked to a Stripe customer (by hand, learned, or an account whose reference is the customer id). */
  customerAccount(customerId: string): Promise<number | null>;
  /** The Dunwise invoice learned for a Stripe invoice. */
  linkedInvoice(stripeInvoiceId: string): Promise<number | null>;
  /** Stores a link; a learned link never replaces one made by hand. */
  link(row: { kind: 'customer' | 'invoice'; stripeId: string; accountId: number; invoiceId: number | null; source: 'manual' | 'learned' }): Promise<void>;
  /** Invoices (kind invoice) whose number or payment reference is one of `keys`. */
  invoicesNamed(keys: readonly string[]): Promise<LinkedInvoice[]>;
  invoicesById(ids: readonly number[]): Promise<LinkedInvoice[]>;
  /** Open invoices of one account in one currency, as matching sees them. */
  openInvoicesOf(accountId: number, currency: string): Promise<OpenInvoice[]>;
  accountName(accountId: number): Promise<string | null>;
  /** The stored credit line of an earlier Stripe payment: by charge, else by Stripe invoice. */
  paymentLine(chargeId: string | null, stripeInvoiceId: string | null): Promise<StoredBankLine | null>;
  /** What has been sent back on a credit line so far (refunds, lost disputes), positive. */
  reversedOn(lineId: number): Promise<bigint>;
  /** Numbers of the invoices a payment was ever applied to, reversed or not. */
  invoicesOfPayment(paymentId: number): Promise<string[]>;
  /** True when an earlier event about this Stripe dispute opened a Dunwise dispute. */
  openedDispute(disputeId: string): Promise<boolean>;
}

/** Every writer of one transaction. */
export type StripeTx = {
  readonly ledger: LedgerWriter;
  readonly cash: CashWriter;
  readonly stripe: StripeWriter;
  readonly admin: CaseAdminTx;
  readonly cards: CardWriter;
};

/** What applying an event needs besides the store. */
export type StripeContext = {
  /** The creditor's today: disputes open on it, cash without a date is received on it. */
  readonly today: LocalDate;
  readonly actor: string;
  readonly cardPolicy: CardRetryPolicy;
  /** Whether card-update emails wait for approval (review) or go out on the next dispatch (auto). */
  readonly cardEmails: 'review' | 'auto';
};

/** The Stripe store, as the engine sees it. */
export interface StripeStore {
  transaction<T>(fn: (tx: StripeTx) => Promise<T>): Promise<T>;
  /** Events, newest first; only these states when given. */
  events(statuses: readonly StripeEventStatus[] | null, limit: number): Promise<StoredStripeEvent[]>;
}
