import type { Tone } from './types.ts';

/** The id a step gets when none is written: "d-3", "d0", "d+14"; business days add "b" ("d+3b"). */
export function defaultStepId(offsetDays: number, dayKind: 'calendar' | 'business'): string {
  const sign = offsetDays > 0 ? '+' : '';
  return `d${sign}${offsetDays}${dayKind === 'business' ? 'b' : ''}`;
}

/** The template a step of this tone uses when none is written: "reminder-soft". */
export function defaultTemplate(tone: Tone): string {
  return `reminder-${tone}`;
}

/** The template of a step that puts the payment link first: "reminder-soft-payment-link". */
export function paymentLinkTemplate(tone: Tone): string {
  return `${defaultTemplate(tone)}-payment-link`;
}

/** Ids and template names: letters, digits and . _ + - (they appear in keys and file names). */
export const namePattern = /^[A-Za-z0-9][A-Za-z0-9._+-]*$/;

/** The widest offset a step may have, in days either side of the due date (ten years). */
export const maxOffsetDays = 3650;
