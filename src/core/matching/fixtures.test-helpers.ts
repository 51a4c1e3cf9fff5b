// Small builders for matching tests: one customer ledger and bank lines with defaults.
import type { CurrencyCode } from '../currency.ts';
import type { LocalDate } from '../local-date.ts';
import type { BankLine, OpenInvoice, PayerKnowledge } from './types.ts';

/** An open invoice with test defaults. */
export function invoice(id: number, over: Partial<OpenInvoice> = {}): OpenInvoice {
  return {
    id,
    number: `INV-2024-${String(id).padStart(6, '0')}`,
    accountId: 1,
    accountName: 'Müller Bau GmbH',
    currency: 'EUR' as CurrencyCode,
    openMinor: 100_000n + BigInt(id) * 1_111n,
    dueDate: '2024-03-31' as LocalDate,
    issueDate: '2024-03-01' as LocalDate,
    paymentReference: null,
    ...over,
  };
}

/** A bank line with test defaults: EUR, booked 2024-04-02, no payer, no text. */
export function line(over: Partial<BankLine> = {}): BankLine {
  return {
    amountMinor: 0n,
    currency: 'EUR' as CurrencyCode,
    bookingDate: '2024-04-02' as LocalDate,
    counterpartyName: null,
    counterpartyIban: null,
    reference: null,
    remittance: null,
    endToEndId: null,
    ...over,
  };
}

/** No learned payers. */
export const nothingKnown: PayerKnowledge = { ibans: new Map(), names: new Map() };
