import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { DunwiseError, ErrorCode } from '../../core/errors.ts';
import { importInvoices } from '../../engine/import-invoices.ts';
import type { ImportReport } from '../../engine/import-report.ts';
import { parseEInvoice, toDryRunJson, toInvoiceRecord, type EInvoiceResult } from '../../import/einvoice/index.ts';
import type { CommandContext } from '../context.ts';
import { reportJson, reportText } from '../import-output.ts';
import { renderTable, toJson } from '../table.ts';

/** `dunwise import einvoice <files...>`: UBL, CII and Factur-X/ZUGFeRD PDFs, one transaction each. */
export function register(importCommand: Command, ctx: CommandContext): void {
  importCommand
    .command('einvoice <files...>')
    .description('import e-invoices: UBL 2.1, UN/CEFACT CII (XRechnung, Peppol BIS, ZUGFeRD/Factur-X) and Factur-X PDFs; folders are searched for .xml and .pdf')
    .option('--dry-run', 'read and check the files, write nothing')
    .option('--json', 'print JSON: with --dry-run one element per file {file, ok, invoice|error}')
    .action(async (paths: string[], opts: { dryRun?: boolean; json?: boolean }, command: Command) => {
      const files = expand(paths);
      if (opts.dryRun) {
        const results: { file: string; result: EInvoiceResult }[] = [];
        for (const file of files) results.push({ file, result: await parseEInvoice(readFileSync(file), file) });
        ctx.io.out(opts.json ? toJson(results.map((r) => toDryRunJson(r.file, r.result))) : dryRunText(results));
        if (results.some((r) => !r.result.ok)) ctx.setExitCode(1);
        return;
      }
      await ctx.withApp(command, async (app) => {
        const reports: ImportReport[] = [];
        for (const file of files) {
          const bytes = readFileSync(file);
          const result = await parseEInvoice(bytes, file);
          const item = result.ok
            ? { kind: 'record' as const, where: file, record: toInvoiceRecord(result.invoice) }
            : { kind: 'problem' as const, problem: { file, where: result.error.where, field: null, reason: result.error.message } };
          const report = await importInvoices(app.ledger, { file, fileHash: hashOf(bytes), items: [item], defaults: app.accountDefaults });
          reports.push(report);
          if (!opts.json) ctx.io.out(reportText(report, []));
        }
        if (opts.json) ctx.io.out(toJson(reports.map((r) => reportJson(r, []))));
        if (reports.some((r) => r.status === 'rejected')) ctx.setExitCode(1);
      });
    });
}

function hashOf(bytes: Buffer): string {
  return bytes.length.toString(16) + ':' + bytes.subarray(0, 64).toString('hex');
}

/** Files as given; folders are searched (recursively) for .xml and .pdf files. */
function expand(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const path of paths) {
    let isDir: boolean;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      throw new DunwiseError(ErrorCode.notFound, `cannot read ${path}: no such file or folder`);
    }
    if (!isDir) {
      out.push(path);
      continue;
    }
    const inside = readdirSync(path, { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(xml|pdf)$/i.test(f))
      .sort()
      .map((f) => join(path, f));
    out.push(...inside);
  }
  return out;
}

function dryRunText(results: readonly { file: string; result: EInvoiceResult }[]): string {
  const rows: string[][] = [];
  const rejected: string[] = [];
  for (const { file, result } of results) {
    if (!result.ok) {
      rejected.push(`  ${file}: ${result.error.message}\n    at ${result.error.where}`);
      continue;
    }
    const i = result.invoice;
    const j = toDryRunJson(file, result) as { invoice: { payable: string } };
    rows.push([file, i.number, i.kind === 'credit_note' ? 'credit' : 'invoice', i.currency, j.invoice.payable, `${i.dueDate ?? '-'} (${i.dueDateSource})`, i.buyer.name ?? '']);
  }
  const parts: string[] = [];
  if (rows.length > 0) parts.push(renderTable(['File', 'Number', 'Kind', 'Cur', 'Payable', 'Due', 'Buyer'], rows, new Set([4])));
  if (rejected.length > 0) parts.push(`Rejected:\n${rejected.join('\n')}`);
  parts.push(`${rows.length} of ${results.length} files read; nothing was written (--dry-run).`);
  return parts.join('\n\n');
}
