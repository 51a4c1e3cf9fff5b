import { daysBetween, type LocalDate } from '../local-date.ts';
import type { DayRange } from './periods.ts';
import type { Percent } from './percent.ts';

/** Day-count conventions: actual days over 365, over 360, or over the actual year length (ISDA). */
export type DayCount = 'act/365' | 'act/360' | 'act/act';

/** An exact non-reduced fraction of two bigints (den > 0). */
export type Ratio = { readonly num: bigint; readonly den: bigint };

/** The number of days in the inclusive range [from, to]. */
export function dayCountOf(range: DayRange): number {
  return daysBetween(range.from, range.to) + 1;
}

/**
 * The exact year fraction of the inclusive range: days/365, days/360, or for act/act the days
 * falling in each calendar year over that year's length (365 or 366), summed.
 */
export function yearFraction(range: DayRange, dayCount: DayCount): Ratio {
  const days = BigInt(dayCountOf(range));
  if (dayCount === 'act/365') return { num: days, den: 365n };
  if (dayCount === 'act/360') return { num: days, den: 360n };
  let num = 0n;
  const firstYear = Number(range.from.slice(0, 4));
  const lastYear = Number(range.to.slice(0, 4));
  for (let year = firstYear; year <= lastYear; year += 1) {
    const from = year === firstYear ? range.from : (`${pad4(year)}-01-01` as LocalDate);
    const to = year === lastYear ? range.to : (`${pad4(year)}-12-31` as LocalDate);
    const inYear = BigInt(dayCountOf({ from, to }));
    num += isLeap(year) ? inYear * 365n : inYear * 366n;
  }
  return { num, den: 365n * 366n };
}

/** Simple interest, exact: principal (minor units) x rate % / 100 x year fraction. */
export function simpleInterest(principalMinor: bigint, rate: Percent, fraction: Ratio): Ratio {
  return {
    num: principalMinor * rate.units * fraction.num,
    den: 100n * 10n ** BigInt(rate.scale) * fraction.den,
  };
}

/** Rounds a ratio to an integer, halves away from zero ("half-up" for the positive amounts here). */
export function roundHalfUp(value: Ratio): bigint {
  const negative = value.num < 0n !== value.den < 0n;
  const num = value.num < 0n ? -value.num : value.num;
  const den = value.den < 0n ? -value.den : value.den;
  const rounded = (2n * num + den) / (2n * den);
  return negative ? -rounded : rounded;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function pad4(year: number): string {
  return String(year).padStart(4, '0');
}
