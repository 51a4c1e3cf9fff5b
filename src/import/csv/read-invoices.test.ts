import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readInvoiceCsv } from './read-invoices.ts';
import { readAll } from './test-support.ts';
import type { CsvImportOptions } from './options.ts';

const read = (content: string | Buffer, options: Partial<CsvImportOptions> = {}) => readAll(readInvoiceCsv, content, options);

test('xero preset: invoice export with one row per line item gives one record per invoice', async () => {
  const csv = [
    'ContactName,EmailAddress,POCountry,InvoiceNumber,Reference,InvoiceDate,DueDate,Total,TaxTotal,InvoiceAmountPaid,InvoiceAmountDue,Description,Quantity,UnitAmount,LineAmount,Currency,Type,Sent,Status',
    'Barney Rubble,ap@rubble.example,nz,INV-0002,Red Fish,20/10/2018,30/12/2018,46.00,6.00,10.00,36.00,Fish,1,20.00,20.00,NZD,Sales invoice,Sent,Awaiting Payment',
    'Barney Rubble,ap@rubble.example,nz,INV-0002,Red Fish,20/10/2018,30/12/2018,46.00,6.00,10.00,36.00,More fish,1,20.00,20.00,NZD,Sales invoice,Sent,Awaiting Payment',
    'Fred Flintstone,,,CN-0001,,21/10/2018,21/10/2018,-15.50,0.00,0.00,-15.50,Refund,1,-15.50,-15.50,NZD,Sales credit note,Sent,Awaiting Payment',
  ].join('\n');
  const { records, problems } = await read(csv, { preset: 'xero' });
  assert.deepEqual(problems, []);
  assert.equal(records.length, 2);
  assert.deepEqual(records[0], {
    line: 2,
    record: {
      number: 'INV-0002', kind: 'invoice', accountRef: 'Barney Rubble', accountName: 'Barney Rubble', currency: 'NZD',
      issueDate: '2018-10-20', dueDate: '2018-12-30', dueDateSource: 'explicit', totalMinor: 4600n, openMinor: 3600n,
      paymentReference: null, poNumber: 'Red Fish', terms: null, correctsNumber: null, buyerEmail: 'ap@rubble.example',
      country: 'NZ', instalments: [],
    },
  });
  assert.equal(records[1]?.record.kind, 'credit_note');
  assert.equal(records[1]?.record.totalMinor, 1550n);
  assert.equal(records[1]?.record.openMinor, 1550n);
});

test('xero preset: aged receivables by contact (one account given, Due as open, dates with time)', async () => {
  const csv = 'Date,Number,Due Date,,Total,Paid,Credited,Due\n' +
    '2018-05-13 00:00:00,IV1242016,2018-06-22 00:00:00,,"1,000.00",250.00,0.00,750.00\n' +
    ',,,,,,,\n' +
    'Total,,,,"1,000.00",250.00,0.00,750.00\n';
  const { records, problems, skipped } = await read(csv, { preset: 'xero', defaultCurrency: 'AUD', account: { ref: 'C-17', name: 'ABC' } });
  assert.deepEqual(problems, []);
  assert.deepEqual(records.map((r) => [r.line, r.record.number, r.record.accountRef, r.record.accountName, r.record.totalMinor, r.record.openMinor, r.record.dueDate]),
    [[2, 'IV1242016', 'C-17', 'ABC', 100000n, 75000n, '2018-06-22']]);
  assert.deepEqual(skipped, [[4, 'summary row "Total"']]);
});

test('qbo preset: A/R aging detail with title lines, sections, payments and totals', async () => {
  const csv = [
    'Craig\'s Design and Landscaping Services',
    'A/R Aging Detail',
    'As of March 14, 2024',
    '',
    ',Date,Transaction Type,Num,Customer,Due Date,Past Due,Amount,Open Balance',
    'Current,,,,,,,,',
    ',03/01/2024,Invoice,1037,Sonnenschein Family Store,03/31/2024,0,"$1,362.35","$1,362.35"',
    'Total for Current,,,,,,,"$1,362.35","$1,362.35"',
    '1 - 30 days past due,,,,,,,,',
    ',02/13/2024,Invoice,1036,Freeman Sporting Goods:0969 Ocean View Road,02/13/2024,30,$477.50,$200.00',
    ',02/20/2024,Credit Memo,1040,Freeman Sporting Goods:0969 Ocean View Road,02/20/2024,23,-$50.00,-$50.00',
    ',02/25/2024,Payment,,Freeman Sporting Goods:0969 Ocean View Road,,,-$10.00,-$10.00',
    'TOTAL,,,,,,,"$1,779.85","$1,502.35"',
    '',
    '"Thursday, Mar 14, 2024 10:03:45 AM GMT-07:00"',
  ].join('\r\n');
  const { records, problems, skipped } = await read(csv, { preset: 'qbo', defaultCurrency: 'USD' });
  assert.deepEqual(problems, []);
  assert.deepEqual(records.map((r) => [r.line, r.record.number, r.record.kind, r.record.issueDate, r.record.dueDate, r.record.totalMinor, r.record.openMinor]), [
    [7, '1037', 'invoice', '2024-03-01', '2024-03-31', 136235n, 136235n],
    [10, '1036', 'invoice', '2024-02-13', '2024-02-13', 47750n, 20000n],
    [11, '1040', 'credit_note', '2024-02-20', '2024-02-20', 5000n, 5000n],
  ]);
  assert.deepEqual(skipped.map(([line]) => line), [6, 8, 9, 12, 13, 15]);
});

