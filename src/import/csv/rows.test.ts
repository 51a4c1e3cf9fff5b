import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { readRawBatches } from './rows.ts';

// Plain lines are split without csv-parse; whatever the file holds, the records must be the
// ones csv-parse gives, with the same starting lines, however the bytes are chunked.
async function records(text: string, chunk: number): Promise<[number, readonly string[]][]> {
  const bytes = Buffer.from(text, 'utf8');
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunk) chunks.push(bytes.subarray(i, i + chunk));
  const out: [number, readonly string[]][] = [];
  for await (const batch of readRawBatches(Readable.from(chunks), { delimiter: ',', encoding: 'utf-8', onProgress: () => undefined })) {
    for (const e of batch) if (e.kind === 'record') out.push([e.line, e.cells]);
    else assert.notEqual(e.kind, 'broken');
  }
  return out;
}

function expected(text: string): [number, readonly string[]][] {
  const rows: string[][] = parse(text, { delimiter: ',', relax_column_count: true });
  let line = 1;
  return rows.map((cells) => {
    const at = line;
    line += 1 + cells.reduce((n, c) => n + (c.match(/\r\n|\r|\n/g)?.length ?? 0), 0);
    return [at, cells];
  });
}

const cases: [string, string][] = [
  ['plain, trailing line break', 'a,b,c\n1,2,3\n4,5,6\n'],
  ['plain, no trailing line break', 'a,b\n1,2\n3,4'],
  ['empty and blank lines', 'a,b\n\n1,2\n \n,\n\n'],
  ['empty lines first', '\n\na,b\n1,2\n'],
  ['quotes after plain lines', 'a,b\n1,2\n"x\ny",3\n4,"5"\n6,7\n'],
  ['CRLF after plain lines: the record delimiter stays \\n', 'a,b\n1,2\n3,4\r\n5,6\n'],
  ['CRLF from the start', 'a,b\r\n1,2\r\n"3\r\n4",5\r\n'],
  ['a lone CR in a field', 'a,b\n1\r2,3\n'],
  ['non-ASCII and emoji', 'a,b\nMüller,1\n😀,2\nÅ,3\n'],
  ['quote right at the start', '"a",b\n1,2\n'],
];

for (const [name, text] of cases) {
  test(`raw records like csv-parse: ${name}`, async () => {
    for (const chunk of [1, 3, 7, 1 << 16]) assert.deepEqual(await records(text, chunk), expected(text), `chunks of ${chunk}`);
  });
}

test('raw records like csv-parse: a long file with a quote far in', async () => {
  const lines = Array.from({ length: 5000 }, (_, i) => `N-${i},Customer ${i % 97},2024-01-01,${i}.50`);
  lines[4000] = 'N-4000,"Quoted, Inc.",2024-01-01,1.00';
  const text = `Number,Customer,Date,Total\n${lines.join('\n')}\n`;
  assert.deepEqual(await records(text, 4096), expected(text));
});
