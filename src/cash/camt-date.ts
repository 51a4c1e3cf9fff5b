// ISO 20022 date choices: <Dt>2014-12-31</Dt> or <DtTm>2014-12-31T13:15:00+01:00</DtTm>.
import { parseLocalDate, type LocalDate } from '../core/local-date.ts';
import { fail } from './statement.ts';
import { child, type XmlElement } from './xml-tree.ts';

/**
 * The calendar date of a DateAndDateTimeChoice, or null when the element is absent. A DtTm
 * keeps the date as the bank wrote it, without converting its offset to UTC: 00:30+01:00 on
 * the 1st was booked on the 1st, not on the previous day.
 */
export function choiceDate(el: XmlElement | undefined): LocalDate | null {
  if (el === undefined) return null;
  const part = child(el, 'Dt') ?? child(el, 'DtTm');
  if (part === undefined) fail('expected a Dt or DtTm element', el.path);
  const text = part.text.trim();
  const date = parseLocalDate(text.slice(0, 10));
  if (date === null || (text.length > 10 && text[10] !== 'T')) {
    fail(`"${text}" is not a valid date`, part.path);
  }
  return date;
}
