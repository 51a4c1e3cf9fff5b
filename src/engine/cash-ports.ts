// What cash application needs from the store: bank lines, open invoices as matching sees them,
// learned payers, and the ledger writer of the same transaction.
import type { CurrencyCode } from '../core/currency.ts';
import type { LocalDate } from '../core/local-date.ts';
import type { OpenInvoice, PayerKnowledge } from '../core/matching/types.ts';
import type { LedgerWriter, NewPayment } from './ports.ts';

/** One transaction of a statement as the parsers give it (credit positive, debit negative). */
export type StatementLine = {
  readonly entryId: string;
  readonly bookingDate: LocalDate | null;
  readonly valueDate: LocalDate | null;
  readonly amount: bigint;
  readonly currency: CurrencyCode;
  readonly counterpartyName: string | null;
  readonly counterpartyIban: string | null;
  readonly reference: string | null;
  readonly remittance: string | null;
  readonly endToEndId: string | null;
  readonly bankReference: string | null;
};

/** The statuses of a bank line. */
export const BankLineStatus = { applied: 'applied', queued: 'queued', ignored: 'ignored', unmatched: 'unmatched' } as const;
export type BankLineStatus = (typeof BankLineStatus)[keyof typeof BankLineStatus];

/** A proposal as stored with a queued line: invoices by id and number, and why. */
export type StoredProposal = {
  readonly score: number;
  readonly accountId: number;
  readonly accountName: string;
  readonly invoices: readonly { readonly id: number; readonly number: string; readonly amountMinor: string }[];
  readonly remainderMinor: string;
  readonly shortMinor: string;
  readonly signals: readonly { readonly kind: string; readonly weight: number; readonly text: string }[];
};

/** Why a line was applied as it was: the matching signals and any bank charges written off. */
export type LineExplanation = {
  readonly signals: readonly { readonly kind: string; readonly weight: number; readonly text: string }[];
  readonly writeOffs: readonly { readonly invoiceId: number; readonly amountMinor: string }[];
};

/** A bank line as written at import (its decision comes as a BankLineChange). */
export type NewBankLine = StatementLine & {
  readonly importId: number;
  readonly file: string;
  readonly fileHash: string;
  readonly statementAccount: string;
};

/** A stored bank line. */
export type StoredBankLine = NewBankLine & {
  readonly id: number;
  readonly status: BankLineStatus;
  readonly reason: string | null;
  readonly score: number | null;
  readonly explanation: LineExplanation | null;
  readonly proposals: readonly StoredProposal[];
  readonly paymentId: number | null;
  readonly writtenOffMinor: bigint;
  readonly reversesLineId: number | null;
  readonly resolvedBy: string | null;
};

/** What changes on a line when it is decided. */
export type BankLineChange = {
  readonly status: BankLineStatus;
  readonly reason: string | null;
  readonly score?: number | null;
  readonly explanation?: LineExplanation | null;
  readonly proposals?: readonly StoredProposal[] | null;
  readonly paymentId?: number | null;
  readonly writtenOffMinor?: bigint;
  readonly reversesLineId?: number | null;
  readonly resolvedBy?: string | null;
};

/** An invoice's money state, for applying and reopening. */
export type InvoiceBalance = {
  readonly id: number;
  readonly number: string;
  readonly accountId: number;
  readonly currency: string;
  readonly totalMinor: bigint;
  readonly openMinor: bigint;
  readonly kind: string;
};

/** Cash-specific store operations inside one transaction. */
export interface CashWriter {
  /** The entry ids among `entryIds` already imported. */
  knownEntryIds(entryIds: readonly string[]): Promise<Set<string>>;
  /** Open invoices (kind invoice, open amount above zero) in these currencies, with account names, by id. */
  openInvoices(currencies: readonly string[]): Promise<OpenInvoice[]>;
  payerKnowledge(): Promise<PayerKnowledge>;
  insertLine(row: NewBankLine, decided: BankLineChange): Promise<number>;
  updateLine(id: number, change: BankLineChange): Promise<void>;
  /** One line, locked for this transaction where the store can. */
  lineForUpdate(id: number): Promise<StoredBankLine | null>;
  /** Earlier credits (newest first) of the currency with this end-to-end id or reference, not yet reversed. */
  reversalCandidates(currency: string, endToEndId: string | null, reference: string | null): Promise<StoredBankLine[]>;
  /** Net allocations of a payment per invoice, in the order they were made. */
  allocationsOf(paymentId: number): Promise<{ invoiceId: number; amountMinor: bigint }[]>;
  invoiceBalances(ids: readonly number[]): Promise<Map<number, InvoiceBalance>>;
  /** Changes a payment's unapplied cash (and its account, when given). */
  setPayment(paymentId: number, change: { accountId?: number; unappliedMinor: bigint; reason: string | null }): Promise<void>;
  paymentUnapplied(paymentId: number): Promise<bigint>;
  learnPayers(links: readonly { kind: 'iban' | 'name'; key: string; accountId: number; lineId: number }[]): Promise<void>;
  /**
   * A value that changes when anything is written that matching reads: invoices added, and
   * allocations, audit entries (every change to an invoice writes one) and payer links.
   */
  ledgerMarker(): Promise<string>;
  // The batched writes of a statement import (cash-line-batch.ts): a few statements per batch.
  /** Inserts payments; their ids by ref. */
  insertPayments(rows: readonly NewPayment[]): Promise<Map<string, number>>;
  /** Inserts decided bank lines; their ids by entry id. */
  insertLines(rows: readonly { readonly row: NewBankLine; readonly decided: BankLineChange }[]): Promise<Map<string, number>>;
  insertAllocations(rows: readonly { readonly invoiceId: number; readonly paymentId: number; readonly amountMinor: bigint }[]): Promise<void>;
  /** Sets open amounts and statuses, each invoice named at most once. */
  setOpenAmounts(rows: readonly { readonly id: number; readonly openMinor: bigint; readonly status: string }[]): Promise<void>;
}

/** The cash store, as the engine sees it. */
export interface CashStore {
  /** Runs `fn` in one transaction with the ledger and cash writers of that transaction. */
  transaction<T>(fn: (ledger: LedgerWriter, cash: CashWriter) => Promise<T>): Promise<T>;
  recordRejectedImport(row: { kind: string; file: string; fileHash: string; records: number; problems: number }): Promise<void>;
  /** Lines waiting for a person (queued, unmatched), oldest first. */
  queue(): Promise<StoredBankLine[]>;
  line(id: number): Promise<StoredBankLine | null>;
}
