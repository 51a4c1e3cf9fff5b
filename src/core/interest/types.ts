import type { CurrencyCode } from '../currency.ts';
import type { LocalDate } from '../local-date.ts';
import type { DayCount } from './day-count.ts';
import type { RateTableName, RateTables, UnknownRateCause } from './rates.ts';

/** The rule set a late-payment interest claim is made under. */
export type InterestLaw = 'eu' | 'uk' | 'de' | 'fr' | 'contractual';

/** What calculateInterest needs: one unpaid principal, its due date and the last day to charge. */
export type InterestInput = {
  readonly law: InterestLaw;
  readonly principalMinor: bigint;
  readonly currency: CurrencyCode;
  /** The last day the debtor could pay on time; interest starts the day after. */
  readonly dueDate: LocalDate;
  /** The last day interest accrues for (inclusive): the payment date or the statement date. */
  readonly until: LocalDate;
  /** Default true. Only §288 BGB has a consumer rule (+5 points, no flat fee); the others refuse false. */
  readonly businessToBusiness?: boolean;
  /** law 'contractual' only: the agreed rate per year, as a decimal string ("12", "1.5"). */
  readonly contractualRatePercent?: string;
  /** law 'contractual' only: the agreed fixed fee in minor units of `currency`. */
  readonly contractualFixedFeeMinor?: bigint;
  /** Default 'act/365'. */
  readonly dayCount?: DayCount;
  /** Rate series for the statutory laws (see shippedRateTables); unused for 'contractual'. */
  readonly tables?: RateTables;
};

/** The rounding every result applies, stated in the result so a letter or an audit can quote it. */
export const interestRounding = 'half-up to the minor unit per period' as const;

/** One run of days at one rate: interest for it is rounded once, half-up, to the minor unit. */
export type InterestPeriod = {
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly days: number;
  /** The annual rate charged: reference rate + statutory points (or the contractual rate). */
  readonly ratePercent: string;
  /** The published reference rate the period used (absent for 'contractual'). */
  readonly referenceRatePercent?: string;
  readonly interestMinor: bigint;
};

/** The outcome of calculateInterest: amounts, a rate Dunwise does not know yet, or a refusal. */
export type InterestResult =
  | {
      readonly kind: 'ok';
      readonly law: InterestLaw;
      readonly currency: CurrencyCode;
      /** Sum of the periods' rounded interest. */
      readonly interestMinor: bigint;
      /** Flat recovery compensation (EUR 40, GBP 40/70/100, contractual fee); 0 when not late. */
      readonly fixedCompensationMinor: bigint;
      /** The rate of the last period; "0.00" when nothing accrued. */
      readonly ratePercent: string;
      readonly days: number;
      readonly dayCount: DayCount;
      readonly rounding: typeof interestRounding;
      /** Oldest first; adjacent half-years with the same rate form one period. */
      readonly periods: readonly InterestPeriod[];
    }
  | {
      readonly kind: 'rate_unknown';
      readonly table: RateTableName;
      /** The day whose published rate is needed (a half-year's reference day). */
      readonly needsRateFor: LocalDate;
      readonly knownUntil: LocalDate;
      readonly cause: UnknownRateCause;
    }
  | { readonly kind: 'error'; readonly reason: string };
