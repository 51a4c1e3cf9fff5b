// Stripe webhook events: signature checks (good, bad, replayed) and normalisation of fixtures.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFixture } from '../../test/fixtures.ts';
import { parseStripeEvent } from './stripe.ts';
import { signStripeBody } from './stripe-signature.ts';

const secret = 'whsec_test_secret';
const now = 1_745_500_000;

/** The pay-rails fixtures hold `data` ({object, previous_attributes}); wrap them as events. */
function eventBody(fixture: string, type: string, created = 1_745_433_962): string {
  const data = JSON.parse(readFixture(`payments-events/${fixture}`).toString('utf8'));
  return JSON.stringify({ id: `evt_${type}`, object: 'event', type, created, data });
}

function signedParse(body: string, at = now) {
  return parseStripeEvent(body, signStripeBody(body, secret, at), secret, now);
}

test('a correctly signed invoice.payment_failed becomes a payment_failed event', () => {
  const r = signedParse(eventBody('pay__invoice.payment_failed.json', 'invoice.payment_failed'));
  assert.ok(r.ok);
  assert.equal(r.event.kind, 'payment_failed');
  assert.equal(r.event.amount, 24900n);
  assert.equal(r.event.currency, 'USD');
  assert.equal(r.event.customerId, 'cus_1234');
  assert.equal(r.event.invoiceId, 'in_1234');
  assert.equal(r.event.created, '2025-04-23');
  assert.deepEqual(r.event.decline, {
    failureCode: null,
    failureMessage: null,
    declineCode: null,
    networkDeclineCode: null,
    adviceCode: null,
    networkAdviceCode: null,
    cardBrand: null,
  });
  assert.equal(r.event.invoiceNumber, 'F612594F-0002');
  assert.equal(r.event.customerName, 'Example Customer');
});

test('charge.succeeded and charge.refunded', () => {
  const ok = signedParse(eventBody('pay__charge.succeeded.json', 'charge.succeeded'));
  assert.ok(ok.ok);
  assert.equal(ok.event.kind, 'payment_succeeded');
  assert.equal(ok.event.amount, 500n);
  assert.equal(ok.event.chargeId, 'ch_chargeid');
  assert.equal(ok.event.customerId, 'cus_0dUMWLtzCTagWs');
  const refund = signedParse(eventBody('pay__charge.refunded.json', 'charge.refunded'));
  assert.ok(refund.ok);
  assert.equal(refund.event.kind, 'refunded');
  assert.equal(refund.event.amount, 500n); // amount_refunded, not the 1500 charged
});

test('invoice.paid uses amount_paid; a failed charge keeps decline and advice codes', () => {
  const invoice = JSON.parse(readFixture('payments-events/pay__invoice.json').toString('utf8'));
  const paid = signedParse(
    JSON.stringify({
      id: 'evt_1',
      type: 'invoice.paid',
      created: 1744986175,
      data: { object: invoice },
    }),
  );
  assert.ok(paid.ok);
  assert.equal(paid.event.amount, 24512n);
  assert.equal(paid.event.invoiceId, 'in_1RFFohKXBGcbgpbZk9MxzDMc');
  const resources = JSON.parse(
    readFixture('payments-events/stripe_openapi_fixtures3.json').toString('utf8'),
  ).resources;
  const charge = {
    ...resources.charge,
    status: 'failed',
    failure_code: 'card_declined',
    failure_message: 'Your card has insufficient funds.',
    outcome: {
      ...resources.charge.outcome,
      reason: 'insufficient_funds',
      network_decline_code: '51',
      advice_code: 'try_again_later',
      network_advice_code: '02',
    },
  };
  const failed = signedParse(
    JSON.stringify({
      id: 'evt_2',
      type: 'charge.failed',
      created: 1234567890,
      data: { object: charge },
    }),
  );
  assert.ok(failed.ok);
  assert.deepEqual(failed.event.decline, {
    failureCode: 'card_declined',
    failureMessage: 'Your card has insufficient funds.',
    declineCode: 'insufficient_funds',
    networkDeclineCode: '51',
    adviceCode: 'try_again_later',
    networkAdviceCode: '02',
    cardBrand: 'visa',
  });
  assert.equal(failed.event.customerName, 'Jenny Rosen');
  const dispute = signedParse(
    JSON.stringify({
      id: 'evt_3',
      type: 'charge.dispute.created',
      created: 1234567890,
      data: { object: resources.dispute },
    }),
  );
  assert.ok(dispute.ok);
  assert.equal(dispute.event.kind, 'dispute');
  assert.equal(dispute.event.amount, 1000n);
  assert.equal(dispute.event.chargeId, 'ch_1PgafuB7WZ01zgkWXYmPNZs8');
  assert.equal(dispute.event.disputeStatus, 'warning_needs_response');
  assert.equal(dispute.event.disputeReason, resources.dispute.reason);
});

