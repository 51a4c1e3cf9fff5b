// Table-driven retry schedules: the policy days, network waits, the Visa 15-in-30 cap, and
// hard declines (Mastercard 03/21, Visa category 1) that end retrying for good.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addDays, type LocalDate } from '../local-date.ts';
import { classifyDecline, type DeclineInfo } from './decline.ts';
import { checkCardRetryPolicy, defaultCardRetryPolicy, planRetry, visaCapDay, type CardRetryPolicy, type DeclinedAttempt, type RetryPlan } from './schedule.ts';

const day = (s: string): LocalDate => s as LocalDate;
const none: DeclineInfo = { failureCode: null, failureMessage: null, declineCode: null, networkDeclineCode: null, adviceCode: null, networkAdviceCode: null, cardBrand: null };
const soft = classifyDecline({ ...none, declineCode: 'insufficient_funds' });
const lost = classifyDecline({ ...none, declineCode: 'lost_card' });
const mc03 = classifyDecline({ ...none, declineCode: 'insufficient_funds', networkAdviceCode: '03', cardBrand: 'mastercard' });
const mc21 = classifyDecline({ ...none, networkAdviceCode: '21', cardBrand: 'mastercard' });
const mc27 = classifyDecline({ ...none, networkAdviceCode: '27', cardBrand: 'mastercard' });
const visa1 = classifyDecline({ ...none, networkDeclineCode: '43', cardBrand: 'visa' });

const at = (on: string, decline = soft): DeclinedAttempt => ({ on: day(on), decline });
const brief = (p: RetryPlan): string => (p.kind === 'retry' ? `retry ${p.retryNumber} on ${p.on}` : `stop ${p.reason} since ${p.since}, suspend ${p.suspendOn}`);

const rows: { name: string; attempts: DeclinedAttempt[]; policy?: CardRetryPolicy; plan: string }[] = [
  { name: 'first soft decline: retry on day 1', attempts: [at('2026-03-01')], plan: 'retry 1 on 2026-03-02' },
  { name: 'after the first retry failed: day 3', attempts: [at('2026-03-01'), at('2026-03-02')], plan: 'retry 2 on 2026-03-04' },
  { name: 'after three retries: day 7', attempts: [at('2026-03-01'), at('2026-03-02'), at('2026-03-04'), at('2026-03-06')], plan: 'retry 4 on 2026-03-08' },
  { name: 'all four retries failed: grace of 7 days, then suspension', attempts: [at('2026-03-01'), at('2026-03-02'), at('2026-03-04'), at('2026-03-06'), at('2026-03-08')], plan: 'stop schedule_exhausted since 2026-03-08, suspend 2026-03-16' },
  { name: 'a late retry pushes the next one: at most one a day', attempts: [at('2026-03-01'), at('2026-03-04')], plan: 'retry 2 on 2026-03-05' },
  { name: 'lost card: never retried, grace from the failure', attempts: [at('2026-03-01', lost)], plan: 'stop hard_decline since 2026-03-01, suspend 2026-03-09' },
  { name: 'Mastercard 03 on the first attempt: never retried', attempts: [at('2026-03-01', mc03)], plan: 'stop hard_decline since 2026-03-01, suspend 2026-03-09' },
  { name: 'Mastercard 21 on a retry: none after it, even with retries left', attempts: [at('2026-03-01'), at('2026-03-02', mc21)], plan: 'stop hard_decline since 2026-03-02, suspend 2026-03-10' },
  { name: 'Visa category 1 (stolen, 43): never retried', attempts: [at('2026-03-01', visa1)], plan: 'stop hard_decline since 2026-03-01, suspend 2026-03-09' },
  { name: 'Mastercard 27 (wait 4 days) moves retry 1 from day 1 to day 4', attempts: [at('2026-03-01', mc27)], plan: 'retry 1 on 2026-03-05' },
  { name: 'no grace: suspension the day after retries end', attempts: [at('2026-03-01', lost)], policy: { retryDays: [1], graceDays: 0 }, plan: 'stop hard_decline since 2026-03-01, suspend 2026-03-02' },
  { name: 'an empty schedule: straight to grace', attempts: [at('2026-03-01')], policy: { retryDays: [], graceDays: 3 }, plan: 'stop schedule_exhausted since 2026-03-01, suspend 2026-03-05' },
];

for (const row of rows) {
  test(`schedule: ${row.name}`, () => {
    assert.equal(brief(planRetry(row.attempts, row.policy ?? defaultCardRetryPolicy)), row.plan);
  });
}

test('Visa cap: a daily policy gets 15 reattempts in 30 days, the 16th waits until the first leaves the window', () => {
  const policy: CardRetryPolicy = { retryDays: Array.from({ length: 40 }, (_, i) => i + 1), graceDays: 7 };
  const attempts: DeclinedAttempt[] = [at('2026-03-01')];
  const retryDays: string[] = [];
  for (let i = 0; i < 20; i++) {
    const plan = planRetry(attempts, policy);
    assert.equal(plan.kind, 'retry');
    if (plan.kind !== 'retry') return;
    retryDays.push(plan.on);
    attempts.push(at(plan.on));
  }
  const first15 = Array.from({ length: 15 }, (_, i) => addDays(day('2026-03-01'), i + 1));
  assert.deepEqual(retryDays.slice(0, 15), first15, 'days 1..15');
  // Reattempts on 03-02..03-16; the window of 30 days ending on 03-31 holds 03-02..03-16 (15): wait until 04-01.
  assert.equal(retryDays[15], '2026-04-01');
  assert.equal(retryDays[16], '2026-04-02');
  for (let i = 0; i < retryDays.length; i++) {
    const end = day(retryDays[i] as string);
    const inWindow = retryDays.slice(0, i + 1).filter((d) => d > addDays(end, -30));
    assert.ok(inWindow.length <= 15, `no window of 30 days holds more than 15 reattempts (at ${end}: ${inWindow.length})`);
  }
});

test('Visa cap: the reason says so', () => {
  const policy: CardRetryPolicy = { retryDays: Array.from({ length: 16 }, (_, i) => i + 1), graceDays: 7 };
  const attempts = [at('2026-03-01'), ...Array.from({ length: 15 }, (_, i) => at(addDays(day('2026-03-01'), i + 1)))];
  const plan = planRetry(attempts, policy);
  assert.equal(plan.kind, 'retry');
  assert.match(plan.kind === 'retry' ? plan.why : '', /Visa allows at most 15 reattempts in 30 days/);
});

test('visaCapDay leaves a day alone when the window has room', () => {
  assert.equal(visaCapDay([day('2026-03-02')], day('2026-03-03')), '2026-03-03');
  assert.equal(visaCapDay([], day('2026-03-03')), '2026-03-03');
});

test('policy check names each problem', () => {
  assert.deepEqual(checkCardRetryPolicy(defaultCardRetryPolicy), []);
  assert.deepEqual(checkCardRetryPolicy({ retryDays: [3, 3, 0], graceDays: -1 }), [
    'retry days must ascend (3 then 3)',
    'retry day 0 must be a whole number of days, at least 1',
    'retry days must ascend (3 then 0)',
    'grace days must be a whole number, 0 or more (not -1)',
  ]);
});
