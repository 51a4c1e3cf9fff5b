import { planCase } from '../core/cadence/plan-case.ts';
import type { PlanInvoice } from '../core/cadence/types.ts';
import { addDays, type LocalDate } from '../core/local-date.ts';
import type { CadenceStore, CaseContext } from './cadence-ports.ts';
import type { RunDeps } from './run-dunning.ts';
import { planInput } from './run-dunning.ts';

/** One touch that would go out on a day of the preview. */
export type PreviewTouch = {
  readonly on: LocalDate;
  readonly accountRef: string;
  readonly accountName: string;
  readonly currency: string;
  readonly stepId: string;
  readonly tone: string;
  readonly channels: readonly string[];
  readonly approval: 'review' | 'auto';
  readonly invoices: readonly { readonly number: string; readonly stepId: string; readonly openMinor: bigint }[];
};

/**
 * The calendar of what would go out over the next `days` days if nothing else happened (no
 * payment, no reply): the real planner replayed day by day on a copy of the cases. Writes nothing.
 */
export async function previewTouches(store: CadenceStore, from: LocalDate, days: number, deps: RunDeps, accountRef: string | null): Promise<PreviewTouch[]> {
  const until = addDays(from, days - 1);
  const cases = (await store.casesActingBy(until, accountRef)).map(copy);
  const out: PreviewTouch[] = [];
  for (let day = from; day <= until; day = addDays(day, 1)) {
    for (const c of cases) {
      if (c.next === null || c.next > day) continue;
      const policy = deps.policyFor(c.context.account.segment);
      const plan = planCase(planInput(c.context), policy, day, deps.calendar);
      for (const t of plan.touches) {
        const byId = new Map(c.context.invoices.map((i) => [i.id, i]));
        out.push({
          on: day, accountRef: c.context.account.ref, accountName: c.context.account.name, currency: c.context.record.currency,
          stepId: t.stepId, tone: t.tone, channels: t.channels, approval: t.approval,
          invoices: t.invoices.map((i) => ({ number: byId.get(i.invoiceId)?.number ?? String(i.invoiceId), stepId: i.stepId, openMinor: byId.get(i.invoiceId)?.openMinor ?? 0n })),
        });
      }
      c.context = afterPlan(c.context, plan.touches.flatMap((t) => t.invoices), plan.touches.length, day);
      c.next = plan.nextActionOn !== null && plan.nextActionOn <= day ? addDays(day, 1) : plan.nextActionOn;
    }
  }
  return out;
}

type Sim = { context: CaseContext; next: LocalDate | null };

function copy(context: CaseContext): Sim {
  return { context, next: context.record.nextActionOn };
}

function afterPlan(c: CaseContext, sent: readonly { invoiceId: number; stepId: string }[], touches: number, day: LocalDate): CaseContext {
  if (touches === 0) return c;
  const invoices: PlanInvoice[] = c.invoices.map((i) => {
    const steps = sent.filter((s) => s.invoiceId === i.id).map((s) => s.stepId);
    return steps.length === 0 ? i : { ...i, sentSteps: new Set([...i.sentSteps, ...steps]) };
  });
  return { ...c, invoices, record: { ...c.record, lastTouchOn: day, touchesCount: c.record.touchesCount + touches } };
}
