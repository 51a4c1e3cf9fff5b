// The run on the store under test: replaying days, never planning a step twice, adapting to
// payments, disputes and pauses (invariants 1, 2, 4, 6).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addDays } from '../src/core/local-date.ts';
import { importInvoices } from '../src/engine/import-invoices.ts';
import { importPayments } from '../src/engine/import-payments.ts';
import { runDunning } from '../src/engine/run-dunning.ts';
import { day, inv, items, pay, cur } from './support/records.ts';
import { outbox, planning, stores } from './support/cadence.ts';
import { withStore } from './stores.ts';
import type { StoreHandle } from '../src/store/open-store.ts';

const defaults = { timeZone: 'Europe/Berlin', country: 'DE', locale: 'de' };

async function replay(store: StoreHandle, from: string, to: string): Promise<void> {
  const { cadence } = stores(store);
  for (let d = day(from); d <= day(to); d = addDays(d, 1)) await runDunning(cadence, d, planning());
}

test('replaying two months: each step once, on business days, consolidated per customer and currency', () =>
  withStore(async (store) => {
    const { ledger } = stores(store);
    await importInvoices(ledger, { file: 'a.csv', fileHash: 'h', defaults, items: items([
      inv('M-1', { dueDate: day('2026-03-02'), issueDate: day('2026-02-01') }),
      inv('M-2', { dueDate: day('2026-03-09'), issueDate: day('2026-02-01') }),
      inv('M-3', { dueDate: day('2026-03-02'), issueDate: day('2026-02-01'), currency: cur('USD') }),
    ]) });
    await replay(store, '2026-02-20', '2026-04-30');
    assert.deepEqual(await outbox(store), [
      '2026-02-27 d-3 M-1/d-3',
      '2026-02-27 d-3 M-3/d-3',
      '2026-03-02 d0 M-1/d0',
      '2026-03-02 d0 M-3/d0',
      '2026-03-06 d-3 M-2/d-3',
      '2026-03-09 d+7 M-1/d+7,M-2/d0',
      '2026-03-09 d+7 M-3/d+7',
      '2026-03-16 d+14 M-1/d+14,M-2/d+7',
      '2026-03-16 d+14 M-3/d+14',
      '2026-03-23 d+14 M-2/d+14',
      '2026-04-01 d+30 M-1/d+30',
      '2026-04-01 d+30 M-3/d+30',
      '2026-04-08 d+30 M-2/d+30',
      '2026-04-16 d+45 M-1/d+45',
      '2026-04-16 d+45 M-3/d+45',
      '2026-04-23 d+45 M-2/d+45',
    ]);
    const again = await runDunning(stores(store).cadence, day('2026-04-30'), planning());
    assert.equal(again.cases, 0, 'a second run on the same day has nothing to do');
    // Touch lines are not checked by foreign key on PostgreSQL (migration 0007): each line
    // must still name a touch and an invoice of the store, and a touch of the invoice's case.
    const lines = await store.db.selectFrom('touch_invoices')
      .leftJoin('touches', 'touches.id', 'touch_invoices.touch_id').leftJoin('invoices', 'invoices.id', 'touch_invoices.invoice_id')
      .leftJoin('cases', 'cases.id', 'touches.case_id')
      .select(['touch_invoices.touch_id', 'touches.id as touch', 'invoices.id as invoice', 'invoices.account_id', 'invoices.currency', 'cases.account_id as case_account', 'cases.currency as case_currency'])
      .execute();
    assert.equal(lines.length, 18, 'six steps for each of the three invoices');
    for (const l of lines) {
      assert.notEqual(l.touch, null, `line of touch ${l.touch_id} has its touch`);
      assert.notEqual(l.invoice, null, `line of touch ${l.touch_id} has its invoice`);
      assert.equal(`${l.account_id}/${l.currency}`, `${l.case_account}/${l.case_currency}`);
    }
  }));

