import type { InvoiceKind, Segment } from '../core/ledger.ts';

/** A new account as the ledger stores it. */
export type NewAccount = {
  readonly ref: string;
  readonly name: string;
  readonly currency: string;
  readonly locale: string;
  readonly timeZone: string;
  readonly country: string;
  readonly segment: Segment;
  readonly owner: string | null;
};

export type NewContact = {
  readonly accountId: number;
  readonly name: string | null;
  readonly role: string;
  readonly email: string | null;
  readonly phone: string | null;
  readonly language: string;
  readonly timeZone: string | null;
};

/** An invoice or credit note as the ledger stores it. */
export type InvoiceRow = {
  readonly accountId: number;
  readonly number: string;
  readonly kind: InvoiceKind;
  readonly currency: string;
  readonly totalMinor: bigint;
  readonly openMinor: bigint;
  readonly issueDate: string;
  readonly dueDate: string;
  readonly dueDateSource: string;
  readonly paymentReference: string | null;
  readonly poNumber: string | null;
  readonly terms: string | null;
  readonly correctsNumber: string | null;
  readonly status: string;
  readonly contentHash: string;
  readonly source: string;
  readonly importId: number | null;
};

export type StoredInvoice = InvoiceRow & { readonly id: number };

export type NewPayment = {
  readonly ref: string;
  readonly accountId: number | null;
  readonly currency: string;
  readonly amountMinor: bigint;
  readonly unappliedMinor: bigint;
  readonly unappliedReason: string | null;
  readonly receivedOn: string;
  readonly reference: string | null;
  readonly invoiceNumber: string | null;
  readonly contentHash: string;
  readonly source: string;
};

export type AuditEntry = {
  readonly actor: string;
  readonly entity: string;
  readonly entityId: string;
  readonly action: string;
  readonly detail: Readonly<Record<string, unknown>>;
};

export type ImportStatus = 'running' | 'imported' | 'rejected';

/** What the import use-cases need from the store, inside one transaction. */
export interface LedgerWriter {
  findAccountIds(refs: readonly string[]): Promise<Map<string, number>>;
  insertAccounts(rows: readonly NewAccount[]): Promise<Map<string, number>>;
  insertContacts(rows: readonly NewContact[]): Promise<void>;
  findInvoices(numbers: readonly string[]): Promise<Map<string, StoredInvoice>>;
  /** Whether the ledger holds any invoice or credit note at all. */
  hasInvoices(): Promise<boolean>;
  /** Inserts new invoices; their ids by number only when `withIds` (instalments need them). */
  insertInvoices(rows: readonly InvoiceRow[], withIds: boolean): Promise<Map<string, number>>;
  updateInvoice(id: number, row: InvoiceRow): Promise<void>;
  setOpenAmount(id: number, openMinor: bigint, status: string): Promise<void>;
  insertInstalments(rows: readonly { invoiceId: number; seq: number; dueDate: string; amountMinor: bigint }[]): Promise<void>;
  deleteInstalments(invoiceId: number): Promise<void>;
  findPayments(refs: readonly string[]): Promise<Map<string, { id: number; contentHash: string }>>;
  insertPayment(row: NewPayment): Promise<number>;
  insertAllocation(row: { invoiceId: number; paymentId: number | null; creditNoteId: number | null; amountMinor: bigint }): Promise<void>;
  appendAudit(entries: readonly AuditEntry[]): Promise<void>;
  /** Makes sure each account/currency has a collection case, due for planning at the next run. */
  markCasesForPlanning(pairs: readonly { accountId: number; currency: string }[]): Promise<void>;
  /** The same for every account/currency with an invoice this import inserted or changed: one statement. */
  markCasesOfImport(importId: number): Promise<void>;
  startImport(row: { kind: string; file: string; fileHash: string }): Promise<number>;
  finishImport(id: number, status: ImportStatus, records: number, problems: number): Promise<void>;
}

/** The ledger store, as the engine sees it. */
export interface LedgerStore {
  /** Runs `fn` in one transaction: all of it is committed, or none of it. */
  transaction<T>(fn: (writer: LedgerWriter) => Promise<T>): Promise<T>;
  /** Records an import that was rolled back, outside its transaction, for the history. */
  recordRejectedImport(row: { kind: string; file: string; fileHash: string; records: number; problems: number }): Promise<void>;
}

/** Open amount and count of one aging bucket in one currency. */
export type AgingRow = { readonly currency: string; readonly bucket: string; readonly openMinor: bigint; readonly count: number };

export type AccountView = {
  readonly id: number;
  readonly ref: string;
  readonly name: string;
  readonly currency: string;
  readonly country: string;
  readonly timeZone: string;
  readonly locale: string;
  readonly segment: string;
  readonly owner: string | null;
  readonly contacts: readonly { name: string | null; role: string; email: string | null; phone: string | null; language: string }[];
  readonly invoices: readonly StoredInvoice[];
  readonly unappliedPayments: readonly { ref: string; currency: string; unappliedMinor: bigint; reason: string | null; receivedOn: string }[];
};

/** What the ledger views need from the store. */
export interface LedgerReader {
  /** Open invoice amounts per currency and bucket; `thresholds` as core/aging gives them. */
  agingTotals(thresholds: readonly { bucket: string; dueOnOrAfter: string | null }[]): Promise<AgingRow[]>;
  /** Open credit (credit notes not yet applied) per currency. */
  openCredits(): Promise<{ currency: string; openMinor: bigint; count: number }[]>;
  /** Received cash waiting to be applied, per currency. */
  unappliedCash(): Promise<{ currency: string; unappliedMinor: bigint; count: number }[]>;
  /** One account by its reference (or numeric id), with contacts, invoices and unapplied cash. */
  account(refOrId: string): Promise<AccountView | null>;
}
