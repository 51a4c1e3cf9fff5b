// E-invoice import: UBL 2.1 Invoice/CreditNote, UN/CEFACT CII (XRechnung, Peppol, EN 16931,
// ZUGFeRD/Factur-X up to EXTENDED) and Factur-X/ZUGFeRD PDFs, read into Dunwise's InvoiceRecord.
import { formatDecimal } from '../../core/money.ts';
import type { InvoiceRecord } from '../../core/ledger.ts';
import { assemble } from './assemble.ts';
import { isCii, readCii } from './cii.ts';
import { extractInvoiceXml, looksLikePdf } from './pdf.ts';
import { isUbl, readUbl } from './ubl.ts';
import { parseXml } from './xml-tree.ts';
import type { EInvoice, EInvoiceResult } from './types.ts';

export type { EInvoice, EInvoiceBuyer, EInvoiceError, EInvoiceResult } from './types.ts';

/**
 * Reads an e-invoice file (XML or Factur-X/ZUGFeRD PDF). Async because pdf-lib reads PDFs
 * asynchronously; bad input is an `{ ok: false }` value, never an exception.
 */
export async function parseEInvoice(bytes: Uint8Array, file: string): Promise<EInvoiceResult> {
  if (!looksLikePdf(bytes)) return parseEInvoiceXml(bytes, file);
  const extracted = await extractInvoiceXml(bytes);
  if (!extracted.ok) return extracted;
  const { name, bytes: xml } = extracted.attachment;
  const result = parseEInvoiceXml(xml, `${file}#${name}`);
  if (result.ok)
    return {
      ok: true,
      invoice: {
        ...result.invoice,
        notes: [`read from the PDF attachment ${name}`, ...result.invoice.notes],
      },
    };
  return {
    ok: false,
    error: {
      message: `${result.error.message} (in the PDF attachment ${name})`,
      where: result.error.where,
    },
  };
}

/** Reads a UBL or CII XML e-invoice synchronously (a PDF is refused: use parseEInvoice). */
export function parseEInvoiceXml(bytes: Uint8Array, file: string): EInvoiceResult {
  if (looksLikePdf(bytes)) {
    return {
      ok: false,
      error: {
        message: `${file} is a PDF: read it with parseEInvoice, which extracts its XML attachment`,
        where: 'PDF',
      },
    };
  }
  const parsed = parseXml(bytes);
  if (!parsed.ok) return parsed;
  const root = parsed.root;
  if (isUbl(root)) return assemble(readUbl(root));
  if (isCii(root)) return assemble(readCii(root));
  const ns = root.ns === '' ? 'no namespace' : `namespace "${root.ns}"`;
  return {
    ok: false,
    error: {
      message: `unknown schema: root element <${root.name}> in ${ns} is neither a UBL 2.1 Invoice/CreditNote nor a UN/CEFACT CrossIndustryInvoice`,
      where: `/${root.name}`,
    },
  };
}

/**
 * The ledger's import record. accountRef is the buyer identifier (BT-46/47/48), else the
 * buyer email, else the buyer name: the most stable key the document offers.
 */
export function toInvoiceRecord(e: EInvoice): InvoiceRecord {
  const accountRef = e.buyer.id ?? e.buyer.email ?? e.buyer.name ?? '';
  return {
    number: e.number,
    kind: e.kind,
    accountRef,
    accountName: e.buyer.name ?? accountRef,
    currency: e.currency,
    issueDate: e.issueDate,
    dueDate: e.dueDate,
    dueDateSource: e.dueDateSource,
    totalMinor: e.total,
    openMinor: e.payable,
    paymentReference: e.paymentReference,
    poNumber: e.poNumber,
    terms: e.terms,
    correctsNumber: e.correctsNumber,
    buyerEmail: e.buyer.email,
    country: e.buyer.country,
    instalments: [],
  };
}

/** The dry-run JSON other tools read: amounts as major-unit decimal strings, null when absent. */
export type DryRunJson =
  | {
      file: string;
      ok: true;
      invoice: {
        number: string;
        kind: 'invoice' | 'credit_note';
        currency: string;
        issueDate: string;
        dueDate: string | null;
        dueDateSource: 'explicit' | 'derived' | 'missing';
        total: string;
        payable: string;
        paymentReference: string | null;
        buyer: { name: string | null; email: string | null };
      };
    }
  | { file: string; ok: false; error: { message: string; where: string } };

/** Builds the dry-run JSON object for one file's result (exactly this shape; other tools depend on it). */
export function toDryRunJson(file: string, result: EInvoiceResult): DryRunJson {
  if (!result.ok)
    return { file, ok: false, error: { message: result.error.message, where: result.error.where } };
  const e = result.invoice;
  return {
    file,
    ok: true,
    invoice: {
      number: e.number,
      kind: e.kind,
      currency: e.currency,
      issueDate: e.issueDate,
      dueDate: e.dueDate,
      dueDateSource: e.dueDateSource,
      total: formatDecimal(e.total, e.currency),
      payable: formatDecimal(e.payable, e.currency),
      paymentReference: e.paymentReference,
      buyer: { name: e.buyer.name, email: e.buyer.email },
    },
  };
}
