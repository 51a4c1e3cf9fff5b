import type { LocalDate } from '../../local-date.ts';
import type { Percent } from '../percent.ts';
import type { RateTableName } from '../rates.ts';

/** The facts of one claim a statutory rule looks at. */
export type LawCase = {
  readonly principalMinor: bigint;
  readonly dueDate: LocalDate;
  readonly businessToBusiness: boolean;
};

/**
 * A statutory late-payment rule: a published reference rate fixed per half-year, plus points,
 * plus a flat compensation once the debt is late. Each law file describes one.
 */
export type StatutoryLaw = {
  readonly name: 'eu' | 'uk' | 'de' | 'fr';
  readonly title: string;
  /** The currency the rule's flat sums are stated in; other currencies are refused. */
  readonly currency: 'EUR' | 'GBP';
  readonly table: RateTableName;
  /** Why the rule does not cover this claim, or null when it does. */
  readonly refuse: (c: LawCase) => string | null;
  /** The day whose published rate sets the reference rate of the half-year starting `halfYear`. */
  readonly referenceDate: (halfYear: LocalDate) => LocalDate;
  /** Percentage points added to the reference rate. */
  readonly margin: (c: LawCase) => Percent;
  /** The flat compensation, in minor units of `currency`, due once the debt is late. */
  readonly fixedCompensationMinor: (c: LawCase) => bigint;
};
