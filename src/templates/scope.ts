// The variables a template sees: the ReminderContent as given, plus a few sums that Liquid
// could only compute through floats.
import type { ReminderContent } from './types.ts';

/** The Liquid scope for one reminder (see variables.ts for the list templates may use). */
export function templateScope(content: ReminderContent): Record<string, unknown> {
  const extra =
    content.interest === null
      ? 0n
      : content.interest.interestMinor + content.interest.fixedCompensationMinor;
  return {
    ...content,
    /** What the customer owes with interest and compensation, in minor units of `currency`. */
    claimTotalMinor: content.totalOpenMinor + extra,
    maxDaysOverdue: content.invoices.reduce((max, i) => Math.max(max, i.daysOverdue), 0),
  };
}
