import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Clock } from '../core/clock.ts';
import type { CurrencyCode } from '../core/currency.ts';
import type { LocalDate } from '../core/local-date.ts';
import type { OpenInvoice } from '../core/matching/types.ts';
import type { PaymentEvent } from '../engine/payment-events.ts';
import type { LinkedInvoice, StoredStripeEvent, StripeEventStatus, StripeStore, StripeWriter } from '../engine/stripe-ports.ts';
import { cardWriter } from './card-store.ts';
import { caseAdminTx } from './case-admin-store.ts';
import { cashWriter, fromLineRow } from './cash-store.ts';
import { toBigInt, toId } from './convert.ts';
import type { StoreDialect } from './dialect.ts';
import { writer as ledgerWriter } from './ledger-store.ts';
import type { StripeEventsTable } from './migrations/0005-card-retries.ts';
import type { Database } from './schema.ts';

/** The Stripe port on Kysely: one transaction holds the ledger, cash, case, card and Stripe writers. */
export function stripeStore(db: Kysely<Database>, dialect: StoreDialect, clock: Clock): StripeStore {
  const now = (): string => clock.now().toISOString();
  return {
    transaction: (fn) =>
      db.transaction().execute((trx) =>
        fn({ ledger: ledgerWriter(trx, now), cash: cashWriter(trx, dialect, now), stripe: stripeWriter(trx, now), admin: caseAdminTx(trx, now), cards: cardWriter(trx, dialect, now) }),
      ),
    async events(statuses, limit) {
      let q = db.selectFrom('stripe_events').selectAll().orderBy('id', 'desc').limit(limit);
      if (statuses !== null) q = q.where('status', 'in', [...statuses]);
      return (await q.execute()).map(fromEventRow);
    },
  };
}

