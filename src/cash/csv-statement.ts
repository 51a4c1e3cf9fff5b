// Bank CSV exports as statements: the invoice importer's CSV reader (encodings, delimiters,
// preamble rows, locale numbers and dates) with bank fields, one statement per account and
// currency, and every bad row reported before anything is returned.
import { asCurrency, type CurrencyCode } from '../core/currency.ts';
import { createValueReader, quoteList, readTable, type ColumnIndex, type ColumnIssue, type ColumnWish, type CsvImportOptions } from '../import/csv/index.ts';
import { balancesOf } from './csv-balance.ts';
import { bankCsvFields, type BankCsvField, type BankCsvOptions, type BankCsvSettings } from './csv-fields.ts';
import { bankCsvPresets } from './csv-presets.ts';
import { readBankRow, type RowContext } from './csv-row.ts';
import { withEntryIds, type DraftTransaction } from './entry-id.ts';
import type { Statement, StatementParseError, StatementParseResult } from './statement.ts';

// Like imports: the first thousand problems are kept, all are counted.
const maxProblems = 1000;

/**
 * Reads a bank CSV export with a preset and an optional mapping into statements (one per
 * account and currency, in the order the file first shows them). Any bad row makes the whole
 * file a failure listing every bad row by line and column; rows not booked yet and summary
 * rows are left out with a warning.
 */
export async function parseBankCsv(bytes: Uint8Array, file: string, options: BankCsvOptions): Promise<StatementParseResult> {
  const preset = bankCsvPresets[options.preset];
  const settings: BankCsvSettings = { ...preset.settings, ...options.mapping?.settings, ...options.settings };
  const fixed = settings.currency === undefined ? null : asCurrency(settings.currency);
  if (settings.currency !== undefined && fixed === null) {
    return failure([{ message: `"${settings.currency}" is not an ISO 4217 currency code`, where: `${file}: the fixed currency setting` }]);
  }
  const warnings: string[] = [];
  const csv: CsvImportOptions = {
    file,
    delimiter: settings.delimiter ?? 'auto',
    encoding: settings.encoding ?? 'auto',
    decimal: settings.decimal ?? 'auto',
    dateOrder: settings.dateOrder ?? 'auto',
    onSkip: (line, reason) => warnings.push(`${file}: line ${line}: ${reason}, left out`),
  };
  const values = createValueReader(csv);
  const wish = (field: BankCsvField): ColumnWish => {
    const explicit = options.mapping?.columns[field];
    const names = explicit === undefined ? (preset.columns[field] ?? []) : typeof explicit === 'string' ? [explicit] : explicit;
    return { names, explicit: explicit !== undefined, joinAll: field === 'remittance' };
  };
  let headerCurrency: CurrencyCode | null = null;
  const table = readTable(bytesOf(bytes), csv, {
    fields: bankCsvFields,
    columns: wish,
    onDelimiter: (d) => values.delimiterIs(d),
    required: (index, header) => {
      headerCurrency = currencyInHeader(index, header);
      return requiredColumns(index, wish, fixed ?? headerCurrency);
    },
  });
  const problems: StatementParseError[] = [];
  let problemCount = 0;
  const groups = new Map<string, { account: string; currency: CurrencyCode; rows: { draft: DraftTransaction; balance: bigint | null }[] }>();
  for await (const item of table) {
    if (item.kind === 'problem') {
      const { where, field, reason } = item.problem;
      // Header problems name a Dunwise field, row problems the file's column.
      const what = field === null ? '' : (bankCsvFields as readonly string[]).includes(field) ? `, field ${field}` : `, column "${field}"`;
      if (problemCount++ < maxProblems) problems.push({ message: reason, where: `${file}: ${where}${what}` });
      continue;
    }
    const ctx: RowContext = { values, currency: fixed ?? headerCurrency, account: settings.account ?? null };
    const read = readBankRow(item, ctx);
    if (read.kind === 'skip') warnings.push(`${file}: line ${item.line}: ${read.reason}`);
    else if (read.kind === 'problems') {
      for (const p of read.problems) if (problemCount++ < maxProblems) problems.push({ message: p.reason, where: `${file}: line ${item.line}, column "${p.column}"` });
    } else {
      const key = `${read.account}\u0000${read.draft.currency}`;
      const group = groups.get(key) ?? { account: read.account, currency: read.draft.currency, rows: [] };
      group.rows.push({ draft: read.draft, balance: read.balance });
      groups.set(key, group);
    }
  }
  if (problems.length > 0) {
    if (problemCount > problems.length) problems.push({ message: `${problemCount - problems.length} more problems not listed`, where: file });
    return failure(problems);
  }
  const statements: Statement[] = [...groups.values()].map((g) => {
    const balances = balancesOf(g.rows);
    if (balances.kind === 'inconsistent') warnings.push(`${file}: account ${g.account || '(none)'} ${g.currency}: ${balances.reason}; balances left out`);
    const opening = balances.kind === 'ok' ? balances.opening : null;
    const closing = balances.kind === 'ok' ? balances.closing : null;
    const draft = { id: null, account: g.account, currency: g.currency, openingBalance: opening, closingBalance: closing, transactions: g.rows.map((r) => r.draft) };
    return withEntryIds('csv', draft);
  });
  if (statements.length === 0) warnings.push(`${file}: no transactions`);
  return { ok: true, format: 'csv', statements, warnings };
}

function requiredColumns(index: ColumnIndex<BankCsvField>, wish: (f: BankCsvField) => ColumnWish, currency: CurrencyCode | null): ColumnIssue[] {
  const looked = (...fields: BankCsvField[]): string => quoteList(fields.flatMap((f) => wish(f).names));
  const issues: ColumnIssue[] = [];
  if (!index.has('bookingDate') && !index.has('valueDate')) {
    issues.push({ field: 'bookingDate', reason: `no column for bookingDate or valueDate (looked for ${looked('bookingDate', 'valueDate')}); map one with --map bookingDate=<column>` });
  }
  if (!index.has('amount') && !index.has('credit') && !index.has('debit')) {
    issues.push({ field: 'amount', reason: `no column for amount, or credit and debit (looked for ${looked('amount', 'credit', 'debit')}); map one with --map amount=<column>` });
  }
  if (!index.has('currency') && currency === null) {
    issues.push({ field: 'currency', reason: `no column for currency (looked for ${looked('currency')}); map one, or pass --currency` });
  }
  return issues;
}

// "Bedrag (EUR)", "Amount (GBP)": the amount column's header names the currency.
function currencyInHeader(index: ColumnIndex<BankCsvField>, header: readonly string[]): CurrencyCode | null {
  for (const field of ['amount', 'credit', 'debit'] as const) {
    const name = header[index.get(field) ?? -1];
    const code = name === undefined ? undefined : /\(\s*([A-Za-z]{3}|€|£)\s*\)\s*$/.exec(name)?.[1];
    if (code !== undefined) return asCurrency(code === '€' ? 'EUR' : code === '£' ? 'GBP' : code.toUpperCase());
  }
  return null;
}

async function* bytesOf(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  // Small slices keep the CSV reader's sniffing and decoding on its streaming path.
  for (let i = 0; i < bytes.length; i += 64 * 1024) yield bytes.subarray(i, i + 64 * 1024);
}

function failure(problems: readonly StatementParseError[]): StatementParseResult {
  return { ok: false, error: problems[0] ?? { message: 'unreadable', where: 'start of file' }, problems };
}
