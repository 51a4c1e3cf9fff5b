import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanTerms, deriveDueDate } from './payment-terms.ts';
import type { LocalDate } from '../../core/local-date.ts';

const issued = '2018-03-05' as LocalDate;

// terms -> derived due date (null: none), all issued on 2018-03-05
// prettier-ignore
const cases: [string, string | null][] = [
  ['Zahlbar innerhalb 30 Tagen netto bis 04.04.2018', '2018-04-04'],
  ['Payable by 2018-04-04', '2018-04-04'],
  ['Please pay by 04/04/2018', '2018-04-04'],
  ['Please pay by 04/25/2018', '2018-04-25'], // month first: 25 is no month
  ['Zahlbar innerhalb 30 Tagen netto', '2018-04-04'],
  ['Payment within 30 days', '2018-04-04'],
  ['30 dagar netto. Dröjsmålsränta:12 %', '2018-04-04'],
  ['Paiement à 30 jours', '2018-04-04'],
  ['Betaling binnen 30 dagen', '2018-04-04'],
  ['net 30', '2018-04-04'],
  ['10 Tage 3% Skonto, 30 Tage netto', '2018-04-04'],
  ['Bei Zahlungen binnen 14 Tagen, 2% Skonto', null],
  ['2 % discount if paid within 2 days', null],
  ['Zahlbar sofort ohne Abzug.', '2018-03-05'],
  ['Payable immediately', '2018-03-05'],
  ['Due on receipt', '2018-03-05'],
  ['sofort netto Kasse; fällig zum 04.04.2018 ohne Abzug', '2018-04-04'], // the date wins
  ['#SKONTO#TAGE=7#PROZENT=2.00#\n#SKONTO#TAGE=14#PROZENT=1.00#', null],
  ['#SKONTO#TAGE=7#PROZENT=2.00#\nZahlbar innerhalb 30 Tagen netto', '2018-04-04'],
  ['Penalty percentage 10% from due date, late interest after 30 days', null],
  ['50% within one month', '2018-04-05'],
  ['Zahlbar in 2 Raten: 50% bis 20.03.2018, 50% bis 20.04.2018', '2018-03-20'], // instalments: the first
  ['Bitte überweisen Sie bis zum 24.01.2015', null], // before the issue date: ignored
  ['Vielen Dank für Ihren Auftrag', null],
  ['Lastschrift per direct debit', null],
];

for (const [terms, expected] of cases) {
  void test(`terms "${terms.replace(/\n/g, ' | ')}" -> ${expected ?? 'no due date'}`, () => {
    assert.equal(deriveDueDate(terms, issued).date, expected);
  });
}

void test('the note says where a derived date came from, and when there were several', () => {
  assert.match(
    deriveDueDate('Zahlbar innerhalb 30 Tagen netto', issued).note ?? '',
    /derived from the payment terms "Zahlbar innerhalb 30 Tagen netto"/,
  );
  assert.match(
    deriveDueDate('bis 20.03.2018 und 20.04.2018', issued).note ?? '',
    /several: 2018-03-20, 2018-04-20; the earliest is used/,
  );
  assert.match(
    deriveDueDate('bis 24.01.2015', issued).note ?? '',
    /before the issue date 2018-03-05; ignored/,
  );
  assert.equal(deriveDueDate('Vielen Dank', issued).note, null);
});

void test('cleanTerms strips (escaped) HTML tags, tidies whitespace and joins several terms', () => {
  assert.equal(
    cleanTerms(['<b>Bitte die <u>Kundennummer</u> angeben.</b>  Zahlbar   sofort']),
    'Bitte die Kundennummer angeben. Zahlbar sofort',
  );
  assert.equal(
    cleanTerms(['line one<br/>line two', '  ', 'second term']),
    'line one\nline two\nsecond term',
  );
  assert.equal(cleanTerms(['Betrag < 100 EUR: sofort']), 'Betrag < 100 EUR: sofort');
  assert.equal(cleanTerms([]), null);
});