test('a run after five days of downtime sends the step due now, not the stale ones, and records them', () =>
  withStore(async (store) => {
    const { ledger, cadence } = stores(store);
    await importInvoices(ledger, { file: 'a.csv', fileHash: 'h', defaults, items: items([inv('G-1', { dueDate: day('2026-03-02') })]) });
    await runDunning(cadence, day('2026-02-27'), planning());
    const report = await runDunning(cadence, day('2026-03-10'), planning()); // d0 (03-02) and d+7 (03-09) missed
    assert.equal(report.touches, 1);
    assert.deepEqual(await outbox(store), ['2026-02-27 d-3 G-1/d-3', '2026-03-10 d+7 G-1/d+7']);
    // Stored once, on the touch line it gave way to (no decisions row), and read back as the skip it was.
    assert.deepEqual(await store.db.selectFrom('decisions').select('id').where('run_on', '=', '2026-03-10').execute(), []);
    const line = await store.db.selectFrom('touch_invoices').select(['step_id', 'reason', 'detail', 'fell_due_on', 'passed_over']).where('step_id', '=', 'd+7').executeTakeFirstOrThrow();
    assert.equal(line.reason, 'step_due');
    assert.equal(line.fell_due_on, '2026-03-09');
    assert.equal(line.detail, null, 'the words of the touch\'s own step are rendered on reading');
    // Days from the touch's day (2026-03-10): the step passed over fell due 8 days before.
    assert.deepEqual(JSON.parse(line.passed_over ?? '[]'), ['d0', -8], 'the step passed over and its day; the words are rendered on reading');
    const caseIds = (await store.db.selectFrom('cases').select('id').execute()).map((c) => Number(c.id));
    const history = await cadence.decisionHistory(caseIds, null);
    assert.deepEqual(history.filter((h) => h.runOn === '2026-03-10').map((h) => `${h.kind}:${h.stepId}:${h.reason}:${h.invoiceNumber}`), ['skip:d0:superseded:G-1', 'touch:d+7:step_due:G-1']);
    assert.equal(history.find((h) => h.reason === 'superseded')?.detail, 'step d0 of invoice G-1 fell due on 2026-03-02; step d+7 is due now');
    assert.match(history.find((h) => h.reason === 'step_due' && h.runOn === '2026-03-10')?.detail ?? '', /^step d\+7 \(.*, email\) fell due on 2026-03-09$/);
  }));

test('a payment stops dunning: nothing more is planned for a paid invoice', () =>
  withStore(async (store) => {
    const { ledger, cadence } = stores(store);
    await importInvoices(ledger, { file: 'a.csv', fileHash: 'h', defaults, items: items([inv('P-1', { dueDate: day('2026-03-02') }), inv('P-2', { dueDate: day('2026-03-02') })]) });
    await runDunning(cadence, day('2026-03-02'), planning());
    await importPayments(ledger, { file: 'p.csv', fileHash: 'h', items: items([pay('X', { invoiceNumber: 'P-1', amountMinor: 10000n })]) });
    await replay(store, '2026-03-03', '2026-03-20');
    const lines = await outbox(store);
    assert.deepEqual(lines, ['2026-03-02 d0 P-1/d0,P-2/d0', '2026-03-09 d+7 P-2/d+7', '2026-03-16 d+14 P-2/d+14']);
    const paidSkips = await store.db.selectFrom('decisions').innerJoin('invoices', 'invoices.id', 'decisions.invoice_id').select('invoices.number').where('decisions.reason', '=', 'paid').execute();
    assert.deepEqual(paidSkips, [], 'a paid invoice is no longer open, so it is not even considered');
  }));

test('a disputed invoice is never dunned; a paused case holds until the pause ends', () =>
  withStore(async (store) => {
    const { ledger } = stores(store);
    await importInvoices(ledger, { file: 'a.csv', fileHash: 'h', defaults, items: items([inv('D-1', { dueDate: day('2026-03-02') }), inv('D-2', { dueDate: day('2026-03-02'), accountRef: 'OTHER', accountName: 'Other AG' })]) });
    const d1 = await store.db.selectFrom('invoices').select('id').where('number', '=', 'D-1').executeTakeFirstOrThrow();
    await store.db.insertInto('disputes').values({ invoice_id: d1.id, reason: 'price', owner: null, status: 'open', opened_on: '2026-02-20' }).execute();
    await store.db.updateTable('cases').set({ state: 'paused', state_reason: 'restructuring', state_until: '2026-03-12' })
      .where('account_id', '=', store.db.selectFrom('accounts').select('id').where('ref', '=', 'OTHER')).execute();
    await replay(store, '2026-02-25', '2026-03-13');
    assert.deepEqual(await outbox(store), ['2026-03-12 d+7 D-2/d+7']);
    const caseIds = (await store.db.selectFrom('cases').select('id').execute()).map((c) => Number(c.id));
    const reasons = new Set((await stores(store).cadence.decisionHistory(caseIds, null)).map((d) => d.reason));
    assert.deepEqual([...reasons].sort(), ['disputed', 'paused', 'step_due', 'superseded']);
  }));

