// Amounts and dates for people, in the reader's language.
import { exponentOf, type CurrencyCode } from '../core/currency.ts';
import { parseLocalDate } from '../core/local-date.ts';
import { formatDecimal } from '../core/money.ts';

const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * Formats minor units as a currency amount for `locale` ("1.234,56 €" de, "€1,234.56" en).
 *
 * The value never passes through a float: formatDecimal builds the exact decimal string from
 * the bigint ("1234.56"), and Intl.NumberFormat formats that string, which ECMA-402 (since
 * NumberFormat v3) reads as an exact decimal. formatToParts lets us check that the digits
 * printed are exactly the digits of the decimal string before we return them.
 */
export function formatAmount(minor: bigint, currency: CurrencyCode, locale: string): string {
  const key = `${locale}|${currency}`;
  let nf = numberFormats.get(key);
  if (nf === undefined) {
    const digits = exponentOf(currency);
    nf = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    numberFormats.set(key, nf);
  }
  const decimal = formatDecimal(minor, currency) as `${number}`;
  const parts = nf.formatToParts(decimal);
  const printed = parts
    .filter((p) => p.type === 'integer' || p.type === 'fraction')
    .map((p) => p.value)
    .join('');
  if (printed !== decimal.replace(/[-.]/g, '')) {
    // Only a locale with non-Latin digits gets here; refuse rather than print a wrong amount.
    throw new RangeError(`cannot format ${decimal} ${currency} exactly for locale ${locale}`);
  }
  return parts.map((p) => p.value).join('');
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The styles a date can be printed in: 'long' in sentences, 'medium' in tables. */
export type DateStyle = 'long' | 'medium';

/** Formats a 'YYYY-MM-DD' date for `locale` ("15. März 2025" de long, "Mar 15, 2025" en medium). */
export function formatLocalDate(date: string, locale: string, style: DateStyle = 'long'): string {
  const valid = parseLocalDate(date);
  if (valid === null) throw new RangeError(`not a date: ${date}`);
  const key = `${locale}|${style}`;
  let df = dateFormats.get(key);
  if (df === undefined) {
    df = new Intl.DateTimeFormat(locale, { dateStyle: style, timeZone: 'UTC' });
    dateFormats.set(key, df);
  }
  const [y, m, d] = valid.split('-').map(Number) as [number, number, number];
  // A LocalDate has no zone: midnight UTC formatted in UTC is the same calendar day everywhere.
  return df.format(new Date(Date.UTC(y, m - 1, d)));
}

/** The primary language subtag of a BCP 47 tag, lower-cased ("de-AT" -> "de"). */
export function primaryLanguage(tag: string): string {
  return (tag.split(/[-_]/)[0] ?? '').toLowerCase();
}

/**
 * The locale amounts and dates are formatted in: the contact's own tag when the templates are
 * in its language (so "de-CH" keeps Swiss separators), else the templates' language, so an
 * English fallback text never carries foreign number formats.
 */
export function formattingLocale(contactLanguage: string, templateLanguage: string): string {
  if (primaryLanguage(contactLanguage) !== templateLanguage) return templateLanguage;
  try {
    return Intl.getCanonicalLocales(contactLanguage.replace('_', '-'))[0] ?? templateLanguage;
  } catch {
    return templateLanguage;
  }
}

/** Formats a decimal percent string ("12.12") for `locale` ("12,12 %" de), exactly as given. */
export function formatPercent(rate: string, locale: string): string {
  if (!/^-?\d+(\.\d+)?$/.test(rate)) throw new TypeError(`not a decimal percent: "${rate}"`);
  const decimals = rate.split('.')[1]?.length ?? 0;
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: 'percent',
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(rate as `${number}`);
}
