// An address that bounced hard or opted out is never written to again: the planner holds the case
// as a data-quality problem, and a reminder already approved is not sent to it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dispatchTouches } from '../src/engine/dispatch-touches.ts';
import type { ChannelResult, Deliverer } from '../src/engine/dispatch-ports.ts';
import { importInvoices } from '../src/engine/import-invoices.ts';
import { runDunning } from '../src/engine/run-dunning.ts';
import { dispatchStore } from '../src/store/dispatch-store.ts';
import { ladder } from '../src/core/cadence/test-policy.ts';
import { planning, stores } from './support/cadence.ts';
import { day, inv, items } from './support/records.ts';
import { withStore } from './stores.ts';

const autoLadder = ladder({}, ladder().steps.map((s) => ({ ...s, approval: 'auto' as const })));

/** A deliverer that records who it would write to. */
function recording(): { deliverer: Deliverer; to: (string | null)[] } {
  const to: (string | null)[] = [];
  return {
    to,
    deliverer: {
      deliver: (touch): Promise<ChannelResult> => {
        to.push(touch.contact?.email ?? null);
        return Promise.resolve(touch.contact?.email ? { kind: 'sent', providerId: 'x' } : { kind: 'permanent', reason: 'no usable email address' });
      },
    },
  };
}

test('an opted-out or bounced address gets nothing: held when planning, refused when sending', () =>
  withStore(async (s) => {
    const { ledger, cadence } = stores(s);
    await importInvoices(ledger, { file: 'a', fileHash: 'a', defaults: { timeZone: 'UTC', country: 'DE', locale: 'en' }, items: items([
      inv('Q-1', { dueDate: day('2026-03-02'), accountRef: 'OPTED', accountName: 'Opted AG', buyerEmail: 'ap@opted.example' }),
      inv('Q-2', { dueDate: day('2026-03-02'), accountRef: 'FINE', accountName: 'Fine AG', buyerEmail: 'ap@fine.example' }),
    ]) });
    await runDunning(cadence, day('2026-03-02'), planning(autoLadder)); // d0 for both, approved automatically
    await s.db.insertInto('contact_issues').values({ email: 'ap@opted.example', contact_id: null, issue: 'opted_out', reason: 'replied "stop"', inbound_id: null, created_at: '2026-03-03T10:00:00Z', resolved_at: null }).execute();
    const r = recording();
    const report = await dispatchTouches(dispatchStore(s.db, s.dialect), r.deliverer, { now: () => new Date('2026-03-03T10:00:00Z'), today: day('2026-03-03'), policyFor: () => autoLadder, paused: false });
    assert.deepEqual(r.to.sort(), ['ap@fine.example', null], 'the opted-out address is never handed to a provider');
    assert.equal(report.sent, 1);
    const tasks = await s.db.selectFrom('tasks').select(['kind', 'detail']).execute();
    assert.deepEqual(tasks.map((t) => t.kind), ['data_quality']);
    await runDunning(cadence, day('2026-03-09'), planning(autoLadder));
    const cases = await s.db.selectFrom('cases').innerJoin('accounts', 'accounts.id', 'cases.account_id').select(['cases.id', 'accounts.ref']).orderBy('accounts.ref').execute();
    const held: string[] = [];
    for (const c of cases) {
      for (const d of await cadence.decisionHistory([Number(c.id)], null)) if (d.runOn === '2026-03-09' && d.kind !== 'skip') held.push(`${c.ref}:${d.reason}`);
    }
    assert.deepEqual(held, ['FINE:step_due', 'OPTED:no_contact']);
  }));
