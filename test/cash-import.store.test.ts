// Cash application on the store under test: statements paying invoices imported before, by
// reference, by a mistyped number, combined, short by bank charges, overpaid, ambiguous;
// re-import, atomicity, reversal, learned payers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixedClock } from '../src/core/clock.ts';
import { parseStatementFile } from '../src/cash/parse-statement.ts';
import { importInvoices } from '../src/engine/import-invoices.ts';
import { importStatement, type StatementReport } from '../src/engine/cash-import-statement.ts';
import type { CashStore } from '../src/engine/cash-ports.ts';
import { cashStore } from '../src/store/cash-store.ts';
import { ledgerStore, planAsap } from '../src/store/ledger-store.ts';
import type { StoreHandle } from '../src/store/open-store.ts';
import { camt053 } from './support/camt.ts';
import { day, inv, items } from './support/records.ts';
import { withStore } from './stores.ts';

const clock = fixedClock(new Date('2026-03-11T08:00:00Z'));
const defaults = { timeZone: 'Europe/Berlin', country: 'DE', locale: 'de' };
const ACME_IBAN = 'DE02120300000000202051';

async function seed(store: StoreHandle): Promise<void> {
  const acme = { accountRef: 'ACME', accountName: 'Acme GmbH' };
  const beta = { accountRef: 'BETA', accountName: 'Beta Handels AG' };
  await importInvoices(ledgerStore(store.db, clock), { file: 'inv.csv', fileHash: 'h', defaults, items: items([
    inv('A-1001', { ...acme, totalMinor: 100000n, openMinor: 100000n, paymentReference: 'RF35A1001' }),
    inv('A-1002', { ...acme, totalMinor: 25000n, openMinor: 25000n }),
    inv('B-2001', { ...beta, totalMinor: 48000n, openMinor: 48000n }),
    inv('B-2002', { ...beta, totalMinor: 52000n, openMinor: 52000n }),
    inv('Z-71', { accountRef: 'ZETA', accountName: 'Zeta Werkzeuge GmbH', totalMinor: 20000n, openMinor: 20000n }),
    inv('Z-72', { accountRef: 'ZETA', accountName: 'Zeta Werkzeuge GmbH', totalMinor: 30050n, openMinor: 30050n, dueDate: day('2026-02-15') }),
    inv('G-3001', { accountRef: 'GAMMA', accountName: 'Gamma Logistik KG', totalMinor: 30000n, openMinor: 30000n }),
    inv('G-3002', { accountRef: 'GAMMA', accountName: 'Gamma Logistik KG', totalMinor: 30000n, openMinor: 30000n }),
    inv('D-4001', { accountRef: 'DELTA', accountName: 'Delta Bau GmbH', totalMinor: 123456n, openMinor: 123456n }),
    inv('E-5001', { accountRef: 'EPS', accountName: 'Epsilon SARL', totalMinor: 10000n, openMinor: 10000n }),
  ]) });
}

const first = camt053([
  { bankRef: 'B1', amount: '1000.00', name: 'ACME GMBH', iban: ACME_IBAN, ref: 'RF35A1001', endToEnd: 'E2E-A1001' },
  { bankRef: 'B2', amount: '480.00', name: 'BETA HANDELS AG', text: 'Rechnung B-2010' },
  { bankRef: 'B3', amount: '500.50', name: 'Zeta Werkzeuge', text: 'Z-71 und Z-72' },
  { bankRef: 'B4', amount: '300.00', name: 'GAMMA LOGISTIK KG', text: 'Zahlung' },
  { bankRef: 'B5', amount: '1230.56', name: 'Delta Bau', text: 'RE D-4001' },
  { bankRef: 'B6', amount: '150.00', name: 'Epsilon SARL', text: 'Facture E-5001' },
  { bankRef: 'B7', amount: '12.50', debit: true, name: 'Hausbank', text: 'Kontofuehrung' },
  { bankRef: 'B8', amount: '77.77', name: 'Max Mustermann', text: 'Spende' },
]);

async function importText(cash: CashStore, text: string, file: string): Promise<StatementReport> {
  const parsed = parseStatementFile(Buffer.from(text), file);
  assert.ok(parsed.ok, parsed.ok ? '' : parsed.error.message);
  return importStatement(cash, { file, fileHash: `hash-${file}`, format: parsed.format, statements: parsed.statements, today: day('2026-03-11') });
}

