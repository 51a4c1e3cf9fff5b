// What failed card payments need from the store: the failures, their declined attempts, the
// touches (card-update emails) and outbound events (retry due, suspension) they cause.
import type { DeclineClass, DeclineInfo, StopReason } from '../core/card-retry/index.ts';
import type { LocalDate } from '../core/local-date.ts';
import type { Tone } from '../core/policy/types.ts';
import type { LedgerWriter } from './ports.ts';

/** The states of a failed card payment. */
export const CardFailureStatus = { retrying: 'retrying', grace: 'grace', suspended: 'suspended', recovered: 'recovered' } as const;
export type CardFailureStatus = (typeof CardFailureStatus)[keyof typeof CardFailureStatus];

/** One declined attempt as stored. */
export type CardAttempt = {
  readonly eventId: string;
  readonly chargeId: string | null;
  readonly on: LocalDate;
  readonly decline: DeclineClass;
  readonly raw: DeclineInfo;
};

/** The schedule columns a plan sets. */
export type CardSchedule = {
  readonly status: CardFailureStatus;
  readonly nextRetryOn: LocalDate | null;
  readonly retryNumber: number | null;
  readonly stopReason: StopReason | null;
  readonly graceEndsOn: LocalDate | null;
  readonly suspendOn: LocalDate | null;
  readonly why: string;
};

/** A failed card payment. */
export type CardFailure = CardSchedule & {
  readonly id: number;
  readonly accountId: number | null;
  readonly accountRef: string | null;
  readonly accountName: string | null;
  readonly invoiceId: number | null;
  readonly invoiceNumber: string | null;
  /** What the invoice still owes (0 once paid, by any means); null without an invoice. */
  readonly invoiceOpenMinor: bigint | null;
  readonly customerId: string | null;
  readonly stripeInvoiceId: string | null;
  readonly paymentIntentId: string | null;
  readonly currency: string;
  readonly amountMinor: bigint;
  readonly firstFailedOn: LocalDate;
  readonly retryEmittedFor: LocalDate | null;
  readonly updateTouchId: number | null;
  readonly finalTouchId: number | null;
  readonly suspendedOn: LocalDate | null;
  readonly recoveredOn: LocalDate | null;
  /** Oldest first. */
  readonly attempts: readonly CardAttempt[];
};

/** A new failure, before its first attempt is added. */
export type NewCardFailure = CardSchedule & Pick<CardFailure, 'accountId' | 'invoiceId' | 'customerId' | 'stripeInvoiceId' | 'paymentIntentId' | 'currency' | 'amountMinor' | 'firstFailedOn'>;

/** What changes on a failure. */
export type CardFailureChange = Partial<CardSchedule> & {
  readonly accountId?: number | null;
  readonly invoiceId?: number | null;
  readonly stripeInvoiceId?: string | null;
  readonly paymentIntentId?: string | null;
  readonly retryEmittedFor?: LocalDate | null;
  readonly updateTouchId?: number | null;
  readonly finalTouchId?: number | null;
  readonly suspendedOn?: LocalDate | null;
  readonly recoveredOn?: LocalDate | null;
};

/** A card-update email to queue in the outbox, on one invoice of the account's case. */
export type CardTouch = {
  readonly accountId: number;
  readonly currency: string;
  readonly invoiceId: number;
  /** card-update (at the failure) or card-final (retries ended). */
  readonly stepId: 'card-update' | 'card-final';
  readonly tone: Tone;
  readonly plannedOn: LocalDate;
  readonly status: 'pending_review' | 'approved';
  readonly idempotencyKey: string;
};

/** An event for the creditor's billing system, written once per key. */
export type OutboundEvent = {
  readonly kind: 'card.retry_due' | 'card.suspend' | 'card.recovered';
  readonly key: string;
  readonly accountId: number | null;
  readonly payload: Readonly<Record<string, unknown>>;
};

/** A stored outbound event. */
export type StoredOutboundEvent = OutboundEvent & { readonly id: number; readonly createdAt: string };

/** Failure operations inside one transaction. */
export interface CardWriter {
  /** The failure of this payment: by processor invoice, payment intent, or an attempt's charge. */
  findFailure(keys: { stripeInvoiceId: string | null; paymentIntentId: string | null; chargeId: string | null }): Promise<CardFailure | null>;
  insertFailure(row: NewCardFailure): Promise<number>;
  updateFailure(id: number, change: CardFailureChange): Promise<void>;
  /** Adds an attempt; false when its charge is already recorded (the same attempt told twice). */
  addAttempt(failureId: number, attempt: CardAttempt): Promise<boolean>;
  /** Replaces the classification of a recorded attempt (a later event told more about it). */
  reclassifyAttempt(chargeId: string, attempt: CardAttempt): Promise<void>;
  failure(id: number): Promise<CardFailure | null>;
  /** Failures in these states, locked for this transaction where the store can (others skip them). */
  claim(statuses: readonly CardFailureStatus[]): Promise<CardFailure[]>;
  /** Failures of a processor customer not yet linked to an account. */
  unlinkedOfCustomer(customerId: string): Promise<CardFailure[]>;
  /** Queues the touch unless the invoice already has this step; its id, or null when it had. */
  queueTouch(touch: CardTouch): Promise<number | null>;
  /** Writes the event unless its key exists; false when it did. */
  emit(event: OutboundEvent): Promise<boolean>;
}

/** The card store, as the engine sees it. */
export interface CardStore {
  transaction<T>(fn: (cards: CardWriter, ledger: LedgerWriter) => Promise<T>): Promise<T>;
  /** Failures, newest first; only these states when given. */
  list(statuses: readonly CardFailureStatus[] | null): Promise<CardFailure[]>;
  /** Outbound events after an id, oldest first. */
  events(afterId: number, limit: number): Promise<StoredOutboundEvent[]>;
}
