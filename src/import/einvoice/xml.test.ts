// Safe and precise XML handling: DTDs refused, malformed input located, unknown schemas named,
// namespaces matched by URI whatever the prefix, encodings, and missing or bad fields reported
// with their element path.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { readFixture } from '../../../test/fixtures.ts';
import { parseEInvoiceXml, type EInvoiceResult } from './index.ts';

const ublFile = 'einvoices/xrechnung-testsuite/01.01a-INVOICE_ubl.xml';
const ciiFile = 'einvoices/xrechnung-testsuite/01.01a-INVOICE_uncefact.xml';
const ublText = readFixture(ublFile).toString('utf8');
const ciiText = readFixture(ciiFile).toString('utf8');
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const parseText = (text: string): EInvoiceResult => parseEInvoiceXml(utf8(text), 'test.xml');

function replaced(text: string, from: string | RegExp, to: string): string {
  const out = text.replace(from, to);
  assert.notEqual(out, text, `fixture no longer contains ${String(from)}`);
  return out;
}

/** Renames namespace prefixes in tags and in their xmlns declarations. */
function reprefix(text: string, names: Record<string, string>): string {
  let out = text;
  for (const [from, to] of Object.entries(names)) {
    out = out
      .replaceAll(`<${from}:`, `<${to}:`)
      .replaceAll(`</${from}:`, `</${to}:`)
      .replaceAll(`xmlns:${from}=`, `xmlns:${to}=`);
  }
  assert.notEqual(out, text);
  return out;
}

function errorOf(result: EInvoiceResult): { message: string; where: string } {
  assert.equal(result.ok, false, 'expected a rejection');
  return result.ok ? { message: '', where: '' } : result.error;
}

void test('an external entity (XXE) is refused before parsing', () => {
  const xxe = `<?xml version="1.0"?>\n<!DOCTYPE Invoice [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<Invoice>&xxe;</Invoice>`;
  const error = errorOf(parseText(xxe));
  assert.match(error.message, /DOCTYPE declaration.*not allowed.*XXE/);
  assert.equal(error.where, 'line 2, column 1');
});

void test('entity expansion (billion laughs) is refused', () => {
  const lol =
    '<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><lolz>&lol2;</lolz>';
  assert.match(errorOf(parseText(lol)).message, /refused: the XML contains a <!DOCTYPE/);
  assert.match(errorOf(parseText('<!ENTITY x "y"><a/>')).message, /<!ENTITY declaration/);
});

void test('malformed XML is rejected with line and column', () => {
  const broken = replaced(ublText, '</cbc:IssueDate>', '</cbc:IssueDat>');
  const error = errorOf(parseText(broken));
  assert.equal(error.where, 'line 8, column 30');
  assert.match(error.message, /^not well-formed XML: .*'cbc:IssueDate'.* \(line 8, column 30\)$/);
  assert.equal(errorOf(parseText(ublText.slice(0, 500))).where, 'line 6, column 72');
  assert.deepEqual(errorOf(parseText('')), {
    message: 'the file is empty',
    where: 'line 1, column 1',
  });
  assert.match(
    errorOf(parseEInvoiceXml(new Uint8Array([0, 1, 2, 0xff]), 'x')).message,
    /not valid UTF-8/,
  );
});

void test('an unknown root element is named with its namespace', () => {
  const order = errorOf(
    parseText(
      '<Order xmlns="urn:oasis:names:specification:ubl:schema:xsd:Order-2"><ID>1</ID></Order>',
    ),
  );
  assert.match(
    order.message,
    /^unknown schema: root element <Order> in namespace "urn:oasis:names:specification:ubl:schema:xsd:Order-2"/,
  );
  assert.equal(order.where, '/Order');
  // The right local name in the wrong namespace is not UBL either.
  assert.match(
    errorOf(parseText('<Invoice><ID>1</ID></Invoice>')).message,
    /root element <Invoice> in no namespace/,
  );
});

