// The :61: statement line: dates, debit/credit mark, amount, type and references.
import type { CurrencyCode } from '../core/currency.ts';
import type { LocalDate } from '../core/local-date.ts';
import { minorAt } from './amount.ts';
import { mmddNear, yymmdd } from './mt940-dates.ts';
import { fail } from './statement.ts';

/** What one :61: line says. */
export type StatementLine = {
  readonly valueDate: LocalDate;
  readonly entryDate: LocalDate | null;
  /** Signed minor units: C and RD (reversal of a debit) positive, D and RC negative. */
  readonly amount: bigint;
  readonly fundsCode: string | null;
  readonly typeCode: string | null;
  readonly customerReference: string | null;
  readonly bankReference: string | null;
  readonly supplementary: string | null;
};

// Value date, [entry date], mark, [funds code], [line break, as some Sparkassen write],
// amount, type (N/F/S + 3), customer reference, [//bank reference], [line break, details].
const pattern =
  /^(\d{6})(\d{4})?(RC|RD|C|D)([A-Z])?\n?(\d[\d,]*)([NFS][A-Z0-9 ]{3})?([^\n]*?)(?:\/\/([^\n]*))?(?:\n([\s\S]*))?$/;

/** Parses the value of a :61: field found on `line`. */
export function parseStatementLine(
  value: string,
  currency: CurrencyCode,
  line: number,
  warn: (w: string) => void,
): StatementLine {
  const m = pattern.exec(value.trimEnd());
  if (!m) fail(`cannot read the :61: statement line "${value.split('\n')[0]}"`, `line ${line}`);
  const [, date = '', entry, mark = '', funds, amountText = '', type, customer, bank, rest] = m;
  const valueDate = yymmdd(date, line, warn);
  const minor = minorAt(amountText, currency, `line ${line}`, ',');
  // RC is a reversal of a credit, so money leaves the account; RD gives it back.
  const negative = mark === 'D' || mark === 'RC';
  return {
    valueDate,
    entryDate: entry === undefined ? null : mmddNear(entry, valueDate, line, warn),
    amount: negative ? -minor : minor,
    fundsCode: funds ?? null,
    typeCode: type ?? null,
    customerReference: blankToNull(customer),
    bankReference: blankToNull(bank),
    supplementary: blankToNull(rest?.replace(/\s*\n\s*/g, ' ')),
  };
}

function blankToNull(text: string | undefined): string | null {
  const trimmed = text?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}
