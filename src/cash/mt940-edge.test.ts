// MT940 details python's dumps do not cover: subfield mapping, encodings, dates, broken files.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFixture } from '../../test/fixtures.ts';
import { parseStatementFile } from './parse-statement.ts';
import { parseStatementLine } from './mt940-line61.ts';
import { parseDetails } from './mt940-subfields.ts';
import type { CurrencyCode } from '../core/currency.ts';

const dir = 'bank-statements/mt940__wolph';
const parse = (file: string) => parseStatementFile(readFixture(`${dir}/${file}`), file);
const eur = 'EUR' as CurrencyCode;
const noWarn = (): void => {};

test('30 February is read as the month end with a warning naming the line, as the .yml expects', () => {
  const r = parse('self-provided__february_30.sta');
  assert.ok(r.ok);
  const t = r.statements[0]?.transactions[0];
  assert.equal(t?.valueDate, '2016-02-29');
  assert.equal(t?.bookingDate, '2016-03-01');
  assert.match(r.warnings[0] ?? '', /^line 6: date "160230"/);
});

test('an impossible month is refused naming the line', () => {
  const text =
    ':20:X\n:25:DE1\n:60F:C160229EUR1,00\n:61:1613300301DR6,00N024NONREF\n:62F:C160301EUR1,00\n-\n';
  const r = parseStatementFile(Buffer.from(text), 'bad.sta');
  assert.ok(!r.ok);
  assert.equal(r.error.where, 'bad.sta: line 4');
  assert.match(r.error.message, /161330/);
});

test('entry dates roll over the year end', () => {
  const dec = parseStatementLine('2012310102C1,00NTRFNONREF', eur, 1, noWarn);
  assert.equal(dec.entryDate, '2021-01-02');
  const jan = parseStatementLine('2101011231D1,00NTRFNONREF', eur, 1, noWarn);
  assert.equal(jan.entryDate, '2020-12-31');
});

test('Sparkasse fragment: :61: split before the amount and ":" + "86:" on two lines', () => {
  // The .yml parses the transaction; the file has no :20:/:25:, so as a file it is refused.
  const r = parse('self-provided__sparkassen.sta');
  assert.ok(!r.ok);
  assert.match(r.error.message, /:25:/);
  const line = parseStatementLine('1811261126CR\n30,00N062NONREF', eur, 1, noWarn);
  assert.equal(line.amount, 3000n);
  assert.equal(line.valueDate, '2018-11-26');
  assert.equal(line.fundsCode, 'R');
  assert.equal(parseDetails('166?00GUTSCHR. UEBERWEISUNG?081542?20SVWZ+Test').remittance, 'Test');
});

test('German SEPA subfields: EREF, SVWZ, name and IBAN (betterplace)', () => {
  const r = parse('betterplace__sepa_mt9401.sta');
  assert.ok(r.ok);
  const t = r.statements
    .flatMap((s) => s.transactions)
    .find((x) => x.endToEndId === 'EndToEndIdTFNR2000400001');
  assert.ok(t);
  assert.equal(t.amount, 1500005n);
  assert.equal(t.counterpartyName, 'Richter Renate 70 Zeichen Beginn Fuellzeichen xxxxxxxx');
  assert.equal(t.counterpartyIban, 'DE42100100100043921105');
  assert.equal(t.reference, 'EndToEndIdTFNR2000400001'); // no RF reference: the EREF is the structured one
  assert.match(t.remittance ?? '', /^TO 13 TFNr 20004 Eingangskanal Mint/);
  assert.match(t.remittance ?? '', /Auftraggeber: Richter Renat$/); // ?60 "enat" continues ?29 "...Richter R"
  const keys = parseDetails(
    '166?00GUTSCHRIFT?20EREF+E1?21KREF+K1?22MREF+M1?23CRED+DE98ZZZ09999999999?24SVWZ+RF18 5390 0754 7034?25ABWA+Someone',
  ).keys;
  assert.deepEqual(keys, {
    EREF: 'E1',
    KREF: 'K1',
    MREF: 'M1',
    CRED: 'DE98ZZZ09999999999',
    SVWZ: 'RF18 5390 0754 7034',
    ABWA: 'Someone',
  });
});

