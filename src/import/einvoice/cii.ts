// Reads a UN/CEFACT Cross Industry Invoice D16B (EN 16931 CII binding; XRechnung, Peppol,
// ZUGFeRD 2 / Factur-X profiles up to EXTENDED, which only add elements we do not need).
import { docOf, type Doc, type Namespaces } from './xml-path.ts';
import { located, type Located, type RawInvoice } from './raw.ts';
import type { XmlElement } from './xml-tree.ts';

const ciiNs = 'urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100';

const namespaces: Namespaces = {
  rsm: ciiNs,
  ram: 'urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100',
  udt: 'urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100',
};

const agreement = 'rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement';
const settlement = 'rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement';
const totals = `${settlement}/ram:SpecifiedTradeSettlementHeaderMonetarySummation`;
const buyer = `${agreement}/ram:BuyerTradeParty`;
const dueDatePath = `${settlement}/ram:SpecifiedTradePaymentTerms/ram:DueDateDateTime/udt:DateTimeString`;

/** True when the root element is a CII CrossIndustryInvoice. */
export function isCii(root: XmlElement): boolean {
  return root.local === 'CrossIndustryInvoice' && root.ns === ciiNs;
}

/** Reads the fields Dunwise needs from a CII document (validation happens later). */
export function readCii(root: XmlElement): RawInvoice {
  const doc = docOf(root, namespaces, 'rsm:CrossIndustryInvoice');
  const at = (path: string): Located => located(doc.text(path), doc.where(path));
  const withAttr = (path: string, attr: string): Located => {
    const el = doc.first(path);
    return located(el?.text || null, doc.where(path), el?.attrs[attr] ?? null);
  };
  // EXTENDED allows several payment terms (instalments), each with its own due date: the
  // earliest is the one to chase first. Format-102 texts (YYYYMMDD) sort as dates.
  const due = doc.all(dueDatePath).filter((e) => e.text !== '');
  due.sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  const dueTexts = [
    ...new Set(due.map((e) => e.text.replace(/^(\d{4})(\d{2})(\d{2})$/, '$1-$2-$3'))),
  ];
  const notes =
    dueTexts.length > 1
      ? [`several payment terms with due dates ${dueTexts.join(', ')}: the earliest is used`]
      : [];
  return {
    syntax: 'cii',
    notes,
    creditNoteRoot: false,
    number: at('rsm:ExchangedDocument/ram:ID'),
    typeCode: at('rsm:ExchangedDocument/ram:TypeCode'),
    currency: at(`${settlement}/ram:InvoiceCurrencyCode`),
    issueDate: withAttr('rsm:ExchangedDocument/ram:IssueDateTime/udt:DateTimeString', 'format'),
    dueDate: located(due[0]?.text ?? null, doc.where(dueDatePath), due[0]?.attrs['format'] ?? null),
    total: withAttr(`${totals}/ram:GrandTotalAmount`, 'currencyID'),
    prepaid: withAttr(`${totals}/ram:TotalPrepaidAmount`, 'currencyID'),
    payable: withAttr(`${totals}/ram:DuePayableAmount`, 'currencyID'),
    paymentReference: doc.text(`${settlement}/ram:PaymentReference`),
    terms: doc
      .all(`${settlement}/ram:SpecifiedTradePaymentTerms/ram:Description`)
      .map((e) => e.text),
    buyer: readBuyer(doc),
    poNumber: doc.text(`${agreement}/ram:BuyerOrderReferencedDocument/ram:IssuerAssignedID`),
    correctsNumber: doc.text(`${settlement}/ram:InvoiceReferencedDocument/ram:IssuerAssignedID`),
  };
}

function readBuyer(doc: Doc): RawInvoice['buyer'] {
  const vat = doc.all(`${buyer}/ram:SpecifiedTaxRegistration/ram:ID`);
  return {
    where: doc.where(buyer),
    name: doc.text(`${buyer}/ram:Name`),
    contactEmail: doc.text(
      `${buyer}/ram:DefinedTradeContact/ram:EmailURIUniversalCommunication/ram:URIID`,
    ),
    endpoint: doc.text(`${buyer}/ram:URIUniversalCommunication/ram:URIID`),
    ids: [
      doc.text(`${buyer}/ram:ID`) ?? doc.text(`${buyer}/ram:GlobalID`),
      doc.text(`${buyer}/ram:SpecifiedLegalOrganization/ram:ID`),
      (vat.find((e) => e.attrs['schemeID'] === 'VA') ?? vat[0])?.text || null,
    ],
    country: doc.text(`${buyer}/ram:PostalTradeAddress/ram:CountryID`),
  };
}
