import { PostgresAdapter, SqliteAdapter, sql, type Kysely, type Transaction } from 'kysely';
import type { Clock } from '../core/clock.ts';
import type { InvoiceKind } from '../core/ledger.ts';
import type { LedgerStore, LedgerWriter, InvoiceRow, StoredInvoice } from '../engine/ports.ts';
import { insertRows } from './bulk-insert.ts';
import { toBigInt, toId } from './convert.ts';
import type { Database, InvoicesTable } from './schema.ts';
import type { Selectable } from 'kysely';

/** The next_action_on of a case that should be planned at the next run, whatever the day. */
export const planAsap = '0001-01-01';

/** The engine's ledger port on Kysely: the same code for SQLite and PostgreSQL. */
export function ledgerStore(db: Kysely<Database>, clock: Clock): LedgerStore {
  const now = (): string => clock.now().toISOString();
  return {
    transaction: (fn) => withBulkSettings(db, () => db.transaction().execute((trx) => fn(writer(trx, now)))),
    recordRejectedImport: async (row) => {
      await db
        .insertInto('imports')
        .values({ kind: row.kind, file: row.file, file_hash: row.fileHash, status: 'rejected', records: row.records, problems: row.problems, started_at: now(), finished_at: now() })
        .execute();
    },
  };
}

/**
 * Runs an import's transaction on SQLite with settings for many writes, then restores them.
 * A multi-row INSERT keeps a statement journal (the pages it changes, to undo it alone if it
 * fails half-way): in a temporary file by default, in memory here. And a page cache of 4 MiB
 * instead of 2 keeps more of the indexes' hot pages, instead of writing them to the WAL and
 * reading them back mid-transaction. Measured on 1,000,000 invoices: about a quarter less time
 * in SQLite. (8 MiB saved another second but added ~10 MB to the import's peak memory.)
 * Not set for the whole connection: in memory, a large sort's temporary storage would be too.
 * The import benchmark's floor uses the same settings (bench/floor.ts).
 */
export const sqliteBulkPragmas = ['pragma temp_store = memory', 'pragma cache_size = -4096'] as const;

async function withBulkSettings<T>(db: Kysely<Database>, fn: () => Promise<T>): Promise<T> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return fn();
  const before = await sql<{ cache_size: number }>`pragma cache_size`.execute(db);
  const cacheSize = Number(before.rows[0]?.cache_size ?? -2000);
  for (const pragma of sqliteBulkPragmas) await sql.raw(pragma).execute(db);
  try {
    return await fn();
  } finally {
    await sql`pragma temp_store = default`.execute(db);
    await sql.raw(`pragma cache_size = ${cacheSize}`).execute(db);
  }
}

