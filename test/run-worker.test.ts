// SQLite's run worker (src/store/run-worker.ts): a batch is planned from rows read before the
// transaction that writes it, so it is written only if nobody else wrote to the store since;
// otherwise it is claimed, read and planned again. A case paused between two batches, by
// another connection or by this process's own, is never planned from rows read before the
// pause. (Two runs at once, each with its worker: run-crash.store.test.ts.)
import assert from 'node:assert/strict';
import { DatabaseSync } from 'node:sqlite';
import { test } from 'node:test';
import { fixedClock } from '../src/core/clock.ts';
import { importInvoices } from '../src/engine/import-invoices.ts';
import { runDunning } from '../src/engine/run-dunning.ts';
import { cadenceStore } from '../src/store/cadence-store.ts';
import type { StoreHandle } from '../src/store/open-store.ts';
import type { RunWorker } from '../src/store/run-worker.ts';
import { day, inv, items } from './support/records.ts';
import { outbox, planning, stores } from './support/cadence.ts';
import { withStore } from './stores.ts';

const defaults = { timeZone: 'Europe/Berlin', country: 'DE', locale: 'de' };
const clock = fixedClock(new Date('2026-01-01T08:00:00Z'));
const batchSize = 5;
const pause = new Int32Array(new SharedArrayBuffer(4));
/** Blocks this thread (the run's planning), as a slow batch would; the worker thread goes on. */
const block = (ms: number): void => void Atomics.wait(pause, 0, 0, ms);

/** `n` accounts of one invoice each, all at their due date's step on the same day. */
async function ledger(store: StoreHandle, n: number): Promise<void> {
  await importInvoices(stores(store).ledger, { file: 'a.csv', fileHash: 'h', defaults, items: items(
    Array.from({ length: n }, (_, i) => inv(`R-${i}`, { accountRef: `A${String(i).padStart(3, '0')}`, accountName: `Customer ${i}`, dueDate: day('2026-03-02') })),
  ) });
}

/**
 * Runs the 60 cases of `ledger` in batches of five through the worker, and after the batches
 * `after` (counted in batches) lets `meanwhile` change the store from another connection, once the
 * worker has written what it was given and read the next batch ahead.
 */
async function interruptedRun(store: StoreHandle, after: readonly number[], meanwhile: (db: DatabaseSync, batch: number) => void) {
  const outcomes: string[] = [];
  const cadence = cadenceStore(store.db, store.dialect, clock, store.location, { write: (o) => outcomes.push(o) });
  const report = await runDunning(cadence, day('2026-03-02'), { ...planning(), batchSize, onProgress: (done) => {
    // After batch 1 (written here: the worker was starting), time for the worker to start.
    if (done === batchSize) block(1500);
    if (!after.includes(done / batchSize)) return;
    block(300);
    const db = new DatabaseSync(store.location);
    meanwhile(db, done / batchSize);
    db.close();
  } });
  return { report, outcomes };
}

test('a batch read before another connection or this process paused one of its cases is planned again, and holds it', () =>
  withStore(async (store) => {
    await ledger(store, 60); // 12 batches
    const paused: number[] = [];
    // The first case still due (in the batch claimed next, or read ahead) is paused: by another
    // connection after batch 4, by this process's own after batch 8.
    const { report, outcomes } = await interruptedRun(store, [4, 8], (db, batch) => {
      const first = db.prepare(`select id from cases where next_action_on <= '2026-03-02' and state = 'active' order by next_action_on, id limit 1`).get() as { id: number };
      paused.push(Number(first.id));
      if (batch === 4) db.exec(`update cases set state = 'paused', state_reason = 'by another connection' where id = ${first.id}`);
      else void store.db.updateTable('cases').set({ state: 'paused', state_reason: 'by this process' }).where('id', '=', Number(first.id)).execute();
    });
    assert.equal(paused.length, 2);
    assert.equal(report.cases, 60);
    assert.equal(report.touches, 58, 'every case but the two paused ones has its touch');
    const touched = new Set((await store.db.selectFrom('touches').select('case_id').execute()).map((t) => Number(t.case_id)));
    assert.deepEqual(paused.filter((id) => touched.has(id)), [], 'no paused case is touched');
    const held = await store.db.selectFrom('decisions').select(['case_id', 'reason']).where('case_id', 'in', paused).execute();
    assert.deepEqual(held.map((d) => d.reason).sort(), ['paused', 'paused']);
    // Batches 2-12 went through the worker (batch 1, and perhaps the one claimed with it, did
    // not); those read before a pause (the one read ahead, and the one being planned unless it
    // was written first) were found outdated and planned again.
    assert.ok(outcomes.filter((o) => o === 'stale').length >= 2, `worker writes: ${outcomes.join(',')}`);
    assert.ok(outcomes.filter((o) => o === 'done').length >= 10, `worker writes: ${outcomes.join(',')}`);
  }));

