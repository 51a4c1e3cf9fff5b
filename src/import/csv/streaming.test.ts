import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { readInvoiceCsv } from './read-invoices.ts';

const rows = 200_000;

// Generates the file lazily, 1,000 lines a chunk, so the test never holds it whole.
async function* generated(): AsyncGenerator<Buffer> {
  yield Buffer.from('Invoice Number;Customer;Invoice Date;Due Date;Total;Open;Currency\r\n');
  for (let start = 1; start <= rows; start += 1000) {
    let chunk = '';
    for (let i = start; i < start + 1000 && i <= rows; i++) {
      chunk += `INV-${i};"Customer ${i % 977}";01.03.2024;31.03.2024;${i},${String(i % 100).padStart(2, '0')};${i % 7},50;EUR\r\n`;
    }
    yield Buffer.from(chunk);
  }
}

test(`streams a ${rows}-row file record by record`, async () => {
  let count = 0;
  let last: { line: number; number: string; total: bigint; open: bigint } | null = null;
  let lastProgress = 0;
  for await (const item of readInvoiceCsv(Readable.from(generated()), { file: 'big.csv', onProgress: (b) => (lastProgress = b) })) {
    assert.equal(item.kind, 'record');
    if (item.kind !== 'record') continue;
    count += 1;
    last = { line: item.line, number: item.record.number, total: item.record.totalMinor, open: item.record.openMinor };
  }
  assert.equal(count, rows);
  assert.deepEqual(last, { line: rows + 1, number: `INV-${rows}`, total: BigInt(rows) * 100n + BigInt(rows % 100), open: BigInt(rows % 7) * 100n + 50n });
  assert.ok(lastProgress > rows * 40);
});
