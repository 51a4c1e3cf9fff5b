import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { Option, type Command } from 'commander';
import { DunwiseError, ErrorCode, invalid } from '../../core/errors.ts';
import type { InvoiceRecord, PaymentRecord } from '../../core/ledger.ts';
import { importInvoices } from '../../engine/import-invoices.ts';
import { importPayments } from '../../engine/import-payments.ts';
import type { ImportItem, ImportReport } from '../../engine/import-report.ts';
import { loadMapping, parseMappingFlags, presetNames, readCsvBatchesInWorker, readCsvInWorker, type ColumnMapping, type CsvImportOptions, type CsvItem } from '../../import/csv/index.ts';
import type { App } from '../../compose.ts';
import type { CommandContext } from '../context.ts';
import { fileHash } from '../file-hash.ts';
import { reportJson, reportText } from '../import-output.ts';
import { Progress } from '../progress.ts';
import { toJson } from '../table.ts';

type CsvFlags = {
  mapping?: string; map?: string[]; preset: string; delimiter: string; decimal: string; dateOrder: string;
  encoding: string; currency?: string; dueDays?: string; account?: string; json?: boolean;
};

/** `dunwise import invoices|payments <csv...>`: each file atomically, every bad row reported. */
export function register(importCommand: Command, ctx: CommandContext): void {
  for (const kind of ['invoices', 'payments'] as const) {
    const command = importCommand
      .command(`${kind} <files...>`)
      .description(kind === 'invoices'
        ? 'import invoice lists or aging-report exports (CSV); each file all or nothing'
        : 'import received payments (CSV) and apply them to the invoices they name')
      .option('--mapping <file>', 'YAML or JSON file mapping Dunwise fields to column headers')
      .option('--map <field=Header>', 'map one field to a column header (repeatable)', (v: string, all: string[] = []) => [...all, v])
      .addOption(new Option('--preset <name>', 'column names of a known export').choices([...presetNames]).default('generic'))
      .addOption(new Option('--delimiter <char>', 'column separator').choices(['auto', ',', ';', 'tab', '|']).default('auto'))
      .addOption(new Option('--decimal <style>', 'decimal separator: dot (1,234.56) or comma (1.234,56)').choices(['auto', 'dot', 'comma']).default('auto'))
      .addOption(new Option('--date-order <order>', 'order of day, month and year in dates like 03/04/2026').choices(['auto', 'ymd', 'dmy', 'mdy']).default('auto'))
      .addOption(new Option('--encoding <name>', 'text encoding').choices(['auto', 'utf-8', 'utf-16le', 'utf-16be', 'windows-1252']).default('auto'))
      .option('--currency <code>', 'currency of every row, when the file has no currency column')
      .option('--json', 'print the reports as JSON');
    if (kind === 'invoices') {
      command
        .option('--due-days <n>', 'when there is no due-date column: due this many days after the issue date')
        .option('--account <ref>', 'every row belongs to this customer (files of one customer)');
    }
    command.action(async (files: string[], flags: CsvFlags, cmd: Command) => {
      const mapping = readMapping(flags);
      await ctx.withApp(cmd, async (app) => {
        const reports: { report: ImportReport; skipped: string[] }[] = [];
        for (const file of files) {
          const result = await importOne(app, kind, file, csvOptions(file, flags, mapping), ctx.io.isTty);
          reports.push(result);
          if (!flags.json) ctx.io.out(reportText(result.report, result.skipped));
        }
        if (flags.json) ctx.io.out(toJson(reports.map((r) => reportJson(r.report, r.skipped))));
        if (reports.some((r) => r.report.status === 'rejected')) ctx.setExitCode(1);
      });
    });
  }
}

async function importOne(app: App, kind: 'invoices' | 'payments', file: string, options: CsvImportOptions, tty: boolean): Promise<{ report: ImportReport; skipped: string[] }> {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new DunwiseError(ErrorCode.notFound, `cannot read ${file}: no such file`);
  }
  const hash = await fileHash(file);
  const progress = new Progress(tty, `importing ${basename(file)}`, size);
  const skipped: string[] = [];
  let records = 0;
  let bytes = 0;
  const withProgress: CsvImportOptions = {
    ...options,
    skipRepeatCheck: true, // the import use-case checks repeats against the store
    onProgress: (b) => { bytes = b; },
    onSkip: (line, reason) => skipped.push(`line ${line}: ${reason}`),
  };
  function item<T>(read: CsvItem<T>): ImportItem<T> {
    if (read.kind !== 'record') return read;
    records += 1;
    if (records % 1000 === 0) progress.update(bytes, records);
    const where = `line ${read.line}`;
    return read.fingerprint === undefined ? { kind: 'record', where, record: read.record } : { kind: 'record', where, record: read.record, fingerprint: read.fingerprint };
  }
  try {
    // Parsing runs on a worker thread while this thread writes: both cores work.
    const report = kind === 'invoices'
      ? await importInvoices(app.ledger, { file, fileHash: hash, items: { batches: readCsvBatchesInWorker('invoices', file, withProgress, item<InvoiceRecord>) }, defaults: app.accountDefaults })
      : await importPayments(app.ledger, { file, fileHash: hash, items: readCsvInWorker('payments', file, withProgress, item<PaymentRecord>) });
    return { report, skipped };
  } finally {
    progress.done();
  }
}

function readMapping(flags: CsvFlags): ColumnMapping | undefined {
  let mapping: ColumnMapping | undefined;
  if (flags.mapping) {
    let text: string;
    try {
      text = readFileSync(flags.mapping, 'utf8');
    } catch {
      throw new DunwiseError(ErrorCode.notFound, `cannot read the mapping file ${flags.mapping}`);
    }
    const loaded = loadMapping(text, flags.mapping);
    if (loaded.kind === 'error') invalid(`mapping problems:\n${loaded.problems.map((p) => `  ${p.file}, ${p.where}${p.field ? `, ${p.field}` : ''}: ${p.reason}`).join('\n')}`);
    mapping = loaded.mapping;
  }
  if (flags.map && flags.map.length > 0) {
    const fromFlags = parseMappingFlags(flags.map);
    if (fromFlags.kind === 'error') invalid(`--map problems:\n${fromFlags.problems.map((p) => `  ${p.where}: ${p.reason}`).join('\n')}`);
    mapping = { ...mapping, ...fromFlags.mapping };
  }
  return mapping;
}

function csvOptions(file: string, flags: CsvFlags, mapping: ColumnMapping | undefined): CsvImportOptions {
  const dueDays = flags.dueDays === undefined ? undefined : Number(flags.dueDays);
  if (dueDays !== undefined && (!Number.isInteger(dueDays) || dueDays < 0 || dueDays > 3650)) invalid('--due-days must be a whole number of days from 0 to 3650');
  return {
    file,
    preset: flags.preset as CsvImportOptions['preset'] & string,
    delimiter: (flags.delimiter === 'tab' ? '\t' : flags.delimiter) as NonNullable<CsvImportOptions['delimiter']>,
    decimal: flags.decimal as NonNullable<CsvImportOptions['decimal']>,
    dateOrder: flags.dateOrder as NonNullable<CsvImportOptions['dateOrder']>,
    encoding: flags.encoding as NonNullable<CsvImportOptions['encoding']>,
    ...(mapping ? { mapping } : {}),
    ...(flags.currency ? { defaultCurrency: flags.currency } : {}),
    ...(dueDays !== undefined ? { defaultDueDays: dueDays } : {}),
    ...(flags.account ? { account: { ref: flags.account } } : {}),
  };
}
