// The public surface of late-payment interest; everything else in this folder is internal.
export { calculateInterest } from './calculate.ts';
export { mergeRateTable, type MergeResult } from './merge.ts';
export { parseRateTable, rateOn } from './rates.ts';
export type {
  RateChange,
  RateLookup,
  RateTable,
  RateTableName,
  RateTables,
  UnknownRateCause,
} from './rates.ts';
export { shippedRateTables } from './shipped.ts';
export type { DayCount } from './day-count.ts';
export { interestRounding } from './types.ts';
export type { InterestInput, InterestLaw, InterestPeriod, InterestResult } from './types.ts';
