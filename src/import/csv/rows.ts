import { Readable, pipeline } from 'node:stream';
import { parse, type CsvError } from 'csv-parse';
import { decodeText, type CsvEncoding } from './decode.ts';
import type { CsvDelimiter } from './options.ts';

/** One physical record of a CSV file, or the point where the file stops being CSV. */
export type RawEvent =
  | { readonly kind: 'start'; readonly delimiter: string }
  | { readonly kind: 'record'; readonly line: number; readonly cells: readonly string[] }
  | { readonly kind: 'broken'; readonly line: number; readonly column: number | null; readonly reason: string };

const candidates = [',', ';', '\t', '|'] as const;
const sniffLimit = 64 * 1024;
const maxRecordChars = 1 << 20;

/**
 * Splits a byte stream into records with their 1-based starting line (a quoted field
 * with line breaks spans several lines), in batches: one per chunk of text, so a large file
 * costs one async step per chunk rather than per record. Bad quoting ends the stream with a
 * 'broken' event: after it, csv-parse cannot reliably tell where the next record starts.
 *
 * Lines without quotes, carriage returns or lone surrogates are split at the delimiter here,
 * which is exactly what csv-parse makes of them, at a fraction of its cost (it walks every
 * byte through its state machine). From the first line that has one of those, csv-parse
 * reads the rest of the file.
 */
export async function* readRawBatches(
  input: AsyncIterable<Buffer | Uint8Array | string>,
  options: { delimiter: CsvDelimiter; encoding: CsvEncoding; onProgress: (bytes: number) => void },
): AsyncGenerator<RawEvent[]> {
  let bytes = 0;
  const text = decodeText(input, options.encoding, (n) => options.onProgress((bytes += n)));
  const head: string[] = [];
  let headLength = 0;
  // Read just enough to sniff the delimiter; a for-await break would close the generator.
  while (headLength < sniffLimit && !/[,;\t|][^\n]*\n/.test(head.at(-1) ?? '')) {
    const next = await text.next();
    if (next.done === true) break;
    head.push(next.value);
    headLength += next.value.length;
  }
  const delimiter = options.delimiter === 'auto' ? sniffDelimiter(head.join('')) : options.delimiter;
  yield [{ kind: 'start', delimiter }];

  let line = 1;
  let carry = '';
  let rest: string | null = null;
  for (;;) {
    let chunk = head.shift();
    if (chunk === undefined) {
      const next = await text.next();
      if (next.done === true) break;
      chunk = next.value;
    }
    const data = carry + chunk;
    const special = data.search(needsParser);
    // Only whole lines before the first one that needs csv-parse are split here.
    const end = special === -1 ? data.length : data.lastIndexOf('\n', special) + 1;
    const batch: RawEvent[] = [];
    let start = 0;
    for (let nl = data.indexOf('\n'); nl !== -1 && nl < end && nl - start <= maxSimpleLine; nl = data.indexOf('\n', start)) {
      batch.push({ kind: 'record', line: line++, cells: data.slice(start, nl).split(delimiter) });
      start = nl + 1;
    }
    if (special !== -1 || data.length - start > maxSimpleLine) rest = data.slice(start) + head.join('');
    else carry = data.slice(start);
    if (batch.length > 0) yield batch;
    if (rest !== null) break;
  }
  if (rest === null) {
    // The last line, without a line break after it.
    if (carry !== '') yield [{ kind: 'record', line, cells: carry.split(delimiter) }];
    return;
  }
  // A line split here ended with '\n', which csv-parse would have taken as the record delimiter.
  yield* parseRest(rest, text, delimiter, line, line > 1 ? '\n' : null);
}

// What csv-parse must read: quotes, carriage returns (a record delimiter other than '\n', or
// part of a field), and lone surrogates (it turns them into U+FFFD, which the table reports).
const needsParser = /["\r]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const maxSimpleLine = 64 * 1024;

async function* parseRest(first: string, text: AsyncGenerator<string>, delimiter: string, startLine: number, recordDelimiter: string | null): AsyncGenerator<RawEvent[]> {
  const skipped: { before: number; error: CsvError }[] = [];
  const parser = parse({
    delimiter,
    ...(recordDelimiter === null ? {} : { record_delimiter: recordDelimiter }),
    relax_column_count: true,
    skip_records_with_error: true,
    max_record_size: maxRecordChars,
    on_skip: (error) => {
      if (error) skipped.push({ before: typeof error.records === 'number' ? error.records : parser.info.records, error });
      return undefined;
    },
  });
  async function* source(): AsyncGenerator<string> {
    if (first !== '') yield first;
    yield* text;
  }
  // Errors of the source (an unreadable file) reach the loop below through the parser.
  pipeline(Readable.from(source()), parser, () => undefined);

  let line = startLine;
  let consumed = 0;
  for await (const cells of parser as AsyncIterable<string[]>) {
    const broken = skipped[0];
    if (broken !== undefined && broken.before <= consumed) {
      yield [brokenEvent(line, broken.error)];
      return;
    }
    consumed += 1;
    yield [{ kind: 'record', line, cells }];
    line += 1 + cells.reduce((n, cell) => n + lineBreaks(cell), 0);
  }
  const broken = skipped[0];
  if (broken !== undefined) yield [brokenEvent(line, broken.error)];
}

function brokenEvent(line: number, error: CsvError): RawEvent {
  const column = typeof error.column === 'number' ? error.column : null;
  return { kind: 'broken', line, column, reason: quotingReason(error) };
}

function quotingReason(error: CsvError): string {
  const stop = 'reading stopped here, because the rest of the file cannot be split into rows reliably';
  switch (error.code) {
    case 'CSV_INVALID_CLOSING_QUOTE':
      return `bad quoting: a quoted field is followed by text before the next delimiter; ${stop}`;
    case 'CSV_QUOTE_NOT_CLOSED':
      return `bad quoting: a quote opened in this row is never closed; ${stop}`;
    case 'INVALID_OPENING_QUOTE':
      return `bad quoting: a quote inside an unquoted field (quote the whole field and double the inner quotes); ${stop}`;
    case 'CSV_MAX_RECORD_SIZE':
      return `a row longer than ${maxRecordChars} characters (an unclosed quote or a wrong delimiter?); ${stop}`;
    default:
      return `${error.message}; ${stop}`;
  }
}

function lineBreaks(cell: string): number {
  if (!/[\r\n]/.test(cell)) return 0;
  return cell.match(/\r\n|\r|\n/g)?.length ?? 0;
}

/** Picks the delimiter that occurs most often (outside quotes) on the first line that has one. */
export function sniffDelimiter(text: string): string {
  for (const line of text.split(/\r\n|\n|\r/)) {
    const counts = candidates.map((c) => countOutsideQuotes(line, c));
    const best = Math.max(...counts);
    if (best > 0) return candidates[counts.indexOf(best)] ?? ',';
  }
  return ',';
}

function countOutsideQuotes(line: string, char: string): number {
  let quoted = false;
  let count = 0;
  for (const c of line) {
    if (c === '"') quoted = !quoted;
    else if (c === char && !quoted) count += 1;
  }
  return count;
}