function stripeWriter(trx: Transaction<Database>, now: () => string): StripeWriter {
  const linked = (kind: string, stripeId: string) => trx.selectFrom('stripe_links').select(['account_id', 'invoice_id']).where('kind', '=', kind).where('stripe_id', '=', stripeId).executeTakeFirst();
  const invoices = trx
    .selectFrom('invoices')
    .select(['id', 'number', 'account_id', 'currency', 'total_minor', 'open_minor', 'kind', 'status'])
    .where('kind', '=', 'invoice');
  return {
    async claimEvent(e, body) {
      const at = now();
      const row = await trx
        .insertInto('stripe_events')
        .values({
          event_id: e.eventId, type: e.type, kind: e.kind, object_id: e.objectId, customer_id: e.customerId, stripe_invoice_id: e.invoiceId, charge_id: e.chargeId,
          payment_intent_id: e.paymentIntentId, created_on: e.created, status: 'queued', reason: 'received', detail: null, event: eventJson(e), body,
          bank_line_id: null, card_failure_id: null, received_at: at, updated_at: at,
        })
        .onConflict((oc) => oc.column('event_id').doNothing())
        .returning('id')
        .executeTakeFirst();
      return row === undefined ? null : toId(row.id);
    },
    async finishEvent(id, o) {
      await trx
        .updateTable('stripe_events')
        .set({ status: o.status, reason: o.reason, detail: JSON.stringify(o.detail), bank_line_id: o.bankLineId ?? null, card_failure_id: o.cardFailureId ?? null, updated_at: now() })
        .where('id', '=', id)
        .execute();
    },
    async queuedEvents(chargeId) {
      let q = trx.selectFrom('stripe_events').selectAll().where('status', '=', 'queued').orderBy('created_on').orderBy('id');
      if (chargeId !== null) q = q.where('charge_id', '=', chargeId);
      return (await q.execute()).map(fromEventRow);
    },
    async customerAccount(customerId) {
      const link = await linked('customer', customerId);
      if (link) return toId(link.account_id);
      const byRef = await trx.selectFrom('accounts').select('id').where('ref', '=', customerId).executeTakeFirst();
      return byRef ? toId(byRef.id) : null;
    },
    async linkedInvoice(stripeInvoiceId) {
      const link = await linked('invoice', stripeInvoiceId);
      return link === undefined || link.invoice_id === null ? null : toId(link.invoice_id);
    },
    async link(l) {
      await trx
        .insertInto('stripe_links')
        .values({ kind: l.kind, stripe_id: l.stripeId, account_id: l.accountId, invoice_id: l.invoiceId, source: l.source, created_at: now() })
        .onConflict((oc) =>
          oc
            .columns(['kind', 'stripe_id'])
            .doUpdateSet((eb) => ({ account_id: eb.ref('excluded.account_id'), invoice_id: eb.ref('excluded.invoice_id'), source: eb.ref('excluded.source') }))
            // A link made by hand is never replaced by a learned one.
            .where((eb) => eb.or([eb('excluded.source', '=', 'manual'), eb('stripe_links.source', '=', 'learned')])),
        )
        .execute();
    },
    async invoicesNamed(keys) {
      const rows = await invoices.where((eb) => eb.or([eb('number', 'in', [...keys]), eb('payment_reference', 'in', [...keys])])).orderBy('due_date').orderBy('id').execute();
      return rows.map(toLinked);
    },
    async invoicesById(ids) {
      return ids.length === 0 ? [] : (await invoices.where('id', 'in', [...ids]).orderBy('id').execute()).map(toLinked);
    },
    async openInvoicesOf(accountId, currency) {
      const rows = await trx
        .selectFrom('invoices')
        .innerJoin('accounts', 'accounts.id', 'invoices.account_id')
        .select(['invoices.id', 'invoices.number', 'invoices.account_id', 'accounts.name', 'invoices.currency', 'invoices.open_minor', 'invoices.due_date', 'invoices.issue_date', 'invoices.payment_reference'])
        .where('invoices.account_id', '=', accountId)
        .where('invoices.currency', '=', currency)
        .where('invoices.kind', '=', 'invoice')
        .where('invoices.status', '=', 'open')
        .where('invoices.open_minor', '>', 0)
        .orderBy('invoices.due_date')
        .execute();
      return rows.map((r): OpenInvoice => ({
        id: toId(r.id), number: r.number, accountId: toId(r.account_id), accountName: r.name, currency: r.currency as CurrencyCode, openMinor: toBigInt(r.open_minor),
        dueDate: r.due_date as LocalDate, issueDate: r.issue_date as LocalDate, paymentReference: r.payment_reference,
      }));
    },
    async accountName(accountId) {
      return (await trx.selectFrom('accounts').select('name').where('id', '=', accountId).executeTakeFirst())?.name ?? null;
    },
    async paymentLine(chargeId, stripeInvoiceId) {
      if (chargeId === null && stripeInvoiceId === null) return null;
      const row = await trx
        .selectFrom('bank_lines')
        .selectAll()
        .where('file', '=', 'stripe')
        .where('amount_minor', '>', 0)
        .where((eb) => eb.or([...(chargeId === null ? [] : [eb('end_to_end_id', '=', chargeId)]), ...(stripeInvoiceId === null ? [] : [eb('bank_reference', '=', stripeInvoiceId)])]))
        .orderBy('id')
        .executeTakeFirst();
      return row ? fromLineRow(row) : null;
    },
    async reversedOn(lineId) {
      const rows = await trx.selectFrom('bank_lines').select('amount_minor').where('reverses_line_id', '=', lineId).execute();
      return rows.reduce((s, r) => s - toBigInt(r.amount_minor), 0n);
    },
    async invoicesOfPayment(paymentId) {
      const rows = await trx.selectFrom('allocations').innerJoin('invoices', 'invoices.id', 'allocations.invoice_id').select('invoices.number').where('allocations.payment_id', '=', paymentId).orderBy('allocations.id').execute();
      return [...new Set(rows.map((r) => r.number))];
    },
    async openedDispute(disputeId) {
      const row = await trx.selectFrom('stripe_events').select('id').where('object_id', '=', disputeId).where('reason', 'in', ['dispute_opened', 'chargeback_lost']).executeTakeFirst();
      return row !== undefined;
    },
  };
}

function toLinked(r: { id: number | string | bigint; number: string; account_id: number | string | bigint; currency: string; total_minor: number | string | bigint; open_minor: number | string | bigint; kind: string; status: string }): LinkedInvoice {
  return { id: toId(r.id), number: r.number, accountId: toId(r.account_id), currency: r.currency, totalMinor: toBigInt(r.total_minor), openMinor: toBigInt(r.open_minor), kind: r.kind, status: r.status };
}

/** The event as stored: bigint amounts as decimal strings. */
function eventJson(e: PaymentEvent): string {
  return JSON.stringify({ ...e, amount: e.amount.toString() });
}

function fromEventRow(r: Selectable<StripeEventsTable>): StoredStripeEvent {
  const parsed = JSON.parse(r.event) as Omit<PaymentEvent, 'amount'> & { amount: string };
  return {
    id: toId(r.id),
    event: { ...parsed, amount: BigInt(parsed.amount) },
    status: r.status as StripeEventStatus,
    reason: r.reason,
    detail: r.detail === null ? null : (JSON.parse(r.detail) as Record<string, unknown>),
    bankLineId: r.bank_line_id === null ? null : toId(r.bank_line_id),
    cardFailureId: r.card_failure_id === null ? null : toId(r.card_failure_id),
    receivedAt: r.received_at,
  };
}
