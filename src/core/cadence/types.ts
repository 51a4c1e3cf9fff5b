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
 * An invoice in a touch, at its step: itself the touch decision that put it there (kind
 * `touch`), with the steps it passed over to get there (planDecisions gives them as decisions).
 */
export type TouchLine = Decision & {
  readonly invoiceId: number;
  readonly invoiceNumber: string;
  readonly kind: 'touch';
  readonly stepId: string;
  readonly fellDueOn: LocalDate;
  /** Oldest first; one list shared by the lines that passed over the same steps on the same days. */
  readonly passedOver: readonly PassedStep[];
};

/** A step an invoice passed over in a catch-up: due on a day a run missed, superseded by a later one. */
export type PassedStep = { readonly stepId: string; readonly fellDueOn: LocalDate };

/** What the planner decided for a case on a day. */
export type CasePlan = {
  readonly touches: readonly PlannedTouch[];
  /**
   * The decisions on no touch line: holds and skips of their own. The touch lines are decisions
   * too, each with the steps it passed over; planDecisions lists them all.
   */
  readonly decisions: readonly Decision[];
  /** The next day something may be due; null when nothing will be without a change. */
  readonly nextActionOn: LocalDate | null;
};
