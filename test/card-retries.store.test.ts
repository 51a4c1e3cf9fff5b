// Failed card payments on the store under test: recorded once per attempt, scheduled by decline,
// announced to the billing system once per retry day, card-update emails through the outbox,
// suspension after the grace period, recovery when the invoice is paid.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { guardTouch } from '../src/core/cadence/send-guard.ts';
import { fixedClock } from '../src/core/clock.ts';
import type { LocalDate } from '../src/core/local-date.ts';
import type { CardStore } from '../src/engine/card-ports.ts';
import { cardRetriesDue } from '../src/engine/cards-due.ts';
import { runCardRetries } from '../src/engine/cards-run.ts';
import { importInvoices } from '../src/engine/import-invoices.ts';
import { linkStripeCustomer } from '../src/engine/stripe-link-customer.ts';
import type { StripeStore } from '../src/engine/stripe-ports.ts';
import { receiveStripeEvent } from '../src/engine/stripe-receive.ts';
import { cardStore } from '../src/store/card-store.ts';
import { ledgerStore } from '../src/store/ledger-store.ts';
import type { StoreHandle } from '../src/store/open-store.ts';
import { stripeStore } from '../src/store/stripe-store.ts';
import { inv, items } from './support/records.ts';
import { failedCharge, invoiceObject, stripeBody, stripeContext, stripeEvent, testCardPolicy } from './support/stripe.ts';
import { withStore } from './stores.ts';

const clock = fixedClock(new Date('2026-03-01T08:00:00Z'));
const defaults = { timeZone: 'Europe/Berlin', country: 'DE', locale: 'de' };

async function seed(store: StoreHandle): Promise<{ stripe: StripeStore; cards: CardStore }> {
  await importInvoices(ledgerStore(store.db, clock), { file: 'inv.csv', fileHash: 'h', defaults, items: items([inv('SUB-1', { totalMinor: 10000n, openMinor: 10000n })]) });
  return { stripe: stripeStore(store.db, store.dialect, clock), cards: cardStore(store.db, store.dialect, clock) };
}

async function receive(stripe: StripeStore, id: string, type: string, object: Record<string, unknown>, today: string) {
  const body = stripeBody(id, type, today, object);
  return receiveStripeEvent(stripe, { event: stripeEvent(body), body, ctx: stripeContext(today) });
}

const failedInvoice = (over: Record<string, unknown> = {}) => invoiceObject({ number: 'SUB-1', amount_paid: 0, ...over });
const run = (cards: CardStore, today: string) => runCardRetries(cards, { today: today as LocalDate, policy: testCardPolicy, approval: 'auto' });

async function outbound(store: StoreHandle): Promise<string[]> {
  const rows = await store.db.selectFrom('outbound_events').select(['kind', 'event_key']).orderBy('id').execute();
  return rows.map((r) => r.event_key);
}

async function cardTouches(store: StoreHandle): Promise<string[]> {
  const rows = await store.db.selectFrom('touches').innerJoin('touch_invoices', 'touch_invoices.touch_id', 'touches.id').select(['touches.step_id', 'touches.status', 'touches.planned_on', 'touches.tone']).where('touches.policy_id', '=', 'card-retry').orderBy('touches.id').execute();
  return rows.map((r) => `${r.planned_on} ${r.step_id} ${r.tone} ${r.status}`);
}

test('a soft decline: recorded once, retried on the schedule, a retry_due event once per day, a card-update email', () =>
  withStore(async (store) => {
    const { stripe, cards } = await seed(store);
    const first = await receive(stripe, 'evt_f1', 'invoice.payment_failed', failedInvoice(), '2026-03-01');
    assert.deepEqual([first.status, first.reason], ['applied', 'failure_recorded']);
    assert.equal(first.detail['nextRetryOn'], '2026-03-02');
    assert.deepEqual(await cardTouches(store), ['2026-03-01 card-update soft approved']);
    assert.equal((await receive(stripe, 'evt_f1', 'invoice.payment_failed', failedInvoice(), '2026-03-01')).status, 'duplicate');
    // The same attempt told again by charge.failed, with the decline detail: one attempt, reclassified.
    const detail = await receive(stripe, 'evt_c1', 'charge.failed', failedCharge({ invoice: 'in_1' }, { reason: 'insufficient_funds', network_decline_code: '51' }), '2026-03-01');
    assert.equal(detail.status, 'applied');
    let [failure] = await cards.list(null);
    assert.equal(failure?.attempts.length, 1);
    assert.equal(failure?.attempts[0]?.decline.rule, 'soft_decline_code');

    assert.deepEqual((await cardRetriesDue(cards, '2026-03-01' as LocalDate)).length, 0);
    assert.equal((await cardRetriesDue(cards, '2026-03-02' as LocalDate)).length, 1);
    const day2 = await run(cards, '2026-03-02');
    assert.deepEqual(day2.retriesDue.map((r) => `${r.on} #${r.retryNumber}`), ['2026-03-02 #1']);
    assert.deepEqual((await run(cards, '2026-03-02')).retriesDue, [], 'a second sweep on the same day announces nothing again');
    assert.deepEqual(await outbound(store), [`card.retry_due:${failure?.id}:2026-03-02`]);
    assert.equal(day2.updateEmails, 0, 'the card-update email was queued when the failure arrived');

    // The billing system retried on 03-02 and it failed again: the next retry is day 3.
    await receive(stripe, 'evt_f2', 'invoice.payment_failed', failedInvoice({ charge: 'ch_2' }), '2026-03-02');
    [failure] = await cards.list(null);
    assert.deepEqual([failure?.status, failure?.nextRetryOn, failure?.retryNumber], ['retrying', '2026-03-04', 2]);
  }));

