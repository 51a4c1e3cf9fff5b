// The fields a CSV column can fill, apart from mapping.ts: the readers need them, and the
// mapping loader's YAML and schema libraries should not be loaded by the parser's worker thread.

/** Dunwise fields an invoice CSV column can fill. */
export const invoiceFields = [
  'number', 'kind', 'accountRef', 'accountName', 'currency', 'issueDate', 'dueDate', 'total',
  'open', 'paid', 'paymentReference', 'poNumber', 'terms', 'correctsNumber', 'buyerEmail', 'country',
] as const;
export type InvoiceField = (typeof invoiceFields)[number];

/** Dunwise fields a payment CSV column can fill. */
export const paymentFields = [
  'ref', 'accountRef', 'invoiceNumber', 'currency', 'amount', 'receivedOn', 'reference',
] as const;
export type PaymentField = (typeof paymentFields)[number];

/** Any mappable field. */
export type CsvField = InvoiceField | PaymentField;
