// The shapes of payment matching: what a bank line and an open invoice offer, what was learned
// about payers, and the decision with its reasons.
import type { CurrencyCode } from '../currency.ts';
import type { LocalDate } from '../local-date.ts';

/** The fields of a bank transaction that matching reads. Money in is positive. */
export type BankLine = {
  readonly amountMinor: bigint;
  readonly currency: CurrencyCode;
  readonly bookingDate: LocalDate | null;
  readonly counterpartyName: string | null;
  readonly counterpartyIban: string | null;
  /** Structured creditor reference (RF..., SEPA end-to-end reference, national scheme). */
  readonly reference: string | null;
  /** Unstructured remittance text. */
  readonly remittance: string | null;
  readonly endToEndId: string | null;
};

/** An invoice that can still receive money. */
export type OpenInvoice = {
  readonly id: number;
  readonly number: string;
  readonly accountId: number;
  readonly accountName: string;
  readonly currency: CurrencyCode;
  /** What is still owed, minor units, positive. */
  readonly openMinor: bigint;
  readonly dueDate: LocalDate;
  /** When known, the date window counts from it; otherwise from the due date. */
  readonly issueDate?: LocalDate;
  readonly paymentReference: string | null;
};

/** What earlier matched payments taught: the payer behind an IBAN or a name as banks write it. */
export type PayerKnowledge = {
  /** Compact upper-case IBAN -> account id. */
  readonly ibans: ReadonlyMap<string, number>;
  /** Payer name key (see `payerNameKey`) -> account id. */
  readonly names: ReadonlyMap<string, number>;
};

/** One piece of evidence for or against a proposal, with the weight it added to the score. */
export type Signal = {
  readonly kind: SignalKind;
  readonly weight: number;
  /** Plain words for a finance person: "the payment names invoice INV-2024-000123". */
  readonly text: string;
};

/** The kinds of evidence matching weighs. */
export const signalKinds = [
  'reference',
  'invoice_number',
  'invoice_number_typo',
  'amount_exact',
  'amount_combined',
  'amount_fee',
  'amount_partial',
  'amount_over',
  'payer_iban',
  'payer_name',
  'payer_other_account',
] as const;
export type SignalKind = (typeof signalKinds)[number];

/** Money put on one invoice. */
export type Allocation = { readonly invoiceId: number; readonly amountMinor: bigint };

/** One way to apply a bank line: the invoices, the money on each, and why. */
export type Proposal = {
  readonly allocations: readonly Allocation[];
  readonly accountId: number;
  /** In [0, 1]: the sum of the signal weights, clamped. */
  readonly score: number;
  /** The unclamped sum: ranking and the lead over the runner-up use it, so strong evidence stays ahead. */
  readonly evidence: number;
  readonly signals: readonly Signal[];
  /** Money left over after every invoice is paid in full (an overpayment). */
  readonly remainderMinor: bigint;
  /** Money missing but within the bank-fee tolerance, to write off. */
  readonly shortMinor: bigint;
};

/** Why a line was not applied automatically. */
export const reviewReasons = [
  'below_threshold',
  'too_close',
  'same_amount',
  'conflicting_reference',
  'currency_mismatch',
] as const;
export type ReviewReason = (typeof reviewReasons)[number];

/** Why a line has no proposal at all. */
export const unmatchedReasons = ['not_a_credit', 'currency_mismatch', 'no_candidate'] as const;
export type UnmatchedReason = (typeof unmatchedReasons)[number];

/** The decision for one bank line. */
export type MatchResult =
  | {
      readonly kind: 'auto';
      readonly allocations: readonly Allocation[];
      readonly score: number;
      readonly explanation: readonly Signal[];
      readonly remainderMinor: bigint;
      readonly shortMinor: bigint;
    }
  | { readonly kind: 'review'; readonly proposals: readonly Proposal[]; readonly reason: ReviewReason }
  | { readonly kind: 'unmatched'; readonly reason: UnmatchedReason };
