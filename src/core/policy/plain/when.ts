import { maxOffsetDays } from '../step-defaults.ts';
import { countPattern, parseCount } from './numbers.ts';
import { matchAt, phrase } from './pattern.ts';

/** When a step happens, read from the start of a sentence, and where its body begins. */
export type When = {
  readonly offsetDays: number;
  readonly dayKind: 'calendar' | 'business';
  readonly bodyStart: number;
};

const unit = String.raw`(business |working )?(days?|weeks?)`;
const relative = phrase(
  `(?:send )?(${countPattern}) ${unit} (before|after|past) (?:the )?due(?: date)?`,
);
const overdue = phrase(`(${countPattern}) ${unit} (?:overdue|late|past due)`);
const dueDay = phrase(`(?:(?:on|at) (?:the )?due date|when due|on the day it is due|due date)`);
const dayNumber = phrase(String.raw`(?:on )?day ([+-]?\d{1,4})`);
const separator = /\s*(?:[:,;–—-](?!\d)\s*)?/y;

/** Reads the timing phrase a step sentence starts with ("3 days before due", "on day 30"), or null. */
export function parseWhen(sentence: string): When | { readonly error: string } | null {
  const rel = matchAt(relative, sentence, 0);
  const over = rel ? null : matchAt(overdue, sentence, 0);
  let offsetDays: number;
  let dayKind: 'calendar' | 'business' = 'calendar';
  let end: number;
  if (rel || over) {
    const m = (rel ?? over) as RegExpExecArray;
    const count = parseCount(m[1] ?? '');
    if (count === null) return null;
    dayKind = m[2] === undefined ? 'calendar' : 'business';
    const perWeek = dayKind === 'business' ? 5 : 7;
    const days = /^w/i.test(m[3] ?? '') ? count * perWeek : count;
    offsetDays = rel && /^before$/i.test(m[4] ?? '') ? -days : days;
    end = m.index + m[0].length;
  } else {
    const due = matchAt(dueDay, sentence, 0);
    const day = due ? null : matchAt(dayNumber, sentence, 0);
    if (due) offsetDays = 0;
    else if (day) offsetDays = Number(day[1]);
    else return null;
    const m = (due ?? day) as RegExpExecArray;
    end = m.index + m[0].length;
  }
  if (Math.abs(offsetDays) > maxOffsetDays) {
    return { error: `a step more than ${maxOffsetDays} days from the due date is not supported` };
  }
  separator.lastIndex = end;
  separator.exec(sentence);
  return { offsetDays: offsetDays === 0 ? 0 : offsetDays, dayKind, bodyStart: separator.lastIndex };
}
