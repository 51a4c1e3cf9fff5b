import type { Readable } from 'node:stream';
import { asCurrency, type CurrencyCode } from '../../core/currency.ts';
import { invalid } from '../../core/errors.ts';
import type { InputProblem, InvoiceKind, InvoiceRecord } from '../../core/ledger.ts';
import { addDays, compareDates, type LocalDate } from '../../core/local-date.ts';
import { candidatesFor, quoteList, type ColumnIndex, type ColumnIssue } from './columns.ts';
import { createRepeatCheck, noRepeatCheck } from './duplicates.ts';
import { readKind } from './kinds.ts';
import { invoiceFields, type InvoiceField } from './fields.ts';
import type { CsvImportOptions, CsvItem } from './options.ts';
import { readTableBatches, type TableRow, type TableSkip } from './table.ts';
import { createValueReader, type Read, type ValueReader } from './values.ts';

/** Reads an invoice list or aging-report export as validated InvoiceRecords or row problems. */
export async function* readInvoiceCsv(
  input: Readable | AsyncIterable<Buffer | string>,
  options: CsvImportOptions,
): AsyncGenerator<CsvItem<InvoiceRecord>> {
  for await (const batch of readInvoiceBatches(input, options)) {
    for (const item of batch) {
      if (item.kind === 'skip') options.onSkip?.(item.line, item.reason);
      else yield item;
    }
  }
}

/**
 * `readInvoiceCsv` in batches (one per chunk of the file): one async step per chunk, not per
 * row. Skipped rows come in the batches, in order, instead of through `options.onSkip`.
 */
export async function* readInvoiceBatches(
  input: Readable | AsyncIterable<Buffer | string>,
  options: CsvImportOptions,
): AsyncGenerator<(CsvItem<InvoiceRecord> | TableSkip)[]> {
  const defaultCurrency = checkDefaults(options);
  const values = createValueReader(options);
  const repeat = options.skipRepeatCheck ? noRepeatCheck : createRepeatCheck();
  const table = readTableBatches(input, options, {
    fields: invoiceFields,
    required: (index) => requiredColumns(index, options, defaultCurrency),
    onDelimiter: (d) => values.delimiterIs(d),
  });
  for await (const rows of table) {
    const out: (CsvItem<InvoiceRecord> | TableSkip)[] = [];
    for (const row of rows) {
      if (row.kind !== 'row') {
        out.push(row);
        continue;
      }
      const built = buildInvoice(row, values, options, defaultCurrency);
      if (built.kind === 'skip') {
        out.push({ kind: 'skip', line: row.line, reason: built.reason });
        continue;
      }
      if (built.kind === 'problems') {
        for (const p of built.problems) out.push({ kind: 'problem', problem: p });
        continue;
      }
      const seen = repeat(built.record.number, built.record, row.line);
      if (seen.kind === 'same') continue;
      if (seen.kind === 'different') {
        const reason = `invoice number "${built.record.number}" already appeared on line ${seen.firstLine} with different content`;
        out.push({ kind: 'problem', problem: { file: options.file, where: `line ${row.line}`, field: row.columnName('number'), reason } });
        continue;
      }
      out.push({ kind: 'record', line: row.line, record: built.record });
    }
    if (out.length > 0) yield out;
  }
}

type Built =
  | { kind: 'ok'; record: InvoiceRecord }
  | { kind: 'skip'; reason: string }
  | { kind: 'problems'; problems: InputProblem[] };

