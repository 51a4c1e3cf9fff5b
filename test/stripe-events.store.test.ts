// Stripe events applied on the store under test: payments settle the invoice they name exactly
// once, refunds and lost chargebacks reopen, chargebacks dispute, unlinked events are queued.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { guardTouch } from '../src/core/cadence/send-guard.ts';
import { fixedClock } from '../src/core/clock.ts';
import { applyBankLine } from '../src/engine/cash-apply-line.ts';
import { importInvoices } from '../src/engine/import-invoices.ts';
import { runDunning } from '../src/engine/run-dunning.ts';
import { linkStripeCustomer } from '../src/engine/stripe-link-customer.ts';
import { receiveStripeEvent } from '../src/engine/stripe-receive.ts';
import type { StripeStore } from '../src/engine/stripe-ports.ts';
import { cashStore } from '../src/store/cash-store.ts';
import { ledgerStore } from '../src/store/ledger-store.ts';
import type { StoreHandle } from '../src/store/open-store.ts';
import { stripeStore } from '../src/store/stripe-store.ts';
import { planning, stores } from './support/cadence.ts';
import { day, inv, items } from './support/records.ts';
import { chargeObject, disputeObject, invoiceObject, stripeBody, stripeContext, stripeEvent } from './support/stripe.ts';
import { withStore } from './stores.ts';

const clock = fixedClock(new Date('2026-03-11T08:00:00Z'));
const defaults = { timeZone: 'Europe/Berlin', country: 'DE', locale: 'de' };

async function seed(store: StoreHandle): Promise<StripeStore> {
  await importInvoices(ledgerStore(store.db, clock), { file: 'inv.csv', fileHash: 'h', defaults, items: items([
    inv('INV-100', { totalMinor: 10000n, openMinor: 10000n }),
    inv('INV-101', { totalMinor: 4500n, openMinor: 4500n, paymentReference: 'RF18000000000000000101' }),
    inv('INV-200', { accountRef: 'BETA', accountName: 'Beta AG', totalMinor: 7000n, openMinor: 7000n, dueDate: day('2026-02-20') }),
  ]) });
  return stripeStore(store.db, store.dialect, clock);
}

async function receive(stripe: StripeStore, id: string, type: string, object: Record<string, unknown>, today = '2026-03-11') {
  const body = stripeBody(id, type, today, object);
  return receiveStripeEvent(stripe, { event: stripeEvent(body), body, ctx: stripeContext(today) });
}

async function invoice(store: StoreHandle, number: string) {
  const r = await store.db.selectFrom('invoices').select(['id', 'open_minor', 'status']).where('number', '=', number).executeTakeFirstOrThrow();
  const allocations = await store.db.selectFrom('allocations').select('amount_minor').where('invoice_id', '=', r.id).execute();
  return { open: BigInt(r.open_minor), status: r.status, allocations: allocations.map((a) => BigInt(a.amount_minor)) };
}

async function disputes(store: StoreHandle, number: string): Promise<string[]> {
  const rows = await store.db.selectFrom('disputes').innerJoin('invoices', 'invoices.id', 'disputes.invoice_id').select(['disputes.reason', 'disputes.status']).where('invoices.number', '=', number).orderBy('disputes.id').execute();
  return rows.map((r) => `${r.reason}:${r.status}`);
}

test('invoice.paid naming the invoice settles it; the same event again applies nothing', () =>
  withStore(async (store) => {
    const stripe = await seed(store);
    const paid = await receive(stripe, 'evt_paid', 'invoice.paid', invoiceObject({ number: 'INV-100' }));
    assert.equal(paid.status, 'applied');
    assert.equal(paid.reason, 'paid');
    assert.deepEqual(await invoice(store, 'INV-100'), { open: 0n, status: 'paid', allocations: [10000n] });
    const again = await receive(stripe, 'evt_paid', 'invoice.paid', invoiceObject({ number: 'INV-100' }));
    assert.equal(again.status, 'duplicate');
    assert.deepEqual(await invoice(store, 'INV-100'), { open: 0n, status: 'paid', allocations: [10000n] }, 'nothing applied twice');
    const lines = await store.db.selectFrom('bank_lines').select(['entry_id', 'status', 'reason']).execute();
    assert.deepEqual(lines.map((l) => `${l.entry_id} ${l.status} ${l.reason}`), ['stripe:evt_paid applied auto']);
    const cases = await store.db.selectFrom('cases').select('next_action_on').execute();
    assert.ok(cases.length > 0, 'the case is marked for planning');
  }));

test('charge.succeeded and invoice.paid for one payment: the second is ignored as the same payment', () =>
  withStore(async (store) => {
    const stripe = await seed(store);
    const charge = await receive(stripe, 'evt_ch', 'charge.succeeded', chargeObject({ invoice: 'in_1', metadata: { invoice_number: 'INV-100' } }));
    assert.equal(charge.status, 'applied');
    const inv2 = await receive(stripe, 'evt_in', 'invoice.paid', invoiceObject({ number: 'INV-100' }));
    assert.deepEqual([inv2.status, inv2.reason], ['ignored', 'same_payment']);
    assert.deepEqual((await invoice(store, 'INV-100')).allocations, [10000n]);
  }));

