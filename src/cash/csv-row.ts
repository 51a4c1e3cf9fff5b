// One row of a bank CSV as a transaction: dates, a signed amount (one signed column, credit
// and debit columns, or an amount and a credit/debit mark), currency, counterparty, texts.
import type { CurrencyCode } from '../core/currency.ts';
import type { LocalDate } from '../core/local-date.ts';
import { headerKey, type Read, type TableRow, type ValueReader } from '../import/csv/index.ts';
import type { BankCsvField } from './csv-fields.ts';
import type { DraftTransaction } from './entry-id.ts';
import { findCreditorReference, ibanOrNull } from './reference.ts';

/** What every row of one file shares. */
export type RowContext = {
  readonly values: ValueReader;
  /** The currency of rows without a currency cell: fixed by settings, or named in the amount header ("Bedrag (EUR)"). */
  readonly currency: CurrencyCode | null;
  readonly account: string | null;
};

/** A row read: a transaction of an account, a row left out on purpose, or what is wrong with it. */
export type RowRead =
  | { readonly kind: 'transaction'; readonly account: string; readonly draft: DraftTransaction; readonly balance: bigint | null }
  | { readonly kind: 'skip'; readonly reason: string }
  | { readonly kind: 'problems'; readonly problems: readonly { readonly column: string; readonly reason: string }[] };

// Banks list transactions not yet booked; they come again, booked, in a later export. The
// status cell must say so itself ("Umsatz vorgemerkt", "PENDING"), not merely mention it.
const notBooked = /^\s*(umsatz\s+)?(vorgemerkt|pending|declined|reverted|failed|cancell?ed|abgelehnt|storniert|in behandeling|en attente)\b/i;

const creditMarks = new Set(['c', 'cr', 'crdt', 'credit', 'h', 'haben', 'bij', '+', 'gutschrift', 'in', 'moneyin', 'credito', 'crédit']);
const debitMarks = new Set(['d', 'dr', 'dbit', 'debit', 's', 'soll', 'af', '-', 'lastschrift', 'out', 'moneyout', 'debito', 'débit']);

/** Reads one data row; every problem names its column. */
export function readBankRow(row: TableRow<BankCsvField>, ctx: RowContext): RowRead {
  const problems: { column: string; reason: string }[] = [];
  const report = (field: BankCsvField, reason: string): void => {
    problems.push({ column: row.columnName(field), reason });
  };
  const read = <T>(field: BankCsvField, parse: (text: string) => Read<T>): T | null => {
    const text = row.cell(field);
    if (text === undefined) return null;
    const result = parse(text);
    if (!result.ok) report(field, result.reason);
    return result.ok ? result.value : null;
  };
  const status = row.cell('status');
  if (status !== undefined && notBooked.test(status)) return { kind: 'skip', reason: `not booked yet ("${status}"), left out` };

  const currency = row.cell('currency') === undefined ? ctx.currency : read('currency', (t) => ctx.values.currency(t));
  if (currency === null && row.cell('currency') === undefined) report(row.has('currency') ? 'currency' : 'amount', 'no currency: the cell is empty and no fixed currency is set (--currency)');
  ctx.values.observeDates([fullYear(row.cell('bookingDate')), fullYear(row.cell('valueDate'))]);
  const date = (field: 'bookingDate' | 'valueDate'): LocalDate | null => read(field, (t) => dateOf(t, ctx.values));
  const bookingDate = date('bookingDate');
  const valueDate = date('valueDate');
  if (row.cell('bookingDate') === undefined && row.cell('valueDate') === undefined) {
    report(row.has('bookingDate') ? 'bookingDate' : 'valueDate', 'no booking date and no value date');
  }
  const amount = currency === null ? null : signedAmount(row, ctx.values, currency, report);
  const balance = currency === null ? null : read('balance', (t) => amountOf(ctx.values, t, currency));
  if (problems.length > 0 || currency === null || amount === null) return { kind: 'problems', problems };

  const text = (field: BankCsvField): string | null => row.cell(field)?.replace(/\s+/g, ' ') ?? null;
  const counterpartyAccount = text('counterpartyIban');
  const remittance = text('remittance');
  const endToEndId = text('endToEndId');
  const accountText = row.cell('account') ?? ctx.account ?? '';
  return {
    kind: 'transaction',
    account: ibanOrNull(accountText) ?? accountText,
    balance,
    draft: {
      bookingDate,
      valueDate,
      amount,
      currency,
      counterpartyName: text('counterpartyName'),
      counterpartyIban: ibanOrNull(counterpartyAccount),
      counterpartyAccount,
      // As in the other formats: a valid RF creditor reference in the text is the structured one.
      reference: text('reference') ?? findCreditorReference(remittance),
      remittance,
      endToEndId: endToEndId?.toUpperCase() === 'NOTPROVIDED' ? null : endToEndId,
      bankReference: text('bankReference'),
    },
  };
}

