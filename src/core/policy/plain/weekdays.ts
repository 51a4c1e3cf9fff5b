/** ISO weekday names, Monday first. */
export const weekdayNames = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;

// prettier-ignore
const abbreviations: Readonly<Record<string, number>> = {
  mon: 1, tue: 2, tues: 2, wed: 3, thu: 4, thur: 4, thurs: 4, fri: 5, sat: 6, sun: 7,
};

/** The ISO number (1 = Monday) of a day name, its abbreviation or its plural, else null. */
export function weekdayNumber(word: string): number | null {
  const w = word.toLowerCase().replace(/s$/, '');
  const full = weekdayNames.findIndex((n) => n === w);
  if (full >= 0) return full + 1;
  return abbreviations[w] ?? null;
}

/**
 * Reads "Tuesday to Thursday", "Monday, Wednesday and Friday", "weekdays" or "any day" into
 * sorted ISO weekday numbers ([] for any day); an error text when a word is not a day.
 */
export function parseWeekdays(text: string): readonly number[] | string {
  const t = text.trim().toLowerCase();
  if (/^any day$/.test(t)) return [];
  if (/^(?:weekdays|working days|business days)$/.test(t)) return [1, 2, 3, 4, 5];
  const range = /^(\S+)\s+(?:to|through|till|until|-)\s+(\S+)$/.exec(t);
  if (range) {
    const from = weekdayNumber(range[1] ?? '');
    const to = weekdayNumber(range[2] ?? '');
    if (from === null || to === null) return `not a day of the week in "${text}"`;
    if (to < from) return `"${text}" runs backwards: write the earlier day first`;
    return Array.from({ length: to - from + 1 }, (_, i) => from + i);
  }
  const days: number[] = [];
  for (const part of t.split(/\s*,\s*|\s+and\s+|\s+or\s+/)) {
    const day = weekdayNumber(part);
    if (day === null) return `"${part}" is not a day of the week`;
    if (!days.includes(day)) days.push(day);
  }
  return days.sort((a, b) => a - b);
}

/** Writes weekday numbers the way `parseWeekdays` reads them. */
export function formatWeekdays(days: readonly number[]): string {
  if (days.length === 0) return 'any day';
  const names = days.map((d) => capitalize(weekdayNames[d - 1] ?? ''));
  const contiguous = days.every((d, i) => i === 0 || d === (days[i - 1] ?? 0) + 1);
  if (days.length >= 3 && contiguous)
    return `${names[0] ?? ''} to ${names[names.length - 1] ?? ''}`;
  if (names.length === 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''}`;
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
