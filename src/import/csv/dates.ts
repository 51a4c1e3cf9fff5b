import { fromParts, type LocalDate } from '../../core/local-date.ts';

/** The order of day, month and year in numeric dates such as 03/04/2024. */
export type DateOrder = 'ymd' | 'dmy' | 'mdy';

/** The outcome of reading one date cell. */
export type LocaleDate =
  | { readonly kind: 'ok'; readonly date: LocalDate; readonly evidence: 'dmy' | 'mdy' | null }
  | { readonly kind: 'ambiguous'; readonly reason: string }
  | { readonly kind: 'error'; readonly reason: string };

// English, German and French month names and their usual abbreviations (first 3+ letters).
const monthNames: ReadonlyArray<readonly string[]> = [
  ['jan', 'january', 'januar', 'janv', 'janvier', 'jän', 'jänner'],
  ['feb', 'february', 'februar', 'févr', 'février', 'fevr', 'fevrier'],
  ['mar', 'march', 'mär', 'märz', 'mrz', 'mars'],
  ['apr', 'april', 'avr', 'avril'],
  ['may', 'mai'],
  ['jun', 'june', 'juni', 'juin'],
  ['jul', 'july', 'juli', 'juil', 'juillet'],
  ['aug', 'august', 'août', 'aout'],
  ['sep', 'sept', 'september', 'septembre'],
  ['oct', 'october', 'okt', 'oktober', 'octobre'],
  ['nov', 'november', 'novembre'],
  ['dec', 'december', 'dez', 'dezember', 'déc', 'décembre'],
];
const monthByName = new Map(monthNames.flatMap((names, i) => names.map((n) => [n, i + 1] as const)));

// A time of day after the date ("2024-03-12 00:00:00", "2024-03-12T10:00:00+01:00",
// "3/12/2024 9:05 AM"): the calendar date is kept as written, never shifted by the offset.
const timePart = /[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:[AP]M)?\s*(?:Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Reads a date cell: ISO 'YYYY-MM-DD' (with or without a time), 'YYYY/MM/DD', 'YYYYMMDD',
 * 'DD.MM.YYYY', '12 Mar 2024', 'Mar 12, 2024', and 'D/M/YYYY' or 'M/D/YYYY' by `order`.
 * With `order` null, a slash date is read only when a part above 12 shows which is the day.
 */
export function parseLocaleDate(text: string, order: DateOrder | null): LocaleDate {
  // A ledger repeats the same few hundred dates: each text is read once per order (the results are immutable).
  const seen = seenByOrder[order ?? 'auto'];
  const hit = seen.get(text);
  if (hit !== undefined) return hit;
  const read = readDate(text, order);
  if (seen.size >= 8192) seen.clear();
  seen.set(text, read);
  return read;
}

const seenByOrder: Record<DateOrder | 'auto', Map<string, LocaleDate>> = { ymd: new Map(), dmy: new Map(), mdy: new Map(), auto: new Map() };

function readDate(text: string, order: DateOrder | null): LocaleDate {
  const value = text.trim().replace(timePart, '').trim();
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(value) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (m) return build(text, Number(m[1]), Number(m[2]), Number(m[3]), null);
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value);
  if (m) return build(text, Number(m[3]), Number(m[2]), Number(m[1]), null);
  m = /^(\d{1,2})[-/](\d{1,2})[-/](\d{4})$/.exec(value);
  if (m) return dayMonth(text, Number(m[1]), Number(m[2]), Number(m[3]), order);
  m = /^(\d{1,2})\.?[\s-]+([\p{L}]+)\.?,?[\s-]+(\d{4})$/u.exec(value);
  if (m) return named(text, Number(m[1]), m[2] ?? '', Number(m[3]));
  m = /^([\p{L}]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/u.exec(value);
  if (m) return named(text, Number(m[2]), m[1] ?? '', Number(m[3]));
  if (/^\d{1,2}[-/.]\d{1,2}[-/.]\d{2}$/.test(value)) {
    return { kind: 'error', reason: `"${text}" has a two-digit year; use four digits` };
  }
  return { kind: 'error', reason: `"${text}" is not a date` };
}

function dayMonth(text: string, a: number, b: number, year: number, order: DateOrder | null): LocaleDate {
  if (order === 'ymd') return { kind: 'error', reason: `"${text}" is not in year-month-day order` };
  if (order === 'dmy') return build(text, year, b, a, null);
  if (order === 'mdy') return build(text, year, a, b, null);
  if (a === b) return build(text, year, a, b, null);
  if (a > 12 && b <= 12) return build(text, year, b, a, 'dmy');
  if (b > 12 && a <= 12) return build(text, year, a, b, 'mdy');
  if (a > 12 && b > 12) return { kind: 'error', reason: `"${text}" has no month` };
  return { kind: 'ambiguous', reason: `"${text}" could be day/month or month/day` };
}

function named(text: string, day: number, name: string, year: number): LocaleDate {
  const month = monthByName.get(name.toLowerCase());
  if (month === undefined) return { kind: 'error', reason: `"${text}" has an unknown month "${name}"` };
  return build(text, year, month, day, null);
}

function build(text: string, year: number, month: number, day: number, evidence: 'dmy' | 'mdy' | null): LocaleDate {
  const date = fromParts(year, month, day);
  if (date === null) return { kind: 'error', reason: `"${text}" is not a real date` };
  return { kind: 'ok', date, evidence };
}
