import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Clock } from '../core/clock.ts';
import type { CurrencyCode } from '../core/currency.ts';
import type { LocalDate } from '../core/local-date.ts';
import type { OpenInvoice } from '../core/matching/types.ts';
import type { BankLineChange, BankLineStatus, CashStore, CashWriter, LineExplanation, NewBankLine, StoredBankLine, StoredProposal } from '../engine/cash-ports.ts';
import { toBigInt, toId } from './convert.ts';
import type { StoreDialect } from './dialect.ts';
import { ledgerStore, writer as ledgerWriter } from './ledger-store.ts';
import type { BankLinesTable } from './migrations/0003-cash.ts';
import type { Database } from './schema.ts';

/** The cash port on Kysely (SQLite and PostgreSQL); the ledger writer shares its transaction. */
export function cashStore(db: Kysely<Database>, dialect: StoreDialect, clock: Clock): CashStore {
  const now = (): string => clock.now().toISOString();
  return {
    transaction: (fn) => db.transaction().execute((trx) => fn(ledgerWriter(trx, now), cashWriter(trx, dialect, now))),
    recordRejectedImport: (row) => ledgerStore(db, clock).recordRejectedImport(row),
    async queue() {
      const rows = await db.selectFrom('bank_lines').selectAll().where('status', 'in', ['queued', 'unmatched']).orderBy('id').execute();
      return rows.map(fromLineRow);
    },
    async line(id) {
      const row = await db.selectFrom('bank_lines').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? fromLineRow(row) : null;
    },
  };
}

