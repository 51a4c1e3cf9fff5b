// Validating single fields read from UBL or CII: dates, amounts, emails. Each failure names
// the element it came from.
import { asCurrency, type CurrencyCode } from '../../core/currency.ts';
import { formatDecimal, parseDecimal } from '../../core/money.ts';
import { fromParts, parseLocalDate, type LocalDate } from '../../core/local-date.ts';
import type { Located } from './raw.ts';
import type { EInvoiceError } from './types.ts';

/** A validated value, or why the field was refused. */
export type Checked<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: EInvoiceError };

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const fail = <T>(message: string, where: string): Checked<T> => ({
  ok: false,
  error: { message, where },
});

/** A mandatory text; missing or blank is an error naming the element. */
export function required(field: Located, label: string): Checked<string> {
  return field.value === null ? fail(`missing ${label}`, field.where) : ok(field.value);
}

/** The document currency, which must be an active ISO 4217 code. */
export function currencyOf(field: Located): Checked<CurrencyCode> {
  const text = required(field, 'document currency code (BT-5)');
  if (!text.ok) return text;
  const code = asCurrency(text.value);
  return code
    ? ok(code)
    : fail(`unknown currency "${text.value}": not an ISO 4217 code`, field.where);
}

/** A date: UBL 'YYYY-MM-DD' (a time-zone suffix is ignored) or CII format 102 'YYYYMMDD'. */
export function dateOf(field: Located & { value: string }): Checked<LocalDate> {
  const text = field.value;
  if (field.attr !== null && field.attr !== '102') {
    return fail(
      `date format ${field.attr} is not supported (only 102, YYYYMMDD): "${text}"`,
      field.where,
    );
  }
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  const date = compact
    ? fromParts(Number(compact[1]), Number(compact[2]), Number(compact[3]))
    : parseLocalDate(text.replace(/(Z|[+-]\d{2}:\d{2})$/, ''));
  return date ? ok(date) : fail(`"${text}" is not a valid date`, field.where);
}

/**
 * An amount in minor units of `currency`. Exact when it fits the currency's decimals; more
 * non-zero decimals than the currency has are rounded half-even (as EN 16931 allows senders to
 * write totals with more precision), and the rounding is reported in `notes`.
 */
export function amountOf(
  field: Located & { value: string },
  currency: CurrencyCode,
  notes: string[],
): Checked<bigint> {
  if (field.attr !== null && asCurrency(field.attr) !== currency) {
    return fail(
      `amount ${field.value} is in ${field.attr}, but the document currency is ${currency}`,
      field.where,
    );
  }
  const exact = parseDecimal(field.value, currency);
  if (exact.kind === 'ok') return ok(exact.minor);
  const rounded = parseDecimal(field.value, currency, 'half-even');
  if (rounded.kind === 'error') return fail(`${rounded.reason}`, field.where);
  notes.push(
    `${field.where} ${field.value} rounded half-even to ${formatDecimal(rounded.minor, currency)} ${currency}`,
  );
  return ok(rounded.minor);
}

/** True for something shaped like an email address (local@domain.tld, no spaces). */
export function looksLikeEmail(text: string | null): text is string {
  return text !== null && /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(text);
}