/** The ledger writer on one transaction (shared with the other stores that write audit entries and mark cases). */
export function writer(trx: Transaction<Database>, now: () => string): LedgerWriter {
  return {
    async findAccountIds(refs) {
      const rows = await trx.selectFrom('accounts').select(['id', 'ref']).where('ref', 'in', refs).execute();
      return new Map(rows.map((r) => [r.ref, toId(r.id)]));
    },
    async insertAccounts(rows) {
      const at = now();
      const out = await insertRows(trx, 'accounts', accountColumns, rows.map((a) => [a.ref, a.name, a.currency, a.locale, a.timeZone, a.country, a.segment, a.owner, at]), ['id', 'ref']);
      return new Map(out.map((r) => [r['ref'] as string, toId(r['id'] as number)]));
    },
    async insertContacts(rows) {
      await trx
        .insertInto('contacts')
        .values(rows.map((c) => ({ account_id: c.accountId, name: c.name, role: c.role, email: c.email, phone: c.phone, language: c.language, time_zone: c.timeZone })))
        .execute();
    },
    async findInvoices(numbers) {
      if (numbers.length === 0) return new Map();
      const rows = await trx.selectFrom('invoices').selectAll().where('number', 'in', numbers).execute();
      return new Map(rows.map((r) => [r.number, fromInvoiceRow(r)]));
    },
    async hasInvoices() {
      return (await trx.selectFrom('invoices').select('id').limit(1).executeTakeFirst()) !== undefined;
    },
    async insertInvoices(rows, withIds) {
      const at = now();
      const out = await insertRows(trx, 'invoices', invoiceColumns, rows.map((r) => invoiceValues(r, at)), withIds ? ['id', 'number'] : []);
      return new Map(out.map((r) => [r['number'] as string, toId(r['id'] as number)]));
    },
    async updateInvoice(id, row) {
      await trx.updateTable('invoices').set({ ...toInvoiceColumns(row), updated_at: now() }).where('id', '=', id).execute();
    },
    async setOpenAmount(id, openMinor, status) {
      await trx.updateTable('invoices').set({ open_minor: openMinor, status, updated_at: now() }).where('id', '=', id).execute();
    },
    async insertInstalments(rows) {
      await trx
        .insertInto('instalments')
        .values(rows.map((i) => ({ invoice_id: i.invoiceId, seq: i.seq, due_date: i.dueDate, amount_minor: i.amountMinor })))
        .execute();
    },
    async deleteInstalments(invoiceId) {
      await trx.deleteFrom('instalments').where('invoice_id', '=', invoiceId).execute();
    },
    async findPayments(refs) {
      if (refs.length === 0) return new Map();
      const rows = await trx.selectFrom('payments').select(['id', 'ref', 'content_hash']).where('ref', 'in', refs).execute();
      return new Map(rows.map((r) => [r.ref, { id: toId(r.id), contentHash: r.content_hash }]));
    },
    async insertPayment(p) {
      const row = await trx
        .insertInto('payments')
        .values({ ref: p.ref, account_id: p.accountId, currency: p.currency, amount_minor: p.amountMinor, unapplied_minor: p.unappliedMinor, unapplied_reason: p.unappliedReason, received_on: p.receivedOn, reference: p.reference, invoice_number: p.invoiceNumber, content_hash: p.contentHash, source: p.source, created_at: now() })
        .returning('id')
        .executeTakeFirstOrThrow();
      return toId(row.id);
    },
    async insertAllocation(a) {
      await trx
        .insertInto('allocations')
        .values({ invoice_id: a.invoiceId, payment_id: a.paymentId, credit_note_id: a.creditNoteId, amount_minor: a.amountMinor, created_at: now() })
        .execute();
    },
    async appendAudit(entries) {
      if (entries.length === 0) return;
      const at = now();
      await trx
        .insertInto('audit_log')
        .values(entries.map((e) => ({ at, actor: e.actor, entity: e.entity, entity_id: e.entityId, action: e.action, detail: JSON.stringify(e.detail) })))
        .execute();
    },
    async markCasesForPlanning(pairs) {
      const unique = new Map(pairs.map((p) => [`${p.accountId}/${p.currency}`, p]));
      if (unique.size === 0) return;
      const at = now();
      await trx
        .insertInto('cases')
        .values([...unique.values()].map((p) => ({ account_id: p.accountId, currency: p.currency, state: 'active', next_action_on: planAsap, touches_count: 0, created_at: at, updated_at: at })))
        .onConflict((oc) => oc.columns(['account_id', 'currency']).doUpdateSet({ next_action_on: planAsap, updated_at: at }))
        .execute();
    },
    async markCasesOfImport(importId) {
      const at = now();
      await sql`insert into cases (account_id, currency, state, next_action_on, touches_count, created_at, updated_at)
          select distinct account_id, currency, 'active', ${planAsap}, 0, ${at}, ${at} from invoices where import_id = ${importId} and kind = 'invoice'
          on conflict (account_id, currency) do update set next_action_on = ${planAsap}, updated_at = ${at}`.execute(trx);
    },
    async startImport(row) {
      const out = await trx
        .insertInto('imports')
        .values({ kind: row.kind, file: row.file, file_hash: row.fileHash, status: 'running', records: 0, problems: 0, started_at: now(), finished_at: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      return toId(out.id);
    },
    async finishImport(id, status, records, problems) {
      await trx.updateTable('imports').set({ status, records, problems, finished_at: now() }).where('id', '=', id).execute();
      // After a large import PostgreSQL's planner still believes the tables are as small as
      // before until autovacuum gets to them; a run right after would scan instead of using
      // the indexes (measured: reading due cases 7x slower). Statistics are refreshed at once,
      // inside the import's transaction, so they commit with its rows.
      if (records >= 10_000 && trx.getExecutor().adapter instanceof PostgresAdapter) await sql`analyze accounts, contacts, invoices, cases`.execute(trx);
    },
  };
}

const accountColumns = ['ref', 'name', 'currency', 'locale', 'time_zone', 'country', 'segment', 'owner', 'created_at'] as const;
const invoiceColumns = ['account_id', 'number', 'kind', 'currency', 'total_minor', 'open_minor', 'issue_date', 'due_date', 'due_date_source', 'payment_reference', 'po_number', 'terms', 'corrects_number', 'status', 'content_hash', 'source', 'import_id', 'created_at', 'updated_at'] as const;

/** An invoice row's values in the order of `invoiceColumns`, created and updated `at`. */
function invoiceValues(r: InvoiceRow, at: string): unknown[] {
  return [r.accountId, r.number, r.kind, r.currency, r.totalMinor, r.openMinor, r.issueDate, r.dueDate, r.dueDateSource, r.paymentReference, r.poNumber, r.terms, r.correctsNumber, r.status, r.contentHash, r.source, r.importId, at, at];
}

function toInvoiceColumns(r: InvoiceRow): Omit<InvoicesTable, 'id' | 'created_at' | 'updated_at'> {
  return {
    account_id: r.accountId,
    number: r.number,
    kind: r.kind,
    currency: r.currency,
    total_minor: r.totalMinor,
    open_minor: r.openMinor,
    issue_date: r.issueDate,
    due_date: r.dueDate,
    due_date_source: r.dueDateSource,
    payment_reference: r.paymentReference,
    po_number: r.poNumber,
    terms: r.terms,
    corrects_number: r.correctsNumber,
    status: r.status,
    content_hash: r.contentHash,
    source: r.source,
    import_id: r.importId,
  };
}

/** Maps an invoices row to the engine's view of it. */
export function fromInvoiceRow(r: Selectable<InvoicesTable>): StoredInvoice {
  return {
    id: toId(r.id),
    accountId: toId(r.account_id),
    number: r.number,
    kind: r.kind as InvoiceKind,
    currency: r.currency,
    totalMinor: toBigInt(r.total_minor),
    openMinor: toBigInt(r.open_minor),
    issueDate: r.issue_date,
    dueDate: r.due_date,
    dueDateSource: r.due_date_source,
    paymentReference: r.payment_reference,
    poNumber: r.po_number,
    terms: r.terms,
    correctsNumber: r.corrects_number,
    status: r.status,
    contentHash: r.content_hash,
    source: r.source,
    importId: r.import_id === null ? null : toId(r.import_id),
  };
}
