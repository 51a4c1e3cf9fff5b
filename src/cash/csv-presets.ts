// Column names of bank CSV exports: a generic set in several languages, and the layouts of a
// few banks whose exports are described publicly. A mapping file or --map overrides any field.
import type { BankCsvField, BankCsvPresetName, BankCsvSettings } from './csv-fields.ts';

/** A preset: header names per field, tried in order, and how the bank writes values. */
export type BankCsvPreset = {
  readonly columns: Readonly<Partial<Record<BankCsvField, readonly string[]>>>;
  readonly settings: BankCsvSettings;
};

// Headers seen in bank and payment-account exports in English, German, French, Dutch and
// Spanish. "Valuta" is a value date in German, a currency in Dutch and Italian: it is read as
// the value date, the German sense.
// prettier-ignore
const generic: BankCsvPreset = {
  settings: {},
  columns: {
    bookingDate: ['Booking Date', 'Booked', 'Posting Date', 'Transaction Date', 'Date', 'Completed Date',
      'Buchungstag', 'Buchungsdatum', 'Datum', 'Date comptable', "Date d'opération", 'Date opération',
      'Boekdatum', 'Fecha', 'Fecha operación'],
    valueDate: ['Value Date', 'Valuta', 'Valutadatum', 'Wertstellung', 'Date de valeur', 'Rentedatum', 'Fecha valor'],
    amount: ['Amount', 'Transaction Amount', 'Betrag', 'Umsatz', 'Montant', 'Bedrag', 'Importe', 'Amount (EUR)',
      'Amount (GBP)', 'Amount (USD)', 'Betrag (EUR)', 'Betrag (€)', 'Bedrag (EUR)', 'Montant (EUR)'],
    credit: ['Credit', 'Credit Amount', 'Paid In', 'Money In', 'Haben', 'Eingang', 'Crédit'],
    debit: ['Debit', 'Debit Amount', 'Paid Out', 'Money Out', 'Soll', 'Ausgang', 'Débit'],
    direction: ['Credit/Debit', 'Debit/Credit', 'CR/DR', 'DR/CR', 'Soll/Haben', 'S/H', 'Af Bij', 'Af/Bij'],
    currency: ['Currency', 'Currency Code', 'Währung', 'Waehrung', 'Devise', 'Munt', 'Moneda'],
    counterpartyName: ['Counterparty', 'Counterparty Name', 'Payer', 'Payer Name', 'Payee', 'Name', 'Beneficiary',
      'Auftraggeber/Empfänger', 'Beguenstigter/Zahlungspflichtiger', 'Begünstigter/Zahlungspflichtiger',
      'Name Zahlungsbeteiligter', 'Zahlungspflichtige*r', 'Contrepartie', 'Naam / Omschrijving', 'Tiers', 'Naam tegenpartij', 'Tegenpartij', 'Ordenante'],
    counterpartyIban: ['Counterparty IBAN', 'Payer IBAN', 'IBAN', 'Counterparty Account', 'Kontonummer/IBAN',
      'IBAN Zahlungsbeteiligter', 'IBAN contrepartie', 'Tegenrekening IBAN/BBAN', 'Tegenrekening'],
    reference: ['Reference', 'Payment Reference', 'Creditor Reference', 'Structured Reference', 'Zahlungsreferenz',
      'Référence', 'Betalingskenmerk', 'Referencia'],
    remittance: ['Remittance Information', 'Remittance', 'Description', 'Details', 'Narrative', 'Memo', 'Purpose',
      'Verwendungszweck', 'Libellé', 'Communication', 'Omschrijving', 'Omschrijving-1', 'Omschrijving-2', 'Omschrijving-3',
      'Mededelingen', 'Concepto'],
    endToEndId: ['End-to-End ID', 'End to End ID', 'EndToEndId', 'E2E ID', 'End-to-End-Referenz', 'Kundenreferenz (End-to-End)', 'Kundenreferenz',
      'Transactiereferentie'],
    bankReference: ['Bank Reference', 'Transaction ID', 'Transaction Reference', 'Entry Reference', 'Bankreferenz', 'Référence banque', 'Volgnr'],
    account: ['Account IBAN', 'Own Account', 'Auftragskonto', 'IBAN Auftragskonto', 'Compte', 'IBAN/BBAN', 'Rekening'],
    balance: ['Balance', 'Running Balance', 'Balance After', 'Saldo', 'Kontostand', 'Solde', 'Saldo na trn', 'Saldo na mutatie'],
    status: ['Status', 'State', 'Info'],
  },
};

