import type { Kysely, Selectable, Transaction } from 'kysely';
import type { DeclineClass, DeclineInfo, StopReason } from '../core/card-retry/index.ts';
import type { Clock } from '../core/clock.ts';
import type { LocalDate } from '../core/local-date.ts';
import type { CardAttempt, CardFailure, CardFailureChange, CardFailureStatus, CardStore, CardWriter, NewCardFailure, OutboundEvent } from '../engine/card-ports.ts';
import { toBigInt, toId } from './convert.ts';
import type { StoreDialect } from './dialect.ts';
import { writer as ledgerWriter } from './ledger-store.ts';
import type { CardAttemptsTable, CardFailuresTable } from './migrations/0005-card-retries.ts';
import type { Database } from './schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** The card port on Kysely (SQLite and PostgreSQL); the ledger writer shares its transaction. */
export function cardStore(db: Kysely<Database>, dialect: StoreDialect, clock: Clock): CardStore {
  const now = (): string => clock.now().toISOString();
  return {
    transaction: (fn) => db.transaction().execute((trx) => fn(cardWriter(trx, dialect, now), ledgerWriter(trx, now))),
    async list(statuses) {
      let q = db.selectFrom('card_failures').select('id').orderBy('id', 'desc');
      if (statuses !== null) q = q.where('status', 'in', [...statuses]);
      return loadFailures(db, (await q.execute()).map((r) => toId(r.id)));
    },
    async events(afterId, limit) {
      const rows = await db.selectFrom('outbound_events').selectAll().where('id', '>', afterId).orderBy('id').limit(limit).execute();
      return rows.map((r) => ({ id: toId(r.id), kind: r.kind as OutboundEvent['kind'], key: r.event_key, accountId: r.account_id === null ? null : toId(r.account_id), payload: JSON.parse(r.payload) as Record<string, unknown>, createdAt: r.created_at }));
    },
  };
}

