import type { Kysely, CreateTableBuilder, Generated } from 'kysely';
import type { StoreDialect } from '../dialect.ts';

type Int = number | string | bigint;

/** Every imported bank line, its status and, while queued, the proposals shown for review. */
export interface BankLinesTable {
  id: Generated<number>;
  entry_id: string;
  import_id: number | null;
  file: string;
  file_hash: string;
  statement_account: string;
  booking_date: string | null;
  value_date: string | null;
  amount_minor: Int;
  currency: string;
  counterparty_name: string | null;
  counterparty_iban: string | null;
  reference: string | null;
  remittance: string | null;
  end_to_end_id: string | null;
  bank_reference: string | null;
  /** applied | queued | ignored | unmatched */
  status: string;
  reason: string | null;
  score: number | null;
  /** JSON: the signals of the applied match. */
  explanation: string | null;
  /** JSON: the ranked proposals of a queued line. */
  proposals: string | null;
  payment_id: number | null;
  written_off_minor: Int;
  /** For a reversal: the credit line it reversed. */
  reverses_line_id: number | null;
  resolved_by: string | null;
  created_at: string;
  updated_at: string;
}

/** Payers learned from applied matches: an IBAN or a normalised payer name -> the account. */
export interface PayerLinksTable {
  id: Generated<number>;
  kind: string;
  key: string;
  account_id: number;
  learned_from: number | null;
  created_at: string;
}

/** Cash application: bank lines (unique by entry id) and learned payer links. */
export async function up(db: Kysely<unknown>, dialect: StoreDialect): Promise<void> {
  const id = <T extends string>(t: CreateTableBuilder<T>): CreateTableBuilder<T> =>
    t.addColumn('id', 'integer', (c) => (dialect === 'postgres' ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey()));

  await id(db.schema.createTable('bank_lines'))
    .addColumn('entry_id', 'text', (c) => c.notNull().unique())
    .addColumn('import_id', 'integer')
    .addColumn('file', 'text', (c) => c.notNull())
    .addColumn('file_hash', 'text', (c) => c.notNull())
    .addColumn('statement_account', 'text', (c) => c.notNull())
    .addColumn('booking_date', 'text')
    .addColumn('value_date', 'text')
    .addColumn('amount_minor', 'bigint', (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('counterparty_name', 'text')
    .addColumn('counterparty_iban', 'text')
    .addColumn('reference', 'text')
    .addColumn('remittance', 'text')
    .addColumn('end_to_end_id', 'text')
    .addColumn('bank_reference', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('score', 'real')
    .addColumn('explanation', 'text')
    .addColumn('proposals', 'text')
    .addColumn('payment_id', 'integer', (c) => c.references('payments.id'))
    .addColumn('written_off_minor', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('reverses_line_id', 'integer')
    .addColumn('resolved_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('bank_lines_status').on('bank_lines').column('status').execute();
  await db.schema.createIndex('bank_lines_end_to_end').on('bank_lines').column('end_to_end_id').execute();
  await db.schema.createIndex('bank_lines_reference').on('bank_lines').column('reference').execute();

  await id(db.schema.createTable('payer_links'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
    .addColumn('learned_from', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('payer_links_key', ['kind', 'key'])
    .execute();
}
