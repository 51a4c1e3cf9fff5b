import type { Kysely, CreateTableBuilder, Generated } from 'kysely';
import type { StoreDialect } from '../dialect.ts';

type Int = number | string | bigint;

/** Every verified Stripe event, once (unique event id), with what was done with it. */
export interface StripeEventsTable {
  id: Generated<number>;
  event_id: string;
  type: string;
  kind: string;
  object_id: string;
  customer_id: string | null;
  stripe_invoice_id: string | null;
  charge_id: string | null;
  payment_intent_id: string | null;
  created_on: string;
  /** applied | queued | ignored */
  status: string;
  reason: string | null;
  /** JSON: what applying did (invoices, amounts, dispute, failure). */
  detail: string | null;
  /** JSON: the normalised event, so a queued event can be applied later. */
  event: string;
  /** The webhook body exactly as received. */
  body: string;
  bank_line_id: number | null;
  card_failure_id: number | null;
  received_at: string;
  updated_at: string;
}

/** Stripe customers linked to accounts, and Stripe invoices to Dunwise invoices. */
export interface StripeLinksTable {
  id: Generated<number>;
  /** customer | invoice */
  kind: string;
  stripe_id: string;
  account_id: number;
  invoice_id: number | null;
  /** manual (a person linked it) | learned (from an applied event) */
  source: string;
  created_at: string;
}

/** A failed card payment and its retry schedule. */
export interface CardFailuresTable {
  id: Generated<number>;
  account_id: number | null;
  invoice_id: number | null;
  customer_id: string | null;
  stripe_invoice_id: string | null;
  payment_intent_id: string | null;
  currency: string;
  amount_minor: Int;
  /** retrying | grace | suspended | recovered */
  status: string;
  first_failed_on: string;
  next_retry_on: string | null;
  retry_number: number | null;
  stop_reason: string | null;
  grace_ends_on: string | null;
  suspend_on: string | null;
  /** Why the schedule is as it is, in words. */
  why: string;
  /** The retry day a card.retry_due event was emitted for (once per day). */
  retry_emitted_for: string | null;
  update_touch_id: number | null;
  final_touch_id: number | null;
  suspended_on: string | null;
  recovered_on: string | null;
  created_at: string;
  updated_at: string;
}

/** Each declined attempt of a failed payment (the first charge and every retry). */
export interface CardAttemptsTable {
  id: Generated<number>;
  failure_id: number;
  event_id: string;
  charge_id: string | null;
  attempted_on: string;
  category: string;
  rule: string;
  code: string | null;
  wait_days: number;
  text: string;
  /** JSON: the processor's decline fields as received. */
  decline: string;
  created_at: string;
}

/** Events for the creditor's other systems (card.retry_due, card.suspend), in order, once each. */
export interface OutboundEventsTable {
  id: Generated<number>;
  kind: string;
  event_key: string;
  account_id: number | null;
  /** JSON payload, as a webhook would carry it. */
  payload: string;
  created_at: string;
}

/** Stripe events, their links, failed card payments with their attempts, outbound events. */
export async function up(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  const id = <T extends string>(t: CreateTableBuilder<T>): CreateTableBuilder<T> =>
    t.addColumn('id', 'integer', (c) => (dialect === 'postgres' ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey()));

  await id(db.schema.createTable('stripe_events'))
    .addColumn('event_id', 'text', (c) => c.notNull().unique())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('object_id', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text')
    .addColumn('stripe_invoice_id', 'text')
    .addColumn('charge_id', 'text')
    .addColumn('payment_intent_id', 'text')
    .addColumn('created_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('detail', 'text')
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('bank_line_id', 'integer')
    .addColumn('card_failure_id', 'integer')
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('stripe_events_status').on('stripe_events').column('status').execute();
  await db.schema.createIndex('stripe_events_charge').on('stripe_events').column('charge_id').execute();

  await id(db.schema.createTable('stripe_links'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('stripe_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
    .addColumn('invoice_id', 'integer', (c) => c.references('invoices.id'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('stripe_links_key', ['kind', 'stripe_id'])
    .execute();

  await id(db.schema.createTable('card_failures'))
    .addColumn('account_id', 'integer', (c) => c.references('accounts.id'))
    .addColumn('invoice_id', 'integer', (c) => c.references('invoices.id'))
    .addColumn('customer_id', 'text')
    .addColumn('stripe_invoice_id', 'text')
    .addColumn('payment_intent_id', 'text')
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('first_failed_on', 'text', (c) => c.notNull())
    .addColumn('next_retry_on', 'text')
    .addColumn('retry_number', 'integer')
    .addColumn('stop_reason', 'text')
    .addColumn('grace_ends_on', 'text')
    .addColumn('suspend_on', 'text')
    .addColumn('why', 'text', (c) => c.notNull())
    .addColumn('retry_emitted_for', 'text')
    .addColumn('update_touch_id', 'integer')
    .addColumn('final_touch_id', 'integer')
    .addColumn('suspended_on', 'text')
    .addColumn('recovered_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('card_failures_status').on('card_failures').columns(['status', 'next_retry_on']).execute();
  await db.schema.createIndex('card_failures_stripe_invoice').on('card_failures').column('stripe_invoice_id').execute();
  await db.schema.createIndex('card_failures_payment_intent').on('card_failures').column('payment_intent_id').execute();
  await db.schema.createIndex('card_failures_customer').on('card_failures').column('customer_id').execute();

  await id(db.schema.createTable('card_attempts'))
    .addColumn('failure_id', 'integer', (c) => c.notNull().references('card_failures.id'))
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('charge_id', 'text', (c) => c.unique())
    .addColumn('attempted_on', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('code', 'text')
    .addColumn('wait_days', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('decline', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('card_attempts_failure').on('card_attempts').column('failure_id').execute();

  await id(db.schema.createTable('outbound_events'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('event_key', 'text', (c) => c.notNull().unique())
    .addColumn('account_id', 'integer')
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}
