// Finds dates in reply text (English, German, French) and resolves them against the day the
// reply arrived. Conventions, so that "next Friday" means one thing everywhere:
// - a weekday ("Friday", "next Friday", "bis Freitag", "vendredi prochain") is the first such
//   day strictly after the reference day (strictly before it, read as a past date);
// - "this week" / "end of the week" is this week's Friday, "next week" next week's Friday;
// - "end of the month" is its last day; a day without a month ("on the 15th", "am 15.",
//   "le 15") already past this month is next month's; a day and month without a year already
//   past this year is next year's; numeric dates are day first unless that is impossible.
import { addDays, addMonths, daysInMonth, fromParts, isoWeekday } from '../core/local-date.ts';
import type { LocalDate } from '../core/local-date.ts';
import { monthNumber, monthPattern, numberWord, numberPattern, weekdayNumber, weekdayPattern } from './date-words.ts';

/** A date found in a text; `future`/`past` are its readings as a coming or a gone day. */
export type DateMention = {
  readonly index: number;
  readonly text: string;
  /** True when a day number was written (15.12., December 15), false for "next week". */
  readonly absolute: boolean;
  readonly future: LocalDate | null;
  readonly past: LocalDate | null;
};

type Parts = { y: number; m: number; d: number };
const parts = (date: LocalDate): Parts => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return { y, m, d };
};
const endOfMonth = (y: number, m: number): LocalDate => fromParts(y, m, daysInMonth(y, m)) as LocalDate;

function dayMonth(ref: LocalDate, m: number, d: number, y: number | null): [LocalDate | null, LocalDate | null] {
  const year = y === null ? null : y < 100 ? 2000 + y : y;
  const { y: ry } = parts(ref);
  if (year !== null) {
    const date = fromParts(year, m, d);
    return [date, date];
  }
  const thisYear = fromParts(ry, m, d);
  if (thisYear === null) return [null, null];
  return [thisYear >= ref ? thisYear : fromParts(ry + 1, m, d), thisYear <= ref ? thisYear : fromParts(ry - 1, m, d)];
}

function dayOnly(ref: LocalDate, d: number): [LocalDate | null, LocalDate | null] {
  const { y, m, d: rd } = parts(ref);
  const next = addMonths(`${y}-${String(m).padStart(2, '0')}-01` as LocalDate, d >= rd ? 0 : 1);
  const prev = addMonths(`${y}-${String(m).padStart(2, '0')}-01` as LocalDate, d <= rd ? 0 : -1);
  const at = (first: LocalDate): LocalDate | null => {
    const p = parts(first);
    return fromParts(p.y, p.m, d);
  };
  return [at(next), at(prev)];
}

function weekday(ref: LocalDate, wd: number): [LocalDate, LocalDate] {
  const ahead = (wd - isoWeekday(ref) + 7) % 7 || 7;
  const back = (isoWeekday(ref) - wd + 7) % 7 || 7;
  return [addDays(ref, ahead), addDays(ref, -back)];
}

function fridayOfWeek(ref: LocalDate, weeksAhead: number): LocalDate {
  const wd = isoWeekday(ref);
  const friday = addDays(ref, 5 - wd + 7 * weeksAhead);
  return wd > 5 && weeksAhead === 0 ? addDays(friday, 7) : friday;
}

type Rule = { re: RegExp; absolute: boolean; resolve: (m: RegExpExecArray, ref: LocalDate) => [LocalDate | null, LocalDate | null] };
const same = (d: LocalDate | null): [LocalDate | null, LocalDate | null] => [d, d];
const num = (s: string | undefined): number => (s === undefined ? NaN : /^\d+$/.test(s) ? Number(s) : numberWord(s));