// Sparkasse online banking, export "CSV-CAMT" (and the older "CSV-MT940", whose counterparty
// account column is "Kontonummer"): ';'-separated, every cell quoted, Windows-1252, dates
// DD.MM.YY, amounts "-1234,56", "Info" saying "Umsatz gebucht" or "Umsatz vorgemerkt"
// (pending). Layout as in the sample files published with open-source importers, e.g.
// reubano/csv2ofx data/test/sparkasse.csv and Hamburger Sparkasse examples on GitHub.
// prettier-ignore
const sparkasse: BankCsvPreset = {
  settings: { decimal: 'comma', dateOrder: 'dmy' },
  columns: {
    account: ['Auftragskonto'],
    bookingDate: ['Buchungstag'],
    valueDate: ['Valutadatum'],
    remittance: ['Verwendungszweck'],
    endToEndId: ['Kundenreferenz (End-to-End)'],
    counterpartyName: ['Beguenstigter/Zahlungspflichtiger', 'Begünstigter/Zahlungspflichtiger'],
    counterpartyIban: ['Kontonummer/IBAN', 'Kontonummer'],
    amount: ['Betrag'],
    currency: ['Waehrung', 'Währung'],
    status: ['Info'],
  },
};

// Rabobank (NL) "CSV (kommagescheiden)" since 2018, per Rabobank's "Formaatbeschrijving CSV":
// ','-separated, quoted, dates YYYY-MM-DD, signed amounts "+1.234,56", a running balance, a
// sequence number per account (Volgnr), the end-to-end id (Transactiereferentie), the Dutch
// structured reference (Betalingskenmerk) and the description in three columns. Column names
// as in public importers, e.g. reubano/csv2ofx csv2ofx/mappings/rabobank.py.
// prettier-ignore
const rabobank: BankCsvPreset = {
  settings: { decimal: 'comma' },
  columns: {
    account: ['IBAN/BBAN'],
    currency: ['Munt'],
    bankReference: ['Volgnr'],
    bookingDate: ['Datum'],
    valueDate: ['Rentedatum'],
    amount: ['Bedrag'],
    balance: ['Saldo na trn'],
    counterpartyIban: ['Tegenrekening IBAN/BBAN'],
    counterpartyName: ['Naam tegenpartij', 'Naam uiteindelijke partij'],
    endToEndId: ['Transactiereferentie'],
    reference: ['Betalingskenmerk'],
    remittance: ['Omschrijving-1', 'Omschrijving-2', 'Omschrijving-3'],
  },
};

// ING Netherlands "Af- en bijschrijvingen" CSV: ';'- or ','-separated, dates YYYYMMDD,
// unsigned amounts in "Bedrag (EUR)" with the direction in "Af Bij" ("Af" out, "Bij" in), the
// counterparty in "Naam / Omschrijving" and "Tegenrekening", the text in "Mededelingen".
// prettier-ignore
const ingNl: BankCsvPreset = {
  settings: { decimal: 'comma' },
  columns: {
    bookingDate: ['Datum'],
    counterpartyName: ['Naam / Omschrijving'],
    account: ['Rekening'],
    counterpartyIban: ['Tegenrekening'],
    direction: ['Af Bij'],
    amount: ['Bedrag (EUR)', 'Bedrag'],
    remittance: ['Mededelingen'],
    balance: ['Saldo na mutatie'],
  },
};

/** The presets by name. */
export const bankCsvPresets: Readonly<Record<BankCsvPresetName, BankCsvPreset>> = {
  generic,
  sparkasse,
  rabobank,
  'ing-nl': ingNl,
};
