// Bank CSV rows one rule at a time: signs, marks, credit/debit columns, dates, currencies,
// encodings, repeated rows, and what is and is not recognised as CSV.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BankCsvOptions } from './csv-fields.ts';
import { detectFamily } from './detect.ts';
import { parseBankFile } from './parse-bank-file.ts';
import type { StatementParseResult } from './statement.ts';

const parse = (text: string | Buffer, csv?: BankCsvOptions): Promise<StatementParseResult> =>
  parseBankFile(typeof text === 'string' ? Buffer.from(text) : text, 'b.csv', csv === undefined ? undefined : { csv, forceCsv: true });

async function amounts(text: string, csv?: BankCsvOptions): Promise<bigint[]> {
  const r = await parse(text, csv);
  if (!r.ok) assert.fail(JSON.stringify(r.problems));
  return r.statements.flatMap((s) => s.transactions.map((t) => t.amount));
}

async function problems(text: string, csv?: BankCsvOptions): Promise<string[]> {
  const r = await parse(text, csv);
  assert.equal(r.ok, false, 'expected problems');
  return r.ok ? [] : (r.problems ?? [r.error]).map((p) => `${p.where.replace('b.csv: ', '')}: ${p.message}`);
}

test('an amount with a credit/debit mark: C/D, CR/DR, H/S, Bij/Af, +/-', async () => {
  const text = ['Date,Amount,CR/DR,Currency', '2026-03-01,10.00,CR,EUR', '2026-03-01,10.00,DR,EUR', '2026-03-02,5.00,H,EUR', '2026-03-02,5.00,S,EUR', '2026-03-03,1.00,+,EUR', '2026-03-03,1.00,-,EUR', '2026-03-04,2.00,Bij,EUR', '2026-03-04,2.00,Af,EUR'].join('\n');
  assert.deepEqual(await amounts(text), [1000n, -1000n, 500n, -500n, 100n, -100n, 200n, -200n]);
  assert.deepEqual(await problems('Date,Amount,CR/DR,Currency\n2026-03-01,10.00,X,EUR\n2026-03-01,-10.00,CR,EUR\n2026-03-01,10.00,,EUR\n'), [
    'line 2, column "CR/DR": "X" is neither a credit nor a debit mark (C/D, CR/DR, Credit/Debit, H/S, Bij/Af, +/-)',
    'line 3, column "Amount": the amount "-10.00" is negative but "CR" marks it a credit',
    'line 4, column "CR/DR": the credit/debit mark is missing',
  ]);
});

test('credit and debit columns: one of them per row; debits written with or without a minus', async () => {
  assert.deepEqual(await amounts('Date;Debit;Credit;Currency\n01.03.2026;;12,50;EUR\n02.03.2026;-3,00;;EUR\n03.03.2026;4,00;;EUR\n'), [1250n, -300n, -400n]);
  assert.deepEqual(await problems('Date;Debit;Credit;Currency\n01.03.2026;1,00;2,00;EUR\n02.03.2026;;;EUR\n'), [
    'line 2, column "Credit": both credit "2,00" and debit "1,00" are filled',
    'line 3, column "Credit": no amount: the credit and the debit cell are both empty',
  ]);
});

test('dates: two-digit years of German exports, 30 February, rows without any date, day-month order', async () => {
  assert.deepEqual(await problems('Buchungstag;Valutadatum;Betrag;Waehrung\n30.02.26;01.03.26;1,00;EUR\n;;2,00;EUR\n'), [
    'line 2, column "Buchungstag": "30.02.26" is not a real date',
    'line 3, column "Buchungstag": no booking date and no value date',
  ]);
  const r = await parse('Date,Amount,Currency\n13/03/2026,1.00,EUR\n03/04/2026,2.00,EUR\n');
  assert.ok(r.ok);
  if (r.ok) assert.deepEqual(r.statements[0]?.transactions.map((t) => t.bookingDate), ['2026-03-13', '2026-04-03']);
  assert.deepEqual(await problems('Date,Amount,Currency\n03/04/2026,2.00,EUR\n'), [
    'line 2, column "Date": "03/04/2026" could be day/month or month/day: no earlier date has a day above 12; pass --date-order dmy or --date-order mdy',
  ]);
});

test('currencies: unknown codes refused, a fixed currency, a row currency over the fixed one, several currencies', async () => {
  assert.deepEqual(await problems('Date,Amount,Currency\n2026-03-01,1.00,EUX\n2026-03-01,1.5,JPY\n'), [
    'line 2, column "Currency": "EUX" is not an ISO 4217 currency code',
    'line 3, column "Amount": "1.5" has more than 0 decimal places for JPY',
  ]);
  const bad = await parse('Date,Amount\n2026-03-01,1.00\n', { preset: 'generic', settings: { currency: 'EURO' } });
  assert.equal(bad.ok ? '' : bad.error.message, '"EURO" is not an ISO 4217 currency code');
  const r = await parse('Date,Amount,Currency\n2026-03-01,1.00,\n2026-03-01,1.000,KWD\n2026-03-02,2.00,\n', { preset: 'generic', settings: { currency: 'EUR' } });
  assert.ok(r.ok);
  if (r.ok) assert.deepEqual(r.statements.map((s) => [s.currency, s.transactions.map((t) => t.amount)]), [['EUR', [100n, 200n]], ['KWD', [1000n]]]);
});

