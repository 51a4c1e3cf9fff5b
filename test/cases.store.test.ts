// Case transitions, disputes and segments as use-cases with audit entries, and what the run does with them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixedClock } from '../src/core/clock.ts';
import { importInvoices } from '../src/engine/import-invoices.ts';
import { importPayments } from '../src/engine/import-payments.ts';
import { openDispute } from '../src/engine/open-dispute.ts';
import { pauseCase } from '../src/engine/pause-case.ts';
import { refreshSegments } from '../src/engine/refresh-segments.ts';
import { resolveDispute } from '../src/engine/resolve-dispute.ts';
import { resumeCase } from '../src/engine/resume-case.ts';
import { runDunning } from '../src/engine/run-dunning.ts';
import { setSegment } from '../src/engine/set-segment.ts';
import { snoozeCase } from '../src/engine/snooze-case.ts';
import { DunwiseError } from '../src/core/errors.ts';
import { caseAdminStore } from '../src/store/case-admin-store.ts';
import { segmentHistory } from '../src/store/segment-history.ts';
import { outbox, planning, stores } from './support/cadence.ts';
import { day, inv, items, pay } from './support/records.ts';
import { withStore } from './stores.ts';
import type { StoreHandle } from '../src/store/open-store.ts';

const defaults = { timeZone: 'UTC', country: 'DE', locale: 'en' };
const admin = (s: StoreHandle) => caseAdminStore(s.db, fixedClock(new Date('2026-03-01T08:00:00Z')));

test('pause, snooze, resume and disputes: audited, and the run follows them', () =>
  withStore(async (store) => {
    const { ledger, cadence } = stores(store);
    await importInvoices(ledger, { file: 'a', fileHash: 'a', defaults, items: items([inv('C-1', { dueDate: day('2026-03-02') }), inv('C-2', { dueDate: day('2026-03-02') })]) });
    await runDunning(cadence, day('2026-02-27'), planning());
    await snoozeCase(admin(store), { accountRef: 'ACME', currency: null, until: day('2026-03-12'), reason: 'promise', note: 'promised on the phone', actor: 'test' });
    await runDunning(cadence, day('2026-03-02'), planning());
    await runDunning(cadence, day('2026-03-09'), planning());
    assert.deepEqual(await outbox(store), ['2026-02-27 d-3 C-1/d-3,C-2/d-3'], 'nothing while the promise is live');
    assert.equal(await openDispute(admin(store), { invoiceNumber: 'C-2', reason: 'price', owner: 'ana', on: day('2026-03-10'), actor: 'test' }), 'opened');
    assert.equal(await openDispute(admin(store), { invoiceNumber: 'C-2', reason: 'price', owner: 'ana', on: day('2026-03-10'), actor: 'test' }), 'already_open');
    await runDunning(cadence, day('2026-03-12'), planning());
    assert.deepEqual((await outbox(store)).slice(1), ['2026-03-12 d+7 C-1/d+7'], 'the promise ended; the disputed invoice is left out');
    await resolveDispute(admin(store), { invoiceNumber: 'C-2', on: day('2026-03-13'), note: 'credit note agreed', actor: 'test' });
    await pauseCase(admin(store), { accountRef: 'ACME', currency: 'EUR', reason: 'insolvency check', until: null, actor: 'test' });
    await runDunning(cadence, day('2026-03-16'), planning());
    assert.equal((await outbox(store)).length, 2, 'paused until further notice');
    await resumeCase(admin(store), { accountRef: 'ACME', currency: null, actor: 'test' });
    await runDunning(cadence, day('2026-03-16'), planning());
    assert.deepEqual((await outbox(store)).slice(2), ['2026-03-16 d+14 C-1/d+14,C-2/d+14']);
    const audit = await store.db.selectFrom('audit_log').select(['action']).orderBy('id').execute();
    assert.deepEqual(audit.map((a) => a.action), ['snoozed', 'dispute_opened', 'dispute_resolved', 'paused', 'resumed']);
    await assert.rejects(pauseCase(admin(store), { accountRef: 'NOBODY', currency: null, reason: 'x', until: null, actor: 'test' }), (e: unknown) => e instanceof DunwiseError && /No account "NOBODY"/.test(e.message));
  }));

test('segments from payment history; strategic by hand stops automatic messages', () =>
  withStore(async (store) => {
    const { ledger, cadence } = stores(store);
    const late = Array.from({ length: 5 }, (_, i) => inv(`L-${i}`, { accountRef: 'LATE', accountName: 'Late Ltd', issueDate: day('2025-09-01'), dueDate: day('2025-10-01') }));
    const punctual = Array.from({ length: 5 }, (_, i) => inv(`P-${i}`, { accountRef: 'GOOD', accountName: 'Good GmbH', issueDate: day('2025-09-01'), dueDate: day('2025-10-01') }));
    await importInvoices(ledger, { file: 'a', fileHash: 'a', defaults, items: items([...late, ...punctual, inv('S-1', { accountRef: 'BIG', accountName: 'Big AG', dueDate: day('2026-03-02') })]) });
    await importPayments(ledger, { file: 'p', fileHash: 'p', items: items([
      ...late.map((i) => pay(`pl-${i.number}`, { invoiceNumber: i.number, receivedOn: day('2025-11-10') })),
      ...punctual.map((i) => pay(`pp-${i.number}`, { invoiceNumber: i.number, receivedOn: day('2025-09-30') })),
    ]) });
    const counts = await refreshSegments(segmentHistory(store.db), admin(store), day('2026-03-01'));
    assert.equal(counts.chronic_late, 1);
    const seg = await store.db.selectFrom('accounts').select(['ref', 'segment', 'segment_why']).orderBy('ref').execute();
    assert.deepEqual(seg.map((s) => [s.ref, s.segment]), [['BIG', 'standard'], ['GOOD', 'standard'], ['LATE', 'chronic_late']]);
    assert.match(seg[2]?.segment_why ?? '', /5 of 5 invoices paid more than 7 days late, 40 days late on average/);
    await setSegment(admin(store), { accountRef: 'BIG', segment: 'strategic', actor: 'test' });
    await runDunning(cadence, day('2026-03-02'), planning());
    assert.deepEqual(await outbox(store), [], 'a strategic account gets no automatic message');
    const held = await store.db.selectFrom('decisions').select('reason').where('kind', '=', 'hold').execute();
    assert.deepEqual(held.map((h) => h.reason), ['strategic']);
  }));
