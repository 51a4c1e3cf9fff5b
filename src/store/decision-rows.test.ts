import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Decision } from '../core/cadence/types.ts';
import type { Reason } from '../core/cadence/reasons.ts';
import type { LocalDate } from '../core/local-date.ts';
import type { PlanWrites } from '../engine/cadence-ports.ts';
import { supersededDetail } from '../core/cadence/reasons.ts';
import { lineDecisions, mergeHistory, placeDecisions, type LineColumns } from './decision-rows.ts';

/** The lines as one object each, for the assertions. */
const lineList = (l: LineColumns) => l.invoiceId.map((invoiceId, i) => ({ touchKey: l.touchKey[i], invoiceId, stepId: l.stepId[i], reason: l.reason[i] ?? null, detail: l.detail[i] ?? null, passedOver: l.passedOver[i] ?? null }));
const noteOf = (lines: LineColumns, key: string, invoiceId: number, stepId: string) => lineList(lines).find((l) => l.touchKey === key && l.invoiceId === invoiceId && l.stepId === stepId) ?? null;

const on = '2026-03-10' as LocalDate;
const d = (invoiceId: number | null, kind: Decision['kind'], stepId: string | null, reason: string): Decision => ({ invoiceId, kind, stepId, reason: reason as Reason, detail: `${kind} ${reason} ${stepId ?? ''} ${invoiceId ?? ''}` });
const touch = (key: string, invoices: [number, string][]): PlanWrites['touches'][number] => ({
  caseId: 1, stepId: 'd+7', policyId: 'p', plannedOn: on, channels: ['email'], tone: 'firm', template: 't', action: 'none', status: 'approved', idempotencyKey: key,
  invoices: invoices.map(([invoiceId, stepId]) => ({ invoiceId, stepId })),
});
/** One case's decisions, each invoice in the touch named in `keys`. */
const batch = (touches: PlanWrites['touches'], decisions: Decision[], keys: [number, string][]): PlanWrites => ({ runOn: on, touches, decisions: [{ caseId: 1, decisions, touchKeys: new Map(keys) }], cases: [] });

test('a touch decision goes on its line with the steps it passed over; everything else keeps a row', () => {
  const decisions = [
    d(9, 'skip', null, 'disputed'),
    d(1, 'skip', 'd-3', 'superseded'), d(1, 'skip', 'd0', 'superseded'), d(1, 'touch', 'd+7', 'step_due'),
    d(2, 'touch', 'd0', 'step_due'),
    d(3, 'skip', 'd0', 'superseded'), // no touch after it for invoice 3
    d(4, 'touch', 'd+7', 'step_due'), // no such line in the batch
  ];
  const { lines, rows } = placeDecisions(batch([touch('K', [[1, 'd+7'], [2, 'd0']])], decisions, [[1, 'K'], [2, 'K'], [4, 'OTHER']]));
  assert.deepEqual(lineList(lines).map((l) => `${l.touchKey}:${l.invoiceId}:${l.stepId}:${l.reason ?? '-'}`), ['K:1:d+7:step_due', 'K:2:d0:step_due']);
  assert.deepEqual(JSON.parse(noteOf(lines, 'K', 1, 'd+7')?.passedOver ?? 'null'), [['d-3', 'skip superseded d-3 1'], ['d0', 'skip superseded d0 1']]);
  assert.equal(noteOf(lines, 'K', 2, 'd0')?.passedOver, null);
  assert.deepEqual(rows.map((r) => `${r.invoiceId}:${r.kind}:${r.stepId ?? ''}:${r.touchKey ?? '-'}:${r.runOn}:${r.caseId}`), [`9:skip::-:${on}:1`, `3:skip:d0:-:${on}:1`, `4:touch:d+7:OTHER:${on}:1`]);
});

test('a line reads back as the skips it passed over and then the touch, after that day\'s rows', () => {
  const note = noteOf(placeDecisions(batch([touch('K', [[1, 'd+7']])], [d(1, 'skip', 'd0', 'superseded'), d(1, 'touch', 'd+7', 'step_due')], [[1, 'K']])).lines, 'K', 1, 'd+7');
  const line = { plannedOn: on, caseId: 1, invoiceId: 1, stepId: 'd+7', touchId: 5, reason: note?.reason ?? '', detail: note?.detail ?? '', passedOver: note?.passedOver ?? null, invoiceNumber: 'A-1' };
  assert.deepEqual(lineDecisions(line).map((h) => `${h.kind}:${h.stepId ?? ''}:${h.reason}:${h.touchId ?? '-'}:${h.detail}`), ['skip:d0:superseded:-:skip superseded d0 1', 'touch:d+7:step_due:5:touch step_due d+7 1']);
  const row = (runOn: string, reason: string) => ({ runOn: runOn as LocalDate, caseId: 1, invoiceId: null, kind: 'hold', stepId: null, reason, detail: '', touchId: null, invoiceNumber: null });
  const merged = mergeHistory([row('2026-03-12', 'paused'), row(on, 'cap')], [line]);
  assert.deepEqual(merged.map((h) => `${h.runOn}:${h.reason}`), [`${on}:cap`, `${on}:superseded`, `${on}:step_due`, '2026-03-12:paused']);
});

test('a step passed over is stored as its step and day and reads back in the planner\'s words; older lines keep theirs', () => {
  const skip = (stepId: string, fellDueOn: string): Decision => ({ ...d(1, 'skip', stepId, 'superseded'), detail: supersededDetail(stepId, 'A-1', fellDueOn, 'd+7'), fellDueOn: fellDueOn as LocalDate });
  const planned = [skip('d-3', '2026-02-24'), skip('d0', '2026-02-27'), d(1, 'touch', 'd+7', 'step_due')];
  const note = noteOf(placeDecisions(batch([touch('K', [[1, 'd+7']])], planned, [[1, 'K']])).lines, 'K', 1, 'd+7');
  assert.equal(note?.passedOver, '{"fellDue":[["d-3","2026-02-24"],["d0","2026-02-27"]]}');
  const line = { plannedOn: on, caseId: 1, invoiceId: 1, stepId: 'd+7', touchId: 5, reason: 'step_due', detail: '', passedOver: note?.passedOver ?? null, invoiceNumber: 'A-1' };
  const back = lineDecisions(line).filter((h) => h.kind === 'skip');
  assert.deepEqual(back.map((h) => [h.stepId, h.detail]), planned.slice(0, 2).map((p) => [p.stepId, p.detail]));
  assert.equal(back[0]?.detail, 'step d-3 of invoice A-1 fell due on 2026-02-24; step d+7 is due now');
  const older = { ...line, passedOver: '[["d0","step d0 of invoice A-1 fell due on 2026-02-27; step d+7 is due now"]]' };
  assert.deepEqual(lineDecisions(older).map((h) => `${h.kind}:${h.stepId ?? ''}:${h.detail}`)[0], 'skip:d0:step d0 of invoice A-1 fell due on 2026-02-27; step d+7 is due now');
});
