import type { CurrencyCode } from '../currency.ts';
import { addDays, type LocalDate } from '../local-date.ts';
import {
  dayCountOf,
  roundHalfUp,
  simpleInterest,
  yearFraction,
  type DayCount,
} from './day-count.ts';
import type { LawCase, StatutoryLaw } from './laws/statutory-law.ts';
import { addPercent, comparePercent, formatPercent, type Percent } from './percent.ts';
import { halfYearStart, splitByHalfYear, type DayRange } from './periods.ts';
import { rateOn, type RateTable } from './rates.ts';
import { interestRounding, type InterestPeriod, type InterestResult } from './types.ts';

/** A statutory claim, validated: the law applies, the currency matches, the table is present. */
export type StatutoryClaim = LawCase & {
  readonly currency: CurrencyCode;
  readonly until: LocalDate;
  readonly dayCount: DayCount;
};

type RatedRange = DayRange & { readonly rate: Percent; readonly reference: Percent };

/**
 * Interest under a statutory rule: the days after the due date up to `until` are cut at each
 * 1 January and 1 July, each half-year gets its reference rate + points, adjacent half-years with
 * the same rate are joined, and each resulting period is rounded once, half-up.
 */
export function statutoryInterest(
  law: StatutoryLaw,
  claim: StatutoryClaim,
  table: RateTable,
): InterestResult {
  const accrual: DayRange = { from: addDays(claim.dueDate, 1), to: claim.until };
  const margin = law.margin(claim);
  const runs: RatedRange[] = [];
  for (const part of splitByHalfYear(accrual)) {
    const needsRateFor = law.referenceDate(halfYearStart(part.from));
    const found = rateOn(table, needsRateFor);
    if (found.kind === 'unknown') {
      return {
        kind: 'rate_unknown',
        table: law.table,
        needsRateFor,
        knownUntil: table.knownUntil,
        cause: found.cause,
      };
    }
    const rate = addPercent(found.rate, margin);
    const previous = runs.at(-1);
    if (previous !== undefined && comparePercent(previous.rate, rate) === 0) {
      runs[runs.length - 1] = { ...previous, to: part.to };
    } else {
      runs.push({ ...part, rate, reference: found.rate });
    }
  }
  const periods: InterestPeriod[] = runs.map((run) => ({
    from: run.from,
    to: run.to,
    days: dayCountOf(run),
    ratePercent: formatPercent(run.rate),
    referenceRatePercent: formatPercent(run.reference),
    interestMinor: roundHalfUp(
      simpleInterest(claim.principalMinor, run.rate, yearFraction(run, claim.dayCount)),
    ),
  }));
  const late = periods.length > 0;
  return {
    kind: 'ok',
    law: law.name,
    currency: claim.currency,
    interestMinor: periods.reduce((total, p) => total + p.interestMinor, 0n),
    fixedCompensationMinor: late ? law.fixedCompensationMinor(claim) : 0n,
    ratePercent: periods.at(-1)?.ratePercent ?? '0.00',
    days: periods.reduce((total, p) => total + p.days, 0),
    dayCount: claim.dayCount,
    rounding: interestRounding,
    periods,
  };
}