test('generic preset: German semicolon export with comma decimals, DD.MM.YYYY, BOM and CRLF', async () => {
  const csv = '\uFEFFRechnungsnummer;Kunde;Rechnungsdatum;Fällig am;Betrag;Offen;Währung\r\n' +
    'R-2024-001;Müller GmbH;12.03.2024;11.04.2024;1.234,56;234,56;EUR\r\n' +
    'R-2024-002;"Schmidt; Söhne";01.03.2024;31.03.2024;500;500;eur\r\n' +
    'R-2024-003;Weber AG;01.03.2024;31.03.2024;1.500;1.500;EUR\r\n';
  const { records, problems } = await read(csv);
  assert.deepEqual(problems, []);
  assert.deepEqual(records.map((r) => [r.line, r.record.number, r.record.accountName, r.record.issueDate, r.record.dueDate, r.record.totalMinor, r.record.openMinor, r.record.currency]), [
    [2, 'R-2024-001', 'Müller GmbH', '2024-03-12', '2024-04-11', 123456n, 23456n, 'EUR'],
    [3, 'R-2024-002', 'Schmidt; Söhne', '2024-03-01', '2024-03-31', 50000n, 50000n, 'EUR'],
    [4, 'R-2024-003', 'Weber AG', '2024-03-01', '2024-03-31', 150000n, 150000n, 'EUR'],
  ]);
});

test('mapping, paid without open, default due days, tab delimiter', async () => {
  const csv = 'Doc\tClient Code\tWhen\tGross\tSettled\n' + 'A-1\tK9\t2024-01-10\t100.00\t40.00\n';
  const { records, problems } = await read(csv, {
    mapping: { number: 'doc', accountRef: 'CLIENT CODE', issueDate: 'When', total: 'Gross', paid: 'settled' },
    defaultCurrency: 'GBP', defaultDueDays: 30,
  });
  assert.deepEqual(problems, []);
  assert.deepEqual(records.map((r) => [r.record.accountRef, r.record.dueDate, r.record.dueDateSource, r.record.openMinor]),
    [['K9', '2024-02-09', 'derived', 6000n]]);
});

test('the decimal style is fixed by the first unambiguous value', async () => {
  const csv = 'Number,Customer,Date,Due Date,Amount,Currency\n' +
    'A,X,2024-01-01,2024-01-31,"1,234",EUR\n' +
    'B,X,2024-01-01,2024-01-31,"2,50",EUR\n' +
    'C,X,2024-01-01,2024-01-31,1.234,EUR\n' +
    'D,X,2024-01-01,2024-01-31,"1,234.00",EUR\n';
  const { records, problems } = await read(csv);
  assert.deepEqual(problems.map((p) => [p.where, p.field]), [['line 2', 'Amount'], ['line 5', 'Amount']]);
  assert.match(problems[0]?.reason ?? '', /--decimal dot or --decimal comma/);
  assert.match(problems[1]?.reason ?? '', /comma decimals/);
  assert.deepEqual(records.map((r) => [r.record.number, r.record.totalMinor]), [['B', 250n], ['C', 123400n]]);
});

test('the date order is fixed by the first date with a day above 12', async () => {
  const csv = 'Number,Customer,Date,Due Date,Amount,Currency\n' +
    'A,X,03/04/2024,03/05/2024,1,EUR\n' +
    'B,X,13/04/2024,03/05/2024,1,EUR\n' +
    'C,X,03/04/2024,03/05/2024,1,EUR\n';
  const { records, problems } = await read(csv);
  assert.deepEqual(problems.map((p) => [p.where, p.field]), [['line 2', 'Date'], ['line 2', 'Due Date']]);
  assert.match(problems[0]?.reason ?? '', /--date-order dmy or --date-order mdy/);
  assert.deepEqual(records.map((r) => [r.record.number, r.record.issueDate, r.record.dueDate]),
    [['B', '2024-04-13', '2024-05-03'], ['C', '2024-04-03', '2024-05-03']]);
});

