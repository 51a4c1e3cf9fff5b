import { Reason, supersededDetail } from '../core/cadence/reasons.ts';
import type { LocalDate } from '../core/local-date.ts';
import type { Decision } from '../core/cadence/types.ts';
import type { DecisionRow, PlanWrites } from '../engine/cadence-ports.ts';

// How a run's decisions are stored. The planner gives one decision per invoice and step; most of
// them describe a touch line that is written anyway (touches.lines, read as the view
// touch_invoices: this invoice, in this touch, at this step), and a catch-up adds one "superseded" skip per step it passed over. On a
// large run that was ~3.4 decision rows per invoice, each with its own foreign-key checks and
// index entries. So a touch decision is stored on its touch line, with the steps it passed
// over, and read back as the decisions it was; everything else keeps a decisions row.

const superseded: string = Reason.superseded;

/**
 * A batch's touch lines, one array per column, in the order of the batch's touches (a run
 * writes tens of thousands: no object per line). A line's reason, detail and steps passed
 * over are its touch decision's; null when it has none.
 */
export type LineColumns = {
  readonly touchKey: string[];
  readonly invoiceId: number[];
  readonly stepId: string[];
  readonly reason: (string | null)[];
  readonly detail: (string | null)[];
  readonly passedOver: (string | null)[];
};

/**
 * Each touch's lines as `touches.lines` stores them (migration 0009), in the order of the
 * batch's touches: `[[invoice id, step id, reason, detail, passed over], ...]`, the steps
 * passed over as the JSON they already are. Written out here: a run has tens of thousands.
 */
export function linesText(batch: PlanWrites, lines: LineColumns): string[] {
  const texts: string[] = [];
  let at = 0;
  for (const t of batch.touches) {
    let text = '[';
    for (let k = 0; k < t.invoices.length; k++, at++) {
      text += `${k > 0 ? ',' : ''}[${String(lines.invoiceId[at])},${JSON.stringify(lines.stepId[at])},${jsonOrNull(lines.reason[at])},${jsonOrNull(lines.detail[at])},${lines.passedOver[at] ?? 'null'}]`;
    }
    texts.push(`${text}]`);
  }
  return texts;
}

function jsonOrNull(text: string | null | undefined): string {
  return text === null || text === undefined ? 'null' : JSON.stringify(text);
}

/** A decision that keeps its own row; `touchKey` names its touch by idempotency key. */
export type DecisionToWrite = Omit<DecisionRow, 'touchId'> & { readonly touchKey: string | null };

/**
 * Splits a batch's decisions into notes on its touch lines and the decisions that keep a row.
 * A superseded skip goes with the touch decision of the same invoice that the planner emits
 * right after it; one without such a touch keeps its row, as does a touch decision that has no
 * line in the batch.
 */
export function placeDecisions(batch: PlanWrites): { lines: LineColumns; rows: DecisionToWrite[] } {
  const lines: LineColumns = { touchKey: [], invoiceId: [], stepId: [], reason: [], detail: [], passedOver: [] };
  // The lines of each invoice, as a chain of line numbers: first by invoice, then each to the next.
  const firstLine = new Map<number, number>();
  const nextLine: number[] = [];
  const noted: boolean[] = [];
  for (const t of batch.touches) {
    for (const i of t.invoices) {
      const at = lines.invoiceId.length;
      lines.touchKey.push(t.idempotencyKey);
      lines.invoiceId.push(i.invoiceId);
      lines.stepId.push(i.stepId);
      lines.reason.push(null);
      lines.detail.push(null);
      lines.passedOver.push(null);
      noted.push(false);
      nextLine.push(firstLine.get(i.invoiceId) ?? -1);
      firstLine.set(i.invoiceId, at);
    }
  }
  const unnoted = (touchKey: string, invoiceId: number, stepId: string): number => {
    for (let at = firstLine.get(invoiceId) ?? -1; at !== -1; at = nextLine[at] ?? -1) {
      if (!noted[at] && lines.touchKey[at] === touchKey && lines.stepId[at] === stepId) return at;
    }
    return -1;
  };
  const rows: DecisionToWrite[] = [];
  for (const c of batch.decisions) {
    const row = (d: Decision, touchKey: string | null): DecisionToWrite => ({ runOn: batch.runOn, caseId: c.caseId, invoiceId: d.invoiceId, kind: d.kind, stepId: d.stepId, reason: d.reason, detail: d.detail, touchKey });
    let pending: Decision[] = [];
    const flush = (): void => {
      for (const p of pending) rows.push(row(p, null));
      pending = [];
    };
    for (const d of c.decisions) {
      if (d.kind === 'skip' && d.reason === superseded && d.invoiceId !== null && d.stepId !== null) {
        if (pending[0] !== undefined && pending[0].invoiceId !== d.invoiceId) flush();
        pending.push(d);
        continue;
      }
      const touchKey = d.kind === 'touch' && d.invoiceId !== null ? (c.touchKeys.get(d.invoiceId) ?? null) : null;
      const at = touchKey !== null && d.invoiceId !== null && d.stepId !== null ? unnoted(touchKey, d.invoiceId, d.stepId) : -1;
      if (at !== -1) {
        if (pending[0] !== undefined && pending[0].invoiceId !== d.invoiceId) flush();
        noted[at] = true;
        lines.reason[at] = d.reason;
        lines.detail[at] = d.detail;
        lines.passedOver[at] = pending.length > 0 ? passedOverText(pending) : null;
        pending = [];
      } else {
        flush();
        rows.push(row(d, touchKey));
      }
    }
    flush();
  }
  return { lines, rows };
}

/**
 * The steps a line passed over, as stored: `{"fellDue":[[step, day], ...]}`, the words left to
 * supersededDetail when read (a catch-up's skips were ~200 bytes of text per line); a skip
 * without its day keeps its words, `[[step, detail], ...]`, the form of lines written before.
 */
function passedOverText(skips: readonly Decision[]): string {
  if (!skips.every((p) => p.fellDueOn !== undefined)) return JSON.stringify(skips.map((p) => [p.stepId, p.detail]));
  // Written out here, not by JSON.stringify of arrays built for it: one per touch line of a run.
  let text = '{"fellDue":[';
  skips.forEach((p, i) => {
    text += `${i > 0 ? ',' : ''}[${JSON.stringify(p.stepId)},${JSON.stringify(p.fellDueOn)}]`;
  });
  return `${text}]}`;
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
