import type { BusinessCalendar } from '../business-calendar.ts';
import { addDays, isoWeekday, type LocalDate } from '../local-date.ts';
import type { Policy, PolicyStep } from '../policy/types.ts';
import { conditionsHold } from './conditions.ts';
import { Reason, stepDueDetail as stepDueWordsOf, supersededDetail } from './reasons.ts';
import { firstStepAhead, nextStepAhead, stepDates } from './step-dates.ts';
import type { CasePlan, Decision, PassedStep, PlanInput, PlannedTouch, TouchLine } from './types.ts';

// Steps passed over are recorded only when the later step actually goes out: until then
// nothing was skipped, only held.
// A step due is also the touch line it becomes (TouchLine), not copied into one.
type Due = TouchLine & { step: PolicyStep };

/**
 * Decides, for one case on one day, which touches go out and why everything else is held or
 * skipped: the heart of the cadence engine. Pure: the same input gives the same plan.
 */
export function planCase(input: PlanInput, policy: Policy, today: LocalDate, calendar: BusinessCalendar): CasePlan {
  const decisions: Decision[] = [];
  const caseHold = stateHold(input, today);
  if (caseHold) return { touches: [], decisions: [{ invoiceId: null, kind: 'hold', stepId: null, reason: caseHold.reason, detail: caseHold.detail }], nextActionOn: caseHold.next };

  const eligible = input.invoices.filter((inv) => {
    if (inv.disputed) decisions.push({ invoiceId: inv.id, kind: 'skip', stepId: null, reason: Reason.disputed, detail: `invoice ${inv.number} has an open dispute` });
    else if (inv.openMinor <= 0n) decisions.push({ invoiceId: inv.id, kind: 'skip', stepId: null, reason: Reason.paid, detail: `invoice ${inv.number} has nothing open` });
    return !inv.disputed && inv.openMinor > 0n;
  });
  const openMinor = eligible.reduce((s, i) => s + i.openMinor, 0n);
  const due: Due[] = [];
  let next: LocalDate | null = null;
  const later = (d: LocalDate): void => {
    if (next === null || d < next) next = d;
  };
  for (const inv of eligible) {
    // Each step's date once per invoice (business-day steps walk the calendar). The steps
    // reached so far go in an array reused for every invoice (a run plans ~100,000).
    let reached = 0;
    let upcoming: LocalDate | null = null;
    const steps = policy.steps;
    const dates = stepDates(steps, inv.dueDate, input.country, calendar);
    for (let k = firstStepAhead(steps, inv.sentSteps); k < steps.length; k++) {
      const s = steps[k] as PolicyStep;
      const on = dates[k] as LocalDate;
      const holds = conditionsHold(s, input, openMinor);
      if (!holds.ok) {
        if (on <= today) decisions.push({ invoiceId: inv.id, kind: 'skip', stepId: s.id, reason: Reason.conditionNotMet, detail: `step ${s.id}: ${holds.why}` });
      } else if (on <= today) {
        reachedAt[reached] = k;
        reached += 1;
      } else upcoming ??= on;
    }
    if (upcoming !== null) later(upcoming);
    const last = reached - 1;
    if (last < 0) continue;
    const top = steps[reachedAt[last] as number] as PolicyStep;
    const topOn = dates[reachedAt[last] as number] as LocalDate;
    const passedOver = last > 0 ? passedSteps(steps, dates, last) : none;
    due.push({ invoiceId: inv.id, invoiceNumber: inv.number, kind: 'touch', stepId: top.id, reason: Reason.stepDue, detail: stepDueDetail(top, topOn), fellDueOn: topOn, passedOver, step: top });
  }
  const blocked = dayHold(input, policy, today, calendar);
  if (due.length === 0) return { touches: [], decisions, nextActionOn: next };
  if (blocked) {
    for (const d of due) decisions.push({ invoiceId: d.invoiceId, kind: 'hold', stepId: d.step.id, reason: blocked.reason, detail: blocked.detail });
    return { touches: [], decisions, nextActionOn: blocked.next };
  }
  const touches = policy.settings.consolidation ? [consolidated(due)] : due.map((d) => consolidated([d]));
  const capEnd = addDays(today, policy.settings.minDaysBetweenTouches);
  const afterSend = nextAfterSend(input, policy, today, calendar, due);
  return { touches, decisions, nextActionOn: afterSend === null ? null : afterSend < capEnd ? capEnd : afterSend };
}

