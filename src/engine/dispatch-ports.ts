import type { CaseState } from '../core/cadence/types.ts';
import type { Segment } from '../core/ledger.ts';
import type { LocalDate } from '../core/local-date.ts';
import type { Channel, Tone } from '../core/policy/types.ts';

/** A touch as the dispatcher sends it, with everything its message says, read at the moment of sending. */
export type TouchDelivery = {
  readonly touchId: number;
  readonly caseId: number;
  readonly idempotencyKey: string;
  readonly stepId: string;
  readonly tone: Tone;
  readonly channels: readonly Channel[];
  readonly plannedOn: LocalDate;
  readonly caseState: CaseState;
  readonly account: { readonly id: number; readonly ref: string; readonly name: string; readonly country: string; readonly timeZone: string; readonly segment: Segment };
  readonly contact: { readonly name: string | null; readonly email: string | null; readonly phone: string | null; readonly language: string } | null;
  /** The touch's invoices as they stand now (open amount, dispute). */
  readonly invoices: readonly { readonly id: number; readonly number: string; readonly issueDate: LocalDate; readonly dueDate: LocalDate; readonly totalMinor: bigint; readonly openMinor: bigint; readonly currency: string; readonly disputed: boolean }[];
  readonly priorReminders: readonly { readonly date: LocalDate; readonly stepId: string; readonly channel: Channel }[];
  /** Channels already delivered by an earlier attempt: never sent again. */
  readonly delivered: readonly Channel[];
  readonly override: { readonly subject: string | null; readonly text: string | null };
  readonly attempts: number;
  /** For a card-update email: its failed card payment as it stands now; absent or null for reminders. */
  readonly card?: CardOfTouch | null;
};

/** The failed card payment a card-update touch is about. */
export type CardOfTouch = {
  readonly failureId: number;
  readonly hard: boolean;
  readonly final: boolean;
  readonly retryOn: LocalDate | null;
  readonly suspendOn: LocalDate | null;
};

/** The outcome of one channel of one touch. */
export type ChannelResult =
  | { readonly kind: 'sent'; readonly providerId: string }
  | { readonly kind: 'task'; readonly title: string; readonly detail: string }
  | { readonly kind: 'transient'; readonly reason: string }
  | { readonly kind: 'permanent'; readonly reason: string };

/** Turns a touch into messages on one channel and hands them to the provider. */
export interface Deliverer {
  deliver(touch: TouchDelivery, channel: Channel, today: LocalDate): Promise<ChannelResult>;
}

/** What dispatching needs from the store. */
export interface DispatchStore {
  /** Approved touches due by `today` and not waiting for a retry, marked 'sending' (claimed) in one transaction. */
  claim(today: LocalDate, nowIso: string, limit: number): Promise<number[]>;
  /** Touches left in 'sending' by a process that died (older than `beforeIso`): to be checked by a person. */
  interrupted(beforeIso: string): Promise<number[]>;
  snapshot(touchId: number): Promise<TouchDelivery>;
  recordChannel(touchId: number, channel: Channel, result: ChannelResult, nowIso: string): Promise<void>;
  finish(touchId: number, status: 'sent' | 'cancelled' | 'failed' | 'needs_check', reason: string | null, nowIso: string): Promise<void>;
  retryLater(touchId: number, nextAttemptIso: string, countAttempt: boolean, reason: string, nowIso: string): Promise<void>;
  narrow(touchId: number, droppedInvoiceIds: readonly number[], reason: string): Promise<void>;
  createTask(task: { kind: string; accountId: number; touchId: number; title: string; detail: string }, nowIso: string): Promise<void>;
}
