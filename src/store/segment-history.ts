import { sql, type Kysely } from 'kysely';
import type { Segment } from '../core/ledger.ts';
import type { LocalDate } from '../core/local-date.ts';
import type { HistoryRow, SegmentHistorySource } from '../engine/refresh-segments.ts';
import { toBigInt, toId } from './convert.ts';
import type { Database } from './schema.ts';

/** Payment histories per account for segment rules: paid invoices with their last payment date. */
export function segmentHistory(db: Kysely<Database>): SegmentHistorySource {
  return {
    async histories(since, afterId, limit) {
      const accounts = await db.selectFrom('accounts').select(['id', 'segment', 'segment_override']).where('id', '>', afterId).orderBy('id').limit(limit).execute();
      if (accounts.length === 0) return [];
      const ids = accounts.map((a) => a.id);
      const [firsts, opens, paid] = await Promise.all([
        db.selectFrom('invoices').select(['account_id', sql<string>`min(issue_date)`.as('first')]).where('account_id', 'in', ids).where('kind', '=', 'invoice').groupBy('account_id').execute(),
        db.selectFrom('invoices').select(['account_id', sql<string>`sum(open_minor)`.as('open')]).where('account_id', 'in', ids).where('status', '=', 'open').where('kind', '=', 'invoice').groupBy('account_id').execute(),
        db.selectFrom('allocations').innerJoin('invoices', 'invoices.id', 'allocations.invoice_id').innerJoin('payments', 'payments.id', 'allocations.payment_id')
          .select(['invoices.account_id', 'invoices.due_date', sql<string>`max(payments.received_on)`.as('paid_on')])
          .where('invoices.account_id', 'in', ids).where('invoices.status', '=', 'paid').where('payments.received_on', '>=', since)
          .groupBy(['invoices.id', 'invoices.account_id', 'invoices.due_date']).execute(),
      ]);
      const first = new Map(firsts.map((f) => [toId(f.account_id), f.first as LocalDate]));
      const open = new Map(opens.map((o) => [toId(o.account_id), toBigInt(o.open)]));
      const paidBy = new Map<number, { dueDate: LocalDate; paidOn: LocalDate }[]>();
      for (const p of paid) {
        const id = toId(p.account_id);
        paidBy.set(id, [...(paidBy.get(id) ?? []), { dueDate: p.due_date as LocalDate, paidOn: p.paid_on as LocalDate }]);
      }
      return accounts.map((a): HistoryRow => ({
        accountId: toId(a.id),
        override: a.segment_override as Segment | null,
        current: a.segment as Segment,
        firstInvoiceOn: first.get(toId(a.id)) ?? null,
        paid: paidBy.get(toId(a.id)) ?? [],
        openMinor: open.get(toId(a.id)) ?? 0n,
      }));
    },
  };
}
