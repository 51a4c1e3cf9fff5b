import { hash } from 'node:crypto';
import type { BusinessCalendar } from '../core/business-calendar.ts';
import { planCase } from '../core/cadence/plan-case.ts';
import type { CasePlan, PlanInput } from '../core/cadence/types.ts';
import { addDays, type LocalDate } from '../core/local-date.ts';
import type { Segment } from '../core/ledger.ts';
import type { Policy } from '../core/policy/types.ts';
import type { CadenceStore, CaseContext, ClaimCursor, NewTouch, PlanWrites } from './cadence-ports.ts';

export type RunDeps = {
  readonly calendar: BusinessCalendar;
  readonly policyFor: (segment: Segment) => Policy;
  readonly batchSize?: number;
  /** Batches planned at once; the store's own number by default. */
  readonly workers?: number;
  readonly onProgress?: (casesDone: number) => void;
};

export type RunReport = { readonly today: LocalDate; readonly cases: number; readonly touches: number; readonly holds: number; readonly skips: number };

/**
 * Plans today's touches for every case whose next action is due, batch by batch, each batch
 * one transaction: touches go to the outbox with a unique idempotency key, every decision is
 * recorded with its reason, and the case's next action moves on. A run killed between
 * batches resumes where it stopped; a killed batch is rolled back and planned again. Cost
 * grows with the cases due, not with the ledger (an index on the next action).
 */
export async function runDunning(store: CadenceStore, today: LocalDate, deps: RunDeps): Promise<RunReport> {
  const totals = { cases: 0, touches: 0, holds: 0, skips: 0 };
  // Claims go on from the furthest case claimed so far; when that finds nothing, one claim
  // from the start picks up what was skipped meanwhile (cases another process held and let go).
  const claims = { cursor: null as ClaimCursor | null, fromStart: false };
  const worker = async (): Promise<void> => {
    for (;;) {
      const after = claims.fromStart ? null : claims.cursor;
      const done = await planBatch(store, today, deps, after, (last) => {
        if (!claims.fromStart && (claims.cursor === null || compareCursors(last, claims.cursor) > 0)) claims.cursor = last;
      });
      if (done.cases > 0) {
        totals.cases += done.cases;
        totals.touches += done.touches;
        totals.holds += done.holds;
        totals.skips += done.skips;
        deps.onProgress?.(totals.cases);
      } else if (after !== null) claims.fromStart = true;
      else return;
    }
  };
  // Workers claim disjoint batches (the claim skips cases another transaction holds).
  const all = (): Promise<PromiseSettledResult<void>[]> => Promise.allSettled(Array.from({ length: Math.max(1, deps.workers ?? store.concurrentBatches) }, worker));
  const results = store.runBatches ? await store.runBatches(all) : await all();
  for (const r of results) if (r.status === 'rejected') throw r.reason;
  return { today, ...totals };
}

/**
 * Claims, plans and writes one batch of due cases in one transaction; returns what it did. The
 * store may run it more than once (when it finds the rows it read outdated): it has no effect
 * but its result and the claim cursor, which only moves on.
 */
async function planBatch(store: CadenceStore, today: LocalDate, deps: RunDeps, after: ClaimCursor | null, claimed: (last: ClaimCursor) => void): Promise<Omit<RunReport, 'today'>> {
  return store.transaction(async (tx) => {
    const done = { cases: 0, touches: 0, holds: 0, skips: 0 };
    const cases = await tx.claimDueCases(today, deps.batchSize ?? 500, after);
    const last = cases[cases.length - 1];
    if (!last) return done;
    // A due case always has its next action (the claim's condition).
    claimed({ nextActionOn: last.nextActionOn as LocalDate, id: last.id });
    const writes: Writes = { runOn: today, touches: [], decisions: [], cases: [] };
    for (const context of await tx.loadContexts(cases)) {
      const policy = deps.policyFor(context.account.segment);
      const plan = planCase(planInput(context), policy, today, deps.calendar);
      collect(writes, context, policy, plan, today, done);
    }
    await tx.writePlans(writes);
    done.cases = cases.length;
    return done;
  });
}

function compareCursors(a: ClaimCursor, b: ClaimCursor): number {
  return a.nextActionOn < b.nextActionOn ? -1 : a.nextActionOn > b.nextActionOn ? 1 : a.id - b.id;
}

/** The planner's view of a stored case. */
export function planInput(c: CaseContext): PlanInput {
  return {
    caseId: c.record.id,
    currency: c.record.currency,
    country: c.account.country,
    segment: c.account.segment,
    state: c.record.state,
    invoices: c.invoices,
    lastTouchOn: c.record.lastTouchOn,
    lastReplyOn: c.record.lastReplyOn,
    touchesSoFar: c.record.touchesCount,
    hasContact: c.hasContact,
  };
}

type Writes = { runOn: LocalDate; touches: NewTouch[]; decisions: PlanWrites['decisions'][number][]; cases: PlanWrites['cases'][number][] };

function collect(w: Writes, c: CaseContext, policy: Policy, plan: CasePlan, today: LocalDate, totals: { touches: number; holds: number; skips: number }): void {
  for (const t of plan.touches) {
    const ids = t.invoices.map((i) => `${i.invoiceId}:${i.stepId}`).sort().join(',');
    const key = `touch:${c.record.id}:${t.stepId}:${hash('sha256', ids, 'base64url').slice(0, 16)}`;
    w.touches.push({
      caseId: c.record.id,
      stepId: t.stepId,
      policyId: policy.id,
      plannedOn: today,
      channels: t.channels,
      tone: t.tone,
      template: t.template,
      action: t.action,
      status: t.approval === 'auto' ? 'approved' : 'pending_review',
      idempotencyKey: key,
      invoices: t.invoices,
    });
    totals.touches += 1;
  }
  if (plan.decisions.length > 0) w.decisions.push({ caseId: c.record.id, decisions: plan.decisions });
  for (const d of plan.decisions) {
    if (d.kind === 'hold') totals.holds += 1;
    if (d.kind === 'skip') totals.skips += 1;
  }
  // The steps each touch line passed over are skips too (superseded).
  for (const t of plan.touches) for (const line of t.invoices) totals.skips += line.passedOver.length;
  // The next action is always after today, so a run never picks the same case twice.
  const next = plan.nextActionOn !== null && plan.nextActionOn <= today ? addDays(today, 1) : plan.nextActionOn;
  w.cases.push({ caseId: c.record.id, nextActionOn: next, lastTouchOn: plan.touches.length > 0 ? today : c.record.lastTouchOn, touchesAdded: plan.touches.length });
}
