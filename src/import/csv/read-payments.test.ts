import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readPaymentCsv } from './read-payments.ts';
import { readAll } from './test-support.ts';
import type { CsvImportOptions } from './options.ts';

const read = (content: string, options: Partial<CsvImportOptions> = {}) => readAll(readPaymentCsv, content, options);

test('payments with refs, invoice numbers and a semicolon layout', async () => {
  const csv = 'Payment ID;Customer Number;Invoice Number;Payment Date;Amount;Currency;Reference\n' +
    'P-1;K-100;R-2024-001;15.03.2024;1.234,56;EUR;RE R-2024-001\n' +
    'P-2;;;16.03.2024;50;EUR;\n' +
    'P-1;K-100;R-2024-001;15.03.2024;1.234,56;EUR;RE R-2024-001\n';
  const { records, problems } = await read(csv);
  assert.deepEqual(problems, []);
  assert.deepEqual(records, [
    { line: 2, record: { ref: 'P-1', accountRef: 'K-100', invoiceNumber: 'R-2024-001', currency: 'EUR', amountMinor: 123456n, receivedOn: '2024-03-15', reference: 'RE R-2024-001' } },
    { line: 3, record: { ref: 'P-2', accountRef: null, invoiceNumber: null, currency: 'EUR', amountMinor: 5000n, receivedOn: '2024-03-16', reference: null } },
  ]);
});

test('without a ref column, refs come from content and repeat on a re-read', async () => {
  const csv = 'Date,Amount,Memo\n2024-03-01,10.00,INV-1\n2024-03-01,10.00,INV-1\n2024-03-02,5.00,INV-2\n';
  const first = await read(csv, { defaultCurrency: 'USD' });
  const second = await read(csv, { defaultCurrency: 'USD' });
  const refs = first.records.map((r) => r.record.ref);
  assert.equal(new Set(refs).size, 3);
  assert.deepEqual(second.records.map((r) => r.record.ref), refs);
});

const header = 'Payment ID,Invoice,Date,Amount,Currency';
const bad: [name: string, rows: string[], line: number, field: string | null, reason: RegExp][] = [
  ['negative amount', ['P-1,A,2024-03-01,-5.00,EUR'], 2, 'Amount', /not positive/],
  ['unknown currency', ['P-1,A,2024-03-01,5.00,XXY'], 2, 'Currency', /ISO 4217/],
  ['missing date', ['P-1,A,,5.00,EUR'], 2, 'Date', /receivedOn is missing/],
  ['same ref, other content', ['P-1,A,2024-03-01,5.00,EUR', 'P-1,A,2024-03-01,6.00,EUR'], 3, 'Payment ID', /already appeared on line 2/],
  ['wrong field count', ['P-1,A,2024-03-01'], 2, null, /3 fields but the header has 5/],
];
for (const [name, rows, line, field, reason] of bad) {
  test(`payment problem: ${name}`, async () => {
    const { problems } = await read([header, ...rows].join('\n'));
    assert.deepEqual(problems.map((p) => [p.where, p.field]), [[`line ${line}`, field]]);
    assert.match(problems[0]?.reason ?? '', reason);
  });
}