test('an invoice paid by another connection while its batch waits (read ahead by the worker, its invoices read here or there) gets no touch', () =>
  withStore(async (store) => {
    await ledger(store, 60); // 12 batches; the worker leaves every other batch's open invoices to this thread
    const paid: string[] = [];
    // The first invoice still due (in the batch claimed next, or read ahead) is paid in full by
    // another process, after batches 4 and 7 (one batch's invoices read by the worker, one's here).
    const { report, outcomes } = await interruptedRun(store, [4, 7], (db) => {
      const first = db.prepare(`select i.id, i.number from invoices i join cases c on c.account_id = i.account_id where c.next_action_on <= '2026-03-02' and i.status = 'open' order by c.next_action_on, c.id limit 1`).get() as { id: number; number: string };
      paid.push(first.number);
      db.exec(`update invoices set status = 'paid', open_minor = 0 where id = ${first.id}`);
    });
    assert.equal(paid.length, 2);
    assert.equal(report.cases, 60);
    assert.equal(report.touches, 58, 'every case but the two paid ones has its touch');
    const lines = await store.db.selectFrom('touch_invoices').innerJoin('invoices', 'invoices.id', 'touch_invoices.invoice_id').select('invoices.number').execute();
    assert.equal(lines.length, 58);
    assert.deepEqual(lines.filter((l) => paid.includes(l.number)), [], 'no paid invoice is in a touch');
    assert.ok(outcomes.filter((o) => o === 'stale').length >= 2, `worker writes: ${outcomes.join(',')}`);
  }));

test('a run whose worker stops goes on through this thread\'s connection: nothing twice, nothing missing', () =>
  withStore(async (store) => {
    await ledger(store, 200); // 40 batches
    let worker: RunWorker | null = null;
    const written: string[] = [];
    const cadence = cadenceStore(store.db, store.dialect, clock, store.location, { worker: (w) => (worker = w), write: (o) => written.push(o) });
    let stopped = false;
    const report = await runDunning(cadence, day('2026-03-02'), { ...planning(), batchSize, onProgress: (done) => {
      if (done === batchSize) block(1500); // the worker starts
      // Stopped with batches in flight, as if its thread had died.
      if (done === 10 * batchSize && worker) {
        stopped = true;
        worker.close();
      }
    } });
    assert.ok(stopped, 'the worker was stopped mid-run');
    assert.ok(written.length >= 5, `the worker wrote batches before it stopped: ${written.length}`);
    assert.equal((await outbox(store)).length, 200, 'every case has its one touch (outbox() fails on a step touched twice)');
    // A batch the worker committed but could not report is planned by nobody again, nor counted.
    assert.ok(report.cases >= 190 && report.cases <= 200, `cases reported: ${report.cases}`);
  }));

test('without a worker (no file given) the same run plans the same touches', () =>
  withStore(async (store) => {
    await ledger(store, 12);
    const report = await runDunning(cadenceStore(store.db, store.dialect, clock), day('2026-03-02'), { ...planning(), batchSize });
    assert.deepEqual([report.cases, report.touches], [12, 12]);
  }));
