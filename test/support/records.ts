// Builders of import records for tests.
import { asCurrency, type CurrencyCode } from '../../src/core/currency.ts';
import type { InvoiceRecord, PaymentRecord } from '../../src/core/ledger.ts';
import type { LocalDate } from '../../src/core/local-date.ts';
import type { ImportItem } from '../../src/engine/import-report.ts';

export const cur = (code: string): CurrencyCode => asCurrency(code) as CurrencyCode;
export const day = (s: string): LocalDate => s as LocalDate;

/** An open invoice; override any field. */
export function inv(number: string, over: Partial<InvoiceRecord> = {}): InvoiceRecord {
  return {
    number,
    kind: 'invoice',
    accountRef: 'ACME',
    accountName: 'Acme GmbH',
    currency: cur('EUR'),
    issueDate: day('2026-01-01'),
    dueDate: day('2026-01-31'),
    dueDateSource: 'explicit',
    totalMinor: 10000n,
    openMinor: 10000n,
    paymentReference: null,
    poNumber: null,
    terms: null,
    correctsNumber: null,
    buyerEmail: 'ap@acme.example',
    country: 'DE',
    instalments: [],
    ...over,
  };
}

export function pay(ref: string, over: Partial<PaymentRecord> = {}): PaymentRecord {
  return { ref, accountRef: null, invoiceNumber: null, currency: cur('EUR'), amountMinor: 10000n, receivedOn: day('2026-02-01'), reference: null, ...over };
}

/** Wraps records as import items, "line 2", "line 3", ... as a CSV with a header would number them. */
export function items<T>(records: readonly T[]): ImportItem<T>[] {
  return records.map((record, i) => ({ kind: 'record', where: `line ${i + 2}`, record }));
}
