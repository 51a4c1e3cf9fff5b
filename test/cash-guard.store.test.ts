// Invariant: a reminder already in the outbox is cancelled by a bank payment that lands after
// planning (the send-time guard drops the paid invoice), and later runs plan nothing for it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseStatementFile } from '../src/cash/parse-statement.ts';
import { guardTouch } from '../src/core/cadence/send-guard.ts';
import { fixedClock } from '../src/core/clock.ts';
import { addDays } from '../src/core/local-date.ts';
import { importInvoices } from '../src/engine/import-invoices.ts';
import { importStatement } from '../src/engine/cash-import-statement.ts';
import { runDunning } from '../src/engine/run-dunning.ts';
import { cashStore } from '../src/store/cash-store.ts';
import type { StoreHandle } from '../src/store/open-store.ts';
import { camt053 } from './support/camt.ts';
import { outbox, planning, stores } from './support/cadence.ts';
import { day, inv, items } from './support/records.ts';
import { withStore } from './stores.ts';

const defaults = { timeZone: 'Europe/Berlin', country: 'DE', locale: 'de' };

async function touchInvoices(store: StoreHandle) {
  const rows = await store.db
    .selectFrom('touch_invoices')
    .innerJoin('invoices', 'invoices.id', 'touch_invoices.invoice_id')
    .select(['touch_invoices.touch_id', 'invoices.id', 'invoices.number', 'invoices.open_minor'])
    .orderBy('invoices.number')
    .execute();
  return rows.map((r) => ({ touchId: Number(r.touch_id), invoiceId: Number(r.id), number: r.number, openMinor: BigInt(r.open_minor), disputed: false }));
}

test('a statement paying an invoice after its reminder was planned: the guard drops it and the next run plans nothing for it', () =>
  withStore(async (store) => {
    const { ledger, cadence } = stores(store);
    await importInvoices(ledger, { file: 'a.csv', fileHash: 'h', defaults, items: items([
      inv('P-1', { dueDate: day('2026-03-02'), paymentReference: 'RF35A1001' }),
      inv('P-2', { dueDate: day('2026-03-02'), totalMinor: 7000n, openMinor: 7000n }),
    ]) });
    await runDunning(cadence, day('2026-03-02'), planning());
    const planned = await touchInvoices(store);
    assert.deepEqual(planned.map((t) => t.number), ['P-1', 'P-2'], 'one consolidated touch for both invoices');
    assert.deepEqual(guardTouch(planned, { kind: 'active' }, day('2026-03-03'), false), { kind: 'send' });

    const cash = cashStore(store.db, store.dialect, fixedClock(new Date('2026-03-03T08:00:00Z')));
    const parsed = parseStatementFile(Buffer.from(camt053([{ bankRef: 'PAY-1', amount: '100.00', name: 'Acme GmbH', ref: 'RF35A1001', booked: '2026-03-03' }])), 'bank.xml');
    assert.ok(parsed.ok);
    const report = await importStatement(cash, { file: 'bank.xml', fileHash: 'x', format: parsed.format, statements: parsed.statements, today: day('2026-03-03') });
    assert.equal(report.applied, 1);

    const now = await touchInvoices(store);
    const p1 = now.find((t) => t.number === 'P-1');
    const p2 = now.find((t) => t.number === 'P-2');
    assert.deepEqual(guardTouch(now, { kind: 'active' }, day('2026-03-03'), false), {
      kind: 'narrow',
      keep: [p2?.invoiceId],
      dropped: [{ invoiceId: p1?.invoiceId, reason: 'paid' }],
    });

    const before = await outbox(store);
    for (let d = day('2026-03-03'); d <= day('2026-04-30'); d = addDays(d, 1)) await runDunning(cadence, d, planning());
    const after = (await outbox(store)).filter((l) => !before.includes(l));
    assert.ok(after.length > 0, 'P-2 is still dunned');
    assert.deepEqual(after.filter((l) => l.includes('P-1/')), [], 'nothing more is planned for the paid invoice');
  }));
