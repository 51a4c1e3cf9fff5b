import assert from 'node:assert/strict';
import { test } from 'node:test';
import { asCurrency, type CurrencyCode } from './currency.ts';
import { add, formatDecimal, formatMoney, money, parseDecimal, sum } from './money.ts';

const eur = asCurrency('EUR') as CurrencyCode;
const jpy = asCurrency('jpy') as CurrencyCode;
const kwd = asCurrency('KWD') as CurrencyCode;

test('currencies: ISO 4217 codes only, upper-cased', () => {
  assert.equal(asCurrency(' usd '), 'USD');
  assert.equal(asCurrency('EURO'), null);
  assert.equal(asCurrency('XXX'), null);
});

test('parseDecimal honours each currency exponent', () => {
  const table: [string, CurrencyCode, bigint][] = [
    ['801.78', eur, 80178n],
    ['-5', eur, -500n],
    ['.5', eur, 50n],
    ['1000', jpy, 1000n],
    ['1.250', kwd, 1250n],
    ['801.780000', eur, 80178n],
    ['-0.00', eur, 0n],
  ];
  for (const [text, currency, minor] of table) {
    assert.deepEqual(parseDecimal(text, currency), { kind: 'ok', minor }, text);
  }
});

test('parseDecimal refuses extra precision, garbage and absurd amounts', () => {
  assert.equal(parseDecimal('1.005', eur).kind, 'error');
  assert.equal(parseDecimal('1.5', jpy).kind, 'error');
  assert.equal(parseDecimal('1,5', eur).kind, 'error');
  assert.equal(parseDecimal('', eur).kind, 'error');
  assert.equal(parseDecimal('1e5', eur).kind, 'error');
  assert.equal(parseDecimal('99999999999999999999', eur).kind, 'error');
});

test('parseDecimal half-even rounding when asked', () => {
  assert.deepEqual(parseDecimal('1.005', eur, 'half-even'), { kind: 'ok', minor: 100n });
  assert.deepEqual(parseDecimal('1.015', eur, 'half-even'), { kind: 'ok', minor: 102n });
  assert.deepEqual(parseDecimal('1.0051', eur, 'half-even'), { kind: 'ok', minor: 101n });
  assert.deepEqual(parseDecimal('-1.015', eur, 'half-even'), { kind: 'ok', minor: -102n });
});

test('formatting round-trips and groups', () => {
  assert.equal(formatDecimal(80178n, eur), '801.78');
  assert.equal(formatDecimal(-5n, eur), '-0.05');
  assert.equal(formatDecimal(1000n, jpy), '1000');
  assert.equal(formatDecimal(1250n, kwd), '1.250');
  assert.equal(formatMoney(money(-123456789n, eur)), 'EUR -1,234,567.89');
});

test('never a sum across currencies', () => {
  assert.throws(() => add(money(1n, eur), money(1n, jpy)), /cannot combine EUR and JPY/);
  assert.throws(() => sum(eur, [money(1n, eur), money(2n, kwd)]), /cannot combine/);
  assert.deepEqual(sum(eur, [money(1n, eur), money(2n, eur)]), money(3n, eur));
});
