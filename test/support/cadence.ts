// Wiring for cadence tests: the real stores, the real calendar, a test policy, any day.
import { dateHolidaysLookup } from '../../src/calendar/date-holidays.ts';
import { BusinessCalendar } from '../../src/core/business-calendar.ts';
import { ladder } from '../../src/core/cadence/test-policy.ts';
import type { Policy } from '../../src/core/policy/types.ts';
import type { RunDeps } from '../../src/engine/run-dunning.ts';
import { cadenceStore } from '../../src/store/cadence-store.ts';
import { ledgerStore } from '../../src/store/ledger-store.ts';
import type { StoreHandle } from '../../src/store/open-store.ts';
import { fixedClock } from '../../src/core/clock.ts';

export const calendar = new BusinessCalendar(dateHolidaysLookup());

export function planning(policy: Policy = ladder()): RunDeps {
  return { calendar, policyFor: () => policy };
}

export function stores(store: StoreHandle) {
  const clock = fixedClock(new Date('2026-01-01T08:00:00Z'));
  return { ledger: ledgerStore(store.db, clock), cadence: cadenceStore(store.db, store.dialect, clock, store.dialect === 'sqlite' ? store.location : null) };
}

/**
 * The outbox as comparable lines: "planned_on account step invoice/step,...", sorted. Fails if
 * any invoice has a step in two touches (invariant 2: at most one touch per step per invoice).
 */
export async function outbox(store: StoreHandle): Promise<string[]> {
  const rows = await store.db
    .selectFrom('touch_invoices')
    .innerJoin('touches', 'touches.id', 'touch_invoices.touch_id')
    .innerJoin('invoices', 'invoices.id', 'touch_invoices.invoice_id')
    .select(['touches.planned_on', 'touches.step_id', 'touches.id', 'invoices.number', 'touch_invoices.step_id as invoice_step'])
    .execute();
  const byTouch = new Map<number, { head: string; items: string[] }>();
  const steps = new Map<string, number>();
  for (const r of rows) {
    const sent = `${r.number}/${r.invoice_step}`;
    const before = steps.get(sent);
    if (before !== undefined && before !== Number(r.id)) throw new Error(`step ${r.invoice_step} of invoice ${r.number} is in touches ${before} and ${r.id}`);
    steps.set(sent, Number(r.id));
    const id = Number(r.id);
    const entry = byTouch.get(id) ?? { head: `${r.planned_on} ${r.step_id}`, items: [] };
    entry.items.push(`${r.number}/${r.invoice_step}`);
    byTouch.set(id, entry);
  }
  return [...byTouch.values()].map((t) => `${t.head} ${t.items.sort().join(',')}`).sort();
}
