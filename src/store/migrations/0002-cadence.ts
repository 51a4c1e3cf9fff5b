import type { Kysely, CreateTableBuilder } from 'kysely';
import type { StoreDialect } from '../dialect.ts';

/**
 * The cadence engine: cases (one per account and currency), the touch outbox, which invoice
 * got which step (unique: a step goes out at most once per invoice), every decision with its
 * reason, and disputes.
 */
export async function up(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  const id = <T extends string>(t: CreateTableBuilder<T>): CreateTableBuilder<T> =>
    t.addColumn('id', 'integer', (c) => (dialect === 'postgres' ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey()));

  // Planning reads a case's open invoices by account; without this index SQLite's planner
  // prefers (status, due_date) and scans every open invoice of the ledger.
  await db.schema.createIndex('invoices_account_status').on('invoices').columns(['account_id', 'status', 'currency']).execute();
  await db.schema.createIndex('invoices_import').on('invoices').column('import_id').execute();
  await db.schema.alterTable('accounts').addColumn('segment_override', 'text').execute();
  await db.schema.alterTable('accounts').addColumn('segment_why', 'text').execute();

  await id(db.schema.createTable('cases'))
    .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('state_reason', 'text')
    .addColumn('state_until', 'text')
    .addColumn('owner', 'text')
    .addColumn('next_action_on', 'text')
    .addColumn('last_touch_on', 'text')
    .addColumn('last_reply_on', 'text')
    .addColumn('touches_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('cases_account_currency', ['account_id', 'currency'])
    .execute();
  await db.schema.createIndex('cases_next_action').on('cases').column('next_action_on').execute();

  await id(db.schema.createTable('touches'))
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('step_id', 'text', (c) => c.notNull())
    .addColumn('policy_id', 'text', (c) => c.notNull())
    .addColumn('planned_on', 'text', (c) => c.notNull())
    .addColumn('channels', 'text', (c) => c.notNull())
    .addColumn('tone', 'text', (c) => c.notNull())
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('status_reason', 'text')
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('provider_message_id', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text')
    .addColumn('sending_started_at', 'text')
    .addColumn('override_subject', 'text')
    .addColumn('override_text', 'text')
    .addColumn('reviewed_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('touches_case').on('touches').column('case_id').execute();
  await db.schema.createIndex('touches_status').on('touches').columns(['status', 'planned_on']).execute();

  // One row per channel of a touch: a touch by email and letter is two deliveries, each sent
  // at most once (a retry skips the channels already delivered).
  await db.schema
    .createTable('deliveries')
    .addColumn('touch_id', 'integer', (c) => c.notNull().references('touches.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('provider_id', 'text')
    .addColumn('detail', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('deliveries_pk', ['touch_id', 'channel'])
    .execute();

  await id(db.schema.createTable('tasks'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('account_id', 'integer', (c) => c.references('accounts.id'))
    .addColumn('touch_id', 'integer')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('touch_invoices')
    .addColumn('touch_id', 'integer', (c) => c.notNull().references('touches.id'))
    .addColumn('invoice_id', 'integer', (c) => c.notNull().references('invoices.id'))
    .addColumn('step_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('touch_invoices_pk', ['touch_id', 'invoice_id'])
    .addUniqueConstraint('touch_invoices_once', ['invoice_id', 'step_id'])
    .execute();

  await id(db.schema.createTable('decisions'))
    .addColumn('run_on', 'text', (c) => c.notNull())
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('invoice_id', 'integer', (c) => c.references('invoices.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('step_id', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('touch_id', 'integer')
    .execute();
  await db.schema.createIndex('decisions_case').on('decisions').columns(['case_id', 'run_on']).execute();
  await db.schema.createIndex('decisions_invoice').on('decisions').column('invoice_id').execute();

  await id(db.schema.createTable('disputes'))
    .addColumn('invoice_id', 'integer', (c) => c.notNull().references('invoices.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('owner', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('opened_on', 'text', (c) => c.notNull())
    .addColumn('resolved_on', 'text')
    .execute();
  await db.schema.createIndex('disputes_invoice').on('disputes').columns(['invoice_id', 'status']).execute();
}
