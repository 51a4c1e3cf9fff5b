import type { CurrencyCode } from '../../currency.ts';
import { addDays, compareDates, type LocalDate } from '../../local-date.ts';
import {
  dayCountOf,
  roundHalfUp,
  simpleInterest,
  yearFraction,
  type DayCount,
} from '../day-count.ts';
import { formatPercent, type Percent } from '../percent.ts';
import { interestRounding, type InterestPeriod, type InterestResult } from '../types.ts';

/** A contractual claim, validated: an agreed rate and/or an agreed fixed fee. */
export type ContractualClaim = {
  readonly principalMinor: bigint;
  readonly currency: CurrencyCode;
  readonly dueDate: LocalDate;
  readonly until: LocalDate;
  readonly dayCount: DayCount;
  readonly rate: Percent | null;
  readonly fixedFeeMinor: bigint;
};

/**
 * Interest at a rate agreed in the contract: simple interest, one period from the day after the
 * due date to `until`, rounded once, half-up, to the currency's minor unit (JPY yen, KWD fils);
 * the agreed fixed fee once the debt is late.
 */
export function contractualInterest(claim: ContractualClaim): InterestResult {
  const from = addDays(claim.dueDate, 1);
  const late = compareDates(from, claim.until) <= 0;
  const periods: InterestPeriod[] = [];
  if (late && claim.rate !== null) {
    const range = { from, to: claim.until };
    periods.push({
      from,
      to: claim.until,
      days: dayCountOf(range),
      ratePercent: formatPercent(claim.rate),
      interestMinor: roundHalfUp(
        simpleInterest(claim.principalMinor, claim.rate, yearFraction(range, claim.dayCount)),
      ),
    });
  }
  return {
    kind: 'ok',
    law: 'contractual',
    currency: claim.currency,
    interestMinor: periods[0]?.interestMinor ?? 0n,
    fixedCompensationMinor: late ? claim.fixedFeeMinor : 0n,
    ratePercent: periods[0]?.ratePercent ?? '0.00',
    days: late ? dayCountOf({ from, to: claim.until }) : 0,
    dayCount: claim.dayCount,
    rounding: interestRounding,
    periods,
  };
}
