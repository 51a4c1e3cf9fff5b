// A payment processor's event (Stripe's webhooks) as the engine applies it: the cash/ adapter
// verifies and normalises the webhook into this shape.
import type { DeclineInfo } from '../core/card-retry/decline.ts';
import type { CurrencyCode } from '../core/currency.ts';
import type { LocalDate } from '../core/local-date.ts';

/** The kinds of payment event Dunwise acts on. */
export type PaymentEventKind = 'payment_succeeded' | 'payment_failed' | 'refunded' | 'dispute';

/** A normalised payment event. Amounts are minor units of `currency`, as Stripe sends them. */
export type PaymentEvent = {
  readonly eventId: string;
  readonly type: string;
  readonly kind: PaymentEventKind;
  readonly objectId: string;
  readonly amount: bigint;
  readonly currency: CurrencyCode;
  readonly customerId: string | null;
  /** The processor's invoice id (in_...). */
  readonly invoiceId: string | null;
  readonly chargeId: string | null;
  readonly paymentIntentId: string | null;
  /** The processor invoice's number as printed ("F612594F-0002"): often the creditor's own number. */
  readonly invoiceNumber: string | null;
  /** Invoice numbers the creditor put in the object's metadata (dunwise_invoice, invoice_number, invoice). */
  readonly references: readonly string[];
  readonly description: string | null;
  /** The customer's or card holder's name, when the object carries one. */
  readonly customerName: string | null;
  /** The UTC calendar day of the event's `created` timestamp. */
  readonly created: LocalDate;
  readonly decline: DeclineInfo | null;
  /** charge.dispute.*: the dispute's status (warning_needs_response, won, lost, ...). */
  readonly disputeStatus: string | null;
  /** charge.dispute.*: the reason the card holder gave (fraudulent, product_not_received, ...). */
  readonly disputeReason: string | null;
};
