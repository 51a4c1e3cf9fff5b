// Every e-invoice fixture in shared/fixtures/einvoices either parses to the values below or is
// rejected with a precise reason. A new fixture without a row here fails the listing test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { fixturePath, readFixture } from '../../../test/fixtures.ts';
import { parseEInvoice, toDryRunJson, type EInvoice } from './index.ts';

type Row = [
  file: string,
  number: string,
  kind: 'invoice' | 'credit_note',
  currency: string,
  issueDate: string,
  dueDate: string | null,
  dueDateSource: 'explicit' | 'derived' | 'missing',
  total: string,
  payable: string,
  paymentReference: string | null,
  buyerName: string | null,
  buyerEmail: string | null,
];

// prettier-ignore
const parses: Row[] = [
  ['en16931-cef/cii__CII_business_example_01.xml', 'TOSL108', 'invoice', 'NOK', '2013-06-30', '2013-07-20', 'explicit', '1801.78', '801.78', '0003434323213231', 'The Buyercompany', 'john@buyercompany.no'],
  ['en16931-cef/cii__CII_example3.xml', 'TOSL108', 'invoice', 'DKK', '2013-04-10', '2013-05-10', 'explicit', '1125.00', '1125.00', 'Payref1', 'Buyercompany ltd', null],
  ['en16931-cef/cii__CII_example5.xml', 'TOSL110', 'invoice', 'DKK', '2013-04-10', '2013-05-10', 'explicit', '4675.00', '2337.50', 'Payref1', 'Buyercompany ltd', 'john.hansen@buyercompany.dk'],
  ['en16931-cef/cii__CII_example7.xml', 'INVOICE_test_7', 'invoice', 'SEK', '2013-05-13', '2013-06-12', 'derived', '3200.00', '3200.00', null, 'THe Buyercompany', 'john@buyercompany.no'],
  ['en16931-cef/cii__CII_example8.xml', '1100512149', 'invoice', 'EUR', '2014-11-10', '2014-11-24', 'explicit', '1099.78', '1099.78', '1100512149', 'Klant', null],
  ['en16931-cef/cii__huf_example_cii.xml', '21/001003559/996', 'invoice', 'HUF', '2021-10-05', '2021-11-01', 'explicit', '87859.00', '87859.00', null, 'HIL Heeresinstandsetzungslogistik GmbH', null],
  ['en16931-cef/ubl__BIS3_Invoice_negativ.XML', '12345', 'credit_note', 'DKK', '2019-01-25', '2019-02-24', 'explicit', '782179.43', '782179.43', '12345667890', 'Company B', null],
  ['en16931-cef/ubl__issue116.xml', '2018210', 'invoice', 'SEK', '2018-02-08', '2018-03-07', 'explicit', '830.00', '830.00', null, 'Project services AB', null],
  ['en16931-cef/ubl__sample-discount-price.xml', 'test decimal 1', 'invoice', 'EUR', '2018-02-05', '2018-02-28', 'explicit', '15.15', '15.15', null, 'HEP-OPERATOR DISTRIBUCIJSKOG SUSTAVA D.O.O. ZA DISTRIBUCIJU I OPSKRBU ELEKTRICNE ENERGIJE', null],
  ['en16931-cef/ubl__ubl-tc434-creditnote1.xml', '018304 / 28865', 'credit_note', 'EUR', '2019-09-23', null, 'missing', '100.11', '100.11', '010676609538', 'My Customer Company', 'pete.smith@mycustomercompany.be'],
  ['en16931-cef/ubl__ubl-tc434-example2.xml', 'TOSL108', 'invoice', 'NOK', '2013-06-30', '2013-07-20', 'explicit', '1801.78', '801.78', '0003434323213231', 'The Buyercompany', 'john@buyercompany.no'],
  ['en16931-cef/ubl__ubl-tc434-example5.xml', 'TOSL110', 'invoice', 'DKK', '2013-04-10', '2013-05-10', 'explicit', '4675.00', '2337.50', 'Payref1', 'Buyercompany ltd', 'john.hansen@buyercompany.dk'],
  ['en16931-cef/ubl__ubl-tc434-example7.xml', 'INVOICE_test_7', 'invoice', 'SEK', '2013-03-11', '2013-04-10', 'derived', '3200.00', '3200.00', null, 'THe Buyercompany', 'john@buyercompany.no'],
  ['en16931-cef/ubl__ubl-tc434-example8.xml', '1100512149', 'invoice', 'EUR', '2014-11-10', '2014-11-24', 'explicit', '1099.78', '1099.78', '1100512149', 'Klant', null],
  ['en16931-cef/ubl__ubl-tc434-example9.xml', '20150483', 'invoice', 'EUR', '2015-04-01', '2015-04-14', 'explicit', '177.87', '177.87', '2015 0483 0000 0000', 'Provide Verzekeringen', null],
  ['horstoeko-zugferd/xml_en16931_3.xml', 'F20200024', 'invoice', 'EUR', '2020-01-15', '2020-02-15', 'explicit', '108.00', '108.00', 'F20180023BUYER', 'LE CLIENT', 'buyer@buyer.com'],
  ['horstoeko-zugferd/xml_extended_2.xml', 'F20200027', 'invoice', 'EUR', '2020-01-15', '2020-02-15', 'explicit', '110.00', '100.00', 'F20180023BUYER', 'LE CLIENT', 'me@buyer.com'],
  ['horstoeko-zugferd/xml_issue_268.xml', 'XXX', 'invoice', 'EUR', '2025-02-28', '2025-03-10', 'explicit', '1028.31', '1028.31', null, 'XXX', null],
  ['xrechnung-testsuite/01.01a-INVOICE_ubl.xml', '123456XX', 'invoice', 'EUR', '2016-04-04', '2016-04-04', 'derived', '336.90', '336.90', null, '[Buyer name]', 'buyer@info.de'],
  ['xrechnung-testsuite/01.01a-INVOICE_uncefact.xml', '123456XX', 'invoice', 'EUR', '2016-04-04', '2016-04-04', 'derived', '336.90', '336.90', null, '[Buyer name]', 'buyer@info.de'],
  ['xrechnung-testsuite/01.05_minimal_test_ubl.xml', '1234567', 'invoice', 'EUR', '2018-04-13', '2018-04-13', 'explicit', '4743.75', '4743.75', null, '[Buyer name]', 'rechnungseingang@test.de'],
  ['xrechnung-testsuite/01.05_minimal_test_uncefact.xml', '1234567', 'invoice', 'EUR', '2018-04-13', '2018-04-13', 'explicit', '4743.75', '4743.75', null, '[Buyer name]', 'rechnungseingang@test.de'],
  ['xrechnung-testsuite/01.07a-INVOICE_ubl.xml', 'R1234567', 'invoice', 'EUR', '2016-06-30', '2016-08-14', 'explicit', '45.22', '45.22', null, '[Buyer name]', 'buyer@info.de'],
  ['xrechnung-testsuite/01.07a-INVOICE_uncefact.xml', 'R1234567', 'invoice', 'EUR', '2016-06-30', '2016-08-14', 'explicit', '45.22', '45.22', null, '[Buyer name]', 'buyer@info.de'],
  ['xrechnung-testsuite/01.10a-INVOICE_ubl.xml', 'Rechnungsnummer', 'invoice', 'EUR', '2016-06-27', null, 'missing', '2594.20', '2594.20', null, '[Buyer name]', 'buyer@info.de'],
  ['xrechnung-testsuite/01.10a-INVOICE_uncefact.xml', 'Rechnungsnummer', 'invoice', 'EUR', '2016-06-27', null, 'missing', '2594.20', '2594.20', null, '[Buyer name]', 'buyer@info.de'],
  ['xrechnung-testsuite/01.15a-INVOICE_ubl.xml', '0000123456', 'invoice', 'EUR', '2017-12-11', '2018-01-10', 'explicit', '10686.20', '10686.20', '0000123456', '[Buyer name]', 'buyer@contact.com'],
  ['xrechnung-testsuite/01.15a-INVOICE_uncefact.xml', '0000123456', 'invoice', 'EUR', '2017-12-11', '2018-01-10', 'explicit', '10686.20', '10686.20', '0000123456', '[Buyer name]', 'buyer@contact.com'],
  ['xrechnung-testsuite/01.18a-INVOICE_ubl.xml', 'PRG1502112', 'invoice', 'EUR', '2015-04-24', '2015-05-08', 'derived', '10555.30', '10555.30', null, '[Buyer name]', 'buyer@info.de'],
  ['xrechnung-testsuite/01.18a-INVOICE_uncefact.xml', 'PRG1502112', 'invoice', 'EUR', '2015-04-24', '2015-05-08', 'derived', '10555.30', '10555.30', null, '[Buyer name]', 'buyer@info.de'],
  ['xrechnung-testsuite/01.19a-INVOICE_ubl.xml', 'PRG1502112', 'invoice', 'EUR', '2015-04-24', '2015-05-08', 'derived', '10555.30', '10555.30', null, '[Buyer name]', 'buyer@info.de'],
  ['xrechnung-testsuite/01.19a-INVOICE_uncefact.xml', 'PRG1502112', 'invoice', 'EUR', '2015-04-24', '2015-05-08', 'derived', '10555.30', '10555.30', null, '[Buyer name]', 'buyer@info.de'],
  ['xrechnung-testsuite/01.20a-INVOICE_ubl.xml', '1234567890', 'invoice', 'EUR', '2021-01-25', '2021-02-04', 'explicit', '357.00', '357.00', '1234567890', 'Kunde 1', 'buyer@info.de'],
  ['xrechnung-testsuite/01.20a-INVOICE_uncefact.xml', '1234567890', 'invoice', 'EUR', '2021-01-25', '2021-02-04', 'explicit', '357.00', '357.00', '1234567890', 'Kunde 1', 'buyer@info.de'],
  ['xrechnung-testsuite/01.21a-INVOICE_ubl.xml', '18383', 'invoice', 'EUR', '2020-11-27', '2020-12-27', 'explicit', '233.00', '233.00', null, 'DB Station&Service AG RB Mitte', 'buyer@info.de'],
  ['xrechnung-testsuite/01.21a-INVOICE_uncefact.xml', '18383', 'invoice', 'EUR', '2020-11-27', '2020-12-27', 'explicit', '233.00', '233.00', null, 'DB Station&Service AG RB Mitte', 'buyer@info.de'],
  ['xrechnung-testsuite/02.03a-INVOICE_ubl.xml', '1234567', 'invoice', 'EUR', '2018-04-13', '2018-04-13', 'explicit', '12829.69', '0.00', 'Deb. 12345 / Fact. 9876543', '[Buyer name]', 'tester@test.de'],
  ['xrechnung-testsuite/02.03a-INVOICE_uncefact.xml', '1234567', 'invoice', 'EUR', '2018-04-13', '2018-04-13', 'explicit', '12829.69', '0.00', 'Deb. 12345 / Fact. 9876543', '[Buyer name]', 'tester@test.de'],
  ['xrechnung-testsuite/03.01a-INVOICE_ubl.xml', '123456789', 'credit_note', 'EUR', '2019-02-28', '2019-03-14', 'explicit', '225.14', '225.14', null, '[Buyer name]', 'buyer@info.de'],
  ['xrechnung-testsuite/03.01a-INVOICE_uncefact.xml', '123456789', 'credit_note', 'EUR', '2019-02-28', '2019-03-14', 'explicit', '225.14', '225.14', null, '[Buyer name]', 'buyer@info.de'],
  ['xrechnung-testsuite/03.04a-INVOICE_ubl.xml', '123456789', 'invoice', 'EUR', '2018-06-05', '2019-03-14', 'explicit', '41836.62', '1997.62', null, '[Buyer name]', 'buyer@info.de'],
  ['xrechnung-testsuite/03.04a-INVOICE_uncefact.xml', '123456789', 'invoice', 'EUR', '2018-06-05', '2019-03-14', 'explicit', '41836.62', '1997.62', null, '[Buyer name]', 'buyer@info.de'],
  ['xrechnung-testsuite/04.01a-INVOICE_ubl.xml', '12345', 'invoice', 'EUR', '2019-05-15', '2019-05-29', 'derived', '14918.84', '4918.84', null, 'Beispielkunde', 'buyer@info.de'],
  ['xrechnung-testsuite/04.04a-INVOICE_ubl.xml', '17794', 'invoice', 'EUR', '2021-07-14', '2021-08-13', 'derived', '4175.44', '4175.44', null, 'Bau Auftraggeber', 'buyer@info.de'],
  ['xrechnung-testsuite/04.05a-INVOICE_uncefact.xml', '2020-1', 'invoice', 'EUR', '2020-01-03', '2020-01-17', 'explicit', '119.00', '119.00', null, 'Rechnungsempfänger', 'buyer@info.de'],
];

