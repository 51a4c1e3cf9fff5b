// Reads a UBL 2.1 Invoice or CreditNote (EN 16931 / Peppol BIS 3 / XRechnung syntax binding).
import { docOf, type Doc, type Namespaces } from './xml-path.ts';
import { located, type Located, type RawInvoice } from './raw.ts';
import type { XmlElement } from './xml-tree.ts';

const ublInvoiceNs = 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2';
const ublCreditNoteNs = 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2';

const namespaces: Namespaces = {
  cac: 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2',
  cbc: 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2',
};

const party = 'cac:AccountingCustomerParty/cac:Party';
const totals = 'cac:LegalMonetaryTotal';

/** True when the root element is a UBL Invoice or CreditNote. */
export function isUbl(root: XmlElement): boolean {
  return (
    (root.local === 'Invoice' && root.ns === ublInvoiceNs) ||
    (root.local === 'CreditNote' && root.ns === ublCreditNoteNs)
  );
}

/** Reads the fields Dunwise needs from a UBL document (validation happens later). */
export function readUbl(root: XmlElement): RawInvoice {
  const creditNote = root.local === 'CreditNote';
  const doc = docOf(root, namespaces, root.local);
  const at = (path: string): Located => located(doc.text(path), doc.where(path));
  const amount = (path: string): Located => {
    const el = doc.first(path);
    return located(el?.text || null, doc.where(path), el?.attrs['currencyID'] ?? null);
  };
  // UBL 2.1 CreditNote has no cbc:DueDate; EN 16931 puts BT-9 in PaymentMeans/PaymentDueDate there.
  const dueDate =
    creditNote && doc.text('cbc:DueDate') === null
      ? at('cac:PaymentMeans/cbc:PaymentDueDate')
      : at('cbc:DueDate');
  return {
    syntax: 'ubl',
    notes: [],
    creditNoteRoot: creditNote,
    number: at('cbc:ID'),
    typeCode: at(creditNote ? 'cbc:CreditNoteTypeCode' : 'cbc:InvoiceTypeCode'),
    currency: at('cbc:DocumentCurrencyCode'),
    issueDate: at('cbc:IssueDate'),
    dueDate,
    total: amount(`${totals}/cbc:TaxInclusiveAmount`),
    prepaid: amount(`${totals}/cbc:PrepaidAmount`),
    payable: amount(`${totals}/cbc:PayableAmount`),
    paymentReference: doc.text('cac:PaymentMeans/cbc:PaymentID'),
    terms: doc.all('cac:PaymentTerms/cbc:Note').map((e) => e.text),
    buyer: readBuyer(doc),
    poNumber: doc.text('cac:OrderReference/cbc:ID'),
    correctsNumber: doc.text('cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID'),
  };
}

function readBuyer(doc: Doc): RawInvoice['buyer'] {
  return {
    where: doc.where(party),
    name:
      doc.text(`${party}/cac:PartyLegalEntity/cbc:RegistrationName`) ??
      doc.text(`${party}/cac:PartyName/cbc:Name`),
    contactEmail: doc.text(`${party}/cac:Contact/cbc:ElectronicMail`),
    endpoint: doc.text(`${party}/cbc:EndpointID`),
    ids: [
      doc.text(`${party}/cac:PartyIdentification/cbc:ID`),
      doc.text(`${party}/cac:PartyLegalEntity/cbc:CompanyID`),
      doc.text(`${party}/cac:PartyTaxScheme/cbc:CompanyID`),
    ],
    country: doc.text(`${party}/cac:PostalAddress/cac:Country/cbc:IdentificationCode`),
  };
}
