// BAI2 fixtures (moov-io/bai2) parsed with concrete values checked.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFixture } from '../../test/fixtures.ts';
import { parseStatementFile } from './parse-statement.ts';

const dir = 'bank-statements/bai2__moov';
const parse = (file: string) => parseStatementFile(readFixture(`${dir}/${file}`), file);

test('sample1: two CAD accounts, value-dated details, 88-continued status amounts', () => {
  const r = parse('sample1.txt');
  assert.ok(r.ok);
  assert.equal(r.format, 'bai2');
  assert.equal(r.statements.length, 2);
  const [a, b] = r.statements;
  assert.equal(a?.account, '10200123456');
  assert.equal(a?.currency, 'CAD');
  assert.equal(a?.openingBalance, null); // only 040/045 (available), no 010/015 ledger balances
  assert.equal(a?.transactions.length, 11);
  assert.deepEqual(
    {
      amount: a?.transactions[0]?.amount,
      remittance: a?.transactions[0]?.remittance,
      valueDate: a?.transactions[0]?.valueDate,
      bookingDate: a?.transactions[0]?.bookingDate,
    },
    {
      amount: -2500n,
      remittance: 'RETURNED CHEQUE',
      valueDate: '2006-03-16',
      bookingDate: '2006-03-17',
    },
  );
  assert.equal(a?.transactions[3]?.amount, 203500n); // type 108: a credit
  assert.equal(b?.transactions.length, 6);
  // 49 control totals: the detail amounts are part of them (sum of |amounts| in the account).
  const total = (b?.transactions ?? []).reduce(
    (s, t) => s + (t.amount < 0n ? -t.amount : t.amount),
    0n,
  );
  assert.equal(total, 223000n);
});

test('sample2: funds types S, V, D and 1; text in an 88; opening ledger balances', () => {
  const r = parse('sample2.txt');
  assert.ok(r.ok);
  assert.deepEqual(
    r.statements.map((s) => s.account),
    ['0123456789', '9876543210', '4589761203', '0975312468', '7890654321'],
  );
  assert.deepEqual(
    r.statements.map((s) => s.openingBalance),
    [4350000n, -500000n, 10000000n, 500000n, 800000n],
  );
  const lc = r.statements[2]?.transactions[0];
  assert.equal(lc?.amount, 20000000n);
  assert.equal(lc?.valueDate, '2004-06-22');
  assert.equal(lc?.bankReference, 'SP4738');
  assert.equal(lc?.remittance, 'PROCEEDS OF LETTER OF CREDIT FROM THE ARAMCO OIL CO');
  assert.equal(r.statements[1]?.transactions[0]?.remittance, 'LOCK BOX NO.68751');
});

test('sample3: several records on one line and a record wrapped without an 88', () => {
  const r = parse('sample3.txt');
  assert.ok(r.ok);
  const first = r.statements[0];
  assert.equal(first?.openingBalance, -3500n);
  assert.equal(first?.closingBalance, -3600n);
  assert.equal(first?.transactions[1]?.remittance, 'TRANSFER MSPBNA BANK PPD');
  assert.equal(first?.transactions[3]?.amount, -2500n); // 451: a debit
  const wrapped = r.statements.find((s) => s.account === '11111111')?.transactions[0];
  assert.match(
    wrapped?.remittance ?? '',
    /^111111 ACH_SETL 1111111111 111111111111111 1111111111$/,
  );
});

test('sample4/5: newline-delimited records, key: value continuations, "/" inside the text', () => {
  for (const file of ['sample4-continuations-newline-delimited.txt', 'sample5-issue113.txt']) {
    const r = parse(file);
    assert.ok(r.ok, file);
    const reject = r.statements[1]?.transactions[1];
    assert.equal(reject?.amount, 143500n);
    assert.equal(reject?.endToEndId, 'GSQ4FBGFDGWGKY');
    assert.equal(reject?.remittance, 'ACH- Test - Addenda Record');
    assert.equal(reject?.counterpartyName, 'SAMPLE INC');
    assert.equal(reject?.bankReference, 'SB2322600000404');
  }
  const r5 = parse('sample5-issue113.txt');
  assert.ok(r5.ok);
  assert.equal(r5.statements[1]?.transactions[2]?.endToEndId, 'AB/GS/RPFILERP0001/RPBA0001');
  assert.equal(r5.statements[2]?.closingBalance, 159381194n);
});

test('a file not starting with 01 is refused naming the line', () => {
  const r = parse('errors__sample-parseError.txt');
  assert.ok(!r.ok);
  assert.equal(r.error.where, 'errors__sample-parseError.txt: line 1');
  assert.match(r.error.message, /01 file header/);
});

test('a truncated file (no 99 trailer) is refused', () => {
  const text = readFixture(`${dir}/sample1.txt`)
    .toString('utf8')
    .split('\n')
    .slice(0, 10)
    .join('\n');
  const r = parseStatementFile(Buffer.from(text), 'cut.txt');
  assert.ok(!r.ok);
  assert.match(r.error.message, /99 file trailer|49/);
});
