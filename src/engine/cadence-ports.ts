import type { CaseState, Decision, PlanInvoice, TouchLine } from '../core/cadence/types.ts';
import type { Segment } from '../core/ledger.ts';
import type { LocalDate } from '../core/local-date.ts';

/** A collection case as stored. */
export type CaseRecord = {
  readonly id: number;
  readonly accountId: number;
  readonly currency: string;
  readonly state: CaseState;
  readonly nextActionOn: LocalDate | null;
  readonly lastTouchOn: LocalDate | null;
  readonly lastReplyOn: LocalDate | null;
  readonly touchesCount: number;
};

/** A case with what planning needs: its account, whether it has a contact, its open invoices. */
export type CaseContext = {
  readonly record: CaseRecord;
  readonly account: { readonly id: number; readonly ref: string; readonly name: string; readonly country: string; readonly segment: Segment; readonly timeZone: string };
  readonly hasContact: boolean;
  readonly invoices: readonly PlanInvoice[];
};

export type NewTouch = {
  readonly caseId: number;
  readonly stepId: string;
  readonly policyId: string;
  readonly plannedOn: LocalDate;
  readonly channels: readonly string[];
  readonly tone: string;
  readonly template: string;
  readonly action: string;
  readonly status: 'pending_review' | 'approved';
  readonly idempotencyKey: string;
  readonly invoices: readonly TouchLine[];
};

export type DecisionRow = {
  readonly runOn: LocalDate;
  readonly caseId: number;
  readonly invoiceId: number | null;
  readonly kind: string;
  readonly stepId: string | null;
  readonly reason: string;
  readonly detail: string;
  readonly touchId: number | null;
};

/** A place in the claim order: the last case claimed so far. */
export type ClaimCursor = { readonly nextActionOn: LocalDate; readonly id: number };

/** What a planning run needs from the store, inside one transaction. */
export interface CadenceTx {
  /**
   * Due cases (next action on or before `today`), in order of next action and id, locked for
   * this transaction where the store can; with `after`, only those past that case in the order
   * (a run's cursor, so each claim does not walk again over the cases already planned).
   */
  claimDueCases(today: LocalDate, limit: number, after?: ClaimCursor | null): Promise<CaseRecord[]>;
  loadContexts(cases: readonly CaseRecord[]): Promise<CaseContext[]>;
  /**
   * Writes one batch's plans in a few statements: the touches (with their invoices), each
   * case's decisions (a touch decision belongs to the touch its invoice is in), and each
   * case's next action.
   */
  writePlans(batch: PlanWrites): Promise<void>;
}

/**
 * One case's decisions of the day that stand on no touch line (holds and skips), as the planner
 * made them; each touch line keeps its own decision and the steps it passed over (NewTouch).
 */
export type CaseDecisions = {
  readonly caseId: number;
  readonly decisions: readonly Decision[];
};

/** Everything a batch of plans writes, all on the day `runOn`. */
export type PlanWrites = {
  readonly runOn: LocalDate;
  readonly touches: readonly NewTouch[];
  readonly decisions: readonly CaseDecisions[];
  readonly cases: readonly { readonly caseId: number; readonly nextActionOn: LocalDate | null; readonly lastTouchOn: LocalDate | null; readonly touchesAdded: number }[];
};

/** The cadence store, as the engine sees it. */
export interface CadenceStore {
  /**
   * Runs `fn` in one transaction. A store that reads a batch before the transaction that writes
   * it (SQLite's run worker) runs `fn` again when it finds those rows outdated: `fn` has no effect
   * but its result and its writes through `tx`.
   */
  transaction<T>(fn: (tx: CadenceTx) => Promise<T>): Promise<T>;
  /**
   * How many batches the store can plan at once: 1 on a single-writer store (SQLite) that plans
   * and writes on one thread; 2 where one batch is written while the next is planned: on a server
   * whose claim skips rows another transaction holds (PostgreSQL), on SQLite with its run worker.
   */
  readonly concurrentBatches: number;
  /**
   * Runs a run's batches (`transaction` calls); a store may use it to work ahead meanwhile and
   * stop at the end (SQLite reads and writes them in a worker thread).
   */
  runBatches?<T>(batches: () => Promise<T>): Promise<T>;
  /** Cases that are not closed and may act by `until` (for preview), optionally one account's. */
  casesActingBy(until: LocalDate, accountRef: string | null): Promise<CaseContext[]>;
  /** The cases of an account (by reference or id), or of the account an invoice number belongs to. */
  casesFor(target: { readonly accountRef: string } | { readonly invoiceNumber: string }): Promise<CaseContext[]>;
  /** Decisions recorded by earlier runs for the cases (or one invoice of them), oldest first. */
  decisionHistory(caseIds: readonly number[], invoiceId: number | null): Promise<(DecisionRow & { invoiceNumber: string | null })[]>;
}
