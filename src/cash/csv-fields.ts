// What a bank CSV column can hold, and how a file's columns and formats are described.
import type { CsvDelimiter, CsvEncoding, DateOrder, DecimalStyle } from '../import/csv/index.ts';

/** The transaction fields a bank CSV column can fill. */
export const bankCsvFields = [
  'bookingDate',
  'valueDate',
  'amount',
  'credit',
  'debit',
  'direction',
  'currency',
  'counterpartyName',
  'counterpartyIban',
  'reference',
  'remittance',
  'endToEndId',
  'bankReference',
  'account',
  'balance',
  'status',
] as const;
export type BankCsvField = (typeof bankCsvFields)[number];

/** Field -> the header name(s) that fill it: the first present wins, except for remittance, where all present are joined. */
export type BankColumnMapping = Readonly<Partial<Record<BankCsvField, string | readonly string[]>>>;

/** How the values of a file are written, and what it leaves out. */
export type BankCsvSettings = {
  /** The currency of every row, when the file has no currency column (ISO 4217). */
  readonly currency?: string;
  /** Your account (IBAN) the file is a statement of, when the file has no account column. */
  readonly account?: string;
  readonly decimal?: DecimalStyle;
  readonly dateOrder?: DateOrder;
  readonly delimiter?: Exclude<CsvDelimiter, 'auto'>;
  readonly encoding?: Exclude<CsvEncoding, 'auto'>;
};

/** A mapping file: columns, and optionally settings. */
export type BankCsvMapping = { readonly columns: BankColumnMapping; readonly settings: BankCsvSettings };

/** The names of the shipped presets. */
export const bankCsvPresetNames = ['generic', 'sparkasse', 'rabobank', 'ing-nl'] as const;
export type BankCsvPresetName = (typeof bankCsvPresetNames)[number];

/** How to read one bank CSV: a preset, a mapping over it, and settings over both. */
export type BankCsvOptions = {
  readonly preset: BankCsvPresetName;
  readonly mapping?: BankCsvMapping;
  /** From the command line; each one given wins over the mapping's and the preset's. */
  readonly settings?: BankCsvSettings;
};
