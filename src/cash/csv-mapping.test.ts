import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadBankMapping, parseBankMapFlags } from './csv-mapping.ts';

test('a bank mapping: columns, a list of remittance columns, settings', () => {
  const text = 'bookingDate: Buchungstag\namount: Betrag\nremittance: [Zweck 1, Zweck 2]\nsettings:\n  currency: EUR\n  decimal: comma\n  delimiter: ";"\n';
  assert.deepEqual(loadBankMapping(text, 'bank.yaml'), {
    kind: 'ok',
    mapping: { columns: { bookingDate: 'Buchungstag', amount: 'Betrag', remittance: ['Zweck 1', 'Zweck 2'] }, settings: { currency: 'EUR', decimal: 'comma', delimiter: ';' } },
  });
});

test('bad mapping files name the line and the field', () => {
  const cases: [string, [string, string | null, RegExp][]][] = [
    ['amount: Betrag\namuont: Summe\n', [['line 2', 'amuont', /unknown field "amuont"; known fields: bookingDate, valueDate, amount/]]],
    ['amount: Betrag\nsettings:\n  decimal: komma\n', [['line 3', 'settings', /settings must be an object of currency, account, decimal \(dot\|comma\)/]]],
    ['amount: Betrag\nsettings:\n  currency: Euro\n', [['line 3', 'settings', /three-letter ISO 4217 code/]]],
    ['amount: 12\n', [['line 1', 'amount', /amount must be a column name or a list of column names/]]],
    ['- amount\n', [['line 1', null, /a bank CSV mapping must be an object/]]],
  ];
  for (const [text, expected] of cases) {
    const r = loadBankMapping(text, 'm.yaml');
    assert.equal(r.kind, 'error', text);
    if (r.kind !== 'error') continue;
    assert.deepEqual(r.problems.map((p) => [p.where, p.field]), expected.map(([w, f]) => [w, f]), text);
    r.problems.forEach((p, i) => assert.match(p.reason, expected[i]?.[2] ?? /^$/));
  }
});

test('--map flags for bank fields', () => {
  assert.deepEqual(parseBankMapFlags(['amount=Betrag', 'remittance=Zweck 1|Zweck 2']), {
    kind: 'ok',
    mapping: { columns: { amount: 'Betrag', remittance: ['Zweck 1', 'Zweck 2'] }, settings: {} },
  });
  const bad = parseBankMapFlags(['amount=Betrag', 'total=Summe']);
  assert.deepEqual(bad.kind === 'error' ? bad.problems.map((p) => [p.where, p.field]) : [], [['flag 2', 'total']]);
});
