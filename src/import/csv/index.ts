// The CSV importer's public surface: readers, mapping loaders, and the value parsers the
// CLI reuses to explain flags.
export { readInvoiceCsv } from './read-invoices.ts';
export { readPaymentCsv } from './read-payments.ts';
export { readCsvBatchesInWorker, readCsvInWorker } from './read-in-worker.ts';
export { loadMapping, parseMappingFlags, invoiceFields, paymentFields } from './mapping.ts';
export type { ColumnMapping, MappingResult, InvoiceField, PaymentField, CsvField } from './mapping.ts';
export { presetNames } from './presets.ts';
export type { PresetName } from './presets.ts';
export type { CsvImportOptions, CsvItem, CsvDelimiter } from './options.ts';
export type { CsvEncoding } from './decode.ts';
export { normalizeLocaleNumber } from './numbers.ts';
export type { DecimalStyle, LocaleNumber } from './numbers.ts';
export { parseLocaleDate } from './dates.ts';
export type { DateOrder, LocaleDate } from './dates.ts';
// The pieces other CSV readers (bank statements) are built from.
export { readTable } from './table.ts';
export type { TableRow, TableSpec } from './table.ts';
export { headerKey, quoteList } from './columns.ts';
export type { ColumnIndex, ColumnIssue, ColumnWish } from './columns.ts';
export { createValueReader } from './values.ts';
export type { Read, ValueReader } from './values.ts';
export { parseColumnFlags, readYamlObject } from './mapping.ts';
export type { YamlObjectResult } from './mapping.ts';
