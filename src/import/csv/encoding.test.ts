import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { readInvoiceCsv } from './read-invoices.ts';
import { readAll } from './test-support.ts';

const text = 'Rechnungsnummer;Kunde;Datum;Fällig am;Betrag\r\nR-1;Müller & Söhne – Köln;01.03.2024;31.03.2024;1.234,50 €\r\n';
const expectName = 'Müller & Söhne – Köln';

const encodings: [string, Buffer][] = [
  ['UTF-8', Buffer.from(text, 'utf8')],
  ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])],
  ['UTF-16 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16-le')])],
  ['UTF-16 BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf16-be')])],
  ['Windows-1252', iconv.encode(text, 'win1252')],
];

for (const [name, bytes] of encodings) {
  test(`decodes ${name}`, async () => {
    const { records, problems } = await readAll(readInvoiceCsv, bytes, { defaultCurrency: 'EUR' });
    assert.deepEqual(problems, []);
    assert.deepEqual(records.map((r) => [r.line, r.record.accountName, r.record.totalMinor]), [[2, expectName, 123450n]]);
  });
}

test('Windows-1252 whose first non-ASCII byte comes late is still detected', async () => {
  const rows = Array.from({ length: 500 }, (_, i) => `R-${i};Kunde ${i};01.03.2024;31.03.2024;10,00`).join('\r\n');
  const bytes = iconv.encode(`Rechnungsnummer;Kunde;Datum;Faellig am;Betrag\r\n${rows}\r\nR-X;Grün;01.03.2024;31.03.2024;1,00\r\n`, 'win1252');
  const { records, problems } = await readAll(readInvoiceCsv, bytes, { defaultCurrency: 'EUR' });
  assert.deepEqual(problems, []);
  assert.equal(records.at(-1)?.record.accountName, 'Grün');
});

test('invalid UTF-8 after UTF-8 text is a problem on its line and column', async () => {
  const bytes = Buffer.concat([
    Buffer.from('Rechnungsnummer;Kunde;Datum;Fällig am;Betrag\nR-1;Jürgen;01.03.2024;31.03.2024;1,00\nR-2;', 'utf8'),
    Buffer.from([0x47, 0x72, 0xfc, 0x6e]),
    Buffer.from(';01.03.2024;31.03.2024;1,00\n', 'utf8'),
  ]);
  const { records, problems } = await readAll(readInvoiceCsv, bytes, { defaultCurrency: 'EUR' });
  assert.equal(records.length, 1);
  assert.deepEqual(problems.map((p) => [p.where, p.field]), [['line 3', 'Kunde']]);
  assert.match(problems[0]?.reason ?? '', /not valid UTF-8/);
});

test('progress reports the bytes read so far, ending at the file size', async () => {
  const seen: number[] = [];
  const bytes = Buffer.from(text, 'utf8');
  await readAll(readInvoiceCsv, bytes, { defaultCurrency: 'EUR', onProgress: (n) => seen.push(n) });
  assert.equal(seen.at(-1), bytes.length);
  assert.ok(seen.every((n, i) => i === 0 || n > (seen[i - 1] ?? 0)));
});