test('identical rows are two payments with two ids, the same each time the file is read', async () => {
  const text = 'Date,Amount,Currency,Name\n2026-03-01,50.00,EUR,Acme\n2026-03-01,50.00,EUR,Acme\n';
  const ids = async () => {
    const r = await parse(text);
    return r.ok ? r.statements.flatMap((s) => s.transactions.map((t) => t.entryId)) : [];
  };
  const first = await ids();
  assert.equal(first.length, 2);
  assert.equal(first[1], `${first[0] ?? ''}#2`);
  assert.deepEqual(await ids(), first);
});

test('UTF-16 with a byte-order mark and tabs (Excel "Unicode text")', async () => {
  const text = 'Buchungstag\tBetrag\tWährung\tName\n02.03.2026\t1.190,00\tEUR\tMüller Bau GmbH\n';
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  const r = await parse(utf16);
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  if (r.ok) assert.deepEqual(r.statements[0]?.transactions.map((t) => [t.amount, t.counterpartyName]), [[119_000n, 'Müller Bau GmbH']]);
});

test('rows not booked yet are left out with a warning; summary rows too', async () => {
  const text = 'Type,Completed Date,Description,Amount,Currency,State\nTRANSFER,2026-03-01,From ACME LTD,100.00,GBP,COMPLETED\nTRANSFER,,From X,5.00,GBP,PENDING\nTotal,,,105.00,,\n';
  const r = await parse(text);
  assert.ok(r.ok, r.ok ? '' : r.error.message);
  if (!r.ok) return;
  assert.deepEqual(r.statements[0]?.transactions.map((t) => t.amount), [10_000n]);
  assert.deepEqual(r.warnings, ['b.csv: line 3: not booked yet ("PENDING"), left out', 'b.csv: line 4: summary row "Total", left out']);
  // A status that only mentions such a word is a booked line.
  assert.deepEqual(await amounts('Date,Amount,Currency,Info\n2026-03-01,7.00,EUR,Retry after failed direct debit\n'), [700n]);
});

test('CSV is recognised as CSV, and the other formats still as themselves', async () => {
  assert.equal(detectFamily('"Date","Amount","Text"\n"2026-03-01","1.00","see\n:61:2603010301C1,00NTRFNONREF"\n'), 'csv');
  assert.equal(detectFamily('Account:;DE89370400440532013000\n\nDate;Amount;Currency\n'), 'csv');
  assert.equal(detectFamily('01,122099999,123456789,040621,0200,1,65,,2/\n'), 'bai2');
  assert.equal(detectFamily(':20:STARTUMS\n:25:DE89370400440532013000\n:28C:0\n:60F:C260301EUR0,00\n'), 'mt940');
  assert.equal(detectFamily('<?xml version="1.0"?><Document/>'), 'camt');
  assert.equal(detectFamily('hello world'), null);
  // A file that starts like BAI2 but is asked for as CSV is read as CSV.
  assert.deepEqual(await amounts('01,Amount,Date,Currency\nx,3.00,2026-03-01,EUR\n', { preset: 'generic', mapping: { columns: { bankReference: '01' }, settings: {} } }), [300n]);
});

test('a header without the needed columns names them and what was looked for', async () => {
  assert.deepEqual(await problems('Foo,Bar,Baz\n1,2,3\n', { preset: 'generic' }), [
    'line 1, field bookingDate: no column for bookingDate or valueDate (looked for "Booking Date", "Booked", "Posting Date", "Transaction Date", "Date", "Completed Date", "Buchungstag", "Buchungsdatum", "Datum", "Date comptable", "Date d\'opération", "Date opération", "Boekdatum", "Fecha", "Fecha operación", "Value Date", "Valuta", "Valutadatum", "Wertstellung", "Date de valeur", "Rentedatum" or "Fecha valor"); map one with --map bookingDate=<column>',
    'line 1, field amount: no column for amount, or credit and debit (looked for "Amount", "Transaction Amount", "Betrag", "Umsatz", "Montant", "Bedrag", "Importe", "Amount (EUR)", "Amount (GBP)", "Amount (USD)", "Betrag (EUR)", "Betrag (€)", "Bedrag (EUR)", "Montant (EUR)", "Credit", "Credit Amount", "Paid In", "Money In", "Haben", "Eingang", "Crédit", "Debit", "Debit Amount", "Paid Out", "Money Out", "Soll", "Ausgang" or "Débit"); map one with --map amount=<column>',
    'line 1, field currency: no column for currency (looked for "Currency", "Currency Code", "Währung", "Waehrung", "Devise", "Munt" or "Moneda"); map one, or pass --currency',
  ]);
  assert.deepEqual(await problems('Datum,Summe\n2026-03-01,1.00\n', { preset: 'generic', mapping: { columns: { amount: 'Betrag' }, settings: { currency: 'EUR' } } }), [
    'line 1, field amount: the mapping names column "Betrag" for amount, but the header has no such column',
    'line 1, field amount: no column for amount, or credit and debit (looked for "Betrag", "Credit", "Credit Amount", "Paid In", "Money In", "Haben", "Eingang", "Crédit", "Debit", "Debit Amount", "Paid Out", "Money Out", "Soll", "Ausgang" or "Débit"); map one with --map amount=<column>',
  ]);
});
