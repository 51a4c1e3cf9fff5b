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
  const furthest = furthestSent(steps, sent, null);
  // Most invoices of a run have nothing sent yet: the policy's own list, not a copy.
  return furthest === -1 ? steps : steps.slice(furthest + 1);
}

/** The first of the steps still ahead, counting `sentNow` (a step being sent now) as sent too. */
export function nextStepAhead(steps: readonly PolicyStep[], sent: ReadonlySet<string>, sentNow: string | null): PolicyStep | undefined {
  return steps[furthestSent(steps, sent, sentNow) + 1];
}

function furthestSent(steps: readonly PolicyStep[], sent: ReadonlySet<string>, sentNow: string | null): number {
  let furthest = -1;
  steps.forEach((s, i) => {
    if (s.id === sentNow || sent.has(s.id)) furthest = i;
  });
  return furthest;
}
