import type { Command } from 'commander';
import { parseBankFile, type BankFileOptions } from '../../cash/parse-bank-file.ts';
import { DunwiseError, ErrorCode } from '../../core/errors.ts';
import { importStatement, type StatementReport } from '../../engine/cash-import-statement.ts';
import { cashSession, type CashSession } from '../../engine/cash-session.ts';
import type { App } from '../../compose.ts';
import { bankFileOptions, parseProblems, withBankCsvOptions, type BankCsvFlags } from '../bank-csv-flags.ts';
import type { CommandContext } from '../context.ts';
import { fileHash } from '../file-hash.ts';
import { toJson } from '../table.ts';
import { readFileSync } from 'node:fs';

/** `dunwise cash import <files...>`: bank statements into the ledger, each file all or nothing. */
export function register(cash: Command, ctx: CommandContext): void {
  withBankCsvOptions(
    cash
      .command('import <files...>')
      .description('import bank statements (camt, MT940, BAI2, bank CSV): apply clear payments to open invoices, queue the rest for review; each file all or nothing, never twice')
      .option('--json', 'print the reports as JSON'),
  ).action(async (files: string[], opts: BankCsvFlags & { json?: boolean }, command: Command) => {
    const options = bankFileOptions(opts);
    await ctx.withApp(command, async (app) => {
      const reports: StatementReport[] = [];
      // The files share one matching state: the open invoices are read and indexed once.
      const session = cashSession();
      for (const file of files) {
        const report = await importOne(app, file, session, options, (w) => ctx.io.err(`warning: ${w}`));
        reports.push(report);
        if (!opts.json) ctx.io.out(reportText(report));
      }
      if (opts.json) ctx.io.out(toJson(reports));
      if (reports.some((r) => r.status === 'rejected')) ctx.setExitCode(1);
    });
  });
}

async function importOne(app: App, file: string, session: CashSession, options: BankFileOptions, warn: (w: string) => void): Promise<StatementReport> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new DunwiseError(ErrorCode.notFound, `cannot read ${file}: no such file`);
  }
  const hash = await fileHash(file);
  const parsed = await parseBankFile(bytes, file, options);
  if (!parsed.ok) {
    const problems = parseProblems(parsed);
    await app.cash.recordRejectedImport({ kind: 'statement', file, fileHash: hash, records: 0, problems: problems.length });
    const none = { applied: 0, queued: 0, unmatched: 0, ignored: 0, reversals: 0, already: 0 };
    return { file, format: 'unknown', status: 'rejected', lines: 0, ...none, problems };
  }
  // Rows left out on purpose (not booked yet, subtotals) are said, so nothing disappears unseen.
  for (const w of parsed.warnings) warn(w);
  return importStatement(app.cash, { file, fileHash: hash, format: parsed.format, statements: parsed.statements, today: app.clock.today(app.config.timeZone), session });
}

/** One statement import in plain words. */
export function reportText(r: StatementReport): string {
  if (r.status === 'rejected') return [`${r.file}: REJECTED, nothing was imported:`, ...r.problems.map((p) => `  ${p}`)].join('\n');
  const parts = [`${r.applied} applied`, `${r.queued} queued for review`, `${r.unmatched} unmatched`, `${r.ignored} ignored (payments out)`];
  if (r.reversals > 0) parts.push(`${r.reversals} reversal${r.reversals === 1 ? '' : 's'} (invoices reopened)`);
  if (r.already > 0) parts.push(`${r.already} imported before (left alone)`);
  return `${r.file}: ${r.format}, ${r.lines} line${r.lines === 1 ? '' : 's'}: ${parts.join(', ')}`;
}