test('a payment reference equal to the Stripe invoice number links it too; a partial payment leaves the rest open', () =>
  withStore(async (store) => {
    const stripe = await seed(store);
    const r = await receive(stripe, 'evt_p', 'invoice.paid', invoiceObject({ id: 'in_9', number: 'RF18000000000000000101', amount_paid: 2000, charge: 'ch_9', payment_intent: 'pi_9' }));
    assert.equal(r.status, 'applied');
    assert.deepEqual(await invoice(store, 'INV-101'), { open: 2500n, status: 'open', allocations: [2000n] });
  }));

test('an event that cannot be linked waits in the cash queue, and a person can apply it', () =>
  withStore(async (store) => {
    const stripe = await seed(store);
    const r = await receive(stripe, 'evt_x', 'charge.succeeded', chargeObject({ id: 'ch_x', customer: 'cus_unknown', billing_details: { name: 'Somebody' } }));
    assert.deepEqual([r.status, r.reason], ['queued', 'stripe_unlinked']);
    const cash = cashStore(store.db, store.dialect, clock);
    const queue = await cash.queue();
    assert.equal(queue.length, 1);
    assert.equal(queue[0]?.entryId, 'stripe:evt_x');
    const events = await stripe.events(['queued'], 10);
    assert.equal(events[0]?.event.eventId, 'evt_x', 'the event is kept, with its body');
    await applyBankLine(cash, { lineId: queue[0]?.id ?? 0, parts: [{ invoiceNumber: 'INV-100', amountMinor: null }] });
    assert.equal((await invoice(store, 'INV-100')).status, 'paid');
  }));

test('a linked customer: the matching core picks the account invoice of that amount', () =>
  withStore(async (store) => {
    const stripe = await seed(store);
    await linkStripeCustomer(stripe, { customerId: 'cus_beta', accountRef: 'BETA', ctx: stripeContext('2026-03-11') });
    const r = await receive(stripe, 'evt_b', 'charge.succeeded', chargeObject({ id: 'ch_b', payment_intent: 'pi_b', customer: 'cus_beta', amount: 7000, billing_details: { name: 'B. Card Holder' } }));
    assert.deepEqual([r.status, r.reason], ['applied', 'paid']);
    assert.equal((await invoice(store, 'INV-200')).status, 'paid');
  }));

test('refunds reopen by what was not sent back yet; the same refund twice reopens once', () =>
  withStore(async (store) => {
    const stripe = await seed(store);
    await receive(stripe, 'evt_ch', 'charge.succeeded', chargeObject({ metadata: { dunwise_invoice: 'INV-100' } }));
    const first = await receive(stripe, 'evt_r1', 'charge.refunded', chargeObject({ amount_refunded: 4000 }), '2026-03-12');
    assert.deepEqual([first.status, first.reason], ['applied', 'refunded']);
    assert.deepEqual(await invoice(store, 'INV-100'), { open: 4000n, status: 'open', allocations: [10000n, -4000n] });
    assert.equal((await receive(stripe, 'evt_r1', 'charge.refunded', chargeObject({ amount_refunded: 4000 }))).status, 'duplicate');
    const second = await receive(stripe, 'evt_r2', 'charge.refunded', chargeObject({ amount_refunded: 10000 }), '2026-03-13');
    assert.equal(second.status, 'applied');
    assert.deepEqual(await invoice(store, 'INV-100'), { open: 10000n, status: 'open', allocations: [10000n, -4000n, -6000n] });
    const resent = await receive(stripe, 'evt_r3', 'charge.refunded', chargeObject({ amount_refunded: 10000 }), '2026-03-13');
    assert.deepEqual([resent.status, resent.reason], ['ignored', 'already_reversed']);
  }));

test('a refund that arrives before its payment is queued, then applied when the payment lands', () =>
  withStore(async (store) => {
    const stripe = await seed(store);
    const early = await receive(stripe, 'evt_r', 'charge.refunded', chargeObject({ amount_refunded: 10000 }));
    assert.deepEqual([early.status, early.reason], ['queued', 'payment_unknown']);
    const paid = await receive(stripe, 'evt_ch', 'charge.succeeded', chargeObject({ metadata: { invoice_number: 'INV-100' } }));
    assert.deepEqual(paid.unblocked, [{ eventId: 'evt_r', reason: 'refunded' }]);
    assert.equal((await invoice(store, 'INV-100')).open, 10000n);
    assert.deepEqual(await stripe.events(['queued'], 10), []);
  }));

