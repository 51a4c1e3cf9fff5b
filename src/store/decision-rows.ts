import { Reason, stepDueDetail, supersededDetail } from '../core/cadence/reasons.ts';
import { addDays, toEpochDay, type LocalDate } from '../core/local-date.ts';
import type { PassedStep, TouchLine } from '../core/cadence/types.ts';
import type { DecisionRow, NewTouch, PlanWrites } from '../engine/cadence-ports.ts';

// How a run's decisions are stored. The planner gives one decision per invoice and step; most of
// them describe a touch line that is written anyway (in `touches.lines`, read through the view
// touch_invoices: this invoice, in this touch, at this step), and a catch-up adds one
// "superseded" skip per step it passed over: ~3.4 decisions per invoice on a large run. So a
// touch line keeps its decision and the steps it passed over (the planner hands them over with
// the line), read back as the decisions they were; holds and other skips keep a decisions row.

const superseded: string = Reason.superseded;
const stepDue: string = Reason.stepDue;

/**
 * A touch's lines as `touches.lines` stores them (migrations 0009 and 0010), each with the
 * planner's decision for it and the steps it passed over. A line at the touch's own step, due on
 * a day, in the step's own words, is `[invoice id, days]` or `[invoice id, days, passed over]`:
 * days from the touch's planned day to the day the step fell due, and the steps passed over as
 * one flat list of step id and days (`["d-3", -21, "d0", -18]`); its words are rendered on reading
 * from the touch's step, tone and channels. Any other line keeps its words: `[invoice id, step
 * id, reason, detail, passed over]`. (Lines of 0009, `[invoice id, step id, day, passed over]`,
 * are still read.) A run writes ~100,000 lines: 3.7 MB this way, 9.0 MB before 0010.
 */
export function linesText(touch: NewTouch): string {
  let text = '[';
  const planned = toEpochDay(touch.plannedOn);
  // The words of the touch's step, by day: built once per touch and day to compare with.
  let wordsOn = '';
  let words = '';
  const lines = touch.invoices;
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k] as TouchLine;
    text += k > 0 ? ',[' : '[';
    const on = line.fellDueOn;
    if (line.reason === stepDue && line.stepId === touch.stepId) {
      if (on !== wordsOn) {
        wordsOn = on;
        words = stepDueDetail(touch.stepId, touch.tone, touch.channels, on);
      }
      if (line.detail === words) {
        text += `${String(line.invoiceId)},${String(toEpochDay(on) - planned)}${line.passedOver.length > 0 ? `,${passedOverDays(line.passedOver, planned)}` : ''}]`;
        continue;
      }
    }
    const passed = line.passedOver.length > 0 ? passedOverText(line.passedOver) : 'null';
    text += `${String(line.invoiceId)},${jsonText(line.stepId)},${jsonText(line.reason)},${JSON.stringify(line.detail)},${passed}]`;
  }
  return `${text}]`;
}

/**
 * Steps passed over as one flat list of step id and days from the touch's planned day; each
 * list once per run day (the planner shares one among the lines that passed over the same steps).
 */
function passedOverDays(skips: readonly PassedStep[], planned: number): string {
  const hit = daysText.get(skips);
  if (hit !== undefined && hit.planned === planned) return hit.text;
  let text = '[';
  skips.forEach((p, i) => {
    text += `${i > 0 ? ',' : ''}${jsonText(p.stepId)},${String(toEpochDay(p.fellDueOn) - planned)}`;
  });
  text += ']';
  daysText.set(skips, { planned, text });
  return text;
}

const daysText = new WeakMap<readonly PassedStep[], { readonly planned: number; readonly text: string }>();

// Step ids and reasons as JSON strings, each encoded once (a run writes them ~500,000 times).
const encoded = new Map<string, string>();
function jsonText(s: string): string {
  let text = encoded.get(s);
  if (text === undefined) {
    if (encoded.size >= 1000) encoded.clear();
    encoded.set(s, (text = JSON.stringify(s)));
  }
  return text;
}

/** The decisions of a batch that keep a row of their own: those on no touch line (holds and skips). */
export function ownRows(batch: PlanWrites): DecisionRow[] {
  const rows: DecisionRow[] = [];
  for (const c of batch.decisions) {
    for (const d of c.decisions) {
      rows.push({ runOn: batch.runOn, caseId: c.caseId, invoiceId: d.invoiceId, kind: d.kind, stepId: d.stepId, reason: d.reason, detail: d.detail, touchId: null });
    }
  }
  return rows;
}

/**
 * The steps a line passed over, as stored on a line in the long form: `{"fellDue":[[step, day],
 * ...]}`, the words left to supersededDetail when read. (A skip without its day kept its words,
 * `[[step, detail], ...]`: lines written before migration 0009, still read.)
 */
function passedOverText(skips: readonly PassedStep[]): string {
  // Written out here, not by JSON.stringify of arrays built for it: one per touch line of a run.
  let text = '{"fellDue":[';
  skips.forEach((p, i) => {
    text += `${i > 0 ? ',' : ''}[${jsonText(p.stepId)},"${p.fellDueOn}"]`;
  });
  return `${text}]}`;
}

/** The steps passed over of a stored line, with their words. */
function passedOverSteps(l: NotedLine): [stepId: string, detail: string][] {
  if (l.passedOver === null) return [];
  const stored = JSON.parse(l.passedOver) as [string, string][] | (string | number)[] | { fellDue: [string, string][] };
  const words = (stepId: string, on: string): [string, string] => [stepId, supersededDetail(stepId, l.invoiceNumber ?? `#${l.invoiceId}`, on, l.stepId)];
  if (!Array.isArray(stored)) return stored.fellDue.map(([stepId, on]) => words(stepId, on));
  if (stored.length === 0 || Array.isArray(stored[0])) return stored as [string, string][];
  // The compact form (migration 0010): step id, days from the touch's planned day, and so on.
  const steps: [string, string][] = [];
  for (let i = 0; i + 1 < stored.length; i += 2) steps.push(words(String(stored[i]), addDays(l.plannedOn as LocalDate, Number(stored[i + 1]))));
  return steps;
}

/** A touch line with its note, as read back for the history. */
export type NotedLine = {
  readonly plannedOn: string;
  readonly caseId: number;
  readonly invoiceId: number;
  readonly stepId: string;
  readonly touchId: number;
  readonly reason: string;
  /** Null on a line that keeps only its day: then its words are rendered from the touch's step, tone and channels. */
  readonly detail: string | null;
  readonly fellDueOn: string | null;
  readonly tone: string;
  /** The touch's channels as stored, comma-separated. */
  readonly channels: string;
  readonly passedOver: string | null;
  readonly invoiceNumber: string | null;
};

type HistoryRow = DecisionRow & { invoiceNumber: string | null };

/** The decisions a touch line stands for: the steps it passed over (skips), then the touch. */
export function lineDecisions(l: NotedLine): HistoryRow[] {
  const detail = l.detail ?? (l.fellDueOn === null ? '' : stepDueDetail(l.stepId, l.tone, l.channels.split(','), l.fellDueOn));
  const touch: HistoryRow = { runOn: l.plannedOn as LocalDate, caseId: l.caseId, invoiceId: l.invoiceId, kind: 'touch', stepId: l.stepId, reason: l.reason, detail, touchId: l.touchId, invoiceNumber: l.invoiceNumber };
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
