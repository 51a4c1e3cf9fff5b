import { describeReason, type Reason } from '../core/cadence/reasons.ts';
import { planCase, planDecisions } from '../core/cadence/plan-case.ts';
import { stepDate, stepsAhead } from '../core/cadence/step-dates.ts';
import { DunwiseError, ErrorCode } from '../core/errors.ts';
import type { LocalDate } from '../core/local-date.ts';
import type { CadenceStore } from './cadence-ports.ts';
import type { RunDeps } from './run-dunning.ts';
import { planInput } from './run-dunning.ts';

export type ExplainLine = { readonly on: LocalDate; readonly invoice: string | null; readonly kind: string; readonly step: string | null; readonly reason: string; readonly why: string; readonly facts: string };

export type Explanation = {
  readonly target: string;
  readonly asOf: LocalDate;
  readonly cases: readonly {
    readonly account: string;
    readonly currency: string;
    readonly state: string;
    readonly policy: string;
    readonly history: readonly ExplainLine[];
    readonly today: readonly ExplainLine[];
    readonly upcoming: readonly { readonly invoice: string; readonly step: string; readonly on: LocalDate; readonly tone: string; readonly channels: readonly string[] }[];
  }[];
};

/**
 * Why each touch was sent, held or skipped for an invoice or an account: the decisions earlier
 * runs recorded, what a run on `asOf` would decide and why, and the steps still ahead.
 */
export async function explain(store: CadenceStore, target: string, asOf: LocalDate, deps: RunDeps): Promise<Explanation> {
  let cases = await store.casesFor({ invoiceNumber: target });
  const isInvoice = cases.length > 0;
  if (!isInvoice) cases = await store.casesFor({ accountRef: target });
  if (cases.length === 0) throw new DunwiseError(ErrorCode.notFound, `Nothing to explain for "${target}": no invoice with that number and no account with that reference has a collection case. Run \`dunwise run\` after importing.`);
  const out: Explanation['cases'][number][] = [];
  for (const c of cases) {
    const invoice = isInvoice ? c.invoices.find((i) => i.number === target) ?? null : null;
    if (isInvoice && !invoice && c.invoices.length > 0 && cases.length > 1) continue;
    const policy = deps.policyFor(c.account.segment);
    const history = await store.decisionHistory([c.record.id], invoice?.id ?? null);
    const plan = planCase(planInput(c), policy, asOf, deps.calendar);
    const numbers = new Map(c.invoices.map((i) => [i.id, i.number]));
    const line = (on: LocalDate, invoiceId: number | null, number: string | null, kind: string, step: string | null, reason: string, detail: string): ExplainLine => ({
      on, invoice: number ?? (invoiceId === null ? null : numbers.get(invoiceId) ?? String(invoiceId)), kind, step, reason, why: describeReason(reason as Reason), facts: detail,
    });
    const upcoming = c.invoices
      .filter((i) => !invoice || i.id === invoice.id)
      .flatMap((i) => stepsAhead(policy.steps, i.sentSteps).map((s) => ({ invoice: i.number, step: s.id, on: stepDate(s, i.dueDate, c.account.country, deps.calendar), tone: s.tone, channels: s.channels })))
      .filter((u) => u.on > asOf)
      .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
    out.push({
      account: `${c.account.name} (${c.account.ref})`,
      currency: c.record.currency,
      state: c.record.state.kind,
      policy: policy.name,
      history: history.map((h) => line(h.runOn, h.invoiceId, h.invoiceNumber, h.kind, h.stepId, h.reason, h.detail)),
      today: planDecisions(plan).filter((d) => !invoice || d.invoiceId === null || d.invoiceId === invoice.id).map((d) => line(asOf, d.invoiceId, null, d.kind, d.stepId, d.reason, d.detail)),
      upcoming,
    });
  }
  return { target, asOf, cases: out };
}
