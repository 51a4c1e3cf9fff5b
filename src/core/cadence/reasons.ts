/**
 * Every touch, hold and skip has a named reason: stored, shown by `explain`, tested.
 * The words are for finance people.
 */
export const Reason = {
  stepDue: 'step_due',
  paid: 'paid',
  creditedToZero: 'credited',
  disputed: 'disputed',
  paused: 'paused',
  snoozed: 'snoozed',
  promise: 'promise',
  onPlan: 'on_plan',
  strategic: 'strategic',
  cap: 'cap',
  nonBusinessDay: 'non_business_day',
  preferredWeekday: 'preferred_weekday',
  conditionNotMet: 'condition_not_met',
  maxTouches: 'max_touches',
  superseded: 'superseded',
  alreadySent: 'already_sent',
  noContact: 'no_contact',
  notYetDue: 'not_yet_due',
  globalPause: 'global_pause',
} as const;
export type Reason = (typeof Reason)[keyof typeof Reason];

const words: Record<Reason, string> = {
  step_due: 'the step is due',
  paid: 'the invoice is paid',
  credited: 'the invoice is credited to zero',
  disputed: 'the invoice is disputed; it is never dunned while the dispute is open',
  paused: 'collection for this customer is paused',
  snoozed: 'collection is snoozed',
  promise: 'the customer promised to pay',
  on_plan: 'the customer is on a payment plan',
  strategic: 'strategic account: no automatic messages, the owner handles it',
  cap: 'the customer was contacted too recently (frequency cap)',
  non_business_day: 'not a business day in the customer\u2019s country',
  preferred_weekday: 'waiting for a preferred sending weekday',
  condition_not_met: 'a condition of the step does not hold',
  max_touches: 'the maximum number of reminders is reached',
  superseded: 'passed over: a later step was already due, so only that one is sent',
  already_sent: 'this step was already sent for this invoice',
  no_contact: 'no contact to send to',
  not_yet_due: 'no step is due yet',
  global_pause: 'all sending is paused',
};

/** A reason in plain words. */
export function describeReason(reason: Reason): string {
  return words[reason];
}

/**
 * The words for a step passed over: one per step a catch-up skipped, so stores keep only the
 * step and its day and render these words when they read it back.
 */
export function supersededDetail(stepId: string, invoiceNumber: string, fellDueOn: string, sentStepId: string): string {
  return `step ${stepId} of invoice ${invoiceNumber} fell due on ${fellDueOn}; step ${sentStepId} is due now`;
}

/**
 * The words for a step due: the same for every invoice at that step on that day, so a store
 * may keep only the day (and the step's tone and channels, which its touch has) and render
 * these words when it reads it back.
 */
export function stepDueDetail(stepId: string, tone: string, channels: readonly string[], fellDueOn: string): string {
  return `step ${stepId} (${tone}, ${channels.join(' + ')}) fell due on ${fellDueOn}`;
}