/**
 * Every decision of a plan, in order: those of their own (holds and skips), then each touch
 * line's: the steps it passed over (superseded), then the line's touch decision.
 */
export function planDecisions(plan: CasePlan): Decision[] {
  const all = [...plan.decisions];
  for (const t of plan.touches) {
    for (const line of t.invoices) {
      for (const p of line.passedOver) {
        all.push({ invoiceId: line.invoiceId, kind: 'skip', stepId: p.stepId, reason: Reason.superseded, detail: supersededDetail(p.stepId, line.invoiceNumber, p.fellDueOn, line.stepId), fellDueOn: p.fellDueOn });
      }
      all.push(line);
    }
  }
  return all;
}

/** The steps passed over by an invoice that passed over none: one shared, never written. */
const none: readonly PassedStep[] = Object.freeze([]);

// Scratch for planCase: the indexes of the steps an invoice has reached, the first `reached`
// entries counting (planning is synchronous; a run plans ~100,000 invoices).
const reachedAt: number[] = [];

/**
 * The steps an invoice passed over (all it reached but the last, `reachedAt`), as one list shared
 * by every invoice that passed over the same steps on the same days: a catch-up over a large
 * ledger passes over hundreds of thousands of steps, on a few hundred days. Keyed by the step
 * dates (one array per due date and country, stepDates) and which steps were reached.
 */
function passedSteps(steps: readonly PolicyStep[], dates: readonly LocalDate[], count: number): readonly PassedStep[] {
  // Which steps, as bits while they fit (a policy of up to 30 steps), else as text.
  let bits = 0;
  for (let i = 0; i < count && bits !== -1; i++) bits = (reachedAt[i] as number) < 30 ? bits | (1 << (reachedAt[i] as number)) : -1;
  const key = bits !== -1 ? bits : reachedAt.slice(0, count).join(',');
  let byReached = passedCache.get(dates);
  if (byReached === undefined) passedCache.set(dates, (byReached = new Map<number | string, readonly PassedStep[]>()));
  let passed = byReached.get(key);
  if (passed === undefined) {
    const list: PassedStep[] = [];
    for (let i = 0; i < count; i++) list.push(Object.freeze({ stepId: (steps[reachedAt[i] as number] as PolicyStep).id, fellDueOn: dates[reachedAt[i] as number] as LocalDate }));
    byReached.set(key, (passed = Object.freeze(list)));
  }
  return passed;
}

const passedCache = new WeakMap<readonly LocalDate[], Map<number | string, readonly PassedStep[]>>();

// The words of a step due are the same for every invoice at that step on that day: built once
// each (a large run plans ~100,000 of them, and the store then finds equal words faster when
// they are one string). A bounded cache of a pure function.
const stepDueWords = new WeakMap<PolicyStep, Map<LocalDate, string>>();

function stepDueDetail(step: PolicyStep, on: LocalDate): string {
  let byDay = stepDueWords.get(step);
  if (byDay === undefined) stepDueWords.set(step, (byDay = new Map<LocalDate, string>()));
  let words = byDay.get(on);
  if (words === undefined) {
    words = stepDueWordsOf(step.id, step.tone, step.channels, on);
    if (byDay.size >= 10_000) byDay.clear();
    byDay.set(on, words);
  }
  return words;
}

