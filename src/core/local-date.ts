/** A calendar date without a time or zone, 'YYYY-MM-DD': due dates, issue dates, day counts. */
export type LocalDate = string & { readonly __brand: 'LocalDate' };

/** Parses 'YYYY-MM-DD', refusing impossible dates such as 2023-02-30; null when invalid. */
export function parseLocalDate(text: string): LocalDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  return fromParts(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Builds a LocalDate from year, month (1-12) and day; null when no such day exists. */
export function fromParts(year: number, month: number, day: number): LocalDate | null {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  const y = String(year).padStart(4, '0');
  return `${y}-${pad2(month)}-${pad2(day)}` as LocalDate;
}

/** The number of days in a month of a year (Gregorian). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// A ledger's dates cluster on a few hundred days, and the planner turns each invoice's due date
// into step dates: both conversions are remembered (pure functions; bounded caches).
function remembered<K, V>(compute: (key: K) => V): (key: K) => V {
  const cache = new Map<K, V>();
  return (key) => {
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    const value = compute(key);
    if (cache.size >= 50_000) cache.clear();
    cache.set(key, value);
    return value;
  };
}
const epochDayOf = remembered((date: LocalDate) => computeEpochDay(date));
const dateOf = remembered((day: number) => computeDate(day));

/** Days since 1970-01-01 (negative before). Integer arithmetic on the proleptic Gregorian calendar. */
export function toEpochDay(date: LocalDate): number {
  return epochDayOf(date);
}

function computeEpochDay(date: LocalDate): number {
  const y0 = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The LocalDate a number of days after 1970-01-01. */
export function fromEpochDay(day: number): LocalDate {
  return dateOf(day);
}

function computeDate(day: number): LocalDate {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}` as LocalDate;
}

/** The date `days` later (or earlier, when negative). */
export function addDays(date: LocalDate, days: number): LocalDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return toEpochDay(b) - toEpochDay(a);
}

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((toEpochDay(date) + 3) % 7) + 7) % 7) + 1;
}

/** The same day `months` later, clamped to the month's last day (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return fromParts(year, month, Math.min(d, daysInMonth(year, month))) as LocalDate;
}

/** Compares two dates for sorting. */
export function compareDates(a: LocalDate, b: LocalDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
