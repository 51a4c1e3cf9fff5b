// `dunwise cash ...` in-process on the embedded store: parse --json shape on a real fixture,
// refusals, import + queue + apply + split + reject, and the matching evaluation.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fixturePath } from './fixtures.ts';
import { camt053 } from './support/camt.ts';
import { cli, tempDataDir } from './support/cli.ts';

test('cash parse --json prints the agreed shape for a real camt.053; a broken file names its element and exits 2', async () => {
  const dataDir = tempDataDir();
  const file = fixturePath('bank-statements/camt__genkgo/camt053.v2.minimal.xml');
  const r = await cli(['cash', 'parse', file, '--json'], { dataDir });
  assert.equal(r.code, 0, r.err);
  assert.deepEqual(JSON.parse(r.out), {
    file,
    format: 'camt.053',
    statements: [{
      account: 'NL26VAYB8060476890', currency: 'EUR', openingBalance: '18.15', closingBalance: null,
      transactions: [{
        bookingDate: '2014-12-31', valueDate: '2015-01-02', amount: '8.85', currency: 'EUR', counterpartyName: 'NAME NAME',
        counterpartyIban: 'NL56AGDH9619008421', reference: '4654654654654654', remittance: null, endToEndId: null,
      }],
    }],
  });
  const wrong = await cli(['cash', 'parse', fixturePath('bank-statements/camt__genkgo/camt053.v2.wrong.xml')], { dataDir });
  assert.equal(wrong.code, 2);
  assert.match(wrong.err, /camt053\.v2\.wrong\.xml: \/Document\[1\]\/BkToCstmrStmt\[1\]: camt\.053 message without any Stmt element/);
  const mt940 = await cli(['cash', 'parse', fixturePath('bank-statements/mt940__wolph/jejik__ing.sta')], { dataDir });
  assert.equal(mt940.code, 0, mt940.err);
  assert.match(mt940.out, /jejik__ing\.sta: mt940, 1 statement, \d+ transactions/);
  assert.match(mt940.out, /Booked +Value +Amount +Counterparty +Reference \/ remittance/);
});

