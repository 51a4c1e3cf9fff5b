// The CSV importer's public surface: readers, mapping loaders, and the value parsers the
// CLI reuses to explain flags.
export { readInvoiceCsv } from './read-invoices.ts';
export { readPaymentCsv } from './read-payments.ts';
export { readCsvInWorker } from './read-in-worker.ts';
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