test('an RF creditor reference in the purpose wins over the EREF', () => {
  const text =
    ':20:X\n:25:DE1\n:60F:C210101EUR0,00\n:61:210104C10,00NTRFNONREF\n:86:166?20EREF+E-77?21SVWZ+Rechnung RF18 5390 0754 7034\n:62F:C210104EUR10,00\n-\n';
  const r = parseStatementFile(Buffer.from(text), 'rf.sta');
  assert.ok(r.ok);
  assert.equal(r.statements[0]?.transactions[0]?.reference, 'RF18539007547034');
  assert.equal(r.statements[0]?.transactions[0]?.endToEndId, 'E-77');
});

test('Dutch /KEY/ details: NAME, EREF, REMI and the counter account after :61: (Rabobank)', () => {
  const r = parse('jejik__rabobank-iban.sta');
  assert.ok(r.ok);
  const [first, second] = r.statements[0]?.transactions ?? [];
  assert.equal(first?.counterpartyName, 'CONTRA ACCOUNT HOLDER');
  assert.equal(first?.endToEndId, '01-01-2013 12:00 0030000987654321');
  assert.equal(first?.counterpartyAccount, 'NL70ABNA0987654321');
  assert.equal(second?.remittance, 'Reference 201301234');
  const cntp = parseDetails(
    '/TRTP/SEPA OVERBOEKING/IBAN/NL91ABNA0417164300/BIC/ABNANL2A/NAME/J. Jansen/REMI/STRD/CUR/1234567890123456/EREF/NOTPROVIDED',
  );
  assert.equal(cntp.structuredReference, '1234567890123456');
  assert.equal(cntp.account, 'NL91ABNA0417164300');
  assert.equal(cntp.endToEndId, null);
});

test('non-UTF-8 CP852 (Raiffeisen) decodes Hungarian text', () => {
  const r = parse('self-provided__raiffeisen-cmi.sta');
  assert.ok(r.ok);
  assert.match(r.statements[0]?.transactions[0]?.remittance ?? '', /napi összevont utánvét/);
  assert.equal(r.statements[0]?.currency, 'HUF');
});

test('Windows-1252 bytes decode as Western European text', () => {
  const text = Buffer.from(
    ':20:X\n:25:DE1\n:60F:C210101EUR0,00\n:61:210104C1,00NTRFNONREF\n:86:166?20SVWZ+M\xfcller Stra\xdfe\n:62F:C210104EUR1,00\n-\n',
    'latin1',
  );
  const r = parseStatementFile(text, 'latin.sta');
  assert.ok(r.ok);
  assert.equal(r.statements[0]?.transactions[0]?.remittance, 'Müller Straße');
});

test('control characters, SWIFT blocks, CRLF and several messages (ASN, mBank)', () => {
  const asn = parse('ASNB__0708271685_09022020_164516.940.txt');
  assert.ok(asn.ok);
  assert.equal(asn.statements[0]?.account, 'NL81ASNB9999999999');
  assert.equal(asn.statements[0]?.transactions[0]?.amount, -6500n);
  assert.equal(asn.statements[0]?.transactions[0]?.counterpartyAccount, 'NL47INGB9999999999');
  const mbank = parse('mBank__mt942.sta');
  assert.ok(mbank.ok);
  assert.equal(mbank.format, 'mt942');
  assert.equal(mbank.statements[0]?.currency, 'PLN');
});

test('entry ids are stable and unique', () => {
  const a = parse('betterplace__sepa_mt9401.sta');
  const b = parse('betterplace__sepa_mt9401.sta');
  assert.ok(a.ok && b.ok);
  const ids = a.statements.flatMap((s) => s.transactions.map((t) => t.entryId));
  assert.deepEqual(
    ids,
    b.statements.flatMap((s) => s.transactions.map((t) => t.entryId)),
  );
  assert.equal(new Set(ids).size, ids.length);
});
