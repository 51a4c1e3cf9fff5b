import { sql, type Kysely } from 'kysely';
import type { LedgerReader } from '../engine/ports.ts';
import { toBigInt, toId } from './convert.ts';
import { fromInvoiceRow } from './ledger-store.ts';
import type { Database } from './schema.ts';

/** The ledger views on Kysely; one pass over open invoices, grouped in the database. */
export function ledgerReader(db: Kysely<Database>): LedgerReader {
  return {
    async agingTotals(thresholds) {
      const cases = thresholds.map((t) =>
        t.dueOnOrAfter === null ? sql`else ${t.bucket}` : sql`when due_date >= ${t.dueOnOrAfter} then ${t.bucket}`,
      );
      const bucket = sql<string>`case ${sql.join(cases, sql` `)} end`;
      const rows = await db
        .selectFrom('invoices')
        .select(['currency', bucket.as('bucket'), sql<string>`sum(open_minor)`.as('open'), sql<number>`count(*)`.as('n')])
        .where('kind', '=', 'invoice')
        .where('status', '=', 'open')
        .groupBy(['currency', sql`2`])
        .orderBy('currency')
        .execute();
      return rows.map((r) => ({ currency: r.currency, bucket: r.bucket, openMinor: toBigInt(r.open), count: toId(r.n) }));
    },
    async openCredits() {
      const rows = await db
        .selectFrom('invoices')
        .select(['currency', sql<string>`sum(open_minor)`.as('open'), sql<number>`count(*)`.as('n')])
        .where('kind', '=', 'credit_note')
        .where('status', '=', 'open')
        .groupBy('currency')
        .orderBy('currency')
        .execute();
      return rows.map((r) => ({ currency: r.currency, openMinor: toBigInt(r.open), count: toId(r.n) }));
    },
    async unappliedCash() {
      const rows = await db
        .selectFrom('payments')
        .select(['currency', sql<string>`sum(unapplied_minor)`.as('open'), sql<number>`count(*)`.as('n')])
        .where('unapplied_minor', '>', 0)
        .groupBy('currency')
        .orderBy('currency')
        .execute();
      return rows.map((r) => ({ currency: r.currency, unappliedMinor: toBigInt(r.open), count: toId(r.n) }));
    },
    async account(refOrId) {
      let query = db.selectFrom('accounts').selectAll().where('ref', '=', refOrId);
      if (/^\d+$/.test(refOrId)) query = db.selectFrom('accounts').selectAll().where((eb) => eb.or([eb('ref', '=', refOrId), eb('id', '=', Number(refOrId))]));
      const account = await query.orderBy('id').executeTakeFirst();
      if (!account) return null;
      const id = toId(account.id);
      const [contacts, invoices, payments] = await Promise.all([
        db.selectFrom('contacts').selectAll().where('account_id', '=', id).orderBy('id').execute(),
        db.selectFrom('invoices').selectAll().where('account_id', '=', id).orderBy('due_date').orderBy('number').execute(),
        db.selectFrom('payments').selectAll().where('account_id', '=', id).where('unapplied_minor', '>', 0).orderBy('received_on').execute(),
      ]);
      return {
        id,
        ref: account.ref,
        name: account.name,
        currency: account.currency,
        country: account.country,
        timeZone: account.time_zone,
        locale: account.locale,
        segment: account.segment,
        owner: account.owner,
        contacts: contacts.map((c) => ({ name: c.name, role: c.role, email: c.email, phone: c.phone, language: c.language })),
        invoices: invoices.map(fromInvoiceRow),
        unappliedPayments: payments.map((p) => ({ ref: p.ref, currency: p.currency, unappliedMinor: toBigInt(p.unapplied_minor), reason: p.unapplied_reason, receivedOn: p.received_on })),
      };
    },
  };
}
