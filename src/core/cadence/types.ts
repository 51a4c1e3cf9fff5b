import type { Segment } from '../ledger.ts';
import type { LocalDate } from '../local-date.ts';
import type { Channel, StepAction, Tone } from '../policy/types.ts';
import type { Reason } from './reasons.ts';

/** The collection state of one account in one currency. */
export type CaseState =
  | { readonly kind: 'active' }
  | { readonly kind: 'paused'; readonly reason: string; readonly until: LocalDate | null }
  | { readonly kind: 'snoozed'; readonly reason: 'promise' | 'out_of_office' | 'other'; readonly until: LocalDate }
  | { readonly kind: 'plan' }
  | { readonly kind: 'escalated'; readonly owner: string | null }
  | { readonly kind: 'closed' };

/** An open invoice as the planner sees it. */
export type PlanInvoice = {
  readonly id: number;
  readonly number: string;
  readonly openMinor: bigint;
  readonly dueDate: LocalDate;
  readonly disputed: boolean;
  /** Step ids already planned or sent for this invoice. */
  readonly sentSteps: ReadonlySet<string>;
};

/** Everything the planner needs about one case, read by the engine from the store. */
export type PlanInput = {
  readonly caseId: number;
  readonly currency: string;
  /** The contact's (else the account's) country: whose weekends and holidays count. */
  readonly country: string;
  readonly segment: Segment;
  readonly state: CaseState;
  readonly invoices: readonly PlanInvoice[];
  readonly lastTouchOn: LocalDate | null;
  readonly lastReplyOn: LocalDate | null;
  readonly touchesSoFar: number;
  readonly hasContact: boolean;
};

/** Why something was sent, held or skipped, for one invoice (or the whole case). */
export type Decision = {
  readonly invoiceId: number | null;
  readonly kind: 'touch' | 'hold' | 'skip';
  readonly stepId: string | null;
  readonly reason: Reason;
  /** The facts behind the reason, in words ("due 2026-03-01 + 14 days = 2026-03-15"). */
  readonly detail: string;
  /** For a step passed over (superseded) or due (a touch): the day it fell due, the one fact its words add. */
  readonly fellDueOn?: LocalDate;
};

/** A touch to write to the outbox. */
export type PlannedTouch = {
  readonly stepId: string;
  readonly channels: readonly Channel[];
  readonly tone: Tone;
  readonly template: string;
  readonly approval: 'review' | 'auto';
  readonly action: StepAction;
  /** Each invoice listed, with the step it is at (a consolidated message lists several). */
  readonly invoices: readonly TouchLine[];
};

/**
 * An invoice in a touch, at its step: with the decision that put it there and the steps it
 * passed over (also in the plan's decisions), so a store keeps them with the line.
 */
export type TouchLine = {
  readonly invoiceId: number;
  readonly stepId: string;
  readonly decision: Decision;
  readonly passedOver: readonly Decision[];
};

/** What the planner decided for a case on a day. */
export type CasePlan = {
  readonly touches: readonly PlannedTouch[];
  readonly decisions: readonly Decision[];
  /**
   * Where the decisions on touch lines begin: `decisions` from this index on are each some
   * touch line's decision or a step it passed over; those before it stand on their own.
   */
  readonly lineDecisionsFrom: number;
  /** The next day something may be due; null when nothing will be without a change. */
  readonly nextActionOn: LocalDate | null;
};
