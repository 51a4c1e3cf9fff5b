// The one entry point for bank files: detect, decode, parse, and never throw for bad input.
import { parseBai2 } from './bai2.ts';
import { parseCamt } from './camt.ts';
import { decodeBankText } from './decode.ts';
import { detectFamily } from './detect.ts';
import { parseMt940 } from './mt940.ts';
import { StatementFailure, type StatementParseResult } from './statement.ts';

/**
 * Reads a camt.052/053/054, MT940/MT942 or BAI2 file into statements with normalised
 * transactions. Bad input gives `{ ok: false, error: { message, where } }`, `where` naming
 * the file and the line or XML element.
 */
export function parseStatementFile(bytes: Uint8Array, file: string): StatementParseResult {
  const warnings: string[] = [];
  const warn = (w: string): void => {
    warnings.push(w);
  };
  try {
    const { text } = decodeBankText(bytes);
    const family = detectFamily(text);
    switch (family) {
      case 'camt': {
        const { format, statements } = parseCamt(text, warn);
        return { ok: true, format, statements, warnings };
      }
      case 'mt940': {
        const { format, statements } = parseMt940(text, warn);
        return { ok: true, format, statements, warnings };
      }
      case 'bai2':
        return { ok: true, format: 'bai2', statements: parseBai2(text, warn), warnings };
      case 'csv':
        return failure('looks like a CSV file: bank CSV files are read with a column mapping (dunwise cash parse|import --preset or --mapping)', file, 'start of file');
      case null:
        return failure('not a camt.052/053/054, MT940/MT942 or BAI2 file', file, 'start of file');
    }
  } catch (error) {
    if (error instanceof StatementFailure) return failure(error.message, file, error.where);
    if (error instanceof RangeError) return failure(error.message, file, 'unknown position');
    throw error;
  }
}

function failure(message: string, file: string, where: string): StatementParseResult {
  return { ok: false, error: { message, where: `${file}: ${where}` } };
}
