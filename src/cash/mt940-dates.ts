// MT940 dates: YYMMDD value dates, MMDD entry dates without a year, and the 30th of February.
import { daysInMonth, fromParts, type LocalDate } from '../core/local-date.ts';
import { fail } from './statement.ts';

/**
 * A YYMMDD date (years 80-99 are 1980-1999, the rest 2000-2079). German banks date interest
 * and closing entries on the 30th of a month of a 360-day year, so 30 February exists in real
 * files: a day past the month's end (up to 31) is moved to the last day, with a warning, as
 * the python mt940 parser does; anything else impossible is refused naming the line.
 */
export function yymmdd(text: string, line: number, warn: (w: string) => void): LocalDate {
  const m = /^(\d{2})(\d{2})(\d{2})$/.exec(text);
  if (!m) fail(`"${text}" is not a YYMMDD date`, `line ${line}`);
  const yy = Number(m[1]);
  return dateOf(yy >= 80 ? 1900 + yy : 2000 + yy, Number(m[2]), Number(m[3]), text, line, warn);
}

/** An MMDD entry date in the year of `near` (the value date), rolled over at the year's end. */
export function mmddNear(
  text: string,
  near: LocalDate,
  line: number,
  warn: (w: string) => void,
): LocalDate {
  const month = Number(text.slice(0, 2));
  const day = Number(text.slice(2, 4));
  const [nearYear, nearMonth] = near.split('-').map(Number) as [number, number];
  let year = nearYear;
  if (month === 12 && nearMonth === 1) year -= 1;
  if (month === 1 && nearMonth === 12) year += 1;
  return dateOf(year, month, day, text, line, warn);
}

function dateOf(
  year: number,
  month: number,
  day: number,
  text: string,
  line: number,
  warn: (w: string) => void,
): LocalDate {
  const exact = fromParts(year, month, day);
  if (exact !== null) return exact;
  if (month >= 1 && month <= 12 && day >= 1 && day <= 31) {
    const last = fromParts(year, month, daysInMonth(year, month)) as LocalDate;
    warn(`line ${line}: date "${text}" does not exist; read as ${last} (360-day bank calendar)`);
    return last;
  }
  fail(`date "${text}" does not exist (month ${month}, day ${day})`, `line ${line}`);
}