/** Cash operations inside one transaction (shared with the Stripe events' transaction). */
export function cashWriter(trx: Transaction<Database>, dialect: StoreDialect, now: () => string): CashWriter {
  return {
    async knownEntryIds(entryIds) {
      if (entryIds.length === 0) return new Set();
      const rows = await trx.selectFrom('bank_lines').select('entry_id').where('entry_id', 'in', entryIds).execute();
      return new Set(rows.map((r) => r.entry_id));
    },
    async openInvoices(currencies) {
      // In pages along the primary key, so a million open invoices never sit in memory twice
      // (rows and invoices), and the strings many invoices share (names, currencies, dates)
      // are kept once. The status is checked here rather than in SQL: with it, SQLite reads the
      // (status, due_date) index and sorts every open invoice for each page, and PostgreSQL
      // misjudges the pages; without it, both walk the primary key.
      const shared = new Map<string, string>();
      const once = (text: string): string => {
        const hit = shared.get(text);
        if (hit !== undefined) return hit;
        shared.set(text, text);
        return text;
      };
      const names = new Map<number, string>();
      const out: OpenInvoice[] = [];
      for (let after = 0; ; ) {
        const rows = await trx
          .selectFrom('invoices')
          .select(['id', 'number', 'account_id', 'currency', 'open_minor', 'due_date', 'issue_date', 'payment_reference', 'status'])
          .where('id', '>', after)
          .where('kind', '=', 'invoice')
          .where('open_minor', '>', 0)
          .where('currency', 'in', currencies)
          .orderBy('id')
          .limit(pageSize)
          .execute();
        const unnamed = [...new Set(rows.map((r) => toId(r.account_id)).filter((id) => !names.has(id)))];
        for (let i = 0; i < unnamed.length; i += perStatement) {
          for (const a of await trx.selectFrom('accounts').select(['id', 'name']).where('id', 'in', unnamed.slice(i, i + perStatement)).execute()) names.set(toId(a.id), once(a.name));
        }
        for (const r of rows) {
          if (r.status !== 'open') continue;
          const accountId = toId(r.account_id);
          out.push({
            id: toId(r.id), number: r.number, accountId, accountName: names.get(accountId) ?? '', currency: once(r.currency) as CurrencyCode,
            openMinor: toBigInt(r.open_minor), dueDate: once(r.due_date) as LocalDate, issueDate: once(r.issue_date) as LocalDate, paymentReference: r.payment_reference,
          });
        }
        const last = rows.at(-1);
        if (last === undefined || rows.length < pageSize) return out;
        after = toId(last.id);
      }
    },
    async payerKnowledge() {
      const rows = await trx.selectFrom('payer_links').select(['kind', 'key', 'account_id']).execute();
      const ibans = new Map<string, number>();
      const names = new Map<string, number>();
      for (const r of rows) (r.kind === 'iban' ? ibans : names).set(r.key, toId(r.account_id));
      return { ibans, names };
    },
    async insertLine(row, decided) {
      const at = now();
      const out = await trx
        .insertInto('bank_lines')
        .values({ ...lineColumns(row), written_off_minor: 0n, ...changeColumns(decided), created_at: at, updated_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      return toId(out.id);
    },
    async updateLine(id, change) {
      await trx.updateTable('bank_lines').set({ ...changeColumns(change), updated_at: now() }).where('id', '=', id).execute();
    },
    async lineForUpdate(id) {
      let q = trx.selectFrom('bank_lines').selectAll().where('id', '=', id);
      if (dialect === 'postgres') q = q.forUpdate();
      const row = await q.executeTakeFirst();
      return row ? fromLineRow(row) : null;
    },
    async reversalCandidates(currency, endToEndId, reference) {
      const rows = await trx
        .selectFrom('bank_lines')
        .selectAll()
        .where('currency', '=', currency)
        .where('amount_minor', '>', 0)
        .where('status', 'in', ['applied', 'queued', 'unmatched'])
        .where((eb) => eb.or([eb('reason', 'is', null), eb('reason', '!=', 'reversed')]))
        .where((eb) => eb.or([...(endToEndId === null ? [] : [eb('end_to_end_id', '=', endToEndId)]), ...(reference === null ? [] : [eb('reference', '=', reference)])]))
        .orderBy('id', 'desc')
        .limit(20)
        .execute();
      return rows.map(fromLineRow);
    },
    async allocationsOf(paymentId) {
      const rows = await trx.selectFrom('allocations').select(['invoice_id', 'amount_minor']).where('payment_id', '=', paymentId).orderBy('id').execute();
      const net = new Map<number, bigint>();
      for (const r of rows) net.set(toId(r.invoice_id), (net.get(toId(r.invoice_id)) ?? 0n) + toBigInt(r.amount_minor));
      return [...net].filter(([, a]) => a > 0n).map(([invoiceId, amountMinor]) => ({ invoiceId, amountMinor }));
    },
    async invoiceBalances(ids) {
      if (ids.length === 0) return new Map();
      const rows = await trx.selectFrom('invoices').select(['id', 'number', 'account_id', 'currency', 'total_minor', 'open_minor', 'kind']).where('id', 'in', ids).execute();
      return new Map(rows.map((r) => [toId(r.id), { id: toId(r.id), number: r.number, accountId: toId(r.account_id), currency: r.currency, totalMinor: toBigInt(r.total_minor), openMinor: toBigInt(r.open_minor), kind: r.kind }]));
    },
    async setPayment(paymentId, change) {
      await trx
        .updateTable('payments')
        .set({ unapplied_minor: change.unappliedMinor, unapplied_reason: change.reason, ...(change.accountId === undefined ? {} : { account_id: change.accountId }) })
        .where('id', '=', paymentId)
        .execute();
    },
    async paymentUnapplied(paymentId) {
      const row = await trx.selectFrom('payments').select('unapplied_minor').where('id', '=', paymentId).executeTakeFirstOrThrow();
      return toBigInt(row.unapplied_minor);
    },
    async learnPayers(links) {
      const unique = new Map(links.map((l) => [`${l.kind} ${l.key}`, l]));
      if (unique.size === 0) return;
      const at = now();
      await trx
        .insertInto('payer_links')
        .values([...unique.values()].map((l) => ({ kind: l.kind, key: l.key, account_id: l.accountId, learned_from: l.lineId, created_at: at })))
        .onConflict((oc) => oc.columns(['kind', 'key']).doUpdateSet((eb) => ({ account_id: eb.ref('excluded.account_id'), learned_from: eb.ref('excluded.learned_from') })))
        .execute();
    },
    async ledgerMarker() {
      const max = (table: 'invoices' | 'allocations' | 'audit_log' | 'payer_links') => trx.selectFrom(table).select((eb) => eb.fn.max('id').as('id'));
      const row = await trx
        .selectNoFrom(() => [max('invoices').as('invoices'), max('allocations').as('allocations'), max('audit_log').as('audit'), max('payer_links').as('payers')])
        .executeTakeFirstOrThrow();
      return [row.invoices, row.allocations, row.audit, row.payers].map((v) => String(v ?? 0)).join('/');
    },
    async insertPayments(rows) {
      const ids = new Map<string, number>();
      const at = now();
      for (let i = 0; i < rows.length; i += perStatement) {
        const out = await trx
          .insertInto('payments')
          .values(rows.slice(i, i + perStatement).map((p) => ({ ref: p.ref, account_id: p.accountId, currency: p.currency, amount_minor: p.amountMinor, unapplied_minor: p.unappliedMinor, unapplied_reason: p.unappliedReason, received_on: p.receivedOn, reference: p.reference, invoice_number: p.invoiceNumber, content_hash: p.contentHash, source: p.source, created_at: at })))
          .returning(['id', 'ref'])
          .execute();
        for (const r of out) ids.set(r.ref, toId(r.id));
      }
      return ids;
    },
    async insertLines(rows) {
      const ids = new Map<string, number>();
      const at = now();
      for (let i = 0; i < rows.length; i += perStatement) {
        const out = await trx
          .insertInto('bank_lines')
          .values(rows.slice(i, i + perStatement).map(({ row, decided }) => ({ ...lineColumns(row), ...unset, ...changeColumns(decided), created_at: at, updated_at: at })))
          .returning(['id', 'entry_id'])
          .execute();
        for (const r of out) ids.set(r.entry_id, toId(r.id));
      }
      return ids;
    },
    async insertAllocations(rows) {
      const at = now();
      for (let i = 0; i < rows.length; i += perStatement) {
        await trx
          .insertInto('allocations')
          .values(rows.slice(i, i + perStatement).map((a) => ({ invoice_id: a.invoiceId, payment_id: a.paymentId, credit_note_id: null, amount_minor: a.amountMinor, created_at: at })))
          .execute();
      }
    },
    async setOpenAmounts(rows) {
      const at = now();
      // One CASE per column over the ids; parameters cast, as PostgreSQL cannot type a bare one there.
      for (let i = 0; i < rows.length; i += perStatement) {
        const slice = rows.slice(i, i + perStatement);
        const when = (value: (r: (typeof slice)[number]) => unknown, type: 'bigint' | 'text') =>
          sql.join(slice.map((r) => sql`when ${r.id} then cast(${value(r)} as ${sql.raw(type)})`), sql` `);
        await sql`update invoices set
            open_minor = case id ${when((r) => r.openMinor, 'bigint')} end,
            status = case id ${when((r) => r.status, 'text')} end,
            updated_at = ${at}
          where id in (${sql.join(slice.map((r) => r.id))})`.execute(trx);
      }
    },
  };
}

/** The columns of a new line as the file gives it. */
function lineColumns(row: NewBankLine): Omit<BankLinesTable, 'id' | 'status' | 'reason' | 'score' | 'explanation' | 'proposals' | 'payment_id' | 'written_off_minor' | 'reverses_line_id' | 'resolved_by' | 'created_at' | 'updated_at'> {
  return {
    entry_id: row.entryId, import_id: row.importId, file: row.file, file_hash: row.fileHash, statement_account: row.statementAccount,
    booking_date: row.bookingDate, value_date: row.valueDate, amount_minor: row.amount, currency: row.currency,
    counterparty_name: row.counterpartyName, counterparty_iban: row.counterpartyIban, reference: row.reference, remittance: row.remittance,
    end_to_end_id: row.endToEndId, bank_reference: row.bankReference,
  };
}

// A multi-row insert names the same columns in every row: what a decision leaves out is unset.
const unset = { score: null, explanation: null, proposals: null, payment_id: null, written_off_minor: 0n, reverses_line_id: null, resolved_by: null } as const;

// Rows per statement: within both stores' parameter limits for every table written here.
const perStatement = 500;
// Open invoices read per query.
const pageSize = 20_000;

function changeColumns(c: BankLineChange): Pick<BankLinesTable, 'status' | 'reason'> & Partial<Omit<BankLinesTable, 'id'>> {
  return {
    status: c.status,
    reason: c.reason,
    ...(c.score === undefined ? {} : { score: c.score }),
    ...(c.explanation === undefined ? {} : { explanation: c.explanation === null ? null : JSON.stringify(c.explanation) }),
    ...(c.proposals === undefined ? {} : { proposals: c.proposals === null ? null : JSON.stringify(c.proposals) }),
    ...(c.paymentId === undefined ? {} : { payment_id: c.paymentId }),
    ...(c.writtenOffMinor === undefined ? {} : { written_off_minor: c.writtenOffMinor }),
    ...(c.reversesLineId === undefined ? {} : { reverses_line_id: c.reversesLineId }),
    ...(c.resolvedBy === undefined ? {} : { resolved_by: c.resolvedBy }),
  };
}

/** Maps a bank_lines row to the engine's view of it. */
export function fromLineRow(r: Selectable<BankLinesTable>): StoredBankLine {
  return {
    id: toId(r.id),
    entryId: r.entry_id,
    importId: r.import_id === null ? 0 : toId(r.import_id),
    file: r.file,
    fileHash: r.file_hash,
    statementAccount: r.statement_account,
    bookingDate: r.booking_date as LocalDate | null,
    valueDate: r.value_date as LocalDate | null,
    amount: toBigInt(r.amount_minor),
    currency: r.currency as CurrencyCode,
    counterpartyName: r.counterparty_name,
    counterpartyIban: r.counterparty_iban,
    reference: r.reference,
    remittance: r.remittance,
    endToEndId: r.end_to_end_id,
    bankReference: r.bank_reference,
    status: r.status as BankLineStatus,
    reason: r.reason,
    score: r.score === null ? null : Number(r.score),
    explanation: r.explanation === null ? null : (JSON.parse(r.explanation) as LineExplanation),
    proposals: r.proposals === null ? [] : (JSON.parse(r.proposals) as StoredProposal[]),
    paymentId: r.payment_id === null ? null : toId(r.payment_id),
    writtenOffMinor: toBigInt(r.written_off_minor),
    reversesLineId: r.reverses_line_id === null ? null : toId(r.reverses_line_id),
    resolvedBy: r.resolved_by,
  };
}
