import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LocalDate } from '../core/local-date.ts';
import type { PlanWrites } from '../engine/cadence-ports.ts';
import { supersededDetail } from '../core/cadence/reasons.ts';
import { lineDecisions, mergeHistory, placeDecisions, type PlacedLine } from './decision-rows.ts';

const noteOf = (lines: readonly PlacedLine[], key: string, invoiceId: number, stepId: string) => lines.find((l) => l.touchKey === key && l.invoiceId === invoiceId && l.stepId === stepId)?.note ?? null;

const on = '2026-03-10' as LocalDate;
type D = PlanWrites['decisions'][number];
const d = (invoiceId: number | null, kind: string, stepId: string | null, reason: string, touchKey: string | null = null): D => ({ runOn: on, caseId: 1, invoiceId, kind, stepId, reason, detail: `${kind} ${reason} ${stepId ?? ''} ${invoiceId ?? ''}`, touchKey });
const touch = (key: string, invoices: [number, string][]): PlanWrites['touches'][number] => ({
  caseId: 1, stepId: 'd+7', policyId: 'p', plannedOn: on, channels: ['email'], tone: 'firm', template: 't', action: 'none', status: 'approved', idempotencyKey: key,
  invoices: invoices.map(([invoiceId, stepId]) => ({ invoiceId, stepId })),
});

test('a touch decision goes on its line with the steps it passed over; everything else keeps a row', () => {
  const decisions = [
    d(9, 'skip', null, 'disputed'),
    d(1, 'skip', 'd-3', 'superseded'), d(1, 'skip', 'd0', 'superseded'), d(1, 'touch', 'd+7', 'step_due', 'K'),
    d(2, 'touch', 'd0', 'step_due', 'K'),
    d(3, 'skip', 'd0', 'superseded'), // no touch after it for invoice 3
    d(4, 'touch', 'd+7', 'step_due', 'OTHER'), // no such line in the batch
  ];
  const { lines, rows } = placeDecisions({ touches: [touch('K', [[1, 'd+7'], [2, 'd0']])], decisions, cases: [] });
  assert.deepEqual(lines.map((l) => `${l.touchKey}:${l.invoiceId}:${l.stepId}:${l.note?.reason ?? '-'}`), ['K:1:d+7:step_due', 'K:2:d0:step_due']);
  assert.deepEqual(JSON.parse(noteOf(lines, 'K', 1, 'd+7')?.passedOver ?? 'null'), [['d-3', 'skip superseded d-3 1'], ['d0', 'skip superseded d0 1']]);
  assert.equal(noteOf(lines, 'K', 2, 'd0')?.passedOver, null);
  assert.deepEqual(rows.map((r) => `${r.invoiceId}:${r.kind}:${r.stepId ?? ''}`), ['9:skip:', '3:skip:d0', '4:touch:d+7']);
});

test('a line reads back as the skips it passed over and then the touch, after that day\'s rows', () => {
  const note = noteOf(placeDecisions({ touches: [touch('K', [[1, 'd+7']])], decisions: [d(1, 'skip', 'd0', 'superseded'), d(1, 'touch', 'd+7', 'step_due', 'K')], cases: [] }).lines, 'K', 1, 'd+7');
  const line = { plannedOn: on, caseId: 1, invoiceId: 1, stepId: 'd+7', touchId: 5, reason: note?.reason ?? '', detail: note?.detail ?? '', passedOver: note?.passedOver ?? null, invoiceNumber: 'A-1' };
  assert.deepEqual(lineDecisions(line).map((h) => `${h.kind}:${h.stepId ?? ''}:${h.reason}:${h.touchId ?? '-'}:${h.detail}`), ['skip:d0:superseded:-:skip superseded d0 1', 'touch:d+7:step_due:5:touch step_due d+7 1']);
  const row = (runOn: string, reason: string) => ({ runOn: runOn as LocalDate, caseId: 1, invoiceId: null, kind: 'hold', stepId: null, reason, detail: '', touchId: null, invoiceNumber: null });
  const merged = mergeHistory([row('2026-03-12', 'paused'), row(on, 'cap')], [line]);
  assert.deepEqual(merged.map((h) => `${h.runOn}:${h.reason}`), [`${on}:cap`, `${on}:superseded`, `${on}:step_due`, '2026-03-12:paused']);
});

test('a step passed over is stored as its step and day and reads back in the planner\'s words; older lines keep theirs', () => {
  const skip = (stepId: string, fellDueOn: string): D => ({ ...d(1, 'skip', stepId, 'superseded'), detail: supersededDetail(stepId, 'A-1', fellDueOn, 'd+7'), fellDueOn: fellDueOn as LocalDate });
  const planned = [skip('d-3', '2026-02-24'), skip('d0', '2026-02-27'), d(1, 'touch', 'd+7', 'step_due', 'K')];
  const note = noteOf(placeDecisions({ touches: [touch('K', [[1, 'd+7']])], decisions: planned, cases: [] }).lines, 'K', 1, 'd+7');
  assert.equal(note?.passedOver, '{"fellDue":[["d-3","2026-02-24"],["d0","2026-02-27"]]}');
  const line = { plannedOn: on, caseId: 1, invoiceId: 1, stepId: 'd+7', touchId: 5, reason: 'step_due', detail: '', passedOver: note?.passedOver ?? null, invoiceNumber: 'A-1' };
  const back = lineDecisions(line).filter((h) => h.kind === 'skip');
  assert.deepEqual(back.map((h) => [h.stepId, h.detail]), planned.slice(0, 2).map((p) => [p.stepId, p.detail]));
  assert.equal(back[0]?.detail, 'step d-3 of invoice A-1 fell due on 2026-02-24; step d+7 is due now');
  const older = { ...line, passedOver: '[["d0","step d0 of invoice A-1 fell due on 2026-02-27; step d+7 is due now"]]' };
  assert.deepEqual(lineDecisions(older).map((h) => `${h.kind}:${h.stepId ?? ''}:${h.detail}`)[0], 'skip:d0:step d0 of invoice A-1 fell due on 2026-02-27; step d+7 is due now');
});
