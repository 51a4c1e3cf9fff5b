// The entry point: format detection, refusals naming the line or element, and the JSON shape.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFixture } from '../../test/fixtures.ts';
import { DunwiseError } from '../core/errors.ts';
import { toParseJson } from './json.ts';
import { parseStatementFile } from './parse-statement.ts';

const camt = (name: string) => readFixture(`bank-statements/camt__genkgo/${name}`);

test('camt053.v2.wrong.xml (no Stmt) is refused naming the element', () => {
  const r = parseStatementFile(camt('camt053.v2.wrong.xml'), 'wrong.xml');
  assert.ok(!r.ok);
  assert.equal(r.error.where, 'wrong.xml: /Document[1]/BkToCstmrStmt[1]');
  assert.match(r.error.message, /without any Stmt/);
});

test('an amount more precise than the currency is refused; trailing zeros are exact', () => {
  const good = parseStatementFile(camt('camt053.v2.five.decimals.xml'), 'five.xml');
  assert.ok(good.ok);
  assert.equal(good.statements[0]?.openingBalance, 1815n); // 18.150 EUR
  const text = camt('camt053.v2.five.decimals.xml')
    .toString('utf8')
    .replace('<Amt Ccy="EUR">8.850</Amt>', '<Amt Ccy="EUR">8.85001</Amt>');
  const r = parseStatementFile(Buffer.from(text), 'precise.xml');
  assert.ok(!r.ok);
  assert.equal(r.error.where, 'precise.xml: /Document[1]/BkToCstmrStmt[1]/Stmt[1]/Ntry[1]/Amt[1]');
  assert.match(r.error.message, /more than 2 decimal places for EUR/);
});

test('DOCTYPE and ENTITY declarations are refused (XXE)', () => {
  const xxe =
    '<?xml version="1.0"?>\n<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>&x;</BkToCstmrStmt></Document>';
  const r = parseStatementFile(Buffer.from(xxe), 'xxe.xml');
  assert.ok(!r.ok);
  assert.match(r.error.message, /DOCTYPE declarations are refused/);
  assert.equal(r.error.where, 'xxe.xml: line 2');
});

test('broken XML is refused with its line; prefixed namespaces are read', () => {
  const broken = parseStatementFile(
    Buffer.from('<Document>\n<BkToCstmrStmt>\n</Document>'),
    'b.xml',
  );
  assert.ok(!broken.ok);
  assert.match(broken.error.where, /line \d/);
  const prefixed = camt('camt053.v2.minimal.xml')
    .toString('utf8')
    .replace('xmlns="urn', 'xmlns:c="urn')
    .replace(/<(\/?)([A-Za-z])/g, '<$1c:$2')
    .replace('<c:?xml', '<?xml');
  const r = parseStatementFile(Buffer.from(prefixed), 'prefixed.xml');
  assert.ok(r.ok, !r.ok ? r.error.message : '');
  assert.equal(r.statements[0]?.transactions[0]?.amount, 885n);
});

test('a camt namespace that contradicts the message element is refused', () => {
  const text = camt('camt053.v2.minimal.xml')
    .toString('utf8')
    .replace('camt.053.001.02', 'camt.054.001.02');
  const r = parseStatementFile(Buffer.from(text), 'mixed.xml');
  assert.ok(!r.ok);
  assert.match(r.error.message, /namespace says camt.054/);
});

test('unknown files are refused, not thrown', () => {
  const r = parseStatementFile(Buffer.from('hello world'), 'x.txt');
  assert.deepEqual(r, {
    ok: false,
    error: {
      message: 'not a camt.052/053/054, MT940/MT942 or BAI2 file',
      where: 'x.txt: start of file',
    },
  });
});

test('toParseJson has exactly the agreed shape', () => {
  const r = parseStatementFile(camt('camt053.v2.multi.statement.xml'), 'multi.xml');
  const json = toParseJson('multi.xml', r);
  assert.deepEqual(Object.keys(json), ['file', 'format', 'statements']);
  assert.equal(json.format, 'camt.053');
  assert.deepEqual(json.statements[1], {
    account: 'NL26VAYB8060476890',
    currency: 'EUR',
    openingBalance: '27.00',
    closingBalance: '20.00',
    transactions: [
      {
        bookingDate: '2014-12-31',
        valueDate: '2015-01-02',
        amount: '-7.00',
        currency: 'EUR',
        counterpartyName: 'Company Name 2',
        counterpartyIban: 'NL56AGDH9619008421',
        reference: null,
        remittance: 'Transaction Description 2',
        endToEndId: '000000002',
      },
    ],
  });
  const mt = parseStatementFile(
    readFixture('bank-statements/mt940__wolph/jejik__abnamro.sta'),
    'a.sta',
  );
  assert.equal(toParseJson('a.sta', mt).statements[0]?.transactions[0]?.amount, '-9.00');
  assert.throws(() => toParseJson('x', parseStatementFile(Buffer.from('?'), 'x')), DunwiseError);
});

test('DtTm dates keep the calendar day the bank wrote', () => {
  const r = parseStatementFile(camt('camt052.v2.xml'), 'c.xml');
  assert.ok(r.ok);
  assert.equal(r.statements[0]?.transactions[0]?.bookingDate, '2007-10-18');
  const only = parseStatementFile(camt('camt53.only-Dt-with-DtTm.xml'), 'd.xml');
  assert.ok(only.ok);
  assert.equal(only.statements[0]?.currency, 'RON'); // no Acct/Ccy: from the balance
  assert.equal(only.statements[0]?.openingBalance, 544209n); // 5442.09000 RON
});
