import { Reason, supersededDetail } from '../core/cadence/reasons.ts';
import type { LocalDate } from '../core/local-date.ts';
import type { DecisionRow, PlanWrites } from '../engine/cadence-ports.ts';

// How a run's decisions are stored. The planner gives one decision per invoice and step; most of
// them describe a touch line that is written anyway (touch_invoices: this invoice, in this
// touch, at this step), and a catch-up adds one "superseded" skip per step it passed over. On a
// large run that was ~3.4 decision rows per invoice, each with its own foreign-key checks and
// index entries. So a touch decision is stored on its touch line, with the steps it passed
// over, and read back as the decisions it was; everything else keeps a decisions row.

type PlannedDecision = PlanWrites['decisions'][number];
const superseded: string = Reason.superseded;

/** What a touch line carries of its decision: the reason, the facts, the steps passed over. */
export type LineNote = { readonly reason: string; readonly detail: string; readonly passedOver: string | null };

/** A touch line to write: its touch (by idempotency key), invoice and step, with its note if any. */
export type PlacedLine = { readonly touchKey: string; readonly invoiceId: number; readonly stepId: string; note: LineNote | null };

/**
 * Splits a batch's decisions into notes on its touch lines and the decisions that keep a row.
 * A superseded skip goes with the touch decision of the same invoice that the planner emits
 * right after it; one without such a touch keeps its row, as does a touch decision that has no
 * line in the batch. Lines come back in the order of the batch's touches; they are looked up
 * by invoice id (a number), as a run writes tens of thousands of them.
 */
export function placeDecisions(batch: PlanWrites): { lines: PlacedLine[]; rows: PlannedDecision[] } {
  const lines: PlacedLine[] = [];
  const byInvoice = new Map<number, PlacedLine[]>();
  for (const t of batch.touches) {
    for (const i of t.invoices) {
      const line: PlacedLine = { touchKey: t.idempotencyKey, invoiceId: i.invoiceId, stepId: i.stepId, note: null };
      lines.push(line);
      const had = byInvoice.get(i.invoiceId);
      if (had) had.push(line);
      else byInvoice.set(i.invoiceId, [line]);
    }
  }
  const unnoted = (touchKey: string, invoiceId: number, stepId: string): PlacedLine | undefined =>
    byInvoice.get(invoiceId)?.find((l) => l.note === null && l.touchKey === touchKey && l.stepId === stepId);
  const rows: PlannedDecision[] = [];
  let pending: PlannedDecision[] = [];
  const flush = (): void => {
    for (const p of pending) rows.push(p);
    pending = [];
  };
  for (const d of batch.decisions) {
    if (d.kind === 'skip' && d.reason === superseded && d.invoiceId !== null && d.stepId !== null) {
      if (pending[0] !== undefined && pending[0].invoiceId !== d.invoiceId) flush();
      pending.push(d);
      continue;
    }
    const line = d.kind === 'touch' && d.touchKey !== null && d.invoiceId !== null && d.stepId !== null ? unnoted(d.touchKey, d.invoiceId, d.stepId) : undefined;
    if (line !== undefined) {
      const mine = pending[0]?.invoiceId === d.invoiceId ? pending : [];
      if (mine.length === 0) flush();
      line.note = { reason: d.reason, detail: d.detail, passedOver: mine.length > 0 ? passedOverText(mine) : null };
      pending = [];
    } else {
      flush();
      rows.push(d);
    }
  }
  flush();
  return { lines, rows };
}

/**
 * The steps a line passed over, as stored: `{"fellDue":[[step, day], ...]}`, the words left to
 * supersededDetail when read (a catch-up's skips were ~200 bytes of text per line); a skip
 * without its day keeps its words, `[[step, detail], ...]`, the form of lines written before.
 */
function passedOverText(skips: readonly PlannedDecision[]): string {
  if (skips.every((p) => p.fellDueOn !== undefined)) return JSON.stringify({ fellDue: skips.map((p) => [p.stepId, p.fellDueOn]) });
  return JSON.stringify(skips.map((p) => [p.stepId, p.detail]));
}

/** The steps passed over of a stored line, with their words. */
function passedOverSteps(l: NotedLine): [stepId: string, detail: string][] {
  if (l.passedOver === null) return [];
  const stored = JSON.parse(l.passedOver) as [string, string][] | { fellDue: [string, string][] };
  if (Array.isArray(stored)) return stored;
  return stored.fellDue.map(([stepId, on]) => [stepId, supersededDetail(stepId, l.invoiceNumber ?? `#${l.invoiceId}`, on, l.stepId)]);
}

/** A touch line with its note, as read back for the history. */
export type NotedLine = {
  readonly plannedOn: string;
  readonly caseId: number;
  readonly invoiceId: number;
  readonly stepId: string;
  readonly touchId: number;
  readonly reason: string;
  readonly detail: string;
  readonly passedOver: string | null;
  readonly invoiceNumber: string | null;
};

type HistoryRow = DecisionRow & { invoiceNumber: string | null };

/** The decisions a touch line stands for: the steps it passed over (skips), then the touch. */
export function lineDecisions(l: NotedLine): HistoryRow[] {
  const touch: HistoryRow = { runOn: l.plannedOn as LocalDate, caseId: l.caseId, invoiceId: l.invoiceId, kind: 'touch', stepId: l.stepId, reason: l.reason, detail: l.detail, touchId: l.touchId, invoiceNumber: l.invoiceNumber };
  const passed = passedOverSteps(l);
  return [...passed.map(([stepId, detail]): HistoryRow => ({ ...touch, kind: 'skip', stepId, reason: superseded, detail, touchId: null })), touch];
}

/**
 * One history in order of the day run: each day's decision rows (as recorded) before that
 * day's touch lines (by touch), as the planner emits them (skips and holds, then touches).
 */
export function mergeHistory(rows: readonly HistoryRow[], lines: readonly NotedLine[]): HistoryRow[] {
  const byDay = new Map<string, { rows: HistoryRow[]; lines: HistoryRow[] }>();
  const day = (d: string): { rows: HistoryRow[]; lines: HistoryRow[] } => {
    let entry = byDay.get(d);
    if (!entry) byDay.set(d, (entry = { rows: [], lines: [] }));
    return entry;
  };
  for (const r of rows) day(r.runOn).rows.push(r);
  for (const l of lines) day(l.plannedOn).lines.push(...lineDecisions(l));
  return [...byDay.keys()].sort().flatMap((d) => [...(byDay.get(d)?.rows ?? []), ...(byDay.get(d)?.lines ?? [])]);
}