test("metadata names the creditor's invoice; a Stripe id there is not a number", () => {
  const body = JSON.stringify({
    id: 'evt_m',
    type: 'charge.succeeded',
    created: now,
    data: { object: { id: 'ch_9', object: 'charge', amount: 100, currency: 'eur', payment_intent: 'pi_9', metadata: { invoice_number: 'INV-7', invoice: 'in_1AbC' } } },
  });
  const r = signedParse(body);
  assert.ok(r.ok);
  assert.deepEqual(r.event.references, ['INV-7']);
  assert.equal(r.event.paymentIntentId, 'pi_9');
  assert.equal(r.event.invoiceNumber, null);
});

test('zero-decimal currencies stay in their minor units (JPY)', () => {
  const body = JSON.stringify({
    id: 'e',
    type: 'charge.succeeded',
    created: now,
    data: { object: { id: 'ch_1', object: 'charge', amount: 5000, currency: 'jpy' } },
  });
  const r = signedParse(body);
  assert.ok(r.ok);
  assert.equal(r.event.amount, 5000n);
  assert.equal(r.event.currency, 'JPY');
});

test('bad, missing and replayed signatures are refused', () => {
  const body = eventBody('pay__charge.succeeded.json', 'charge.succeeded');
  const good = signStripeBody(body, secret, now);
  const flipped = good.replace(/v1=(.)/, (_, c: string) => `v1=${c === '0' ? '1' : '0'}`);
  assert.deepEqual(parseStripeEvent(body, flipped, secret, now), {
    ok: false,
    reason: 'unverified',
    detail: 'mismatch',
  });
  assert.deepEqual(parseStripeEvent(body + ' ', good, secret, now), {
    ok: false,
    reason: 'unverified',
    detail: 'mismatch',
  });
  assert.deepEqual(parseStripeEvent(body, signStripeBody(body, 'whsec_other', now), secret, now), {
    ok: false,
    reason: 'unverified',
    detail: 'mismatch',
  });
  assert.deepEqual(parseStripeEvent(body, null, secret, now), {
    ok: false,
    reason: 'unverified',
    detail: 'missing',
  });
  assert.deepEqual(parseStripeEvent(body, 't=abc,v1=zz', secret, now), {
    ok: false,
    reason: 'unverified',
    detail: 'malformed',
  });
  assert.deepEqual(parseStripeEvent(body, good, null, now), {
    ok: false,
    reason: 'unverified',
    detail: 'no_secret',
  });
  // Replay: a genuine signature from 301 seconds ago is refused; 300 seconds is still accepted.
  assert.deepEqual(parseStripeEvent(body, signStripeBody(body, secret, now - 301), secret, now), {
    ok: false,
    reason: 'unverified',
    detail: 'too_old',
  });
  assert.ok(parseStripeEvent(body, signStripeBody(body, secret, now - 300), secret, now).ok);
  assert.deepEqual(parseStripeEvent(body, signStripeBody(body, secret, now + 301), secret, now), {
    ok: false,
    reason: 'unverified',
    detail: 'too_new',
  });
  // Several v1 signatures (secret rolling): one match suffices.
  const rolled = `${good},v1=${'0'.repeat(64)}`;
  assert.ok(parseStripeEvent(body, rolled, secret, now).ok);
});

test('unhandled types are ignored, not errors', () => {
  const r = signedParse(eventBody('pay__customer.updated.json', 'customer.updated'));
  assert.deepEqual(r, { ok: false, reason: 'ignored', type: 'customer.updated' });
});
