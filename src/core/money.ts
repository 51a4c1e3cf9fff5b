import { exponentOf, type CurrencyCode } from './currency.ts';

/** An exact amount: integer minor units of one ISO 4217 currency. Never a float. */
export type Money = { readonly minor: bigint; readonly currency: CurrencyCode };

/**
 * The largest magnitude accepted, in minor units: 2^53 - 1, so every amount also fits a
 * JavaScript number, a SQLite INTEGER and a PostgreSQL BIGINT without loss.
 */
export const maxMinor = 9_007_199_254_740_991n;

/** Builds Money, refusing amounts outside the safe range. */
export function money(minor: bigint, currency: CurrencyCode): Money {
  if (minor > maxMinor || minor < -maxMinor) {
    throw new RangeError(`amount out of range: ${minor} minor units of ${currency}`);
  }
  return { minor, currency };
}

/** Adds two amounts of the same currency; a sum across currencies is refused. */
export function add(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.minor + b.minor, a.currency);
}

/** Subtracts b from a, both in the same currency. */
export function subtract(a: Money, b: Money): Money {
  sameCurrency(a, b);
  return money(a.minor - b.minor, a.currency);
}

/** Sums amounts that must all be in `currency` (an empty list is zero). */
export function sum(currency: CurrencyCode, amounts: readonly Money[]): Money {
  let total = 0n;
  for (const m of amounts) {
    sameCurrency({ minor: 0n, currency }, m);
    total += m.minor;
  }
  return money(total, currency);
}

function sameCurrency(a: Money, b: Money): void {
  if (a.currency !== b.currency) {
    throw new TypeError(`cannot combine ${a.currency} and ${b.currency}`);
  }
}

export type DecimalParse =
  | { readonly kind: 'ok'; readonly minor: bigint }
  | { readonly kind: 'error'; readonly reason: string };

/**
 * Parses a plain decimal ("-1234.5", "801.780000") into minor units of `currency`.
 * Digits beyond the currency's exponent must be zeros unless `rounding` is 'half-even'
 * (banker's rounding, as e-invoice unit prices sometimes need). No grouping separators:
 * locale-aware input goes through `normalizeLocaleNumber` first.
 */
export function parseDecimal(
  text: string,
  currency: CurrencyCode,
  rounding: 'exact' | 'half-even' = 'exact',
): DecimalParse {
  const match = /^([+-]?)(\d+)?(?:\.(\d*))?$/.exec(text.trim());
  if (!match || (match[2] === undefined && !match[3])) {
    return { kind: 'error', reason: `"${text}" is not a number` };
  }
  const sign = match[1] === '-' ? -1n : 1n;
  const whole = match[2] ?? '0';
  const fraction = match[3] ?? '';
  const exp = exponentOf(currency);
  const kept = fraction.slice(0, exp).padEnd(exp, '0');
  const dropped = fraction.slice(exp);
  let minor = BigInt(whole + kept);
  if (/[1-9]/.test(dropped)) {
    if (rounding === 'exact') {
      return {
        kind: 'error',
        reason: `"${text}" has more than ${exp} decimal places for ${currency}`,
      };
    }
    minor += roundHalfEvenIncrement(minor, dropped);
  }
  minor *= sign;
  if (minor > maxMinor || minor < -maxMinor) {
    return { kind: 'error', reason: `"${text}" is beyond the largest amount Dunwise accepts` };
  }
  return { kind: 'ok', minor: minor === 0n ? 0n : minor };
}

function roundHalfEvenIncrement(kept: bigint, dropped: string): bigint {
  const first = dropped.charCodeAt(0) - 48;
  const restNonZero = /[1-9]/.test(dropped.slice(1));
  if (first > 5 || (first === 5 && restNonZero)) return 1n;
  if (first === 5 && !restNonZero) return kept % 2n === 0n ? 0n : 1n;
  return 0n;
}

/** Formats minor units as a plain decimal string in major units ("801.78", "-5", "1.250"). */
export function formatDecimal(minor: bigint, currency: CurrencyCode): string {
  const exp = exponentOf(currency);
  const negative = minor < 0n;
  const digits = (negative ? -minor : minor).toString().padStart(exp + 1, '0');
  const whole = digits.slice(0, digits.length - exp);
  const fraction = digits.slice(digits.length - exp);
  return `${negative ? '-' : ''}${whole}${exp > 0 ? '.' + fraction : ''}`;
}

/** Formats minor units for people, grouped by the `en` convention: "-1,234.56". */
export function formatGrouped(minor: bigint, currency: CurrencyCode): string {
  const plain = formatDecimal(minor, currency);
  const [whole = '', fraction] = plain.replace('-', '').split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${minor < 0n ? '-' : ''}${grouped}${fraction ? '.' + fraction : ''}`;
}

/** Formats Money for people: "EUR 1,234.56". */
export function formatMoney(m: Money): string {
  return `${m.currency} ${formatGrouped(m.minor, m.currency)}`;
}
