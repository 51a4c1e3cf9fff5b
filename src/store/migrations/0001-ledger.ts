import type { Kysely, CreateTableBuilder } from 'kysely';
import type { StoreDialect } from '../dialect.ts';

/** The ledger: accounts, contacts, invoices with instalments, payments, allocations, audit. */
export async function up(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  // SQLite's INTEGER PRIMARY KEY is the rowid and numbers itself; PostgreSQL needs identity.
  const id = <T extends string>(t: CreateTableBuilder<T>): CreateTableBuilder<T> =>
    t.addColumn('id', 'integer', (c) =>
      dialect === 'postgres' ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey(),
    );

  await id(db.schema.createTable('accounts'))
    .addColumn('ref', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('segment', 'text', (c) => c.notNull())
    .addColumn('owner', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await id(db.schema.createTable('contacts'))
    .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
    .addColumn('name', 'text')
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text')
    .execute();
  await db.schema.createIndex('contacts_account').on('contacts').column('account_id').execute();

  await id(db.schema.createTable('invoices'))
    .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('total_minor', 'bigint', (c) => c.notNull())
    .addColumn('open_minor', 'bigint', (c) => c.notNull())
    .addColumn('issue_date', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('due_date_source', 'text', (c) => c.notNull())
    .addColumn('payment_reference', 'text')
    .addColumn('po_number', 'text')
    .addColumn('terms', 'text')
    .addColumn('corrects_number', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('import_id', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('invoices_account').on('invoices').column('account_id').execute();
  await db.schema
    .createIndex('invoices_open_due')
    .on('invoices')
    .columns(['status', 'due_date'])
    .execute();

  await db.schema
    .createTable('instalments')
    .addColumn('invoice_id', 'integer', (c) => c.notNull().references('invoices.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('instalments_pk', ['invoice_id', 'seq'])
    .execute();

  await id(db.schema.createTable('payments'))
    .addColumn('ref', 'text', (c) => c.notNull().unique())
    .addColumn('account_id', 'integer', (c) => c.references('accounts.id'))
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('unapplied_minor', 'bigint', (c) => c.notNull())
    .addColumn('unapplied_reason', 'text')
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('reference', 'text')
    .addColumn('invoice_number', 'text')
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await id(db.schema.createTable('allocations'))
    .addColumn('invoice_id', 'integer', (c) => c.notNull().references('invoices.id'))
    .addColumn('payment_id', 'integer', (c) => c.references('payments.id'))
    .addColumn('credit_note_id', 'integer', (c) => c.references('invoices.id'))
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('allocations_invoice').on('allocations').column('invoice_id').execute();

  await id(db.schema.createTable('audit_log'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('audit_entity')
    .on('audit_log')
    .columns(['entity', 'entity_id'])
    .execute();

  await id(db.schema.createTable('imports'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('file', 'text', (c) => c.notNull())
    .addColumn('file_hash', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('records', 'integer', (c) => c.notNull())
    .addColumn('problems', 'integer', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .execute();
}
