import type { InvoiceKind } from '../../core/ledger.ts';
import { headerKey } from './columns.ts';

/** What a type column says about a row: an invoice kind, a row to leave out, or nonsense. */
export type KindRead =
  | { readonly kind: 'ok'; readonly value: InvoiceKind }
  | { readonly kind: 'skip'; readonly reason: string }
  | { readonly kind: 'error'; readonly reason: string };

// Xero: ACCREC / ACCRECCREDIT in its API, "Sales invoice" / "Sales credit note" in its CSV
// export; QuickBooks: "Invoice" / "Credit Memo"; German and French ERP exports otherwise.
const invoiceWords = ['invoice', 'salesinvoice', 'accrec', 'inv', 'rechnung', 'ausgangsrechnung', 'facture', 'factura', 'factuur'];
const creditWords = ['creditnote', 'salescreditnote', 'accreccredit', 'creditmemo', 'credit', 'cn', 'gutschrift',
  'rechnungskorrektur', 'stornorechnung', 'avoir', 'facturedavoir', 'notadecredito', 'creditnota'];
// Rows an aging report lists besides invoices: they are not owed by the customer as invoices.
const otherWords = ['payment', 'receivepayment', 'overpayment', 'prepayment', 'deposit', 'journalentry', 'journal',
  'refund', 'zahlung', 'paiement', 'salesreceipt', 'statementcharge'];

/** Reads a type cell ("Sales credit note", "Credit Memo", "Payment"). */
export function readKind(text: string): KindRead {
  const key = headerKey(text);
  if (invoiceWords.includes(key)) return { kind: 'ok', value: 'invoice' };
  if (creditWords.includes(key)) return { kind: 'ok', value: 'credit_note' };
  if (otherWords.includes(key)) return { kind: 'skip', reason: `"${text}" rows are not invoices` };
  return { kind: 'error', reason: `"${text}" is neither an invoice nor a credit note type` };
}
