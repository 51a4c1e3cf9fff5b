// SQLite's read-ahead (src/store/read-ahead.ts): a run takes the batch its worker thread read
// ahead only when nothing changed the store meanwhile. A case paused between two batches, by
// another connection or by this one, is never planned from rows read before the pause.
import assert from 'node:assert/strict';
import { DatabaseSync } from 'node:sqlite';
import { test } from 'node:test';
import { fixedClock } from '../src/core/clock.ts';
import { importInvoices } from '../src/engine/import-invoices.ts';
import { runDunning } from '../src/engine/run-dunning.ts';
import { cadenceStore } from '../src/store/cadence-store.ts';
import { day, inv, items } from './support/records.ts';
import { planning, stores } from './support/cadence.ts';
import { withStore } from './stores.ts';

const defaults = { timeZone: 'Europe/Berlin', country: 'DE', locale: 'de' };
const batchSize = 5;
const pause = new Int32Array(new SharedArrayBuffer(4));
/** Blocks this thread (the run's), as a slow batch would; the worker thread goes on. */
const block = (ms: number): void => void Atomics.wait(pause, 0, 0, ms);

test('the read-ahead is taken batch after batch, and dropped when another connection or this one wrote in between', () =>
  withStore(async (store) => {
    // 60 accounts of one invoice each, all at their due date's step on the same day: 12 batches.
    await importInvoices(stores(store).ledger, { file: 'a.csv', fileHash: 'h', defaults, items: items(
      Array.from({ length: 60 }, (_, i) => inv(`R-${i}`, { accountRef: `A${String(i).padStart(2, '0')}`, accountName: `Customer ${i}`, dueDate: day('2026-03-02') })),
    ) });
    const ids = (await store.db.selectFrom('cases').select('id').orderBy('id').execute()).map((c) => Number(c.id));
    assert.equal(ids.length, 60);
    const [other, own] = [ids[4 * batchSize + 2] as number, ids[8 * batchSize + 1] as number]; // in batches 5 and 9
    const taken: boolean[] = [];
    const cadence = cadenceStore(store.db, store.dialect, fixedClock(new Date('2026-01-01T08:00:00Z')), store.location, (t) => taken.push(t));
    const report = await runDunning(cadence, day('2026-03-02'), { ...planning(), batchSize, onProgress: (done) => {
      // After batch 1, time for the worker to start (it reads ahead from the next claim on).
      if (done === batchSize) block(1500);
      if (done === 4 * batchSize) {
        block(300); // batch 5 is read ahead by now; then another connection pauses one of its cases
        const db = new DatabaseSync(store.location);
        db.exec(`update cases set state = 'paused', state_reason = 'by another connection' where id = ${other}`);
        db.close();
      }
      if (done === 8 * batchSize) {
        block(300); // batch 9 is read ahead; this process pauses one of its cases (queued before batch 9's transaction)
        void store.db.updateTable('cases').set({ state: 'paused', state_reason: 'by this connection' }).where('id', '=', own).execute();
      }
    } });
    assert.equal(report.cases, 60);
    assert.equal(report.touches, 58, 'every case but the two paused ones has its touch');
    const touched = new Set((await store.db.selectFrom('touches').select('case_id').execute()).map((t) => Number(t.case_id)));
    assert.equal(touched.has(other), false, 'the case paused by another connection is not touched');
    assert.equal(touched.has(own), false, 'the case paused by this connection is not touched');
    const held = await store.db.selectFrom('decisions').select(['case_id', 'reason']).where('case_id', 'in', [other, own]).execute();
    assert.deepEqual(held.map((d) => d.reason).sort(), ['paused', 'paused']);
    // Claim 2 found the worker starting; claims 3-13 each had a batch read ahead (asked at claims
    // 2-12; the 13th is empty: the end), those of batches 5 and 9 dropped; the last claim, from
    // the start (for cases skipped meanwhile), is never read ahead.
    assert.deepEqual(taken, [false, true, true, false, true, true, true, false, true, true, true, true, false]);
  }));

test('without a worker (no file given) the same run plans the same touches', () =>
  withStore(async (store) => {
    await importInvoices(stores(store).ledger, { file: 'a.csv', fileHash: 'h', defaults, items: items(
      Array.from({ length: 12 }, (_, i) => inv(`S-${i}`, { accountRef: `B${i}`, accountName: `Customer ${i}`, dueDate: day('2026-03-02') })),
    ) });
    const cadence = cadenceStore(store.db, store.dialect, fixedClock(new Date('2026-01-01T08:00:00Z')));
    const report = await runDunning(cadence, day('2026-03-02'), { ...planning(), batchSize });
    assert.deepEqual([report.cases, report.touches], [12, 12]);
  }));
