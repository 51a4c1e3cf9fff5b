// Bank CSV exports of several banks (test/fixtures/bank-csv): what each preset reads, that the
// generic preset finds the same columns, balances from running balances, stable entry ids.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { loadBankMapping } from './csv-mapping.ts';
import type { BankCsvOptions } from './csv-fields.ts';
import { toParseJson } from './json.ts';
import { parseBankFile } from './parse-bank-file.ts';
import type { StatementParseResult } from './statement.ts';

const dir = new URL('../../test/fixtures/bank-csv/', import.meta.url);
const bytes = (name: string): Buffer => readFileSync(new URL(name, dir));
const parse = (name: string, csv?: BankCsvOptions) =>
  parseBankFile(bytes(name), name, csv === undefined ? undefined : { csv, forceCsv: true });

function ok(r: StatementParseResult): Extract<StatementParseResult, { ok: true }> {
  if (!r.ok) assert.fail(JSON.stringify(r.problems ?? r.error));
  return r;
}

test('Sparkasse CSV-CAMT (Windows-1252, DD.MM.YY): booked rows only, RF reference from the text, placeholders dropped', async () => {
  const r = ok(await parse('sparkasse-camt.csv', { preset: 'sparkasse' }));
  assert.deepEqual(r.warnings, ['sparkasse-camt.csv: line 2: not booked yet ("Umsatz vorgemerkt"), left out']);
  const json = toParseJson('sparkasse-camt.csv', r);
  assert.equal(json.format, 'csv');
  assert.equal(json.statements.length, 1);
  const s = json.statements[0];
  assert.deepEqual({ ...s, transactions: s?.transactions.length }, { account: 'DE89370400440532013000', currency: 'EUR', openingBalance: null, closingBalance: null, transactions: 5 });
  assert.deepEqual(s?.transactions[0], {
    bookingDate: '2026-03-11', valueDate: '2026-03-11', amount: '1230.56', currency: 'EUR', counterpartyName: 'Delta Bau GmbH & Co. KG',
    counterpartyIban: 'DE02120300000000202051', reference: 'RF18539007547034', remittance: 'RF18 5390 0754 7034 Rechnung D-4010', endToEndId: 'E2E-20260311-0001',
  });
  assert.deepEqual(s?.transactions.map((t) => [t.amount, t.counterpartyName, t.endToEndId]), [
    ['1230.56', 'Delta Bau GmbH & Co. KG', 'E2E-20260311-0001'],
    ['300.00', 'Gamma Logistik KG', null],
    ['-12.50', null, null],
    ['4312.00', 'Jäger Präzisionsteile GmbH', 'PAY-7788-2026'],
    ['-89.90', 'Stadtwerke Musterstadt GmbH', 'E2E-0309-STROM'],
  ]);
  assert.equal(s?.transactions[3]?.valueDate, '2026-03-11');
});

test('a CSV file is recognised without flags and the generic preset finds the same columns', async () => {
  for (const [name, preset] of [['sparkasse-camt.csv', 'sparkasse'], ['rabobank.csv', 'rabobank'], ['ing-nl.csv', 'ing-nl']] as const) {
    const auto = ok(await parse(name));
    const given = ok(await parse(name, { preset }));
    assert.deepEqual(auto.statements, given.statements, name);
  }
});

test('Rabobank: signed amounts "+2.500,00", the description over three columns, balances, Volgnr as the entry id', async () => {
  const r = ok(await parse('rabobank.csv', { preset: 'rabobank' }));
  const s = r.statements[0];
  assert.equal(s?.openingBalance, 1_034_015n);
  assert.equal(s?.closingBalance, 1_434_445n);
  assert.deepEqual(s?.transactions.map((t) => t.amount), [250_000n, -4_510n, 119_900n, 35_040n]);
  assert.equal(s?.transactions[0]?.entryId, 'csv:NL91RABO0317712340:ref:000000000000004711');
  assert.equal(s?.transactions[2]?.reference, '1234567890123456');
  assert.equal(s?.transactions[3]?.remittance, 'Invoice INV-2026-000 104 and INV-2026-00 0105');
  assert.equal(s?.transactions[3]?.endToEndId, null);
});

