// Factur-X / ZUGFeRD PDFs built here with pdf-lib: the embedded CII is found and parsed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AFRelationship, PDFArray, PDFDict, PDFDocument, PDFName } from 'pdf-lib';
import { readFixture } from '../../../test/fixtures.ts';
import { parseEInvoice, toDryRunJson } from './index.ts';

const ciiFile = 'einvoices/en16931-cef/cii__CII_business_example_01.xml';

async function pdfWith(
  attachments: [name: string, bytes: Uint8Array][],
  options: { viaAfOnly?: boolean } = {},
): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.addPage([595, 842]).drawText('Invoice TOSL108', { x: 50, y: 780 });
  for (const [name, bytes] of attachments) {
    await pdf.attach(bytes, name, {
      mimeType: 'text/xml',
      afRelationship: AFRelationship.Alternative,
      description: 'Factur-X invoice',
    });
  }
  if (!options.viaAfOnly) return pdf.save();
  // Move the file specs from the name tree to the catalog's /AF array only.
  await pdf.flush();
  const tree = pdf.catalog
    .lookup(PDFName.of('Names'), PDFDict)
    .lookup(PDFName.of('EmbeddedFiles'), PDFDict);
  const pairs = tree.lookup(PDFName.of('Names'), PDFArray);
  const af = pdf.context.obj([]);
  for (let i = 1; i < pairs.size(); i += 2) af.push(pairs.get(i));
  pdf.catalog.delete(PDFName.of('Names'));
  pdf.catalog.set(PDFName.of('AF'), af);
  return pdf.save();
}

void test('a Factur-X PDF: the factur-x.xml attachment is extracted and parsed as CII', async () => {
  const pdf = await pdfWith([['factur-x.xml', readFixture(ciiFile)]]);
  const result = await parseEInvoice(pdf, 'TOSL108.pdf');
  assert.ok(result.ok, result.ok ? '' : result.error.message);
  assert.equal(result.invoice.syntax, 'cii');
  assert.deepEqual(
    [result.invoice.currency, result.invoice.prepaid, result.invoice.payable],
    ['NOK', 100000n, 80178n],
  );
  assert.equal(result.invoice.notes[0], 'read from the PDF attachment factur-x.xml');
  const direct = await parseEInvoice(readFixture(ciiFile), 'TOSL108.pdf');
  assert.deepEqual(toDryRunJson('TOSL108.pdf', result), toDryRunJson('TOSL108.pdf', direct));
});

void test('the conventional name wins over other XML attachments; ZUGFeRD names in any case work', async () => {
  const other = new TextEncoder().encode('<metadata/>');
  const pdf = await pdfWith([
    ['aaa-metadata.xml', other],
    ['ZUGFeRD-invoice.xml', readFixture(ciiFile)],
  ]);
  const result = await parseEInvoice(pdf, 'z.pdf');
  assert.ok(result.ok, result.ok ? '' : result.error.message);
  assert.equal(result.invoice.notes[0], 'read from the PDF attachment ZUGFeRD-invoice.xml');
});

void test('an attachment listed only in the catalog /AF array is found', async () => {
  const pdf = await pdfWith([['factur-x.xml', readFixture(ciiFile)]], { viaAfOnly: true });
  const loaded = await PDFDocument.load(pdf);
  assert.equal(
    loaded.catalog.get(PDFName.of('Names')),
    undefined,
    'the test PDF must not have a name tree',
  );
  const result = await parseEInvoice(pdf, 'af.pdf');
  assert.ok(result.ok, result.ok ? '' : result.error.message);
  assert.equal(result.invoice.number, 'TOSL108');
});

void test('a PDF without an attachment is rejected with a clear reason', async () => {
  const result = await parseEInvoice(await pdfWith([]), 'plain.pdf');
  assert.deepEqual(result, {
    ok: false,
    error: {
      message:
        'the PDF carries no XML invoice (no factur-x.xml, zugferd-invoice.xml, xrechnung.xml or other .xml attachment): it has no embedded files',
      where: 'PDF /Root/Names/EmbeddedFiles',
    },
  });
  const onlyImage = await parseEInvoice(
    await pdfWith([['logo.png', new Uint8Array([1, 2, 3])]]),
    'logo.pdf',
  );
  assert.match(onlyImage.ok ? '' : onlyImage.error.message, /its attachments are logo\.png$/);
});

void test('an attached XML that is not an invoice is reported as from the attachment', async () => {
  const result = await parseEInvoice(
    await pdfWith([['factur-x.xml', new TextEncoder().encode('<Order/>')]]),
    'x.pdf',
  );
  assert.match(
    result.ok ? '' : result.error.message,
    /^unknown schema: root element <Order>.*\(in the PDF attachment factur-x\.xml\)$/,
  );
});

void test('a broken PDF is an error value, not an exception', async () => {
  const result = await parseEInvoice(
    new TextEncoder().encode('%PDF-1.7\nthis is not really a PDF'),
    'broken.pdf',
  );
  assert.equal(result.ok, false);
  assert.match(
    result.ok ? '' : result.error.message,
    /^the PDF (could not be read|carries no XML invoice)/,
  );
});