test('retries run out: card-final email, grace, then one card.suspend event', () =>
  withStore(async (store) => {
    const { stripe, cards } = await seed(store);
    const days = ['2026-03-01', '2026-03-02', '2026-03-04', '2026-03-06', '2026-03-08'];
    for (const [i, d] of days.entries()) await receive(stripe, `evt_f${i}`, 'invoice.payment_failed', failedInvoice({ charge: `ch_${i}` }), d);
    let [failure] = await cards.list(null);
    assert.deepEqual([failure?.status, failure?.stopReason, failure?.graceEndsOn, failure?.suspendOn], ['grace', 'schedule_exhausted', '2026-03-15', '2026-03-16']);
    const graceDay = await run(cards, '2026-03-08');
    assert.equal(graceDay.finalEmails, 1);
    assert.deepEqual(await cardTouches(store), ['2026-03-01 card-update soft approved', '2026-03-08 card-final firm approved']);
    assert.deepEqual((await run(cards, '2026-03-15')).suspended, []);
    const suspension = await run(cards, '2026-03-16');
    assert.deepEqual(suspension.suspended.map((s) => s.account), ['ACME']);
    assert.deepEqual((await run(cards, '2026-03-17')).suspended, [], 'suspended once');
    [failure] = await cards.list(null);
    assert.deepEqual([failure?.status, failure?.suspendedOn], ['suspended', '2026-03-16']);
    const events = await cards.events(0, 10);
    const suspend = events.find((e) => e.kind === 'card.suspend');
    assert.equal(suspend?.payload['account'], 'ACME');
    assert.equal(suspend?.payload['invoice'], 'SUB-1');
  }));

test('hard declines are never retried: lost card, Mastercard 03 on a retry', () =>
  withStore(async (store) => {
    const { stripe, cards } = await seed(store);
    await receive(stripe, 'evt_lost', 'charge.failed', failedCharge({ invoice: 'in_1', metadata: { invoice_number: 'SUB-1' } }, { reason: 'lost_card' }), '2026-03-01');
    let [failure] = await cards.list(null);
    assert.deepEqual([failure?.status, failure?.stopReason, failure?.nextRetryOn, failure?.suspendOn], ['grace', 'hard_decline', null, '2026-03-09']);
    assert.deepEqual((await run(cards, '2026-03-05')).retriesDue, []);
    assert.deepEqual(await outbound(store), []);

    await store.db.deleteFrom('card_attempts').execute();
    await store.db.deleteFrom('card_failures').execute();
    await receive(stripe, 'evt_s1', 'charge.failed', failedCharge({ id: 'ch_a', invoice: 'in_2', payment_intent: 'pi_2', metadata: { invoice_number: 'SUB-1' } }, { reason: 'insufficient_funds' }, 'mastercard'), '2026-03-01');
    await receive(stripe, 'evt_s2', 'charge.failed', failedCharge({ id: 'ch_b', invoice: 'in_2', payment_intent: 'pi_2', metadata: { invoice_number: 'SUB-1' } }, { reason: 'insufficient_funds', network_advice_code: '03' }, 'mastercard'), '2026-03-02');
    [failure] = await cards.list(null);
    assert.deepEqual([failure?.status, failure?.stopReason, failure?.attempts.length], ['grace', 'hard_decline', 2]);
    assert.match(failure?.why ?? '', /Mastercard advice 03/);
  }));

