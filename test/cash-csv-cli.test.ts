// `dunwise cash parse|import` with bank CSV files: presets, a mapping file, the --json shape,
// bad rows (every one named, nothing imported), and the same export imported twice.
import assert from 'node:assert/strict';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { cli, tempDataDir } from './support/cli.ts';

const fixture = (name: string): string => fileURLToPath(new URL(`fixtures/bank-csv/${name}`, import.meta.url));

test('cash parse --json reads a bank CSV with a preset, a mapping file, or none', async () => {
  const dataDir = tempDataDir();
  const file = fixture('ing-nl.csv');
  const r = await cli(['cash', 'parse', file, '--preset', 'ing-nl', '--json'], { dataDir });
  assert.equal(r.code, 0, r.err);
  const json = JSON.parse(r.out) as { file: string; format: string; statements: { account: string; openingBalance: string | null; closingBalance: string | null; transactions: Record<string, unknown>[] }[] };
  assert.equal(json.format, 'csv');
  assert.deepEqual(json.statements.map((s) => [s.account, s.openingBalance, s.closingBalance, s.transactions.length]), [['NL20INGB0001234567', '8223.80', '10234.56', 3]]);
  assert.deepEqual(json.statements[0]?.transactions[1], {
    bookingDate: '2026-03-04', valueDate: null, amount: '-23.80', currency: 'EUR', counterpartyName: 'Albert Heijn 1403', counterpartyIban: null,
    reference: null, remittance: 'Pasvolgnr: 003 04-03-2026 17:22 Transactie: 3F4A21', endToEndId: null,
  });
  const mapped = await cli(['cash', 'parse', fixture('banque-export.csv'), '--mapping', fixture('banque-mapping.yaml')], { dataDir });
  assert.equal(mapped.code, 0, mapped.err);
  assert.match(mapped.out, /banque-export\.csv: csv, 1 statement, 3 transactions\n\nAccount FR7630006000011234567890189 \(EUR\): opening -, closing -/);
  const flags = await cli(['cash', 'parse', fixture('uk-business.csv'), '--currency', 'GBP', '--map', 'remittance=Description', '--json'], { dataDir });
  assert.equal(flags.code, 0, flags.err);
  assert.equal((JSON.parse(flags.out) as { statements: { closingBalance: string }[] }).statements[0]?.closingBalance, '18430.55');
});

test('a CSV with bad rows: every one named by line and column (exit 2); cash import rejects it whole (exit 1)', async () => {
  const dataDir = tempDataDir();
  const parsed = await cli(['cash', 'parse', fixture('bad-rows.csv')], { dataDir });
  assert.equal(parsed.code, 2);
  for (const line of ['line 3, column "Buchungstag": "30.02.2026" is not a real date', 'line 4, column "Betrag": "1.234,567" has more than 2 decimal places for EUR', 'line 5, column "Währung": "EUX" is not an ISO 4217 currency code', 'line 6: row has 6 fields but the header has 7', 'line 7, column "Betrag": "zehn Euro" is not a number']) {
    assert.ok(parsed.err.includes(line), `${line}\n${parsed.err}`);
  }
  const imported = await cli(['cash', 'import', fixture('bad-rows.csv')], { dataDir });
  assert.equal(imported.code, 1);
  assert.match(imported.out, /bad-rows\.csv: REJECTED, nothing was imported:\n( {2}.*bad-rows\.csv: line \d.*\n){5}/);
  const mapping = await cli(['cash', 'parse', fixture('ing-nl.csv'), '--map', 'amonut=Bedrag'], { dataDir });
  assert.equal(mapping.code, 2);
  assert.match(mapping.err, /--map problems:\n {2}--map, flag 1, amonut: unknown field "amonut"/);
});

test('cash import of a bank CSV applies what it can; the same export again, or under another name, applies nothing twice', async () => {
  const dir = tempDataDir();
  const dataDir = join(dir, 'data');
  const invoices = join(dir, 'invoices.csv');
  writeFileSync(invoices, [
    'Invoice Number,Customer,Invoice Date,Due Date,Amount,Currency,Payment Reference',
    'D-4010,Delta Bau GmbH & Co. KG,2026-02-01,2026-03-03,1230.56,EUR,RF18539007547034',
    'G-3001,Gamma Logistik KG,2026-01-10,2026-02-09,300.00,EUR,',
    'A-1001,Jäger Präzisionsteile GmbH,2026-02-05,2026-03-07,2156.00,EUR,',
    'A-1002,Jäger Präzisionsteile GmbH,2026-02-06,2026-03-08,2156.00,EUR,',
  ].join('\n'));
  assert.equal((await cli(['import', 'invoices', invoices], { dataDir })).code, 0);
  const file = fixture('sparkasse-camt.csv');
  const first = await cli(['cash', 'import', file, '--preset', 'sparkasse'], { dataDir });
  assert.equal(first.code, 0, first.err);
  assert.match(first.out, /sparkasse-camt\.csv: csv, 5 lines: 3 applied, 0 queued for review, 0 unmatched, 2 ignored \(payments out\)/);
  assert.match(first.err, /warning: .*sparkasse-camt\.csv: line 2: not booked yet \("Umsatz vorgemerkt"\), left out/);
  const ledger = JSON.parse((await cli(['ledger', '--json'], { dataDir })).out) as { currencies: { count: number }[] };
  assert.equal(ledger.currencies[0]?.count ?? 0, 0, 'all four invoices are paid');
  const copy = join(dir, 'umsaetze-maerz.csv');
  copyFileSync(file, copy);
  for (const again of [['cash', 'import', file, '--preset', 'sparkasse'], ['cash', 'import', copy]]) {
    const r = await cli(again, { dataDir });
    assert.match(r.out, /csv, 5 lines: 0 applied, 0 queued for review, 0 unmatched, 0 ignored \(payments out\), 5 imported before \(left alone\)/);
  }
});
