// Table-driven scenarios of the planner: "due D, policy P, these facts -> these touches".
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dateHolidaysLookup } from '../../calendar/date-holidays.ts';
import { BusinessCalendar } from '../business-calendar.ts';
import type { LocalDate } from '../local-date.ts';
import { planCase, planDecisions } from './plan-case.ts';
import { ladder } from './test-policy.ts';
import type { PlanInput, PlanInvoice } from './types.ts';

const calendar = new BusinessCalendar(dateHolidaysLookup());
const d = (s: string): LocalDate => s as LocalDate;

function inv(id: number, due: string, over: Partial<PlanInvoice> = {}): PlanInvoice {
  return { id, number: `INV-${id}`, openMinor: 10000n, dueDate: d(due), disputed: false, sentSteps: new Set(), ...over };
}

function input(invoices: PlanInvoice[], over: Partial<PlanInput> = {}): PlanInput {
  return { caseId: 1, currency: 'EUR', country: 'DE', segment: 'standard', state: { kind: 'active' }, invoices, lastTouchOn: null, lastReplyOn: null, touchesSoFar: 0, hasContact: true, ...over };
}

type Row = {
  name: string;
  today: string;
  input: PlanInput;
  policy?: ReturnType<typeof ladder>;
  touches: string[]; // "step:invoiceId/step,invoiceId/step"
  reasons?: string[]; // "kind:reason:step" of decisions, in order
  next: string | null;
};

