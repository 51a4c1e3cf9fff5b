import type { CsvField } from './mapping.ts';

/** Named sets of header synonyms for common exports. */
export const presetNames = ['generic', 'xero', 'qbo'] as const;
export type PresetName = (typeof presetNames)[number];

type Synonyms = Readonly<Partial<Record<CsvField, readonly string[]>>>;

// Headers seen in hand-made lists and ERP exports in English, German and French.
const generic: Synonyms = {
  number: ['Invoice Number', 'Invoice No', 'Invoice #', 'Invoice', 'Number', 'No', 'Num',
    'Rechnungsnummer', 'Rechnungsnr', 'Rechnung', 'Belegnummer', 'Numéro de facture', 'N° facture', 'Facture'],
  kind: ['Type', 'Document Type', 'Transaction Type', 'Kind', 'Belegart', 'Typ', 'Type de document'],
  accountRef: ['Customer ID', 'Customer Number', 'Customer No', 'Account', 'Account Number', 'Account Ref',
    'Kundennummer', 'Kundennr', 'Debitor', 'Debitorennummer', 'Numéro client', 'Code client'],
  accountName: ['Customer', 'Customer Name', 'Client', 'Client Name', 'Company', 'Name',
    'Kunde', 'Kundenname', 'Firma', 'Nom du client', 'Raison sociale'],
  currency: ['Currency', 'Currency Code', 'Währung', 'Devise', 'Monnaie'],
  issueDate: ['Invoice Date', 'Issue Date', 'Date', 'Document Date',
    'Rechnungsdatum', 'Belegdatum', 'Datum', 'Date de facture', 'Date facture'],
  dueDate: ['Due Date', 'Due', 'Payment Due', 'Fällig am', 'Fälligkeit', 'Fälligkeitsdatum', 'Fällig', 'Faellig am', 'Faelligkeit',
    'Échéance', 'Date d’échéance', "Date d'échéance"],
  total: ['Total', 'Amount', 'Invoice Total', 'Invoice Amount', 'Gross', 'Betrag', 'Brutto', 'Bruttobetrag',
    'Rechnungsbetrag', 'Gesamt', 'Montant', 'Montant TTC', 'Total TTC'],
  open: ['Open', 'Open Amount', 'Open Balance', 'Balance', 'Balance Due', 'Amount Due', 'Outstanding',
    'Offen', 'Offener Betrag', 'Restbetrag', 'Saldo', 'Reste dû', 'Solde', 'Montant dû'],
  paid: ['Paid', 'Amount Paid', 'Bezahlt', 'Gezahlt', 'Payé', 'Montant payé'],
  paymentReference: ['Payment Reference', 'Verwendungszweck', 'Zahlungsreferenz', 'Référence de paiement'],
  poNumber: ['PO Number', 'PO', 'Purchase Order', 'Bestellnummer', 'Bon de commande'],
  terms: ['Terms', 'Payment Terms', 'Zahlungsbedingungen', 'Conditions de paiement'],
  correctsNumber: ['Corrects', 'Original Invoice', 'Related Invoice', 'Bezug', 'Ursprungsrechnung', 'Facture d’origine'],
  buyerEmail: ['Email', 'E-Mail', 'Email Address', 'Billing Email', 'Courriel'],
  country: ['Country', 'Land', 'Pays'],
  ref: ['Payment ID', 'Payment Ref', 'Transaction ID', 'ID', 'Zahlungs-ID', 'Référence'],
  invoiceNumber: ['Invoice Number', 'Invoice No', 'Invoice', 'Rechnungsnummer', 'Numéro de facture'],
  amount: ['Amount', 'Amount Received', 'Payment Amount', 'Betrag', 'Montant'],
  receivedOn: ['Date', 'Payment Date', 'Received', 'Received On', 'Zahlungsdatum', 'Eingang', 'Date de paiement'],
  reference: ['Reference', 'Memo', 'Description', 'Verwendungszweck', 'Libellé'],
};

// Xero: the columns of the "Export" invoice CSV from Sales > Invoices (documented in Xero's
// invoice import template and third-party export guides: ContactName, EmailAddress,
// POCountry, InvoiceNumber, Reference, InvoiceDate, DueDate, Total, InvoiceAmountPaid,
// InvoiceAmountDue, Currency, Type = "Sales invoice" / "Sales credit note"; one row per
// invoice line), plus the Aged Receivables (by contact / detail) report headers seen in
// Xero's Reports API example (Date, Number, Due Date, Total, Paid, Credited, Due) and
// the detail report's "Invoice Date", "Invoice Number", "Invoice Reference", "Contact".
const xero: Synonyms = {
  number: ['InvoiceNumber', 'Invoice Number', 'Number'],
  kind: ['Type'],
  accountName: ['ContactName', 'Contact', 'Contact Name'],
  accountRef: ['AccountNumber', 'Account Number', 'ContactID'],
  currency: ['Currency', 'CurrencyCode'],
  issueDate: ['InvoiceDate', 'Invoice Date', 'Date'],
  dueDate: ['DueDate', 'Due Date'],
  total: ['Total'],
  paid: ['InvoiceAmountPaid', 'Paid'],
  open: ['InvoiceAmountDue', 'Due', 'Amount Due'],
  poNumber: ['Reference', 'Invoice Reference'],
  buyerEmail: ['EmailAddress', 'Email'],
  country: ['POCountry'],
};

// QuickBooks Online: the "A/R Aging Detail" report export (Date, Transaction Type, Num,
// Customer, Due Date, Past Due, Amount, Open Balance) and the "Invoice List" report
// (Date, Transaction Type, Num/No., Customer, Due Date, Amount, Open Balance, Terms),
// as listed in Intuit's report help and QuickBooks export walkthroughs. Amounts of credit
// memos are negative there; Transaction Type says "Invoice" / "Credit Memo" / "Payment".
const qbo: Synonyms = {
  number: ['Num', 'No.', 'No', 'Invoice No', 'Invoice Number'],
  kind: ['Transaction Type', 'Type'],
  accountName: ['Customer', 'Customer full name', 'Name'],
  accountRef: ['Customer ID', 'Account No'],
  currency: ['Currency'],
  issueDate: ['Date', 'Invoice Date'],
  dueDate: ['Due Date'],
  total: ['Amount', 'Total'],
  open: ['Open Balance', 'Balance', 'Open balance'],
  terms: ['Terms'],
  poNumber: ['P.O. Number', 'PO Number'],
  buyerEmail: ['Email', 'Customer Email'],
};

const presets: Record<PresetName, Synonyms> = { generic, xero, qbo };

/** The header synonyms a preset offers for `field` (empty when it has none). */
export function presetSynonyms(preset: PresetName, field: CsvField): readonly string[] {
  return presets[preset][field] ?? [];
}
