import type { Readable } from 'node:stream';
import type { CurrencyCode } from '../../core/currency.ts';
import type { InputProblem, PaymentRecord } from '../../core/ledger.ts';
import { candidatesFor, quoteList, type ColumnIndex, type ColumnIssue } from './columns.ts';
import { contentHash, createRepeatCheck, noRepeatCheck } from './duplicates.ts';
import { paymentFields, type PaymentField } from './fields.ts';
import type { CsvImportOptions, CsvItem } from './options.ts';
import { checkDefaults } from './read-invoices.ts';
import { readTable, type TableRow } from './table.ts';
import { createValueReader, type Read, type ValueReader } from './values.ts';

/**
 * Reads a payment list as validated PaymentRecords or row problems. Without a ref column
 * each payment gets a ref from its content (and how often that content occurred before),
 * so importing the same file again yields the same refs.
 */
export async function* readPaymentCsv(
  input: Readable | AsyncIterable<Buffer | string>,
  options: CsvImportOptions,
): AsyncGenerator<CsvItem<PaymentRecord>> {
  const defaultCurrency = checkDefaults(options);
  const values = createValueReader(options);
  const repeat = options.skipRepeatCheck ? noRepeatCheck : createRepeatCheck();
  const occurrences = new Map<string, number>();
  const table = readTable(input, options, {
    fields: paymentFields,
    required: (index) => requiredColumns(index, options, defaultCurrency),
    onDelimiter: (d) => values.delimiterIs(d),
  });
  for await (const row of table) {
    if (row.kind === 'problem') {
      yield row;
      continue;
    }
    const built = buildPayment(row, values, options, defaultCurrency);
    if (built.kind === 'problems') {
      for (const p of built.problems) yield { kind: 'problem', problem: p };
      continue;
    }
    let record = built.record;
    if (record.ref === '') {
      const hash = contentHash(record);
      const n = (occurrences.get(hash) ?? 0) + 1;
      occurrences.set(hash, n);
      record = { ...record, ref: `csv-${hash}-${n}` };
    } else {
      const seen = repeat(record.ref, record, row.line);
      if (seen.kind === 'same') continue;
      if (seen.kind === 'different') {
        const reason = `payment ref "${record.ref}" already appeared on line ${seen.firstLine} with different content`;
        yield { kind: 'problem', problem: { file: options.file, where: `line ${row.line}`, field: row.columnName('ref'), reason } };
        continue;
      }
    }
    yield { kind: 'record', line: row.line, record };
  }
}

type Built = { kind: 'ok'; record: PaymentRecord } | { kind: 'problems'; problems: InputProblem[] };

function buildPayment(row: TableRow<PaymentField>, values: ValueReader, options: CsvImportOptions, fallbackCurrency: CurrencyCode | null): Built {
  const problems: InputProblem[] = [];
  const report = (field: PaymentField, reason: string): void => {
    problems.push({ file: options.file, where: `line ${row.line}`, field: row.columnName(field), reason });
  };
  const need = <T>(field: PaymentField, read: (text: string) => Read<T>): T | null => {
    const text = row.cell(field);
    if (text === undefined) {
      report(field, `${field} is missing`);
      return null;
    }
    const result = read(text);
    if (!result.ok) report(field, result.reason);
    return result.ok ? result.value : null;
  };
  const currency = row.has('currency') ? need('currency', (t) => values.currency(t)) : fallbackCurrency;
  const receivedOn = need('receivedOn', (t) => values.date(t));
  const amount = currency === null ? null : need('amount', (t) => values.amount(t, currency));
  if (amount !== null && amount <= 0n) {
    report('amount', `payment amount "${row.cell('amount') ?? ''}" is not positive; refunds and reversals are not payments`);
  }
  if (problems.length > 0 || currency === null || receivedOn === null || amount === null) return { kind: 'problems', problems };
  const text = (field: PaymentField): string | null => row.cell(field) ?? null;
  return {
    kind: 'ok',
    record: {
      ref: row.cell('ref') ?? '',
      accountRef: text('accountRef') ?? options.account?.ref ?? null,
      invoiceNumber: text('invoiceNumber'),
      currency, amountMinor: amount, receivedOn,
      reference: text('reference'),
    },
  };
}

function requiredColumns(index: ColumnIndex<PaymentField>, options: CsvImportOptions, currency: CurrencyCode | null): ColumnIssue[] {
  const mapping = options.mapping ?? {};
  const preset = options.preset ?? 'generic';
  const missing = (field: PaymentField, hint: string): ColumnIssue => ({
    field,
    reason: `no column for ${field} (looked for ${quoteList(candidatesFor(field, mapping, preset))})${hint}`,
  });
  const issues: ColumnIssue[] = [];
  if (!index.has('amount')) issues.push(missing('amount', '; map one with --map amount=<column>'));
  if (!index.has('receivedOn')) issues.push(missing('receivedOn', '; map one with --map receivedOn=<column>'));
  if (!index.has('currency') && currency === null) issues.push(missing('currency', '; map one, or pass --currency'));
  return issues;
}
