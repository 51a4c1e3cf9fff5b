// The ledger import on the store under test (SQLite by default; PostgreSQL under test:pg).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixedClock } from '../src/core/clock.ts';
import { importInvoices } from '../src/engine/import-invoices.ts';
import { importPayments } from '../src/engine/import-payments.ts';
import { ledgerSummary } from '../src/engine/ledger-summary.ts';
import { ledgerReader } from '../src/store/ledger-reader.ts';
import { ledgerStore } from '../src/store/ledger-store.ts';
import type { StoreHandle } from '../src/store/open-store.ts';
import { cur, day, inv, items, pay } from './support/records.ts';
import { withStore } from './stores.ts';

const clock = fixedClock(new Date('2026-03-15T10:00:00Z'));
const defaults = { timeZone: 'Europe/Berlin', country: 'DE', locale: 'de' };

function ports(store: StoreHandle) {
  return { ledger: ledgerStore(store.db, clock), reader: ledgerReader(store.db) };
}

async function count(store: StoreHandle, table: 'invoices' | 'accounts' | 'payments' | 'audit_log' | 'allocations'): Promise<number> {
  const row = await store.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

test('importing the same file twice changes nothing; a changed amount updates with an audit entry', () =>
  withStore(async (store) => {
    const { ledger } = ports(store);
    const records = [inv('A-1'), inv('A-2', { accountRef: 'BETA', accountName: 'Beta SA', country: 'FR' }), inv('A-3')];
    const first = await importInvoices(ledger, { file: 'a.csv', fileHash: 'h1', items: items(records), defaults });
    assert.deepEqual([first.status, first.inserted, first.unchanged], ['imported', 3, 0]);
    assert.equal(await count(store, 'accounts'), 2);
    const again = await importInvoices(ledger, { file: 'a.csv', fileHash: 'h1', items: items(records), defaults });
    assert.deepEqual([again.status, again.inserted, again.updated, again.unchanged], ['imported', 0, 0, 3]);
    assert.equal(await count(store, 'invoices'), 3);
    assert.equal(await count(store, 'audit_log'), 0);

    const changed = [inv('A-1'), inv('A-2', { accountRef: 'BETA', accountName: 'Beta SA', country: 'FR', openMinor: 4000n }), inv('A-3')];
    const third = await importInvoices(ledger, { file: 'b.csv', fileHash: 'h2', items: items(changed), defaults });
    assert.deepEqual([third.inserted, third.updated, third.unchanged], [0, 1, 2]);
    const audit = await store.db.selectFrom('audit_log').selectAll().execute();
    assert.equal(audit.length, 1);
    assert.equal(audit[0]?.entity_id, 'A-2');
    assert.deepEqual((JSON.parse(audit[0]?.detail ?? '{}') as { changes: unknown }).changes, { openMinor: { from: '10000', to: '4000' } });
    const beta = await ports(store).reader.account('BETA');
    assert.equal(beta?.timeZone, 'Europe/Paris');
    assert.equal(beta?.invoices[0]?.openMinor, 4000n);
  }));

test('one bad row rejects the whole file, and every bad row is reported with its place', () =>
  withStore(async (store) => {
    const { ledger } = ports(store);
    const records = [
      inv('B-1'),
      inv('B-2', { dueDate: day('2025-12-01') }),
      inv('B-3'),
      inv('B-4', { openMinor: 20000n }),
      inv('B-5'),
    ];
    const report = await importInvoices(ledger, { file: 'bad.csv', fileHash: 'h', items: items(records), defaults });
    assert.equal(report.status, 'rejected');
    assert.deepEqual(
      report.problems.map((p) => [p.where, p.field]),
      [['line 3', 'dueDate'], ['line 5', 'open']],
    );
    assert.match(report.problems[0]?.reason ?? '', /due date 2025-12-01 is before issue date 2026-01-01/);
    assert.equal(await count(store, 'invoices'), 0, 'nothing half-imported');
    assert.equal(await count(store, 'accounts'), 0);
    const imports = await store.db.selectFrom('imports').selectAll().execute();
    assert.deepEqual(imports.map((i) => [i.status, i.problems]), [['rejected', 2]]);
  }));

test('the same invoice number twice in one file with different content is rejected; identical twice is fine', () =>
  withStore(async (store) => {
    const { ledger } = ports(store);
    const conflicting = await importInvoices(ledger, { file: 'dup.csv', fileHash: 'h', items: items([inv('D-1'), inv('D-2'), inv('D-1', { totalMinor: 20000n, openMinor: 20000n })]), defaults });
    assert.equal(conflicting.status, 'rejected');
    assert.deepEqual(conflicting.problems.map((p) => [p.where, p.field]), [['line 4', 'number']]);
    const identical = await importInvoices(ledger, { file: 'same.csv', fileHash: 'h', items: items([inv('D-1'), inv('D-1')]), defaults });
    assert.deepEqual([identical.status, identical.inserted], ['imported', 1]);
  }));

test('a duplicate far apart in a large file is caught across batches', () =>
  withStore(async (store) => {
    const { ledger } = ports(store);
    const records = Array.from({ length: 1200 }, (_, i) => inv(`L-${i}`));
    records.push(inv('L-3', { totalMinor: 1n, openMinor: 1n }));
    const report = await importInvoices(ledger, { file: 'big.csv', fileHash: 'h', items: items(records), defaults });
    assert.equal(report.status, 'rejected');
    assert.equal(report.problems[0]?.where, 'line 1202');
    assert.equal(await count(store, 'invoices'), 0);
  }));

test('payments apply to the invoices they name; what cannot be applied waits with a reason', () =>
  withStore(async (store) => {
    const { ledger, reader } = ports(store);
    await importInvoices(ledger, { file: 'i.csv', fileHash: 'h', items: items([inv('P-1'), inv('P-2'), inv('P-3', { currency: cur('GBP') })]), defaults });
    const payments = [
      pay('X1', { invoiceNumber: 'P-1' }),
      pay('X2', { invoiceNumber: 'P-2', amountMinor: 2500n }),
      pay('X3', { invoiceNumber: 'P-2', amountMinor: 9000n }),
      pay('X4', { invoiceNumber: 'NOPE' }),
      pay('X5', { invoiceNumber: 'P-3' }),
      pay('X6'),
    ];
    const report = await importPayments(ledger, { file: 'p.csv', fileHash: 'h', items: items(payments) });
    assert.deepEqual([report.status, report.inserted], ['imported', 6]);
    const rows = await store.db.selectFrom('payments').select(['ref', 'unapplied_minor', 'unapplied_reason']).orderBy('ref').execute();
    assert.deepEqual(rows.map((r) => [r.ref, Number(r.unapplied_minor), r.unapplied_reason]), [
      ['X1', 0, null],
      ['X2', 0, null],
      ['X3', 1500, 'overpayment'],
      ['X4', 10000, 'invoice_not_found'],
      ['X5', 10000, 'currency_mismatch'],
      ['X6', 10000, 'no_invoice_number'],
    ]);
    const acme = await reader.account('ACME');
    assert.deepEqual(acme?.invoices.map((i) => [i.number, i.status, i.openMinor]), [
      ['P-1', 'paid', 0n],
      ['P-2', 'paid', 0n],
      ['P-3', 'open', 10000n],
    ]);
    const again = await importPayments(ledger, { file: 'p.csv', fileHash: 'h', items: items(payments) });
    assert.deepEqual([again.inserted, again.unchanged], [0, 6]);
    assert.equal(await count(store, 'allocations'), 3, 'nothing applied twice');
    const altered = await importPayments(ledger, { file: 'p2.csv', fileHash: 'h', items: items([pay('X1', { amountMinor: 1n, invoiceNumber: 'P-1' })]) });
    assert.equal(altered.status, 'rejected');
  }));

test('a credit note reduces the invoice it corrects; the rest stays open as credit', () =>
  withStore(async (store) => {
    const { ledger, reader } = ports(store);
    await importInvoices(ledger, {
      file: 'c.xml', fileHash: 'h', defaults,
      items: items([
        inv('CN-1', { kind: 'credit_note', correctsNumber: 'C-1', totalMinor: 3000n, openMinor: 3000n, dueDate: null, dueDateSource: 'missing' }),
        inv('C-1'),
        inv('CN-2', { kind: 'credit_note', correctsNumber: 'C-2', totalMinor: 15000n, openMinor: 15000n }),
        inv('C-2'),
      ]),
    });
    const acme = await reader.account('ACME');
    assert.deepEqual(acme?.invoices.map((i) => [i.number, i.status, i.openMinor]).sort(), [
      ['C-1', 'open', 7000n],
      ['C-2', 'paid', 0n],
      ['CN-1', 'applied', 0n],
      ['CN-2', 'open', 5000n],
    ]);
    const summary = await ledgerSummary(reader, day('2026-03-15'));
    assert.equal(summary.currencies[0]?.openCreditMinor, 5000n);
  }));

test('aging buckets per currency, never summed across currencies', () =>
  withStore(async (store) => {
    const { ledger, reader } = ports(store);
    const dues: [string, string, string][] = [
      ['G-1', '2026-03-20', 'EUR'], ['G-2', '2026-03-15', 'EUR'], ['G-3', '2026-03-14', 'EUR'],
      ['G-4', '2026-02-13', 'EUR'], ['G-5', '2026-02-12', 'EUR'], ['G-6', '2025-12-15', 'EUR'],
      ['G-7', '2025-12-14', 'EUR'], ['G-8', '2026-01-10', 'JPY'],
    ];
    await importInvoices(ledger, {
      file: 'g.csv', fileHash: 'h', defaults,
      items: items(dues.map(([n, d, c]) => inv(n, { dueDate: day(d), issueDate: day('2025-12-01'), currency: cur(c) }))),
    });
    const s = await ledgerSummary(reader, day('2026-03-15'));
    assert.deepEqual(s.currencies.map((c) => c.currency), ['EUR', 'JPY']);
    const eur = s.currencies[0];
    assert.deepEqual(Object.fromEntries(Object.entries(eur?.buckets ?? {}).map(([b, v]) => [b, v.count])), {
      current: 2, '1-30': 2, '31-60': 1, '61-90': 1, '90+': 1,
    });
    assert.equal(eur?.totalMinor, 70000n);
    assert.equal(s.currencies[1]?.buckets['61-90'].openMinor, 10000n);
  }));