test('chargebacks: opened -> the invoice is disputed (never dunned); lost -> reopened, still disputed; won -> resolved', () =>
  withStore(async (store) => {
    const stripe = await seed(store);
    await receive(stripe, 'evt_ch', 'charge.succeeded', chargeObject({ metadata: { invoice_number: 'INV-100' } }));
    const opened = await receive(stripe, 'evt_d1', 'charge.dispute.created', disputeObject({}));
    assert.deepEqual([opened.status, opened.reason], ['applied', 'dispute_opened']);
    assert.deepEqual(await disputes(store, 'INV-100'), ['chargeback:open']);
    const again = await receive(stripe, 'evt_d2', 'charge.dispute.funds_withdrawn', disputeObject({}));
    assert.deepEqual([again.status, again.reason], ['ignored', 'already_disputed']);
    const lost = await receive(stripe, 'evt_d3', 'charge.dispute.closed', disputeObject({ status: 'lost' }), '2026-04-20');
    assert.deepEqual([lost.status, lost.reason], ['applied', 'chargeback_lost']);
    assert.deepEqual(await invoice(store, 'INV-100'), { open: 10000n, status: 'open', allocations: [10000n, -10000n] });
    assert.deepEqual(await disputes(store, 'INV-100'), ['chargeback:open'], 'a person decides whether to dun again');
    const twice = await receive(stripe, 'evt_d4', 'charge.dispute.updated', disputeObject({ status: 'lost' }), '2026-04-20');
    assert.deepEqual([twice.status, twice.reason], ['ignored', 'already_reversed']);
    assert.deepEqual((await invoice(store, 'INV-100')).allocations, [10000n, -10000n], 'a lost dispute reverses once');

    await receive(stripe, 'evt_ch2', 'charge.succeeded', chargeObject({ id: 'ch_2', payment_intent: 'pi_2', amount: 7000, metadata: { invoice_number: 'INV-200' } }));
    await receive(stripe, 'evt_d5', 'charge.dispute.created', disputeObject({ id: 'dp_2', charge: 'ch_2', amount: 7000 }));
    const won = await receive(stripe, 'evt_d6', 'charge.dispute.closed', disputeObject({ id: 'dp_2', charge: 'ch_2', amount: 7000, status: 'won' }));
    assert.deepEqual([won.status, won.reason], ['applied', 'dispute_resolved']);
    assert.deepEqual(await disputes(store, 'INV-200'), ['chargeback:resolved']);
    assert.equal((await invoice(store, 'INV-200')).status, 'paid');
  }));

test('a Stripe invoice paid with nothing (a trial) is ignored, not queued', () =>
  withStore(async (store) => {
    const stripe = await seed(store);
    const r = await receive(stripe, 'evt_zero', 'invoice.paid', invoiceObject({ number: 'INV-100', amount_paid: 0 }));
    assert.deepEqual([r.status, r.reason], ['ignored', 'zero_amount']);
    assert.equal((await invoice(store, 'INV-100')).open, 10000n);
    assert.deepEqual(await stripe.events(['queued'], 10), []);
  }));

test('a dispute on an unknown charge is queued, never lost', () =>
  withStore(async (store) => {
    const stripe = await seed(store);
    const r = await receive(stripe, 'evt_d', 'charge.dispute.created', disputeObject({ charge: 'ch_nobody' }));
    assert.deepEqual([r.status, r.reason], ['queued', 'payment_unknown']);
    assert.equal((await stripe.events(['queued'], 10)).length, 1);
  }));

test('a reminder already in the outbox is dropped at send time when a Stripe payment lands', () =>
  withStore(async (store) => {
    const stripe = await seed(store);
    const { cadence } = stores(store);
    await runDunning(cadence, day('2026-03-11'), planning());
    const planned = await store.db.selectFrom('touch_invoices').innerJoin('invoices', 'invoices.id', 'touch_invoices.invoice_id').select(['invoices.id', 'invoices.number']).where('invoices.number', '=', 'INV-100').execute();
    assert.equal(planned.length, 1, 'a reminder for INV-100 is planned');
    await receive(stripe, 'evt_paid', 'invoice.paid', invoiceObject({ number: 'INV-100' }));
    const now = await invoice(store, 'INV-100');
    assert.deepEqual(guardTouch([{ invoiceId: Number(planned[0]?.id), openMinor: now.open, disputed: false }], { kind: 'active' }, day('2026-03-12'), false), {
      kind: 'drop',
      reason: 'paid',
      dropped: [{ invoiceId: Number(planned[0]?.id), reason: 'paid' }],
    });
  }));

test('the same event delivered twice at once (two webhook deliveries racing) applies once', () =>
  withStore(async (store) => {
    const stripe = await seed(store);
    const results = await Promise.all([1, 2, 3].map(() => receive(stripe, 'evt_race', 'invoice.paid', invoiceObject({ number: 'INV-100' }))));
    assert.deepEqual(results.map((r) => r.status).sort(), ['applied', 'duplicate', 'duplicate']);
    assert.deepEqual((await invoice(store, 'INV-100')).allocations, [10000n]);
  }));
