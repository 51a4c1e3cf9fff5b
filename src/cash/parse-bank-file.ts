// The entry point for any bank file the CLI is given: a CSV export (with a column mapping) or
// a camt, MT940 or BAI2 statement, recognised from its content.
import { decodeBankText } from './decode.ts';
import { detectFamily } from './detect.ts';
import type { BankCsvOptions } from './csv-fields.ts';
import { parseBankCsv } from './csv-statement.ts';
import { parseStatementFile } from './parse-statement.ts';
import type { StatementParseResult } from './statement.ts';

/** How to read bank files: CSV settings, and whether every file is CSV. */
export type BankFileOptions = {
  /** The preset, mapping and settings a CSV file is read with. */
  readonly csv: BankCsvOptions;
  /** A preset or mapping was asked for: read the file as CSV whatever it looks like. */
  readonly forceCsv: boolean;
};

const plain: BankFileOptions = { csv: { preset: 'generic' }, forceCsv: false };

/**
 * Reads a bank file. Forced, or when its first line is a delimited header, it is read as CSV
 * (`parseBankCsv`); anything else goes to `parseStatementFile` (camt, MT940, BAI2).
 */
export async function parseBankFile(bytes: Uint8Array, file: string, options: BankFileOptions = plain): Promise<StatementParseResult> {
  if (options.forceCsv || detectFamily(headText(bytes)) === 'csv') return parseBankCsv(bytes, file, options.csv);
  return parseStatementFile(bytes, file);
}

// Enough of the file, as text, to see its format; Excel's "Unicode text" CSV is UTF-16.
function headText(bytes: Uint8Array): string {
  const head = bytes.subarray(0, 64 * 1024);
  if (head[0] === 0xff && head[1] === 0xfe) return new TextDecoder('utf-16le').decode(head.subarray(2));
  if (head[0] === 0xfe && head[1] === 0xff) return new TextDecoder('utf-16be').decode(head.subarray(2));
  return decodeBankText(head).text;
}