void test('any namespace prefix (or a default namespace) reads the same', () => {
  const reference = parseText(ublText);
  const renamed = reprefix(ublText, { cbc: 'b', cac: 'a', ubl: 'x' });
  assert.deepEqual(parseText(renamed), reference);
  const defaulted = ublText
    .replaceAll('<ubl:Invoice', '<Invoice')
    .replaceAll('</ubl:Invoice', '</Invoice')
    .replace('xmlns:ubl=', 'xmlns=');
  assert.deepEqual(parseText(defaulted), reference);
  const cii = reprefix(ciiText, { ram: 'r', rsm: 'cii', udt: 'u' });
  assert.deepEqual(parseText(cii), parseText(ciiText));
});

void test('elements are matched by namespace URI, not by prefix text', () => {
  // The same prefix bound to another URI: cbc:ID is no longer the invoice number.
  const wrong = replaced(
    ublText,
    '<cbc:ID>123456XX</cbc:ID>',
    '<cbc:ID xmlns:cbc="urn:other">123456XX</cbc:ID>',
  );
  assert.deepEqual(errorOf(parseText(wrong)), {
    message: 'missing invoice number (BT-1)',
    where: '/Invoice/cbc:ID',
  });
});

void test('byte-order marks and declared encodings are honoured', () => {
  const reference = parseText(ublText);
  assert.deepEqual(
    parseEInvoiceXml(
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ublText)]),
      'bom.xml',
    ),
    reference,
  );
  assert.deepEqual(
    parseEInvoiceXml(
      Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(ublText, 'utf-16le')]),
      'u16.xml',
    ),
    reference,
  );
  const latin1 = replaced(ublText, 'encoding="UTF-8"', 'encoding="ISO-8859-1"').replace(
    '[Buyer name]',
    'Müller & Söhne',
  );
  const result = parseEInvoiceXml(
    iconv.encode(latin1.replace('&', '&amp;'), 'latin1'),
    'latin1.xml',
  );
  assert.equal(result.ok && result.invoice.buyer.name, 'Müller & Söhne');
});

void test('missing mandatory fields name the element path', () => {
  const cases: [string, string | RegExp, string, string][] = [
    [
      ublText,
      /<cbc:PayableAmount[^<]*<\/cbc:PayableAmount>/,
      'missing amount due for payment (BT-115)',
      '/Invoice/cac:LegalMonetaryTotal/cbc:PayableAmount',
    ],
    [ublText, '<cbc:ID>123456XX</cbc:ID>', 'missing invoice number (BT-1)', '/Invoice/cbc:ID'],
    [
      ublText,
      '<cbc:IssueDate>2016-04-04</cbc:IssueDate>',
      'missing issue date (BT-2)',
      '/Invoice/cbc:IssueDate',
    ],
    [
      ublText,
      '<cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>',
      'missing document currency code (BT-5)',
      '/Invoice/cbc:DocumentCurrencyCode',
    ],
    [
      ciiText,
      '<ram:DuePayableAmount>336.9</ram:DuePayableAmount>',
      'missing amount due for payment (BT-115)',
      '/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:SpecifiedTradeSettlementHeaderMonetarySummation/ram:DuePayableAmount',
    ],
  ];
  for (const [text, remove, message, where] of cases) {
    assert.deepEqual(errorOf(parseText(replaced(text, remove, ''))), { message, where });
  }
});

void test('unknown currency, foreign amount currency and impossible dates are rejected', () => {
  const xyz = replaced(ublText, '<cbc:DocumentCurrencyCode>EUR', '<cbc:DocumentCurrencyCode>XYZ');
  assert.deepEqual(errorOf(parseText(xyz)), {
    message: 'unknown currency "XYZ": not an ISO 4217 code',
    where: '/Invoice/cbc:DocumentCurrencyCode',
  });
  const usd = replaced(
    ublText,
    '<cbc:PayableAmount currencyID="EUR">',
    '<cbc:PayableAmount currencyID="USD">',
  );
  assert.equal(
    errorOf(parseText(usd)).message,
    'amount 336.9 is in USD, but the document currency is EUR',
  );
  const feb30 = replaced(ublText, '2016-04-04</cbc:IssueDate>', '2016-02-30</cbc:IssueDate>');
  assert.deepEqual(errorOf(parseText(feb30)), {
    message: '"2016-02-30" is not a valid date',
    where: '/Invoice/cbc:IssueDate',
  });
  const words = replaced(ublText, '>336.9</cbc:PayableAmount>', '>336,90</cbc:PayableAmount>');
  assert.match(errorOf(parseText(words)).message, /"336,90" is not a number/);
});