/** Genuinely invalid fixtures and the reason each is refused. */
const rejected: Record<string, { message: string; where: string }> = {
  'en16931-cef/cii__XRechnung-O.xml': {
    message: 'due date 2021-01-01 is before the issue date 2021-01-14',
    where:
      '/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement' +
      '/ram:SpecifiedTradePaymentTerms/ram:DueDateDateTime/udt:DateTimeString',
  },
};

async function read(file: string): Promise<EInvoice> {
  const result = await parseEInvoice(readFixture(`einvoices/${file}`), file);
  assert.ok(result.ok, `${file}: ${result.ok ? '' : result.error.message}`);
  return result.invoice;
}

void test('every einvoices fixture has an expectation here', () => {
  const dirs = readdirSync(fixturePath('einvoices'));
  const files = dirs.flatMap((d) =>
    readdirSync(fixturePath(`einvoices/${d}`)).map((f) => `${d}/${f}`),
  );
  const covered = [...parses.map((r) => r[0]), ...Object.keys(rejected)];
  assert.deepEqual([...files].sort(), [...covered].sort());
});

for (const [
  file,
  number,
  kind,
  currency,
  issueDate,
  dueDate,
  dueDateSource,
  total,
  payable,
  paymentReference,
  name,
  email,
] of parses) {
  void test(`parses ${file}`, async () => {
    const result = await parseEInvoice(readFixture(`einvoices/${file}`), file);
    assert.deepEqual(toDryRunJson(file, result), {
      file,
      ok: true,
      invoice: {
        number,
        kind,
        currency,
        issueDate,
        dueDate,
        dueDateSource,
        total,
        payable,
        paymentReference,
        buyer: { name, email },
      },
    });
  });
}