const header = 'Invoice Number,Customer,Invoice Date,Due Date,Total,Open,Currency,Type';
type BadCase = { name: string; rows: string[]; line: number; field: string | null; reason: RegExp; options?: Partial<CsvImportOptions> };
const bad: BadCase[] = [
  { name: 'too few fields', rows: ['A,X,2024-01-01,2024-01-31,10,10,EUR'], line: 2, field: null, reason: /7 fields but the header has 8/ },
  { name: 'too many fields', rows: ['A,X,2024-01-01,2024-01-31,10,10,EUR,Invoice,extra'], line: 2, field: null, reason: /9 fields/ },
  { name: 'unknown currency', rows: ['A,X,2024-01-01,2024-01-31,10,10,EUX,'], line: 2, field: 'Currency', reason: /"EUX" is not an ISO 4217/ },
  { name: 'amount beyond maxMinor', rows: ['A,X,2024-01-01,2024-01-31,90071992547409.92,1,EUR,'], line: 2, field: 'Total', reason: /beyond the largest amount/ },
  { name: 'too many decimals', rows: ['A,X,2024-01-01,2024-01-31,10.001,1,EUR,'], line: 2, field: 'Total', reason: /more than 2 decimal places/, options: { decimal: 'dot' } },
  { name: 'due before issue', rows: ['A,X,2024-02-01,2024-01-31,10,10,EUR,'], line: 2, field: 'Due Date', reason: /before the issue date/ },
  { name: 'missing number', rows: [',X,2024-01-01,2024-01-31,10,10,EUR,'], line: 2, field: 'Invoice Number', reason: /number is missing/ },
  { name: 'missing due date', rows: ['A,X,2024-01-01,,10,10,EUR,'], line: 2, field: 'Due Date', reason: /dueDate is missing/ },
  { name: 'impossible date', rows: ['A,X,2024-02-30,2024-03-31,10,10,EUR,'], line: 2, field: 'Invoice Date', reason: /not a real date/ },
  { name: 'negative invoice total', rows: ['A,X,2024-01-01,2024-01-31,-10,-10,EUR,Invoice'], line: 2, field: 'Total', reason: /negative amount "-10" for an invoice/ },
  { name: 'unknown type', rows: ['A,X,2024-01-01,2024-01-31,10,10,EUR,Quote'], line: 2, field: 'Type', reason: /neither an invoice nor a credit note/ },
  { name: 'not a number', rows: ['A,X,2024-01-01,2024-01-31,ten,10,EUR,'], line: 2, field: 'Total', reason: /"ten" is not a number/ },
  { name: 'same number, other content', rows: ['A,X,2024-01-01,2024-01-31,10,10,EUR,', 'A,X,2024-01-01,2024-01-31,11,11,EUR,'], line: 3, field: 'Invoice Number', reason: /"A" already appeared on line 2 with different content/ },
  { name: 'bad quoting', rows: ['A,X,2024-01-01,2024-01-31,10,10,EUR,', 'B,"X"Y,2024-01-01,2024-01-31,10,10,EUR,', 'C,X,2024-01-01,2024-01-31,10,10,EUR,'], line: 3, field: 'Customer', reason: /bad quoting.*reading stopped/ },
  { name: 'unclosed quote', rows: ['A,X,2024-01-01,2024-01-31,10,10,EUR,', 'B,"X,2024-01-01,2024-01-31,10,10,EUR,', 'C,X,2024-01-01,2024-01-31,10,10,EUR,'], line: 3, field: 'Customer', reason: /never closed/ },
];
for (const c of bad) {
  test(`problem: ${c.name} -> line ${c.line}, field ${c.field}`, async () => {
    const { problems } = await read([header, ...c.rows].join('\n') + '\n', c.options ?? {});
    assert.equal(problems.length, 1, JSON.stringify(problems));
    const [p] = problems;
    assert.equal(p?.file, 'test.csv');
    assert.equal(p?.where, `line ${c.line}`);
    assert.equal(p?.field, c.field);
    assert.match(p?.reason ?? '', c.reason);
  });
}

test('reading continues after row problems; identical duplicates come once', async () => {
  const rows = ['A,X,2024-01-01,2024-01-31,10,10,EUR,', 'B,X,2024-01-01', 'A,X,2024-01-01,2024-01-31,10,10,EUR,', '"C\nmulti",X,2024-01-01,2024-01-31,1,1,EUR,', 'D,X,2024-13-01,2024-01-31,1,1,EUR,'];
  const { records, problems } = await read([header, ...rows].join('\r\n'));
  assert.deepEqual(records.map((r) => [r.line, r.record.number]), [[2, 'A'], [5, 'C\nmulti']]);
  assert.deepEqual(problems.map((p) => [p.where, p.field]), [['line 3', null], ['line 7', 'Invoice Date']]);
});

test('a missing required column is one problem on the header line, and reading stops', async () => {
  const { records, problems } = await read('Invoice Number,Customer,Invoice Date,Total\nA,X,2024-01-01,10\n');
  assert.deepEqual(records, []);
  assert.deepEqual(problems.map((p) => [p.where, p.field]), [['line 1', 'currency'], ['line 1', 'dueDate']]);
  assert.match(problems[1]?.reason ?? '', /looked for "Due Date".*--due-days/);
});

test('a mapped column absent from the header is named', async () => {
  const { problems } = await read(header + '\n', { mapping: { total: 'Brutto' } });
  assert.deepEqual(problems.map((p) => [p.where, p.field, p.reason]), [['line 1', 'total', 'the mapping names column "Brutto" for total, but the header has no such column']]);
});

test('a bad default currency is refused before reading', async () => {
  await assert.rejects(read(header + '\n', { defaultCurrency: 'XYZ' }), { code: 'invalid_input' });
});