test('cash import, queue, apply, split and reject end to end; a malformed file is rejected whole', async () => {
  const dir = tempDataDir();
  const dataDir = join(dir, 'data');
  const invoices = join(dir, 'invoices.csv');
  writeFileSync(invoices, [
    'Invoice Number,Customer,Invoice Date,Due Date,Amount,Currency,Payment Reference',
    'A-1001,Acme GmbH,2026-01-05,2026-02-04,1000.00,EUR,RF35A1001',
    'G-3001,Gamma Logistik KG,2026-01-10,2026-02-09,300.00,EUR,',
    'G-3002,Gamma Logistik KG,2026-01-25,2026-02-24,300.00,EUR,',
    'H-1,Hansa Metall GmbH,2026-01-25,2026-02-24,100.00,EUR,',
    'H-2,Hansa Metall GmbH,2026-01-26,2026-02-25,80.00,EUR,',
  ].join('\n'));
  assert.equal((await cli(['import', 'invoices', invoices], { dataDir })).code, 0);
  const statement = join(dir, 'day1.xml');
  writeFileSync(statement, camt053([
    { bankRef: 'B1', amount: '1000.00', name: 'ACME GMBH', ref: 'RF35A1001' },
    { bankRef: 'B2', amount: '300.00', name: 'GAMMA LOGISTIK KG', text: 'Zahlung' },
    { bankRef: 'B3', amount: '150.00', name: 'Someone', text: 'for Hansa' },
    { bankRef: 'B4', amount: '5.00', name: 'Max Mustermann', text: 'Spende' },
    { bankRef: 'B5', amount: '9.90', debit: true, name: 'Hausbank', text: 'Gebuehren' },
  ]));
  const broken = join(dir, 'broken.xml');
  writeFileSync(broken, camt053([{ bankRef: 'X', amount: '1.001', text: 'too precise' }]));
  const imported = await cli(['cash', 'import', statement, broken], { dataDir });
  assert.equal(imported.code, 1, 'a rejected file makes the exit code 1');
  assert.match(imported.out, /day1\.xml: camt\.053, 5 lines: 1 applied, 1 queued for review, 2 unmatched, 1 ignored \(payments out\)/);
  assert.match(imported.out, /broken\.xml: REJECTED, nothing was imported:\n {2}.*broken\.xml: \/Document\[1\]\/BkToCstmrStmt\[1\]\/Stmt\[1\]\/Ntry\[1\]\/Amt\[1\]: .*more than 2 decimal places/);

  const queue = await cli(['cash', 'queue'], { dataDir });
  assert.match(queue.out, /3 bank lines waiting for review/);
  assert.match(queue.out, /#2 {2}2026-03-10 {2}EUR 300\.00 {2}from GAMMA LOGISTIK KG\n {4}says: "Zahlung"\n {4}queued: two or more proposals are about as likely\n {4}1\. score 0\.85 {2}Gamma Logistik KG: G-3001 EUR 300\.00/);
  assert.match(queue.out, /the payer "GAMMA LOGISTIK KG" is this customer/);
  const json = JSON.parse((await cli(['cash', 'queue', '--json'], { dataDir })).out) as { id: number; status: string; proposals: { invoices: { number: string }[] }[] }[];
  assert.deepEqual(json.map((l) => [l.id, l.status, l.proposals.length]), [[2, 'queued', 2], [3, 'unmatched', 0], [4, 'unmatched', 0]]);

  const applied = await cli(['cash', 'apply', '2', '--invoice', 'G-3002'], { dataDir });
  assert.equal(applied.code, 0, applied.err);
  assert.equal(applied.out, 'Bank line 2 applied:\n  G-3002: EUR 300.00 (now paid)\n');
  const twice = await cli(['cash', 'apply', '2', '--invoice', 'G-3001'], { dataDir });
  assert.notEqual(twice.code, 0);
  assert.match(twice.err, /bank line 2 is applied \(manual\); only queued or unmatched lines can be applied/);
  const tooMuch = await cli(['cash', 'split', '3', '--invoice', 'H-1=100.00', '--invoice', 'H-2=80.00'], { dataDir });
  assert.equal(tooMuch.code, 2);
  assert.match(tooMuch.err, /add up to more than the EUR 150\.00 received/);
  const split = await cli(['cash', 'split', '3', '--invoice', 'H-1=100.00', '--invoice', 'H-2=50.00'], { dataDir });
  assert.equal(split.out, 'Bank line 3 applied:\n  H-1: EUR 100.00 (now paid)\n  H-2: EUR 50.00 (EUR 30.00 still open)\n');
  const rejected = await cli(['cash', 'reject', '4', '--reason', 'private donation'], { dataDir });
  assert.equal(rejected.out, 'Bank line 4 set aside: private donation\n');
  assert.equal((await cli(['cash', 'queue'], { dataDir })).out, 'Nothing waits for review.\n');

  const ledger = JSON.parse((await cli(['ledger', '--json'], { dataDir })).out) as { currencies: { count: number }[] };
  assert.equal(ledger.currencies[0]?.count, 2, 'G-3001 and H-2 stay open');
  const again = await cli(['cash', 'import', statement], { dataDir });
  assert.match(again.out, /0 applied, 0 queued for review, 0 unmatched, 0 ignored \(payments out\), 5 imported before \(left alone\)/);
});

test('eval matching prints the evaluation of the seeded dataset', async () => {
  const r = await cli(['eval', 'matching', '--lines', '400', '--seed', '7'], { dataDir: tempDataDir() });
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /^400 bank lines against \d+ open invoices\nprecision of automatic applications: \d+\.\d\d %/);
  assert.match(r.out, /applied automatically, lines naming their invoices: /);
});
