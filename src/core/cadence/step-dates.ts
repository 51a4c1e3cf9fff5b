import type { BusinessCalendar } from '../business-calendar.ts';
import { addDays, type LocalDate } from '../local-date.ts';
import type { PolicyStep } from '../policy/types.ts';

/** The day a step falls due for an invoice: its due date plus the step's calendar or business days. */
export function stepDate(step: PolicyStep, dueDate: LocalDate, country: string, calendar: BusinessCalendar): LocalDate {
  return step.dayKind === 'business' ? calendar.addBusinessDays(dueDate, step.offsetDays, country) : addDays(dueDate, step.offsetDays);
}

/**
 * The day each of a policy's steps falls due for invoices due on `dueDate` in `country`, in
 * the steps' order. Remembered: a ledger's due dates cluster on a few hundred days, and a run
 * asks for ~100,000 invoices, twice each (a pure function of its arguments; bounded cache).
 */
export function stepDates(steps: readonly PolicyStep[], dueDate: LocalDate, country: string, calendar: BusinessCalendar): readonly LocalDate[] {
  let byCalendar = datesCache.get(steps);
  if (byCalendar === undefined) datesCache.set(steps, (byCalendar = new WeakMap<BusinessCalendar, Map<string, Map<LocalDate, readonly LocalDate[]>>>()));
  let byCountry = byCalendar.get(calendar);
  if (byCountry === undefined) byCalendar.set(calendar, (byCountry = new Map<string, Map<LocalDate, readonly LocalDate[]>>()));
  let byDay = byCountry.get(country);
  if (byDay === undefined) byCountry.set(country, (byDay = new Map<LocalDate, readonly LocalDate[]>()));
  let dates = byDay.get(dueDate);
  if (dates === undefined) {
    dates = steps.map((s) => stepDate(s, dueDate, country, calendar));
    if (byDay.size >= 10_000) byDay.clear();
    byDay.set(dueDate, dates);
  }
  return dates;
}

const datesCache = new WeakMap<readonly PolicyStep[], WeakMap<BusinessCalendar, Map<string, Map<LocalDate, readonly LocalDate[]>>>>();

/** The index of the first step still ahead of an invoice (see stepsAhead); the steps' length when none is. */
export function firstStepAhead(steps: readonly PolicyStep[], sent: ReadonlySet<string>): number {
  return sent.size === 0 ? 0 : furthestSent(steps, sent, null) + 1;
}

/**
 * The steps still ahead of an invoice: those after the furthest step already sent. A step
 * passed over after a gap is never sent later (a missed day is not a skipped escalation, but
 * an old reminder is not sent after a newer one).
 */
export function stepsAhead(steps: readonly PolicyStep[], sent: ReadonlySet<string>): readonly PolicyStep[] {
  const furthest = furthestSent(steps, sent, null);
  // Most invoices of a run have nothing sent yet: the policy's own list, not a copy.
  return furthest === -1 ? steps : steps.slice(furthest + 1);
}

/** The index of the first of the steps still ahead, counting `sentNow` (a step being sent now) as sent too. */
export function nextStepAhead(steps: readonly PolicyStep[], sent: ReadonlySet<string>, sentNow: string | null): number {
  return furthestSent(steps, sent, sentNow) + 1;
}

function furthestSent(steps: readonly PolicyStep[], sent: ReadonlySet<string>, sentNow: string | null): number {
  let furthest = -1;
  for (let i = 0; i < steps.length; i++) {
    const id = (steps[i] as PolicyStep).id;
    if (id === sentNow || sent.has(id)) furthest = i;
  }
  return furthest;
}
