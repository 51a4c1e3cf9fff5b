import type { Segment } from '../ledger.ts';

/** How a touch reaches the customer. */
export const Channel = {
  email: 'email',
  letter: 'letter',
  sms: 'sms',
  whatsapp: 'whatsapp',
  callTask: 'call_task',
  portal: 'portal',
} as const;
export type Channel = (typeof Channel)[keyof typeof Channel];
export const channels: readonly Channel[] = Object.values(Channel);

/** How firm a step sounds: courtesy and friendly, then firm, formal, final (hard dunning). */
export const Tone = { soft: 'soft', firm: 'firm', formal: 'formal', final: 'final' } as const;
export type Tone = (typeof Tone)[keyof typeof Tone];
export const tones: readonly Tone[] = Object.values(Tone);

/** When a step may go out, beyond its day. All conditions of a step must hold. */
export type StepCondition =
  | { readonly kind: 'segment'; readonly segments: readonly Segment[] }
  /** The case's open amount in `currency` (or any currency when null) within [min, max]. */
  | { readonly kind: 'open_amount'; readonly currency: string | null; readonly minMinor: bigint | null; readonly maxMinor: bigint | null }
  | { readonly kind: 'currency'; readonly currencies: readonly string[] }
  | { readonly kind: 'country'; readonly countries: readonly string[] }
  /** Only when the customer has not replied since the previous step went out. */
  | { readonly kind: 'no_reply_since_last_step' };

/** What happens besides (or instead of) a message at a step. */
export const StepAction = { none: 'none', handOverToOwner: 'hand_over_to_owner' } as const;
export type StepAction = (typeof StepAction)[keyof typeof StepAction];

/** One rung of the ladder, relative to the due date. */
export type PolicyStep = {
  /** Stable id within the policy ("d-3", "d+14"): touches are keyed by it, never renumbered. */
  readonly id: string;
  /** Days from the due date: negative before it, 0 on it, positive after. */
  readonly offsetDays: number;
  /** Whether the offset counts calendar days or business days of the customer's country. */
  readonly dayKind: 'calendar' | 'business';
  readonly channels: readonly Channel[];
  readonly tone: Tone;
  /** Template id, e.g. "reminder-soft"; templates exist per tone and language. */
  readonly template: string;
  readonly conditions: readonly StepCondition[];
  /** 'review': waits in the approval queue; 'auto': sent without approval. */
  readonly approval: 'review' | 'auto';
  readonly action: StepAction;
};

/** Policy-wide settings. */
export type PolicySettings = {
  /** At most one touch per account (and currency) within this many days. */
  readonly minDaysBetweenTouches: number;
  /** Local hours of the contact's time zone in which messages may go out: [start, end). */
  readonly sendWindow: { readonly startHour: number; readonly endHour: number };
  /** ISO weekdays preferred for sending (1 = Monday); other business days are allowed too. */
  readonly preferredWeekdays: readonly number[];
  /** Whose public holidays to avoid: the contact's country, or a fixed country. */
  readonly holidayCalendar: { readonly kind: 'contact_country' } | { readonly kind: 'country'; readonly country: string };
  /** One message per account and currency listing all its overdue invoices. */
  readonly consolidation: boolean;
  /** No more than this many touches per invoice; null for no limit. */
  readonly maxTouches: number | null;
};

/** An ordered ladder of steps and its settings: the one structure YAML, JSON and plain language compile to. */
export type Policy = {
  readonly id: string;
  readonly name: string;
  readonly steps: readonly PolicyStep[];
  readonly settings: PolicySettings;
};

/** The defaults a policy gets for settings it does not state. */
export const defaultPolicySettings: PolicySettings = {
  minDaysBetweenTouches: 3,
  sendWindow: { startHour: 9, endHour: 17 },
  preferredWeekdays: [2, 3, 4],
  holidayCalendar: { kind: 'contact_country' },
  consolidation: true,
  maxTouches: null,
};
