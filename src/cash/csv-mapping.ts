// Bank CSV mapping files (YAML or JSON) and --map flags, read with the invoice importer's
// machinery so problems name the file, line and field the same way.
import { z } from 'zod';
import type { InputProblem } from '../core/ledger.ts';
import { parseColumnFlags, readYamlObject } from '../import/csv/index.ts';
import { bankCsvFields, type BankCsvMapping } from './csv-fields.ts';

/** A mapping, or the problems that stopped it from being read. */
export type BankMappingResult =
  | { readonly kind: 'ok'; readonly mapping: BankCsvMapping }
  | { readonly kind: 'error'; readonly problems: readonly InputProblem[] };

const headerNames = z.union([z.string().trim().min(1), z.array(z.string().trim().min(1)).min(1)]);
const settingsSchema = z.strictObject({
  currency: z.string().regex(/^[A-Za-z]{3}$/, 'a three-letter ISO 4217 code').optional(),
  account: z.string().trim().min(1).optional(),
  decimal: z.enum(['dot', 'comma']).optional(),
  dateOrder: z.enum(['ymd', 'dmy', 'mdy']).optional(),
  delimiter: z.enum([',', ';', '\t', '|']).optional(),
  encoding: z.enum(['utf-8', 'utf-16le', 'utf-16be', 'windows-1252']).optional(),
});
const fileSchema = z.strictObject({
  ...Object.fromEntries(bankCsvFields.map((f) => [f, headerNames.optional()])),
  settings: settingsSchema.optional(),
});
const knownKeys = [...bankCsvFields, 'settings'];

/**
 * Reads a bank CSV mapping file: `field: Column` (or a list of columns) per field, and an
 * optional `settings:` with currency, account, decimal, dateOrder, delimiter and encoding.
 */
export function loadBankMapping(text: string, fileName: string): BankMappingResult {
  const read = readYamlObject(text, fileName, fileSchema, knownKeys, describe);
  if (read.kind === 'error') return read;
  const { settings, ...columns } = read.value as z.infer<typeof fileSchema> & { settings?: z.infer<typeof settingsSchema> };
  const mapping: BankCsvMapping = { columns, settings: withoutUndefined(settings ?? {}) };
  return { kind: 'ok', mapping };
}

/** Reads `--map field=Header` flags for bank CSV fields. */
export function parseBankMapFlags(flags: readonly string[]): BankMappingResult {
  const read = parseColumnFlags(flags, bankCsvFields);
  return read.kind === 'ok' ? { kind: 'ok', mapping: { columns: read.value, settings: {} } } : read;
}

function describe(message: string, key: string | null): string {
  if (key === null) return 'a bank CSV mapping must be an object of field: column name (and settings:)';
  if (key === 'settings') return `settings must be an object of currency, account, decimal (dot|comma), dateOrder (ymd|dmy|mdy), delimiter, encoding (${message})`;
  return `${key} must be a column name or a list of column names (${message})`;
}

function withoutUndefined(value: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));
}
