import type { BusinessCalendar } from '../business-calendar.ts';
import { addDays, type LocalDate } from '../local-date.ts';
import type { PolicyStep } from '../policy/types.ts';

/** The day a step falls due for an invoice: its due date plus the step's calendar or business days. */
export function stepDate(step: PolicyStep, dueDate: LocalDate, country: string, calendar: BusinessCalendar): LocalDate {
  return step.dayKind === 'business' ? calendar.addBusinessDays(dueDate, step.offsetDays, country) : addDays(dueDate, step.offsetDays);
}

/**
 * The steps still ahead of an invoice: those after the furthest step already sent. A step
 * passed over after a gap is never sent later (a missed day is not a skipped escalation, but
 * an old reminder is not sent after a newer one).
 */
export function stepsAhead(steps: readonly PolicyStep[], sent: ReadonlySet<string>): readonly PolicyStep[] {
  let furthest = -1;
  steps.forEach((s, i) => {
    if (sent.has(s.id)) furthest = i;
  });
  return steps.slice(furthest + 1);
}
