// The two outward shapes: the ledger's InvoiceRecord and the dry-run JSON other tools read.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFixture } from '../../../test/fixtures.ts';
import {
  parseEInvoice,
  toDryRunJson,
  toInvoiceRecord,
  type EInvoice,
  type EInvoiceResult,
} from './index.ts';

async function parse(file: string): Promise<EInvoiceResult> {
  return parseEInvoice(readFixture(`einvoices/${file}`), file);
}

async function invoice(file: string): Promise<EInvoice> {
  const result = await parse(file);
  assert.ok(result.ok);
  return result.invoice;
}

void test('toInvoiceRecord maps the e-invoice onto the import record', async () => {
  const record = toInvoiceRecord(await invoice('en16931-cef/ubl__ubl-tc434-example5.xml'));
  assert.deepEqual(record, {
    number: 'TOSL110',
    kind: 'invoice',
    accountRef: '5790000436057',
    accountName: 'Buyercompany ltd',
    currency: 'DKK',
    issueDate: '2013-04-10',
    dueDate: '2013-05-10',
    dueDateSource: 'explicit',
    totalMinor: 467500n,
    openMinor: 233750n,
    paymentReference: 'Payref1',
    poNumber: 'PO4711',
    terms: '50% prepaid, 50% within one month',
    correctsNumber: 'TOSL109',
    buyerEmail: 'john.hansen@buyercompany.dk',
    country: 'DK',
    instalments: [],
  });
});

void test('accountRef falls back from buyer id to email to name', () => {
  const base = { name: 'Buyer AG', email: 'ap@buyer.example', id: 'B-1', country: 'DE' };
  const e = { buyer: base } as unknown as EInvoice;
  assert.equal(toInvoiceRecord(e).accountRef, 'B-1');
  assert.equal(
    toInvoiceRecord({ ...e, buyer: { ...base, id: null } }).accountRef,
    'ap@buyer.example',
  );
  const nameOnly = toInvoiceRecord({ ...e, buyer: { ...base, id: null, email: null } });
  assert.deepEqual([nameOnly.accountRef, nameOnly.accountName], ['Buyer AG', 'Buyer AG']);
});

void test('dry-run JSON of a parsed file has exactly the agreed shape', async () => {
  const file = 'en16931-cef/cii__CII_business_example_01.xml';
  const json = toDryRunJson(file, await parse(file));
  assert.deepEqual(json, {
    file,
    ok: true,
    invoice: {
      number: 'TOSL108',
      kind: 'invoice',
      currency: 'NOK',
      issueDate: '2013-06-30',
      dueDate: '2013-07-20',
      dueDateSource: 'explicit',
      total: '1801.78',
      payable: '801.78',
      paymentReference: '0003434323213231',
      buyer: { name: 'The Buyercompany', email: 'john@buyercompany.no' },
    },
  });
  // Plain JSON: no bigints, no undefined, key order as agreed.
  assert.equal(
    JSON.stringify(json),
    `{"file":"${file}","ok":true,"invoice":{"number":"TOSL108","kind":"invoice","currency":"NOK","issueDate":"2013-06-30",` +
      `"dueDate":"2013-07-20","dueDateSource":"explicit","total":"1801.78","payable":"801.78",` +
      `"paymentReference":"0003434323213231","buyer":{"name":"The Buyercompany","email":"john@buyercompany.no"}}}`,
  );
});

void test('dry-run JSON uses null for absent values and carries errors as {message, where}', async () => {
  const noDue = toDryRunJson('cn.xml', await parse('en16931-cef/ubl__ubl-tc434-example9.xml'));
  assert.ok(noDue.ok);
  assert.equal(noDue.invoice.buyer.email, null);
  const rejected = toDryRunJson('o.xml', await parse('en16931-cef/cii__XRechnung-O.xml'));
  assert.deepEqual(Object.keys(rejected), ['file', 'ok', 'error']);
  assert.deepEqual(Object.keys(rejected.ok ? {} : rejected.error), ['message', 'where']);
  assert.equal(JSON.stringify(rejected).includes('"ok":false'), true);
});
