// The thresholds and weights of payment matching, in one place, each with its reason.

/** Tunable limits and evidence weights; every score is the clamped sum of signal weights. */
export type MatchSettings = {
  /** A proposal is applied automatically only at or above this score... */
  readonly autoThreshold: number;
  /** ...and only when it leads the next different proposal by at least this much. */
  readonly autoMargin: number;
  /** Proposals below this score are not shown for review. */
  readonly reviewFloor: number;
  /** Short payments up to this many basis points of the open amount count as bank fees. */
  readonly feeToleranceBasisPoints: bigint;
  /** ...or up to this many minor units, whichever is larger. */
  readonly feeToleranceMinor: bigint;
  /** Payer names at or above this similarity (0..1) count as the same payer. */
  readonly nameThreshold: number;
  /** A payment may precede the invoice date by at most this many days (pro-forma, prepayment). */
  readonly maxDaysBeforeIssue: number;
  /** Without an issue date, a payment may precede the due date by at most this many days. */
  readonly maxDaysBeforeDue: number;
  /** Combined payments: at most this many invoices of one account are searched... */
  readonly subsetCandidates: number;
  /** ...for a combination of at most this many invoices. */
  readonly subsetSize: number;
  /** How many ranked proposals a review item keeps. */
  readonly maxProposals: number;
  readonly weights: {
    readonly reference: number;
    readonly invoiceNumber: number;
    readonly invoiceNumberTypo: number;
    readonly amountExact: number;
    readonly amountCombined: number;
    readonly amountFee: number;
    readonly amountPartial: number;
    readonly amountOver: number;
    readonly payerIban: number;
    readonly payerName: number;
    /** Added (negative) when the IBAN is known to belong to another account. */
    readonly payerOtherAccount: number;
  };
};

/**
 * The defaults. A structured reference or an exact invoice number with an agreeing amount or
 * payer reaches the 0.8 threshold; so do a known payer (learned IBAN, or a name at >= 0.85
 * similarity) and the open amount, exact, less bank charges, or as an exact sum of invoices;
 * a mistyped number needs the amount or the payer too.
 * Fees: up to 0.5 % of the open amount or 25.00 in a two-decimal currency (2,500 minor units).
 */
export const defaultMatchSettings: MatchSettings = {
  autoThreshold: 0.8,
  autoMargin: 0.2,
  reviewFloor: 0.3,
  feeToleranceBasisPoints: 50n,
  feeToleranceMinor: 2_500n,
  nameThreshold: 0.85,
  maxDaysBeforeIssue: 7,
  maxDaysBeforeDue: 120,
  subsetCandidates: 12,
  subsetSize: 4,
  maxProposals: 5,
  weights: {
    reference: 0.65,
    invoiceNumber: 0.55,
    invoiceNumberTypo: 0.35,
    amountExact: 0.45,
    amountCombined: 0.4,
    amountFee: 0.4,
    amountPartial: 0.05,
    amountOver: 0.05,
    payerIban: 0.4,
    payerName: 0.4,
    payerOtherAccount: -0.25,
  },
};

/** Settings with some values replaced. */
export function matchSettings(overrides: Partial<Omit<MatchSettings, 'weights'>> = {}): MatchSettings {
  return { ...defaultMatchSettings, ...overrides };
}
