// `dunwise import ...` end to end on the embedded store, with real and hostile files.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fixturePath } from './fixtures.ts';
import { cli, tempDataDir } from './support/cli.ts';

test('import einvoice --dry-run --json prints one element per file in the agreed shape', async () => {
  const dir = tempDataDir();
  const broken = join(dir, 'broken.xml');
  writeFileSync(broken, '<Invoice><cbc:ID>1</Invoice>');
  const xxe = join(dir, 'xxe.xml');
  writeFileSync(xxe, '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<Invoice>&x;</Invoice>');
  const good = fixturePath('einvoices/en16931-cef/cii__CII_business_example_01.xml');
  const result = await cli(['import', 'einvoice', good, broken, xxe, '--dry-run', '--json'], { dataDir: join(dir, 'data') });
  assert.equal(result.code, 1, 'a file that cannot be read makes the exit code 1');
  const parsed = JSON.parse(result.out) as Record<string, unknown>[];
  assert.deepEqual(parsed[0], {
    file: good,
    ok: true,
    invoice: {
      number: 'TOSL108', kind: 'invoice', currency: 'NOK', issueDate: '2013-06-30', dueDate: '2013-07-20', dueDateSource: 'explicit',
      total: '1801.78', payable: '801.78', paymentReference: '0003434323213231', buyer: { name: 'The Buyercompany', email: 'john@buyercompany.no' },
    },
  });
  for (const bad of parsed.slice(1)) {
    assert.equal(bad['ok'], false);
    assert.deepEqual(Object.keys(bad), ['file', 'ok', 'error']);
    assert.deepEqual(Object.keys(bad['error'] as object), ['message', 'where']);
  }
  assert.match(JSON.stringify(parsed[2]), /DOCTYPE/);
  assert.doesNotMatch(result.out, /root:/, 'no external entity was read');
});

test('import invoices from a German semicolon CSV; a bad file is rejected whole with every problem named', async () => {
  const dir = tempDataDir();
  const dataDir = join(dir, 'data');
  const good = join(dir, 'offene-posten.csv');
  writeFileSync(good, '\uFEFFRechnungsnummer;Kunde;Rechnungsdatum;Fällig am;Betrag;Währung\r\nR-1;Müller GmbH;01.02.2026;03.03.2026;1.234,56;EUR\r\nR-2;Müller GmbH;05.02.2026;07.03.2026;99,00;EUR\r\n');
  const first = await cli(['import', 'invoices', good], { dataDir });
  assert.equal(first.code, 0, first.err);
  assert.match(first.out, /offene-posten\.csv: imported 2 records \(2 new, 0 updated, 0 unchanged\)/);
  const again = await cli(['import', 'invoices', good], { dataDir });
  assert.match(again.out, /imported 2 records \(0 new, 0 updated, 2 unchanged\)/);

  const bad = join(dir, 'bad.csv');
  writeFileSync(bad, 'Invoice Number,Customer,Invoice Date,Due Date,Amount,Currency\nX-1,Acme,2026-01-01,2025-12-01,100.00,EUR\nX-2,Acme,2026-01-01,2026-02-01,10.00,EUX\nX-3,Acme,2026-01-01\nX-4,Acme,2026-01-01,2026-02-01,1.00,EUR\n');
  const rejected = await cli(['import', 'invoices', bad], { dataDir });
  assert.equal(rejected.code, 1);
  assert.match(rejected.out, /bad\.csv: REJECTED, nothing was imported\. 3 problems to fix:/);
  assert.match(rejected.out, /line 2, Due Date: due date 2025-12-01 is before the issue date 2026-01-01/);
  assert.match(rejected.out, /line 3, Currency: "EUX" is not an ISO 4217 currency code/);
  assert.match(rejected.out, /line 4: row has 3 fields but the header has 6/);
  const ledger = JSON.parse((await cli(['ledger', '--json'], { dataDir })).out) as { currencies: { count: number }[] };
  assert.equal(ledger.currencies[0]?.count, 2, 'nothing of the bad file is in the ledger');
});

test('import payments applies cash; a missing file or a bad mapping is a plain error', async () => {
  const dir = tempDataDir();
  const dataDir = join(dir, 'data');
  const invoices = join(dir, 'inv.csv');
  writeFileSync(invoices, 'Invoice Number,Customer,Invoice Date,Due Date,Total,Currency\nA-1,Acme,2026-01-01,2026-01-31,100.00,USD\n');
  const payments = join(dir, 'pay.csv');
  writeFileSync(payments, 'Payment ID,Invoice Number,Date,Amount,Currency\nP-1,A-1,2026-02-03,60.00,USD\n');
  assert.equal((await cli(['import', 'invoices', invoices], { dataDir })).code, 0);
  const paid = await cli(['import', 'payments', payments], { dataDir });
  assert.equal(paid.code, 0, paid.out + paid.err);
  const account = JSON.parse((await cli(['accounts', 'show', 'Acme', '--json'], { dataDir })).out) as { invoices: { open: string }[] };
  assert.equal(account.invoices[0]?.open, '40.00');
  const missing = await cli(['import', 'invoices', join(dir, 'nope.csv')], { dataDir });
  assert.equal(missing.code, 2);
  assert.match(missing.err, /cannot read .*nope\.csv: no such file/);
  const mapping = join(dir, 'map.yml');
  writeFileSync(mapping, 'number: Invoice Number\nfoo: Bar\n');
  const badMap = await cli(['import', 'invoices', invoices, '--mapping', mapping], { dataDir });
  assert.equal(badMap.code, 2);
  assert.match(badMap.err, /map\.yml, line 2/);
});
