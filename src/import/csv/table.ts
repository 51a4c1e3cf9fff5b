import type { InputProblem } from '../../core/ledger.ts';
import { candidatesFor, resolveHeader, type ColumnIndex, type ColumnIssue, type ColumnWish } from './columns.ts';
import type { CsvField } from './mapping.ts';
import type { CsvImportOptions } from './options.ts';
import { readRawBatches } from './rows.ts';

/** A data row with its cells looked up by field: trimmed, and undefined when empty or absent. */
export type TableRow<F extends string> = {
  readonly kind: 'row';
  readonly line: number;
  has(field: F): boolean;
  cell(field: F): string | undefined;
  columnName(field: F): string;
};

/** What a reader needs to know about its fields to find the header row. */
export type TableSpec<F extends string> = {
  readonly fields: readonly F[];
  /** The column names of each field; without it, `options.mapping` and `options.preset` (for CSV fields). */
  readonly columns?: (field: F) => ColumnWish;
  /** Problems that make a header unusable (a required column missing). */
  readonly required: (index: ColumnIndex<F>, header: readonly string[]) => ColumnIssue[];
  /** The delimiter the file turned out to use (a ';' file defaults to comma decimals). */
  readonly onDelimiter: (delimiter: string) => void;
};

// Report exports (Xero, QuickBooks) put a title, company and date above the header.
const maxPreambleRows = 30;
const summaryRow = /^(total|totals|subtotal|sub-total|sous-total|gesamt|summe|zwischensumme)\b/i;

/** What the table reader yields: a data row, or a problem with the file or one of its rows. */
export type TableItem<F extends string> = TableRow<F> | { readonly kind: 'problem'; readonly problem: InputProblem };

/** A row left out on purpose, in a batch at its place: its reader passes it to `onSkip` in order. */
export type TableSkip = { readonly kind: 'skip'; readonly line: number; readonly reason: string };

/**
 * Reads a CSV file as rows keyed by Dunwise field: finds the header (possibly below a
 * report title), checks column counts, and leaves out blank, subtotal and section rows.
 */
export async function* readTable<F extends string>(
  input: AsyncIterable<Buffer | Uint8Array | string>,
  options: CsvImportOptions,
  spec: TableSpec<F>,
): AsyncGenerator<TableItem<F>> {
  for await (const batch of readTableBatches(input, options, spec)) {
    for (const item of batch) {
      if (item.kind === 'skip') options.onSkip?.(item.line, item.reason);
      else yield item;
    }
  }
}

/**
 * `readTable` in batches (one per chunk of the file), for readers of large files. Skipped rows
 * come in the batches, in order, instead of through `options.onSkip`.
 */