/** Failure operations inside one transaction (shared with the Stripe events' transaction). */
export function cardWriter(trx: Transaction<Database>, dialect: StoreDialect, now: () => string): CardWriter {
  const one = async (id: number | undefined): Promise<CardFailure | null> => (id === undefined ? null : ((await loadFailures(trx, [id]))[0] ?? null));
  return {
    async findFailure(keys) {
      const row = await trx
        .selectFrom('card_failures')
        .select('id')
        .where((eb) =>
          eb.or([
            ...(keys.stripeInvoiceId === null ? [] : [eb('stripe_invoice_id', '=', keys.stripeInvoiceId)]),
            ...(keys.paymentIntentId === null ? [] : [eb('payment_intent_id', '=', keys.paymentIntentId)]),
            ...(keys.chargeId === null ? [] : [eb('id', 'in', eb.selectFrom('card_attempts').select('failure_id').where('charge_id', '=', keys.chargeId))]),
          ]),
        )
        .orderBy('id', 'desc')
        .executeTakeFirst();
      return one(row === undefined ? undefined : toId(row.id));
    },
    async insertFailure(f) {
      const at = now();
      const row = await trx
        .insertInto('card_failures')
        .values({
          account_id: f.accountId, invoice_id: f.invoiceId, customer_id: f.customerId, stripe_invoice_id: f.stripeInvoiceId, payment_intent_id: f.paymentIntentId,
          currency: f.currency, amount_minor: f.amountMinor, first_failed_on: f.firstFailedOn, ...scheduleColumns(f), created_at: at, updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return toId(row.id);
    },
    async updateFailure(id, change) {
      await trx.updateTable('card_failures').set({ ...changeColumns(change), updated_at: now() }).where('id', '=', id).execute();
    },
    async addAttempt(failureId, a) {
      const seen = await trx
        .selectFrom('card_attempts')
        .select('id')
        .where((eb) => eb.or([eb('event_id', '=', a.eventId), ...(a.chargeId === null ? [] : [eb('charge_id', '=', a.chargeId)])]))
        .executeTakeFirst();
      if (seen) return false;
      await trx.insertInto('card_attempts').values({ failure_id: failureId, event_id: a.eventId, charge_id: a.chargeId, attempted_on: a.on, ...attemptColumns(a), created_at: now() }).execute();
      return true;
    },
    async reclassifyAttempt(chargeId, a) {
      await trx.updateTable('card_attempts').set(attemptColumns(a)).where('charge_id', '=', chargeId).execute();
    },
    failure: (id) => one(id),
    async claim(statuses) {
      let q = trx.selectFrom('card_failures').select('id').where('status', 'in', [...statuses]).orderBy('id');
      if (dialect === 'postgres') q = q.forUpdate().skipLocked();
      return loadFailures(trx, (await q.execute()).map((r) => toId(r.id)));
    },
    async unlinkedOfCustomer(customerId) {
      const rows = await trx.selectFrom('card_failures').select('id').where('customer_id', '=', customerId).where('account_id', 'is', null).execute();
      return loadFailures(trx, rows.map((r) => toId(r.id)));
    },
    async queueTouch(t) {
      // The case is held while its steps are read and written, as a dunning run holds it: a step
      // goes out at most once per invoice (migration 0009).
      let held = trx.selectFrom('cases').select('id').where('account_id', '=', t.accountId).where('currency', '=', t.currency);
      if (dialect === 'postgres') held = held.forUpdate();
      const c = await held.executeTakeFirstOrThrow();
      const taken = await trx.selectFrom('touch_invoices').select('touch_id').where('case_id', '=', c.id).where('invoice_id', '=', t.invoiceId).where('step_id', '=', t.stepId).executeTakeFirst();
      const keyed = await trx.selectFrom('touches').select('id').where('idempotency_key', '=', t.idempotencyKey).executeTakeFirst();
      if (taken || keyed) return null;
      const at = now();
      const row = await trx
        .insertInto('touches')
        .values({
          case_id: c.id, step_id: t.stepId, policy_id: 'card-retry', planned_on: t.plannedOn, channels: 'email', tone: t.tone, template: t.stepId, action: 'none',
          status: t.status, status_reason: null, idempotency_key: t.idempotencyKey, provider_message_id: null, created_at: at, updated_at: at,
          lines: JSON.stringify([[t.invoiceId, t.stepId, null, null, null]]),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return toId(row.id);
    },
    async emit(e) {
      const row = await trx
        .insertInto('outbound_events')
        .values({ kind: e.kind, event_key: e.key, account_id: e.accountId, payload: JSON.stringify(e.payload), created_at: now() })
        .onConflict((oc) => oc.column('event_key').doNothing())
        .returning('id')
        .executeTakeFirst();
      return row !== undefined;
    },
  };
}

function scheduleColumns(s: NewCardFailure): Pick<CardFailuresTable, 'status' | 'next_retry_on' | 'retry_number' | 'stop_reason' | 'grace_ends_on' | 'suspend_on' | 'why'> {
  return { status: s.status, next_retry_on: s.nextRetryOn, retry_number: s.retryNumber, stop_reason: s.stopReason, grace_ends_on: s.graceEndsOn, suspend_on: s.suspendOn, why: s.why };
}

function changeColumns(c: CardFailureChange): Partial<Omit<CardFailuresTable, 'id'>> {
  const columns: [keyof CardFailureChange, keyof CardFailuresTable][] = [
    ['status', 'status'], ['nextRetryOn', 'next_retry_on'], ['retryNumber', 'retry_number'], ['stopReason', 'stop_reason'], ['graceEndsOn', 'grace_ends_on'],
    ['suspendOn', 'suspend_on'], ['why', 'why'], ['accountId', 'account_id'], ['invoiceId', 'invoice_id'], ['stripeInvoiceId', 'stripe_invoice_id'],
    ['paymentIntentId', 'payment_intent_id'], ['retryEmittedFor', 'retry_emitted_for'], ['updateTouchId', 'update_touch_id'], ['finalTouchId', 'final_touch_id'],
    ['suspendedOn', 'suspended_on'], ['recoveredOn', 'recovered_on'],
  ];
  return Object.fromEntries(columns.filter(([k]) => c[k] !== undefined).map(([k, col]) => [col, c[k]]));
}

function attemptColumns(a: CardAttempt): Pick<CardAttemptsTable, 'category' | 'rule' | 'code' | 'wait_days' | 'text' | 'decline'> {
  return { category: a.decline.category, rule: a.decline.rule, code: a.decline.code, wait_days: a.decline.waitDays, text: a.decline.text, decline: JSON.stringify(a.raw) };
}

/** Failures by id (in the order given) with their account, invoice and attempts. */
async function loadFailures(db: Db, ids: readonly number[]): Promise<CardFailure[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('card_failures')
    .leftJoin('accounts', 'accounts.id', 'card_failures.account_id')
    .leftJoin('invoices', 'invoices.id', 'card_failures.invoice_id')
    .selectAll('card_failures')
    .select(['accounts.ref as account_ref', 'accounts.name as account_name', 'invoices.number as invoice_number', 'invoices.open_minor as invoice_open', 'invoices.status as invoice_status'])
    .where('card_failures.id', 'in', [...ids])
    .execute();
  const attempts = await db.selectFrom('card_attempts').selectAll().where('failure_id', 'in', [...ids]).orderBy('attempted_on').orderBy('id').execute();
  const byId = new Map(rows.map((r) => [toId(r.id), r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (r === undefined) return [];
    const open = r.invoice_open === null ? null : r.invoice_status === 'open' ? toBigInt(r.invoice_open) : 0n;
    return [{
      ...fromRow(r),
      accountRef: r.account_ref, accountName: r.account_name, invoiceNumber: r.invoice_number, invoiceOpenMinor: open,
      attempts: attempts.filter((a) => toId(a.failure_id) === id).map(fromAttemptRow),
    }];
  });
}

function fromRow(r: Selectable<CardFailuresTable>): Omit<CardFailure, 'accountRef' | 'accountName' | 'invoiceNumber' | 'invoiceOpenMinor' | 'attempts'> {
  return {
    id: toId(r.id), accountId: r.account_id === null ? null : toId(r.account_id), invoiceId: r.invoice_id === null ? null : toId(r.invoice_id),
    customerId: r.customer_id, stripeInvoiceId: r.stripe_invoice_id, paymentIntentId: r.payment_intent_id, currency: r.currency, amountMinor: toBigInt(r.amount_minor),
    status: r.status as CardFailureStatus, firstFailedOn: r.first_failed_on as LocalDate, nextRetryOn: r.next_retry_on as LocalDate | null,
    retryNumber: r.retry_number === null ? null : Number(r.retry_number), stopReason: r.stop_reason as StopReason | null, graceEndsOn: r.grace_ends_on as LocalDate | null,
    suspendOn: r.suspend_on as LocalDate | null, why: r.why, retryEmittedFor: r.retry_emitted_for as LocalDate | null,
    updateTouchId: r.update_touch_id === null ? null : toId(r.update_touch_id), finalTouchId: r.final_touch_id === null ? null : toId(r.final_touch_id),
    suspendedOn: r.suspended_on as LocalDate | null, recoveredOn: r.recovered_on as LocalDate | null,
  };
}

function fromAttemptRow(a: Selectable<CardAttemptsTable>): CardAttempt {
  const decline: DeclineClass = { category: a.category as DeclineClass['category'], rule: a.rule as DeclineClass['rule'], code: a.code, waitDays: Number(a.wait_days), text: a.text };
  return { eventId: a.event_id, chargeId: a.charge_id, on: a.attempted_on as LocalDate, decline, raw: JSON.parse(a.decline) as DeclineInfo };
}
