// Helpers for this folder's tests: run a reader over text or bytes and split the results.
import { Readable } from 'node:stream';
import type { InputProblem } from '../../core/ledger.ts';
import type { CsvImportOptions, CsvItem } from './options.ts';

type Reader<T> = (input: Readable, options: CsvImportOptions) => AsyncIterable<CsvItem<T>>;

/** Everything a reader produced from `content`, fed in small chunks to exercise chunk edges. */
export async function readAll<T>(
  reader: Reader<T>,
  content: string | Buffer,
  options: Partial<CsvImportOptions> = {},
): Promise<{ records: { line: number; record: T }[]; problems: InputProblem[]; skipped: [number, string][] }> {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += 7) chunks.push(bytes.subarray(i, i + 7));
  const skipped: [number, string][] = [];
  const records: { line: number; record: T }[] = [];
  const problems: InputProblem[] = [];
  const opts: CsvImportOptions = { file: 'test.csv', onSkip: (line, reason) => skipped.push([line, reason]), ...options };
  for await (const item of reader(Readable.from(chunks), opts)) {
    if (item.kind === 'record') records.push({ line: item.line, record: item.record });
    else problems.push(item.problem);
  }
  return { records, problems, skipped };
}