// The amount with its sign: a signed amount, an amount and a credit/debit mark, or credit and debit columns.
function signedAmount(row: TableRow<BankCsvField>, values: ValueReader, currency: CurrencyCode, report: (field: BankCsvField, reason: string) => void): bigint | null {
  const money = (field: BankCsvField): bigint | null | undefined => {
    const text = row.cell(field);
    if (text === undefined) return undefined;
    const read = amountOf(values, text, currency);
    if (!read.ok) report(field, read.reason);
    return read.ok ? read.value : null;
  };
  if (row.has('amount')) {
    const amount = money('amount');
    if (amount === undefined) report('amount', 'the amount is missing');
    if (amount === undefined || amount === null || !row.has('direction')) return amount ?? null;
    const mark = row.cell('direction');
    const key = mark === undefined ? '' : headerKey(mark).replace(/\//g, '');
    const credit = creditMarks.has(key) || (mark ?? '').trim() === '+';
    const debit = debitMarks.has(key) || (mark ?? '').trim() === '-';
    if (!credit && !debit) {
      report('direction', mark === undefined ? 'the credit/debit mark is missing' : `"${mark}" is neither a credit nor a debit mark (C/D, CR/DR, Credit/Debit, H/S, Bij/Af, +/-)`);
      return null;
    }
    if (credit && amount < 0n) {
      report('amount', `the amount "${row.cell('amount') ?? ''}" is negative but "${mark ?? ''}" marks it a credit`);
      return null;
    }
    return credit ? amount : -(amount < 0n ? -amount : amount);
  }
  const credit = money('credit');
  const debit = money('debit');
  if (credit === null || debit === null) return null;
  const magnitude = (m: bigint): bigint => (m < 0n ? -m : m);
  if (credit !== undefined && debit !== undefined && credit !== 0n && debit !== 0n) {
    report('credit', `both credit "${row.cell('credit') ?? ''}" and debit "${row.cell('debit') ?? ''}" are filled`);
    return null;
  }
  if (credit === undefined && debit === undefined) {
    report(row.has('credit') ? 'credit' : 'debit', 'no amount: the credit and the debit cell are both empty');
    return null;
  }
  if (credit !== undefined && credit !== 0n) return magnitude(credit);
  return debit === undefined ? 0n : -magnitude(debit);
}

// An amount as the cell has it; a complaint about the number read from it quotes the cell.
function amountOf(values: ValueReader, text: string, currency: CurrencyCode): Read<bigint> {
  const read = values.amount(text, currency);
  return read.ok ? read : { ok: false, reason: read.reason.replace(/^"[^"]*"/, `"${text}"`) };
}

// German exports write "30.12.25": two-digit years are this century's.
function fullYear(text: string | undefined): string | undefined {
  const m = text === undefined ? null : /^\s*(\d{1,2})\.(\d{1,2})\.(\d{2})\s*$/.exec(text);
  return m === null ? text : `${m[1] ?? ''}.${m[2] ?? ''}.20${m[3] ?? ''}`;
}

function dateOf(text: string, values: ValueReader): Read<LocalDate> {
  const full = fullYear(text) ?? text;
  const read = values.date(full);
  return read.ok || full === text ? read : { ok: false, reason: read.reason.replace(`"${full}"`, `"${text}"`) };
}
