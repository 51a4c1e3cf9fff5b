import { addDays, compareDates, type LocalDate } from '../local-date.ts';

/** An inclusive run of days [from, to]. */
export type DayRange = { readonly from: LocalDate; readonly to: LocalDate };

/** The first day of the half-year holding `date`: 1 January or 1 July. */
export function halfYearStart(date: LocalDate): LocalDate {
  const year = date.slice(0, 4);
  return (Number(date.slice(5, 7)) <= 6 ? `${year}-01-01` : `${year}-07-01`) as LocalDate;
}

/** The last day of the half-year holding `date`: 30 June or 31 December. */
export function halfYearEnd(date: LocalDate): LocalDate {
  const year = date.slice(0, 4);
  return (Number(date.slice(5, 7)) <= 6 ? `${year}-06-30` : `${year}-12-31`) as LocalDate;
}

/** Splits the inclusive range [from, to] at every 1 January and 1 July (empty when to < from). */
export function splitByHalfYear(range: DayRange): DayRange[] {
  const parts: DayRange[] = [];
  let from = range.from;
  while (compareDates(from, range.to) <= 0) {
    const end = halfYearEnd(from);
    const to = compareDates(end, range.to) < 0 ? end : range.to;
    parts.push({ from, to });
    from = addDays(to, 1);
  }
  return parts;
}
