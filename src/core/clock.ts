import type { LocalDate } from './local-date.ts';

/** The injected source of time: the core and engine never read the system clock. */
export interface Clock {
  /** The current instant. */
  now(): Date;
  /** Today's calendar date in an IANA time zone (the creditor's, or a contact's). */
  today(zone: string): LocalDate;
}

/** The calendar date of an instant in an IANA time zone. */
export function dateInZone(instant: Date, zone: string): LocalDate {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}` as LocalDate;
}

/** A clock fixed at one instant: for tests and for replaying a day (`--as-of`). */
export function fixedClock(instant: Date): Clock {
  return { now: () => new Date(instant.getTime()), today: (zone) => dateInZone(instant, zone) };
}

/** A clock replaying a calendar day (`--as-of`): today is that day in every zone. */
export function asOfClock(day: LocalDate): Clock {
  return { now: () => new Date(`${day}T12:00:00Z`), today: () => day };
}
