import type { InputProblem } from '../../core/ledger.ts';
import type { DateOrder } from './dates.ts';
import type { CsvEncoding } from './decode.ts';
import type { ColumnMapping } from './mapping.ts';
import type { DecimalStyle } from './numbers.ts';
import type { PresetName } from './presets.ts';

/** Field delimiters a CSV file may use; 'auto' picks one from the header line. */
export type CsvDelimiter = 'auto' | ',' | ';' | '\t' | '|';

/** How to read one CSV file. Only `file` is required. */
export type CsvImportOptions = {
  /** The file name shown in problems. */
  readonly file: string;
  /** Field -> column name(s); overrides the preset for the fields it names. */
  readonly mapping?: ColumnMapping;
  /** Header synonyms to fall back on: 'generic' (default), 'xero', 'qbo'. */
  readonly preset?: PresetName;
  readonly delimiter?: CsvDelimiter;
  readonly encoding?: CsvEncoding;
  /** 'auto' (default): fixed by the first unambiguous amount; ';' files start as 'comma'. */
  readonly decimal?: 'auto' | DecimalStyle;
  /** 'auto' (default): fixed by the first slash date with a day above 12. */
  readonly dateOrder?: 'auto' | DateOrder;
  /** The currency of every row when the file has no currency column (ISO 4217). */
  readonly defaultCurrency?: string;
  /** Without a due-date column: due = issue date + this many days (dueDateSource 'derived'). */
  readonly defaultDueDays?: number;
  /** The customer of every row, for single-customer files without customer columns. */
  readonly account?: { readonly ref: string; readonly name?: string };
  /**
   * Leave out the check for an invoice number or payment ref seen twice in the file. For
   * callers that check repeats themselves (the import use-case does, against the store), so
   * a million-row file does not keep a million keys in memory.
   */
  readonly skipRepeatCheck?: boolean;
  /** Called with the total bytes read so far, for a progress bar. */
  readonly onProgress?: (bytesRead: number) => void;
  /** Called for rows deliberately left out: report subtotals, section titles, payments in an aging report. */
  readonly onSkip?: (line: number, reason: string) => void;
};

/** One result of reading a CSV file: a validated record, or a problem with one row. */
export type CsvItem<T> =
  | { readonly kind: 'record'; readonly line: number; readonly record: T; readonly fingerprint?: string }
  | { readonly kind: 'problem'; readonly problem: InputProblem };