void test('an explicit due date before the issue date is rejected, naming both dates', () => {
  const early = replaced(
    ublText,
    '<cbc:IssueDate>2016-04-04</cbc:IssueDate>',
    '<cbc:IssueDate>2016-04-04</cbc:IssueDate><cbc:DueDate>2016-03-31</cbc:DueDate>',
  );
  assert.deepEqual(errorOf(parseText(early)), {
    message: 'due date 2016-03-31 is before the issue date 2016-04-04',
    where: '/Invoice/cbc:DueDate',
  });
});

void test('amounts with more decimals than the currency has are rounded half-even, with a note', () => {
  for (const [written, minor] of [
    ['336.905', 33690n],
    ['336.915', 33692n],
    ['336.9000', 33690n],
  ] as const) {
    const result = parseText(
      replaced(ublText, '>336.9</cbc:PayableAmount>', `>${written}</cbc:PayableAmount>`),
    );
    assert.ok(result.ok);
    assert.equal(result.invoice.payable, minor);
    const rounded = result.invoice.notes.some((n) => n.includes('rounded half-even'));
    assert.equal(rounded, written !== '336.9000', written);
  }
});

void test('a UBL CreditNote reads its due date from PaymentMeans and its type code', () => {
  const note = readFixture('einvoices/en16931-cef/ubl__ubl-tc434-creditnote1.xml').toString('utf8');
  const withDue = replaced(
    note,
    '<cbc:PaymentID>',
    '<cbc:PaymentDueDate>2019-10-23</cbc:PaymentDueDate><cbc:PaymentID>',
  );
  const result = parseText(withDue);
  assert.ok(result.ok);
  assert.deepEqual(
    [result.invoice.kind, result.invoice.dueDate, result.invoice.dueDateSource],
    ['credit_note', '2019-10-23', 'explicit'],
  );
});

void test('CII credit-note type codes make credit notes', () => {
  for (const code of ['381', '81', '261', '396']) {
    const result = parseText(
      replaced(ciiText, '<ram:TypeCode>380</ram:TypeCode>', `<ram:TypeCode>${code}</ram:TypeCode>`),
    );
    assert.ok(result.ok);
    assert.equal(result.invoice.kind, 'credit_note', code);
  }
});

void test('a PDF handed to the synchronous XML reader is refused with a pointer to parseEInvoice', () => {
  assert.match(
    errorOf(parseEInvoiceXml(utf8('%PDF-1.7\n...'), 'a.pdf')).message,
    /is a PDF: read it with parseEInvoice/,
  );
});

void test('CII instalments (several payment terms with due dates): the earliest due date, with a note', () => {
  const terms = (description: string, date: string): string =>
    `<ram:SpecifiedTradePaymentTerms><ram:Description>${description}</ram:Description>` +
    `<ram:DueDateDateTime><udt:DateTimeString format="102">${date}</udt:DateTimeString></ram:DueDateDateTime>` +
    `<ram:PartialPaymentAmount>168.45</ram:PartialPaymentAmount></ram:SpecifiedTradePaymentTerms>`;
  const twoRates = replaced(
    ciiText,
    /<ram:SpecifiedTradePaymentTerms>[\s\S]*?<\/ram:SpecifiedTradePaymentTerms>/,
    terms('2. Rate', '20160604') + terms('1. Rate', '20160504'),
  );
  const result = parseText(twoRates);
  assert.ok(result.ok);
  assert.deepEqual(
    [result.invoice.dueDate, result.invoice.dueDateSource, result.invoice.terms],
    ['2016-05-04', 'explicit', '2. Rate\n1. Rate'],
  );
  assert.deepEqual(result.invoice.notes, [
    'several payment terms with due dates 2016-05-04, 2016-06-04: the earliest is used',
  ]);
});
