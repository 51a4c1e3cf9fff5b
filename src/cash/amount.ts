// Amounts and currencies as bank files write them, checked against ISO 4217.
import { asCurrency, type CurrencyCode } from '../core/currency.ts';
import { parseDecimal } from '../core/money.ts';
import { fail } from './statement.ts';

/** The ISO 4217 currency named in a file, or a failure naming where it was found. */
export function currencyAt(code: string, where: string): CurrencyCode {
  const currency = asCurrency(code);
  if (currency === null) fail(`"${code}" is not an ISO 4217 currency code`, where);
  return currency;
}

/**
 * Minor units of an unsigned decimal ("8.85", "1234,5" with `comma`). Extra decimals must be
 * zeros: 8.850 EUR is read exactly, 8.855 EUR is refused rather than rounded.
 */
export function minorAt(
  text: string,
  currency: CurrencyCode,
  where: string,
  separator: '.' | ',' = '.',
): bigint {
  const trimmed = text.trim();
  const pattern = separator === ',' ? /^\d*(,\d*)?$/ : /^[+-]?\d*(\.\d*)?$/;
  if (trimmed === '' || !pattern.test(trimmed) || trimmed === separator) {
    fail(`amount "${text}" is not a number`, where);
  }
  const plain = separator === ',' ? trimmed.replace(',', '.') : trimmed;
  const parsed = parseDecimal(plain, currency);
  if (parsed.kind === 'error') fail(`amount ${parsed.reason}`, where);
  return parsed.minor;
}