function stateHold(input: PlanInput, today: LocalDate): { reason: Reason; detail: string; next: LocalDate | null } | null {
  const s = input.state;
  switch (s.kind) {
    case 'closed':
      return { reason: Reason.paid, detail: 'the case is closed', next: null };
    case 'paused':
      if (s.until !== null && s.until <= today) return null;
      return { reason: Reason.paused, detail: `paused: ${s.reason}${s.until ? ` until ${s.until}` : ''}`, next: s.until };
    case 'snoozed':
      if (s.until <= today) return null;
      return { reason: s.reason === 'promise' ? Reason.promise : Reason.snoozed, detail: `snoozed (${s.reason.replace('_', ' ')}) until ${s.until}`, next: s.until };
    case 'plan':
      return { reason: Reason.onPlan, detail: 'the plan\u2019s own reminders apply', next: null };
    case 'escalated':
      return { reason: Reason.strategic, detail: `escalated to ${s.owner ?? 'a person'}`, next: null };
    case 'active':
      return input.segment === 'strategic' ? { reason: Reason.strategic, detail: 'strategic accounts get no automatic messages', next: null } : null;
  }
}

function dayHold(input: PlanInput, policy: Policy, today: LocalDate, calendar: BusinessCalendar): { reason: Reason; detail: string; next: LocalDate } | null {
  const s = policy.settings;
  if (input.lastTouchOn !== null && addDays(input.lastTouchOn, s.minDaysBetweenTouches) > today) {
    const next = addDays(input.lastTouchOn, s.minDaysBetweenTouches);
    return { reason: Reason.cap, detail: `last reminder on ${input.lastTouchOn}; at most one every ${s.minDaysBetweenTouches} days, so not before ${next}`, next };
  }
  if (s.maxTouches !== null && input.touchesSoFar >= s.maxTouches) {
    return { reason: Reason.maxTouches, detail: `${input.touchesSoFar} reminders sent; the policy allows ${s.maxTouches}`, next: addDays(today, 3650) };
  }
  const country = s.holidayCalendar.kind === 'country' ? s.holidayCalendar.country : input.country;
  const why = calendar.whyNotBusinessDay(today, country);
  if (why) {
    const next = calendar.onOrAfter(addDays(today, 1), country);
    return { reason: Reason.nonBusinessDay, detail: `${today} is ${why.kind === 'weekend' ? 'a weekend day' : `a public holiday (${why.name})`} in ${country}; next business day ${next}`, next };
  }
  if (s.preferredWeekdays.length > 0 && !s.preferredWeekdays.includes(isoWeekday(today))) {
    for (let i = 1; i <= 2; i++) {
      const day = addDays(today, i);
      if (s.preferredWeekdays.includes(isoWeekday(day)) && calendar.isBusinessDay(day, country)) {
        return { reason: Reason.preferredWeekday, detail: `${today} is not a preferred sending day; waiting for ${day}`, next: day };
      }
    }
  }
  if (!input.hasContact) return { reason: Reason.noContact, detail: 'the account has no contact to send to (a data-quality task)', next: addDays(today, 7) };
  return null;
}

/** One message at the highest step reached, listing every invoice with a step due. */
function consolidated(due: readonly Due[]): PlannedTouch {
  const top = due.reduce((a, b) => (b.step.offsetDays > a.step.offsetDays ? b : a));
  return {
    stepId: top.step.id,
    channels: top.step.channels,
    tone: top.step.tone,
    template: top.step.template,
    approval: top.step.approval,
    action: top.step.action,
    invoices: due,
  };
}

function nextAfterSend(input: PlanInput, policy: Policy, today: LocalDate, calendar: BusinessCalendar, due: readonly Due[]): LocalDate | null {
  let next: LocalDate | null = null;
  for (const inv of input.invoices) {
    if (inv.disputed || inv.openMinor <= 0n) continue;
    let now: string | null = null;
    for (const d of due) if (d.invoiceId === inv.id) now = d.stepId;
    const k = nextStepAhead(policy.steps, inv.sentSteps, now);
    const on = stepDates(policy.steps, inv.dueDate, input.country, calendar)[k];
    if (on === undefined) continue;
    const candidate = on > today ? on : addDays(today, 1);
    if (next === null || candidate < next) next = candidate;
  }
  return next;
}
