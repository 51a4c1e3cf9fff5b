// The options `cash parse` and `cash import` share for bank CSV files: a preset, a mapping
// file, --map flags, and how values are written.
import { readFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import { bankCsvPresetNames, type BankCsvMapping, type BankCsvPresetName, type BankCsvSettings } from '../cash/csv-fields.ts';
import { loadBankMapping, parseBankMapFlags } from '../cash/csv-mapping.ts';
import type { BankFileOptions } from '../cash/parse-bank-file.ts';
import type { StatementParseResult } from '../cash/statement.ts';
import { DunwiseError, ErrorCode, invalid } from '../core/errors.ts';
import type { InputProblem } from '../core/ledger.ts';

/** The bank CSV flags as commander gives them. */
export type BankCsvFlags = {
  preset?: string; mapping?: string; map?: string[]; delimiter?: string; decimal?: string; dateOrder?: string;
  encoding?: string; currency?: string; account?: string;
};

/** Adds the bank CSV options to a command. */
export function withBankCsvOptions(command: Command): Command {
  return command
    .addOption(new Option('--preset <name>', 'read the files as bank CSV exports with these column names').choices([...bankCsvPresetNames]))
    .option('--mapping <file>', 'read the files as bank CSV with this YAML or JSON column mapping (field: Column, settings:)')
    .option('--map <field=Header>', 'read the files as bank CSV; map one field to a column (repeatable)', (v: string, all: string[] = []) => [...all, v])
    .addOption(new Option('--delimiter <char>', 'CSV: column separator').choices([',', ';', 'tab', '|']))
    .addOption(new Option('--decimal <style>', 'CSV: decimal separator, dot (1,234.56) or comma (1.234,56)').choices(['dot', 'comma']))
    .addOption(new Option('--date-order <order>', 'CSV: order of day, month and year in dates like 03/04/2026').choices(['ymd', 'dmy', 'mdy']))
    .addOption(new Option('--encoding <name>', 'CSV: text encoding').choices(['utf-8', 'utf-16le', 'utf-16be', 'windows-1252']))
    .option('--currency <code>', 'CSV: currency of every row, when the file has no currency column')
    .option('--account <iban>', 'CSV: your account the file is a statement of, when the file has no account column');
}

/**
 * What the flags ask for: a preset, mapping file or --map reads every file as CSV; the other
 * flags only say how to read files that are CSV (given as such, or recognised as such).
 */
export function bankFileOptions(flags: BankCsvFlags): BankFileOptions {
  let mapping: BankCsvMapping | undefined;
  if (flags.mapping !== undefined) {
    let text: string;
    try {
      text = readFileSync(flags.mapping, 'utf8');
    } catch {
      throw new DunwiseError(ErrorCode.notFound, `cannot read the mapping file ${flags.mapping}`);
    }
    const loaded = loadBankMapping(text, flags.mapping);
    if (loaded.kind === 'error') invalid(`mapping problems:\n${problemList(loaded.problems)}`);
    mapping = loaded.mapping;
  }
  if (flags.map !== undefined && flags.map.length > 0) {
    const fromFlags = parseBankMapFlags(flags.map);
    if (fromFlags.kind === 'error') invalid(`--map problems:\n${problemList(fromFlags.problems)}`);
    mapping = { columns: { ...mapping?.columns, ...fromFlags.mapping.columns }, settings: mapping?.settings ?? {} };
  }
  const settings: BankCsvSettings = {
    ...(flags.currency === undefined ? {} : { currency: flags.currency }),
    ...(flags.account === undefined ? {} : { account: flags.account }),
    ...(flags.decimal === undefined ? {} : { decimal: flags.decimal as NonNullable<BankCsvSettings['decimal']> }),
    ...(flags.dateOrder === undefined ? {} : { dateOrder: flags.dateOrder as NonNullable<BankCsvSettings['dateOrder']> }),
    ...(flags.delimiter === undefined ? {} : { delimiter: (flags.delimiter === 'tab' ? '\t' : flags.delimiter) as NonNullable<BankCsvSettings['delimiter']> }),
    ...(flags.encoding === undefined ? {} : { encoding: flags.encoding as NonNullable<BankCsvSettings['encoding']> }),
  };
  return {
    forceCsv: flags.preset !== undefined || mapping !== undefined,
    csv: { preset: (flags.preset ?? 'generic') as BankCsvPresetName, ...(mapping === undefined ? {} : { mapping }), settings },
  };
}

/** Every problem of a failed parse, one `where: message` line each. */
export function parseProblems(result: Extract<StatementParseResult, { ok: false }>): string[] {
  return (result.problems ?? [result.error]).map((p) => `${p.where}: ${p.message}`);
}

function problemList(problems: readonly InputProblem[]): string {
  return problems.map((p) => `  ${p.file}, ${p.where}${p.field ? `, ${p.field}` : ''}: ${p.reason}`).join('\n');
}
