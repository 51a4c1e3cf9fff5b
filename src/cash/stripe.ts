// Stripe webhook events into one payment-event shape the cash application understands.
import { asCurrency } from '../core/currency.ts';
import { fromEpochDay } from '../core/local-date.ts';
import type { DeclineInfo } from '../core/card-retry/decline.ts';
import type { PaymentEvent, PaymentEventKind } from '../engine/payment-events.ts';
import { verifyStripeSignature, type SignatureCheck } from './stripe-signature.ts';

export type { DeclineInfo } from '../core/card-retry/decline.ts';
export type { PaymentEvent, PaymentEventKind } from '../engine/payment-events.ts';


/** The outcome of reading one webhook request. */
export type StripeEventResult =
  | { readonly ok: true; readonly event: PaymentEvent }
  | { readonly ok: false; readonly reason: 'ignored'; readonly type: string }
  | {
      readonly ok: false;
      readonly reason: 'unverified';
      readonly detail: Exclude<SignatureCheck, { ok: true }>['reason'] | 'no_secret';
    }
  | { readonly ok: false; readonly reason: 'invalid'; readonly detail: string };

/**
 * Verifies and normalises a Stripe webhook body: charge.succeeded, charge.failed,
 * invoice.paid, invoice.payment_succeeded, invoice.payment_failed,
 * payment_intent.payment_failed, charge.refunded and charge.dispute.*. Other types are
 * 'ignored'. Without a secret nothing is trusted ('unverified'), never silently accepted.
 */
export function parseStripeEvent(
  body: string,
  signatureHeader: string | null,
  secret: string | null,
  nowSeconds: number,
  toleranceSeconds = 300,
): StripeEventResult {
  if (secret === null || secret === '')
    return { ok: false, reason: 'unverified', detail: 'no_secret' };
  const check = verifyStripeSignature(body, signatureHeader, secret, nowSeconds, toleranceSeconds);
  if (!check.ok) return { ok: false, reason: 'unverified', detail: check.reason };
  let event: unknown;
  try {
    event = JSON.parse(body);
  } catch {
    return { ok: false, reason: 'invalid', detail: 'body is not JSON' };
  }
  return normaliseStripeEvent(event);
}

/** Normalises an already verified event object. */
export function normaliseStripeEvent(event: unknown): StripeEventResult {
  const e = record(event);
  const type = str(e['type']);
  const object = record(record(e['data'])['object']);
  if (type === null || str(e['id']) === null)
    return { ok: false, reason: 'invalid', detail: 'event without id or type' };
  const kind = kindOf(type);
  if (kind === null) return { ok: false, reason: 'ignored', type };
  const currency = asCurrency(str(object['currency']) ?? '');
  if (currency === null)
    return { ok: false, reason: 'invalid', detail: `${type}: missing or unknown currency` };
  const amount = amountOf(kind, type, object);
  const created = num(e['created']) ?? num(object['created']);
  if (amount === null || created === null)
    return { ok: false, reason: 'invalid', detail: `${type}: missing amount or created` };
  // Recorded payloads do not always carry `object`, so the event type decides what `id` is.
  const isInvoice = str(object['object']) === 'invoice' || type.startsWith('invoice.');
  const isCharge =
    str(object['object']) === 'charge' || (type.startsWith('charge.') && kind !== 'dispute');
  return {
    ok: true,
    event: {
      eventId: str(e['id']) ?? '',
      type,
      kind,
      objectId: str(object['id']) ?? '',
      amount: BigInt(amount),
      currency,
      customerId: idOf(object['customer']),
      invoiceId: isInvoice ? str(object['id']) : idOf(object['invoice']),
      chargeId: isCharge ? str(object['id']) : idOf(object['charge']) ?? idOf(object['latest_charge']),
      paymentIntentId: str(object['object']) === 'payment_intent' || type.startsWith('payment_intent.') ? str(object['id']) : idOf(object['payment_intent']),
      invoiceNumber: isInvoice ? str(object['number']) : null,
      references: referencesOf(record(object['metadata'])),
      description: str(object['description']),
      customerName: str(object['customer_name']) ?? str(record(object['billing_details'])['name']),
      created: fromEpochDay(Math.floor(created / 86_400)),
      decline: kind === 'payment_failed' ? declineOf(object) : null,
      disputeStatus: kind === 'dispute' ? str(object['status']) : null,
      disputeReason: kind === 'dispute' ? str(object['reason']) : null,
    },
  };
}

function kindOf(type: string): PaymentEventKind | null {
  if (['charge.succeeded', 'invoice.paid', 'invoice.payment_succeeded'].includes(type))
    return 'payment_succeeded';
  if (['charge.failed', 'invoice.payment_failed', 'payment_intent.payment_failed'].includes(type))
    return 'payment_failed';
  if (type === 'charge.refunded') return 'refunded';
  if (type.startsWith('charge.dispute.')) return 'dispute';
  return null;
}

/** Paid amount for invoices, refunded total for refunds, the charge or dispute amount else. */
function amountOf(kind: PaymentEventKind, type: string, o: Record<string, unknown>): number | null {
  if (kind === 'refunded') return num(o['amount_refunded']);
  if (type.startsWith('invoice.'))
    return kind === 'payment_failed' ? num(o['amount_due']) : num(o['amount_paid']);
  return num(o['amount']);
}

/** Failure fields from a charge (failure_*, outcome), a payment intent's last_payment_error. */
function declineOf(o: Record<string, unknown>): DeclineInfo {
  const outcome = record(o['outcome']);
  const error = record(o['last_payment_error']);
  return {
    failureCode: str(o['failure_code']) ?? str(error['code']),
    failureMessage: str(o['failure_message']) ?? str(error['message']),
    declineCode: str(error['decline_code']) ?? str(outcome['reason']),
    networkDeclineCode: str(outcome['network_decline_code']) ?? str(error['network_decline_code']),
    adviceCode: str(outcome['advice_code']) ?? str(error['advice_code']),
    networkAdviceCode: str(outcome['network_advice_code']) ?? str(error['network_advice_code']),
    cardBrand: str(record(record(o['payment_method_details'])['card'])['brand']) ?? str(record(record(error['payment_method'])['card'])['brand']),
  };
}

/** Metadata keys a creditor's billing code uses for its own invoice number, most specific first. */
const referenceKeys = ['dunwise_invoice', 'invoice_number', 'invoice'];

function referencesOf(metadata: Record<string, unknown>): string[] {
  return referenceKeys.map((k) => str(metadata[k])).filter((v): v is string => v !== null && !/^in_[A-Za-z0-9]+$/.test(v));
}

function record(v: unknown): Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
    ? (v as Record<string, unknown>)
    : {};
}
function str(v: unknown): string | null {
  return typeof v === 'string' && v !== '' ? v : null;
}
function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isSafeInteger(v) ? v : null;
}
/** An expandable field: an id string or an expanded object with an id. */
function idOf(v: unknown): string | null {
  return str(v) ?? str(record(v)['id']);
}
