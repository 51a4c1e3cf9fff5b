import type { CurrencyCode } from './currency.ts';
import type { LocalDate } from './local-date.ts';

/** How a customer is handled by the cadence engine. */
export const Segment = {
  standard: 'standard',
  strategic: 'strategic',
  newAccount: 'new_account',
  chronicLate: 'chronic_late',
} as const;
export type Segment = (typeof Segment)[keyof typeof Segment];

/** A customer (legal entity). `ref` is the creditor's own customer id, unique. */
export type Account = {
  readonly id: number;
  readonly ref: string;
  readonly name: string;
  readonly currency: CurrencyCode;
  readonly locale: string;
  readonly timeZone: string;
  readonly country: string;
  readonly segment: Segment;
  readonly owner: string | null;
};

export const ContactRole = { billing: 'billing', escalation: 'escalation', procurement: 'procurement' } as const;
export type ContactRole = (typeof ContactRole)[keyof typeof ContactRole];

/** A person or mailbox of an account. */
export type Contact = {
  readonly id: number;
  readonly accountId: number;
  readonly name: string | null;
  readonly role: ContactRole;
  readonly email: string | null;
  readonly phone: string | null;
  readonly language: string;
  readonly timeZone: string | null;
};

export const InvoiceKind = { invoice: 'invoice', creditNote: 'credit_note' } as const;
export type InvoiceKind = (typeof InvoiceKind)[keyof typeof InvoiceKind];

/** Where a due date came from: the document, derived from payment-terms text, or absent. */
export const DueDateSource = { explicit: 'explicit', derived: 'derived', missing: 'missing' } as const;
export type DueDateSource = (typeof DueDateSource)[keyof typeof DueDateSource];

/** One part of an invoice due on its own date. */
export type Instalment = { readonly dueDate: LocalDate; readonly amountMinor: bigint };

/**
 * An invoice or credit note as read from a file, before it is in the ledger: what every
 * importer (CSV, UBL, CII, API) produces. Amounts are minor units of `currency`.
 */
export type InvoiceRecord = {
  readonly number: string;
  readonly kind: InvoiceKind;
  readonly accountRef: string;
  readonly accountName: string;
  readonly currency: CurrencyCode;
  readonly issueDate: LocalDate;
  /** When missing, the ledger treats the invoice as due on its issue date. */
  readonly dueDate: LocalDate | null;
  readonly dueDateSource: DueDateSource;
  /** The document total including tax (for a credit note, the credited amount, positive). */
  readonly totalMinor: bigint;
  /** What is still owed (payable amount of an e-invoice, open amount of an aging report). */
  readonly openMinor: bigint;
  readonly paymentReference: string | null;
  readonly poNumber: string | null;
  readonly terms: string | null;
  /** For a credit note or correction: the number of the invoice it corrects. */
  readonly correctsNumber: string | null;
  readonly buyerEmail: string | null;
  readonly country: string | null;
  readonly instalments: readonly Instalment[];
};

/** A payment as read from a file: minor units, positive for money received. */
export type PaymentRecord = {
  readonly ref: string;
  readonly accountRef: string | null;
  readonly invoiceNumber: string | null;
  readonly currency: CurrencyCode;
  readonly amountMinor: bigint;
  readonly receivedOn: LocalDate;
  readonly reference: string | null;
};

/** Where one bad row or element of an input file is, and what is wrong with it. */
export type InputProblem = {
  readonly file: string;
  /** 1-based line for text files, an element path for XML. */
  readonly where: string;
  readonly field: string | null;
  readonly reason: string;
};
