import type { Kysely, CreateTableBuilder, Generated } from 'kysely';
import type { StoreDialect } from '../dialect.ts';

/**
 * Every inbound message, stored raw before anything else reads it; then what it was (kind,
 * intent, facts), which case it belongs to and how that was found, and what was done.
 */
export interface InboundMessagesTable {
  id: Generated<number>;
  /** The Message-ID header, or `<sha256-prefix@hash.dunwise.invalid>` when there is none: processed once. */
  message_id: string;
  raw: Uint8Array;
  raw_bytes: number;
  received_at: string;
  received_on: string;
  /** smtp | file | reclassify */
  source: string;
  envelope_to: string | null;
  from_address: string | null;
  subject: string | null;
  /** The reply's new text (quotes and signature trimmed), for review. */
  text: string | null;
  /** human | auto_reply | bounce | complaint; null until read. */
  kind: string | null;
  /** JSON of the bounce (hard, recipient, reason, status) or null. */
  bounce: string | null;
  intent: string | null;
  confidence: number | null;
  /** JSON of the facts (promiseDate, amount, returnDate, newContactEmail, reference, ...). */
  facts: string | null;
  /** JSON array of the evidence lines behind the intent or the kind. */
  evidence: string | null;
  language: string | null;
  case_id: number | null;
  /** reply_address | in_reply_to | sender | manual | none */
  threaded_by: string | null;
  /** received (stored, not yet processed) | acted | needs_review | unmatched | ignored */
  status: string;
  /** What was done, in words ("snoozed until 2026-03-17 (promise)"). */
  action: string | null;
  updated_at: string;
}

/** A promise to pay read from a reply; kept or broken is decided later against payments. */
export interface PromisesTable {
  id: Generated<number>;
  case_id: number;
  inbound_id: number | null;
  promised_on: string;
  grace_until: string;
  amount: string | null;
  status: string;
  created_at: string;
}

/** An e-mail address that must not be written to: invalid (hard bounce), opted_out, complaint. */
export interface ContactIssuesTable {
  id: Generated<number>;
  email: string;
  contact_id: number | null;
  issue: string;
  reason: string;
  inbound_id: number | null;
  created_at: string;
  resolved_at: string | null;
}

/** Inbound mail: raw messages (unique Message-ID), promises and contact issues (and the task queue). */
export async function up(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  const id = <T extends string>(t: CreateTableBuilder<T>): CreateTableBuilder<T> =>
    t.addColumn('id', 'integer', (c) => (dialect === 'postgres' ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey()));

  await id(db.schema.createTable('inbound_messages'))
    .addColumn('message_id', 'text', (c) => c.notNull().unique())
    .addColumn('raw', dialect === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
    .addColumn('raw_bytes', 'integer', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('envelope_to', 'text')
    .addColumn('from_address', 'text')
    .addColumn('subject', 'text')
    .addColumn('text', 'text')
    .addColumn('kind', 'text')
    .addColumn('bounce', 'text')
    .addColumn('intent', 'text')
    .addColumn('confidence', 'real')
    .addColumn('facts', 'text')
    .addColumn('evidence', 'text')
    .addColumn('language', 'text')
    .addColumn('case_id', 'integer', (c) => c.references('cases.id'))
    .addColumn('threaded_by', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('action', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('inbound_messages_status').on('inbound_messages').columns(['status', 'id']).execute();
  await db.schema.createIndex('inbound_messages_case').on('inbound_messages').column('case_id').execute();

  // The task queue is shared with dispatch (0002 creates it there); a store migrated before
  // dispatch existed gets the same table here. Reply tasks name their message in the detail.
  await id(db.schema.createTable('tasks').ifNotExists())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('account_id', 'integer', (c) => c.references('accounts.id'))
    .addColumn('touch_id', 'integer')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await id(db.schema.createTable('promises'))
    .addColumn('case_id', 'integer', (c) => c.notNull().references('cases.id'))
    .addColumn('inbound_id', 'integer', (c) => c.references('inbound_messages.id'))
    .addColumn('promised_on', 'text', (c) => c.notNull())
    .addColumn('grace_until', 'text', (c) => c.notNull())
    .addColumn('amount', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('promises_case').on('promises').column('case_id').execute();

  await id(db.schema.createTable('contact_issues'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('contact_id', 'integer', (c) => c.references('contacts.id'))
    .addColumn('issue', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('inbound_id', 'integer', (c) => c.references('inbound_messages.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .execute();
  await db.schema.createIndex('contact_issues_email').on('contact_issues').columns(['email', 'issue']).execute();
}
