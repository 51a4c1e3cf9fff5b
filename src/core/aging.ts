import { addDays, type LocalDate } from './local-date.ts';

/** Aging buckets by days past due, as AR teams read them. */
export const AgingBucket = {
  current: 'current',
  d1to30: '1-30',
  d31to60: '31-60',
  d61to90: '61-90',
  over90: '90+',
} as const;
export type AgingBucket = (typeof AgingBucket)[keyof typeof AgingBucket];

export const agingBuckets: readonly AgingBucket[] = Object.values(AgingBucket);

/**
 * The due-date thresholds of each bucket on `today`: an invoice is in the first bucket
 * whose `dueOnOrAfter` its due date reaches (current = not yet due, or due today).
 */
export function agingThresholds(today: LocalDate): readonly { bucket: AgingBucket; dueOnOrAfter: LocalDate | null }[] {
  return [
    { bucket: AgingBucket.current, dueOnOrAfter: today },
    { bucket: AgingBucket.d1to30, dueOnOrAfter: addDays(today, -30) },
    { bucket: AgingBucket.d31to60, dueOnOrAfter: addDays(today, -60) },
    { bucket: AgingBucket.d61to90, dueOnOrAfter: addDays(today, -90) },
    { bucket: AgingBucket.over90, dueOnOrAfter: null },
  ];
}

/** The bucket of one invoice due on `dueDate`, seen on `today`. */
export function agingBucketOf(dueDate: LocalDate, today: LocalDate): AgingBucket {
  for (const t of agingThresholds(today)) {
    if (t.dueOnOrAfter === null || dueDate >= t.dueOnOrAfter) return t.bucket;
  }
  return AgingBucket.over90;
}
