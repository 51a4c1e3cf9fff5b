import { asCurrency, type CurrencyCode } from '../../core/currency.ts';
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

function fail(reason: string): { ok: false; reason: string } {
  return { ok: false, reason };
}
