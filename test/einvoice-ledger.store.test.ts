// E-invoices from ../shared/fixtures into the ledger, on the store under test.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fixedClock } from '../src/core/clock.ts';
import { importInvoices } from '../src/engine/import-invoices.ts';
import { parseEInvoice, toInvoiceRecord } from '../src/import/einvoice/index.ts';
import { ledgerStore } from '../src/store/ledger-store.ts';
import type { StoreHandle } from '../src/store/open-store.ts';
import { fixturePath } from './fixtures.ts';
import { withStore } from './stores.ts';

const clock = fixedClock(new Date('2026-03-15T10:00:00Z'));
const defaults = { timeZone: 'Europe/Berlin', country: 'DE', locale: 'de' };
const suite = fixturePath('einvoices/xrechnung-testsuite');

async function importFile(store: StoreHandle, path: string) {
  const result = await parseEInvoice(readFileSync(path), path);
  const item = result.ok
    ? { kind: 'record' as const, where: path, record: toInvoiceRecord(result.invoice) }
    : { kind: 'problem' as const, problem: { file: path, where: result.error.where, field: null, reason: result.error.message } };
  return importInvoices(ledgerStore(store.db, clock), { file: path, fileHash: path, items: [item], defaults });
}

/** The ledger's invoice rows without what says where and when they came from. */
async function ledgerRows(store: StoreHandle): Promise<unknown[]> {
  const rows = await store.db.selectFrom('invoices').innerJoin('accounts', 'accounts.id', 'invoices.account_id')
    .select(['number', 'kind', 'invoices.currency', 'total_minor', 'open_minor', 'issue_date', 'due_date', 'due_date_source', 'payment_reference', 'po_number', 'terms', 'corrects_number', 'status', 'accounts.ref', 'accounts.name', 'accounts.country'])
    .orderBy('number').execute();
  return rows.map((r) => ({ ...r, total_minor: String(r.total_minor), open_minor: String(r.open_minor) }));
}

test('the UBL and CII twins of the XRechnung test suite give identical ledger records', async () => {
  const cases = readdirSync(suite).filter((f) => f.endsWith('_ubl.xml')).map((f) => f.replace('_ubl.xml', '')).filter((c) => readdirSync(suite).includes(`${c}_uncefact.xml`));
  assert.ok(cases.length >= 11, `found ${cases.length} twin pairs`);
  for (const c of cases) {
    const [ubl, cii] = await Promise.all([
      withStore(async (s) => { await importFile(s, join(suite, `${c}_ubl.xml`)); return ledgerRows(s); }),
      withStore(async (s) => { await importFile(s, join(suite, `${c}_uncefact.xml`)); return ledgerRows(s); }),
    ]);
    assert.equal(ubl.length, 1, c);
    if (c === '01.10a-INVOICE') {
      // The UBL schema forces an order reference beside the sales order id, so the UBL twin
      // carries the placeholder PO "Dummywert" and the CII twin none: the only difference.
      assert.deepEqual({ ...(ubl[0] as object), po_number: null }, cii[0], c);
    } else {
      assert.deepEqual(ubl, cii, c);
    }
  }
});

test('every shared e-invoice imports, except the one whose due date is before its issue date', () =>
  withStore(async (store) => {
    const files = readdirSync(fixturePath('einvoices'), { recursive: true, encoding: 'utf8' }).filter((f) => /\.xml$/i.test(f)).sort();
    const rejected: string[] = [];
    for (const f of files) {
      const report = await importFile(store, fixturePath(join('einvoices', f)));
      if (report.status === 'rejected') rejected.push(`${f}: ${report.problems[0]?.reason}`);
    }
    assert.deepEqual(rejected, ['en16931-cef/cii__XRechnung-O.xml: due date 2021-01-01 is before the issue date 2021-01-14']);
    const again = await importFile(store, fixturePath('einvoices/en16931-cef/cii__CII_business_example_01.xml'));
    assert.deepEqual([again.inserted, again.unchanged], [0, 1], 'importing the same e-invoice again changes nothing');
    const nok = await store.db.selectFrom('invoices').selectAll().where('number', '=', 'TOSL108').executeTakeFirstOrThrow();
    assert.deepEqual([nok.currency, String(nok.total_minor), String(nok.open_minor), nok.due_date], ['NOK', '180178', '80178', '2013-07-20']);
  }));
