// Month, weekday and number words in English, German and French, for dates.ts.

const months: Record<string, number> = {};
const monthNames: readonly string[][] = [
  ['january', 'jan', 'januar', 'jänner', 'janvier', 'janv'],
  ['february', 'feb', 'februar', 'février', 'fevrier', 'févr', 'fevr'],
  ['march', 'mar', 'märz', 'maerz', 'mars'],
  ['april', 'apr', 'avril', 'avr'],
  ['may', 'mai'],
  ['june', 'jun', 'juni', 'juin'],
  ['july', 'jul', 'juli', 'juillet', 'juil'],
  ['august', 'aug', 'août', 'aout'],
  ['september', 'sep', 'sept', 'septembre'],
  ['october', 'oct', 'oktober', 'okt', 'octobre'],
  ['november', 'nov', 'novembre'],
  ['december', 'dec', 'dezember', 'dez', 'décembre', 'decembre', 'déc'],
];
monthNames.forEach((names, i) => names.forEach((n) => (months[n] = i + 1)));

const weekdays: Record<string, number> = {};
const weekdayNames: readonly string[][] = [
  ['monday', 'montag', 'lundi'],
  ['tuesday', 'dienstag', 'mardi'],
  ['wednesday', 'mittwoch', 'mercredi'],
  ['thursday', 'donnerstag', 'jeudi'],
  ['friday', 'freitag', 'vendredi'],
  ['saturday', 'samstag', 'sonnabend', 'samedi'],
  ['sunday', 'sonntag', 'dimanche'],
];
weekdayNames.forEach((names, i) => names.forEach((n) => (weekdays[n] = i + 1)));

const numbers: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  fourteen: 14, fifteen: 15, thirty: 30, a: 1, an: 1,
  ein: 1, eine: 1, einer: 1, einem: 1, zwei: 2, drei: 3, vier: 4, fünf: 5, fuenf: 5, sechs: 6, sieben: 7, acht: 8,
  neun: 9, zehn: 10, elf: 11, zwölf: 12, vierzehn: 14, dreißig: 30,
  un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, sept: 7, huit: 8, neuf: 9, dix: 10, quinze: 15, trente: 30,
};

const alternation = (names: Iterable<string>): string =>
  [...names].sort((a, b) => b.length - a.length).map((n) => n.replace('.', '\\.')).join('|');

/** A capturing group matching any month name or abbreviation. */
export const monthPattern = `(${alternation(Object.keys(months))})(?![a-zà-ÿ])`;
/** A capturing group matching a whole weekday name. */
export const weekdayPattern = `\\b(${alternation(Object.keys(weekdays))})\\b`;
/** A capturing group matching a small number in digits or words. */
export const numberPattern = `(\\d{1,3}|${alternation(Object.keys(numbers))})`;

/** 1-12 for a month name, NaN when unknown. */
export function monthNumber(name: string): number {
  return months[name.toLowerCase()] ?? NaN;
}

/** ISO weekday (1 = Monday) for a weekday name, NaN when unknown. */
export function weekdayNumber(name: string): number {
  return weekdays[name.toLowerCase()] ?? NaN;
}

/** The value of a number word ("two", "zwei", "deux"), NaN when unknown. */
export function numberWord(word: string): number {
  return numbers[word.toLowerCase()] ?? NaN;
}
