import type { Kysely, Transaction } from 'kysely';
import type { Clock } from '../core/clock.ts';
import type { CaseAdminStore, CaseAdminTx } from '../engine/case-admin-ports.ts';
import { toCaseRecord } from './cadence-reads.ts';
import { toId } from './convert.ts';
import { writer } from './ledger-store.ts';
import type { Database } from './schema.ts';

/** The case, dispute and segment use-cases' store port on Kysely. */
export function caseAdminStore(db: Kysely<Database>, clock: Clock): CaseAdminStore {
  const now = (): string => clock.now().toISOString();
  return {
    transaction: (fn) => db.transaction().execute((trx) => fn(caseAdminTx(trx, now))),
  };
}

/** The case and dispute operations inside a transaction (shared with the Stripe events' transaction). */
export function caseAdminTx(trx: Transaction<Database>, now: () => string): CaseAdminTx {
  const w = writer(trx, now);
  return {
    appendAudit: w.appendAudit,
    markCasesForPlanning: w.markCasesForPlanning,
    async account(refOrId) {
      const a = await trx.selectFrom('accounts').select(['id', 'ref']).where((eb) => (/^\d+$/.test(refOrId) ? eb.or([eb('ref', '=', refOrId), eb('id', '=', Number(refOrId))]) : eb('ref', '=', refOrId))).orderBy('id').executeTakeFirst();
      if (!a) return null;
      const cases = await trx.selectFrom('cases').selectAll().where('account_id', '=', a.id).orderBy('currency').execute();
      return { id: toId(a.id), ref: a.ref, cases: cases.map(toCaseRecord) };
    },
    async invoice(number) {
      const i = await trx.selectFrom('invoices').select(['id', 'account_id', 'currency', 'status']).where('number', '=', number).executeTakeFirst();
      return i ? { id: toId(i.id), accountId: toId(i.account_id), currency: i.currency, status: i.status } : null;
    },
    async setCaseState(caseId, c) {
      await trx.updateTable('cases').set({ state: c.state, state_reason: c.reason, state_until: c.until, owner: c.owner, updated_at: now() }).where('id', '=', caseId).execute();
    },
    async openDispute(invoiceId, reason, owner, on) {
      const open = await trx.selectFrom('disputes').select('id').where('invoice_id', '=', invoiceId).where('status', '=', 'open').executeTakeFirst();
      if (open) return false;
      await trx.insertInto('disputes').values({ invoice_id: invoiceId, reason, owner, status: 'open', opened_on: on, resolved_on: null }).execute();
      return true;
    },
    async resolveDispute(invoiceId, on) {
      const result = await trx.updateTable('disputes').set({ status: 'resolved', resolved_on: on }).where('invoice_id', '=', invoiceId).where('status', '=', 'open').executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
    async setSegment(accountId, segment, override, why) {
      await trx.updateTable('accounts').set({ segment, segment_override: override, segment_why: why }).where('id', '=', accountId).execute();
    },
  };
}