test('a payment after a failure recovers it: card.recovered, and the unsent card-update email is dropped by the guard', () =>
  withStore(async (store) => {
    const { stripe, cards } = await seed(store);
    await receive(stripe, 'evt_f1', 'invoice.payment_failed', failedInvoice(), '2026-03-01');
    const paid = await receive(stripe, 'evt_paid', 'invoice.paid', invoiceObject({ number: 'SUB-1', charge: 'ch_2' }), '2026-03-02');
    assert.deepEqual([paid.status, paid.detail['cardFailure'] !== undefined], ['applied', true]);
    const [failure] = await cards.list(null);
    assert.deepEqual([failure?.status, failure?.recoveredOn, failure?.nextRetryOn], ['recovered', '2026-03-02', null]);
    assert.deepEqual((await cards.events(0, 10)).map((e) => e.kind), ['card.recovered']);
    assert.deepEqual((await run(cards, '2026-03-02')).retriesDue, [], 'no retry for a paid invoice');
    const touch = await store.db.selectFrom('touch_invoices').innerJoin('invoices', 'invoices.id', 'touch_invoices.invoice_id').select(['invoices.id', 'invoices.open_minor']).where('touch_invoices.step_id', '=', 'card-update').executeTakeFirstOrThrow();
    const verdict = guardTouch([{ invoiceId: Number(touch.id), openMinor: BigInt(touch.open_minor), disputed: false }], { kind: 'active' }, '2026-03-02' as LocalDate, false);
    assert.deepEqual([verdict.kind, verdict.kind === 'drop' ? verdict.reason : null], ['drop', 'paid']);
  }));

test('an invoice paid by bank transfer recovers its card failure at the next sweep', () =>
  withStore(async (store) => {
    const { stripe, cards } = await seed(store);
    await receive(stripe, 'evt_f1', 'invoice.payment_failed', failedInvoice(), '2026-03-01');
    await store.db.updateTable('invoices').set({ open_minor: 0, status: 'paid' }).where('number', '=', 'SUB-1').execute();
    const report = await run(cards, '2026-03-02');
    assert.deepEqual([report.recovered, report.retriesDue.length], [1, 0]);
  }));

test('a failure of an unknown customer is kept and scheduled, queued until the customer is linked', () =>
  withStore(async (store) => {
    const { stripe, cards } = await seed(store);
    const r = await receive(stripe, 'evt_u', 'invoice.payment_failed', invoiceObject({ id: 'in_u', number: 'STRIPE-0001', customer: 'cus_new', amount_paid: 0, charge: 'ch_u', payment_intent: 'pi_u' }), '2026-03-01');
    assert.deepEqual([r.status, r.reason], ['queued', 'customer_unlinked']);
    let [failure] = await cards.list(null);
    assert.deepEqual([failure?.accountId, failure?.nextRetryOn], [null, '2026-03-02']);
    const linked = await linkStripeCustomer(stripe, { customerId: 'cus_new', accountRef: 'ACME', ctx: stripeContext('2026-03-01') });
    assert.deepEqual([linked.failures, linked.applied], [1, 1]);
    [failure] = await cards.list(null);
    assert.equal(failure?.accountRef, 'ACME');
    assert.deepEqual(await stripe.events(['queued'], 10), []);
  }));

test('two card-update emails for one invoice queued at the same time give one touch (the case is held while its steps are read)', () =>
  withStore(async (store) => {
    const { cards } = await seed(store);
    const invoice = await store.db.selectFrom('invoices').select(['id', 'account_id', 'currency']).executeTakeFirstOrThrow();
    const queue = (key: string) => cards.transaction((w) => w.queueTouch({
      accountId: Number(invoice.account_id), currency: invoice.currency, invoiceId: Number(invoice.id), stepId: 'card-update', tone: 'soft',
      plannedOn: '2026-03-01' as LocalDate, status: 'approved', idempotencyKey: key,
    }));
    // Four connections (the pool's) open first, so the transactions really overlap on PostgreSQL.
    await Promise.all([1, 2, 3, 4].map(() => sql`select 1`.execute(store.db)));
    // Failures of the same invoice (different keys): only the step's first email goes in.
    const queued = await Promise.all([queue('card-update:a'), queue('card-update:b'), queue('card-update:c'), queue('card-update:d')]);
    assert.equal(queued.filter((id) => id !== null).length, 1, `queued: ${JSON.stringify(queued)}`);
    assert.deepEqual(await cardTouches(store), ['2026-03-01 card-update soft approved']);
  }));