test('ING (NL): unsigned amounts with "Af Bij", the currency from "Bedrag (EUR)", newest first', async () => {
  const r = ok(await parse('ing-nl.csv', { preset: 'ing-nl' }));
  const s = r.statements[0];
  assert.equal(s?.currency, 'EUR');
  assert.deepEqual(s?.transactions.map((t) => [t.bookingDate, t.amount]), [['2026-03-05', 123_456n], ['2026-03-04', -2_380n], ['2026-03-03', 80_000n]]);
  assert.deepEqual([s?.openingBalance, s?.closingBalance], [822_380n, 1_023_456n]);
});

test('a UK export: lines above the header, "Paid in"/"Paid out", DD/MM/YYYY, a currency given', async () => {
  const r = ok(await parse('uk-business.csv', { preset: 'generic', settings: { currency: 'GBP' } }));
  const s = r.statements[0];
  assert.deepEqual(s?.transactions.map((t) => [t.bookingDate, t.amount, t.currency]), [
    ['2026-03-16', 125_000n, 'GBP'], ['2026-03-14', 98_040n, 'GBP'], ['2026-03-13', -240_000n, 'GBP'], ['2026-03-11', 310_575n, 'GBP'], ['2026-03-09', -1_500n, 'GBP'],
  ]);
  assert.deepEqual([s?.openingBalance, s?.closingBalance], [1_550_940n, 1_843_055n]);
  const none = await parse('uk-business.csv');
  assert.equal(none.ok, false);
  if (!none.ok) assert.deepEqual([none.error.where, none.problems?.length], ['uk-business.csv: line 5, field currency', 1]);
});

test('a mapping file: separate debit and credit columns, a fixed account, "1 540,00"', async () => {
  const mapping = loadBankMapping(readFileSync(new URL('banque-mapping.yaml', dir), 'utf8'), 'banque-mapping.yaml');
  assert.equal(mapping.kind, 'ok');
  if (mapping.kind !== 'ok') return;
  const r = ok(await parse('banque-export.csv', { preset: 'generic', mapping: mapping.mapping }));
  const s = r.statements[0];
  assert.equal(s?.account, 'FR7630006000011234567890189');
  assert.deepEqual(s?.transactions.map((t) => [t.bookingDate, t.valueDate, t.amount, t.counterpartyName, t.reference]), [
    ['2026-03-02', '2026-03-03', 154_000n, 'MOREAU & MERCIER SERVICES', 'RF71 4567 8901 2345'],
    ['2026-03-03', '2026-03-03', -81_234n, 'URSSAF ILE DE FRANCE', null],
    ['2026-03-05', '2026-03-05', 200_000n, 'GIRARD EMBALLAGES', null],
  ]);
});

test('bad rows: every one named by line and column, and nothing of the file is returned', async () => {
  const r = await parse('bad-rows.csv');
  assert.equal(r.ok, false);
  if (r.ok) return;
  assert.deepEqual(r.problems?.map((p) => [p.where, p.message]), [
    ['bad-rows.csv: line 3, column "Buchungstag"', '"30.02.2026" is not a real date'],
    ['bad-rows.csv: line 4, column "Betrag"', '"1.234,567" has more than 2 decimal places for EUR'],
    ['bad-rows.csv: line 5, column "Währung"', '"EUX" is not an ISO 4217 currency code'],
    ['bad-rows.csv: line 6', 'row has 6 fields but the header has 7'],
    ['bad-rows.csv: line 7, column "Betrag"', '"zehn Euro" is not a number'],
  ]);
});

test('entry ids: the same file gives the same ids; a later export with other rows and another order keeps them', async () => {
  const first = ok(await parse('sparkasse-camt.csv', { preset: 'sparkasse' }));
  const again = ok(await parse('sparkasse-camt.csv', { preset: 'sparkasse' }));
  const ids = (r: typeof first) => r.statements.flatMap((s) => s.transactions.map((t) => t.entryId));
  assert.deepEqual(ids(again), ids(first));
  assert.equal(new Set(ids(first)).size, 5);
  const lines = bytes('sparkasse-camt.csv').toString('latin1').split('\r\n');
  const later = [lines[0], lines[5], lines[3], lines[4], '"DE89370400440532013000";"13.03.26";"13.03.26";"GUTSCHR. UEBERWEISUNG";"RE 77";"";"";"";"";"";"";"Neu GmbH";"";"";"10,00";"EUR";"Umsatz gebucht"'].join('\r\n');
  const next = ok(await parseBankFile(Buffer.from(later, 'latin1'), 'later.csv', { csv: { preset: 'sparkasse' }, forceCsv: true }));
  const common = ids(next).filter((id) => ids(first).includes(id));
  assert.equal(common.length, 3);
});
