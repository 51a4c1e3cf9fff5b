// The retry schedule of one failed card payment: the next retry day, or why retrying stopped,
// the end of the grace period, and the day the customer's service is to be suspended.
import { addDays, daysBetween, type LocalDate } from '../local-date.ts';
import { visaMaxReattempts, visaWindowDays } from './codes.ts';
import type { DeclineClass } from './decline.ts';

/** How a creditor retries failed card payments. */
export type CardRetryPolicy = {
  /** Days after the first failure on which to retry, ascending (one retry per entry). */
  readonly retryDays: readonly number[];
  /** Days from the end of retrying (a hard decline, or the last retry failed) to suspension. */
  readonly graceDays: number;
};

/**
 * The default: retries 1, 3, 5 and 7 days after the failure (four reattempts, far inside
 * Visa's 15 in 30 days), then seven days of grace before suspension.
 */
export const defaultCardRetryPolicy: CardRetryPolicy = { retryDays: [1, 3, 5, 7], graceDays: 7 };

/** One declined attempt of the payment: the first charge or a retry. */
export type DeclinedAttempt = { readonly on: LocalDate; readonly decline: DeclineClass };

/** Why no further retry is scheduled. */
export type StopReason = 'hard_decline' | 'schedule_exhausted';

/** What happens next to a failed payment. */
export type RetryPlan =
  | {
      readonly kind: 'retry';
      /** The day the next retry is due. */
      readonly on: LocalDate;
      /** 1 for the first retry. */
      readonly retryNumber: number;
      /** Why this day: the schedule, a network wait, or the Visa cap pushed it later. */
      readonly why: string;
    }
  | {
      readonly kind: 'stop';
      readonly reason: StopReason;
      /** The day retrying ended: the hard decline, or the last failed retry. */
      readonly since: LocalDate;
      /** The last day of grace; the service is suspended the day after. */
      readonly graceEndsOn: LocalDate;
      readonly suspendOn: LocalDate;
      readonly why: string;
    };

/**
 * Plans the next step of a failed payment from its declined attempts (oldest first, at least
 * the first). A hard decline at any attempt ends retrying for good (Mastercard: none after
 * advice 03 or 21; Visa: none after category 1). Otherwise the next policy day after the
 * retries already made, no sooner than the network's advised wait after the last attempt, and
 * moved later while it would be a 16th reattempt in 30 days (Visa's limit, applied whatever
 * the brand: the strictest network decides). At most one retry a day.
 */
export function planRetry(attempts: readonly DeclinedAttempt[], policy: CardRetryPolicy): RetryPlan {
  const first = attempts[0];
  const last = attempts[attempts.length - 1];
  if (first === undefined || last === undefined) throw new Error('planRetry needs the first declined attempt');
  const hardOne = attempts.find((a) => a.decline.category === 'hard');
  if (hardOne !== undefined) return stop('hard_decline', hardOne.on, policy, `never retried: ${hardOne.decline.text}`);
  const retriesMade = attempts.length - 1;
  const offset = policy.retryDays[retriesMade];
  if (offset === undefined) {
    return stop('schedule_exhausted', last.on, policy, `all ${policy.retryDays.length} scheduled retries failed`);
  }
  let on = addDays(first.on, offset);
  let why = `retry ${retriesMade + 1} of ${policy.retryDays.length}, day ${offset} after the failure`;
  const earliest = addDays(last.on, Math.max(1, last.decline.waitDays));
  if (on < earliest) {
    on = earliest;
    why = `${why}, moved to ${earliest}: ${last.decline.waitDays > 1 ? last.decline.text : 'at most one retry a day'}`;
  }
  const capped = visaCapDay(attempts.slice(1).map((a) => a.on), on);
  if (capped !== on) {
    why = `${why}, moved to ${capped}: Visa allows at most ${visaMaxReattempts} reattempts in ${visaWindowDays} days`;
    on = capped;
  }
  return { kind: 'retry', on, retryNumber: retriesMade + 1, why };
}

/**
 * The first day on or after `candidate` on which one more reattempt keeps every window of
 * `visaWindowDays` days at no more than `visaMaxReattempts` reattempts.
 */
export function visaCapDay(reattempts: readonly LocalDate[], candidate: LocalDate): LocalDate {
  const sorted = [...reattempts].sort();
  let on = candidate;
  for (;;) {
    const inWindow = sorted.filter((d) => daysBetween(d, on) < visaWindowDays && d <= on);
    if (inWindow.length < visaMaxReattempts) return on;
    // The window must lose its oldest reattempts until one place is free.
    const leaving = inWindow[inWindow.length - visaMaxReattempts] as LocalDate;
    on = addDays(leaving, visaWindowDays);
  }
}

function stop(reason: StopReason, since: LocalDate, policy: CardRetryPolicy, why: string): RetryPlan {
  const graceEndsOn = addDays(since, policy.graceDays);
  return { kind: 'stop', reason, since, graceEndsOn, suspendOn: addDays(graceEndsOn, 1), why: `${why}; grace until ${graceEndsOn}` };
}

/** Checks a policy: retry days positive and ascending, grace not negative; the problems in words. */
export function checkCardRetryPolicy(policy: CardRetryPolicy): string[] {
  const problems: string[] = [];
  policy.retryDays.forEach((d, i) => {
    if (!Number.isInteger(d) || d < 1) problems.push(`retry day ${String(d)} must be a whole number of days, at least 1`);
    const before = policy.retryDays[i - 1];
    if (before !== undefined && d <= before) problems.push(`retry days must ascend (${before} then ${d})`);
  });
  if (!Number.isInteger(policy.graceDays) || policy.graceDays < 0) problems.push(`grace days must be a whole number, 0 or more (not ${policy.graceDays})`);
  return problems;
}