function buildInvoice(row: TableRow<InvoiceField>, values: ValueReader, options: CsvImportOptions, fallbackCurrency: CurrencyCode | null): Built {
  const problems: InputProblem[] = [];
  const report = (field: InvoiceField, reason: string): void => {
    problems.push({ file: options.file, where: `line ${row.line}`, field: row.columnName(field), reason });
  };
  const need = <T>(field: InvoiceField, read: (text: string) => Read<T>): T | null => {
    const text = row.cell(field);
    if (text === undefined) {
      report(field, `${field} is missing`);
      return null;
    }
    const result = read(text);
    if (!result.ok) report(field, result.reason);
    return result.ok ? result.value : null;
  };
  const optional = <T>(field: InvoiceField, read: (text: string) => Read<T>): T | null | undefined => {
    return row.cell(field) === undefined ? undefined : need(field, read);
  };

  let kind: InvoiceKind = 'invoice';
  const kindText = row.cell('kind');
  if (kindText !== undefined) {
    const k = readKind(kindText);
    if (k.kind === 'skip') return { kind: 'skip', reason: k.reason };
    if (k.kind === 'error') report('kind', k.reason);
    else kind = k.value;
  }
  const number = need('number', ok);
  const currency = row.has('currency') ? need('currency', (t) => values.currency(t)) : fallbackCurrency;
  values.observeDates([row.cell('issueDate'), row.cell('dueDate')]);
  const issueDate = need('issueDate', (t) => values.date(t));
  let dueDate: LocalDate | null = null;
  let dueDateSource: InvoiceRecord['dueDateSource'] = 'explicit';
  if (row.cell('dueDate') !== undefined || options.defaultDueDays === undefined) {
    dueDate = need('dueDate', (t) => values.date(t));
  } else if (issueDate !== null) {
    dueDate = addDays(issueDate, options.defaultDueDays);
    dueDateSource = 'derived';
  }
  const money = (t: string): Read<bigint> => (currency === null ? ok(0n) : values.amount(t, currency));
  let total = row.has('total') ? need('total', money) : null;
  let open = optional('open', money);
  let paid = optional('paid', money);
  if (!row.has('total')) total = open === undefined ? need('open', money) : open;
  if (kind === 'credit_note') {
    // Exports show credit notes either positive or negative; the ledger wants them positive.
    total = magnitude(total);
    open = magnitude(open);
    paid = magnitude(paid);
  } else if (total !== null && total < 0n) {
    const field = row.has('total') ? 'total' : 'open';
    report(field, `negative amount "${row.cell(field) ?? ''}" for an invoice; mark credit notes in a type column (or map kind)`);
  }
  if (issueDate !== null && dueDate !== null && compareDates(dueDate, issueDate) < 0) {
    report('dueDate', `due date ${dueDate} is before the issue date ${issueDate}`);
  }
  if (problems.length > 0 || number === null || currency === null || issueDate === null || total === null) {
    return { kind: 'problems', problems };
  }
  const openMinor = open ?? (paid === undefined || paid === null ? total : total - paid);
  const accountRef = row.cell('accountRef') ?? options.account?.ref ?? row.cell('accountName') ?? '';
  const accountName = row.cell('accountName') ?? options.account?.name ?? accountRef;
  const text = (field: InvoiceField): string | null => row.cell(field) ?? null;
  return {
    kind: 'ok',
    record: {
      number, kind, accountRef, accountName, currency, issueDate, dueDate, dueDateSource,
      totalMinor: total, openMinor,
      paymentReference: text('paymentReference'), poNumber: text('poNumber'), terms: text('terms'),
      correctsNumber: text('correctsNumber'), buyerEmail: text('buyerEmail'),
      country: text('country')?.toUpperCase() ?? null,
      instalments: [],
    },
  };
}

function requiredColumns(index: ColumnIndex<InvoiceField>, options: CsvImportOptions, currency: CurrencyCode | null): ColumnIssue[] {
  const mapping = options.mapping ?? {};
  const preset = options.preset ?? 'generic';
  const missing = (field: InvoiceField, hint: string): ColumnIssue => ({
    field,
    reason: `no column for ${field} (looked for ${quoteList(candidatesFor(field, mapping, preset))})${hint}`,
  });
  const issues: ColumnIssue[] = [];
  if (!index.has('number')) issues.push(missing('number', '; map one with --map number=<column>'));
  if (!index.has('issueDate')) issues.push(missing('issueDate', '; map one with --map issueDate=<column>'));
  if (!index.has('total') && !index.has('open')) issues.push(missing('total', '; map total or open'));
  if (!index.has('accountRef') && !index.has('accountName') && options.account === undefined) {
    issues.push(missing('accountName', '; map accountRef or accountName, or give the account'));
  }
  if (!index.has('currency') && currency === null) issues.push(missing('currency', '; map one, or pass --currency'));
  if (!index.has('dueDate') && options.defaultDueDays === undefined) issues.push(missing('dueDate', '; map one, or pass --due-days N'));
  return issues;
}

/** Refuses options that make no sense before any row is read. */
export function checkDefaults(options: CsvImportOptions): CurrencyCode | null {
  const days = options.defaultDueDays;
  if (days !== undefined && (!Number.isInteger(days) || days < 0 || days > 3650)) {
    invalid(`due days must be a whole number from 0 to 3650, not ${days}`, { option: 'defaultDueDays' });
  }
  if (options.defaultCurrency === undefined) return null;
  const code = asCurrency(options.defaultCurrency);
  if (code === null) invalid(`"${options.defaultCurrency}" is not an ISO 4217 currency code`, { option: 'defaultCurrency' });
  return code;
}

function magnitude<T extends bigint | null | undefined>(value: T): T {
  return (typeof value === 'bigint' && value < 0n ? -value : value) as T;
}

function ok<T>(value: T): Read<T> {
  return { ok: true, value };
}