async function invoice(store: StoreHandle, number: string): Promise<{ open: bigint; status: string }> {
  const r = await store.db.selectFrom('invoices').select(['open_minor', 'status']).where('number', '=', number).executeTakeFirstOrThrow();
  return { open: BigInt(r.open_minor), status: r.status };
}

async function counts(store: StoreHandle): Promise<string> {
  const n = async (t: 'bank_lines' | 'payments' | 'allocations' | 'audit_log' | 'payer_links'): Promise<number> =>
    Number((await store.db.selectFrom(t).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  return `lines ${await n('bank_lines')} payments ${await n('payments')} allocations ${await n('allocations')} audit ${await n('audit_log')} payers ${await n('payer_links')}`;
}

test('a camt.053 paying earlier invoices: applied, queued, unmatched and ignored lines, each with its reason', () =>
  withStore(async (store) => {
    await seed(store);
    const cash = cashStore(store.db, store.dialect, clock);
    const report = await importText(cash, first, 'day1.xml');
    assert.deepEqual({ ...report, problems: undefined }, { file: 'day1.xml', format: 'camt.053', status: 'imported', lines: 8, applied: 5, queued: 1, unmatched: 1, ignored: 1, reversals: 0, already: 0, problems: undefined });
    assert.deepEqual(await invoice(store, 'A-1001'), { open: 0n, status: 'paid' }, 'by reference');
    assert.deepEqual(await invoice(store, 'B-2001'), { open: 0n, status: 'paid' }, 'by a mistyped number and the amount');
    assert.deepEqual(await invoice(store, 'Z-71'), { open: 0n, status: 'paid' }, 'combined payment');
    assert.deepEqual(await invoice(store, 'Z-72'), { open: 0n, status: 'paid' }, 'combined payment');
    assert.deepEqual(await invoice(store, 'D-4001'), { open: 0n, status: 'paid' }, 'short by bank charges: closed');
    assert.deepEqual(await invoice(store, 'G-3001'), { open: 30000n, status: 'open' }, 'ambiguous: not applied');
    assert.deepEqual(await invoice(store, 'G-3002'), { open: 30000n, status: 'open' });

    const lines = await store.db.selectFrom('bank_lines').select(['entry_id', 'status', 'reason', 'written_off_minor', 'proposals']).orderBy('id').execute();
    assert.deepEqual(lines.map((l) => `${l.status}:${l.reason}`), ['applied:auto', 'applied:auto', 'applied:auto', 'queued:too_close', 'applied:auto', 'applied:auto', 'ignored:debit', 'unmatched:no_candidate']);
    assert.equal(BigInt(lines[4]?.written_off_minor ?? 0), 400n, 'the 4.00 shortfall is recorded');
    const writeOff = await store.db.selectFrom('audit_log').select(['entity_id', 'detail']).where('action', '=', 'written_off').execute();
    assert.deepEqual(writeOff.map((w) => [w.entity_id, JSON.parse(w.detail).amountMinor, JSON.parse(w.detail).reason]), [['D-4001', '400', 'bank_charges']]);
    const queued = JSON.parse(lines[3]?.proposals ?? '[]') as { invoices: { number: string }[] }[];
    assert.deepEqual(queued.map((p) => p.invoices.map((i) => i.number).join('+')).sort(), ['G-3001', 'G-3002']);

    const payments = await store.db.selectFrom('payments').select(['ref', 'unapplied_minor', 'unapplied_reason', 'account_id']).orderBy('id').execute();
    const eps = payments[5];
    assert.equal(BigInt(eps?.unapplied_minor ?? 0), 5000n, 'the 50.00 overpaid stays on the account');
    assert.equal(eps?.unapplied_reason, 'overpayment');
    assert.notEqual(eps?.account_id, null);
    assert.deepEqual(payments.filter((p) => p.unapplied_reason === 'in_review' || p.unapplied_reason === 'unmatched').map((p) => BigInt(p.unapplied_minor)), [30000n, 7777n], 'queued cash is kept, unapplied');

    const cases = await store.db.selectFrom('cases').innerJoin('accounts', 'accounts.id', 'cases.account_id').select(['accounts.ref', 'cases.next_action_on']).where('accounts.ref', 'in', ['ACME', 'DELTA']).execute();
    assert.deepEqual(cases.map((c) => c.next_action_on), [planAsap, planAsap]);
    const links = await store.db.selectFrom('payer_links').select(['kind', 'key']).orderBy('kind').orderBy('key').execute();
    assert.ok(links.some((l) => l.kind === 'iban' && l.key === ACME_IBAN), JSON.stringify(links));
  }));

test('importing the same statement twice applies nothing twice; an overlapping one only its new lines', () =>
  withStore(async (store) => {
    await seed(store);
    const cash = cashStore(store.db, store.dialect, clock);
    await importText(cash, first, 'day1.xml');
    const before = await counts(store);
    const again = await importText(cash, first, 'day1.xml');
    assert.deepEqual([again.status, again.already, again.applied, again.queued], ['imported', 8, 0, 0]);
    // Only the imports log grows; no line, payment, allocation or audit entry is added.
    assert.equal(await counts(store), before);
    // A second statement repeating B1 and paying A-1002 from the learned IBAN, no reference.
    const next = camt053([
      { bankRef: 'B1', amount: '1000.00', name: 'ACME GMBH', iban: ACME_IBAN, ref: 'RF35A1001', endToEnd: 'E2E-A1001' },
      { bankRef: 'C1', amount: '250.00', name: 'A. GmbH', iban: ACME_IBAN, text: 'Danke' },
    ], 'STMT-2');
    const overlap = await importText(cash, next, 'day2.xml');
    assert.deepEqual([overlap.already, overlap.applied], [1, 1]);
    assert.deepEqual(await invoice(store, 'A-1002'), { open: 0n, status: 'paid' }, 'the IBAN learned from B1 identifies the payer');
  }));

test('a file whose import fails half-way leaves nothing behind', () =>
  withStore(async (store) => {
    await seed(store);
    const real = cashStore(store.db, store.dialect, clock);
    const before = await counts(store);
    // The lines are written in a batch: payments and bank lines are in when the allocations fail.
    const failing: CashStore = {
      ...real,
      transaction: (fn) => real.transaction((ledger, cash) => fn(ledger, { ...cash, insertAllocations: () => Promise.reject(new Error('disk full')) })),
    };
    await assert.rejects(importText(failing, first, 'day1.xml'), /disk full/);
    assert.equal(await counts(store), before);
    assert.deepEqual(await invoice(store, 'A-1001'), { open: 100000n, status: 'open' });
  }));

test('a returned payment (debit with the end-to-end id of an applied credit) reopens its invoice', () =>
  withStore(async (store) => {
    await seed(store);
    const cash = cashStore(store.db, store.dialect, clock);
    await importText(cash, first, 'day1.xml');
    await store.db.updateTable('cases').set({ next_action_on: '2026-04-01' }).execute();
    const back = camt053([
      { bankRef: 'R1', amount: '1000.00', debit: true, name: 'ACME GMBH', iban: ACME_IBAN, text: 'RETOURE AC04 Konto erloschen', endToEnd: 'E2E-A1001', booked: '2026-03-12' },
      { bankRef: 'R2', amount: '50.00', debit: true, name: 'Epsilon SARL', text: 'Refund overpayment E-5001', booked: '2026-03-12' },
    ], 'STMT-3');
    const report = await importText(cash, back, 'day3.xml');
    assert.deepEqual([report.reversals, report.ignored], [1, 1]);
    assert.deepEqual(await invoice(store, 'A-1001'), { open: 100000n, status: 'open' });
    const acme = await store.db.selectFrom('cases').innerJoin('accounts', 'accounts.id', 'cases.account_id').select('cases.next_action_on').where('accounts.ref', '=', 'ACME').executeTakeFirstOrThrow();
    assert.equal(acme.next_action_on, planAsap, 'the case is planned again');
    const original = await store.db.selectFrom('bank_lines').select(['status', 'reason']).where('entry_id', 'like', '%:ref:B1').executeTakeFirstOrThrow();
    assert.deepEqual({ ...original }, { status: 'applied', reason: 'reversed' });
    const payment = await store.db.selectFrom('payments').select(['unapplied_minor', 'unapplied_reason']).where('ref', 'like', '%:ref:B1').executeTakeFirstOrThrow();
    assert.deepEqual([BigInt(payment.unapplied_minor), payment.unapplied_reason], [0n, 'reversed']);
    const again = await importText(cash, back, 'day3.xml');
    assert.equal(again.already, 2, 'a reversal is not applied twice either');
    assert.deepEqual(await invoice(store, 'A-1001'), { open: 100000n, status: 'open' });
  }));
