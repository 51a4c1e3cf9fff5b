import { asCurrency, exponentOf, type CurrencyCode } from '../../core/currency.ts';
import type { LocalDate } from '../../core/local-date.ts';
import { parseDecimal } from '../../core/money.ts';
import { parseLocaleDate, type DateOrder } from './dates.ts';
import { normalizeLocaleNumber, type DecimalStyle } from './numbers.ts';
import type { CsvImportOptions } from './options.ts';

/** A cell read into a value, or why it could not be. */
export type Read<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

/** Reads amounts, dates and currencies of one file, remembering the styles it has shown. */
export type ValueReader = {
  amount(text: string, currency: CurrencyCode): Read<bigint>;
  date(text: string): Read<LocalDate>;
  /** Lets one date of a row ("03/31/2024") settle the order for its other dates. */
  observeDates(texts: readonly (string | undefined)[]): void;
  currency(text: string): Read<CurrencyCode>;
  /** A ';'-delimited file with decimal 'auto' starts out as comma decimals. */
  delimiterIs(delimiter: string): void;
};

/** Creates the reader for one file; with 'auto', the first unambiguous value fixes each style. */
export function createValueReader(options: CsvImportOptions): ValueReader {
  let decimal: DecimalStyle | null = options.decimal === undefined || options.decimal === 'auto' ? null : options.decimal;
  let order: DateOrder | null = options.dateOrder === undefined || options.dateOrder === 'auto' ? null : options.dateOrder;
  return {
    amount(text, currency) {
      const quick = plainAmount(text, decimal, currency);
      if (quick !== null) {
        if (decimal === null && quick.dot) decimal = 'dot';
        return { ok: true, value: quick.minor };
      }
      const local = normalizeLocaleNumber(text, decimal);
      if (local.kind === 'ambiguous') {
        return fail(`${local.reason}: no earlier amount shows whether "," or "." marks the decimals; pass --decimal dot or --decimal comma`);
      }
      if (local.kind === 'error') return fail(local.reason);
      if (decimal === null && local.evidence !== null) decimal = local.evidence;
      const exact = parseDecimal(local.plain, currency);
      return exact.kind === 'ok' ? { ok: true, value: exact.minor } : fail(exact.reason);
    },
    date(text) {
      const read = parseLocaleDate(text, order);
      if (read.kind === 'ambiguous') {
        return fail(`${read.reason}: no earlier date has a day above 12; pass --date-order dmy or --date-order mdy`);
      }
      if (read.kind === 'error') return fail(read.reason);
      if (order === null && read.evidence !== null) order = read.evidence;
      return { ok: true, value: read.date };
    },
    observeDates(texts) {
      for (const text of texts) {
        if (order !== null || text === undefined) return;
        const read = parseLocaleDate(text, null);
        if (read.kind === 'ok' && read.evidence !== null) order = read.evidence;
      }
    },
    currency(text) {
      const code = asCurrency(text);
      return code === null ? fail(`"${text}" is not an ISO 4217 currency code`) : { ok: true, value: code };
    },
    delimiterIs(delimiter) {
      if (delimiter === ';' && decimal === null && (options.decimal ?? 'auto') === 'auto') decimal = 'comma';
    },
  };
}

/**
 * The common case of `amount` without its general machinery: an unsigned number of digits
 * with at most one '.' ("1234", "89.19"), read exactly as normalizeLocaleNumber and
 * parseDecimal read it. Null when the text is anything else, or is ambiguous, wrong or out of
 * range: the general path then reads it and words the reason. `dot` says the '.' proved dot
 * decimals (it does whenever this path accepts one while the style is still open).
 */
function plainAmount(text: string, decimal: DecimalStyle | null, currency: CurrencyCode): { minor: bigint; dot: boolean } | null {
  const length = text.length;
  if (length === 0 || length > 40) return null;
  let dot = -1;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 && dot === -1 && i > 0 && i < length - 1) dot = i;
    else if (c < 48 || c > 57) return null;
  }
  const exp = exponentOf(currency);
  // Up to 15 digits of minor units stay exact in a double, and below maxMinor.
  if ((dot === -1 ? length : dot) + exp > 15) return null;
  if (dot === -1) return { minor: BigInt(Number(text) * 10 ** exp), dot: false };
  if (decimal === 'comma') return null;
  const fraction = length - dot - 1;
  // "1.234" could be a thousand separator until the file shows its style.
  if (decimal === null && fraction === 3 && dot <= 3 && text.charCodeAt(0) !== 48) return null;
  let minor = 0;
  for (let i = 0; i < length; i++) {
    if (i === dot) continue;
    const digit = text.charCodeAt(i) - 48;
    if (i > dot + exp) {
      if (digit !== 0) return null; // more decimals than the currency has
      continue;
    }
    minor = minor * 10 + digit;
  }
  for (let kept = Math.min(fraction, exp); kept < exp; kept++) minor *= 10;
  return { minor: BigInt(minor), dot: true };
}

function fail(reason: string): { ok: false; reason: string } {
  return { ok: false, reason };
}
