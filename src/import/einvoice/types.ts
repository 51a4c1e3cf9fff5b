import type { CurrencyCode } from '../../core/currency.ts';
import type { LocalDate } from '../../core/local-date.ts';
import type { DueDateSource, InvoiceKind } from '../../core/ledger.ts';

/** Why a file could not be read: a plain message and where (an XML element path or "line L, column C"). */
export type EInvoiceError = { readonly message: string; readonly where: string };

/** The buyer (BG-7) as far as dunning needs it. */
export type EInvoiceBuyer = {
  /** BT-44 (legal name; UBL falls back to the trading name). */
  readonly name: string | null;
  /** BT-58 contact email, else the BT-49 electronic address when it is an email. */
  readonly email: string | null;
  /** BT-46 identifier, else BT-47 legal registration id, else BT-48 VAT id. */
  readonly id: string | null;
  /** BT-55 country code. */
  readonly country: string | null;
};

/** One e-invoice (UBL or CII, possibly from a Factur-X PDF) read into Dunwise terms. */
export type EInvoice = {
  readonly syntax: 'ubl' | 'cii';
  /** BT-1 */
  readonly number: string;
  readonly kind: InvoiceKind;
  /** BT-3, as written (null when absent). */
  readonly typeCode: string | null;
  /** BT-5 */
  readonly currency: CurrencyCode;
  /** BT-2 */
  readonly issueDate: LocalDate;
  /** BT-9, or derived from the payment terms text (see dueDateSource). */
  readonly dueDate: LocalDate | null;
  readonly dueDateSource: DueDateSource;
  /** BT-112, minor units (positive for a credit note). */
  readonly total: bigint;
  /** BT-113, minor units, 0 when absent. */
  readonly prepaid: bigint;
  /** BT-115, minor units (positive for a credit note). */
  readonly payable: bigint;
  /** BT-83 */
  readonly paymentReference: string | null;
  readonly buyer: EInvoiceBuyer;
  /** BT-13 */
  readonly poNumber: string | null;
  /** BT-20, HTML tags stripped, several terms joined by newlines. */
  readonly terms: string | null;
  /** BT-25 */
  readonly correctsNumber: string | null;
  /** What the importer decided on the way (derived due date, sign flip, rounding ...). */
  readonly notes: readonly string[];
};

/** The outcome of reading one file: expected failures are values, never exceptions. */
export type EInvoiceResult =
  | { readonly ok: true; readonly invoice: EInvoice }
  | { readonly ok: false; readonly error: EInvoiceError };
