import { describeReason } from '../core/cadence/reasons.ts';
import { guardTouch } from '../core/cadence/send-guard.ts';
import type { LocalDate } from '../core/local-date.ts';
import type { Segment } from '../core/ledger.ts';
import type { Policy } from '../core/policy/types.ts';
import type { ChannelResult, Deliverer, DispatchStore, TouchDelivery } from './dispatch-ports.ts';

export type DispatchDeps = {
  readonly now: () => Date;
  readonly today: LocalDate;
  readonly policyFor: (segment: Segment) => Policy;
  /** The global pause switch: nothing is sent while it is on. */
  readonly paused: boolean;
  readonly maxAttempts?: number;
  readonly batchSize?: number;
};

export type DispatchReport = { sent: number; cancelled: number; narrowed: number; failed: number; retrying: number; waiting: number; needsCheck: number };

/**
 * Sends approved touches. Right before each send the guard re-checks the invoices and the
 * case (a payment or dispute since planning drops or narrows the touch). A touch is marked
 * 'sending' before the provider is called and each delivered channel is recorded at once, so a
 * crash between the provider's acceptance and the status write never sends it again: such a
 * touch is left for a person to check. Transient failures retry with exponential backoff
 * (5 min, 10, 20, ... up to `maxAttempts`); permanent ones become data-quality tasks.
 */
export async function dispatchTouches(store: DispatchStore, deliverer: Deliverer, deps: DispatchDeps): Promise<DispatchReport> {
  const report: DispatchReport = { sent: 0, cancelled: 0, narrowed: 0, failed: 0, retrying: 0, waiting: 0, needsCheck: 0 };
  const iso = (): string => deps.now().toISOString();
  for (const id of await store.interrupted(new Date(deps.now().getTime() - 15 * 60_000).toISOString())) {
    await store.finish(id, 'needs_check', 'sending was interrupted: it may or may not have gone out; check before approving again', iso());
    report.needsCheck += 1;
  }
  if (deps.paused) return report;
  for (;;) {
    const ids = await store.claim(deps.today, iso(), deps.batchSize ?? 50);
    if (ids.length === 0) break;
    for (const id of ids) await sendOne(store, deliverer, await store.snapshot(id), deps, report);
  }
  return report;
}

async function sendOne(store: DispatchStore, deliverer: Deliverer, touch: TouchDelivery, deps: DispatchDeps, report: DispatchReport): Promise<void> {
  const now = deps.now();
  const iso = now.toISOString();
  const verdict = guardTouch(touch.invoices.map((i) => ({ invoiceId: i.id, openMinor: i.openMinor, disputed: i.disputed })), touch.caseState, deps.today, deps.paused);
  if (verdict.kind === 'drop') {
    await store.finish(touch.touchId, 'cancelled', `${verdict.reason}: ${describeReason(verdict.reason)}`, iso);
    report.cancelled += 1;
    return;
  }
  let current = touch;
  if (verdict.kind === 'narrow') {
    await store.narrow(touch.touchId, verdict.dropped.map((d) => d.invoiceId), verdict.dropped.map((d) => `${d.invoiceId}: ${describeReason(d.reason)}`).join('; '));
    current = { ...touch, invoices: touch.invoices.filter((i) => verdict.keep.includes(i.id)) };
    report.narrowed += 1;
  }
  const window = deps.policyFor(touch.account.segment).settings.sendWindow;
  const hour = localHour(now, touch.account.timeZone);
  if (hour < window.startHour || hour >= window.endHour) {
    await store.retryLater(touch.touchId, nextWindowStart(now, touch.account.timeZone, window.startHour), false, `outside the send window ${window.startHour}:00-${window.endHour}:00 in ${touch.account.timeZone}`, iso);
    report.waiting += 1;
    return;
  }
  const results: ChannelResult[] = [];
  for (const channel of current.channels) {
    if (current.delivered.includes(channel)) continue;
    const result = await deliverer.deliver(current, channel, deps.today);
    await store.recordChannel(touch.touchId, channel, result, deps.now().toISOString());
    if (result.kind === 'task') await store.createTask({ kind: channel, accountId: touch.account.id, touchId: touch.touchId, title: result.title, detail: result.detail }, iso);
    if (result.kind === 'permanent') await store.createTask({ kind: 'data_quality', accountId: touch.account.id, touchId: touch.touchId, title: `${channel} to ${touch.account.name} failed`, detail: result.reason }, iso);
    results.push(result);
  }
  const transient = results.find((r) => r.kind === 'transient');
  const permanent = results.find((r) => r.kind === 'permanent');
  if (transient && touch.attempts + 1 < (deps.maxAttempts ?? 8)) {
    const delayMs = 5 * 60_000 * 2 ** touch.attempts;
    await store.retryLater(touch.touchId, new Date(now.getTime() + delayMs).toISOString(), true, transient.reason, iso);
    report.retrying += 1;
  } else if (transient || (permanent && results.every((r) => r.kind === 'permanent'))) {
    await store.finish(touch.touchId, 'failed', (transient ?? permanent)?.reason ?? 'failed', iso);
    report.failed += 1;
  } else {
    await store.finish(touch.touchId, 'sent', permanent ? `partly: ${permanent.reason}` : null, iso);
    report.sent += 1;
  }
}

/** The hour of the day at an instant in an IANA zone. */
export function localHour(at: Date, zone: string): number {
  return Number(new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', hourCycle: 'h23' }).format(at));
}

/** The next instant the local clock in `zone` shows `hour`:00 (within the next two days). */
function nextWindowStart(after: Date, zone: string, hour: number): string {
  for (let m = 1; m <= 48 * 60; m += 15) {
    const t = new Date(after.getTime() + m * 60_000);
    if (localHour(t, zone) === hour) return new Date(Math.floor(t.getTime() / 900_000) * 900_000).toISOString();
  }
  return new Date(after.getTime() + 3_600_000).toISOString();
}