for (const [file, error] of Object.entries(rejected)) {
  void test(`rejects ${file}`, async () => {
    const result = await parseEInvoice(readFixture(`einvoices/${file}`), file);
    assert.deepEqual(result, { ok: false, error });
  });
}

void test('CII business example 01: NOK, prepaid 1000 leaves 801.78 due on 2013-07-20', async () => {
  const e = await read('en16931-cef/cii__CII_business_example_01.xml');
  assert.equal(e.syntax, 'cii');
  assert.equal(e.total, 180178n);
  assert.equal(e.prepaid, 100000n);
  assert.equal(e.payable, 80178n);
  assert.equal(e.dueDate, '2013-07-20');
  assert.equal(e.terms, '2 % discount if paid within 2 days\nPenalty percentage 10% from due date');
  assert.equal(e.poNumber, '123');
  assert.deepEqual(e.buyer, {
    name: 'The Buyercompany',
    email: 'john@buyercompany.no',
    id: '3456789012098',
    country: 'NO',
  });
});

void test('the UBL credit note is a credit note with its type code and payment id', async () => {
  const e = await read('en16931-cef/ubl__ubl-tc434-creditnote1.xml');
  assert.equal(e.kind, 'credit_note');
  assert.equal(e.typeCode, '381');
  assert.equal(e.paymentReference, '010676609538');
});