const rows: Row[] = [
  { name: '3 days before due: friendly email', today: '2026-02-27', input: input([inv(1, '2026-03-02')]), touches: ['d-3:1/d-3'], next: '2026-03-02' },
  { name: 'nothing due yet', today: '2026-02-20', input: input([inv(1, '2026-03-02')]), touches: [], reasons: [], next: '2026-02-27' },
  { name: 'on the due date after d-3 was sent', today: '2026-03-02', input: input([inv(1, '2026-03-02', { sentSteps: new Set(['d-3']) })], { lastTouchOn: d('2026-02-27') }), touches: ['d0:1/d0'], next: '2026-03-09' },
  {
    name: 'catch-up after downtime: only the step due now, the passed ones recorded',
    today: '2026-03-18', input: input([inv(1, '2026-03-02')]), touches: ['d+14:1/d+14'],
    reasons: ['skip:superseded:d-3', 'skip:superseded:d0', 'skip:superseded:d+7', 'touch:step_due:d+14'], next: '2026-04-01',
  },
  { name: 'a paid invoice gets nothing', today: '2026-03-18', input: input([inv(1, '2026-03-02', { openMinor: 0n })]), touches: [], reasons: ['skip:paid:'], next: null },
  { name: 'a disputed invoice is never dunned', today: '2026-03-18', input: input([inv(1, '2026-03-02', { disputed: true }), inv(2, '2026-03-02')]), touches: ['d+14:2/d+14'], reasons: ['skip:disputed:', 'skip:superseded:d-3', 'skip:superseded:d0', 'skip:superseded:d+7', 'touch:step_due:d+14'], next: '2026-04-01' },
  { name: 'paused case: held until the pause ends', today: '2026-03-18', input: input([inv(1, '2026-03-02')], { state: { kind: 'paused', reason: 'customer in restructuring', until: d('2026-04-01') } }), touches: [], reasons: ['hold:paused:'], next: '2026-04-01' },
  { name: 'a pause that ended is active again', today: '2026-03-18', input: input([inv(1, '2026-03-10', { sentSteps: new Set(['d-3', 'd0']) })], { state: { kind: 'paused', reason: 'x', until: d('2026-03-18') } }), touches: ['d+7:1/d+7'], next: '2026-03-24' },
  { name: 'a live promise to pay holds everything', today: '2026-03-18', input: input([inv(1, '2026-03-02')], { state: { kind: 'snoozed', reason: 'promise', until: d('2026-03-25') } }), touches: [], reasons: ['hold:promise:'], next: '2026-03-25' },
  { name: 'frequency cap: contacted two days ago', today: '2026-03-18', input: input([inv(1, '2026-03-02', { sentSteps: new Set(['d0']) })], { lastTouchOn: d('2026-03-16') }), touches: [], reasons: ['hold:cap:d+14'], next: '2026-03-19' },
  { name: 'never on a weekend in the customer\u2019s country', today: '2026-03-21', input: input([inv(1, '2026-03-07')]), touches: [], reasons: ['hold:non_business_day:d+14'], next: '2026-03-23' },
  { name: 'never on a public holiday', today: '2026-12-25', input: input([inv(1, '2026-12-18', { sentSteps: new Set(['d0']) })]), touches: [], reasons: ['hold:non_business_day:d+7'], next: '2026-12-28' },
  { name: 'Friday is a weekend day in Saudi Arabia', today: '2026-03-20', input: input([inv(1, '2026-03-13', { sentSteps: new Set(['d0']) })], { country: 'SA' }), touches: [], reasons: ['hold:non_business_day:d+7'], next: '2026-03-22' },
  { name: 'preferred weekdays: Monday waits for Tuesday', today: '2026-03-16', policy: ladder({ preferredWeekdays: [2, 3, 4] }), input: input([inv(1, '2026-03-09', { sentSteps: new Set(['d0']) })]), touches: [], reasons: ['hold:preferred_weekday:d+7'], next: '2026-03-17' },
  {
    name: 'consolidation: one message at the highest step, listing every invoice due',
    today: '2026-03-18', input: input([inv(1, '2026-03-04', { sentSteps: new Set(['d0']) }), inv(2, '2026-03-21'), inv(3, '2026-04-30')]),
    touches: ['d+14:1/d+14,2/d-3'], next: '2026-03-21',
  },
  { name: 'no consolidation: one message per invoice', today: '2026-03-18', policy: ladder({ consolidation: false }), input: input([inv(1, '2026-03-04', { sentSteps: new Set(['d0']) }), inv(2, '2026-03-21')]), touches: ['d+14:1/d+14', 'd-3:2/d-3'], next: '2026-03-21' },
  { name: 'strategic accounts get no automatic messages', today: '2026-03-18', input: input([inv(1, '2026-03-02')], { segment: 'strategic' }), touches: [], reasons: ['hold:strategic:'], next: null },
  { name: 'no contact: held as a data-quality problem', today: '2026-03-18', input: input([inv(1, '2026-03-04', { sentSteps: new Set(['d0']) })], { hasContact: false }), touches: [], reasons: ['hold:no_contact:d+14'], next: '2026-03-25' },
  { name: 'month end: due 31 January, +30 is 2 March', today: '2026-03-02', input: input([inv(1, '2026-01-31', { sentSteps: new Set(['d+14']) })], { lastTouchOn: d('2026-02-14') }), touches: ['d+30:1/d+30'], next: '2026-03-17' },
  {
    name: 'business-day offsets skip weekends and holidays',
    today: '2026-04-09',
    policy: ladder({}, [{ id: 'b+3', offsetDays: 3, dayKind: 'business', channels: ['email'], tone: 'firm', template: 't', conditions: [], approval: 'auto', action: 'none' }]),
    input: input([inv(1, '2026-04-02')]), // Good Friday 3 Apr, weekend, Easter Monday 6 Apr: +3 business days = 9 Apr
    touches: ['b+3:1/b+3'], next: null,
  },
  {
    name: 'a condition that does not hold skips its step with the reason',
    today: '2026-03-11',
    policy: ladder({}, [{ id: 'd+7', offsetDays: 7, dayKind: 'calendar', channels: ['email'], tone: 'firm', template: 't', conditions: [{ kind: 'open_amount', currency: 'EUR', minMinor: 50000n, maxMinor: null }], approval: 'review', action: 'none' }]),
    input: input([inv(1, '2026-03-04')]), touches: [], reasons: ['skip:condition_not_met:d+7'], next: null,
  },
  {
    name: '"no reply since the last step": a reply holds the next step',
    today: '2026-03-18',
    policy: ladder({}, [{ id: 'd+14', offsetDays: 14, dayKind: 'calendar', channels: ['call_task'], tone: 'firm', template: 't', conditions: [{ kind: 'no_reply_since_last_step' }], approval: 'review', action: 'none' }]),
    input: input([inv(1, '2026-03-04')], { lastTouchOn: d('2026-03-11'), lastReplyOn: d('2026-03-12') }), touches: [], reasons: ['skip:condition_not_met:d+14'], next: null,
  },
  ...(['segment', 'currency', 'country'] as const).flatMap((kind): Row[] => {
    const condition =
      kind === 'segment' ? { kind, segments: ['chronic_late' as const] } : kind === 'currency' ? { kind, currencies: ['USD'] } : { kind, countries: ['FR'] };
    const policy = ladder({}, [{ id: 'd+7', offsetDays: 7, dayKind: 'calendar', channels: ['email'], tone: 'firm', template: 't', conditions: [condition], approval: 'review', action: 'none' }]);
    const fits = kind === 'segment' ? { segment: 'chronic_late' as const } : kind === 'currency' ? { currency: 'USD' } : { country: 'FR' };
    return [
      { name: `a ${kind} condition that holds lets the step go out`, today: '2026-03-11', policy, input: input([inv(1, '2026-03-04')], fits), touches: ['d+7:1/d+7'], next: null },
      { name: `a ${kind} condition that does not hold skips the step`, today: '2026-03-11', policy, input: input([inv(1, '2026-03-04')]), touches: [], reasons: ['skip:condition_not_met:d+7'], next: null },
    ];
  }),
  { name: 'an escalated case is with a person: nothing automatic', today: '2026-03-18', input: input([inv(1, '2026-03-02')], { state: { kind: 'escalated', owner: 'ana' } }), touches: [], reasons: ['hold:strategic:'], next: null },
  { name: 'a case on a payment plan follows the plan’s reminders, not the ladder', today: '2026-03-18', input: input([inv(1, '2026-03-02')], { state: { kind: 'plan' } }), touches: [], reasons: ['hold:on_plan:'], next: null },
  { name: 'a closed case gets nothing', today: '2026-03-18', input: input([inv(1, '2026-03-02')], { state: { kind: 'closed' } }), touches: [], reasons: ['hold:paid:'], next: null },
  { name: 'an out-of-office snooze holds until the return date', today: '2026-03-18', input: input([inv(1, '2026-03-02')], { state: { kind: 'snoozed', reason: 'out_of_office', until: d('2026-03-23') } }), touches: [], reasons: ['hold:snoozed:'], next: '2026-03-23' },
  { name: 'the maximum number of touches is reached', today: '2026-03-18', policy: ladder({ maxTouches: 2 }), input: input([inv(1, '2026-03-02', { sentSteps: new Set(['d0']) })], { touchesSoFar: 2, lastTouchOn: d('2026-03-02') }), touches: [], reasons: ['hold:max_touches:d+14'], next: '2036-03-15' },
  { name: 'letters and call tasks at the hard steps', today: '2026-04-16', input: input([inv(1, '2026-03-02', { sentSteps: new Set(['d+30']) })], { lastTouchOn: d('2026-04-01') }), touches: ['d+45:1/d+45'], next: null },
];

for (const row of rows) {
  test(`planner: ${row.name}`, () => {
    const plan = planCase(row.input, row.policy ?? ladder(), d(row.today), calendar);
    assert.deepEqual(plan.touches.map((t) => `${t.stepId}:${t.invoices.map((i) => `${i.invoiceId}/${i.stepId}`).join(',')}`), row.touches);
    if (row.reasons) assert.deepEqual(planDecisions(plan).map((x) => `${x.kind}:${x.reason}:${x.stepId ?? ''}`), row.reasons);
    assert.equal(plan.nextActionOn, row.next);
    for (const decision of planDecisions(plan)) assert.ok(decision.detail.length > 10, 'every decision says why in words');
  });
}
