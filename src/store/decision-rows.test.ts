import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Decision, PassedStep, TouchLine } from '../core/cadence/types.ts';
import { Reason } from '../core/cadence/reasons.ts';
import { addDays, type LocalDate } from '../core/local-date.ts';
import type { NewTouch, PlanWrites } from '../engine/cadence-ports.ts';
import { stepDueDetail, supersededDetail } from '../core/cadence/reasons.ts';
import { lineDecisions, linesText, mergeHistory, ownRows } from './decision-rows.ts';

const on = '2026-03-10' as LocalDate;
const d = (invoiceId: number | null, kind: Decision['kind'], stepId: string | null, reason: string): Decision => ({ invoiceId, kind, stepId, reason: reason as Reason, detail: `${kind} ${reason} ${stepId ?? ''} ${invoiceId ?? ''}` });
const touch = (lines: NewTouch['invoices']): NewTouch => ({
  caseId: 1, stepId: 'd+7', policyId: 'p', plannedOn: on, channels: ['email'], tone: 'firm', template: 't', action: 'none', status: 'approved', idempotencyKey: 'K', invoices: lines,
});
const line = (invoiceId: number, stepId: string, passedOver: PassedStep[] = [], detail = `touch step_due ${stepId} ${invoiceId}`, fellDueOn = on): TouchLine =>
  ({ invoiceId, invoiceNumber: 'A-1', kind: 'touch', stepId, reason: Reason.stepDue, detail, fellDueOn, passedOver });
const passed = (stepId: string, fellDueOn: string): PassedStep => ({ stepId, fellDueOn: fellDueOn as LocalDate });
/** A stored line as the touch_invoices view gives it back (every form, as migration 0010's view reads them). */
const stored = (text: string, at: number, t: NewTouch = touch([])) => {
  const entry = (JSON.parse(text) as unknown[][])[at] ?? [];
  const long = entry.length === 5;
  const compact = entry.length <= 3;
  const passedOver = long ? entry[4] : compact ? entry[2] : entry[3];
  return {
    plannedOn: t.plannedOn, caseId: 1, invoiceId: entry[0] as number, stepId: compact ? t.stepId : (entry[1] as string), touchId: 5, tone: t.tone, channels: t.channels.join(','),
    reason: long ? (entry[2] as string) : 'step_due', detail: long ? (entry[3] as string) : null,
    fellDueOn: long ? null : compact ? addDays(t.plannedOn, entry[1] as number) : (entry[2] as string),
    passedOver: passedOver === null || passedOver === undefined ? null : JSON.stringify(passedOver), invoiceNumber: 'A-1',
  };
};

test('a line at its touch\'s step, due on a day, keeps only its days from the touch\'s day; its words are the same on reading', () => {
  const words = (stepId: string, day: string) => stepDueDetail(stepId, 'firm', ['email'], day);
  const due = (invoiceId: number, stepId: string, day: string, detail = words(stepId, day)) => line(invoiceId, stepId, [], detail, day as LocalDate);
  // d-3 is another step than the touch's (d+7); invoice 3's words are not the step's.
  const t = touch([due(1, 'd+7', '2026-03-09'), due(2, 'd-3', '2026-03-10'), due(3, 'd+7', '2026-03-09', 'other words')]);
  const text = linesText(t);
  assert.deepEqual(JSON.parse(text), [[1, -1], [2, 'd-3', 'step_due', words('d-3', '2026-03-10'), null], [3, 'd+7', 'step_due', 'other words', null]]);
  assert.deepEqual([0, 1, 2].map((k) => lineDecisions(stored(text, k, t)).map((h) => h.detail)), [[words('d+7', '2026-03-09')], [words('d-3', '2026-03-10')], ['other words']]);
  assert.equal(words('d+7', '2026-03-09'), 'step d+7 (firm, email) fell due on 2026-03-09');
});

test('a touch line keeps its decision and the steps it passed over; awkward words survive', () => {
  const odd = line(2, 'd0', [], 'say "hi" \\ ☃\nnext');
  const text = linesText(touch([line(1, 'd+7', [passed('d-3', '2026-02-24'), passed('d0', '2026-02-27')]), odd]));
  assert.deepEqual(JSON.parse(text), [
    [1, 'd+7', 'step_due', 'touch step_due d+7 1', { fellDue: [['d-3', '2026-02-24'], ['d0', '2026-02-27']] }],
    [2, 'd0', 'step_due', 'say "hi" \\ ☃\nnext', null],
  ]);
  assert.equal(linesText(touch([])), '[]');
});