export async function* readTableBatches<F extends string>(
  input: AsyncIterable<Buffer | Uint8Array | string>,
  options: CsvImportOptions,
  spec: TableSpec<F>,
): AsyncGenerator<(TableItem<F> | TableSkip)[]> {
  const file = options.file;
  const problem = (line: number, field: string | null, reason: string) =>
    ({ kind: 'problem', problem: { file, where: `line ${line}`, field, reason } }) as const;
  const raw = readRawBatches(input, {
    delimiter: options.delimiter ?? 'auto',
    encoding: options.encoding ?? 'auto',
    onProgress: options.onProgress ?? (() => undefined),
  });
  let header: readonly string[] | null = null;
  let columns: Columns<F> | null = null;
  const wish = spec.columns ?? csvColumns<F>(options);
  let firstTry: { line: number; issues: ColumnIssue[] } | null = null;
  let seen = 0;
  reading: for await (const events of raw) {
    const out: (TableItem<F> | TableSkip)[] = [];
    for (const event of events) {
      if (event.kind === 'start') {
        spec.onDelimiter(event.delimiter);
        continue;
      }
      if (event.kind === 'broken') {
        const column = event.column === null ? null : (header?.[event.column] ?? null);
        out.push(problem(event.line, column, event.reason));
        yield out;
        return;
      }
      const { line, cells } = event;
      let filled = 0;
      let first = '';
      for (const c of cells) {
        const t = c.trim();
        if (t === '') continue;
        if (filled++ === 0) first = t;
      }
      if (filled === 0) continue;
      if (header === null) {
        const found = resolveHeader(cells, spec.fields, wish);
        const issues = [...found.issues, ...spec.required(found.index, cells)];
        if (issues.length === 0) {
          header = cells;
          columns = { header: cells, index: found.index, joined: found.joined };
          continue;
        }
        if (firstTry === null || (firstTry.issues.length > issues.length && filled > 1)) firstTry = { line, issues };
        if (++seen < maxPreambleRows) continue;
        if (out.length > 0) yield out;
        break reading;
      }
      if (summaryRow.test(first)) {
        out.push({ kind: 'skip', line, reason: `summary row "${first}"` });
        continue;
      }
      if (filled === 1 && header.length > 1) {
        out.push({ kind: 'skip', line, reason: `section or note row "${first}"` });
        continue;
      }
      const extraEmpty = cells.length > header.length && cells.slice(header.length).every((c) => c.trim() === '');
      if (cells.length !== header.length && !extraEmpty) {
        out.push(problem(line, null, `row has ${cells.length} fields but the header has ${header.length}`));
        continue;
      }
      const bad = invalidUtf8At(cells);
      if (bad !== -1) {
        out.push(problem(line, header[bad] ?? null, 'contains bytes that are not valid UTF-8 (save the file as UTF-8, or pass --encoding)'));
        continue;
      }
      out.push(new Row(line, cells, columns as Columns<F>));
    }
    if (out.length > 0) yield out;
  }
  if (header === null) {
    const at = firstTry ?? { line: 1, issues: [{ field: 'header', reason: 'the file has no header row' }] };
    yield at.issues.map((issue) => problem(at.line, issue.field, issue.reason));
  }
}

function invalidUtf8At(cells: readonly string[]): number {
  for (let i = 0; i < cells.length; i++) if ((cells[i] as string).includes('\uFFFD')) return i;
  return -1;
}

// The invoice and payment readers' columns: the mapping's names, else the preset's synonyms.
function csvColumns<F extends string>(options: CsvImportOptions): (field: F) => ColumnWish {
  const mapping = options.mapping ?? {};
  const preset = options.preset ?? 'generic';
  return (field) => {
    const f = field as string as CsvField;
    return { names: candidatesFor(f, mapping, preset), explicit: mapping[f] !== undefined };
  };
}

/** The header's columns, shared by every row of the file. */
type Columns<F extends string> = {
  readonly header: readonly string[];
  readonly index: ColumnIndex<F>;
  readonly joined: ReadonlyMap<F, readonly number[]>;
};

// A class rather than an object of closures: a million rows make a million of them.
class Row<F extends string> implements TableRow<F> {
  readonly kind = 'row';
  readonly line: number;
  readonly #cells: readonly string[];
  readonly #columns: Columns<F>;

  constructor(line: number, cells: readonly string[], columns: Columns<F>) {
    this.line = line;
    this.#cells = cells;
    this.#columns = columns;
  }

  has(field: F): boolean {
    return this.#columns.index.has(field);
  }

  cell(field: F): string | undefined {
    const { index, joined } = this.#columns;
    const more = joined.size === 0 ? undefined : joined.get(field);
    if (more === undefined) return this.#at(index.get(field));
    // Joined fields (a remittance text split over several columns) keep their non-empty parts.
    const parts = [this.#at(index.get(field)), ...more.map((i) => this.#at(i))].filter((p): p is string => p !== undefined);
    return parts.length === 0 ? undefined : parts.join(' ');
  }

  columnName(field: F): string {
    const at = this.#columns.index.get(field);
    return at === undefined ? field : (this.#columns.header[at] ?? field);
  }

  #at(i: number | undefined): string | undefined {
    const value = i === undefined ? undefined : this.#cells[i]?.trim();
    return value === '' ? undefined : value;
  }
}