void test('a negative invoice becomes a credit note with positive amounts, and says so', async () => {
  const e = await read('en16931-cef/ubl__BIS3_Invoice_negativ.XML');
  assert.equal(e.kind, 'credit_note');
  assert.equal(e.typeCode, '380');
  assert.equal(e.payable, 78217943n);
  assert.deepEqual(e.notes, [
    'payable amount -782179.43 is negative: read as a credit note of 782179.43',
  ]);
  const refund = await read('xrechnung-testsuite/03.01a-INVOICE_ubl.xml');
  assert.equal(refund.kind, 'credit_note');
  assert.deepEqual([refund.total, refund.prepaid, refund.payable], [22514n, 0n, 22514n]);
  assert.match(refund.notes[0] ?? '', /prepaid 1030\.00 exceeds the total 804\.86/);
});

void test('XRechnung 01.01a "Zahlbar sofort" derives the issue date', async () => {
  for (const file of [
    'xrechnung-testsuite/01.01a-INVOICE_ubl.xml',
    'xrechnung-testsuite/01.01a-INVOICE_uncefact.xml',
  ]) {
    const e = await read(file);
    assert.equal(e.dueDate, e.issueDate);
    assert.equal(e.dueDateSource, 'derived');
    assert.match(e.notes.join(), /immediately/);
  }
});

