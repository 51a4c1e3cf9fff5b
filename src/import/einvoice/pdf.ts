// Finds the XML invoice inside a Factur-X / ZUGFeRD PDF (PDF/A-3 embedded file) with pdf-lib:
// the catalog's /Names /EmbeddedFiles name tree and its /AF (associated files) array.
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRawStream,
  PDFRef,
  PDFString,
  decodePDFRawStream,
  type PDFObject,
} from 'pdf-lib';
import type { EInvoiceError } from './types.ts';

/** An XML file found in a PDF: its attachment name and bytes. */
export type PdfAttachment = { readonly name: string; readonly bytes: Uint8Array };
/** The invoice attachment of a PDF, or why there is none. */
export type PdfExtraction =
  | { readonly ok: true; readonly attachment: PdfAttachment }
  | { readonly ok: false; readonly error: EInvoiceError };

// The names the Factur-X, ZUGFeRD 1/2 and XRechnung-in-PDF conventions give the invoice.
const knownNames = ['factur-x.xml', 'zugferd-invoice.xml', 'xrechnung.xml', 'order-x.xml'];

/** True when the bytes start like a PDF ('%PDF-' within the first kilobyte, as readers allow). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.subarray(0, 1024)).toString('latin1').includes('%PDF-');
}

/** Extracts the embedded invoice XML, preferring the conventional names over any other .xml. */
export async function extractInvoiceXml(bytes: Uint8Array): Promise<PdfExtraction> {
  let pdf: PDFDocument;
  try {
    pdf = await PDFDocument.load(bytes, {
      ignoreEncryption: true,
      updateMetadata: false,
      throwOnInvalidObject: false,
    });
  } catch (e) {
    return fail(`the PDF could not be read: ${e instanceof Error ? e.message : String(e)}`, 'PDF');
  }
  // pdf-lib accepts some broken files and leaves the catalog undefined, despite its type.
  if (!((pdf.catalog as unknown) instanceof PDFDict))
    return fail('the PDF could not be read: it has no document catalog', 'PDF /Root');
  const files: PdfAttachment[] = [];
  try {
    const names = pdf.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
    const tree = names?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict);
    if (tree) collectNameTree(pdf, tree, files, 0);
    const af = pdf.catalog.lookupMaybe(PDFName.of('AF'), PDFArray);
    for (const spec of af?.asArray() ?? []) addFileSpec(pdf, spec, files);
  } catch (e) {
    return fail(
      `the PDF's embedded files could not be read: ${e instanceof Error ? e.message : String(e)}`,
      'PDF /Root/Names/EmbeddedFiles',
    );
  }
  const lower = (f: PdfAttachment): string => f.name.toLowerCase();
  const chosen =
    files.find((f) => knownNames.includes(lower(f))) ??
    files.find((f) => lower(f).endsWith('.xml'));
  if (!chosen) {
    const seen =
      files.length === 0
        ? 'it has no embedded files'
        : `its attachments are ${[...new Set(files.map((f) => f.name))].join(', ')}`;
    return fail(
      `the PDF carries no XML invoice (no factur-x.xml, zugferd-invoice.xml, xrechnung.xml or other .xml attachment): ${seen}`,
      'PDF /Root/Names/EmbeddedFiles',
    );
  }
  return { ok: true, attachment: chosen };
}

function collectNameTree(
  pdf: PDFDocument,
  node: PDFDict,
  out: PdfAttachment[],
  depth: number,
): void {
  if (depth > 32) return; // a cyclic or absurdly deep tree: stop rather than loop
  const pairs = node.lookupMaybe(PDFName.of('Names'), PDFArray)?.asArray() ?? [];
  for (let i = 1; i < pairs.length; i += 2) addFileSpec(pdf, pairs[i], out);
  for (const kid of node.lookupMaybe(PDFName.of('Kids'), PDFArray)?.asArray() ?? []) {
    const dict = pdf.context.lookup(kid);
    if (dict instanceof PDFDict) collectNameTree(pdf, dict, out, depth + 1);
  }
}

function addFileSpec(pdf: PDFDocument, ref: PDFObject | undefined, out: PdfAttachment[]): void {
  const spec = ref instanceof PDFRef ? pdf.context.lookup(ref) : ref;
  if (!(spec instanceof PDFDict)) return;
  const name = textOf(spec.lookup(PDFName.of('UF'))) ?? textOf(spec.lookup(PDFName.of('F'))) ?? '';
  const ef = spec.lookupMaybe(PDFName.of('EF'), PDFDict);
  const stream = ef?.lookup(PDFName.of('F')) ?? ef?.lookup(PDFName.of('UF'));
  if (!(stream instanceof PDFRawStream)) return;
  if (out.some((f) => f.name === name)) return; // listed both in /EmbeddedFiles and /AF
  out.push({ name, bytes: decodePDFRawStream(stream).decode() });
}

function textOf(obj: PDFObject | undefined): string | null {
  return obj instanceof PDFString || obj instanceof PDFHexString ? obj.decodeText() : null;
}

function fail(message: string, where: string): PdfExtraction {
  return { ok: false, error: { message, where } };
}
