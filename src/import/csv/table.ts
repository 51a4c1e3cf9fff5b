import type { InputProblem } from '../../core/ledger.ts';
import { resolveColumns, type ColumnIndex, type ColumnIssue } from './columns.ts';
import type { CsvField } from './mapping.ts';
import type { CsvImportOptions } from './options.ts';
import { readRawRecords } from './rows.ts';

/** A data row with its cells looked up by field: trimmed, and undefined when empty or absent. */
export type TableRow<F extends CsvField> = {
  readonly kind: 'row';
  readonly line: number;
  readonly has: (field: F) => boolean;
  readonly cell: (field: F) => string | undefined;
  readonly columnName: (field: F) => string;
};

/** What a reader needs to know about its fields to find the header row. */
export type TableSpec<F extends CsvField> = {
  readonly fields: readonly F[];
  /** Problems that make a header unusable (a required column missing). */
  readonly required: (index: ColumnIndex<F>) => ColumnIssue[];
  /** The delimiter the file turned out to use (a ';' file defaults to comma decimals). */
  readonly onDelimiter: (delimiter: string) => void;
};

// Report exports (Xero, QuickBooks) put a title, company and date above the header.
const maxPreambleRows = 30;
const summaryRow = /^(total|totals|subtotal|sub-total|sous-total|gesamt|summe|zwischensumme)\b/i;

/**
 * Reads a CSV file as rows keyed by Dunwise field: finds the header (possibly below a
 * report title), checks column counts, and leaves out blank, subtotal and section rows.
 */
export async function* readTable<F extends CsvField>(
  input: AsyncIterable<Buffer | Uint8Array | string>,
  options: CsvImportOptions,
  spec: TableSpec<F>,
): AsyncGenerator<TableRow<F> | { readonly kind: 'problem'; readonly problem: InputProblem }> {
  const file = options.file;
  const problem = (line: number, field: string | null, reason: string) =>
    ({ kind: 'problem', problem: { file, where: `line ${line}`, field, reason } }) as const;
  const raw = readRawRecords(input, {
    delimiter: options.delimiter ?? 'auto',
    encoding: options.encoding ?? 'auto',
    onProgress: options.onProgress ?? (() => undefined),
  });
  let header: readonly string[] | null = null;
  let index: ColumnIndex<F> = new Map();
  let firstTry: { line: number; issues: ColumnIssue[] } | null = null;
  let seen = 0;
  for await (const event of raw) {
    if (event.kind === 'start') {
      spec.onDelimiter(event.delimiter);
      continue;
    }
    if (event.kind === 'broken') {
      const column = event.column === null ? null : (header?.[event.column] ?? null);
      yield problem(event.line, column, event.reason);
      return;
    }
    const { line, cells } = event;
    const filled = cells.filter((c) => c.trim() !== '');
    if (filled.length === 0) continue;
    if (header === null) {
      const found = resolveColumns(cells, spec.fields, options.mapping ?? {}, options.preset ?? 'generic');
      const issues = [...found.issues, ...spec.required(found.index)];
      if (issues.length === 0) {
        header = cells;
        index = found.index;
        continue;
      }
      if (firstTry === null || (firstTry.issues.length > issues.length && filled.length > 1)) firstTry = { line, issues };
      if (++seen < maxPreambleRows) continue;
      break;
    }
    if (summaryRow.test(filled[0]?.trim() ?? '')) {
      options.onSkip?.(line, `summary row "${filled[0]?.trim()}"`);
      continue;
    }
    if (filled.length === 1 && header.length > 1) {
      options.onSkip?.(line, `section or note row "${filled[0]?.trim()}"`);
      continue;
    }
    const extraEmpty = cells.length > header.length && cells.slice(header.length).every((c) => c.trim() === '');
    if (cells.length !== header.length && !extraEmpty) {
      yield problem(line, null, `row has ${cells.length} fields but the header has ${header.length}`);
      continue;
    }
    const bad = cells.findIndex((c) => c.includes('\uFFFD'));
    if (bad !== -1) {
      yield problem(line, header[bad] ?? null, 'contains bytes that are not valid UTF-8 (save the file as UTF-8, or pass --encoding)');
      continue;
    }
    yield tableRow(line, cells, header, index);
  }
  if (header === null) {
    const at = firstTry ?? { line: 1, issues: [{ field: 'header', reason: 'the file has no header row' }] };
    for (const issue of at.issues) yield problem(at.line, issue.field, issue.reason);
  }
}

function tableRow<F extends CsvField>(line: number, cells: readonly string[], header: readonly string[], index: ColumnIndex<F>): TableRow<F> {
  return {
    kind: 'row',
    line,
    has: (field) => index.has(field),
    cell: (field) => {
      const at = index.get(field);
      const value = at === undefined ? undefined : cells[at]?.trim();
      return value === '' ? undefined : value;
    },
    columnName: (field) => {
      const at = index.get(field);
      return at === undefined ? field : (header[at] ?? field);
    },
  };
}