void test('XRechnung 01.15a: payment id 0000123456, due 2018-01-10 (the Skonto days are not the due date)', async () => {
  const e = await read('xrechnung-testsuite/01.15a-INVOICE_ubl.xml');
  assert.equal(e.paymentReference, '0000123456');
  assert.equal(e.dueDate, '2018-01-10');
  assert.equal(e.dueDateSource, 'explicit');
});

void test('XRechnung Skonto lines are cash discounts, not due dates', async () => {
  const e = await read('xrechnung-testsuite/01.10a-INVOICE_uncefact.xml');
  assert.equal(e.dueDateSource, 'missing');
  assert.equal(e.dueDate, null);
  assert.match(e.terms ?? '', /^#SKONTO#TAGE=7#PROZENT=2\.00#/);
});

void test('corrected (384), self-billed (389) and construction (877) invoices are invoices', async () => {
  const corrected = await read('xrechnung-testsuite/01.18a-INVOICE_uncefact.xml');
  assert.deepEqual(
    [corrected.kind, corrected.typeCode, corrected.correctsNumber],
    ['invoice', '384', 'PRG1502168'],
  );
  const selfBilled = await read('xrechnung-testsuite/01.20a-INVOICE_ubl.xml');
  assert.deepEqual(
    [selfBilled.kind, selfBilled.typeCode, selfBilled.poNumber],
    ['invoice', '389', 'Bestellung XRechnung'],
  );
  const construction = await read('xrechnung-testsuite/04.04a-INVOICE_ubl.xml');
  assert.deepEqual(
    [construction.kind, construction.typeCode, construction.notes.length],
    ['invoice', '877', 1],
  );
});

void test('HTML markup in the payment terms is stripped (horstoeko issue 268)', async () => {
  const e = await read('horstoeko-zugferd/xml_issue_268.xml');
  assert.equal(
    e.terms,
    'Bitte geben Sie bei jeder Zahlung immer die Kundennummer und die Abrechnungsnummer an. »Ihr Zahlungsziel beträgt: ' +
      '010 Tage nach Rechnungsdatum. Die Abbuchung erfolgt am: Montag, 10.03.2025',
  );
});

void test('buyer email: the contact email (BT-58) wins over the electronic address (BT-49)', async () => {
  assert.equal(
    (await read('en16931-cef/cii__CII_example5.xml')).buyer.email,
    'john.hansen@buyercompany.dk',
  );
  assert.equal((await read('horstoeko-zugferd/xml_en16931_3.xml')).buyer.email, 'buyer@buyer.com');
  // No contact email: the EM-scheme endpoint is used.
  assert.equal((await read('horstoeko-zugferd/xml_extended_2.xml')).buyer.email, 'me@buyer.com');
});

void test('EXTENDED profile: prepaid 10.00 leaves 100.00, preceding invoice F20200003', async () => {
  const e = await read('horstoeko-zugferd/xml_extended_2.xml');
  assert.deepEqual(
    [e.total, e.prepaid, e.payable, e.correctsNumber],
    [11000n, 1000n, 10000n, 'F20200003'],
  );
});

void test('payment terms with days after receipt count from the issue date, with a note', async () => {
  const e = await read('xrechnung-testsuite/04.01a-INVOICE_ubl.xml');
  assert.equal(e.dueDate, '2019-05-29');
  assert.match(e.notes.join(), /14 Tagen nach Erhalt/);
});
