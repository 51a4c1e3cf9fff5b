import type { InputProblem } from '../../core/ledger.ts';
import { candidatesFor, resolveHeader, type ColumnIndex, type ColumnIssue, type ColumnWish } from './columns.ts';
import type { CsvField } from './mapping.ts';
import type { CsvImportOptions } from './options.ts';
import { readRawRecords } from './rows.ts';

/** A data row with its cells looked up by field: trimmed, and undefined when empty or absent. */
export type TableRow<F extends string> = {
  readonly kind: 'row';
  readonly line: number;
  readonly has: (field: F) => boolean;
  readonly cell: (field: F) => string | undefined;
  readonly columnName: (field: F) => string;
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

/**
 * Reads a CSV file as rows keyed by Dunwise field: finds the header (possibly below a
 * report title), checks column counts, and leaves out blank, subtotal and section rows.
 */
export async function* readTable<F extends string>(
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
  let joined: ReadonlyMap<F, readonly number[]> = new Map();
  const wish = spec.columns ?? csvColumns<F>(options);
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
      const found = resolveHeader(cells, spec.fields, wish);
      const issues = [...found.issues, ...spec.required(found.index, cells)];
      if (issues.length === 0) {
        header = cells;
        index = found.index;
        joined = found.joined;
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
    yield tableRow(line, cells, header, index, joined);
  }
  if (header === null) {
    const at = firstTry ?? { line: 1, issues: [{ field: 'header', reason: 'the file has no header row' }] };
    for (const issue of at.issues) yield problem(at.line, issue.field, issue.reason);
  }
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

function tableRow<F extends string>(line: number, cells: readonly string[], header: readonly string[], index: ColumnIndex<F>, joined: ReadonlyMap<F, readonly number[]>): TableRow<F> {
  const at = (i: number | undefined): string | undefined => {
    const value = i === undefined ? undefined : cells[i]?.trim();
    return value === '' ? undefined : value;
  };
  return {
    kind: 'row',
    line,
    has: (field) => index.has(field),
    cell:
      joined.size === 0
        ? (field) => at(index.get(field))
        : (field) => {
            const more = joined.get(field);
            if (more === undefined) return at(index.get(field));
            // Joined fields (a remittance text split over several columns) keep their non-empty parts.
            const parts = [at(index.get(field)), ...more.map(at)].filter((p): p is string => p !== undefined);
            return parts.length === 0 ? undefined : parts.join(' ');
          },
    columnName: (field) => {
      const at = index.get(field);
      return at === undefined ? field : (header[at] ?? field);
    },
  };
}
