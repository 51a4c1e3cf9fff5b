import type { PolicySettings } from '../types.ts';
import { namePattern } from '../step-defaults.ts';
import { countPattern, parseCount } from './numbers.ts';
import { matchAt, phrase } from './pattern.ts';
import { unquote } from './sentences.ts';
import { parseWeekdays } from './weekdays.ts';

/** The policy being compiled, besides its steps. */
export type PlainDraft = {
  id: string;
  name: string;
  settings: { -readonly [K in keyof PolicySettings]: PolicySettings[K] };
};

/** A settings sentence understood: which setting it states and how to apply it. */
export type SettingSentence = { readonly key: string; readonly apply: (draft: PlainDraft) => void };

const quoted = String.raw`"((?:[^"\\]|\\.)*)"`;
const hour = String.raw`\d{1,2}(?::\d{2})?(?: ?[ap]\.?m\.?)?`;
const whole = (re: string): RegExp => phrase(`${re}$`);

const header = whole(`policy ${quoted}(?:,? (?:called|named) ${quoted})?`);
const cap = whole(
  `(?:at most|no more than|max(?:imum)?) one (?:touch|message|reminder|contact)(?: per (?:account|customer))? (?:every|per|in|within) (?:(${countPattern}) )?(days?|weeks?)`,
);
const sendWindow = whole(`send (?:only )?between (${hour}) and (${hour})(?: on (.+))?`);
const days = whole('(?:send|prefer sending|prefer) on (.+)');
const consolidate = whole(
  'consolidate(?: per (?:customer|account))?(?: and currency)?|one message per (?:customer|account)(?: and currency)?',
);
const noConsolidate = whole("(?:do not|don't|never) consolidate(?: .*)?|one message per invoice");
const maxTouches = whole(
  `(?:at most|no more than) (${countPattern}) (?:touch|touches|messages?|reminders?) per invoice`,
);
const noMax = whole('no limit on (?:touches|messages|reminders)(?: per invoice)?');
const holidays = whole(
  "(?:use|avoid) (?:the )?(?:public )?holidays (?:of|in) (?:(the contact's country)|([a-z]{2}))",
);

function readHour(text: string): number | string {
  const m = /^(\d{1,2})(?::(\d{2}))?\s*(?:([ap])\.?m\.?)?$/i.exec(text.trim());
  let h = Number(m?.[1] ?? NaN);
  if (m?.[2] !== undefined && m[2] !== '00')
    return `send windows are whole hours: "${text}" has minutes`;
  const half = m?.[3]?.toLowerCase();
  if (half !== undefined && (h < 1 || h > 12)) return `"${text}" is not an hour`;
  if (half === 'a' && h === 12) h = 0;
  if (half === 'p' && h !== 12) h += 12;
  return h >= 0 && h <= 24 ? h : `"${text}" is not an hour`;
}

/** Reads a settings sentence ("At most one touch every 7 days."), an error, or null when it is not one. */
export function parseSetting(
  sentence: string,
): SettingSentence | { readonly error: string } | null {
  const s = sentence.trim();
  let m = matchAt(header, s, 0);
  if (m) {
    const [, id, name] = m;
    if (!namePattern.test(unquote(id ?? '')))
      return { error: 'a policy id may only hold letters, digits and . _ + -' };
    return {
      key: 'policy',
      apply: (d) => {
        d.id = unquote(id ?? '');
        if (name !== undefined) d.name = unquote(name);
      },
    };
  }
  if ((m = matchAt(cap, s, 0))) {
    const n = m[1] === undefined ? 1 : parseCount(m[1]);
    if (n === null) return { error: `"${m[1] ?? ''}" is not a number` };
    const value = /^w/i.test(m[2] ?? '') ? n * 7 : n;
    return {
      key: 'cap',
      apply: (d) => {
        d.settings.minDaysBetweenTouches = value;
      },
    };
  }
  if ((m = matchAt(sendWindow, s, 0))) {
    const start = readHour(m[1] ?? '');
    const end = readHour(m[2] ?? '');
    if (typeof start === 'string') return { error: start };
    if (typeof end === 'string') return { error: end };
    if (start >= end) return { error: 'the send window must start before it ends' };
    const weekdays = m[3] === undefined ? null : parseWeekdays(m[3]);
    if (typeof weekdays === 'string') return { error: weekdays };
    return {
      key: 'window',
      apply: (d) => {
        d.settings.sendWindow = { startHour: start, endHour: end };
        if (weekdays !== null) d.settings.preferredWeekdays = weekdays;
      },
    };
  }
  if ((m = matchAt(days, s, 0))) {
    const weekdays = parseWeekdays(m[1] ?? '');
    if (typeof weekdays === 'string') return { error: weekdays };
    return {
      key: 'weekdays',
      apply: (d) => {
        d.settings.preferredWeekdays = weekdays;
      },
    };
  }
  if (matchAt(noConsolidate, s, 0))
    return {
      key: 'consolidation',
      apply: (d) => {
        d.settings.consolidation = false;
      },
    };
  if (matchAt(consolidate, s, 0))
    return {
      key: 'consolidation',
      apply: (d) => {
        d.settings.consolidation = true;
      },
    };
  if ((m = matchAt(maxTouches, s, 0))) {
    const n = parseCount(m[1] ?? '');
    if (n === null || n < 1) return { error: `"${m[1] ?? ''}" is not a positive number` };
    return {
      key: 'maxTouches',
      apply: (d) => {
        d.settings.maxTouches = n;
      },
    };
  }
  if (matchAt(noMax, s, 0))
    return {
      key: 'maxTouches',
      apply: (d) => {
        d.settings.maxTouches = null;
      },
    };
  if ((m = matchAt(holidays, s, 0))) {
    const country = m[2]?.toUpperCase();
    return {
      key: 'holidays',
      apply: (d) => {
        d.settings.holidayCalendar =
          country === undefined ? { kind: 'contact_country' } : { kind: 'country', country };
      },
    };
  }
  return null;
}
