import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Clock } from '../core/clock.ts';
import type { CurrencyCode } from '../core/currency.ts';
import type { LocalDate } from '../core/local-date.ts';
import type { OpenInvoice } from '../core/matching/types.ts';
import type { BankLineChange, BankLineStatus, CashStore, CashWriter, LineExplanation, StoredBankLine, StoredProposal } from '../engine/cash-ports.ts';
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
      const rows = await trx
        .selectFrom('invoices')
        .innerJoin('accounts', 'accounts.id', 'invoices.account_id')
        .select(['invoices.id', 'invoices.number', 'invoices.account_id', 'accounts.name', 'invoices.currency', 'invoices.open_minor', 'invoices.due_date', 'invoices.issue_date', 'invoices.payment_reference'])
        .where('invoices.kind', '=', 'invoice')
        .where('invoices.status', '=', 'open')
        .where('invoices.open_minor', '>', 0)
        .where('invoices.currency', 'in', currencies)
        .execute();
      return rows.map((r): OpenInvoice => ({
        id: toId(r.id), number: r.number, accountId: toId(r.account_id), accountName: r.name, currency: r.currency as CurrencyCode,
        openMinor: toBigInt(r.open_minor), dueDate: r.due_date as LocalDate, issueDate: r.issue_date as LocalDate, paymentReference: r.payment_reference,
      }));
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
        .values({
          entry_id: row.entryId, import_id: row.importId, file: row.file, file_hash: row.fileHash, statement_account: row.statementAccount,
          booking_date: row.bookingDate, value_date: row.valueDate, amount_minor: row.amount, currency: row.currency,
          counterparty_name: row.counterpartyName, counterparty_iban: row.counterpartyIban, reference: row.reference, remittance: row.remittance,
          end_to_end_id: row.endToEndId, bank_reference: row.bankReference,
          written_off_minor: 0n, ...changeColumns(decided), created_at: at, updated_at: at,
        })
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
  };
}

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