const rules: readonly Rule[] = [
  { re: /\b(\d{4})-(\d{2})-(\d{2})\b/g, absolute: true, resolve: (m) => same(fromParts(num(m[1]), num(m[2]), num(m[3]))) },
  {
    // 15.12.2025, 15.12., 15/12, 1.8. - day first; month first only when the day cannot be a month.
    re: /(?<![\d.,/])(\d{1,2})([./])(\d{1,2})(?:\2(\d{4}|\d{2}))?(?:\.)?(?![\d%]|[.,]\d)/g,
    absolute: true,
    resolve: (m, ref) => {
      let d = num(m[1]);
      let mo = num(m[3]);
      if (m[2] === '.' && m[4] === undefined && !m[0].endsWith('.')) return [null, null];
      if (mo > 12 && d <= 12) [d, mo] = [mo, d];
      if (mo > 12 || d > 31) return [null, null];
      return dayMonth(ref, mo, d, m[4] === undefined ? null : num(m[4]));
    },
  },
  {
    re: new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th|er|\\.)?\\s*(?:of\\s+)?${monthPattern}\\.?(?:,?\\s+(\\d{4}))?`, 'gi'),
    absolute: true,
    resolve: (m, ref) => dayMonth(ref, monthNumber(m[2] ?? ''), num(m[1]), m[3] ? num(m[3]) : null),
  },
  {
    re: new RegExp(`${monthPattern}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4}))?`, 'gi'),
    absolute: true,
    resolve: (m, ref) => dayMonth(ref, monthNumber(m[1] ?? ''), num(m[2]), m[3] ? num(m[3]) : null),
  },
  {
    re: new RegExp(`\\b(?:end of|ende|fin(?: de| d')?|à la fin de)\\s*${monthPattern}\\b`, 'gi'),
    absolute: false,
    resolve: (m, ref) => {
      const mo = monthNumber(m[1] ?? '');
      const { y } = parts(ref);
      const last = endOfMonth(y, mo);
      return [last >= ref ? last : endOfMonth(y + 1, mo), last];
    },
  },
  { re: new RegExp(`\\b(?:mid|mitte|mi)[- ]${monthPattern}\\b`, 'gi'), absolute: false, resolve: (m, ref) => dayMonth(ref, monthNumber(m[1] ?? ''), 15, null) },
  { re: /\b(?:on|by|the|until)\s+(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\b/gi, absolute: true, resolve: (m, ref) => dayOnly(ref, num(m[1])) },
  { re: /\b(?:am|zum|bis zum|bis|ab dem|ab)\s+(\d{1,2})\.(?!\d)/gi, absolute: true, resolve: (m, ref) => dayOnly(ref, num(m[1])) },
  { re: /\b(?:le|au|du|avant le|jusqu'au)\s+(\d{1,2})(?:er)?\b(?!\s*(?:€|%|h\b|\d|\/|euros?|jours?|mois|ans?))/gi, absolute: true, resolve: (m, ref) => dayOnly(ref, num(m[1])) },
  ...relativeRules(),
];

function relativeRules(): Rule[] {
  const unit = '(days?|weeks?|tagen?|wochen?|jours?|semaines?)';
  const toDays = (n: number, u: string): number => (/^(w|se)/i.test(u) ? n * 7 : n);
  return [
    { re: new RegExp(`\\b(?:in|within|innerhalb von|innerhalb|binnen|dans|sous|d'ici)\\s+(?:etwa\\s+|about\\s+|ca\\.\\s+)?${numberPattern}\\s+${unit}\\b`, 'gi'), absolute: false,
      resolve: (m, ref) => { const n = num(m[1]) * 1; const d = addDays(ref, toDays(n, m[2] ?? '')); return [d, addDays(ref, -toDays(n, m[2] ?? ''))]; } },
    { re: /\b(end of (the |this )?month|month[- ]end|monatsende|ende (des|dieses) monats|fin (du|de) mois|à la fin du mois)\b/gi, absolute: false,
      resolve: (_m, ref) => { const { y, m } = parts(ref); return [endOfMonth(y, m), null]; } },
    { re: /\b(end of next month|ende (des )?n(ä|ae)chsten monats|fin du mois prochain)\b/gi, absolute: false,
      resolve: (_m, ref) => { const n = parts(addMonths(ref, 1)); return [endOfMonth(n.y, n.m), null]; } },
    { re: /\b(end of (the )?year|year[- ]end|jahresende|ende des jahres|fin d'ann(é|e)e)\b/gi, absolute: false,
      resolve: (_m, ref) => [fromParts(parts(ref).y, 12, 31), null] },
    { re: /\b(next week|n(ä|ae)chste[nr]? woche|la semaine prochaine|semaine prochaine|ende n(ä|ae)chster woche)\b/gi, absolute: false,
      resolve: (_m, ref) => [fridayOfWeek(ref, 1), null] },
    { re: /\b(this week|end of (the |this )?week|diese woche|ende der woche|cette semaine|(d'ici )?(la )?fin de (la )?semaine)\b/gi, absolute: false,
      resolve: (_m, ref) => [fridayOfWeek(ref, 0), null] },
    { re: /\b(last week|letzte woche|vorige woche|la semaine derni(è|e)re)\b/gi, absolute: false, resolve: (_m, ref) => [null, addDays(ref, -7)] },
    { re: /\b(day after tomorrow|(ü|ue)bermorgen|apr(è|e)s-demain)\b/gi, absolute: false, resolve: (_m, ref) => [addDays(ref, 2), null] },
    { re: /\b(tomorrow|demain)\b|(?<!guten |heute |morgen )\bmorgen\b(?! fr(ü|ue)h)/gi, absolute: false, resolve: (_m, ref) => [addDays(ref, 1), null] },
    { re: /\b(today|this morning|heute|aujourd'hui|ce matin)\b/gi, absolute: false, resolve: (_m, ref) => same(ref) },
    { re: /\b(yesterday|gestern)\b/gi, absolute: false, resolve: (_m, ref) => [null, addDays(ref, -1)] },
    { re: new RegExp(`${weekdayPattern}`, 'gi'), absolute: false, resolve: (m, ref) => weekday(ref, weekdayNumber(m[1] ?? '')) },
  ];
}

/** Every date mention in `text`, in order of appearance; overlapping later rules are skipped. */
export function findDates(text: string, ref: LocalDate, lang = 'en'): DateMention[] {
  const taken: [number, number][] = [];
  const found: DateMention[] = [];
  const active = lang === 'fr' ? [...rules, frenchYesterday] : rules;
  for (const rule of active) {
    for (const m of text.matchAll(rule.re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      const [future, past] = rule.resolve(m, ref);
      if (future === null && past === null) continue;
      taken.push([start, end]);
      found.push({ index: start, text: m[0], absolute: rule.absolute, future, past });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

// "hier" is "yesterday" only in French (in German it means "here").
const frenchYesterday: Rule = { re: /\bhier\b/gi, absolute: false, resolve: (_m, ref) => [null, addDays(ref, -1)] };