test('the decisions on no touch line keep a row of their own, each with its case and day', () => {
  const decisions = [d(9, 'skip', null, 'disputed'), d(3, 'skip', 'd0', 'condition_not_met')];
  const batch: PlanWrites = { runOn: on, touches: [], decisions: [{ caseId: 1, decisions }, { caseId: 2, decisions: [d(null, 'hold', null, 'paused')] }], cases: [] };
  assert.deepEqual(ownRows(batch).map((r) => `${r.caseId}:${r.invoiceId ?? '-'}:${r.kind}:${r.stepId ?? ''}:${r.reason}:${r.touchId ?? '-'}:${r.runOn}`), [
    `1:9:skip::disputed:-:${on}`, `1:3:skip:d0:condition_not_met:-:${on}`, `2:-:hold::paused:-:${on}`,
  ]);
});

test('a line reads back as the skips it passed over and then the touch, after that day\'s rows', () => {
  const l = stored(linesText(touch([line(1, 'd+7', [passed('d0', '2026-03-03')])])), 0);
  assert.deepEqual(lineDecisions(l).map((h) => `${h.kind}:${h.stepId ?? ''}:${h.reason}:${h.touchId ?? '-'}:${h.detail}`), [
    'skip:d0:superseded:-:step d0 of invoice A-1 fell due on 2026-03-03; step d+7 is due now', 'touch:d+7:step_due:5:touch step_due d+7 1',
  ]);
  const row = (runOn: string, reason: string) => ({ runOn: runOn as LocalDate, caseId: 1, invoiceId: null, kind: 'hold', stepId: null, reason, detail: '', touchId: null, invoiceNumber: null });
  const merged = mergeHistory([row('2026-03-12', 'paused'), row(on, 'cap')], [l]);
  assert.deepEqual(merged.map((h) => `${h.runOn}:${h.reason}`), [`${on}:cap`, `${on}:superseded`, `${on}:step_due`, '2026-03-12:paused']);
});

test('a step passed over is stored as its step and day and reads back in the planner\'s words; older lines keep theirs', () => {
  const planned = [passed('d-3', '2026-02-24'), passed('d0', '2026-02-27')];
  const text = linesText(touch([line(1, 'd+7', planned)]));
  assert.deepEqual(JSON.parse(text)[0][4], { fellDue: [['d-3', '2026-02-24'], ['d0', '2026-02-27']] });
  const back = lineDecisions(stored(text, 0)).filter((h) => h.kind === 'skip');
  assert.deepEqual(back.map((h) => [h.stepId, h.detail]), planned.map((p) => [p.stepId, supersededDetail(p.stepId, 'A-1', p.fellDueOn, 'd+7')]));
  assert.equal(back[0]?.detail, 'step d-3 of invoice A-1 fell due on 2026-02-24; step d+7 is due now');
  const older = { ...stored(text, 0), passedOver: '[["d0","step d0 of invoice A-1 fell due on 2026-02-27; step d+7 is due now"]]' };
  assert.deepEqual(lineDecisions(older).map((h) => `${h.kind}:${h.stepId ?? ''}:${h.detail}`)[0], 'skip:d0:step d0 of invoice A-1 fell due on 2026-02-27; step d+7 is due now');
});

test('a line in its step\'s words keeps its steps passed over as step ids and days from the touch\'s day, and reads back in the planner\'s words', () => {
  const planned = [passed('d-3', '2026-02-24'), passed('d0', '2026-02-27')];
  const detail = stepDueDetail('d+7', 'firm', ['email'], '2026-03-06');
  const t = touch([line(1, 'd+7', planned, detail, '2026-03-06' as LocalDate)]);
  const text = linesText(t);
  assert.deepEqual(JSON.parse(text), [[1, -4, ['d-3', -14, 'd0', -11]]]);
  const back = lineDecisions(stored(text, 0, t));
  assert.deepEqual(back.map((h) => [h.kind, h.stepId, h.reason, h.detail]), [...planned.map((p) => ['skip', p.stepId, 'superseded', supersededDetail(p.stepId, 'A-1', p.fellDueOn, 'd+7')]), ['touch', 'd+7', 'step_due', detail]]);
  // Lines that passed over the same steps share one list (the planner's): its text is the same for each.
  assert.equal(linesText(touch([line(1, 'd+7', planned, detail, '2026-03-06' as LocalDate), line(2, 'd+7', planned, detail, '2026-03-06' as LocalDate)])), '[[1,-4,["d-3",-14,"d0",-11]],[2,-4,["d-3",-14,"d0",-11]]]');
});
